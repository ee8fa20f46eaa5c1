"""The bundled example stacks, scanned with the whole pack: exactly the findings their comments promise.

``secure_ai_platform`` is the reference platform: zero failures in HCL, plan JSON, manifests and the Dockerfile
(a finding there is a bug in a rule). ``insecure_ai_platform`` is its twin, and ``insecure_ai_stack`` the short
quick-start stack: each reports exactly the (rule, resource) pairs listed here, and every rule named in a
"<- RULE" comment is among them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policies.catalog import load_catalog
from tests.scanning import EXAMPLES, Finding, scan_dockerfiles, scan_hcl, scan_manifests, scan_plans

QUICK_START = EXAMPLES / "insecure_ai_stack"
SECURE_PLATFORM = EXAMPLES / "secure_ai_platform"
INSECURE_PLATFORM = EXAMPLES / "insecure_ai_platform"

QUICK_START_FINDINGS = {
    ("CKV2_AISEC_1", "aws_s3_bucket.training_data"),
    ("CKV2_AISEC_3", "aws_s3_bucket.training_data"),
    ("CKV2_AISEC_2", "aws_s3_bucket.training_data"),
    ("CKV_AISEC_4", "aws_kms_key.training_data"),
    ("CKV_AISEC_5", "aws_sagemaker_notebook_instance.research"),
    ("CKV_AISEC_6", "aws_sagemaker_domain.studio"),
    ("CKV_AISEC_7", "aws_security_group.notebook_access"),
    ("CKV_AISEC_8", "aws_iam_role_policy.notebook_data"),
    ("CKV_AISEC_9", "aws_iam_role_policy_attachment.notebook_full_access"),
    ("CKV_AISEC_10", "aws_ecs_task_definition.model_server"),
    ("CKV_AISEC_11", "aws_sagemaker_notebook_instance.research"),
    ("CKV_AISEC_12", "aws_sagemaker_notebook_instance.research"),
    ("CKV_AISEC_13", "aws_sagemaker_notebook_instance.research"),
    ("CKV_AISEC_14", "aws_sagemaker_domain.studio"),
    ("CKV_AISEC_26", "aws_sagemaker_domain.studio"),
    ("CKV_AISEC_105", "aws_ecs_task_definition.model_server"),
    ("CKV2_AISEC_4", "aws_s3_bucket.training_data"),
}

INSECURE_PLATFORM_TERRAFORM_FINDINGS = {
    ("CKV_AISEC_4", "aws_kms_key.data"),
    ("CKV_AISEC_5", "aws_sagemaker_notebook_instance.research"),
    ("CKV_AISEC_6", "aws_sagemaker_domain.studio"),
    ("CKV_AISEC_7", "aws_security_group.workloads"),
    ("CKV_AISEC_8", "aws_iam_role_policy.bedrock_agent"),
    ("CKV_AISEC_158", "aws_iam_role_policy.bedrock_agent"),
    ("CKV_AISEC_9", "aws_iam_role_policy_attachment.ecs_execution"),
    ("CKV_AISEC_10", "aws_ecs_task_definition.llm_server"),
    ("CKV_AISEC_11", "aws_sagemaker_notebook_instance.research"),
    ("CKV_AISEC_12", "aws_sagemaker_notebook_instance.research"),
    ("CKV_AISEC_13", "aws_sagemaker_notebook_instance.research"),
    ("CKV_AISEC_14", "aws_sagemaker_domain.studio"),
    ("CKV_AISEC_15", "aws_sagemaker_user_profile.data_scientist"),
    ("CKV_AISEC_16", "aws_sagemaker_model.llm"),
    ("CKV_AISEC_17", "aws_sagemaker_model.llm"),
    ("CKV_AISEC_18", "aws_sagemaker_endpoint_configuration.llm"),
    ("CKV_AISEC_20", "aws_sagemaker_endpoint_configuration.llm"),
    ("CKV_AISEC_25", "aws_sagemaker_endpoint_configuration.llm"),
    ("CKV_AISEC_26", "aws_sagemaker_domain.studio"),
    ("CKV_AISEC_31", "aws_bedrockagent_agent.assistant"),
    ("CKV_AISEC_32", "aws_bedrockagent_agent.assistant"),
    ("CKV_AISEC_33", "aws_bedrock_guardrail.assistant"),
    ("CKV_AISEC_34", "aws_bedrock_guardrail.assistant"),
    ("CKV_AISEC_35", "aws_bedrock_guardrail.assistant"),
    ("CKV_AISEC_36", "aws_bedrock_model_invocation_logging_configuration.this"),
    ("CKV_AISEC_37", "aws_opensearchserverless_security_policy.kb_vectors_encryption"),
    ("CKV_AISEC_38", "aws_opensearchserverless_security_policy.kb_vectors_network"),
    ("CKV_AISEC_45", "aws_ecr_repository.llm_server"),
    ("CKV_AISEC_46", "aws_ecr_repository.llm_server"),
    ("CKV_AISEC_47", "aws_eks_cluster.training"),
    ("CKV_AISEC_48", "aws_eks_cluster.training"),
    ("CKV_AISEC_49", "aws_eks_node_group.gpu"),
    ("CKV_AISEC_50", "aws_efs_file_system.shared_datasets"),
    ("CKV_AISEC_71", "aws_lambda_function_url.chat_api"),
    ("CKV_AISEC_73", "aws_apigatewayv2_stage.prod"),
    ("CKV_AISEC_74", "aws_secretsmanager_secret.model_api_key"),
    ("CKV_AISEC_75", "aws_secretsmanager_secret_rotation.model_api_key"),
    ("CKV_AISEC_76", "aws_cloudwatch_log_group.bedrock_invocations"),
    ("CKV_AISEC_76", "aws_cloudwatch_log_group.flow_logs"),
    ("CKV_AISEC_77", "aws_cloudwatch_log_group.flow_logs"),
    ("CKV_AISEC_77", "aws_cloudwatch_log_group.inference"),
    ("CKV_AISEC_78", "aws_apigatewayv2_stage.prod"),
    ("CKV_AISEC_105", "aws_ecs_task_definition.llm_server"),
    ("CKV_AISEC_106", "aws_ecs_task_definition.llm_server"),
    ("CKV_AISEC_107", "aws_ecs_service.llm_server"),
    ("CKV_AISEC_110", "aws_iam_role_policy.sagemaker_pass_role"),
    ("CKV_AISEC_111", "aws_iam_role.eks_nodes"),
    ("CKV_AISEC_112", "aws_s3_bucket_policy.model_artifacts"),
    ("CKV_AISEC_130", "aws_sagemaker_model.llm"),
    ("CKV_AISEC_131", "aws_ecs_task_definition.llm_server"),
    ("CKV_AISEC_134", "aws_sagemaker_model.llm"),
    ("CKV_AISEC_135", "aws_ecs_task_definition.llm_server"),
    ("CKV_AISEC_138", "aws_sagemaker_model.llm"),
    ("CKV_AISEC_139", "aws_sagemaker_model.llm"),
    ("CKV_AISEC_140", "aws_ecs_task_definition.llm_server"),
    ("CKV_AISEC_141", "aws_lambda_function.chat_api"),
    ("CKV_AISEC_142", "aws_sagemaker_notebook_instance_lifecycle_configuration.research"),
    ("CKV_AISEC_150", "aws_lambda_permission.assistant_action_group"),
    ("CKV_AISEC_152", "aws_sagemaker_pipeline.fine_tune"),
    ("CKV_AISEC_153", "aws_sagemaker_pipeline.fine_tune"),
    ("CKV_AISEC_154", "aws_sagemaker_pipeline.fine_tune"),
    ("CKV_AISEC_155", "aws_sagemaker_pipeline.fine_tune"),
    ("CKV_AISEC_156", "aws_sagemaker_endpoint_configuration.llm"),
    ("CKV_AISEC_157", "aws_bedrock_guardrail.assistant"),
    ("CKV2_AISEC_1", "aws_s3_bucket.training_data"),
    ("CKV2_AISEC_2", "aws_s3_bucket.training_data"),
    ("CKV2_AISEC_3", "aws_s3_bucket.training_data"),
    ("CKV2_AISEC_4", "aws_s3_bucket.model_artifacts"),
    ("CKV2_AISEC_5", "aws_vpc.ml"),
    ("CKV2_AISEC_11", "aws_bedrock_model_invocation_logging_configuration.this"),
    ("CKV2_AISEC_12", "aws_opensearchserverless_collection.kb_vectors"),
    ("CKV2_AISEC_16", "aws_secretsmanager_secret.embedding_api_key"),
    ("CKV2_AISEC_17", "aws_apigatewayv2_route.embed"),
    ("CKV2_AISEC_20", "aws_ecr_repository.llm_server"),
    ("CKV2_AISEC_21", "aws_ecr_repository_policy.llm_server"),
    ("CKV2_AISEC_22", "aws_launch_template.gpu_training"),
    ("CKV2_AISEC_23", "aws_launch_template.gpu_training"),
    ("CKV2_AISEC_45", "aws_ecs_service.llm_server"),
    ("CKV2_AISEC_45", "aws_sagemaker_notebook_instance.research"),
    ("CKV2_AISEC_46", "aws_s3_bucket.model_artifacts"),
    ("CKV2_AISEC_47", "aws_lambda_function_url.chat_api"),
}
# Read in HCL only: the notebook's role reaches the model artifacts through a jsonencode() policy that refers
# to the bucket. A plan holds that policy as known only after apply, and its configuration section gives the
# expression as a bare list of the addresses it mentions, without its text: no actions, no statements. The
# plan's verdict on that link is UNKNOWN (docs/attack-paths.md).
INSECURE_PLATFORM_HCL_ONLY_FINDINGS = {("CKV2_AISEC_45", "aws_sagemaker_notebook_instance.research")}
INSECURE_PLATFORM_MANIFEST_FINDINGS = {
    (rule_id, "Deployment.inference.vllm")
    for rule_id in (
        "CKV_AISEC_100",
        "CKV_AISEC_101",
        "CKV_AISEC_102",
        "CKV_AISEC_103",
        "CKV_AISEC_132",
        "CKV_AISEC_136",
        "CKV_AISEC_143",
    )
} | {("CKV_AISEC_151", "Service.inference.vllm-public")}
INSECURE_PLATFORM_DOCKERFILE_FINDINGS = {
    ("CKV_AISEC_104", "docker/Dockerfile"),
    ("CKV_AISEC_133", "docker/Dockerfile"),
    ("CKV_AISEC_137", "docker/Dockerfile"),
}


def failed(findings: set[Finding]) -> set[tuple[str, str]]:
    return {(f.check_id, f.address) for f in findings if f.verdict == "FAILED"}


def failed_files(findings: set[Finding]) -> set[tuple[str, str]]:
    return {(f.check_id, f.file) for f in findings if f.verdict == "FAILED"}


def commented_rules(folder: Path) -> set[str]:
    """Every rule ID that follows a "<-" in the folder's files."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*")) if path.is_file())
    return {rule_id for tail in re.findall(r"<- ([^\n]+)", text) for rule_id in re.findall(r"CKV2?_AISEC_\d+", tail)}


