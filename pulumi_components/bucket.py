"""``SecureBucket``: an S3 bucket for training data, model artifacts or inference captures."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import pulumi
import pulumi_aws as aws

from pulumi_components import _validation as v
from pulumi_components._plan import PARTITION, AisecComponent, AsOutput, JsonDocument, Plan, concat

OBJECT_LOCK_MODES = ("GOVERNANCE", "COMPLIANCE")


def tls_only_statement(bucket_arn: pulumi.Input[str]) -> dict[str, Any]:
    """Deny every request to the bucket and its objects that does not use TLS (CKV2_AISEC_2)."""
    return {
        "Sid": "DenyInsecureTransport",
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": [bucket_arn, concat(bucket_arn, "/*")],
        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
    }


class SecureBucket(AisecComponent):
    """An S3 bucket whose every setting satisfies the pack's S3 rules.

    Registers, as children:

    * ``bucket`` (``aws.s3.Bucket``), ``force_destroy`` off, object lock enabled only when asked;
    * ``kms_key``: a new customer-managed key with rotation (CKV_AISEC_4), unless ``kms_key_arn`` is given
      (then ``None``);
    * ``encryption``: SSE-KMS under that key with S3 Bucket Keys (CKV_AISEC_1);
    * ``public_access_block`` with all four settings on (CKV2_AISEC_1);
    * ``ownership_controls``: ``BucketOwnerEnforced`` (ACLs disabled);
    * ``versioning``: enabled (recover from poisoning or deletion of training data and models);
    * ``policy``: denies any request without TLS (CKV2_AISEC_2), merged with the caller's statements, which
      the catalog judges with the rest (an Allow to everyone fails CKV_AISEC_112);
    * ``logging`` when ``access_log_bucket`` is given, ``lifecycle`` when ``expiration_days`` is given,
      ``object_lock`` when ``object_lock_retention_days`` is given (otherwise ``None``).
    """

    TYPE: ClassVar[str] = "aisec:s3:SecureBucket"
    # Every catalog rule that judges what this component registers (tests/pulumi/test_component_rules.py).
    RULES: ClassVar[tuple[str, ...]] = (
        "CKV_AISEC_1",
        "CKV_AISEC_4",
        "CKV_AISEC_112",
        "CKV2_AISEC_1",
        "CKV2_AISEC_2",
        "CKV2_AISEC_3",
        "CKV2_AISEC_4",
        "CKV2_AISEC_46",
    )
    OUTPUTS: ClassVar[tuple[str, ...]] = ("bucket_name", "bucket_arn", "kms_key_arn")

    bucket: aws.s3.Bucket
    kms_key: aws.kms.Key | None
    encryption: aws.s3.BucketServerSideEncryptionConfiguration
    public_access_block: aws.s3.BucketPublicAccessBlock
    ownership_controls: aws.s3.BucketOwnershipControls
    versioning: aws.s3.BucketVersioning
    policy: aws.s3.BucketPolicy
    logging: aws.s3.BucketLogging | None
    lifecycle: aws.s3.BucketLifecycleConfiguration | None
    object_lock: aws.s3.BucketObjectLockConfiguration | None
    bucket_name: pulumi.Output[str]
    bucket_arn: pulumi.Output[str]
    kms_key_arn: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        *,
        bucket_name: pulumi.Input[str] | None = None,
        kms_key_arn: pulumi.Input[str] | None = None,
        policy_statements: Sequence[Mapping[str, Any]] | Mapping[str, Any] | str = (),
        access_log_bucket: pulumi.Input[str] | None = None,
        access_log_prefix: str | None = None,
        expiration_days: int | None = None,
        object_lock_retention_days: int | None = None,
        object_lock_mode: str = "GOVERNANCE",
        tags: Mapping[str, str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """
        :param name: The component's logical name; children are named ``<name>-<part>``.
        :param bucket_name: The bucket's globally unique name; Pulumi auto-names it when omitted.
        :param kms_key_arn: ARN of an existing customer-managed KMS key to encrypt with. When omitted, a new
            key with automatic rotation is created. AWS-managed keys such as ``alias/aws/s3`` fail CKV_AISEC_1.
        :param policy_statements: Extra bucket-policy statements (statement dicts, a document or its JSON),
            merged after the TLS-only statement. An Allow to the ``"*"`` principal (or ``NotPrincipal``) fails
            CKV_AISEC_112.
        :param access_log_bucket: Name of the bucket that receives S3 server access logs; no access logging
            when omitted.
        :param access_log_prefix: Key prefix of the access logs; defaults to ``<name>/``.
        :param expiration_days: Data minimization: delete current objects this many days after creation (and
            noncurrent versions as many days after they become noncurrent). Kept forever when omitted.
        :param object_lock_retention_days: Enable S3 Object Lock with this default retention (write-once model
            artifacts). Object Lock can only be enabled when the bucket is created.
        :param object_lock_mode: ``GOVERNANCE`` (privileged users may shorten retention) or ``COMPLIANCE``.
        :param tags: Tags for every taggable child.
        """
        self._construct(
            name,
            opts,
            bucket_name=bucket_name,
            kms_key_arn=kms_key_arn,
            policy_statements=policy_statements,
            access_log_bucket=access_log_bucket,
            access_log_prefix=access_log_prefix,
            expiration_days=expiration_days,
            object_lock_retention_days=object_lock_retention_days,
            object_lock_mode=object_lock_mode,
            tags=tags,
        )

    @classmethod
    def describe(
        cls,
        plan: Plan,
        name: str,
        *,
        bucket_name: pulumi.Input[str] | None = None,
        kms_key_arn: pulumi.Input[str] | None = None,
        policy_statements: Sequence[Mapping[str, Any]] | Mapping[str, Any] | str = (),
        access_log_bucket: pulumi.Input[str] | None = None,
        access_log_prefix: str | None = None,
        expiration_days: int | None = None,
        object_lock_retention_days: int | None = None,
        object_lock_mode: str = "GOVERNANCE",
        tags: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        kms_key_arn = v.key_arn(kms_key_arn)
        extra_statements = v.policy_statements(policy_statements, "policy_statements")
        if expiration_days is not None:
            v.validate_positive_int(expiration_days, "expiration_days")
        if object_lock_retention_days is not None:
            v.validate_positive_int(object_lock_retention_days, "object_lock_retention_days")
        if object_lock_mode not in OBJECT_LOCK_MODES:
            raise ValueError(f"object_lock_mode must be one of {OBJECT_LOCK_MODES}, got {object_lock_mode!r}")
        tags = dict(tags or {})

        kms_key = None
        if kms_key_arn is None:
            kms_key = v.rotating_key(plan, f"{name}-key", f"Encrypts the S3 bucket of {name}")
            kms_key_arn = kms_key.arn

        bucket = plan.add(
            aws.s3.Bucket,
            f"{name}-bucket",
            bucket=bucket_name,
            force_destroy=False,
            object_lock_enabled=True if object_lock_retention_days is not None else None,
            tags=tags or None,
        )
        encryption = plan.add(
            aws.s3.BucketServerSideEncryptionConfiguration,
            f"{name}-encryption",
            bucket=bucket.bucket,
            rules=[
                aws.s3.BucketServerSideEncryptionConfigurationRuleArgs(
                    apply_server_side_encryption_by_default=aws.s3.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs(
                        sse_algorithm="aws:kms",
                        kms_master_key_id=kms_key_arn,
                    ),
                    bucket_key_enabled=True,
                )
            ],
        )
        public_access_block = plan.add(
            aws.s3.BucketPublicAccessBlock,
            f"{name}-public-access-block",
            bucket=bucket.bucket,
            block_public_acls=True,
            block_public_policy=True,
            ignore_public_acls=True,
            restrict_public_buckets=True,
        )
        ownership_controls = plan.add(
            aws.s3.BucketOwnershipControls,
            f"{name}-ownership",
            bucket=bucket.bucket,
            rule=aws.s3.BucketOwnershipControlsRuleArgs(object_ownership="BucketOwnerEnforced"),
        )
        versioning = plan.add(
            aws.s3.BucketVersioning,
            f"{name}-versioning",
            bucket=bucket.bucket,
            versioning_configuration=aws.s3.BucketVersioningVersioningConfigurationArgs(status="Enabled"),
        )
        # The bucket's name (auto-named in the provider's Check) is known during preview, its ID and ARN only
        # after creation: children refer to the name, and the ARN is built from it, so that the policy is a
        # known value that policy checks can read at preview.
        bucket_arn = concat("arn:", PARTITION, ":s3:::", bucket.bucket)
        policy = plan.add(
            aws.s3.BucketPolicy,
            f"{name}-policy",
            bucket=bucket.bucket,
            policy=JsonDocument(v.policy_document([tls_only_statement(bucket_arn), *extra_statements])),
            # S3 rejects policy changes while the public access block is being applied.
            depends_on=[public_access_block],
        )

        logging = None
        if access_log_bucket is not None:
            logging = plan.add(
                aws.s3.BucketLogging,
                f"{name}-logging",
                bucket=bucket.bucket,
                target_bucket=access_log_bucket,
                target_prefix=access_log_prefix if access_log_prefix is not None else f"{name}/",
            )

        lifecycle = None
        if expiration_days is not None:
            lifecycle = plan.add(
                aws.s3.BucketLifecycleConfiguration,
                f"{name}-lifecycle",
                bucket=bucket.bucket,
                rules=[
                    aws.s3.BucketLifecycleConfigurationRuleArgs(
                        id=f"expire-after-{expiration_days}-days",
                        status="Enabled",
                        filter=aws.s3.BucketLifecycleConfigurationRuleFilterArgs(prefix=""),
                        expiration=aws.s3.BucketLifecycleConfigurationRuleExpirationArgs(days=expiration_days),
                        noncurrent_version_expiration=aws.s3.BucketLifecycleConfigurationRuleNoncurrentVersionExpirationArgs(
                            noncurrent_days=expiration_days
                        ),
                        abort_incomplete_multipart_upload=aws.s3.BucketLifecycleConfigurationRuleAbortIncompleteMultipartUploadArgs(
                            days_after_initiation=7
                        ),
                    )
                ],
                # Lifecycle rules on a versioned bucket apply once versioning is configured.
                depends_on=[versioning],
            )

        object_lock = None
        if object_lock_retention_days is not None:
            object_lock = plan.add(
                aws.s3.BucketObjectLockConfiguration,
                f"{name}-object-lock",
                bucket=bucket.bucket,
                object_lock_enabled="Enabled",
                rule=aws.s3.BucketObjectLockConfigurationRuleArgs(
                    default_retention=aws.s3.BucketObjectLockConfigurationRuleDefaultRetentionArgs(
                        mode=object_lock_mode, days=object_lock_retention_days
                    )
                ),
                depends_on=[versioning],
            )

        return {
            "kms_key": kms_key,
            "bucket": bucket,
            "encryption": encryption,
            "public_access_block": public_access_block,
            "ownership_controls": ownership_controls,
            "versioning": versioning,
            "policy": policy,
            "logging": logging,
            "lifecycle": lifecycle,
            "object_lock": object_lock,
            "kms_key_arn": AsOutput(kms_key_arn),
            "bucket_name": bucket.bucket,
            "bucket_arn": bucket.arn,
        }
