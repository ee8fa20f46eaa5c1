"""The pod templates of AI platforms' custom resources (KubeRay, KServe, Kubeflow), as the pod-spec rules see them."""

from __future__ import annotations

from typing import Any

import pytest

from policies.kubernetes import pod_specs
from policies.model import Resource, Verdict
from policies.rules.kubernetes import k8s_no_privilege_escalation, k8s_not_privileged, k8s_run_as_non_root


def manifest(kind: str, spec: Any) -> Resource:
    return Resource(kind, f"{kind}.default.x", {"kind": kind, "metadata": {"name": "x"}, "spec": spec})


def pod(*names: str, context: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "securityContext": context or {},
        "containers": [{"name": name, "image": "registry.example.com/x:1"} for name in names],
    }


RAY_CLUSTER = {
    "headGroupSpec": {"template": {"spec": pod("ray-head")}},
    "workerGroupSpecs": [
        {"groupName": "gpu", "template": {"spec": pod("ray-worker")}},
        {"template": {"spec": pod("ray-worker")}},
    ],
}


def container_names(resource: Resource) -> list[str]:
    return [container.name for spec in pod_specs(resource) or [] for container in spec.containers]


def test_ray_cluster_head_and_every_worker_group() -> None:
    names = container_names(manifest("RayCluster", RAY_CLUSTER))
    assert names == ["head/ray-head", "worker group gpu/ray-worker", "worker group 1/ray-worker"]


def test_ray_job_cluster_and_submitter() -> None:
    spec = {"rayClusterSpec": RAY_CLUSTER, "submitterPodTemplate": {"spec": pod("submitter")}}
    assert container_names(manifest("RayJob", spec))[-1] == "submitter/submitter"
    assert len(container_names(manifest("RayJob", spec))) == 4


def test_ray_service_cluster() -> None:
    assert len(container_names(manifest("RayService", {"rayClusterConfig": RAY_CLUSTER}))) == 3


def test_notebook_template() -> None:
    assert container_names(manifest("Notebook", {"template": {"spec": pod("notebook")}})) == ["notebook/notebook"]


def test_inference_service_components_and_framework_containers() -> None:
    spec = {
        "predictor": {"model": {"modelFormat": {"name": "sklearn"}}, "workerSpec": pod("worker")},
        "transformer": pod("kserve-container"),
        "explainer": {"art": {"type": "SquareAttack"}},
    }
    names = container_names(manifest("InferenceService", spec))
    assert names == ["predictor/model", "predictor workers/worker", "transformer/kserve-container", "explainer/art"]


@pytest.mark.parametrize(
    "spec",
    [
        None,
        "spec",
        [],
        {"headGroupSpec": "x"},
        {"headGroupSpec": {"template": {"spec": ["x"]}}},
        {"workerGroupSpecs": {"groupName": "gpu"}},
        {"workerGroupSpecs": [None, 3, {"groupName": 7, "template": {"spec": {"containers": "x"}}}]},
    ],
)
@pytest.mark.parametrize("kind", ["RayCluster", "RayJob", "RayService", "InferenceService", "Notebook"])
def test_odd_shapes_never_raise_and_never_pass(kind: str, spec: Any) -> None:
    for rule in (k8s_run_as_non_root, k8s_no_privilege_escalation, k8s_not_privileged):
        assert rule.evaluate(manifest(kind, spec)).verdict is not Verdict.PASS


def test_a_failing_worker_group_fails_the_cluster_and_is_named() -> None:
    spec = {
        "headGroupSpec": {"template": {"spec": pod("ray-head", context={"runAsNonRoot": True})}},
        "workerGroupSpecs": [{"groupName": "gpu", "template": {"spec": pod("ray-worker")}}],
    }
    result = k8s_run_as_non_root.evaluate(manifest("RayCluster", spec))
    assert result.verdict is Verdict.FAIL
    assert "worker group gpu/ray-worker" in result.reason


def test_a_framework_container_may_take_its_settings_from_the_serving_runtime() -> None:
    bare = manifest("InferenceService", {"predictor": {"model": {"modelFormat": {"name": "sklearn"}}}})
    for rule in (k8s_run_as_non_root, k8s_no_privilege_escalation):
        result = rule.evaluate(bare)
        assert result.verdict is Verdict.UNKNOWN
        assert "ServingRuntime" in result.reason
    root = manifest("InferenceService", {"predictor": {"model": {"securityContext": {"runAsUser": 0}}}})
    assert k8s_run_as_non_root.evaluate(root).verdict is Verdict.FAIL
    escalates = manifest("InferenceService", {"predictor": {"model": {"securityContext": {"privileged": True}}}})
    assert k8s_no_privilege_escalation.evaluate(escalates).verdict is Verdict.FAIL


def test_custom_predictor_containers_take_nothing_from_a_runtime() -> None:
    custom = manifest("InferenceService", {"predictor": pod("kserve-container")})
    assert k8s_run_as_non_root.evaluate(custom).verdict is Verdict.FAIL
