"""Each component's ``RULES`` (from which the README's component table is generated) is exactly the set of
catalog rules that judge the resources of its default construction, and every one of them passes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pulumi import ComponentResource

from policies.catalog import load_catalog
from policies.model import Verdict
from pulumi_components import (
    BedrockGuardrail,
    BedrockInvocationLogging,
    ContainerSpec,
    LeastPrivilegeRole,
    ModelRepository,
    NonRootContainerService,
    PrivateAiNetwork,
    SecureBucket,
    SecureModelEndpoint,
    SecureNotebook,
    SecureStudioDomain,
)
from tests.pulumi.mocks import ACCOUNT_ID, REGION, RecordingMocks, findings, run

ROLE_ARN = f"arn:aws:iam::{ACCOUNT_ID}:role/ml-execution"
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
SECURITY_GROUPS = ["sg-0123456789abcdef0"]
IMAGE = f"{ACCOUNT_ID}.dkr.ecr.{REGION}.amazonaws.com/llm-server:v1"

DEFAULT_CONSTRUCTIONS: dict[type[ComponentResource], Callable[[], ComponentResource]] = {
    SecureBucket: lambda: SecureBucket("data"),
    PrivateAiNetwork: lambda: PrivateAiNetwork("ml"),
    LeastPrivilegeRole: lambda: LeastPrivilegeRole("trainer", service_principals=["sagemaker.amazonaws.com"]),
    NonRootContainerService: lambda: NonRootContainerService(
        "llm",
        cluster_arn=f"arn:aws:ecs:{REGION}:{ACCOUNT_ID}:cluster/ai",
        containers=[ContainerSpec(name="server", image=IMAGE, user="1000:1000", port=8080)],
        subnet_ids=SUBNETS,
        security_group_ids=SECURITY_GROUPS,
    ),
    ModelRepository: lambda: ModelRepository("models"),
    SecureNotebook: lambda: SecureNotebook(
        "research",
        instance_type="ml.t3.medium",
        role_arn=ROLE_ARN,
        subnet_id=SUBNETS[0],
        security_group_ids=SECURITY_GROUPS,
    ),
    SecureStudioDomain: lambda: SecureStudioDomain(
        "studio", vpc_id="vpc-0123456789abcdef0", subnet_ids=SUBNETS, security_group_ids=SECURITY_GROUPS
    ),
    SecureModelEndpoint: lambda: SecureModelEndpoint(
        "llm", image=IMAGE, execution_role_arn=ROLE_ARN, subnet_ids=SUBNETS, security_group_ids=SECURITY_GROUPS
    ),
    # Bedrock resources need invocation logging in their configuration (CKV2_AISEC_10): construct it beside.
    BedrockGuardrail: lambda: (BedrockInvocationLogging("companion"), BedrockGuardrail("assistant"))[1],
    BedrockInvocationLogging: lambda: BedrockInvocationLogging("invocations"),
}


@pytest.mark.parametrize("component", list(DEFAULT_CONSTRUCTIONS), ids=lambda component: component.__name__)
def test_component_rules_are_exactly_the_rules_that_judge_it(
    component: type[ComponentResource], mocks: RecordingMocks
) -> None:
    built = run(DEFAULT_CONSTRUCTIONS[component])
    own_prefix = f".{built._name}"  # children are named "<component name>-<part>"
    results = [finding for finding in findings(mocks) if own_prefix in finding[1]]
    assert results, "no rule judged anything: were resources recorded?"
    assert [(rule, address) for rule, address, result in results if result.verdict is not Verdict.PASS] == []
    assert {rule for rule, _, _ in results} == set(component.RULES)


def test_component_rules_name_catalog_rules() -> None:
    catalog = {rule.id for rule in load_catalog()}
    for component in DEFAULT_CONSTRUCTIONS:
        assert set(component.RULES) <= catalog, component.__name__
