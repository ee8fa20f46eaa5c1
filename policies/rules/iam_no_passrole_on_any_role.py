"""CKV_AISEC_110: no IAM policy allows iam:PassRole on every role.

An identity-policy rule: statements that name principals (resource and trust policies) are left to the
resource-policy rules.
"""

from __future__ import annotations

from policies import iam
from policies.model import Resource, Result, failed, passed, unknown

PASS_ROLE = "iam:PassRole"


def _pass_role_actions(statement: iam.Statement) -> list[str]:
    """The actions that grant iam:PassRole, "*" and "<service>:*" aside (CKV_AISEC_8 reports those)."""
    return [
        action
        for action in statement.actions
        if iam.action_matches(action, PASS_ROLE) and not iam.is_service_wildcard(action)
    ]


def _judge(statement: iam.Statement, name: str) -> Result | None:
    """FAIL or UNKNOWN for a statement that (may) allow iam:PassRole on every role, else None."""
    if statement.is_deny or iam.names_principals(statement):
        return None  # a Deny grants nothing; a statement with principals belongs to a resource policy
    actions = _pass_role_actions(statement)
    # "*", every role of an account (arn:aws:iam::111122223333:role/*), or NotResource: all but a few
    on_everything = any(iam.matches_every_role(resource) for resource in statement.resources) or bool(
        statement.not_resources
    )
    if statement.is_allow and actions and on_everything:
        scope = "every role but those NotResource names" if statement.not_resources else "every role"
        return failed(f"{name} allows {', '.join(actions)} on {scope}")
    could_pass_role = bool(actions) or statement.is_unknown("actions")
    could_be_everything = on_everything or statement.is_unknown("resources", "not_resources")
    if could_pass_role and could_be_everything:
        return unknown(f"{name} has values not known at plan time: {', '.join(sorted(statement.unknown_fields))}")
    return None


def evaluate(resource: Resource) -> Result:
    document = iam.identity_policy(resource)
    return iam.judge_statements(document, _judge, passed("no statement allows iam:PassRole on every role"))
