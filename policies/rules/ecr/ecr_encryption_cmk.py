"""CKV_AISEC_46: an ECR repository encrypts its images with a customer-managed KMS key."""

from __future__ import annotations

from policies.kms import judge_kms_key
from policies.model import (
    Resource,
    Result,
    combine,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    unknown,
)

BLOCK = "encryption_configuration"
KMS_TYPES = ("KMS", "KMS_DSSE")
AES256 = "AES256"
TYPE = f"{BLOCK}/encryption_type"


def _judge_block(block: dict) -> Result:
    encryption_type = block.get("encryption_type")
    if is_unset(encryption_type):
        return failed("encryption_type is not set: the default AES256 uses keys AWS owns, not a KMS key", TYPE)
    if is_unresolved(encryption_type) or is_reference(encryption_type):
        return unknown(f"encryption_type is not known at plan time ({encryption_type})", TYPE)
    if not isinstance(encryption_type, str):
        return unknown(f"encryption_type is not a string ({encryption_type!r})", TYPE)
    normalized = encryption_type.strip().upper()
    if normalized == AES256:
        return failed(
            "encryption_type is AES256: images are encrypted with keys AWS owns, not a KMS key you control", TYPE
        )
    if normalized not in KMS_TYPES:
        return unknown(f"encryption_type is not a type ECR knows ({encryption_type!r})", TYPE)
    return judge_kms_key(
        block.get("kms_key"), "kms_key", "ECR uses the AWS-managed aws/ecr key", attribute=f"{BLOCK}/kms_key"
    )


def evaluate(resource: Resource) -> Result:
    blocks = resource.blocks(BLOCK)
    if not blocks:
        if BLOCK in resource.dynamic_blocks:
            return unknown(f"{BLOCK} is a dynamic block", BLOCK)
        raw = resource.get(BLOCK)
        if is_unresolved(raw) or is_reference(raw):
            return unknown(f"{BLOCK} is not known at plan time ({raw})", BLOCK)
        if not is_unset(raw):
            return unknown(f"{BLOCK} is not a block ({raw!r})", BLOCK)
        return failed(f"no {BLOCK}: ECR encrypts with AES256 under keys AWS owns, not a KMS key you control", BLOCK)
    return combine([_judge_block(block) for block in blocks], failed(f"no {BLOCK}"))
