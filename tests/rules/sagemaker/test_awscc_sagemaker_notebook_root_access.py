"""CKV_AISEC_93 edge cases: awscc_sagemaker_notebook_instance's root_access."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.awscc_sagemaker_notebook_root_access import evaluate


def notebook(**attrs: Any) -> Resource:
    base = {"notebook_instance_name": "n", "instance_type": "ml.t3.medium", "role_arn": "arn:aws:iam::1:role/n"}
    return Resource("awscc_sagemaker_notebook_instance", "awscc_sagemaker_notebook_instance.n", {**base, **attrs})


def test_root_access_disabled_passes() -> None:
    assert evaluate(notebook(root_access="Disabled")).verdict is Verdict.PASS


@pytest.mark.parametrize("attrs", [{}, {"root_access": None}, {"root_access": ""}])
def test_unset_is_the_default_enabled(attrs: dict[str, Any]) -> None:
    assert evaluate(notebook(**attrs)).verdict is Verdict.FAIL


@pytest.mark.parametrize("value", ["Enabled", "disabled", "false"])
def test_any_other_value_fails(value: str) -> None:
    assert evaluate(notebook(root_access=value)).verdict is Verdict.FAIL


@pytest.mark.parametrize("value", ["var.root_access", "${var.root_access}", "local.root", "module.nb.root"])
def test_values_not_known_at_plan_time_are_unknown(value: str) -> None:
    assert evaluate(notebook(root_access=value)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("value", [False, 0, ["Disabled"]])
def test_wrong_types_are_unknown(value: Any) -> None:
    assert evaluate(notebook(root_access=value)).verdict is Verdict.UNKNOWN
