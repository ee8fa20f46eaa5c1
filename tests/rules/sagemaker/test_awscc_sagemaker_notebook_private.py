"""CKV_AISEC_92 edge cases: awscc_sagemaker_notebook_instance's subnet_id and direct_internet_access."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.awscc_sagemaker_notebook_private import evaluate

SUBNET = "subnet-0a1b2c3d4e5f60718"


def notebook(**attrs: Any) -> Resource:
    base = {"notebook_instance_name": "n", "instance_type": "ml.t3.medium", "role_arn": "arn:aws:iam::1:role/n"}
    return Resource("awscc_sagemaker_notebook_instance", "awscc_sagemaker_notebook_instance.n", {**base, **attrs})


@pytest.mark.parametrize("subnet", [SUBNET, "awscc_ec2_subnet.private.subnet_id", "${aws_subnet.private.id}"])
def test_a_subnet_without_internet_access_passes(subnet: str) -> None:
    assert evaluate(notebook(subnet_id=subnet, direct_internet_access="Disabled")).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "attrs",
    [
        {"subnet_id": SUBNET},  # unset (absent in HCL and in an awscc plan): SageMaker's default is Enabled
        {"subnet_id": SUBNET, "direct_internet_access": None},
        {"subnet_id": SUBNET, "direct_internet_access": "Enabled"},
        {"subnet_id": SUBNET, "direct_internet_access": "disabled"},
        {"direct_internet_access": "Disabled"},
        {},
    ],
)
def test_internet_access_or_no_subnet_fails(attrs: dict[str, Any]) -> None:
    assert evaluate(notebook(**attrs)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "attrs",
    [
        {"subnet_id": SUBNET, "direct_internet_access": "var.internet_access"},
        {"subnet_id": "var.subnet_id", "direct_internet_access": "Disabled"},
        {"subnet_id": SUBNET, "direct_internet_access": "${local.access}"},
    ],
)
def test_values_not_known_at_plan_time_are_unknown(attrs: dict[str, Any]) -> None:
    assert evaluate(notebook(**attrs)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "attrs",
    [
        {"subnet_id": SUBNET, "direct_internet_access": False},
        {"subnet_id": [SUBNET], "direct_internet_access": "Disabled"},
    ],
)
def test_wrong_types_are_unknown(attrs: dict[str, Any]) -> None:
    assert evaluate(notebook(**attrs)).verdict is Verdict.UNKNOWN
