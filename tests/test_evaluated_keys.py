"""A finding points at the attribute its rule judged: the rule's ``Result.attribute`` is the check's
``evaluated_keys`` in Checkov's own reports, and the line of a SARIF result when the attribute is in the code.

For every rule that names its attribute, its examples are scanned with the real Checkov runners and each failing
resource must carry exactly the expected key; Kubernetes custom resources (KubeRay, KServe, Kubeflow) and
Dockerfiles without a USER that counts give none.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from checkov.common.output.report import Report
from checkov.kubernetes.runner import Runner as KubernetesRunner
from checkov.runner_filter import RunnerFilter
from checkov.terraform.runner import Runner as TerraformRunner

from policies.attribute_lines import attribute_line
from policies.catalog import load_catalog
from policies.cli import CHECKS_DIR
from policies.scan import Unit, run_unit
from tests.scanning import RULE_EXAMPLES
from tests.test_cli import run_cli

RULES = {rule.id: rule for rule in load_catalog()}
Keyed = set[tuple[str, tuple[str, ...]]]

# (failing resource, evaluated_keys) per rule, from its examples: HCL, manifests.yaml, *.Dockerfile.
EXPECTED: dict[str, Keyed] = {
    "CKV_AISEC_1": {
        (
            "aws_s3_bucket_server_side_encryption_configuration.fail_aws_managed_alias",
            ("rule/apply_server_side_encryption_by_default/kms_master_key_id",),
        ),
        (
            "aws_s3_bucket_server_side_encryption_configuration.fail_kms_without_key",
            ("rule/apply_server_side_encryption_by_default/kms_master_key_id",),
        ),
    },
    "CKV_AISEC_4": {
        ("aws_kms_key.fail_period_over_a_year", ("rotation_period_in_days",)),
        ("aws_kms_key.fail_rotation_disabled", ("enable_key_rotation",)),
        ("aws_kms_key.fail_rotation_unset", ("enable_key_rotation",)),
    },
    "CKV_AISEC_5": {
        ("aws_sagemaker_notebook_instance.fail_defaults", ("direct_internet_access",)),
        ("aws_sagemaker_notebook_instance.fail_disabled_without_subnet", ("subnet_id",)),
        ("aws_sagemaker_notebook_instance.fail_internet_access_default", ("direct_internet_access",)),
        ("aws_sagemaker_notebook_instance.fail_internet_access_enabled", ("direct_internet_access",)),
    },
    "CKV_AISEC_6": {
        ("aws_sagemaker_domain.fail_default_public_internet", ("app_network_access_type",)),
        ("aws_sagemaker_domain.fail_public_internet_only", ("app_network_access_type",)),
    },
    "CKV_AISEC_7": {
        ("aws_security_group.fail_all_traffic_ipv6", ("ingress/ipv6_cidr_blocks",)),
        ("aws_security_group.fail_dynamic_ports_from_local", ("ingress/cidr_blocks",)),
        ("aws_security_group.fail_public_jupyter", ("ingress/cidr_blocks",)),
        ("aws_security_group.fail_wide_tcp_range", ("ingress/cidr_blocks",)),
        ("aws_security_group_rule.fail_rule_public_mlflow", ("cidr_blocks",)),
        ("aws_vpc_security_group_ingress_rule.fail_vpc_rule_all_protocols", ("cidr_ipv4",)),
        ("aws_vpc_security_group_ingress_rule.fail_vpc_rule_ray_dashboard_ipv6", ("cidr_ipv6",)),
        ("aws_vpc_security_group_ingress_rule.fail_vpc_rule_triton_protocol_number", ("cidr_ipv4",)),
    },
    "CKV_AISEC_8": {
        ("aws_iam_group_policy.fail_not_resource", ("policy",)),
        ("aws_iam_policy.fail_every_action_of_every_service", ("policy",)),
        ("aws_iam_policy.fail_full_admin", ("policy",)),
        ("aws_iam_policy_document.fail_bedrock_everywhere_document", ("statement",)),
        ("aws_iam_role_policy.fail_double_star_on_every_bucket", ("policy",)),
        ("aws_iam_role_policy.fail_sagemaker_wildcard", ("policy",)),
        ("aws_iam_user_policy.fail_not_action", ("policy",)),
    },
    "CKV_AISEC_9": {
        ("aws_iam_group_policy_attachment.fail_s3_full_access_china", ("policy_arn",)),
        ("aws_iam_policy_attachment.fail_power_user_any_partition", ("policy_arn",)),
        ("aws_iam_role.fail_role_sagemaker_full_access", ("managed_policy_arns",)),
        ("aws_iam_role_policy_attachment.fail_admin_built_with_format_and_local", ("policy_arn",)),
        ("aws_iam_role_policy_attachment.fail_administrator_access", ("policy_arn",)),
        ("aws_iam_role_policy_attachment.fail_iam_full_access", ("policy_arn",)),
        ("aws_iam_role_policy_attachment.fail_lambda_full_access", ("policy_arn",)),
        ("aws_iam_role_policy_attachments_exclusive.fail_exclusive_bedrock_full_access", ("policy_arns",)),
        ("aws_iam_user_policy_attachment.fail_bedrock_full_access_govcloud", ("policy_arn",)),
        ("aws_iam_user_policy_attachment.fail_ecr_full_access_built_with_format_and_partition", ("policy_arn",)),
    },
    "CKV_AISEC_10": {
        ("aws_ecs_task_definition.fail_no_user", ("container_definitions",)),
        ("aws_ecs_task_definition.fail_privileged_gpu_worker", ("container_definitions",)),
        ("aws_ecs_task_definition.fail_root_log_router", ("container_definitions",)),
        ("aws_ecs_task_definition.fail_signed_uid_zero", ("container_definitions",)),
        ("aws_ecs_task_definition.fail_uid_zero_with_group", ("container_definitions",)),
    },
    "CKV_AISEC_11": {
        ("aws_sagemaker_notebook_instance.fail_aws_managed_alias", ("kms_key_id",)),
        ("aws_sagemaker_notebook_instance.fail_no_key", ("kms_key_id",)),
    },
    "CKV_AISEC_12": {
        ("aws_sagemaker_notebook_instance.fail_default_root_access", ("root_access",)),
        ("aws_sagemaker_notebook_instance.fail_root_enabled", ("root_access",)),
    },
    "CKV_AISEC_13": {
        (
            "aws_sagemaker_notebook_instance.fail_empty_imds_configuration",
            ("instance_metadata_service_configuration/minimum_instance_metadata_service_version",),
        ),
        (
            "aws_sagemaker_notebook_instance.fail_imdsv1_allowed",
            ("instance_metadata_service_configuration/minimum_instance_metadata_service_version",),
        ),
        ("aws_sagemaker_notebook_instance.fail_no_imds_configuration", ("instance_metadata_service_configuration",)),
    },
    "CKV_AISEC_14": {
        ("aws_sagemaker_domain.fail_aws_managed_key", ("kms_key_id",)),
        ("aws_sagemaker_domain.fail_no_key", ("kms_key_id",)),
    },
    "CKV_AISEC_16": {
        ("aws_sagemaker_model.fail_isolation_default", ("enable_network_isolation",)),
        ("aws_sagemaker_model.fail_isolation_disabled", ("enable_network_isolation",)),
    },
    "CKV_AISEC_17": {
        ("aws_sagemaker_model.fail_no_vpc_config", ("vpc_config",)),
    },
    "CKV_AISEC_18": {
        ("aws_sagemaker_endpoint_configuration.fail_aws_managed_key", ("kms_key_arn",)),
        ("aws_sagemaker_endpoint_configuration.fail_no_key", ("kms_key_arn",)),
    },
    "CKV_AISEC_19": {
        ("aws_sagemaker_endpoint_configuration.fail_capture_disabled", ("data_capture_config/enable_capture",)),
        ("aws_sagemaker_endpoint_configuration.fail_no_capture", ("data_capture_config",)),
        (
            "aws_sagemaker_endpoint_configuration.fail_zero_sampling",
            ("data_capture_config/initial_sampling_percentage",),
        ),
    },
    "CKV_AISEC_20": {
        (
            "aws_sagemaker_endpoint_configuration.fail_async_output_without_key",
            ("async_inference_config/output_config/kms_key_id",),
        ),
        ("aws_sagemaker_endpoint_configuration.fail_capture_without_key", ("data_capture_config/kms_key_id",)),
        (
            "aws_sagemaker_endpoint_configuration.fail_core_dump_with_aws_managed_key",
            ("production_variants/core_dump_config/kms_key_id",),
        ),
    },
    "CKV_AISEC_30": {
        ("aws_bedrock_custom_model.fail_no_key", ("custom_model_kms_key_id",)),
    },
    "CKV_AISEC_31": {
        ("aws_bedrockagent_agent.fail_no_key", ("customer_encryption_key_arn",)),
    },
    "CKV_AISEC_32": {
        ("aws_bedrockagent_agent.fail_empty_guardrail_list", ("guardrail_configuration",)),
        ("aws_bedrockagent_agent.fail_no_guardrail", ("guardrail_configuration",)),
    },
    "CKV_AISEC_33": {
        ("aws_bedrock_guardrail.fail_no_key", ("kms_key_arn",)),
    },
    "CKV_AISEC_34": {
        ("aws_bedrock_guardrail.fail_no_content_policy", ("content_policy_config",)),
        ("aws_bedrock_guardrail.fail_no_prompt_attack_filter", ("content_policy_config",)),
        (
            "aws_bedrock_guardrail.fail_prompt_attack_detect_only",
            ("content_policy_config/filters_config/input_action",),
        ),
        ("aws_bedrock_guardrail.fail_prompt_attack_medium", ("content_policy_config/filters_config/input_strength",)),
    },
    "CKV_AISEC_35": {
        ("aws_bedrock_guardrail.fail_detect_only", ("sensitive_information_policy_config",)),
        ("aws_bedrock_guardrail.fail_evaluation_disabled", ("sensitive_information_policy_config",)),
        ("aws_bedrock_guardrail.fail_no_sensitive_information_policy", ("sensitive_information_policy_config",)),
    },
    "CKV_AISEC_36": {
        (
            "aws_bedrock_model_invocation_logging_configuration.fail_text_disabled",
            ("logging_config/text_data_delivery_enabled",),
        ),
    },
    "CKV_AISEC_45": {
        ("aws_ecr_repository.fail_default_mutable", ("image_tag_mutability",)),
        ("aws_ecr_repository.fail_exclusion_matches_every_tag", ("image_tag_mutability_exclusion_filter/filter",)),
        ("aws_ecr_repository.fail_mutable", ("image_tag_mutability",)),
        ("aws_ecr_repository.fail_mutable_with_exclusion", ("image_tag_mutability",)),
    },
    "CKV_AISEC_46": {
        ("aws_ecr_repository.fail_aes256", ("encryption_configuration/encryption_type",)),
        ("aws_ecr_repository.fail_aws_managed_alias", ("encryption_configuration/kms_key",)),
        ("aws_ecr_repository.fail_kms_without_key", ("encryption_configuration/kms_key",)),
        ("aws_ecr_repository.fail_no_encryption_configuration", ("encryption_configuration",)),
    },
    "CKV_AISEC_76": {
        ("aws_cloudwatch_log_group.fail_access_logs_without_key", ("kms_key_id",)),
        ("aws_cloudwatch_log_group.fail_lambda_logs_without_key", ("kms_key_id",)),
    },
    "CKV_AISEC_77": {
        ("aws_cloudwatch_log_group.fail_never_expires", ("retention_in_days",)),
        ("aws_cloudwatch_log_group.fail_one_week", ("retention_in_days",)),
        ("aws_cloudwatch_log_group.fail_zero_never_expires", ("retention_in_days",)),
    },
    "CKV_AISEC_100": {
        (
            "CronJob.training.fail-init-container-root",
            ("spec/jobTemplate/spec/template/spec/containers/securityContext/runAsNonRoot",),
        ),
        ("InferenceService.inference.fail-inferenceservice-custom-container", ()),
        ("Pod.research.fail-no-user", ("spec/containers/securityContext/runAsNonRoot",)),
        ("RayCluster.ray.fail-raycluster-worker-group-root", ()),
        ("RayJob.ray.fail-rayjob-submitter-root", ()),
        (
            "StatefulSet.inference.fail-uid-zero-overrides-pod",
            ("spec/template/spec/containers/securityContext/runAsUser",),
        ),
        (
            "kubernetes_cron_job_v1.fail_root_uid",
            ("spec/job_template/spec/template/spec/container/security_context/run_as_user",),
        ),
        ("kubernetes_pod.fail_no_user", ("spec/container/security_context/run_as_non_root",)),
    },
    "CKV_AISEC_101": {
        (
            "DaemonSet.kube-system.fail-privileged-gpu-agent",
            ("spec/template/spec/containers/securityContext/privileged",),
        ),
        (
            "Job.training.fail-init-container-may-escalate",
            ("spec/template/spec/containers/securityContext/allowPrivilegeEscalation",),
        ),
        ("Notebook.research.fail-notebook-default", ()),
        ("Pod.research.fail-flag-not-set", ("spec/containers/securityContext/allowPrivilegeEscalation",)),
        ("RayService.ray.fail-rayservice-worker-escalates", ()),
        (
            "kubernetes_cron_job_v1.fail_init_container_may_escalate",
            ("spec/job_template/spec/template/spec/container/security_context/allow_privilege_escalation",),
        ),
        ("kubernetes_pod.fail_no_security_context", ("spec/container/security_context/allow_privilege_escalation",)),
        ("kubernetes_pod_v1.fail_flag_not_set", ("spec/container/security_context/allow_privilege_escalation",)),
    },
    "CKV_AISEC_102": {
        ("InferenceService.inference.fail-inferenceservice-privileged-model", ()),
        ("Job.training.fail-privileged-init-container", ("spec/template/spec/containers/securityContext/privileged",)),
        ("RayCluster.ray.fail-raycluster-privileged-worker", ()),
        ("StatefulSet.rag.fail-privileged-vector-db", ("spec/template/spec/containers/securityContext/privileged",)),
        (
            "kubernetes_daemon_set_v1.fail_privileged_init_container",
            ("spec/template/spec/container/security_context/privileged",),
        ),
        (
            "kubernetes_daemonset.fail_privileged_gpu_agent",
            ("spec/template/spec/container/security_context/privileged",),
        ),
    },
    "CKV_AISEC_103": {
        (
            "CronJob.training.fail-writable-init-container",
            ("spec/jobTemplate/spec/template/spec/containers/securityContext/readOnlyRootFilesystem",),
        ),
        ("Pod.research.fail-writable-notebook", ("spec/containers/securityContext/readOnlyRootFilesystem",)),
        (
            "StatefulSet.rag.fail-explicitly-writable",
            ("spec/template/spec/containers/securityContext/readOnlyRootFilesystem",),
        ),
        (
            "kubernetes_deployment.fail_writable_sidecar",
            ("spec/template/spec/container/security_context/read_only_root_filesystem",),
        ),
        (
            "kubernetes_job_v1.fail_context_without_flag",
            ("spec/template/spec/container/security_context/read_only_root_filesystem",),
        ),
        ("kubernetes_pod_v1.fail_no_security_context", ("spec/container/security_context/read_only_root_filesystem",)),
    },
    "CKV_AISEC_104": {
        ("fail_byte_order_mark.Dockerfile", ("USER",)),
        ("fail_no_user.Dockerfile", ()),
        ("fail_quoted_root.Dockerfile", ("USER",)),
        ("fail_root_uid_with_group.Dockerfile", ("USER",)),
        ("fail_switches_back_to_root.Dockerfile", ("USER",)),
        ("fail_user_only_in_builder.Dockerfile", ()),
    },
    "CKV_AISEC_105": {
        ("aws_ecs_task_definition.fail_flag_not_set", ("container_definitions",)),
        ("aws_ecs_task_definition.fail_writable_tool_sidecar", ("container_definitions",)),
    },
    "CKV_AISEC_106": {
        ("aws_ecs_task_definition.fail_host_network", ("network_mode",)),
        ("aws_ecs_task_definition.fail_host_pid_profiler", ("pid_mode",)),
    },
    "CKV_AISEC_107": {
        ("aws_ecs_service.fail_public_ip_on_fargate", ("network_configuration/assign_public_ip",)),
    },
    "CKV_AISEC_110": {
        ("aws_iam_group_policy.fail_not_resource", ("policy",)),
        ("aws_iam_policy.fail_pass_every_role_of_the_account", ("policy",)),
        ("aws_iam_policy.fail_pass_prefix", ("policy",)),
        ("aws_iam_policy_document.fail_pass_prefix_document", ("statement",)),
        ("aws_iam_role_policy.fail_pass_any_role_to_sagemaker", ("policy",)),
        ("aws_iam_user_policy.fail_role_suffix_any_case", ("policy",)),
    },
    "CKV_AISEC_111": {
        ("aws_iam_role.fail_any_account_with_external_id", ("assume_role_policy",)),
        ("aws_iam_role.fail_anyone", ("assume_role_policy",)),
        ("aws_iam_role.fail_org_condition_if_exists", ("assume_role_policy",)),
        ("aws_iam_role.fail_role_name_in_any_account", ("assume_role_policy",)),
    },
    "CKV_AISEC_112": {
        ("aws_kms_key.fail_anyone_decrypts", ("policy",)),
        ("aws_kms_key_policy.fail_encryption_context_only", ("policy",)),
        ("aws_s3_bucket_policy.fail_any_account_over_tls", ("policy",)),
        ("aws_s3_bucket_policy.fail_every_address", ("policy",)),
        ("aws_s3_bucket_policy.fail_public_read", ("policy",)),
    },
}


def _failed_keys(reports: Report | list[Report], name: Callable | None = None) -> Keyed:
    found: Keyed = set()
    for report in reports if isinstance(reports, list) else [reports]:
        for record in report.failed_checks:
            keys = tuple(record.check_result.get("evaluated_keys") or ())
            found.add((name(record) if name else record.resource, keys))
    return found


def scan_keys(rule_id: str) -> Keyed:
    """The failing resources of a rule's examples with their evaluated keys, as Checkov reports them."""
    rule = RULES[rule_id]
    folder = RULE_EXAMPLES / rule.folder
    found: Keyed = set()
    if rule.resource_types or rule.data_types:
        runner_filter = RunnerFilter(framework=["terraform"], checks=[rule_id])
        report = TerraformRunner().run(
            root_folder=str(folder), external_checks_dir=[str(CHECKS_DIR)], runner_filter=runner_filter
        )
        found |= _failed_keys(report)
    if rule.kubernetes_kinds and (folder / "manifests.yaml").exists():
        runner_filter = RunnerFilter(framework=["kubernetes"], checks=[rule_id])
        report = KubernetesRunner().run(
            root_folder=None,
            files=[str(folder / "manifests.yaml")],
            external_checks_dir=[str(CHECKS_DIR)],
            runner_filter=runner_filter,
        )
        found |= _failed_keys(report)
    if rule.dockerfile:
        # Checkov's Dockerfile registry drops evaluated keys; aisec-iac scan restores them (run_unit).
        reports, problems, skipped = run_unit(
            Unit("dockerfile", files=tuple(sorted(folder.glob("*.Dockerfile")))), [rule_id], []
        )
        assert problems == [] and skipped == []
        found |= _failed_keys(reports, lambda record: Path(record.file_path).name)
    return found


