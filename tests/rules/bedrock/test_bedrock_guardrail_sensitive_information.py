"""CKV_AISEC_35 edge cases: which sensitive-information entries actually block or mask something."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.bedrock_guardrail_sensitive_information import evaluate


def pii(action: Any = "BLOCK", **settings: Any) -> dict[str, Any]:
    return {"type": "EMAIL", "action": action, **settings}


def regex(action: Any = "ANONYMIZE", **settings: Any) -> dict[str, Any]:
    return {"name": "account-number", "pattern": "ACCT-[0-9]{10}", "action": action, **settings}


def guardrail(pii_entries: list[Any] = (), regexes: list[Any] = (), policy: Any = "blocks") -> Resource:
    attrs: dict[str, Any] = {"name": "g"}
    if policy == "blocks":
        attrs["sensitive_information_policy_config"] = [
            {"pii_entities_config": list(pii_entries), "regexes_config": list(regexes)}
        ]
    elif policy is not None:
        attrs["sensitive_information_policy_config"] = policy
    return Resource("aws_bedrock_guardrail", "aws_bedrock_guardrail.g", attrs)


@pytest.mark.parametrize(
    ("pii_entries", "regexes"),
    [
        ([pii("BLOCK")], []),
        ([pii("ANONYMIZE")], []),
        ([pii("anonymize")], []),
        ([], [regex("BLOCK")]),
        ([pii("NONE"), pii("BLOCK")], []),
        ([pii("NONE", output_action="ANONYMIZE")], []),
        ([pii("BLOCK", input_enabled=False)], []),
        ([pii("BLOCK", output_enabled="false")], []),
        ([pii("NONE")], [regex("ANONYMIZE", input_enabled=False, output_enabled=True)]),
    ],
)
def test_an_entry_that_blocks_or_masks_passes(pii_entries: list[Any], regexes: list[Any]) -> None:
    result = evaluate(guardrail(pii_entries, regexes))
    assert result.verdict is Verdict.PASS


@pytest.mark.parametrize(
    ("pii_entries", "regexes"),
    [
        ([pii("NONE")], []),
        ([], [regex("NONE")]),
        ([pii("BLOCK", input_enabled=False, output_enabled=False)], []),
        ([pii("BLOCK", input_action="NONE", output_action="NONE")], []),
        ([pii("NONE", input_action="BLOCK", input_enabled=False)], []),
    ],
)
def test_entries_that_only_detect_fail(pii_entries: list[Any], regexes: list[Any]) -> None:
    assert evaluate(guardrail(pii_entries, regexes)).verdict is Verdict.FAIL


@pytest.mark.parametrize("policy", [None, [], [{}], [{"pii_entities_config": [], "regexes_config": []}]])
def test_no_entries_fail(policy: Any) -> None:
    assert evaluate(guardrail(policy=policy)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "entry",
    [
        pii("var.action"),
        pii("${var.action}"),
        pii("BLOCK", input_enabled="var.on", output_enabled=False),
        pii(None, input_action="local.x"),
        pii("SOMETHING_ELSE"),
        pii(["BLOCK"]),
    ],
)
def test_entries_not_known_at_plan_time_are_unknown(entry: dict[str, Any]) -> None:
    assert evaluate(guardrail([entry])).verdict is Verdict.UNKNOWN


def test_one_protecting_entry_decides_even_next_to_unknown_ones() -> None:
    assert evaluate(guardrail([pii("var.action"), pii("BLOCK")])).verdict is Verdict.PASS


@pytest.mark.parametrize("policy", ["var.policy", "${var.policy}", 42])
def test_an_unresolved_or_odd_policy_is_unknown(policy: Any) -> None:
    assert evaluate(guardrail(policy=policy)).verdict is Verdict.UNKNOWN


def test_a_single_block_instead_of_a_list_is_read_too() -> None:
    policy = {"pii_entities_config": pii("BLOCK")}
    assert evaluate(guardrail(policy=policy)).verdict is Verdict.PASS
