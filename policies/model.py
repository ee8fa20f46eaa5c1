"""The engine-neutral rule model: a normalized resource in, a verdict out.

A ``Resource`` holds attributes in the shape of Terraform's JSON plan ``values``: attributes are plain
values, nested blocks are lists of dicts, JSON-typed attributes are either a JSON string or the decoded
structure. Engines (Checkov, Pulumi) translate into this shape; rules never see engine types.

Values that the engine could not resolve stay as Terraform expressions (strings):

* a reference to another resource or data source (``aws_kms_key.k.arn``) is a real value whose content is
  unknown: it satisfies "must be set", but cannot be compared with a literal;
* a variable, local or module output (``var.kms``, ``local.x``, ``module.m.arn``), a function call the engine
  did not evaluate (``lookup(var.cfg, "kms_key_id", null)``) and a ``dynamic`` block's iterator
  (``guardrail_configuration.value.id``) are unresolved: a rule that needs the value returns UNKNOWN;
* in a plan, a value Terraform knows only after apply is ``KNOWN_AFTER_APPLY`` and counts as a reference.
"""

from __future__ import annotations

import ast
import enum
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any


class Verdict(enum.Enum):
    PASS = "PASS"
    FAIL = "FAIL"
    UNKNOWN = "UNKNOWN"


@dataclass(frozen=True)
class Result:
    """A verdict, the reason shown to users, and the attribute that decided it where one did.

    ``attribute`` is a path in Terraform's attribute syntax, as Checkov's ``evaluated_keys`` name it
    (``kms_key_id``, ``rule/apply_server_side_encryption_by_default/sse_algorithm``); for manifests the
    manifest's keys (``spec/containers/securityContext/runAsNonRoot``), for Dockerfiles the instruction (``USER``).
    """

    verdict: Verdict
    reason: str
    attribute: str | None = None


def passed(reason: str, attribute: str | None = None) -> Result:
    return Result(Verdict.PASS, reason, attribute)


def failed(reason: str, attribute: str | None = None) -> Result:
    return Result(Verdict.FAIL, reason, attribute)


def unknown(reason: str, attribute: str | None = None) -> Result:
    return Result(Verdict.UNKNOWN, reason, attribute)


def _winners(results: list[Result]) -> list[Result]:
    """The parts whose verdict decides the whole: any FAIL wins, then any UNKNOWN, then PASS."""
    for verdict in (Verdict.FAIL, Verdict.UNKNOWN, Verdict.PASS):
        winners = [result for result in results if result.verdict is verdict]
        if winners:
            return winners
    return []


def combine(results: list[Result], when_empty: Result) -> Result:
    """The verdict over several parts, with the reason (and attribute) of the first part that decides it."""
    winners = _winners(results)
    return winners[0] if winners else when_empty


def fold(results: list[Result], when_empty: Result) -> Result:
    """The verdict over several parts, with the reasons of every part that decides it, joined (and the first
    deciding part's attribute)."""
    winners = _winners(results)
    if not winners:
        return when_empty
    return Result(winners[0].verdict, "; ".join(result.reason for result in winners), winners[0].attribute)


@dataclass(frozen=True)
class Resource:
    """One resource (or data source) in normalized form.

    ``address`` is the engine's address (``aws_s3_bucket.data``, ``module.m.aws_s3_bucket.data[0]``,
    ``data.aws_iam_policy_document.d``); ``dynamic_blocks`` names the blocks (at any depth) written with
    ``dynamic``, whose content the engine may not have expanded.
    """

    type: str
    address: str
    attrs: Mapping[str, Any]
    dynamic_blocks: frozenset[str] = field(default_factory=frozenset)

    def get(self, name: str, default: Any = None) -> Any:
        return self.attrs.get(name, default)

    def blocks(self, name: str) -> list[dict[str, Any]]:
        return blocks_of(self.attrs, name)


def blocks_of(container: Mapping[str, Any] | Any, name: str) -> list[dict[str, Any]]:
    """The nested blocks called ``name``: always a list of dicts, whatever shape arrived."""
    if not isinstance(container, Mapping):
        return []
    value = container.get(name)
    if isinstance(value, Mapping):
        return [dict(value)]
    if isinstance(value, list):
        return [dict(item) for item in value if isinstance(item, Mapping)]
    return []


def first_block(container: Mapping[str, Any] | Any, name: str) -> dict[str, Any] | None:
    found = blocks_of(container, name)
    return found[0] if found else None


# -- Terraform expressions left unresolved by the engine -------------------------------------------------

_UNRESOLVED_ROOTS = ("var.", "local.", "module.", "each.", "count.", "path.", "terraform.", "self.")
_RESOURCE_REFERENCE = re.compile(
    r"^(data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z_][A-Za-z0-9_-]*(\[[^\]]*\])?(\.[A-Za-z0-9_\[\]\"*]+)*$"
)


def _expression(value: str) -> str:
    text = value.strip()
    if text.startswith("${") and text.endswith("}") and text.count("${") == 1:
        text = text[2:-1].strip()
    return text


