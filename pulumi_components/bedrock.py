"""Bedrock components: ``BedrockGuardrail`` and ``BedrockInvocationLogging``.

Each refuses, before registering anything, the arguments that would violate a catalog rule, raising
``PolicyViolation`` with the rule ID: CKV_AISEC_33 (guardrail CMK), CKV_AISEC_34 (PROMPT_ATTACK filter at HIGH),
CKV_AISEC_35 (sensitive information blocked or anonymized), CKV_AISEC_36 (invocation logging delivers text to a
destination), CKV2_AISEC_11 (invocation logs on a customer-managed key), CKV_AISEC_8/9 (IAM, for the logging
role). The one requirement no catalog rule covers yet raises ``PolicyViolation`` with a stable requirement name
in the ``aisec-iac:<requirement>`` form:

* ``aisec-iac:guardrail-content-filters``: every harmful-content filter is on (LOW, MEDIUM or HIGH).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, ClassVar

import pulumi
import pulumi_aws as aws

from pulumi_components import _validation as v
from pulumi_components.bucket import SecureBucket
from pulumi_components.iam import LeastPrivilegeRole, write_logs

# Catalog rules these components enforce.
GUARDRAIL_KMS = "CKV_AISEC_33"
GUARDRAIL_PROMPT_ATTACK = "CKV_AISEC_34"
GUARDRAIL_PII_POLICY = "CKV_AISEC_35"
INVOCATION_LOGGING_TEXT = "CKV_AISEC_36"
INVOCATION_LOGGING_KMS = "CKV2_AISEC_11"
# Requirements no catalog rule covers yet (see the module docstring).
GUARDRAIL_CONTENT_FILTERS = "aisec-iac:guardrail-content-filters"

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


def _is_aws_managed_key(key: str) -> bool:
    return key.startswith("alias/aws/") or ":alias/aws/" in key


def _check_customer_key(kms_key_arn: Any, requirement: str) -> None:
    if kms_key_arn is None or v.is_output(kms_key_arn):
        return
    v.require(
        isinstance(kms_key_arn, str) and bool(kms_key_arn.strip()),
        requirement,
        "kms_key_arn is empty; pass a customer-managed key's ARN or omit it to create a rotating key",
    )
    v.require(
        not _is_aws_managed_key(kms_key_arn),
        requirement,
        f"kms_key_arn {kms_key_arn!r} is an AWS-managed key; pass a customer-managed key's ARN or omit it to "
        "create a rotating key (CKV_AISEC_4)",
    )


def _content_filters(strengths: Mapping[str, str] | None) -> dict[str, str]:
    """The five harmful-content filters at HIGH, overridden by ``strengths``; PROMPT_ATTACK only at HIGH."""
    v.require_plain(strengths, "content_filter_strengths")
    chosen = dict.fromkeys(CONTENT_FILTER_TYPES, "HIGH")
    for filter_type, strength in dict(strengths or {}).items():
        if filter_type == PROMPT_ATTACK:
            v.require(
                strength == "HIGH",
                GUARDRAIL_PROMPT_ATTACK,
                f"the PROMPT_ATTACK filter is {strength!r}; it always runs at HIGH input strength (jailbreaks and "
                "prompt injection, OWASP LLM01): remove it from content_filter_strengths",
            )
            continue
        if filter_type not in CONTENT_FILTER_TYPES:
            raise ValueError(
                f"content_filter_strengths: unknown filter {filter_type!r}; expected {list(CONTENT_FILTER_TYPES)}"
            )
        if strength not in STRENGTHS:
            raise ValueError(f"content_filter_strengths[{filter_type!r}] must be one of {STRENGTHS}, got {strength!r}")
        v.require(
            strength != "NONE",
            GUARDRAIL_CONTENT_FILTERS,
            f"the {filter_type} filter is NONE, which turns it off; use LOW, MEDIUM or HIGH",
        )
        chosen[filter_type] = strength
    return chosen


def _pii_entities(entities: Mapping[str, str] | None) -> dict[str, str]:
    v.require_plain(entities, "pii_entities")
    chosen = dict(DEFAULT_PII_ENTITIES if entities is None else entities)
    v.require(
        bool(chosen),
        GUARDRAIL_PII_POLICY,
        "pii_entities is empty; name the PII types to BLOCK or ANONYMIZE (omit it for the default set)",
    )
    for entity, action in chosen.items():
        if entity not in PII_ENTITY_TYPES:
            raise ValueError(
                f"pii_entities: unknown PII entity type {entity!r}; expected one of {sorted(PII_ENTITY_TYPES)}"
            )
        v.require(
            action in PII_ACTIONS,
            GUARDRAIL_PII_POLICY,
            f"pii_entities[{entity!r}] is {action!r}; use BLOCK or ANONYMIZE (NONE only detects, it protects nothing)",
        )
    return chosen


class BedrockGuardrail(pulumi.ComponentResource):
    """A Bedrock guardrail against prompt attacks, harmful content and PII leaks, and a published version.

    Registers, as children:

    * ``kms_key``: a new customer-managed key with yearly rotation (CKV_AISEC_4), unless ``kms_key_arn`` is
      given (then ``None``);
    * ``guardrail`` (``aws.bedrock.Guardrail``): a PROMPT_ATTACK filter at HIGH input strength (CKV_AISEC_34;
      output NONE, the only value AWS accepts for it); HATE, INSULTS, SEXUAL, VIOLENCE and MISCONDUCT filters on
      input and output at ``content_filter_strengths`` (HIGH by default); a sensitive-information policy that
      blocks or anonymizes ``pii_entities`` (CKV_AISEC_35); encrypted with the key (CKV_AISEC_33);
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
        "CKV2_AISEC_10",
    )

    kms_key: aws.kms.Key | None
    guardrail: aws.bedrock.Guardrail
    version: aws.bedrock.GuardrailVersion

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
        :param content_filter_strengths: Strength (LOW, MEDIUM or HIGH) per filter among HATE, INSULTS, SEXUAL,
            VIOLENCE and MISCONDUCT, applied to input and output; unlisted filters are HIGH. NONE is refused
            (``aisec-iac:guardrail-content-filters``); PROMPT_ATTACK is always HIGH (CKV_AISEC_34).
        :param pii_entities: PII entity type -> ``BLOCK`` or ``ANONYMIZE``; ``DEFAULT_PII_ENTITIES`` when
            omitted. An empty mapping or a ``NONE`` action is refused (CKV_AISEC_35).
        :param kms_key_arn: ARN of a customer-managed key; a new rotating key is created when omitted.
            AWS-managed keys are refused (CKV_AISEC_33).
        :param keep_previous_versions: Keep a published version when a new one replaces it, so applications
            pinned to it keep working (``skip_destroy``); delete old versions when False.
        :param tags: Tags for every taggable child.
        """
        # -- validate everything before registering anything ---------------------------------------------
        filters = _content_filters(content_filter_strengths)
        entities = _pii_entities(pii_entities)
        _check_customer_key(kms_key_arn, GUARDRAIL_KMS)
        for what, message in (
            ("blocked_input_messaging", blocked_input_messaging),
            ("blocked_outputs_messaging", blocked_outputs_messaging),
        ):
            if not isinstance(message, str) or not message.strip():
                raise ValueError(f"{what} must be a non-empty message")
        tags = dict(tags or {})

        super().__init__("aisec:bedrock:BedrockGuardrail", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)

        self.kms_key = None
        if kms_key_arn is None:
            self.kms_key = v.new_rotating_key(f"{name}-key", f"Encrypts the Bedrock guardrail {name}", self)
            kms_key_arn = self.kms_key.arn
        self.kms_key_arn: pulumi.Output[str] = pulumi.Output.from_input(kms_key_arn)

        filter_args = [
            aws.bedrock.GuardrailContentPolicyConfigFiltersConfigArgs(
                type=PROMPT_ATTACK, input_strength="HIGH", output_strength="NONE"
            ),
            *(
                aws.bedrock.GuardrailContentPolicyConfigFiltersConfigArgs(
                    type=filter_type, input_strength=strength, output_strength=strength
                )
                for filter_type, strength in filters.items()
            ),
        ]
        self.guardrail = aws.bedrock.Guardrail(
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
            opts=child,
        )

        configuration = {
            "filters": {PROMPT_ATTACK: "HIGH", **filters},
            "pii": entities,
            "blocked_input": blocked_input_messaging,
            "blocked_output": blocked_outputs_messaging,
        }
        self.config_digest = hashlib.sha256(json.dumps(configuration, sort_keys=True).encode()).hexdigest()[:12]
        self.version = aws.bedrock.GuardrailVersion(
            f"{name}-version",
            guardrail_arn=self.guardrail.guardrail_arn,
            description=f"{guardrail_name or name} configuration {self.config_digest}",
            skip_destroy=keep_previous_versions,
            opts=pulumi.ResourceOptions(parent=self, replace_on_changes=["description"]),
        )

        self.guardrail_id: pulumi.Output[str] = self.guardrail.guardrail_id
        self.guardrail_arn: pulumi.Output[str] = self.guardrail.guardrail_arn
        self.guardrail_version: pulumi.Output[str] = self.version.version
        self.register_outputs(
            {
                "guardrail_id": self.guardrail.guardrail_id,
                "guardrail_arn": self.guardrail.guardrail_arn,
                "guardrail_version": self.version.version,
                "kms_key_arn": self.kms_key_arn,
            }
        )


def _bedrock_s3_key_policy(account_id: pulumi.Input[str], region: pulumi.Input[str]) -> pulumi.Output[str]:
    """The account administers and uses the key; Bedrock may make data keys for this account's invocation logs."""
    account_root = pulumi.Output.concat("arn:aws:iam::", account_id, ":root")
    document = v.policy_document(
        [
            {
                "Sid": "AccountAdministersAndUsesKey",
                "Effect": "Allow",
                "Principal": {"AWS": account_root},
                "Action": list(v.ACCOUNT_KEY_ACTIONS),
                "Resource": "*",
            },
            {
                "Sid": "BedrockEncryptsThisAccountsInvocationLogs",
                "Effect": "Allow",
                "Principal": {"Service": BEDROCK_PRINCIPAL},
                "Action": "kms:GenerateDataKey",
                "Resource": "*",
                "Condition": {
                    "StringEquals": {"aws:SourceAccount": account_id},
                    "ArnLike": {
                        "aws:SourceArn": pulumi.Output.concat("arn:aws:bedrock:", region, ":", account_id, ":*")
                    },
                },
            },
        ]
    )
    return pulumi.Output.json_dumps(document)


