"""CKV_AISEC_157: Bedrock guardrails filter hate, insults, sexual content, violence and misconduct at MEDIUM
or higher.

Each of the five harmful-content filters must screen both prompts and responses (``input_strength`` and
``output_strength`` MEDIUM or HIGH), evaluate them (``input_enabled``/``output_enabled``, default true) and
block what it detects (``input_action``/``output_action``, default BLOCK; NONE only reports).
"""

from __future__ import annotations

from typing import Any

from policies.model import (
    Resource,
    Result,
    Verdict,
    as_bool,
    blocks_of,
    failed,
    fold,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

POLICY = "content_policy_config"
FILTERS = "filters_config"
FILTER = f"{POLICY}/{FILTERS}"
REQUIRED_TYPES = ("HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT")
STRONG_ENOUGH = ("MEDIUM", "HIGH")
WEAK = ("NONE", "LOW")
SIDES = ("input", "output")


def _text(value: object) -> str | None:
    return value.strip().upper() if isinstance(value, str) and not is_unresolved(value) else None


def _judge_strength(kind: str, side: str, value: object) -> Result:
    where = f"{FILTER}/{side}_strength"
    strength = _text(value)
    if strength in STRONG_ENOUGH:
        return passed(f"{kind} {side}_strength is {strength}", where)
    if strength in WEAK:
        return failed(f"the {kind} filter's {side}_strength is {strength}; MEDIUM or HIGH is required", where)
    if strength is None and not is_unset(value) and not is_unresolved(value):
        return unknown(f"the {kind} filter's {side}_strength is not a strength ({value!r})", where)
    return unknown(f"the {kind} filter's {side}_strength is not known at plan time ({value})", where)


def _judge_enabled(kind: str, side: str, value: object) -> Result | None:
    if is_unset(value):
        return None  # true
    where = f"{FILTER}/{side}_enabled"
    enabled = as_bool(value)
    if enabled is None:
        return unknown(f"the {kind} filter's {side}_enabled is not known at plan time ({value})", where)
    if enabled:
        return None
    return failed(f"the {kind} filter's {side}_enabled is false: {side}s are not screened for it", where)


def _judge_action(kind: str, side: str, value: object) -> Result | None:
    if is_unset(value):
        return None  # BLOCK
    where = f"{FILTER}/{side}_action"
    action = _text(value)
    if action == "BLOCK":
        return None
    if action == "NONE":
        return failed(f"the {kind} filter's {side}_action is NONE: detections are reported but not blocked", where)
    return unknown(f"the {kind} filter's {side}_action is not BLOCK or NONE ({value})", where)


def _judge_filter(kind: str, block: dict[str, Any]) -> Result:
    results = []
    for side in SIDES:
        results.append(_judge_strength(kind, side, block.get(f"{side}_strength")))
        results.extend(
            result
            for result in (
                _judge_enabled(kind, side, block.get(f"{side}_enabled")),
                _judge_action(kind, side, block.get(f"{side}_action")),
            )
            if result is not None
        )
    return fold(results, passed(f"{kind} is filtered", FILTER))


def evaluate(resource: Resource) -> Result:
    policies = resource.blocks(POLICY)
    if not policies:
        raw = resource.get(POLICY)
        if POLICY in resource.dynamic_blocks or is_unresolved(raw):
            return unknown(f"{POLICY} is not known at plan time", POLICY)
        if not is_unset(raw):
            return unknown(f"{POLICY} is not a block ({raw!r})", POLICY)
        return failed(f"no {POLICY}: the guardrail filters no harmful content", POLICY)
    filters = [block for policy in policies for block in blocks_of(policy, FILTERS)]
    types_unknown = (
        FILTERS in resource.dynamic_blocks
        or any(is_unresolved(policy.get(FILTERS)) for policy in policies)
        or any(_text(block.get("type")) is None for block in filters)
    )
    results = []
    missing = []
    for kind in REQUIRED_TYPES:
        # AWS accepts one filter per type; should several arrive, every one must be strong enough.
        matching = [block for block in filters if _text(block.get("type")) == kind]
        if matching:
            results.extend(_judge_filter(kind, block) for block in matching)
        else:
            missing.append(kind)
    if missing:
        names = ", ".join(missing)
        if types_unknown:
            results.append(unknown(f"no {names} filter among the types known at plan time", f"{FILTER}/type"))
        else:
            results.insert(0, failed(f"no {names} filter in {POLICY}: that content is not screened", POLICY))
    result = fold(results, passed("no filters", FILTER))
    if result.verdict is Verdict.PASS:
        return passed(f"{', '.join(REQUIRED_TYPES)} are filtered at MEDIUM or HIGH on input and output", FILTER)
    return result
