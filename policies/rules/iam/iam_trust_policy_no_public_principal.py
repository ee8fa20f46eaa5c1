"""CKV_AISEC_111: no IAM role trusts everyone ("*") without a condition that narrows who may assume it."""

from __future__ import annotations

from dataclasses import replace

from policies import iam
from policies.model import Resource, Result, passed

NARROWING_KEYS = iam.PRINCIPAL_NARROWING_KEYS
EXTERNAL_ID = "sts:ExternalId"


def _external_id_note(statement: iam.Statement) -> str:
    if any(condition.key.lower() == EXTERNAL_ID.lower() for condition in statement.conditions):
        return f"; its {EXTERNAL_ID} condition does not narrow it: anyone who learns the ID can assume the role"
    return ""


def _judge(statement: iam.Statement, name: str) -> Result | None:
    """FAIL or UNKNOWN for a statement that (may) let everyone assume the role, else None."""
    return iam.judge_grant_to_everyone(
        statement,
        name,
        NARROWING_KEYS,
        grant=lambda everyone: f"lets {everyone} assume the role",
        narrowed_to="your organization, accounts or roles",
        maybe="let everyone assume the role",
        note=_external_id_note(statement),
    )


def evaluate(resource: Resource) -> Result:
    document = iam.read_policy(resource.get("assume_role_policy"), "assume_role_policy")
    result = iam.judge_statements(document, _judge, passed("no statement lets everyone assume the role"))
    return replace(result, attribute="assume_role_policy")
