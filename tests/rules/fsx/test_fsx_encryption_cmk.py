"""CKV_AISEC_51 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.fsx.fsx_encryption_cmk import evaluate

CMK_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
KEYED_TYPES = ["aws_fsx_ontap_file_system", "aws_fsx_windows_file_system"]


def file_system(resource_type: str, **attrs: Any) -> Resource:
    return Resource(resource_type, f"{resource_type}.f", {"storage_capacity": 1200, **attrs})


def lustre(**attrs: Any) -> Resource:
    return file_system("aws_fsx_lustre_file_system", **attrs)


@pytest.mark.parametrize("resource_type", KEYED_TYPES)
@pytest.mark.parametrize("key", [CMK_ARN, "aws_kms_key.training.arn", "${aws_kms_key.training.arn}"])
def test_ontap_and_windows_with_a_customer_managed_key_pass(resource_type: str, key: str) -> None:
    assert evaluate(file_system(resource_type, kms_key_id=key)).verdict is Verdict.PASS


@pytest.mark.parametrize("deployment", ["PERSISTENT_1", "PERSISTENT_2", "persistent_2"])
def test_persistent_lustre_with_a_customer_managed_key_passes(deployment: str) -> None:
    assert evaluate(lustre(deployment_type=deployment, kms_key_id=CMK_ARN)).verdict is Verdict.PASS


@pytest.mark.parametrize("resource_type", [*KEYED_TYPES, "aws_fsx_lustre_file_system"])
@pytest.mark.parametrize("key", [None, ""])
def test_no_key_means_the_aws_managed_key_and_fails(resource_type: str, key: Any) -> None:
    resource = file_system(resource_type, kms_key_id=key, deployment_type="PERSISTENT_2")
    result = evaluate(resource)
    assert result.verdict is Verdict.FAIL
    assert "aws/fsx" in result.reason


@pytest.mark.parametrize("resource_type", KEYED_TYPES)
def test_an_aws_managed_alias_fails(resource_type: str) -> None:
    resource = file_system(resource_type, kms_key_id="arn:aws:kms:us-east-1:111122223333:alias/aws/fsx")
    assert evaluate(resource).verdict is Verdict.FAIL


@pytest.mark.parametrize("deployment", [None, "", "SCRATCH_1", "SCRATCH_2", "scratch_2"])
def test_scratch_lustre_cannot_take_a_key_and_fails(deployment: Any) -> None:
    """Unset is SCRATCH_1, the provider's default."""
    result = evaluate(lustre(deployment_type=deployment, kms_key_id=CMK_ARN))
    assert result.verdict is Verdict.FAIL
    assert "PERSISTENT" in result.reason


def test_the_deployment_type_does_not_matter_for_other_file_systems() -> None:
    resource = file_system("aws_fsx_ontap_file_system", deployment_type="SINGLE_AZ_1", kms_key_id=CMK_ARN)
    assert evaluate(resource).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "resource",
    [
        lustre(deployment_type="var.deployment", kms_key_id=CMK_ARN),
        lustre(deployment_type="PERSISTENT_2", kms_key_id="var.key"),
        file_system("aws_fsx_ontap_file_system", kms_key_id="${var.key}"),
        file_system("aws_fsx_windows_file_system", kms_key_id="module.kms.arn"),
    ],
)
def test_values_not_known_at_plan_time_are_unknown(resource: Resource) -> None:
    result = evaluate(resource)
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize(
    "resource",
    [
        lustre(deployment_type=2, kms_key_id=CMK_ARN),
        lustre(deployment_type="PERSISTENT_9", kms_key_id=CMK_ARN),
        file_system("aws_fsx_ontap_file_system", kms_key_id=7),
        file_system("aws_fsx_windows_file_system", kms_key_id=["a"]),
    ],
)
def test_wrong_types_are_unknown(resource: Resource) -> None:
    assert evaluate(resource).verdict is Verdict.UNKNOWN
