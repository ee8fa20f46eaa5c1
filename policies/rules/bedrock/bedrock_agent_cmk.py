"""CKV_AISEC_31: Bedrock agents are encrypted with a customer-managed KMS key."""

from __future__ import annotations

from policies.kms import judge_kms_key
from policies.model import Resource, Result

ATTRIBUTE = "customer_encryption_key_arn"


def evaluate(resource: Resource) -> Result:
    return judge_kms_key(
        resource.get(ATTRIBUTE),
        ATTRIBUTE,
        "the agent's configuration and session data use an AWS-owned key",
        ATTRIBUTE,
    )
