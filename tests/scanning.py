"""Run the real Checkov engine in-process over example files, and read its reports as sets."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from checkov.common.output.report import Report
from checkov.dockerfile.runner import Runner as DockerfileRunner
from checkov.kubernetes.runner import Runner as KubernetesRunner
from checkov.runner_filter import RunnerFilter
from checkov.terraform.plan_runner import Runner as PlanRunner
from checkov.terraform.runner import Runner as TerraformRunner

from policies.cli import CHECKS_DIR

REPO_ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = REPO_ROOT / "terraform_examples"
RULE_EXAMPLES = EXAMPLES / "rules"
PACK_CHECKS = ["CKV_AISEC_*", "CKV2_AISEC_*"]


def rule_examples(rule_name: str) -> Path:
    """A rule's example folder, ``terraform_examples/rules/<service>/<name>``."""
    (folder,) = RULE_EXAMPLES.glob(f"*/{rule_name}")
    return folder


@dataclass(frozen=True)
class Finding:
    check_id: str
    verdict: str  # "PASSED" or "FAILED"
    address: str
    file: str  # relative to the scanned root, as Checkov reports it


def _findings(report: Report | list[Report], root: Path) -> set[Finding]:
    reports = report if isinstance(report, list) else [report]
    found: set[Finding] = set()
    for one in reports:
        for verdict, records in (("PASSED", one.passed_checks), ("FAILED", one.failed_checks)):
            for record in records:
                file = Path(record.file_abs_path).resolve().relative_to(root).as_posix()
                found.add(Finding(record.check_id, verdict, record.resource, file))
    return found


def scan_hcl(root: Path, checks: Iterable[str] = PACK_CHECKS) -> set[Finding]:
    runner_filter = RunnerFilter(framework=["terraform"], checks=list(checks))
    report = TerraformRunner().run(
        root_folder=str(root), external_checks_dir=[str(CHECKS_DIR)], runner_filter=runner_filter
    )
    return _findings(report, root.resolve())


def scan_plans(files: Iterable[Path], root: Path, checks: Iterable[str] = PACK_CHECKS) -> set[Finding]:
    runner_filter = RunnerFilter(framework=["terraform_plan"], checks=list(checks))
    report = PlanRunner().run(
        root_folder=None,
        files=[str(path) for path in files],
        external_checks_dir=[str(CHECKS_DIR)],
        runner_filter=runner_filter,
    )
    return _findings(report, root.resolve())


def scan_manifests(root: Path, checks: Iterable[str] = PACK_CHECKS) -> set[Finding]:
    runner_filter = RunnerFilter(framework=["kubernetes"], checks=list(checks))
    report = KubernetesRunner().run(
        root_folder=str(root), external_checks_dir=[str(CHECKS_DIR)], runner_filter=runner_filter
    )
    return _findings(report, root.resolve())


def scan_dockerfiles(root: Path, checks: Iterable[str] = PACK_CHECKS) -> set[Finding]:
    runner_filter = RunnerFilter(framework=["dockerfile"], checks=list(checks))
    report = DockerfileRunner().run(
        root_folder=str(root), external_checks_dir=[str(CHECKS_DIR)], runner_filter=runner_filter
    )
    return _findings(report, root.resolve())
