"""The pod templates of AI platforms' custom resources (KubeRay, KServe, Kubeflow), as the pod-spec rules see them."""

from __future__ import annotations

from typing import Any

import pytest

from policies.kubernetes import RayEnvironment, pod_specs, ray_entrypoint, ray_environments
from policies.model import Resource, Verdict
from policies.rules.kubernetes import (
    k8s_no_literal_secrets,
    k8s_no_privilege_escalation,
    k8s_no_remote_code,
    k8s_not_privileged,
    k8s_run_as_non_root,
)


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


# -- Ray's runtime environments ---------------------------------------------------------------------------

SERVE_CONFIG = """
applications:
  - name: llm
    runtime_env: {env_vars: {TRUST_REMOTE_CODE: "true", HF_TOKEN: hf_EXAMPLEexampleEXAMPLEexampleEXAMPLE22}}
    deployments:
      - name: VLLMDeployment
        ray_actor_options: {runtime_env: {env_vars: {MODEL_ID: example-org/llm}}}
      - not a mapping
  - runtime_env: {pip: [vllm]}
"""


def test_ray_environments_read_serve_applications_and_their_deployments() -> None:
    environments, problems = ray_environments(manifest("RayService", {"serveConfigV2": SERVE_CONFIG}))
    assert problems == []
    assert environments == [
        RayEnvironment(
            "serveConfigV2 application llm runtime_env",
            "spec/serveConfigV2",
            [("TRUST_REMOTE_CODE", "true"), ("HF_TOKEN", "hf_EXAMPLEexampleEXAMPLEexampleEXAMPLE22")],
        ),
        RayEnvironment(
            "serveConfigV2 application llm deployment VLLMDeployment runtime_env",
            "spec/serveConfigV2",
            [("MODEL_ID", "example-org/llm")],
        ),
    ]
    verdict = k8s_no_remote_code.evaluate(manifest("RayService", {"serveConfigV2": SERVE_CONFIG}))
    assert verdict.verdict is Verdict.FAIL and "serveConfigV2 application llm" in verdict.reason
    secrets = k8s_no_literal_secrets.evaluate(manifest("RayService", {"serveConfigV2": SERVE_CONFIG}))
    assert secrets.verdict is Verdict.FAIL and "hf_EXAMPLE" not in secrets.reason


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        ({"serveConfigV2": "applications: [unclosed"}, "serveConfigV2 is not YAML this rule can read"),
        ({"serveConfigV2": {"applications": []}}, "serveConfigV2 is not a YAML document"),
        ({"serveConfigV2": 12}, "serveConfigV2 is not a YAML document"),
        ({"serveConfigV2": "- just\n- a list\n"}, None),
        ({"serveConfigV2": "applications: {llm: 1}"}, None),
        ({}, None),
    ],
)
def test_odd_serve_configs_give_unknown_or_nothing(spec: dict[str, Any], problem: str | None) -> None:
    environments, problems = ray_environments(manifest("RayService", spec))
    assert environments == []
    assert [result.reason for result in problems] == ([problem] if problem else [])
    assert all(result.verdict is Verdict.UNKNOWN for result in problems)


def test_ray_jobs_read_their_runtime_env_and_entrypoint() -> None:
    job = manifest(
        "RayJob",
        {"entrypoint": "python serve.py --trust-remote-code", "runtimeEnvYAML": "env_vars: {WANDB_API_KEY: EMPTY}"},
    )
    assert ray_environments(job) == (
        [RayEnvironment("runtimeEnvYAML", "spec/runtimeEnvYAML", [("WANDB_API_KEY", "EMPTY")])],
        [],
    )
    assert ray_entrypoint(job) == ["python serve.py --trust-remote-code"]
    assert k8s_no_remote_code.evaluate(job).verdict is Verdict.FAIL
    assert k8s_no_literal_secrets.evaluate(job).verdict is Verdict.UNKNOWN  # no containers; the key is a placeholder
    assert ray_entrypoint(manifest("RayCluster", {"entrypoint": "x"})) == []
