"""`aisec-iac scan` reports what `checkov` reports when it runs the same rules over the same input: the
CLI changes how inputs are found, merged and checked, never a finding, a file name or a line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from policies.cli import CHECKS_DIR
from tests.scanning import EXAMPLES, REPO_ROOT
from tests.test_cli import run_cli

pytestmark = pytest.mark.slow

Verdicts = dict[str, set[tuple[str, str, str, str, tuple[int, ...]]]]


def _verdicts(document: object) -> Verdicts:
    reports = document if isinstance(document, list) else [document]
    found: Verdicts = {}
    for report in reports:
        if "results" not in report:
            continue
        records = report["results"]["passed_checks"] + report["results"]["failed_checks"]
        found[report["check_type"]] = {
            (
                record["check_id"],
                record["resource"],
                record["file_path"],
                record["check_result"]["result"],
                tuple(record["file_line_range"]),
            )
            for record in records
        }
    return found


def _checkov(args: list[str]) -> Verdicts:
    executable = shutil.which("checkov", path=str(Path(sys.executable).parent))
    assert executable
    command = [executable, *args, "--skip-download", "--external-checks-dir", str(CHECKS_DIR), "-o", "json"]
    command += ["--check", "CKV_AISEC_*,CKV2_AISEC_*"]
    result = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    return _verdicts(json.loads(result.stdout))


CASES = {
    "a module": (["-d", "insecure_ai_stack", "--framework", "terraform"], ["insecure_ai_stack"]),
    "a platform: HCL, manifests and a Dockerfile": (
        ["-d", "insecure_ai_platform", "--framework", "terraform", "kubernetes", "dockerfile"],
        ["insecure_ai_platform", "--framework", "terraform,kubernetes,dockerfile"],
    ),
    "a plan": (
        ["-f", "insecure_ai_platform/tfplan.json", "--framework", "terraform_plan"],
        ["insecure_ai_platform/tfplan.json"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_cli_reports_what_checkov_reports(case: str) -> None:
    checkov_args, cli_args = CASES[case]
    relative = EXAMPLES.relative_to(REPO_ROOT)
    checkov_args = [f"{relative}/{arg}" if arg.startswith("insecure") else arg for arg in checkov_args]
    cli_args = [f"{relative}/{arg}" if arg.startswith("insecure") else arg for arg in cli_args]
    expected = _checkov(checkov_args)
    result = run_cli("scan", *cli_args, "-o", "json", cwd=REPO_ROOT)
    assert result.returncode == 1, result.stderr
    reported = _verdicts(json.loads(result.stdout))
    assert reported.keys() == expected.keys()
    for check_type, verdicts in expected.items():
        assert reported[check_type] == verdicts, check_type
