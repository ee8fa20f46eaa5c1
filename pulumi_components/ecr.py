"""``ModelRepository``: an ECR repository for model-server and training images."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import pulumi
import pulumi_aws as aws

from pulumi_components import _validation as v
from pulumi_components._plan import AisecComponent, JsonDocument, Plan


def lifecycle_policy(untagged_expiry_days: int, max_image_count: int | None) -> str:
    """Expire untagged images after ``untagged_expiry_days``; keep at most ``max_image_count`` images."""
    rules: list[dict[str, Any]] = [
        {
            "rulePriority": 1,
            "description": f"Expire untagged images {untagged_expiry_days} days after push",
            "selection": {
                "tagStatus": "untagged",
                "countType": "sinceImagePushed",
                "countUnit": "days",
                "countNumber": untagged_expiry_days,
            },
            "action": {"type": "expire"},
        }
    ]
    if max_image_count is not None:
        rules.append(
            {
                "rulePriority": 2,
                "description": f"Keep the {max_image_count} most recent images",
                "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": max_image_count},
                "action": {"type": "expire"},
            }
        )
    return json.dumps({"rules": rules})


class ModelRepository(AisecComponent):
    """An ECR repository whose images cannot be swapped under a tag and are scanned on push.

    Registers, as children:

    * ``repository``: ``IMMUTABLE`` tags (a deployed model image cannot be replaced under its tag), scan on
      push, KMS encryption, ``force_delete`` off;
    * ``kms_key``: a new customer-managed key with rotation (CKV_AISEC_4) unless ``kms_key_arn`` is given;
    * ``lifecycle_policy``: expires untagged images (and, optionally, all but the newest N);
    * ``repository_policy`` when ``policy_statements`` are given (otherwise ``None``), judged with the rest (an
      Allow to the ``"*"`` principal, or a ``NotPrincipal``, fails CKV2_AISEC_21).
    """

    TYPE: ClassVar[str] = "aisec:ecr:ModelRepository"

    # Every catalog rule that judges what this component registers (tests/pulumi/test_component_rules.py).
    RULES: ClassVar[tuple[str, ...]] = (
        "CKV_AISEC_4",
        "CKV_AISEC_45",
        "CKV_AISEC_46",
        "CKV_AISEC_112",
        "CKV2_AISEC_20",
        "CKV2_AISEC_46",
    )

    repository: aws.ecr.Repository
    kms_key: aws.kms.Key | None
    lifecycle_policy: aws.ecr.LifecyclePolicy
    repository_policy: aws.ecr.RepositoryPolicy | None
    repository_url: pulumi.Output[str]
    repository_arn: pulumi.Output[str]
    OUTPUTS: ClassVar[tuple[str, ...]] = ("repository_url", "repository_arn")

    def __init__(
        self,
        name: str,
        *,
        repository_name: str | None = None,
        kms_key_arn: pulumi.Input[str] | None = None,
        untagged_expiry_days: int = 14,
        max_image_count: int | None = None,
        policy_statements: Sequence[Mapping[str, Any]] | Mapping[str, Any] | str = (),
        tags: Mapping[str, str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """
        :param name: The component's logical name; children are named ``<name>-<part>``.
        :param repository_name: The repository's name; Pulumi auto-names it when omitted.
        :param kms_key_arn: ARN of a customer-managed key; a new rotating key is created when omitted.
        :param untagged_expiry_days: Days after which untagged images expire.
        :param max_image_count: Keep only this many images (newest first); unlimited when omitted. Keep enough
            for rollbacks.
        :param policy_statements: Repository-policy statements (for example a cross-account pull grant to named
            accounts). An Allow to the ``"*"`` principal or ``NotPrincipal`` is refused.
        :param tags: Tags for the repository and key.
        """
        self._construct(
            name,
            opts,
            repository_name=repository_name,
            kms_key_arn=kms_key_arn,
            untagged_expiry_days=untagged_expiry_days,
            max_image_count=max_image_count,
            policy_statements=policy_statements,
            tags=tags,
        )

    @classmethod
    def describe(
        cls,
        plan: Plan,
        name: str,
        *,
        repository_name: str | None = None,
        kms_key_arn: pulumi.Input[str] | None = None,
        untagged_expiry_days: int = 14,
        max_image_count: int | None = None,
        policy_statements: Sequence[Mapping[str, Any]] | Mapping[str, Any] | str = (),
        tags: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        v.validate_positive_int(untagged_expiry_days, "untagged_expiry_days")
        if max_image_count is not None:
            v.validate_positive_int(max_image_count, "max_image_count")
        kms_key_arn = v.key_arn(kms_key_arn)
        statements = v.policy_statements(policy_statements, "policy_statements")
        tags = dict(tags or {})

        kms_key = None
        if kms_key_arn is None:
            kms_key = v.rotating_key(plan, f"{name}-key", f"Encrypts the ECR repository of {name}")
            kms_key_arn = kms_key.arn

        repository = plan.add(
            aws.ecr.Repository,
            f"{name}-repository",
            name=repository_name,
            image_tag_mutability="IMMUTABLE",
            image_scanning_configuration=aws.ecr.RepositoryImageScanningConfigurationArgs(scan_on_push=True),
            encryption_configurations=[
                aws.ecr.RepositoryEncryptionConfigurationArgs(encryption_type="KMS", kms_key=kms_key_arn)
            ],
            force_delete=False,
            tags=tags or None,
        )
        lifecycle = plan.add(
            aws.ecr.LifecyclePolicy,
            f"{name}-lifecycle",
            repository=repository.name,
            policy=lifecycle_policy(untagged_expiry_days, max_image_count),
        )
        repository_policy = None
        if statements:
            repository_policy = plan.add(
                aws.ecr.RepositoryPolicy,
                f"{name}-policy",
                repository=repository.name,
                policy=JsonDocument(v.policy_document(statements)),
            )
        return {
            "kms_key": kms_key,
            "repository": repository,
            "lifecycle_policy": lifecycle,
            "repository_policy": repository_policy,
            "repository_url": repository.repository_url,
            "repository_arn": repository.arn,
        }
