"""CKV_AISEC_102 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.kubernetes.k8s_not_privileged import evaluate

UNSET = object()


def container(name: str = "trainer", context: Any = UNSET) -> dict[str, Any]:
    item: dict[str, Any] = {"name": name, "image": "registry.example.com/trainer:2.1"}
    if context is not UNSET:
        item["securityContext"] = context
    return item


def deployment(*containers: Any, init: tuple[Any, ...] = ()) -> Resource:
    spec: dict[str, Any] = {"containers": list(containers)}
    if init:
        spec["initContainers"] = list(init)
    attrs = {"kind": "Deployment", "spec": {"template": {"spec": spec}}}
    return Resource("Deployment", "Deployment.default.d", attrs)


def terraform_daemonset(context: Any, dynamic: frozenset[str] = frozenset()) -> Resource:
    item: dict[str, Any] = {"name": "agent", "image": "x"}
    if context is not UNSET:
        item["security_context"] = context
    attrs = {"metadata": [{"name": "d"}], "spec": [{"template": [{"spec": [{"container": [item]}]}]}]}
    return Resource("kubernetes_daemon_set_v1", "kubernetes_daemon_set_v1.d", attrs, dynamic)


@pytest.mark.parametrize(
    "context", [UNSET, None, {}, {"privileged": None}, {"privileged": False}, {"privileged": "false"}]
)
def test_unset_or_false_passes(context: Any) -> None:
    assert evaluate(deployment(container(context=context))).verdict is Verdict.PASS


@pytest.mark.parametrize("flag", [True, "true", "True"])
def test_privileged_fails_and_names_the_container(flag: Any) -> None:
    result = evaluate(deployment(container(context={"privileged": flag})))
    assert result.verdict is Verdict.FAIL
    assert "trainer" in result.reason


def test_a_privileged_init_container_fails() -> None:
    result = evaluate(deployment(container(), init=(container("load-driver", {"privileged": True}),)))
    assert result.verdict is Verdict.FAIL
    assert "load-driver" in result.reason


@pytest.mark.parametrize("flag", ["var.privileged", "${var.privileged}", "local.gpu.privileged"])
def test_unresolved_flag_is_unknown(flag: str) -> None:
    result = evaluate(deployment(container(context={"privileged": flag})))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("flag", ["yes", 1, 0, [True], {"on": True}, "kubernetes_config_map.c.data"])
def test_a_flag_that_is_not_a_boolean_is_unknown(flag: Any) -> None:
    result = evaluate(deployment(container(context={"privileged": flag})))
    assert result.verdict is Verdict.UNKNOWN
    assert "not a boolean" in result.reason


def test_a_privileged_container_wins_over_an_unknown_one() -> None:
    resource = deployment(container("a", {"privileged": "var.x"}), container("b", {"privileged": True}))
    assert evaluate(resource).verdict is Verdict.FAIL


def test_a_security_context_that_is_not_a_mapping_is_ignored() -> None:
    """A string or list where the context belongs holds no privileged flag; Kubernetes would reject it."""
    assert evaluate(deployment(container(context="privileged"))).verdict is Verdict.PASS


@pytest.mark.parametrize("attrs", [{}, {"spec": None}, {"spec": {"template": {"spec": {"containers": []}}}}])
def test_no_containers_is_unknown(attrs: dict[str, Any]) -> None:
    assert evaluate(Resource("Deployment", "Deployment.default.d", attrs)).verdict is Verdict.UNKNOWN


# -- Terraform kubernetes_* resources ----------------------------------------------------------------------------


@pytest.mark.parametrize("context", [UNSET, [], [{}], [{"privileged": False}], {"privileged": False}])
def test_terraform_unset_or_false_passes(context: Any) -> None:
    assert evaluate(terraform_daemonset(context)).verdict is Verdict.PASS


def test_terraform_privileged_fails() -> None:
    assert evaluate(terraform_daemonset([{"privileged": True}])).verdict is Verdict.FAIL


def test_terraform_unresolved_flag_is_unknown() -> None:
    assert evaluate(terraform_daemonset([{"privileged": "var.privileged"}])).verdict is Verdict.UNKNOWN


def test_terraform_dynamic_containers_without_content_are_unknown() -> None:
    attrs = {"spec": [{"template": [{"spec": [{}]}]}]}
    resource = Resource("kubernetes_daemon_set_v1", "kubernetes_daemon_set_v1.d", attrs, frozenset({"spec"}))
    assert evaluate(resource).verdict is Verdict.UNKNOWN
