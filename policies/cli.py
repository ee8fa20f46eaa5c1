"""``aisec-iac``: scan with the pack, run as a pre-commit hook, print the checks directory, list the catalog.

``scan`` promises, for any set of paths: every input is scanned once, the report is one valid document in
the format asked for, the exit code is 1 if and only if a rule fails (0 with ``--soft-fail``), and 2 when an
input could not be read (each named on one line on stderr and in the report; everything else is still
scanned). It never prints a traceback and never blocks on a FIFO or device file.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import fnmatch
import gc
import json
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

from policies import __version__
from policies.inputs import FRAMEWORKS, YAML_SUFFIXES, InputError, collect, is_dockerfile, manifest_documents
from policies.scan import CHECKS_DIR, EXIT_INPUT_ERROR, SEVERITIES, Unit

if TYPE_CHECKING:
    from policies.catalog import Rule

__all__ = ["CHECKS_DIR", "console_main", "main"]

OUTPUT_FORMATS = ("cli", "json", "sarif", "junitxml")
EXIT_USAGE = EXIT_INPUT_ERROR


def _patterns(text: str | None) -> list[str]:
    return [pattern.strip() for pattern in (text or "").split(",") if pattern.strip()]


def pack_check_ids(skip: str | None) -> list[str]:
    """The pack's rule IDs minus those matching ``--skip-check`` patterns.

    Checkov refuses a ``--check`` and ``--skip-check`` that share a pattern, so the default selection
    (the whole pack) is spelled out as IDs with the skipped ones already removed.
    """
    from policies.catalog import load_catalog

    patterns = _patterns(skip)
    return [rule.id for rule in load_catalog() if not any(fnmatch.fnmatchcase(rule.id, p) for p in patterns)]


def _builtin_pattern(pattern: str) -> bool:
    """A pattern that can name one of Checkov's own checks (``CKV_AWS_20``, ``CKV2_AWS_*``, ``CKV_K8S_*``)."""
    return pattern.startswith(("CKV_", "CKV2_", "CKV3_")) and pattern == pattern.upper()


class UsageError(Exception):
    """Options that cannot be run as given; one line for the user."""


def check_selection(options: argparse.Namespace) -> tuple[list[str], list[str]]:
    """``(checks, skip_checks)`` for Checkov's ``RunnerFilter``; a ``--check`` naming nothing is an error,
    not a scan that runs no rule and passes."""
    pack_ids = pack_check_ids(None)
    checks, skips = _patterns(options.check), _patterns(options.skip_check)
    for pattern in checks:
        if any(fnmatch.fnmatchcase(rule_id, pattern) for rule_id in pack_ids):
            continue
        if options.include_builtin and _builtin_pattern(pattern):
            continue
        hint = ""
        if any(fnmatch.fnmatchcase(rule_id, pattern.upper()) for rule_id in pack_ids):
            hint = f" (check IDs are upper case: {pattern.upper()})"
        raise UsageError(f"--check {pattern} matches no rule of the pack{hint}; `aisec-iac list` shows them")
    if checks:
        return checks, skips
    if options.include_builtin:
        return [], skips
    selected = pack_check_ids(options.skip_check)
    if not selected:
        raise UsageError("--skip-check leaves no check to run")
    return selected, []


def _check_baseline(path: str | None) -> None:
    """A baseline must be readable and in Checkov's shape before anything is scanned."""
    if not path:
        return
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UsageError(f"{path}: not a readable baseline file ({error})") from error
    entries = document.get("failed_checks") if isinstance(document, dict) else None
    well_formed = isinstance(entries, list) and all(
        isinstance(entry, dict)
        and isinstance(entry.get("findings"), list)
        and all(
            isinstance(finding, dict)
            and isinstance(finding.get("resource"), str)
            and isinstance(finding.get("check_ids"), list)
            for finding in entry["findings"]
        )
        for entry in entries
    )
    if not well_formed:
        raise UsageError(f"{path}: not a baseline file (expected what --create-baseline writes)")


def _frameworks(text: str | None) -> list[str]:
    if not text:
        return list(FRAMEWORKS)
    chosen = [name.strip() for value in text for name in value.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in FRAMEWORKS]
    if unknown:
        raise UsageError(f"--framework {unknown[0]}: choose from {', '.join(FRAMEWORKS)}")
    return chosen


def _error(message: str) -> None:
    print(f"aisec-iac: error: {message}", file=sys.stderr)


