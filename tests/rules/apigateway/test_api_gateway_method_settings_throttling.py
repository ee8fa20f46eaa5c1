"""CKV_AISEC_72 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.apigateway.api_gateway_method_settings_throttling import as_number, evaluate


def settings(block: Any = None, dynamic: frozenset[str] = frozenset(), **attrs: Any) -> Resource:
    attrs = {"method_path": "*/*", "stage_name": "prod", **attrs}
    if block is not None:
        attrs["settings"] = block
    return Resource("aws_api_gateway_method_settings", "aws_api_gateway_method_settings.s", attrs, dynamic)


def limits(rate: Any, burst: Any) -> list[dict[str, Any]]:
    return [{"throttling_rate_limit": rate, "throttling_burst_limit": burst}]


@pytest.mark.parametrize(("rate", "burst"), [(50, 100), (0.5, 1), ("50", "100"), (50.0, 100.0), (10**6, 5000)])
def test_positive_limits_pass(rate: Any, burst: Any) -> None:
    result = evaluate(settings(limits(rate, burst)))
    assert result.verdict is Verdict.PASS
    assert result.reason.startswith("method_path */* throttles at")


def test_a_single_dict_block_is_read_like_a_list() -> None:
    assert evaluate(settings({"throttling_rate_limit": 5, "throttling_burst_limit": 5})).verdict is Verdict.PASS


@pytest.mark.parametrize(
    ("rate", "burst", "reason"),
    [
        (None, None, "throttling_rate_limit is unset (default -1: throttling disabled)"),
        (-1, -1, "throttling_rate_limit is -1, which disables throttling"),
        (50, None, "throttling_burst_limit is unset"),
        (50, -1, "throttling_burst_limit is -1"),
        (None, 100, "throttling_rate_limit is unset"),
        (0, 100, "throttling_rate_limit is 0, which makes API Gateway reject every request"),
        (50, 0, "throttling_burst_limit is 0"),
        (-5, 100, "throttling_rate_limit is -5, not a positive limit"),
        ("-1", "-1", "throttling_rate_limit is -1"),
    ],
)
def test_unset_disabled_and_zero_limits_fail(rate: Any, burst: Any, reason: str) -> None:
    result = evaluate(settings(limits(rate, burst)))
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith(reason)


def test_settings_that_only_enable_logging_fail() -> None:
    block = [{"metrics_enabled": True, "logging_level": "INFO"}]
    assert evaluate(settings(block)).verdict is Verdict.FAIL


def test_no_settings_block_fails() -> None:
    result = evaluate(settings())
    assert result.verdict is Verdict.FAIL
    assert "no settings block" in result.reason


def test_a_dynamic_settings_block_is_unknown() -> None:
    assert evaluate(settings(dynamic=frozenset({"settings"}))).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    ("rate", "burst"),
    [
        ("var.rate", 100),
        ("${var.rate}", 100),
        (50, "local.burst"),
        (50, "module.limits.burst"),
        ("aws_ssm_parameter.rate.value", 100),
    ],
)
def test_limits_not_known_at_plan_time_are_unknown(rate: Any, burst: Any) -> None:
    result = evaluate(settings(limits(rate, burst)))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


def test_a_known_failing_limit_wins_over_an_unknown_one() -> None:
    assert evaluate(settings(limits("var.rate", -1))).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    ("block", "verdict"),
    [
        (limits(True, 100), Verdict.UNKNOWN),
        (limits("fast", 100), Verdict.UNKNOWN),
        (limits([50], 100), Verdict.UNKNOWN),
        (limits({"value": 50}, 100), Verdict.UNKNOWN),
        (limits("nan", 100), Verdict.UNKNOWN),
        (limits(float("inf"), 100), Verdict.UNKNOWN),
        ("settings", Verdict.FAIL),
        (42, Verdict.FAIL),
        ([None], Verdict.FAIL),
    ],
)
def test_wrong_types_never_raise(block: Any, verdict: Verdict) -> None:
    assert evaluate(settings(block)).verdict is verdict


@pytest.mark.parametrize(
    ("value", "number"), [(1, 1.0), (0.5, 0.5), (" 7 ", 7.0), (True, None), ("x", None), (None, None), ("inf", None)]
)
def test_as_number(value: Any, number: float | None) -> None:
    assert as_number(value) == number
