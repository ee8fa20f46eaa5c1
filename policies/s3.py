"""What the S3 connection rules share: a bucket's policy documents, and whether it receives server access logs.

S3 delivers server access logs only to a target bucket whose default encryption is SSE-S3 (AES256): with
SSE-KMS as the default, the log delivery service cannot write and the logs are lost. A bucket is such a log
target when the configuration says so in one of three ways:

* an ``aws_s3_bucket_logging`` whose ``target_bucket`` points at it (by reference or by its literal name);
* the legacy inline ``logging`` block of another ``aws_s3_bucket`` whose ``target_bucket`` points at it;
* a bucket policy of its own that allows the ``logging.s3.amazonaws.com`` service principal (the way AWS
  recommends granting log delivery).

It is also the one home of the answer to "does this bucket hold models or training data?"
(``ai_asset_reason``), which CKV2_AISEC_4 and the attack-path rules share. The configuration says so through:

1. usage: a SageMaker model loads its model data from the bucket, a Bedrock custom-model job reads training
   or validation data from it or writes its output there, a Bedrock knowledge-base data source ingests it, a
   SageMaker feature group keeps its offline store in it, or a SageMaker pipeline's definition names it (its
   jobs' S3 inputs and outputs);
2. the tag ``aisec:data-class``: ``model`` or ``training-data`` opts a bucket in, any other value (``logs``,
   ``public``) opts it out; the older ``ai-asset = true`` still opts in;
3. (only when ``by_name`` is true) whole words of the bucket name or prefix (split at ``-``, ``.`` and
   ``_``): model(s), checkpoint(s), weights, training, dataset(s). "artifact" alone is not enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from policies import iam
from policies.graph import Graph
from policies.model import (
    NotJson,
    Resource,
    as_bool,
    as_json,
    blocks_of,
    is_reference,
    is_unresolved,
    is_unset,
    walk_strings,
)

BUCKET = "aws_s3_bucket"
BUCKET_LOGGING = "aws_s3_bucket_logging"
BUCKET_POLICY = "aws_s3_bucket_policy"
LOG_DELIVERY_SERVICE = "logging.s3.amazonaws.com"


def bucket_policies(bucket: Resource, graph: Graph) -> tuple[list[Resource], list[Resource]]:
    """The resources that hold the bucket's policy (``aws_s3_bucket_policy`` pointing at it, or the bucket
    itself for its deprecated inline ``policy``), and the policies whose bucket is not known at plan time."""
    attached = graph.attached(bucket, [BUCKET_POLICY], "bucket", target_names=("bucket",))
    policies = list(attached.found)
    if not is_unset(bucket.get("policy")):
        policies.append(bucket)
    return policies, list(attached.undecidable)


def buckets_of(resource: Resource, graph: Graph) -> list[Resource]:
    """The buckets of this configuration that ``resource`` (a public access block, an encryption configuration:
    anything with a ``bucket`` argument) points at, by reference or by literal name."""
    value = resource.get("bucket")
    if is_reference(value):
        return [target for target in graph.resolve(value, resource) if target.type == BUCKET]
    if isinstance(value, str) and value and not is_unresolved(value):
        return [bucket for bucket in graph.of_type(BUCKET) if bucket.get("bucket") == value]
    return []


@dataclass(frozen=True)
class LogTarget:
    """Whether a bucket receives S3 server access logs: ``True`` (``reason`` says how the configuration shows
    it), ``False``, or ``None`` when a logging configuration's target is not known at plan time."""

    receives_logs: bool | None
    reason: str


def _points_at(value: object, source: Resource, bucket: Resource, graph: Graph) -> bool | None:
    """Does ``value`` (a ``target_bucket``) name ``bucket``? ``None`` when it is not known at plan time."""
    if is_reference(value):
        return bucket in graph.resolve(value, source)
    if is_unresolved(value):
        return None
    name = bucket.get("bucket")
    if isinstance(value, str) and isinstance(name, str) and name and not is_unresolved(name):
        return value == name
    return False


def _grants_log_delivery(statement: iam.Statement) -> bool:
    return statement.is_allow and LOG_DELIVERY_SERVICE in statement.principals.get("Service", ())


def log_target(bucket: Resource, graph: Graph) -> LogTarget:
    """Whether ``bucket`` is the target of S3 server access logs in this configuration."""
    attached = graph.attached(bucket, [BUCKET_LOGGING], "target_bucket", target_names=("bucket",))
    if attached.found:
        return LogTarget(True, f"{attached.found[0].address} delivers server access logs to this bucket")
    for source in graph.of_type(BUCKET):
        for block in blocks_of(source.attrs, "logging"):
            if _points_at(block.get("target_bucket"), source, bucket, graph) is True:
                return LogTarget(True, f"the logging block of {source.address} delivers server access logs here")
    policies, _ = bucket_policies(bucket, graph)
    for policy in policies:
        if any(_grants_log_delivery(statement) for statement in iam.resolve_policy(policy, graph).statements):
            return LogTarget(True, f"{policy.address} allows {LOG_DELIVERY_SERVICE} to deliver server access logs")
    if attached.undecidable:
        names = ", ".join(logging.address for logging in attached.undecidable)
        return LogTarget(None, f"{names} may deliver server access logs here: its target_bucket is not known")
    return LogTarget(False, "no server access logs are delivered to this bucket")


# -- buckets that hold models or training data ------------------------------------------------------------------

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
# A SageMaker pipeline's definition (JSON): every S3 location its jobs read or write is a usage.
PIPELINE = "aws_sagemaker_pipeline"
PIPELINE_DEFINITION = "pipeline_definition"
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


def _pipeline_strings(pipeline: Resource) -> Iterator[str]:
    value = pipeline.get(PIPELINE_DEFINITION)
    if is_unresolved(value) or is_reference(value):
        return
    try:
        yield from list(walk_strings(as_json(value)))
    except (NotJson, RecursionError):
        return


def _usage(resource: Resource, graph: Graph) -> str | None:
    for resource_type, paths in USAGES.items():
        for user in graph.of_type(resource_type):
            for path in paths:
                if any(_names_bucket(value, user, resource) for value in _values(user.attrs, path)):
                    return f"{user.address} uses it ({'.'.join(path)})"
    for pipeline in graph.of_type(PIPELINE):
        if any(_names_bucket(value, pipeline, resource) for value in _pipeline_strings(pipeline)):
            return f"{pipeline.address} uses it (an S3 input or output of its {PIPELINE_DEFINITION})"
    return None


def _name_tokens(resource: Resource) -> Iterator[str]:
    for attribute in ("bucket", "bucket_prefix"):
        value = resource.get(attribute)
        if isinstance(value, str) and not is_unresolved(value):
            yield from (token for token in _TOKEN_SEPARATORS.split(value.lower()) if token)


def ai_asset_reason(resource: Resource, graph: Graph, by_name: bool = True) -> str | None:
    """Why the bucket holds models or training data, or ``None`` when nothing says it does. With ``by_name``
    false only usage and the tags count: a bucket name is a hint, not something the configuration shows."""
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
    if not by_name:
        return None
    words = sorted(set(_name_tokens(resource)) & NAME_TOKENS)
    if words:
        return f"its name says so ({', '.join(words)})"
    return None


def holds_ai_assets(resource: Resource, graph: Graph | None = None) -> bool:
    return ai_asset_reason(resource, graph if graph is not None else Graph([resource])) is not None
