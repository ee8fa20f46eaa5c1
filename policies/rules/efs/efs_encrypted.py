"""CKV_AISEC_50: an EFS file system is encrypted at rest (encrypted = true; unset means false)."""

from __future__ import annotations

from policies.model import Resource, Result, as_bool, failed, is_reference, is_unresolved, is_unset, passed, unknown

ATTRIBUTE = "encrypted"


def evaluate(resource: Resource) -> Result:
    encrypted = resource.get(ATTRIBUTE)
    if is_unset(encrypted):
        return failed(
            "encrypted is not set: EFS creates the file system unencrypted and cannot encrypt it later", ATTRIBUTE
        )
    if is_unresolved(encrypted) or is_reference(encrypted):
        return unknown(f"encrypted is not known at plan time ({encrypted})", ATTRIBUTE)
    value = as_bool(encrypted)
    if value is None:
        return unknown(f"encrypted is not a boolean ({encrypted!r})", ATTRIBUTE)
    if not value:
        return failed(
            "encrypted is false: the file system stores data unencrypted, whatever kms_key_id says", ATTRIBUTE
        )
    key = resource.get("kms_key_id")
    if is_unset(key):
        return passed("encrypted at rest with the AWS-managed aws/elasticfilesystem key", ATTRIBUTE)
    return passed(f"encrypted at rest with {key}", ATTRIBUTE)
