"""CKV_AISEC_46 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.ecr.ecr_encryption_cmk import evaluate

CMK_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def repository(encryption: Any = None, dynamic: frozenset[str] = frozenset()) -> Resource:
    attrs: dict[str, Any] = {"name": "llm-server"}
    if encryption is not None:
        attrs["encryption_configuration"] = encryption
    return Resource("aws_ecr_repository", "aws_ecr_repository.r", attrs, dynamic)


def kms(key: Any = None, encryption_type: Any = "KMS") -> list[dict[str, Any]]:
    block: dict[str, Any] = {"encryption_type": encryption_type}
    if key is not None:
        block["kms_key"] = key
    return [block]


@pytest.mark.parametrize(
    "encryption",
    [
        kms("aws_kms_key.images.arn"),
        kms("${aws_kms_key.images.arn}"),
        kms(CMK_ARN),
        kms(CMK_ARN, "KMS_DSSE"),
        kms(CMK_ARN, "kms"),
        {"encryption_type": "KMS", "kms_key": CMK_ARN},
    ],
)
def test_kms_with_a_customer_managed_key_passes(encryption: Any) -> None:
    """A block may arrive as a list of dicts (HCL, plan) or one dict (Pulumi)."""
    assert evaluate(repository(encryption)).verdict is Verdict.PASS


@pytest.mark.parametrize("encryption", [None, [], [{}], kms(None, None), kms(None, ""), kms(None, "AES256")])
def test_no_configuration_or_aes256_fails(encryption: Any) -> None:
    """Unset means AES256, the provider's and ECR's default."""
    result = evaluate(repository(encryption))
    assert result.verdict is Verdict.FAIL
    assert "AES256" in result.reason


def test_aes256_fails_even_with_a_key() -> None:
    assert evaluate(repository(kms(CMK_ARN, "AES256"))).verdict is Verdict.FAIL


@pytest.mark.parametrize("key", [None, ""])
def test_kms_without_a_key_uses_the_aws_managed_key_and_fails(key: Any) -> None:
    result = evaluate(repository([{"encryption_type": "KMS", "kms_key": key}]))
    assert result.verdict is Verdict.FAIL
    assert "aws/ecr" in result.reason


@pytest.mark.parametrize("key", ["alias/aws/ecr", "arn:aws:kms:us-east-1:111122223333:alias/aws/ecr"])
def test_the_aws_managed_key_fails(key: str) -> None:
    result = evaluate(repository(kms(key)))
    assert result.verdict is Verdict.FAIL
    assert "AWS-managed" in result.reason


@pytest.mark.parametrize(
    "encryption",
    [kms("var.key"), kms("${var.key}"), kms("module.kms.arn"), kms(CMK_ARN, "var.type"), "var.encryption"],
)
def test_values_not_known_at_plan_time_are_unknown(encryption: Any) -> None:
    result = evaluate(repository(encryption))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


def test_dynamic_configuration_is_unknown() -> None:
    assert evaluate(repository(dynamic=frozenset({"encryption_configuration"}))).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "encryption", ["KMS", 1, True, kms(CMK_ARN, True), kms(CMK_ARN, "SSE-C"), kms(7), kms(["a", "b"])]
)
def test_wrong_types_are_unknown(encryption: Any) -> None:
    assert evaluate(repository(encryption)).verdict is Verdict.UNKNOWN
