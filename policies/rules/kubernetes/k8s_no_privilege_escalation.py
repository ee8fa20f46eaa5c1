"""CKV_AISEC_101: no container of a Kubernetes workload may gain more privileges than its process started with."""

from __future__ import annotations

from dataclasses import replace

from policies.kubernetes import Container, judge_containers, security_context_attribute
from policies.model import Resource, Result, as_bool, failed, is_unresolved, passed, unknown


def _judge_container(container: Container) -> Result:
    context = container.security_context
    escalation = context.get("allowPrivilegeEscalation")
    privileged = context.get("privileged")
    if is_unresolved(escalation) or is_unresolved(privileged):
        return unknown(f"container {container.name}: allowPrivilegeEscalation or privileged is not known at plan time")
    if as_bool(privileged) is True:
        return failed(f"container {container.name} is privileged, which always allows privilege escalation")
    if privileged is not None and as_bool(privileged) is None:
        return unknown(f"container {container.name}: privileged is {privileged!r}, not a boolean")
    flag = as_bool(escalation)
    if flag is False:
        return passed(f"container {container.name} sets allowPrivilegeEscalation false")
    if flag is True:
        return failed(f"container {container.name} sets allowPrivilegeEscalation true")
    if escalation is None:
        return failed(f"container {container.name} leaves allowPrivilegeEscalation unset, true by default")
    return unknown(f"container {container.name}: allowPrivilegeEscalation is {escalation!r}, not a boolean")


def evaluate(resource: Resource) -> Result:
    return judge_containers(resource, lambda container, _pod_context: _located(resource.type, container))


def _located(resource_type: str, container: Container) -> Result:
    """The result, pointing at privileged when it decides, else at allowPrivilegeEscalation."""
    privileged = container.security_context.get("privileged")
    key = "privileged" if privileged is not None and as_bool(privileged) is not False else "allowPrivilegeEscalation"
    return replace(_judge_container(container), attribute=security_context_attribute(resource_type, key))