def _stdout_for(text: str) -> IO[str]:
    """Standard output, or the stream colorama wrapped it in when ``text`` holds nothing to strip.

    Importing Checkov's report module runs colorama's ``init()`` (twice over): ``sys.stdout`` becomes a chain
    of writers that, when stdout is not a terminal, search everything written for ANSI sequences to remove
    (0.7 s for the 17 MB JSON report of 2,000 resources). Text without an escape character comes out of them
    unchanged; the wrappers pass every attribute but ``write`` through to the stream they wrap."""
    ansitowin32 = sys.modules.get("colorama.ansitowin32")
    if ansitowin32 is None or not isinstance(sys.stdout, ansitowin32.StreamWrapper) or "\x1b" in text:
        return sys.stdout
    if sys.__stdout__ is not None and sys.stdout.buffer is sys.__stdout__.buffer:
        return sys.__stdout__
    return sys.stdout


def _discard_stdout() -> None:
    """Point standard output at the null device: the reader has gone (or the disk is full), and the
    interpreter's last flush must go nowhere instead of raising again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _write_report(text: str) -> int | None:
    """Print the report; a closed pipe or a full disk ends the run with one line, not a traceback."""
    try:
        stdout = _stdout_for(text)
        stdout.write(text)
        stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_INPUT_ERROR
    except OSError as error:
        _discard_stdout()
        _error(f"cannot write the report ({error.strerror or errno.errorcode.get(error.errno or 0, error)})")
        return EXIT_INPUT_ERROR
    return None


def _show_progress(done: int, total: int, unit: Unit) -> None:
    """One updating line on a terminal's stderr; never part of the report on stdout."""
    where = unit.root or (unit.files[0] if len(unit.files) == 1 else f"{len(unit.files)} {unit.framework} files")
    print(f"\raisec-iac: scanned {done}/{total} inputs ({where})\033[K", end="", file=sys.stderr, flush=True)


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of processes, got {text!r}")
    return jobs


def _scan(options: argparse.Namespace) -> int:
    try:
        frameworks = _frameworks(options.framework)
        checks, skip_checks = check_selection(options)
        _check_baseline(options.baseline)
    except UsageError as error:
        _error(str(error))
        return EXIT_USAGE
    inputs = collect(options.paths, frameworks)
    for note in inputs.notes:
        print(f"aisec-iac: warning: {note}", file=sys.stderr)

    from policies.scan import quiet_checkov_logging, render, scan

    quiet_checkov_logging()
    # A scan allocates millions of small objects (parsed HCL, graph vertices, records) and frees them at the
    # end: with Python's default threshold (700) the collector runs thousands of times over live objects.
    # 50,000 takes about 12% off a scan's CPU for about 4% more memory (docs/performance.md).
    gc.set_threshold(50_000, 20, 20)
    progress = _show_progress if sys.stderr.isatty() else None
    result = scan(inputs, checks, skip_checks, jobs=options.jobs, progress=progress)
    if progress:
        print(file=sys.stderr)
    for note in result.notes:
        print(f"aisec-iac: warning: {note}", file=sys.stderr)
    if options.create_baseline:
        result.write_baseline(options.create_baseline)
    if options.baseline:
        result.apply_baseline(options.baseline)
    if options.min_severity:
        result.keep_severities(options.min_severity)
    for problem in result.problems:
        _error(problem.message)
    if inputs.empty and not result.problems:
        _error("nothing to scan")
        return EXIT_USAGE
    if getattr(options, "report_html", None):
        from policies.report import write_html_report

        if write_html_report(render(result, "json"), options.report_html):
            return EXIT_INPUT_ERROR
    return _write_report(render(result, options.output)) or result.exit_code(options.soft_fail, options.fail_on)


# -- pre-commit ----------------------------------------------------------------------------------------

TERRAFORM_FILE_SUFFIXES = (".tf", ".tf.json")


def _loads_by_itself(name: str) -> bool:
    """A variable file Terraform (and Checkov) reads without being told: changing one changes its module."""
    base = Path(name).name
    return base in ("terraform.tfvars", "terraform.tfvars.json") or base.endswith((".auto.tfvars", ".auto.tfvars.json"))


