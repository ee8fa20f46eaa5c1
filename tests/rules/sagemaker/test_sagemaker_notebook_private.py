"""CKV_AISEC_5 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_notebook_private import evaluate

UNSET = object()


def notebook(subnet_id: Any = "subnet-0a1b2c3d4e5f60718", direct_internet_access: Any = "Disabled") -> Resource:
    attrs: dict[str, Any] = {"name": "research", "instance_type": "ml.t3.medium"}
    if subnet_id is not UNSET:
        attrs["subnet_id"] = subnet_id
    if direct_internet_access is not UNSET:
        attrs["direct_internet_access"] = direct_internet_access
    return Resource("aws_sagemaker_notebook_instance", "aws_sagemaker_notebook_instance.n", attrs)


@pytest.mark.parametrize("subnet_id", ["subnet-0a1b2c3d4e5f60718", "aws_subnet.private.id", "${aws_subnet.a[0].id}"])
def test_subnet_literal_or_reference_with_internet_disabled_passes(subnet_id: str) -> None:
    result = evaluate(notebook(subnet_id=subnet_id))
    assert result.verdict is Verdict.PASS
    assert subnet_id in result.reason


@pytest.mark.parametrize("value", [UNSET, None, ""])
def test_unset_internet_access_is_the_provider_default_enabled(value: Any) -> None:
    result = evaluate(notebook(direct_internet_access=value))
    assert result.verdict is Verdict.FAIL
    assert "default is Enabled" in result.reason


@pytest.mark.parametrize("value", ["Enabled", "disabled", "DISABLED", "Off"])
def test_any_other_internet_access_string_fails(value: str) -> None:
    assert evaluate(notebook(direct_internet_access=value)).verdict is Verdict.FAIL


@pytest.mark.parametrize("value", [UNSET, None, ""])
def test_no_subnet_fails_even_with_internet_disabled(value: Any) -> None:
    result = evaluate(notebook(subnet_id=value))
    assert result.verdict is Verdict.FAIL
    assert "subnet_id" in result.reason


def test_both_failures_are_named() -> None:
    result = evaluate(notebook(subnet_id=UNSET, direct_internet_access=UNSET))
    assert result.verdict is Verdict.FAIL
    assert "direct_internet_access" in result.reason and "subnet_id" in result.reason


@pytest.mark.parametrize(
    "value", ["var.internet_access", "${var.internet_access}", "local.access", "aws_ssm_parameter.access.value"]
)
def test_unresolved_or_referenced_internet_access_is_unknown(value: str) -> None:
    result = evaluate(notebook(direct_internet_access=value))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("value", ["var.subnet_id", "${var.subnet_id}", "module.network.private_subnet_id"])
def test_unresolved_subnet_is_unknown(value: str) -> None:
    assert evaluate(notebook(subnet_id=value)).verdict is Verdict.UNKNOWN


def test_a_clear_failure_wins_over_an_unknown_part() -> None:
    assert evaluate(notebook(subnet_id="var.subnet_id", direct_internet_access="Enabled")).verdict is Verdict.FAIL
    assert evaluate(notebook(subnet_id=UNSET, direct_internet_access="var.access")).verdict is Verdict.FAIL


@pytest.mark.parametrize("value", [True, False, 0, ["Disabled"], {"value": "Disabled"}])
def test_wrong_types_for_internet_access_are_unknown(value: Any) -> None:
    assert evaluate(notebook(direct_internet_access=value)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("value", [1, ["subnet-0a1b2c3d4e5f60718"], {"id": "subnet-1"}, True])
def test_wrong_types_for_subnet_are_unknown(value: Any) -> None:
    assert evaluate(notebook(subnet_id=value)).verdict is Verdict.UNKNOWN


def test_empty_resource_fails_on_provider_defaults() -> None:
    assert evaluate(Resource("aws_sagemaker_notebook_instance", "x", {})).verdict is Verdict.FAIL
