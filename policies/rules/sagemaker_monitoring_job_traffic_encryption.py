"""CKV_AISEC_23: a SageMaker monitoring job that runs on several instances encrypts the traffic between them."""

from __future__ import annotations

from typing import Any

from policies.model import Resource, Result, as_int, passed
from policies.sagemaker_values import find_block, judge_traffic_encryption, unless_dynamic

ATTRIBUTE = "enable_inter_container_traffic_encryption"


def _judge_setting(resource: Resource, count: Any) -> Result:
    network = find_block(resource, "network_config")
    if isinstance(network, Result):
        return network
    return judge_traffic_encryption(network.get(ATTRIBUTE), count, ATTRIBUTE)


def evaluate(resource: Resource) -> Result:
    cluster = find_block(resource, "job_resources.cluster_config")
    count = cluster.get("instance_count") if isinstance(cluster, dict) else None
    if as_int(count) == 1:
        return passed("encryption between instances does not apply: the job runs on one instance")
    return unless_dynamic(resource, "network_config", _judge_setting(resource, count))
