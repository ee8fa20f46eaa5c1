"""CKV2_AISEC_3: every S3 bucket has a default-encryption configuration on a customer-managed key."""

from __future__ import annotations

from policies.graph import Graph
from policies.model import Resource, Result, failed, first_block, passed, unknown
from policies.rules import s3_encryption_cmk

CONFIGURATION = "aws_s3_bucket_server_side_encryption_configuration"


def _judge_inline(resource: Resource, inline: dict) -> Result:
    """The legacy inline block has the same ``rule`` blocks as the separate resource."""
    as_configuration = Resource(CONFIGURATION, f"{resource.address} (inline)", inline)
    return s3_encryption_cmk.evaluate(as_configuration)


def evaluate(resource: Resource, graph: Graph) -> Result:
    attached = graph.attached(resource, [CONFIGURATION], "bucket", target_names=("bucket",))
    if attached.found:
        names = ", ".join(configuration.address for configuration in attached.found)
        return passed(f"default encryption is configured by {names} (judged by CKV_AISEC_1)")
    inline = first_block(resource.attrs, "server_side_encryption_configuration")
    if inline is not None:
        return _judge_inline(resource, inline)
    if attached.undecidable:
        names = ", ".join(configuration.address for configuration in attached.undecidable)
        return unknown(f"{names} may belong to this bucket: its bucket is not known at plan time")
    return failed(f"no {CONFIGURATION} points at this bucket: objects get SSE-S3 under an AWS-owned key")
