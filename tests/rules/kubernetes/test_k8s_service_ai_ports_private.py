"""CKV_AISEC_151 edge cases, judged by calling the rule's logic on normalized manifests."""

from __future__ import annotations

from typing import Any

import pytest

from policies.ai_ports import AI_TOOL_PORTS
from policies.model import Resource, Verdict
from policies.rules.kubernetes.k8s_service_ai_ports_private import evaluate


def service(spec: Any, annotations: Any = None) -> Resource:
    metadata: dict[str, Any] = {"name": "s"}
    if annotations is not None:
        metadata["annotations"] = annotations
    return Resource("Service", "Service.default.s", {"kind": "Service", "metadata": metadata, "spec": spec})


def load_balancer(*ports: Any, **extra: Any) -> dict[str, Any]:
    return {"type": "LoadBalancer", "ports": list(ports), **extra}


@pytest.mark.parametrize("port", sorted(AI_TOOL_PORTS))
def test_every_ai_port_on_a_public_load_balancer_fails(port: int) -> None:
    assert evaluate(service(load_balancer({"port": port}))).verdict is Verdict.FAIL
    assert evaluate(service(load_balancer({"port": 443, "targetPort": port}))).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    ("spec", "annotations", "verdict"),
    [
        ({"ports": [{"port": 8265}]}, None, Verdict.PASS),
        ({"type": "ExternalName", "externalName": "x.example.com"}, None, Verdict.PASS),
        (
            load_balancer({"port": 8265}),
            {"service.beta.kubernetes.io/aws-load-balancer-internal": "true"},
            Verdict.PASS,
        ),
        (
            load_balancer({"port": 8265}),
            [{"service.beta.kubernetes.io/aws-load-balancer-scheme": "internal"}],
            Verdict.PASS,
        ),
        (
            load_balancer({"port": 8265}),
            {"service.beta.kubernetes.io/aws-load-balancer-internal": "false"},
            Verdict.FAIL,
        ),
        (
            load_balancer({"port": 8265}),
            {"service.beta.kubernetes.io/aws-load-balancer-internal": "maybe"},
            Verdict.UNKNOWN,
        ),
        (load_balancer({"port": 8265}, loadBalancerClass="service.k8s.aws/nlb"), None, Verdict.PASS),
        (load_balancer({"port": 8265}, loadBalancerClass="example.com/lb"), None, Verdict.UNKNOWN),
        (
            load_balancer({"port": 8265}, loadBalancerClass="service.k8s.aws/nlb"),
            {"service.beta.kubernetes.io/aws-load-balancer-scheme": "internet-facing"},
            Verdict.FAIL,
        ),
        (load_balancer({"port": 8888}, loadBalancerSourceRanges=["203.0.113.0/24"]), None, Verdict.PASS),
        (load_balancer({"port": 8888}, loadBalancerSourceRanges=["10.0.0.0/8", "::/0"]), None, Verdict.FAIL),
        (load_balancer({"port": 8888}, loadBalancerSourceRanges=["var.ranges"]), None, Verdict.UNKNOWN),
        (load_balancer({"port": 8888}, loadBalancerSourceRanges="10.0.0.0/8"), None, Verdict.UNKNOWN),
        (
            load_balancer({"port": 8888}),
            {"service.beta.kubernetes.io/load-balancer-source-ranges": "10.0.0.0/8,192.168.0.0/16"},
            Verdict.PASS,
        ),
        (load_balancer({"port": 443, "targetPort": "dashboard"}), None, Verdict.FAIL),
        (load_balancer({"port": 443, "targetPort": "https"}), None, Verdict.UNKNOWN),
        (load_balancer({"port": 443, "targetPort": 3000}), None, Verdict.PASS),
        (load_balancer({"port": "x"}), None, Verdict.UNKNOWN),
        (load_balancer("8265"), None, Verdict.UNKNOWN),
        ({"type": "LoadBalancer", "ports": "8265"}, None, Verdict.UNKNOWN),
        ({"type": "NodePort", "ports": [{"port": 8888}]}, None, Verdict.FAIL),
        (
            {"type": "NodePort", "ports": [{"port": 8888}], "loadBalancerSourceRanges": ["10.0.0.0/8"]},
            None,
            Verdict.FAIL,
        ),
        ({"type": "NodePort", "ports": [{"port": 3000}]}, None, Verdict.PASS),
        ({"type": "Weird", "ports": [{"port": 8888}]}, None, Verdict.UNKNOWN),
        ({"type": ["LoadBalancer"], "ports": [{"port": 8888}]}, None, Verdict.UNKNOWN),
        ("spec", None, Verdict.UNKNOWN),
    ],
)
def test_service(spec: Any, annotations: Any, verdict: Verdict) -> None:
    assert evaluate(service(spec, annotations)).verdict is verdict


