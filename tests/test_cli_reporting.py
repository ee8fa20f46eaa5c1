"""What a team needs before making the pack a required check: SARIF that validates and carries the rule's
help and severity, thresholds for the exit code, and `aisec-iac explain`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from policies.catalog import load_catalog
from policies.sarif import FINGERPRINT_KEY, SECURITY_SEVERITY
from tests.scanning import EXAMPLES
from tests.test_cli import run_cli

SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
CATALOG = {rule.id: rule for rule in load_catalog()}
ROTATION_OFF = 'resource "aws_kms_key" "data" {\n  enable_key_rotation = false\n}\n'  # CKV_AISEC_4, MEDIUM


def _sarif(*args: str, cwd: Path | None = None) -> dict:
    result = run_cli("scan", *args, "-o", "sarif", cwd=cwd)
    assert result.returncode in (1, 2), result.stderr
    return json.loads(result.stdout)


def test_sarif_validates_against_the_sarif_2_1_0_schema(tmp_path: Path) -> None:
    (tmp_path / "broken.tf").write_text('resource "x" "y" {\n  a = \n}\n', encoding="utf-8")
    platform = EXAMPLES / "insecure_ai_platform"
    document = _sarif(str(platform), str(platform / "tfplan.json"), str(tmp_path / "broken.tf"))
    validator = jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA)
    assert [error.message for error in validator.iter_errors(document)] == []
    run = document["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert len(run["results"]) > 50


def test_sarif_rules_carry_help_severity_and_frameworks() -> None:
    run = _sarif(str(EXAMPLES / "insecure_ai_stack"))["runs"][0]
    assert run["tool"]["driver"]["name"] == "aisec-iac"
    rules = run["tool"]["driver"]["rules"]
    assert {rule["id"] for rule in rules} == {result["ruleId"] for result in run["results"]}
    for descriptor in rules:
        rule = CATALOG[descriptor["id"]]
        assert descriptor["shortDescription"]["text"] == rule.title
        assert descriptor["properties"]["security-severity"] == SECURITY_SEVERITY[rule.severity]
        assert rule.remediation["summary"] in descriptor["help"]["text"]
        assert rule.remediation["terraform"].strip().splitlines()[0] in descriptor["help"]["markdown"]
        assert rule.pillar in descriptor["properties"]["tags"]
    for result in run["results"]:
        assert result["ruleIndex"] == [rule["id"] for rule in rules].index(result["ruleId"])


def test_fingerprints_survive_lines_moving_and_results_carry_the_reason(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(ROTATION_OFF, encoding="utf-8")
    before = _sarif(str(tmp_path), "--check", "CKV_AISEC_4")["runs"][0]["results"]
    (tmp_path / "main.tf").write_text("# a comment\n\n" + ROTATION_OFF, encoding="utf-8")
    after = _sarif(str(tmp_path), "--check", "CKV_AISEC_4")["runs"][0]["results"]
    assert len(before) == len(after) == 1
    assert before[0]["partialFingerprints"][FINGERPRINT_KEY] == after[0]["partialFingerprints"][FINGERPRINT_KEY]
    # The region is the judged attribute's line (enable_key_rotation), the resource's lines the context.
    assert after[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 4
    assert after[0]["locations"][0]["physicalLocation"]["contextRegion"]["startLine"] == 3
    assert "enable_key_rotation is false" in after[0]["message"]["text"]
    assert after[0]["level"] == "warning"  # MEDIUM


@pytest.mark.parametrize(("threshold", "exit_code"), [("low", 1), ("MEDIUM", 1), ("high", 0), ("CRITICAL", 0)])
def test_fail_on_decides_the_exit_code_by_severity(tmp_path: Path, threshold: str, exit_code: int) -> None:
    (tmp_path / "main.tf").write_text(ROTATION_OFF, encoding="utf-8")
    result = run_cli("scan", str(tmp_path), "--fail-on", threshold)
    assert result.returncode == exit_code, result.stderr
    assert "aws_kms_key.data" in result.stdout  # the finding is reported whatever the threshold


def test_min_severity_reports_only_findings_at_or_above_it() -> None:
    result = run_cli("scan", str(EXAMPLES / "insecure_ai_stack"), "--min-severity", "HIGH", "-o", "json")
    document = json.loads(result.stdout)
    severities = {CATALOG[record["check_id"]].severity for record in document["results"]["failed_checks"]}
    assert severities and severities <= {"HIGH", "CRITICAL"}
    everything = json.loads(run_cli("scan", str(EXAMPLES / "insecure_ai_stack"), "-o", "json").stdout)
    expected = {
        (record["check_id"], record["resource"])
        for record in everything["results"]["failed_checks"]
        if CATALOG[record["check_id"]].severity in {"HIGH", "CRITICAL"}
    }
    assert {(r["check_id"], r["resource"]) for r in document["results"]["failed_checks"]} == expected


def test_explain_prints_description_frameworks_and_remediation() -> None:
    result = run_cli("explain", "ckv_aisec_4")
    assert result.returncode == 0
    rule = CATALOG["CKV_AISEC_4"]
    assert result.stdout.startswith("## CKV_AISEC_4\n")
    for text in (rule.title, "MITRE ATLAS", "CIS", rule.remediation["summary"], "enable_key_rotation = true"):
        assert text in result.stdout
    missing = run_cli("explain", "CKV_AISEC_9999")
    assert missing.returncode == 2
    assert missing.stderr == "aisec-iac: error: CKV_AISEC_9999: no such rule; `aisec-iac list` shows them\n"


def test_every_finding_says_why_in_every_format() -> None:
    """Checkov drops the reasons of graph, Kubernetes and Dockerfile checks; the scan restores them."""
    platform = EXAMPLES / "insecure_ai_platform"
    result = run_cli("scan", str(platform), str(platform / "tfplan.json"), "--jobs", "2", "-o", "json")
    assert result.returncode == 1, result.stderr
    reports = json.loads(result.stdout)
    assert {report["check_type"] for report in reports} == {"terraform", "terraform_plan", "kubernetes", "dockerfile"}
    records = [record for report in reports for record in report["results"]["failed_checks"]]
    assert {record["check_id"][:4] for record in records} == {"CKV_", "CKV2"}
    assert [(r["check_id"], r["resource"]) for r in records if not r["details"]] == []
    sarif = _sarif(str(platform / "k8s"), str(platform / "docker"))
    assert all(": " in result["message"]["text"] for result in sarif["runs"][0]["results"])
    text = run_cli("scan", str(platform / "k8s"), str(platform / "docker")).stdout
    assert text.count("Details:") == text.count("FAILED for resource")
