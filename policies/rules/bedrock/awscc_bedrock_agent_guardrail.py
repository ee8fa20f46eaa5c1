"""CKV_AISEC_86: Bedrock agents of the awscc provider have a guardrail attached.

awscc_bedrock_agent's guardrail_configuration is an object attribute where aws_bedrockagent_agent has a list of
one object; Checkov delivers it as a dict (HCL) or a one-item list of dicts (plan JSON), and the aws rule's logic
(CKV_AISEC_32) reads both. A member missing from the object counts as computed at apply there, which is also
the only reading of a missing member in an awscc plan that does not fail every agent whose guardrail is a
reference.
"""

from __future__ import annotations

from policies.model import Resource, Result
from policies.rules.bedrock.bedrock_agent_guardrail import evaluate as judge_agent_guardrail


def evaluate(resource: Resource) -> Result:
    return judge_agent_guardrail(resource)
