"""CKV_AISEC_86 edge cases: awscc's guardrail_configuration object in the shapes Checkov delivers it."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.awscc_bedrock_agent_guardrail import evaluate

SHARED = "arn:aws:bedrock:us-east-1:111122223333:guardrail/k2x9q7w4p1ab"


def agent(configuration: Any) -> Resource:
    return Resource(
        "awscc_bedrock_agent",
        "awscc_bedrock_agent.a",
        {"agent_name": "a", "guardrail_configuration": configuration},
    )


@pytest.mark.parametrize(
    "configuration",
    [
        {"guardrail_identifier": SHARED, "guardrail_version": "3"},  # HCL: an object arrives as a dict
        [{"guardrail_identifier": SHARED, "guardrail_version": "3"}],  # plan JSON: as a one-item list
        {"guardrail_identifier": "k2x9q7w4p1ab", "guardrail_version": "DRAFT"},
        {"guardrail_identifier": SHARED, "guardrail_version": 3},  # HCL keeps an unquoted number
        {
            "guardrail_identifier": "awscc_bedrock_guardrail.g.guardrail_id",
            "guardrail_version": "awscc_bedrock_guardrail_version.g.version",
        },
        # plan JSON: both members computed at apply; Checkov's bookkeeping is all that is left in the object
        {"__file__": ["/plans/tfplan.json"], "__startline__": [7], "__endline__": [7], "start_line": [6]},
        [{"guardrail_version": "1"}],  # plan JSON: the identifier refers to a guardrail created with the agent
    ],
)
def test_an_attached_guardrail_passes(configuration: Any) -> None:
    assert evaluate(agent(configuration)).verdict is Verdict.PASS


@pytest.mark.parametrize("configuration", [None, "", []])
def test_no_guardrail_fails(configuration: Any) -> None:
    """Unset: absent in HCL; in an awscc plan the attribute is absent too (planned as known after apply)."""
    assert evaluate(agent(configuration)).verdict is Verdict.FAIL
    assert evaluate(Resource("awscc_bedrock_agent", "awscc_bedrock_agent.a", {})).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "configuration",
    [
        {"guardrail_identifier": "", "guardrail_version": "1"},
        {"guardrail_identifier": SHARED, "guardrail_version": None},
    ],
)
def test_an_empty_member_fails(configuration: Any) -> None:
    assert evaluate(agent(configuration)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "configuration",
    [
        "var.guardrail",
        "${var.guardrail}",
        {"guardrail_identifier": "var.guardrail_id", "guardrail_version": "1"},
        {"guardrail_identifier": SHARED, "guardrail_version": "${local.version}"},
    ],
)
def test_values_not_known_at_plan_time_are_unknown(configuration: Any) -> None:
    assert evaluate(agent(configuration)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "configuration",
    [42, True, "not an object", [[]], {"guardrail_identifier": ["x"], "guardrail_version": "1"}],
)
def test_wrong_types_are_unknown(configuration: Any) -> None:
    assert evaluate(agent(configuration)).verdict is Verdict.UNKNOWN
