"""CKV_AISEC_137: every FROM of a Dockerfile names a pinned image, scratch or an earlier stage."""

from __future__ import annotations

from policies.dockerfile import Stage, global_args, instructions, split, substitute
from policies.model import Resource, Result, fold, passed, unknown
from policies.supply_chain import judge_image


def _base_word(stage: Stage) -> str | None:
    """The image word of a FROM as written (case kept), without flags such as --platform."""
    text = stage.start.value if isinstance(stage.start.value, str) else ""
    words = [word for word in text.split() if not word.startswith("--")]
    return words[0] if words else None


FROM = "FROM"


def _judge_stage(stage: Stage, earlier: set[str], args: dict[str, str | None]) -> Result:
    result = _judge_base(stage, earlier, args)
    return result if result.attribute else Result(result.verdict, result.reason, FROM)


def _judge_base(stage: Stage, earlier: set[str], args: dict[str, str | None]) -> Result:
    where = f"FROM at {stage.start.where}"
    base = _base_word(stage)
    if base is None:
        return unknown(f"{where} names no image")
    resolved = substitute(base, args) if "$" in base else base
    if resolved is None:
        return unknown(f"{where}: the image {base} comes from a build argument with no default in the Dockerfile")
    if resolved.lower() == "scratch":
        return passed(f"{where} starts from scratch")
    if resolved.lower() in earlier:
        return passed(f"{where} builds on the earlier stage {resolved}")
    shown = base if resolved == base else f"{base} (= {resolved})"
    result = judge_image(resolved, where)
    return Result(result.verdict, result.reason.replace(resolved, shown, 1)) if shown != resolved else result


def evaluate(resource: Resource) -> Result:
    preamble, stages = split(instructions(resource.get("instructions")))
    if not stages:
        return unknown("the Dockerfile has no FROM instruction", FROM)
    args = global_args(preamble)
    results: list[Result] = []
    earlier: set[str] = set()
    for stage in stages:
        results.append(_judge_stage(stage, earlier, args))
        if stage.name:
            earlier.add(stage.name)
    return fold(results, passed("no stages"))
