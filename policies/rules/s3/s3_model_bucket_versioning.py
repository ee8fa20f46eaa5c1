"""CKV2_AISEC_4: S3 buckets that hold models or training data have versioning enabled.

Which buckets hold models or training data is decided from how the configuration uses the bucket, then from
what the user says about it, and only then from its name:

1. usage: a SageMaker model loads its model data from the bucket, a Bedrock custom-model job reads training
   or validation data from it or writes its output there, a Bedrock knowledge-base data source ingests it,
   or a SageMaker feature group keeps its offline store in it;
2. the tag ``aisec:data-class``: ``model`` or ``training-data`` opts a bucket in, any other value (``logs``,
   ``public``) opts it out; the older ``ai-asset = true`` still opts in;
3. whole words of the bucket name or prefix (split at ``-``, ``.`` and ``_``): model(s), checkpoint(s),
   weights, training, dataset(s). "artifact" alone is not enough: "build-artifacts" and "artifact-logs"
   hold no models.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from policies.graph import Graph
from policies.model import (
    Resource,
    Result,
    as_bool,
    combine,
    failed,
    first_block,
    is_unresolved,
    passed,
    unknown,
)
from policies.s3 import DATA_CLASS_TAG, ai_asset_reason, holds_ai_assets

__all__ = ["evaluate", "holds_ai_assets"]

VERSIONING = "aws_s3_bucket_versioning"


def _judge_versioning(versioning: Resource) -> Result:
    configuration = first_block(versioning.attrs, "versioning_configuration")
    status: Any = configuration.get("status") if configuration else None
    if is_unresolved(status):
        return unknown(f"{versioning.address}: status is not known at plan time")
    if status == "Enabled":
        return passed(f"{versioning.address} enables versioning")
    return failed(f"{versioning.address} sets versioning status {status!r}, not Enabled")


def _judge_inline(resource: Resource, inline: Mapping[str, Any]) -> Result:
    enabled = inline.get("enabled")
    if is_unresolved(enabled):
        return unknown("the inline versioning block's enabled is not known at plan time")
    if as_bool(enabled) is True:
        return passed("the inline versioning block enables versioning")
    return failed("the inline versioning block does not enable versioning")


def evaluate(resource: Resource, graph: Graph) -> Result:
    reason = ai_asset_reason(resource, graph)
    if reason is None:
        return passed(
            "nothing shows it holds models or training data (no AI resource uses it, no "
            f"{DATA_CLASS_TAG} tag, no model word in its name): versioning not required"
        )
    attached = graph.attached(resource, [VERSIONING], "bucket", target_names=("bucket",))
    if attached.found:
        return combine([_judge_versioning(v) for v in attached.found], failed("no versioning"))
    inline = first_block(resource.attrs, "versioning")
    if inline is not None:
        return _judge_inline(resource, inline)
    if attached.undecidable:
        names = ", ".join(v.address for v in attached.undecidable)
        return unknown(f"{names} may belong to this bucket: its bucket is not known at plan time")
    return failed(f"holds models or training data ({reason}) but no {VERSIONING} enables versioning")
