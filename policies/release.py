"""Release tooling: the manifest of the pack's files, and Checkov's signatures over the checks folder.

``python -m policies.release sign --key KEY.pem`` (at release time, in a clean checkout, before building):

1. signs every ``.py`` file of ``checkov_checks/`` except the loader (``__init__.py``) the way Checkov's
   ``--external-checks-public-key`` verifies it: a last line ``# checkov-digest: <hex>``, the DER-encoded
   ECDSA P-256 / SHA-256 signature of every byte before that line;
2. writes ``checkov_checks/MANIFEST.sha256``: the SHA-256 of every file of the package but bytecode caches,
   the loader and the manifest, in ``sha256sum`` format;
3. pins the manifest's SHA-256 in the loader (``MANIFEST_SHA256``) and signs the loader.

Checkov signs and verifies ``.py`` files only, so the manifest is covered through the signed pin. Without
``--key`` steps 2 and 3 run unsigned: the pack then checks itself against its manifest, but nothing proves
who wrote it. ``python -m policies.release verify [--public-key PUB.pem]`` checks an installed pack the way a
scan does, without scanning. See docs/verifying.md.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from policies.checkov_checks import aisec_iac_checks as loader

PACK_DIR = Path(__file__).resolve().parent
TRAILER_PREFIX = b"# checkov-digest: "
_PIN = re.compile(rb"^MANIFEST_SHA256: str \| None = (None|\"[0-9a-f]{64}\")$", re.MULTILINE)

EXIT_OK, EXIT_REFUSED = 0, 2


def checks_dir(pack_dir: Path) -> Path:
    return pack_dir / "checkov_checks"


def strip_trailer(data: bytes) -> bytes:
    """``data`` without a final ``# checkov-digest:`` line (a file is signed once)."""
    if not data.endswith(b"\n"):
        return data
    start = data.rfind(b"\n", 0, len(data) - 1) + 1
    return data[:start] if data[start:].startswith(TRAILER_PREFIX) else data


def sign_bytes(body: bytes, key_pem: bytes) -> bytes:
    """``body`` followed by the trailer Checkov verifies (``body`` gets a final newline if it lacks one)."""
    from ecdsa import NIST256p, SigningKey
    from ecdsa.util import sigencode_der

    key = SigningKey.from_pem(key_pem)
    if key.curve != NIST256p:
        raise ValueError("Checkov verifies ECDSA P-256 (prime256v1) keys only")
    if body and not body.endswith(b"\n"):
        body += b"\n"
    signature = key.sign_deterministic(body, hashfunc=hashlib.sha256, sigencode=sigencode_der)
    return body + TRAILER_PREFIX + signature.hex().encode("ascii") + b"\n"


def pinned_digest(loader_source: bytes) -> str | None:
    """The manifest digest a loader's source pins (None when it pins none)."""
    found = _PIN.search(loader_source)
    if found is None:
        raise ValueError(f"{loader.LOADER_NAME} has no MANIFEST_SHA256 line")
    value = found.group(1).decode("ascii")
    return None if value == "None" else value.strip('"')


def pin(loader_source: bytes, digest: str) -> bytes:
    pinned, count = _PIN.subn(f'MANIFEST_SHA256: str | None = "{digest}"'.encode("ascii"), loader_source)
    if count != 1:
        raise ValueError(f"{loader.LOADER_NAME} must have exactly one MANIFEST_SHA256 line")
    return pinned


def sign_pack(pack_dir: Path = PACK_DIR, key: Path | None = None) -> Path:
    """Write the manifest of ``pack_dir`` (the ``policies`` package folder), pin it in the loader and, with a
    private ``key`` (PEM, ECDSA P-256), sign every ``.py`` file of the checks folder. Returns the manifest."""
    key_pem = key.read_bytes() if key else None
    checks = checks_dir(pack_dir)
    loader_path = checks / loader.LOADER_NAME
    for path in sorted(checks.rglob("*.py")):
        if path != loader_path and "__pycache__" not in path.parts:
            body = strip_trailer(path.read_bytes())
            path.write_bytes(sign_bytes(body, key_pem) if key_pem else body)
    manifest = loader.render_manifest(pack_dir)
    manifest_path = checks / loader.MANIFEST_NAME
    manifest_path.write_bytes(manifest)
    body = pin(strip_trailer(loader_path.read_bytes()), hashlib.sha256(manifest).hexdigest())
    loader_path.write_bytes(sign_bytes(body, key_pem) if key_pem else body)
    return manifest_path


