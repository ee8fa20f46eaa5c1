"""The ``aisec-iac`` command: exit codes, output formats, and a clear one-line error for every bad input."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from policies.catalog import load_catalog
from policies.cli import CHECKS_DIR, main
from tests.scanning import RULE_EXAMPLES

KMS_EXAMPLES = RULE_EXAMPLES / "kms" / "kms_key_rotation"
ROTATION = "CKV_AISEC_4"
# The example names every resource by the verdict it must get.
KMS_FAILURES = {
    f"aws_kms_key.{name}"
    for name in re.findall(r'^resource "aws_kms_key" "(fail_\w+)"', (KMS_EXAMPLES / "main.tf").read_text(), re.M)
}
SECURE_TF = """
resource "aws_kms_key" "data" {
  enable_key_rotation = true
}
"""


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The installed console script, as a user runs it, in a process of its own (the CLI sets up logging)."""
    executable = shutil.which("aisec-iac", path=str(Path(sys.executable).parent))
    assert executable, "the aisec-iac console script is not installed next to this Python"
    return subprocess.run([executable, *args], capture_output=True, text=True, timeout=300, cwd=cwd)


def test_checks_dir_prints_the_folder_checkov_loads(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checks-dir"]) == 0
    printed = Path(capsys.readouterr().out.strip())
    assert printed == CHECKS_DIR and printed.is_absolute()
    # Checkov executes every .py file here and reads every .yaml/.yml/.json file as a graph policy: only the
    # loader and its package marker. A release adds MANIFEST.sha256, which Checkov ignores (docs/verifying.md).
    assert {path.name for path in printed.iterdir() if path.suffix in {".py", ".yaml", ".yml", ".json"}} == {
        "__init__.py",
        "aisec_iac_checks.py",
    }
    assert {path.name for path in printed.iterdir() if path.name != "__pycache__"} <= {
        "__init__.py",
        "aisec_iac_checks.py",
        "MANIFEST.sha256",
    }


def test_list_prints_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    table = capsys.readouterr().out
    for rule in load_catalog():
        assert rule.id in table and rule.title in table
    assert main(["list", "-o", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [entry["id"] for entry in listed] == [rule.id for rule in load_catalog()]


def test_scan_fails_on_findings_and_soft_fail_exits_zero() -> None:
    result = run_cli("scan", str(KMS_EXAMPLES), "--check", ROTATION)
    assert result.returncode == 1
    assert f"Failed checks: {len(KMS_FAILURES)}," in result.stdout
    for address in KMS_FAILURES:
        assert address in result.stdout
    assert run_cli("scan", str(KMS_EXAMPLES), "--check", ROTATION, "--soft-fail").returncode == 0


def test_scan_passes_a_clean_module(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(SECURE_TF, encoding="utf-8")
    result = run_cli("scan", str(tmp_path))
    assert result.returncode == 0, result.stdout
    assert "Failed checks: 0," in result.stdout and "Passed checks: 0," not in result.stdout


def test_skip_check_removes_the_findings() -> None:
    result = run_cli("scan", str(KMS_EXAMPLES), "--skip-check", "CKV_AISEC_*,CKV2_AISEC_*", "-o", "json")
    assert result.returncode == 2 and "leaves no check to run" in result.stderr
    result = run_cli("scan", str(KMS_EXAMPLES), "--skip-check", "CKV2_AISEC_*", "-o", "json")
    reports = json.loads(result.stdout)
    failed = {(f["check_id"], f["resource"]) for f in reports["results"]["failed_checks"]}
    assert failed == {(ROTATION, address) for address in KMS_FAILURES}


def test_json_output_lists_exactly_the_failures() -> None:
    result = run_cli("scan", str(KMS_EXAMPLES), "--check", ROTATION, "-o", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["check_type"] == "terraform"
    assert {f["resource"] for f in report["results"]["failed_checks"]} == KMS_FAILURES


def test_plan_file_is_scanned_with_the_plan_framework() -> None:
    result = run_cli("scan", str(KMS_EXAMPLES / "tfplan.json"), "--check", ROTATION, "-o", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["check_type"] == "terraform_plan"
    assert {f["resource"] for f in report["results"]["failed_checks"]} == KMS_FAILURES


def test_sarif_output_is_printed_and_no_file_is_left_behind(tmp_path: Path) -> None:
    executable = shutil.which("aisec-iac", path=str(Path(sys.executable).parent))
    args = [executable, "scan", str(KMS_EXAMPLES), "--check", ROTATION, "-o", "sarif"]
    result = subprocess.run(args, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 1
    results = json.loads(result.stdout)["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {ROTATION}
    assert len(results) == len(KMS_FAILURES)
    assert list(tmp_path.iterdir()) == []


def test_junitxml_output() -> None:
    result = run_cli("scan", str(KMS_EXAMPLES), "--check", ROTATION, "-o", "junitxml")
    assert result.returncode == 1
    suites = ElementTree.fromstring(result.stdout)
    failures = [case for case in suites.iter("testcase") if case.find("failure") is not None]
    assert len(failures) == len(KMS_FAILURES)


def _broken_module(tmp: Path) -> Path:
    """A module with one good file and one that does not parse: Checkov would scan the good one and pass."""
    _write(tmp / "fine.tf", SECURE_TF)
    _write(tmp / "broken.tf", 'resource "aws_kms_key" "k" {\n  enable_key_rotation = \n}\n')
    return tmp


BAD_INPUTS = {
    "missing path": (lambda tmp: tmp / "does-not-exist", "no such file or directory"),
    "json that is not a plan": (lambda tmp: _write(tmp / "config.json", '{"name": "x"}'), "neither a Terraform plan"),
    "invalid json": (lambda tmp: _write(tmp / "tfplan.json", '{"planned_values": '), "not valid JSON"),
    "hcl that does not parse": (
        lambda tmp: _write(tmp / "main.tf", 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n'),
        "main.tf:2: HCL does not parse",
    ),
    "directory without terraform": (lambda tmp: _write(tmp / "README.md", "# empty").parent, "no Terraform"),
    "unsupported file": (lambda tmp: _write(tmp / "notes.txt", "x"), "not a .tf, plan .json, Kubernetes .yaml"),
    "yaml that does not parse": (
        lambda tmp: _write(tmp / "deploy.yaml", "kind: Pod\nmetadata: [unclosed\n"),
        "deploy.yaml:3: YAML does not parse",
    ),
    "yaml without kubernetes objects": (
        lambda tmp: _write(tmp / "values.yaml", "replicas: 2\n"),
        "YAML without Kubernetes objects",
    ),
    "hcl that does not parse inside a directory": (_broken_module, "broken.tf:2: HCL does not parse"),
    "bad yaml inside a directory": (
        lambda tmp: _write(tmp / "manifests.yml", "apiVersion: v1\nkind: Pod\nspec: {containers: [}\n").parent,
        "manifests.yml:3: YAML does not parse",
    ),
    "binary tf file": (lambda tmp: _write_bytes(tmp / "main.tf", b"\xff\xfe\x00bad"), "not a UTF-8 text file"),
}


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_gives_one_clear_line_and_exit_2(case: str, tmp_path: Path) -> None:
    make_path, expected = BAD_INPUTS[case]
    path = make_path(tmp_path)
    result = run_cli("scan", str(path), "-o", "json")
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("aisec-iac: error:")]
    assert len(errors) == 1 and "Traceback" not in result.stderr
    assert errors[0].startswith(f"aisec-iac: error: {path}")
    assert expected in errors[0]
    # The report says so too: the input is a parsing error of the report it belongs to.
    report = json.loads(result.stdout)
    assert report["summary"]["parsing_errors"] == 1


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    target = _write(tmp_path / "main.tf", SECURE_TF)

    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    # Tests run as root in CI, where chmod cannot make a file unreadable.
    monkeypatch.setattr(Path, "open", deny)
    assert main(["scan", str(target)]) == 2
    assert capsys.readouterr().err == f"aisec-iac: error: {target}: cannot read file (permission denied)\n"


def test_manifests_and_dockerfiles_are_scanned_with_their_frameworks(tmp_path: Path) -> None:
    (tmp_path / "deploy.yaml").write_text(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: jupyter}\nspec:\n  containers:\n    - {name: lab, image: x}\n",
        encoding="utf-8",
    )
    (tmp_path / "Dockerfile").write_text('FROM python:3.11-slim\nCMD ["python"]\n', encoding="utf-8")
    result = run_cli("scan", str(tmp_path), "-o", "json")
    reports = json.loads(result.stdout)
    reports = reports if isinstance(reports, list) else [reports]
    assert {report["check_type"] for report in reports} >= {"kubernetes"}
    failed = {f["resource"] for report in reports for f in report["results"]["failed_checks"]}
    assert "Pod.default.jupyter" in failed


def test_a_bad_file_among_good_ones_is_reported_and_the_rest_is_scanned(tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    _write(good / "main.tf", SECURE_TF)
    result = run_cli("scan", str(good), str(tmp_path / "missing.tf"), "-o", "json")
    assert result.returncode == 2 and "missing.tf: no such file or directory" in result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["failed"] == 0 and report["summary"]["passed"] >= 1
    assert report["results"]["parsing_errors"] == [str(tmp_path / "missing.tf")]


def test_the_command_prints_the_report_main_renders(capsys: pytest.CaptureFixture[str]) -> None:
    """The console script writes a report without escape codes past colorama's stripping and leaves without
    freeing its heap: what reaches the pipe is still the whole report, byte for byte, with main's exit code."""
    stack = Path(__file__).resolve().parents[1] / "terraform_examples" / "insecure_ai_stack"
    result = run_cli("scan", str(stack), "-o", "json")
    assert main(["scan", str(stack), "-o", "json"]) == result.returncode == 1
    assert result.stdout == capsys.readouterr().out
    assert json.loads(result.stdout)["results"]["failed_checks"]


@pytest.mark.parametrize("command", [["scan", "-o", "json"], ["list"]], ids=["scan", "list"])
def test_a_closed_pipe_ends_the_command_without_a_traceback(command: list[str]) -> None:
    executable = shutil.which("aisec-iac", path=str(Path(sys.executable).parent))
    assert executable
    stack = Path(__file__).resolve().parents[1] / "terraform_examples" / "insecure_ai_stack"
    command = [executable, *command, *([str(stack)] if command[0] == "scan" else [])]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader is gone before the report is written (`| head` that has had enough)
        errors = process.stderr.read().decode()
        assert process.wait(timeout=300) == 2
    assert "Traceback" not in errors and "Exception" not in errors


def test_a_report_without_escape_codes_bypasses_colorama(monkeypatch: pytest.MonkeyPatch) -> None:
    """Checkov's import wraps stdout in colorama's ANSI stripping, twice; text with nothing to strip is written
    to the stream underneath, text with escape codes still goes through it."""
    from colorama.ansitowin32 import AnsiToWin32

    from policies.cli import _stdout_for

    wrapped = AnsiToWin32(AnsiToWin32(sys.__stdout__, strip=True).stream, strip=True).stream
    monkeypatch.setattr(sys, "stdout", wrapped)
    assert _stdout_for('{\n    "check_type": "terraform"\n}\n') is sys.__stdout__
    assert _stdout_for("\x1b[31mFAILED\x1b[0m for resource: aws_kms_key.a\n") is wrapped
