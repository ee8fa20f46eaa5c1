"""CKV_AISEC_32 edge cases: guardrail_configuration as HCL, plan JSON and Pulumi deliver it."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.bedrock_agent_guardrail import evaluate

SHARED = "arn:aws:bedrock:us-east-1:111122223333:guardrail/k2x9q7w4p1ab"


def agent(configuration: Any = None, dynamic: bool = False, **attrs: Any) -> Resource:
    if configuration is not None:
        attrs["guardrail_configuration"] = configuration
    blocks = frozenset({"guardrail_configuration"}) if dynamic else frozenset()
    return Resource("aws_bedrockagent_agent", "aws_bedrockagent_agent.a", {"agent_name": "a", **attrs}, blocks)


@pytest.mark.parametrize(
    "configuration",
    [
        [{"guardrail_identifier": SHARED, "guardrail_version": "3"}],
        [{"guardrail_identifier": SHARED, "guardrail_version": 3}],  # Checkov reads "3" as a number
        [{"guardrail_identifier": "k2x9q7w4p1ab", "guardrail_version": "DRAFT"}],
        {"guardrail_identifier": SHARED, "guardrail_version": "1"},  # a single object (Pulumi, block syntax)
        [
            {
                "guardrail_identifier": "aws_bedrock_guardrail.g.guardrail_id",
                "guardrail_version": "${aws_bedrock_guardrail_version.g.version}",
            }
        ],
        [{}],  # plan JSON: both values computed at apply
        {},  # the same after Checkov unwraps the one-item list
        [{"guardrail_identifier": SHARED}],  # plan JSON: version computed at apply
    ],
)
def test_an_attached_guardrail_passes(configuration: Any) -> None:
    assert evaluate(agent(configuration)).verdict is Verdict.PASS


@pytest.mark.parametrize("configuration", [None, [], ""])
def test_no_guardrail_fails(configuration: Any) -> None:
    attrs = {} if configuration is None else {"guardrail_configuration": configuration}
    result = evaluate(Resource("aws_bedrockagent_agent", "aws_bedrockagent_agent.a", attrs))
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith("no guardrail_configuration: no guardrail is attached")


@pytest.mark.parametrize(
    "configuration",
    [
        [{"guardrail_identifier": "", "guardrail_version": "1"}],
        [{"guardrail_identifier": SHARED, "guardrail_version": None}],
    ],
)
def test_an_empty_identifier_or_version_fails(configuration: Any) -> None:
    assert evaluate(agent(configuration)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "configuration",
    [
        "var.guardrails",
        "${var.guardrails}",
        [{"guardrail_identifier": "var.guardrail_id", "guardrail_version": "1"}],
        [{"guardrail_identifier": SHARED, "guardrail_version": "local.version"}],
    ],
)
def test_values_not_known_at_plan_time_are_unknown(configuration: Any) -> None:
    assert evaluate(agent(configuration)).verdict is Verdict.UNKNOWN


def test_a_dynamic_block_without_content_is_unknown() -> None:
    assert evaluate(agent(dynamic=True)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "configuration",
    [
        42,
        "not a list",
        [[]],
        [{"guardrail_identifier": ["x"], "guardrail_version": "1"}],
        [{"guardrail_identifier": True, "guardrail_version": "1"}],
    ],
)
def test_wrong_types_are_unknown(configuration: Any) -> None:
    assert evaluate(agent(configuration)).verdict is Verdict.UNKNOWN
