"""CKV_AISEC_105: every container of an ECS task definition mounts its root filesystem read-only."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from policies.ecs import container_label, judge_each_container
from policies.model import Resource, Result, as_bool, failed, is_reference, is_unresolved, passed, unknown


def _judge_container(number: int, container: Any) -> Result:
    if not isinstance(container, dict):
        return unknown(f"container #{number} is not an object and cannot be read ({container!r})")
    label = container_label(number, container)
    read_only = container.get("readonlyRootFilesystem")
    if read_only is None:
        return failed(f"container {label} leaves readonlyRootFilesystem unset, so its root is writable")
    if is_unresolved(read_only) or is_reference(read_only):
        return unknown(f"container {label}: readonlyRootFilesystem is not known at plan time ({read_only})")
    flag = as_bool(read_only)
    if flag is True:
        return passed(f"container {label} has a read-only root filesystem")
    if flag is False:
        return failed(f"container {label} sets readonlyRootFilesystem false")
    return unknown(f"container {label}: readonlyRootFilesystem is {read_only!r}, not a boolean")


def evaluate(resource: Resource) -> Result:
    return replace(judge_each_container(resource, _judge_container), attribute="container_definitions")
