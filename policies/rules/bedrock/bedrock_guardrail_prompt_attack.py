"""CKV_AISEC_34: Bedrock guardrails block prompt attacks on input at HIGH strength.

A PROMPT_ATTACK content filter screens user input for jailbreaks and prompt injection (AWS evaluates it on
input only; its output_strength must be NONE). It protects only while input evaluation is on
(``input_enabled``, default true), its action blocks (``input_action``, default BLOCK; NONE only reports) and
text is among the screened modalities (``input_modalities``, default text).
"""

from __future__ import annotations

from policies.model import (
    Resource,
    Result,
    as_bool,
    as_list,
    blocks_of,
    combine,
    failed,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

POLICY = "content_policy_config"
FILTERS = "filters_config"
PROMPT_ATTACK = "PROMPT_ATTACK"
FILTER = f"{POLICY}/{FILTERS}"
REQUIRED_STRENGTH = "HIGH"


def _text(value: object) -> str | None:
    return value.strip().upper() if isinstance(value, str) and not is_unresolved(value) else None


def _judge_enabled(value: object) -> Result | None:
    if is_unset(value):
        return None
    enabled = as_bool(value)
    if enabled is None:
        return unknown(f"input_enabled is not known at plan time ({value})", f"{FILTER}/input_enabled")
    if enabled:
        return None
    return failed("input_enabled is false: prompts are not screened for attacks", f"{FILTER}/input_enabled")


def _judge_strength(value: object) -> Result | None:
    strength = _text(value)
    where = f"{FILTER}/input_strength"
    if strength is None:
        return unknown(f"input_strength is not known at plan time ({value})", where)
    if strength != REQUIRED_STRENGTH:
        return failed(
            f"the PROMPT_ATTACK filter's input_strength is {strength}; {REQUIRED_STRENGTH} is required", where
        )
    return None


def _judge_action(value: object) -> Result | None:
    if is_unset(value):
        return None  # BLOCK
    action = _text(value)
    where = f"{FILTER}/input_action"
    if action is None:
        return unknown(f"input_action is not known at plan time ({value})", where)
    if action == "NONE":
        return failed("input_action is NONE: prompt attacks are reported in the trace but not blocked", where)
    return None if action == "BLOCK" else unknown(f"input_action {value!r} is not BLOCK or NONE", where)


def _judge_modalities(value: object) -> Result | None:
    where = f"{FILTER}/input_modalities"
    if value == []:
        # The provider rejects an empty list; Checkov also reads a list-typed variable without a value as [].
        return unknown("input_modalities is an empty list (or a list variable without a value)", where)
    if is_unset(value):
        return None  # text
    if is_unresolved(value):
        return unknown(f"input_modalities is not known at plan time ({value})", where)
    modalities = [_text(item) for item in as_list(value)]
    if "TEXT" in modalities:
        return None
    if None in modalities:
        return unknown(f"input_modalities is not known at plan time ({value})", where)
    return failed(f"input_modalities {value} leaves text prompts unscreened", where)


def _judge_filter(block: dict) -> Result:
    checks = [
        _judge_enabled(block.get("input_enabled")),
        _judge_strength(block.get("input_strength")),
        _judge_action(block.get("input_action")),
        _judge_modalities(block.get("input_modalities")),
    ]
    found = [result for result in checks if result is not None]
    return combine(found, passed(f"prompt attacks are blocked at {REQUIRED_STRENGTH} strength", FILTER))


def evaluate(resource: Resource) -> Result:
    policies = resource.blocks(POLICY)
    if not policies:
        raw = resource.get(POLICY)
        if POLICY in resource.dynamic_blocks or is_unresolved(raw):
            return unknown(f"{POLICY} is not known at plan time", POLICY)
        if not is_unset(raw):
            return unknown(f"{POLICY} is not a block ({raw!r})", POLICY)
        return failed(f"no {POLICY}: the guardrail has no PROMPT_ATTACK filter", POLICY)
    filters = [block for policy in policies for block in blocks_of(policy, FILTERS)]
    prompt_filters = [block for block in filters if _text(block.get("type")) == PROMPT_ATTACK]
    if not prompt_filters:
        if any(_text(block.get("type")) is None for block in filters):
            return unknown("the type of a content filter is not known at plan time", f"{FILTER}/type")
        return failed(f"no PROMPT_ATTACK filter in {POLICY}: jailbreaks and prompt injection are not screened", POLICY)
    return combine([_judge_filter(block) for block in prompt_filters], passed("no filter"))
