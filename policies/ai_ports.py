"""Ports where AI tooling listens by default: the one list every network rule judges exposure against.

Security-group rules (internet ingress) and Kubernetes rules (LoadBalancer and NodePort Services, KubeRay head
services) import ``AI_TOOL_PORTS`` from here instead of keeping their own copy.
"""

from __future__ import annotations

from collections.abc import Iterable

# Ports of AI tooling that must never face the internet, and the tool that listens there by default. 8080 is
# not one: TorchServe serves inference there, but so does every other web server (Knative's gateway, Jenkins,
# Keycloak), and an inference API behind a load balancer is what serving means; its management API (8081),
# which registers models from URLs, is.
AI_TOOL_PORTS: dict[int, str] = {
    5000: "MLflow tracking server",
    6006: "TensorBoard",
    6379: "Ray GCS or Redis",
    7860: "Gradio",
    8000: "model server HTTP (vLLM, Triton)",
    8001: "Triton gRPC",
    8002: "Triton metrics",
    8081: "TorchServe management",
    8082: "TorchServe metrics",
    8265: "Ray dashboard",
    8501: "Streamlit",
    8888: "Jupyter",
    10001: "Ray client server",
    11434: "Ollama",
}


def describe_ports(ports: Iterable[int]) -> str:
    """``[8265, 10001]`` -> ``Ray dashboard (8265), Ray client server (10001)``."""
    return ", ".join(f"{AI_TOOL_PORTS.get(port, 'port')} ({port})" for port in sorted(set(ports)))
