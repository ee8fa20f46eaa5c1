"""CKV_AISEC_136: every container image of a Kubernetes workload is pinned (digest, or a tag in a private ECR)."""

from __future__ import annotations

from typing import Any

from policies.kubernetes import Container, judge_containers
from policies.model import Resource, Result
from policies.supply_chain import judge_image


def _judge_container(container: Container, _pod_context: dict[str, Any]) -> Result:
    return judge_image(container.runs.get("image"), f"container {container.name}")


def evaluate(resource: Resource) -> Result:
    return judge_containers(resource, _judge_container)
