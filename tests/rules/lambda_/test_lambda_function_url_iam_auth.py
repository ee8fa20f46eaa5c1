"""CKV_AISEC_71 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.lambda_.lambda_function_url_iam_auth import evaluate


def url(value: Any) -> Resource:
    return Resource("aws_lambda_function_url", "aws_lambda_function_url.u", {"authorization_type": value})


@pytest.mark.parametrize(
    ("value", "verdict"),
    [
        ("AWS_IAM", Verdict.PASS),
        ("aws_iam", Verdict.PASS),
        ("NONE", Verdict.FAIL),
        (None, Verdict.FAIL),
        ("", Verdict.FAIL),
        ("var.auth_type", Verdict.UNKNOWN),
        ("${var.auth_type}", Verdict.UNKNOWN),
        ("local.auth_type", Verdict.UNKNOWN),
        ("aws_ssm_parameter.auth.value", Verdict.UNKNOWN),
        ("JWT", Verdict.UNKNOWN),
        (True, Verdict.UNKNOWN),
        (["AWS_IAM"], Verdict.UNKNOWN),
        ({"type": "AWS_IAM"}, Verdict.UNKNOWN),
    ],
)
def test_authorization_type(value: Any, verdict: Verdict) -> None:
    assert evaluate(url(value)).verdict is verdict


def test_reasons_say_what_is_wrong() -> None:
    assert "NONE" in evaluate(url("NONE")).reason
    assert "not known at plan time (var.auth_type)" in evaluate(url("var.auth_type")).reason
