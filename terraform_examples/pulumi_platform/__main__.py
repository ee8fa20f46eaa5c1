"""A small AI platform composed from the ten aisec-iac components, with nothing insecure left to configure.

    network        PrivateAiNetwork: private subnets in two zones, private endpoints, flow logs
    data           SecureBucket (training data) and SecureBucket (inference captures)
    images         ModelRepository: immutable, scanned, KMS-encrypted model-server images
    roles          LeastPrivilegeRole: the SageMaker execution role, scoped to the buckets, keys and images
    research       SecureNotebook and SecureStudioDomain, inside the VPC
    inference      SecureModelEndpoint: isolated model, encrypted storage and data capture, two instances
    generative AI  BedrockGuardrail and BedrockInvocationLogging
    serving        NonRootContainerService: a RAG API on Fargate that calls Bedrock through the guardrail

Run it with ``pulumi preview`` (configuration in Pulumi.yaml), or under mocks with
``pytest tests/pulumi/test_example_program.py``.
"""

from __future__ import annotations

import pulumi
import pulumi_aws as aws

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
from pulumi_components.iam import invoke_bedrock_models, read_objects, use_kms_key

config = pulumi.Config()
availability_zones = config.get_object("availabilityZones") or ["us-east-1a", "us-east-1b"]
model_ids = config.get_object("modelIds") or ["anthropic.claude-3-haiku-20240307-v1:0"]
image_tag = config.get("imageTag") or "1.0.0"
tags = {"project": "aisec-ai-platform", "managed-by": "pulumi"}

CIDR = "10.40.0.0/16"
MODEL_SERVER_PORT = 8080
HTTPS = 443
NFS = 2049  # Studio's home directories live on EFS

region = aws.get_region_output().region

# -- network --------------------------------------------------------------------------------------------------
network = PrivateAiNetwork("platform", cidr_block=CIDR, availability_zones=availability_zones, tags=tags)
private_subnet_ids = [subnet.id for subnet in network.private_subnets]

# One security group for the platform's workloads: they talk to each other and to the private endpoints
# inside the VPC, never to or from the internet.
workloads_sg = aws.ec2.SecurityGroup(
    "workloads-sg",
    vpc_id=network.vpc.id,
    description="AI workloads: traffic among themselves and to the VPC's private endpoints only",
    ingress=[
        aws.ec2.SecurityGroupIngressArgs(
            description="Model server from inside the VPC",
            protocol="tcp",
            from_port=MODEL_SERVER_PORT,
            to_port=MODEL_SERVER_PORT,
            cidr_blocks=[CIDR],
        ),
        aws.ec2.SecurityGroupIngressArgs(
            description="Studio apps and EFS among the workloads", protocol="tcp", from_port=0, to_port=65535, self=True
        ),
    ],
    egress=[
        aws.ec2.SecurityGroupEgressArgs(
            description="HTTPS to the private endpoints",
            protocol="tcp",
            from_port=HTTPS,
            to_port=HTTPS,
            cidr_blocks=[CIDR],
        ),
        aws.ec2.SecurityGroupEgressArgs(
            description="NFS to the Studio EFS volume", protocol="tcp", from_port=NFS, to_port=NFS, self=True
        ),
    ],
    tags={**tags, "Name": "workloads"},
)
workload_security_groups = [workloads_sg.id]

# -- data and images --------------------------------------------------------------------------------------------
training_data = SecureBucket("training-data", expiration_days=365, tags=tags)
captures = SecureBucket("inference-captures", expiration_days=90, tags=tags)
images = ModelRepository("model-images", max_image_count=50, tags=tags)

