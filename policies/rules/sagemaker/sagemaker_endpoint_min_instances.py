"""CKV_AISEC_156: SageMaker endpoint production variants run at least two instances.

SageMaker spreads a variant's instances across Availability Zones; one instance is a single point of
failure for the model endpoint. A serverless variant passes, and so does one whose managed instance scaling
never goes below two instances (when it is enabled, its minimum decides, not the initial count).
"""

from __future__ import annotations

from typing import Any

from policies.model import (
    Resource,
    Result,
    as_int,
    failed,
    first_block,
    fold,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

VARIANTS = "production_variants"
COUNT = f"{VARIANTS}/initial_instance_count"
SERVERLESS = f"{VARIANTS}/serverless_config"
SCALING = f"{VARIANTS}/managed_instance_scaling"
MINIMUM = 2


def _name(variant: dict[str, Any]) -> str:
    name = variant.get("variant_name")
    return f"variant {name!r}" if isinstance(name, str) and name and not is_unresolved(name) else "a variant"


def _count(value: Any, what: str, where: str) -> Result:
    if is_unresolved(value) or is_reference(value):
        return unknown(f"{what} is not known at plan time ({value})", where)
    count = as_int(value)
    if count is None:
        return unknown(f"{what} is not a whole number ({value!r})", where)
    if count < MINIMUM:
        return failed(
            f"{what} is {count}: one instance or Availability Zone failure takes the endpoint down; "
            f"{MINIMUM} or more are required",
            where,
        )
    return passed(f"{what} is {count}", where)


def _judge_scaling(variant: dict[str, Any], name: str) -> Result | None:
    """The verdict when managed instance scaling is enabled (its minimum decides), else ``None``."""
    scaling = first_block(variant, "managed_instance_scaling")
    if scaling is None:
        raw = variant.get("managed_instance_scaling")
        if is_unresolved(raw):
            return unknown(f"managed_instance_scaling of {name} is not known at plan time", SCALING)
        return None
    status = scaling.get("status")
    if is_unset(status):
        return None
    if not isinstance(status, str) or is_unresolved(status):
        return unknown(f"managed_instance_scaling status of {name} is not known at plan time", f"{SCALING}/status")
    if status.strip().upper() != "ENABLED":
        return None
    minimum = scaling.get("min_instance_count")
    where = f"{SCALING}/min_instance_count"
    if is_unset(minimum):
        return unknown(f"managed instance scaling of {name} is enabled without min_instance_count", where)
    return _count(minimum, f"the managed instance scaling minimum of {name}", where)


def _judge_variant(variant: dict[str, Any], dynamic: bool) -> Result:
    name = _name(variant)
    serverless = variant.get("serverless_config")
    if first_block(variant, "serverless_config") is not None or is_reference(serverless):
        return passed(f"{name} is serverless", SERVERLESS)
    if is_unresolved(serverless):
        return unknown(f"serverless_config of {name} is not known at plan time", SERVERLESS)
    scaled = _judge_scaling(variant, name)
    if scaled is not None:
        return scaled
    count = variant.get("initial_instance_count")
    if is_unset(count):
        if dynamic:
            return unknown(f"{VARIANTS} is a dynamic block", VARIANTS)
        return unknown(f"{name} sets neither initial_instance_count nor serverless_config", COUNT)
    return _count(count, f"initial_instance_count of {name}", COUNT)


def evaluate(resource: Resource) -> Result:
    variants = resource.blocks(VARIANTS)
    dynamic = VARIANTS in resource.dynamic_blocks
    if not variants:
        raw = resource.get(VARIANTS)
        if dynamic or is_unresolved(raw):
            return unknown(f"{VARIANTS} is not known at plan time", VARIANTS)
        return unknown(f"no {VARIANTS} to judge ({raw!r})", VARIANTS)
    return fold(
        [_judge_variant(variant, dynamic) for variant in variants],
        unknown(f"no {VARIANTS} to judge", VARIANTS),
    )
