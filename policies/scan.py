"""Run the pack over checked inputs with Checkov's runners, and print one report.

``aisec-iac scan`` does not go through ``checkov.main``: that scans the first ``-d`` directory only once per
runner (later directories re-report the first one's resources), prints one document per directory, drops
``-f`` files given beside a directory, and imports every framework Checkov has. Here each input is a unit
scanned by a fresh runner of its own framework, the units' reports are merged per framework, and the
result is printed as one document in the format asked for. Inputs that could not be read travel with the
report (Checkov's ``parsing_errors``) so that every format shows them, and they decide the exit code.
"""

from __future__ import annotations

import gc
import importlib
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from policies.inputs import FRAMEWORKS, MAX_TEXT_BYTES, InputError, Problem, ScanInputs, walk_files

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
    notes: list[str] = field(default_factory=list)  # how an input was read differently from Checkov, as warnings

    def failed(self, at_least: str | None = None) -> bool:
        """Whether a check failed (of ``at_least`` that severity; a check without one always counts)."""
        return any(
            at_least is None or severity_rank(record) >= SEVERITIES.index(at_least)
            for report in self.reports
            for record in report.failed_checks
        )

    def exit_code(self, soft_fail: bool, fail_on: str | None = None) -> int:
        if self.problems:
            return EXIT_INPUT_ERROR
        return EXIT_FAILED if self.failed(fail_on) and not soft_fail else EXIT_PASSED

    def apply_baseline(self, path: str) -> None:
        """Findings recorded in a baseline (``--create-baseline``) are shown as skipped, not as failures."""
        from checkov.common.output.baseline import Baseline

        baseline = Baseline(output_skipped=True)
        baseline.from_json(path)
        baseline.compare_and_reduce_reports(self.reports)

    def write_baseline(self, path: str) -> None:
        """Record every failed check as accepted, in Checkov's baseline format."""
        from checkov.common.output.baseline import Baseline

        baseline = Baseline()
        for report in self.reports:
            baseline.add_findings_from_report(report)
        Path(path).write_text(json.dumps(baseline.to_dict(), indent=4) + "\n", encoding="utf-8")

    def keep_severities(self, minimum: str) -> None:
        """Drop the records of checks below ``minimum`` severity (those without a severity stay)."""
        floor = SEVERITIES.index(minimum)
        for report in self.reports:
            for records in (report.passed_checks, report.failed_checks, report.skipped_checks):
                records[:] = [record for record in records if severity_rank(record) >= floor]


SEVERITIES = ("LOW", "MEDIUM", "HIGH", "CRITICAL")


def record_severity(record: Any) -> str | None:
    """A record's severity name (``HIGH``), or None for a check without one (Checkov's built-ins without a
    platform key)."""
    severity = getattr(record, "severity", None)
    name = getattr(severity, "name", severity)
    return name.upper() if isinstance(name, str) and name.upper() in SEVERITIES else None


def severity_rank(record: Any) -> int:
    """A record's place in ``SEVERITIES``; a check without a severity ranks above all, so that a threshold
    never hides it."""
    severity = record_severity(record)
    return SEVERITIES.index(severity) if severity else len(SEVERITIES)


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


@cache
def _runner_filter_class() -> type:
    """Checkov's ``RunnerFilter``, answering ``should_run_check`` once per check instead of once per check and
    resource: without path-scoped skips (``--skip-check ID:regex``) Checkov's answer depends on the check
    alone, and computing it formats five debug messages each time (a fifth of a scan's time at 2,000
    resources). Path-scoped skips, which the CLI does not take, fall through to Checkov's own answer."""
    from checkov.runner_filter import RunnerFilter

    class OncePerCheck(RunnerFilter):  # type: ignore[misc]
        def should_run_check(
            self,
            check: Any = None,
            check_id: Any = None,
            bc_check_id: Any = None,
            severity: Any = None,
            report_type: Any = None,
            file_origin_paths: Any = None,
            root_folder: Any = None,
        ) -> bool:
            arguments = (check, check_id, bc_check_id, severity, report_type, file_origin_paths, root_folder)
            if self.skip_checks_regex_patterns:
                return bool(super().should_run_check(*arguments))
            if check is not None:
                check_id, bc_check_id, severity = check.id, check.bc_id, check.severity
            key = (check_id, bc_check_id, getattr(severity, "name", severity), report_type)
            answers = self.__dict__.setdefault("_answers", {})
            if key not in answers:
                answers[key] = bool(super().should_run_check(*arguments))
            return answers[key]

    return OncePerCheck


