"""SageMaker components: what they register, what they refuse, and the pack's rules on the result."""

from __future__ import annotations

import json

import pulumi
import pytest

from pulumi_components import PolicyViolation
from pulumi_components.sagemaker import SecureModelEndpoint, SecureNotebook, SecureStudioDomain
from tests.pulumi.mocks import ACCOUNT_ID, REGION, RecordingMocks, assert_rules_pass, run

KEY = "aws:kms/key:Key"
NOTEBOOK = "aws:sagemaker/notebookInstance:NotebookInstance"
DOMAIN = "aws:sagemaker/domain:Domain"
MODEL = "aws:sagemaker/model:Model"
ENDPOINT_CONFIG = "aws:sagemaker/endpointConfiguration:EndpointConfiguration"
ENDPOINT = "aws:sagemaker/endpoint:Endpoint"
ROLE = "aws:iam/role:Role"
ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy"
BUCKET_TYPES = [
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    "aws:s3/bucketPolicy:BucketPolicy",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketVersioning:BucketVersioning",
]

ROLE_ARN = f"arn:aws:iam::{ACCOUNT_ID}:role/sagemaker-execution"
EXTERNAL_KEY = f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/11111111-2222-3333-4444-555555555555"
SUBNET = "subnet-0a1b2c3d4e5f60718"
SUBNET_B = "subnet-0f1e2d3c4b5a69788"
SG = "sg-0123456789abcdef0"
VPC = "vpc-0123456789abcdef0"
IMAGE = f"{ACCOUNT_ID}.dkr.ecr.{REGION}.amazonaws.com/llm-server:1.4.2"


def _notebook(**overrides: object) -> SecureNotebook:
    kwargs: dict = {
        "instance_type": "ml.t3.medium",
        "role_arn": ROLE_ARN,
        "subnet_id": SUBNET,
        "security_group_ids": [SG],
        **overrides,
    }
    return SecureNotebook("research", **kwargs)


def _domain(**overrides: object) -> SecureStudioDomain:
    kwargs: dict = {"vpc_id": VPC, "subnet_ids": [SUBNET, SUBNET_B], "security_group_ids": [SG], **overrides}
    return SecureStudioDomain("studio", **kwargs)


def _endpoint(**overrides: object) -> SecureModelEndpoint:
    kwargs: dict = {
        "image": IMAGE,
        "execution_role_arn": ROLE_ARN,
        "subnet_ids": [SUBNET, SUBNET_B],
        "security_group_ids": [SG],
        **overrides,
    }
    return SecureModelEndpoint("llm", **kwargs)


def _assert_children_of(mocks: RecordingMocks, component_type: str) -> None:
    """Every resource is the component's child (or a grandchild through a nested component)."""
    parent = mocks.one(component_type)
    assert not parent.custom
    urns = {resource.urn for resource in mocks.registered}
    for resource in mocks.registered:
        if resource is parent:
            continue
        assert resource.parent_urn in urns, f"{resource.name} is not inside {component_type}"


# -- SecureNotebook ----------------------------------------------------------------------------------------


def test_notebook_defaults_register_exactly_the_secure_set(mocks: RecordingMocks) -> None:
    component = run(lambda: _notebook())

    assert mocks.registered, "the mocks recorded nothing: is set_mocks in effect?"
    assert mocks.types() == sorted([KEY, NOTEBOOK])
    parent = mocks.one("aisec:sagemaker:SecureNotebook")
    assert all(resource.parent_urn == parent.urn for resource in mocks.custom)
    assert mocks.one(KEY).inputs == {
        "description": "Encrypts the SageMaker notebook research",
        "enableKeyRotation": True,
        "deletionWindowInDays": 30,
    }
    assert mocks.one(NOTEBOOK).inputs == {
        "instanceType": "ml.t3.medium",
        "roleArn": ROLE_ARN,
        "subnetId": SUBNET,
        "securityGroups": [SG],
        "directInternetAccess": "Disabled",
        "rootAccess": "Disabled",
        "instanceMetadataServiceConfiguration": {"minimumInstanceMetadataServiceVersion": "2"},
        "kmsKeyId": mocks.one(KEY).outputs["arn"],
        "volumeSize": 20,
    }
    assert component.kms_key is not None
    assert component.notebook is not None


