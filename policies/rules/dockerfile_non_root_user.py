"""CKV_AISEC_104: the image a Dockerfile builds runs as a non-root user (the final stage's last USER)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from policies.container_user import is_root_user, user_part
from policies.model import Resource, Result, failed, passed, unknown

# $NAME or ${NAME}; anything else after "${" (modifiers such as ${NAME:-default}) is not resolved.
_VARIABLE = re.compile(r"\$(?:\{(?P<braced>[^}]*)\}|(?P<plain>[A-Za-z_][A-Za-z0-9_]*))")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


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


def _instructions(raw: Any) -> list[Instruction]:
    items = raw if isinstance(raw, list) else []
    return [
        Instruction(item["instruction"].lstrip(_BYTE_ORDER_MARK).strip().upper(), item.get("value"), item.get("line"))
        for item in items
        if isinstance(item, Mapping) and isinstance(item.get("instruction"), str)
    ]


def _stage(start: Instruction) -> Stage:
    words = [w for w in start.value.split() if not w.startswith("--")] if isinstance(start.value, str) else []
    base = words[0].lower() if words else None
    name = words[2].lower() if len(words) >= 3 and words[1].lower() == "as" else None
    return Stage(start, base, name)


def _split(instructions: list[Instruction]) -> tuple[list[Instruction], list[Stage]]:
    """Instructions before the first FROM (global ARGs), and the build stages."""
    preamble: list[Instruction] = []
    stages: list[Stage] = []
    for instruction in instructions:
        if instruction.keyword == "FROM":
            stages.append(_stage(instruction))
        elif stages:
            stages[-1].body.append(instruction)
        else:
            preamble.append(instruction)
    return preamble, stages


def _last_user(stages: list[Stage]) -> tuple[Stage, Instruction] | None:
    """The USER that applies to the final stage: its own last USER, or one inherited from the earlier stage it
    is built FROM (a USER in a stage the final image does not derive from does not count)."""
    index = len(stages) - 1
    seen: set[int] = set()
    while index not in seen:
        seen.add(index)
        stage = stages[index]
        users = [i for i in stage.body if i.keyword == "USER"]
        if users:
            return stage, users[-1]
        parents = [n for n in range(index) if stages[n].name is not None and stages[n].name == stage.base]
        if not parents:
            return None
        index = parents[-1]
    return None


def _assignments(instruction: Instruction) -> dict[str, str | None]:
    """NAME=value pairs of an ARG or ENV (ENV also has the old ``ENV NAME value`` form); ``None``: no default."""
    text = instruction.value if isinstance(instruction.value, str) else ""
    if instruction.keyword == "ENV" and "=" not in text.split(" ", 1)[0]:
        name, _, value = text.strip().partition(" ")
        return {name: value.strip()} if _NAME.match(name) else {}
    found: dict[str, str | None] = {}
    for word in text.split():
        name, equals, value = word.partition("=")
        if _NAME.match(name):
            found[name] = value.strip("\"'") if equals else None
    return found


def _substitute(text: str, known: Mapping[str, str | None]) -> str | None:
    """``text`` with $NAME and ${NAME} replaced, or ``None`` when one of them has no value in the file."""
    missing = False

    def replace(match: re.Match[str]) -> str:
        nonlocal missing
        name = match.group("braced") if match.group("braced") is not None else match.group("plain")
        value = known.get(name) if _NAME.match(name) else None
        if value is None:
            missing = True
            return ""
        return value

    result = _VARIABLE.sub(replace, text)
    return None if missing else result


def _variables(preamble: list[Instruction], stage: Stage, user: Instruction) -> dict[str, str | None]:
    """ARG defaults and ENV values declared in the stage before ``user``; an ARG without a default takes the
    default of the global ARG of the same name (declared before the first FROM)."""
    global_args: dict[str, str | None] = {}
    for instruction in preamble:
        if instruction.keyword == "ARG":
            global_args.update(_assignments(instruction))
    known: dict[str, str | None] = {}
    for instruction in stage.body:
        if instruction is user:
            break
        if instruction.keyword not in ("ARG", "ENV"):
            continue
        for name, value in _assignments(instruction).items():
            if value is None:
                known[name] = global_args.get(name) if instruction.keyword == "ARG" else None
            else:
                known[name] = _substitute(value, known)
    return known


def _judge_user(preamble: list[Instruction], stage: Stage, user: Instruction) -> Result:
    value = user.value
    if not isinstance(value, str) or not value.strip():
        return unknown(f"USER at {user.where} names no user ({value!r})")
    text = value.strip()
    # Only the user part decides; a group given as a variable ("root:$GID") needs no resolving.
    needs_resolving = "$" in user_part(text)
    resolved = _substitute(text, _variables(preamble, stage, user)) if needs_resolving else text
    if resolved is None:
        return unknown(f"USER {text} at {user.where} comes from a variable with no value in the Dockerfile")
    shown = text if resolved == text else f"{text} (= {resolved})"
    name = user_part(resolved)
    root = is_root_user(resolved)
    if root is None:
        return unknown(f"USER {shown} at {user.where} names no user")
    if root:
        return failed(f"the image runs as root: USER {shown} at {user.where}")
    return passed(f"the image runs as {name}: USER {shown} at {user.where}")


def evaluate(resource: Resource) -> Result:
    preamble, stages = _split(_instructions(resource.get("instructions")))
    if not stages:
        return unknown("the Dockerfile has no FROM instruction")
    found = _last_user(stages)
    if found is None:
        final = stages[-1].start
        return failed(
            f"the final stage (FROM at {final.where}) sets no USER, so the container runs as the base image's "
            "user, which is root for most images"
        )
    stage, user = found
    return _judge_user(preamble, stage, user)
