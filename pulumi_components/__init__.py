"""Secure-by-default Pulumi components for AI workloads on AWS.

Each component refuses, at construction (that is, during ``pulumi preview``), arguments that would violate a
rule of the pack's catalog: it raises ``PolicyViolation`` naming the rule and registers nothing.
"""

from pulumi_components._validation import PolicyViolation
from pulumi_components.bedrock import BedrockGuardrail, BedrockInvocationLogging
from pulumi_components.bucket import SecureBucket
from pulumi_components.container import ContainerSpec, NonRootContainerService
from pulumi_components.ecr import ModelRepository
from pulumi_components.iam import LeastPrivilegeRole
from pulumi_components.network import PrivateAiNetwork
from pulumi_components.sagemaker import SecureModelEndpoint, SecureNotebook, SecureStudioDomain

__all__ = [
    "BedrockGuardrail",
    "BedrockInvocationLogging",
    "ContainerSpec",
    "LeastPrivilegeRole",
    "ModelRepository",
    "NonRootContainerService",
    "PolicyViolation",
    "PrivateAiNetwork",
    "SecureBucket",
    "SecureModelEndpoint",
    "SecureNotebook",
    "SecureStudioDomain",
]
