"""CKV2_AISEC_20: an ECR repository's images are scanned automatically, on push or continuously.

ECR decides this at the registry level when the registry scanning configuration has rules: they override
the repository's own scan_on_push, and repositories that match no SCAN_ON_PUSH or CONTINUOUS_SCAN filter are
set to manual scanning (BASIC) or to no scanning (ENHANCED). Without rules, BASIC scanning leaves the choice
to the repository's scan_on_push, and ENHANCED scanning scans nothing.
"""

from __future__ import annotations

import re
from functools import cache

from policies.graph import Graph
from policies.model import (
    Resource,
    Result,
    as_bool,
    blocks_of,
    failed,
    first_block,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

REGISTRY = "aws_ecr_registry_scanning_configuration"
AUTOMATIC_FREQUENCIES = ("SCAN_ON_PUSH", "CONTINUOUS_SCAN")
SCAN_TYPES = ("BASIC", "ENHANCED")


def _is_known_text(value: object) -> bool:
    return isinstance(value, str) and bool(value) and not is_unresolved(value) and not is_reference(value)


@cache
def _filter_pattern(text: str) -> re.Pattern[str]:
    if "*" not in text:
        return re.compile(f".*{re.escape(text)}.*", re.DOTALL)
    return re.compile(".*".join(re.escape(part) for part in text.split("*")), re.DOTALL)


def filter_matches(repository_filter: str, name: str) -> bool:
    """ECR's WILDCARD filter: without "*" it matches names that contain it; "*" stands for any characters."""
    return bool(_filter_pattern(repository_filter).fullmatch(name))


def _repository_setting(resource: Resource) -> Result:
    """The repository's own scan_on_push (the default is false)."""
    block_name = "image_scanning_configuration"
    block = first_block(resource.attrs, block_name)
    if block is None:
        raw = resource.get(block_name)
        if block_name in resource.dynamic_blocks:
            return unknown(f"{block_name} is a dynamic block")
        if not is_unset(raw):
            return unknown(f"{block_name} is not known at plan time or not a block ({raw!r})")
        return failed(f"no {block_name}: images are scanned only when someone starts a scan")
    value = block.get("scan_on_push")
    if is_unset(value):
        return failed("scan_on_push is not set: the default false scans images only when someone starts a scan")
    if is_unresolved(value) or is_reference(value):
        return unknown(f"scan_on_push is not known at plan time ({value})")
    scans = as_bool(value)
    if scans is None:
        return unknown(f"scan_on_push is not a boolean ({value!r})")
    if scans:
        return passed("the repository scans every image on push")
    return failed("scan_on_push is false: images are scanned only when someone starts a scan")


def _automatic_filters(rules: list[dict]) -> tuple[list[str], list[str]]:
    """The filters of the rules that scan automatically, and the values that are not known at plan time."""
    known: list[str] = []
    undecided: list[str] = []
    for rule in rules:
        frequency = rule.get("scan_frequency")
        if not _is_known_text(frequency):
            undecided.append(f"scan_frequency {frequency!r}")
            continue
        if frequency.upper() not in AUTOMATIC_FREQUENCIES:
            continue
        filters = blocks_of(rule, "repository_filter")
        if not filters:  # ECR requires one; none here means a dynamic block or an unreadable value
            undecided.append(f"the repository_filter of a {frequency} rule")
        for repository_filter in filters:
            value = repository_filter.get("filter")
            if _is_known_text(value):
                known.append(value)
            else:
                undecided.append(f"filter {value!r}")
    return known, undecided


def _judge_registry(resource: Resource, registry: Resource) -> Result | None:
    """The registry configuration's verdict on this repository, or None when the repository's setting decides."""
    scan_type = registry.get("scan_type")
    if not _is_known_text(scan_type) or scan_type.upper() not in SCAN_TYPES:
        return unknown(f"{registry.address}: scan_type is not known at plan time or not a type ECR knows")
    scan_type = scan_type.upper()
    rules = registry.blocks("rule")
    if not rules:
        raw = registry.get("rule")
        if "rule" in registry.dynamic_blocks or not is_unset(raw):
            return unknown(f"{registry.address}: its rules are not known at plan time")
        if scan_type == "BASIC":
            return None
        return failed(f"{registry.address} turns on ENHANCED scanning without rules, which scans no repository")
    known, undecided = _automatic_filters(rules)
    name = resource.get("name")
    if _is_known_text(name):
        matching = [value for value in known if filter_matches(value, name)]
        if matching:
            return passed(f"{registry.address} scans {name} automatically (filter {matching[0]!r})")
        if undecided:
            return unknown(f"{registry.address}: {', '.join(undecided)} not known at plan time")
        outcome = "set to manual scanning" if scan_type == "BASIC" else "not scanned at all"
        return failed(
            f"{registry.address} decides scanning for the registry and no SCAN_ON_PUSH or CONTINUOUS_SCAN filter "
            f"matches {name}, so it is {outcome} whatever its own scan_on_push says"
        )
    if any(set(value) == {"*"} for value in known):
        return passed(f"{registry.address} scans every repository automatically")
    return unknown(f"the repository's name is not known at plan time ({name!r}) and {registry.address} filters by name")


def evaluate(resource: Resource, graph: Graph) -> Result:
    for registry in graph.of_type(REGISTRY):
        verdict = _judge_registry(resource, registry)
        if verdict is not None:
            return verdict
    return _repository_setting(resource)
