"""Bedrock components: what they register, what they refuse, and the pack's rules on the result."""

from __future__ import annotations

import json

import pytest

from pulumi_components import PolicyViolation
from pulumi_components.bedrock import DEFAULT_PII_ENTITIES, BedrockGuardrail, BedrockInvocationLogging
from tests.pulumi.mocks import ACCOUNT_ID, REGION, RecordingMocks, assert_rules_pass, resolve, run

KEY = "aws:kms/key:Key"
GUARDRAIL = "aws:bedrock/guardrail:Guardrail"
GUARDRAIL_VERSION = "aws:bedrock/guardrailVersion:GuardrailVersion"
LOGGING = "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration"
LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup"
ROLE = "aws:iam/role:Role"
ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy"
BUCKET = "aws:s3/bucket:Bucket"
BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy"
SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"
BUCKET_TYPES = [
    BUCKET,
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    BUCKET_POLICY,
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    SSE,
    "aws:s3/bucketVersioning:BucketVersioning",
]
EXTERNAL_KEY = f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/11111111-2222-3333-4444-555555555555"
LOGS_BUCKET = f"bedrock-invocation-logs-{ACCOUNT_ID}-{REGION}"
BEDROCK_SOURCE = {
    "StringEquals": {"aws:SourceAccount": ACCOUNT_ID},
    "ArnLike": {"aws:SourceArn": f"arn:aws:bedrock:{REGION}:{ACCOUNT_ID}:*"},
}


# -- BedrockGuardrail --------------------------------------------------------------------------------------


def test_guardrail_defaults_register_exactly_the_secure_set(mocks: RecordingMocks) -> None:
    component = run(lambda: BedrockGuardrail("assistant"))

    assert mocks.registered, "the mocks recorded nothing: is set_mocks in effect?"
    assert mocks.types() == sorted([KEY, GUARDRAIL, GUARDRAIL_VERSION])
    parent = mocks.one("aisec:bedrock:BedrockGuardrail")
    assert all(resource.parent_urn == parent.urn for resource in mocks.custom)
    assert mocks.one(KEY).inputs == {
        "description": "Encrypts the Bedrock guardrail assistant",
        "enableKeyRotation": True,
        "deletionWindowInDays": 30,
    }
    guardrail = mocks.one(GUARDRAIL)
    assert guardrail.inputs["name"] == "assistant"
    assert guardrail.inputs["kmsKeyArn"] == mocks.one(KEY).outputs["arn"]
    assert guardrail.inputs["contentPolicyConfig"] == {
        "filtersConfigs": [
            {"type": "PROMPT_ATTACK", "inputStrength": "HIGH", "outputStrength": "NONE"},
            {"type": "HATE", "inputStrength": "HIGH", "outputStrength": "HIGH"},
            {"type": "INSULTS", "inputStrength": "HIGH", "outputStrength": "HIGH"},
            {"type": "SEXUAL", "inputStrength": "HIGH", "outputStrength": "HIGH"},
            {"type": "VIOLENCE", "inputStrength": "HIGH", "outputStrength": "HIGH"},
            {"type": "MISCONDUCT", "inputStrength": "HIGH", "outputStrength": "HIGH"},
        ]
    }
    assert guardrail.inputs["sensitiveInformationPolicyConfig"] == {
        "piiEntitiesConfigs": [{"type": entity, "action": action} for entity, action in DEFAULT_PII_ENTITIES.items()]
    }
    assert {"AWS_SECRET_KEY", "CREDIT_DEBIT_CARD_NUMBER", "US_SOCIAL_SECURITY_NUMBER"} <= {
        entity for entity, action in DEFAULT_PII_ENTITIES.items() if action == "BLOCK"
    }
    assert guardrail.inputs["blockedInputMessaging"]
    assert guardrail.inputs["blockedOutputsMessaging"]

    assert mocks.one(GUARDRAIL_VERSION).inputs == {
        "guardrailArn": guardrail.outputs["guardrailArn"],
        "description": f"assistant configuration {component.config_digest}",
        "skipDestroy": True,
    }
    assert component.kms_key is not None


def test_guardrail_outputs_are_the_published_version(mocks: RecordingMocks) -> None:
    component = run(lambda: BedrockGuardrail("assistant"))
    guardrail = mocks.one(GUARDRAIL)
    assert resolve(component.guardrail_arn) == guardrail.outputs["guardrailArn"]
    assert resolve(component.guardrail_id) == guardrail.outputs["guardrailId"]
    assert resolve(component.guardrail_version) == "1"


def test_guardrail_configuration_change_changes_the_version_description(mocks: RecordingMocks) -> None:
    first = run(lambda: BedrockGuardrail("a"))
    second = run(lambda: BedrockGuardrail("b", content_filter_strengths={"INSULTS": "MEDIUM"}))
    same = run(lambda: BedrockGuardrail("c"))
    assert first.config_digest != second.config_digest
    assert first.config_digest == same.config_digest


