"""``LeastPrivilegeRole``: an IAM role for an AI service, with only the statements it is given."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import pulumi
import pulumi_aws as aws

from pulumi_components import _validation as v

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


def _check_identity_policy(statements: list[dict[str, Any]]) -> None:
    v.validate_identity_statements(statements, "role policy")


class LeastPrivilegeRole(pulumi.ComponentResource):
    """An IAM role that only named AWS services of one account can assume, with validated permissions.

    Registers, as children:

    * ``role`` (``aws.iam.Role``): trusted by ``service_principals`` only, on the condition
      ``aws:SourceAccount`` equals the account (confused-deputy protection);
    * ``policy`` (``aws.iam.RolePolicy``, ``None`` without statements): the inline policy made of
      ``statements``, which may not allow ``"*"``/``service:*`` actions (CKV_AISEC_8) or ``iam:PassRole``
      (CKV_AISEC_110) on resource ``"*"``;
    * ``attachments``: one ``aws.iam.RolePolicyAttachment`` per entry of ``managed_policy_arns``, none of which
      may be a broad AWS-managed policy such as AdministratorAccess or AmazonSageMakerFullAccess (CKV_AISEC_9).

    Build ``statements`` with the helpers: ``read_objects``, ``use_kms_key``, ``invoke_bedrock_models``,
    ``write_logs``.
    """

    # Every catalog rule that judges what this component registers (tests/pulumi/test_component_rules.py).
    RULES: ClassVar[tuple[str, ...]] = (
        "CKV_AISEC_9",
        "CKV_AISEC_111",
    )

    role: aws.iam.Role
    policy: aws.iam.RolePolicy | None
    attachments: list[aws.iam.RolePolicyAttachment]

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
            JSON text. ``Action`` must be literal;
            ``Resource`` may hold Outputs (ARNs), which are checked again when they resolve.
        :param managed_policy_arns: Managed policies to attach; broad AWS-managed policies are refused.
        :param source_account: The account allowed as ``aws:SourceAccount``; the current account by default.
        :param description: The role's description.
        :param max_session_duration: Maximum session length in seconds (default one hour).
        :param permissions_boundary: ARN of a permissions boundary policy.
        :param tags: Tags for the role.
        """
        v.require_plain(service_principals, "service_principals")
        principals = v.as_list(service_principals)
        if not principals:
            raise ValueError("service_principals must name at least one AWS service, e.g. sagemaker.amazonaws.com")
        for principal in principals:
            if not isinstance(principal, str) or not _SERVICE_PRINCIPAL.match(principal):
                raise ValueError(
                    f"service principal {principal!r} is not an AWS service principal such as "
                    "'sagemaker.amazonaws.com' (a '*' or account principal is never trusted by this component)"
                )
        v.require_plain(statements, "statements")
        checked = v.policy_statements(statements, "statements")
        _check_identity_policy(checked)
        checked = _unique_sids(checked)
        v.require_plain(managed_policy_arns, "managed_policy_arns")
        v.validate_managed_policy_arns(list(managed_policy_arns))
        tags = dict(tags or {})

        super().__init__("aisec:iam:LeastPrivilegeRole", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)

        if source_account is None:
            source_account, _ = v.current_account_and_region(self)
        trust = v.policy_document(
            [
                {
                    "Sid": "TrustedServicesOfThisAccount",
                    "Effect": "Allow",
                    "Principal": {"Service": principals if len(principals) > 1 else principals[0]},
                    "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"]
                    if allow_source_identity
                    else "sts:AssumeRole",
                    "Condition": {"StringEquals": {"aws:SourceAccount": source_account}},
                }
            ]
        )
        self.role = aws.iam.Role(
            f"{name}-role",
            assume_role_policy=pulumi.Output.json_dumps(trust),
            description=description,
            max_session_duration=max_session_duration,
            permissions_boundary=permissions_boundary,
            tags=tags or None,
            opts=child,
        )
        self.policy = None
        if checked:
            self.policy = aws.iam.RolePolicy(
                f"{name}-policy",
                role=self.role.name,
                policy=v.checked_policy_json(v.policy_document(checked), _check_identity_policy),
                opts=child,
            )
        self.attachments = [
            aws.iam.RolePolicyAttachment(f"{name}-attachment-{index}", role=self.role.name, policy_arn=arn, opts=child)
            for index, arn in enumerate(managed_policy_arns)
        ]

        self.arn: pulumi.Output[str] = self.role.arn
        self.role_name: pulumi.Output[str] = self.role.name
        self.register_outputs({"arn": self.role.arn, "name": self.role.name})

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
                "Resource": pulumi.Output.concat(bucket_arn, "/", prefix, "*"),
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
        if not ids or any(not isinstance(model, str) or not model or "*" in model for model in ids):
            raise ValueError("model_ids must name foundation models, e.g. 'anthropic.claude-3-haiku-20240307-v1:0'")
        return [
            {
                "Sid": "InvokeModels",
                "Effect": "Allow",
                "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                "Resource": [pulumi.Output.concat("arn:aws:bedrock:", region, "::foundation-model/", m) for m in ids],
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
                "Resource": [log_group_arn, pulumi.Output.concat(log_group_arn, ":log-stream:*")],
            }
        ]


read_objects = LeastPrivilegeRole.read_objects
use_kms_key = LeastPrivilegeRole.use_kms_key
invoke_bedrock_models = LeastPrivilegeRole.invoke_bedrock_models
write_logs = LeastPrivilegeRole.write_logs
