"""CKV_AISEC_10 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

import json
from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.ecs.ecs_container_non_root import evaluate

UNSET = object()


def container(name: str = "inference", user: Any = "1000", **attrs: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"name": name, "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/inference:1.0"}
    if user is not UNSET:
        base["user"] = user
    return {**base, **attrs}


def task(definitions: Any) -> Resource:
    attrs = {"family": "inference", "container_definitions": definitions}
    return Resource("aws_ecs_task_definition", "aws_ecs_task_definition.t", attrs)


# -- user --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("user", ["1000", "1000:1000", "app", "app:app", "10001:0", " 1000 "])
def test_non_root_users_pass(user: str) -> None:
    assert evaluate(task([container(user=user)])).verdict is Verdict.PASS


@pytest.mark.parametrize("user", [UNSET, None, ""])
def test_missing_user_means_root(user: Any) -> None:
    result = evaluate(task([container(user=user)]))
    assert result.verdict is Verdict.FAIL
    assert "'inference'" in result.reason and "root" in result.reason


@pytest.mark.parametrize("user", ["root", "0", "00", "0:0", "root:root", "0:1000", "root:docker", " root "])
def test_root_by_name_or_uid_with_any_group_fails(user: str) -> None:
    result = evaluate(task([container(user=user)]))
    assert result.verdict is Verdict.FAIL
    assert "'inference'" in result.reason


@pytest.mark.parametrize(
    "user", ["var.container_user", "${var.uid}:${var.gid}", "local.user", "aws_ssm_parameter.uid.value"]
)
def test_unresolved_or_referenced_user_is_unknown(user: str) -> None:
    result = evaluate(task([container(user=user)]))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


def test_user_number_zero_is_root() -> None:
    assert evaluate(task([container(user=0)])).verdict is Verdict.FAIL
    assert evaluate(task([container(user=0.0)])).verdict is Verdict.FAIL


@pytest.mark.parametrize("user", [1000, 1.5, True, False, ["1000"], {"uid": 1000}, ":1000"])
def test_user_of_the_wrong_type_is_unknown_and_says_why(user: Any) -> None:
    result = evaluate(task([container(user=user)]))
    assert result.verdict is Verdict.UNKNOWN
    assert "'inference'" in result.reason


# -- privileged ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("privileged", [True, "true", "True"])
def test_privileged_fails_even_as_non_root(privileged: Any) -> None:
    result = evaluate(task([container(privileged=privileged)]))
    assert result.verdict is Verdict.FAIL
    assert "privileged" in result.reason


@pytest.mark.parametrize("privileged", [False, "false", None])
def test_unprivileged_passes(privileged: Any) -> None:
    assert evaluate(task([container(privileged=privileged)])).verdict is Verdict.PASS


@pytest.mark.parametrize("privileged", ["var.privileged", "yes", 1, ["true"]])
def test_unreadable_privileged_flag_is_unknown(privileged: Any) -> None:
    assert evaluate(task([container(privileged=privileged)])).verdict is Verdict.UNKNOWN


def test_privileged_and_root_are_both_named() -> None:
    result = evaluate(task([container(user="root", privileged=True)]))
    assert result.verdict is Verdict.FAIL
    assert "privileged" in result.reason and "runs as root" in result.reason


# -- several containers --------------------------------------------------------------------------------------------


def test_the_offending_container_is_named() -> None:
    result = evaluate(task([container("agent-api"), container("log-router", user="root")]))
    assert result.verdict is Verdict.FAIL
    assert "'log-router'" in result.reason and "'agent-api'" not in result.reason


def test_every_offending_container_is_named() -> None:
    result = evaluate(task([container("a", user=UNSET), container("b"), container("c", privileged=True)]))
    assert result.verdict is Verdict.FAIL
    assert "'a'" in result.reason and "'c'" in result.reason and "'b'" not in result.reason


def test_container_without_a_name_is_named_by_position() -> None:
    result = evaluate(task([container("a"), {"image": "x", "user": "root"}]))
    assert result.verdict is Verdict.FAIL
    assert "#2" in result.reason


def test_an_unknown_container_beside_passing_ones_is_unknown() -> None:
    result = evaluate(task([container("a"), container("b", user="var.user")]))
    assert result.verdict is Verdict.UNKNOWN


# -- shapes of container_definitions -----------------------------------------------------------------------------


def test_json_string_is_decoded() -> None:
    assert evaluate(task(json.dumps([container()]))).verdict is Verdict.PASS
    assert evaluate(task(json.dumps([container(user="root")]))).verdict is Verdict.FAIL


def test_a_single_container_object_is_judged() -> None:
    """Checkov unwraps a one-container list from plan JSON into the object itself."""
    assert evaluate(task(container())).verdict is Verdict.PASS
    assert evaluate(task(container(user=UNSET))).verdict is Verdict.FAIL
    assert evaluate(task(json.dumps(container(user="0")))).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "definitions",
    [
        'file("containers.json")',
        '${file("${path.module}/containers.json")}',
        "templatefile(\"containers.json.tftpl\",{'user': '1000'})",
        '${templatefile("${path.module}/c.tftpl",{})}',
        "var.container_definitions",
        "${var.container_definitions}",
        "local.containers",
        "module.containers.json",
        "data.template_file.containers.rendered",
        "aws_ecr_repository.inference.repository_url",
    ],
)
def test_definitions_not_known_at_plan_time_are_unknown(definitions: str) -> None:
    result = evaluate(task(definitions))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("definitions", ["not json", "[{", "{'name': 'x'}"])
def test_text_that_is_not_json_is_unknown(definitions: str) -> None:
    result = evaluate(task(definitions))
    assert result.verdict is Verdict.UNKNOWN
    assert "not JSON" in result.reason


@pytest.mark.parametrize("definitions", ['"just a string"', "42", "true", "null", 42, 1.5, True])
def test_json_that_is_not_a_list_of_containers_is_unknown(definitions: Any) -> None:
    assert evaluate(task(definitions)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("definitions", [None, "", [], {}, "[]"])
def test_no_containers_is_unknown(definitions: Any) -> None:
    assert evaluate(task(definitions)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("item", ["inference", 42, None, [container()], True])
def test_a_container_that_is_not_an_object_is_unknown(item: Any) -> None:
    result = evaluate(task([item]))
    assert result.verdict is Verdict.UNKNOWN
    assert "not an object" in result.reason


def test_a_clearly_failing_container_wins_over_an_unreadable_one() -> None:
    result = evaluate(task(["garbage", container("sidecar", user="root")]))
    assert result.verdict is Verdict.FAIL
    assert "'sidecar'" in result.reason


def test_deeply_nested_json_never_raises() -> None:
    assert evaluate(task("[" * 100_000 + "]" * 100_000)).verdict is Verdict.UNKNOWN


def test_missing_attribute_is_unknown() -> None:
    assert evaluate(Resource("aws_ecs_task_definition", "x", {"family": "f"})).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("user", ["+0", " 0", "-0", "000", '"root"', "'0'", '"0:1000"'])
def test_root_in_spellings_the_runtime_reads_as_uid_0_fails(user: str) -> None:
    assert evaluate(task([container(user=user)])).verdict is Verdict.FAIL
