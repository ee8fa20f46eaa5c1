"""Is this container user root? One answer for ECS ``user``, Kubernetes ``runAsUser`` and Dockerfile ``USER``.

The container runtime reads a user as ``user[:group]``: only the part before the first ``:`` decides who the
process runs as (``0:1000`` is root in group 1000; ``1000:0`` is not root). A user part made of digits, with
an optional sign, is a UID read as a number, so ``0``, ``00``, ``+0`` and ``-0`` are all UID 0; anything else
is a user name looked up in the image's ``/etc/passwd``, where ``root`` is UID 0. Surrounding blanks and one
pair of matching quotes (``"root"``, ``'0'``, as a Dockerfile or a template may leave them) are taken off
first: a value that reaches the runtime either way must not pass as non-root because of the way it was
written.

``is_root_user`` is public for every engine: the Checkov rules (CKV_AISEC_10, CKV_AISEC_100, CKV_AISEC_104)
and the Pulumi components' pre-flight checks use this function and no copy of it.
"""

from __future__ import annotations

import re
from typing import Any

ROOT_USER_NAME = "root"
_NUMERIC_USER = re.compile(r"^[+-]?[0-9]+$")


def user_part(value: str) -> str:
    """The user part of ``user[:group]``, without blanks and one pair of matching quotes around the value."""
    text = value.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    return text.split(":", 1)[0].strip()


def is_root_user(value: Any) -> bool | None:
    """True when ``value`` makes the container run as root, False when it names another user, and ``None``
    when it cannot be read (not a string or an integer, empty, or a boolean).

    Accepts an integer UID (``runAsUser: 0``), a float holding an integer, or a string in any form the
    runtime accepts (``"0"``, ``"+0"``, ``"00"``, ``" 0"``, ``"0:0"``, ``"root"``, ``"root:root"``,
    ``"\\"root\\""``, ``"0:1000"``). Variables (``$USER``, ``var.user``) are the caller's to resolve first.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value == 0
    if isinstance(value, float):
        return value == 0 if value.is_integer() else None
    if not isinstance(value, str):
        return None
    name = user_part(value)
    if not name:
        return None
    if _NUMERIC_USER.match(name):
        return int(name) == 0
    return name == ROOT_USER_NAME
