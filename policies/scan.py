"""Run the pack over checked inputs with Checkov's runners, and print one report.

``aisec-iac scan`` does not go through ``checkov.main``: that scans the first ``-d`` directory only once per
runner (later directories re-report the first one's resources), prints one document per directory, drops
``-f`` files given beside a directory, and imports every framework Checkov has. Here each input is a unit
scanned by a fresh runner of its own framework, the units' reports are merged per framework, and the
result is printed as one document in the format asked for. Inputs that could not be read travel with the
report (Checkov's ``parsing_errors``) so that every format shows them, and they decide the exit code.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policies.inputs import FRAMEWORKS, Problem, ScanInputs

CHECKS_DIR = Path(__file__).resolve().parent / "checkov_checks"
EXIT_PASSED, EXIT_FAILED, EXIT_INPUT_ERROR = 0, 1, 2

_RUNNERS = {
    "terraform": "checkov.terraform.runner",
    "terraform_plan": "checkov.terraform.plan_runner",
    "kubernetes": "checkov.kubernetes.runner",
    "dockerfile": "checkov.dockerfile.runner",
}

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Unit:
    """One run of one Checkov runner: a Terraform directory, or a list of files of one framework."""

    framework: str
    root: Path | None = None
    files: tuple[Path, ...] = ()


@dataclass
class ScanResult:
    reports: list[Any]  # checkov.common.output.report.Report, one per framework, in FRAMEWORKS order
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(report.failed_checks for report in self.reports)

    def exit_code(self, soft_fail: bool) -> int:
        if self.problems:
            return EXIT_INPUT_ERROR
        return EXIT_FAILED if self.failed and not soft_fail else EXIT_PASSED


def units(inputs: ScanInputs) -> list[Unit]:
    found = [Unit("terraform", root=directory) for directory in inputs.terraform_dirs]
    if inputs.terraform_files:
        found.append(Unit("terraform", files=tuple(inputs.terraform_files)))
    # One plan per run: connection rules treat a plan's folder as one configuration.
    found += [Unit("terraform_plan", files=(plan,)) for plan in inputs.plan_files]
    if inputs.manifests:
        found.append(Unit("kubernetes", files=tuple(inputs.manifests)))
    if inputs.dockerfiles:
        found.append(Unit("dockerfile", files=tuple(inputs.dockerfiles)))
    return found


def _runner_class(framework: str) -> Any:
    return importlib.import_module(_RUNNERS[framework]).Runner


def _excluded_patterns(excluded: Sequence[Path]) -> list[str]:
    """Checkov's ``excluded_paths`` are regular expressions searched in each path it walks."""
    return [re.escape(str(path.absolute())) + "$" for path in excluded]


def run_unit(
    unit: Unit, checks: Sequence[str], skip_checks: Sequence[str], excluded: Sequence[Path] = ()
) -> tuple[list[Any], list[Problem]]:
    """Scan one unit with a fresh runner; a unit Checkov cannot get through becomes a problem, not a crash.

    When a unit of several files fails, each file is scanned alone, so that one bad file does not hide the
    findings of the others.
    """
    from checkov.runner_filter import RunnerFilter

    runner_filter = RunnerFilter(
        framework=[unit.framework],
        checks=list(checks),
        skip_checks=list(skip_checks),
        excluded_paths=_excluded_patterns(excluded),
        show_progress_bar=False,
    )
    try:
        report = _runner_class(unit.framework)().run(
            root_folder=str(unit.root.absolute()) if unit.root else None,
            files=[str(path.absolute()) for path in unit.files] or None,
            external_checks_dir=[str(CHECKS_DIR)],
            runner_filter=runner_filter,
        )
    except (Exception, RecursionError) as error:
        if len(unit.files) > 1:
            reports, problems = [], []
            for file in unit.files:
                one_reports, one_problems = run_unit(Unit(unit.framework, files=(file,)), checks, skip_checks)
                reports += one_reports
                problems += one_problems
            return reports, problems
        where = str(unit.root or unit.files[0])
        message = f"{where}: Checkov could not scan this input ({type(error).__name__}: {_first_line(error)})"
        return [], [Problem(where, message, unit.framework)]
    return (report if isinstance(report, list) else [report]), []


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:200] if text else "no message"


