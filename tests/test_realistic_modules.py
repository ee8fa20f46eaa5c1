"""A reusable module called three times (toggles on, defaults, one toggle on), scanned by the real Checkov engine:
no finding on a resource the configuration does not create, and every finding the module's defaults cause.

terraform_examples/realistic_modules/modules/ml_workspace/main.tf explains each expected finding next to the
resource. The exact sets cover the rules this fixture exists for; the S3 bucket-policy, public-access and
Bedrock invocation-logging connection rules are described in the fixture's comments.
"""

from __future__ import annotations

import pytest

from tests.scanning import EXAMPLES, Finding, scan_hcl

STACK = EXAMPLES / "realistic_modules"
CHECKS = [
    "CKV_AISEC_4",  # KMS key rotation
    "CKV_AISEC_5",  # notebook private networking
    "CKV_AISEC_11",  # notebook CMK
    "CKV_AISEC_12",  # notebook root access
    "CKV_AISEC_13",  # notebook IMDSv2
    "CKV_AISEC_18",  # endpoint configuration CMK
    "CKV_AISEC_19",  # endpoint data capture
    "CKV_AISEC_20",  # endpoint data capture CMK
    "CKV_AISEC_25",  # endpoint SSM access
    "CKV_AISEC_31",  # agent CMK
    "CKV_AISEC_32",  # agent guardrail
    "CKV_AISEC_76",  # log group CMK
    "CKV_AISEC_77",  # log group retention
    "CKV2_AISEC_4",  # model bucket versioning
]

NOTEBOOK = "module.research.aws_sagemaker_notebook_instance.this[0]"
RESEARCH_AGENT = "module.research.aws_bedrockagent_agent.this[0]"
ASSISTANT_AGENT = "module.assistant.aws_bedrockagent_agent.this[0]"

EXPECTED_FAILED = {
    ("CKV_AISEC_32", ASSISTANT_AGENT),  # var.guardrail is null: no guardrail_configuration block
    ("CKV2_AISEC_4", "module.assistant.aws_s3_bucket.artifacts"),  # versioning for_each = {}
    ("CKV2_AISEC_4", "module.sandbox.aws_s3_bucket.artifacts"),
    ("CKV_AISEC_20", "module.research.aws_sagemaker_endpoint_configuration.this"),  # capture key defaults to null
    ("CKV_AISEC_20", "module.sandbox.aws_sagemaker_endpoint_configuration.this"),
    ("CKV_AISEC_20", "module.assistant.aws_sagemaker_endpoint_configuration.this"),
    ("CKV_AISEC_76", "module.research.aws_cloudwatch_log_group.agent[0]"),  # created, no KMS key
}

EXPECTED_PASSED = {
    ("CKV_AISEC_4", "aws_kms_key.platform"),
    *((check, NOTEBOOK) for check in ("CKV_AISEC_5", "CKV_AISEC_11", "CKV_AISEC_12", "CKV_AISEC_13")),
    ("CKV_AISEC_31", RESEARCH_AGENT),
    ("CKV_AISEC_32", RESEARCH_AGENT),
    ("CKV_AISEC_31", ASSISTANT_AGENT),  # coalesce(var.kms_key_arn, try(aws_kms_key.this[0].arn, null))
    ("CKV_AISEC_77", "module.research.aws_cloudwatch_log_group.agent[0]"),
    *(
        (check, f"module.{call}.aws_sagemaker_endpoint_configuration.this")
        for check in ("CKV_AISEC_18", "CKV_AISEC_19", "CKV_AISEC_25")
        for call in ("research", "sandbox", "assistant")
    ),
}


@pytest.fixture(scope="module")
def findings() -> set[Finding]:
    return scan_hcl(STACK, checks=CHECKS)


def test_exactly_the_findings_the_module_calls_create(findings: set[Finding]) -> None:
    assert {(f.check_id, f.address) for f in findings if f.verdict == "FAILED"} == EXPECTED_FAILED


def test_exactly_the_passes_the_module_calls_earn(findings: set[Finding]) -> None:
    assert {(f.check_id, f.address) for f in findings if f.verdict == "PASSED"} == EXPECTED_PASSED


def test_nothing_is_reported_on_resources_no_call_creates(findings: set[Finding]) -> None:
    """The sandbox's notebook and agent (count = 0), and the log groups and versioning of the calls that do not
    ask for them (count = var.x != null ? 1 : 0, for_each = {}) are not there to judge."""
    not_created = (
        "module.sandbox.aws_sagemaker_notebook_instance.this",
        "module.assistant.aws_sagemaker_notebook_instance.this",
        "module.sandbox.aws_bedrockagent_agent.this",
        "module.sandbox.aws_cloudwatch_log_group.agent",
        "module.assistant.aws_cloudwatch_log_group.agent",
        "module.sandbox.aws_s3_bucket_versioning.artifacts",
        "module.research.aws_kms_key.this",
    )
    assert not [f for f in scan_hcl(STACK) if f.address.startswith(not_created)]
