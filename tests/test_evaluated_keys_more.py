"""The SageMaker, Bedrock, OpenSearch Serverless, EKS, storage, API Gateway, Secrets Manager and awscc resource
rules (CKV_AISEC_15 to CKV_AISEC_99) point their findings at the attribute they judged, as
``tests/test_evaluated_keys.py`` checks for the rules it lists: each rule's examples are scanned with the real
Checkov runners, and each failing resource must carry exactly the expected ``evaluated_keys``.

A missing block is the key when the block is absent (``network_config``, ``access_log_settings``), the setting
inside it otherwise; a JSON policy document is the whole attribute (``policy``). The awscc rules use awscc's
attribute names, objects joined like blocks (``data_capture_config/kms_key_id``).
"""

from __future__ import annotations

import pytest

from policies.model import Resource, Verdict
from policies.rules.apigateway import api_gateway_method_auth, api_gateway_method_settings_throttling
from policies.rules.bedrock import awscc_bedrock_guardrail_prompt_attack
from policies.rules.eks import eks_node_group_no_open_ssh
from policies.rules.sagemaker import sagemaker_monitoring_job_cmk, sagemaker_monitoring_job_traffic_encryption
from tests.test_evaluated_keys import Keyed, scan_keys

EXPECTED: dict[str, Keyed] = {
    "CKV_AISEC_15": {
        ("aws_sagemaker_user_profile.fail_inherits_domain_role", ("user_settings",)),
    },
    "CKV_AISEC_21": {
        (
            "aws_sagemaker_feature_group.fail_offline_store_without_key",
            ("offline_store_config/s3_storage_config/kms_key_id",),
        ),
        (
            "aws_sagemaker_feature_group.fail_online_store_without_key",
            ("online_store_config/security_config/kms_key_id",),
        ),
    },
    "CKV_AISEC_22": {
        (
            "aws_sagemaker_data_quality_job_definition.fail_aws_managed_output_key",
            ("data_quality_job_output_config/kms_key_id",),
        ),
        ("aws_sagemaker_data_quality_job_definition.fail_no_keys", ("job_resources/cluster_config/volume_kms_key_id",)),
        (
            "aws_sagemaker_data_quality_job_definition.fail_output_without_key",
            ("data_quality_job_output_config/kms_key_id",),
        ),
    },
    "CKV_AISEC_23": {
        ("aws_sagemaker_data_quality_job_definition.fail_several_instances_default", ("network_config",)),
        (
            "aws_sagemaker_data_quality_job_definition.fail_several_instances_disabled",
            ("network_config/enable_inter_container_traffic_encryption",),
        ),
    },
    "CKV_AISEC_24": {
        (
            "aws_sagemaker_data_quality_job_definition.fail_isolation_disabled",
            ("network_config/enable_network_isolation",),
        ),
        ("aws_sagemaker_data_quality_job_definition.fail_no_network_config", ("network_config",)),
    },
    "CKV_AISEC_25": {
        ("aws_sagemaker_endpoint_configuration.fail_ssm_access_enabled", ("production_variants/enable_ssm_access",)),
        (
            "aws_sagemaker_endpoint_configuration.fail_ssm_access_on_shadow_variant",
            ("shadow_production_variants/enable_ssm_access",),
        ),
    },
    "CKV_AISEC_26": {
        ("aws_sagemaker_domain.fail_identity_disabled", ("domain_settings/execution_role_identity_config",)),
        ("aws_sagemaker_domain.fail_no_domain_settings", ("domain_settings",)),
        ("aws_sagemaker_domain.fail_settings_without_identity", ("domain_settings/execution_role_identity_config",)),
    },
    "CKV_AISEC_37": {
        ("aws_opensearchserverless_security_policy.fail_aws_owned_key", ("policy",)),
        ("aws_opensearchserverless_security_policy.fail_heredoc_aws_owned_key", ("policy",)),
    },
    "CKV_AISEC_38": {
        ("aws_opensearchserverless_security_policy.fail_public_collection", ("policy",)),
        ("aws_opensearchserverless_security_policy.fail_public_dashboard", ("policy",)),
    },
    "CKV_AISEC_39": {
        ("aws_bedrockagent_data_source.fail_no_encryption_configuration", ("server_side_encryption_configuration",)),
    },
    "CKV_AISEC_40": {
        ("aws_bedrock_custom_model.fail_no_vpc_config", ("vpc_config",)),
    },
    "CKV_AISEC_47": {
        ("aws_eks_cluster.fail_defaults", ("vpc_config/public_access_cidrs",)),
        ("aws_eks_cluster.fail_halves_cover_internet", ("vpc_config/public_access_cidrs",)),
        ("aws_eks_cluster.fail_open_to_internet", ("vpc_config/public_access_cidrs",)),
    },
    "CKV_AISEC_48": {
        ("aws_eks_cluster.fail_no_encryption_config", ("encryption_config",)),
    },
    "CKV_AISEC_49": {
        ("aws_eks_node_group.fail_ssh_from_anywhere", ("remote_access/source_security_group_ids",)),
    },
    "CKV_AISEC_50": {
        ("aws_efs_file_system.fail_default_unencrypted", ("encrypted",)),
        ("aws_efs_file_system.fail_explicitly_unencrypted", ("encrypted",)),
    },
    "CKV_AISEC_51": {
        ("aws_fsx_lustre_file_system.fail_persistent_without_key", ("kms_key_id",)),
        ("aws_fsx_lustre_file_system.fail_scratch_default", ("deployment_type",)),
        ("aws_fsx_ontap_file_system.fail_ontap_without_key", ("kms_key_id",)),
        ("aws_fsx_windows_file_system.fail_windows_without_key", ("kms_key_id",)),
    },
    "CKV_AISEC_70": {
        ("aws_api_gateway_method.fail_feedback_open_any", ("authorization",)),
        ("aws_api_gateway_method.fail_invoke_open_get", ("authorization",)),
        ("aws_api_gateway_method.fail_models_key_not_required", ("authorization",)),
    },
    "CKV_AISEC_71": {
        ("aws_lambda_function_url.fail_open", ("authorization_type",)),
    },
    "CKV_AISEC_72": {
        ("aws_api_gateway_method_settings.fail_explicitly_disabled", ("settings/throttling_rate_limit",)),
        ("aws_api_gateway_method_settings.fail_logging_only", ("settings/throttling_rate_limit",)),
        ("aws_api_gateway_method_settings.fail_rate_without_burst", ("settings/throttling_burst_limit",)),
    },
    "CKV_AISEC_73": {
        ("aws_apigatewayv2_stage.fail_http_metrics_only", ("default_route_settings/throttling_rate_limit",)),
        ("aws_apigatewayv2_stage.fail_http_no_route_settings", ("default_route_settings",)),
        ("aws_apigatewayv2_stage.fail_http_only_one_route_throttled", ("default_route_settings",)),
        ("aws_apigatewayv2_stage.fail_websocket_zero_burst", ("default_route_settings/throttling_burst_limit",)),
    },
    "CKV_AISEC_74": {
        ("aws_secretsmanager_secret.fail_aws_managed_alias", ("kms_key_id",)),
        ("aws_secretsmanager_secret.fail_aws_managed_alias_arn", ("kms_key_id",)),
        ("aws_secretsmanager_secret.fail_default_key", ("kms_key_id",)),
        ("aws_secretsmanager_secret.fail_replica_on_default_key", ("replica/kms_key_id",)),
    },
    "CKV_AISEC_75": {
        ("aws_secretsmanager_secret_rotation.fail_cron_quarterly", ("rotation_rules/schedule_expression",)),
        ("aws_secretsmanager_secret_rotation.fail_every_180_days", ("rotation_rules/automatically_after_days",)),
        ("aws_secretsmanager_secret_rotation.fail_rate_yearly", ("rotation_rules/schedule_expression",)),
    },
    "CKV_AISEC_78": {
        ("aws_api_gateway_stage.fail_rest_no_access_logs", ("access_log_settings",)),
        ("aws_apigatewayv2_stage.fail_http_no_access_logs", ("access_log_settings",)),
    },
    "CKV_AISEC_85": {
        ("awscc_bedrock_agent.fail_aws_managed_alias", ("customer_encryption_key_arn",)),
        ("awscc_bedrock_agent.fail_no_key", ("customer_encryption_key_arn",)),
    },
    "CKV_AISEC_86": {
        ("awscc_bedrock_agent.fail_no_guardrail", ("guardrail_configuration",)),
    },
    "CKV_AISEC_87": {
        ("awscc_bedrock_guardrail.fail_aws_managed_alias", ("kms_key_arn",)),
        ("awscc_bedrock_guardrail.fail_no_key", ("kms_key_arn",)),
    },
    "CKV_AISEC_88": {
        ("awscc_bedrock_guardrail.fail_medium_strength", ("content_policy_config/filters_config/input_strength",)),
        ("awscc_bedrock_guardrail.fail_no_content_policy", ("content_policy_config",)),
        ("awscc_bedrock_guardrail.fail_no_prompt_attack_filter", ("content_policy_config",)),
    },
    "CKV_AISEC_89": {
        ("awscc_bedrock_guardrail.fail_no_sensitive_information_policy", ("sensitive_information_policy_config",)),
    },
    "CKV_AISEC_90": {
        ("awscc_sagemaker_domain.fail_default_public_internet", ("app_network_access_type",)),
        ("awscc_sagemaker_domain.fail_public_internet_only", ("app_network_access_type",)),
    },
    "CKV_AISEC_91": {
        ("awscc_sagemaker_domain.fail_aws_managed_alias", ("kms_key_id",)),
        ("awscc_sagemaker_domain.fail_no_key", ("kms_key_id",)),
    },
    "CKV_AISEC_92": {
        ("awscc_sagemaker_notebook_instance.fail_default_internet_access", ("direct_internet_access",)),
        ("awscc_sagemaker_notebook_instance.fail_internet_enabled", ("direct_internet_access",)),
        ("awscc_sagemaker_notebook_instance.fail_service_network", ("direct_internet_access",)),
    },
    "CKV_AISEC_93": {
        ("awscc_sagemaker_notebook_instance.fail_default_root_access", ("root_access",)),
        ("awscc_sagemaker_notebook_instance.fail_root_enabled", ("root_access",)),
    },
    "CKV_AISEC_94": {
        ("awscc_sagemaker_notebook_instance.fail_aws_managed_alias", ("kms_key_id",)),
        ("awscc_sagemaker_notebook_instance.fail_no_key", ("kms_key_id",)),
    },
    "CKV_AISEC_95": {
        (
            "awscc_sagemaker_notebook_instance.fail_imdsv1_allowed",
            ("instance_metadata_service_configuration/minimum_instance_metadata_service_version",),
        ),
        ("awscc_sagemaker_notebook_instance.fail_no_imds_configuration", ("instance_metadata_service_configuration",)),
    },
    "CKV_AISEC_96": {
        ("awscc_sagemaker_endpoint_config.fail_aws_managed_alias", ("kms_key_id",)),
        ("awscc_sagemaker_endpoint_config.fail_no_key", ("kms_key_id",)),
    },
    "CKV_AISEC_97": {
        ("awscc_sagemaker_endpoint_config.fail_capture_disabled", ("data_capture_config/enable_capture",)),
        ("awscc_sagemaker_endpoint_config.fail_no_data_capture", ("data_capture_config",)),
        ("awscc_sagemaker_endpoint_config.fail_zero_sampling", ("data_capture_config/initial_sampling_percentage",)),
    },
    "CKV_AISEC_98": {
        (
            "awscc_sagemaker_endpoint_config.fail_async_output_without_key",
            ("async_inference_config/output_config/kms_key_id",),
        ),
        ("awscc_sagemaker_endpoint_config.fail_capture_aws_managed_key", ("data_capture_config/kms_key_id",)),
        ("awscc_sagemaker_endpoint_config.fail_capture_without_key", ("data_capture_config/kms_key_id",)),
    },
    "CKV_AISEC_99": {
        ("awscc_bedrock_data_source.fail_aws_managed_alias", ("server_side_encryption_configuration/kms_key_arn",)),
        ("awscc_bedrock_data_source.fail_no_encryption_configuration", ("server_side_encryption_configuration",)),
    },
}


