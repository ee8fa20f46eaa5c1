"""The bundled example stacks, scanned with the whole pack: exactly the findings their comments promise."""

from __future__ import annotations

from tests.scanning import EXAMPLES, scan_hcl

INSECURE_STACK = EXAMPLES / "insecure_ai_stack"

INSECURE_STACK_FINDINGS = {
    ("CKV_AISEC_1", "aws_s3_bucket_server_side_encryption_configuration.training_data"),
    ("CKV2_AISEC_1", "aws_s3_bucket.training_data"),
    ("CKV2_AISEC_2", "aws_s3_bucket.training_data"),
    ("CKV_AISEC_4", "aws_kms_key.training_data"),
    ("CKV_AISEC_5", "aws_sagemaker_notebook_instance.research"),
    ("CKV_AISEC_6", "aws_sagemaker_domain.studio"),
    ("CKV_AISEC_7", "aws_security_group.notebook_access"),
    ("CKV_AISEC_8", "aws_iam_role_policy.notebook_data"),
    ("CKV_AISEC_9", "aws_iam_role_policy_attachment.notebook_full_access"),
    ("CKV_AISEC_10", "aws_ecs_task_definition.model_server"),
}


def test_insecure_stack_reports_exactly_the_commented_misconfigurations() -> None:
    findings = scan_hcl(INSECURE_STACK)
    failed = {(f.check_id, f.address) for f in findings if f.verdict == "FAILED"}
    assert failed == INSECURE_STACK_FINDINGS


def test_every_commented_rule_appears_in_the_insecure_stack() -> None:
    text = (INSECURE_STACK / "main.tf").read_text(encoding="utf-8")
    for rule_id, _ in INSECURE_STACK_FINDINGS:
        assert f"<- {rule_id}" in text or f"{rule_id} (" in text, rule_id
