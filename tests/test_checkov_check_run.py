"""The pack's checks run without Checkov's per-evaluation debug record, and with its behaviour otherwise:
suppression comments, the result dict, one normalized configuration shared by every rule of a resource,
and Terraform sources read only where evaluating them can change what Checkov rendered."""

from __future__ import annotations

import copy
from pathlib import Path

from checkov.common.checks.base_check import BaseCheck
from checkov.common.models.enums import CheckResult
from checkov.common.output.report import Report
from checkov.dockerfile.runner import Runner as DockerfileRunner
from checkov.runner_filter import RunnerFilter
from checkov.terraform.checks.resource.registry import resource_registry
from checkov.terraform.runner import Runner as TerraformRunner

from policies import checkov_gates
from policies.checkov_adapter import register_checks
from policies.cli import CHECKS_DIR

KEYS = """
resource "aws_kms_key" "skipped" {
  # checkov:skip=CKV_AISEC_4: rotated by the key custodian's own process
  enable_key_rotation = false
}
resource "aws_kms_key" "failing" {
  enable_key_rotation = false
}
resource "aws_kms_key" "passing" {
  enable_key_rotation = true
}
"""


def _outcomes(report: Report, check_id: str) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for verdict, records in (
        ("PASSED", report.passed_checks),
        ("FAILED", report.failed_checks),
        ("SKIPPED", report.skipped_checks),
    ):
        for record in records:
            if record.check_id == check_id:
                comment = str(record.check_result.get("suppress_comment", ""))
                found[record.resource] = (verdict, comment)
    return found


def test_a_checkov_skip_comment_skips_our_check_with_its_comment(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(KEYS, encoding="utf-8")
    report = TerraformRunner().run(
        root_folder=str(tmp_path),
        external_checks_dir=[str(CHECKS_DIR)],
        runner_filter=RunnerFilter(framework=["terraform"], checks=["CKV_AISEC_4"]),
    )
    assert isinstance(report, Report)
    assert _outcomes(report, "CKV_AISEC_4") == {
        "aws_kms_key.skipped": ("SKIPPED", " rotated by the key custodian's own process"),
        "aws_kms_key.failing": ("FAILED", ""),
        "aws_kms_key.passing": ("PASSED", ""),
    }


def test_a_checkov_skip_comment_skips_our_dockerfile_check(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(
        "# checkov:skip=CKV_AISEC_104: the base image drops privileges itself\nFROM python:3.12\n", encoding="utf-8"
    )
    report = DockerfileRunner().run(
        root_folder=str(tmp_path),
        external_checks_dir=[str(CHECKS_DIR)],
        runner_filter=RunnerFilter(framework=["dockerfile"], checks=["CKV_AISEC_104"]),
    )
    assert isinstance(report, Report)
    assert [(record.check_id, record.check_result["result"]) for record in report.skipped_checks] == [
        ("CKV_AISEC_104", CheckResult.SKIPPED)
    ]
    assert not report.failed_checks and not report.passed_checks


def test_our_run_returns_what_checkovs_run_returns() -> None:
    """Same result dict as ``BaseCheck.run`` for an evaluation and for a suppression."""
    register_checks()
    check = next(check for check in resource_registry.checks["aws_kms_key"] if check.id == "CKV_AISEC_4")
    conf = {"__address__": "aws_kms_key.k", "enable_key_rotation": [False], "__start_line__": 1, "__end_line__": 3}
    for skip in ({}, {"id": "CKV_AISEC_4", "suppress_comment": "reviewed"}):
        ours = check.run("/main.tf", copy.deepcopy(conf), "k", "aws_kms_key", skip)  # type: ignore[arg-type]
        ours_details = list(check.details)
        checkovs = BaseCheck.run(check, "/main.tf", copy.deepcopy(conf), "k", "aws_kms_key", skip)  # type: ignore[arg-type]
        assert ours == checkovs
        assert ours_details == check.details
    assert check.run("/main.tf", copy.deepcopy(conf), "k", "aws_kms_key", {}) == {  # type: ignore[arg-type]
        "result": CheckResult.FAILED,
        "evaluated_keys": ["enable_key_rotation"],
    }


GATED = """
variable "create" {
  default = false
}
variable "kms_key_id" {
  default = null
}
resource "aws_kms_key" "plain" {
  enable_key_rotation = true
}
resource "aws_kms_key" "toggled" {
  count               = var.create ? 1 : 0
  enable_key_rotation = false
}
resource "aws_cloudwatch_log_group" "optional_key" {
  name       = "prompts"
  kms_key_id = var.kms_key_id
}
"""


def test_only_resources_with_something_to_evaluate_are_parsed_and_each_once(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(GATED, encoding="utf-8")
    contexts: list[checkov_gates.ScanContext] = []
    original = checkov_gates.scan_context

    def remembered(graph: object) -> checkov_gates.ScanContext:
        contexts.append(original(graph))
        return contexts[-1]

    checkov_gates.scan_context = remembered  # type: ignore[assignment]
    try:
        TerraformRunner().run(
            root_folder=str(tmp_path),
            external_checks_dir=[str(CHECKS_DIR)],
            runner_filter=RunnerFilter(framework=["terraform"], checks=["CKV_AISEC_*", "CKV2_AISEC_*"]),
        )
    finally:
        checkov_gates.scan_context = original  # type: ignore[assignment]
    assert contexts and all(context is contexts[0] for context in contexts)  # one per scan
    context = contexts[0]
    assert context.sources.parsed == 2  # the toggled key and the log group; the plain key is not parsed
    assert context.instance_at("aws_kms_key.plain") is checkov_gates.CREATED
    toggled = context.instance_at("aws_kms_key.toggled")
    assert toggled is not None and toggled.gate is checkov_gates.Gate.NOT_CREATED
    optional = context.instance_at("aws_cloudwatch_log_group.optional_key")
    assert optional is not None and optional.values == {("kms_key_id",): None}
