"""The GitHub Action in action.yml: its scan step, run as the runner runs it (bash, inputs as environment
variables, GITHUB_OUTPUT), writes valid SARIF and reports the scan's exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.scanning import EXAMPLES, REPO_ROOT

ACTION = yaml.safe_load((REPO_ROOT / "action.yml").read_text(encoding="utf-8"))


def _step(step_id: str) -> dict:
    return next(step for step in ACTION["runs"]["steps"] if step.get("id") == step_id)


def test_action_is_composite_and_never_splices_inputs_into_scripts() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"paths", "fail-on", "soft-fail", "sarif-file", "upload-sarif", "python-version"}
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step.get("name")


def _run_scan_step(tmp_path: Path, paths: str, **inputs: str) -> tuple[int, dict[str, str], Path]:
    outputs = tmp_path / "github_output"
    sarif = tmp_path / "out.sarif"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(outputs),
        "AISEC_PATHS": paths,
        "AISEC_FAIL_ON": inputs.get("fail_on", ""),
        "AISEC_SOFT_FAIL": inputs.get("soft_fail", "false"),
        "AISEC_SARIF": str(sarif),
    }
    step = _step("scan")
    result = subprocess.run(
        ["bash", "-e", "-c", step["run"]], env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300
    )
    written = dict(line.split("=", 1) for line in outputs.read_text().splitlines())
    return result.returncode, written, sarif


@pytest.mark.parametrize(
    ("inputs", "exit_code"),
    [({}, "1"), ({"fail_on": "CRITICAL"}, "1"), ({"soft_fail": "true"}, "0")],
)
def test_the_scan_step_writes_sarif_and_reports_the_exit_code(tmp_path: Path, inputs: dict, exit_code: str) -> None:
    stack = str((EXAMPLES / "insecure_ai_stack").relative_to(REPO_ROOT))
    status, outputs, sarif = _run_scan_step(tmp_path, f"{stack} {stack}/main.tf", **inputs)
    assert status == 0  # the step itself succeeds; the last step fails the job with this exit code
    assert outputs == {"exit-code": exit_code}
    document = json.loads(sarif.read_text(encoding="utf-8"))
    assert document["runs"][0]["tool"]["driver"]["name"] == "aisec-iac"
    assert document["runs"][0]["results"]