@cache
def _runner_filter(
    framework: str, checks: tuple[str, ...], skip_checks: tuple[str, ...], excluded: tuple[Path, ...]
) -> Any:
    """One filter per selection in a process, so that its answers serve every unit: a filter per unit asked
    Checkov again, in every unit, about each check of the unit's resource types, matching it against every
    selected ID (a fifth of a serial scan of 40 modules). Checkov's Terraform, plan, Kubernetes and
    Dockerfile runners only read the filter."""
    return _runner_filter_class()(
        framework=[framework],
        checks=list(checks),
        skip_checks=list(skip_checks),
        excluded_paths=_excluded_patterns(excluded),
        show_progress_bar=False,
    )


def _runner_class(framework: str) -> Any:
    return importlib.import_module(_RUNNERS[framework]).Runner


def _excluded_patterns(excluded: Sequence[Path]) -> list[str]:
    """Checkov's ``excluded_paths`` are regular expressions searched in each path it walks."""
    return [re.escape(str(path.absolute())) + "$" for path in excluded]


@dataclass(frozen=True)
class Unjudged:
    """Part of a configuration Checkov handed to no rule, for a warning: "``file``: ``subject`` (called from
    ``caller``) is not judged: ``why``"."""

    file: str
    subject: str
    why: str
    caller: str | None = None


def run_unit(
    unit: Unit, checks: Sequence[str], skip_checks: Sequence[str], excluded: Sequence[Path] = ()
) -> tuple[list[Any], list[Problem], list[Unjudged]]:
    """Scan one unit with a fresh runner; a unit Checkov cannot get through becomes a problem, not a crash.

    When a unit of several files fails, each file is scanned alone, so that one bad file does not hide the
    findings of the others. Also returns what Checkov handed to no rule (``_unjudged``).
    """
    from policies.checkov_adapter import collect_evaluated_keys, collect_reasons

    reasons = collect_reasons()
    reasons.clear()
    dropped_keys = collect_evaluated_keys()
    dropped_keys.clear()
    runner_filter = _runner_filter(unit.framework, tuple(checks), tuple(skip_checks), tuple(excluded))
    runner = _runner_class(unit.framework)()
    try:
        report = runner.run(
            root_folder=str(unit.root.absolute()) if unit.root else None,
            files=[str(path) for path in unit.files] or None,  # as given, as `checkov -f` names them
            external_checks_dir=[str(CHECKS_DIR)],
            runner_filter=runner_filter,
        )
    except (Exception, RecursionError) as error:
        if len(unit.files) > 1:
            reports, problems, unjudged = [], [], []
            for file in unit.files:
                one = run_unit(Unit(unit.framework, files=(file,)), checks, skip_checks)
                reports += one[0]
                problems += one[1]
                unjudged += one[2]
            return reports, problems, unjudged
        where = str(unit.root or unit.files[0])
        message = f"{where}: Checkov could not scan this input ({type(error).__name__}: {_first_line(error)})"
        return [], [Problem(where, message, unit.framework)], []
    reports = report if isinstance(report, list) else [report]
    _restore_reasons(reports, reasons)
    _restore_evaluated_keys(reports, dropped_keys)
    return reports, [], _unjudged(runner, unit.framework, checks)


@cache
def _judged_resource_types(checks: tuple[str, ...]) -> frozenset[str]:
    """The resource types the selected resource rules judge."""
    from fnmatch import fnmatchcase

    from policies.catalog import load_catalog

    return frozenset(
        resource_type
        for rule in load_catalog()
        if not rule.is_connection and any(fnmatchcase(rule.id, pattern) for pattern in checks)
        for resource_type in rule.resource_types
    )


def _unjudged(runner: Any, framework: str, checks: Sequence[str]) -> list[Unjudged]:
    """Resources Checkov renders with ``count = 0`` although Terraform creates them, and module calls Checkov
    loaded nothing for (``checkov_gates``): no rule judged them, and the scan must not pass them silently."""
    if framework != "terraform":
        return []
    from policies.checkov_gates import skipped_by_checkov, unloaded_module_calls

    judged = _judged_resource_types(tuple(checks))
    graph = getattr(getattr(getattr(runner, "graph_manager", None), "db_connector", None), "graph", None)
    if graph is None:
        return []
    found = [
        Unjudged(
            file,
            address,
            f"Checkov renders count = {gate or '...'} as 0 and skips it, but with the module's inputs Terraform "
            "creates it",
            caller,
        )
        for file, address, caller, gate in (skipped_by_checkov(graph, judged) if judged else [])
    ]
    for file, name, source in unloaded_module_calls(graph):
        local = source.startswith(("./", "../", "/"))
        why = (
            f"its source {source} does not exist"
            if local
            else f"Checkov does not download modules, so nothing {source} creates is scanned (scan a "
            "`terraform show -json` plan to judge it)"
        )
        found.append(Unjudged(file, f'module "{name}"', why))
    return found


