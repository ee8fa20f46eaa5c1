"""What the ECS rules share: reading ``container_definitions`` and folding per-container verdicts.

``container_definitions`` arrives in several shapes: decoded by Checkov from ``jsonencode(...)`` or heredoc
JSON (a list, or a single dict when Checkov unwraps a one-container list from plan JSON), a JSON string (plan
JSON attributes Checkov leaves alone, Pulumi), or an expression Checkov could not evaluate (``file(...)``,
``templatefile(...)``, ``var.x``, a reference). ``container_definitions`` turns all of these into a list of
containers, or into the verdict to give when there is no list to judge.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from policies.container_env import pointing_at
from policies.model import (
    NotJson,
    Resource,
    Result,
    as_json,
    fold,
    is_reference,
    is_unresolved,
    is_unset,
    unknown,
)

# Terraform left unevaluated by Checkov: a function call such as file(...) or templatefile(...).
_FUNCTION_CALL = re.compile(r"^(\$\{)?\s*[a-z][a-z0-9_]*\(")


def container_definitions(raw: Any) -> list[Any] | Result:
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


def container_label(number: int, container: dict[str, Any]) -> str:
    """How reasons name a container: its quoted name, or its position when it has none."""
    name = container.get("name")
    return repr(name) if isinstance(name, str) and name else f"#{number}"


def judge_each_container(
    resource: Resource, judge: Callable[[int, Any], Result], attribute: str | None = None
) -> Result:
    """A task definition's verdict from ``judge(number, container)`` of each container definition, folded.

    ``attribute`` (``container_definitions``) is given to a verdict that names none: what a container sets is
    inside that one JSON attribute.
    """
    containers = container_definitions(resource.get("container_definitions"))
    if isinstance(containers, Result):
        return pointing_at(containers, attribute)
    results = [judge(number, container) for number, container in enumerate(containers, start=1)]
    return pointing_at(fold(results, unknown("container_definitions holds no containers")), attribute)