@pytest.fixture(scope="module")
def secure_platform() -> dict[str, set[Finding]]:
    return {
        "terraform": scan_hcl(SECURE_PLATFORM),
        "terraform_plan": scan_plans([SECURE_PLATFORM / "tfplan.json"], SECURE_PLATFORM),
        "kubernetes": scan_manifests(SECURE_PLATFORM),
        "dockerfile": scan_dockerfiles(SECURE_PLATFORM),
    }


@pytest.fixture(scope="module")
def insecure_platform() -> dict[str, set[Finding]]:
    return {
        "terraform": scan_hcl(INSECURE_PLATFORM),
        "terraform_plan": scan_plans([INSECURE_PLATFORM / "tfplan.json"], INSECURE_PLATFORM),
        "kubernetes": scan_manifests(INSECURE_PLATFORM),
        "dockerfile": scan_dockerfiles(INSECURE_PLATFORM),
    }


@pytest.mark.parametrize("engine", ["terraform", "terraform_plan", "kubernetes", "dockerfile"])
def test_secure_platform_has_no_findings(engine: str, secure_platform: dict[str, set[Finding]]) -> None:
    assert failed(secure_platform[engine]) == set()


def test_secure_platform_is_judged_by_most_of_the_catalog(secure_platform: dict[str, set[Finding]]) -> None:
    """Zero findings mean something only if the rules ran: count the rules that passed something."""
    passed = {f.check_id for findings in secure_platform.values() for f in findings if f.verdict == "PASSED"}
    assert len(passed) >= 60, f"only {len(passed)} of {len(load_catalog())} rules judged the platform"


