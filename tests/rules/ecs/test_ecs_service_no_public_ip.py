"""CKV_AISEC_107 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.ecs.ecs_service_no_public_ip import evaluate

UNSET = object()


def service(network_configuration: Any = UNSET, dynamic: frozenset[str] = frozenset()) -> Resource:
    attrs: dict[str, Any] = {"name": "llm-inference", "launch_type": "FARGATE"}
    if network_configuration is not UNSET:
        attrs["network_configuration"] = network_configuration
    return Resource("aws_ecs_service", "aws_ecs_service.s", attrs, dynamic)


def block(assign_public_ip: Any = UNSET) -> dict[str, Any]:
    found: dict[str, Any] = {"subnets": ["subnet-0a1b2c3d4e5f60001"], "security_groups": ["sg-0123456789abcdef0"]}
    if assign_public_ip is not UNSET:
        found["assign_public_ip"] = assign_public_ip
    return found


@pytest.mark.parametrize("flag", [UNSET, None, False, "false"])
def test_no_public_ip_passes(flag: Any) -> None:
    assert evaluate(service([block(flag)])).verdict is Verdict.PASS


@pytest.mark.parametrize("flag", [True, "true", "True"])
def test_public_ip_fails(flag: Any) -> None:
    result = evaluate(service([block(flag)]))
    assert result.verdict is Verdict.FAIL
    assert "public IP" in result.reason


@pytest.mark.parametrize("configuration", [UNSET, None, [], {}])
def test_no_network_configuration_passes(configuration: Any) -> None:
    assert evaluate(service(configuration)).verdict is Verdict.PASS


def test_a_block_given_as_one_dict_is_read() -> None:
    """Pulumi hands a single nested block over as a dict."""
    assert evaluate(service({"subnets": ["subnet-1"], "assign_public_ip": True})).verdict is Verdict.FAIL
    assert evaluate(service({"subnets": ["subnet-1"], "assign_public_ip": False})).verdict is Verdict.PASS


@pytest.mark.parametrize("flag", ["var.assign_public_ip", "${var.assign_public_ip}", "local.public"])
def test_unresolved_flag_is_unknown(flag: str) -> None:
    result = evaluate(service([block(flag)]))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("flag", ["ENABLED", 1, 0, [True], {"on": True}, "aws_ssm_parameter.p.value"])
def test_a_flag_that_is_not_a_boolean_is_unknown(flag: Any) -> None:
    result = evaluate(service([block(flag)]))
    assert result.verdict is Verdict.UNKNOWN
    assert "not a boolean" in result.reason


def test_a_dynamic_block_without_content_is_unknown() -> None:
    result = evaluate(service([], dynamic=frozenset({"network_configuration"})))
    assert result.verdict is Verdict.UNKNOWN
    assert "dynamic" in result.reason


def test_a_dynamic_block_whose_content_checkov_rendered_is_judged() -> None:
    """Checkov renders a dynamic block's content even when for_each is a variable."""
    dynamic = frozenset({"network_configuration"})
    assert evaluate(service([block(True)], dynamic=dynamic)).verdict is Verdict.FAIL
    assert evaluate(service([block(False)], dynamic=dynamic)).verdict is Verdict.PASS


@pytest.mark.parametrize("configuration", ["var.network", "${var.network}", "module.net.configuration"])
def test_an_unresolved_block_is_unknown(configuration: str) -> None:
    assert evaluate(service(configuration)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("configuration", ["private", 0, True, [None], [[]], ["subnet-1"]])
def test_a_block_of_the_wrong_type_is_unknown(configuration: Any) -> None:
    assert evaluate(service(configuration)).verdict is Verdict.UNKNOWN
