"""CKV_AISEC_22 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_monitoring_job_cmk import evaluate

KEY = "aws_kms_key.monitoring.arn"


def job(volume_key: Any = KEY, output_key: Any = KEY, instance_type: Any = "ml.m5.large", **attrs: Any) -> Resource:
    cluster = {"instance_count": 1, "instance_type": instance_type, "volume_size_in_gb": 20}
    if volume_key is not None:
        cluster["volume_kms_key_id"] = volume_key
    output: dict[str, Any] = {"monitoring_outputs": [{"s3_output": [{"s3_uri": "s3://monitor/reports"}]}]}
    if output_key is not None:
        output["kms_key_id"] = output_key
    body = {"job_resources": [{"cluster_config": [cluster]}], "data_quality_job_output_config": [output], **attrs}
    return Resource("aws_sagemaker_data_quality_job_definition", "aws_sagemaker_data_quality_job_definition.j", body)


def test_both_keys_pass() -> None:
    assert evaluate(job()).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "resource",
    [
        job(volume_key=None),
        job(output_key=None),
        job(volume_key=None, output_key=None),
        job(volume_key="alias/aws/sagemaker"),
        job(output_key="arn:aws:kms:us-east-1:111122223333:alias/aws/s3"),
    ],
)
def test_a_missing_or_aws_managed_key_fails(resource: Resource) -> None:
    assert evaluate(resource).verdict is Verdict.FAIL


@pytest.mark.parametrize("instance_type", ["ml.r5d.large", "ml.g4dn.xlarge", "ml.g5.xlarge"])
def test_no_volume_key_passes_on_local_nvme_instances(instance_type: str) -> None:
    result = evaluate(job(volume_key=None, instance_type=instance_type))
    assert result.verdict is Verdict.PASS
    assert "does not apply" in result.reason


def test_local_nvme_instances_still_need_the_output_key() -> None:
    assert evaluate(job(volume_key=None, output_key=None, instance_type="ml.r5d.large")).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "resource",
    [
        job(volume_key="var.volume_key"),
        job(output_key="${module.kms.arn}"),
        job(volume_key=None, instance_type="var.instance_type"),
        job(job_resources="var.job_resources"),
        job(data_quality_job_output_config="local.output"),
        job(job_resources=[{"cluster_config": "var.cluster"}]),
    ],
)
def test_unresolved_values_are_unknown(resource: Resource) -> None:
    result = evaluate(resource)
    assert result.verdict is Verdict.UNKNOWN


def test_absent_blocks_fail() -> None:
    resource = Resource("aws_sagemaker_data_quality_job_definition", "j", {"name": "j"})
    assert evaluate(resource).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "resource",
    [job(volume_key=5), job(output_key=["k"]), job(job_resources=7), job(job_resources=[{"cluster_config": [None]}])],
)
def test_wrong_types_are_unknown(resource: Resource) -> None:
    assert evaluate(resource).verdict is Verdict.UNKNOWN