def _restore_reasons(reports: list[Any], reasons: dict[Any, str]) -> None:
    """Give graph, Kubernetes and Dockerfile records the reason their rule gave, which Checkov drops."""
    for report in reports:
        for record in (*report.passed_checks, *report.failed_checks):
            if record.details:
                continue
            file = os.path.abspath(record.file_abs_path or "")
            resource = "dockerfile" if report.check_type == "dockerfile" else record.resource
            reason = reasons.get((record.check_id, file, resource, record.check_result.get("result")))
            if reason:
                record.details = [reason]


def _restore_evaluated_keys(reports: list[Any], keys: dict[tuple[str, str], list[str]]) -> None:
    """Give Dockerfile records the evaluated keys their rule gave, which Checkov's Dockerfile registry drops."""
    for report in reports:
        if report.check_type != "dockerfile":
            continue
        for record in (*report.passed_checks, *report.failed_checks):
            found = keys.get((record.check_id, os.path.abspath(record.file_abs_path or "")))
            if found and isinstance(record.check_result, dict) and not record.check_result.get("evaluated_keys"):
                record.check_result["evaluated_keys"] = list(found)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:200] if text else "no message"


# -- Terraform JSON syntax ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Staged:
    """Where a staged file came from: ``conversion`` is set for a ``.tf.json`` file converted to HCL,
    ``urns`` (plan address -> URN) for a Pulumi document converted to a Terraform plan."""

    original: Path
    conversion: Any = None  # policies.terraform_json.Conversion
    urns: dict[str, str] | None = None


def _unit_json_files(unit: Unit, inputs: ScanInputs) -> list[Path]:
    if unit.framework != "terraform":
        return []
    if unit.root is None:
        return [path for path in unit.files if path in inputs.terraform_json]
    root = unit.root.absolute()
    return [path for path in inputs.terraform_json if path.absolute().is_relative_to(root)]


# -- HCL that Checkov's parser rejects for a comment ---------------------------------------------------------

_HEREDOC_START = re.compile(r"<<-?\s*([A-Za-z_][A-Za-z0-9_]*)\s*$")
_COMMENT_LINE = re.compile(r"^[ \t]*(?:#|//)")


def blank_comment_lines(text: str) -> str:
    """``text`` with every line that holds only a comment left empty (outside heredocs); lines keep their numbers.

    Checkov's HCL parser rejects valid Terraform with a comment on its own line inside a ``for`` expression
    (docs/checkov.md); a blank line there it reads. Comments never change what a configuration means.
    """
    lines = text.splitlines(keepends=True)
    heredoc_end: str | None = None
    for number, line in enumerate(lines):
        if heredoc_end is not None:
            if line.strip() == heredoc_end:
                heredoc_end = None
            continue
        if _COMMENT_LINE.match(line):
            lines[number] = "\n" if line.endswith("\n") else ""
            continue
        start = _HEREDOC_START.search(line)
        if start:
            heredoc_end = start.group(1)
    return "".join(lines)


def _readable_without_comment_lines(path: Path) -> bool:
    """Whether a ``.tf`` file Checkov could not parse parses once its comment lines are blank."""
    import hcl2  # Checkov's pinned fork of python-hcl2; only files that failed are parsed again

    try:
        text = path.read_text(encoding="utf-8-sig")
        hcl2.loads(text)
    except (OSError, UnicodeDecodeError):
        return False
    except Exception:
        try:
            hcl2.loads(blank_comment_lines(text))
        except Exception:
            return False
        return True
    return False


