"""CKV_AISEC_76: CloudWatch log groups are encrypted with a customer-managed KMS key."""

from __future__ import annotations

from policies.model import Resource, Result, failed, is_reference, is_unresolved, is_unset, passed, unknown

AWS_MANAGED_ALIAS_PREFIX = "alias/aws/"


def _is_aws_managed(key_id: str) -> bool:
    text = key_id.strip()
    alias = text.split(":", 5)[5] if text.startswith("arn:") and text.count(":") >= 5 else text
    return alias.startswith(AWS_MANAGED_ALIAS_PREFIX)


def evaluate(resource: Resource) -> Result:
    key_id = resource.get("kms_key_id")
    if is_unset(key_id):
        return failed("kms_key_id is unset: the log events are encrypted only with keys AWS owns")
    if is_reference(key_id):
        return passed(f"encrypted with the referenced key {key_id}")
    if is_unresolved(key_id):
        return unknown(f"kms_key_id is not known at plan time ({key_id})")
    if not isinstance(key_id, str):
        return unknown(f"kms_key_id is not a string ({key_id!r})")
    if _is_aws_managed(key_id):
        return failed(f"kms_key_id {key_id} is an AWS-managed key")
    return passed(f"encrypted with customer-managed key {key_id}")
