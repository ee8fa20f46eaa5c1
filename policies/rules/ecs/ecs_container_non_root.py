"""CKV_AISEC_10: every container of an ECS task definition runs as a non-root user and is not privileged."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from policies.container_user import is_root_user
from policies.ecs import container_label, judge_each_container
from policies.model import (
    Resource,
    Result,
    as_bool,
    failed,
    fold,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)


def _judge_user(container: str, user: Any) -> Result:
    if is_unset(user):
        return failed(f"container {container} sets no user, so it runs as root")
    if is_unresolved(user) or is_reference(user):
        return unknown(f"container {container}: user is not known at plan time ({user})")
    if isinstance(user, bool) or not isinstance(user, (str, int, float)):
        return unknown(f"container {container}: user {user!r} is not a string and cannot be read")
    if not isinstance(user, str):
        if is_root_user(user) is True:
            return failed(f"container {container} runs as user 0 (root)")
        return unknown(f"container {container}: user is the number {user!r}; ECS expects a string")
    root = is_root_user(user)
    if root is None:
        return unknown(f"container {container}: user {user!r} names no user")
    if root:
        return failed(f"container {container} runs as root (user {user!r})")
    return passed(f"container {container} runs as {user!r}")


def _judge_privileged(container: str, privileged: Any) -> Result | None:
    """A FAIL or UNKNOWN for the container's ``privileged`` flag; ``None`` when it is off or unset."""
    if privileged is None:
        return None
    flag = as_bool(privileged)
    if flag is True:
        return failed(f"container {container} is privileged")
    if flag is None:
        return unknown(f"container {container}: privileged is {privileged!r}, not a boolean")
    return None


def _judge_container(number: int, container: Any) -> Result:
    if not isinstance(container, dict):
        return unknown(f"container #{number} is not an object and cannot be read ({container!r})")
    label = container_label(number, container)
    user = _judge_user(label, container.get("user"))
    privileged = _judge_privileged(label, container.get("privileged"))
    return fold([result for result in (privileged, user) if result is not None], user)


def evaluate(resource: Resource) -> Result:
    return replace(judge_each_container(resource, _judge_container), attribute="container_definitions")
