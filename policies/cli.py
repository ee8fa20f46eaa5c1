"""``aisec-iac``: run the pack with Checkov, print the checks directory, list the catalog.

Checkov skips files it cannot parse and still reports success, so ``scan`` stops with a one-line error naming
the file, and no report, for a path that does not exist, a file it cannot read, JSON that is not a Terraform
plan, YAML that does not parse, a directory with nothing to scan (all checked before the scan) and any file
Checkov could not parse (HCL, checked from Checkov's own report, so that no file is parsed twice).
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import io
import json
import logging
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from checkov.common.util.dockerfile import is_dockerfile

from policies import __version__

if TYPE_CHECKING:
    from policies.catalog import Rule

CHECKS_DIR = Path(__file__).resolve().parent / "checkov_checks"
PACK_CHECKS = "CKV_AISEC_*,CKV2_AISEC_*"
OUTPUT_FORMATS = ("cli", "json", "sarif", "junitxml")
SKIPPED_DIRS = {".terraform", ".git", "node_modules", ".venv"}
YAML_SUFFIXES = (".yaml", ".yml")
EXIT_USAGE = 2


class InputError(Exception):
    """A scan input that Checkov would skip or misread; the message names the file."""


# Checkov's frameworks in the order the CLI passes them.
FRAMEWORK_ORDER = ("terraform", "terraform_plan", "kubernetes", "dockerfile")


@dataclass
class ScanTargets:
    directories: list[Path] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    found: set[str] = field(default_factory=set)

    @property
    def frameworks(self) -> list[str]:
        return [name for name in FRAMEWORK_ORDER if name in self.found]


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except PermissionError as error:
        raise InputError(f"{path}: cannot read file (permission denied)") from error
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not a UTF-8 text file") from error
    except OSError as error:
        raise InputError(f"{path}: cannot read file ({error.strerror or error})") from error


def check_hcl(path: Path) -> None:
    """Parse with the HCL parser Checkov uses; Checkov itself would skip the file silently."""
    import hcl2  # Checkov's pinned fork of python-hcl2

    text = _read_text(path)
    try:
        hcl2.loads(text)
    except Exception as error:
        line = getattr(error, "line", None)
        location = f"{path}:{line}" if isinstance(line, int) and line > 0 else str(path)
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputError(f"{location}: HCL does not parse: {first_line}") from error


def check_plan(path: Path) -> None:
    text = _read_text(path)
    try:
        document = json.loads(text)
    except ValueError as error:
        raise InputError(f"{path}: not valid JSON ({error})") from error
    if not isinstance(document, dict) or not (
        "planned_values" in document or "resource_changes" in document or "configuration" in document
    ):
        raise InputError(f"{path}: JSON but not a Terraform plan (expected the output of `terraform show -json`)")


def check_manifest(path: Path) -> bool:
    """Whether a YAML file holds Kubernetes objects; raises for YAML that does not parse."""
    text = _read_text(path)
    try:
        documents = list(yaml.safe_load_all(text))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        location = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(error, "problem", None) or type(error).__name__
        raise InputError(f"{location}: YAML does not parse: {problem}") from error
    return any(isinstance(doc, dict) and "kind" in doc and "apiVersion" in doc for doc in documents)


def _framework_of(path: Path) -> str | None:
    """The Checkov framework a file in a scanned directory belongs to, after checking it can be read.

    HCL is parsed by Checkov during the scan (parsing every file twice doubles the cost of large scans), and
    ``run_checkov`` turns the files Checkov could not parse into errors.
    """
    if path.suffix == ".tf":
        _read_text(path)
        return "terraform"
    if path.suffix in YAML_SUFFIXES:
        return "kubernetes" if check_manifest(path) else None
    if is_dockerfile(path.name):
        _read_text(path)
        return "dockerfile"
    return None


def _files_under(directory: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        for name in sorted(files):
            yield Path(root) / name


def collect_targets(paths: Sequence[str]) -> ScanTargets:
    targets = ScanTargets()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or directory")
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                raise InputError(f"{raw}: cannot read directory (permission denied)")
            found = {framework for file in _files_under(path) if (framework := _framework_of(file))}
            if not found:
                raise InputError(f"{raw}: no Terraform, Kubernetes manifest or Dockerfile found")
            targets.found |= found
            targets.directories.append(path)
        elif path.suffix == ".json":
            check_plan(path)
            targets.found.add("terraform_plan")
            targets.files.append(path)
        elif path.suffix in YAML_SUFFIXES:
            if not check_manifest(path):
                raise InputError(f"{raw}: YAML without Kubernetes objects (no apiVersion and kind)")
            targets.found.add("kubernetes")
            targets.files.append(path)
        elif path.suffix == ".tf" or is_dockerfile(path.name):
            targets.found.add(_framework_of(path) or "")
            targets.files.append(path)
        else:
            raise InputError(f"{raw}: not a .tf, plan .json, Kubernetes .yaml or Dockerfile, nor a directory")
    return targets


def pack_check_ids(skip: str | None) -> list[str]:
    """The pack's rule IDs minus those matching ``--skip-check`` patterns.

    Checkov refuses a ``--check`` and ``--skip-check`` that share a pattern, so the default selection
    (the whole pack) is spelled out as IDs with the skipped ones already removed.
    """
    from policies.catalog import load_catalog

    patterns = [pattern.strip() for pattern in (skip or "").split(",") if pattern.strip()]
    return [rule.id for rule in load_catalog() if not any(fnmatch.fnmatchcase(rule.id, p) for p in patterns)]


def checkov_argv(targets: ScanTargets, options: argparse.Namespace) -> list[str]:
    argv: list[str] = []
    for directory in targets.directories:
        argv += ["-d", str(directory.resolve())]
    for file in targets.files:
        argv += ["-f", str(file.resolve())]
    argv += ["--framework", *targets.frameworks]
    argv += ["--external-checks-dir", str(CHECKS_DIR), "--skip-download", "-o", options.output]
    if options.output == "cli":
        argv.append("--quiet")  # the text report lists failures only; machine formats keep passes too
    if options.check or options.include_builtin:
        if options.check:
            argv += ["--check", options.check]
        if options.skip_check:
            argv += ["--skip-check", options.skip_check]
    else:
        argv += ["--check", ",".join(pack_check_ids(options.skip_check))]
    if options.soft_fail:
        argv.append("--soft-fail")
    return argv


@dataclass
class CheckovRun:
    exit_code: int
    output: str  # what Checkov printed
    unparsed: list[str]  # files Checkov could not parse, and therefore did not scan


def run_checkov(argv: list[str]) -> CheckovRun:
    from checkov.main import Checkov

    # Checkov logs parse problems at WARNING (reported below) and keeps every debug record in memory.
    logging.getLogger().setLevel(logging.ERROR)
    checkov = Checkov(argv=argv)
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            exit_code = checkov.run(banner="")
    except SystemExit as stop:  # Checkov's own argument errors, printed to stderr
        return CheckovRun(stop.code if isinstance(stop.code, int) else EXIT_USAGE, printed.getvalue(), [])
    unparsed = sorted({str(path) for report in checkov.scan_reports for path in report.parsing_errors})
    return CheckovRun(int(exit_code or 0), printed.getvalue(), unparsed)


def describe_unparsed(path: str) -> str:
    """One line for a file Checkov could not parse, with the parser's line and message where it has them."""
    if path.endswith(".tf"):
        try:
            check_hcl(Path(path))
        except InputError as error:
            return str(error)
    return f"{path}: Checkov could not parse this file"


