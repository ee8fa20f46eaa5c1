"""CKV_AISEC_22: a SageMaker monitoring job definition encrypts its storage volume and its reports with
customer-managed KMS keys."""

from __future__ import annotations

from policies.kms import judge_kms_key
from policies.model import Resource, Result, Verdict, combine, passed
from policies.sagemaker_values import find_block, judge_volume_key


def _volume(resource: Resource) -> Result:
    cluster = find_block(resource, "job_resources.cluster_config")
    if isinstance(cluster, Result):
        return cluster
    return judge_volume_key(
        cluster.get("volume_kms_key_id"),
        cluster.get("instance_type"),
        "job_resources.cluster_config.volume_kms_key_id",
        "the job's storage volume is encrypted with a key AWS manages",
    )


def _output(resource: Resource) -> Result:
    output = find_block(resource, "data_quality_job_output_config")
    if isinstance(output, Result):
        return output
    return judge_kms_key(
        output.get("kms_key_id"),
        "data_quality_job_output_config.kms_key_id",
        "the monitoring reports written to S3 are not encrypted with a key you choose",
    )


def evaluate(resource: Resource) -> Result:
    parts = [_volume(resource), _output(resource)]
    result = combine(parts, passed("nothing to encrypt"))
    if result.verdict is Verdict.PASS:
        return passed("; ".join(part.reason for part in parts))
    return result
