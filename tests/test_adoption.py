"""Adopting the pack on an existing repository: inline suppressions that must give a reason (HCL,
Kubernetes, Dockerfiles) and baselines (HCL and plan JSON), through `aisec-iac scan` as a team runs it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from policies.scan import NO_REASON_DETAIL
from tests.scanning import RULE_EXAMPLES
from tests.test_cli import run_cli

REASON = "key material is rotated by the HSM team every 90 days"


def _scan(*args: str, cwd: Path) -> tuple[int, dict[str, set[tuple[str, str, str]]]]:
    result = run_cli("scan", *args, "-o", "json", cwd=cwd)
    assert "Traceback" not in result.stderr
    document = json.loads(result.stdout)
    reports = document if isinstance(document, list) else [document]
    verdicts: dict[str, set[tuple[str, str, str]]] = {"failed": set(), "skipped": set()}
    for report in reports:
        for record in report["results"]["failed_checks"]:
            verdicts["failed"].add((record["check_id"], record["resource"], "; ".join(record["details"])))
        for record in report["results"]["skipped_checks"]:
            verdicts["skipped"].add(
                (record["check_id"], record["resource"], record["check_result"]["suppress_comment"])
            )
    return result.returncode, verdicts


def test_hcl_suppressions_need_a_reason(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "aws_kms_key" "with_reason" {\n'
        f"  # checkov:skip=CKV_AISEC_4:{REASON}\n"
        "  enable_key_rotation = false\n}\n"
        'resource "aws_kms_key" "without_reason" {\n'
        "  # checkov:skip=CKV_AISEC_4\n"
        "  enable_key_rotation = false\n}\n",
        encoding="utf-8",
    )
    code, verdicts = _scan(".", "--check", "CKV_AISEC_4", cwd=tmp_path)
    assert code == 1
    assert verdicts == {
        "skipped": {("CKV_AISEC_4", "aws_kms_key.with_reason", REASON)},
        "failed": {("CKV_AISEC_4", "aws_kms_key.without_reason", NO_REASON_DETAIL)},
    }


def test_kubernetes_and_dockerfile_suppressions_need_a_reason(tmp_path: Path) -> None:
    pod = (
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n  annotations:\n    checkov.io/skip1: {skip}\n"
        "spec:\n  containers: [{{name: server, image: vendor/server:1.2}}]\n"
    )
    manifests = [
        pod.format(name="vendor-reason", skip="CKV_AISEC_100=the vendor image only runs as root"),
        pod.format(name="vendor-bare", skip="CKV_AISEC_100"),
    ]
    (tmp_path / "pods.yaml").write_text("---\n".join(manifests), encoding="utf-8")
    (tmp_path / "Dockerfile").write_text(
        "#checkov:skip=CKV_AISEC_104:the base image drops privileges at start-up\nFROM vendor/base:1.2\n",
        encoding="utf-8",
    )
    code, verdicts = _scan(".", "--check", "CKV_AISEC_100,CKV_AISEC_104", cwd=tmp_path)
    assert code == 1
    assert verdicts == {
        "skipped": {
            ("CKV_AISEC_100", "Pod.default.vendor-reason", "the vendor image only runs as root"),
            ("CKV_AISEC_104", "/Dockerfile.", "the base image drops privileges at start-up"),
        },
        "failed": {("CKV_AISEC_100", "Pod.default.vendor-bare", NO_REASON_DETAIL)},
    }


@pytest.mark.parametrize("kind", ["hcl", "plan"])
def test_a_baseline_accepts_todays_findings_and_fails_new_ones(tmp_path: Path, kind: str) -> None:
    examples = RULE_EXAMPLES / "kms" / "kms_key_rotation"
    if kind == "hcl":
        shutil.copy(examples / "main.tf", tmp_path / "main.tf")
        target = "."
    else:
        shutil.copy(examples / "tfplan.json", tmp_path / "tfplan.json")
        target = "tfplan.json"
    code, today = _scan(target, "--check", "CKV_AISEC_4", "--create-baseline", "baseline.json", cwd=tmp_path)
    assert code == 1 and today["failed"]
    code, adopted = _scan(target, "--check", "CKV_AISEC_4", "--baseline", "baseline.json", cwd=tmp_path)
    assert code == 0
    assert adopted["failed"] == set()
    assert {(check, resource) for check, resource, _ in adopted["skipped"]} == {
        (check, resource) for check, resource, _ in today["failed"]
    }
    assert {comment for _, _, comment in adopted["skipped"]} == {"baseline-skipped"}
    if kind == "hcl":  # a new misconfiguration is not in the baseline
        with (tmp_path / "main.tf").open("a", encoding="utf-8") as main:
            main.write('\nresource "aws_kms_key" "added_later" {\n  enable_key_rotation = false\n}\n')
        code, later = _scan(target, "--check", "CKV_AISEC_4", "--baseline", "baseline.json", cwd=tmp_path)
        assert code == 1
        assert {(check, resource) for check, resource, _ in later["failed"]} == {
            ("CKV_AISEC_4", "aws_kms_key.added_later")
        }


@pytest.mark.parametrize("content", ["not json", '{"failed_checks": [{"findings": [1]}]}', "[]"])
def test_a_bad_baseline_is_one_error_before_anything_is_scanned(tmp_path: Path, content: str) -> None:
    (tmp_path / "main.tf").write_text('resource "aws_kms_key" "k" {}\n', encoding="utf-8")
    (tmp_path / "baseline.json").write_text(content, encoding="utf-8")
    result = run_cli("scan", ".", "--baseline", "baseline.json", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("aisec-iac: error: baseline.json: not a")
    assert result.stderr.count("\n") == 1
