"""CKV_AISEC_34 edge cases: the PROMPT_ATTACK filter and the settings that switch it off or weaken it."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.bedrock_guardrail_prompt_attack import evaluate


def prompt_filter(**settings: Any) -> dict[str, Any]:
    return {"type": "PROMPT_ATTACK", "input_strength": "HIGH", "output_strength": "NONE", **settings}


def guardrail(*filters: dict[str, Any], policy: Any = "blocks", dynamic: bool = False) -> Resource:
    attrs: dict[str, Any] = {"name": "g"}
    if policy == "blocks":
        attrs["content_policy_config"] = [{"filters_config": list(filters)}]
    elif policy is not None:
        attrs["content_policy_config"] = policy
    blocks = frozenset({"content_policy_config"}) if dynamic else frozenset()
    return Resource("aws_bedrock_guardrail", "aws_bedrock_guardrail.g", attrs, blocks)


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"input_strength": "high"},
        {"input_enabled": True},
        {"input_enabled": "true"},
        {"input_action": "BLOCK"},
        {"input_modalities": ["TEXT"]},
        {"input_modalities": ["IMAGE", "TEXT"]},
        {"input_enabled": None, "input_action": None, "input_modalities": None},
    ],
)
def test_a_blocking_high_filter_passes(settings: dict[str, Any]) -> None:
    assert evaluate(guardrail(prompt_filter(**settings))).verdict is Verdict.PASS


def test_a_single_block_instead_of_a_list_is_read_too() -> None:
    policy = {"filters_config": prompt_filter()}
    assert evaluate(guardrail(policy=policy)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    ("settings", "reason"),
    [
        ({"input_strength": "MEDIUM"}, "input_strength is MEDIUM"),
        ({"input_strength": "NONE"}, "input_strength is NONE"),
        ({"input_strength": None}, "not known"),
        ({"input_enabled": False}, "input_enabled is false"),
        ({"input_action": "NONE"}, "input_action is NONE"),
        ({"input_modalities": ["IMAGE"]}, "leaves text prompts unscreened"),
    ],
)
def test_weak_or_disabled_filters_fail(settings: dict[str, Any], reason: str) -> None:
    result = evaluate(guardrail(prompt_filter(**settings)))
    if reason == "not known":
        assert result.verdict is Verdict.UNKNOWN
        return
    assert result.verdict is Verdict.FAIL
    assert reason in result.reason


def test_a_known_failure_wins_over_an_unknown_setting() -> None:
    result = evaluate(guardrail(prompt_filter(input_strength="LOW", input_action="var.action")))
    assert result.verdict is Verdict.FAIL


def test_no_content_policy_fails() -> None:
    result = evaluate(guardrail(policy=None))
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith("no content_policy_config")


@pytest.mark.parametrize("policy", [[], [{}], [{"filters_config": []}]])
def test_a_policy_without_a_prompt_attack_filter_fails(policy: Any) -> None:
    assert evaluate(guardrail(policy=policy)).verdict is Verdict.FAIL


def test_other_content_filters_do_not_count() -> None:
    hate = {"type": "HATE", "input_strength": "HIGH", "output_strength": "HIGH"}
    result = evaluate(guardrail(hate))
    assert result.verdict is Verdict.FAIL
    assert "no PROMPT_ATTACK filter" in result.reason


@pytest.mark.parametrize(
    "settings",
    [
        {"input_strength": "var.strength"},
        {"input_strength": "${var.strength}"},
        {"input_enabled": "local.enabled"},
        {"input_action": "var.action"},
        {"input_modalities": "var.modalities"},
        {"input_modalities": ["var.modality"]},
        {"input_modalities": []},  # also how Checkov reads a list variable without a value
    ],
)
def test_settings_not_known_at_plan_time_are_unknown(settings: dict[str, Any]) -> None:
    assert evaluate(guardrail(prompt_filter(**settings))).verdict is Verdict.UNKNOWN


def test_a_filter_type_not_known_at_plan_time_is_unknown() -> None:
    assert evaluate(guardrail({"type": "var.filter_type", "input_strength": "HIGH"})).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("policy", ["var.content_policy", "${var.content_policy}"])
def test_an_unresolved_policy_is_unknown(policy: str) -> None:
    assert evaluate(guardrail(policy=policy)).verdict is Verdict.UNKNOWN


def test_a_dynamic_policy_block_is_unknown() -> None:
    assert evaluate(guardrail(policy=None, dynamic=True)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "odd",
    [
        {"input_strength": 3},
        {"input_action": ["BLOCK"]},
        {"input_enabled": "maybe"},
        {"input_modalities": 5},
    ],
)
def test_wrong_types_never_pass(odd: dict[str, Any]) -> None:
    assert evaluate(guardrail(prompt_filter(**odd))).verdict in (Verdict.FAIL, Verdict.UNKNOWN)