# -- the SageMaker execution role: read training data, pull images, write captures, use the keys --------------
sagemaker_role = LeastPrivilegeRole(
    "sagemaker-execution",
    service_principals=["sagemaker.amazonaws.com"],
    statements=[
        *read_objects(training_data.bucket_arn, "datasets/"),
        *use_kms_key(training_data.kms_key_arn, encrypt=False),
        {
            "Sid": "PullModelImages",
            "Effect": "Allow",
            "Action": ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
            "Resource": images.repository_arn,
        },
        # GetAuthorizationToken has no resource-level permissions: "*" is the only valid resource.
        {"Sid": "EcrLogin", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
        {
            "Sid": "WriteCaptures",
            "Effect": "Allow",
            "Action": "s3:PutObject",
            "Resource": pulumi.Output.concat(captures.bucket_arn, "/llm/*"),
        },
        *use_kms_key(captures.kms_key_arn),
    ],
    description="SageMaker notebook and endpoint execution role of the AI platform",
    tags=tags,
)

# -- research -------------------------------------------------------------------------------------------------
notebook = SecureNotebook(
    "research",
    instance_type="ml.t3.medium",
    role_arn=sagemaker_role.arn,
    subnet_id=private_subnet_ids[0],
    security_group_ids=workload_security_groups,
    platform_identifier="notebook-al2023-v1",
    tags=tags,
)
studio = SecureStudioDomain(
    "studio",
    vpc_id=network.vpc.id,
    subnet_ids=private_subnet_ids,
    security_group_ids=workload_security_groups,
    execution_role_statements=[
        *read_objects(training_data.bucket_arn, "datasets/"),
        *use_kms_key(training_data.kms_key_arn, encrypt=False),
    ],
    tags=tags,
)

# -- inference ------------------------------------------------------------------------------------------------
endpoint = SecureModelEndpoint(
    "llm",
    image=pulumi.Output.concat(images.repository_url, ":", image_tag),
    execution_role_arn=sagemaker_role.arn,
    subnet_ids=private_subnet_ids,
    security_group_ids=workload_security_groups,
    model_data_url=pulumi.Output.concat("s3://", training_data.bucket_name, "/models/llm/model.tar.gz"),
    kms_key_arn=captures.kms_key_arn,
    data_capture_s3_uri=pulumi.Output.concat("s3://", captures.bucket_name, "/llm/"),
    data_capture_sampling_percentage=25,
    tags=tags,
)

# -- generative AI --------------------------------------------------------------------------------------------
guardrail = BedrockGuardrail("assistant", description="Guardrail of the platform's RAG assistant", tags=tags)
invocation_logging = BedrockInvocationLogging("bedrock-invocations", log_retention_days=365, tags=tags)

# -- serving: a RAG API that calls Bedrock through the guardrail ----------------------------------------------
cluster = aws.ecs.Cluster(
    "serving",
    settings=[aws.ecs.ClusterSettingArgs(name="containerInsights", value="enabled")],
    tags=tags,
)
rag_api = NonRootContainerService(
    "rag-api",
    cluster_arn=cluster.arn,
    containers=[
        ContainerSpec(
            name="api",
            image=pulumi.Output.concat(images.repository_url, ":", image_tag),
            user="1000:1000",
            port=MODEL_SERVER_PORT,
            memory=2048,
            environment={"PORT": str(MODEL_SERVER_PORT)},
            scratch_paths=["/tmp"],
        )
    ],
    subnet_ids=private_subnet_ids,
    security_group_ids=workload_security_groups,
    desired_count=2,
    image_repository_arns=[images.repository_arn],
    task_role_statements=[
        *invoke_bedrock_models(model_ids, region),
        {
            "Sid": "ApplyGuardrail",
            "Effect": "Allow",
            "Action": "bedrock:ApplyGuardrail",
            "Resource": guardrail.guardrail_arn,
        },
        *read_objects(training_data.bucket_arn, "documents/"),
        *use_kms_key(training_data.kms_key_arn, encrypt=False),
    ],
    tags=tags,
)

pulumi.export("vpc_id", network.vpc_id)
pulumi.export("training_data_bucket", training_data.bucket_name)
pulumi.export("model_repository_url", images.repository_url)
pulumi.export("notebook_name", notebook.notebook_name)
pulumi.export("studio_domain_id", studio.domain_id)
pulumi.export("endpoint_name", endpoint.endpoint_name)
pulumi.export("guardrail_id", guardrail.guardrail_id)
pulumi.export("guardrail_version", guardrail.guardrail_version)
pulumi.export("invocation_log_group", invocation_logging.log_group_name)
pulumi.export("rag_api_service", rag_api.service_name)
