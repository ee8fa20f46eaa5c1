"""CKV2_AISEC_2: every S3 bucket has a bucket policy that denies requests not sent over TLS."""

from __future__ import annotations

from policies import iam, s3
from policies.graph import Graph
from policies.model import Resource, Result, combine, failed, passed, unknown

TLS_OPERATORS = ("Bool", "BoolIfExists")


def _denies_plain_http(statement: iam.Statement) -> bool:
    secure_transport = statement.condition_values(TLS_OPERATORS, "aws:SecureTransport")
    return (
        statement.is_deny
        and any(iam.covers_service(action, "s3") for action in statement.actions)
        and "false" in {value.lower() for value in secure_transport}
    )


def _judge_policy(policy: Resource, graph: Graph) -> Result:
    document = iam.resolve_policy(policy, graph)
    if any(_denies_plain_http(statement) for statement in document.statements):
        return passed(f"{policy.address} denies requests without TLS")
    if document.problems:
        return unknown(f"{policy.address}: {'; '.join(document.problems)}")
    if any(not s.is_allow and s.is_unknown("effect", "actions", "conditions") for s in document.statements):
        return unknown(f"{policy.address} has a statement with values not known at plan time")
    return failed(f"{policy.address} has no Deny statement for s3:* with aws:SecureTransport = false")


def evaluate(resource: Resource, graph: Graph) -> Result:
    policies, undecidable = s3.bucket_policies(resource, graph)
    if policies:
        return combine([_judge_policy(policy, graph) for policy in policies], failed("no bucket policy"))
    if undecidable:
        addresses = ", ".join(policy.address for policy in undecidable)
        return unknown(f"{addresses} may belong to this bucket: its bucket is not known at plan time")
    return failed("no aws_s3_bucket_policy is attached, so requests over plain HTTP are allowed")
