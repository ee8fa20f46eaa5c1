"""CKV2_AISEC_2: every S3 bucket has a bucket policy that denies requests not sent over TLS."""

from __future__ import annotations

from policies import iam
from policies.graph import Graph
from policies.model import Resource, Result, combine, failed, is_unset, passed, unknown

TLS_OPERATORS = ("Bool", "BoolIfExists")


def _denies_plain_http(statement: iam.Statement) -> bool:
    secure_transport = statement.condition_values(TLS_OPERATORS, "aws:SecureTransport")
    return (
        statement.is_deny
        and any(iam.covers_service(action, "s3") for action in statement.actions)
        and "false" in {value.lower() for value in secure_transport}
    )


def _document(policy: Resource, graph: Graph) -> iam.PolicyDocument:
    """The policy's document, following a reference to a data.aws_iam_policy_document through the graph."""
    document = iam.read_policy(policy.get("policy"))
    if document.reference is None:
        return document
    targets = graph.resolve(document.reference, policy)
    if len(targets) == 1 and targets[0].type == "aws_iam_policy_document":
        return iam.read_policy_document(targets[0])
    return document


def _judge_policy(policy: Resource, graph: Graph) -> Result:
    document = _document(policy, graph)
    if any(_denies_plain_http(statement) for statement in document.statements):
        return passed(f"{policy.address} denies requests without TLS")
    if document.problems:
        return unknown(f"{policy.address}: {'; '.join(document.problems)}")
    if any(not s.is_allow and s.is_unknown("effect", "actions", "conditions") for s in document.statements):
        return unknown(f"{policy.address} has a statement with values not known at plan time")
    return failed(f"{policy.address} has no Deny statement for s3:* with aws:SecureTransport = false")


def evaluate(resource: Resource, graph: Graph) -> Result:
    attached = graph.attached(resource, ["aws_s3_bucket_policy"], "bucket", target_names=["bucket"])
    policies = list(attached.found)
    if not is_unset(resource.get("policy")):
        policies.append(resource)  # the deprecated inline policy argument of aws_s3_bucket
    if policies:
        return combine([_judge_policy(policy, graph) for policy in policies], failed("no bucket policy"))
    if attached.undecidable:
        addresses = ", ".join(policy.address for policy in attached.undecidable)
        return unknown(f"{addresses} may belong to this bucket: its bucket is not known at plan time")
    return failed("no aws_s3_bucket_policy is attached, so requests over plain HTTP are allowed")
