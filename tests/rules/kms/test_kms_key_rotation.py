"""CKV_AISEC_4 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.kms.kms_key_rotation import evaluate


def key(**attrs: Any) -> Resource:
    return Resource("aws_kms_key", "aws_kms_key.k", attrs)


@pytest.mark.parametrize(
    ("attrs", "verdict"),
    [
        ({"enable_key_rotation": True}, Verdict.PASS),
        ({"enable_key_rotation": "true"}, Verdict.PASS),
        ({"enable_key_rotation": True, "rotation_period_in_days": 90}, Verdict.PASS),
        ({"enable_key_rotation": True, "rotation_period_in_days": 365}, Verdict.PASS),
        ({"enable_key_rotation": True, "rotation_period_in_days": "180"}, Verdict.PASS),
        ({"enable_key_rotation": True, "rotation_period_in_days": 180.0}, Verdict.PASS),
        ({"enable_key_rotation": True, "rotation_period_in_days": None}, Verdict.PASS),
        ({}, Verdict.FAIL),
        ({"enable_key_rotation": None}, Verdict.FAIL),
        ({"enable_key_rotation": False}, Verdict.FAIL),
        ({"enable_key_rotation": "false"}, Verdict.FAIL),
        ({"enable_key_rotation": True, "rotation_period_in_days": 366}, Verdict.FAIL),
        ({"enable_key_rotation": True, "rotation_period_in_days": 2560}, Verdict.FAIL),
        ({"enable_key_rotation": True, "rotation_period_in_days": 30}, Verdict.FAIL),
        ({"enable_key_rotation": True, "rotation_period_in_days": 3000}, Verdict.FAIL),
    ],
)
def test_symmetric_keys(attrs: dict[str, Any], verdict: Verdict) -> None:
    assert evaluate(key(**attrs)).verdict is verdict


@pytest.mark.parametrize(
    "attrs",
    [
        {"enable_key_rotation": "var.rotate"},
        {"enable_key_rotation": "${var.rotate}"},
        {"enable_key_rotation": "local.rotate"},
        {"enable_key_rotation": "module.settings.rotate"},
        {"enable_key_rotation": "aws_ssm_parameter.rotate.value"},
        {"enable_key_rotation": True, "rotation_period_in_days": "var.days"},
        {"enable_key_rotation": True, "rotation_period_in_days": "aws_ssm_parameter.days.value"},
        # A key that does not rotate may still be exempt once these are known.
        {"customer_master_key_spec": "var.spec"},
        {"customer_master_key_spec": "aws_ssm_parameter.spec.value"},
        {"custom_key_store_id": "var.key_store"},
    ],
)
def test_unresolved_inputs_are_unknown(attrs: dict[str, Any]) -> None:
    result = evaluate(key(**attrs))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


def test_unresolved_exemption_does_not_matter_when_rotation_is_on() -> None:
    assert evaluate(key(customer_master_key_spec="var.spec", enable_key_rotation=True)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "attrs",
    [
        {"customer_master_key_spec": "RSA_2048", "key_usage": "ENCRYPT_DECRYPT"},
        {"customer_master_key_spec": "ECC_NIST_P256", "key_usage": "SIGN_VERIFY"},
        {"customer_master_key_spec": "HMAC_256", "key_usage": "GENERATE_VERIFY_MAC"},
        {"customer_master_key_spec": "HMAC_512", "enable_key_rotation": False},
        {"custom_key_store_id": "cks-1234567890abcdef0"},
        {"custom_key_store_id": "aws_kms_custom_key_store.hsm.id"},
    ],
)
def test_keys_that_cannot_rotate_pass_with_a_reason(attrs: dict[str, Any]) -> None:
    result = evaluate(key(**attrs))
    assert result.verdict is Verdict.PASS
    assert result.reason.startswith("rotation does not apply")


def test_symmetric_default_spec_is_judged_like_an_unset_spec() -> None:
    assert evaluate(key(customer_master_key_spec="SYMMETRIC_DEFAULT")).verdict is Verdict.FAIL
    assert evaluate(key(customer_master_key_spec=None)).verdict is Verdict.FAIL
    assert evaluate(key(custom_key_store_id=None, xks_key_id=None)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    ("attrs", "verdict"),
    [
        ({"enable_key_rotation": "yes"}, Verdict.UNKNOWN),
        ({"enable_key_rotation": 1}, Verdict.UNKNOWN),
        ({"enable_key_rotation": [True, False]}, Verdict.UNKNOWN),
        ({"enable_key_rotation": {"value": True}}, Verdict.UNKNOWN),
        ({"enable_key_rotation": True, "rotation_period_in_days": "yearly"}, Verdict.UNKNOWN),
        ({"enable_key_rotation": True, "rotation_period_in_days": [90, 180]}, Verdict.UNKNOWN),
        ({"enable_key_rotation": True, "rotation_period_in_days": True}, Verdict.UNKNOWN),
        ({"enable_key_rotation": False, "customer_master_key_spec": ["HMAC_256"]}, Verdict.UNKNOWN),
        ({"custom_key_store_id": 42}, Verdict.UNKNOWN),
        ({"custom_key_store_id": 42, "enable_key_rotation": True}, Verdict.PASS),
    ],
)
def test_wrong_types_never_raise(attrs: dict[str, Any], verdict: Verdict) -> None:
    assert evaluate(key(**attrs)).verdict is verdict


def test_reasons_name_the_setting() -> None:
    assert "unset (default false)" in evaluate(key()).reason
    assert "730 days" in evaluate(key(enable_key_rotation=True, rotation_period_in_days=730)).reason
