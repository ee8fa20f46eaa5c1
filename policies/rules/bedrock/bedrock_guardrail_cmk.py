"""CKV_AISEC_33: Bedrock guardrails are encrypted with a customer-managed KMS key."""

from __future__ import annotations

from policies.kms import judge_kms_key
from policies.model import Resource, Result

ATTRIBUTE = "kms_key_arn"


def evaluate(resource: Resource) -> Result:
    return judge_kms_key(
        resource.get(ATTRIBUTE), ATTRIBUTE, "the guardrail's policies are encrypted with an AWS-owned key", ATTRIBUTE
    )
