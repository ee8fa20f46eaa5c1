"""CKV_AISEC_36: Bedrock model invocation logging delivers text prompts and responses to a destination.

``logging_config`` (one block) switches each data type on with ``*_data_delivery_enabled`` (provider default
true) and names where logs go: ``cloudwatch_config.log_group_name`` and/or ``s3_config.bucket_name``.
"""

from __future__ import annotations

from policies.model import (
    Resource,
    Result,
    as_bool,
    blocks_of,
    combine,
    failed,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

BLOCK = "logging_config"
DESTINATIONS = (("cloudwatch_config", "log_group_name"), ("s3_config", "bucket_name"))
TEXT = f"{BLOCK}/text_data_delivery_enabled"


def _judge_text_delivery(config: dict) -> Result | None:
    value = config.get("text_data_delivery_enabled")
    if is_unset(value):
        return None  # provider default: true
    enabled = as_bool(value)
    if enabled is None:
        return unknown(f"text_data_delivery_enabled is not known at plan time ({value})", TEXT)
    if enabled:
        return None
    return failed("text_data_delivery_enabled is false: prompts and responses are not logged", TEXT)


def _judge_destinations(config: dict) -> Result:
    known, undecided = [], []
    for block_name, attribute in DESTINATIONS:
        for block in blocks_of(config, block_name):
            value = block.get(attribute)
            if is_unset(value):
                continue
            if is_unresolved(value) or not isinstance(value, str):
                undecided.append(f"{block_name}.{attribute} ({value})")
            else:
                known.append(f"{block_name}.{attribute} {value}")
    if known:
        return passed(f"text prompts and responses are logged to {', '.join(known)}")
    if undecided:
        return unknown(f"the log destination is not known at plan time: {', '.join(undecided)}")
    return failed("no destination: neither cloudwatch_config.log_group_name nor s3_config.bucket_name is set", BLOCK)


def _judge_config(config: dict) -> Result:
    destination = _judge_destinations(config)
    text = _judge_text_delivery(config)
    return combine([text, destination] if text else [destination], destination)


def evaluate(resource: Resource) -> Result:
    configs = resource.blocks(BLOCK)
    if not configs:
        raw = resource.get(BLOCK)
        if BLOCK in resource.dynamic_blocks or is_unresolved(raw):
            return unknown(f"{BLOCK} is not known at plan time", BLOCK)
        if not is_unset(raw):
            return unknown(f"{BLOCK} is not a block ({raw!r})", BLOCK)
        return failed(f"no {BLOCK}: nothing is logged", BLOCK)
    return combine([_judge_config(config) for config in configs], passed("no config"))
