"""CKV_AISEC_16: a SageMaker model runs its inference containers with network isolation."""

from __future__ import annotations

from dataclasses import replace

from policies.model import Resource, Result, failed, is_unset, passed
from policies.sagemaker_values import describe_unknown_flag, flag

ATTRIBUTE = "enable_network_isolation"


def evaluate(resource: Resource) -> Result:
    return replace(_judge(resource), attribute=ATTRIBUTE)


def _judge(resource: Resource) -> Result:
    value = resource.get(ATTRIBUTE)
    isolated = flag(value, default=False)
    if isolated is None:
        return describe_unknown_flag(value, "enable_network_isolation")
    if isolated:
        return passed("the model's containers run with network isolation")
    setting = "not set (default false)" if is_unset(value) else "false"
    return failed(f"enable_network_isolation is {setting}: the model's containers can reach the network")
