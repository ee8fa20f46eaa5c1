"""CKV_AISEC_88 edge cases: awscc's content_policy_config object in the shapes Checkov delivers it."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.awscc_bedrock_guardrail_prompt_attack import evaluate

PROMPT_ATTACK_HIGH = {"type": "PROMPT_ATTACK", "input_strength": "HIGH", "output_strength": "NONE"}
HATE = {"type": "HATE", "input_strength": "HIGH", "output_strength": "HIGH"}


def guardrail(policy: Any) -> Resource:
    attrs = {"name": "g", "content_policy_config": policy}
    return Resource("awscc_bedrock_guardrail", "awscc_bedrock_guardrail.g", attrs)


@pytest.mark.parametrize(
    "policy",
    [
        [{"filters_config": [HATE, PROMPT_ATTACK_HIGH]}],  # HCL and plan: an object of lists looks like a block
        [{"filters_config": PROMPT_ATTACK_HIGH}],  # HCL: a one-item list arrives as its object
        {"filters_config": [PROMPT_ATTACK_HIGH]},  # an object as a plain dict
        [{"filters_config": [{**PROMPT_ATTACK_HIGH, "input_action": "BLOCK", "input_modalities": ["TEXT"]}]}],
    ],
)
def test_a_high_prompt_attack_filter_passes(policy: Any) -> None:
    assert evaluate(guardrail(policy)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "policy",
    [
        None,
        [],
        "",
        [{"filters_config": [HATE]}],
        [{"filters_config": {**PROMPT_ATTACK_HIGH, "input_strength": "MEDIUM"}}],
        [{"filters_config": {**PROMPT_ATTACK_HIGH, "input_action": "NONE"}}],
        [{"filters_config": {**PROMPT_ATTACK_HIGH, "input_enabled": False}}],
    ],
)
def test_a_missing_or_weak_filter_fails(policy: Any) -> None:
    assert evaluate(guardrail(policy)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "policy",
    [
        "var.content_policy",
        [{"filters_config": "var.filters"}],  # awscc: a variable can fill the whole list
        {"filters_config": "${local.filters}"},
        {"filters_config": "module.policies.filters"},
        [{"filters_config": []}],  # HCL: a typed list variable without default reads as []
        {"__file__": ["/plans/tfplan.json"], "start_line": [6]},  # plan JSON: filters_config computed at apply
        [{"filters_config": {**PROMPT_ATTACK_HIGH, "input_strength": "var.strength"}}],
        # plan JSON: a required member computed at apply is left out of the object
        [{"filters_config": [{"type": "PROMPT_ATTACK", "output_strength": "NONE"}]}],
        [{"filters_config": [HATE, {"type": "var.filter_type", "input_strength": "HIGH"}]}],
    ],
)
def test_values_not_known_at_plan_time_are_unknown(policy: Any) -> None:
    assert evaluate(guardrail(policy)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("policy", [42, "not an object", True])
def test_wrong_types_are_unknown(policy: Any) -> None:
    assert evaluate(guardrail(policy)).verdict is Verdict.UNKNOWN
