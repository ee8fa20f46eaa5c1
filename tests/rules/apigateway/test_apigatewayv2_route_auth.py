"""CKV2_AISEC_17 edge cases: the rule's logic on hand-built graphs, and the real Checkov engine on a case that
cannot live in the shared example folder (a route whose API is an unresolved variable may be any API's
$connect route, which would decide every WebSocket route of every example)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.apigateway.apigatewayv2_route_auth import evaluate
from tests.scanning import scan_hcl


def api(name: str, protocol: Any) -> Resource:
    return Resource("aws_apigatewayv2_api", f"aws_apigatewayv2_api.{name}", {"name": name, "protocol_type": protocol})


def route(name: str, key: Any, api_id: Any = "aws_apigatewayv2_api.http.id", **attrs: Any) -> Resource:
    attrs = {"api_id": api_id, "route_key": key, **attrs}
    return Resource("aws_apigatewayv2_route", f"aws_apigatewayv2_route.{name}", attrs)


APIS = [api("http", "HTTP"), api("chat", "WEBSOCKET"), api("other_chat", "WEBSOCKET")]
CHAT = "aws_apigatewayv2_api.chat.id"


def judge(target: Resource, *others: Resource) -> Any:
    return evaluate(target, Graph([*APIS, target, *others]))


# -- HTTP APIs ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("authorization_type", ["JWT", "AWS_IAM", "CUSTOM", "jwt"])
def test_http_routes_with_an_authorizer_pass(authorization_type: str) -> None:
    result = judge(route("r", "POST /invoke", authorization_type=authorization_type))
    assert result.verdict is Verdict.PASS
    assert authorization_type.upper() in result.reason


@pytest.mark.parametrize("key", ["POST /invoke", "ANY /{proxy+}", "$default", "GET /models/{id}"])
@pytest.mark.parametrize("authorization_type", [None, "NONE", ""])
def test_open_http_routes_fail(key: str, authorization_type: Any) -> None:
    result = judge(route("r", key, authorization_type=authorization_type))
    assert result.verdict is Verdict.FAIL
    assert key in result.reason


def test_http_api_key_is_not_authorization() -> None:
    assert judge(route("r", "POST /invoke", api_key_required=True)).verdict is Verdict.FAIL


def test_cors_preflight_routes_may_be_open() -> None:
    result = judge(route("r", "OPTIONS /invoke"))
    assert result.verdict is Verdict.PASS
    assert "preflight" in result.reason


def test_http_is_recognised_by_route_key_when_the_api_is_not_in_the_scan() -> None:
    assert judge(route("r", "POST /invoke", api_id="a1b2c3")).verdict is Verdict.FAIL
    assert judge(route("r", "POST /invoke", api_id="var.api_id")).verdict is Verdict.FAIL


# -- WebSocket APIs -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "attrs", [{"authorization_type": "CUSTOM"}, {"authorization_type": "AWS_IAM"}, {"api_key_required": True}]
)
def test_an_authorized_connect_route_passes(attrs: dict[str, Any]) -> None:
    assert judge(route("connect", "$connect", CHAT, **attrs)).verdict is Verdict.PASS


def test_an_open_connect_route_fails() -> None:
    result = judge(route("connect", "$connect", CHAT))
    assert result.verdict is Verdict.FAIL
    assert result.reason == "aws_apigatewayv2_route.connect ($connect) accepts connections without authorization"


@pytest.mark.parametrize("key", ["sendMessage", "$default", "$disconnect"])
def test_other_websocket_routes_follow_their_connect_route(key: str) -> None:
    secure = route("connect", "$connect", CHAT, authorization_type="CUSTOM")
    result = judge(route("r", key, CHAT), secure)
    assert result.verdict is Verdict.PASS
    assert "aws_apigatewayv2_route.connect" in result.reason
    assert judge(route("r", key, CHAT), route("connect", "$connect", CHAT)).verdict is Verdict.FAIL


def test_a_websocket_api_without_a_connect_route_fails() -> None:
    result = judge(route("r", "sendMessage", CHAT))
    assert result.verdict is Verdict.FAIL
    assert "no $connect route" in result.reason


def test_another_api_connect_route_does_not_count() -> None:
    secure_elsewhere = route("connect", "$connect", "aws_apigatewayv2_api.other_chat.id", authorization_type="CUSTOM")
    assert judge(route("r", "sendMessage", CHAT), secure_elsewhere).verdict is Verdict.FAIL


def test_routes_of_an_api_outside_the_scan_match_by_literal_api_id() -> None:
    secure = route("connect", "$connect", "a1b2c3", authorization_type="AWS_IAM")
    assert judge(route("r", "sendMessage", "a1b2c3"), secure).verdict is Verdict.PASS
    assert judge(route("r", "sendMessage", "zzzzzz"), secure).verdict is Verdict.FAIL


def test_websocket_is_recognised_by_route_key_when_the_api_is_not_in_the_scan() -> None:
    assert judge(route("connect", "$connect", "a1b2c3")).verdict is Verdict.FAIL
    assert judge(route("r", "sendMessage", "a1b2c3")).verdict is Verdict.FAIL


def test_two_connect_routes_must_both_authorize() -> None:
    good = route("good", "$connect", CHAT, authorization_type="CUSTOM")
    assert judge(route("r", "sendMessage", CHAT), good, route("bad", "$connect", CHAT)).verdict is Verdict.FAIL


# -- values not known at plan time -----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["var.auth", "${var.auth}", "local.auth", "aws_ssm_parameter.auth.value"])
def test_an_unknown_authorization_type_is_unknown(value: str) -> None:
    result = judge(route("r", "POST /invoke", authorization_type=value))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


def test_an_open_default_route_of_an_unknown_api_is_unknown() -> None:
    result = judge(route("r", "$default", api_id="var.api_id"))
    assert result.verdict is Verdict.UNKNOWN
    assert "HTTP" in result.reason and "WebSocket" in result.reason
    assert judge(route("r", "$default", api_id="var.api_id", authorization_type="JWT")).verdict is Verdict.PASS


def test_an_unknown_protocol_falls_back_to_the_route_key() -> None:
    target = route("r", "POST /invoke", "aws_apigatewayv2_api.maybe.id")
    assert evaluate(target, Graph([api("maybe", "var.protocol"), target])).verdict is Verdict.FAIL


def test_a_route_that_may_be_the_connect_route_makes_websocket_routes_unknown() -> None:
    maybe = route("maybe", "$connect", "var.api_id", authorization_type="CUSTOM")
    result = judge(route("r", "sendMessage", CHAT), maybe)
    assert result.verdict is Verdict.UNKNOWN
    assert result.reason.startswith("aws_apigatewayv2_route.maybe may be this API's $connect route")


def test_a_route_of_the_same_api_with_an_unknown_key_makes_websocket_routes_unknown() -> None:
    assert judge(route("r", "sendMessage", CHAT), route("maybe", "var.key", CHAT)).verdict is Verdict.UNKNOWN


def test_a_known_connect_route_wins_over_undecided_ones() -> None:
    secure = route("connect", "$connect", CHAT, authorization_type="CUSTOM")
    maybe = route("maybe", "$connect", "var.api_id")
    assert judge(route("r", "sendMessage", CHAT), secure, maybe).verdict is Verdict.PASS


def test_a_websocket_route_whose_api_is_not_known_is_unknown() -> None:
    result = judge(route("r", "sendMessage", "var.api_id"))
    assert result.verdict is Verdict.UNKNOWN


# -- odd input -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "attrs",
    [
        {"route_key": None},
        {"route_key": 42},
        {"route_key": ["POST /invoke"]},
        {"route_key": "POST /invoke", "authorization_type": ["JWT"]},
        {"route_key": "POST /invoke", "authorization_type": "OAUTH"},
        {"route_key": "$connect", "api_id": CHAT, "api_key_required": "maybe"},
        {"route_key": "sendMessage", "api_id": ["x"]},
        {"route_key": "sendMessage", "api_id": None},
    ],
)
def test_wrong_types_never_raise(attrs: dict[str, Any]) -> None:
    target = Resource("aws_apigatewayv2_route", "aws_apigatewayv2_route.odd", attrs)
    assert judge(target).verdict in (Verdict.FAIL, Verdict.UNKNOWN)


# -- the real engine ------------------------------------------------------------------------------------------------

UNRESOLVED_API_HCL = """
variable "api_id" {
  type = string
}

resource "aws_apigatewayv2_api" "chat" {
  name                       = "example-chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_route" "maybe_connect" {
  api_id             = var.api_id
  route_key          = "$connect"
  authorization_type = "CUSTOM"
  authorizer_id      = "abc123"
}

resource "aws_apigatewayv2_route" "unknown_send_message" {
  api_id    = aws_apigatewayv2_api.chat.id
  route_key = "sendMessage"
}
"""


def test_checkov_hcl_scan_with_a_connect_route_of_an_unresolved_api(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(UNRESOLVED_API_HCL, encoding="utf-8")
    found = {(f.verdict, f.address) for f in scan_hcl(tmp_path) if f.check_id == "CKV2_AISEC_17"}
    assert found == {("PASSED", "aws_apigatewayv2_route.maybe_connect")}
