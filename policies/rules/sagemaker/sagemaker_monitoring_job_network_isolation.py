"""CKV_AISEC_24: a SageMaker monitoring job runs its container with network isolation."""

from __future__ import annotations

from dataclasses import replace

from policies.model import Resource, Result, failed, is_unset, passed
from policies.sagemaker_values import describe_unknown_flag, find_block, flag, unless_dynamic

ATTRIBUTE = "enable_network_isolation"
BLOCK = "network_config"
PATH = f"{BLOCK}/{ATTRIBUTE}"


def _judge(resource: Resource) -> Result:
    network = find_block(resource, BLOCK)
    if isinstance(network, Result):
        return replace(network, attribute=BLOCK)
    value = network.get(ATTRIBUTE)
    # A missing block is the finding's subject; inside a block, the setting is.
    path = PATH if resource.blocks(BLOCK) else BLOCK
    isolated = flag(value, default=False)
    if isolated is None:
        return replace(describe_unknown_flag(value, f"network_config.{ATTRIBUTE}"), attribute=path)
    if isolated:
        return passed("the monitoring container runs with network isolation", path)
    setting = "not set (default false)" if is_unset(value) else "false"
    return failed(f"network_config.{ATTRIBUTE} is {setting}: the monitoring container can reach the network", path)


def evaluate(resource: Resource) -> Result:
    result = unless_dynamic(resource, BLOCK, _judge(resource))
    return result if result.attribute else replace(result, attribute=BLOCK)
