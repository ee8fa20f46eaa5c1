"""CKV2_AISEC_15: every API Gateway REST stage has stage-wide (``*/*``) method settings that throttle it.

Method settings belong to a stage when their ``stage_name`` refers to the stage resource, or when they name
it literally and point at the same REST API (a plan resolves ``stage_name`` to its literal value, while
``rest_api_id`` stays a reference until apply).
"""

from __future__ import annotations

import re

from policies.graph import Graph
from policies.model import (
    Resource,
    Result,
    Verdict,
    combine,
    failed,
    first_block,
    is_reference,
    is_unresolved,
    is_unset,
    unknown,
)
from policies.rules.apigateway.api_gateway_method_settings_throttling import judge_throttling

SETTINGS = "aws_api_gateway_method_settings"
STAGE_WIDE = "*/*"
_INDEX = re.compile(r"\[[^\]]*\]")

# A match is True (these settings belong to the stage), False (they do not) or None (not known at plan time).
Match = bool | None


def _base(address: str) -> str:
    return _INDEX.sub("", address)


def _is_literal(value: object) -> bool:
    return isinstance(value, str) and bool(value) and not is_reference(value) and not is_unresolved(value)


def _same_api(stage: Resource, settings: Resource, graph: Graph) -> Match:
    mine, theirs = stage.get("rest_api_id"), settings.get("rest_api_id")
    if is_reference(mine) and is_reference(theirs):
        targets = {_base(r.address) for r in graph.resolve(mine, stage)}
        others = {_base(r.address) for r in graph.resolve(theirs, settings)}
        return bool(targets & others) if targets and others else None
    if _is_literal(mine) and _is_literal(theirs):
        return mine == theirs
    if is_reference(mine) and _is_literal(theirs) and not str(mine).startswith("data."):
        return False  # an API created by this configuration has no ID anyone could have written down
    return None


def _belongs(stage: Resource, settings: Resource, graph: Graph) -> Match:
    name = settings.get("stage_name")
    if is_reference(name):
        targets = graph.resolve(name, settings)
        if any(_base(target.address) == _base(stage.address) for target in targets):
            return True
        return False if targets else None
    if _is_literal(name) and _is_literal(stage.get("stage_name")) and name != stage.get("stage_name"):
        return False
    same_api = _same_api(stage, settings, graph)
    if same_api is False:
        return False
    if _is_literal(name) and name == stage.get("stage_name") and same_api:
        return True
    return None


def _path(settings: Resource) -> str | None:
    path = settings.get("method_path")
    return path.strip().lstrip("/") if _is_literal(path) else None


def _judge_stage_wide(found: list[Resource]) -> Result:
    results = []
    for settings in found:
        result = judge_throttling(first_block(settings.attrs, "settings"), settings.address, "default -1: disabled")
        if result.verdict is not Verdict.PASS:
            result = Result(result.verdict, f"{settings.address}: {result.reason}")
        results.append(result)
    return combine(results, failed("no settings"))


def evaluate(resource: Resource, graph: Graph) -> Result:
    matched: list[Resource] = []
    undecided: list[Resource] = []
    for settings in graph.of_type(SETTINGS):
        belongs = _belongs(resource, settings, graph)
        if belongs:
            matched.append(settings)
        elif belongs is None:
            undecided.append(settings)
    stage_wide = [settings for settings in matched if _path(settings) == STAGE_WIDE]
    if stage_wide:
        return _judge_stage_wide(stage_wide)
    unknown_path = [settings for settings in matched if _path(settings) is None]
    if unknown_path or undecided:
        first = (unknown_path or undecided)[0]
        what = "method_path" if unknown_path else "stage or REST API"
        return unknown(f"{first.address} may cover this stage, but its {what} is not known at plan time")
    if matched:
        paths = ", ".join(sorted(str(_path(settings)) for settings in matched))
        return failed(f"only {paths} have method settings; no */* settings throttle the stage's other methods")
    if is_unset(resource.get("stage_name")):
        return failed(f"no {SETTINGS} with method_path */* for this stage")
    return failed(f"no {SETTINGS} with method_path */* for stage {resource.get('stage_name')}")
