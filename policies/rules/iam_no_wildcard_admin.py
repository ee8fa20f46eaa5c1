"""CKV_AISEC_8: no IAM policy allows every action, or every action of a service, on every resource.

An identity-policy rule: statements that name principals (resource and trust policies, such as a KMS key
policy built with data.aws_iam_policy_document) are left to the resource-policy rules.
"""

from __future__ import annotations

from policies import iam
from policies.model import Resource, Result, failed, passed, unknown


def _wildcard_actions(statement: iam.Statement) -> list[str]:
    if statement.not_actions:
        return [f"everything except {', '.join(statement.not_actions)} (NotAction)"]
    return [action for action in statement.actions if iam.is_service_wildcard(action)]


def _scope(statement: iam.Statement) -> str:
    if statement.not_resources:
        return f"every resource but {', '.join(statement.not_resources)} (NotResource)"
    return f"every resource ({', '.join(r for r in statement.resources if iam.matches_every_resource(r))})"


def _judge(statement: iam.Statement, name: str) -> Result | None:
    """FAIL or UNKNOWN for a statement that (may) allow a whole service on every resource, else None."""
    if statement.is_deny or iam.names_principals(statement):
        return None  # a Deny grants nothing; a statement with principals belongs to a resource policy
    actions = _wildcard_actions(statement)
    # "*", an ARN of every resource of a service (arn:aws:s3:::*), or NotResource: all but a few
    on_everything = any(iam.matches_every_resource(resource) for resource in statement.resources) or bool(
        statement.not_resources
    )
    if statement.is_allow and actions and on_everything:
        return failed(f"{name} allows {', '.join(actions)} on {_scope(statement)}")
    could_be_wildcard = bool(actions) or statement.is_unknown("actions", "not_actions")
    could_be_everything = on_everything or statement.is_unknown("resources", "not_resources")
    if could_be_wildcard and could_be_everything:
        return unknown(f"{name} has values not known at plan time: {', '.join(sorted(statement.unknown_fields))}")
    return None


def evaluate(resource: Resource) -> Result:
    document = iam.identity_policy(resource)
    return iam.judge_statements(document, _judge, passed("no statement allows a whole service on every resource"))