def test_notebook_with_external_key_creates_no_key(mocks: RecordingMocks) -> None:
    component = run(
        lambda: _notebook(kms_key_arn=EXTERNAL_KEY, notebook_name="research", platform_identifier="notebook-al2023-v1")
    )
    assert mocks.types() == [NOTEBOOK]
    inputs = mocks.one(NOTEBOOK).inputs
    assert inputs["kmsKeyId"] == EXTERNAL_KEY
    assert inputs["name"] == "research"
    assert inputs["platformIdentifier"] == "notebook-al2023-v1"
    assert component.kms_key is None


def test_notebook_passes_every_rule(mocks: RecordingMocks) -> None:
    run(lambda: _notebook())
    found = assert_rules_pass(mocks, {"CKV_AISEC_4", "CKV_AISEC_5", "CKV_AISEC_11", "CKV_AISEC_12", "CKV_AISEC_13"})
    assert ("CKV_AISEC_5", "aws_sagemaker_notebook_instance.research-notebook") in {(r, a) for r, a, _ in found}


@pytest.mark.parametrize(
    ("overrides", "rule_id"),
    [
        ({"direct_internet_access": "Enabled"}, "CKV_AISEC_5"),
        ({"subnet_id": ""}, "CKV_AISEC_5"),
        ({"subnet_id": None}, "CKV_AISEC_5"),
        ({"root_access": "Enabled"}, "CKV_AISEC_12"),
        ({"minimum_instance_metadata_service_version": "1"}, "CKV_AISEC_13"),
        ({"kms_key_arn": "alias/aws/sagemaker"}, "CKV_AISEC_11"),
        ({"kms_key_arn": f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:alias/aws/sagemaker"}, "CKV_AISEC_11"),
        ({"kms_key_arn": ""}, "CKV_AISEC_11"),
    ],
)
def test_notebook_insecure_arguments_raise_and_register_nothing(
    mocks: RecordingMocks, overrides: dict, rule_id: str
) -> None:
    with pytest.raises(PolicyViolation) as raised:
        run(lambda: _notebook(**overrides))
    assert raised.value.rule_id == rule_id
    assert str(raised.value).startswith(f"{rule_id}: ")
    assert mocks.registered == []


@pytest.mark.parametrize("overrides", [{"volume_size": 0}, {"instance_type": "t3.medium"}])
def test_notebook_malformed_arguments_raise_and_register_nothing(mocks: RecordingMocks, overrides: dict) -> None:
    with pytest.raises(ValueError) as raised:
        run(lambda: _notebook(**overrides))
    assert not isinstance(raised.value, PolicyViolation)
    assert mocks.registered == []


# -- SecureStudioDomain ------------------------------------------------------------------------------------


def test_domain_defaults_register_exactly_the_secure_set(mocks: RecordingMocks) -> None:
    component = run(lambda: _domain())

    assert mocks.registered, "the mocks recorded nothing: is set_mocks in effect?"
    assert mocks.types() == sorted([KEY, ROLE, ROLE_POLICY, DOMAIN])
    _assert_children_of(mocks, "aisec:sagemaker:SecureStudioDomain")
    domain_urn = mocks.one("aisec:sagemaker:SecureStudioDomain").urn
    assert mocks.one("aisec:iam:LeastPrivilegeRole").parent_urn == domain_urn
    assert mocks.one(DOMAIN).parent_urn == domain_urn

    key_arn = mocks.one(KEY).outputs["arn"]
    role = mocks.one(ROLE)
    assert mocks.one(DOMAIN).inputs == {
        "domainName": "studio",
        "authMode": "IAM",
        "vpcId": VPC,
        "subnetIds": [SUBNET, SUBNET_B],
        "appNetworkAccessType": "VpcOnly",
        "kmsKeyId": key_arn,
        "defaultUserSettings": {"executionRole": role.outputs["arn"], "securityGroups": [SG]},
        "domainSettings": {"securityGroupIds": [SG], "executionRoleIdentityConfig": "USER_PROFILE_NAME"},
    }
    trust = json.loads(role.inputs["assumeRolePolicy"])["Statement"]
    assert [(s["Principal"], s["Condition"]) for s in trust] == [
        ({"Service": "sagemaker.amazonaws.com"}, {"StringEquals": {"aws:SourceAccount": ACCOUNT_ID}})
    ]
    assert json.loads(mocks.one(ROLE_POLICY).inputs["policy"])["Statement"] == [
        {
            "Sid": "UseKey",
            "Effect": "Allow",
            "Action": [
                "kms:Decrypt",
                "kms:DescribeKey",
                "kms:Encrypt",
                "kms:GenerateDataKey",
                "kms:ReEncryptFrom",
                "kms:ReEncryptTo",
            ],
            "Resource": key_arn,
        }
    ]
    assert component.kms_key is not None
    assert component.execution_role.policy is not None


def test_domain_execution_role_lets_studio_record_the_user_profile(mocks: RecordingMocks) -> None:
    run(_domain)
    trust = json.loads(mocks.one(ROLE).inputs["assumeRolePolicy"])
    assert trust["Statement"][0]["Action"] == ["sts:AssumeRole", "sts:SetSourceIdentity"]


def test_domain_extra_role_statements_are_appended(mocks: RecordingMocks) -> None:
    read = {
        "Sid": "ReadTrainingData",
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::training-data/*",
    }
    run(lambda: _domain(kms_key_arn=EXTERNAL_KEY, execution_role_statements=[read], auth_mode="SSO"))
    assert mocks.types() == sorted([ROLE, ROLE_POLICY, DOMAIN])
    statements = json.loads(mocks.one(ROLE_POLICY).inputs["policy"])["Statement"]
    assert [s["Sid"] for s in statements] == ["UseKey", "ReadTrainingData"]
    assert statements[0]["Resource"] == EXTERNAL_KEY
    assert mocks.one(DOMAIN).inputs["authMode"] == "SSO"
    assert mocks.one(DOMAIN).inputs["kmsKeyId"] == EXTERNAL_KEY


def test_domain_passes_every_rule(mocks: RecordingMocks) -> None:
    run(lambda: _domain())
    found = assert_rules_pass(mocks, {"CKV_AISEC_4", "CKV_AISEC_6", "CKV_AISEC_8", "CKV_AISEC_9", "CKV_AISEC_14"})
    assert ("CKV_AISEC_6", "aws_sagemaker_domain.studio-domain") in {(r, a) for r, a, _ in found}


@pytest.mark.parametrize(
    ("overrides", "rule_id"),
    [
        ({"app_network_access_type": "PublicInternetOnly"}, "CKV_AISEC_6"),
        ({"kms_key_arn": "alias/aws/sagemaker"}, "CKV_AISEC_14"),
        (
            {"execution_role_statements": [{"Effect": "Allow", "Action": "sagemaker:*", "Resource": "*"}]},
            "CKV_AISEC_8",
        ),
        (
            {"execution_role_statements": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]},
            "CKV_AISEC_110",
        ),
        (
            {"execution_role_managed_policy_arns": ["arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"]},
            "CKV_AISEC_9",
        ),
    ],
)
def test_domain_insecure_arguments_raise_and_register_nothing(
    mocks: RecordingMocks, overrides: dict, rule_id: str
) -> None:
    with pytest.raises(PolicyViolation) as raised:
        run(lambda: _domain(**overrides))
    assert raised.value.rule_id == rule_id
    assert str(raised.value).startswith(f"{rule_id}: ")
    assert mocks.registered == []


@pytest.mark.parametrize(
    ("overrides", "argument"),
    [
        ({"vpc_id": ""}, "vpc_id"),
        ({"subnet_ids": []}, "subnet_ids"),
        ({"security_group_ids": []}, "security_group_ids"),
        ({"subnet_ids": [""]}, "subnet_ids"),
    ],
)
def test_domain_malformed_arguments_raise_and_register_nothing(
    mocks: RecordingMocks, overrides: dict, argument: str
) -> None:
    """SageMaker's API requires a VPC, subnets and security groups for a domain; no catalog rule judges them
    (CKV_AISEC_6 reads app_network_access_type, which stays VpcOnly), so an empty one is malformed."""
    with pytest.raises(ValueError) as raised:
        run(lambda: _domain(**overrides))
    assert not isinstance(raised.value, PolicyViolation)
    assert str(raised.value).startswith(argument)
    assert mocks.registered == []


# -- SecureModelEndpoint -----------------------------------------------------------------------------------


def test_endpoint_defaults_register_exactly_the_secure_set(mocks: RecordingMocks) -> None:
    component = run(lambda: _endpoint())

    assert mocks.registered, "the mocks recorded nothing: is set_mocks in effect?"
    assert mocks.types() == sorted([KEY, MODEL, ENDPOINT_CONFIG, ENDPOINT, *BUCKET_TYPES])
    _assert_children_of(mocks, "aisec:sagemaker:SecureModelEndpoint")
    endpoint_urn = mocks.one("aisec:sagemaker:SecureModelEndpoint").urn
    for child in (KEY, MODEL, ENDPOINT_CONFIG, ENDPOINT, "aisec:s3:SecureBucket"):
        assert mocks.one(child).parent_urn == endpoint_urn

    key_arn = mocks.one(KEY).outputs["arn"]
    model = mocks.one(MODEL)
    assert model.inputs == {
        "executionRoleArn": ROLE_ARN,
        "primaryContainer": {"image": IMAGE},
        "enableNetworkIsolation": True,
        "vpcConfig": {"subnets": [SUBNET, SUBNET_B], "securityGroupIds": [SG]},
    }
    bucket_name = mocks.one("aws:s3/bucket:Bucket").props["bucket"]
    config = mocks.one(ENDPOINT_CONFIG)
    assert config.inputs == {
        "kmsKeyArn": key_arn,
        "productionVariants": [
            {
                "variantName": "primary",
                "modelName": model.props["name"],
                "instanceType": "ml.m5.large",
                "initialInstanceCount": 2,
                "initialVariantWeight": 1.0,
            }
        ],
        "dataCaptureConfig": {
            "enableCapture": True,
            "initialSamplingPercentage": 100,
            "destinationS3Uri": f"s3://{bucket_name}/llm/",
            "kmsKeyId": key_arn,
            "captureOptions": [{"captureMode": "Input"}, {"captureMode": "Output"}],
        },
    }
    assert mocks.one(ENDPOINT).inputs == {"endpointConfigName": config.props["name"]}
    sse = mocks.one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")
    assert sse.inputs["rules"][0]["applyServerSideEncryptionByDefault"]["kmsMasterKeyId"] == key_arn
    assert component.capture_bucket is not None and component.kms_key is not None
    assert component.storage_kms_key_applied is True


def test_endpoint_with_external_key_and_destination(mocks: RecordingMocks) -> None:
    component = run(
        lambda: _endpoint(
            kms_key_arn=EXTERNAL_KEY,
            data_capture_s3_uri="s3://captures/llm/",
            data_capture_sampling_percentage=20,
            model_data_url="s3://artifacts/llm/model.tar.gz",
            environment={"MAX_TOKENS": "512"},
            instance_type="ml.c5.xlarge",
            initial_instance_count=3,
        )
    )
    assert mocks.types() == sorted([MODEL, ENDPOINT_CONFIG, ENDPOINT])
    assert component.kms_key is None and component.capture_bucket is None
    assert mocks.one(MODEL).inputs["primaryContainer"] == {
        "image": IMAGE,
        "modelDataUrl": "s3://artifacts/llm/model.tar.gz",
        "environment": {"MAX_TOKENS": "512"},
    }
    config = mocks.one(ENDPOINT_CONFIG).inputs
    assert config["kmsKeyArn"] == EXTERNAL_KEY
    assert config["dataCaptureConfig"]["kmsKeyId"] == EXTERNAL_KEY
    assert config["dataCaptureConfig"]["destinationS3Uri"] == "s3://captures/llm/"
    assert config["dataCaptureConfig"]["initialSamplingPercentage"] == 20
    assert config["productionVariants"][0]["initialInstanceCount"] == 3
    assert config["productionVariants"][0]["instanceType"] == "ml.c5.xlarge"


def test_endpoint_single_instance_is_an_explicit_exception(mocks: RecordingMocks) -> None:
    run(lambda: _endpoint(initial_instance_count=1, allow_single_instance=True))
    assert mocks.one(ENDPOINT_CONFIG).inputs["productionVariants"][0]["initialInstanceCount"] == 1


@pytest.mark.parametrize("instance_type", ["ml.g5.2xlarge", "ml.g4dn.xlarge", "ml.p4d.24xlarge"])
def test_endpoint_on_local_nvme_storage_omits_the_storage_key(mocks: RecordingMocks, instance_type: str) -> None:
    """SageMaker refuses KmsKeyId for instance types whose NVMe storage the hardware encrypts; captures keep it."""
    component = run(lambda: _endpoint(instance_type=instance_type))
    config = mocks.one(ENDPOINT_CONFIG).inputs
    assert "kmsKeyArn" not in config
    assert config["dataCaptureConfig"]["kmsKeyId"] == mocks.one(KEY).outputs["arn"]
    assert config["productionVariants"][0]["instanceType"] == instance_type
    assert component.storage_kms_key_applied is False


def test_endpoint_on_local_nvme_storage_passes_the_rules(mocks: RecordingMocks) -> None:
    run(lambda: _endpoint(instance_type="ml.g5.2xlarge"))
    assert_rules_pass(mocks, {"CKV_AISEC_18", "CKV_AISEC_20"})


def test_endpoint_passes_every_rule(mocks: RecordingMocks) -> None:
    run(lambda: _endpoint())
    assert_rules_pass(
        mocks,
        {
            "CKV_AISEC_1",
            "CKV_AISEC_4",
            "CKV_AISEC_16",
            "CKV_AISEC_17",
            "CKV_AISEC_18",
            "CKV_AISEC_19",
            "CKV_AISEC_20",
            "CKV2_AISEC_1",
            "CKV2_AISEC_2",
        },
    )


@pytest.mark.parametrize(
    ("overrides", "rule_id"),
    [
        ({"enable_network_isolation": False}, "CKV_AISEC_16"),
        ({"kms_key_arn": "alias/aws/sagemaker"}, "CKV_AISEC_18"),
        ({"kms_key_arn": "alias/aws/sagemaker", "instance_type": "ml.g5.2xlarge"}, "CKV_AISEC_20"),
        ({"enable_data_capture": False}, "CKV_AISEC_19"),
        ({"initial_instance_count": 1}, "CKV_AISEC_156"),
    ],
)
def test_endpoint_insecure_arguments_raise_and_register_nothing(
    mocks: RecordingMocks, overrides: dict, rule_id: str
) -> None:
    with pytest.raises(PolicyViolation) as raised:
        run(lambda: _endpoint(**overrides))
    assert raised.value.rule_id == rule_id
    assert str(raised.value).startswith(f"{rule_id}: ")
    assert mocks.registered == []


@pytest.mark.parametrize(
    "overrides",
    [
        {"initial_instance_count": 0},
        {"data_capture_sampling_percentage": 101},
        {"instance_type": "m5.large"},
        {"data_capture_s3_uri": "https://captures.s3.amazonaws.com/llm/"},
        # SageMaker rejects a VpcConfig without subnets or security groups, and CKV_AISEC_17 gives an empty
        # list no verdict (in HCL it may be an unresolved variable): malformed, not a rule's refusal.
        {"subnet_ids": []},
        {"security_group_ids": []},
    ],
)
def test_endpoint_malformed_arguments_raise_and_register_nothing(mocks: RecordingMocks, overrides: dict) -> None:
    with pytest.raises(ValueError) as raised:
        run(lambda: _endpoint(**overrides))
    assert not isinstance(raised.value, PolicyViolation)
    assert mocks.registered == []


def test_output_ids_are_accepted_as_set(mocks: RecordingMocks) -> None:
    """IDs of resources created in the same program are Outputs: they count as set."""
    run(
        lambda: _notebook(subnet_id=pulumi.Output.from_input(SUBNET), security_group_ids=[pulumi.Output.from_input(SG)])
    )
    assert mocks.one(NOTEBOOK).inputs["subnetId"] == SUBNET
    assert mocks.one(NOTEBOOK).inputs["securityGroups"] == [SG]
