"""CKV_AISEC_31 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.bedrock_agent_cmk import evaluate


def agent(**attrs: Any) -> Resource:
    return Resource("aws_bedrockagent_agent", "aws_bedrockagent_agent.a", {"agent_name": "a", **attrs})


@pytest.mark.parametrize(
    "key",
    [
        "aws_kms_key.agents.arn",
        "${aws_kms_key.agents.arn}",
        "aws_kms_key.agents[0].arn",
        "arn:aws:kms:us-east-1:111122223333:key/7a1c9e3b-2f44-4d8a-b6c1-0e9f8d7c6b5a",
    ],
)
def test_a_customer_managed_key_passes(key: str) -> None:
    assert evaluate(agent(customer_encryption_key_arn=key)).verdict is Verdict.PASS


@pytest.mark.parametrize("attrs", [{}, {"customer_encryption_key_arn": None}, {"customer_encryption_key_arn": ""}])
def test_no_key_fails(attrs: dict[str, Any]) -> None:
    result = evaluate(agent(**attrs))
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith("customer_encryption_key_arn is unset")


def test_an_aws_managed_alias_fails() -> None:
    result = evaluate(agent(customer_encryption_key_arn="arn:aws:kms:us-east-1:111122223333:alias/aws/bedrock"))
    assert result.verdict is Verdict.FAIL


@pytest.mark.parametrize("key", ["var.key", "${var.key}", "local.kms", "module.kms.arn"])
def test_a_key_not_known_at_plan_time_is_unknown(key: str) -> None:
    assert evaluate(agent(customer_encryption_key_arn=key)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("key", [0, False, ["aws_kms_key.agents.arn"], {}])
def test_wrong_types_never_pass(key: Any) -> None:
    assert evaluate(agent(customer_encryption_key_arn=key)).verdict in (Verdict.FAIL, Verdict.UNKNOWN)
