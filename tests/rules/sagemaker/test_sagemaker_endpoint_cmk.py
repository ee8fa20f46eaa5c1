"""CKV_AISEC_18 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_endpoint_cmk import evaluate
from policies.sagemaker_values import has_local_storage


def config(instance_type: Any = "ml.m5.large", shadow: Any = None, **attrs: Any) -> Resource:
    variants = [{"variant_name": "primary", "model_name": "m", "instance_type": instance_type}]
    body: dict[str, Any] = {"name": "c", "production_variants": variants, **attrs}
    if shadow is not None:
        body["shadow_production_variants"] = [{"variant_name": "shadow", "model_name": "m2", "instance_type": shadow}]
    return Resource("aws_sagemaker_endpoint_configuration", "aws_sagemaker_endpoint_configuration.c", body)


@pytest.mark.parametrize(
    "key", ["aws_kms_key.inference.arn", "arn:aws:kms:us-east-1:111122223333:key/7c8d9e0f", "alias/inference"]
)
def test_customer_managed_key_passes(key: str) -> None:
    assert evaluate(config(kms_key_arn=key)).verdict is Verdict.PASS


@pytest.mark.parametrize("instance_type", ["ml.m5.large", "ml.c6i.xlarge", "ml.inf2.xlarge", "ml.p3.2xlarge", None])
def test_no_key_fails_on_instances_without_local_storage(instance_type: Any) -> None:
    result = evaluate(config(instance_type))
    assert result.verdict is Verdict.FAIL
    assert "AWS manages" in result.reason


def test_aws_managed_key_fails() -> None:
    assert evaluate(config(kms_key_arn="alias/aws/sagemaker")).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "instance_type", ["ml.g5.2xlarge", "ml.g4dn.xlarge", "ml.m5d.large", "ml.p4d.24xlarge", "ml.trn1.2xlarge"]
)
def test_no_key_passes_on_instances_with_local_storage(instance_type: str) -> None:
    result = evaluate(config(instance_type))
    assert result.verdict is Verdict.PASS
    assert "does not apply" in result.reason


def test_one_variant_with_local_storage_rules_out_a_key_for_the_whole_configuration() -> None:
    """AWS rejects KmsKeyId when any variant uses an instance type with local storage."""
    assert evaluate(config("ml.m5.large", shadow="ml.g5.xlarge")).verdict is Verdict.PASS


def test_serverless_variant_without_key_fails() -> None:
    variants = [{"model_name": "m", "serverless_config": [{"max_concurrency": 5, "memory_size_in_mb": 2048}]}]
    resource = Resource("aws_sagemaker_endpoint_configuration", "c", {"production_variants": variants})
    assert evaluate(resource).verdict is Verdict.FAIL


@pytest.mark.parametrize("instance_type", ["var.instance_type", "${local.type}", "aws_ssm_parameter.t.value", 5])
def test_unknown_instance_type_without_key_is_unknown(instance_type: Any) -> None:
    assert evaluate(config(instance_type)).verdict is Verdict.UNKNOWN


def test_unknown_instance_type_does_not_matter_with_a_key() -> None:
    assert evaluate(config("var.instance_type", kms_key_arn="aws_kms_key.k.arn")).verdict is Verdict.PASS


@pytest.mark.parametrize("key", ["var.key", "module.kms.arn", True, ["aws_kms_key.k.arn"]])
def test_unresolved_or_odd_keys_are_unknown(key: Any) -> None:
    assert evaluate(config(kms_key_arn=key)).verdict is Verdict.UNKNOWN


def test_variants_from_a_variable_without_key_are_unknown() -> None:
    resource = Resource("aws_sagemaker_endpoint_configuration", "c", {"production_variants": "var.variants"})
    assert evaluate(resource).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("variants", [7, [None], [[]]])
def test_odd_variants_never_raise(variants: Any) -> None:
    resource = Resource("aws_sagemaker_endpoint_configuration", "c", {"production_variants": variants})
    assert evaluate(resource).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    ("instance_type", "local"),
    [
        ("ml.g4dn.xlarge", True),
        ("ml.p3dn.24xlarge", True),
        ("ml.r6id.large", True),
        ("ml.g6e.xlarge", True),
        ("ml.p5.48xlarge", True),
        ("ml.g5.xlarge", True),
        ("ml.m5.large", False),
        ("ml.g4.xlarge", False),
        ("ml.inf2.xlarge", False),
        ("ml.c7i.large", False),
        ("m5d.large", None),
        ("var.type", None),
        (None, None),
    ],
)
def test_local_storage_families(instance_type: Any, local: bool | None) -> None:
    assert has_local_storage(instance_type) is local
