"""CKV_AISEC_8: no IAM policy allows every action, or every action of a service, on every resource.

An identity-policy rule: statements that name principals (resource and trust policies, such as a KMS key
policy built with data.aws_iam_policy_document) are left to the resource-policy rules.
"""

from __future__ import annotations

from dataclasses import replace

from policies import iam
from policies.model import Resource, Result, passed


def _wildcard_actions(statement: iam.Statement) -> list[str]:
    if statement.not_actions:
        return [f"everything except {', '.join(statement.not_actions)} (NotAction)"]
    return [action for action in statement.actions if iam.is_service_wildcard(action)]


def _judge(statement: iam.Statement, name: str) -> Result | None:
    """FAIL or UNKNOWN for a statement that (may) allow a whole service on every resource, else None."""
    return iam.judge_identity_grant(
        statement, name, _wildcard_actions(statement), iam.matches_every_resource, "every resource"
    )


def evaluate(resource: Resource) -> Result:
    document = iam.identity_policy(resource)
    result = iam.judge_statements(document, _judge, passed("no statement allows a whole service on every resource"))
    return replace(result, attribute="statement" if resource.type == "aws_iam_policy_document" else "policy")
