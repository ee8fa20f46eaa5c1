"""CKV_AISEC_139: no literal credentials in the environment of a SageMaker model's containers."""

from __future__ import annotations

from policies.container_env import Pairs, map_pairs, pointing_at, sagemaker_model_container_blocks
from policies.model import Resource, Result, fold, passed, unknown
from policies.secrets import judge_variables, secret_values


def _environments(resource: Resource) -> list[tuple[str, str, Pairs | Result]]:
    """Each container's label, the path of its environment (``primary_container/environment``), and its pairs."""
    return [
        (label, f"{block}/environment", map_pairs(c.get("environment"), label))
        for label, block, c in sagemaker_model_container_blocks(resource)
    ]


def evaluate(resource: Resource) -> Result:
    environments = _environments(resource)
    if not environments:
        return unknown("the model has no primary_container or container block to judge")
    results: list[Result] = []
    for label, attribute, pairs in environments:
        found = [pairs] if isinstance(pairs, Result) else judge_variables(pairs, label)
        results.extend(pointing_at(result, attribute) for result in found)
    return fold(results, passed("no container's environment holds a literal credential"))


def literal_values(resource: Resource) -> list[str]:
    """The literal credentials this rule finds, for the engine to mask where it echoes the source."""
    return [v for _, _, pairs in _environments(resource) if not isinstance(pairs, Result) for v in secret_values(pairs)]
