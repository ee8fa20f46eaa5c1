"""CKV_AISEC_89 edge cases: awscc's sensitive_information_policy_config in the shapes Checkov delivers it."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.awscc_bedrock_guardrail_sensitive_information import evaluate

EMAIL = {"type": "EMAIL", "action": "ANONYMIZE"}
ACCOUNT = {"name": "customer-account-number", "pattern": "ACCT-[0-9]{10}", "action": "BLOCK"}


def guardrail(policy: Any) -> Resource:
    attrs = {"name": "g", "sensitive_information_policy_config": policy}
    return Resource("awscc_bedrock_guardrail", "awscc_bedrock_guardrail.g", attrs)


@pytest.mark.parametrize(
    "policy",
    [
        [{"pii_entities_config": [EMAIL, {"type": "PHONE", "action": "BLOCK"}]}],  # an object of lists
        [{"pii_entities_config": EMAIL}],  # HCL: a one-item list arrives as its object
        {"regexes_config": [ACCOUNT]},
        # plan JSON: regexes_config computed at apply is left out, the PII entry is known and acts
        [{"pii_entities_config": [EMAIL], "__file__": ["/plans/tfplan.json"], "start_line": [9]}],
        # a variable list beside an entry that acts
        [{"pii_entities_config": "var.pii", "regexes_config": [ACCOUNT]}],
    ],
)
def test_an_entry_that_acts_passes(policy: Any) -> None:
    assert evaluate(guardrail(policy)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "policy",
    [
        None,
        "",
        [],
        [{"pii_entities_config": {**EMAIL, "action": "NONE"}}],
        [{"pii_entities_config": {**EMAIL, "input_enabled": False, "output_enabled": False}}],
    ],
)
def test_no_policy_or_only_detection_fails(policy: Any) -> None:
    assert evaluate(guardrail(policy)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "policy",
    [
        "var.sensitive_information",
        [{"pii_entities_config": "var.pii"}],  # awscc: a variable can fill the whole list
        {"regexes_config": "${local.patterns}"},
        [{"pii_entities_config": {**EMAIL, "action": "var.pii_action"}}],
        [{"pii_entities_config": []}],  # HCL: a typed list variable without default reads as []
        {"__file__": ["/plans/tfplan.json"], "start_line": [9]},  # plan JSON: both lists computed at apply
    ],
)
def test_values_not_known_at_plan_time_are_unknown(policy: Any) -> None:
    assert evaluate(guardrail(policy)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("policy", [42, "not an object", True])
def test_wrong_types_are_unknown(policy: Any) -> None:
    assert evaluate(guardrail(policy)).verdict is Verdict.UNKNOWN
