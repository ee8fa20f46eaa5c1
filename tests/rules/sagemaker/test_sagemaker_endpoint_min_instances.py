"""CKV_AISEC_156 edge cases: instance counts, serverless variants and managed instance scaling."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_endpoint_min_instances import evaluate


def variant(**settings: Any) -> dict[str, Any]:
    return {"variant_name": "primary", "model_name": "m", "instance_type": "ml.m5.large", **settings}


def config(*variants: Any, raw: Any = "blocks", dynamic: bool = False) -> Resource:
    attrs: dict[str, Any] = {"name": "c"}
    attrs["production_variants"] = list(variants) if raw == "blocks" else raw
    blocks = frozenset({"production_variants"}) if dynamic else frozenset()
    return Resource("aws_sagemaker_endpoint_configuration", "aws_sagemaker_endpoint_configuration.c", attrs, blocks)


def scaling(status: Any = "ENABLED", **settings: Any) -> list[dict[str, Any]]:
    return [{"status": status, **settings}]


@pytest.mark.parametrize(
    "settings",
    [
        {"initial_instance_count": 2},
        {"initial_instance_count": 2.0},  # Pulumi sends numbers as floats
        {"initial_instance_count": "3"},
        {"serverless_config": [{"max_concurrency": 5, "memory_size_in_mb": 2048}]},
        {"serverless_config": {"max_concurrency": 5, "memory_size_in_mb": 2048}},
        {"initial_instance_count": 1, "managed_instance_scaling": scaling(min_instance_count=2)},
        {"initial_instance_count": 2, "managed_instance_scaling": scaling("DISABLED", min_instance_count=1)},
        {"initial_instance_count": 2, "managed_instance_scaling": scaling(None)},
    ],
)
def test_redundant_or_serverless_variants_pass(settings: dict[str, Any]) -> None:
    result = evaluate(config(variant(**settings)))
    assert result.verdict is Verdict.PASS, result.reason


@pytest.mark.parametrize(
    ("settings", "attribute"),
    [
        ({"initial_instance_count": 1}, "production_variants/initial_instance_count"),
        ({"initial_instance_count": 0}, "production_variants/initial_instance_count"),
        ({"initial_instance_count": 1.0}, "production_variants/initial_instance_count"),
        (
            {"initial_instance_count": 4, "managed_instance_scaling": scaling(min_instance_count=1)},
            "production_variants/managed_instance_scaling/min_instance_count",
        ),
        (
            {"initial_instance_count": 2, "managed_instance_scaling": scaling("enabled", min_instance_count=0)},
            "production_variants/managed_instance_scaling/min_instance_count",
        ),
    ],
)
def test_a_single_instance_fails(settings: dict[str, Any], attribute: str) -> None:
    result = evaluate(config(variant(**settings)))
    assert result.verdict is Verdict.FAIL
    assert result.attribute == attribute
    assert "variant 'primary'" in result.reason


def test_one_thin_variant_fails_the_configuration() -> None:
    result = evaluate(
        config(variant(initial_instance_count=3), variant(variant_name="canary", initial_instance_count=1))
    )
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith("initial_instance_count of variant 'canary' is 1")


def test_a_known_failure_wins_over_an_unknown_variant() -> None:
    result = evaluate(config(variant(initial_instance_count="var.n"), variant(initial_instance_count=1)))
    assert result.verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "settings",
    [
        {"initial_instance_count": "var.instance_count"},
        {"initial_instance_count": 'lookup(var.cfg,"count",null)'},
        {"initial_instance_count": "aws_ssm_parameter.count.value"},
        {"initial_instance_count": "two"},
        {"initial_instance_count": 1.5},
        {"initial_instance_count": True},
        {},
        {"serverless_config": "var.serverless"},
        {"initial_instance_count": 1, "managed_instance_scaling": scaling("var.status", min_instance_count=2)},
        {"initial_instance_count": 1, "managed_instance_scaling": scaling(min_instance_count="var.min")},
        {"initial_instance_count": 1, "managed_instance_scaling": scaling()},
        {"initial_instance_count": 1, "managed_instance_scaling": "var.scaling"},
    ],
)
def test_counts_not_known_at_plan_time_are_unknown(settings: dict[str, Any]) -> None:
    assert evaluate(config(variant(**settings))).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("raw", [None, [], "var.variants", "not-a-block", 3])
def test_no_variants_to_judge_is_unknown(raw: Any) -> None:
    assert evaluate(config(raw=raw)).verdict is Verdict.UNKNOWN


def test_a_dynamic_variant_without_content_is_unknown() -> None:
    assert evaluate(config({"variant_name": "primary"}, dynamic=True)).verdict is Verdict.UNKNOWN
    assert evaluate(config(raw=[], dynamic=True)).verdict is Verdict.UNKNOWN
