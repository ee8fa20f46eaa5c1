"""CKV_AISEC_14: a SageMaker Studio domain encrypts its users' storage with a customer-managed KMS key."""

from __future__ import annotations

from policies.kms import judge_kms_key
from policies.model import Resource, Result


def evaluate(resource: Resource) -> Result:
    return judge_kms_key(
        resource.get("kms_key_id"),
        "kms_key_id",
        "the domain's home file system and space volumes are encrypted with a key AWS manages",
        attribute="kms_key_id",
    )
