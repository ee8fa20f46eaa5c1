"""CKV_AISEC_6 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_domain_vpc_only import evaluate


def domain(**attrs: Any) -> Resource:
    base = {"domain_name": "ml-research", "auth_mode": "IAM", "vpc_id": "vpc-0a1b2c3d4e5f67890"}
    return Resource("aws_sagemaker_domain", "aws_sagemaker_domain.d", {**base, **attrs})


def test_vpc_only_passes() -> None:
    assert evaluate(domain(app_network_access_type="VpcOnly")).verdict is Verdict.PASS


@pytest.mark.parametrize("value", [None, ""])
def test_unset_means_the_provider_default_public_internet_only(value: Any) -> None:
    result = evaluate(domain(app_network_access_type=value))
    assert result.verdict is Verdict.FAIL
    assert "PublicInternetOnly" in result.reason


def test_absent_attribute_fails() -> None:
    assert evaluate(domain()).verdict is Verdict.FAIL


@pytest.mark.parametrize("value", ["PublicInternetOnly", "vpconly", "VPC_ONLY", "Private"])
def test_any_other_string_fails(value: str) -> None:
    assert evaluate(domain(app_network_access_type=value)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "value",
    [
        "var.network_access",
        "${var.network_access}",
        "local.access",
        "module.net.access_type",
        "aws_ssm_parameter.access.value",
    ],
)
def test_unresolved_or_referenced_values_are_unknown(value: str) -> None:
    result = evaluate(domain(app_network_access_type=value))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("value", [True, 1, ["VpcOnly", "PublicInternetOnly"], {"type": "VpcOnly"}])
def test_wrong_types_are_unknown_and_never_raise(value: Any) -> None:
    assert evaluate(domain(app_network_access_type=value)).verdict is Verdict.UNKNOWN


def test_other_attributes_do_not_matter() -> None:
    """A private subnet or a KMS key does not make a PublicInternetOnly domain private."""
    resource = domain(subnet_ids=["subnet-0123456789abcdef0"], kms_key_id="aws_kms_key.studio.arn")
    assert evaluate(resource).verdict is Verdict.FAIL
