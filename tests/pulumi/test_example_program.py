"""The example AI platform (terraform_examples/pulumi_platform) runs under mocks and passes every rule.

The program is executed once for this module, as ``pulumi`` would run it (``runpy`` of ``__main__.py``), under
fresh recording mocks installed by the module fixture itself (Pulumi's mocks are process-global, so the
function-scoped ``mocks`` fixture of the other tests is not used here).
"""

from __future__ import annotations

import json
import runpy
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.pulumi.mocks import ACCOUNT_ID, REGION, RecordingMocks, assert_rules_pass, install, resolve, run

PROGRAM = Path(__file__).resolve().parents[2] / "terraform_examples" / "pulumi_platform" / "__main__.py"
# Generous: a cold run (first import of pulumi_aws's ec2, sagemaker, s3... modules) takes about 10 s here,
# a warm one about 3 s. The budget catches an accidental quadratic or hanging program, not jitter.
CONSTRUCTION_BUDGET_SECONDS = 90

# The components the program declares itself, by logical name.
TOP_LEVEL_COMPONENTS = {
    "platform": "aisec:network:PrivateAiNetwork",
    "training-data": "aisec:s3:SecureBucket",
    "inference-captures": "aisec:s3:SecureBucket",
    "model-images": "aisec:ecr:ModelRepository",
    "sagemaker-execution": "aisec:iam:LeastPrivilegeRole",
    "research": "aisec:sagemaker:SecureNotebook",
    "studio": "aisec:sagemaker:SecureStudioDomain",
    "llm": "aisec:sagemaker:SecureModelEndpoint",
    "assistant": "aisec:bedrock:BedrockGuardrail",
    "bedrock-invocations": "aisec:bedrock:BedrockInvocationLogging",
    "rag-api": "aisec:ecs:NonRootContainerService",
}
# Cloud resources the program declares outside any component.
TOP_LEVEL_RESOURCES = {"workloads-sg": "aws:ec2/securityGroup:SecurityGroup", "serving": "aws:ecs/cluster:Cluster"}
# Rules the platform's resources fall under (the helper ignores those not in the catalog yet): S3 (1, CKV2 1-4),
# KMS rotation (4), SageMaker notebook (5, 11-13), Studio (6, 14), model (16, 17), endpoint configuration
# (18-20), security groups (7), IAM (8, 9), ECS (10), ECR (45, 46), Bedrock guardrail (33-35), invocation
# logging (36, CKV2 10-11), VPC flow logs (CKV2 5).
PLATFORM_RULES = {
    *(f"CKV_AISEC_{n}" for n in (1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20, 33, 34, 35, 36, 45, 46)),
    *(f"CKV2_AISEC_{n}" for n in (1, 2, 3, 4, 5, 10, 11)),
}


@dataclass
class Platform:
    mocks: RecordingMocks
    namespace: dict[str, Any]
    seconds: float


@pytest.fixture(scope="module")
def platform() -> Platform:
    mocks = install()
    started = time.perf_counter()
    namespace = run(lambda: runpy.run_path(str(PROGRAM), run_name="__main__"))
    return Platform(mocks, namespace, time.perf_counter() - started)


def test_project_file_describes_a_python_program() -> None:
    project = yaml.safe_load((PROGRAM.parent / "Pulumi.yaml").read_text(encoding="utf-8"))
    assert project["name"] == "aisec-ai-platform"
    assert project["runtime"]["name"] == "python"
    assert set(project["config"]) == {
        "aisec-ai-platform:availabilityZones",
        "aisec-ai-platform:modelIds",
        "aisec-ai-platform:imageTag",
    }
    source = PROGRAM.read_text(encoding="utf-8")
    for key in ("availabilityZones", "modelIds", "imageTag"):
        assert f'"{key}"' in source, f"{key} is declared in Pulumi.yaml but not read by the program"


def test_the_program_registered_resources(platform: Platform) -> None:
    assert platform.mocks.custom, "the mocks recorded nothing: is set_mocks in effect?"
    assert len(platform.mocks.custom) >= 70


