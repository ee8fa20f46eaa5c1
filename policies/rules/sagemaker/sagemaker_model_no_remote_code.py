"""CKV_AISEC_130: a SageMaker model's containers do not run Python code shipped with the model."""

from __future__ import annotations

from policies.container_env import map_pairs, pointing_at, sagemaker_model_container_blocks
from policies.model import Resource, Result, fold, passed, unknown
from policies.supply_chain import remote_code_in_environment


def evaluate(resource: Resource) -> Result:
    containers = sagemaker_model_container_blocks(resource)
    if not containers:
        return unknown("the model has no primary_container or container block to judge")
    results: list[Result] = []
    for label, block, container in containers:
        attribute = f"{block}/environment"
        pairs = map_pairs(container.get("environment"), label)
        if isinstance(pairs, Result):
            results.append(pointing_at(pairs, attribute))
        else:
            results.extend(pointing_at(result, attribute) for result in remote_code_in_environment(pairs, label))
    return fold(results, passed("no container's environment turns on trust_remote_code"))
