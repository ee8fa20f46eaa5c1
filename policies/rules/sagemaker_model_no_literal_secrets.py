"""CKV_AISEC_139: no literal credentials in the environment of a SageMaker model's containers."""

from __future__ import annotations

from policies.container_env import Pairs, map_pairs, sagemaker_model_containers
from policies.model import Resource, Result, fold, passed, unknown
from policies.secrets import judge_variables, secret_values


def _environments(resource: Resource) -> list[tuple[str, Pairs | Result]]:
    return [(label, map_pairs(c.get("environment"), label)) for label, c in sagemaker_model_containers(resource)]


def evaluate(resource: Resource) -> Result:
    environments = _environments(resource)
    if not environments:
        return unknown("the model has no primary_container or container block to judge")
    results: list[Result] = []
    for label, pairs in environments:
        results.extend([pairs] if isinstance(pairs, Result) else judge_variables(pairs, label))
    return fold(results, passed("no container's environment holds a literal credential"))


def literal_values(resource: Resource) -> list[str]:
    """The literal credentials this rule finds, for the engine to mask where it echoes the source."""
    return [v for _, pairs in _environments(resource) if not isinstance(pairs, Result) for v in secret_values(pairs)]
