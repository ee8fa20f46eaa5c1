"""CKV_AISEC_1: S3 default encryption is SSE-KMS under a customer-managed key.

SSE-S3 (AES256) is the one setting this resource cannot judge alone: it is wrong for a bucket of training
data and required for a bucket that receives S3 server access logs (S3 does not deliver them to SSE-KMS
buckets). Which one a bucket is shows only in other resources, so CKV_AISEC_1 gives AES256 no verdict and
CKV2_AISEC_3 judges it on the bucket, through ``judge_configuration`` with the bucket's ``LogTarget``.
"""

from __future__ import annotations

from dataclasses import replace

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
from policies.s3 import LogTarget

KMS_ALGORITHMS = ("aws:kms", "aws:kms:dsse")
SSE_S3 = "AES256"
DEFAULT = "rule/apply_server_side_encryption_by_default"
ALGORITHM = f"{DEFAULT}/sse_algorithm"
KEY = f"{DEFAULT}/kms_master_key_id"


def _judge_sse_s3(log_target: LogTarget | None) -> Result:
    if log_target is None:
        return unknown(
            "SSE-S3 (AES256) is right only for a bucket that receives S3 server access logs; CKV2_AISEC_3 "
            "judges it on the bucket, where the logging configuration is visible"
        )
    if log_target.receives_logs is True:
        return passed(f"SSE-S3 (AES256), as S3 server access logs require: {log_target.reason}")
    if log_target.receives_logs is None:
        return unknown(f"SSE-S3 (AES256) is right only for a server-access-log target; {log_target.reason}")
    return failed("sse_algorithm is AES256: SSE-S3 under a key only AWS controls, not a customer-managed KMS key")


def _judge_rule_block(block: dict, log_target: LogTarget | None) -> Result:
    default = first_block(block, "apply_server_side_encryption_by_default")
    if default is None:
        return failed("a rule has no apply_server_side_encryption_by_default block", "rule")
    algorithm = default.get("sse_algorithm")
    key_id = default.get("kms_master_key_id")
    if is_unresolved(algorithm):
        return unknown(f"sse_algorithm is not known at plan time ({algorithm})", ALGORITHM)
    if algorithm == SSE_S3:
        return replace(_judge_sse_s3(log_target), attribute=ALGORITHM)
    if algorithm not in KMS_ALGORITHMS:
        return failed(f"sse_algorithm is {algorithm!r}, not SSE-KMS", ALGORITHM)
    if log_target is not None and log_target.receives_logs is True:
        return failed(
            f"{log_target.reason}, but S3 does not deliver server access logs to a bucket whose default "
            "encryption is SSE-KMS: use SSE-S3 (AES256) for a log target",
            ALGORITHM,
        )
    if is_unset(key_id):
        return failed("aws:kms without kms_master_key_id uses the AWS-managed key", KEY)
    if is_reference(key_id):
        return passed(f"encrypted with the referenced key {key_id}", KEY)
    if is_unresolved(key_id) or not isinstance(key_id, str):
        return unknown(f"kms_master_key_id is not known at plan time ({key_id})", KEY)
    if is_aws_managed_key(key_id):
        return failed(f"kms_master_key_id is the AWS-managed key {key_id.strip()}", KEY)
    return passed(f"encrypted with customer-managed key {key_id}", KEY)


def judge_configuration(resource: Resource, log_target: LogTarget | None = None) -> Result:
    """A default-encryption configuration (the resource, or a bucket's legacy inline block in its shape).

    ``log_target`` says whether the bucket receives server access logs; ``None`` when the caller cannot see
    the bucket's other resources, and then SSE-S3 gets no verdict.
    """
    rules = resource.blocks("rule")
    if not rules:
        if "rule" in resource.dynamic_blocks:
            return unknown("rule is a dynamic block", "rule")
        return failed("no encryption rule is configured", "rule")
    return combine([_judge_rule_block(block, log_target) for block in rules], passed("no rule"))


def evaluate(resource: Resource) -> Result:
    return judge_configuration(resource)
