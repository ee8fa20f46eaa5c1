"""CKV_AISEC_33 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.bedrock_guardrail_cmk import evaluate


def guardrail(**attrs: Any) -> Resource:
    return Resource("aws_bedrock_guardrail", "aws_bedrock_guardrail.g", {"name": "g", **attrs})


@pytest.mark.parametrize(
    "key",
    ["aws_kms_key.guardrails.arn", "${aws_kms_key.guardrails.arn}", "arn:aws:kms:eu-west-1:111122223333:key/abc"],
)
def test_a_customer_managed_key_passes(key: str) -> None:
    assert evaluate(guardrail(kms_key_arn=key)).verdict is Verdict.PASS


@pytest.mark.parametrize("attrs", [{}, {"kms_key_arn": None}, {"kms_key_arn": ""}])
def test_no_key_fails(attrs: dict[str, Any]) -> None:
    assert evaluate(guardrail(**attrs)).verdict is Verdict.FAIL


def test_an_aws_managed_alias_fails() -> None:
    assert evaluate(guardrail(kms_key_arn="alias/aws/bedrock")).verdict is Verdict.FAIL


@pytest.mark.parametrize("key", ["var.key", "${local.key}", "module.kms.arn", 7, ["x"]])
def test_unresolved_or_odd_values_are_unknown(key: Any) -> None:
    assert evaluate(guardrail(kms_key_arn=key)).verdict is Verdict.UNKNOWN