@pytest.mark.parametrize("rule_id", sorted(EXPECTED, key=lambda rule_id: int(rule_id.rsplit("_", 1)[1])))
def test_failing_examples_point_at_the_attribute(rule_id: str) -> None:
    assert scan_keys(rule_id) == EXPECTED[rule_id]


def _resource(resource_type: str, **attrs: object) -> Resource:
    return Resource(type=resource_type, address=f"{resource_type}.r", attrs=attrs)


MONITORING = "aws_sagemaker_data_quality_job_definition"
KEYED_OUTPUT = {"data_quality_job_output_config": [{"kms_key_id": "aws_kms_key.reports.arn"}]}


@pytest.mark.parametrize(
    ("evaluate", "resource", "verdict", "attribute"),
    [
        # find_block's UNKNOWN points at the level that is not a block.
        (
            sagemaker_monitoring_job_cmk.evaluate,
            _resource(MONITORING, job_resources="var.resources", **KEYED_OUTPUT),
            Verdict.UNKNOWN,
            "job_resources",
        ),
        (
            sagemaker_monitoring_job_cmk.evaluate,
            _resource(MONITORING, job_resources=[{"cluster_config": "var.cluster"}], **KEYED_OUTPUT),
            Verdict.UNKNOWN,
            "job_resources/cluster_config",
        ),
        (
            sagemaker_monitoring_job_traffic_encryption.evaluate,
            _resource(MONITORING, job_resources=[{"cluster_config": [{"instance_count": 1}]}]),
            Verdict.PASS,
            "job_resources/cluster_config/instance_count",
        ),
        (
            eks_node_group_no_open_ssh.evaluate,
            _resource("aws_eks_node_group", remote_access=[{"source_security_group_ids": ["sg-1"]}]),
            Verdict.PASS,
            "remote_access/ec2_ssh_key",
        ),
        (
            eks_node_group_no_open_ssh.evaluate,
            _resource("aws_eks_node_group", remote_access=[{"ec2_ssh_key": "var.key"}]),
            Verdict.UNKNOWN,
            "remote_access/ec2_ssh_key",
        ),
        (
            api_gateway_method_auth.evaluate,
            _resource("aws_api_gateway_method", authorization="NONE", http_method="POST", api_key_required=True),
            Verdict.PASS,
            "api_key_required",
        ),
        (
            api_gateway_method_auth.evaluate,
            _resource("aws_api_gateway_method", authorization="NONE", http_method="OPTIONS"),
            Verdict.PASS,
            "http_method",
        ),
        (
            awscc_bedrock_guardrail_prompt_attack.evaluate,
            _resource("awscc_bedrock_guardrail", content_policy_config={"filters_config": "var.filters"}),
            Verdict.UNKNOWN,
            "content_policy_config/filters_config",
        ),
    ],
)
def test_other_verdicts_point_at_the_attribute(evaluate, resource: Resource, verdict: Verdict, attribute: str) -> None:
    result = evaluate(resource)
    assert (result.verdict, result.attribute) == (verdict, attribute)


def test_shared_throttling_judgment_points_only_where_its_caller_names_the_block() -> None:
    """CKV2_AISEC_15 judges a method settings resource for a stage, and names no block of its own."""
    settings = {"throttling_rate_limit": 10, "throttling_burst_limit": -1}
    named = api_gateway_method_settings_throttling.judge_throttling(settings, "stage", "unset", "settings")
    assert (named.verdict, named.attribute) == (Verdict.FAIL, "settings/throttling_burst_limit")
    assert api_gateway_method_settings_throttling.judge_throttling(settings, "stage", "unset").attribute is None
