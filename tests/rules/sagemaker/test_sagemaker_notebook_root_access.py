"""CKV_AISEC_12 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_notebook_root_access import evaluate


def notebook(**attrs: Any) -> Resource:
    base = {"name": "research", "instance_type": "ml.t3.medium", "role_arn": "arn:aws:iam::111122223333:role/nb"}
    return Resource("aws_sagemaker_notebook_instance", "aws_sagemaker_notebook_instance.n", {**base, **attrs})


def test_disabled_passes() -> None:
    assert evaluate(notebook(root_access="Disabled")).verdict is Verdict.PASS


@pytest.mark.parametrize("value", [None, ""])
def test_unset_means_the_provider_default_enabled(value: Any) -> None:
    result = evaluate(notebook(root_access=value))
    assert result.verdict is Verdict.FAIL
    assert "default is Enabled" in result.reason


def test_absent_fails() -> None:
    assert evaluate(notebook()).verdict is Verdict.FAIL


@pytest.mark.parametrize("value", ["Enabled", "disabled", "DISABLED", "false"])
def test_other_strings_fail(value: str) -> None:
    """The provider accepts exactly "Enabled" and "Disabled"; anything else is not a disabled root."""
    assert evaluate(notebook(root_access=value)).verdict is Verdict.FAIL


@pytest.mark.parametrize("value", ["var.root_access", "${var.root_access}", "local.root", "aws_ssm_parameter.r.value"])
def test_unresolved_values_are_unknown(value: str) -> None:
    result = evaluate(notebook(root_access=value))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("value", [False, 0, ["Disabled"], {"value": "Disabled"}])
def test_wrong_types_are_unknown(value: Any) -> None:
    assert evaluate(notebook(root_access=value)).verdict is Verdict.UNKNOWN
