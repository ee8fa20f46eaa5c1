"""CKV_AISEC_140: no literal credentials in ECS containers' environment, command or entryPoint."""

from __future__ import annotations

from typing import Any

from policies.container_env import command_words, list_pairs
from policies.ecs import container_definitions, container_label, judge_each_container
from policies.model import Resource, Result, fold, passed, unknown
from policies.secrets import judge_text, judge_variables, secret_values, value_shape


def _judge_container(number: int, container: Any) -> Result:
    if not isinstance(container, dict):
        return unknown(f"container #{number} is not an object and cannot be read")
    label = f"container {container_label(number, container)}"
    results: list[Result] = []
    pairs = list_pairs(container.get("environment"), label)
    results.extend([pairs] if isinstance(pairs, Result) else judge_variables(pairs, label))
    words = command_words(container.get("entryPoint")) + command_words(container.get("command"))
    results.extend(judge_text(words, f"{label}: the command"))
    return fold(results, passed(f'{label} holds no literal credential (secrets go in "secrets")'))


def evaluate(resource: Resource) -> Result:
    return judge_each_container(resource, _judge_container, attribute="container_definitions")


def literal_values(resource: Resource) -> list[str]:
    """The literal credentials this rule finds, for the engine to mask where it echoes the source."""
    containers = container_definitions(resource.get("container_definitions"))
    found: list[str] = []
    for container in containers if isinstance(containers, list) else []:
        if not isinstance(container, dict):
            continue
        pairs = list_pairs(container.get("environment"), "")
        found.extend(secret_values(pairs) if isinstance(pairs, list) else [])
        words = command_words(container.get("entryPoint")) + command_words(container.get("command"))
        found.extend(word for word in words if isinstance(word, str) and value_shape(word))
    return found
