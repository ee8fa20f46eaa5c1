"""What ``aisec-iac scan`` is asked to scan, found and checked before Checkov sees it.

Checkov skips what it cannot read and reports success, hangs on a FIFO named ``main.tf``, follows a symlink
to ``/dev/zero`` and aborts on some inputs with a traceback. This module walks the paths a user gives, the
way Checkov's own walk does (hidden folders and Checkov's ignored folders are skipped), and sorts what it
finds into scan units, *problems* (inputs that could not be read: the scan reports them and exits 2) and
*notes* (inputs deliberately left out, printed as warnings). Every read is bounded, and only regular files
inside the scanned tree are read.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from checkov.common.util.dockerfile import is_dockerfile  # a small module: no runner is imported

# Folders Checkov's walk never enters (checkov.common.runners.base_runner: CKV_IGNORED_DIRECTORIES, hidden
# folders); mirrored here so that the pre-check counts exactly what Checkov will scan.
IGNORED_DIRECTORIES = frozenset(
    os.getenv("CKV_IGNORED_DIRECTORIES", "node_modules,.terraform,.serverless").split(",")
) | {".git"}
YAML_SUFFIXES = (".yaml", ".yml")
# Files Checkov's Terraform parser opens while it walks a module.
TERRAFORM_SUFFIXES = (".tf", ".hcl", ".tfvars", ".tfvars.json")
MAX_TEXT_BYTES = 32 * 1024 * 1024  # a .tf file, manifest or Dockerfile
MAX_PLAN_BYTES = 512 * 1024 * 1024  # `terraform show -json` of a very large stack
MAX_NESTING = 200  # deeper documents make Checkov's recursive walks raise RecursionError
MAX_YAML_NODES = 1_000_000  # after expanding aliases: a "billion laughs" manifest stops here

FRAMEWORKS = ("terraform", "terraform_plan", "kubernetes", "dockerfile")


class InputError(Exception):
    """An input that cannot be scanned; the message starts with the path (and line, where known)."""


@dataclass(frozen=True)
class Problem:
    """An input that could not be read; ``framework`` is the report it belongs to."""

    path: str
    message: str  # "<path>[:<line>]: <what is wrong>"
    framework: str


@dataclass
class ScanInputs:
    terraform_dirs: list[Path] = field(default_factory=list)
    terraform_files: list[Path] = field(default_factory=list)
    plan_files: list[Path] = field(default_factory=list)
    manifests: list[Path] = field(default_factory=list)
    dockerfiles: list[Path] = field(default_factory=list)
    # The directory input each Dockerfile was found in: Checkov names a Dockerfile relative to it.
    dockerfile_roots: dict[Path, Path] = field(default_factory=dict)
    # Pulumi documents among the plan files: the scan turns them into Terraform plans.
    pulumi_files: list[Path] = field(default_factory=list)
    # Terraform JSON syntax files among the Terraform inputs: Checkov does not read them, the scan converts them.
    terraform_json: list[Path] = field(default_factory=list)
    # Files under a Terraform directory that Checkov must not open (FIFOs, devices, links out of the tree).
    excluded: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def frameworks(self) -> list[str]:
        present = {
            "terraform": bool(self.terraform_dirs or self.terraform_files),
            "terraform_plan": bool(self.plan_files),
            "kubernetes": bool(self.manifests),
            "dockerfile": bool(self.dockerfiles),
        }
        return [name for name in FRAMEWORKS if present[name]]

    @property
    def empty(self) -> bool:
        return not self.frameworks


# -- reading -------------------------------------------------------------------------------------------


def _file_kind(path: Path) -> str | None:
    """Why a path is not a regular file we may read, or ``None`` when it is one."""
    try:
        mode = path.stat().st_mode  # follows a symlink: the target is what would be read
    except FileNotFoundError:
        return "a broken symlink" if path.is_symlink() else "missing"
    except OSError as error:
        return f"not readable ({error.strerror or error})"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    return None


def read_text(path: Path, limit: int = MAX_TEXT_BYTES) -> str:
    """A regular file's text, read with a bound; raises ``InputError`` saying why it cannot be read."""
    kind = _file_kind(path)
    if kind is not None:
        raise InputError(f"{path}: {kind}, not read")
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except PermissionError as error:
        raise InputError(f"{path}: cannot read file (permission denied)") from error
    except OSError as error:
        raise InputError(f"{path}: cannot read file ({error.strerror or error})") from error
    if len(data) > limit:
        raise InputError(f"{path}: larger than {limit // (1024 * 1024)} MiB, not read")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not a UTF-8 text file") from error


