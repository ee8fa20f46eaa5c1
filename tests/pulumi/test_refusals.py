"""Refusals come from the catalog: for every rule in a component's ``RULES``, a plausible insecure argument is
refused with exactly that rule's ID, and nothing is registered.

``UNREACHABLE`` lists the rules no argument can make fail (the component hard-codes the secure value and
offers no argument for it), with the reason; a test checks that every rule is either refused here or listed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi
import pytest

from policies.catalog import load_catalog
from pulumi_components import (
    BedrockGuardrail,
    BedrockInvocationLogging,
    LeastPrivilegeRole,
    ModelRepository,
    NonRootContainerService,
    PolicyViolation,
    PrivateAiNetwork,
    SecureBucket,
    SecureModelEndpoint,
    SecureNotebook,
    SecureStudioDomain,
)
from pulumi_components.iam import invoke_bedrock_models
from tests.pulumi.mocks import ACCOUNT_ID, REGION, RecordingMocks, run

ROLE_ARN = f"arn:aws:iam::{ACCOUNT_ID}:role/ml-execution"
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
SECURITY_GROUPS = ["sg-0123456789abcdef0"]
IMAGE = f"{ACCOUNT_ID}.dkr.ecr.{REGION}.amazonaws.com/llm-server:v1"
CLUSTER = f"arn:aws:ecs:{REGION}:{ACCOUNT_ID}:cluster/ai"
MANAGED_KEY = "alias/aws/kms"
STAR_ON_STAR = {"Effect": "Allow", "Action": "s3:**", "Resource": "*"}
PASS_ANY_ROLE = {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}
INVOKE_ANY_MODEL = {"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*"}
PUBLIC_READ = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}
ECR_PUBLIC_PULL = {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["ecr:BatchGetImage"]}
# Credential-shaped values are built here, so that no secret-shaped literal sits in the repository.
HF_TOKEN = "hf_" + "Q" * 34
OPENAI_KEY = "sk-" + "proj-" + "x" * 40
HUB_MODEL = "meta-llama/Llama-3.1-8B"


def _bucket(**kwargs: Any) -> SecureBucket:
    return SecureBucket("data", **kwargs)


def _network(**kwargs: Any) -> PrivateAiNetwork:
    return PrivateAiNetwork("ml", **kwargs)


def _role(**kwargs: Any) -> LeastPrivilegeRole:
    return LeastPrivilegeRole("trainer", **{"service_principals": ["sagemaker.amazonaws.com"], **kwargs})


def _service(container: dict[str, Any] | None = None, **kwargs: Any) -> NonRootContainerService:
    spec = {"name": "server", "image": IMAGE, "user": "1000:1000", "port": 8080, **(container or {})}
    return NonRootContainerService(
        "llm",
        cluster_arn=CLUSTER,
        containers=[spec],
        subnet_ids=SUBNETS,
        security_group_ids=SECURITY_GROUPS,
        **kwargs,
    )


def _repository(**kwargs: Any) -> ModelRepository:
    return ModelRepository("models", **kwargs)


def _notebook(**kwargs: Any) -> SecureNotebook:
    args = {
        "instance_type": "ml.t3.medium",
        "role_arn": ROLE_ARN,
        "subnet_id": SUBNETS[0],
        "security_group_ids": SECURITY_GROUPS,
        **kwargs,
    }
    return SecureNotebook("research", **args)


def _domain(**kwargs: Any) -> SecureStudioDomain:
    args = {
        "vpc_id": "vpc-0123456789abcdef0",
        "subnet_ids": SUBNETS,
        "security_group_ids": SECURITY_GROUPS,
        **kwargs,
    }
    return SecureStudioDomain("studio", **args)


def _endpoint(**kwargs: Any) -> SecureModelEndpoint:
    args = {
        "image": IMAGE,
        "execution_role_arn": ROLE_ARN,
        "subnet_ids": SUBNETS,
        "security_group_ids": SECURITY_GROUPS,
        **kwargs,
    }
    return SecureModelEndpoint("llm", **args)


def _guardrail(**kwargs: Any) -> BedrockGuardrail:
    return BedrockGuardrail("assistant", **kwargs)


def _logging(**kwargs: Any) -> BedrockInvocationLogging:
    return BedrockInvocationLogging("invocations", **kwargs)


# (component, rule ID, what the case shows, the construction)
REFUSALS: list[tuple[type, str, str, Callable[[], Any]]] = [
    (SecureBucket, "CKV_AISEC_1", "AWS-managed S3 key", lambda: _bucket(kms_key_arn="alias/aws/s3")),
    (SecureBucket, "CKV_AISEC_1", "empty key ARN", lambda: _bucket(kms_key_arn="")),
    (SecureBucket, "CKV_AISEC_112", "public read statement", lambda: _bucket(policy_statements=[PUBLIC_READ])),
    (PrivateAiNetwork, "CKV_AISEC_77", "30-day flow-log retention", lambda: _network(flow_log_retention_days=30)),
    (PrivateAiNetwork, "CKV_AISEC_77", "60-day flow-log retention", lambda: _network(flow_log_retention_days=60)),
    (PrivateAiNetwork, "CKV_AISEC_77", "never-expiring flow logs", lambda: _network(flow_log_retention_days=0)),
    (PrivateAiNetwork, "CKV_AISEC_76", "empty flow-log key ARN", lambda: _network(flow_log_kms_key_arn="")),
    (PrivateAiNetwork, "CKV_AISEC_76", "AWS-managed log key", lambda: _network(flow_log_kms_key_arn=MANAGED_KEY)),
    (LeastPrivilegeRole, "CKV_AISEC_8", "s3:** on *", lambda: _role(statements=[STAR_ON_STAR])),
    (LeastPrivilegeRole, "CKV_AISEC_110", "iam:PassRole on *", lambda: _role(statements=[PASS_ANY_ROLE])),
    (
        LeastPrivilegeRole,
        "CKV_AISEC_158",
        "every Bedrock model",
        lambda: _role(statements=invoke_bedrock_models(["*"], REGION)),
    ),
    (
        LeastPrivilegeRole,
        "CKV_AISEC_9",
        "AdministratorAccess attached",
        lambda: _role(managed_policy_arns=["arn:aws:iam::aws:policy/AdministratorAccess"]),
    ),
    (NonRootContainerService, "CKV_AISEC_10", "user root", lambda: _service({"user": "root"})),
    (NonRootContainerService, "CKV_AISEC_10", "user as the integer 0", lambda: _service({"user": 0})),
    (NonRootContainerService, "CKV_AISEC_10", "no user", lambda: _service({"user": None})),
    (NonRootContainerService, "CKV_AISEC_10", "privileged", lambda: _service({"privileged": True})),
    (
        NonRootContainerService,
        "CKV_AISEC_105",
        "writable root file system",
        lambda: _service({"read_only_root_filesystem": False}),
    ),
    (NonRootContainerService, "CKV_AISEC_77", "30-day log retention", lambda: _service(log_retention_days=30)),
    (NonRootContainerService, "CKV_AISEC_77", "never-expiring logs", lambda: _service(log_retention_days=0)),
    (NonRootContainerService, "CKV_AISEC_76", "empty log key ARN", lambda: _service(log_kms_key_arn="")),
    (
        NonRootContainerService,
        "CKV_AISEC_8",
        "s3:** on * for the task",
        lambda: _service(task_role_statements=[STAR_ON_STAR]),
    ),
    (
        NonRootContainerService,
        "CKV_AISEC_110",
        "iam:PassRole on * for the task",
        lambda: _service(task_role_statements=[PASS_ANY_ROLE]),
    ),
    (
        NonRootContainerService,
        "CKV_AISEC_158",
        "every Bedrock model for the task",
        lambda: _service(task_role_statements=[INVOKE_ANY_MODEL]),
    ),
    (
        NonRootContainerService,
        "CKV_AISEC_131",
        "--trust-remote-code in the command",
        lambda: _service({"command": ["--model", "/models/llm", "--trust-remote-code"]}),
    ),
    (
        NonRootContainerService,
        "CKV_AISEC_131",
        "TRUST_REMOTE_CODE=true in the environment",
        lambda: _service({"environment": {"TRUST_REMOTE_CODE": "true"}}),
    ),
    (NonRootContainerService, "CKV_AISEC_135", "image tagged latest", lambda: _service({"image": "python:latest"})),
    (
        NonRootContainerService,
        "CKV_AISEC_135",
        "private ECR image without a tag",
        lambda: _service({"image": IMAGE.rpartition(":")[0]}),
    ),
    (
        NonRootContainerService,
        "CKV_AISEC_135",
        "Docker Hub image by a version tag",
        lambda: _service({"image": "vllm/vllm-openai:v0.6.3"}),
    ),
    (
        NonRootContainerService,
        "CKV_AISEC_140",
        "Hugging Face token in the environment",
        lambda: _service({"environment": {"HF_TOKEN": HF_TOKEN}}),
    ),
    (
        NonRootContainerService,
        "CKV_AISEC_140",
        "literal in a credential-named variable",
        lambda: _service({"environment": {"WANDB_API_KEY": "not-a-reference"}}),
    ),
    (
        NonRootContainerService,
        "CKV_AISEC_140",
        "API key in the command",
        lambda: _service({"command": ["serve", "--api-key", OPENAI_KEY]}),
    ),
    (ModelRepository, "CKV_AISEC_46", "AWS-managed ECR key", lambda: _repository(kms_key_arn="alias/aws/ecr")),
    (ModelRepository, "CKV_AISEC_46", "empty key ARN", lambda: _repository(kms_key_arn="")),
    (ModelRepository, "CKV2_AISEC_21", "public pull", lambda: _repository(policy_statements=[ECR_PUBLIC_PULL])),
    (SecureNotebook, "CKV_AISEC_5", "direct internet access", lambda: _notebook(direct_internet_access="Enabled")),
    (SecureNotebook, "CKV_AISEC_5", "no subnet", lambda: _notebook(subnet_id="")),
    (SecureNotebook, "CKV_AISEC_11", "AWS-managed key", lambda: _notebook(kms_key_arn="alias/aws/sagemaker")),
    (SecureNotebook, "CKV_AISEC_12", "root access", lambda: _notebook(root_access="Enabled")),
    (SecureNotebook, "CKV_AISEC_13", "IMDSv1", lambda: _notebook(minimum_instance_metadata_service_version="1")),
    (
        SecureStudioDomain,
        "CKV_AISEC_6",
        "public internet",
        lambda: _domain(app_network_access_type="PublicInternetOnly"),
    ),
    (SecureStudioDomain, "CKV_AISEC_14", "AWS-managed key", lambda: _domain(kms_key_arn="alias/aws/sagemaker")),
    (SecureStudioDomain, "CKV_AISEC_8", "s3:** on *", lambda: _domain(execution_role_statements=[STAR_ON_STAR])),
    (
        SecureStudioDomain,
        "CKV_AISEC_110",
        "iam:PassRole on *",
        lambda: _domain(execution_role_statements=[PASS_ANY_ROLE]),
    ),
    (
        SecureStudioDomain,
        "CKV_AISEC_158",
        "every Bedrock model",
        lambda: _domain(execution_role_statements=[INVOKE_ANY_MODEL]),
    ),
    (
        SecureStudioDomain,
        "CKV_AISEC_9",
        "SageMaker full access",
        lambda: _domain(execution_role_managed_policy_arns=["arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"]),
    ),
    (SecureModelEndpoint, "CKV_AISEC_16", "network isolation off", lambda: _endpoint(enable_network_isolation=False)),
    (SecureModelEndpoint, "CKV_AISEC_18", "AWS-managed storage key", lambda: _endpoint(kms_key_arn=MANAGED_KEY)),
    (SecureModelEndpoint, "CKV_AISEC_19", "data capture off", lambda: _endpoint(enable_data_capture=False)),
    (SecureModelEndpoint, "CKV_AISEC_19", "sampling 0", lambda: _endpoint(data_capture_sampling_percentage=0)),
    (
        SecureModelEndpoint,
        "CKV_AISEC_20",
        "AWS-managed capture key (NVMe instance: no storage key)",
        lambda: _endpoint(instance_type="ml.g5.2xlarge", kms_key_arn=MANAGED_KEY),
    ),
    (
        SecureModelEndpoint,
        "CKV_AISEC_130",
        "TRUST_REMOTE_CODE=true",
        lambda: _endpoint(environment={"TRUST_REMOTE_CODE": "true"}),
    ),
    (
        SecureModelEndpoint,
        "CKV_AISEC_130",
        "OPTION_TRUST_REMOTE_CODE=1 (LMI)",
        lambda: _endpoint(environment={"OPTION_TRUST_REMOTE_CODE": "1"}),
    ),
    (SecureModelEndpoint, "CKV_AISEC_134", "image tagged latest", lambda: _endpoint(image="python:latest")),
    (SecureModelEndpoint, "CKV_AISEC_156", "one instance", lambda: _endpoint(initial_instance_count=1)),
    (
        SecureModelEndpoint,
        "CKV_AISEC_134",
        "private ECR image tagged latest",
        lambda: _endpoint(image=IMAGE.rpartition(":")[0] + ":latest"),
    ),
    (
        SecureModelEndpoint,
        "CKV_AISEC_134",
        "ghcr.io image by a version tag",
        lambda: _endpoint(image="ghcr.io/huggingface/text-generation-inference:2.4.0"),
    ),
    (
        SecureModelEndpoint,
        "CKV_AISEC_138",
        "Hub model without model data",
        lambda: _endpoint(environment={"HF_MODEL_ID": HUB_MODEL}),
    ),
    (
        SecureModelEndpoint,
        "CKV_AISEC_138",
        "Hub model ID beside S3 model data",
        lambda: _endpoint(
            environment={"HF_MODEL_ID": HUB_MODEL}, model_data_url="s3://example-models/llm/model.tar.gz"
        ),
    ),
    (
        SecureModelEndpoint,
        "CKV_AISEC_139",
        "Hugging Face token for a gated model",
        lambda: _endpoint(environment={"HF_MODEL_ID": "/opt/ml/model", "HF_TOKEN": HF_TOKEN}),
    ),
    (
        SecureModelEndpoint,
        "CKV_AISEC_139",
        "OpenAI key in a differently named variable",
        lambda: _endpoint(environment={"UPSTREAM": OPENAI_KEY}),
    ),
    (BedrockGuardrail, "CKV_AISEC_33", "AWS-managed key", lambda: _guardrail(kms_key_arn="alias/aws/bedrock")),
    (
        BedrockGuardrail,
        "CKV_AISEC_34",
        "prompt-attack filter at LOW",
        lambda: _guardrail(content_filter_strengths={"PROMPT_ATTACK": "LOW"}),
    ),
    (BedrockGuardrail, "CKV_AISEC_35", "no PII policy", lambda: _guardrail(pii_entities={})),
    (BedrockGuardrail, "CKV_AISEC_35", "PII only detected", lambda: _guardrail(pii_entities={"EMAIL": "NONE"})),
    (
        BedrockGuardrail,
        "CKV_AISEC_157",
        "hate filter off",
        lambda: _guardrail(content_filter_strengths={"HATE": "NONE"}),
    ),
    (
        BedrockGuardrail,
        "CKV_AISEC_157",
        "misconduct filter at LOW",
        lambda: _guardrail(content_filter_strengths={"MISCONDUCT": "LOW"}),
    ),
    (BedrockInvocationLogging, "CKV_AISEC_36", "no text delivery", lambda: _logging(text_data_delivery_enabled=False)),
    (BedrockInvocationLogging, "CKV_AISEC_36", "no destination", lambda: _logging(cloudwatch=False, s3=False)),
    (BedrockInvocationLogging, "CKV_AISEC_77", "30-day retention", lambda: _logging(log_retention_days=30)),
    (BedrockInvocationLogging, "CKV_AISEC_77", "60-day retention", lambda: _logging(log_retention_days=60)),
    (BedrockInvocationLogging, "CKV_AISEC_76", "empty log key ARN", lambda: _logging(kms_key_arn="")),
    (BedrockInvocationLogging, "CKV_AISEC_76", "AWS-managed log key", lambda: _logging(kms_key_arn=MANAGED_KEY)),
]

# Rules of every component that registers a role (a LeastPrivilegeRole, nested or not) that no argument reaches.
ROLE_RULES_UNREACHABLE = {
    "CKV_AISEC_111": "the trust policy names service principals only (a wildcard is not a service name: refused "
    "as malformed) on the aws:SourceAccount condition",
    "CKV2_AISEC_30": "a Pulumi program has no data.aws_iam_policy resource for an attachment to point at "
    "(aws.iam.get_policy is an invoke): managed policies arrive as ARNs, which CKV_AISEC_9 judges",
}
ALWAYS_ROTATING = "every key the component creates rotates; a given key is not the component's to judge"
# Rules of a component's RULES that no argument can make fail, and why.
UNREACHABLE: dict[tuple[type, str], str] = {
    **{
        (component, "CKV_AISEC_4"): ALWAYS_ROTATING
        for component in (
            SecureBucket,
            PrivateAiNetwork,
            NonRootContainerService,
            ModelRepository,
            SecureNotebook,
            SecureStudioDomain,
            SecureModelEndpoint,
            BedrockGuardrail,
            BedrockInvocationLogging,
        )
    },
    **{
        (component, rule): "the bucket's public access block, TLS-only policy, encryption configuration and "
        "versioning are always registered with it"
        for component in (
            SecureBucket,
            SecureModelEndpoint,
            BedrockInvocationLogging,
        )
        for rule in ("CKV2_AISEC_1", "CKV2_AISEC_2", "CKV2_AISEC_3", "CKV2_AISEC_4")
    },
    **{
        (component, "CKV_AISEC_112"): "the key and bucket policies the component writes name the account and "
        "services; callers add no statements to them"
        for component in (
            PrivateAiNetwork,
            NonRootContainerService,
            ModelRepository,
            SecureNotebook,
            SecureStudioDomain,
            BedrockGuardrail,
            BedrockInvocationLogging,
        )
    },
    **{
        (component, rule): why
        for component in (
            LeastPrivilegeRole,
            PrivateAiNetwork,
            NonRootContainerService,
            SecureStudioDomain,
            BedrockInvocationLogging,
        )
        for rule, why in ROLE_RULES_UNREACHABLE.items()
    },
    **{
        (component, "CKV2_AISEC_46"): "an attack path runs through resources the component does not register (an "
        "internet-facing service and a role that can write the store): the component alone opens none"
        for component in (SecureBucket, ModelRepository, SecureModelEndpoint, BedrockInvocationLogging)
    },
    (SecureNotebook, "CKV2_AISEC_45"): "the notebook never has direct internet access",
    (NonRootContainerService, "CKV2_AISEC_45"): "the service never assigns a public IP",
    (SecureModelEndpoint, "CKV_AISEC_112"): "the capture bucket's policy takes no caller statements",
    (SecureModelEndpoint, "CKV_AISEC_1"): "the capture bucket uses the endpoint's key: an AWS-managed key is "
    "refused first by CKV_AISEC_18/20, which speak of the endpoint",
    (SecureModelEndpoint, "CKV_AISEC_17"): "an empty subnet or security-group list is malformed (SageMaker "
    "requires both in a VpcConfig) and always present",
    (SecureModelEndpoint, "CKV_AISEC_25"): "the endpoint configuration never asks for SSM access",
    (SecureStudioDomain, "CKV_AISEC_26"): "the domain always records the user profile as source identity",
    (PrivateAiNetwork, "CKV_AISEC_7"): "the endpoint security group admits HTTPS from the VPC only",
    (PrivateAiNetwork, "CKV_AISEC_8"): "the flow-log role's statements are the component's own",
    (PrivateAiNetwork, "CKV_AISEC_9"): "the flow-log role has no managed policies",
    (PrivateAiNetwork, "CKV_AISEC_110"): "the flow-log role's statements are the component's own",
    (PrivateAiNetwork, "CKV_AISEC_158"): "the flow-log role's statements are the component's own",
    (PrivateAiNetwork, "CKV2_AISEC_5"): "the flow log is always registered with the VPC",
    (NonRootContainerService, "CKV_AISEC_9"): "the service's roles take no managed policies",
    (NonRootContainerService, "CKV_AISEC_106"): "the task definition shares no host namespace",
    (NonRootContainerService, "CKV_AISEC_107"): "the service never assigns a public IP",
    (ModelRepository, "CKV_AISEC_45"): "tags are always IMMUTABLE",
    (ModelRepository, "CKV2_AISEC_20"): "scan on push is always on",
    (SecureNotebook, "CKV_AISEC_112"): "the component writes no key or bucket policy",
    (BedrockGuardrail, "CKV2_AISEC_10"): "invocation logging is account-wide: judged on the whole program",
    (BedrockInvocationLogging, "CKV_AISEC_1"): "the log bucket's key is the component's own",
    (BedrockInvocationLogging, "CKV_AISEC_8"): "the logging role's statements are the component's own",
    (BedrockInvocationLogging, "CKV_AISEC_9"): "the logging role has no managed policies",
    (BedrockInvocationLogging, "CKV_AISEC_110"): "the logging role's statements are the component's own",
    (BedrockInvocationLogging, "CKV_AISEC_158"): "the logging role's statements are the component's own",
    (BedrockInvocationLogging, "CKV2_AISEC_11"): "AWS-managed or empty log keys fail CKV_AISEC_76 on the log "
    "group first; the bucket key is the component's own",
}


@pytest.mark.parametrize(
    ("component", "rule_id", "construct"),
    [(component, rule_id, construct) for component, rule_id, _, construct in REFUSALS],
    ids=[f"{component.__name__}-{rule_id}-{case}" for component, rule_id, case, _ in REFUSALS],
)
def test_insecure_argument_is_refused_by_the_rule_and_registers_nothing(
    mocks: RecordingMocks, component: type, rule_id: str, construct: Callable[[], Any]
) -> None:
    with pytest.raises(PolicyViolation) as raised:
        run(construct)
    assert raised.value.rule_id == rule_id
    assert str(raised.value).startswith(f"{rule_id}: ")
    assert mocks.registered == []


@pytest.mark.parametrize(
    "component",
    sorted({component for component, *_ in REFUSALS}, key=lambda component: component.__name__),
    ids=lambda component: component.__name__,
)
def test_every_rule_of_a_component_is_refused_or_explained(component: type) -> None:
    refused = {rule_id for owner, rule_id, _, _ in REFUSALS if owner is component}
    explained = {rule_id for owner, rule_id in UNREACHABLE if owner is component}
    assert set(component.RULES) <= refused | explained
    assert explained <= set(component.RULES)
    assert not refused & explained


def test_a_deliberate_single_instance_endpoint_is_not_refused(mocks: RecordingMocks) -> None:
    """``allow_single_instance=True`` exempts the endpoint from CKV_AISEC_156 only: the component registers
    it, and every other rule still refuses."""
    run(lambda: _endpoint(initial_instance_count=1, allow_single_instance=True))
    assert mocks.of_type("aws:sagemaker/endpointConfiguration:EndpointConfiguration")
    with pytest.raises(PolicyViolation) as raised:
        run(lambda: _endpoint(initial_instance_count=1, allow_single_instance=True, enable_data_capture=False))
    assert raised.value.rule_id == "CKV_AISEC_19"
    assert {rule_id for rule_id, _, _ in raised.value.violations} == {"CKV_AISEC_19"}


def test_unknown_outputs_do_not_refuse(mocks: RecordingMocks) -> None:
    """A key ARN that is an Output reads as unknown at construction: the rule cannot fail it."""
    run(lambda: _repository(kms_key_arn=pulumi.Output.from_input(f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/k")))
    assert mocks.of_type("aws:ecr/repository:Repository")


def test_a_refusal_carries_the_rules_reason_and_remediation(mocks: RecordingMocks) -> None:
    """The message is the rule's ID and reason, then the fix from the rule's metadata (summary and Pulumi)."""
    with pytest.raises(PolicyViolation) as raised:
        run(lambda: _bucket(kms_key_arn="alias/aws/s3"))
    rule = next(rule for rule in load_catalog() if rule.id == "CKV_AISEC_1")
    violation = raised.value
    assert violation.detail == (
        "aws_s3_bucket_server_side_encryption_configuration.data-encryption: "
        "kms_master_key_id is the AWS-managed key alias/aws/s3"
    )
    assert str(violation).splitlines()[0] == f"CKV_AISEC_1: {violation.detail}"
    assert str(violation).splitlines()[1] == f"Fix: {rule.remediation['summary'].strip()}"
    assert str(violation).splitlines()[2] == "Pulumi:"
    assert "SecureBucket(" in str(violation)
    assert violation.remediation == "\n".join(str(violation).splitlines()[1:])
    assert mocks.registered == []