def test_guardrail_custom_strengths_and_pii(mocks: RecordingMocks) -> None:
    component = run(
        lambda: BedrockGuardrail(
            "support",
            guardrail_name="support-bot",
            content_filter_strengths={"INSULTS": "MEDIUM", "MISCONDUCT": "MEDIUM", "PROMPT_ATTACK": "HIGH"},
            pii_entities={"EMAIL": "BLOCK", "NAME": "ANONYMIZE"},
            kms_key_arn=EXTERNAL_KEY,
            keep_previous_versions=False,
        )
    )
    assert mocks.types() == sorted([GUARDRAIL, GUARDRAIL_VERSION])
    guardrail = mocks.one(GUARDRAIL).inputs
    assert guardrail["name"] == "support-bot"
    assert guardrail["kmsKeyArn"] == EXTERNAL_KEY
    assert guardrail["contentPolicyConfig"]["filtersConfigs"] == [
        {"type": "PROMPT_ATTACK", "inputStrength": "HIGH", "outputStrength": "NONE"},
        {"type": "HATE", "inputStrength": "HIGH", "outputStrength": "HIGH"},
        {"type": "INSULTS", "inputStrength": "MEDIUM", "outputStrength": "MEDIUM"},
        {"type": "SEXUAL", "inputStrength": "HIGH", "outputStrength": "HIGH"},
        {"type": "VIOLENCE", "inputStrength": "HIGH", "outputStrength": "HIGH"},
        {"type": "MISCONDUCT", "inputStrength": "MEDIUM", "outputStrength": "MEDIUM"},
    ]
    assert guardrail["sensitiveInformationPolicyConfig"] == {
        "piiEntitiesConfigs": [{"type": "EMAIL", "action": "BLOCK"}, {"type": "NAME", "action": "ANONYMIZE"}]
    }
    assert mocks.one(GUARDRAIL_VERSION).inputs["skipDestroy"] is False
    assert component.kms_key is None


def test_guardrail_passes_every_rule(mocks: RecordingMocks) -> None:
    """With the region's invocation logging beside it, as CKV2_AISEC_10 requires of every guardrail."""

    def program() -> None:
        BedrockGuardrail("assistant")
        BedrockInvocationLogging("invocations")

    run(program)
    found = assert_rules_pass(mocks, {"CKV_AISEC_4", "CKV_AISEC_33", "CKV_AISEC_34", "CKV_AISEC_35", "CKV2_AISEC_10"})
    guardrail_rules = {
        rule_id for rule_id, address, _ in found if address == "aws_bedrock_guardrail.assistant-guardrail"
    }
    assert {"CKV_AISEC_33", "CKV_AISEC_34", "CKV_AISEC_35"} <= guardrail_rules


@pytest.mark.parametrize(
    ("kwargs", "rule_id"),
    [
        ({"content_filter_strengths": {"PROMPT_ATTACK": "MEDIUM"}}, "CKV_AISEC_34"),
        ({"content_filter_strengths": {"PROMPT_ATTACK": "NONE"}}, "CKV_AISEC_34"),
        ({"content_filter_strengths": {"HATE": "NONE"}}, "CKV_AISEC_157"),
        ({"content_filter_strengths": {"SEXUAL": "LOW"}}, "CKV_AISEC_157"),
        ({"pii_entities": {}}, "CKV_AISEC_35"),
        ({"pii_entities": {"EMAIL": "NONE"}}, "CKV_AISEC_35"),
        ({"kms_key_arn": "alias/aws/bedrock"}, "CKV_AISEC_33"),
        ({"kms_key_arn": ""}, "CKV_AISEC_33"),
    ],
)
def test_guardrail_insecure_arguments_raise_and_register_nothing(
    mocks: RecordingMocks, kwargs: dict, rule_id: str
) -> None:
    with pytest.raises(PolicyViolation) as raised:
        run(lambda: BedrockGuardrail("assistant", **kwargs))
    assert raised.value.rule_id == rule_id
    assert str(raised.value).startswith(f"{rule_id}: ")
    assert mocks.registered == []


@pytest.mark.parametrize(
    "kwargs",
    [
        {"content_filter_strengths": {"PROFANITY": "HIGH"}},
        {"content_filter_strengths": {"HATE": "high"}},
        {"pii_entities": {"SSN": "BLOCK"}},
        {"blocked_input_messaging": ""},
    ],
)
def test_guardrail_malformed_arguments_raise_and_register_nothing(mocks: RecordingMocks, kwargs: dict) -> None:
    with pytest.raises(ValueError) as raised:
        run(lambda: BedrockGuardrail("assistant", **kwargs))
    assert not isinstance(raised.value, PolicyViolation)
    assert mocks.registered == []


