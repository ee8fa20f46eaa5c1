"""CKV_AISEC_151: AI tooling ports are not exposed outside the cluster by LoadBalancer or NodePort Services
(plain Services, KubeRay head services and a RayService's serve service)."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from typing import Any

from policies.ai_ports import AI_TOOL_PORTS, describe_ports
from policies.kubernetes import annotations as annotations_of
from policies.model import Resource, Result, as_int, combine, failed, is_unset, passed, unknown

INTERNAL_ANNOTATION = "service.beta.kubernetes.io/aws-load-balancer-internal"
SCHEME_ANNOTATION = "service.beta.kubernetes.io/aws-load-balancer-scheme"
TYPE_ANNOTATION = "service.beta.kubernetes.io/aws-load-balancer-type"
SOURCE_RANGES_ANNOTATION = "service.beta.kubernetes.io/load-balancer-source-ranges"
# Services the AWS Load Balancer Controller reconciles; it makes them internal unless told otherwise.
LBC_TYPES = ("external", "nlb-ip")
LBC_CLASS = "service.k8s.aws/nlb"

# Port names KubeRay and the tools give the ports of this list.
AI_PORT_NAMES = {
    "dashboard": 8265,
    "client": 10001,
    "gcs": 6379,
    "gcs-server": 6379,
    "serve": 8000,
    "jupyter": 8888,
    "notebook": 8888,
    "mlflow": 5000,
    "tensorboard": 6006,
    "gradio": 7860,
    "streamlit": 8501,
    "ollama": 11434,
}
# The ports a KubeRay head service exposes when the head container declares none.
RAY_HEAD_DEFAULT_PORTS = [6379, 8265, 10001]


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _port_number(value: Any) -> int | None:
    number = as_int(value)
    return number if number is not None and 0 < number < 65536 else None


def _exposed_ports(ports: Any) -> tuple[list[int], list[str]]:
    """AI tooling ports a Service's ``ports`` reach (by ``port`` or ``targetPort``), and ports it cannot read."""
    found: list[int] = []
    unreadable: list[str] = []
    if not isinstance(ports, list):
        return found, [f"ports is not a list ({ports!r})"]
    for entry in ports:
        if not isinstance(entry, Mapping):
            unreadable.append(f"port entry {entry!r}")
            continue
        port = _port_number(entry.get("port"))
        target = entry.get("targetPort", entry.get("port"))
        target_number = _port_number(target)
        hits = [number for number in (port, target_number) if number in AI_TOOL_PORTS]
        if isinstance(target, str) and target_number is None and target.strip().lower() in AI_PORT_NAMES:
            hits.append(AI_PORT_NAMES[target.strip().lower()])
        if hits:
            found.extend(hits)
        elif port is None:
            unreadable.append(f"port {entry.get('port')!r}")
        elif target_number is None:
            unreadable.append(f"port {port} targets the named port {target!r}, which may be any container port")
    return sorted(set(found)), unreadable


def _scheme(annotations: Mapping[str, Any], spec: Mapping[str, Any]) -> tuple[str, str]:
    """('internal' | 'internet-facing' | 'unknown', detail) for an AWS LoadBalancer Service."""
    scheme = annotations.get(SCHEME_ANNOTATION)
    if scheme is not None:
        text = str(scheme).strip().lower()
        if text in ("internal", "internet-facing"):
            return text, f"{SCHEME_ANNOTATION} is {text}"
        return "unknown", f"{SCHEME_ANNOTATION} is {scheme!r}"
    internal = annotations.get(INTERNAL_ANNOTATION)
    if internal is not None:
        text = str(internal).strip().lower()
        if text == "true":
            return "internal", f"{INTERNAL_ANNOTATION} is true"
        if text == "false":
            return "internet-facing", f"{INTERNAL_ANNOTATION} is false"
        return "unknown", f"{INTERNAL_ANNOTATION} is {internal!r}, not true or false"
    load_balancer_class = spec.get("loadBalancerClass")
    lb_type = str(annotations.get(TYPE_ANNOTATION, "")).strip().lower()
    if load_balancer_class == LBC_CLASS or lb_type in LBC_TYPES:
        return "internal", "the AWS Load Balancer Controller makes it internal when no scheme is given"
    if not is_unset(load_balancer_class):
        return "unknown", f"loadBalancerClass {load_balancer_class!r} decides whether it faces the internet"
    return "internet-facing", "no annotation makes it internal, so AWS gives it a public address"


def _source_ranges(annotations: Mapping[str, Any], spec: Mapping[str, Any]) -> tuple[str, str]:
    """('limited' | 'open' | 'unreadable', detail) for a LoadBalancer's allowed client ranges."""
    ranges: Any = spec.get("loadBalancerSourceRanges")
    name = "loadBalancerSourceRanges"
    if is_unset(ranges) and isinstance(annotations.get(SOURCE_RANGES_ANNOTATION), str):
        ranges = [item for item in annotations[SOURCE_RANGES_ANNOTATION].split(",") if item.strip()]
        name = SOURCE_RANGES_ANNOTATION
    if is_unset(ranges):
        return "open", "no loadBalancerSourceRanges"
    if not isinstance(ranges, list):
        return "unreadable", f"{name} is not a list ({ranges!r})"
    for cidr in ranges:
        try:
            network = ipaddress.ip_network(str(cidr).strip(), strict=False)
        except ValueError:
            return "unreadable", f"{name} holds {cidr!r}, not a CIDR range"
        if network.prefixlen == 0:
            return "open", f"{name} admits {cidr}"
    return "limited", f"{name} admits only {', '.join(str(cidr) for cidr in ranges)}"