def verify_installed(pack_dir: Path = PACK_DIR, public_keys: Sequence[Path] = ()) -> str:
    """Check ``pack_dir`` as a scan would: Checkov's signatures over the checks folder (when ``public_keys``
    are given), then the manifest the loader pins, then every file. A summary, or ``PackIntegrityError``
    (also for a development checkout, which has no manifest to check)."""
    checks = checks_dir(pack_dir)
    loader_path = checks / loader.LOADER_NAME
    loader_source = loader_path.read_bytes()
    signed = ""
    if public_keys:
        from checkov.common.external_checks.verification import (
            SignatureVerificationError,
            load_public_keys,
            verify_external_checks_dirs,
        )

        try:
            keys = load_public_keys([str(path) for path in public_keys])
            verified = verify_external_checks_dirs([str(checks)], keys)
        except SignatureVerificationError as error:
            reason = " ".join(str(error).split())
            raise loader.PackIntegrityError(f"Checkov's signature check failed: {reason}") from None
        loader_source = verified[str(loader_path)]  # the pin is read from the bytes the signature covers
        signed = f"; {len(verified)} files of {checks} signed by {', '.join(key.fingerprint_hex[:16] for key in keys)}"
    else:
        loader_source = strip_trailer(loader_source)
    digest = pinned_digest(loader_source)
    sources = loader.verify_pack(pack_dir, digest)
    if sources is None:
        raise loader.PackIntegrityError(f"{pack_dir} is a development checkout: no release manifest to check")
    listed = len(loader.parse_manifest((checks / loader.MANIFEST_NAME).read_bytes()))
    pinned = f"pinned {digest}" if digest else "not pinned"
    return f"{listed} files of {pack_dir} match {loader.MANIFEST_NAME} ({pinned}){signed}"


def verify_or_refuse(checks: Path) -> None:
    """For ``aisec-iac scan``: stop with one line and exit status 2 when the pack whose checks folder is
    ``checks`` differs from its release manifest (what the loader would do in each scanning process)."""
    pack_dir = checks.resolve().parent
    try:
        # The loader imported here is the one in ``checks``: both belong to the running package.
        loader.verify_pack(pack_dir, loader.MANIFEST_SHA256)
    except loader.PackIntegrityError as error:
        loader.refuse(str(error))
    except (OSError, ValueError) as error:
        loader.refuse(f"cannot check {pack_dir} ({type(error).__name__}: {error})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m policies.release", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    sign = commands.add_parser("sign", help="write the manifest, pin it in the loader and sign the checks folder")
    sign.add_argument("--key", type=Path, help="ECDSA P-256 private key (PEM); without it nothing is signed")
    verify = commands.add_parser("verify", help="check an installed pack against its signatures and manifest")
    verify.add_argument(
        "--public-key", type=Path, action="append", default=[], help="ECDSA P-256 public key (PEM); repeatable"
    )
    for command in (sign, verify):
        command.add_argument("--pack", type=Path, default=PACK_DIR, help="the policies package folder")
    options = parser.parse_args(argv)
    pack_dir = options.pack.resolve()
    if options.command == "sign":
        manifest = sign_pack(pack_dir, options.key)
        listed = len(loader.parse_manifest(manifest.read_bytes()))
        how = f"signed with {options.key}" if options.key else "UNSIGNED (no --key)"
        print(f"wrote {manifest} ({listed} files), pinned it in {loader.LOADER_NAME}; checks folder {how}")
        return EXIT_OK
    try:
        print(verify_installed(pack_dir, options.public_key))
    except loader.PackIntegrityError as error:
        print(f"aisec-iac: error: pack verification failed: {error}", file=sys.stderr)
        return EXIT_REFUSED
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
