"""CKV2_AISEC_4: S3 buckets that hold models or training data have versioning enabled."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from policies.graph import Graph
from policies.model import Resource, Result, as_bool, combine, failed, first_block, is_unresolved, passed, unknown

VERSIONING = "aws_s3_bucket_versioning"
AI_ASSET_WORDS = re.compile(r"model|artifact|checkpoint|weights|training|dataset|feature", re.IGNORECASE)
OPT_IN_TAG = "ai-asset"


def _labels(resource: Resource) -> Iterator[str]:
    """The bucket's name, name prefix, and its tag keys and values."""
    for name in ("bucket", "bucket_prefix"):
        value = resource.get(name)
        if isinstance(value, str) and not is_unresolved(value):
            yield value
    tags = resource.get("tags")
    if isinstance(tags, Mapping):
        for key, value in tags.items():
            yield str(key)
            if isinstance(value, str):
                yield value


def holds_ai_assets(resource: Resource) -> bool:
    tags = resource.get("tags")
    if isinstance(tags, Mapping) and as_bool(tags.get(OPT_IN_TAG)) is True:
        return True
    return any(AI_ASSET_WORDS.search(label) for label in _labels(resource))


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
    if not holds_ai_assets(resource):
        return passed("not marked as holding models or training data (name and tags): versioning not required")
    attached = graph.attached(resource, [VERSIONING], "bucket", target_names=("bucket",))
    if attached.found:
        return combine([_judge_versioning(v) for v in attached.found], failed("no versioning"))
    inline = first_block(resource.attrs, "versioning")
    if inline is not None:
        return _judge_inline(resource, inline)
    if attached.undecidable:
        names = ", ".join(v.address for v in attached.undecidable)
        return unknown(f"{names} may belong to this bucket: its bucket is not known at plan time")
    return failed(f"holds models or training data but no {VERSIONING} enables versioning")
