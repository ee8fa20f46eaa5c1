"""CKV_AISEC_141: no literal credentials in a Lambda function's environment variables."""

from __future__ import annotations

from policies.container_env import Pairs, map_pairs, pointing_at
from policies.model import Resource, Result, first_block, fold, passed
from policies.secrets import judge_variables, secret_values


def _variables(resource: Resource) -> Pairs | Result:
    environment = first_block(resource.attrs, "environment")
    if environment is None:
        return []
    return map_pairs(environment.get("variables"), "environment")


VARIABLES = "environment/variables"


def evaluate(resource: Resource) -> Result:
    pairs = _variables(resource)
    if isinstance(pairs, Result):
        return pointing_at(pairs, VARIABLES)
    verdict = fold(judge_variables(pairs, "environment"), passed("the environment holds no literal credential"))
    return pointing_at(verdict, VARIABLES)


def literal_values(resource: Resource) -> list[str]:
    """The literal credentials this rule finds, for the engine to mask where it echoes the source."""
    pairs = _variables(resource)
    return secret_values(pairs) if isinstance(pairs, list) else []
