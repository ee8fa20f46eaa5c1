"""CKV_AISEC_85: Bedrock agents of the awscc provider are encrypted with a customer-managed KMS key.

awscc_bedrock_agent names the key as aws_bedrockagent_agent does (customer_encryption_key_arn, a top-level
string), so the aws rule's logic (CKV_AISEC_31) judges it unchanged.
"""

from __future__ import annotations

from policies.model import Resource, Result
from policies.rules.bedrock.bedrock_agent_cmk import evaluate as judge_agent_key


def evaluate(resource: Resource) -> Result:
    return judge_agent_key(resource)
