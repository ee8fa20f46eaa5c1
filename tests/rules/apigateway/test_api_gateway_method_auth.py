"""CKV_AISEC_70 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.apigateway.api_gateway_method_auth import evaluate


def method(**attrs: Any) -> Resource:
    return Resource("aws_api_gateway_method", "aws_api_gateway_method.m", {"http_method": "POST", **attrs})


@pytest.mark.parametrize("authorization", ["AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS", "aws_iam", " CUSTOM "])
def test_an_authorizer_passes(authorization: str) -> None:
    result = evaluate(method(authorization=authorization))
    assert result.verdict is Verdict.PASS
    assert authorization.strip().upper() in result.reason


@pytest.mark.parametrize("http_method", ["POST", "GET", "ANY", "DELETE"])
def test_open_methods_fail(http_method: str) -> None:
    result = evaluate(method(authorization="NONE", http_method=http_method))
    assert result.verdict is Verdict.FAIL
    assert http_method in result.reason


@pytest.mark.parametrize("api_key_required", [None, False, "false"])
def test_api_key_not_required_is_still_open(api_key_required: Any) -> None:
    assert evaluate(method(authorization="NONE", api_key_required=api_key_required)).verdict is Verdict.FAIL


@pytest.mark.parametrize("api_key_required", [True, "true"])
def test_an_api_key_is_enough(api_key_required: Any) -> None:
    result = evaluate(method(authorization="NONE", api_key_required=api_key_required))
    assert result.verdict is Verdict.PASS
    assert "API key" in result.reason


@pytest.mark.parametrize("http_method", ["OPTIONS", "options"])
def test_cors_preflight_may_be_open(http_method: str) -> None:
    result = evaluate(method(authorization="NONE", http_method=http_method))
    assert result.verdict is Verdict.PASS
    assert "preflight" in result.reason


@pytest.mark.parametrize(
    "attrs",
    [
        {"authorization": "var.authorization"},
        {"authorization": "${var.authorization}"},
        {"authorization": "local.auth"},
        {"authorization": "module.api.authorization"},
        {"authorization": "aws_ssm_parameter.auth.value"},
        {"authorization": "NONE", "api_key_required": "var.require_key"},
        {"authorization": "NONE", "http_method": "var.verb"},
        {"authorization": "NONE", "http_method": "aws_api_gateway_method.other.http_method"},
    ],
)
def test_values_not_known_at_plan_time_are_unknown(attrs: dict[str, Any]) -> None:
    result = evaluate(method(**attrs))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


def test_an_unknown_authorization_passes_when_a_key_is_required_anyway() -> None:
    assert evaluate(method(authorization="var.auth", api_key_required=True)).verdict is Verdict.PASS


def test_an_unknown_method_does_not_matter_when_a_key_is_required() -> None:
    assert evaluate(method(authorization="NONE", http_method="var.verb", api_key_required=True)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    ("attrs", "verdict"),
    [
        ({"authorization": None}, Verdict.FAIL),
        ({"authorization": ""}, Verdict.FAIL),
        ({"authorization": "JWT"}, Verdict.UNKNOWN),
        ({"authorization": 42}, Verdict.UNKNOWN),
        ({"authorization": ["AWS_IAM"]}, Verdict.UNKNOWN),
        ({"authorization": "NONE", "api_key_required": "yes"}, Verdict.UNKNOWN),
        ({"authorization": "NONE", "api_key_required": [True]}, Verdict.UNKNOWN),
        ({"authorization": "NONE", "http_method": None}, Verdict.UNKNOWN),
        ({"authorization": "NONE", "http_method": ["OPTIONS"]}, Verdict.UNKNOWN),
    ],
)
def test_wrong_types_never_raise(attrs: dict[str, Any], verdict: Verdict) -> None:
    assert evaluate(method(**attrs)).verdict is verdict
