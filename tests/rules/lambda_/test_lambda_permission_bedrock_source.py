"""CKV_AISEC_150 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import KNOWN_AFTER_APPLY, Resource, Verdict
from policies.rules.lambda_.lambda_permission_bedrock_source import evaluate


def permission(type_: str = "aws_lambda_permission", **attrs: Any) -> Resource:
    return Resource(type_, f"{type_}.p", {"action": "lambda:InvokeFunction", **attrs})


@pytest.mark.parametrize(
    ("attrs", "verdict"),
    [
        ({"principal": "bedrock.amazonaws.com"}, Verdict.FAIL),
        ({"principal": " Bedrock.amazonaws.com ", "source_arn": None, "source_account": None}, Verdict.FAIL),
        ({"principal": "bedrock.amazonaws.com", "source_arn": "arn:aws:bedrock:us-east-1::agent/*"}, Verdict.FAIL),
        ({"principal": "bedrock.amazonaws.com", "source_arn": "arn:aws:bedrock:us-east-1:*:agent/*"}, Verdict.FAIL),
        ({"principal": "bedrock.amazonaws.com", "source_arn": "arn:aws:bedrock:*:1111*:agent/*"}, Verdict.FAIL),
        (
            {"principal": "bedrock.amazonaws.com", "source_arn": "arn:aws:bedrock:us-east-1:111122223333:agent/A1"},
            Verdict.PASS,
        ),
        ({"principal": "bedrock.amazonaws.com", "source_arn": "aws_bedrockagent_agent.a.agent_arn"}, Verdict.PASS),
        ({"principal": "bedrock.amazonaws.com", "source_arn": KNOWN_AFTER_APPLY}, Verdict.PASS),
        ({"principal": "bedrock.amazonaws.com", "source_account": "111122223333"}, Verdict.PASS),
        (
            {"principal": "bedrock.amazonaws.com", "source_account": "data.aws_caller_identity.c.account_id"},
            Verdict.PASS,
        ),
        (
            {
                "principal": "bedrock.amazonaws.com",
                "source_arn": "arn:aws:bedrock:us-east-1::agent/*",
                "source_account": "111122223333",
            },
            Verdict.PASS,
        ),
        ({"principal": "bedrock.amazonaws.com", "source_account": "var.account"}, Verdict.UNKNOWN),
        ({"principal": "bedrock.amazonaws.com", "source_arn": "var.agent_arn"}, Verdict.UNKNOWN),
        ({"principal": "bedrock.amazonaws.com", "source_arn": "not-an-arn"}, Verdict.UNKNOWN),
        ({"principal": "bedrock.amazonaws.com", "source_arn": 42}, Verdict.UNKNOWN),
        ({"principal": "bedrock.amazonaws.com", "source_account": ["111122223333"]}, Verdict.UNKNOWN),
        ({"principal": "events.amazonaws.com"}, Verdict.PASS),
        ({"principal": "var.principal"}, Verdict.UNKNOWN),
        ({"principal": None}, Verdict.UNKNOWN),
        ({"principal": ["bedrock.amazonaws.com"]}, Verdict.UNKNOWN),
    ],
)
def test_permission(attrs: dict[str, Any], verdict: Verdict) -> None:
    assert evaluate(permission(**attrs)).verdict is verdict


def test_reason_says_any_account() -> None:
    assert "any AWS account" in evaluate(permission(principal="bedrock.amazonaws.com")).reason
