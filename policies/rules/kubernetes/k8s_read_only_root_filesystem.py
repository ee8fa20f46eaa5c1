"""CKV_AISEC_103: every container of a Kubernetes workload mounts its root filesystem read-only."""

from __future__ import annotations

from dataclasses import replace

from policies.kubernetes import Container, judge_containers, security_context_attribute
from policies.model import Resource, Result, as_bool, failed, is_unresolved, passed, unknown


def _judge_container(container: Container) -> Result:
    read_only = container.security_context.get("readOnlyRootFilesystem")
    if read_only is None:
        return failed(f"container {container.name} leaves readOnlyRootFilesystem unset, so its root is writable")
    if is_unresolved(read_only):
        return unknown(f"container {container.name}: readOnlyRootFilesystem is not known at plan time ({read_only})")
    flag = as_bool(read_only)
    if flag is True:
        return passed(f"container {container.name} has a read-only root filesystem")
    if flag is False:
        return failed(f"container {container.name} sets readOnlyRootFilesystem false")
    return unknown(f"container {container.name}: readOnlyRootFilesystem is {read_only!r}, not a boolean")


def evaluate(resource: Resource) -> Result:
    attribute = security_context_attribute(resource.type, "readOnlyRootFilesystem")
    return replace(
        judge_containers(resource, lambda container, _pod_context: _judge_container(container)), attribute=attribute
    )
