"""CKV_AISEC_110: no IAM policy allows iam:PassRole on every role.

An identity-policy rule: statements that name principals (resource and trust policies) are left to the
resource-policy rules.
"""

from __future__ import annotations

from dataclasses import replace

from policies import iam
from policies.model import Resource, Result, passed

PASS_ROLE = "iam:PassRole"


def _pass_role_actions(statement: iam.Statement) -> list[str]:
    """The actions that grant iam:PassRole, "*" and "<service>:*" aside (CKV_AISEC_8 reports those), and a
    NotAction that does not exclude it, unless the statement is on every resource (CKV_AISEC_8 reports that)."""
    found = [
        action
        for action in statement.actions
        if iam.action_matches(action, PASS_ROLE) and not iam.is_service_wildcard(action)
    ]
    excluded = any(iam.action_matches(action, PASS_ROLE) for action in statement.not_actions)
    on_every_resource = bool(statement.not_resources) or any(map(iam.matches_every_resource, statement.resources))
    if statement.not_actions and not excluded and not on_every_resource:
        found.append(f"every action but {', '.join(statement.not_actions)} (NotAction)")
    return found


def _judge(statement: iam.Statement, name: str) -> Result | None:
    """FAIL or UNKNOWN for a statement that (may) allow iam:PassRole on every role, else None."""
    actions = _pass_role_actions(statement)
    return iam.judge_identity_grant(statement, name, actions, iam.matches_every_role, "every role", ("actions",))


def evaluate(resource: Resource) -> Result:
    document = iam.identity_policy(resource)
    result = iam.judge_statements(document, _judge, passed("no statement allows iam:PassRole on every role"))
    return replace(result, attribute="statement" if resource.type == "aws_iam_policy_document" else "policy")
