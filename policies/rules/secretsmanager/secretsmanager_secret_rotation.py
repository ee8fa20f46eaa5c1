"""CKV2_AISEC_16: every Secrets Manager secret has an automatic rotation.

A rotation belongs to a secret when its ``secret_id`` refers to the secret resource, or names it literally:
by name, or by ARN, whose last part is the name followed by a hyphen and six random characters.
"""

from __future__ import annotations

import re

from policies.graph import Graph
from policies.model import Resource, Result, failed, is_reference, is_unresolved, passed, unknown

ROTATION = "aws_secretsmanager_secret_rotation"
ARN_SUFFIX_LENGTH = 7  # "-" and six random characters
_INDEX = re.compile(r"\[[^\]]*\]")


def _base(address: str) -> str:
    return _INDEX.sub("", address)


def _is_literal(value: object) -> bool:
    return isinstance(value, str) and bool(value) and not is_reference(value) and not is_unresolved(value)


def _secret_name(secret_id: str) -> str:
    """The name part of a literal secret_id: the ARN's resource after ':secret:' (random suffix kept)."""
    return secret_id.split(":secret:", 1)[1] if secret_id.startswith("arn:") and ":secret:" in secret_id else secret_id


def names_secret(secret_id: str, name: str) -> bool:
    """Whether a literal secret_id (name or ARN) names the secret called ``name``."""
    if secret_id == name:
        return True
    if not secret_id.startswith("arn:"):
        return False
    part = _secret_name(secret_id)
    return part == name or (part.startswith(f"{name}-") and len(part) == len(name) + ARN_SUFFIX_LENGTH)


def _may_name(secret: Resource, secret_id: str) -> bool:
    """A literal secret_id may name a secret whose own name is not known at plan time."""
    name, prefix = secret.get("name"), secret.get("name_prefix")
    if is_unresolved(name) or is_reference(name):
        return True
    if _is_literal(name):
        return False
    if is_unresolved(prefix) or is_reference(prefix):
        return True
    return _is_literal(prefix) and _secret_name(secret_id).startswith(prefix)


def evaluate(resource: Resource, graph: Graph) -> Result:
    name = resource.get("name")
    found: list[Resource] = []
    undecided: list[Resource] = []
    for rotation in graph.of_type(ROTATION):
        secret_id = rotation.get("secret_id")
        if is_reference(secret_id):
            if any(_base(target.address) == _base(resource.address) for target in graph.resolve(secret_id, rotation)):
                found.append(rotation)
        elif is_unresolved(secret_id):
            undecided.append(rotation)
        elif _is_literal(secret_id):
            if _is_literal(name) and names_secret(secret_id, name):
                found.append(rotation)
            elif _may_name(resource, secret_id):
                undecided.append(rotation)
    if found:
        return passed(f"rotated by {', '.join(rotation.address for rotation in found)}")
    if undecided:
        rotation = undecided[0]
        return unknown(f"{rotation.address} (secret_id {rotation.get('secret_id')}) may rotate this secret")
    return failed(f"no {ROTATION} rotates this secret")
