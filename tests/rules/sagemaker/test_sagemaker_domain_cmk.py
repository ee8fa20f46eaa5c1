"""CKV_AISEC_14 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_domain_cmk import evaluate


def domain(**attrs: Any) -> Resource:
    base = {
        "domain_name": "ml-research",
        "auth_mode": "IAM",
        "vpc_id": "vpc-0a1b2c3d4e5f67890",
        "default_user_settings": [{"execution_role": "arn:aws:iam::111122223333:role/studio"}],
    }
    return Resource("aws_sagemaker_domain", "aws_sagemaker_domain.d", {**base, **attrs})


@pytest.mark.parametrize(
    "key",
    [
        "aws_kms_key.studio.arn",
        "aws_kms_key.studio[0].arn",
        "arn:aws:kms:us-east-1:111122223333:key/5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
        "alias/studio-home",
    ],
)
def test_customer_managed_keys_pass(key: str) -> None:
    assert evaluate(domain(kms_key_id=key)).verdict is Verdict.PASS


@pytest.mark.parametrize("key", [None, ""])
def test_unset_key_fails(key: Any) -> None:
    result = evaluate(domain(kms_key_id=key))
    assert result.verdict is Verdict.FAIL
    assert "AWS manages" in result.reason


def test_absent_key_fails() -> None:
    assert evaluate(domain()).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "key", ["alias/aws/elasticfilesystem", "arn:aws:kms:us-east-1:111122223333:alias/aws/sagemaker"]
)
def test_aws_managed_keys_fail(key: str) -> None:
    assert evaluate(domain(kms_key_id=key)).verdict is Verdict.FAIL


@pytest.mark.parametrize("key", ["var.studio_key_arn", "${module.kms.arn}", "local.key"])
def test_unresolved_keys_are_unknown(key: str) -> None:
    assert evaluate(domain(kms_key_id=key)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("key", [False, 1, ["aws_kms_key.studio.arn"], [{"kms_key_id": "x"}]])
def test_wrong_types_are_unknown(key: Any) -> None:
    assert evaluate(domain(kms_key_id=key)).verdict is Verdict.UNKNOWN


def test_a_key_elsewhere_in_the_domain_does_not_count() -> None:
    """The sharing key of default_user_settings encrypts shared notebooks in S3, not the domain's storage."""
    settings = [
        {"execution_role": "arn:aws:iam::111122223333:role/studio", "sharing_settings": [{"s3_kms_key_id": "k"}]}
    ]
    assert evaluate(domain(default_user_settings=settings)).verdict is Verdict.FAIL
