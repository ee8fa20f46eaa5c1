"""CKV_AISEC_10: every container of an ECS task definition runs as a non-root user and is not privileged."""

from __future__ import annotations

import re
from typing import Any

from policies.model import (
    NotJson,
    Resource,
    Result,
    Verdict,
    as_bool,
    as_int,
    as_json,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

ROOT_USER_NAMES = ("root",)

# Terraform left unevaluated by Checkov: a function call such as file(...) or templatefile(...).
_FUNCTION_CALL = re.compile(r"^(\$\{)?\s*[a-z][a-z0-9_]*\(")


def _is_root_name(name: str) -> bool:
    return name in ROOT_USER_NAMES or (name.isdigit() and int(name) == 0)


def _judge_user(container: str, user: Any) -> Result:
    if is_unset(user):
        return failed(f"container {container} sets no user, so it runs as root")
    if is_unresolved(user) or is_reference(user):
        return unknown(f"container {container}: user is not known at plan time ({user})")
    if isinstance(user, bool) or not isinstance(user, (str, int, float)):
        return unknown(f"container {container}: user {user!r} is not a string and cannot be read")
    if not isinstance(user, str):
        if as_int(user) == 0:
            return failed(f"container {container} runs as user 0 (root)")
        return unknown(f"container {container}: user is the number {user!r}; ECS expects a string")
    name = user.split(":", 1)[0].strip()
    if not name:
        return unknown(f"container {container}: user {user!r} names no user")
    if _is_root_name(name):
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
    name = container.get("name")
    label = repr(name) if isinstance(name, str) and name else f"#{number}"
    user = _judge_user(label, container.get("user"))
    privileged = _judge_privileged(label, container.get("privileged"))
    return _fold([result for result in (privileged, user) if result is not None], user)


def _fold(results: list[Result], when_empty: Result) -> Result:
    """Any FAIL wins, then UNKNOWN, then PASS; reasons of the winning verdict are joined."""
    for verdict in (Verdict.FAIL, Verdict.UNKNOWN, Verdict.PASS):
        reasons = [result.reason for result in results if result.verdict is verdict]
        if reasons:
            return Result(verdict, "; ".join(reasons))
    return when_empty


def _containers(raw: Any) -> list[Any] | Result:
    """The list of container definitions, or the verdict when it cannot be read."""
    if is_unset(raw):
        return unknown("container_definitions is empty or not set")
    if isinstance(raw, str):
        if is_unresolved(raw) or _FUNCTION_CALL.match(raw.strip()):
            return unknown(f"container_definitions is not known at plan time ({raw.strip()})")
        if is_reference(raw):
            return unknown(f"container_definitions comes from {raw} and is not known at plan time")
    try:
        decoded = as_json(raw)
    except NotJson:
        return unknown("container_definitions is not JSON and cannot be read")
    # A single container arrives as one object: Checkov unwraps one-item lists from plan JSON.
    if isinstance(decoded, dict):
        return [decoded]
    if isinstance(decoded, list):
        return decoded
    return unknown(f"container_definitions is not a list of containers ({type(decoded).__name__})")


def evaluate(resource: Resource) -> Result:
    containers = _containers(resource.get("container_definitions"))
    if isinstance(containers, Result):
        return containers
    results = [_judge_container(number, container) for number, container in enumerate(containers, start=1)]
    return _fold(results, unknown("container_definitions holds no containers"))
