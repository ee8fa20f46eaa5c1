"""CKV_AISEC_11: a SageMaker notebook instance encrypts its ML storage volume with a customer-managed KMS key."""

from __future__ import annotations

from policies.kms import judge_kms_key
from policies.model import Resource, Result


def evaluate(resource: Resource) -> Result:
    return judge_kms_key(
        resource.get("kms_key_id"),
        "kms_key_id",
        "the notebook's storage volume is encrypted with a key AWS manages",
        attribute="kms_key_id",
    )
