"""CKV_AISEC_106: an ECS task definition shares neither the host's network nor its process namespace."""

from __future__ import annotations

from typing import Any

from policies.model import Resource, Result, failed, fold, is_reference, is_unresolved, passed, unknown

# The modes ECS knows for each setting, besides "host"; unset means the task's own namespace
# (network: bridge on EC2, awsvpc on Fargate; pid: one per container).
OTHER_MODES = {
    "network_mode": ("awsvpc", "bridge", "none"),
    "pid_mode": ("task",),
}
NAMESPACE = {"network_mode": "network", "pid_mode": "process"}


def _judge(attribute: str, value: Any) -> Result:
    if value is None or value == "":
        return passed(f"{attribute} is not set: the task has its own {NAMESPACE[attribute]} namespace", attribute)
    if is_unresolved(value) or is_reference(value):
        return unknown(f"{attribute} is not known at plan time ({value})", attribute)
    if not isinstance(value, str):
        return unknown(f"{attribute} is {value!r}, not a mode", attribute)
    mode = value.strip().lower()
    if mode == "host":
        return failed(f'{attribute} is "host": the task shares the host\'s {NAMESPACE[attribute]} namespace', attribute)
    if mode in OTHER_MODES[attribute]:
        return passed(f'{attribute} is "{mode}"', attribute)
    return unknown(f"{attribute} is {value!r}, not a mode ECS knows", attribute)


def evaluate(resource: Resource) -> Result:
    results = [_judge(attribute, resource.get(attribute)) for attribute in OTHER_MODES]
    return fold(results, unknown("nothing to judge"))
