"""What the components still check by hand: the shape and type of their arguments, never a security judgment.

Security judgments belong to the catalog: a component describes its children (``pulumi_components._plan``)
and the catalog's rules judge them before anything registers. The helpers here only refuse arguments that
cannot be turned into children at all (a policy that is not JSON, a number where a list belongs, a
retention CloudWatch Logs does not accept), with a ``ValueError`` or ``TypeError``, and build the shared
secure children (rotating keys, encrypted log groups) into a plan.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import pulumi
import pulumi_aws as aws

from policies.model import as_list
from pulumi_components._plan import ACCOUNT_ID, REGION, Child, Deferred, JsonDocument, Plan, PolicyViolation, concat

__all__ = ["PolicyViolation", "as_list"]


def is_output(value: Any) -> bool:
    return isinstance(value, pulumi.Output)


def require_plain(value: Any, what: str) -> None:
    """Values that decide the shape of the children cannot be ``Output``s: their content is not known yet."""
    if is_output(value):
        raise TypeError(
            f"{what} must be a plain value (dict/list/str), not a pulumi.Output: it is judged at preview, "
            "before any output is known"
        )


def policy_statements(policy: Any, what: str = "policy", identity: bool = False) -> list[dict[str, Any]]:
    """The statements of a policy given as a JSON string, a document dict or a list of statements.

    Resources and the ARNs inside a Principal may be Outputs (ARNs of other resources); ``Effect`` and the
    actions decide the shape of the statement and must be literal. An identity policy's statement names
    actions and resources (IAM refuses one that does not)."""
    require_plain(policy, what)
    if isinstance(policy, str):
        try:
            policy = json.loads(policy)
        except ValueError as error:
            raise ValueError(f"{what} is not valid JSON: {error}") from error
    if isinstance(policy, Mapping):
        policy = policy.get("Statement", [policy])
    statements = as_list(policy)
    for statement in statements:
        if not isinstance(statement, Mapping):
            raise ValueError(f"{what}: every statement must be a dict, got {statement!r}")
        for key in ("Action", "NotAction", "Effect"):
            item = statement.get(key)
            if is_output(item) or any(is_output(part) for part in as_list(item)):
                require_plain(item, f"{what} {key}")
        for key in ("Principal", "NotPrincipal"):
            require_plain(statement.get(key), f"{what} {key}")
        if identity and not (
            ("Action" in statement or "NotAction" in statement)
            and ("Resource" in statement or "NotResource" in statement)
        ):
            raise ValueError(f"{what}: an identity-policy statement needs Action and Resource, got {statement!r}")
    return [dict(statement) for statement in statements]


def policy_document(statements: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": [dict(statement) for statement in statements]}


def validate_positive_int(value: Any, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"{what} must be a positive integer, got {value!r}")


# The retention values CloudWatch Logs accepts (days); 0 is Terraform's and Pulumi's "never expire".
LOG_RETENTION_DAYS = frozenset(
    {0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653}
)


def validate_log_retention(days: Any, what: str = "log_retention_days") -> None:
    """A value CloudWatch Logs accepts; whether it is long enough is the catalog's judgment (CKV_AISEC_77)."""
    if isinstance(days, bool) or not isinstance(days, int) or days not in LOG_RETENTION_DAYS:
        raise ValueError(f"{what} must be one of CloudWatch Logs' retention values {sorted(LOG_RETENTION_DAYS)}")


def key_arn(value: Any, what: str = "kms_key_arn") -> Any:
    """``None`` (create a key), a string (white space removed) or an ``Output``; whether it names a
    customer-managed key is the catalog's judgment."""
    if value is not None and not isinstance(value, (str, pulumi.Output, Deferred)):
        raise TypeError(f"{what} must be a key ARN (a string or an Output), got {value!r}")
    return value.strip() if isinstance(value, str) else value


# -- shared secure building blocks -------------------------------------------------------------------------

# Key administration and use for the account, listed (no "kms:*"): key policies are resource policies whose
# "*" resource means "this key", but listing the actions keeps every pack rule's reading unambiguous.
ACCOUNT_KEY_ACTIONS = (
    "kms:Create*",
    "kms:Describe*",
    "kms:Enable*",
    "kms:List*",
    "kms:Put*",
    "kms:Update*",
    "kms:Revoke*",
    "kms:Disable*",
    "kms:Get*",
    "kms:Delete*",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncrypt*",
    "kms:GenerateDataKey*",
    "kms:CreateGrant",
)


def account_administers_key_statement() -> dict[str, Any]:
    return {
        "Sid": "AccountAdministersAndUsesKey",
        "Effect": "Allow",
        "Principal": {"AWS": concat("arn:aws:iam::", ACCOUNT_ID, ":root")},
        "Action": list(ACCOUNT_KEY_ACTIONS),
        "Resource": "*",
    }


def logs_key_policy() -> JsonDocument:
    """A key policy that lets the account administer the key and CloudWatch Logs in the region use it for
    this account's log groups only (CloudWatch Logs cannot use a key whose policy does not name it)."""
    return JsonDocument(
        policy_document(
            [
                account_administers_key_statement(),
                {
                    "Sid": "CloudWatchLogsUsesKeyForThisAccountsLogGroups",
                    "Effect": "Allow",
                    "Principal": {"Service": concat("logs.", REGION, ".amazonaws.com")},
                    "Action": [
                        "kms:Encrypt*",
                        "kms:Decrypt*",
                        "kms:ReEncrypt*",
                        "kms:GenerateDataKey*",
                        "kms:Describe*",
                    ],
                    "Resource": "*",
                    "Condition": {
                        "ArnLike": {
                            "kms:EncryptionContext:aws:logs:arn": concat(
                                "arn:aws:logs:", REGION, ":", ACCOUNT_ID, ":log-group:*"
                            )
                        }
                    },
                },
            ]
        )
    )


def rotating_key(plan: Plan, name: str, description: str, policy: Any = None) -> Child:
    """A customer-managed KMS key with yearly automatic rotation and a 30-day deletion window."""
    return plan.add(
        aws.kms.Key,
        name,
        description=description,
        enable_key_rotation=True,
        deletion_window_in_days=30,
        policy=policy,
    )


def encrypted_log_group(
    plan: Plan,
    name: str,
    *,
    retention_in_days: int,
    kms_key_arn: Any = None,
    log_group_name: Any = None,
) -> tuple[Child | None, Child]:
    """A CloudWatch log group encrypted under ``kms_key_arn`` or a new rotating key whose policy admits
    CloudWatch Logs. Returns ``(key or None, log_group)``."""
    key = None
    if kms_key_arn is None:
        key = rotating_key(plan, f"{name}-key", f"Encrypts the log group {name}", policy=logs_key_policy())
        kms_key_arn = key.arn
    log_group = plan.add(
        aws.cloudwatch.LogGroup,
        name,
        name=log_group_name,
        retention_in_days=retention_in_days,
        kms_key_id=kms_key_arn,
    )
    return key, log_group


def requirement(condition: bool, name: str, message: str) -> None:
    """A named requirement no catalog rule covers yet (``aisec-iac:<name>``): refused like a rule."""
    if not condition:
        raise PolicyViolation(f"aisec-iac:{name}", message)