@contextmanager
def _staged(
    unit: Unit, inputs: ScanInputs, uncommented: frozenset[Path] = frozenset()
) -> Iterator[tuple[Unit, dict[Path, _Staged], list[Problem]]]:
    """A unit Checkov can read: the module is copied to a scratch folder, each ``X.tf.json`` beside its HCL
    twin ``X.tf.json.tf``, and the ``uncommented`` files (absolute paths) with their comment lines blank.
    Checkov reads ``.tf`` files only, and a module's variables and references resolve within its directory,
    so a twin must sit with the rest of it."""
    from policies.terraform_json import TerraformJsonError, convert_file

    if unit.framework == "terraform_plan" and unit.files[0] in inputs.pulumi_files:
        with _staged_pulumi(unit.files[0]) as staged_unit:
            yield staged_unit
        return
    json_files = _unit_json_files(unit, inputs)
    if not json_files and not uncommented:
        yield unit, {}, []
        return
    problems: list[Problem] = []
    staged: dict[Path, _Staged] = {}
    with tempfile.TemporaryDirectory(prefix="aisec-iac-tfjson-") as scratch:
        base = Path(scratch)
        originals = list(walk_files(unit.root)) if unit.root else list(unit.files)
        source_root = unit.root.absolute() if unit.root else None
        excluded = {path.absolute() for path in inputs.excluded}
        copies: list[Path] = []
        for path in originals:
            absolute = path.absolute()
            if absolute in excluded or not absolute.is_file() or absolute.stat().st_size > MAX_TEXT_BYTES:
                continue
            relative = absolute.relative_to(source_root) if source_root else Path(f"{len(copies)}") / absolute.name
            target = base / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            if path in json_files:
                try:
                    conversion = convert_file(path)
                except TerraformJsonError as error:  # its message starts with the path it was given
                    problems.append(Problem(str(path), f"{error} (not Terraform JSON syntax)", "terraform"))
                    continue
                target = target.with_name(target.name + ".tf")
                target.write_text(conversion.hcl, encoding="utf-8")
                staged[target] = _Staged(absolute, conversion)
            elif absolute in uncommented:
                target.write_text(blank_comment_lines(absolute.read_text(encoding="utf-8-sig")), encoding="utf-8")
                staged[target] = _Staged(absolute)
            else:
                shutil.copyfile(absolute, target)
                staged[target] = _Staged(absolute)
            copies.append(target)
        if source_root:
            yield Unit("terraform", root=base), staged, problems
        else:
            yield Unit("terraform", files=tuple(copies)), staged, problems


@contextmanager
def _staged_pulumi(path: Path) -> Iterator[tuple[Unit, dict[Path, _Staged], list[Problem]]]:
    """A Pulumi preview or stack export, as the Terraform plan of the same resources."""
    from policies.inputs import read_json
    from policies.pulumi_json import PulumiJsonError, to_plan

    try:
        converted = to_plan(read_json(path))
    except (PulumiJsonError, InputError) as error:
        yield Unit("terraform_plan"), {}, [Problem(str(path), f"{path}: {error}", "terraform_plan")]
        return
    with tempfile.TemporaryDirectory(prefix="aisec-iac-pulumi-") as scratch:
        plan = Path(scratch) / f"{path.name}.tfplan.json"
        plan.write_text(json.dumps(converted.plan), encoding="utf-8")
        yield Unit("terraform_plan", files=(plan,)), {plan: _Staged(path.absolute(), urns=converted.urns)}, []


def _urn_line(lines: list[str], urn: str) -> int:
    needle = json.dumps(urn)
    return next((number for number, line in enumerate(lines, 1) if needle in line), 1)


def _unstage(reports: list[Any], staged: dict[Path, _Staged]) -> None:
    """Point records and parsing errors of a staged scan back at the user's files and lines."""
    for report in reports:
        for record in (*report.passed_checks, *report.failed_checks, *report.skipped_checks):
            origin = staged.get(Path(record.file_abs_path))
            if origin is None:
                continue
            record.file_abs_path = str(origin.original)
            record.repo_file_path = _from_cwd(origin.original)
            if origin.urns is not None:
                record.file_path = _from_cwd(origin.original)
                lines = origin.original.read_text(encoding="utf-8-sig").splitlines()
                line = _urn_line(lines, origin.urns.get(record.resource, ""))
                record.file_line_range = [line, line]
                record.code_block = [(line, lines[line - 1] + "\n")] if lines else []
            elif origin.conversion is not None:
                record.file_path = record.file_path.removesuffix(".tf")
                start, end = origin.conversion.json_lines(*record.file_line_range)
                record.file_line_range = [start, end]
                lines = origin.original.read_text(encoding="utf-8-sig").splitlines()
                record.code_block = [(number, lines[number - 1] + "\n") for number in range(start, end + 1)]
        report.parsing_errors = [
            str(staged[Path(path)].original) if Path(path) in staged else path for path in report.parsing_errors
        ]


