"""Pod specs from Kubernetes manifests and from Terraform's kubernetes_* resources, in one shape.

Rules about containers judge a ``PodSpec``: the pod-level security context and each container's (init
containers included), with manifest (camelCase) keys. Manifests arrive as ``Resource(type=<kind>)``;
Terraform resources use snake_case blocks (``container``, ``security_context``) that are translated here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from policies.model import Resource, Result, combine, first_block, passed, unknown

# Where the pod template sits, as a path of keys from the top of the object.
MANIFEST_POD_SPEC_PATHS: dict[str, tuple[str, ...]] = {
    "Pod": ("spec",),
    "Deployment": ("spec", "template", "spec"),
    "StatefulSet": ("spec", "template", "spec"),
    "DaemonSet": ("spec", "template", "spec"),
    "ReplicaSet": ("spec", "template", "spec"),
    "ReplicationController": ("spec", "template", "spec"),
    "Job": ("spec", "template", "spec"),
    "CronJob": ("spec", "jobTemplate", "spec", "template", "spec"),
}

_TEMPLATE = ("spec", "template", "spec")
TERRAFORM_POD_SPEC_PATHS: dict[str, tuple[str, ...]] = {
    "kubernetes_pod": ("spec",),
    "kubernetes_pod_v1": ("spec",),
    "kubernetes_deployment": _TEMPLATE,
    "kubernetes_deployment_v1": _TEMPLATE,
    "kubernetes_stateful_set": _TEMPLATE,
    "kubernetes_stateful_set_v1": _TEMPLATE,
    "kubernetes_daemonset": _TEMPLATE,
    "kubernetes_daemon_set_v1": _TEMPLATE,
    "kubernetes_replication_controller": _TEMPLATE,
    "kubernetes_replication_controller_v1": _TEMPLATE,
    "kubernetes_job": _TEMPLATE,
    "kubernetes_job_v1": _TEMPLATE,
    "kubernetes_cron_job": ("spec", "job_template", "spec", "template", "spec"),
    "kubernetes_cron_job_v1": ("spec", "job_template", "spec", "template", "spec"),
}

WORKLOAD_KINDS = tuple(MANIFEST_POD_SPEC_PATHS)
TERRAFORM_WORKLOAD_TYPES = tuple(TERRAFORM_POD_SPEC_PATHS)

# Terraform's snake_case security-context attributes and their manifest names.
_SECURITY_CONTEXT_KEYS = {
    "run_as_non_root": "runAsNonRoot",
    "run_as_user": "runAsUser",
    "run_as_group": "runAsGroup",
    "allow_privilege_escalation": "allowPrivilegeEscalation",
    "privileged": "privileged",
    "read_only_root_filesystem": "readOnlyRootFilesystem",
}


@dataclass(frozen=True)
class Container:
    name: str
    security_context: dict[str, Any]
    # What the container runs, with manifest keys: ``image``, ``command``, ``args`` and ``env`` (a list of
    # ``{name, value, valueFrom}``), whichever the workload sets.
    runs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PodSpec:
    security_context: dict[str, Any]
    containers: list[Container]
    # True when the Terraform resource has ``dynamic`` blocks whose content Checkov may not have expanded.
    incomplete: bool = False


def _mapping(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, Mapping) else {}


_RUN_KEYS = ("image", "command", "args", "env")


def _manifest_containers(spec: Mapping[str, Any]) -> list[Container]:
    containers = []
    for key in ("initContainers", "containers"):
        items = spec.get(key)
        for item in items if isinstance(items, list) else []:
            if isinstance(item, Mapping):
                name = str(item.get("name", "(unnamed)"))
                runs = {run_key: item[run_key] for run_key in _RUN_KEYS if run_key in item}
                containers.append(Container(name, _mapping(item.get("securityContext")), runs))
    return containers


def _terraform_env(value: Any) -> Any:
    """Terraform's ``env`` blocks (``name``, ``value``, ``value_from``) in the manifest's shape; a value that is
    not a list of blocks (an unresolved expression) is passed on as it is."""
    blocks = [value] if isinstance(value, Mapping) else value
    if not isinstance(blocks, list):
        return value
    env = []
    for block in blocks:
        if not isinstance(block, Mapping):
            env.append(block)
            continue
        item = {key: block[key] for key in ("name", "value") if key in block}
        if block.get("value_from") not in (None, [], {}):
            item["valueFrom"] = block["value_from"]
        env.append(item)
    return env


def _terraform_runs(block: Mapping[str, Any]) -> dict[str, Any]:
    runs = {key: block[key] for key in ("image", "command", "args") if key in block}
    if "env" in block:
        runs["env"] = _terraform_env(block["env"])
    return runs


def _terraform_security_context(block: Mapping[str, Any] | Any) -> dict[str, Any]:
    context = first_block(block, "security_context") or {}
    return {_SECURITY_CONTEXT_KEYS[key]: value for key, value in context.items() if key in _SECURITY_CONTEXT_KEYS}


def _terraform_pod_spec(resource: Resource, path: tuple[str, ...]) -> PodSpec | None:
    node: Any = resource.attrs
    for key in path:
        node = first_block(node, key)
        if node is None:
            return None
    containers = []
    for key in ("init_container", "container"):
        value = node.get(key)
        blocks = value if isinstance(value, list) else [value] if isinstance(value, Mapping) else []
        for block in blocks:
            if isinstance(block, Mapping):
                name = str(block.get("name", "(unnamed)"))
                containers.append(Container(name, _terraform_security_context(block), _terraform_runs(block)))
    return PodSpec(_terraform_security_context(node), containers, incomplete=bool(resource.dynamic_blocks))


def pod_spec(resource: Resource) -> PodSpec | None:
    """The pod spec of a workload, or ``None`` when it cannot be found (wrong shape, unknown type)."""
    if resource.type in TERRAFORM_POD_SPEC_PATHS:
        return _terraform_pod_spec(resource, TERRAFORM_POD_SPEC_PATHS[resource.type])
    path = MANIFEST_POD_SPEC_PATHS.get(resource.type)
    if path is None:
        return None
    node: Any = resource.attrs
    for key in path:
        node = node.get(key) if isinstance(node, Mapping) else None
    if not isinstance(node, Mapping):
        return None
    return PodSpec(_mapping(node.get("securityContext")), _manifest_containers(node))


def judge_containers(resource: Resource, judge: Callable[[Container, dict[str, Any]], Result]) -> Result:
    """Judge every container of a workload with ``judge(container, pod_security_context)``; any FAIL wins.

    A workload whose pod spec or containers cannot be found gets no verdict.
    """
    spec = pod_spec(resource)
    if spec is None:
        return unknown("no pod spec found")
    if not spec.containers:
        if spec.incomplete:
            return unknown("containers are written as dynamic blocks")
        return unknown("the pod spec lists no containers")
    return combine([judge(container, spec.security_context) for container in spec.containers], passed("no containers"))
