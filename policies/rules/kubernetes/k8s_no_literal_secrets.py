"""CKV_AISEC_143: no literal credentials in Kubernetes containers' env, command or args."""

from __future__ import annotations

from typing import Any

from policies.container_env import command_words, list_pairs, pointing_at
from policies.kubernetes import (
    Container,
    container_attribute,
    judge_containers,
    judge_ray_settings,
    pod_specs,
    ray_entrypoint,
    ray_environments,
)
from policies.model import Resource, Result, fold, passed
from policies.secrets import judge_text, judge_variables, secret_values, value_shape


def _words(container: Container) -> list[Any]:
    return command_words(container.runs.get("command")) + command_words(container.runs.get("args"))


def _judge_container(container: Container, resource_type: str) -> Result:
    label = f"container {container.name}"
    results: list[Result] = []
    env = container_attribute(resource_type, "env")
    pairs = list_pairs(container.runs.get("env"), label, reference_key="valueFrom")
    found = [pairs] if isinstance(pairs, Result) else judge_variables(pairs, label)
    results.extend(pointing_at(result, env) for result in found)
    # Word by word, command then args: the same findings as judging _words(container), each with its key.
    for key in ("command", "args"):
        found = judge_text(command_words(container.runs.get(key)), f"{label}: the command")
        results.extend(pointing_at(result, container_attribute(resource_type, key)) for result in found)
    return fold(results, passed(f"{label} holds no literal credential"))


def evaluate(resource: Resource) -> Result:
    def judge(container: Container, _pod_context: dict[str, Any]) -> Result:
        return _judge_container(container, resource.type)

    containers = judge_containers(resource, judge)
    return fold([containers, *judge_ray_settings(resource, judge_variables, judge_text)], containers)


def literal_values(resource: Resource) -> list[str]:
    """The literal credentials this rule finds, for the engine to mask where it echoes the source."""
    found: list[str] = []
    for container in (container for spec in pod_specs(resource) or [] for container in spec.containers):
        pairs = list_pairs(container.runs.get("env"), "", reference_key="valueFrom")
        found.extend(secret_values(pairs) if isinstance(pairs, list) else [])
        found.extend(word for word in _words(container) if isinstance(word, str) and value_shape(word))
    for environment in ray_environments(resource)[0]:
        found.extend(secret_values(environment.variables))
    found.extend(word for word in ray_entrypoint(resource) if isinstance(word, str) and value_shape(word))
    return found
