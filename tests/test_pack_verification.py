"""A released pack verifies what runs, not only the loader Checkov signs (docs/verifying.md).

Each test works on a copy of the package in a temporary folder, signed there with a key made for the test;
the repository's own files are only read. Scans are real Checkov processes (``checkov`` and ``aisec-iac``),
started in that folder with the copy first on ``PYTHONPATH``, because the verified pack must be the first
``policies`` package a process imports.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from checkov.common.checks_infra.registry import Registry
from checkov.common.external_checks.verification import (
    SignatureVerificationError,
    load_public_keys,
    verify_external_checks_dirs,
)
from ecdsa import NIST256p, SigningKey

from policies import release
from policies.checkov_checks import aisec_iac_checks as loader
from policies.scan import CHECKS_DIR
from tests.scanning import RULE_EXAMPLES

PACK_DIR = CHECKS_DIR.parent
KMS_EXAMPLES = RULE_EXAMPLES / "kms" / "kms_key_rotation"
ROTATION = "CKV_AISEC_4"
KMS_FAILURES = {
    "aws_kms_key.fail_rotation_unset",
    "aws_kms_key.fail_rotation_disabled",
    "aws_kms_key.fail_period_over_a_year",
}
RULE_FILE = "rules/kms/kms_key_rotation.py"
REFUSAL = "aisec-iac: error: pack verification failed, refusing to scan: "


def _key_pair(folder: Path, name: str) -> tuple[Path, Path]:
    key = SigningKey.generate(curve=NIST256p)
    private, public = folder / f"{name}.pem", folder / f"{name}.pub.pem"
    private.write_bytes(key.to_pem())
    public.write_bytes(key.get_verifying_key().to_pem())
    return private, public


def _copy_pack(site: Path) -> Path:
    """The repository's package copied as ``site/policies`` (no bytecode caches)."""
    shutil.copytree(PACK_DIR, site / "policies", ignore=shutil.ignore_patterns("__pycache__"))
    return site / "policies"


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return _key_pair(tmp_path_factory.mktemp("keys"), "release")


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory, keys: tuple[Path, Path]) -> Path:
    """A signed release of the package (its folder); tests that change it work on a copy of it."""
    pack = _copy_pack(tmp_path_factory.mktemp("release"))
    assert release.main(["sign", "--key", str(keys[0]), "--pack", str(pack)]) == 0
    return pack


@pytest.fixture
def pack(released: Path, tmp_path: Path) -> Path:
    """A copy of the signed release to change."""
    shutil.copytree(released, tmp_path / "site" / "policies")
    return tmp_path / "site" / "policies"


def _checkov(
    pack: Path, *args: str, public_key: Path | None = None, target: Path = KMS_EXAMPLES
) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("checkov", path=str(Path(sys.executable).parent))
    assert executable, "checkov is installed beside the test interpreter"
    command = [executable, "-d", str(target), "--skip-download", "--external-checks-dir", str(pack / "checkov_checks")]
    command += ["--external-checks-public-key", str(public_key)] if public_key else []
    return _run([*command, *args], pack)


def _run(command: list[str], pack: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pack.parent), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(command, cwd=pack.parent, env=env, capture_output=True, text=True, timeout=600)


def _failed(result: subprocess.CompletedProcess[str]) -> set[str]:
    report = json.loads(result.stdout)
    reports = report if isinstance(report, list) else [report]
    return {
        check["resource"]
        for one in reports
        for check in one["results"]["failed_checks"]
        if check["check_id"] == ROTATION
    }


def _refused(result: subprocess.CompletedProcess[str]) -> str:
    """The one refusal line; the scan printed no report."""
    assert result.returncode == 2, result.stderr[-2000:]
    assert "FAILED for resource" not in result.stdout and '"failed_checks"' not in result.stdout
    lines = [line for line in result.stderr.splitlines() if REFUSAL in line]
    assert lines, result.stderr[-2000:]
    return lines[0]


# -- the release: what is hashed, what is signed ---------------------------------------------------------


def test_a_development_checkout_pins_no_manifest_and_loads_unchecked() -> None:
    assert loader.MANIFEST_SHA256 is None
    assert not (CHECKS_DIR / loader.MANIFEST_NAME).exists()
    assert loader.verify_pack(PACK_DIR, None) is None
    with pytest.raises(loader.PackIntegrityError, match="development checkout"):
        release.verify_installed(PACK_DIR)