def scan(
    inputs: ScanInputs, checks: Sequence[str], skip_checks: Sequence[str], frameworks: Sequence[str] = FRAMEWORKS
) -> ScanResult:
    """Scan every unit once and merge the reports per framework."""
    from checkov.common.output.report import Report, merge_reports

    problems = list(inputs.problems)
    by_framework: dict[str, list[tuple[Unit, Any]]] = {}
    for unit in units(inputs):
        reports, unit_problems = run_unit(unit, checks, skip_checks, inputs.excluded)
        problems += unit_problems
        for report in reports:
            by_framework.setdefault(report.check_type, []).append((unit, report))
            for path in report.parsing_errors:
                problems.append(Problem(path, describe_unparsed(path), report.check_type))

    merged: list[Any] = []
    for framework in sorted(by_framework, key=lambda name: FRAMEWORKS.index(name) if name in FRAMEWORKS else 99):
        parts = by_framework[framework]
        if len(parts) > 1:
            for _, report in parts:
                _paths_from_cwd(report)
        base = parts[0][1]
        for _, report in parts[1:]:
            merge_reports(base, report)
        merged.append(base)

    # Inputs that never reached Checkov are shown as parsing errors of their framework's report.
    reported = {path for report in merged for path in report.parsing_errors}
    for problem in problems:
        if problem.path in reported:
            continue
        report = next((one for one in merged if one.check_type == problem.framework), None)
        if report is None:
            report = Report(problem.framework)
            merged.append(report)
        report.add_parsing_errors([problem.path])
        reported.add(problem.path)
    merged.sort(key=lambda report: FRAMEWORKS.index(report.check_type) if report.check_type in FRAMEWORKS else 99)
    return ScanResult(merged, problems)


def _paths_from_cwd(report: Any) -> None:
    """Records of several units share one report: name files from the working directory, not each unit's
    root (two modules both have a ``/main.tf``)."""
    cwd = Path.cwd()
    for record in (*report.passed_checks, *report.failed_checks, *report.skipped_checks):
        absolute = Path(record.file_abs_path)
        try:
            record.file_path = "/" + absolute.relative_to(cwd).as_posix()
        except ValueError:
            record.file_path = absolute.as_posix()


def describe_unparsed(path: str) -> str:
    """One line for a file Checkov could not parse, with the parser's line and message where it has them."""
    if path.endswith(".tf"):
        import hcl2  # Checkov's pinned fork of python-hcl2; parsed again only for files that failed

        try:
            hcl2.loads(Path(path).read_text(encoding="utf-8-sig"))
        except Exception as error:
            line = getattr(error, "line", None)
            location = f"{path}:{line}" if isinstance(line, int) and line > 0 else path
            return f"{location}: HCL does not parse: {_first_line(error) or type(error).__name__}"
        return f"{path}: valid HCL that Checkov's parser cannot read; this file was not scanned"
    return f"{path}: Checkov could not parse this file"


# -- output --------------------------------------------------------------------------------------------


def render(result: ScanResult, output: str) -> str:
    """The whole report as one document in ``output`` format (cli, json, sarif or junitxml)."""
    if output == "json":
        return _render_json(result)
    if output == "sarif":
        return _render_sarif(result)
    if output == "junitxml":
        return _render_junit(result)
    return _render_cli(result)


def _render_cli(result: ScanResult) -> str:
    text = result.reports[0].add_errors_to_output() if result.reports else ""
    for report in result.reports:
        if not report.is_empty():
            text += report.print_console(is_quiet=True)
    if result.problems:
        text += "Not scanned (could not be read):\n"
        text += "".join(f"  {problem.message}\n" for problem in result.problems)
    return text


def _render_json(result: ScanResult) -> str:
    from checkov.common.output.report import Report
    from checkov.common.util.json_utils import CustomJSONEncoder

    documents = [report.get_dict() for report in result.reports if not report.is_empty()]
    document: Any = documents[0] if len(documents) == 1 else documents or Report("").get_summary()
    return json.dumps(document, indent=4, cls=CustomJSONEncoder) + "\n"


def _render_sarif(result: ScanResult) -> str:
    from checkov.common.output.sarif import Sarif
    from checkov.common.util.json_utils import CustomJSONEncoder

    sarif = Sarif(reports=[report for report in result.reports if not report.is_empty()], tool="Checkov").json
    if result.problems:
        notifications = [
            {
                "level": "error",
                "message": {"text": problem.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": Path(problem.path).as_posix()}}}],
            }
            for problem in result.problems
        ]
        for run in sarif.get("runs", []):
            run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": notifications}]
    return json.dumps(sarif, indent=4, cls=CustomJSONEncoder) + "\n"


def _render_junit(result: ScanResult) -> str:
    from checkov.common.output.report import Report
    from junit_xml import TestCase, TestSuite

    suites = [report.get_test_suite() for report in result.reports if not report.is_empty()]
    if result.problems:
        cases = []
        for problem in result.problems:
            case = TestCase(name=f"read {problem.path}", classname="aisec-iac.inputs", file=problem.path)
            case.add_error_info(message=problem.message)
            cases.append(case)
        suites.append(TestSuite(name="inputs that could not be read", test_cases=cases))
    return Report.get_junit_xml_string(suites or [Report("").get_test_suite()])


def quiet_checkov_logging() -> None:
    """Checkov logs each parse problem at WARNING (the report carries them); keep errors, one line each."""

    class OneLine(logging.Formatter):
        def format(self, record: logging.LogRecord) -> str:
            return f"aisec-iac: warning: {record.getMessage().splitlines()[0] if record.getMessage() else ''}"

    handler = logging.StreamHandler()
    handler.setFormatter(OneLine())
    handler.setLevel(logging.ERROR)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.ERROR)
    os.environ.setdefault("LOG_LEVEL", "ERROR")