# -- BedrockInvocationLogging ------------------------------------------------------------------------------


def test_logging_defaults_register_exactly_the_secure_set(mocks: RecordingMocks) -> None:
    component = run(lambda: BedrockInvocationLogging("invocations"))

    assert mocks.registered, "the mocks recorded nothing: is set_mocks in effect?"
    assert mocks.types() == sorted([KEY, KEY, LOG_GROUP, ROLE, ROLE_POLICY, LOGGING, *BUCKET_TYPES])
    parent = mocks.one("aisec:bedrock:BedrockInvocationLogging")
    for child in ("invocations-log-group-key", "invocations-log-group", "invocations-bucket-key"):
        assert mocks.by_name(child).parent_urn == parent.urn
    for child in ("invocations-logs", "invocations-cloudwatch", "invocations-configuration"):
        assert mocks.by_name(child).parent_urn == parent.urn

    # CloudWatch: a log group on a rotating key that CloudWatch Logs of this account may use, kept a year.
    log_key = mocks.by_name("invocations-log-group-key")
    assert log_key.inputs["enableKeyRotation"] is True
    log_key_policy = json.loads(log_key.inputs["policy"])["Statement"]
    assert [s["Principal"] for s in log_key_policy] == [
        {"AWS": f"arn:aws:iam::{ACCOUNT_ID}:root"},
        {"Service": f"logs.{REGION}.amazonaws.com"},
    ]
    log_group = mocks.one(LOG_GROUP)
    assert log_group.inputs == {"kmsKeyId": log_key.outputs["arn"], "retentionInDays": 365}

    # The role Bedrock assumes: this account's Bedrock only, writing to that log group only.
    role = mocks.one(ROLE)
    assert json.loads(role.inputs["assumeRolePolicy"])["Statement"] == [
        {
            "Sid": "TrustedServicesOfThisAccount",
            "Effect": "Allow",
            "Principal": {"Service": "bedrock.amazonaws.com"},
            "Action": "sts:AssumeRole",
            "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT_ID}},
        }
    ]
    log_group_arn = log_group.outputs["arn"]
    assert json.loads(mocks.one(ROLE_POLICY).inputs["policy"])["Statement"] == [
        {
            "Sid": "WriteLogs",
            "Effect": "Allow",
            "Action": ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            "Resource": [log_group_arn, f"{log_group_arn}:log-stream:*"],
        }
    ]

    # S3: a SecureBucket on a rotating key Bedrock of this account may make data keys with.
    bucket_key = mocks.by_name("invocations-bucket-key")
    assert bucket_key.inputs["enableKeyRotation"] is True
    bedrock_key_statement = json.loads(bucket_key.inputs["policy"])["Statement"][1]
    assert bedrock_key_statement == {
        "Sid": "BedrockEncryptsThisAccountsInvocationLogs",
        "Effect": "Allow",
        "Principal": {"Service": "bedrock.amazonaws.com"},
        "Action": "kms:GenerateDataKey",
        "Resource": "*",
        "Condition": BEDROCK_SOURCE,
    }
    assert mocks.one(BUCKET).inputs["bucket"] == LOGS_BUCKET
    assert mocks.one(SSE).inputs["rules"][0]["applyServerSideEncryptionByDefault"] == {
        "sseAlgorithm": "aws:kms",
        "kmsMasterKeyId": bucket_key.outputs["arn"],
    }
    bucket_statements = json.loads(mocks.one(BUCKET_POLICY).inputs["policy"])["Statement"]
    assert [s["Sid"] for s in bucket_statements] == ["DenyInsecureTransport", "BedrockWritesInvocationLogs"]
    assert bucket_statements[1] == {
        "Sid": "BedrockWritesInvocationLogs",
        "Effect": "Allow",
        "Principal": {"Service": "bedrock.amazonaws.com"},
        "Action": "s3:PutObject",
        "Resource": f"arn:aws:s3:::{LOGS_BUCKET}/bedrock/*",
        "Condition": BEDROCK_SOURCE,
    }

    # The configuration itself, written after the role and the bucket (policy) exist.
    assert mocks.one(LOGGING).inputs == {
        "loggingConfig": {
            "cloudwatchConfig": {
                "logGroupName": log_group.props["name"],
                "roleArn": role.outputs["arn"],
                "largeDataDeliveryS3Config": {"bucketName": LOGS_BUCKET, "keyPrefix": "bedrock/large-data"},
            },
            "s3Config": {"bucketName": LOGS_BUCKET, "keyPrefix": "bedrock"},
            "textDataDeliveryEnabled": True,
            "imageDataDeliveryEnabled": True,
            "embeddingDataDeliveryEnabled": True,
            "videoDataDeliveryEnabled": True,
        }
    }
    assert component.log_group is not None and component.bucket is not None and component.role is not None


