"""Terraform JSON configuration syntax (``*.tf.json``) -> equivalent HCL native syntax text.

Checkov 3.3.30 never loads ``.tf.json`` files (``tf_parser._internal_dir_load`` collects ``.tf`` and ``.hcl``
only), so a module written in JSON syntax (CDKTF's ``cdk.tf.json``, generated Terraform) would pass silently.
This module rewrites such a file as native syntax that Checkov's HCL parser (``hcl2``) reads into the same
shape it gives for the hand-written twin, so every rule judges the converted resources as it judges HCL.

The mapping follows Terraform's JSON syntax rules:

* top-level properties are block types; labels are nested object keys (``resource`` -> type -> name), and at
  any label level an array of objects stands for several blocks; a ``"//"`` property in a block body is a
  comment and is dropped;
* in an expression, a JSON string is a string template: ``"${var.kms}"`` becomes the expression
  ``var.kms``, ``"pre-${var.x}"`` stays a quoted template; ``$${`` and ``%%{`` keep meaning literal ``${`` and
  ``%{``. Where Terraform reads a literal (a variable's ``default`` and ``description``, a module's ``source``
  and ``version``, the ``terraform`` block) the string is escaped so nothing is interpolated; where it reads a
  reference or keyword (``depends_on``, ``provider``, ``lifecycle.ignore_changes``, a dynamic block's
  ``iterator``, a variable's ``type``) the string is written bare after a strict syntax check;
* an object or array of objects inside a resource body is a nested block or an attribute: only the provider
  schema knows which. See ``_is_block`` for the heuristic and docs/checkov.md for its limits.

``moved``, ``import``, ``removed`` and ``check`` blocks carry no resource configuration a rule reads and are
left out. Anything that is not Terraform JSON syntax raises ``TerraformJsonError``; nothing else is raised.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from json.decoder import scanstring
from pathlib import Path
from typing import Any

__all__ = [
    "Conversion",
    "TerraformJsonError",
    "convert",
    "convert_file",
    "is_terraform_json",
    "to_hcl",
]

MAX_DEPTH = 100  # nesting (JSON objects and arrays) a configuration may use; deeper input is refused

_TOP_LEVEL_LABELS = {
    "resource": 2,
    "data": 2,
    "variable": 1,
    "output": 1,
    "module": 1,
    "provider": 1,
    "locals": 0,
    "terraform": 0,
}
_IGNORED_TOP_LEVEL = frozenset({"moved", "import", "removed", "check"})
_COMMENT = "//"

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
# Block type names of Terraform providers' schemas: lowercase snake_case.
_BLOCK_MEMBER = re.compile(r"^[a-z][a-z0-9_]*$")
# A reference: var.x, aws_s3_bucket.b, module.m.out, aws.west, aws_s3_bucket.b[0].arn, each.value["k"].
_TRAVERSAL = re.compile(r'^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_*][A-Za-z0-9_-]*|\.\d+|\[\d+\]|\["[^"\\\n]*"\])*$')
# A type constraint (string, list(object({a = optional(string, "x")})), ...): one line, no template.
_TYPE_CONSTRAINT = re.compile(r'^[A-Za-z0-9_(){}\[\],=:. "-]+$')

# Attributes of map or object type whose members have lowercase snake_case names often enough to look like a
# block's: always written as attributes (`tags = {...}`).
MAP_ATTRIBUTES = frozenset(
    {
        "tags",
        "tags_all",
        "labels",
        "annotations",
        "variables",
        "environment_variables",
        "parameters",
        "hyperparameters",
        "stage_variables",
        "request_parameters",
        "request_templates",
        "request_models",
        "response_parameters",
        "response_templates",
        "response_models",
        "default_arguments",
        "node_selector",
        "match_labels",
        "limits",
        "requests",
        "data",
        "binary_data",
        "string_data",
        "options",
        "properties",
        "context",
        "triggers",
        "metadata_map",
        "secrets",
    }
)
# `environment` is a block in some resources (aws_lambda_function, aws_codebuild_project) and a map of
# environment variables in others (SageMaker model containers): a block when it holds one of these members.
_ENVIRONMENT_BLOCK_MEMBERS = frozenset({"variables", "compute_type", "image", "type", "environment_variable"})
# Providers whose schemas have no nested blocks, only object attributes (generated from CloudFormation).
_ATTRIBUTE_ONLY_PREFIXES = ("awscc_",)


class TerraformJsonError(ValueError):
    """The document is not Terraform JSON configuration syntax (or nests deeper than ``MAX_DEPTH``)."""


@dataclass(frozen=True)
class BlockLines:
    """Where one top-level block (a resource, a variable, ...) lies in the JSON file and in the HCL text."""

    address: str  # "aws_s3_bucket.b", "data.aws_iam_policy_document.d", "variable.kms", "locals", ...
    hcl_start: int
    hcl_end: int
    json_start: int
    json_end: int


@dataclass(frozen=True)
class Conversion:
    """Native syntax text for one JSON file, and where each of its top-level blocks came from."""

    hcl: str
    blocks: tuple[BlockLines, ...] = field(default_factory=tuple)

    def json_lines(self, hcl_start: int, hcl_end: int) -> tuple[int, int]:
        """The JSON line range of the top-level block that holds HCL lines ``hcl_start``..``hcl_end``.

        Checkov reports a resource's lines in the converted text; this gives the lines of the same resource
        (its name's object) in the JSON file. Lines outside every block map to ``(1, 1)``.
        """
        for block in self.blocks:
            if block.hcl_start <= hcl_start <= block.hcl_end:
                return block.json_start, block.json_end
        return 1, 1


# -- public API ------------------------------------------------------------------------------------------


def is_terraform_json(path: str | Path) -> bool:
    """A file Terraform reads as JSON configuration syntax: its name ends in ``.tf.json``."""
    return Path(path).name.endswith(".tf.json")


def to_hcl(document: Any, source: str) -> str:
    """Native syntax for a decoded Terraform JSON document; ``source`` names it in error messages."""
    return _Converter(source, {}).convert(document).hcl


def convert(text: str, source: str) -> Conversion:
    """Native syntax for the text of a ``.tf.json`` file, with the line ranges of its top-level blocks."""
    positions: dict[int, tuple[int, int]] = {}
    document = _parse_json(text, source, positions)
    return _Converter(source, positions).convert(document)


def convert_file(path: str | Path) -> Conversion:
    """``convert`` for a file on disk (read as UTF-8, a byte order mark allowed)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise TerraformJsonError(f"{path}: cannot read: {error}") from error
    return convert(text, str(path))


# -- JSON with line numbers --------------------------------------------------------------------------------

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")


def _parse_json(text: str, source: str, positions: dict[int, tuple[int, int]]) -> Any:
    """Strict JSON (RFC 8259) that records the first and last line of every object in ``positions``
    (keyed by ``id`` of the dict). Python's ``json`` gives no positions and accepts ``NaN``."""
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def line_of(index: int) -> int:
        low, high = 0, len(line_starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if line_starts[middle] <= index:
                low = middle
            else:
                high = middle - 1
        return low + 1

    def fail(message: str, index: int) -> TerraformJsonError:
        return TerraformJsonError(f"{source}:{line_of(min(index, len(text)))}: invalid JSON: {message}")

    def skip(index: int) -> int:
        return _WHITESPACE.match(text, index).end()  # type: ignore[union-attr]

    def string(index: int) -> tuple[str, int]:
        try:
            return scanstring(text, index + 1, True)
        except ValueError as error:
            raise fail(str(error).split(":")[0], index) from error

    def value(index: int, depth: int) -> tuple[Any, int]:
        if depth > MAX_DEPTH:
            raise fail(f"nested deeper than {MAX_DEPTH} levels", index)
        index = skip(index)
        char = text[index : index + 1]
        if char == "{":
            start, result = index, {}
            index = skip(index + 1)
            if text[index : index + 1] == "}":
                positions[id(result)] = (line_of(start), line_of(index))
                return result, index + 1
            while True:
                if text[index : index + 1] != '"':
                    raise fail("expected a property name", index)
                key, index = string(index)
                index = skip(index)
                if text[index : index + 1] != ":":
                    raise fail("expected ':'", index)
                result[key], index = value(index + 1, depth + 1)
                index = skip(index)
                if text[index : index + 1] == ",":
                    index = skip(index + 1)
                    continue
                if text[index : index + 1] == "}":
                    positions[id(result)] = (line_of(start), line_of(index))
                    return result, index + 1
                raise fail("expected ',' or '}'", index)
        if char == "[":
            items: list[Any] = []
            index = skip(index + 1)
            if text[index : index + 1] == "]":
                return items, index + 1
            while True:
                item, index = value(index, depth + 1)
                items.append(item)
                index = skip(index)
                if text[index : index + 1] == ",":
                    index += 1
                    continue
                if text[index : index + 1] == "]":
                    return items, index + 1
                raise fail("expected ',' or ']'", index)
        if char == '"':
            return string(index)
        for word, literal in (("true", True), ("false", False), ("null", None)):
            if text.startswith(word, index):
                return literal, index + len(word)
        number = _NUMBER.match(text, index)
        if number:
            token = number.group()
            is_integer = not any(mark in token for mark in ".eE")
            return (int(token) if is_integer else float(token)), number.end()
        raise fail("unexpected character" if char else "unexpected end of file", index)

    document, end = value(0, 0)
    end = skip(end)
    if end != len(text):
        raise fail("extra data after the document", end)
    return document


# -- JSON values -> native syntax ----------------------------------------------------------------------------


def _escape(text: str) -> str:
    """A quoted-string body: backslash escapes for quotes, backslashes and control characters."""
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def _literal_string(text: str) -> str:
    """A string Terraform reads literally: no interpolation, no directive."""
    return '"' + _escape(text).replace("${", "$${").replace("%{", "%%{") + '"'


def _end_of_sequence(text: str, start: int, source: str) -> int:
    """``text[start:]`` begins a ``${`` or ``%{`` sequence: the index just past its closing brace.

    Braces inside the expression's own quoted strings (which may hold templates again) do not count.
    """
    depth, index = 0, start
    while index < len(text):
        char = text[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index + 1
        elif char == '"':
            index = _end_of_quoted(text, index, source)
            continue
        index += 1
    raise TerraformJsonError(f"{source}: unterminated template sequence in {text!r}")


def _end_of_quoted(text: str, start: int, source: str) -> int:
    index = start + 1
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == '"':
            return index + 1
        if text.startswith(("$${", "%%{"), index):
            index += 3
            continue
        if text.startswith(("${", "%{"), index):
            index = _end_of_sequence(text, index + 1, source)
            continue
        index += 1
    raise TerraformJsonError(f"{source}: unterminated string inside a template: {text!r}")


def _template_parts(text: str, source: str) -> Iterator[tuple[bool, str]]:
    """``(is_sequence, text)`` parts of a string template; ``$${`` and ``%%{`` stay in literal parts."""
    literal_start, index = 0, 0
    while index < len(text):
        if text.startswith(("$${", "%%{"), index):  # escaped: a literal ${ or %{
            index += 3
        elif text.startswith(("${", "%{"), index):
            if index > literal_start:
                yield False, text[literal_start:index]
            end = _end_of_sequence(text, index + 1, source)
            yield True, text[index:end]
            literal_start = index = end
        else:
            index += 1
    if literal_start < len(text):
        yield False, text[literal_start:]


def _template(text: str, source: str) -> str:
    """A JSON string in expression context -> a native expression (bare for a lone interpolation)."""
    parts = list(_template_parts(text, source))
    if len(parts) == 1 and parts[0][0] and parts[0][1].startswith("${"):
        inner = parts[0][1][2:-1]
        if not inner.startswith("~") and not inner.endswith("~") and inner.strip():
            expression = inner.strip()
            return f"({expression})" if "\n" in expression or "\r" in expression else expression
    out = []
    for is_sequence, part in parts:
        if is_sequence:
            if "\n" in part or "\r" in part:  # a quoted template cannot span lines in the native parser
                raise TerraformJsonError(f"{source}: multi-line template sequence inside a string: {text!r}")
            out.append(part)
        else:
            out.append(_escape(part))
    return '"' + "".join(out) + '"'


def _number(value: int | float, source: str) -> str:
    if isinstance(value, float):
        if not math.isfinite(value):
            raise TerraformJsonError(f"{source}: {value} is not a JSON number")
        text = repr(value)
        return format(Decimal(text), "f") if "e" in text else text  # the native parser reads no exponent
    return str(value)


def _reference(value: Any, source: str, what: str) -> str:
    """A string Terraform reads as a reference or keyword (``aws_s3_bucket.b``, ``aws.west``, ``all``)."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("${") and text.endswith("}"):
            text = text[2:-1].strip()
        if _TRAVERSAL.match(text):
            return text
    raise TerraformJsonError(f"{source}: {what} must be a reference, got {value!r}")


def _type_constraint(value: Any, source: str) -> str:
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("${") and text.endswith("}"):
            text = text[2:-1].strip()
        if text and _TYPE_CONSTRAINT.match(text):
            return text
    raise TerraformJsonError(f"{source}: a variable's type must be a type constraint, got {value!r}")


# -- the converter -------------------------------------------------------------------------------------------

_Body = dict[str, Any]


class _Converter:
    def __init__(self, source: str, positions: dict[int, tuple[int, int]]) -> None:
        self.source = source
        self.positions = positions
        self.lines: list[str] = []
        self.blocks: list[BlockLines] = []

    def error(self, message: str) -> TerraformJsonError:
        return TerraformJsonError(f"{self.source}: {message}")

    def convert(self, document: Any) -> Conversion:
        try:
            self._document(document)
        except RecursionError as error:  # a decoded document handed to to_hcl may nest without bound
            raise self.error("nested too deeply") from error
        return Conversion("\n".join(self.lines) + "\n" if self.lines else "", tuple(self.blocks))

    # structure

    def _document(self, document: Any) -> None:
        if not isinstance(document, dict):
            raise self.error("a Terraform JSON file holds one JSON object")
        for block_type, value in document.items():
            if block_type == _COMMENT or block_type in _IGNORED_TOP_LEVEL:
                continue
            if block_type not in _TOP_LEVEL_LABELS:
                raise self.error(f"{block_type!r} is not a Terraform block type")
            for labels, body in self._labelled(value, _TOP_LEVEL_LABELS[block_type], block_type):
                self._top_level_block(block_type, labels, body)

    def _labelled(self, value: Any, count: int, where: str) -> Iterator[tuple[tuple[str, ...], _Body]]:
        """``(labels, body)`` of the blocks a property holds: labels are nested keys; arrays repeat."""
        if isinstance(value, list):
            for item in value:
                yield from self._labelled(item, count, where)
            return
        if not isinstance(value, dict):
            raise self.error(f"{where}: expected an object, got {_kind(value)}")
        if count == 0:
            yield (), value
            return
        for label, inner in value.items():
            if label == _COMMENT:
                continue
            if not _IDENTIFIER.match(label):
                raise self.error(f"{where}: {label!r} is not a valid name")
            for labels, body in self._labelled(inner, count - 1, f"{where}.{label}"):
                yield (label, *labels), body

    def _top_level_block(self, block_type: str, labels: tuple[str, ...], body: _Body) -> None:
        address = {
            "resource": ".".join(labels),
            "data": ".".join(("data", *labels)),
        }.get(block_type, ".".join((block_type, *labels)))
        hcl_start = len(self.lines) + 1
        header = " ".join([block_type, *(f'"{label}"' for label in labels)])
        members: Callable[[_Body, int], None]
        if block_type in ("resource", "data"):
            attribute_only = labels[0].startswith(_ATTRIBUTE_ONLY_PREFIXES)
            members = lambda body, depth: self._resource_body(body, depth, attribute_only)  # noqa: E731
        else:
            members = getattr(self, f"_{block_type}_body")
        self.lines.append(header + " {")
        members(body, 1)
        self.lines.append("}")
        json_start, json_end = self.positions.get(id(body), (1, 1))
        self.blocks.append(BlockLines(address, hcl_start, len(self.lines), json_start, json_end))

    def _emit(self, depth: int, text: str) -> None:
        self.lines.append("  " * depth + text)

    def _attribute(self, depth: int, name: str, expression: str) -> None:
        if not _IDENTIFIER.match(name):
            raise self.error(f"{name!r} is not a valid argument name")
        self._emit(depth, f"{name} = {expression}")

    def _block(self, depth: int, header: str, body: Any, members: Callable[[_Body, int], None]) -> None:
        if not isinstance(body, dict):
            raise self.error(f"{header}: a block body must be an object, got {_kind(body)}")
        if depth > MAX_DEPTH:
            raise self.error(f"blocks nested deeper than {MAX_DEPTH} levels")
        self._emit(depth, header + " {")
        members(body, depth + 1)
        self._emit(depth, "}")

    def _blocks(self, depth: int, name: str, value: Any, members: Callable[[_Body, int], None]) -> None:
        for body in value if isinstance(value, list) else [value]:
            self._block(depth, name, body, members)

    # block bodies

    def _resource_body(self, body: _Body, depth: int, attribute_only: bool) -> None:
        def nested(inner: _Body, inner_depth: int) -> None:
            self._resource_body(inner, inner_depth, attribute_only)

        for name, value in body.items():
            if name == _COMMENT:
                continue
            if name == "depends_on":
                self._attribute(depth, name, self._references(value, name))
            elif name == "provider":
                self._attribute(depth, name, _reference(value, self.source, name))
            elif name == "lifecycle":
                self._blocks(depth, name, value, self._lifecycle_body)
            elif name == "provisioner":
                self._provisioners(depth, value)
            elif name == "connection":
                self._blocks(depth, name, value, self._plain_body)
            elif name == "dynamic":
                self._dynamic(depth, value, nested)
            elif not attribute_only and _is_block(name, value):
                self._blocks(depth, name, value, nested)
            else:
                self._attribute(depth, name, self._expression(value, depth))

    def _plain_body(self, body: _Body, depth: int) -> None:
        """A block whose members are all attributes (connection, precondition, validation, ...)."""
        for name, value in body.items():
            if name != _COMMENT:
                self._attribute(depth, name, self._expression(value, depth))

    def _lifecycle_body(self, body: _Body, depth: int) -> None:
        for name, value in body.items():
            if name == _COMMENT:
                continue
            if name == "ignore_changes" and isinstance(value, str):
                self._attribute(depth, name, _reference(value, self.source, name))  # "all"
            elif name in ("ignore_changes", "replace_triggered_by"):
                self._attribute(depth, name, self._references(value, name))
            elif name in ("precondition", "postcondition"):
                self._blocks(depth, name, value, self._plain_body)
            else:
                self._attribute(depth, name, self._expression(value, depth))

    def _provisioners(self, depth: int, value: Any) -> None:
        for (kind,), body in self._labelled(value, 1, "provisioner"):

            def members(inner: _Body, inner_depth: int) -> None:
                for name, item in inner.items():
                    if name == _COMMENT:
                        continue
                    if name in ("when", "on_failure"):
                        self._attribute(inner_depth, name, _reference(item, self.source, name))
                    elif name == "connection":
                        self._blocks(inner_depth, name, item, self._plain_body)
                    else:
                        self._attribute(inner_depth, name, self._expression(item, inner_depth))

            self._block(depth, f'provisioner "{kind}"', body, members)

    def _dynamic(self, depth: int, value: Any, nested: Callable[[_Body, int], None]) -> None:
        for (name,), body in self._labelled(value, 1, "dynamic"):

            def members(inner: _Body, inner_depth: int) -> None:
                for key, item in inner.items():
                    if key == _COMMENT:
                        continue
                    if key == "iterator":
                        self._attribute(inner_depth, key, _reference(item, self.source, key))
                    elif key == "content":
                        self._blocks(inner_depth, key, item, nested)
                    else:
                        self._attribute(inner_depth, key, self._expression(item, inner_depth))

            self._block(depth, f'dynamic "{name}"', body, members)

    def _variable_body(self, body: _Body, depth: int) -> None:
        for name, value in body.items():
            if name == _COMMENT:
                continue
            if name == "type":
                self._attribute(depth, name, _type_constraint(value, self.source))
            elif name in ("default", "description"):
                self._attribute(depth, name, self._literal(value, depth))
            elif name == "validation":
                self._blocks(depth, name, value, self._plain_body)
            else:
                self._attribute(depth, name, self._expression(value, depth))

    def _output_body(self, body: _Body, depth: int) -> None:
        for name, value in body.items():
            if name == _COMMENT:
                continue
            if name == "depends_on":
                self._attribute(depth, name, self._references(value, name))
            elif name == "description":
                self._attribute(depth, name, self._literal(value, depth))
            elif name == "precondition":
                self._blocks(depth, name, value, self._plain_body)
            else:
                self._attribute(depth, name, self._expression(value, depth))

    def _locals_body(self, body: _Body, depth: int) -> None:
        self._plain_body(body, depth)

    def _module_body(self, body: _Body, depth: int) -> None:
        for name, value in body.items():
            if name == _COMMENT:
                continue
            if name in ("source", "version"):
                self._attribute(depth, name, self._literal(value, depth))
            elif name == "depends_on":
                self._attribute(depth, name, self._references(value, name))
            elif name == "providers":
                if not isinstance(value, dict):
                    raise self.error(f"a module's providers must be an object, got {_kind(value)}")
                pairs = [
                    f"{_reference(key, self.source, name)} = {_reference(item, self.source, name)}"
                    for key, item in value.items()
                    if key != _COMMENT
                ]
                self._attribute(depth, name, "{ " + ", ".join(pairs) + " }" if pairs else "{}")
            else:
                self._attribute(depth, name, self._expression(value, depth))

    def _provider_body(self, body: _Body, depth: int) -> None:
        for name, value in body.items():
            if name == _COMMENT:
                continue
            if name == "alias":
                self._attribute(depth, name, self._literal(value, depth))
            elif _is_block(name, value):
                self._blocks(depth, name, value, self._provider_body)
            else:
                self._attribute(depth, name, self._expression(value, depth))

    def _terraform_body(self, body: _Body, depth: int) -> None:
        for name, value in body.items():
            if name == _COMMENT:
                continue
            if name in ("backend", "provider_meta"):
                for (label,), inner in self._labelled(value, 1, name):
                    self._block(depth, f'{name} "{label}"', inner, self._literal_body)
            elif name in ("required_providers", "cloud"):
                self._blocks(depth, name, value, self._literal_body)
            elif name == "experiments":
                self._attribute(depth, name, self._references(value, name))
            else:
                self._attribute(depth, name, self._literal(value, depth))

    def _literal_body(self, body: _Body, depth: int) -> None:
        for name, value in body.items():
            if name == _COMMENT:
                continue
            if name == "workspaces" and isinstance(value, dict):
                self._blocks(depth, name, value, self._literal_body)
            else:
                self._attribute(depth, name, self._literal(value, depth))

    # values

    def _references(self, value: Any, what: str) -> str:
        if not isinstance(value, list):
            raise self.error(f"{what} must be an array of references, got {_kind(value)}")
        return "[" + ", ".join(_reference(item, self.source, what) for item in value) + "]"

    def _expression(self, value: Any, depth: int) -> str:
        return self._value(value, depth, literal=False)

    def _literal(self, value: Any, depth: int) -> str:
        return self._value(value, depth, literal=True)

    def _value(self, value: Any, depth: int, literal: bool) -> str:
        if depth > MAX_DEPTH:
            raise self.error(f"values nested deeper than {MAX_DEPTH} levels")
        if value is None:
            return "null"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return _number(value, self.source)
        if isinstance(value, str):
            return _literal_string(value) if literal else _template(value, self.source)
        if isinstance(value, list):
            return "[" + ", ".join(self._value(item, depth + 1, literal) for item in value) + "]"
        if isinstance(value, dict):
            if not value:
                return "{}"
            members = []
            for key, item in value.items():
                if not isinstance(key, str):
                    raise self.error(f"object keys must be strings, got {key!r}")
                name = _literal_string(key) if literal else _template(key, self.source)
                if not name.startswith('"'):  # "${var.k}" as a key: an expression, in parentheses
                    name = f"({name})"
                members.append(f"{name} = {self._value(item, depth + 1, literal)}")
            return "{ " + ", ".join(members) + " }"
        raise self.error(f"{_kind(value)} is not a JSON value")


def _is_block(name: str, value: Any) -> bool:
    """Whether a resource body's object (or array of objects) is a nested block rather than an attribute.

    Terraform decides with the provider schema, which a scanner does not have. The heuristic:
    * an object whose members all have block-member names (lowercase snake_case, as every provider schema
      spells its arguments), or a non-empty array of such objects, is a block (or repeated blocks);
    * known map attributes (``MAP_ATTRIBUTES``: ``tags``, ``labels``, ``variables``, ...) and ``environment``
      without a block member are attributes;
    * anything else (a member such as ``Name``, ``kubernetes.io/role``, ``FOO_BAR``, an array holding
      something other than objects, an empty array) is an attribute.
    A map attribute mistaken for a block still reads the same to the rules: the adapter unwraps both shapes.
    """
    if name in MAP_ATTRIBUTES:
        return False
    bodies = value if isinstance(value, list) else [value]
    if not bodies or not all(isinstance(body, dict) for body in bodies):
        return False
    if name == "environment":
        return any(member in _ENVIRONMENT_BLOCK_MEMBERS for body in bodies for member in body)
    return all(_BLOCK_MEMBER.match(member) or member == _COMMENT for body in bodies for member in body)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(
        type(value), "null" if value is None else type(value).__name__
    )
