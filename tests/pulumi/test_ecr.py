"""ModelRepository: immutable, scanned, KMS-encrypted images, and a validated repository policy."""

from __future__ import annotations

import json

import pulumi
import pytest

from pulumi_components import ModelRepository, PolicyViolation
from tests.pulumi.mocks import (
    ACCOUNT_ID,
    REGION,
    RecordingMocks,
    assert_rules_pass,
    forget_failed_registrations,
    run,
)

REPOSITORY = "aws:ecr/repository:Repository"
LIFECYCLE = "aws:ecr/lifecyclePolicy:LifecyclePolicy"
POLICY = "aws:ecr/repositoryPolicy:RepositoryPolicy"
KEY = "aws:kms/key:Key"
PULLER = "arn:aws:iam::210987654321:root"
PULL = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]


def test_defaults(mocks: RecordingMocks) -> None:
    repository = run(lambda: ModelRepository("models", repository_name="llm-server"))

    assert mocks.types() == sorted([REPOSITORY, KEY, LIFECYCLE])
    component = mocks.one("aisec:ecr:ModelRepository")
    assert all(resource.parent_urn == component.urn for resource in mocks.custom)
    key = mocks.one(KEY)
    assert key.inputs["enableKeyRotation"] is True
    assert mocks.one(REPOSITORY).inputs == {
        "name": "llm-server",
        "imageTagMutability": "IMMUTABLE",
        "imageScanningConfiguration": {"scanOnPush": True},
        "encryptionConfigurations": [{"encryptionType": "KMS", "kmsKey": key.outputs["arn"]}],
        "forceDelete": False,
    }
    lifecycle = mocks.one(LIFECYCLE)
    assert lifecycle.inputs["repository"] == "llm-server"
    assert json.loads(lifecycle.inputs["policy"]) == {
        "rules": [
            {
                "rulePriority": 1,
                "description": "Expire untagged images 14 days after push",
                "selection": {
                    "tagStatus": "untagged",
                    "countType": "sinceImagePushed",
                    "countUnit": "days",
                    "countNumber": 14,
                },
                "action": {"type": "expire"},
            }
        ]
    }
    assert repository.repository_policy is None
    assert_rules_pass(mocks, {"CKV_AISEC_4"})


def test_options(mocks: RecordingMocks) -> None:
    key_arn = f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/ecr"
    statement = {"Sid": "PartnerPulls", "Effect": "Allow", "Principal": {"AWS": PULLER}, "Action": PULL}
    run(
        lambda: ModelRepository(
            "models", kms_key_arn=key_arn, untagged_expiry_days=3, max_image_count=30, policy_statements=[statement]
        )
    )
    assert mocks.types() == sorted([REPOSITORY, LIFECYCLE, POLICY])
    repository = mocks.one(REPOSITORY)
    assert repository.inputs["encryptionConfigurations"] == [{"encryptionType": "KMS", "kmsKey": key_arn}]
    rules = json.loads(mocks.one(LIFECYCLE).inputs["policy"])["rules"]
    assert [r["selection"]["countNumber"] for r in rules] == [3, 30]
    assert rules[1]["selection"] == {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": 30}
    policy = mocks.one(POLICY)
    assert policy.inputs["repository"] == repository.props["name"]
    assert json.loads(policy.inputs["policy"]) == {"Version": "2012-10-17", "Statement": [statement]}


@pytest.mark.parametrize(
    "statement",
    [
        {"Effect": "Allow", "Principal": "*", "Action": PULL},
        {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": PULL},
        {"Effect": "Allow", "NotPrincipal": {"AWS": PULLER}, "Action": PULL},
    ],
)
def test_public_repository_policy_raises_and_registers_nothing(mocks: RecordingMocks, statement: dict) -> None:
    with pytest.raises(PolicyViolation) as raised:
        run(lambda: ModelRepository("models", policy_statements=[statement]))
    assert raised.value.rule_id == "CKV2_AISEC_21"
    assert mocks.registered == []


def test_output_that_resolves_to_a_public_principal_stops_the_policy(mocks: RecordingMocks) -> None:
    statement = {"Effect": "Allow", "Principal": {"AWS": pulumi.Output.from_input("*")}, "Action": PULL}
    with pytest.raises(ValueError, match="CKV2_AISEC_21"):
        run(lambda: ModelRepository("models", policy_statements=[statement]))
    forget_failed_registrations()
    assert mocks.of_type(POLICY) == []


@pytest.mark.parametrize(
    "kwargs", [{"untagged_expiry_days": 0}, {"max_image_count": -3}, {"kms_key_arn": " "}, {"policy_statements": [1]}]
)
def test_malformed_arguments_raise_and_register_nothing(mocks: RecordingMocks, kwargs: dict) -> None:
    with pytest.raises(ValueError):
        run(lambda: ModelRepository("models", **kwargs))
    assert mocks.registered == []
