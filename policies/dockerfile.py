"""Dockerfiles as the rules read them: instructions in file order, split into build stages, with ARG and ENV
values for ``$NAME``/``${NAME}`` substitution.

Checkov's parser gives each instruction's name, its text (``value``) and its 0-based line; the adapter hands
them over as ``Resource(type="dockerfile")`` whose ``instructions`` attribute lists them in order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# $NAME or ${NAME}; anything else after "${" (modifiers such as ${NAME:-default}) is not resolved.
VARIABLE = re.compile(r"\$(?:\{(?P<braced>[^}]*)\}|(?P<plain>[A-Za-z_][A-Za-z0-9_]*))")
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass
class Instruction:
    keyword: str
    value: Any
    line: Any

    @property
    def where(self) -> str:
        # Checkov's parser counts lines from 0; people count from 1.
        return f"line {self.line + 1}" if isinstance(self.line, int) and not isinstance(self.line, bool) else "a line"


@dataclass
class Stage:
    start: Instruction
    base: str | None
    name: str | None
    body: list[Instruction] = field(default_factory=list)


# A UTF-8 byte-order mark at the start of the file reaches the parser as part of the first instruction's name.
_BYTE_ORDER_MARK = "\ufeff"


def instructions(raw: Any) -> list[Instruction]:
    items = raw if isinstance(raw, list) else []
    return [
        Instruction(item["instruction"].lstrip(_BYTE_ORDER_MARK).strip().upper(), item.get("value"), item.get("line"))
        for item in items
        if isinstance(item, Mapping) and isinstance(item.get("instruction"), str)
    ]


def stage_of(start: Instruction) -> Stage:
    """A stage from its FROM: the base (lowercased) and the stage's name after ``AS``; flags are skipped."""
    words = [w for w in start.value.split() if not w.startswith("--")] if isinstance(start.value, str) else []
    base = words[0].lower() if words else None
    name = words[2].lower() if len(words) >= 3 and words[1].lower() == "as" else None
    return Stage(start, base, name)


def split(found: list[Instruction]) -> tuple[list[Instruction], list[Stage]]:
    """Instructions before the first FROM (global ARGs), and the build stages."""
    preamble: list[Instruction] = []
    stages: list[Stage] = []
    for instruction in found:
        if instruction.keyword == "FROM":
            stages.append(stage_of(instruction))
        elif stages:
            stages[-1].body.append(instruction)
        else:
            preamble.append(instruction)
    return preamble, stages


def assignments(instruction: Instruction) -> dict[str, str | None]:
    """NAME=value pairs of an ARG or ENV (ENV also has the old ``ENV NAME value`` form); ``None``: no default."""
    text = instruction.value if isinstance(instruction.value, str) else ""
    if instruction.keyword == "ENV" and "=" not in text.split(" ", 1)[0]:
        name, _, value = text.strip().partition(" ")
        return {name: value.strip()} if NAME.match(name) else {}
    found: dict[str, str | None] = {}
    for word in text.split():
        name, equals, value = word.partition("=")
        if NAME.match(name):
            found[name] = value.strip("\"'") if equals else None
    return found


def substitute(text: str, known: Mapping[str, str | None]) -> str | None:
    """``text`` with $NAME and ${NAME} replaced, or ``None`` when one of them has no value in the file."""
    missing = False

    def replace(match: re.Match[str]) -> str:
        nonlocal missing
        name = match.group("braced") if match.group("braced") is not None else match.group("plain")
        value = known.get(name) if NAME.match(name) else None
        if value is None:
            missing = True
            return ""
        return value

    result = VARIABLE.sub(replace, text)
    return None if missing else result


def global_args(preamble: list[Instruction]) -> dict[str, str | None]:
    """The ARGs declared before the first FROM, with their defaults (``None``: no default)."""
    found: dict[str, str | None] = {}
    for instruction in preamble:
        if instruction.keyword == "ARG":
            found.update(assignments(instruction))
    return found


def exec_words(value: Any) -> list[str]:
    """The words of a CMD, ENTRYPOINT or RUN: the JSON (exec) form's items, or the shell form as one string."""
    if not isinstance(value, str):
        return []
    text = value.strip()
    if text.startswith("["):
        try:
            decoded = json.loads(text)
        except ValueError:
            return [text]
        if isinstance(decoded, list):
            return [str(item) for item in decoded]
    return [text]