# A function call the engine left as text: ``lookup({},"kms_key_id",None)``, ``try(var.cfg["k"],None)``. Only
# Terraform's built-in functions count: ``rate(90 days)`` and ``cron(0 4 * * ? *)`` are literal values.
_FUNCTION_GROUPS = (
    "abs ceil floor log max min parseint pow signum",
    "chomp endswith format formatlist indent join lower regex regexall replace split startswith strcontains",
    "strrev substr title trim trimprefix trimsuffix trimspace upper",
    "alltrue anytrue chunklist coalesce coalescelist compact concat contains distinct element flatten index keys",
    "length list lookup map matchkeys merge one range reverse setintersection setproduct setsubtract setunion",
    "slice sort sum transpose values zipmap",
    "base64decode base64encode base64gzip csvdecode jsondecode jsonencode textdecodebase64 textencodebase64",
    "urlencode yamldecode yamlencode abspath dirname pathexpand basename file fileexists fileset filebase64",
    "templatefile formatdate plantimestamp timeadd timecmp timestamp",
    "base64sha256 base64sha512 bcrypt filebase64sha256 filebase64sha512 filemd5 filesha1 filesha256 filesha512",
    "md5 rsadecrypt sha1 sha256 sha512 uuid uuidv5 cidrhost cidrnetmask cidrsubnet cidrsubnets",
    "can issensitive nonsensitive sensitive tobool tolist tomap tonumber toset tostring try type",
)
_FUNCTIONS = [name for group in _FUNCTION_GROUPS for name in group.split()]
_FUNCTION_NAMES = "|".join(_FUNCTIONS)
_FUNCTION_CALL = re.compile(rf"^(?:{_FUNCTION_NAMES}|provider::[a-z0-9_:]+)\(.*\)$", re.DOTALL)
_INTERPOLATED_CALL = re.compile(rf"\$\{{\s*(?:{_FUNCTION_NAMES})\(")
# The iterator of a ``dynamic`` block or ``for`` expression: ``guardrail_configuration.value.id``, ``rule.key``.
# ``<block>.key`` is a string, so it ends there; a provider's resource type never names a block
# (``aws_secretsmanager_secret.key.id`` is a reference to a resource called ``key``).
_ITERATOR = re.compile(
    r"^(?!(aws|awscc|azurerm|google|kubernetes|helm|random|null|tls|time|local|archive|http|external)_)"
    r"[A-Za-z_][A-Za-z0-9_-]*\.(value(\.|\[|$)|key$)"
)


def is_function_call(value: Any) -> bool:
    """A function call the engine could not evaluate: it is not a value, whatever its text."""
    return isinstance(value, str) and (
        bool(_FUNCTION_CALL.match(_expression(value))) or bool(_INTERPOLATED_CALL.search(value))
    )


def is_unresolved(value: Any) -> bool:
    """A variable, local or module output the engine did not resolve, a function call it did not evaluate, a
    ``dynamic`` block's iterator, or any string built from one of these."""
    if not isinstance(value, str):
        return False
    text = _expression(value)
    if text.startswith(_UNRESOLVED_ROOTS) or _ITERATOR.match(text) or is_function_call(value):
        return True
    return any(f"${{{root}" in value for root in _UNRESOLVED_ROOTS)


# A plan's value that Terraform will only know after apply (``after_unknown``), with no reference to name.
KNOWN_AFTER_APPLY = "(known after apply)"


def is_reference(value: Any) -> bool:
    """A reference to another resource or data source attribute, or a value known only after apply: set,
    but with unknown content."""
    if value == KNOWN_AFTER_APPLY:
        return True
    if not isinstance(value, str):
        return False
    text = _expression(value)
    return bool(_RESOURCE_REFERENCE.match(text)) and not _ITERATOR.match(text)


def referenced_address(value: Any) -> str | None:
    """``aws_s3_bucket.b[0].id`` -> ``aws_s3_bucket.b``; ``None`` for anything but a reference."""
    if value == KNOWN_AFTER_APPLY or not is_reference(value):
        return None
    parts = _expression(value).split(".")
    width = 3 if parts[0] == "data" else 2
    address = ".".join(parts[:width])
    return re.sub(r"\[[^\]]*\]$", "", address)


def is_unset(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def as_bool(value: Any) -> bool | None:
    """True/False for booleans and their string forms; ``None`` when it is not a boolean."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def as_list(value: Any) -> list[Any]:
    """A scalar as a one-item list, a list as itself, nothing as an empty list."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


class NotJson(ValueError):
    """A JSON-typed attribute that holds text which is not JSON."""


def as_json(value: Any) -> Any:
    """Decode a JSON-typed attribute: a string is parsed, a decoded structure is returned as it is.

    Raises ``NotJson`` for text that is not JSON; callers check ``is_unresolved``/``is_reference`` first.
    """
    if isinstance(value, str):
        try:
            return json.loads(value)
        except (ValueError, RecursionError) as error:
            raise NotJson(str(error)) from error
    return value


# Checkov leaves ``jsonencode(...)`` unevaluated when it cannot render the references inside (a list that names
# ``aws_s3_bucket.b.arn`` and then ``"${aws_s3_bucket.b.arn}/*"`` is enough), and writes its argument as a Python
# literal: ``${jsonencode({'Statement': [{'Resource': ['${aws_s3_bucket.b.arn}', ...]}]})}``.
_UNEVALUATED_JSONENCODE = re.compile(r"^\$\{jsonencode\((?P<literal>\{.*\}|\[.*\])\)\}$", re.DOTALL)


def jsonencode_literal(value: Any) -> Any:
    """The object or list inside such an unevaluated ``jsonencode``, read as a literal (never executed);
    ``None`` when the value has another shape or its argument is not a plain literal. References inside stay
    strings (``'${aws_s3_bucket.b.arn}/*'``), and so do unresolved parts (``'${var.actions}'``): callers judge
    them as such."""
    if not isinstance(value, str):
        return None
    match = _UNEVALUATED_JSONENCODE.match(value.strip())
    if not match:
        return None
    try:
        return ast.literal_eval(match.group("literal"))
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None


def walk_strings(value: Any) -> Iterator[str]:
    """Every string inside a nested structure (used to find unresolved parts)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from walk_strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from walk_strings(item)
