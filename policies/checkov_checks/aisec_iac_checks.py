"""Checkov executes this file when given ``--external-checks-dir`` pointing at this folder.

It registers the catalog: the rule logic lives in the installed ``policies`` package. A released pack is
checked first, before anything of that package is imported: ``MANIFEST.sha256`` beside this file lists the
SHA-256 of every file of the package, and ``MANIFEST_SHA256`` below pins the manifest itself. With Checkov's
``--external-checks-public-key`` this file is signed, so the chain is: key, signature over this file, the
pinned manifest, every file of the pack. On any difference the scan stops with exit status 2 (an exception
would not do: Checkov logs a check file that raises and scans on without it). A development checkout has no
manifest and pins none; it loads unchecked. See docs/verifying.md.

Only the standard library is used above ``_load``: nothing from ``policies`` may run before it is verified.
Keep this folder free of YAML and JSON files, which Checkov would try to read as graph checks.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec, SourceFileLoader
from pathlib import Path
from types import CodeType, FrameType
from typing import Any, NoReturn

# The SHA-256 of MANIFEST.sha256, written by `python -m policies.release sign`; None in a development checkout.
MANIFEST_SHA256: str | None = None

PACKAGE = "policies"
MANIFEST_NAME = "MANIFEST.sha256"
LOADER_NAME = "aisec_iac_checks.py"
# Paths relative to the package directory. The two files that anchor the chain are not in the manifest: this
# file pins the manifest, and Checkov's signature covers this file.
TRUST_ROOT = frozenset({f"checkov_checks/{LOADER_NAME}", f"checkov_checks/{MANIFEST_NAME}"})
_SHOWN_PROBLEMS = 3


class PackIntegrityError(Exception):
    """The installed pack is not the one its release manifest describes."""


class PackRefused(SystemExit):
    """Ends the process with status 2: Checkov catches every ``Exception`` a check file raises, not this."""

    def __init__(self, message: str) -> None:
        super().__init__(2)
        self.message = message

    def __reduce__(self) -> tuple[Any, ...]:
        # A worker process may send it to a parent that never loaded this module.
        return (SystemExit, (2,))


def pack_files(pack_dir: Path) -> list[str]:
    """Every file of the package the manifest must list (all but bytecode caches and the trust root), as
    sorted POSIX paths relative to ``pack_dir``. A symlinked folder is listed as a path ending in ``/``: it
    can never match the manifest, so it is refused."""
    found: list[str] = []
    for root, dirs, files in os.walk(pack_dir):
        here = Path(root)
        for name in list(dirs):
            if name == "__pycache__":
                dirs.remove(name)
            elif (here / name).is_symlink():
                found.append((here / name).relative_to(pack_dir).as_posix() + "/")
        for name in files:
            relative = (here / name).relative_to(pack_dir).as_posix()
            if relative not in TRUST_ROOT:
                found.append(relative)
    return sorted(found)


def render_manifest(pack_dir: Path) -> bytes:
    """The manifest of ``pack_dir`` as it is now, in ``sha256sum`` format (``<hex>  <path>``, sorted)."""
    lines = [f"{hashlib.sha256((pack_dir / name).read_bytes()).hexdigest()}  {name}\n" for name in pack_files(pack_dir)]
    return "".join(lines).encode("utf-8")


def parse_manifest(data: bytes) -> dict[str, str]:
    """Path -> SHA-256 hex digest; anything but well-formed ``sha256sum`` lines with relative paths is refused."""
    entries: dict[str, str] = {}
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PackIntegrityError(f"{MANIFEST_NAME} is not UTF-8 text") from error
    for number, line in enumerate(text.splitlines(), 1):
        digest, separator, name = line.partition("  ")
        well_formed = (
            separator
            and len(digest) == 64
            and all(char in "0123456789abcdef" for char in digest)
            and name
            and not name.startswith("/")
            and "\\" not in name
            and ".." not in name.split("/")
            and name not in entries
        )
        if not well_formed:
            raise PackIntegrityError(f"{MANIFEST_NAME} line {number} is not '<sha256>  <relative path>'")
        entries[name] = digest
    return entries


def verify_pack(pack_dir: Path, pinned: str | None) -> dict[str, bytes] | None:
    """Check ``pack_dir`` (the ``policies`` package folder) against its manifest and the ``pinned`` digest of
    that manifest. Returns the verified bytes of its Python files (path relative to ``pack_dir`` -> bytes), or
    None for a development checkout (no manifest and nothing pinned). Raises ``PackIntegrityError``."""
    manifest_path = pack_dir / "checkov_checks" / MANIFEST_NAME
    if pinned is None and not os.path.lexists(manifest_path):
        return None
    try:
        manifest = manifest_path.read_bytes()
    except FileNotFoundError:
        raise PackIntegrityError(f"{manifest_path} is missing, but the loader pins a release manifest") from None
    except OSError as error:
        raise PackIntegrityError(f"{manifest_path} cannot be read ({error.strerror or error})") from error
    if pinned is not None and hashlib.sha256(manifest).hexdigest() != pinned:
        raise PackIntegrityError(f"{manifest_path} is not the manifest the loader pins")
    expected = parse_manifest(manifest)
    unlisted = [name for name in pack_files(pack_dir) if name not in expected]
    problems = [f"{PACKAGE}/{name} is not in the release manifest" for name in unlisted]
    sources: dict[str, bytes] = {}
    for name, digest in expected.items():
        path = pack_dir / name
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            problems.append(f"{PACKAGE}/{name} is missing")
            continue
        except OSError as error:
            problems.append(f"{PACKAGE}/{name} cannot be read ({error.strerror or error})")
            continue
        if hashlib.sha256(data).hexdigest() != digest:
            problems.append(f"{PACKAGE}/{name} differs from the release manifest")
        elif name.endswith(".py"):
            sources[name] = data
    if problems:
        more = len(problems) - _SHOWN_PROBLEMS
        shown = "; ".join(problems[:_SHOWN_PROBLEMS]) + (f"; and {more} more" if more > 0 else "")
        raise PackIntegrityError(f"{shown} ({manifest_path})")
    return sources


class _VerifiedSourceLoader(SourceFileLoader):
    """Compiles the bytes that were verified: neither the file read again nor a bytecode cache beside it."""

    def __init__(self, fullname: str, path: str, source: bytes) -> None:
        super().__init__(fullname, path)
        self._source = source

    def get_code(self, fullname: str) -> CodeType:
        return compile(self._source, self.path, "exec", dont_inherit=True)

    def get_source(self, fullname: str) -> str:
        return importlib.util.decode_source(self._source)


class VerifiedPackFinder(MetaPathFinder):
    """Imports ``policies`` and its submodules from verified bytes only; any other module of the package
    (a file the manifest does not list, a sourceless ``.pyc``, an extension module) fails to import."""

    def __init__(self, pack_dir: Path, sources: dict[str, bytes]) -> None:
        self.pack_dir = pack_dir
        self.sources = sources

    def find_spec(self, fullname: str, path: Sequence[str] | None = None, target: Any = None) -> ModuleSpec | None:
        if fullname != PACKAGE and not fullname.startswith(PACKAGE + "."):
            return None
        parts = fullname.split(".")[1:]
        if "/".join(parts) + ".py" in TRUST_ROOT:
            return None  # this loader, covered by Checkov's signature rather than the manifest
        candidates = ["/".join([*parts, "__init__.py"])] + (["/".join(parts) + ".py"] if parts else [])
        for name in candidates:
            if name in self.sources:
                file = str(self.pack_dir / name)
                loader = _VerifiedSourceLoader(fullname, file, self.sources[name])
                return importlib.util.spec_from_file_location(fullname, file, loader=loader)
        raise ModuleNotFoundError(f"{fullname} is not part of the verified pack", name=fullname)


def install_verified_imports(pack_dir: Path, sources: dict[str, bytes]) -> None:
    """Put a ``VerifiedPackFinder`` first on ``sys.meta_path`` (replacing one an earlier load installed)."""
    loaded = sys.modules.get(PACKAGE)
    loaded_from = getattr(loaded, "__file__", None)
    if loaded is not None and (not loaded_from or Path(loaded_from).resolve().parent != pack_dir):
        refuse(f"another {PACKAGE} package ({loaded_from}) is already imported, not the verified one in {pack_dir}")
    sys.meta_path[:] = [finder for finder in sys.meta_path if not hasattr(finder, "aisec_iac_pack")]
    finder = VerifiedPackFinder(pack_dir, sources)
    finder.aisec_iac_pack = str(pack_dir)  # type: ignore[attr-defined]
    sys.meta_path.insert(0, finder)


def _checkov_worker_pipe() -> Any:
    """The result pipe when Checkov's parallel runner forked this process for one runner (several
    frameworks), else None. Such a worker's exit is not noticed by its parent, which would scan on."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if (
            frame.f_code.co_name == "func_wrapper"
            and frame.f_globals.get("__name__") == "checkov.common.parallelizer.parallel_runner"
        ):
            pipe = frame.f_locals.get("connection")
            return pipe if hasattr(pipe, "send") else None
        frame = frame.f_back
    return None


