"""Terraform constructs, through the real Checkov engine: count, for_each, dynamic blocks, a local module
called twice, locals and terraform.tfvars (terraform_examples/robustness), in HCL and as the plan Terraform
printed for the same configuration."""

from __future__ import annotations

from tests.scanning import EXAMPLES, Finding, scan_hcl, scan_plans

STACK = EXAMPLES / "robustness"
ENCRYPTION = "aws_s3_bucket_server_side_encryption_configuration"
NOTEBOOKS = ('aws_sagemaker_notebook_instance.each["research"]', 'aws_sagemaker_notebook_instance.each["scratch"]')

EXPECTED_IN_BOTH = {
    ("PASSED", "CKV_AISEC_1", f"{ENCRYPTION}.counted[0]"),  # count, key through a local
    ("PASSED", "CKV_AISEC_1", f"{ENCRYPTION}.counted[1]"),
    ("PASSED", "CKV_AISEC_1", f"module.secure_artifacts.{ENCRYPTION}.this"),  # module input from a reference
    # Buckets created elsewhere: CKV2_AISEC_3 judges the configurations themselves, and SSE-S3 (module input
    # AES256) is a finding there, since this configuration delivers no server access logs to that bucket.
    ("PASSED", "CKV2_AISEC_3", f"{ENCRYPTION}.counted[0]"),
    ("PASSED", "CKV2_AISEC_3", f"{ENCRYPTION}.counted[1]"),
    ("PASSED", "CKV2_AISEC_3", f"module.secure_artifacts.{ENCRYPTION}.this"),
    ("FAILED", "CKV2_AISEC_3", f"module.plain_artifacts.{ENCRYPTION}.this"),
    ("PASSED", "CKV_AISEC_4", "aws_kms_key.data"),
    ("PASSED", "CKV_AISEC_112", "aws_kms_key.data"),
    ("PASSED", "CKV_AISEC_5", NOTEBOOKS[0]),  # for_each over a local map
    ("FAILED", "CKV_AISEC_5", NOTEBOOKS[1]),  # the value comes from terraform.tfvars
    # Attack path: the private notebook is no path; the one with internet access has a role outside the stack,
    # so whether it reaches training data is not known (no verdict).
    ("PASSED", "CKV2_AISEC_45", NOTEBOOKS[0]),
    *{
        ("FAILED", rule_id, notebook)
        for rule_id in ("CKV_AISEC_11", "CKV_AISEC_12", "CKV_AISEC_13")
        for notebook in NOTEBOOKS
    },
}


def verdicts(findings: set[Finding]) -> set[tuple[str, str, str]]:
    return {(f.verdict, f.check_id, f.address) for f in findings}


def test_hcl_sees_through_count_for_each_modules_locals_and_tfvars() -> None:
    """Checkov leaves a dynamic block's iterator over a list of numbers unrendered (``ingress.value``), so the
    security group's ports are unknown in HCL and it gets no verdict; the plan below has them."""
    assert verdicts(scan_hcl(STACK)) == EXPECTED_IN_BOTH


def test_plan_gives_the_same_verdicts_and_judges_the_expanded_dynamic_block() -> None:
    expected = EXPECTED_IN_BOTH | {("FAILED", "CKV_AISEC_7", "aws_security_group.tools")}
    assert verdicts(scan_plans([STACK / "tfplan.json"], STACK)) == expected