def _deleted_files() -> list[str]:
    """Files the change being checked deletes: pre-commit passes only files that exist, but deleting a
    module's public access block changes the module."""
    from_ref, to_ref = os.environ.get("PRE_COMMIT_FROM_REF"), os.environ.get("PRE_COMMIT_TO_REF")
    diff = ["git", "diff", "--name-only", "--diff-filter=D", "--no-renames", "-z"]
    diff += [f"{from_ref}...{to_ref}"] if from_ref and to_ref else ["--cached"]
    try:
        listed = subprocess.run(diff, capture_output=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [name for name in listed.decode("utf-8", "replace").split("\0") if name]


def _repository_terraform_files() -> list[str]:
    """The Terraform files of the repository the hook runs in (tracked, or new and not ignored)."""
    listing = ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.tf", "*.tf.json"]
    try:
        listed = subprocess.run(listing, capture_output=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [name for name in listed.decode("utf-8", "replace").split("\0") if name]


# A module call's local source: `source = "../modules/data"` in HCL, `"source": "./data"` in Terraform JSON.
# Terraform takes only a literal string here, and only module sources name a directory.
_LOCAL_SOURCE = re.compile(r'"?\bsource"?\s*[=:]\s*"(\.\.?/[^"]*)"')


def module_callers(modules: Iterable[str], terraform_files: Sequence[str]) -> list[str]:
    """The directories whose configurations call one of ``modules`` through a local source, then those that
    call them, and so on: a change to a module changes every configuration that calls it, each with its own
    inputs, and scanning the module alone judges it only with its defaults."""
    calls: dict[Path, set[str]] = {}  # called directory -> the directories that call it
    for name in terraform_files:
        try:
            text = Path(name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for source in _LOCAL_SOURCE.findall(text):
            called = (Path(name).parent / source).resolve()
            calls.setdefault(called, set()).add(str(Path(name).parent))
    found: list[str] = []
    todo = [Path(module).resolve() for module in modules]
    seen = set(todo)
    while todo:
        for caller in sorted(calls.get(todo.pop(0), ())):
            resolved = Path(caller).resolve()
            if resolved not in seen:
                seen.add(resolved)
                found.append(caller)
                todo.append(resolved)
    return found


def hook_paths(files: Sequence[str], deleted: Sequence[str], terraform_files: Sequence[str] = ()) -> list[str]:
    """What the hook scans: the module (directory) of every changed or deleted Terraform file or variable file
    Terraform loads by itself, the configurations that call those modules through local sources
    (``terraform_files`` are where to look), and the changed Dockerfiles and Kubernetes manifests."""
    paths: list[str] = []
    modules: list[str] = []
    for name in [*files, *deleted]:
        path = Path(name)
        if name.endswith(TERRAFORM_FILE_SUFFIXES) or _loads_by_itself(name):
            module = path.parent
            if module.is_dir() and any(child.name.endswith(TERRAFORM_FILE_SUFFIXES) for child in module.iterdir()):
                paths.append(str(module))
            modules.append(str(module))
        elif name in deleted:
            continue
        elif is_dockerfile(path.name):
            paths.append(name)
        elif name.endswith(YAML_SUFFIXES):
            try:
                if manifest_documents(path) is None:
                    continue  # YAML that is not a manifest (CI, Helm values) is not the pack's to judge
            except InputError:
                pass  # a manifest that cannot be read: the scan reports it
            paths.append(name)
    if modules and terraform_files:
        paths += module_callers(dict.fromkeys(modules), terraform_files)
    return list(dict.fromkeys(paths))


def _pre_commit(options: argparse.Namespace) -> int:
    paths = hook_paths(options.files, _deleted_files(), _repository_terraform_files())
    if not paths:
        return 0
    options.paths = paths
    return _scan(options)


def _list(options: argparse.Namespace) -> int:
    from policies.catalog import load_catalog

    rules = load_catalog()
    if options.output == "json":
        print(json.dumps([_rule_summary(rule) for rule in rules], indent=2))
        return 0
    print(f"{'ID':<14} {'SEVERITY':<9} {'PILLAR':<11} TITLE (WHAT IT JUDGES)")
    for rule in rules:
        print(f"{rule.id:<14} {rule.severity:<9} {rule.pillar:<11} {rule.title} ({', '.join(rule.targets)})")
    return 0


SUMMARY_FIELDS = (
    "id",
    "title",
    "severity",
    "pillar",
    "kind",
    "resource_types",
    "data_types",
    "kubernetes_kinds",
    "dockerfile",
)


def _rule_summary(rule: Rule) -> dict[str, object]:
    return {key: getattr(rule, key) for key in SUMMARY_FIELDS}


def _explain(options: argparse.Namespace) -> int:
    from policies.catalog import load_catalog
    from policies.docs import rule_section

    rules = {rule.id: rule for rule in load_catalog()}
    rule = rules.get(options.rule_id.upper())
    if rule is None:
        _error(f"{options.rule_id}: no such rule; `aisec-iac list` shows them")
        return EXIT_USAGE
    return _write_report(rule_section(rule) + "\n") or 0


def _overlaps(_: argparse.Namespace) -> int:
    from policies.catalog import load_catalog

    overlapping = sorted({check for rule in load_catalog() for check in rule.checkov_builtin_overlap})
    print(",".join(overlapping))
    return 0


def _report(options: argparse.Namespace) -> int:
    from policies.report import run_report

    return run_report(options.scan_json, options.format, options.output, options.max_findings)


def _checks_dir(_: argparse.Namespace) -> int:
    print(CHECKS_DIR)
    return 0


def _crossguard_dir(_: argparse.Namespace) -> int:
    print(Path(__file__).resolve().parent / "crossguard")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aisec-iac", description="Plan-time security policies for AI workloads on AWS."
    )
    parser.add_argument("--version", action="version", version=f"aisec-iac {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    scan = commands.add_parser(
        "scan", help="scan directories, .tf files, plan JSON files, Kubernetes manifests and Dockerfiles"
    )
    scan.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a directory, .tf file, `terraform show -json` file, Kubernetes .yaml or Dockerfile",
    )
    scan.add_argument("-o", "--output", choices=OUTPUT_FORMATS, default="cli", help="report format (default: cli)")
    scan.add_argument("--check", help="comma-separated check IDs or globs to run (default: the whole pack)")
    scan.add_argument("--skip-check", help="comma-separated check IDs or globs to skip")
    scan.add_argument("--include-builtin", action="store_true", help="also run Checkov's built-in checks")
    scan.add_argument("--soft-fail", action="store_true", help="exit 0 even when checks fail")
    scan.add_argument(
        "--baseline",
        metavar="FILE",
        help="report findings recorded in this baseline (see --create-baseline) as skipped, not failed",
    )
    scan.add_argument(
        "--create-baseline",
        metavar="FILE",
        help="write every failed check of this scan to FILE, Checkov's baseline format, to adopt the pack gradually",
    )
    scan.add_argument(
        "--min-severity",
        choices=SEVERITIES,
        type=str.upper,
        help="report only findings of this severity or higher (checks without a severity are always reported)",
    )
    scan.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        type=str.upper,
        help="exit 1 only for a failed check of this severity or higher (default: any failed check)",
    )
    scan.add_argument(
        "--framework",
        action="append",
        metavar="NAME[,NAME]",
        help=f"scan only these kinds of input: {', '.join(FRAMEWORKS)} (default: all found)",
    )
    scan.add_argument(
        "--jobs",
        type=_jobs,
        default=os.cpu_count() or 1,
        metavar="N",
        help="scan up to N inputs (modules, plans) at once, in processes of their own (default: the number of cores)",
    )
    scan.add_argument(
        "--report-html",
        metavar="FILE",
        help="also write the HTML page of `aisec-iac report -f html` for this scan to FILE",
    )
    scan.set_defaults(handler=_scan)

    hook = commands.add_parser(
        "pre-commit", help="scan the Terraform modules, manifests and Dockerfiles that the given files change"
    )
    hook.add_argument("files", nargs="*", metavar="FILE")
    hook.set_defaults(
        handler=_pre_commit,
        output="cli",
        check=None,
        skip_check=None,
        include_builtin=False,
        soft_fail=False,
        framework=None,
        jobs=os.cpu_count() or 1,
        min_severity=None,
        fail_on=None,
        baseline=None,
        create_baseline=None,
    )

    report = commands.add_parser(
        "report", help="turn the JSON of `aisec-iac scan -o json` into a Markdown summary or an HTML page"
    )
    report.add_argument("scan_json", metavar="SCAN_JSON", help="the scan's JSON report, or - for standard input")
    report.add_argument("-f", "--format", choices=("markdown", "html"), default="markdown", help="(default: markdown)")
    report.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of standard output")
    report.add_argument(
        "--max-findings",
        type=int,
        default=30,
        metavar="N",
        help="list at most N failed findings in the Markdown summary (default: 30); the HTML page lists all",
    )
    report.set_defaults(handler=_report)

    listing = commands.add_parser("list", help="print the rule catalog")
    listing.add_argument("-o", "--output", choices=("table", "json"), default="table")
    listing.set_defaults(handler=_list)

    explain = commands.add_parser(
        "explain", help="print a rule's description, the frameworks it serves and how to fix a finding"
    )
    explain.add_argument("rule_id", metavar="RULE_ID")
    explain.set_defaults(handler=_explain)

    overlaps = commands.add_parser(
        "overlaps", help="print the Checkov built-in checks the pack covers, for checkov --skip-check"
    )
    overlaps.set_defaults(handler=_overlaps)

    checks_dir = commands.add_parser("checks-dir", help="print the path to pass to checkov --external-checks-dir")
    checks_dir.set_defaults(handler=_checks_dir)

    crossguard_dir = commands.add_parser("crossguard-dir", help="print the path to pass to pulumi --policy-pack")
    crossguard_dir.set_defaults(handler=_crossguard_dir)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    return options.handler(options)


def console_main() -> NoReturn:
    """The ``aisec-iac`` command: ``main``, then exit without freeing the heap object by object.

    After a scan the process holds millions of objects (Checkov's parsed files, graphs and records) that the
    interpreter would free one by one at exit: 1.2 s at 2,000 resources in one process, after the report is
    out. The streams and logging handlers are flushed first; nothing else of ours waits for exit."""
    try:
        code = main()
    except BrokenPipeError:  # `aisec-iac list | head`: the reader has gone, and a traceback would not help
        _discard_stdout()
        code = EXIT_INPUT_ERROR
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: the report already said what it could
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    console_main()
