"""CKV_AISEC_100: every container of a Kubernetes workload runs as a non-root user."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from policies.container_user import is_root_user
from policies.kubernetes import Container, judge_containers, security_context_attribute
from policies.model import Resource, Result, as_bool, as_int, failed, is_unresolved, passed, unknown


def _effective(container: Container, pod_context: dict[str, Any], key: str) -> Any:
    """A container's own setting wins over the pod's."""
    return container.security_context.get(key, pod_context.get(key))


def _judge_container(container: Container, pod_context: dict[str, Any]) -> Result:
    user = _effective(container, pod_context, "runAsUser")
    non_root = _effective(container, pod_context, "runAsNonRoot")
    if is_unresolved(user) or is_unresolved(non_root):
        return unknown(f"container {container.name}: the user is not known at plan time")
    root = is_root_user(user)
    if root is True:
        return failed(f"container {container.name} runs as UID 0 (root): runAsUser is {user!r}")
    if as_bool(non_root) is True:
        return passed(f"container {container.name} must run as non-root")
    uid = as_int(user)  # runAsUser is an integer UID: a name or a negative number runs nobody as non-root
    if root is False and uid is not None and uid > 0:
        return passed(f"container {container.name} runs as UID {uid}")
    return failed(
        f"container {container.name} sets neither runAsNonRoot nor a non-zero runAsUser: the image's USER decides"
    )


def evaluate(resource: Resource) -> Result:
    return judge_containers(resource, lambda container, pod_context: _located(resource, container, pod_context))


def _located(resource: Resource, container: Container, pod_context: dict[str, Any]) -> Result:
    """The result, pointing at runAsUser when it decides (UID 0 or a non-zero UID), else at runAsNonRoot."""
    result = _judge_container(container, pod_context)
    user = _effective(container, pod_context, "runAsUser")
    decided_by_user = is_root_user(user) is True or (
        as_bool(_effective(container, pod_context, "runAsNonRoot")) is not True and user is not None
    )
    key = "runAsUser" if decided_by_user else "runAsNonRoot"
    return replace(result, attribute=security_context_attribute(resource.type, key))
