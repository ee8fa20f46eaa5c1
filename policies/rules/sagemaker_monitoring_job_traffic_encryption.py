"""CKV_AISEC_23: a SageMaker monitoring job that runs on several instances encrypts the traffic between them."""

from __future__ import annotations

from policies.model import Resource, Result, as_int, failed, is_unset, passed, unknown
from policies.sagemaker_values import describe_unknown_flag, find_block, flag, unless_dynamic

ATTRIBUTE = "enable_inter_container_traffic_encryption"


def _judge_setting(resource: Resource, count: int | None) -> Result:
    network = find_block(resource, "network_config")
    if isinstance(network, Result):
        return network
    value = network.get(ATTRIBUTE)
    encrypted = flag(value, default=False)
    if encrypted is None:
        return describe_unknown_flag(value, ATTRIBUTE)
    if encrypted:
        return passed("traffic between the job's instances is encrypted")
    setting = "not set (default false)" if is_unset(value) else "false"
    if count is None:
        return unknown(f"{ATTRIBUTE} is {setting} and the job's instance count is not known")
    return failed(f"{ATTRIBUTE} is {setting}: data moves between the job's {count} instances unencrypted")


def evaluate(resource: Resource) -> Result:
    cluster = find_block(resource, "job_resources.cluster_config")
    count = as_int(cluster.get("instance_count")) if isinstance(cluster, dict) else None
    if count == 1:
        return passed("encryption between instances does not apply: the job runs on one instance")
    return unless_dynamic(resource, "network_config", _judge_setting(resource, count))