def _nesting_exceeds(value: Any, limit: int) -> bool:
    """Whether a decoded document nests deeper than ``limit`` (iteratively: no recursion to exhaust)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return False


# -- Terraform plans -----------------------------------------------------------------------------------

_PLAN_KEYS = ("planned_values", "resource_changes", "configuration", "prior_state")


def _plan_shape_problem(document: dict[str, Any]) -> str | None:
    """Where a plan has a value of the wrong type at a place Checkov's plan parser walks without checking."""
    for key in _PLAN_KEYS:
        if key in document and not isinstance(document[key], dict | list):
            return f"`{key}` is {_type_name(document[key])}, expected an object"
    planned = document.get("planned_values")
    if isinstance(planned, dict) and "root_module" in planned:
        problem = _module_shape_problem(planned["root_module"], "planned_values.root_module")
        if problem:
            return problem
    changes = document.get("resource_changes")
    if changes is not None:
        if not isinstance(changes, list):
            return "`resource_changes` is not a list"
        for index, change in enumerate(changes):
            if not isinstance(change, dict) or not isinstance(change.get("change", {}), dict):
                return f"`resource_changes[{index}]` is not an object with a `change` object"
    configuration = document.get("configuration")
    if isinstance(configuration, dict) and not isinstance(configuration.get("root_module", {}), dict):
        return "`configuration.root_module` is not an object"
    return None


def _module_shape_problem(module: Any, where: str) -> str | None:
    if not isinstance(module, dict):
        return f"`{where}` is {_type_name(module)}, expected an object"
    resources = module.get("resources", [])
    if not isinstance(resources, list):
        return f"`{where}.resources` is not a list"
    for index, resource in enumerate(resources):
        if not isinstance(resource, dict):
            return f"`{where}.resources[{index}]` is {_type_name(resource)}, expected an object"
        if not isinstance(resource.get("type"), str) or not isinstance(resource.get("address", ""), str):
            return f"`{where}.resources[{index}]` has no resource type"
        if not isinstance(resource.get("values", {}), dict | type(None)):
            return f"`{where}.resources[{index}].values` is not an object"
    children = module.get("child_modules", [])
    if not isinstance(children, list):
        return f"`{where}.child_modules` is not a list"
    for index, child in enumerate(children):
        problem = _module_shape_problem(child, f"{where}.child_modules[{index}]")
        if problem:
            return problem
    return None


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def read_json(path: Path) -> Any:
    """A JSON document, read with a bound and refused when it nests deeper than Checkov can walk."""
    text = read_text(path, MAX_PLAN_BYTES)
    try:
        document = json.loads(text)
    except RecursionError as error:
        raise InputError(f"{path}: JSON nested too deeply to scan") from error
    except ValueError as error:
        raise InputError(f"{path}: not valid JSON ({error})") from error
    if _nesting_exceeds(document, MAX_NESTING):
        raise InputError(f"{path}: JSON nested more than {MAX_NESTING} levels deep, not scanned")
    return document


def check_plan(path: Path) -> str:
    """``"terraform"`` for a Terraform plan (``terraform show -json``) Checkov can read, ``"pulumi"`` for
    ``pulumi preview --json`` output or a ``pulumi stack export``; ``InputError`` for anything else."""
    from policies.pulumi_json import kind_of

    document = read_json(path)
    if kind_of(document) is not None:
        return "pulumi"
    if not isinstance(document, dict) or not any(key in document for key in _PLAN_KEYS[:3]):
        raise InputError(
            f"{path}: JSON but neither a Terraform plan (`terraform show -json`) nor Pulumi's "
            "(`pulumi preview --json`, `pulumi stack export`)"
        )
    missing = [key for key in ("terraform_version", "planned_values") if key not in document]
    if missing:  # Checkov's plan parser skips such a file without a word
        raise InputError(f"{path}: not a complete Terraform plan: no `{missing[0]}`")
    problem = _plan_shape_problem(document)
    if problem:
        raise InputError(f"{path}: not a well-formed Terraform plan: {problem}")
    return "terraform"


# -- Kubernetes manifests ------------------------------------------------------------------------------


class _TolerantLoader(yaml.SafeLoader):
    """Safe YAML that reads any tag (CloudFormation ``!Sub``, mkdocs ``!!python/name``) as its plain value,
    so that a file's tags never decide whether it is a manifest."""


