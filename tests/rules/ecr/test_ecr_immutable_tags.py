"""CKV_AISEC_45 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.ecr.ecr_immutable_tags import evaluate


def repository(mutability: Any = None, exclusions: Any = None, dynamic: frozenset[str] = frozenset()) -> Resource:
    attrs: dict[str, Any] = {"name": "llm-server"}
    if mutability is not None:
        attrs["image_tag_mutability"] = mutability
    if exclusions is not None:
        attrs["image_tag_mutability_exclusion_filter"] = exclusions
    return Resource("aws_ecr_repository", "aws_ecr_repository.r", attrs, dynamic)


def exclusion(pattern: Any) -> dict[str, Any]:
    return {"filter": pattern, "filter_type": "WILDCARD"}


@pytest.mark.parametrize("mutability", ["IMMUTABLE", "immutable", " IMMUTABLE "])
def test_immutable_passes(mutability: str) -> None:
    assert evaluate(repository(mutability)).verdict is Verdict.PASS


@pytest.mark.parametrize("mutability", [None, "", "MUTABLE", "MUTABLE_WITH_EXCLUSION"])
def test_unset_and_mutable_settings_fail(mutability: Any) -> None:
    """Unset means the provider default MUTABLE."""
    result = evaluate(repository(mutability))
    assert result.verdict is Verdict.FAIL
    assert "replace" in result.reason


def test_mutable_with_exclusion_fails_whatever_the_filters() -> None:
    result = evaluate(repository("MUTABLE_WITH_EXCLUSION", [exclusion("release-*")]))
    assert result.verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "exclusions",
    [[exclusion("latest")], [exclusion("dev-*"), exclusion("latest")], exclusion("latest")],
)
def test_immutable_with_specific_exclusions_passes(exclusions: Any) -> None:
    """A block may arrive as a list of dicts (HCL, plan) or one dict (Pulumi)."""
    result = evaluate(repository("IMMUTABLE_WITH_EXCLUSION", exclusions))
    assert result.verdict is Verdict.PASS


def test_the_excluded_patterns_are_named() -> None:
    result = evaluate(repository("IMMUTABLE_WITH_EXCLUSION", [exclusion("latest"), exclusion("dev-*")]))
    assert result.reason == "image tags are immutable except those matching latest, dev-*"


@pytest.mark.parametrize("pattern", ["*", "**"])
def test_an_exclusion_that_matches_every_tag_fails(pattern: str) -> None:
    result = evaluate(repository("IMMUTABLE_WITH_EXCLUSION", [exclusion("latest"), exclusion(pattern)]))
    assert result.verdict is Verdict.FAIL
    assert "every tag" in result.reason


@pytest.mark.parametrize("mutability", ["var.mutability", "${var.mutability}", "aws_ssm_parameter.m.value"])
def test_mutability_not_known_at_plan_time_is_unknown(mutability: str) -> None:
    result = evaluate(repository(mutability))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("pattern", ["var.tag", "local.tag", None, "", 7])
def test_unreadable_exclusion_filters_are_unknown(pattern: Any) -> None:
    result = evaluate(repository("IMMUTABLE_WITH_EXCLUSION", [exclusion(pattern)]))
    assert result.verdict is Verdict.UNKNOWN


def test_a_wildcard_exclusion_fails_even_beside_an_unknown_one() -> None:
    exclusions = [exclusion("var.tag"), exclusion("*")]
    assert evaluate(repository("IMMUTABLE_WITH_EXCLUSION", exclusions)).verdict is Verdict.FAIL


@pytest.mark.parametrize("exclusions", [None, []])
def test_immutable_with_exclusion_without_filters_is_unknown(exclusions: Any) -> None:
    """ECR requires filters with this setting: none here means they could not be read (a Pulumi program
    sends them as image_tag_mutability_exclusion_filters)."""
    result = evaluate(repository("IMMUTABLE_WITH_EXCLUSION", exclusions))
    assert result.verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("exclusions", ["var.filters", "latest", 3])
def test_exclusions_that_are_not_blocks_are_unknown(exclusions: Any) -> None:
    assert evaluate(repository("IMMUTABLE_WITH_EXCLUSION", exclusions)).verdict is Verdict.UNKNOWN


def test_dynamic_exclusions_are_unknown() -> None:
    resource = repository("IMMUTABLE_WITH_EXCLUSION", dynamic=frozenset({"image_tag_mutability_exclusion_filter"}))
    assert evaluate(resource).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("mutability", [True, 1, ["IMMUTABLE"], {"value": "IMMUTABLE"}, "FROZEN"])
def test_wrong_types_and_unknown_settings_are_unknown(mutability: Any) -> None:
    assert evaluate(repository(mutability)).verdict is Verdict.UNKNOWN
