"""CKV_AISEC_76: CloudWatch log groups are encrypted with a customer-managed KMS key."""

from __future__ import annotations

from policies.kms import judge_kms_key
from policies.model import Resource, Result


def evaluate(resource: Resource) -> Result:
    return judge_kms_key(
        resource.get("kms_key_id"), "kms_key_id", "the log events are encrypted only with keys AWS owns", "kms_key_id"
    )
