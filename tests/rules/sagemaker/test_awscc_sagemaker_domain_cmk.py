"""CKV_AISEC_91 edge cases: awscc_sagemaker_domain's kms_key_id."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.awscc_sagemaker_domain_cmk import evaluate


def domain(**attrs: Any) -> Resource:
    return Resource("awscc_sagemaker_domain", "awscc_sagemaker_domain.d", {"domain_name": "d", **attrs})


@pytest.mark.parametrize(
    "key",
    [
        "awscc_kms_key.studio.arn",
        "${awscc_kms_key.studio.key_id}",
        "aws_kms_key.studio.arn",
        "arn:aws:kms:us-east-1:111122223333:key/9e4b1c7a-2d5f-4a83-b6e0-1f7c3d9a5b24",
        "9e4b1c7a-2d5f-4a83-b6e0-1f7c3d9a5b24",
    ],
)
def test_a_customer_managed_key_passes(key: str) -> None:
    assert evaluate(domain(kms_key_id=key)).verdict is Verdict.PASS


@pytest.mark.parametrize("attrs", [{}, {"kms_key_id": None}, {"kms_key_id": ""}])
def test_no_key_fails(attrs: dict[str, Any]) -> None:
    assert evaluate(domain(**attrs)).verdict is Verdict.FAIL


@pytest.mark.parametrize("key", ["alias/aws/sagemaker", "arn:aws:kms:us-east-1:111122223333:alias/aws/sagemaker"])
def test_an_aws_managed_alias_fails(key: str) -> None:
    assert evaluate(domain(kms_key_id=key)).verdict is Verdict.FAIL


@pytest.mark.parametrize("key", ["var.studio_key_arn", "${var.studio_key_arn}", "local.key", "module.kms.arn"])
def test_values_not_known_at_plan_time_are_unknown(key: str) -> None:
    assert evaluate(domain(kms_key_id=key)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("key", [7, True, ["arn:aws:kms:us-east-1:111122223333:key/x"]])
def test_wrong_types_are_unknown(key: Any) -> None:
    assert evaluate(domain(kms_key_id=key)).verdict is Verdict.UNKNOWN