def _scan(options: argparse.Namespace) -> int:
    try:
        targets = collect_targets(options.paths)
    except InputError as error:
        print(f"aisec-iac: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if not (options.check or options.include_builtin or pack_check_ids(options.skip_check)):
        print("aisec-iac: error: --skip-check leaves no check to run", file=sys.stderr)
        return EXIT_USAGE
    argv = checkov_argv(targets, options)
    with tempfile.TemporaryDirectory(prefix="aisec-iac-") as scratch:
        previous = Path.cwd()
        os.chdir(scratch)  # Checkov writes SARIF to results.sarif in the working directory
        try:
            run = run_checkov(argv)
        finally:
            os.chdir(previous)
        if run.unparsed:  # a file Checkov skipped would otherwise pass silently
            for path in run.unparsed:
                print(f"aisec-iac: error: {describe_unparsed(path)}", file=sys.stderr)
            return EXIT_USAGE
        sarif = Path(scratch) / "results.sarif"
        sys.stdout.write(
            sarif.read_text(encoding="utf-8") if options.output == "sarif" and sarif.exists() else run.output
        )
    return run.exit_code


def _pre_commit(options: argparse.Namespace) -> int:
    """Scan the directories of the changed files: a Terraform module is a directory, and rules that
    connect resources (a bucket and its public access block) need the whole module, not one file."""
    options.paths = sorted({str(Path(file).parent) for file in options.files})
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


def _overlaps(_: argparse.Namespace) -> int:
    from policies.catalog import load_catalog

    overlapping = sorted({check for rule in load_catalog() for check in rule.checkov_builtin_overlap})
    print(",".join(overlapping))
    return 0


def _checks_dir(_: argparse.Namespace) -> int:
    print(CHECKS_DIR)
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
    scan.set_defaults(handler=_scan)

    hook = commands.add_parser("pre-commit", help="scan the Terraform modules that hold the given files")
    hook.add_argument("files", nargs="+", metavar="FILE")
    hook.set_defaults(
        handler=_pre_commit, output="cli", check=None, skip_check=None, include_builtin=False, soft_fail=False
    )

    listing = commands.add_parser("list", help="print the rule catalog")
    listing.add_argument("-o", "--output", choices=("table", "json"), default="table")
    listing.set_defaults(handler=_list)

    overlaps = commands.add_parser(
        "overlaps", help="print the Checkov built-in checks the pack covers, for checkov --skip-check"
    )
    overlaps.set_defaults(handler=_overlaps)

    checks_dir = commands.add_parser("checks-dir", help="print the path to pass to checkov --external-checks-dir")
    checks_dir.set_defaults(handler=_checks_dir)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    return options.handler(options)


if __name__ == "__main__":
    sys.exit(main())
