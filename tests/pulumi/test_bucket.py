"""SecureBucket: what it registers, what it refuses, and the pack's rules on the result."""

from __future__ import annotations

import json

import pulumi
import pytest

from pulumi_components import PolicyViolation, SecureBucket
from tests.pulumi.mocks import ACCOUNT_ID, REGION, RecordingMocks, assert_rules_pass, forget_failed_registrations, run

BUCKET = "aws:s3/bucket:Bucket"
KEY = "aws:kms/key:Key"
SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"
PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"
OWNERSHIP = "aws:s3/bucketOwnershipControls:BucketOwnershipControls"
VERSIONING = "aws:s3/bucketVersioning:BucketVersioning"
POLICY = "aws:s3/bucketPolicy:BucketPolicy"
LOGGING = "aws:s3/bucketLogging:BucketLogging"
LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"
OBJECT_LOCK = "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration"

EXTERNAL_KEY = f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/11111111-2222-3333-4444-555555555555"
READER_ROLE = f"arn:aws:iam::{ACCOUNT_ID}:role/trainer"
BUCKET_RULES = {"CKV_AISEC_1", "CKV_AISEC_4", "CKV2_AISEC_1", "CKV2_AISEC_2"}


def test_defaults_register_exactly_the_secure_set(mocks: RecordingMocks) -> None:
    component = run(lambda: SecureBucket("data", bucket_name="training-data"))

    assert mocks.types() == sorted([BUCKET, KEY, SSE, PAB, OWNERSHIP, VERSIONING, POLICY])
    parent = mocks.one("aisec:s3:SecureBucket")
    assert not parent.custom
    assert all(resource.parent_urn == parent.urn for resource in mocks.custom)

    assert mocks.one(BUCKET).inputs == {"bucket": "training-data", "forceDestroy": False}
    assert mocks.one(KEY).inputs == {
        "description": "Encrypts the S3 bucket of data",
        "enableKeyRotation": True,
        "deletionWindowInDays": 30,
    }
    key_arn = mocks.one(KEY).outputs["arn"]
    assert mocks.one(SSE).inputs == {
        "bucket": "training-data",
        "rules": [
            {
                "applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": key_arn},
                "bucketKeyEnabled": True,
            }
        ],
    }
    assert mocks.one(PAB).inputs == {
        "bucket": "training-data",
        "blockPublicAcls": True,
        "blockPublicPolicy": True,
        "ignorePublicAcls": True,
        "restrictPublicBuckets": True,
    }
    assert mocks.one(OWNERSHIP).inputs == {
        "bucket": "training-data",
        "rule": {"objectOwnership": "BucketOwnerEnforced"},
    }
    assert mocks.one(VERSIONING).inputs == {"bucket": "training-data", "versioningConfiguration": {"status": "Enabled"}}
    assert json.loads(mocks.one(POLICY).inputs["policy"]) == {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "DenyInsecureTransport",
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": ["arn:aws:s3:::training-data", "arn:aws:s3:::training-data/*"],
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            }
        ],
    }
    assert component.logging is None and component.lifecycle is None and component.object_lock is None
    assert component.kms_key is not None


def test_defaults_pass_every_rule(mocks: RecordingMocks) -> None:
    run(lambda: SecureBucket("data"))
    found = assert_rules_pass(mocks, BUCKET_RULES)
    assert ("CKV_AISEC_1", "aws_s3_bucket_server_side_encryption_configuration.data-encryption") in {
        (rule_id, address) for rule_id, address, _ in found
    }


def test_all_options_register_and_pass(mocks: RecordingMocks) -> None:
    statement = {
        "Sid": "TrainerReads",
        "Effect": "Allow",
        "Principal": {"AWS": READER_ROLE},
        "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::artifacts/*",
    }
    run(
        lambda: SecureBucket(
            "artifacts",
            bucket_name="artifacts",
            kms_key_arn=EXTERNAL_KEY,
            policy_statements=[statement],
            access_log_bucket="access-logs",
            expiration_days=90,
            object_lock_retention_days=30,
            object_lock_mode="COMPLIANCE",
        )
    )
    assert mocks.types() == sorted([BUCKET, SSE, PAB, OWNERSHIP, VERSIONING, POLICY, LOGGING, LIFECYCLE, OBJECT_LOCK])
    assert mocks.one(BUCKET).inputs == {"bucket": "artifacts", "forceDestroy": False, "objectLockEnabled": True}
    assert mocks.one(SSE).inputs["rules"][0]["applyServerSideEncryptionByDefault"]["kmsMasterKeyId"] == EXTERNAL_KEY
    assert json.loads(mocks.one(POLICY).inputs["policy"])["Statement"][1] == statement
    assert mocks.one(LOGGING).inputs == {
        "bucket": "artifacts",
        "targetBucket": "access-logs",
        "targetPrefix": "artifacts/",
    }
    assert mocks.one(LIFECYCLE).inputs["rules"] == [
        {
            "id": "expire-after-90-days",
            "status": "Enabled",
            "filter": {"prefix": ""},
            "expiration": {"days": 90},
            "noncurrentVersionExpiration": {"noncurrentDays": 90},
            "abortIncompleteMultipartUpload": {"daysAfterInitiation": 7},
        }
    ]
    assert mocks.one(OBJECT_LOCK).inputs == {
        "bucket": "artifacts",
        "objectLockEnabled": "Enabled",
        "rule": {"defaultRetention": {"mode": "COMPLIANCE", "days": 30}},
    }
    assert_rules_pass(mocks, BUCKET_RULES - {"CKV_AISEC_4"})


@pytest.mark.parametrize(
    ("kwargs", "rule_id"),
    [
        ({"kms_key_arn": "alias/aws/s3"}, "CKV_AISEC_1"),
        ({"kms_key_arn": f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:alias/aws/s3"}, "CKV_AISEC_1"),
        ({"kms_key_arn": ""}, "CKV_AISEC_1"),
        (
            {"policy_statements": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]},
            "CKV_AISEC_112",
        ),
        (
            {
                "policy_statements": [
                    {"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "s3:GetObject", "Resource": "*"}
                ]
            },
            "CKV_AISEC_112",
        ),
        (
            {
                "policy_statements": [
                    {"Effect": "Allow", "NotPrincipal": {"AWS": READER_ROLE}, "Action": "s3:*", "Resource": "*"}
                ]
            },
            "CKV_AISEC_112",
        ),
    ],
)
def test_insecure_arguments_raise_and_register_nothing(mocks: RecordingMocks, kwargs: dict, rule_id: str) -> None:
    with pytest.raises(PolicyViolation) as raised:
        run(lambda: SecureBucket("data", **kwargs))
    assert raised.value.rule_id == rule_id
    assert str(raised.value).startswith(f"{rule_id}: ")
    assert mocks.registered == []


@pytest.mark.parametrize(
    "kwargs",
    [
        {"expiration_days": 0},
        {"expiration_days": True},
        {"object_lock_retention_days": -1},
        {"object_lock_retention_days": 1, "object_lock_mode": "governance"},
        {"policy_statements": ["not a statement"]},
    ],
)
def test_malformed_arguments_raise_and_register_nothing(mocks: RecordingMocks, kwargs: dict) -> None:
    with pytest.raises(ValueError):
        run(lambda: SecureBucket("data", **kwargs))
    assert mocks.registered == []


def test_output_principal_cannot_be_judged_at_preview(mocks: RecordingMocks) -> None:
    with pytest.raises(TypeError):
        run(
            lambda: SecureBucket(
                "data",
                policy_statements=[
                    {"Effect": "Allow", "Principal": pulumi.Output.from_input("*"), "Action": "s3:GetObject"}
                ],
            )
        )
    assert mocks.registered == []


def test_output_that_resolves_to_a_public_principal_stops_the_policy(mocks: RecordingMocks) -> None:
    """An ARN inside the Principal may be an Output; it is checked again when it resolves."""
    public = {"Effect": "Allow", "Principal": {"AWS": pulumi.Output.from_input("*")}, "Action": "s3:GetObject"}
    with pytest.raises(ValueError, match="CKV_AISEC_112"):
        run(lambda: SecureBucket("data", policy_statements=[public]))
    forget_failed_registrations()
    assert mocks.of_type(POLICY) == []
