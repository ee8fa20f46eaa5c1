"""CKV_AISEC_75 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.secretsmanager.secretsmanager_rotation_90_days import CronNotJudged, evaluate, longest_cron_gap


def rotation(rules: Any = None, dynamic: frozenset[str] = frozenset()) -> Resource:
    attrs: dict[str, Any] = {"secret_id": "aws_secretsmanager_secret.s.id"}
    if rules is not None:
        attrs["rotation_rules"] = rules
    return Resource("aws_secretsmanager_secret_rotation", "aws_secretsmanager_secret_rotation.r", attrs, dynamic)


def days(value: Any) -> Resource:
    return rotation([{"automatically_after_days": value, "duration": None, "schedule_expression": None}])


def schedule(value: Any) -> Resource:
    return rotation([{"automatically_after_days": None, "duration": "3h", "schedule_expression": value}])


@pytest.mark.parametrize(
    ("value", "verdict"),
    [
        (1, Verdict.PASS),
        (30, Verdict.PASS),
        (90, Verdict.PASS),
        ("90", Verdict.PASS),
        (90.0, Verdict.PASS),
        (91, Verdict.FAIL),
        (365, Verdict.FAIL),
        (1000, Verdict.FAIL),
        (0, Verdict.UNKNOWN),
        (-7, Verdict.UNKNOWN),
        ("var.days", Verdict.UNKNOWN),
        ("local.days", Verdict.UNKNOWN),
        ("aws_ssm_parameter.days.value", Verdict.UNKNOWN),
        ("monthly", Verdict.UNKNOWN),
        (True, Verdict.UNKNOWN),
        ([30], Verdict.UNKNOWN),
    ],
)
def test_automatically_after_days(value: Any, verdict: Verdict) -> None:
    assert evaluate(days(value)).verdict is verdict


@pytest.mark.parametrize(
    ("value", "verdict"),
    [
        ("rate(1 day)", Verdict.PASS),
        ("rate(30 days)", Verdict.PASS),
        ("rate(90 days)", Verdict.PASS),
        ("rate( 90 days )", Verdict.PASS),
        ("rate(4 hours)", Verdict.PASS),
        ("rate(91 days)", Verdict.FAIL),
        ("rate(365 days)", Verdict.FAIL),
        ("rate(0 days)", Verdict.UNKNOWN),
        ("rate(30 minutes)", Verdict.UNKNOWN),
        ("rate(3 weeks)", Verdict.UNKNOWN),
        ("every 30 days", Verdict.UNKNOWN),
        ("var.schedule", Verdict.UNKNOWN),
        ("${var.schedule}", Verdict.UNKNOWN),
        (30, Verdict.UNKNOWN),
    ],
)
def test_rate_and_other_schedule_expressions(value: Any, verdict: Verdict) -> None:
    assert evaluate(schedule(value)).verdict is verdict


@pytest.mark.parametrize(
    ("expression", "gap"),
    [
        ("0 4 1 * ? *", 31),
        ("0 4 L * ? *", 31),
        ("0 4 31 * ? *", 61),
        ("0 4 1,15 * ? *", 17),
        ("0 4 1 1/2 ? *", 62),
        ("0 4 1 */3 ? *", 92),
        ("0 4 1 JAN,APR,JUL,OCT ? *", 92),
        ("0 4 15 FEB,MAY,AUG,NOV ? *", 92),
        ("0 4 ? * MON-FRI *", 3),
        ("0 4 ? * SUN *", 7),
        ("0 4 ? * L *", 7),
        ("0 4 ? * MON#1 *", 35),
        ("0 4 ? * 6L *", 35),
        ("0 4 ? * MON#5 *", 119),
        ("0 4 29 2 ? *", 1461),
        ("0 4 1 1 ? *", 366),
    ],
)
def test_cron_gaps(expression: str, gap: int) -> None:
    assert longest_cron_gap(expression) == gap


@pytest.mark.parametrize(
    ("value", "verdict", "reason"),
    [
        ("cron(0 4 1 * ? *)", Verdict.PASS, "rotates at most 31 days apart"),
        ("cron(0 4 ? * MON#1 *)", Verdict.PASS, "rotates at most 35 days apart"),
        ("cron(0 4 1 JAN,APR,JUL,OCT ? *)", Verdict.FAIL, "leaves up to 92 days between rotations"),
        ("cron(0 4 ? * MON#5 *)", Verdict.FAIL, "leaves up to 119 days"),
        ("cron(0 4 30 2 ? *)", Verdict.FAIL, "fires at most once in eight years"),
        ("cron(0 4 1 * ? 2027)", Verdict.UNKNOWN, "names specific years"),
        ("cron(0 4 15W * ? *)", Verdict.UNKNOWN, "W (nearest weekday)"),
        ("cron(0 4 1 * MON *)", Verdict.UNKNOWN, "exactly one of day-of-month and day-of-week must be ?"),
        ("cron(0 4 1 * ?)", Verdict.UNKNOWN, "5 fields"),
        ("cron(0 4 32 * ? *)", Verdict.UNKNOWN, "not a value between 1 and 31"),
        ("cron(0 4 1 13 ? *)", Verdict.UNKNOWN, "not a value between 1 and 12"),
        ("cron(0 4 1 DEC-JAN ? *)", Verdict.UNKNOWN, "runs backwards"),
        ("cron(0 4 1 */0 ? *)", Verdict.UNKNOWN, "not a value"),
        ("cron(0 4 ? * MON#6 *)", Verdict.UNKNOWN, "not a value between 1 and 5"),
        ("cron(0 4 L-2 * ? *)", Verdict.UNKNOWN, "not a value"),
    ],
)
def test_cron_schedule_expressions(value: str, verdict: Verdict, reason: str) -> None:
    result = evaluate(schedule(value))
    assert result.verdict is verdict
    assert reason in result.reason


def test_cron_not_judged_is_a_value_error() -> None:
    with pytest.raises(CronNotJudged):
        longest_cron_gap("0 4 1 * ? 2027")


def test_both_settings_are_judged_and_a_failure_wins() -> None:
    block = [{"automatically_after_days": 30, "schedule_expression": "rate(180 days)"}]
    assert evaluate(rotation(block)).verdict is Verdict.FAIL


@pytest.mark.parametrize("rules", [None, [], [{}], [{"automatically_after_days": None, "schedule_expression": ""}]])
def test_no_schedule_fails(rules: Any) -> None:
    assert evaluate(rotation(rules)).verdict is Verdict.FAIL


def test_a_dynamic_rotation_rules_block_is_unknown() -> None:
    assert evaluate(rotation(dynamic=frozenset({"rotation_rules"}))).verdict is Verdict.UNKNOWN


def test_a_single_dict_block_is_read_like_a_list() -> None:
    assert evaluate(rotation({"automatically_after_days": 7})).verdict is Verdict.PASS


@pytest.mark.parametrize("rules", ["rate(30 days)", 30, [None], [[]]])
def test_wrong_types_never_raise(rules: Any) -> None:
    assert evaluate(rotation(rules)).verdict is Verdict.FAIL
