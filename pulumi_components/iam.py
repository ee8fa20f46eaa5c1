"""``LeastPrivilegeRole``: an IAM role for an AI service, with only the statements it is given."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import pulumi
import pulumi_aws as aws

from pulumi_components import _validation as v
from pulumi_components._plan import ACCOUNT_ID, AisecComponent, JsonDocument, Plan, concat

# The shape of a service principal name (``sagemaker.amazonaws.com``): IAM refuses anything else, a wildcard
# included, in a ``Service`` principal.
_SERVICE_PRINCIPAL = re.compile(r"^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$")


def _unique_sids(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """IAM requires unique Sids within a policy: helpers reused twice get a numeric suffix."""
    seen: dict[str, int] = {}
    unique = []
    for statement in statements:
        sid = statement.get("Sid")
        if isinstance(sid, str):
            seen[sid] = seen.get(sid, 0) + 1
            if seen[sid] > 1:
                statement = {**statement, "Sid": f"{sid}{seen[sid]}"}
        unique.append(statement)
    return unique


class LeastPrivilegeRole(AisecComponent):
    """An IAM role that only named AWS services of one account can assume, with the permissions it is given.

    Registers, as children:

    * ``role`` (``aws.iam.Role``): trusted by ``service_principals`` only, on the condition
      ``aws:SourceAccount`` equals the account (confused-deputy protection; a ``"*"`` principal fails
      CKV_AISEC_111);
    * ``policy`` (``aws.iam.RolePolicy``, ``None`` without statements): the inline policy made of
      ``statements``; the catalog refuses ``"*"``/``service:*`` actions (CKV_AISEC_8) or ``iam:PassRole``
      (CKV_AISEC_110) on resource ``"*"``, and invoking every Bedrock model (CKV_AISEC_158);
    * ``attachments``: one ``aws.iam.RolePolicyAttachment`` per entry of ``managed_policy_arns``; the catalog
      refuses broad AWS-managed policies such as AdministratorAccess or AmazonSageMakerFullAccess (CKV_AISEC_9).

    Build ``statements`` with the helpers: ``read_objects``, ``use_kms_key``, ``invoke_bedrock_models``,
    ``write_logs``. ``read_objects`` refuses a ``*`` in its prefix as argument shape (the prefix is literal; an
    empty prefix already reads the whole bucket, so the refusal guards meaning, not privilege).
    ``invoke_bedrock_models`` checks only the shape of its model IDs: a role that may invoke every foundation
    model (``["*"]``) is refused by the catalog (CKV_AISEC_158).
    """

    TYPE: ClassVar[str] = "aisec:iam:LeastPrivilegeRole"
    # Every catalog rule that judges what this component registers (tests/pulumi/test_component_rules.py).
    RULES: ClassVar[tuple[str, ...]] = (
        "CKV_AISEC_9",
        "CKV_AISEC_111",
        "CKV2_AISEC_30",
    )
    OUTPUTS: ClassVar[tuple[str, ...]] = ("arn", "role_name")

    role: aws.iam.Role
    policy: aws.iam.RolePolicy | None
    attachments: list[aws.iam.RolePolicyAttachment]
    arn: pulumi.Output[str]
    role_name: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        *,
        service_principals: Sequence[str],
        statements: Sequence[Mapping[str, Any]] | Mapping[str, Any] | str = (),
        managed_policy_arns: Sequence[str] = (),
        source_account: pulumi.Input[str] | None = None,
        description: str | None = None,
        max_session_duration: int = 3600,
        permissions_boundary: pulumi.Input[str] | None = None,
        allow_source_identity: bool = False,
        tags: Mapping[str, str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """
        :param name: The component's logical name; children are named ``<name>-<part>``.
        :param service_principals: Services that may assume the role, e.g. ``["sagemaker.amazonaws.com"]``.
        :param allow_source_identity: Also trust ``sts:SetSourceIdentity``, so that the service can record who
            acts under the role (SageMaker Studio's user-profile identity, CKV_AISEC_26).
        :param statements: Identity-policy statements: a list of statement dicts, a policy document (dict) or its
            JSON text. ``Action`` must be literal; ``Resource`` may hold Outputs (ARNs), and the policy is
            judged again when they resolve.
        :param managed_policy_arns: Managed policies to attach; broad AWS-managed policies are refused.
        :param source_account: The account allowed as ``aws:SourceAccount``; the current account by default.
        :param description: The role's description.
        :param max_session_duration: Maximum session length in seconds (default one hour).
        :param permissions_boundary: ARN of a permissions boundary policy.
        :param tags: Tags for the role.
        """
        self._construct(
            name,
            opts,
            service_principals=service_principals,
            statements=statements,
            managed_policy_arns=managed_policy_arns,
            source_account=source_account,
            description=description,
            max_session_duration=max_session_duration,
            permissions_boundary=permissions_boundary,
            allow_source_identity=allow_source_identity,
            tags=tags,
        )

    @classmethod
    def describe(
        cls,
        plan: Plan,
        name: str,
        *,
        service_principals: Sequence[str],
        statements: Sequence[Mapping[str, Any]] | Mapping[str, Any] | str = (),
        managed_policy_arns: Sequence[str] = (),
        source_account: pulumi.Input[str] | None = None,
        description: str | None = None,
        max_session_duration: int = 3600,
        permissions_boundary: pulumi.Input[str] | None = None,
        allow_source_identity: bool = False,
        tags: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        v.require_plain(service_principals, "service_principals")
        principals = v.as_list(service_principals)
        if not principals:
            raise ValueError("service_principals must name at least one AWS service, e.g. sagemaker.amazonaws.com")
        for principal in principals:
            if not isinstance(principal, str) or not _SERVICE_PRINCIPAL.match(principal):
                raise ValueError(
                    f"service principal {principal!r} is not an AWS service principal name such as "
                    "'sagemaker.amazonaws.com': IAM rejects a trust policy whose Service principal is a wildcard, "
                    "an account or an ARN (MalformedPolicyDocument), so no such role can be created"
                )
        checked = _unique_sids(v.policy_statements(statements, "statements", identity=True))
        v.require_plain(managed_policy_arns, "managed_policy_arns")
        arns = v.as_list(managed_policy_arns)
        if not all(isinstance(arn, (str, pulumi.Output)) for arn in arns):
            raise ValueError(f"managed_policy_arns must be a list of policy ARNs, got {managed_policy_arns!r}")

        trust = v.policy_document(
            [
                {
                    "Sid": "TrustedServicesOfThisAccount",
                    "Effect": "Allow",
                    "Principal": {"Service": principals if len(principals) > 1 else principals[0]},
                    "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"]
                    if allow_source_identity
                    else "sts:AssumeRole",
                    "Condition": {
                        "StringEquals": {"aws:SourceAccount": ACCOUNT_ID if source_account is None else source_account}
                    },
                }
            ]
        )
        role = plan.add(
            aws.iam.Role,
            f"{name}-role",
            assume_role_policy=JsonDocument(trust),
            description=description,
            max_session_duration=max_session_duration,
            permissions_boundary=permissions_boundary,
            tags=dict(tags) if tags else None,
        )
        policy = None
        if checked:
            policy = plan.add(
                aws.iam.RolePolicy,
                f"{name}-policy",
                role=role.name,
                policy=JsonDocument(v.policy_document(checked)),
            )
        attachments = [
            plan.add(aws.iam.RolePolicyAttachment, f"{name}-attachment-{index}", role=role.name, policy_arn=arn)
            for index, arn in enumerate(arns)
        ]
        return {
            "role": role,
            "policy": policy,
            "attachments": attachments,
            "arn": role.arn,
            "role_name": role.name,
        }

    # -- statement helpers ----------------------------------------------------------------------------------

    @staticmethod
    def read_objects(bucket_arn: pulumi.Input[str], prefix: str = "") -> list[dict[str, Any]]:
        """Read (and list) the objects under ``prefix`` of one bucket."""
        if "*" in prefix:
            raise ValueError("prefix is a literal key prefix; it may not contain '*'")
        return [
            {
                "Sid": "ReadObjects",
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:GetObjectVersion"],
                "Resource": concat(bucket_arn, "/", prefix, "*"),
            },
            {
                "Sid": "ListObjects",
                "Effect": "Allow",
                "Action": "s3:ListBucket",
                "Resource": bucket_arn,
                "Condition": {"StringLike": {"s3:prefix": [f"{prefix}*"]}},
            },
        ]

    @staticmethod
    def use_kms_key(key_arn: pulumi.Input[str], *, encrypt: bool = True) -> list[dict[str, Any]]:
        """Use one KMS key for data: decrypt, and (unless ``encrypt=False``) encrypt and make data keys."""
        actions = ["kms:Decrypt", "kms:DescribeKey"]
        if encrypt:
            actions += ["kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncryptFrom", "kms:ReEncryptTo"]
        return [{"Sid": "UseKey", "Effect": "Allow", "Action": actions, "Resource": key_arn}]

    @staticmethod
    def invoke_bedrock_models(model_ids: Sequence[str], region: pulumi.Input[str]) -> list[dict[str, Any]]:
        """Invoke (and stream from) the named Bedrock foundation models in ``region``."""
        v.require_plain(model_ids, "model_ids")
        ids = v.as_list(model_ids)
        if not ids or any(not isinstance(model, str) or not model for model in ids):
            raise ValueError("model_ids must name foundation models, e.g. 'anthropic.claude-3-haiku-20240307-v1:0'")
        return [
            {
                "Sid": "InvokeModels",
                "Effect": "Allow",
                "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                "Resource": [concat("arn:aws:bedrock:", region, "::foundation-model/", m) for m in ids],
            }
        ]

    @staticmethod
    def write_logs(log_group_arn: pulumi.Input[str]) -> list[dict[str, Any]]:
        """Create streams in and write events to one log group."""
        return [
            {
                "Sid": "WriteLogs",
                "Effect": "Allow",
                "Action": ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                "Resource": [log_group_arn, concat(log_group_arn, ":log-stream:*")],
            }
        ]


read_objects = LeastPrivilegeRole.read_objects
use_kms_key = LeastPrivilegeRole.use_kms_key
invoke_bedrock_models = LeastPrivilegeRole.invoke_bedrock_models
write_logs = LeastPrivilegeRole.write_logs
