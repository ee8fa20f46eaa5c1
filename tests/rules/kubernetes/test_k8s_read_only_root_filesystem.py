"""CKV_AISEC_103 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.kubernetes.k8s_read_only_root_filesystem import evaluate

UNSET = object()


def container(name: str = "tei", context: Any = UNSET) -> dict[str, Any]:
    item: dict[str, Any] = {"name": name, "image": "ghcr.io/huggingface/text-embeddings-inference:1.5"}
    if context is not UNSET:
        item["securityContext"] = context
    return item


def cron_job(*containers: Any, init: tuple[Any, ...] = (), pod_context: Any = None) -> Resource:
    spec: dict[str, Any] = {"containers": list(containers)}
    if init:
        spec["initContainers"] = list(init)
    if pod_context is not None:
        spec["securityContext"] = pod_context
    attrs = {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": spec}}}}}
    return Resource("CronJob", "CronJob.default.c", attrs)


def terraform_job(context: Any, dynamic: frozenset[str] = frozenset()) -> Resource:
    item: dict[str, Any] = {"name": "quantize", "image": "x"}
    if context is not UNSET:
        item["security_context"] = context
    attrs = {"metadata": [{"name": "j"}], "spec": [{"template": [{"metadata": [{}], "spec": [{"container": [item]}]}]}]}
    return Resource("kubernetes_job_v1", "kubernetes_job_v1.j", attrs, dynamic)


@pytest.mark.parametrize("flag", [True, "true", "True"])
def test_read_only_passes(flag: Any) -> None:
    assert evaluate(cron_job(container(context={"readOnlyRootFilesystem": flag}))).verdict is Verdict.PASS


@pytest.mark.parametrize("context", [UNSET, None, {}, {"runAsNonRoot": True}, {"readOnlyRootFilesystem": None}])
def test_unset_fails_because_the_default_is_writable(context: Any) -> None:
    result = evaluate(cron_job(container(context=context)))
    assert result.verdict is Verdict.FAIL
    assert "tei" in result.reason and "unset" in result.reason


def test_explicit_false_fails() -> None:
    result = evaluate(cron_job(container(context={"readOnlyRootFilesystem": False})))
    assert result.verdict is Verdict.FAIL
    assert "false" in result.reason


def test_pod_level_setting_does_not_count() -> None:
    resource = cron_job(container(), pod_context={"readOnlyRootFilesystem": True})
    assert evaluate(resource).verdict is Verdict.FAIL


def test_a_writable_init_container_fails() -> None:
    read_only = {"readOnlyRootFilesystem": True}
    result = evaluate(cron_job(container(context=read_only), init=(container("download-model"),)))
    assert result.verdict is Verdict.FAIL
    assert "download-model" in result.reason


@pytest.mark.parametrize("flag", ["var.read_only_root", "${var.read_only_root}", "module.defaults.read_only"])
def test_unresolved_flag_is_unknown(flag: str) -> None:
    result = evaluate(cron_job(container(context={"readOnlyRootFilesystem": flag})))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("flag", ["yes", 1, [True], {"value": True}, "kubernetes_config_map.c.data"])
def test_a_flag_that_is_not_a_boolean_is_unknown(flag: Any) -> None:
    result = evaluate(cron_job(container(context={"readOnlyRootFilesystem": flag})))
    assert result.verdict is Verdict.UNKNOWN
    assert "not a boolean" in result.reason


def test_a_failing_container_wins_over_an_unknown_one() -> None:
    unknown = container("a", {"readOnlyRootFilesystem": "var.x"})
    assert evaluate(cron_job(unknown, container("b"))).verdict is Verdict.FAIL


def test_one_passing_and_one_unknown_container_is_unknown() -> None:
    read_only = container("a", {"readOnlyRootFilesystem": True})
    unknown = container("b", {"readOnlyRootFilesystem": "var.x"})
    assert evaluate(cron_job(read_only, unknown)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("spec", [None, "x", {"jobTemplate": None}, {"jobTemplate": {"spec": {"template": []}}}])
def test_no_pod_spec_is_unknown(spec: Any) -> None:
    assert evaluate(Resource("CronJob", "CronJob.default.c", {"spec": spec})).verdict is Verdict.UNKNOWN


# -- Terraform kubernetes_* resources ----------------------------------------------------------------------------


def test_terraform_read_only_passes() -> None:
    assert evaluate(terraform_job([{"read_only_root_filesystem": True}])).verdict is Verdict.PASS


@pytest.mark.parametrize("context", [UNSET, [], [{}], [{"run_as_user": 1000}], [{"read_only_root_filesystem": False}]])
def test_terraform_unset_or_false_fails(context: Any) -> None:
    """In plan JSON a security_context block carries the provider default read_only_root_filesystem false."""
    assert evaluate(terraform_job(context)).verdict is Verdict.FAIL


def test_terraform_unresolved_flag_is_unknown() -> None:
    assert evaluate(terraform_job([{"read_only_root_filesystem": "var.ro"}])).verdict is Verdict.UNKNOWN


def test_terraform_dynamic_containers_without_content_are_unknown() -> None:
    attrs = {"spec": [{"template": [{"spec": [{"container": None}]}]}]}
    resource = Resource("kubernetes_job_v1", "kubernetes_job_v1.j", attrs, frozenset({"spec"}))
    assert evaluate(resource).verdict is Verdict.UNKNOWN
