"""CKV_AISEC_143: no literal credentials in Kubernetes containers' env, command or args."""

from __future__ import annotations

from typing import Any

from policies.container_env import command_words, list_pairs
from policies.kubernetes import Container, judge_containers, pod_spec
from policies.model import Resource, Result, fold, passed
from policies.secrets import judge_text, judge_variables, secret_values, value_shape


def _words(container: Container) -> list[Any]:
    return command_words(container.runs.get("command")) + command_words(container.runs.get("args"))


def _judge_container(container: Container, _pod_context: dict[str, Any]) -> Result:
    label = f"container {container.name}"
    results: list[Result] = []
    pairs = list_pairs(container.runs.get("env"), label, reference_key="valueFrom")
    results.extend([pairs] if isinstance(pairs, Result) else judge_variables(pairs, label))
    results.extend(judge_text(_words(container), f"{label}: the command"))
    return fold(results, passed(f"{label} holds no literal credential"))


def evaluate(resource: Resource) -> Result:
    return judge_containers(resource, _judge_container)


def literal_values(resource: Resource) -> list[str]:
    """The literal credentials this rule finds, for the engine to mask where it echoes the source."""
    spec = pod_spec(resource)
    found: list[str] = []
    for container in spec.containers if spec else []:
        pairs = list_pairs(container.runs.get("env"), "", reference_key="valueFrom")
        found.extend(secret_values(pairs) if isinstance(pairs, list) else [])
        found.extend(word for word in _words(container) if isinstance(word, str) and value_shape(word))
    return found
