"""CKV_AISEC_136: every container image of a Kubernetes workload is pinned (digest, or a tag in a private ECR)."""

from __future__ import annotations

from typing import Any

from policies.container_env import pointing_at
from policies.kubernetes import Container, container_attribute, judge_containers
from policies.model import Resource, Result
from policies.supply_chain import judge_image


def _judge_container(container: Container, attribute: str | None) -> Result:
    return pointing_at(judge_image(container.runs.get("image"), f"container {container.name}"), attribute)


def evaluate(resource: Resource) -> Result:
    attribute = container_attribute(resource.type, "image")

    def judge(container: Container, _pod_context: dict[str, Any]) -> Result:
        return _judge_container(container, attribute)

    return judge_containers(resource, judge)
