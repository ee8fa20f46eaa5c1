"""CKV_AISEC_23: a SageMaker monitoring job that runs on several instances encrypts the traffic between them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from policies.model import Resource, Result, as_int, passed
from policies.sagemaker_values import find_block, judge_traffic_encryption, unless_dynamic

ATTRIBUTE = "enable_inter_container_traffic_encryption"
BLOCK = "network_config"


def _judge_setting(resource: Resource, count: Any) -> Result:
    network = find_block(resource, BLOCK)
    if isinstance(network, Result):
        return replace(network, attribute=BLOCK)
    # A missing block is the finding's subject; inside a block, the setting is.
    path = f"{BLOCK}/{ATTRIBUTE}" if resource.blocks(BLOCK) else BLOCK
    return replace(judge_traffic_encryption(network.get(ATTRIBUTE), count, ATTRIBUTE), attribute=path)


def evaluate(resource: Resource) -> Result:
    cluster = find_block(resource, "job_resources.cluster_config")
    count = cluster.get("instance_count") if isinstance(cluster, dict) else None
    if as_int(count) == 1:
        return passed(
            "encryption between instances does not apply: the job runs on one instance",
            "job_resources/cluster_config/instance_count",
        )
    result = unless_dynamic(resource, BLOCK, _judge_setting(resource, count))
    return result if result.attribute else replace(result, attribute=BLOCK)
