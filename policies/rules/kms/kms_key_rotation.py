"""CKV_AISEC_4: customer-managed KMS keys rotate their key material automatically, at least once a year."""

from __future__ import annotations

from policies.model import (
    Resource,
    Result,
    Verdict,
    as_bool,
    as_int,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

MAX_PERIOD_DAYS = 365  # also the AWS default period
AWS_PERIOD_RANGE = (90, 2560)
ROTATABLE_SPEC = "SYMMETRIC_DEFAULT"


def _is_known(value: object) -> bool:
    return not is_unresolved(value) and not is_reference(value)


def _is_text(value: object) -> bool:
    return isinstance(value, str) and not is_unset(value) and _is_known(value)


def _exemption(resource: Resource) -> Result | None:
    """PASS for keys AWS cannot rotate automatically (asymmetric, HMAC, custom key store), UNKNOWN when that
    is not known at plan time, None for keys that can rotate."""
    spec = resource.get("customer_master_key_spec")
    store = resource.get("custom_key_store_id")
    if _is_text(spec) and spec.upper() != ROTATABLE_SPEC:
        return passed(
            f"rotation does not apply: AWS cannot rotate {spec} keys automatically", "customer_master_key_spec"
        )
    if _is_text(store) or is_reference(store):
        return passed(
            "rotation does not apply: AWS cannot rotate keys in a custom key store automatically", "custom_key_store_id"
        )
    for name, value in (("customer_master_key_spec", spec), ("custom_key_store_id", store)):
        if is_unset(value) or _is_text(value):
            continue
        if isinstance(value, str):
            return unknown(f"{name} is not known at plan time ({value})", name)
        return unknown(f"{name} is not a string ({value!r})", name)
    return None


PERIOD = "rotation_period_in_days"
ENABLED = "enable_key_rotation"


def _judge_period(period: object) -> Result:
    if is_unset(period):
        return passed(f"rotation is enabled with the default period of {MAX_PERIOD_DAYS} days", ENABLED)
    if not _is_known(period):
        return unknown(f"rotation_period_in_days is not known at plan time ({period})", PERIOD)
    days = as_int(period)
    if days is None:
        return unknown(f"rotation_period_in_days is not a number ({period!r})", PERIOD)
    low, high = AWS_PERIOD_RANGE
    if not low <= days <= high:
        return failed(f"rotation_period_in_days is {days}, outside the {low}-{high} days AWS accepts", PERIOD)
    if days > MAX_PERIOD_DAYS:
        return failed(f"key material rotates only every {days} days; at most {MAX_PERIOD_DAYS} is required", PERIOD)
    return passed(f"rotation is enabled every {days} days", PERIOD)


def evaluate(resource: Resource) -> Result:
    exemption = _exemption(resource)
    if exemption and exemption.verdict is Verdict.PASS:
        return exemption
    enabled = resource.get("enable_key_rotation")
    if not is_unset(enabled) and not _is_known(enabled):
        return unknown(f"enable_key_rotation is not known at plan time ({enabled})", ENABLED)
    rotates = False if is_unset(enabled) else as_bool(enabled)
    if rotates is None:
        return unknown(f"enable_key_rotation is not a boolean ({enabled!r})", ENABLED)
    if not rotates:
        setting = "unset (default false)" if is_unset(enabled) else "false"
        return exemption or failed(f"enable_key_rotation is {setting}: the key material never rotates", ENABLED)
    return _judge_period(resource.get("rotation_period_in_days"))