def ray(kind: str, head: Any, **spec: Any) -> Resource:
    cluster = {"headGroupSpec": head}
    if kind == "RayCluster":
        body: Any = cluster
    elif kind == "RayJob":
        body = {"rayClusterSpec": cluster, **spec}
    else:
        body = {"rayClusterConfig": cluster, **spec}
    return Resource(kind, f"{kind}.ray.x", {"kind": kind, "metadata": {"name": "x"}, "spec": body})


HEAD_TEMPLATE = {"template": {"spec": {"containers": [{"name": "ray-head", "image": "rayproject/ray:2.40.0"}]}}}


@pytest.mark.parametrize("kind", ["RayCluster", "RayJob", "RayService"])
def test_ray_head_service_type(kind: str) -> None:
    assert evaluate(ray(kind, HEAD_TEMPLATE)).verdict is Verdict.PASS
    exposed = evaluate(ray(kind, {**HEAD_TEMPLATE, "serviceType": "LoadBalancer"}))
    assert exposed.verdict is Verdict.FAIL
    assert "Ray dashboard (8265)" in exposed.reason
    assert evaluate(ray(kind, {**HEAD_TEMPLATE, "serviceType": "NodePort"})).verdict is Verdict.FAIL


def test_ray_head_service_annotations_and_source_ranges() -> None:
    internal = {
        **HEAD_TEMPLATE,
        "serviceType": "LoadBalancer",
        "headService": {"spec": {"loadBalancerSourceRanges": ["10.0.0.0/8"]}},
    }
    assert evaluate(ray("RayCluster", internal)).verdict is Verdict.PASS
    annotated = Resource(
        "RayCluster",
        "RayCluster.ray.x",
        {
            "spec": {
                "headServiceAnnotations": {"service.beta.kubernetes.io/aws-load-balancer-internal": "true"},
                "headGroupSpec": {**HEAD_TEMPLATE, "serviceType": "LoadBalancer"},
            }
        },
    )
    assert evaluate(annotated).verdict is Verdict.PASS


def test_ray_head_ports_come_from_the_head_container() -> None:
    head = {
        "serviceType": "LoadBalancer",
        "template": {"spec": {"containers": [{"name": "ray-head", "ports": [{"containerPort": 9443}]}]}},
    }
    assert evaluate(ray("RayCluster", head)).verdict is Verdict.PASS


def test_ray_job_on_an_existing_cluster_has_no_head_service() -> None:
    job = Resource("RayJob", "RayJob.ray.x", {"spec": {"clusterSelector": {"ray.io/cluster": "shared"}}})
    assert evaluate(job).verdict is Verdict.PASS


@pytest.mark.parametrize("head", [None, "x", [], {"serviceType": 7}])
def test_odd_ray_heads(head: Any) -> None:
    assert evaluate(ray("RayCluster", head)).verdict is Verdict.UNKNOWN


def test_ray_service_serve_service() -> None:
    serve = {"spec": {"type": "LoadBalancer", "ports": [{"name": "serve", "port": 8000}]}}
    assert evaluate(ray("RayService", HEAD_TEMPLATE, serveService=serve)).verdict is Verdict.FAIL
