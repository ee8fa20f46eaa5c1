"""CKV_AISEC_78 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.apigateway.api_gateway_stage_access_logs import evaluate

FORMAT = '{"requestId":"$context.requestId"}'


@pytest.fixture(params=["aws_api_gateway_stage", "aws_apigatewayv2_stage"])
def stage_type(request: pytest.FixtureRequest) -> str:
    return request.param


def stage(stage_type: str, settings: Any = None, dynamic: frozenset[str] = frozenset()) -> Resource:
    attrs: dict[str, Any] = {"name": "prod"}
    if settings is not None:
        attrs["access_log_settings"] = settings
    return Resource(stage_type, f"{stage_type}.s", attrs, dynamic)


@pytest.mark.parametrize(
    "destination",
    [
        "aws_cloudwatch_log_group.access.arn",
        "${aws_cloudwatch_log_group.access.arn}",
        "arn:aws:logs:us-east-1:111122223333:log-group:/aws/apigateway/access",
        "arn:aws:firehose:us-east-1:111122223333:deliverystream/amazon-apigateway-access",
    ],
)
def test_a_destination_passes(stage_type: str, destination: str) -> None:
    result = evaluate(stage(stage_type, [{"destination_arn": destination, "format": FORMAT}]))
    assert result.verdict is Verdict.PASS
    assert destination in result.reason


@pytest.mark.parametrize("settings", [None, [], [None], [{}], [{"destination_arn": "", "format": FORMAT}]])
def test_no_access_logs_fail(stage_type: str, settings: Any) -> None:
    assert evaluate(stage(stage_type, settings)).verdict is Verdict.FAIL


@pytest.mark.parametrize("destination", ["var.destination", "local.destination", "module.logs.arn"])
def test_a_destination_not_known_at_plan_time_is_unknown(stage_type: str, destination: str) -> None:
    result = evaluate(stage(stage_type, [{"destination_arn": destination, "format": FORMAT}]))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


def test_a_dynamic_block_is_unknown(stage_type: str) -> None:
    assert evaluate(stage(stage_type, dynamic=frozenset({"access_log_settings"}))).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    ("settings", "verdict"),
    [
        ({"destination_arn": "arn:aws:logs:us-east-1:1:log-group:x"}, Verdict.PASS),
        ([{"destination_arn": 42}], Verdict.UNKNOWN),
        ([{"destination_arn": ["arn"]}], Verdict.UNKNOWN),
        ("arn:aws:logs:us-east-1:1:log-group:x", Verdict.FAIL),
    ],
)
def test_wrong_types_never_raise(stage_type: str, settings: Any, verdict: Verdict) -> None:
    assert evaluate(stage(stage_type, settings)).verdict is verdict
