"""CKV_AISEC_102: no container of a Kubernetes workload runs privileged."""

from __future__ import annotations

from dataclasses import replace

from policies.kubernetes import Container, judge_containers, security_context_attribute
from policies.model import Resource, Result, as_bool, failed, is_unresolved, passed, unknown


def _judge_container(container: Container) -> Result:
    privileged = container.security_context.get("privileged")
    if privileged is None:
        return passed(f"container {container.name} is not privileged")
    if is_unresolved(privileged):
        return unknown(f"container {container.name}: privileged is not known at plan time ({privileged})")
    flag = as_bool(privileged)
    if flag is True:
        return failed(f"container {container.name} is privileged: it has every capability and the host's devices")
    if flag is False:
        return passed(f"container {container.name} sets privileged false")
    return unknown(f"container {container.name}: privileged is {privileged!r}, not a boolean")


def evaluate(resource: Resource) -> Result:
    attribute = security_context_attribute(resource.type, "privileged")
    return replace(
        judge_containers(resource, lambda container, _pod_context: _judge_container(container)), attribute=attribute
    )
