"""CKV_AISEC_11: a SageMaker notebook instance encrypts its ML storage volume with a customer-managed KMS key."""

from __future__ import annotations

from policies.model import Resource, Result
from policies.sagemaker_values import judge_kms_key


def evaluate(resource: Resource) -> Result:
    return judge_kms_key(
        resource.get("kms_key_id"),
        "kms_key_id",
        "the notebook's storage volume is encrypted with a key AWS manages",
    )