def _bedrock_put_logs_statement(
    bucket_name: pulumi.Input[str], prefix: str, account_id: pulumi.Input[str], region: pulumi.Input[str]
) -> dict[str, Any]:
    """Bedrock (for this account only) writes invocation logs under ``prefix``."""
    return {
        "Sid": "BedrockWritesInvocationLogs",
        "Effect": "Allow",
        "Principal": {"Service": BEDROCK_PRINCIPAL},
        "Action": "s3:PutObject",
        # Bedrock writes <prefix>/AWSLogs/<account>/BedrockModelInvocationLogs/... and, for CloudWatch's large
        # payloads, <prefix>/large-data/...: both under the prefix.
        "Resource": pulumi.Output.concat("arn:aws:s3:::", bucket_name, "/", prefix, "*"),
        "Condition": {
            "StringEquals": {"aws:SourceAccount": account_id},
            "ArnLike": {"aws:SourceArn": pulumi.Output.concat("arn:aws:bedrock:", region, ":", account_id, ":*")},
        },
    }


class BedrockInvocationLogging(pulumi.ComponentResource):
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
        "CKV_AISEC_111",
        "CKV_AISEC_112",
        "CKV2_AISEC_1",
        "CKV2_AISEC_2",
        "CKV2_AISEC_3",
        "CKV2_AISEC_4",
        "CKV2_AISEC_11",
    )

    log_group_key: aws.kms.Key | None
    log_group: aws.cloudwatch.LogGroup | None
    role: LeastPrivilegeRole | None
    bucket_key: aws.kms.Key | None
    bucket: SecureBucket | None
    configuration: aws.bedrockmodel.InvocationLoggingConfiguration

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
        :param s3_key_prefix: Key prefix of the logs in the bucket (may be empty; ends with ``/`` otherwise).
        :param bucket_expiration_days: Delete logs from the bucket after this many days; kept otherwise.
        :param text_data_delivery_enabled: Only ``True`` is accepted (CKV_AISEC_36): prompts and responses are
            the record an investigation needs.
        :param image_data_delivery_enabled: Include images in the logs.
        :param embedding_data_delivery_enabled: Include embeddings in the logs.
        :param video_data_delivery_enabled: Include video in the logs.
        :param tags: Tags for every taggable child.
        """
        # -- validate everything before registering anything ---------------------------------------------
        v.require(
            bool(cloudwatch) or bool(s3),
            INVOCATION_LOGGING_TEXT,
            "cloudwatch and s3 are both False: Bedrock invocations would not be logged anywhere; keep at least one",
        )
        v.require(
            text_data_delivery_enabled is True,
            INVOCATION_LOGGING_TEXT,
            "text_data_delivery_enabled must be True: prompts and responses are the record of what the models were "
            "asked and answered (turn off image, embedding or video delivery to reduce volume)",
        )
        _check_customer_key(kms_key_arn, INVOCATION_LOGGING_KMS)
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

        super().__init__("aisec:bedrock:BedrockInvocationLogging", name, None, opts)
        child = pulumi.ResourceOptions(parent=self)
        account_id, region = v.current_account_and_region(self)

        self.log_group_key = self.log_group = self.role = None
        self.bucket_key = self.bucket = None
        writers: list[pulumi.Resource] = []

        if s3:
            self.bucket_key = v.new_rotating_key(
                f"{name}-bucket-key",
                f"Encrypts the Bedrock invocation logs of {name} in S3",
                self,
                policy=_bedrock_s3_key_policy(account_id, region),
            )
            # The bucket's own policy names the bucket, so the name must be known before the bucket exists:
            # the given one, or one unique per account and Region (as invocation logging itself is).
            logs_bucket_name: pulumi.Input[str] = bucket_name or pulumi.Output.concat(
                "bedrock-invocation-logs-", account_id, "-", region
            )
            self.bucket = SecureBucket(
                f"{name}-logs",
                bucket_name=logs_bucket_name,  # type: ignore[arg-type]  # SecureBucket passes it to aws.s3.Bucket
                kms_key_arn=self.bucket_key.arn,
                policy_statements=[_bedrock_put_logs_statement(logs_bucket_name, s3_key_prefix, account_id, region)],
                expiration_days=bucket_expiration_days,
                tags=tags,
                opts=child,
            )
            writers.append(self.bucket)

        if cloudwatch:
            self.log_group_key, self.log_group = v.new_encrypted_log_group(
                f"{name}-log-group",
                parent=self,
                retention_in_days=log_retention_days,
                kms_key_arn=kms_key_arn,
                log_group_name=log_group_name,
            )
            self.role = LeastPrivilegeRole(
                f"{name}-cloudwatch",
                service_principals=[BEDROCK_PRINCIPAL],
                statements=write_logs(self.log_group.arn),
                source_account=account_id,
                description=f"Lets Bedrock write the model invocation logs of {name} to CloudWatch Logs",
                tags=tags or None,
                opts=child,
            )
            writers.append(self.role)

        self.configuration = aws.bedrockmodel.InvocationLoggingConfiguration(
            f"{name}-configuration",
            logging_config=aws.bedrockmodel.InvocationLoggingConfigurationLoggingConfigArgs(
                cloudwatch_config=(
                    aws.bedrockmodel.InvocationLoggingConfigurationLoggingConfigCloudwatchConfigArgs(
                        log_group_name=self.log_group.name,
                        role_arn=self.role.arn,
                        large_data_delivery_s3_config=(
                            aws.bedrockmodel.InvocationLoggingConfigurationLoggingConfigCloudwatchConfigLargeDataDeliveryS3ConfigArgs(
                                bucket_name=self.bucket.bucket_name, key_prefix=f"{s3_key_prefix}large-data"
                            )
                            if self.bucket is not None
                            else None
                        ),
                    )
                    if self.log_group is not None and self.role is not None
                    else None
                ),
                s3_config=(
                    aws.bedrockmodel.InvocationLoggingConfigurationLoggingConfigS3ConfigArgs(
                        bucket_name=self.bucket.bucket_name, key_prefix=s3_key_prefix.rstrip("/") or None
                    )
                    if self.bucket is not None
                    else None
                ),
                text_data_delivery_enabled=text_data_delivery_enabled,
                image_data_delivery_enabled=image_data_delivery_enabled,
                embedding_data_delivery_enabled=embedding_data_delivery_enabled,
                video_data_delivery_enabled=video_data_delivery_enabled,
            ),
            opts=pulumi.ResourceOptions(parent=self, depends_on=writers),
        )

        outputs: dict[str, Any] = {}
        if self.log_group is not None:
            self.log_group_name: pulumi.Output[str] | None = self.log_group.name
            outputs["log_group_name"] = self.log_group.name
        else:
            self.log_group_name = None
        if self.bucket is not None:
            self.bucket_name: pulumi.Output[str] | None = self.bucket.bucket_name
            outputs["bucket_name"] = self.bucket.bucket_name
        else:
            self.bucket_name = None
        self.register_outputs(outputs)
