"""CKV_AISEC_131: ECS containers do not run Python code shipped with the model they serve."""

from __future__ import annotations

from typing import Any

from policies.container_env import command_words, list_pairs
from policies.ecs import container_label, judge_each_container
from policies.model import Resource, Result, fold, passed, unknown
from policies.supply_chain import remote_code_in_command, remote_code_in_environment


def _judge_container(number: int, container: Any) -> Result:
    if not isinstance(container, dict):
        return unknown(f"container #{number} is not an object and cannot be read")
    label = f"container {container_label(number, container)}"
    results: list[Result] = []
    pairs = list_pairs(container.get("environment"), label)
    if isinstance(pairs, Result):
        results.append(pairs)
    else:
        results.extend(remote_code_in_environment(pairs, label))
    words = command_words(container.get("entryPoint")) + command_words(container.get("command"))
    in_command = remote_code_in_command(words, f"{label} (entryPoint and command)")
    if in_command is not None:
        results.append(in_command)
    return fold(results, passed(f"{label} does not turn on trust_remote_code"))


def evaluate(resource: Resource) -> Result:
    return judge_each_container(resource, _judge_container, attribute="container_definitions")
