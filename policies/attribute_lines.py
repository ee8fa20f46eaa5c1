"""The line of a finding's attribute within its resource, for SARIF regions.

A rule names the attribute that decided its verdict (``Result.attribute``), and the Checkov adapter reports it
as the check's ``evaluated_keys``: a path in Terraform's attribute syntax (``kms_key_id``,
``rule/apply_server_side_encryption_by_default/sse_algorithm``), the manifest's keys for Kubernetes
(``spec/containers/securityContext/runAsNonRoot``) or an instruction for Dockerfiles (``USER``). Checkov copies
the resource's source lines into every record (``code_block``); the attribute's line is the one that assigns
the path's last segment (``kms_key_id = ...``, a block header ``rule {``, ``"kmsKeyId":`` in JSON,
``runAsNonRoot:`` in YAML, ``USER app`` in a Dockerfile), searched after the lines of the path's earlier
segments where they are found.

No line when the attribute is absent from the code (the usual finding: "kms_key_id is unset"), or when the
last segment is assigned more than once after its parents (two ``rule`` blocks, two containers): the finding
then keeps the resource's lines rather than point at a line that may be the wrong one. A Dockerfile's
instruction is the last one of its name in the file (the final stage's USER is the one that counts).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_INDEX = re.compile(r"^\[\d*\]$")


def _assigns(name: str) -> re.Pattern[str]:
    """A line that sets ``name``: HCL ``name =`` / ``name {`` / ``dynamic "name" {``, JSON ``"name":``, YAML
    ``name:`` (also as a list item ``- name:``)."""
    key = re.escape(name)
    return re.compile(
        rf"""^\s*(?:-\s+)?(?:{key}\s*(?:=(?!=)|\{{|:)|"{key}"\s*[:=]|dynamic\s+"{key}"\s*\{{|'{key}'\s*:)"""
    )


def _instruction(name: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(name)}(?:\s|$)", re.IGNORECASE)


def evaluated_key(record: Any) -> str | None:
    """The first evaluated key of a record, if its check reported one."""
    result = getattr(record, "check_result", None)
    keys = result.get("evaluated_keys") if isinstance(result, dict) else None
    if isinstance(keys, (list, tuple)) and keys and isinstance(keys[0], str) and keys[0].strip():
        return keys[0].strip()
    return None


def attribute_line(key: str, code_block: Sequence[Any]) -> int | None:
    """The line number in ``code_block`` (``[(number, text), ...]``) that assigns ``key``, or ``None``."""
    lines = [(number, text) for number, text in _numbered(code_block)]
    segments = [segment for segment in key.split("/") if segment and not _INDEX.match(segment)]
    if not lines or not segments:
        return None
    if len(segments) == 1 and segments[0].isupper():  # a Dockerfile instruction
        matches = [number for number, text in lines if _instruction(segments[0]).match(text)]
        return matches[-1] if matches else None
    start = 0
    for segment in segments[:-1]:
        pattern = _assigns(segment)
        found = next((index for index in range(start, len(lines)) if pattern.match(lines[index][1])), None)
        if found is not None:
            start = found + 1
    pattern = _assigns(segments[-1])
    matches = [number for number, text in lines[start:] if pattern.match(text)]
    return matches[0] if len(matches) == 1 else None


def record_attribute_line(record: Any) -> int | None:
    """The line of a record's evaluated key within its resource's lines, or ``None`` (see the module)."""
    key = evaluated_key(record)
    code_block = getattr(record, "code_block", None)
    if key is None or not code_block:
        return None
    return attribute_line(key, code_block)


def _numbered(code_block: Sequence[Any]) -> list[tuple[int, str]]:
    found = []
    for item in code_block:
        if isinstance(item, (list, tuple)) and len(item) == 2 and isinstance(item[0], int):
            found.append((item[0], str(item[1])))
    return found
