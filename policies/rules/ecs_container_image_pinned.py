"""CKV_AISEC_135: every ECS container image is pinned (digest, or a tag in a private ECR)."""

from __future__ import annotations

from typing import Any

from policies.ecs import container_definitions, container_label, fold
from policies.model import Resource, Result, unknown
from policies.supply_chain import judge_image


def _judge_container(number: int, container: Any) -> Result:
    if not isinstance(container, dict):
        return unknown(f"container #{number} is not an object and cannot be read")
    return judge_image(container.get("image"), f"container {container_label(number, container)}")


def evaluate(resource: Resource) -> Result:
    containers = container_definitions(resource.get("container_definitions"))
    if isinstance(containers, Result):
        return containers
    results = [_judge_container(number, container) for number, container in enumerate(containers, start=1)]
    return fold(results, unknown("container_definitions holds no containers"))
