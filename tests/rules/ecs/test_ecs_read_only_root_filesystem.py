"""CKV_AISEC_105 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

import json
from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.ecs.ecs_read_only_root_filesystem import evaluate

UNSET = object()


def container(name: str = "inference", read_only: Any = True, **attrs: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"name": name, "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/inference:1.0"}
    if read_only is not UNSET:
        base["readonlyRootFilesystem"] = read_only
    return {**base, **attrs}


def task(definitions: Any) -> Resource:
    attrs = {"family": "inference", "container_definitions": definitions}
    return Resource("aws_ecs_task_definition", "aws_ecs_task_definition.t", attrs)


@pytest.mark.parametrize("flag", [True, "true", "True"])
def test_read_only_passes(flag: Any) -> None:
    assert evaluate(task([container(read_only=flag)])).verdict is Verdict.PASS


@pytest.mark.parametrize("flag", [UNSET, None])
def test_unset_fails_because_ecs_defaults_to_writable(flag: Any) -> None:
    result = evaluate(task([container(read_only=flag)]))
    assert result.verdict is Verdict.FAIL
    assert "'inference'" in result.reason and "unset" in result.reason


@pytest.mark.parametrize("flag", [False, "false"])
def test_false_fails(flag: Any) -> None:
    assert evaluate(task([container(read_only=flag)])).verdict is Verdict.FAIL


@pytest.mark.parametrize("flag", ["var.read_only_root", "${var.read_only_root}", "aws_ssm_parameter.ro.value"])
def test_unresolved_flag_is_unknown(flag: str) -> None:
    result = evaluate(task([container(read_only=flag)]))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("flag", ["yes", 1, 0, [True], {"value": True}, ""])
def test_a_flag_that_is_not_a_boolean_is_unknown(flag: Any) -> None:
    result = evaluate(task([container(read_only=flag)]))
    assert result.verdict is Verdict.UNKNOWN
    assert "not a boolean" in result.reason


def test_every_writable_container_is_named() -> None:
    containers = [container("a", read_only=UNSET), container("b"), container("log-router", read_only=False)]
    result = evaluate(task(containers))
    assert result.verdict is Verdict.FAIL
    assert "'a'" in result.reason and "'log-router'" in result.reason and "'b'" not in result.reason


def test_a_container_without_a_name_is_named_by_position() -> None:
    result = evaluate(task([container("a"), {"image": "x"}]))
    assert result.verdict is Verdict.FAIL
    assert "#2" in result.reason


def test_a_writable_container_wins_over_an_unreadable_one() -> None:
    result = evaluate(task(["garbage", container("sidecar", read_only=False)]))
    assert result.verdict is Verdict.FAIL


def test_an_unknown_container_beside_passing_ones_is_unknown() -> None:
    assert evaluate(task([container("a"), container("b", read_only="var.ro")])).verdict is Verdict.UNKNOWN


# -- shapes of container_definitions -----------------------------------------------------------------------------


def test_json_string_is_decoded() -> None:
    assert evaluate(task(json.dumps([container()]))).verdict is Verdict.PASS
    assert evaluate(task(json.dumps([container(read_only=False)]))).verdict is Verdict.FAIL


def test_a_single_container_object_is_judged() -> None:
    """Checkov unwraps a one-container list from plan JSON into the object itself."""
    assert evaluate(task(container())).verdict is Verdict.PASS
    assert evaluate(task(container(read_only=UNSET))).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "definitions",
    [
        'templatefile("${path.module}/templates/worker.json.tftpl",{})',
        'file("containers.json")',
        "var.container_definitions",
        "local.containers",
        "module.containers.json",
        "aws_ssm_parameter.containers.value",
    ],
)
def test_definitions_not_known_at_plan_time_are_unknown(definitions: str) -> None:
    result = evaluate(task(definitions))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("definitions", ["not json", "[{", None, "", [], {}, "[]", 42, True, '"text"'])
def test_unreadable_or_empty_definitions_are_unknown(definitions: Any) -> None:
    assert evaluate(task(definitions)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("item", ["inference", 42, None, [container()], True])
def test_a_container_that_is_not_an_object_is_unknown(item: Any) -> None:
    result = evaluate(task([item]))
    assert result.verdict is Verdict.UNKNOWN
    assert "not an object" in result.reason


def test_deeply_nested_json_never_raises() -> None:
    assert evaluate(task("[" * 100_000 + "]" * 100_000)).verdict is Verdict.UNKNOWN


def test_missing_attribute_is_unknown() -> None:
    assert evaluate(Resource("aws_ecs_task_definition", "x", {"family": "f"})).verdict is Verdict.UNKNOWN
