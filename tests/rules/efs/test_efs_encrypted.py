"""CKV_AISEC_50 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.efs.efs_encrypted import evaluate


def file_system(**attrs: Any) -> Resource:
    return Resource("aws_efs_file_system", "aws_efs_file_system.f", {"creation_token": "datasets", **attrs})


@pytest.mark.parametrize("encrypted", [True, "true", "True"])
def test_encrypted_passes(encrypted: Any) -> None:
    result = evaluate(file_system(encrypted=encrypted))
    assert result.verdict is Verdict.PASS
    assert "aws/elasticfilesystem" in result.reason


@pytest.mark.parametrize("key", ["aws_kms_key.training.arn", "arn:aws:kms:us-east-1:111122223333:key/1", "var.key"])
def test_the_key_is_named_but_not_required(key: str) -> None:
    result = evaluate(file_system(encrypted=True, kms_key_id=key))
    assert result.verdict is Verdict.PASS
    assert key in result.reason


@pytest.mark.parametrize("encrypted", [None, "", False, "false"])
def test_unset_or_false_fails(encrypted: Any) -> None:
    assert evaluate(file_system(encrypted=encrypted)).verdict is Verdict.FAIL


def test_a_key_without_encrypted_does_not_encrypt() -> None:
    result = evaluate(file_system(kms_key_id="aws_kms_key.training.arn"))
    assert result.verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "encrypted", ["var.encrypted", "${var.encrypted}", "local.encrypt", "aws_ssm_parameter.p.value"]
)
def test_values_not_known_at_plan_time_are_unknown(encrypted: str) -> None:
    assert evaluate(file_system(encrypted=encrypted)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("encrypted", [1, "yes", [True], {"value": True}])
def test_wrong_types_are_unknown(encrypted: Any) -> None:
    assert evaluate(file_system(encrypted=encrypted)).verdict is Verdict.UNKNOWN
