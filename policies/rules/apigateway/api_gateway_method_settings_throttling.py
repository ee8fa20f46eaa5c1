"""CKV_AISEC_72: API Gateway REST method settings throttle requests with positive rate and burst limits.

``judge_throttling`` is shared with the other throttling rules (CKV_AISEC_73, CKV2_AISEC_15): REST method
settings and HTTP/WebSocket route settings spell the two limits the same way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from policies.model import (
    Resource,
    Result,
    Verdict,
    combine,
    failed,
    first_block,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

RATE = "throttling_rate_limit"
BURST = "throttling_burst_limit"
DISABLED = -1


def as_number(value: object) -> float | None:
    """A finite number from a number or numeric text; None for anything else (booleans included)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def _shown(number: float) -> str:
    return str(int(number)) if number.is_integer() else str(number)


def _judge_limit(block: Mapping[str, object], name: str, when_unset: str, path: str | None) -> Result:
    value = block.get(name)
    attribute = f"{path}/{name}" if path else None
    if is_unset(value):
        return failed(f"{name} is unset ({when_unset})", attribute)
    if is_unresolved(value) or is_reference(value):
        return unknown(f"{name} is not known at plan time ({value})", attribute)
    number = as_number(value)
    if number is None:
        return unknown(f"{name} is not a number ({value!r})", attribute)
    if number == DISABLED:
        return failed(f"{name} is -1, which disables throttling", attribute)
    if number == 0:
        return failed(f"{name} is 0, which makes API Gateway reject every request instead of limiting them", attribute)
    if number < 0:
        return failed(f"{name} is {_shown(number)}, not a positive limit", attribute)
    return passed(f"{name} is {_shown(number)}", attribute)


def judge_throttling(
    block: Mapping[str, object] | None, where: str, when_unset: str, path: str | None = None
) -> Result:
    """Both limits of one settings block must be positive numbers; ``path`` is the block's attribute path
    (``settings``), which the results point at, if the caller names one."""
    if block is None:
        return failed(f"{where} has no settings block, so it sets no throttling limits", path)
    rate, burst = _judge_limit(block, RATE, when_unset, path), _judge_limit(block, BURST, when_unset, path)
    if rate.verdict is Verdict.PASS and burst.verdict is Verdict.PASS:
        limits = f"{_shown(as_number(block[RATE]))} requests per second, burst {_shown(as_number(block[BURST]))}"
        return passed(f"{where} throttles at {limits}", path)
    return combine([rate, burst], rate)


def evaluate(resource: Resource) -> Result:
    if "settings" in resource.dynamic_blocks and not resource.blocks("settings"):
        return unknown("settings is a dynamic block", "settings")
    path = resource.get("method_path")
    where = f"method_path {path}" if isinstance(path, str) and path else "this method settings resource"
    return judge_throttling(
        first_block(resource.attrs, "settings"), where, "default -1: throttling disabled", "settings"
    )