def _untagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


_TolerantLoader.add_multi_constructor("!", _untagged)
_TolerantLoader.add_multi_constructor("tag:", _untagged)

_MANIFEST_LINES = re.compile(r"^apiVersion:\s*\S", re.MULTILINE), re.compile(r"^kind:\s*\S", re.MULTILINE)
_TEMPLATE_MARKERS = ("{{", "{%")


def _is_manifest(document: Any) -> bool:
    return (
        isinstance(document, dict)
        and isinstance(document.get("apiVersion"), str)
        and isinstance(document.get("kind"), str)
    )


def _expanded_size_exceeds(value: Any, limit: int) -> bool:
    """Whether a YAML document expanded (aliases copied, as a JSON dump would) has more than ``limit`` nodes.

    Counted iteratively, with each shared node's size memoised by identity, so an alias bomb is measured
    without being expanded.
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(value, False)]
    while stack:
        item, children_done = stack.pop()
        if not isinstance(item, dict | list) or id(item) in sizes:
            continue
        children = list(item.values()) if isinstance(item, dict) else item
        if not children_done:
            stack.append((item, True))
            stack.extend((child, False) for child in children if isinstance(child, dict | list))
            continue
        total = 1 + sum(sizes.get(id(child), 1) for child in children)
        if total > limit:
            return True
        sizes[id(item)] = total
    return False


def manifest_documents(path: Path, named: bool = False) -> list[Any] | None:
    """The documents of a YAML file that holds Kubernetes objects; ``None`` when it holds none.

    Raises ``InputError`` for a file that is meant to be a manifest (it declares ``apiVersion`` and ``kind``)
    but cannot be scanned: YAML that does not parse, nests too deeply or expands without bound. YAML that
    does not parse and is not a manifest (a Helm template, a CI file) found in a directory is simply not ours
    to judge; a file the user ``named`` is meant to be scanned, so YAML that does not parse is an error.
    """
    return _manifest_documents(read_text(path), path, named)


def _manifest_documents(text: str, path: Path, named: bool) -> list[Any] | None:
    looks_like_manifest = named or all(pattern.search(text) for pattern in _MANIFEST_LINES)
    try:
        documents = list(yaml.load_all(text, Loader=_TolerantLoader))  # a SafeLoader subclass
    except RecursionError as error:
        if looks_like_manifest:
            raise InputError(f"{path}: YAML nested too deeply to scan") from error
        return None
    except yaml.YAMLError as error:
        if not named and (not looks_like_manifest or any(marker in text for marker in _TEMPLATE_MARKERS)):
            return None
        mark = getattr(error, "problem_mark", None)
        location = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(error, "problem", None) or type(error).__name__
        raise InputError(f"{location}: YAML does not parse: {problem}") from error
    if not any(_is_manifest(document) for document in documents):
        return None
    for document in documents:
        if _expanded_size_exceeds(document, MAX_YAML_NODES):
            raise InputError(f"{path}: YAML aliases expand to more than {MAX_YAML_NODES:,} nodes, not scanned")
        if _nesting_exceeds(document, MAX_NESTING):
            raise InputError(f"{path}: YAML nested more than {MAX_NESTING} levels deep, not scanned")
    return documents


_TEMPLATE_MARKS = ("${", "{{", "%{")
# Checkov's Kubernetes parser (kubernetes/parser/k8_yaml.py) drops a whole file that matches this.
_HELM_TEMPLATE = re.compile(r"\{\{-?\s*\.(?:Release|Values)\.")


def _is_template_placeholder(value: Any) -> bool:
    return isinstance(value, str) and any(mark in value for mark in _TEMPLATE_MARKS)


def _names_a_placeholder(node: Any) -> bool:
    """Whether a ``name`` anywhere in the object (Checkov's validator reads every one) is a template placeholder."""
    if isinstance(node, dict):
        return any(
            _is_template_placeholder(value) if key == "name" else _names_a_placeholder(value)
            for key, value in node.items()
        )
    return isinstance(node, list) and any(_names_a_placeholder(item) for item in node)


def objects_checkov_skips(path: Path, documents: list[Any]) -> tuple[list[str], list[str]]:
    """Kubernetes objects Checkov would drop without a word (its validator refuses, for example, a ``name``
    that is not a string: ``name: 12345``, or any ``name`` holding ``{``, ``}`` or ``#``): one problem line each,
    and one note each for objects that are templates (a ``${...}`` or ``{{ ... }}`` name anywhere in them, or
    namespace, filled in by Terraform's ``templatefile`` or Helm): what they render to is what can be scanned."""
    from checkov.kubernetes.parser.validatior import K8sValidator  # a small module: no runner is imported

    problems, notes = [], []
    for document in documents:
        if not _is_manifest(document):
            continue
        valid, reason = K8sValidator.is_valid_template(document)
        if valid:
            continue
        metadata = document.get("metadata")
        metadata = metadata if isinstance(metadata, dict) else {}
        name = metadata.get("name")
        if _is_template_placeholder(metadata.get("namespace")) or _names_a_placeholder(document):
            notes.append(
                f"{path}: {document['kind']} {name!r} is a template (a name in it is filled in when it is "
                "rendered), not scanned: scan what it renders to"
            )
        else:
            problems.append(f"{path}: {document['kind']} {name!r} is not scanned: Checkov skips it ({reason})")
    return problems, notes


def _add_manifest(path: Path, found: ScanInputs, named: bool) -> bool:
    """Add a YAML file holding Kubernetes objects; whether it holds any. ``InputError`` when it cannot be read."""
    text = read_text(path)
    documents = _manifest_documents(text, path, named)
    if documents is None:
        return False
    found.manifests.append(path)
    if _HELM_TEMPLATE.search(text):
        found.notes.append(
            f"{path}: a Helm template (it reads .Release or .Values), which Checkov skips whole: scan the rendered "
            "chart (helm template) instead"
        )
        return True
    problems, notes = objects_checkov_skips(path, documents)
    found.problems += [Problem(str(path), line, "kubernetes") for line in problems]
    found.notes += notes
    return True


# -- walking -------------------------------------------------------------------------------------------


def _skipped_directory(name: str) -> bool:
    return name in IGNORED_DIRECTORIES or name.startswith(".")


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


@dataclass
class _Walk:
    root: Path
    files: list[Path] = field(default_factory=list)
    unreadable: list[Path] = field(default_factory=list)
    hidden: list[Path] = field(default_factory=list)
    linked_dirs: list[Path] = field(default_factory=list)


def _walk(root: Path) -> _Walk:
    walk = _Walk(root)

    def on_error(error: OSError) -> None:
        walk.unreadable.append(Path(error.filename or root))

    for current, dirs, files in os.walk(root, onerror=on_error):
        base = Path(current)
        kept = []
        for name in sorted(dirs):
            path = base / name
            if path.is_symlink():
                walk.linked_dirs.append(path)
            elif _skipped_directory(name):
                if name not in IGNORED_DIRECTORIES:
                    walk.hidden.append(path)
            else:
                kept.append(name)
        dirs[:] = kept
        walk.files.extend(base / name for name in sorted(files))
    return walk


def walk_files(root: Path) -> Iterator[Path]:
    """The files under ``root`` that Checkov's walk reaches (hidden and ignored folders left out)."""
    return iter(_walk(root).files)


def _scannable_name(name: str) -> bool:
    return name.endswith((*TERRAFORM_SUFFIXES, ".tf.json", *YAML_SUFFIXES)) or is_dockerfile(name)


def _holds_scannable_files(directory: Path) -> bool:
    return any(_scannable_name(name) for _, _, files in os.walk(directory) for name in files)


def _add_directory(directory: Path, found: ScanInputs, frameworks: set[str], raw: str) -> None:
    root = directory.resolve()
    walk = _walk(directory)
    for path in walk.unreadable:
        found.problems.append(Problem(str(path), f"{path}: cannot read directory (permission denied)", "terraform"))
    for path in walk.hidden:
        if _holds_scannable_files(path):
            found.notes.append(f"{path}: hidden directory skipped, as Checkov does (pass it as a path to scan it)")
    for path in walk.linked_dirs:
        if _holds_scannable_files(path):
            found.notes.append(f"{path}: symlinked directory skipped, as Checkov does (pass its target to scan it)")
    has_terraform = False
    for path in walk.files:
        name = path.name
        if not _scannable_name(name):
            continue
        if path.is_symlink() and not _inside(path, root):
            found.notes.append(f"{path}: symlink out of the scanned tree, skipped")
            found.excluded.append(path)
            continue
        kind = _file_kind(path)
        if kind is not None:
            found.notes.append(f"{path}: {kind}, skipped")
            found.excluded.append(path)
            continue
        if name.endswith((".tf", ".tf.json")):
            try:
                read_text(path)
            except InputError as error:
                found.problems.append(Problem(str(path), str(error), "terraform"))
                found.excluded.append(path)
                continue
            if name.endswith(".tf.json"):
                found.terraform_json.append(path)
            has_terraform = True
        elif name.endswith(YAML_SUFFIXES) and "kubernetes" in frameworks:
            try:
                _add_manifest(path, found, named=False)
            except InputError as error:
                found.problems.append(Problem(str(path), str(error), "kubernetes"))
        elif is_dockerfile(name) and "dockerfile" in frameworks:
            try:
                read_text(path)
            except InputError as error:
                found.problems.append(Problem(str(path), str(error), "dockerfile"))
                continue
            found.dockerfiles.append(path)
            found.dockerfile_roots[path.absolute()] = directory.absolute()
    if has_terraform and "terraform" in frameworks:
        found.terraform_dirs.append(directory)
    elif has_terraform:
        found.notes.append(f"{raw}: Terraform files skipped (not in --framework)")


def _add_file(path: Path, found: ScanInputs, frameworks: set[str], raw: str) -> None:
    name = path.name
    if name.endswith(".tf.json"):
        framework = "terraform"
    elif name.endswith(".json"):
        framework = "terraform_plan"
    elif name.endswith(".tf"):
        framework = "terraform"
    elif name.endswith(YAML_SUFFIXES):
        framework = "kubernetes"
    elif is_dockerfile(name):
        framework = "dockerfile"
    else:
        message = f"{raw}: not a .tf, plan .json, Kubernetes .yaml or Dockerfile, nor a directory"
        found.problems.append(Problem(raw, message, "terraform"))
        return
    if framework not in frameworks:
        found.notes.append(f"{raw}: skipped ({framework} is not in --framework)")
        return
    try:
        if framework == "terraform_plan":
            if check_plan(path) == "pulumi":
                found.pulumi_files.append(path)
            found.plan_files.append(path)
        elif framework == "terraform":
            read_text(path)
            found.terraform_files.append(path)
            if name.endswith(".tf.json"):
                found.terraform_json.append(path)
        elif framework == "kubernetes":
            if not _add_manifest(path, found, named=True):
                raise InputError(f"{raw}: YAML without Kubernetes objects (no apiVersion and kind)")
        else:
            read_text(path)
            found.dockerfiles.append(path)
    except InputError as error:
        found.problems.append(Problem(raw, str(error), framework))


def _without_nested(paths: Sequence[str]) -> Iterator[str]:
    """The given paths, each once, without what a given directory's walk already covers (its subdirectories,
    its .tf files, manifests and Dockerfiles): scanning a module twice would report it twice. Plan and Pulumi
    JSON files are never found by a walk, so they stay."""
    seen: list[Path] = []
    resolved = {raw: Path(raw).resolve() for raw in paths}
    directories = [resolved[raw] for raw in paths if Path(raw).is_dir()]
    for raw in paths:
        path = resolved[raw]
        if path in seen:
            continue
        plan_like = path.name.endswith(".json") and not path.name.endswith((".tf.json", ".tfvars.json"))
        walked = Path(raw).is_dir() or (_scannable_name(path.name) and not plan_like)
        if walked and any(path != directory and path.is_relative_to(directory) for directory in directories):
            continue
        seen.append(path)
        yield raw


def collect(paths: Sequence[str], frameworks: Sequence[str] = FRAMEWORKS) -> ScanInputs:
    """Sort the given paths into scan units, problems and notes."""
    found = ScanInputs()
    wanted = set(frameworks)
    for raw in _without_nested(paths):
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            found.problems.append(Problem(raw, f"{raw}: no such file or directory", "terraform"))
        elif path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                found.problems.append(Problem(raw, f"{raw}: cannot read directory (permission denied)", "terraform"))
                continue
            before = len(found.frameworks), len(found.problems)
            _add_directory(path, found, wanted, raw)
            scanned = path in found.terraform_dirs or any(
                file.is_relative_to(path) for file in (*found.manifests, *found.dockerfiles)
            )
            if not scanned and len(found.problems) == before[1]:
                found.problems.append(
                    Problem(raw, f"{raw}: no Terraform, Kubernetes manifest or Dockerfile found", "terraform")
                )
        else:
            _add_file(path, found, wanted, raw)
    return found
