"""CKV_AISEC_87: Bedrock guardrails of the awscc provider are encrypted with a customer-managed KMS key.

awscc_bedrock_guardrail names the key as aws_bedrock_guardrail does (kms_key_arn, a top-level string), so the
aws rule's logic (CKV_AISEC_33) judges it unchanged.
"""

from __future__ import annotations

from policies.model import Resource, Result
from policies.rules.bedrock.bedrock_guardrail_cmk import evaluate as judge_guardrail_key


def evaluate(resource: Resource) -> Result:
    return judge_guardrail_key(resource)
