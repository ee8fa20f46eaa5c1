"""CKV_AISEC_95 edge cases: awscc's instance_metadata_service_configuration object."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.awscc_sagemaker_notebook_imdsv2 import evaluate

MEMBER = "minimum_instance_metadata_service_version"


def notebook(configuration: Any = None) -> Resource:
    attrs: dict[str, Any] = {"notebook_instance_name": "n", "instance_type": "ml.t3.medium"}
    if configuration is not None:
        attrs["instance_metadata_service_configuration"] = configuration
    return Resource("awscc_sagemaker_notebook_instance", "awscc_sagemaker_notebook_instance.n", attrs)


@pytest.mark.parametrize("configuration", [{MEMBER: "2"}, [{MEMBER: "2"}], {MEMBER: 2}])
def test_imdsv2_only_passes(configuration: Any) -> None:
    """HCL gives the object as a dict (an unquoted 2 stays a number), plan JSON as a one-item list."""
    assert evaluate(notebook(configuration)).verdict is Verdict.PASS


@pytest.mark.parametrize("configuration", [None, [], "", {MEMBER: "1"}, [{MEMBER: "1"}], {MEMBER: ""}])
def test_no_configuration_or_imdsv1_fails(configuration: Any) -> None:
    assert evaluate(notebook(configuration)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "configuration",
    [
        "var.imds",
        {MEMBER: "var.imds_version"},
        {MEMBER: "${local.imds_version}"},
        # plan JSON: the required member is computed at apply, Checkov's bookkeeping is all that is left
        {"__file__": ["/plans/tfplan.json"], "start_line": [4]},
        {MEMBER: None},
    ],
)
def test_values_not_known_at_plan_time_are_unknown(configuration: Any) -> None:
    assert evaluate(notebook(configuration)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("configuration", [42, True, {MEMBER: "two"}, {MEMBER: ["2"]}])
def test_wrong_types_are_unknown(configuration: Any) -> None:
    assert evaluate(notebook(configuration)).verdict is Verdict.UNKNOWN