def test_the_manifest_lists_every_file_of_the_pack_in_sha256sum_format(released: Path) -> None:
    manifest = (released / "checkov_checks" / loader.MANIFEST_NAME).read_bytes()
    entries = loader.parse_manifest(manifest)
    on_disk = {
        path.relative_to(released).as_posix()
        for path in released.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert set(entries) == on_disk - loader.TRUST_ROOT
    for name in ("__init__.py", "checkov_adapter.py", RULE_FILE, "rules/kms/kms_key_rotation.yaml", "frameworks.yaml"):
        assert name in entries
    assert "schema/rule.schema.json" in entries and "checkov_checks/__init__.py" in entries
    assert {name for name in entries if name.endswith(".py")} == {
        path.relative_to(released).as_posix() for path in released.rglob("*.py")
    } - loader.TRUST_ROOT
    for name, digest in entries.items():
        assert hashlib.sha256((released / name).read_bytes()).hexdigest() == digest
    assert manifest.decode().splitlines() == [f"{entries[name]}  {name}" for name in sorted(entries)]
    # The loader pins the manifest, in the bytes its signature covers.
    loader_source = (released / "checkov_checks" / loader.LOADER_NAME).read_bytes()
    assert release.pinned_digest(release.strip_trailer(loader_source)) == hashlib.sha256(manifest).hexdigest()


def test_checkov_verifies_the_signed_checks_folder_with_the_release_key_only(
    released: Path, keys: tuple[Path, Path], tmp_path: Path
) -> None:
    checks = str(released / "checkov_checks")
    verified = verify_external_checks_dirs([checks], load_public_keys([str(keys[1])]))
    assert {Path(path).name for path in verified} == {"__init__.py", loader.LOADER_NAME}
    _, other = _key_pair(tmp_path, "other")
    with pytest.raises(SignatureVerificationError):
        verify_external_checks_dirs([checks], load_public_keys([str(other)]))
    assert "signed by" in release.verify_installed(released, [keys[1]])


def test_checkovs_graph_check_loader_ignores_the_manifest(released: Path) -> None:
    """Checkov reads every .yaml/.yml/.json of the folder as a graph policy; MANIFEST.sha256 is none of them."""
    registry = Registry(checks_dir=str(released / "no-built-in-checks"))
    registry.load_external_checks(str(released / "checkov_checks"))
    assert registry.checks == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda pack: (pack / RULE_FILE).write_text((pack / RULE_FILE).read_text() + "\n# changed\n"), "differs"),
        (lambda pack: (pack / "rules" / "kms" / "kms_key_rotation.yaml").unlink(), "is missing"),
        (lambda pack: (pack / "rules" / "extra_rule.py").write_text("RULE = 1\n"), "is not in the release manifest"),
        (lambda pack: (pack / "frameworks.yaml").write_text("{}\n"), "differs"),
    ],
    ids=["changed rule", "removed metadata", "added module", "changed frameworks"],
)
def test_any_change_to_a_pack_file_is_refused(pack: Path, change, problem: str) -> None:
    pinned = release.pinned_digest(release.strip_trailer((pack / "checkov_checks" / loader.LOADER_NAME).read_bytes()))
    assert loader.verify_pack(pack, pinned)
    change(pack)
    with pytest.raises(loader.PackIntegrityError, match=problem):
        loader.verify_pack(pack, pinned)


def test_a_manifest_that_is_not_the_pinned_one_is_refused(pack: Path) -> None:
    manifest = pack / "checkov_checks" / loader.MANIFEST_NAME
    pinned = hashlib.sha256(manifest.read_bytes()).hexdigest()
    assert loader.verify_pack(pack, pinned)
    manifest.write_bytes(loader.render_manifest(pack).replace(b"  frameworks.yaml", b"  frameworks.yml"))
    with pytest.raises(loader.PackIntegrityError, match="not the manifest the loader pins"):
        loader.verify_pack(pack, pinned)
    manifest.unlink()
    with pytest.raises(loader.PackIntegrityError, match="is missing"):
        loader.verify_pack(pack, pinned)


# -- real scans ------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_signed_pack_loads_under_checkovs_signature_check_and_reports(
    released: Path, keys: tuple[Path, Path]
) -> None:
    result = _checkov(released, "--framework", "terraform", "-o", "json", public_key=keys[1])
    assert result.returncode == 1, result.stderr[-2000:]
    assert _failed(result) == KMS_FAILURES


@pytest.mark.slow
def test_a_changed_rule_file_stops_checkov(pack: Path, keys: tuple[Path, Path]) -> None:
    """The rule now passes everything: without verification the scan would pass."""
    rule = pack / RULE_FILE
    rule.write_text(rule.read_text() + "\n\ndef evaluate(resource):\n    return passed('changed')\n")
    line = _refused(_checkov(pack, "--framework", "terraform", "-o", "json", public_key=keys[1]))
    assert f"policies/{RULE_FILE} differs from the release manifest" in line
    # Unsigned run of the same release: the pinned manifest still applies.
    assert f"policies/{RULE_FILE} differs" in _refused(_checkov(pack, "--framework", "terraform", "-o", "json"))


