"""CKV_AISEC_134: a SageMaker model's inference images are pinned (digest, or a tag in a private ECR)."""

from __future__ import annotations

from policies.container_env import pointing_at, sagemaker_model_container_blocks
from policies.model import Resource, Result, fold, is_unset, passed, unknown
from policies.supply_chain import judge_image


def _judge(label: str, block: str, container: dict) -> Result:
    image = container.get("image")
    if is_unset(image) and not is_unset(container.get("model_package_name")):
        return passed(
            f"{label} deploys a model package, whose image the model registry fixed", f"{block}/model_package_name"
        )
    return pointing_at(judge_image(image, label), f"{block}/image")


def evaluate(resource: Resource) -> Result:
    containers = sagemaker_model_container_blocks(resource)
    if not containers:
        return unknown("the model has no primary_container or container block to judge")
    return fold([_judge(label, block, container) for label, block, container in containers], passed("no containers"))
