"""CKV_AISEC_30: Bedrock custom models are encrypted with a customer-managed KMS key."""

from __future__ import annotations

from policies.kms import judge_kms_key
from policies.model import Resource, Result

ATTRIBUTE = "custom_model_kms_key_id"
WHEN_UNSET = "the model weights are encrypted with an AWS-owned key"


def evaluate(resource: Resource) -> Result:
    return judge_kms_key(resource.get(ATTRIBUTE), ATTRIBUTE, WHEN_UNSET, ATTRIBUTE)
