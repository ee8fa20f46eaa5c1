"""CKV_AISEC_104: the image a Dockerfile builds runs as a non-root user (the final stage's last USER)."""

from __future__ import annotations

from dataclasses import replace

from policies.container_user import is_root_user, user_part
from policies.dockerfile import Instruction, Stage, assignments, global_args, instructions, split, substitute
from policies.model import Resource, Result, failed, passed, unknown


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


def _variables(preamble: list[Instruction], stage: Stage, user: Instruction) -> dict[str, str | None]:
    """ARG defaults and ENV values declared in the stage before ``user``; an ARG without a default takes the
    default of the global ARG of the same name (declared before the first FROM)."""
    defaults = global_args(preamble)
    known: dict[str, str | None] = {}
    for instruction in stage.body:
        if instruction is user:
            break
        if instruction.keyword not in ("ARG", "ENV"):
            continue
        for name, value in assignments(instruction).items():
            if value is None:
                known[name] = defaults.get(name) if instruction.keyword == "ARG" else None
            else:
                known[name] = substitute(value, known)
    return known


def _judge_user(preamble: list[Instruction], stage: Stage, user: Instruction) -> Result:
    value = user.value
    if not isinstance(value, str) or not value.strip():
        return unknown(f"USER at {user.where} names no user ({value!r})")
    text = value.strip()
    # Only the user part decides; a group given as a variable ("root:$GID") needs no resolving.
    needs_resolving = "$" in user_part(text)
    resolved = substitute(text, _variables(preamble, stage, user)) if needs_resolving else text
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
    preamble, stages = split(instructions(resource.get("instructions")))
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
    return replace(_judge_user(preamble, stage, user), attribute="USER")
