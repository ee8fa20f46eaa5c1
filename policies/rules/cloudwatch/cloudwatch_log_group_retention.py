"""CKV_AISEC_77: CloudWatch log groups keep events for a bounded period of at least 90 days."""

from __future__ import annotations

from policies.model import (
    Resource,
    Result,
    Verdict,
    as_int,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

MIN_DAYS = 90
NEVER_EXPIRE = 0
DELIVERY = "DELIVERY"
RETENTION = "retention_in_days"


def _judge_retention(value: object) -> Result:
    if is_unset(value):
        return failed("retention_in_days is unset: the events never expire", RETENTION)
    if is_unresolved(value) or is_reference(value):
        return unknown(f"retention_in_days is not known at plan time ({value})", RETENTION)
    days = as_int(value)
    if days is None or days < 0:
        return unknown(f"retention_in_days is not a number of days ({value!r})", RETENTION)
    if days == NEVER_EXPIRE:
        return failed("retention_in_days is 0: the events never expire", RETENTION)
    if days < MIN_DAYS:
        return failed(
            f"retention_in_days is {days}: shorter than the {MIN_DAYS} days incident response needs", RETENTION
        )
    return passed(f"events expire after {days} days", RETENTION)


def evaluate(resource: Resource) -> Result:
    log_class = resource.get("log_group_class")
    if isinstance(log_class, str) and log_class.strip().upper() == DELIVERY:
        return passed(
            "a DELIVERY log group keeps events two days on their way to a destination with its own retention",
            "log_group_class",
        )
    result = _judge_retention(resource.get("retention_in_days"))
    if result.verdict is not Verdict.PASS and (is_unresolved(log_class) or is_reference(log_class)):
        return unknown(
            f"log_group_class is not known at plan time ({log_class}); a DELIVERY log group would pass",
            "log_group_class",
        )
    return result