@pytest.mark.parametrize("rule_id", sorted(EXPECTED, key=lambda rule_id: int(rule_id.rsplit("_", 1)[1])))
def test_failing_examples_point_at_the_attribute(rule_id: str) -> None:
    assert scan_keys(rule_id) == EXPECTED[rule_id]


def _line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_sarif_region_is_the_line_of_the_wrong_attribute() -> None:
    """``encryption_type = "AES256"`` is set explicitly: the result starts on its line, the resource is context;
    an unset key (fail_kms_without_key) and a missing block keep the resource's lines."""
    folder = RULE_EXAMPLES / "ecr" / "ecr_encryption_cmk"
    result = run_cli("scan", str(folder), "--check", "CKV_AISEC_46", "-o", "sarif")
    assert result.returncode == 1, result.stderr
    results = json.loads(result.stdout)["runs"][0]["results"]
    by_resource = {item["locations"][0]["logicalLocations"][0]["name"]: item["locations"][0] for item in results}
    main_tf = folder / "main.tf"
    aes256 = by_resource["aws_ecr_repository.fail_aes256"]["physicalLocation"]
    line = _line_of(main_tf, 'encryption_type = "AES256"')
    assert aes256["region"] == {"startLine": line, "endLine": line}
    start = _line_of(main_tf, 'resource "aws_ecr_repository" "fail_aes256"')
    assert aes256["contextRegion"]["startLine"] == start
    missing = by_resource["aws_ecr_repository.fail_no_encryption_configuration"]["physicalLocation"]
    assert "contextRegion" not in missing
    assert missing["region"]["startLine"] == _line_of(
        main_tf, 'resource "aws_ecr_repository" "fail_no_encryption_configuration"'
    )


