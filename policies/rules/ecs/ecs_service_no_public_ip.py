"""CKV_AISEC_107: an ECS service gives its tasks no public IP address."""

from __future__ import annotations

from typing import Any

from policies.model import Resource, Result, as_bool, failed, fold, is_unresolved, passed, unknown

BLOCK = "network_configuration"
ATTRIBUTE = f"{BLOCK}/assign_public_ip"


def _judge(block: dict[str, Any]) -> Result:
    value = block.get("assign_public_ip")
    if value is None:
        return passed("assign_public_ip is not set (false)", ATTRIBUTE)
    if is_unresolved(value):
        return unknown(f"assign_public_ip is not known at plan time ({value})", ATTRIBUTE)
    flag = as_bool(value)
    if flag is True:
        return failed("assign_public_ip is true: every task gets a public IP address", ATTRIBUTE)
    if flag is False:
        return passed("assign_public_ip is false", ATTRIBUTE)
    return unknown(f"assign_public_ip is {value!r}, not a boolean", ATTRIBUTE)


def evaluate(resource: Resource) -> Result:
    blocks = resource.blocks(BLOCK)
    if blocks:
        return fold([_judge(block) for block in blocks], passed("no public IP"))
    raw = resource.get(BLOCK)
    if BLOCK in resource.dynamic_blocks:
        return unknown(f"{BLOCK} is a dynamic block whose content is not known", BLOCK)
    if raw is None or raw == [] or raw == {}:
        return passed(f"no {BLOCK}: the service's tasks get no public IP address", BLOCK)
    if is_unresolved(raw):
        return unknown(f"{BLOCK} is not known at plan time ({raw})", BLOCK)
    return unknown(f"{BLOCK} is {raw!r}, not a block", BLOCK)
