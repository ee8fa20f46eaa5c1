"""Pod specs from Kubernetes manifests and from Terraform's kubernetes_* resources, in one shape.

Rules about containers judge a ``PodSpec``: the pod-level security context and each container's (init
containers included), with manifest (camelCase) keys. Manifests arrive as ``Resource(type=<kind>)``;
Terraform resources use snake_case blocks (``container``, ``security_context``) that are translated here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from policies.container_env import command_words, pointing_at
from policies.model import Resource, Result, Verdict, combine, first_block, passed, unknown

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
    # Who completes the settings this container leaves unset (a KServe predictor's framework container is merged
    # with its ServingRuntime's container); empty when nothing does.
    defaults_from: str = ""


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


def annotations(metadata: Any) -> dict[str, Any]:
    """An object's ``metadata.annotations`` as one mapping. Checkov's kubernetes runner, reading skip comments,
    turns the mapping into a list holding it (``force_list``) before checks run: both shapes are accepted."""
    value = metadata.get("annotations") if isinstance(metadata, Mapping) else None
    items = value if isinstance(value, list) else [value]
    merged: dict[str, Any] = {}
    for item in items:
        if isinstance(item, Mapping):
            merged.update(item)
    return merged


# -- AI platforms' custom resources ------------------------------------------------------------------------
# KubeRay, KServe and Kubeflow objects hold one or more pod templates. Each entry is (label, path): a ``*`` step
# walks a list (its items are labelled by ``groupName`` or position); the label prefixes container names.
_RAY_CLUSTER_TEMPLATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("head", ("headGroupSpec", "template", "spec")),
    ("worker group", ("workerGroupSpecs", "*", "template", "spec")),
)
CRD_POD_SPEC_PATHS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "RayCluster": tuple((label, ("spec", *path)) for label, path in _RAY_CLUSTER_TEMPLATES),
    "RayJob": (
        *((label, ("spec", "rayClusterSpec", *path)) for label, path in _RAY_CLUSTER_TEMPLATES),
        ("submitter", ("spec", "submitterPodTemplate", "spec")),
    ),
    "RayService": tuple((label, ("spec", "rayClusterConfig", *path)) for label, path in _RAY_CLUSTER_TEMPLATES),
    "Notebook": (("notebook", ("spec", "template", "spec")),),
    # KServe components inline a pod spec (containers, initContainers, securityContext, ...).
    "InferenceService": (
        ("predictor", ("spec", "predictor")),
        ("predictor workers", ("spec", "predictor", "workerSpec")),
        ("transformer", ("spec", "transformer")),
        ("explainer", ("spec", "explainer")),
    ),
    # KServe's LLMInferenceService (llm-d): pod templates that KServe merges into its well-known configs, so
    # containers here may hold only what the user overrides (an env var, an argument).
    "LLMInferenceService": (
        ("decode", ("spec", "template")),
        ("decode workers", ("spec", "worker")),
        ("prefill", ("spec", "prefill", "template")),
        ("prefill workers", ("spec", "prefill", "worker")),
        ("scheduler", ("spec", "router", "scheduler", "template")),
    ),
}
# Templates that may hold no container of their own (what the base template or a config supplies).
_OPTIONAL_TEMPLATES = frozenset({"predictor workers", "decode workers", "prefill", "prefill workers", "scheduler"})
AI_PLATFORM_KINDS = tuple(CRD_POD_SPEC_PATHS)

# KServe's framework specs of a predictor (and the ART explainer): each is one container (``kserve-container``)
# that KServe merges with the container of the ServingRuntime it selects.
KSERVE_FRAMEWORK_KEYS = {
    "predictor": (
        "model",
        "sklearn",
        "xgboost",
        "tensorflow",
        "pytorch",
        "triton",
        "onnx",
        "huggingface",
        "pmml",
        "lightgbm",
        "paddle",
    ),
    "explainer": ("art",),
}
SERVING_RUNTIME = "its ServingRuntime's container"


def _walk(node: Any, path: tuple[str, ...], label: str) -> list[tuple[str, Mapping[str, Any]]]:
    if not path:
        return [(label, node)] if isinstance(node, Mapping) else []
    key, rest = path[0], path[1:]
    if key != "*":
        return _walk(node.get(key) if isinstance(node, Mapping) else None, rest, label)
    found = []
    for position, item in enumerate(node if isinstance(node, list) else []):
        name = item.get("groupName") if isinstance(item, Mapping) else None
        found.extend(_walk(item, rest, f"{label} {name if isinstance(name, str) else position}"))
    return found


def _crd_pod_specs(resource: Resource) -> list[PodSpec]:
    specs = []
    for label, path in CRD_POD_SPEC_PATHS[resource.type]:
        for where, node in _walk(resource.attrs, path, label):
            containers = [
                Container(f"{where}/{c.name}", c.security_context, c.runs) for c in _manifest_containers(node)
            ]
            for key in KSERVE_FRAMEWORK_KEYS.get(where, ()) if resource.type == "InferenceService" else ():
                item = node.get(key)
                if isinstance(item, Mapping):
                    runs = {run_key: item[run_key] for run_key in _RUN_KEYS if run_key in item}
                    context = _mapping(item.get("securityContext"))
                    containers.append(Container(f"{where}/{key}", context, runs, defaults_from=SERVING_RUNTIME))
            if containers or where not in _OPTIONAL_TEMPLATES:
                specs.append(PodSpec(_mapping(node.get("securityContext")), containers))
    return specs


def pod_specs(resource: Resource) -> list[PodSpec] | None:
    """Every pod spec of a workload: one for built-in workloads and Terraform resources, one per template for
    the AI platforms' custom resources (KubeRay head and worker groups, KServe components, Kubeflow notebooks);
    ``None`` when none can be found."""
    if resource.type in CRD_POD_SPEC_PATHS:
        return _crd_pod_specs(resource) or None
    spec = pod_spec(resource)
    return None if spec is None else [spec]


# The settings a ServingRuntime's container may supply, at their compliant values: a container that fails only
# for want of them gets no verdict, since the runtime may set them.
_RUNTIME_MAY_SET = {"runAsNonRoot": True, "allowPrivilegeEscalation": False, "privileged": False}


def _judge_one(
    container: Container, pod_context: dict[str, Any], judge: Callable[[Container, dict[str, Any]], Result]
) -> Result:
    result = judge(container, pod_context)
    if result.verdict is not Verdict.FAIL or not container.defaults_from:
        return result
    completed = replace(container, security_context={**_RUNTIME_MAY_SET, **container.security_context})
    if judge(completed, pod_context).verdict is Verdict.FAIL:
        return result
    return unknown(f"{result.reason}, unless {container.defaults_from} sets it")


def judge_containers(resource: Resource, judge: Callable[[Container, dict[str, Any]], Result]) -> Result:
    """Judge every container of a workload with ``judge(container, pod_security_context)``; any FAIL wins.

    A workload whose pod spec or containers cannot be found gets no verdict.
    """
    specs = pod_specs(resource)
    if specs is None:
        return unknown("no pod spec found")
    results = []
    for spec in specs:
        if not spec.containers:
            if spec.incomplete:
                return unknown("containers are written as dynamic blocks")
            return unknown("the pod spec lists no containers")
        results.extend(_judge_one(container, spec.security_context, judge) for container in spec.containers)
    return combine(results, passed("no containers"))


def security_context_attribute(resource_type: str, key: str) -> str | None:
    """The path of a container's ``securityContext`` setting ``key`` (manifest name) in a workload, for
    ``Result.attribute``: ``spec/template/spec/containers/securityContext/runAsNonRoot`` in a Deployment manifest,
    ``spec/container/security_context/run_as_non_root`` in ``kubernetes_pod_v1``; ``None`` for other objects."""
    if resource_type in MANIFEST_POD_SPEC_PATHS:
        return "/".join((*MANIFEST_POD_SPEC_PATHS[resource_type], "containers", "securityContext", key))
    if resource_type in TERRAFORM_POD_SPEC_PATHS:
        snake = next((name for name, manifest in _SECURITY_CONTEXT_KEYS.items() if manifest == key), key)
        return "/".join((*TERRAFORM_POD_SPEC_PATHS[resource_type], "container", "security_context", snake))
    return None


def container_attribute(resource_type: str, key: str) -> str | None:
    """The path of a container's ``key`` (``image``, ``env``, ``command``, ``args``: the same word in manifests and
    Terraform) in a workload, for ``Result.attribute``: ``spec/template/spec/containers/env`` in a Deployment
    manifest, ``spec/container/image`` in ``kubernetes_pod_v1``; ``None`` for other objects."""
    if resource_type in MANIFEST_POD_SPEC_PATHS:
        return "/".join((*MANIFEST_POD_SPEC_PATHS[resource_type], "containers", key))
    if resource_type in TERRAFORM_POD_SPEC_PATHS:
        return "/".join((*TERRAFORM_POD_SPEC_PATHS[resource_type], "container", key))
    return None


# -- Ray's runtime environments ------------------------------------------------------------------------------
# A RayService's serveConfigV2 and a RayJob's runtimeEnvYAML are YAML documents held in a string. The variables
# they set (runtime_env.env_vars, per Serve application and per deployment's ray_actor_options) reach the Ray
# worker processes that download, load and serve models, as a container's env does.
_MAX_EMBEDDED_YAML = 1_000_000
RAY_ENTRYPOINT = "spec/entrypoint"


@dataclass(frozen=True)
class RayEnvironment:
    where: str  # for reasons: "serveConfigV2 application llm runtime_env"
    attribute: str  # the object's key that holds it: spec/serveConfigV2 or spec/runtimeEnvYAML
    variables: list[tuple[Any, Any]]


def _embedded_yaml(value: Any, where: str) -> tuple[Any, Result | None]:
    if value is None:
        return None, None
    if not isinstance(value, str) or len(value) > _MAX_EMBEDDED_YAML:
        return None, unknown(f"{where} is not a YAML document")
    import yaml

    try:
        return yaml.load(value, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), None
    except (yaml.YAMLError, RecursionError, ValueError):
        return None, unknown(f"{where} is not YAML this rule can read")


def _env_vars(runtime_env: Any, where: str, attribute: str) -> list[RayEnvironment]:
    env_vars = runtime_env.get("env_vars") if isinstance(runtime_env, Mapping) else None
    return [RayEnvironment(where, attribute, list(env_vars.items()))] if isinstance(env_vars, Mapping) else []


def ray_environments(resource: Resource) -> tuple[list[RayEnvironment], list[Result]]:
    """The runtime environments a RayService (``serveConfigV2``) or RayJob (``runtimeEnvYAML``) sets in its
    YAML strings, and an UNKNOWN for each string that cannot be read; nothing for other objects."""
    spec = _mapping(resource.attrs.get("spec"))
    environments: list[RayEnvironment] = []
    if resource.type == "RayService":
        config, problem = _embedded_yaml(spec.get("serveConfigV2"), "serveConfigV2")
        if problem:
            return [], [problem]
        applications = _mapping(config).get("applications")
        for position, application in enumerate(applications if isinstance(applications, list) else []):
            application = _mapping(application)
            name = application.get("name")
            where = f"serveConfigV2 application {name if isinstance(name, str) else position}"
            environments += _env_vars(application.get("runtime_env"), f"{where} runtime_env", "spec/serveConfigV2")
            deployments = application.get("deployments")
            for deployment in deployments if isinstance(deployments, list) else []:
                deployment = _mapping(deployment)
                options = _mapping(deployment.get("ray_actor_options"))
                label = f"{where} deployment {deployment.get('name')} runtime_env"
                environments += _env_vars(options.get("runtime_env"), label, "spec/serveConfigV2")
    elif resource.type == "RayJob":
        runtime_env, problem = _embedded_yaml(spec.get("runtimeEnvYAML"), "runtimeEnvYAML")
        if problem:
            return [], [problem]
        environments += _env_vars(runtime_env, "runtimeEnvYAML", "spec/runtimeEnvYAML")
    return environments, []


def ray_entrypoint(resource: Resource) -> list[Any]:
    """The words of the command a RayJob's driver runs (``spec.entrypoint``); none for other objects."""
    return command_words(_mapping(resource.attrs.get("spec")).get("entrypoint") if resource.type == "RayJob" else None)


def judge_ray_settings(
    resource: Resource,
    judge_variables: Callable[[list[tuple[Any, Any]], str], list[Result]],
    judge_command: Callable[[list[Any], str], list[Result]],
) -> list[Result]:
    """A container rule's judgments of what a RayService or RayJob sets outside its pod templates: each runtime
    environment (``judge_variables(variables, where)``) and a RayJob's entrypoint (``judge_command(words,
    where)``), each result naming the object's key; an UNKNOWN for an embedded YAML string that cannot be read."""
    environments, results = ray_environments(resource)
    for environment in environments:
        found = judge_variables(environment.variables, environment.where)
        results += [pointing_at(result, environment.attribute) for result in found]
    found = judge_command(ray_entrypoint(resource), "the job's entrypoint")
    return results + [pointing_at(result, RAY_ENTRYPOINT) for result in found]
