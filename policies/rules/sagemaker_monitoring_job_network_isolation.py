"""CKV_AISEC_24: a SageMaker monitoring job runs its container with network isolation."""

from __future__ import annotations

from policies.model import Resource, Result, failed, is_unset, passed
from policies.sagemaker_values import describe_unknown_flag, find_block, flag, unless_dynamic

ATTRIBUTE = "enable_network_isolation"


def _judge(resource: Resource) -> Result:
    network = find_block(resource, "network_config")
    if isinstance(network, Result):
        return network
    value = network.get(ATTRIBUTE)
    isolated = flag(value, default=False)
    if isolated is None:
        return describe_unknown_flag(value, f"network_config.{ATTRIBUTE}")
    if isolated:
        return passed("the monitoring container runs with network isolation")
    setting = "not set (default false)" if is_unset(value) else "false"
    return failed(f"network_config.{ATTRIBUTE} is {setting}: the monitoring container can reach the network")


def evaluate(resource: Resource) -> Result:
    return unless_dynamic(resource, "network_config", _judge(resource))
