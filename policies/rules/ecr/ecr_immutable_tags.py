"""CKV_AISEC_45: an ECR repository keeps its image tags immutable, so a deployed image cannot be swapped."""

from __future__ import annotations

from policies.model import (
    Resource,
    Result,
    Verdict,
    combine,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

IMMUTABLE = "IMMUTABLE"
IMMUTABLE_WITH_EXCLUSION = "IMMUTABLE_WITH_EXCLUSION"
MUTABLE_SETTINGS = ("MUTABLE", "MUTABLE_WITH_EXCLUSION")
EXCLUSION_BLOCK = "image_tag_mutability_exclusion_filter"
SETTING = "image_tag_mutability"
FILTER = f"{EXCLUSION_BLOCK}/filter"


def _judge_exclusion(block: dict) -> Result:
    pattern = block.get("filter")
    if is_unresolved(pattern) or is_reference(pattern):
        return unknown(f"an exclusion filter is not known at plan time ({pattern})", FILTER)
    if not isinstance(pattern, str) or not pattern:
        return unknown(f"an exclusion filter is not a tag pattern ({pattern!r})", FILTER)
    if set(pattern) == {"*"}:
        return failed(f"the exclusion filter {pattern!r} matches every tag, so every tag stays mutable", FILTER)
    return passed(pattern, FILTER)


def _judge_exclusions(resource: Resource) -> Result:
    if EXCLUSION_BLOCK in resource.dynamic_blocks:
        return unknown(f"{EXCLUSION_BLOCK} is a dynamic block", EXCLUSION_BLOCK)
    filters = resource.blocks(EXCLUSION_BLOCK)
    raw = resource.get(EXCLUSION_BLOCK)
    if not filters and not is_unset(raw):
        return unknown(f"{EXCLUSION_BLOCK} is not a block ({raw!r})", EXCLUSION_BLOCK)
    results = [_judge_exclusion(block) for block in filters]
    problems = [result for result in results if result.verdict is not Verdict.PASS]
    if problems:
        return combine(problems, problems[0])
    if not results:
        # ECR requires exclusion filters with this setting; none here means they could not be read.
        return unknown(
            f"IMMUTABLE_WITH_EXCLUSION without a readable {EXCLUSION_BLOCK}: which tags stay mutable is not known",
            EXCLUSION_BLOCK,
        )
    patterns = ", ".join(result.reason for result in results)
    return passed(f"image tags are immutable except those matching {patterns}", EXCLUSION_BLOCK)


def evaluate(resource: Resource) -> Result:
    setting = resource.get(SETTING)
    if is_unset(setting):
        return failed("image_tag_mutability is not set: the default MUTABLE lets a push replace any tag", SETTING)
    if is_unresolved(setting) or is_reference(setting):
        return unknown(f"image_tag_mutability is not known at plan time ({setting})", SETTING)
    if not isinstance(setting, str):
        return unknown(f"image_tag_mutability is not a string ({setting!r})", SETTING)
    normalized = setting.strip().upper()
    if normalized == IMMUTABLE:
        return passed("image tags are immutable", SETTING)
    if normalized == IMMUTABLE_WITH_EXCLUSION:
        return _judge_exclusions(resource)
    if normalized in MUTABLE_SETTINGS:
        return failed(f"image_tag_mutability is {setting}: a push can replace the image behind a tag", SETTING)
    return unknown(f"image_tag_mutability is not a setting ECR knows ({setting!r})", SETTING)
