"""CKV_AISEC_135: every ECS container image is pinned (digest, or a tag in a private ECR)."""

from __future__ import annotations

from typing import Any

from policies.ecs import container_label, judge_each_container
from policies.model import Resource, Result, unknown
from policies.supply_chain import judge_image


def _judge_container(number: int, container: Any) -> Result:
    if not isinstance(container, dict):
        return unknown(f"container #{number} is not an object and cannot be read")
    return judge_image(container.get("image"), f"container {container_label(number, container)}")


def evaluate(resource: Resource) -> Result:
    return judge_each_container(resource, _judge_container, attribute="container_definitions")
