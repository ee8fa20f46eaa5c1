"""Validation shared by the components: refuse, at construction (``pulumi preview``), what a rule would fail.

Every check raises ``PolicyViolation`` (a ``ValueError``) naming the catalog rule and what to change. The
components call these helpers *before* ``super().__init__``, so invalid input registers nothing.

The helpers work on plain Python values (the arguments a caller passes). A value that is an ``Output`` is
not known at preview and cannot be judged here; helpers that need a literal refuse it with ``TypeError`` so
that a policy cannot slip through as an unknown (see ``require_plain``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import pulumi

# Rule IDs the components enforce (see policies/rules/*.yaml for the full text of each rule).
S3_SSE_KMS_CMK = "CKV_AISEC_1"
KMS_ROTATION = "CKV_AISEC_4"
NOTEBOOK_PRIVATE = "CKV_AISEC_5"
STUDIO_VPC_ONLY = "CKV_AISEC_6"
SG_AI_PORTS = "CKV_AISEC_7"
IAM_NO_WILDCARD = "CKV_AISEC_8"
IAM_NO_BROAD_MANAGED = "CKV_AISEC_9"
ECS_NON_ROOT = "CKV_AISEC_10"
IAM_NO_PASSROLE_ON_ANY_ROLE = "CKV_AISEC_110"
# Bucket and KMS key policies that Allow a "*" principal (or NotPrincipal).
RESOURCE_POLICY_PUBLIC_PRINCIPAL = "CKV_AISEC_112"
BUCKET_PUBLIC_ACCESS_BLOCK = "CKV2_AISEC_1"
BUCKET_TLS_ONLY = "CKV2_AISEC_2"
# ECR repository policies that Allow a "*" principal (or NotPrincipal).
ECR_POLICY_PUBLIC_PRINCIPAL = "CKV2_AISEC_21"

# AWS-managed policies that grant far more than any AI workload needs (CKV_AISEC_9).
BROAD_MANAGED_POLICY_NAMES = frozenset(
    {
        "AdministratorAccess",
        "PowerUserAccess",
        "AmazonSageMakerFullAccess",
        "AmazonBedrockFullAccess",
        "AmazonS3FullAccess",
        "IAMFullAccess",
    }
)


class PolicyViolation(ValueError):
    """An argument that would violate the catalog rule ``rule_id``; the message says what to change."""

    def __init__(self, rule_id: str, message: str) -> None:
        self.rule_id = rule_id
        self.detail = message
        super().__init__(f"{rule_id}: {message}")


def require(condition: bool, rule_id: str, message: str) -> None:
    """Raise ``PolicyViolation(rule_id, message)`` unless ``condition`` holds."""
    if not condition:
        raise PolicyViolation(rule_id, message)


def is_output(value: Any) -> bool:
    return isinstance(value, pulumi.Output)


def require_plain(value: Any, what: str) -> None:
    """Values the components must judge at preview cannot be ``Output``s: their content is not known yet."""
    if is_output(value):
        raise TypeError(
            f"{what} must be a plain value (dict/list/str), not a pulumi.Output: it is validated at preview, "
            "before any output is known"
        )


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


# -- IAM policy documents ---------------------------------------------------------------------------------


def policy_statements(policy: Any, what: str = "policy") -> list[dict[str, Any]]:
    """The statements of a policy given as a JSON string, a document dict or a list of statements."""
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
        # Resources and the ARNs inside a Principal may be Outputs (ARNs of other resources); Actions and the
        # Principal's shape decide the verdict and must be known now. Components re-check the rendered
        # document when the Outputs resolve (``checked_policy_json``).
        for key in ("Action", "NotAction", "Effect"):
            item = statement.get(key)
            if is_output(item) or any(is_output(part) for part in as_list(item)):
                require_plain(item, f"{what} {key}")
        for key in ("Principal", "NotPrincipal"):
            require_plain(statement.get(key), f"{what} {key}")
    return [dict(statement) for statement in statements]


def _is_wildcard_action(action: Any) -> bool:
    return isinstance(action, str) and (action == "*" or (action.endswith(":*") and action.count(":") == 1))


def _covers_all_resources(resources: Any) -> bool:
    return any(resource == "*" for resource in as_list(resources))


def _action_matches(pattern: str, action: str) -> bool:
    """IAM's action matching: case-insensitive, ``*`` any run of characters, ``?`` one character."""
    regex = "".join(".*" if char == "*" else "." if char == "?" else re.escape(char) for char in pattern)
    return re.fullmatch(regex, action, re.IGNORECASE | re.DOTALL) is not None


