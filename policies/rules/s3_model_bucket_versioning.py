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

import re
from collections.abc import Iterator, Mapping
from typing import Any

from policies.graph import Graph
from policies.model import (
    Resource,
    Result,
    as_bool,
    blocks_of,
    combine,
    failed,
    first_block,
    is_unresolved,
    passed,
    unknown,
)

VERSIONING = "aws_s3_bucket_versioning"
DATA_CLASS_TAG = "aisec:data-class"
AI_DATA_CLASSES = frozenset({"model", "training-data"})
OPT_IN_TAG = "ai-asset"
NAME_TOKENS = frozenset({"model", "models", "checkpoint", "checkpoints", "weights", "training", "dataset", "datasets"})
_TOKEN_SEPARATORS = re.compile(r"[^a-z0-9]+")

# Where AI resources name the S3 locations they read models and training data from (or write models to):
# resource type -> paths of nested blocks, ending in the attribute that holds an S3 URI, ARN or bucket.
USAGES: dict[str, tuple[tuple[str, ...], ...]] = {
    "aws_sagemaker_model": (
        ("primary_container", "model_data_url"),
        ("container", "model_data_url"),
        ("primary_container", "model_data_source", "s3_data_source", "s3_uri"),
        ("container", "model_data_source", "s3_data_source", "s3_uri"),
    ),
    "aws_bedrock_custom_model": (
        ("training_data_config", "s3_uri"),
        ("validation_data_config", "validator", "s3_uri"),
        ("output_data_config", "s3_uri"),
    ),
    "aws_bedrockagent_data_source": (("data_source_configuration", "s3_configuration", "bucket_arn"),),
    "aws_sagemaker_feature_group": (("offline_store_config", "s3_storage_config", "s3_uri"),),
}
_S3_LOCATION = re.compile(r"^(?:s3://|arn:aws[a-z-]*:s3:::)([^/]+)")
_BUCKET_REFERENCE = re.compile(r"(?<![\w.])aws_s3_bucket\.([A-Za-z_][A-Za-z0-9_-]*)")
_INDEX = re.compile(r"\[[^\]]*\]")


def _values(node: Any, path: tuple[str, ...]) -> Iterator[Any]:
    if len(path) == 1:
        if isinstance(node, Mapping):
            yield node.get(path[0])
        return
    for block in blocks_of(node, path[0]):
        yield from _values(block, path[1:])


def _module_and_name(address: str) -> tuple[str, str]:
    """``module.m.aws_s3_bucket.b[0]`` -> (``module.m.``, ``b``)."""
    parts = _INDEX.sub("", address).split(".")
    return ".".join(parts[:-2]) + "." if len(parts) > 2 else "", parts[-1]


def _names_bucket(value: Any, user: Resource, bucket: Resource) -> bool:
    """Does an S3 URI, ARN or reference written in ``user`` name ``bucket``?"""
    if not isinstance(value, str):
        return False
    module, name = _module_and_name(bucket.address)
    if _module_and_name(user.address)[0] == module and name in _BUCKET_REFERENCE.findall(value):
        return True
    literal = bucket.get("bucket")
    location = _S3_LOCATION.match(value.strip())
    return bool(location and isinstance(literal, str) and literal and location.group(1) == literal)


def _usage(resource: Resource, graph: Graph) -> str | None:
    for resource_type, paths in USAGES.items():
        for user in graph.of_type(resource_type):
            for path in paths:
                if any(_names_bucket(value, user, resource) for value in _values(user.attrs, path)):
                    return f"{user.address} uses it ({'.'.join(path)})"
    return None


def _name_tokens(resource: Resource) -> Iterator[str]:
    for attribute in ("bucket", "bucket_prefix"):
        value = resource.get(attribute)
        if isinstance(value, str) and not is_unresolved(value):
            yield from (token for token in _TOKEN_SEPARATORS.split(value.lower()) if token)


def ai_asset_reason(resource: Resource, graph: Graph) -> str | None:
    """Why the bucket holds models or training data, or ``None`` when nothing says it does."""
    usage = _usage(resource, graph)
    if usage:
        return usage
    tags = resource.get("tags")
    tags = tags if isinstance(tags, Mapping) else {}
    data_class = tags.get(DATA_CLASS_TAG)
    if isinstance(data_class, str) and not is_unresolved(data_class):
        if data_class.strip().lower() in AI_DATA_CLASSES:
            return f"tagged {DATA_CLASS_TAG} = {data_class.strip()}"
        return None
    if as_bool(tags.get(OPT_IN_TAG)) is True:
        return f"tagged {OPT_IN_TAG} = true"
    words = sorted(set(_name_tokens(resource)) & NAME_TOKENS)
    if words:
        return f"its name says so ({', '.join(words)})"
    return None


def holds_ai_assets(resource: Resource, graph: Graph | None = None) -> bool:
    return ai_asset_reason(resource, graph if graph is not None else Graph([resource])) is not None


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
