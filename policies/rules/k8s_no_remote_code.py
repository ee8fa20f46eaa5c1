"""CKV_AISEC_132: Kubernetes workloads do not run Python code shipped with the models they serve."""

from __future__ import annotations

from typing import Any

from policies.container_env import command_words, list_pairs
from policies.kubernetes import Container, judge_containers
from policies.model import Resource, Result, fold, passed
from policies.supply_chain import remote_code_in_command, remote_code_in_environment


def _judge_container(container: Container, _pod_context: dict[str, Any]) -> Result:
    label = f"container {container.name}"
    results: list[Result] = []
    pairs = list_pairs(container.runs.get("env"), label, reference_key="valueFrom")
    if isinstance(pairs, Result):
        results.append(pairs)
    else:
        results.extend(remote_code_in_environment(pairs, label))
    words = command_words(container.runs.get("command")) + command_words(container.runs.get("args"))
    in_command = remote_code_in_command(words, f"{label} (command and args)")
    if in_command is not None:
        results.append(in_command)
    return fold(results, passed(f"{label} does not turn on trust_remote_code"))


def evaluate(resource: Resource) -> Result:
    return judge_containers(resource, _judge_container)
