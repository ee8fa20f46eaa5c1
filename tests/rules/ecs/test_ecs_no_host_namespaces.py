"""CKV_AISEC_106 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.ecs.ecs_no_host_namespaces import evaluate

UNSET = object()


def task(network_mode: Any = UNSET, pid_mode: Any = UNSET) -> Resource:
    attrs: dict[str, Any] = {"family": "inference", "container_definitions": "[]"}
    if network_mode is not UNSET:
        attrs["network_mode"] = network_mode
    if pid_mode is not UNSET:
        attrs["pid_mode"] = pid_mode
    return Resource("aws_ecs_task_definition", "aws_ecs_task_definition.t", attrs)


@pytest.mark.parametrize("network_mode", [UNSET, None, "", "awsvpc", "bridge", "none", " AWSVPC "])
@pytest.mark.parametrize("pid_mode", [UNSET, None, "", "task"])
def test_own_namespaces_pass(network_mode: Any, pid_mode: Any) -> None:
    assert evaluate(task(network_mode, pid_mode)).verdict is Verdict.PASS


@pytest.mark.parametrize("mode", ["host", "HOST", " host "])
def test_host_network_fails(mode: str) -> None:
    result = evaluate(task(network_mode=mode))
    assert result.verdict is Verdict.FAIL
    assert "network namespace" in result.reason


def test_host_pid_fails() -> None:
    result = evaluate(task(network_mode="awsvpc", pid_mode="host"))
    assert result.verdict is Verdict.FAIL
    assert "process namespace" in result.reason


def test_both_host_modes_are_named() -> None:
    result = evaluate(task(network_mode="host", pid_mode="host"))
    assert result.verdict is Verdict.FAIL
    assert "network_mode" in result.reason and "pid_mode" in result.reason


@pytest.mark.parametrize("mode", ["var.network_mode", "${var.network_mode}", "local.mode", "aws_ssm_parameter.m.value"])
def test_unresolved_mode_is_unknown(mode: str) -> None:
    result = evaluate(task(network_mode=mode))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


def test_a_host_mode_wins_over_an_unknown_one() -> None:
    assert evaluate(task(network_mode="var.mode", pid_mode="host")).verdict is Verdict.FAIL


@pytest.mark.parametrize("mode", ["default", "hostnetwork", "*", 0, True, ["host"], {"mode": "host"}])
def test_a_mode_ecs_does_not_know_is_unknown(mode: Any) -> None:
    assert evaluate(task(network_mode=mode)).verdict is Verdict.UNKNOWN
    assert evaluate(task(pid_mode=mode)).verdict is Verdict.UNKNOWN


def test_ipc_mode_is_not_judged() -> None:
    resource = Resource("aws_ecs_task_definition", "aws_ecs_task_definition.t", {"ipc_mode": "host"})
    assert evaluate(resource).verdict is Verdict.PASS