def judge_service(
    spec: Mapping[str, Any],
    annotations: Mapping[str, Any],
    where: str,
    ports: Any,
    type_attribute: str | None = None,
) -> Result:
    """A Service (``spec``, ``metadata.annotations``) whose ``ports`` may carry AI tooling.

    ``type_attribute`` (``spec/type``) is the attribute of verdicts the service's type decides: its failures
    and a ClusterIP; verdicts that an annotation, the source ranges or the ports decide name none.
    """
    service_type = spec.get("type", "ClusterIP")
    if service_type is None or service_type in ("ClusterIP", "ExternalName"):
        return passed(f"{where} is {service_type or 'ClusterIP'}: reachable only inside the cluster", type_attribute)
    if service_type not in ("LoadBalancer", "NodePort"):
        return unknown(f"{where} has type {service_type!r}", type_attribute)
    if service_type == "LoadBalancer":
        scheme, scheme_detail = _scheme(annotations, spec)
        if scheme == "internal":
            return passed(f"{where} is an internal load balancer ({scheme_detail})")
        ranges, ranges_detail = _source_ranges(annotations, spec)
        if ranges == "limited":
            return passed(f"{where} is a LoadBalancer, but {ranges_detail}")
    exposed, unreadable = _exposed_ports(ports)
    if not exposed:
        if unreadable:
            return unknown(f"{where} is a {service_type}: {'; '.join(unreadable)}")
        return passed(f"{where} is a {service_type} without AI tooling ports")
    tools = describe_ports(exposed)
    if service_type == "NodePort":
        return failed(
            f"{where} is a NodePort Service exposing {tools} on every node's address; "
            "loadBalancerSourceRanges does not restrict node ports",
            type_attribute,
        )
    if scheme == "unknown" or ranges == "unreadable":
        detail = scheme_detail if scheme == "unknown" else ranges_detail
        return unknown(f"{where} is a LoadBalancer for {tools}: {detail}")
    return failed(
        f"{where} is an internet-facing LoadBalancer for {tools} ({scheme_detail}) with {ranges_detail}",
        type_attribute,
    )


def _judge_plain_service(resource: Resource) -> Result:
    spec = resource.get("spec")
    if not isinstance(spec, Mapping):
        return unknown(f"spec is not a mapping ({spec!r})", "spec")
    annotations = annotations_of(resource.get("metadata"))
    return judge_service(spec, annotations, "the Service", spec.get("ports", []), type_attribute="spec/type")


def _head_ports(head: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The head service's ports: those the head container declares, or KubeRay's defaults."""
    containers = _mapping(_mapping(head.get("template")).get("spec")).get("containers")
    first = _mapping(containers[0]) if isinstance(containers, list) and containers else {}
    ports = first.get("ports")
    declared = [
        {"port": item["containerPort"]}
        for item in (ports if isinstance(ports, list) else [])
        if isinstance(item, Mapping) and item.get("containerPort") is not None
    ]
    return declared or [{"port": port} for port in RAY_HEAD_DEFAULT_PORTS]


def _judge_ray_cluster_spec(cluster: Any, where: str) -> Result:
    if not isinstance(cluster, Mapping):
        return unknown(f"{where} is not a mapping ({cluster!r})")
    head = cluster.get("headGroupSpec")
    if not isinstance(head, Mapping):
        return unknown(f"{where}.headGroupSpec is not a mapping ({head!r})")
    head_service = _mapping(head.get("headService"))
    service_spec = dict(_mapping(head_service.get("spec")))
    if "serviceType" in head:
        service_spec["type"] = head.get("serviceType")
    annotations = {
        **_mapping(cluster.get("headServiceAnnotations")),
        **annotations_of(head_service.get("metadata")),
    }
    return judge_service(service_spec, annotations, "the Ray head service", _head_ports(head))


def _judge_ray(resource: Resource) -> Result:
    spec = _mapping(resource.get("spec"))
    if resource.type == "RayCluster":
        return _judge_ray_cluster_spec(resource.get("spec"), "spec")
    if resource.type == "RayJob":
        if "rayClusterSpec" not in spec:
            return passed("the RayJob runs on an existing cluster (clusterSelector), judged on its own")
        return _judge_ray_cluster_spec(spec.get("rayClusterSpec"), "spec.rayClusterSpec")
    results = [_judge_ray_cluster_spec(spec.get("rayClusterConfig"), "spec.rayClusterConfig")]
    serve = spec.get("serveService")
    if isinstance(serve, Mapping):
        serve_spec = _mapping(serve.get("spec"))
        annotations = annotations_of(serve.get("metadata"))
        results.append(judge_service(serve_spec, annotations, "the serve service", serve_spec.get("ports", [])))
    return combine(results, passed("no services"))


def evaluate(resource: Resource) -> Result:
    if resource.type == "Service":
        return _judge_plain_service(resource)
    if resource.type in ("RayCluster", "RayJob", "RayService"):
        return _judge_ray(resource)
    return unknown(f"{resource.type} is not a Service or a KubeRay resource")
