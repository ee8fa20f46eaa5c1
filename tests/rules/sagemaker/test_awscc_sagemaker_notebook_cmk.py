"""CKV_AISEC_94 edge cases: awscc_sagemaker_notebook_instance's kms_key_id."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.awscc_sagemaker_notebook_cmk import evaluate


def notebook(**attrs: Any) -> Resource:
    base = {"notebook_instance_name": "n", "instance_type": "ml.t3.medium", "role_arn": "arn:aws:iam::1:role/n"}
    return Resource("awscc_sagemaker_notebook_instance", "awscc_sagemaker_notebook_instance.n", {**base, **attrs})


@pytest.mark.parametrize(
    "key",
    [
        "awscc_kms_key.notebooks.arn",
        "${awscc_kms_key.notebooks.key_id}",
        "2b7d9f1e-4c3a-4e58-9b6d-0a8c1e5f3d72",
        "arn:aws:kms:us-east-1:111122223333:key/2b7d9f1e-4c3a-4e58-9b6d-0a8c1e5f3d72",
    ],
)
def test_a_customer_managed_key_passes(key: str) -> None:
    assert evaluate(notebook(kms_key_id=key)).verdict is Verdict.PASS


@pytest.mark.parametrize("attrs", [{}, {"kms_key_id": None}, {"kms_key_id": ""}])
def test_no_key_fails(attrs: dict[str, Any]) -> None:
    assert evaluate(notebook(**attrs)).verdict is Verdict.FAIL


@pytest.mark.parametrize("key", ["alias/aws/sagemaker", "arn:aws:kms:us-east-1:111122223333:alias/aws/sagemaker"])
def test_an_aws_managed_alias_fails(key: str) -> None:
    assert evaluate(notebook(kms_key_id=key)).verdict is Verdict.FAIL


@pytest.mark.parametrize("key", ["var.notebook_key_arn", "${var.notebook_key_arn}", "local.key"])
def test_values_not_known_at_plan_time_are_unknown(key: str) -> None:
    assert evaluate(notebook(kms_key_id=key)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("key", [1, True, {"arn": "x"}])
def test_wrong_types_are_unknown(key: Any) -> None:
    assert evaluate(notebook(kms_key_id=key)).verdict is Verdict.UNKNOWN
