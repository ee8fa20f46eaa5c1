"""CKV_AISEC_25 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_endpoint_no_ssm_access import evaluate


def config(ssm: Any = None, shadow_ssm: Any = None, variants: Any = None) -> Resource:
    primary = {"variant_name": "primary", "model_name": "m", "instance_type": "ml.m5.large", "enable_ssm_access": ssm}
    body: dict[str, Any] = {"name": "c", "production_variants": variants if variants is not None else [primary]}
    if shadow_ssm is not None:
        body["shadow_production_variants"] = [
            {"variant_name": "shadow", "model_name": "m2", "enable_ssm_access": shadow_ssm}
        ]
    return Resource("aws_sagemaker_endpoint_configuration", "aws_sagemaker_endpoint_configuration.c", body)


@pytest.mark.parametrize("ssm", [None, "", False, "false"])
def test_ssm_access_off_passes(ssm: Any) -> None:
    assert evaluate(config(ssm)).verdict is Verdict.PASS


@pytest.mark.parametrize("ssm", [True, "true"])
def test_ssm_access_on_fails(ssm: Any) -> None:
    result = evaluate(config(ssm))
    assert result.verdict is Verdict.FAIL
    assert "production_variants primary" in result.reason


def test_shadow_variant_with_ssm_access_fails() -> None:
    result = evaluate(config(False, shadow_ssm=True))
    assert result.verdict is Verdict.FAIL
    assert "shadow_production_variants shadow" in result.reason


def test_any_variant_with_ssm_access_fails() -> None:
    variants = [
        {"variant_name": "a", "model_name": "m"},
        {"variant_name": "b", "model_name": "m", "enable_ssm_access": True},
    ]
    assert evaluate(config(variants=variants)).verdict is Verdict.FAIL


@pytest.mark.parametrize("ssm", ["var.debug", "${local.debug}", "aws_ssm_parameter.debug.value"])
def test_unresolved_is_unknown(ssm: str) -> None:
    result = evaluate(config(ssm))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("ssm", [1, "yes", [True], {"on": True}])
def test_wrong_types_are_unknown(ssm: Any) -> None:
    assert evaluate(config(ssm)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("variants", [[], [None], 5])
def test_no_readable_variants_pass(variants: Any) -> None:
    assert evaluate(config(variants=variants)).verdict is Verdict.PASS


def test_variants_from_a_variable_are_unknown() -> None:
    assert evaluate(config(variants="var.variants")).verdict is Verdict.UNKNOWN