def refuse(reason: str) -> NoReturn:
    """Stop the scan, visibly: one line on stderr and exit status 2 (as Checkov's own signature check does).

    In a worker Checkov forked, the reason goes to the parent as Checkov's ``SignatureVerificationError``,
    which Checkov reports ("External checks signature verification failed; refusing to run the scan") before
    it exits with status 2."""
    message = f"aisec-iac: error: pack verification failed, refusing to scan: {reason}"
    pipe = _checkov_worker_pipe()
    if pipe is not None:
        from checkov.common.external_checks.verification.errors import SignatureVerificationError
        from checkov.common.parallelizer.parallel_runner import ParallelRunException

        pipe.send(ParallelRunException(SignatureVerificationError(message)))
    else:
        print(message, file=sys.stderr, flush=True)
    raise PackRefused(message)


def _load() -> None:
    pack_dir = Path(__file__).resolve().parent.parent
    try:
        sources = verify_pack(pack_dir, MANIFEST_SHA256)
    except PackIntegrityError as error:
        refuse(str(error))
    except Exception as error:  # fail closed: a pack that cannot be checked is not loaded
        refuse(f"cannot check {pack_dir} ({type(error).__name__}: {error})")
    if sources is not None:
        install_verified_imports(pack_dir, sources)

    from policies.checkov_adapter import register_checks

    register_checks()


if "." not in __name__:  # run by Checkov as a top-level module; policies.release imports it for its functions
    _load()
