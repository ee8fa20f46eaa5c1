"""CKV_AISEC_112: no bucket or KMS key policy allows everyone ("*") without a condition that narrows it."""

from __future__ import annotations

from dataclasses import replace

from policies import iam
from policies.model import Resource, Result, passed

BUCKET_NARROWING_KEYS = iam.PRINCIPAL_NARROWING_KEYS | iam.NETWORK_NARROWING_KEYS
KEY_NARROWING_KEYS = iam.PRINCIPAL_NARROWING_KEYS | iam.KMS_NARROWING_KEYS

# Per resource type: the condition keys that narrow a grant to everyone, and what they narrow it to.
NARROWING = {
    "aws_s3_bucket_policy": (BUCKET_NARROWING_KEYS, "your organization, accounts, roles, sources or networks"),
    "aws_kms_key": (KEY_NARROWING_KEYS, "your organization, accounts, roles or sources"),
    "aws_kms_key_policy": (KEY_NARROWING_KEYS, "your organization, accounts, roles or sources"),
}


def _granted(statement: iam.Statement) -> str:
    if statement.actions:
        return ", ".join(statement.actions)
    if statement.not_actions:
        return f"every action but {', '.join(statement.not_actions)}"
    return "its actions"


def _judge(statement: iam.Statement, name: str, keys: frozenset[str], narrowed_to: str) -> Result | None:
    """FAIL or UNKNOWN for a statement that (may) allow everyone, else None."""
    return iam.judge_grant_to_everyone(
        statement,
        name,
        keys,
        grant=lambda everyone: f"allows {_granted(statement)} to {everyone}",
        narrowed_to=narrowed_to,
    )


def evaluate(resource: Resource) -> Result:
    keys, narrowed_to = NARROWING.get(resource.type, (iam.PRINCIPAL_NARROWING_KEYS, "your organization or accounts"))
    document = iam.read_policy(resource.get("policy"))
    result = iam.judge_statements(
        document,
        lambda statement, name: _judge(statement, name, keys, narrowed_to),
        passed("no statement allows everyone without a narrowing condition"),
    )
    return replace(result, attribute="policy")