def _scan_staged(
    unit: Unit, inputs: ScanInputs, checks: Sequence[str], skip_checks: Sequence[str], uncommented: frozenset[Path]
) -> tuple[list[Any], list[Problem], list[str]]:
    with _staged(unit, inputs, uncommented) as (staged_unit, staged, staging_problems):
        if staged_unit.root is None and not staged_unit.files:  # staging reported the only file as a problem
            reports, unit_problems, unjudged = [], [], []
        else:
            reports, unit_problems, unjudged = run_unit(staged_unit, checks, skip_checks, inputs.excluded)
        _unstage(reports, staged)

        def original(path: str) -> str:
            return str(staged[Path(path)].original) if Path(path) in staged else path

        notes = [
            f"{original(item.file)}: {item.subject}"
            f"{f' (called from {original(item.caller)})' if item.caller else ''} is not judged: {item.why}"
            for item in unjudged
        ]
    return reports, staging_problems + unit_problems, notes


def scan_unit(
    unit: Unit, inputs: ScanInputs, checks: Sequence[str], skip_checks: Sequence[str]
) -> tuple[list[Any], list[Problem], list[str]]:
    """Stage (Terraform JSON, Pulumi JSON), scan and unstage one unit; runs in a worker process with --jobs.

    A Terraform unit with files Checkov's parser rejects only for their comment lines is scanned once more
    with those lines blank (the cost falls on such units only), and a note says so."""
    reports, problems, notes = _scan_staged(unit, inputs, checks, skip_checks, frozenset())
    uncommented = frozenset(
        Path(path).absolute()
        for report in reports
        if report.check_type == "terraform"
        for path in report.parsing_errors
        if path.endswith(".tf") and _readable_without_comment_lines(Path(path))
    )
    if uncommented:
        reports, problems, notes = _scan_staged(unit, inputs, checks, skip_checks, uncommented)
        notes = [
            f"{path}: scanned with its comment lines removed (Checkov's HCL parser rejects a comment inside a "
            "for expression; `checkov` skips this file)"
            for path in sorted(uncommented)
        ] + notes
    _mask_secrets(reports)
    return reports, problems, notes


def _mask_secrets(reports: list[Any]) -> None:
    """Checkov copies each resource's source lines into every record of it: a literal credential a rule found
    must not travel into the report (nor into a CI log or a code-scanning alert)."""
    from policies.secrets import mask

    for report in reports:
        for record in (*report.passed_checks, *report.failed_checks, *report.skipped_checks):
            if record.code_block:
                record.code_block = [(number, mask(line)) for number, line in record.code_block]


Progress = Callable[[int, int, Unit], None]


def _unit_results(
    todo: list[Unit],
    inputs: ScanInputs,
    checks: Sequence[str],
    skip_checks: Sequence[str],
    jobs: int,
    progress: Progress | None,
) -> Iterator[tuple[list[Any], list[Problem], list[str]]]:
    """Each unit's results, in unit order whatever the number of processes (the report is deterministic)."""
    workers = min(jobs, len(todo))
    if workers <= 1:
        results: Iterator[tuple[list[Any], list[Problem], list[str]]] = (
            scan_unit(unit, inputs, checks, skip_checks) for unit in todo
        )
        for done, result in enumerate(results, 1):
            if progress:
                progress(done, len(todo), todo[done - 1])
            yield result
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Forked workers inherit the imported runners instead of importing Checkov again (about 1 s each).
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    for framework in {unit.framework for unit in todo}:
        _runner_class(framework)
    # Objects that exist before the fork stay out of the workers' garbage collections: collecting would touch
    # (and so copy) their pages in every worker. About 0.4 s of CPU on 40 modules of 50 resources.
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method)) as pool:
            futures = [pool.submit(scan_unit, unit, inputs, checks, skip_checks) for unit in todo]
            for done, future in enumerate(futures, 1):
                result = future.result()
                if progress:
                    progress(done, len(todo), todo[done - 1])
                yield result
    finally:
        gc.unfreeze()


