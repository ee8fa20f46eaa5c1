"""CKV_AISEC_157 edge cases: the five harmful-content filters, their strengths, and settings that switch them off."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.bedrock_guardrail_content_filters import REQUIRED_TYPES, evaluate

PROMPT_ATTACK = {"type": "PROMPT_ATTACK", "input_strength": "HIGH", "output_strength": "NONE"}


def content_filter(kind: str, **settings: Any) -> dict[str, Any]:
    return {"type": kind, "input_strength": "HIGH", "output_strength": "HIGH", **settings}


def all_filters(**overrides: dict[str, Any]) -> list[dict[str, Any]]:
    return [content_filter(kind, **overrides.get(kind, {})) for kind in REQUIRED_TYPES] + [PROMPT_ATTACK]


def guardrail(filters: Any, policy: Any = "blocks", dynamic: frozenset[str] = frozenset()) -> Resource:
    attrs: dict[str, Any] = {"name": "g"}
    if policy == "blocks":
        attrs["content_policy_config"] = [{"filters_config": filters}]
    elif policy is not None:
        attrs["content_policy_config"] = policy
    return Resource("aws_bedrock_guardrail", "aws_bedrock_guardrail.g", attrs, dynamic)


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"HATE": {"input_strength": "MEDIUM", "output_strength": "MEDIUM"}},
        {"SEXUAL": {"input_strength": "medium"}},
        {"VIOLENCE": {"input_enabled": True, "output_enabled": "true", "input_action": "BLOCK"}},
        {"INSULTS": {"input_action": None, "output_action": None, "input_enabled": None}},
    ],
)
def test_every_filter_at_medium_or_higher_passes(overrides: dict[str, Any]) -> None:
    result = evaluate(guardrail(all_filters(**overrides)))
    assert result.verdict is Verdict.PASS, result.reason


def test_a_single_block_instead_of_a_list_is_read_too() -> None:
    policy = {"filters_config": all_filters()}
    assert evaluate(guardrail(None, policy=policy)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    ("overrides", "reason", "attribute"),
    [
        ({"HATE": {"input_strength": "LOW"}}, "HATE filter's input_strength is LOW", "input_strength"),
        ({"INSULTS": {"output_strength": "NONE"}}, "INSULTS filter's output_strength is NONE", "output_strength"),
        ({"SEXUAL": {"input_enabled": False}}, "SEXUAL filter's input_enabled is false", "input_enabled"),
        ({"VIOLENCE": {"output_enabled": "false"}}, "VIOLENCE filter's output_enabled is false", "output_enabled"),
        ({"MISCONDUCT": {"input_action": "NONE"}}, "MISCONDUCT filter's input_action is NONE", "input_action"),
        ({"HATE": {"output_action": "none"}}, "HATE filter's output_action is NONE", "output_action"),
    ],
)
def test_weak_or_disabled_filters_fail(overrides: dict[str, Any], reason: str, attribute: str) -> None:
    result = evaluate(guardrail(all_filters(**overrides)))
    assert result.verdict is Verdict.FAIL
    assert reason in result.reason
    assert result.attribute == f"content_policy_config/filters_config/{attribute}"


def test_missing_filters_are_named_together() -> None:
    filters = [content_filter("HATE"), content_filter("VIOLENCE"), PROMPT_ATTACK]
    result = evaluate(guardrail(filters))
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith("no INSULTS, SEXUAL, MISCONDUCT filter in content_policy_config")
    assert result.attribute == "content_policy_config"


@pytest.mark.parametrize("policy", [None, [], [{}], [{"filters_config": []}]])
def test_no_filters_fail(policy: Any) -> None:
    assert evaluate(guardrail(None, policy=policy)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "overrides",
    [
        {"HATE": {"input_strength": "var.strength"}},
        {"HATE": {"output_strength": None}},
        {"HATE": {"output_strength": "EXTREME"}},
        {"HATE": {"input_enabled": "var.on"}},
        {"HATE": {"input_action": "var.action"}},
        {"HATE": {"output_action": "DETECT"}},
    ],
)
def test_settings_not_known_at_plan_time_are_unknown(overrides: dict[str, Any]) -> None:
    assert evaluate(guardrail(all_filters(**overrides))).verdict is Verdict.UNKNOWN


def test_a_known_failure_wins_over_an_unknown_setting() -> None:
    result = evaluate(guardrail(all_filters(HATE={"input_strength": "var.s"}, SEXUAL={"output_strength": "LOW"})))
    assert result.verdict is Verdict.FAIL


def test_a_filter_type_not_known_at_plan_time_leaves_missing_ones_unknown() -> None:
    filters = [content_filter(kind) for kind in REQUIRED_TYPES if kind != "HATE"] + [content_filter("var.kind")]
    assert evaluate(guardrail(filters)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    ("filters", "policy", "dynamic"),
    [
        (None, "var.policy", frozenset()),
        (None, [], frozenset({"content_policy_config"})),
        ([], "blocks", frozenset({"filters_config"})),
        ("var.filters", "blocks", frozenset()),
        (None, "not-a-block", frozenset()),
    ],
)
def test_unexpanded_or_unresolved_policies_are_unknown(filters: Any, policy: Any, dynamic: frozenset[str]) -> None:
    assert evaluate(guardrail(filters, policy=policy, dynamic=dynamic)).verdict is Verdict.UNKNOWN
