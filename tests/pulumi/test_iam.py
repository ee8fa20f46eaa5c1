"""LeastPrivilegeRole: trust, validated statements, statement helpers, and the pack's rules on the result."""

from __future__ import annotations

import json

import pulumi
import pytest

from pulumi_components import LeastPrivilegeRole, PolicyViolation
from pulumi_components.iam import invoke_bedrock_models, read_objects, use_kms_key, write_logs
from tests.pulumi.mocks import ACCOUNT_ID, REGION, RecordingMocks, assert_rules_pass, forget_failed_registrations, run

ROLE = "aws:iam/role:Role"
ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy"
ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment"
KEY_ARN = f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/abc"
LOG_GROUP_ARN = f"arn:aws:logs:{REGION}:{ACCOUNT_ID}:log-group:inference"
IAM_RULES = {"CKV_AISEC_8", "CKV_AISEC_9"}


def _statements(mocks: RecordingMocks) -> list[dict]:
    return json.loads(mocks.one(ROLE_POLICY).inputs["policy"])["Statement"]


def test_role_trusts_named_services_of_this_account_only(mocks: RecordingMocks) -> None:
    run(lambda: LeastPrivilegeRole("trainer", service_principals=["sagemaker.amazonaws.com"]))

    assert mocks.types() == [ROLE]
    role = mocks.one(ROLE)
    assert role.parent_urn == mocks.one("aisec:iam:LeastPrivilegeRole").urn
    assert json.loads(role.inputs["assumeRolePolicy"]) == {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "TrustedServicesOfThisAccount",
                "Effect": "Allow",
                "Principal": {"Service": "sagemaker.amazonaws.com"},
                "Action": "sts:AssumeRole",
                "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT_ID}},
            }
        ],
    }
    assert role.inputs["maxSessionDuration"] == 3600


def test_helpers_render_scoped_statements(mocks: RecordingMocks) -> None:
    statements = [
        *read_objects("arn:aws:s3:::training-data", "datasets/"),
        *use_kms_key(KEY_ARN, encrypt=False),
        *invoke_bedrock_models(["anthropic.claude-3-haiku-20240307-v1:0"], REGION),
        *write_logs(LOG_GROUP_ARN),
        *use_kms_key(KEY_ARN),
    ]
    run(
        lambda: LeastPrivilegeRole(
            "app",
            service_principals=["ecs-tasks.amazonaws.com", "lambda.amazonaws.com"],
            statements=statements,
            managed_policy_arns=["arn:aws:iam::aws:policy/AmazonSageMakerReadOnly"],
            source_account="210987654321",
        )
    )
    assert mocks.types() == sorted([ROLE, ROLE_POLICY, ATTACHMENT])
    trust = json.loads(mocks.one(ROLE).inputs["assumeRolePolicy"])["Statement"][0]
    assert trust["Principal"] == {"Service": ["ecs-tasks.amazonaws.com", "lambda.amazonaws.com"]}
    assert trust["Condition"] == {"StringEquals": {"aws:SourceAccount": "210987654321"}}
    role_name = mocks.one(ROLE).props["name"]
    assert mocks.one(ROLE_POLICY).inputs["role"] == role_name
    assert mocks.one(ATTACHMENT).inputs == {
        "role": role_name,
        "policyArn": "arn:aws:iam::aws:policy/AmazonSageMakerReadOnly",
    }
    assert _statements(mocks) == [
        {
            "Sid": "ReadObjects",
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:GetObjectVersion"],
            "Resource": "arn:aws:s3:::training-data/datasets/*",
        },
        {
            "Sid": "ListObjects",
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": "arn:aws:s3:::training-data",
            "Condition": {"StringLike": {"s3:prefix": ["datasets/*"]}},
        },
        {"Sid": "UseKey", "Effect": "Allow", "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": KEY_ARN},
        {
            "Sid": "InvokeModels",
            "Effect": "Allow",
            "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
            "Resource": [f"arn:aws:bedrock:{REGION}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"],
        },
        {
            "Sid": "WriteLogs",
            "Effect": "Allow",
            "Action": ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            "Resource": [LOG_GROUP_ARN, f"{LOG_GROUP_ARN}:log-stream:*"],
        },
        {
            "Sid": "UseKey2",
            "Effect": "Allow",
            "Action": [
                "kms:Decrypt",
                "kms:DescribeKey",
                "kms:Encrypt",
                "kms:GenerateDataKey",
                "kms:ReEncryptFrom",
                "kms:ReEncryptTo",
            ],
            "Resource": KEY_ARN,
        },
    ]
    assert_rules_pass(mocks, IAM_RULES)


def test_resource_outputs_in_statements_are_resolved(mocks: RecordingMocks) -> None:
    arn = pulumi.Output.from_input("arn:aws:s3:::from-output")
    run(lambda: LeastPrivilegeRole("r", service_principals=["sagemaker.amazonaws.com"], statements=read_objects(arn)))
    assert _statements(mocks)[0]["Resource"] == "arn:aws:s3:::from-output/*"


def _allow(action: object, resource: object = "*") -> dict:
    return {"Effect": "Allow", "Action": action, "Resource": resource}


