"""CKV_AISEC_8: no IAM policy allows every action, or every action of a service, on every resource."""

from __future__ import annotations

from policies import iam
from policies.model import Resource, Result, failed, passed, unknown


def _wildcard_actions(statement: iam.Statement) -> list[str]:
    if statement.not_actions:
        return [f"everything except {', '.join(statement.not_actions)} (NotAction)"]
    return [action for action in statement.actions if iam.is_service_wildcard(action)]


def _judge(statement: iam.Statement, name: str) -> Result | None:
    """FAIL or UNKNOWN for a statement that (may) allow a whole service on every resource, else None."""
    if statement.is_deny:
        return None  # a Deny never grants anything
    actions = _wildcard_actions(statement)
    on_everything = "*" in statement.resources or bool(statement.not_resources)  # NotResource: all but a few
    if statement.is_allow and actions and on_everything:
        return failed(f"{name} allows {', '.join(actions)} on every resource")
    could_be_wildcard = bool(actions) or statement.is_unknown("actions", "not_actions")
    could_be_everything = on_everything or statement.is_unknown("resources", "not_resources")
    if could_be_wildcard and could_be_everything:
        return unknown(f"{name} has values not known at plan time: {', '.join(sorted(statement.unknown_fields))}")
    return None


def evaluate(resource: Resource) -> Result:
    document = iam.identity_policy(resource)
    return iam.judge_statements(document, _judge, passed("no statement allows a whole service on every resource"))