def test_insecure_platform_reports_exactly_its_misconfigurations(insecure_platform: dict[str, set[Finding]]) -> None:
    assert failed(insecure_platform["terraform"]) == INSECURE_PLATFORM_TERRAFORM_FINDINGS
    assert failed(insecure_platform["kubernetes"]) == INSECURE_PLATFORM_MANIFEST_FINDINGS
    assert failed_files(insecure_platform["dockerfile"]) == INSECURE_PLATFORM_DOCKERFILE_FINDINGS


def test_insecure_platform_plan_agrees_with_its_hcl(insecure_platform: dict[str, set[Finding]]) -> None:
    expected = INSECURE_PLATFORM_TERRAFORM_FINDINGS - INSECURE_PLATFORM_HCL_ONLY_FINDINGS
    assert failed(insecure_platform["terraform_plan"]) == expected
    plan_verdicts = {(f.check_id, f.address) for f in insecure_platform["terraform_plan"]}
    assert plan_verdicts.isdisjoint(INSECURE_PLATFORM_HCL_ONLY_FINDINGS)  # no verdict: UNKNOWN, never PASS


def test_insecure_platform_comments_name_exactly_the_rules_that_report() -> None:
    reported = {rule_id for rule_id, _ in INSECURE_PLATFORM_TERRAFORM_FINDINGS}
    reported |= {rule_id for rule_id, _ in INSECURE_PLATFORM_MANIFEST_FINDINGS | INSECURE_PLATFORM_DOCKERFILE_FINDINGS}
    assert commented_rules(INSECURE_PLATFORM) == reported


def test_quick_start_stack_reports_exactly_the_commented_misconfigurations() -> None:
    assert failed(scan_hcl(QUICK_START)) == QUICK_START_FINDINGS
    assert commented_rules(QUICK_START) == {rule_id for rule_id, _ in QUICK_START_FINDINGS}
