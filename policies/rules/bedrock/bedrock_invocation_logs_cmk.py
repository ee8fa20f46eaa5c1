"""CKV2_AISEC_11: Bedrock invocation logs are stored encrypted with a customer-managed KMS key.

The destinations of a logging configuration are a CloudWatch Logs group (``cloudwatch_config.log_group_name``),
an S3 bucket for large payloads (``cloudwatch_config.large_data_delivery_s3_config.bucket_name``) and an S3
bucket (``s3_config.bucket_name``). Each is looked up in the same configuration, by reference or by its literal
name: a log group passes with ``kms_key_id`` set; a bucket passes when its default encryption passes CKV_AISEC_1
(SSE-KMS under a customer-managed key). A destination that is not defined in the configuration gets no verdict.
"""

from __future__ import annotations

from policies.graph import Graph
from policies.model import (
    Resource,
    Result,
    Verdict,
    blocks_of,
    combine,
    failed,
    first_block,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)
from policies.rules.s3 import s3_encryption_cmk
from policies.s3 import LogTarget

LOG_GROUP = "aws_cloudwatch_log_group"
BUCKET = "aws_s3_bucket"
BUCKET_ENCRYPTION = "aws_s3_bucket_server_side_encryption_configuration"
# The destination of invocation logs holds prompts and responses: SSE-S3 is never what it needs.
INVOCATION_LOG_BUCKET = LogTarget(False, "the bucket receives Bedrock invocation logs")


def _judge_encryption(encryption: Resource) -> Result:
    return s3_encryption_cmk.judge_configuration(encryption, INVOCATION_LOG_BUCKET)


def _lookup(value: object, subject: Resource, graph: Graph, resource_type: str, name_attribute: str) -> list[Resource]:
    """The resources of ``resource_type`` that ``value`` names, by reference or by literal name."""
    if is_reference(value):
        return [found for found in graph.resolve(value, subject) if found.type == resource_type]
    if isinstance(value, str) and value and not is_unresolved(value):
        return [found for found in graph.of_type(resource_type) if found.get(name_attribute) == value]
    return []


def _judge_log_group(value: object, subject: Resource, graph: Graph) -> Result:
    if is_unresolved(value) or not isinstance(value, str):
        return unknown(f"log_group_name is not known at plan time ({value})")
    groups = _lookup(value, subject, graph, LOG_GROUP, "name")
    if not groups:
        return unknown(f"log group {value} is not defined in this configuration")
    results = []
    for group in groups:
        key = group.get("kms_key_id")
        if is_unset(key):
            results.append(failed(f"{group.address} has no kms_key_id: its logs use CloudWatch's own key"))
        elif is_unresolved(key) or not isinstance(key, str):
            results.append(unknown(f"kms_key_id of {group.address} is not known at plan time ({key})"))
        else:
            results.append(passed(f"{group.address} is encrypted with {key}"))
    return combine(results, results[0])


def _bucket_encryption(
    value: object, subject: Resource, graph: Graph
) -> tuple[list[Resource], list[Resource], list[Resource]]:
    """The buckets ``value`` names, their default-encryption configurations, and configurations whose bucket is
    an unresolved variable (they may belong to it)."""
    buckets = _lookup(value, subject, graph, BUCKET, "bucket")
    found: list[Resource] = []
    undecidable: list[Resource] = []
    for bucket in buckets:
        attachments = graph.attached(bucket, [BUCKET_ENCRYPTION], "bucket", target_names=("bucket",))
        found.extend(attachments.found)
        undecidable.extend(attachments.undecidable)
        inline = first_block(bucket.attrs, "server_side_encryption_configuration")
        if inline is not None:
            found.append(Resource(BUCKET_ENCRYPTION, bucket.address, inline))
    if isinstance(value, str) and not is_reference(value):
        found.extend(
            encryption
            for encryption in graph.of_type(BUCKET_ENCRYPTION)
            if encryption.get("bucket") == value and encryption not in found
        )
    return buckets, found, undecidable


def _judge_bucket(value: object, subject: Resource, graph: Graph) -> Result:
    if is_unresolved(value) or not isinstance(value, str):
        return unknown(f"bucket_name is not known at plan time ({value})")
    buckets, encryptions, maybe = _bucket_encryption(value, subject, graph)
    if encryptions:
        results = [_judge_encryption(encryption) for encryption in encryptions]
        named = ", ".join(encryption.address for encryption in encryptions)
        result = combine(results, results[0])
        return Result(result.verdict, f"bucket {value} ({named}): {result.reason}")
    if not buckets:
        return unknown(f"bucket {value} is not defined in this configuration")
    without = f"bucket {value} has no default encryption configuration: S3 uses S3-managed keys (SSE-S3)"
    if any(_judge_encryption(encryption).verdict is not Verdict.FAIL for encryption in maybe):
        named = ", ".join(encryption.address for encryption in maybe)
        return unknown(f"{named} may configure the encryption of bucket {value} (its bucket is not known)")
    return failed(without)


def _destinations(resource: Resource) -> list[tuple[str, object]]:
    found = []
    for config in resource.blocks("logging_config"):
        for cloudwatch in blocks_of(config, "cloudwatch_config"):
            found.append(("log_group", cloudwatch.get("log_group_name")))
            for large in blocks_of(cloudwatch, "large_data_delivery_s3_config"):
                found.append(("bucket", large.get("bucket_name")))
        for s3 in blocks_of(config, "s3_config"):
            found.append(("bucket", s3.get("bucket_name")))
    return [(kind, value) for kind, value in found if not is_unset(value)]


def evaluate(resource: Resource, graph: Graph) -> Result:
    results = [
        _judge_log_group(value, resource, graph) if kind == "log_group" else _judge_bucket(value, resource, graph)
        for kind, value in _destinations(resource)
    ]
    return combine(results, unknown("no log destination is set (see CKV_AISEC_36)"))
