"""CKV_AISEC_85 edge cases: awscc_bedrock_agent's key as Checkov delivers it from HCL and plan JSON."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.awscc_bedrock_agent_cmk import evaluate


def agent(**attrs: Any) -> Resource:
    return Resource("awscc_bedrock_agent", "awscc_bedrock_agent.a", {"agent_name": "a", **attrs})


@pytest.mark.parametrize(
    "key",
    [
        "awscc_kms_key.agents.arn",
        "${awscc_kms_key.agents.arn}",
        "awscc_kms_key.agents[0].arn",
        "aws_kms_key.agents.arn",
        "arn:aws:kms:us-east-1:111122223333:key/6f0c2a8e-3b5d-4e71-9a4c-2d8b7e1f0c93",
    ],
)
def test_a_customer_managed_key_passes(key: str) -> None:
    assert evaluate(agent(customer_encryption_key_arn=key)).verdict is Verdict.PASS


@pytest.mark.parametrize("attrs", [{}, {"customer_encryption_key_arn": None}, {"customer_encryption_key_arn": ""}])
def test_no_key_fails(attrs: dict[str, Any]) -> None:
    """A plan leaves an unset key out entirely: awscc plans it as known after apply."""
    assert evaluate(agent(**attrs)).verdict is Verdict.FAIL


@pytest.mark.parametrize("key", ["alias/aws/bedrock", "arn:aws:kms:us-east-1:111122223333:alias/aws/bedrock"])
def test_an_aws_managed_alias_fails(key: str) -> None:
    assert evaluate(agent(customer_encryption_key_arn=key)).verdict is Verdict.FAIL


@pytest.mark.parametrize("key", ["var.agent_key_arn", "${var.agent_key_arn}", "local.key", "module.kms.key_arn"])
def test_values_not_known_at_plan_time_are_unknown(key: str) -> None:
    assert evaluate(agent(customer_encryption_key_arn=key)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("key", [42, True, ["arn:aws:kms:us-east-1:111122223333:key/x"], {"arn": "x"}])
def test_wrong_types_are_unknown(key: Any) -> None:
    assert evaluate(agent(customer_encryption_key_arn=key)).verdict is Verdict.UNKNOWN
