"""CKV_AISEC_132: Kubernetes workloads do not run Python code shipped with the models they serve."""

from __future__ import annotations

from typing import Any

from policies.container_env import command_words, list_pairs, pointing_at
from policies.kubernetes import Container, container_attribute, judge_containers, judge_ray_settings
from policies.model import Resource, Result, fold, passed
from policies.supply_chain import remote_code_in_command, remote_code_in_environment


def _words_key(result: Result, parts: dict[str, list[Any]], where: str) -> str | None:
    """``command`` or ``args``: the one that gives ``result`` on its own; ``None`` when neither does alone."""
    for key, words in parts.items():
        if remote_code_in_command(words, where) == result:
            return key
    return None


def _judge_container(container: Container, resource_type: str) -> Result:
    label = f"container {container.name}"
    results: list[Result] = []
    env = container_attribute(resource_type, "env")
    pairs = list_pairs(container.runs.get("env"), label, reference_key="valueFrom")
    if isinstance(pairs, Result):
        results.append(pointing_at(pairs, env))
    else:
        results.extend(pointing_at(result, env) for result in remote_code_in_environment(pairs, label))
    parts = {key: command_words(container.runs.get(key)) for key in ("args", "command")}
    where = f"{label} (command and args)"
    in_command = remote_code_in_command(parts["command"] + parts["args"], where)
    if in_command is not None:
        key = _words_key(in_command, parts, where)
        results.append(pointing_at(in_command, container_attribute(resource_type, key) if key else None))
    return fold(results, passed(f"{label} does not turn on trust_remote_code"))


def _remote_code_in_command(words: list[Any], where: str) -> list[Result]:
    found = remote_code_in_command(words, where)
    return [found] if found is not None else []


def evaluate(resource: Resource) -> Result:
    def judge(container: Container, _pod_context: dict[str, Any]) -> Result:
        return _judge_container(container, resource.type)

    containers = judge_containers(resource, judge)
    ray_settings = judge_ray_settings(resource, remote_code_in_environment, _remote_code_in_command)
    return fold([containers, *ray_settings], containers)
