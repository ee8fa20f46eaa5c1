"""``SecureBucket``: an S3 bucket for training data, model artifacts or inference captures."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import pulumi
import pulumi_aws as aws

from pulumi_components import _validation as v

OBJECT_LOCK_MODES = ("GOVERNANCE", "COMPLIANCE")


def _is_aws_managed_s3_key(key: str) -> bool:
    return key == "alias/aws/s3" or key.endswith(":alias/aws/s3")


def tls_only_statement(bucket_arn: pulumi.Input[str]) -> dict[str, Any]:
    """Deny every request to the bucket and its objects that does not use TLS (CKV2_AISEC_2)."""
    return {
        "Sid": "DenyInsecureTransport",
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": [bucket_arn, pulumi.Output.concat(bucket_arn, "/*")],
        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
    }


def _check_bucket_policy(statements: list[dict[str, Any]]) -> None:
    v.validate_resource_policy_statements(statements, "bucket policy")


class SecureBucket(pulumi.ComponentResource):
    """An S3 bucket whose every setting satisfies the pack's S3 rules.

    Registers, as children:

    * ``bucket`` (``aws.s3.Bucket``), ``force_destroy`` off, object lock enabled only when asked;
    * ``kms_key``: a new customer-managed key with rotation (CKV_AISEC_4), unless ``kms_key_arn`` is given
      (then ``None``);
    * ``encryption``: SSE-KMS under that key with S3 Bucket Keys (CKV_AISEC_1);
    * ``public_access_block`` with all four settings on (CKV2_AISEC_1);
    * ``ownership_controls``: ``BucketOwnerEnforced`` (ACLs disabled);
    * ``versioning``: enabled (recover from poisoning or deletion of training data and models);
    * ``policy``: denies any request without TLS (CKV2_AISEC_2), merged with the caller's statements, none of
      which may allow everyone (CKV_AISEC_112);
    * ``logging`` when ``access_log_bucket`` is given, ``lifecycle`` when ``expiration_days`` is given,
      ``object_lock`` when ``object_lock_retention_days`` is given (otherwise ``None``).
    """

    # Every catalog rule that judges what this component registers (tests/pulumi/test_component_rules.py).
    RULES: ClassVar[tuple[str, ...]] = (
        "CKV_AISEC_1",
        "CKV_AISEC_4",
        "CKV_AISEC_112",
        "CKV2_AISEC_1",
        "CKV2_AISEC_2",
        "CKV2_AISEC_3",
        "CKV2_AISEC_4",
    )

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

    def __init__(
        self,
        name: str,
        *,
        bucket_name: str | None = None,
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
            key with automatic rotation is created. The AWS-managed ``alias/aws/s3`` key is refused (CKV_AISEC_1).
        :param policy_statements: Extra bucket-policy statements (statement dicts, a document or its JSON),
            merged after the TLS-only statement. An Allow to the ``"*"`` principal (or ``NotPrincipal``) is
            refused (CKV_AISEC_112).
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
        # -- validate everything before registering anything ---------------------------------------------
        if kms_key_arn is not None and isinstance(kms_key_arn, str):
            v.require(bool(kms_key_arn.strip()), v.S3_SSE_KMS_CMK, "kms_key_arn is empty; omit it to create a new key")
            v.require(
                not _is_aws_managed_s3_key(kms_key_arn),
                v.S3_SSE_KMS_CMK,
                "kms_key_arn is the AWS-managed alias/aws/s3 key; pass a customer-managed key's ARN or omit "
                "kms_key_arn to create one",
            )
        v.require_plain(policy_statements, "policy_statements")
        extra_statements = v.policy_statements(policy_statements, "policy_statements")
        _check_bucket_policy(extra_statements)
        if expiration_days is not None:
            v.validate_positive_int(expiration_days, "expiration_days")
        if object_lock_retention_days is not None:
            v.validate_positive_int(object_lock_retention_days, "object_lock_retention_days")
        if object_lock_mode not in OBJECT_LOCK_MODES:
            raise ValueError(f"object_lock_mode must be one of {OBJECT_LOCK_MODES}, got {object_lock_mode!r}")
        tags = dict(tags or {})

        super().__init__("aisec:s3:SecureBucket", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)

        self.kms_key = None
        if kms_key_arn is None:
            self.kms_key = v.new_rotating_key(f"{name}-key", f"Encrypts the S3 bucket of {name}", self)
            kms_key_arn = self.kms_key.arn
        self.kms_key_arn: pulumi.Output[str] = pulumi.Output.from_input(kms_key_arn)

        self.bucket = aws.s3.Bucket(
            f"{name}-bucket",
            bucket=bucket_name,
            force_destroy=False,
            object_lock_enabled=True if object_lock_retention_days is not None else None,
            tags=tags or None,
            opts=child,
        )
        self.encryption = aws.s3.BucketServerSideEncryptionConfiguration(
            f"{name}-encryption",
            bucket=self.bucket.bucket,
            rules=[
                aws.s3.BucketServerSideEncryptionConfigurationRuleArgs(
                    apply_server_side_encryption_by_default=aws.s3.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs(
                        sse_algorithm="aws:kms",
                        kms_master_key_id=kms_key_arn,
                    ),
                    bucket_key_enabled=True,
                )
            ],
            opts=child,
        )
        self.public_access_block = aws.s3.BucketPublicAccessBlock(
            f"{name}-public-access-block",
            bucket=self.bucket.bucket,
            block_public_acls=True,
            block_public_policy=True,
            ignore_public_acls=True,
            restrict_public_buckets=True,
            opts=child,
        )
        self.ownership_controls = aws.s3.BucketOwnershipControls(
            f"{name}-ownership",
            bucket=self.bucket.bucket,
            rule=aws.s3.BucketOwnershipControlsRuleArgs(object_ownership="BucketOwnerEnforced"),
            opts=child,
        )
        self.versioning = aws.s3.BucketVersioning(
            f"{name}-versioning",
            bucket=self.bucket.bucket,
            versioning_configuration=aws.s3.BucketVersioningVersioningConfigurationArgs(status="Enabled"),
            opts=child,
        )
        # The bucket's name (auto-named in the provider's Check) is known during preview, its ID and ARN only
        # after creation: children refer to the name, and the ARN is built from it, so that the policy is a
        # known value that policy checks can read at preview.
        partition = aws.get_partition_output(opts=pulumi.InvokeOutputOptions(parent=self)).partition
        bucket_arn = pulumi.Output.concat("arn:", partition, ":s3:::", self.bucket.bucket)
        document = v.policy_document([tls_only_statement(bucket_arn), *extra_statements])
        self.policy = aws.s3.BucketPolicy(
            f"{name}-policy",
            bucket=self.bucket.bucket,
            policy=v.checked_policy_json(document, _check_bucket_policy),
            # S3 rejects policy changes while the public access block is being applied.
            opts=pulumi.ResourceOptions(parent=self, depends_on=[self.public_access_block]),
        )

        self.logging = None
        if access_log_bucket is not None:
            self.logging = aws.s3.BucketLogging(
                f"{name}-logging",
                bucket=self.bucket.bucket,
                target_bucket=access_log_bucket,
                target_prefix=access_log_prefix if access_log_prefix is not None else f"{name}/",
                opts=child,
            )

        self.lifecycle = None
        if expiration_days is not None:
            self.lifecycle = aws.s3.BucketLifecycleConfiguration(
                f"{name}-lifecycle",
                bucket=self.bucket.bucket,
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
                opts=pulumi.ResourceOptions(parent=self, depends_on=[self.versioning]),
            )

        self.object_lock = None
        if object_lock_retention_days is not None:
            self.object_lock = aws.s3.BucketObjectLockConfiguration(
                f"{name}-object-lock",
                bucket=self.bucket.bucket,
                object_lock_enabled="Enabled",
                rule=aws.s3.BucketObjectLockConfigurationRuleArgs(
                    default_retention=aws.s3.BucketObjectLockConfigurationRuleDefaultRetentionArgs(
                        mode=object_lock_mode, days=object_lock_retention_days
                    )
                ),
                opts=pulumi.ResourceOptions(parent=self, depends_on=[self.versioning]),
            )

        self.bucket_name: pulumi.Output[str] = self.bucket.bucket
        self.bucket_arn: pulumi.Output[str] = self.bucket.arn
        self.register_outputs(
            {"bucket_name": self.bucket.bucket, "bucket_arn": self.bucket.arn, "kms_key_arn": self.kms_key_arn}
        )