def _pass_role_actions(actions: Iterable[Any]) -> list[str]:
    """The actions that grant ``iam:PassRole`` (``iam:PassRole``, ``iam:Pass*``, ``iam:*Role``...), leaving out
    ``*`` and ``<service>:*``, which are refused as wildcards first."""
    return [
        action
        for action in actions
        if isinstance(action, str) and not _is_wildcard_action(action) and _action_matches(action, "iam:PassRole")
    ]


def validate_identity_statements(statements: Iterable[Mapping[str, Any]], what: str = "policy") -> None:
    """Identity-policy statements: no ``*``/``service:*`` action on ``*`` (CKV_AISEC_8) and no action that
    grants ``iam:PassRole`` on ``*`` (CKV_AISEC_110).

    ``NotAction`` and ``NotResource`` in an Allow grant everything else, so they are refused too.
    """
    for index, statement in enumerate(statements):
        if statement.get("Effect", "Allow") != "Allow":
            continue
        where = f"{what} statement {statement.get('Sid') or index}"
        actions = as_list(statement.get("Action"))
        pass_role = _pass_role_actions(actions)
        require(
            "NotResource" not in statement or not pass_role,
            IAM_NO_PASSROLE_ON_ANY_ROLE,
            f"{where} allows {pass_role} with NotResource, which covers every other role; list the ARNs of the "
            "roles it must pass in Resource instead",
        )
        require(
            "NotAction" not in statement and "NotResource" not in statement,
            IAM_NO_WILDCARD,
            f"{where} uses NotAction/NotResource in an Allow, which grants everything else; list the actions "
            "and resources it needs instead",
        )
        require(bool(actions), IAM_NO_WILDCARD, f"{where} has no Action")
        resources = as_list(statement.get("Resource"))
        require(bool(resources), IAM_NO_WILDCARD, f"{where} has no Resource")
        if _covers_all_resources(resources):
            wildcard = [action for action in actions if _is_wildcard_action(action)]
            require(
                not wildcard,
                IAM_NO_WILDCARD,
                f"{where} allows {wildcard} on Resource '*'; name the actions it needs and scope Resource to ARNs",
            )
            require(
                not pass_role,
                IAM_NO_PASSROLE_ON_ANY_ROLE,
                f"{where} allows {pass_role} on Resource '*', which can hand any role (an administrator's "
                "included) to a service; scope it to the ARNs of the roles it must pass",
            )


def _principal_is_public(principal: Any) -> bool:
    if principal == "*":
        return True
    if isinstance(principal, Mapping):
        return any(value == "*" for values in principal.values() for value in as_list(values))
    return False


def validate_resource_policy_statements(
    statements: Iterable[Mapping[str, Any]], what: str, rule_id: str = RESOURCE_POLICY_PUBLIC_PRINCIPAL
) -> None:
    """Resource-policy statements (bucket, ECR, KMS): no Allow to a ``*`` principal, no ``NotPrincipal`` Allow.

    Stricter than CKV_AISEC_112 and CKV2_AISEC_21, which accept ``*`` narrowed by an organization, account or
    source condition: the components name principals instead."""
    for index, statement in enumerate(statements):
        if statement.get("Effect", "Allow") != "Allow":
            continue
        where = f"{what} statement {statement.get('Sid') or index}"
        require(
            "NotPrincipal" not in statement,
            rule_id,
            f"{where} uses NotPrincipal in an Allow, which grants every other principal; name the principals",
        )
        require(
            not _principal_is_public(statement.get("Principal")),
            rule_id,
            f"{where} allows Principal '*' (anyone); name the AWS accounts, roles or services it must allow",
        )


def managed_policy_name(arn: str) -> str | None:
    """``arn:aws:iam::aws:policy/AmazonS3FullAccess`` -> ``AmazonS3FullAccess``; None for customer policies."""
    if not isinstance(arn, str):
        return None
    prefix, _, name = arn.partition(":iam::aws:policy/")
    if not name or not prefix.startswith("arn:"):
        return None
    return name.rsplit("/", 1)[-1]


def validate_managed_policy_arns(arns: Sequence[Any]) -> None:
    for arn in arns:
        require_plain(arn, "managed policy ARN")
        name = managed_policy_name(arn)
        require(
            name not in BROAD_MANAGED_POLICY_NAMES,
            IAM_NO_BROAD_MANAGED,
            f"{arn} grants far more than an AI workload needs; grant the specific actions with statements "
            "(see LeastPrivilegeRole's statement helpers) instead",
        )


# -- Containers ---------------------------------------------------------------------------------------------

_ROOT_NAMES = frozenset({"root", "0"})


def is_root_user(user: Any) -> bool:
    """ECS ``user`` values that run as root: absent, ``root``, ``0`` (or ``00``), ``0:<gid>``, ``root:<group>``,
    and ``:<gid>`` (no user: the image's default, root unless the image says otherwise)."""
    if user is None:
        return True
    text = str(user).strip()
    if not text:
        return True
    name = text.split(":", 1)[0].strip()
    return name in _ROOT_NAMES or not name or (name.isdigit() and int(name) == 0)


