"""CKV_AISEC_16 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_model_network_isolation import evaluate


def model(**attrs: Any) -> Resource:
    base = {"name": "classifier", "execution_role_arn": "arn:aws:iam::111122223333:role/model"}
    return Resource("aws_sagemaker_model", "aws_sagemaker_model.m", {**base, **attrs})


@pytest.mark.parametrize("value", [True, "true", "True"])
def test_isolation_on_passes(value: Any) -> None:
    assert evaluate(model(enable_network_isolation=value)).verdict is Verdict.PASS


@pytest.mark.parametrize("value", [None, ""])
def test_unset_means_false(value: Any) -> None:
    result = evaluate(model(enable_network_isolation=value))
    assert result.verdict is Verdict.FAIL
    assert "default false" in result.reason


@pytest.mark.parametrize("value", [False, "false"])
def test_isolation_off_fails(value: Any) -> None:
    assert evaluate(model(enable_network_isolation=value)).verdict is Verdict.FAIL


def test_absent_fails() -> None:
    assert evaluate(model()).verdict is Verdict.FAIL


@pytest.mark.parametrize("value", ["var.isolate", "${var.isolate}", "local.isolate", "aws_ssm_parameter.i.value"])
def test_unresolved_is_unknown(value: str) -> None:
    result = evaluate(model(enable_network_isolation=value))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("value", [1, 0, "yes", [True], {"enabled": True}])
def test_wrong_types_are_unknown(value: Any) -> None:
    result = evaluate(model(enable_network_isolation=value))
    assert result.verdict is Verdict.UNKNOWN
    assert "not a boolean" in result.reason


def test_vpc_config_does_not_replace_isolation() -> None:
    vpc = [{"subnets": ["subnet-0a1b2c3d4e5f60718"], "security_group_ids": ["sg-0123456789abcdef0"]}]
    assert evaluate(model(vpc_config=vpc)).verdict is Verdict.FAIL
