"""CKV_AISEC_76 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.cloudwatch.cloudwatch_log_group_cmk import evaluate


def log_group(key_id: Any) -> Resource:
    attrs = {"name": "/aws/bedrock/model-invocations", "kms_key_id": key_id}
    return Resource("aws_cloudwatch_log_group", "aws_cloudwatch_log_group.g", attrs)


@pytest.mark.parametrize(
    ("key_id", "verdict"),
    [
        ("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", Verdict.PASS),
        ("aws_kms_key.logs.arn", Verdict.PASS),
        ("${aws_kms_key.logs.arn}", Verdict.PASS),
        ("data.aws_kms_key.logs.arn", Verdict.PASS),
        (None, Verdict.FAIL),
        ("", Verdict.FAIL),
        ("alias/aws/logs", Verdict.FAIL),
        ("arn:aws:kms:us-east-1:111122223333:alias/aws/logs", Verdict.FAIL),
        ("var.logs_key", Verdict.UNKNOWN),
        ("${var.logs_key}", Verdict.UNKNOWN),
        ("local.logs_key", Verdict.UNKNOWN),
        ("module.kms.arn", Verdict.UNKNOWN),
        (42, Verdict.UNKNOWN),
        (["arn:aws:kms:us-east-1:111122223333:key/x"], Verdict.UNKNOWN),
        ({"arn": "x"}, Verdict.UNKNOWN),
    ],
)
def test_kms_key_id(key_id: Any, verdict: Verdict) -> None:
    assert evaluate(log_group(key_id)).verdict is verdict


def test_every_log_group_is_judged_whatever_its_name() -> None:
    plain = Resource("aws_cloudwatch_log_group", "aws_cloudwatch_log_group.app", {"name": "/app/web"})
    assert evaluate(plain).verdict is Verdict.FAIL


def test_reasons_say_what_is_wrong() -> None:
    assert "unset" in evaluate(log_group(None)).reason
    assert "not known at plan time (var.logs_key)" in evaluate(log_group("var.logs_key")).reason
