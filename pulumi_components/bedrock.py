"""Bedrock components: ``BedrockGuardrail`` and ``BedrockInvocationLogging``.

Each describes its children once; before anything is registered the catalog judges them, and the first
failing rule is raised as ``PolicyViolation`` with its ID: CKV_AISEC_33 (guardrail CMK), CKV_AISEC_34
(PROMPT_ATTACK filter at HIGH), CKV_AISEC_35 (sensitive information blocked or anonymized), CKV_AISEC_36
(invocation logging delivers text to a destination), CKV2_AISEC_11 (invocation logs on a customer-managed key),
CKV_AISEC_76/77 (the log group's key and retention), CKV_AISEC_157 (the HATE, INSULTS, SEXUAL, VIOLENCE and
MISCONDUCT filters at MEDIUM or HIGH)...
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, ClassVar

import pulumi
import pulumi_aws as aws

from pulumi_components import _validation as v
from pulumi_components._plan import ACCOUNT_ID, REGION, AisecComponent, AsOutput, JsonDocument, Plan, concat
from pulumi_components.bucket import SecureBucket
from pulumi_components.iam import LeastPrivilegeRole, write_logs

BEDROCK_PRINCIPAL = "bedrock.amazonaws.com"

# Content filter types besides PROMPT_ATTACK, and the strengths a filter accepts.
CONTENT_FILTER_TYPES = ("HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT")
STRENGTHS = ("NONE", "LOW", "MEDIUM", "HIGH")
PROMPT_ATTACK = "PROMPT_ATTACK"

# PII entity types Bedrock Guardrails detect (Bedrock API reference, GuardrailPiiEntityConfig.type).
PII_ENTITY_TYPES = frozenset(
    {
        "ADDRESS",
        "AGE",
        "AWS_ACCESS_KEY",
        "AWS_SECRET_KEY",
        "CA_HEALTH_NUMBER",
        "CA_SOCIAL_INSURANCE_NUMBER",
        "CREDIT_DEBIT_CARD_CVV",
        "CREDIT_DEBIT_CARD_EXPIRY",
        "CREDIT_DEBIT_CARD_NUMBER",
        "DRIVER_ID",
        "EMAIL",
        "INTERNATIONAL_BANK_ACCOUNT_NUMBER",
        "IP_ADDRESS",
        "LICENSE_PLATE",
        "MAC_ADDRESS",
        "NAME",
        "PASSWORD",
        "PHONE",
        "PIN",
        "SWIFT_CODE",
        "UK_NATIONAL_HEALTH_SERVICE_NUMBER",
        "UK_NATIONAL_INSURANCE_NUMBER",
        "UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER",
        "URL",
        "USERNAME",
        "US_BANK_ACCOUNT_NUMBER",
        "US_BANK_ROUTING_NUMBER",
        "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER",
        "US_PASSPORT_NUMBER",
        "US_SOCIAL_SECURITY_NUMBER",
        "VEHICLE_IDENTIFICATION_NUMBER",
    }
)
PII_ACTIONS = ("BLOCK", "ANONYMIZE")

# Secrets and financial or national identifiers are blocked; contact details are anonymized, so that a
# conversation that mentions them can go on without the model seeing (or repeating) them.
DEFAULT_PII_ENTITIES: Mapping[str, str] = {
    "AWS_ACCESS_KEY": "BLOCK",
    "AWS_SECRET_KEY": "BLOCK",
    "PASSWORD": "BLOCK",
    "PIN": "BLOCK",
    "CREDIT_DEBIT_CARD_NUMBER": "BLOCK",
    "CREDIT_DEBIT_CARD_CVV": "BLOCK",
    "CREDIT_DEBIT_CARD_EXPIRY": "BLOCK",
    "US_BANK_ACCOUNT_NUMBER": "BLOCK",
    "US_BANK_ROUTING_NUMBER": "BLOCK",
    "INTERNATIONAL_BANK_ACCOUNT_NUMBER": "BLOCK",
    "US_SOCIAL_SECURITY_NUMBER": "BLOCK",
    "US_PASSPORT_NUMBER": "BLOCK",
    "DRIVER_ID": "BLOCK",
    "EMAIL": "ANONYMIZE",
    "PHONE": "ANONYMIZE",
    "NAME": "ANONYMIZE",
    "ADDRESS": "ANONYMIZE",
}

DEFAULT_BLOCKED_INPUT = "Sorry, this request cannot be processed: it was blocked by the application's guardrail."
DEFAULT_BLOCKED_OUTPUT = "Sorry, the answer was withheld by the application's guardrail."


def _content_filters(strengths: Mapping[str, str] | None) -> dict[str, str]:
    """The five harmful-content filters at HIGH, overridden by ``strengths``. Only the names and strengths are
    checked here (AWS's vocabulary); which strengths protect is the catalog's (CKV_AISEC_34, CKV_AISEC_157)."""
    v.require_plain(strengths, "content_filter_strengths")
    chosen = {PROMPT_ATTACK: "HIGH", **dict.fromkeys(CONTENT_FILTER_TYPES, "HIGH")}
    for filter_type, strength in dict(strengths or {}).items():
        if filter_type not in (PROMPT_ATTACK, *CONTENT_FILTER_TYPES):
            raise ValueError(
                f"content_filter_strengths: unknown filter {filter_type!r}; expected {list(CONTENT_FILTER_TYPES)}"
            )
        if strength not in STRENGTHS:
            raise ValueError(f"content_filter_strengths[{filter_type!r}] must be one of {STRENGTHS}, got {strength!r}")
        chosen[filter_type] = strength
    return chosen


def _pii_entities(entities: Mapping[str, str] | None) -> dict[str, str]:
    """Entity type -> action; which actions protect (and whether an empty policy does) is the catalog's."""
    v.require_plain(entities, "pii_entities")
    chosen = dict(DEFAULT_PII_ENTITIES if entities is None else entities)
    for entity, action in chosen.items():
        if entity not in PII_ENTITY_TYPES:
            raise ValueError(
                f"pii_entities: unknown PII entity type {entity!r}; expected one of {sorted(PII_ENTITY_TYPES)}"
            )
        if action not in (*PII_ACTIONS, "NONE"):
            raise ValueError(f"pii_entities[{entity!r}] must be BLOCK, ANONYMIZE or NONE, got {action!r}")
    return chosen


class BedrockGuardrail(AisecComponent):
    """A Bedrock guardrail against prompt attacks, harmful content and PII leaks, and a published version.

    Registers, as children:

    * ``kms_key``: a new customer-managed key with yearly rotation (CKV_AISEC_4), unless ``kms_key_arn`` is
      given (then ``None``);
    * ``guardrail`` (``aws.bedrock.Guardrail``): a PROMPT_ATTACK filter at HIGH input strength (CKV_AISEC_34;
      output NONE, the only value AWS accepts for it); HATE, INSULTS, SEXUAL, VIOLENCE and MISCONDUCT filters on
      input and output at ``content_filter_strengths`` (HIGH by default, CKV_AISEC_157); a
      sensitive-information policy that blocks or anonymizes ``pii_entities`` (CKV_AISEC_35); encrypted with
      the key (CKV_AISEC_33);
    * ``version`` (``aws.bedrock.GuardrailVersion``): the published version applications pin. Its description
      carries a digest of the configuration and the version is replaced when it changes, so that a changed
      guardrail is published again (a version is an immutable snapshot: updating the guardrail alone does not
      change what pinned applications get).
    """

    # Every catalog rule that judges what this component registers (tests/pulumi/test_component_rules.py).
    RULES: ClassVar[tuple[str, ...]] = (
        "CKV_AISEC_4",
        "CKV_AISEC_33",
        "CKV_AISEC_34",
        "CKV_AISEC_35",
        "CKV_AISEC_112",
        "CKV_AISEC_157",
        "CKV2_AISEC_10",
    )

    TYPE: ClassVar[str] = "aisec:bedrock:BedrockGuardrail"
    OUTPUTS: ClassVar[tuple[str, ...]] = ("guardrail_id", "guardrail_arn", "guardrail_version", "kms_key_arn")
    # Invocation logging is one setting per account and Region, declared once (BedrockInvocationLogging):
    # whether it exists is judged on the whole program, not on a guardrail's children.
    JUDGED_ELSEWHERE: ClassVar[Mapping[str, str]] = {
        "CKV2_AISEC_10": "model invocation logging is an account-wide setting declared once per Region"
    }

    kms_key: aws.kms.Key | None
    guardrail: aws.bedrock.Guardrail
    version: aws.bedrock.GuardrailVersion
    config_digest: str
    kms_key_arn: pulumi.Output[str]
    guardrail_id: pulumi.Output[str]
    guardrail_arn: pulumi.Output[str]
    guardrail_version: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        *,
        guardrail_name: str | None = None,
        description: str | None = None,
        blocked_input_messaging: str = DEFAULT_BLOCKED_INPUT,
        blocked_outputs_messaging: str = DEFAULT_BLOCKED_OUTPUT,
        content_filter_strengths: Mapping[str, str] | None = None,
        pii_entities: Mapping[str, str] | None = None,
        kms_key_arn: pulumi.Input[str] | None = None,
        keep_previous_versions: bool = True,
        tags: Mapping[str, str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """
        :param name: The component's logical name; children are named ``<name>-<part>``.
        :param guardrail_name: The guardrail's name; ``name`` when omitted.
        :param description: The guardrail's description.
        :param blocked_input_messaging: What the application returns when a prompt is blocked.
        :param blocked_outputs_messaging: What the application returns when a response is blocked.
        :param content_filter_strengths: Strength (MEDIUM or HIGH) per filter among HATE, INSULTS, SEXUAL,
            VIOLENCE and MISCONDUCT, applied to input and output; unlisted filters are HIGH. LOW and NONE are
            refused (CKV_AISEC_157); PROMPT_ATTACK may be listed too, and anything but HIGH is refused
            (CKV_AISEC_34).
        :param pii_entities: PII entity type -> ``BLOCK`` or ``ANONYMIZE``; ``DEFAULT_PII_ENTITIES`` when
            omitted. An empty mapping or a ``NONE`` action is refused (CKV_AISEC_35).
        :param kms_key_arn: ARN of a customer-managed key; a new rotating key is created when omitted.
            AWS-managed keys are refused (CKV_AISEC_33).
        :param keep_previous_versions: Keep a published version when a new one replaces it, so applications
            pinned to it keep working (``skip_destroy``); delete old versions when False.
        :param tags: Tags for every taggable child.
        """
        self._construct(
            name,
            opts,
            guardrail_name=guardrail_name,
            description=description,
            blocked_input_messaging=blocked_input_messaging,
            blocked_outputs_messaging=blocked_outputs_messaging,
            content_filter_strengths=content_filter_strengths,
            pii_entities=pii_entities,
            kms_key_arn=kms_key_arn,
            keep_previous_versions=keep_previous_versions,
            tags=tags,
        )

    @classmethod
    def describe(
        cls,
        plan: Plan,
        name: str,
        *,
        guardrail_name: str | None = None,
        description: str | None = None,
        blocked_input_messaging: str = DEFAULT_BLOCKED_INPUT,
        blocked_outputs_messaging: str = DEFAULT_BLOCKED_OUTPUT,
        content_filter_strengths: Mapping[str, str] | None = None,
        pii_entities: Mapping[str, str] | None = None,
        kms_key_arn: pulumi.Input[str] | None = None,
        keep_previous_versions: bool = True,
        tags: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        filters = _content_filters(content_filter_strengths)
        entities = _pii_entities(pii_entities)
        kms_key_arn = v.key_arn(kms_key_arn)
        for what, message in (
            ("blocked_input_messaging", blocked_input_messaging),
            ("blocked_outputs_messaging", blocked_outputs_messaging),
        ):
            if not isinstance(message, str) or not message.strip():
                raise ValueError(f"{what} must be a non-empty message")
        tags = dict(tags or {})

        kms_key = None
        if kms_key_arn is None:
            kms_key = v.rotating_key(plan, f"{name}-key", f"Encrypts the Bedrock guardrail {name}")
            kms_key_arn = kms_key.arn

        filter_args = [
            aws.bedrock.GuardrailContentPolicyConfigFiltersConfigArgs(
                type=PROMPT_ATTACK, input_strength=filters[PROMPT_ATTACK], output_strength="NONE"
            ),
            *(
                aws.bedrock.GuardrailContentPolicyConfigFiltersConfigArgs(
                    type=filter_type, input_strength=strength, output_strength=strength
                )
                for filter_type, strength in filters.items()
                if filter_type != PROMPT_ATTACK
            ),
        ]
        guardrail = plan.add(
            aws.bedrock.Guardrail,
            f"{name}-guardrail",
            name=guardrail_name or name,
            description=description,
            blocked_input_messaging=blocked_input_messaging,
            blocked_outputs_messaging=blocked_outputs_messaging,
            content_policy_config=aws.bedrock.GuardrailContentPolicyConfigArgs(filters_configs=filter_args),
            sensitive_information_policy_config=aws.bedrock.GuardrailSensitiveInformationPolicyConfigArgs(
                pii_entities_configs=[
                    aws.bedrock.GuardrailSensitiveInformationPolicyConfigPiiEntitiesConfigArgs(
                        type=entity, action=action
                    )
                    for entity, action in entities.items()
                ]
            ),
            kms_key_arn=kms_key_arn,
            tags=tags or None,
        )

        configuration = {
            "filters": filters,
            "pii": entities,
            "blocked_input": blocked_input_messaging,
            "blocked_output": blocked_outputs_messaging,
        }
        config_digest = hashlib.sha256(json.dumps(configuration, sort_keys=True).encode()).hexdigest()[:12]
        version = plan.add(
            aws.bedrock.GuardrailVersion,
            f"{name}-version",
            guardrail_arn=guardrail.guardrail_arn,
            description=f"{guardrail_name or name} configuration {config_digest}",
            skip_destroy=keep_previous_versions,
            replace_on_changes=["description"],
        )
        return {
            "kms_key": kms_key,
            "guardrail": guardrail,
            "version": version,
            "config_digest": config_digest,
            "kms_key_arn": AsOutput(kms_key_arn),
            "guardrail_id": guardrail.guardrail_id,
            "guardrail_arn": guardrail.guardrail_arn,
            "guardrail_version": version.version,
        }


def _bedrock_s3_key_policy() -> JsonDocument:
    """The account administers and uses the key; Bedrock may make data keys for this account's invocation logs."""
    return JsonDocument(
        v.policy_document(
            [
                v.account_administers_key_statement(),
                {
                    "Sid": "BedrockEncryptsThisAccountsInvocationLogs",
                    "Effect": "Allow",
                    "Principal": {"Service": BEDROCK_PRINCIPAL},
                    "Action": "kms:GenerateDataKey",
                    "Resource": "*",
                    "Condition": {
                        "StringEquals": {"aws:SourceAccount": ACCOUNT_ID},
                        "ArnLike": {"aws:SourceArn": concat("arn:aws:bedrock:", REGION, ":", ACCOUNT_ID, ":*")},
                    },
                },
            ]
        )
    )


def _bedrock_put_logs_statement(bucket_name: Any, prefix: str) -> dict[str, Any]:
    """Bedrock (for this account only) writes invocation logs under ``prefix``."""
    return {
        "Sid": "BedrockWritesInvocationLogs",
        "Effect": "Allow",
        "Principal": {"Service": BEDROCK_PRINCIPAL},
        "Action": "s3:PutObject",
        # Bedrock writes <prefix>/AWSLogs/<account>/BedrockModelInvocationLogs/... and, for CloudWatch's large
        # payloads, <prefix>/large-data/...: both under the prefix.
        "Resource": concat("arn:aws:s3:::", bucket_name, "/", prefix, "*"),
        "Condition": {
            "StringEquals": {"aws:SourceAccount": ACCOUNT_ID},
            "ArnLike": {"aws:SourceArn": concat("arn:aws:bedrock:", REGION, ":", ACCOUNT_ID, ":*")},
        },
    }


class BedrockInvocationLogging(AisecComponent):
    """Bedrock model invocation logging (prompts and responses) to encrypted, retained destinations.

    Registers, as children:

    * with ``cloudwatch=True`` (default): ``log_group_key`` (a rotating key whose policy admits CloudWatch Logs
      of this account, CKV_AISEC_4; ``None`` when ``kms_key_arn`` is given), ``log_group``
      (``aws.cloudwatch.LogGroup`` on that key, ``log_retention_days``) and ``role`` (``LeastPrivilegeRole``
      trusted by ``bedrock.amazonaws.com`` of this account, allowed to write to that log group only,
      CKV_AISEC_8/9);
    * with ``s3=True`` (default): ``bucket_key`` (a rotating key Bedrock may make data keys with, for this
      account only) and ``bucket`` (``SecureBucket`` on it, CKV_AISEC_1, whose policy lets Bedrock of this
      account write under ``s3_key_prefix``). It also receives CloudWatch's payloads over 100 KB;
    * ``configuration`` (``aws.bedrockmodel.InvocationLoggingConfiguration``): text (and by default image,
      embedding and video) delivery to those destinations (CKV_AISEC_36), created after the role's policy and
      the bucket policy exist, because Bedrock checks its access when the configuration is written.

    Invocation logging is one setting per account and Region: declare this component once per Region.
    """

    # Every catalog rule that judges what this component registers (tests/pulumi/test_component_rules.py).
    RULES: ClassVar[tuple[str, ...]] = (
        "CKV_AISEC_1",
        "CKV_AISEC_4",
        "CKV_AISEC_8",
        "CKV_AISEC_9",
        "CKV_AISEC_36",
        "CKV_AISEC_76",
        "CKV_AISEC_77",
        "CKV_AISEC_110",
        "CKV_AISEC_158",
        "CKV_AISEC_111",
        "CKV_AISEC_112",
        "CKV2_AISEC_1",
        "CKV2_AISEC_2",
        "CKV2_AISEC_3",
        "CKV2_AISEC_4",
        "CKV2_AISEC_11",
        "CKV2_AISEC_30",
        "CKV2_AISEC_46",
    )

    TYPE: ClassVar[str] = "aisec:bedrock:BedrockInvocationLogging"
    OUTPUTS: ClassVar[tuple[str, ...]] = ("log_group_name", "bucket_name")

    log_group_key: aws.kms.Key | None
    log_group: aws.cloudwatch.LogGroup | None
    role: LeastPrivilegeRole | None
    bucket_key: aws.kms.Key | None
    bucket: SecureBucket | None
    configuration: aws.bedrockmodel.InvocationLoggingConfiguration
    log_group_name: pulumi.Output[str] | None
    bucket_name: pulumi.Output[str] | None

    def __init__(
        self,
        name: str,
        *,
        cloudwatch: bool = True,
        s3: bool = True,
        log_group_name: str | None = None,
        log_retention_days: int = 365,
        kms_key_arn: pulumi.Input[str] | None = None,
        bucket_name: str | None = None,
        s3_key_prefix: str = "bedrock/",
        bucket_expiration_days: int | None = None,
        text_data_delivery_enabled: bool = True,
        image_data_delivery_enabled: bool = True,
        embedding_data_delivery_enabled: bool = True,
        video_data_delivery_enabled: bool = True,
        tags: Mapping[str, str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        """
        :param name: The component's logical name; children are named ``<name>-<part>``.
        :param cloudwatch: Log to a KMS-encrypted CloudWatch log group (searchable, alarmable).
        :param s3: Log to a ``SecureBucket`` (long-term record; receives large payloads of CloudWatch logging).
            At least one of ``cloudwatch`` and ``s3`` is required (CKV_AISEC_36).
        :param log_group_name: Name of the log group; auto-named when omitted.
        :param log_retention_days: Retention of the log group, one of CloudWatch Logs' retention values.
        :param kms_key_arn: ARN of a customer-managed key for the log group, whose key policy must admit
            ``logs.<region>.amazonaws.com``; a new rotating key with such a policy is created when omitted.
            AWS-managed keys are refused (CKV2_AISEC_11).
        :param bucket_name: Name of the log bucket; ``bedrock-invocation-logs-<account>-<region>`` when omitted.
        :param s3_key_prefix: Key prefix of the logs in the bucket (may be empty; ends with ``/`` otherwise). A
            ``*`` is refused as argument shape, not as a security judgment: Bedrock writes under the literal
            prefix while the bucket policy would read it as a wildcard, so the two would disagree (the grant
            stays Bedrock's, of this account, in this bucket; CKV_AISEC_112 judges that policy's principals).
        :param bucket_expiration_days: Delete logs from the bucket after this many days; kept otherwise.
        :param text_data_delivery_enabled: Only ``True`` is accepted (CKV_AISEC_36): prompts and responses are
            the record an investigation needs.
        :param image_data_delivery_enabled: Include images in the logs.
        :param embedding_data_delivery_enabled: Include embeddings in the logs.
        :param video_data_delivery_enabled: Include video in the logs.
        :param tags: Tags for every taggable child.
        """
        self._construct(
            name,
            opts,
            cloudwatch=cloudwatch,
            s3=s3,
            log_group_name=log_group_name,
            log_retention_days=log_retention_days,
            kms_key_arn=kms_key_arn,
            bucket_name=bucket_name,
            s3_key_prefix=s3_key_prefix,
            bucket_expiration_days=bucket_expiration_days,
            text_data_delivery_enabled=text_data_delivery_enabled,
            image_data_delivery_enabled=image_data_delivery_enabled,
            embedding_data_delivery_enabled=embedding_data_delivery_enabled,
            video_data_delivery_enabled=video_data_delivery_enabled,
            tags=tags,
        )

    @classmethod
    def describe(
        cls,
        plan: Plan,
        name: str,
        *,
        cloudwatch: bool = True,
        s3: bool = True,
        log_group_name: str | None = None,
        log_retention_days: int = 365,
        kms_key_arn: pulumi.Input[str] | None = None,
        bucket_name: str | None = None,
        s3_key_prefix: str = "bedrock/",
        bucket_expiration_days: int | None = None,
        text_data_delivery_enabled: bool = True,
        image_data_delivery_enabled: bool = True,
        embedding_data_delivery_enabled: bool = True,
        video_data_delivery_enabled: bool = True,
        tags: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        for flag, what in (
            (cloudwatch, "cloudwatch"),
            (s3, "s3"),
            (text_data_delivery_enabled, "text_data_delivery_enabled"),
        ):
            if not isinstance(flag, bool):
                raise TypeError(f"{what} must be True or False, got {flag!r}")
        kms_key_arn = v.key_arn(kms_key_arn)
        if cloudwatch:
            v.validate_log_retention(log_retention_days)
        if (
            not isinstance(s3_key_prefix, str)
            or "*" in s3_key_prefix
            or (s3_key_prefix and not s3_key_prefix.endswith("/"))
        ):
            raise ValueError(f"s3_key_prefix must be empty or a literal prefix ending with '/', got {s3_key_prefix!r}")
        if s3_key_prefix.startswith("/"):
            raise ValueError(f"s3_key_prefix must not start with '/', got {s3_key_prefix!r}")
        if bucket_expiration_days is not None:
            v.validate_positive_int(bucket_expiration_days, "bucket_expiration_days")
        tags = dict(tags or {})

        log_group_key = log_group = role = None
        bucket_key = bucket = None
        writers: list[Any] = []

        if s3:
            bucket_key = v.rotating_key(
                plan,
                f"{name}-bucket-key",
                f"Encrypts the Bedrock invocation logs of {name} in S3",
                policy=_bedrock_s3_key_policy(),
            )
            # The bucket's own policy names the bucket, so the name must be known before the bucket exists:
            # the given one, or one unique per account and Region (as invocation logging itself is).
            logs_bucket_name = bucket_name or concat("bedrock-invocation-logs-", ACCOUNT_ID, "-", REGION)
            bucket = plan.nest(
                SecureBucket,
                f"{name}-logs",
                bucket_name=logs_bucket_name,
                kms_key_arn=bucket_key.arn,
                policy_statements=[_bedrock_put_logs_statement(logs_bucket_name, s3_key_prefix)],
                expiration_days=bucket_expiration_days,
                tags=tags,
            )
            writers.append(bucket)

        if cloudwatch:
            log_group_key, log_group = v.encrypted_log_group(
                plan,
                f"{name}-log-group",
                retention_in_days=log_retention_days,
                kms_key_arn=kms_key_arn,
                log_group_name=log_group_name,
            )
            role = plan.nest(
                LeastPrivilegeRole,
                f"{name}-cloudwatch",
                service_principals=[BEDROCK_PRINCIPAL],
                statements=write_logs(log_group.arn),
                source_account=ACCOUNT_ID,
                description=f"Lets Bedrock write the model invocation logs of {name} to CloudWatch Logs",
                tags=tags or None,
            )
            writers.append(role)

        LoggingConfig = aws.bedrockmodel.InvocationLoggingConfigurationLoggingConfigArgs
        CloudwatchConfig = aws.bedrockmodel.InvocationLoggingConfigurationLoggingConfigCloudwatchConfigArgs
        LargeDataConfig = (
            aws.bedrockmodel.InvocationLoggingConfigurationLoggingConfigCloudwatchConfigLargeDataDeliveryS3ConfigArgs
        )
        S3Config = aws.bedrockmodel.InvocationLoggingConfigurationLoggingConfigS3ConfigArgs
        configuration = plan.add(
            aws.bedrockmodel.InvocationLoggingConfiguration,
            f"{name}-configuration",
            logging_config=LoggingConfig(
                cloudwatch_config=(
                    CloudwatchConfig(
                        log_group_name=log_group.name,
                        role_arn=role.arn,
                        large_data_delivery_s3_config=(
                            LargeDataConfig(bucket_name=bucket.bucket_name, key_prefix=f"{s3_key_prefix}large-data")
                            if bucket is not None
                            else None
                        ),
                    )
                    if log_group is not None and role is not None
                    else None
                ),
                s3_config=(
                    S3Config(bucket_name=bucket.bucket_name, key_prefix=s3_key_prefix.rstrip("/") or None)
                    if bucket is not None
                    else None
                ),
                text_data_delivery_enabled=text_data_delivery_enabled,
                image_data_delivery_enabled=image_data_delivery_enabled,
                embedding_data_delivery_enabled=embedding_data_delivery_enabled,
                video_data_delivery_enabled=video_data_delivery_enabled,
            ),
            depends_on=writers,
        )
        return {
            "bucket_key": bucket_key,
            "bucket": bucket,
            "log_group_key": log_group_key,
            "log_group": log_group,
            "role": role,
            "configuration": configuration,
            "log_group_name": log_group.name if log_group is not None else None,
            "bucket_name": bucket.bucket_name if bucket is not None else None,
        }
