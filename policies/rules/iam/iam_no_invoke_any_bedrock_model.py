"""CKV_AISEC_158: no IAM policy allows invoking every Bedrock model.

An identity-policy rule: statements that name principals (resource and trust policies) are left to the
resource-policy rules.
"""

from __future__ import annotations

from dataclasses import replace

from policies import iam
from policies.model import Resource, Result, passed

INVOKE_ACTIONS = (
    "bedrock:InvokeModel",
    "bedrock:InvokeModelWithResponseStream",
    "bedrock:Converse",
    "bedrock:ConverseStream",
)


def _grants_invoke(pattern: str) -> bool:
    return any(iam.action_matches(pattern, action) for action in INVOKE_ACTIONS)


def _invoke_actions(statement: iam.Statement) -> list[str]:
    """The actions that grant a Bedrock invoke action (``*`` and ``bedrock:*`` included), and a NotAction that
    leaves one of them in."""
    found = [action for action in statement.actions if _grants_invoke(action)]
    left_in = [
        action
        for action in INVOKE_ACTIONS
        if not any(iam.action_matches(excluded, action) for excluded in statement.not_actions)
    ]
    if statement.not_actions and left_in:
        found.append(f"every action but {', '.join(statement.not_actions)} (NotAction)")
    return found


def _judge(statement: iam.Statement, name: str) -> Result | None:
    """FAIL or UNKNOWN for a statement that (may) allow invoking every Bedrock model, else None."""
    return iam.judge_identity_grant(
        statement, name, _invoke_actions(statement), iam.matches_every_bedrock_model, "every Bedrock model"
    )


def evaluate(resource: Resource) -> Result:
    document = iam.identity_policy(resource)
    result = iam.judge_statements(document, _judge, passed("no statement allows invoking every Bedrock model"))
    return replace(result, attribute="statement" if resource.type == "aws_iam_policy_document" else "policy")
