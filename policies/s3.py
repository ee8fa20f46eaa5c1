"""What the S3 connection rules share: a bucket's policy documents, and whether it receives server access logs.

S3 delivers server access logs only to a target bucket whose default encryption is SSE-S3 (AES256): with
SSE-KMS as the default, the log delivery service cannot write and the logs are lost. A bucket is such a log
target when the configuration says so in one of three ways:

* an ``aws_s3_bucket_logging`` whose ``target_bucket`` points at it (by reference or by its literal name);
* the legacy inline ``logging`` block of another ``aws_s3_bucket`` whose ``target_bucket`` points at it;
* a bucket policy of its own that allows the ``logging.s3.amazonaws.com`` service principal (the way AWS
  recommends granting log delivery).
"""

from __future__ import annotations

from dataclasses import dataclass

from policies import iam
from policies.graph import Graph
from policies.model import Resource, blocks_of, is_reference, is_unresolved, is_unset

BUCKET = "aws_s3_bucket"
BUCKET_LOGGING = "aws_s3_bucket_logging"
BUCKET_POLICY = "aws_s3_bucket_policy"
LOG_DELIVERY_SERVICE = "logging.s3.amazonaws.com"


def policy_document(policy: Resource, graph: Graph) -> iam.PolicyDocument:
    """A bucket policy's document, following a reference to a ``data.aws_iam_policy_document``."""
    document = iam.read_policy(policy.get("policy"))
    if document.reference is None:
        return document
    targets = graph.resolve(document.reference, policy)
    if len(targets) == 1 and targets[0].type == "aws_iam_policy_document":
        return iam.read_policy_document(targets[0])
    return document


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
        if any(_grants_log_delivery(statement) for statement in policy_document(policy, graph).statements):
            return LogTarget(True, f"{policy.address} allows {LOG_DELIVERY_SERVICE} to deliver server access logs")
    if attached.undecidable:
        names = ", ".join(logging.address for logging in attached.undecidable)
        return LogTarget(None, f"{names} may deliver server access logs here: its target_bucket is not known")
    return LogTarget(False, "no server access logs are delivered to this bucket")