@pytest.mark.slow
def test_a_changed_rule_file_stops_checkov_when_it_forks_a_worker_per_framework(pack: Path) -> None:
    """With several frameworks Checkov runs each runner in a forked process and ignores one that exits: the
    refusal travels to the parent as Checkov's own signature error."""
    (pack / RULE_FILE).write_text((pack / RULE_FILE).read_text() + "\n# changed\n")
    result = _checkov(pack, "--framework", "terraform", "kubernetes", "-o", "json")
    assert f"policies/{RULE_FILE} differs" in _refused(result)
    assert "External checks signature verification failed; refusing to run the scan" in result.stderr


@pytest.mark.slow
def test_a_changed_manifest_stops_checkov(pack: Path, keys: tuple[Path, Path]) -> None:
    """A manifest that matches the changed files is not the one the signed loader pins; re-pinning it breaks
    the loader's signature, which Checkov checks before it loads anything."""
    rule = pack / RULE_FILE
    rule.write_text(rule.read_text() + "\n# changed\n")
    manifest = pack / "checkov_checks" / loader.MANIFEST_NAME
    manifest.write_bytes(loader.render_manifest(pack))
    assert "is not the manifest the loader pins" in _refused(
        _checkov(pack, "--framework", "terraform", public_key=keys[1])
    )
    loader_path = pack / "checkov_checks" / loader.LOADER_NAME
    signed = loader_path.read_bytes()
    body = release.strip_trailer(signed)
    repinned = release.pin(body, hashlib.sha256(manifest.read_bytes()).hexdigest())
    loader_path.write_bytes(repinned + signed[len(body) :])  # the old signature line
    result = _checkov(pack, "--framework", "terraform", public_key=keys[1])
    assert result.returncode == 2
    assert "External checks signature verification failed" in result.stderr
    assert f"signature verification failed: {loader.LOADER_NAME}" in result.stderr


@pytest.mark.slow
def test_a_planted_bytecode_cache_is_not_what_runs(pack: Path, keys: tuple[Path, Path]) -> None:
    """Python runs a rule's cached bytecode when its header matches the source's size and time; the verified
    pack compiles the verified source instead."""
    rule = pack / RULE_FILE
    planted = rule.read_text() + "\n\nPLANTED = True\n\n\ndef evaluate(resource):\n    return passed('planted')\n"
    stat = rule.stat()
    header = importlib.util.MAGIC_NUMBER + (0).to_bytes(4, "little")
    header += (int(stat.st_mtime) & 0xFFFFFFFF).to_bytes(4, "little") + (stat.st_size & 0xFFFFFFFF).to_bytes(
        4, "little"
    )
    cache = Path(importlib.util.cache_from_source(str(rule)))
    cache.parent.mkdir(exist_ok=True)
    cache.write_bytes(header + marshal.dumps(compile(planted, str(rule), "exec")))
    # A plain import runs the planted code...
    probe = _run([sys.executable, "-c", "import policies.rules.kms.kms_key_rotation as m; print(m.PLANTED)"], pack)
    assert probe.stdout.strip() == "True", probe.stderr[-2000:]
    # ...the verified pack does not.
    result = _checkov(pack, "--framework", "terraform", "-o", "json", public_key=keys[1])
    assert result.returncode == 1, result.stderr[-2000:]
    assert _failed(result) == KMS_FAILURES


@pytest.mark.slow
def test_an_unsigned_development_pack_still_loads(tmp_path: Path) -> None:
    pack = _copy_pack(tmp_path / "site")
    result = _checkov(pack, "--framework", "terraform", "-o", "json")
    assert result.returncode == 1, result.stderr[-2000:]
    assert _failed(result) == KMS_FAILURES


@pytest.mark.slow
def test_aisec_iac_scan_refuses_a_changed_pack_with_one_line(pack: Path) -> None:
    (pack / RULE_FILE).write_text((pack / RULE_FILE).read_text() + "\n# changed\n")
    command = [sys.executable, "-c", "import sys; from policies.cli import main; sys.exit(main())", "scan"]
    result = _run([*command, str(KMS_EXAMPLES), str(RULE_EXAMPLES / "s3" / "s3_encryption_cmk"), "--jobs", "2"], pack)
    assert result.returncode == 2, result.stderr[-2000:]
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{REFUSAL}policies/{RULE_FILE} differs from the release manifest "
        f"({pack / 'checkov_checks' / loader.MANIFEST_NAME})"
    ]