def test_construction_time_under_mocks(platform: Platform, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print(
            f"\nexample platform constructed under mocks in {platform.seconds:.2f} s "
            f"({len(platform.mocks.registered)} registrations, {len(platform.mocks.custom)} cloud resources)"
        )
    assert platform.seconds < CONSTRUCTION_BUDGET_SECONDS


def test_all_ten_components_are_composed(platform: Platform) -> None:
    mocks = platform.mocks
    recorded_urns = {r.urn for r in mocks.registered}
    # Top-level resources are children of the stack, which the mocks do not record as a resource.
    stack_children = {r.name: r.type for r in mocks.registered if r.parent_urn not in recorded_urns}
    assert all("pulumi:pulumi:Stack" in r.parent_urn for r in mocks.registered if r.name in stack_children)
    assert stack_children == {**TOP_LEVEL_COMPONENTS, **TOP_LEVEL_RESOURCES}
    component_types = {r.type for r in mocks.registered if not r.custom}
    assert component_types == set(TOP_LEVEL_COMPONENTS.values())
    assert len(component_types) == 10


def test_every_other_resource_lives_inside_a_component(platform: Platform) -> None:
    mocks = platform.mocks
    component_urns = {r.urn for r in mocks.registered if not r.custom}
    outside = sorted(r.name for r in mocks.custom if r.parent_urn not in component_urns)
    assert outside == sorted(TOP_LEVEL_RESOURCES)


def test_ai_resources_are_registered_once_each(platform: Platform) -> None:
    counts = Counter(platform.mocks.types())
    for type_token in (
        "aws:sagemaker/notebookInstance:NotebookInstance",
        "aws:sagemaker/domain:Domain",
        "aws:sagemaker/model:Model",
        "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
        "aws:sagemaker/endpoint:Endpoint",
        "aws:bedrock/guardrail:Guardrail",
        "aws:bedrock/guardrailVersion:GuardrailVersion",
        "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration",
        "aws:ecr/repository:Repository",
        "aws:ecs/service:Service",
        "aws:ec2/vpc:Vpc",
    ):
        assert counts[type_token] == 1, type_token
    assert counts["aws:s3/bucket:Bucket"] == 3  # training data, inference captures, invocation logs
    assert counts["aws:s3/bucketPolicy:BucketPolicy"] == 3
    assert counts["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"] == 3
    # Every key the platform creates rotates (CKV_AISEC_4 judges them below too).
    keys = platform.mocks.of_type("aws:kms/key:Key")
    assert keys and all(key.inputs["enableKeyRotation"] is True for key in keys)


def test_components_are_wired_to_the_private_network(platform: Platform) -> None:
    mocks = platform.mocks
    subnet_ids = [mocks.by_name(f"platform-private-{index}").id for index in range(2)]
    vpc_id = mocks.by_name("platform-vpc").id
    workloads_sg = mocks.by_name("workloads-sg").id

    notebook = mocks.one("aws:sagemaker/notebookInstance:NotebookInstance").inputs
    assert (notebook["subnetId"], notebook["securityGroups"]) == (subnet_ids[0], [workloads_sg])
    assert (notebook["directInternetAccess"], notebook["rootAccess"]) == ("Disabled", "Disabled")

    domain = mocks.one("aws:sagemaker/domain:Domain").inputs
    assert (domain["vpcId"], domain["subnetIds"], domain["appNetworkAccessType"]) == (vpc_id, subnet_ids, "VpcOnly")

    model = mocks.one("aws:sagemaker/model:Model").inputs
    assert model["vpcConfig"] == {"subnets": subnet_ids, "securityGroupIds": [workloads_sg]}
    assert model["enableNetworkIsolation"] is True
    repository_url = mocks.one("aws:ecr/repository:Repository").outputs["repositoryUrl"]
    assert model["primaryContainer"]["image"] == f"{repository_url}:1.0.0"

    service = mocks.one("aws:ecs/service:Service").inputs
    assert service["networkConfiguration"] == {
        "subnets": subnet_ids,
        "securityGroups": [workloads_sg],
        "assignPublicIp": False,
    }
    ingress = mocks.by_name("workloads-sg").inputs["ingress"]
    assert all(rule.get("cidrBlocks", ["10.40.0.0/16"]) == ["10.40.0.0/16"] for rule in ingress)


def test_endpoint_captures_into_the_captures_bucket_under_its_key(platform: Platform) -> None:
    mocks = platform.mocks
    captures_bucket = mocks.by_name("inference-captures-bucket").props["bucket"]
    captures_key = mocks.by_name("inference-captures-key").outputs["arn"]
    config = mocks.one("aws:sagemaker/endpointConfiguration:EndpointConfiguration").inputs
    assert config["kmsKeyArn"] == captures_key
    assert config["dataCaptureConfig"] == {
        "enableCapture": True,
        "initialSamplingPercentage": 25,
        "destinationS3Uri": f"s3://{captures_bucket}/llm/",
        "kmsKeyId": captures_key,
        "captureOptions": [{"captureMode": "Input"}, {"captureMode": "Output"}],
    }
    assert config["productionVariants"][0]["initialInstanceCount"] == 2
    role_policy = json.loads(mocks.by_name("sagemaker-execution-policy").inputs["policy"])
    write = next(s for s in role_policy["Statement"] if s["Sid"] == "WriteCaptures")
    assert write["Resource"] == f"arn:aws:s3:::{captures_bucket}/llm/*"


def test_rag_api_may_apply_the_guardrail_and_invoke_named_models_only(platform: Platform) -> None:
    mocks = platform.mocks
    guardrail_arn = mocks.one("aws:bedrock/guardrail:Guardrail").outputs["guardrailArn"]
    statements = {s["Sid"]: s for s in json.loads(mocks.by_name("rag-api-task-policy").inputs["policy"])["Statement"]}
    assert statements["ApplyGuardrail"]["Resource"] == guardrail_arn
    assert statements["InvokeModels"]["Resource"] == [
        f"arn:aws:bedrock:{REGION}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
    ]
    assert mocks.one("aws:bedrock/guardrailVersion:GuardrailVersion").inputs["guardrailArn"] == guardrail_arn


def test_invocation_logging_is_encrypted_and_retained(platform: Platform) -> None:
    mocks = platform.mocks
    logging = mocks.one("aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration").inputs
    log_group = mocks.by_name("bedrock-invocations-log-group")
    assert log_group.inputs["retentionInDays"] == 365
    assert log_group.inputs["kmsKeyId"] == mocks.by_name("bedrock-invocations-log-group-key").outputs["arn"]
    assert logging["loggingConfig"]["cloudwatchConfig"]["logGroupName"] == log_group.props["name"]
    assert logging["loggingConfig"]["s3Config"] == {
        "bucketName": f"bedrock-invocation-logs-{ACCOUNT_ID}-{REGION}",
        "keyPrefix": "bedrock",
    }


def test_program_outputs_resolve(platform: Platform) -> None:
    namespace = platform.namespace
    assert resolve(namespace["endpoint"].endpoint_name) == platform.mocks.one("aws:sagemaker/endpoint:Endpoint").id
    assert resolve(namespace["guardrail"].guardrail_version) == "1"


def test_zero_rule_failures_and_every_covered_resource_passes(platform: Platform) -> None:
    found = assert_rules_pass(platform.mocks, PLATFORM_RULES)
    judged_addresses = {address for _, address, _ in found}
    # The AI resources the pack has rules for were judged, not skipped by a mis-normalization.
    for address in (
        "aws_sagemaker_notebook_instance.research-notebook",
        "aws_sagemaker_domain.studio-domain",
        "aws_sagemaker_model.llm-model",
        "aws_bedrock_guardrail.assistant-guardrail",
        "aws_bedrock_model_invocation_logging_configuration.bedrock-invocations-configuration",
        "aws_security_group.workloads-sg",
    ):
        assert address in judged_addresses, address
