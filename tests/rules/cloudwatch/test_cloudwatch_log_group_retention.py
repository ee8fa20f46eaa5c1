"""CKV_AISEC_77 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.cloudwatch.cloudwatch_log_group_retention import evaluate


def log_group(**attrs: Any) -> Resource:
    return Resource("aws_cloudwatch_log_group", "aws_cloudwatch_log_group.g", {"name": "/aws/lambda/chat", **attrs})


@pytest.mark.parametrize(
    ("days", "verdict"),
    [
        (90, Verdict.PASS),
        (365, Verdict.PASS),
        (3653, Verdict.PASS),
        ("180", Verdict.PASS),
        (400.0, Verdict.PASS),
        (None, Verdict.FAIL),
        (0, Verdict.FAIL),
        ("0", Verdict.FAIL),
        (1, Verdict.FAIL),
        (60, Verdict.FAIL),
        (89, Verdict.FAIL),
        ("var.days", Verdict.UNKNOWN),
        ("${var.days}", Verdict.UNKNOWN),
        ("local.days", Verdict.UNKNOWN),
        ("aws_ssm_parameter.days.value", Verdict.UNKNOWN),
        (-1, Verdict.UNKNOWN),
        ("forever", Verdict.UNKNOWN),
        (True, Verdict.UNKNOWN),
        ([365], Verdict.UNKNOWN),
    ],
)
def test_retention_in_days(days: Any, verdict: Verdict) -> None:
    assert evaluate(log_group(retention_in_days=days)).verdict is verdict


def test_never_expiring_and_short_retention_say_so() -> None:
    assert evaluate(log_group()).reason == "retention_in_days is unset: the events never expire"
    assert evaluate(log_group(retention_in_days=0)).reason == "retention_in_days is 0: the events never expire"
    assert "shorter than the 90 days" in evaluate(log_group(retention_in_days=30)).reason


@pytest.mark.parametrize("days", [None, 0, 2, 7])
def test_delivery_log_groups_pass_whatever_their_retention(days: Any) -> None:
    result = evaluate(log_group(log_group_class="DELIVERY", retention_in_days=days))
    assert result.verdict is Verdict.PASS
    assert "DELIVERY" in result.reason


@pytest.mark.parametrize("log_class", ["STANDARD", "INFREQUENT_ACCESS", None])
def test_other_classes_are_judged_by_retention(log_class: Any) -> None:
    assert evaluate(log_group(log_group_class=log_class)).verdict is Verdict.FAIL
    assert evaluate(log_group(log_group_class=log_class, retention_in_days=365)).verdict is Verdict.PASS


def test_an_unknown_class_makes_a_failing_retention_unknown() -> None:
    result = evaluate(log_group(log_group_class="var.log_class"))
    assert result.verdict is Verdict.UNKNOWN
    assert "DELIVERY" in result.reason
    assert evaluate(log_group(log_group_class="var.c", retention_in_days=365)).verdict is Verdict.PASS


@pytest.mark.parametrize("log_class", [42, ["DELIVERY"], {"class": "DELIVERY"}])
def test_odd_classes_never_raise(log_class: Any) -> None:
    assert evaluate(log_group(log_group_class=log_class)).verdict is Verdict.FAIL
