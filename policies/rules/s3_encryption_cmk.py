"""CKV_AISEC_1: S3 default encryption is SSE-KMS under a customer-managed key."""

from __future__ import annotations

from policies.kms import is_aws_managed_key
from policies.model import (
    Resource,
    Result,
    combine,
    failed,
    first_block,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

KMS_ALGORITHMS = ("aws:kms", "aws:kms:dsse")


def _judge_rule_block(block: dict) -> Result:
    default = first_block(block, "apply_server_side_encryption_by_default")
    if default is None:
        return failed("a rule has no apply_server_side_encryption_by_default block")
    algorithm = default.get("sse_algorithm")
    key_id = default.get("kms_master_key_id")
    if is_unresolved(algorithm):
        return unknown(f"sse_algorithm is not known at plan time ({algorithm})")
    if algorithm not in KMS_ALGORITHMS:
        return failed(f"sse_algorithm is {algorithm!r}, not SSE-KMS")
    if is_unset(key_id):
        return failed("aws:kms without kms_master_key_id uses the AWS-managed key")
    if is_reference(key_id):
        return passed(f"encrypted with the referenced key {key_id}")
    if is_unresolved(key_id) or not isinstance(key_id, str):
        return unknown(f"kms_master_key_id is not known at plan time ({key_id})")
    if is_aws_managed_key(key_id):
        return failed(f"kms_master_key_id is the AWS-managed key {key_id.strip()}")
    return passed(f"encrypted with customer-managed key {key_id}")


def evaluate(resource: Resource) -> Result:
    rules = resource.blocks("rule")
    if not rules:
        if "rule" in resource.dynamic_blocks:
            return unknown("rule is a dynamic block")
        return failed("no encryption rule is configured")
    return combine([_judge_rule_block(block) for block in rules], passed("no rule"))
