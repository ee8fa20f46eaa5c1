"""policies.kms: the one test for "is this key AWS-managed?" that every CMK rule uses."""

from __future__ import annotations

from typing import Any

import pytest

from policies.kms import is_aws_managed_key, judge_kms_key, kms_alias
from policies.model import Verdict


@pytest.mark.parametrize(
    "key_id",
    [
        "alias/aws/s3",
        " alias/aws/s3 ",
        "alias/aws/secretsmanager",
        "arn:aws:kms:us-east-1:111122223333:alias/aws/s3",
        "arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/logs",
        "arn:aws-cn:kms:cn-north-1:111122223333:alias/aws/bedrock",
    ],
)
def test_aws_managed_aliases_by_name_or_arn(key_id: str) -> None:
    assert is_aws_managed_key(key_id)


@pytest.mark.parametrize(
    "key_id",
    [
        "alias/training-data",
        "alias/awsome",
        "alias/team/aws/s3",
        "1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms:us-east-1:111122223333:alias/training-data",
        "arn:aws:s3:::bucket/alias/aws/s3",  # not a KMS ARN
        "",
    ],
)
def test_customer_managed_keys_and_other_strings(key_id: str) -> None:
    assert not is_aws_managed_key(key_id)


def test_non_strings_are_not_aws_managed_keys() -> None:
    assert not is_aws_managed_key(None)  # type: ignore[arg-type]


def test_kms_alias_of_an_alias_arn() -> None:
    assert kms_alias("arn:aws:kms:eu-west-1:111122223333:alias/aws/s3") == "alias/aws/s3"
    assert kms_alias("arn:aws:kms:eu-west-1:111122223333:key/abc") is None


@pytest.mark.parametrize(
    ("value", "verdict"),
    [
        (None, Verdict.FAIL),
        ("alias/aws/s3", Verdict.FAIL),
        ("arn:aws:kms:us-east-1:111122223333:alias/aws/s3", Verdict.FAIL),
        ("aws_kms_key.k.arn", Verdict.PASS),
        ("alias/models", Verdict.PASS),
        ("var.key", Verdict.UNKNOWN),
        (42, Verdict.UNKNOWN),
    ],
)
def test_judge_kms_key(value: Any, verdict: Verdict) -> None:
    assert judge_kms_key(value, "kms_key_id", "AWS manages the key").verdict is verdict
