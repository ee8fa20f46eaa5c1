"""CKV_AISEC_101 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.kubernetes.k8s_no_privilege_escalation import evaluate

UNSET = object()


def manifest_container(name: str = "vllm", context: Any = UNSET) -> dict[str, Any]:
    container: dict[str, Any] = {"name": name, "image": "registry.example.com/vllm-openai:0.6.3"}
    if context is not UNSET:
        container["securityContext"] = context
    return container


def pod(*containers: Any, init: tuple[Any, ...] = (), pod_context: Any = None) -> Resource:
    spec: dict[str, Any] = {"containers": list(containers)}
    if init:
        spec["initContainers"] = list(init)
    if pod_context is not None:
        spec["securityContext"] = pod_context
    return Resource("Pod", "Pod.default.p", {"apiVersion": "v1", "kind": "Pod", "spec": spec})


def terraform_pod(*contexts: Any, dynamic: frozenset[str] = frozenset()) -> Resource:
    containers = []
    for number, context in enumerate(contexts):
        container: dict[str, Any] = {"name": f"c{number}", "image": "x"}
        if context is not UNSET:
            container["security_context"] = context
        containers.append(container)
    attrs = {"metadata": [{"name": "p"}], "spec": [{"container": containers}]}
    return Resource("kubernetes_pod_v1", "kubernetes_pod_v1.p", attrs, dynamic)


@pytest.mark.parametrize("flag", [False, "false", "False"])
def test_flag_false_passes(flag: Any) -> None:
    assert evaluate(pod(manifest_container(context={"allowPrivilegeEscalation": flag}))).verdict is Verdict.PASS


@pytest.mark.parametrize("context", [UNSET, None, {}, {"runAsNonRoot": True, "runAsUser": 1000}])
def test_absent_flag_fails_because_kubernetes_allows_escalation_by_default(context: Any) -> None:
    result = evaluate(pod(manifest_container(context=context)))
    assert result.verdict is Verdict.FAIL
    assert "vllm" in result.reason and "unset" in result.reason


def test_flag_true_fails() -> None:
    result = evaluate(pod(manifest_container(context={"allowPrivilegeEscalation": True})))
    assert result.verdict is Verdict.FAIL


def test_privileged_fails_even_with_the_flag_false() -> None:
    context = {"allowPrivilegeEscalation": False, "privileged": True}
    result = evaluate(pod(manifest_container(context=context)))
    assert result.verdict is Verdict.FAIL
    assert "privileged" in result.reason


def test_pod_level_context_does_not_count() -> None:
    """allowPrivilegeEscalation exists only per container; a pod-level key is ignored by Kubernetes."""
    resource = pod(manifest_container(), pod_context={"allowPrivilegeEscalation": False})
    assert evaluate(resource).verdict is Verdict.FAIL


def test_init_containers_are_judged() -> None:
    locked = {"allowPrivilegeEscalation": False}
    resource = pod(manifest_container(context=locked), init=(manifest_container("fetch"),))
    result = evaluate(resource)
    assert result.verdict is Verdict.FAIL
    assert "fetch" in result.reason


@pytest.mark.parametrize(
    "context",
    [
        {"allowPrivilegeEscalation": "var.allow_escalation"},
        {"allowPrivilegeEscalation": "${var.allow_escalation}"},
        {"allowPrivilegeEscalation": False, "privileged": "local.privileged"},
    ],
)
def test_unresolved_flags_are_unknown(context: dict[str, Any]) -> None:
    assert evaluate(pod(manifest_container(context=context))).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("flag", ["no", 0, 1, [False], {"value": False}, "aws_ssm_parameter.flag.value"])
def test_a_flag_that_is_not_a_boolean_is_unknown(flag: Any) -> None:
    result = evaluate(pod(manifest_container(context={"allowPrivilegeEscalation": flag})))
    assert result.verdict is Verdict.UNKNOWN
    assert "not a boolean" in result.reason


def test_privileged_that_is_not_a_boolean_is_unknown() -> None:
    context = {"allowPrivilegeEscalation": False, "privileged": "yes"}
    assert evaluate(pod(manifest_container(context=context))).verdict is Verdict.UNKNOWN


def test_a_failing_container_wins_over_an_unknown_one() -> None:
    unknown = manifest_container("a", {"allowPrivilegeEscalation": "var.x"})
    failing = manifest_container("b", {"allowPrivilegeEscalation": True})
    assert evaluate(pod(unknown, failing)).verdict is Verdict.FAIL


@pytest.mark.parametrize("containers", [[], None, "vllm", [None, "x"]])
def test_no_readable_containers_is_unknown(containers: Any) -> None:
    resource = Resource("Pod", "Pod.default.p", {"kind": "Pod", "spec": {"containers": containers}})
    assert evaluate(resource).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("attrs", [{}, {"spec": "x"}, {"spec": {"template": None}}])
def test_no_pod_spec_is_unknown(attrs: dict[str, Any]) -> None:
    assert evaluate(Resource("Deployment", "Deployment.default.d", attrs)).verdict is Verdict.UNKNOWN


def test_an_unsupported_type_is_unknown() -> None:
    assert evaluate(Resource("Service", "Service.default.s", {"spec": {}})).verdict is Verdict.UNKNOWN


# -- Terraform kubernetes_* resources ----------------------------------------------------------------------------


def test_terraform_flag_false_passes() -> None:
    assert evaluate(terraform_pod([{"allow_privilege_escalation": False}])).verdict is Verdict.PASS


@pytest.mark.parametrize("context", [UNSET, [], [{}], [{"run_as_user": 1000}]])
def test_terraform_absent_flag_fails(context: Any) -> None:
    assert evaluate(terraform_pod(context)).verdict is Verdict.FAIL


def test_terraform_plan_default_true_fails() -> None:
    """In plan JSON a security_context block carries the provider defaults: allow_privilege_escalation true."""
    context = [{"allow_privilege_escalation": True, "privileged": False, "read_only_root_filesystem": False}]
    assert evaluate(terraform_pod(context)).verdict is Verdict.FAIL


def test_terraform_context_as_one_dict_is_read() -> None:
    assert evaluate(terraform_pod({"allow_privilege_escalation": False})).verdict is Verdict.PASS


def test_terraform_unresolved_flag_is_unknown() -> None:
    assert evaluate(terraform_pod([{"allow_privilege_escalation": "var.allow"}])).verdict is Verdict.UNKNOWN


def test_terraform_dynamic_containers_without_content_are_unknown() -> None:
    resource = Resource("kubernetes_pod_v1", "kubernetes_pod_v1.p", {"spec": [{"container": []}]}, frozenset({"spec"}))
    assert evaluate(resource).verdict is Verdict.UNKNOWN


def test_terraform_dynamic_container_content_is_judged() -> None:
    """Checkov renders a dynamic container block's content once, with unresolved iterator references."""
    context = [{"allow_privilege_escalation": True}]
    attrs = {"spec": [{"container": [{"name": "container.value.name", "security_context": context}]}]}
    assert evaluate(Resource("kubernetes_pod_v1", "kubernetes_pod_v1.p", attrs)).verdict is Verdict.FAIL
