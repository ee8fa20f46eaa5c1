"""CKV_AISEC_40: Bedrock model customization jobs run in a VPC (subnets and security groups set)."""

from __future__ import annotations

from policies.model import Resource, Result, as_list, combine, failed, is_unresolved, is_unset, passed, unknown

BLOCK = "vpc_config"
SETTINGS = ("subnet_ids", "security_group_ids")


def _judge_setting(config: dict, name: str) -> Result | None:
    value = config.get(name)
    attribute = f"{BLOCK}/{name}"
    if value == []:
        # AWS requires at least one; Checkov also reads a list-typed variable without a value as [].
        return unknown(f"{BLOCK}.{name} is an empty list (or a list variable without a value)", attribute)
    if is_unset(value):
        return failed(f"{BLOCK}.{name} is not set", attribute)
    if is_unresolved(value) or not isinstance(value, (list, str)):
        return unknown(f"{BLOCK}.{name} is not known at plan time ({value})", attribute)
    items = as_list(value)
    if any(is_unresolved(item) for item in items):
        return unknown(f"{BLOCK}.{name} is not known at plan time ({value})", attribute)
    if not any(isinstance(item, str) and item for item in items):
        return failed(f"{BLOCK}.{name} names no {name[:-4].replace('_', ' ')}", attribute)
    return None


def evaluate(resource: Resource) -> Result:
    configs = resource.blocks(BLOCK)
    if not configs:
        raw = resource.get(BLOCK)
        if BLOCK in resource.dynamic_blocks or is_unresolved(raw):
            return unknown(f"{BLOCK} is not known at plan time", BLOCK)
        if not is_unset(raw):
            return unknown(f"{BLOCK} is not a block ({raw!r})", BLOCK)
        return failed(f"no {BLOCK}: the customization job reaches the training data outside your VPC", BLOCK)
    problems = [result for config in configs for name in SETTINGS if (result := _judge_setting(config, name))]
    return combine(
        problems, passed("the customization job runs in the subnets and security groups of vpc_config", BLOCK)
    )
