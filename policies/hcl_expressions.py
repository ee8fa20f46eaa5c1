"""A small evaluator for the Terraform expressions that decide whether a resource exists and what a setting is.

Checkov renders variables into expressions, but gets null wrong: a variable whose value is ``null`` stays an
unresolved name, so ``var.x != null`` renders as true and ``var.x == null`` as false, and the resource gated
by such a ``count`` is created or dropped the wrong way round. This module evaluates the expressions reusable
modules use for toggles and optional inputs (``var.create ? 1 : 0``, ``var.kms_key_arn == null ? 1 : 0``,
``lookup(var.cfg, "kms_key_id", null)``, ``try(...)``, ``coalesce(...)``) from the variables' values (and
the locals' values the caller evaluates the same way), and answers ``UNKNOWN`` for anything else. It reads
the expression text of Checkov's HCL parser, which writes ``null`` as ``None`` and object literals in
Python's notation (``{'a': 1}``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()
"""The value of an expression that cannot be known from the configuration alone."""


@dataclass(frozen=True)
class Reference:
    """An attribute of another resource: never null, content known only after apply."""

    text: str


class _EvalError(Exception):
    """An expression Terraform itself would reject (an index into a map without that key): ``try`` catches it."""


_TOKEN = re.compile(
    r"""\s*(?:
        (?P<number>\d+(?:\.\d+)?)
      | (?P<string>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
      | (?P<name>[A-Za-z_][A-Za-z0-9_-]*)
      | (?P<op>==|!=|>=|<=|&&|\|\||\$\{|[!?:()\[\]{},.<>=*+/%-])
    )""",
    re.VERBOSE,
)


def _tokens(text: str) -> list[str]:
    found: list[str] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise _EvalError(f"cannot read {text[position:]!r}")
        found.append(match.group().strip())
        position = match.end()
    return found


def _unwrap(text: str) -> str:
    text = text.strip()
    if text.startswith("${") and text.endswith("}") and text.count("${") == 1:
        return text[2:-1].strip()
    return text


Environment = Callable[[str], Any]
"""``name -> value`` of a module's variables (``var.name``) and ``local.name -> value`` of its locals; ``UNKNOWN``
for one without a known value."""


class _Parser:
    def __init__(self, tokens: list[str], variables: Environment) -> None:
        self.tokens = tokens
        self.position = 0
        self.variables = variables

    def peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise _EvalError(f"expected {expected!r}, found {token!r}")
        self.position += 1
        return token

    def expression(self) -> Any:
        condition = self.disjunction()
        if self.peek() != "?":
            return condition
        self.take("?")
        when_true = self.branch()
        self.take(":")
        when_false = self.branch()
        chosen = when_true if condition is True else when_false if condition is False else UNKNOWN
        if isinstance(chosen, _EvalError):
            raise chosen
        return chosen

    def branch(self) -> Any:
        """One side of a conditional: an error only matters if that side is chosen (``x == null ? 0 : x.id``)."""
        start = self.position
        try:
            return self.expression()
        except _EvalError as error:
            self.position = start
            self.skip_argument(stop=(":", ")", "]", "}", ","))
            return error

    def disjunction(self) -> Any:
        value = self.conjunction()
        while self.peek() == "||":
            self.take()
            other = self.conjunction()
            value = True if True in (value, other) else (False if value is False and other is False else UNKNOWN)
        return value

    def conjunction(self) -> Any:
        value = self.comparison()
        while self.peek() == "&&":
            self.take()
            other = self.comparison()
            value = False if False in (value, other) else (True if value is True and other is True else UNKNOWN)
        return value

    def comparison(self) -> Any:
        left = self.unary()
        operator = self.peek()
        if operator not in ("==", "!=", ">", "<", ">=", "<="):
            return left
        self.take()
        right = self.unary()
        if operator in ("==", "!="):
            equal = _equal(left, right)
            return equal if equal is UNKNOWN or operator == "==" else not equal
        if any(isinstance(side, bool) or not isinstance(side, (int, float)) for side in (left, right)):
            return UNKNOWN
        return {">": left > right, "<": left < right, ">=": left >= right, "<=": left <= right}[operator]

    def unary(self) -> Any:
        if self.peek() == "!":
            self.take()
            value = self.unary()
            return (not value) if isinstance(value, bool) else UNKNOWN
        if self.peek() == "-":
            self.take()
            value = self.unary()
            return -value if isinstance(value, (int, float)) and not isinstance(value, bool) else UNKNOWN
        return self.postfix(self.primary())

    def primary(self) -> Any:
        token = self.take()
        if token == "(":
            value = self.expression()
            self.take(")")
            return value
        if token == "${":
            value = self.expression()
            self.take("}")
            return value
        if token == "[":
            return self.sequence("]", object_=False)
        if token == "{":
            return self.sequence("}", object_=True)
        if token[0] in "\"'":
            return _string(token[1:-1])
        if token[0].isdigit():
            return float(token) if "." in token else int(token)
        if token in ("None", "null"):
            return None
        if token in ("True", "true"):
            return True
        if token in ("False", "false"):
            return False
        if self.peek() == "(":
            return self.call(token)
        return self.name(token)

    def sequence(self, closing: str, object_: bool) -> Any:
        items: list[Any] = []
        entries: dict[Any, Any] = {}
        while self.peek() != closing:
            if object_:
                key = self.take()
                key = key[1:-1] if key[0] in "\"'" else key
                if self.peek() not in (":", "="):
                    raise _EvalError("object entry without a value")
                self.take()
                entries[key] = self.expression()
            else:
                items.append(self.expression())
            if self.peek() == ",":
                self.take()
        self.take(closing)
        return entries if object_ else items

    def name(self, root: str) -> Any:
        if root not in ("var", "local") or self.peek() != ".":
            return self.reference(root)
        self.take(".")
        name = self.take()
        return self.variables(name if root == "var" else f"local.{name}")

    def reference(self, root: str) -> Any:
        """``aws_kms_key.k.arn`` is a reference; ``each.value``, ``module.m.x`` and friends are not known here."""
        parts = [root]
        while self.peek() == "." or self.peek() == "[":
            if self.take() == ".":
                parts.append(self.take())
            else:
                self.expression()
                self.take("]")
        if len(parts) >= 3 and "_" in root and root not in ("each", "count", "local", "module", "path", "self"):
            return Reference(".".join(parts))
        if root == "data" and len(parts) >= 4:
            return Reference(".".join(parts))
        return UNKNOWN

    def postfix(self, value: Any) -> Any:
        while self.peek() in (".", "["):
            if self.take() == ".":
                value = _index(value, self.take())
            else:
                key = self.expression()
                self.take("]")
                value = _index(value, key)
        return value

    def call(self, function: str) -> Any:
        self.take("(")
        if function == "try":
            return self.try_call()
        arguments: list[Any] = []
        while self.peek() != ")":
            arguments.append(self.expression())
            if self.peek() == ",":
                self.take()
        self.take(")")
        return _call(function, arguments)

    def try_call(self) -> Any:
        """``try(a, b, ...)``: the first argument that evaluates without an error."""
        chosen: Any = None
        decided = False
        while self.peek() != ")":
            start = self.position
            try:
                value = self.expression()
            except _EvalError:
                self.position = start
                self.skip_argument()
                value = _FAILED
            if not decided and value is not _FAILED:
                chosen, decided = value, True
            if self.peek() == ",":
                self.take()
        self.take(")")
        return chosen if decided else UNKNOWN

    def skip_argument(self, stop: tuple[str, ...] = (",", ")")) -> None:
        depth = 0
        while (token := self.peek()) is not None:
            if depth == 0 and token in stop:
                return
            depth += token in ("(", "[", "{", "${")
            depth -= token in (")", "]", "}")
            self.take()


_FAILED = object()


def _string(text: str) -> Any:
    return UNKNOWN if "${" in text else text


def _equal(left: Any, right: Any) -> Any:
    if _holds_unknown(left) or _holds_unknown(right):
        return UNKNOWN
    if isinstance(left, Reference) or isinstance(right, Reference):
        return False if left is None or right is None else UNKNOWN
    if isinstance(left, bool) != isinstance(right, bool):
        return False
    return left == right


def _holds_unknown(value: Any) -> bool:
    """``UNKNOWN``, or an object or tuple with an ``UNKNOWN`` inside (a local's value can be partly known)."""
    if isinstance(value, Mapping):
        return any(_holds_unknown(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_unknown(item) for item in value)
    return value is UNKNOWN


def _index(value: Any, key: Any) -> Any:
    if value is UNKNOWN or key is UNKNOWN or isinstance(value, Reference):
        return UNKNOWN
    if isinstance(value, Mapping):
        if key not in value:
            raise _EvalError(f"no key {key!r}")
        return value[key]
    if isinstance(value, list) and isinstance(key, int) and not isinstance(key, bool):
        if not -len(value) <= key < len(value):
            raise _EvalError(f"no index {key}")
        return value[key]
    raise _EvalError(f"cannot index {value!r}")


def _call(function: str, arguments: list[Any]) -> Any:
    if function == "lookup" and len(arguments) in (2, 3):
        table, key = arguments[0], arguments[1]
        if table is UNKNOWN or key is UNKNOWN or not isinstance(table, Mapping):
            return UNKNOWN
        if key in table:
            return table[key]
        if len(arguments) == 3:
            return arguments[2]
        raise _EvalError(f"no key {key!r}")
    if function == "coalesce":
        for argument in arguments:
            if argument is UNKNOWN:
                return UNKNOWN
            if argument is not None and argument != "":
                return argument
        raise _EvalError("coalesce: no non-null argument")
    if function == "length" and len(arguments) == 1:
        value = arguments[0]
        return len(value) if isinstance(value, (list, Mapping, str)) else UNKNOWN
    return UNKNOWN


def evaluate(text: str, variables: Environment) -> Any:
    """The value of one expression as Checkov's parser wrote it, or ``UNKNOWN``.

    Values: ``None`` (null), booleans, numbers, strings, lists, dicts, ``Reference`` for an attribute of
    another resource, ``UNKNOWN`` for anything that depends on what this module cannot know (other modules'
    outputs, functions other than ``lookup``/``try``/``coalesce``/``length``, a variable or local the
    environment gives no value). Never raises.
    """
    try:
        parser = _Parser(_tokens(_unwrap(text)), variables)
        value = parser.expression()
        if parser.peek() is not None:
            return UNKNOWN
        return value
    except (_EvalError, RecursionError, TypeError, ValueError):
        return UNKNOWN


def variable_names(text: str) -> list[str]:
    """The variables an expression reads, in order of appearance."""
    return list(dict.fromkeys(re.findall(r"\bvar\.([A-Za-z_][A-Za-z0-9_-]*)", text)))


def local_names(text: str) -> list[str]:
    """The locals an expression reads, in order of appearance."""
    return list(dict.fromkeys(re.findall(r"\blocal\.([A-Za-z_][A-Za-z0-9_-]*)", text)))


def mentions_null(text: str) -> bool:
    """Whether an expression compares with or produces ``null`` (Checkov's parser writes it ``None``)."""
    return bool(re.search(r"\b(None|null)\b", text))


def is_empty_collection(value: Any) -> bool:
    return isinstance(value, (list, dict)) and not value


def describe(value: Any) -> str:
    """A value as Terraform would write it, for reasons shown to users."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Reference):
        return value.text
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict) and not value:
        return "{}"
    return repr(value)