@pytest.mark.parametrize(
    ("kwargs", "rule_id"),
    [
        ({"statements": [_allow("*")]}, "CKV_AISEC_8"),
        ({"statements": [_allow(["s3:GetObject", "s3:*"])]}, "CKV_AISEC_8"),
        ({"statements": [_allow("sagemaker:*", ["arn:aws:s3:::b", "*"])]}, "CKV_AISEC_8"),
        ({"statements": [_allow("iam:PassRole")]}, "CKV_AISEC_110"),
        ({"statements": [_allow(["s3:GetObject", "IAM:Pass*"])]}, "CKV_AISEC_110"),
        (
            {"statements": [{"Effect": "Allow", "Action": "iam:*Role", "NotResource": "arn:aws:iam::1:role/a"}]},
            "CKV_AISEC_110",
        ),
        ({"statements": [_allow("iam:*")]}, "CKV_AISEC_8"),
        ({"statements": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}, "CKV_AISEC_8"),
        ({"statements": {"Version": "2012-10-17", "Statement": [_allow("*")]}}, "CKV_AISEC_8"),
        ({"statements": json.dumps({"Statement": _allow("bedrock:*")})}, "CKV_AISEC_8"),
        ({"managed_policy_arns": ["arn:aws:iam::aws:policy/AdministratorAccess"]}, "CKV_AISEC_9"),
        ({"managed_policy_arns": ["arn:aws:iam::aws:policy/PowerUserAccess"]}, "CKV_AISEC_9"),
        ({"managed_policy_arns": ["arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"]}, "CKV_AISEC_9"),
        ({"managed_policy_arns": ["arn:aws:iam::aws:policy/AmazonBedrockFullAccess"]}, "CKV_AISEC_9"),
        ({"managed_policy_arns": ["arn:aws:iam::aws:policy/AmazonS3FullAccess"]}, "CKV_AISEC_9"),
        ({"managed_policy_arns": ["arn:aws-us-gov:iam::aws:policy/IAMFullAccess"]}, "CKV_AISEC_9"),
    ],
)
def test_insecure_arguments_raise_and_register_nothing(mocks: RecordingMocks, kwargs: dict, rule_id: str) -> None:
    with pytest.raises(PolicyViolation) as raised:
        run(lambda: LeastPrivilegeRole("r", service_principals=["sagemaker.amazonaws.com"], **kwargs))
    assert raised.value.rule_id == rule_id
    assert rule_id in str(raised.value)
    assert mocks.registered == []


def test_deny_statements_may_use_wildcards(mocks: RecordingMocks) -> None:
    deny = {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
    run(lambda: LeastPrivilegeRole("r", service_principals=["sagemaker.amazonaws.com"], statements=[deny]))
    assert _statements(mocks) == [deny]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"service_principals": []},
        {"service_principals": ["*"]},
        {"service_principals": ["arn:aws:iam::123456789012:root"]},
        {
            "service_principals": ["sagemaker.amazonaws.com"],
            "statements": [{"Effect": "Allow", "Action": "s3:GetObject"}],
        },
        {"service_principals": ["sagemaker.amazonaws.com"], "statements": ["s3:GetObject"]},
    ],
)
def test_malformed_arguments_raise_and_register_nothing(mocks: RecordingMocks, kwargs: dict) -> None:
    with pytest.raises(ValueError) as raised:
        run(lambda: LeastPrivilegeRole("r", **kwargs))
    assert not isinstance(raised.value, PolicyViolation)
    assert mocks.registered == []


def test_a_wildcard_service_principal_is_malformed_and_the_message_says_why(mocks: RecordingMocks) -> None:
    """IAM rejects ``{"Service": "*"}``: a shape error, not a rule's refusal (no rule ID)."""
    with pytest.raises(ValueError) as raised:
        run(lambda: LeastPrivilegeRole("r", service_principals=["*"]))
    assert not isinstance(raised.value, PolicyViolation)
    message = str(raised.value)
    assert message.startswith("service principal '*' is not an AWS service principal name")
    assert "IAM rejects a trust policy whose Service principal is a wildcard" in message
    assert mocks.registered == []


def test_output_actions_cannot_be_judged_at_preview(mocks: RecordingMocks) -> None:
    with pytest.raises(TypeError):
        run(
            lambda: LeastPrivilegeRole(
                "r", service_principals=["sagemaker.amazonaws.com"], statements=[_allow(pulumi.Output.from_input("*"))]
            )
        )
    assert mocks.registered == []


def test_output_resource_that_resolves_to_star_stops_the_policy(mocks: RecordingMocks) -> None:
    statement = _allow("iam:PassRole", pulumi.Output.from_input("*"))
    with pytest.raises(ValueError, match="CKV_AISEC_110"):
        run(lambda: LeastPrivilegeRole("r", service_principals=["sagemaker.amazonaws.com"], statements=[statement]))
    forget_failed_registrations()
    assert mocks.of_type(ROLE_POLICY) == []


@pytest.mark.parametrize("bad", [{"model_ids": []}, {"model_ids": [""]}, {"model_ids": [None]}])
def test_bedrock_helper_needs_named_models(bad: dict) -> None:
    """Only the shape: a wildcard model ID is the catalog's to refuse (CKV_AISEC_158, tests/pulumi/test_refusals.py)."""
    with pytest.raises(ValueError):
        invoke_bedrock_models(region=REGION, **bad)


def test_read_objects_prefix_is_literal() -> None:
    with pytest.raises(ValueError):
        read_objects("arn:aws:s3:::b", "data/*")
