"""The environment, command and image of AI containers and functions, read in one shape for every engine.

Environments become lists of ``(name, value)`` pairs, or the ``Result`` to give when they cannot be read:
SageMaker model containers and Lambda functions hold a map, ECS container definitions a list of
``{name, value}`` (``secrets`` are references and are not read), Kubernetes containers a list of
``{name, value}`` or ``{name, valueFrom}`` (a ``valueFrom`` value is set at run time: a reference).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from policies.model import (
    KNOWN_AFTER_APPLY,
    Resource,
    Result,
    blocks_of,
    is_reference,
    is_unresolved,
    is_unset,
    unknown,
)

Pairs = list[tuple[Any, Any]]

# Checkov reads a map of a plan JSON file as a block: each value wrapped in a list, and its position recorded
# under __startline__, __endline__, start_line and end_line.
_POSITION_KEYS = ("start_line", "end_line")


def _is_position(mapping: Mapping[Any, Any], key: Any) -> bool:
    if not isinstance(key, str):
        return False
    return (key.startswith("__") and key.endswith("__")) or (key in _POSITION_KEYS and "__startline__" in mapping)


def _unwrapped(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def map_pairs(value: Any, where: str) -> Pairs | Result:
    """A map attribute (``environment``, ``variables``): its pairs; an empty list when unset."""
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], Mapping):
        value = value[0]
    if is_unset(value):
        return []
    if isinstance(value, Mapping):
        return [(name, _unwrapped(item)) for name, item in value.items() if not _is_position(value, name)]
    if is_unresolved(value) or is_reference(value):
        return unknown(f"{where}: the environment is not known at plan time ({value})")
    return unknown(f"{where}: the environment is not a map ({type(value).__name__})")


def list_pairs(value: Any, where: str, reference_key: str | None = None) -> Pairs | Result:
    """A list of ``{name, value}`` objects; an item with ``reference_key`` (``valueFrom``) is a reference."""
    if is_unset(value):
        return []
    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, list):
        if is_unresolved(value) or is_reference(value):
            return unknown(f"{where}: the environment is not known at plan time ({value})")
        return unknown(f"{where}: the environment is not a list ({type(value).__name__})")
    pairs: Pairs = []
    for item in value:
        if not isinstance(item, Mapping):
            if is_unresolved(item):
                return unknown(f"{where}: part of the environment is not known at plan time ({item})")
            continue
        if reference_key and not is_unset(item.get(reference_key)):
            pairs.append((item.get("name"), KNOWN_AFTER_APPLY))
        else:
            pairs.append((item.get("name"), item.get("value")))
    return pairs


def command_words(value: Any) -> list[Any]:
    """A command or argument list as words: a string is one word, a list its items."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def pointing_at(result: Result, attribute: str | None) -> Result:
    """``result`` naming ``attribute`` as the attribute it judged, unless it already names one."""
    if result.attribute is not None or attribute is None:
        return result
    return Result(result.verdict, result.reason, attribute)


def sagemaker_model_container_blocks(resource: Resource) -> list[tuple[str, str, dict[str, Any]]]:
    """``aws_sagemaker_model``'s containers as ``(label, block name, block)``: ``primary_container`` and every
    ``container`` block; the block name starts the path of the container's attributes (``container/image``)."""
    found: list[tuple[str, str, dict[str, Any]]] = []
    for block in blocks_of(resource.attrs, "primary_container"):
        found.append(("primary_container", "primary_container", block))
    containers = blocks_of(resource.attrs, "container")
    for number, block in enumerate(containers, start=1):
        hostname = block.get("container_hostname")
        label = f"container {hostname!r}" if isinstance(hostname, str) and hostname else f"container #{number}"
        found.append((label, "container", block))
    return found


def sagemaker_model_containers(resource: Resource) -> list[tuple[str, dict[str, Any]]]:
    """``aws_sagemaker_model``'s containers: ``primary_container`` and every ``container`` block, with labels."""
    return [(label, block) for label, _, block in sagemaker_model_container_blocks(resource)]
