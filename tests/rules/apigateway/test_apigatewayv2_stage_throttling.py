"""CKV_AISEC_73 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.apigateway.apigatewayv2_stage_throttling import evaluate


def stage(dynamic: frozenset[str] = frozenset(), **attrs: Any) -> Resource:
    return Resource("aws_apigatewayv2_stage", "aws_apigatewayv2_stage.s", {"name": "prod", **attrs}, dynamic)


def defaults(**limits: Any) -> list[dict[str, Any]]:
    return [{"data_trace_enabled": False, "detailed_metrics_enabled": False, **limits}]


def test_positive_default_limits_pass() -> None:
    block = defaults(throttling_rate_limit=50, throttling_burst_limit=100)
    result = evaluate(stage(default_route_settings=block))
    assert result.verdict is Verdict.PASS
    assert result.reason == "default_route_settings throttles at 50 requests per second, burst 100"


@pytest.mark.parametrize("value", [None, [], [None]])
def test_no_default_route_settings_fails(value: Any) -> None:
    result = evaluate(stage(default_route_settings=value))
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith("no default_route_settings")


def test_route_settings_do_not_replace_the_default() -> None:
    routes = [{"route_key": "POST /invoke", "throttling_rate_limit": 5, "throttling_burst_limit": 10}]
    assert evaluate(stage(route_settings=routes)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "limits",
    [
        {},
        {"throttling_rate_limit": 50},
        {"throttling_burst_limit": 100},
        {"throttling_rate_limit": 0, "throttling_burst_limit": 0},
        {"throttling_rate_limit": 50, "throttling_burst_limit": -1},
    ],
)
def test_missing_or_non_positive_limits_fail(limits: dict[str, Any]) -> None:
    assert evaluate(stage(default_route_settings=defaults(**limits))).verdict is Verdict.FAIL


def test_unset_limit_reason_names_the_account_quota() -> None:
    result = evaluate(stage(default_route_settings=defaults(throttling_burst_limit=100)))
    assert result.reason == "throttling_rate_limit is unset (only the account-level quota applies)"


@pytest.mark.parametrize("value", ["var.rate", "local.rate", "module.api.rate", "aws_ssm_parameter.rate.value"])
def test_limits_not_known_at_plan_time_are_unknown(value: str) -> None:
    block = defaults(throttling_rate_limit=value, throttling_burst_limit=100)
    assert evaluate(stage(default_route_settings=block)).verdict is Verdict.UNKNOWN


def test_a_dynamic_block_is_unknown() -> None:
    assert evaluate(stage(dynamic=frozenset({"default_route_settings"}))).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    ("value", "verdict"),
    [
        ("fast", Verdict.FAIL),
        (42, Verdict.FAIL),
        ({}, Verdict.FAIL),
        (defaults(throttling_rate_limit=True, throttling_burst_limit=1), Verdict.UNKNOWN),
        (defaults(throttling_rate_limit=[1], throttling_burst_limit=1), Verdict.UNKNOWN),
    ],
)
def test_wrong_types_never_raise(value: Any, verdict: Verdict) -> None:
    assert evaluate(stage(default_route_settings=value)).verdict is verdict
