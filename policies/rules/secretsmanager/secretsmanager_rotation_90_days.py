"""CKV_AISEC_75: Secrets Manager rotation schedules rotate secrets at least every 90 days.

A ``cron()`` schedule is judged by the dates it fires on: its day-of-month, month and day-of-week fields
are expanded over eight years (two leap years, every weekday alignment of a month) and the longest gap
between two consecutive firing dates is compared with the limit. Minutes and hours do not change that gap
by a whole day, so they are not read.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import re
from collections.abc import Callable

from policies.model import (
    Resource,
    Result,
    as_int,
    combine,
    failed,
    first_block,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

MAX_DAYS = 90
BLOCK = "rotation_rules"
DAYS = f"{BLOCK}/automatically_after_days"
SCHEDULE = f"{BLOCK}/schedule_expression"
RATE = re.compile(r"^rate\(\s*(\d+)\s+(minutes?|hours?|days?)\s*\)$", re.IGNORECASE)
CRON = re.compile(r"^cron\((.*)\)$", re.IGNORECASE)
MONTHS = {"JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6}
MONTHS |= {"JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12}
WEEKDAYS = {"SUN": 1, "MON": 2, "TUE": 3, "WED": 4, "THU": 5, "FRI": 6, "SAT": 7}
SPAN = (datetime.date(2024, 1, 1), datetime.date(2031, 12, 31))


class CronNotJudged(ValueError):
    """A cron expression this rule does not evaluate; the message says why."""


def _number(text: str, names: dict[str, int], low: int, high: int) -> int:
    value = names.get(text.upper()) if not text.isdigit() else int(text)
    if value is None or not low <= value <= high:
        raise CronNotJudged(f"{text!r} is not a value between {low} and {high}")
    return value


def _expand(field: str, low: int, high: int, names: dict[str, int] | None = None) -> set[int]:
    """A list of values, ranges and steps (``1,15``, ``MON-FRI``, ``*/3``, ``2/2``) as the set it matches."""
    names = names or {}
    values: set[int] = set()
    for part in field.split(","):
        base, _, step_text = part.partition("/")
        step = _number(step_text, {}, 1, high) if step_text else 1
        if base == "*":
            start, end = low, high
        elif "-" in base:
            first, _, last = base.partition("-")
            start, end = _number(first, names, low, high), _number(last, names, low, high)
        else:
            start = _number(base, names, low, high)
            end = high if step_text else start
        if start > end:
            raise CronNotJudged(f"{part!r} runs backwards")
        values.update(range(start, end + 1, step))
    return values


def _last_day(day: datetime.date) -> int:
    following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return (following - datetime.timedelta(days=1)).day


def _day_of_month_matcher(field: str) -> Callable[[datetime.date], bool] | None:
    if field == "?":
        return None
    if "W" in field.upper():
        raise CronNotJudged("W (nearest weekday) is not evaluated")
    if field.upper() == "L":
        return lambda day: day.day == _last_day(day)
    days = _expand(field, 1, 31)
    return lambda day: day.day in days


def _day_of_week_matcher(field: str) -> Callable[[datetime.date], bool] | None:
    if field == "?":
        return None
    text = field.upper()

    def weekday(day: datetime.date) -> int:  # cron numbers Sunday 1 to Saturday 7
        return day.isoweekday() % 7 + 1

    if "#" in text:
        name, _, nth = text.partition("#")
        wanted, count = _number(name, WEEKDAYS, 1, 7), _number(nth, {}, 1, 5)
        return lambda day: weekday(day) == wanted and (day.day - 1) // 7 + 1 == count
    if text.endswith("L") and text != "L":
        wanted = _number(text[:-1], WEEKDAYS, 1, 7)
        return lambda day: weekday(day) == wanted and day.day + 7 > _last_day(day)
    days = _expand("7" if text == "L" else text, 1, 7, WEEKDAYS)
    return lambda day: weekday(day) in days


@functools.lru_cache(maxsize=256)
def longest_cron_gap(expression: str) -> int | None:
    """Days between the two furthest-apart consecutive dates a Secrets Manager cron fires on (None: never
    fires twice). Raises ``CronNotJudged`` for expressions this rule does not evaluate."""
    fields = expression.split()
    if len(fields) != 6:
        raise CronNotJudged(f"it has {len(fields)} fields, not 6")
    _, _, day_of_month, month, day_of_week, year = fields
    if year != "*":
        raise CronNotJudged("it names specific years, after which rotation would stop")
    months = _expand(month, 1, 12, MONTHS)
    by_date, by_weekday = _day_of_month_matcher(day_of_month), _day_of_week_matcher(day_of_week)
    if (by_date is None) == (by_weekday is None):
        raise CronNotJudged("exactly one of day-of-month and day-of-week must be ?")
    matches = by_date or by_weekday
    fired: list[datetime.date] = []
    day = SPAN[0]
    while day <= SPAN[1]:
        if day.month in months and matches(day):
            fired.append(day)
        day += datetime.timedelta(days=1)
    if len(fired) < 2:
        return None
    return max((later - earlier).days for earlier, later in itertools.pairwise(fired))


def _judge_cron(expression: str, fields: str) -> Result:
    try:
        gap = longest_cron_gap(fields.strip())
    except CronNotJudged as reason:
        return unknown(f"schedule_expression {expression} is not evaluated: {reason}", SCHEDULE)
    if gap is None:
        return failed(f"schedule_expression {expression} fires at most once in eight years", SCHEDULE)
    if gap > MAX_DAYS:
        return failed(f"schedule_expression {expression} leaves up to {gap} days between rotations", SCHEDULE)
    return passed(f"schedule_expression {expression} rotates at most {gap} days apart", SCHEDULE)


def _judge_schedule(expression: object) -> Result:
    if is_unresolved(expression) or is_reference(expression):
        return unknown(f"schedule_expression is not known at plan time ({expression})", SCHEDULE)
    if not isinstance(expression, str):
        return unknown(f"schedule_expression is not a string ({expression!r})", SCHEDULE)
    text = expression.strip()
    if rate := RATE.match(text):
        count, unit = int(rate.group(1)), rate.group(2).lower()
        if count < 1 or unit.startswith("minute"):
            return unknown(f"schedule_expression {text} is not a schedule Secrets Manager accepts", SCHEDULE)
        if unit.startswith("hour") or count <= MAX_DAYS:
            return passed(f"schedule_expression {text} rotates at least every {MAX_DAYS} days", SCHEDULE)
        return failed(
            f"schedule_expression {text} rotates only every {count} days; at most {MAX_DAYS} is required", SCHEDULE
        )
    if cron := CRON.match(text):
        return _judge_cron(text, cron.group(1))
    return unknown(f"schedule_expression {text!r} is neither rate() nor cron()", SCHEDULE)


def _judge_days(days_value: object) -> Result:
    if is_unresolved(days_value) or is_reference(days_value):
        return unknown(f"automatically_after_days is not known at plan time ({days_value})", DAYS)
    days = as_int(days_value)
    if days is None or days < 1:
        return unknown(f"automatically_after_days is not a number of days ({days_value!r})", DAYS)
    if days > MAX_DAYS:
        return failed(f"automatically_after_days is {days}; at most {MAX_DAYS} is required", DAYS)
    return passed(f"rotates every {days} days", DAYS)


def evaluate(resource: Resource) -> Result:
    rules = first_block(resource.attrs, "rotation_rules")
    if rules is None:
        if "rotation_rules" in resource.dynamic_blocks:
            return unknown("rotation_rules is a dynamic block", BLOCK)
        return failed("no rotation_rules block: nothing schedules the rotation", BLOCK)
    days, expression = rules.get("automatically_after_days"), rules.get("schedule_expression")
    results = []
    if not is_unset(days):
        results.append(_judge_days(days))
    if not is_unset(expression):
        results.append(_judge_schedule(expression))
    return combine(
        results, failed("rotation_rules sets neither automatically_after_days nor schedule_expression", BLOCK)
    )