def test_json_output_keeps_the_resource_lines_and_carries_the_key() -> None:
    folder = RULE_EXAMPLES / "ecr" / "ecr_encryption_cmk"
    result = run_cli("scan", str(folder), "--check", "CKV_AISEC_46", "-o", "json")
    assert result.returncode == 1, result.stderr
    failed = {item["resource"]: item for item in json.loads(result.stdout)["results"]["failed_checks"]}
    record = failed["aws_ecr_repository.fail_aes256"]
    assert record["check_result"]["evaluated_keys"] == ["encryption_configuration/encryption_type"]
    start = _line_of(folder / "main.tf", 'resource "aws_ecr_repository" "fail_aes256"')
    assert record["file_line_range"][0] == start and record["file_line_range"][1] > start


@pytest.mark.parametrize(
    ("key", "code", "line"),
    [
        ("kms_key_id", ['resource "x" "y" {', '  kms_key_id = "k"', "}"], 2),
        ("kms_key_id", ['resource "x" "y" {', '  name = "n"', "}"], None),  # unset: the resource's lines
        (
            "rule/apply_server_side_encryption_by_default/sse_algorithm",
            ["r {", "  rule {", "    x {", "      sse_algorithm = 1", "}"],
            4,
        ),
        (
            "rule/sse_algorithm",
            ["r {", "  rule {", "    sse_algorithm = 1", "  }", "  rule {", "    sse_algorithm = 2", "}"],
            None,
        ),
        (
            "spec/containers/securityContext/runAsNonRoot",
            ["kind: Pod", "spec:", "  containers:", "  - name: a", "    securityContext:", "      runAsNonRoot: false"],
            6,
        ),
        ("kmsKeyId", ["{", '  "kmsKeyId": "k"', "}"], 2),
        ("USER", ["FROM a", "USER app", "FROM b", "USER root"], 4),
        ("policy", ['resource "x" "y" {', '  policy_arn = "a"', "}"], None),
    ],
)
def test_attribute_line(key: str, code: list[str], line: int | None) -> None:
    assert attribute_line(key, [(number, text + "\n") for number, text in enumerate(code, 1)]) == line
