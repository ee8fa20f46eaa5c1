"""CKV_AISEC_90 edge cases: awscc_sagemaker_domain's app_network_access_type."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.awscc_sagemaker_domain_vpc_only import evaluate


def domain(**attrs: Any) -> Resource:
    settings = {"execution_role": "arn:aws:iam::111122223333:role/studio"}
    return Resource(
        "awscc_sagemaker_domain",
        "awscc_sagemaker_domain.d",
        {"domain_name": "d", "auth_mode": "IAM", "default_user_settings": settings, **attrs},
    )


def test_vpc_only_passes() -> None:
    assert evaluate(domain(app_network_access_type="VpcOnly")).verdict is Verdict.PASS


@pytest.mark.parametrize("attrs", [{}, {"app_network_access_type": None}, {"app_network_access_type": ""}])
def test_unset_is_the_default_public_internet_only(attrs: dict[str, Any]) -> None:
    """An awscc plan leaves an unset attribute out (planned as known after apply): the same as absent in HCL."""
    result = evaluate(domain(**attrs))
    assert result.verdict is Verdict.FAIL
    assert "PublicInternetOnly" in result.reason


@pytest.mark.parametrize("value", ["PublicInternetOnly", "vpconly", "VPC_ONLY"])
def test_any_other_value_fails(value: str) -> None:
    assert evaluate(domain(app_network_access_type=value)).verdict is Verdict.FAIL


@pytest.mark.parametrize("value", ["var.network_access", "${var.network_access}", "local.access", "module.net.mode"])
def test_values_not_known_at_plan_time_are_unknown(value: str) -> None:
    assert evaluate(domain(app_network_access_type=value)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("value", [1, True, ["VpcOnly"], {"mode": "VpcOnly"}])
def test_wrong_types_are_unknown(value: Any) -> None:
    assert evaluate(domain(app_network_access_type=value)).verdict is Verdict.UNKNOWN
