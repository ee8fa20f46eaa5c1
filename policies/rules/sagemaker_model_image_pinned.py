"""CKV_AISEC_134: a SageMaker model's inference images are pinned (digest, or a tag in a private ECR)."""

from __future__ import annotations

from policies.container_env import sagemaker_model_containers
from policies.model import Resource, Result, fold, is_unset, passed, unknown
from policies.supply_chain import judge_image


def _judge(label: str, container: dict) -> Result:
    image = container.get("image")
    if is_unset(image) and not is_unset(container.get("model_package_name")):
        return passed(f"{label} deploys a model package, whose image the model registry fixed")
    return judge_image(image, label)


def evaluate(resource: Resource) -> Result:
    containers = sagemaker_model_containers(resource)
    if not containers:
        return unknown("the model has no primary_container or container block to judge")
    return fold([_judge(label, container) for label, container in containers], passed("no containers"))