# -- Networking ---------------------------------------------------------------------------------------------

PUBLIC_CIDRS = frozenset({"0.0.0.0/0", "::/0"})


# -- Rendering policies -------------------------------------------------------------------------------------


def checked_policy_json(
    document: Mapping[str, Any], check: Callable[[list[dict[str, Any]]], None]
) -> pulumi.Output[str]:
    """``document`` as a JSON string Output, ``check``ed again once every Output inside it has resolved.

    Construction-time validation already refused what it could see; this catches an Output that resolves to a
    forbidden value (a ``"*"`` ARN) before the policy reaches the provider.
    """

    def _checked(text: str) -> str:
        check(policy_statements(text))
        return text

    return pulumi.Output.json_dumps(document).apply(_checked)


def policy_document(statements: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": [dict(statement) for statement in statements]}


# -- Shared secure building blocks -------------------------------------------------------------------------

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


def logs_key_policy(account_id: pulumi.Input[str], region: pulumi.Input[str]) -> pulumi.Output[str]:
    """A key policy that lets the account administer the key and CloudWatch Logs in ``region`` use it for
    this account's log groups only (CloudWatch Logs cannot use a key whose policy does not name it)."""
    account_root = pulumi.Output.concat("arn:aws:iam::", account_id, ":root")
    document = policy_document(
        [
            {
                "Sid": "AccountAdministersAndUsesKey",
                "Effect": "Allow",
                "Principal": {"AWS": account_root},
                "Action": list(ACCOUNT_KEY_ACTIONS),
                "Resource": "*",
            },
            {
                "Sid": "CloudWatchLogsUsesKeyForThisAccountsLogGroups",
                "Effect": "Allow",
                "Principal": {"Service": pulumi.Output.concat("logs.", region, ".amazonaws.com")},
                "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                "Resource": "*",
                "Condition": {
                    "ArnLike": {
                        "kms:EncryptionContext:aws:logs:arn": pulumi.Output.concat(
                            "arn:aws:logs:", region, ":", account_id, ":log-group:*"
                        )
                    }
                },
            },
        ]
    )
    return pulumi.Output.json_dumps(document)


def new_rotating_key(
    name: str, description: str, parent: pulumi.Resource, policy: pulumi.Input[str] | None = None
) -> Any:
    """A customer-managed KMS key with yearly automatic rotation (CKV_AISEC_4) and a 30-day deletion window."""
    import pulumi_aws as aws

    return aws.kms.Key(
        name,
        description=description,
        enable_key_rotation=True,
        deletion_window_in_days=30,
        policy=policy,
        opts=pulumi.ResourceOptions(parent=parent),
    )


def current_account_and_region(parent: pulumi.Resource) -> tuple[pulumi.Output[str], pulumi.Output[str]]:
    import pulumi_aws as aws

    invoke = pulumi.InvokeOutputOptions(parent=parent)
    return (
        aws.get_caller_identity_output(opts=invoke).account_id,
        aws.get_region_output(opts=invoke).region,
    )


def new_encrypted_log_group(
    name: str,
    *,
    parent: pulumi.Resource,
    retention_in_days: int,
    kms_key_arn: pulumi.Input[str] | None = None,
    log_group_name: pulumi.Input[str] | None = None,
) -> tuple[Any, Any]:
    """A CloudWatch log group encrypted under ``kms_key_arn`` or a new rotating key whose policy admits
    CloudWatch Logs. Returns ``(key or None, log_group)``."""
    import pulumi_aws as aws

    key = None
    if kms_key_arn is None:
        account_id, region = current_account_and_region(parent)
        key = new_rotating_key(
            f"{name}-key",
            f"Encrypts the log group {name}",
            parent,
            policy=logs_key_policy(account_id, region),
        )
        kms_key_arn = key.arn
    log_group = aws.cloudwatch.LogGroup(
        name,
        name=log_group_name,
        retention_in_days=retention_in_days,
        kms_key_id=kms_key_arn,
        opts=pulumi.ResourceOptions(parent=parent),
    )
    return key, log_group


# CloudWatch Logs accepts only these retention values (days).
LOG_RETENTION_DAYS = frozenset(
    {1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653}
)


def validate_log_retention(days: Any, what: str = "log_retention_days") -> None:
    if isinstance(days, bool) or not isinstance(days, int) or days not in LOG_RETENTION_DAYS:
        raise ValueError(f"{what} must be one of CloudWatch Logs' retention values {sorted(LOG_RETENTION_DAYS)}")


def validate_positive_int(value: Any, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"{what} must be a positive integer, got {value!r}")
