"""OpenSearch Serverless security policies (``aws_opensearchserverless_security_policy``), read for the rules.

``policy`` is a JSON document whose shape depends on ``type``:

* ``encryption``: one object, ``{"Rules": [{"ResourceType": "collection", "Resource": ["collection/<name or
  prefix*>"]}], "AWSOwnedKey": true|false, "KmsARN": "..."}``. AWS ignores AWSOwnedKey when KmsARN is given.
* ``network``: a list of rule sets, ``[{"Rules": [...], "AllowFromPublic": true|false, "SourceVPCEs": [...],
  "SourceServices": [...]}]``; ResourceType is ``collection`` or ``dashboard``.

Checkov decodes ``jsonencode(...)`` in HCL; in plan JSON the document stays a string (the plan parser does not
list this attribute in ``RESOURCE_TYPES_JSONIFY``), and a document built from values known only after apply is
replaced by a reference (``aws_kms_key.k.arn``). Checkov's HCL reader also turns an object whose values are all
lists into a one-item list and a one-item list inside it into the item, so ``{"Rules": [{...}]}`` can arrive as
``[{"Rules": {...}}]``; the readers below accept both shapes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from policies.model import NotJson, Resource, as_json, as_list, is_reference, is_unresolved, is_unset

SECURITY_POLICY = "aws_opensearchserverless_security_policy"
COLLECTION = "aws_opensearchserverless_collection"


@dataclass(frozen=True)
class Document:
    """A decoded policy document, or why there is none (``problem``)."""

    body: Any = None
    problem: str | None = None


def policy_type(resource: Resource) -> str | None:
    """``encryption``, ``network`` (lower case) or another literal; None when not known at plan time."""
    value = resource.get("type")
    if not isinstance(value, str) or is_unresolved(value) or is_reference(value) or not value.strip():
        return None
    return value.strip().lower()


def document(resource: Resource) -> Document:
    raw = resource.get("policy")
    if is_unset(raw):
        return Document(problem="policy is empty")
    if is_unresolved(raw) or is_reference(raw):
        return Document(problem=f"policy is not known at plan time ({raw})")
    try:
        return Document(body=as_json(raw))
    except NotJson:
        return Document(problem="policy is not valid JSON")


def encryption_body(body: Any) -> Mapping[str, Any] | None:
    """The encryption policy object (also when Checkov wrapped it in a one-item list)."""
    if isinstance(body, list) and len(body) == 1:
        body = body[0]
    return body if isinstance(body, Mapping) else None


def rule_sets(body: Any) -> list[Mapping[str, Any]] | None:
    """The rule sets of a network policy (a single object counts as one); None for other shapes."""
    if isinstance(body, Mapping):
        return [body]
    if isinstance(body, list) and all(isinstance(item, Mapping) for item in body):
        return list(body)
    return None


def resource_patterns(container: Mapping[str, Any], resource_type: str) -> list[Any]:
    """Every ``Resource`` entry of the ``Rules`` whose ResourceType is ``resource_type``."""
    patterns: list[Any] = []
    for rule in as_list(container.get("Rules")):
        if not isinstance(rule, Mapping):
            continue
        kind = rule.get("ResourceType")
        if isinstance(kind, str) and kind.strip().lower() == resource_type:
            patterns.extend(as_list(rule.get("Resource")))
    return patterns


def matches_collection(pattern: Any, name: str) -> bool | None:
    """Whether ``collection/<name or prefix*>`` covers the collection ``name``; None when not known."""
    if not isinstance(pattern, str) or is_unresolved(pattern) or is_reference(pattern):
        return None
    prefix, _, target = pattern.strip().partition("/")
    if prefix.lower() != "collection" or not target:
        return False
    if target.endswith("*"):
        return name.startswith(target[:-1])
    return name == target
