"""CKV_AISEC_138: a SageMaker model loads its weights from the account's storage, not from a public hub."""

from __future__ import annotations

from policies.container_env import map_pairs, pointing_at, sagemaker_model_container_blocks
from policies.model import Resource, Result, Verdict, failed, fold, is_unset, passed, unknown
from policies.sagemaker_values import flag
from policies.supply_chain import hub_model_variable


def _model_data(container: dict) -> str | None:
    if not is_unset(container.get("model_data_url")):
        return "model_data_url"
    if container.get("model_data_source") not in (None, [], {}):
        return "model_data_source"
    if not is_unset(container.get("model_package_name")):
        return "model_package_name"
    return None


def _judge(label: str, block: str, container: dict, isolated: bool | None) -> Result:
    environment = f"{block}/environment"
    pairs = map_pairs(container.get("environment"), label)
    if isinstance(pairs, Result):
        return pointing_at(pairs, environment)
    results = [result for name, value in pairs if (result := hub_model_variable(name, value, label)) is not None]
    hub = [result for result in results if result.verdict is Verdict.FAIL]
    if hub and isolated:
        reasons = "; ".join(result.reason for result in hub)
        return failed(
            f"{reasons}, but the model runs with network isolation, so the container cannot start", environment
        )
    if hub:
        return failed("; ".join(result.reason for result in hub) + ", outside the account's control", environment)
    if results:
        return pointing_at(fold(results, passed(label)), environment)
    source = _model_data(container)
    if source:
        return passed(f"{label} loads the model from {source}", f"{block}/{source}")
    return passed(f"{label} names no Hub model: its weights come with the image")


def evaluate(resource: Resource) -> Result:
    containers = sagemaker_model_container_blocks(resource)
    if not containers:
        return unknown("the model has no primary_container or container block to judge")
    isolated = flag(resource.get("enable_network_isolation"), default=False)
    results = [_judge(label, block, container, isolated) for label, block, container in containers]
    return fold(results, passed("no containers"))