def scan(
    inputs: ScanInputs,
    checks: Sequence[str],
    skip_checks: Sequence[str],
    jobs: int = 1,
    progress: Progress | None = None,
) -> ScanResult:
    """Scan every unit once (``jobs`` units at a time, in processes of their own) and merge the reports per
    framework. Each unit is its own Checkov run, so connection rules see one configuration whatever ``jobs``."""
    from checkov.common.output.report import Report, merge_reports

    from policies.release import verify_or_refuse

    verify_or_refuse(CHECKS_DIR)  # a released pack that differs from its manifest: one line, exit 2, no scan
    problems = list(inputs.problems)
    notes: list[str] = []
    by_framework: dict[str, list[Any]] = {}
    roots: dict[int, Path] = {}  # a directory unit's report -> the directory its records are named from
    todo = units(inputs)
    for unit, (reports, unit_problems, unit_notes) in zip(
        todo, _unit_results(todo, inputs, checks, skip_checks, jobs, progress), strict=True
    ):
        problems += unit_problems
        notes += unit_notes
        for report in reports:
            if report.check_type == "dockerfile":
                _dockerfiles_from_their_directory(report, inputs.dockerfile_roots)
            if unit.root is not None:
                roots[id(report)] = unit.root
            by_framework.setdefault(report.check_type, []).append(report)
            for path in report.parsing_errors:
                problems.append(Problem(path, describe_unparsed(path), report.check_type))

    merged: list[Any] = []
    for framework in sorted(by_framework, key=lambda name: FRAMEWORKS.index(name) if name in FRAMEWORKS else 99):
        parts = by_framework[framework]
        if len(parts) > 1:
            for report in parts:
                _paths_from_cwd(report, roots.get(id(report)))
        base = parts[0]
        for report in parts[1:]:
            merge_reports(base, report)
        _sort_records(base)
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
    for report in merged:
        _refuse_suppressions_without_reason(report)
    return ScanResult(merged, problems, notes)


# What Checkov records for `checkov:skip=CKV_AISEC_4` written without `:reason`.
_NO_REASON = "No comment provided"
NO_REASON_DETAIL = "suppressed without a reason, which does not count: write checkov:skip=<ID>:<why>"


def _refuse_suppressions_without_reason(report: Any) -> None:
    """A suppression must say why; one that does not is reported as a failure of the check it names."""
    from checkov.common.models.enums import CheckResult

    kept = []
    for record in report.skipped_checks:
        comment = str(record.check_result.get("suppress_comment") or "").strip()
        if comment and comment != _NO_REASON:
            kept.append(record)
            continue
        record.check_result = {**record.check_result, "result": CheckResult.FAILED}
        record.details = [*(record.details or []), NO_REASON_DETAIL]
        report.failed_checks.append(record)
    report.skipped_checks = kept
    report.failed_checks.sort(key=_record_order)


def _dockerfiles_from_their_directory(report: Any, roots: dict[Path, Path]) -> None:
    """Name a Dockerfile found in a scanned directory as ``checkov -d`` does: relative to that directory
    (``/docker/Dockerfile``, resource ``/docker/Dockerfile.``)."""
    for record in (*report.passed_checks, *report.failed_checks, *report.skipped_checks):
        absolute = Path(record.file_abs_path)
        root = roots.get(absolute)
        if root is not None:
            record.file_path = "/" + absolute.relative_to(root).as_posix()
            record.resource = f"{record.file_path}."


def _record_order(record: Any) -> tuple[str, int, str, str]:
    lines = record.file_line_range or [0]
    return (record.file_path, lines[0] if isinstance(lines[0], int) else 0, record.resource, record.check_id)


def _sort_records(report: Any) -> None:
    """One order for the same findings: Checkov runs connection rules in threads, whose records arrive in
    any order, and ``--jobs`` must not change the report."""
    for records in (report.passed_checks, report.failed_checks, report.skipped_checks):
        records.sort(key=_record_order)


def _paths_from_cwd(report: Any, root: Path | None) -> None:
    """Records of several units share one report: name files from the working directory, not each unit's
    root (two modules both have a ``/main.tf``). So is the file that calls a module (``Calling File``), which
    Checkov names from the root of the directory scanned."""
    for record in (*report.passed_checks, *report.failed_checks, *report.skipped_checks):
        record.file_path = _from_cwd(Path(record.file_abs_path))
        if root is not None and record.caller_file_path:
            calling = os.path.normpath(root.absolute() / str(record.caller_file_path).lstrip("/\\"))
            record.caller_file_path = _from_cwd(Path(calling))


def _from_cwd(path: Path) -> str:
    """``/dir/file`` for a file under the working directory (as Checkov names files), else the absolute path."""
    try:
        return "/" + path.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.absolute().as_posix()


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
    from policies.sarif import sarif_document

    return json.dumps(sarif_document(result.reports, result.problems), indent=4) + "\n"


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