def test_logging_waits_for_the_writers(mocks: RecordingMocks) -> None:
    """Bedrock validates its access when the configuration is written: the role policy and bucket policy first."""
    run(lambda: BedrockInvocationLogging("invocations"))
    order = [resource.name for resource in mocks.registered]
    configuration = order.index("invocations-configuration")
    assert order.index("invocations-cloudwatch-policy") < configuration
    assert order.index("invocations-logs-policy") < configuration


def test_logging_cloudwatch_only_with_external_key(mocks: RecordingMocks) -> None:
    component = run(
        lambda: BedrockInvocationLogging(
            "invocations",
            s3=False,
            kms_key_arn=EXTERNAL_KEY,
            log_group_name="/aisec/bedrock/invocations",
            log_retention_days=90,
            image_data_delivery_enabled=False,
        )
    )
    assert mocks.types() == sorted([LOG_GROUP, ROLE, ROLE_POLICY, LOGGING])
    assert mocks.one(LOG_GROUP).inputs == {
        "name": "/aisec/bedrock/invocations",
        "kmsKeyId": EXTERNAL_KEY,
        "retentionInDays": 90,
    }
    config = mocks.one(LOGGING).inputs["loggingConfig"]
    assert "s3Config" not in config
    assert "largeDataDeliveryS3Config" not in config["cloudwatchConfig"]
    assert config["cloudwatchConfig"]["logGroupName"] == "/aisec/bedrock/invocations"
    assert config["imageDataDeliveryEnabled"] is False
    assert component.bucket is None and component.log_group_key is None


def test_logging_s3_only(mocks: RecordingMocks) -> None:
    component = run(
        lambda: BedrockInvocationLogging(
            "invocations",
            cloudwatch=False,
            bucket_name="model-invocations",
            s3_key_prefix="",
            bucket_expiration_days=400,
        )
    )
    assert mocks.types() == sorted(
        [KEY, LOGGING, *BUCKET_TYPES, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"]
    )
    assert mocks.one(LOGGING).inputs["loggingConfig"]["s3Config"] == {"bucketName": "model-invocations"}
    assert "cloudwatchConfig" not in mocks.one(LOGGING).inputs["loggingConfig"]
    statement = json.loads(mocks.one(BUCKET_POLICY).inputs["policy"])["Statement"][1]
    assert statement["Resource"] == "arn:aws:s3:::model-invocations/*"
    assert component.role is None and component.log_group is None


def test_logging_passes_every_rule(mocks: RecordingMocks) -> None:
    run(lambda: BedrockInvocationLogging("invocations"))
    assert_rules_pass(
        mocks, {"CKV_AISEC_1", "CKV_AISEC_4", "CKV_AISEC_8", "CKV_AISEC_9", "CKV2_AISEC_1", "CKV2_AISEC_2"}
    )


@pytest.mark.parametrize(
    ("kwargs", "rule_id"),
    [
        ({"cloudwatch": False, "s3": False}, "CKV_AISEC_36"),
        ({"text_data_delivery_enabled": False}, "CKV_AISEC_36"),
        # 0 is CloudWatch Logs' "never expire": a value it accepts, which CKV_AISEC_77 fails.
        ({"log_retention_days": 0}, "CKV_AISEC_77"),
        # The log group is judged first: its own rule names the key (CKV2_AISEC_11 judges it as well).
        ({"kms_key_arn": "alias/aws/logs"}, "CKV_AISEC_76"),
        ({"kms_key_arn": " "}, "CKV_AISEC_76"),
    ],
)
def test_logging_insecure_arguments_raise_and_register_nothing(
    mocks: RecordingMocks, kwargs: dict, rule_id: str
) -> None:
    with pytest.raises(PolicyViolation) as raised:
        run(lambda: BedrockInvocationLogging("invocations", **kwargs))
    assert raised.value.rule_id == rule_id
    assert str(raised.value).startswith(f"{rule_id}: ")
    assert mocks.registered == []


@pytest.mark.parametrize(
    "kwargs",
    [
        {"log_retention_days": 100},
        {"s3_key_prefix": "logs"},
        {"s3_key_prefix": "/logs/"},
        {"s3_key_prefix": "logs/*/"},
        {"bucket_expiration_days": 0},
    ],
)
def test_logging_malformed_arguments_raise_and_register_nothing(mocks: RecordingMocks, kwargs: dict) -> None:
    with pytest.raises(ValueError) as raised:
        run(lambda: BedrockInvocationLogging("invocations", **kwargs))
    assert not isinstance(raised.value, PolicyViolation)
    assert mocks.registered == []
