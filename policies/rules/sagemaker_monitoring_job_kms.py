"""CKV_AISEC_22: a SageMaker monitoring job definition encrypts its storage volume and its reports with
customer-managed KMS keys."""

from __future__ import annotations

from policies.kms import judge_kms_key
from policies.model import Resource, Result, Verdict, combine, is_unset, passed, unknown
from policies.sagemaker_values import find_block, has_local_storage


def _volume(resource: Resource) -> Result:
    cluster = find_block(resource, "job_resources.cluster_config")
    if isinstance(cluster, Result):
        return cluster
    key = cluster.get("volume_kms_key_id")
    result = judge_kms_key(
        key,
        "job_resources.cluster_config.volume_kms_key_id",
        "the job's storage volume is encrypted with a key AWS manages",
    )
    if result.verdict is not Verdict.FAIL or not is_unset(key):
        return result
    instance_type = cluster.get("instance_type")
    local = has_local_storage(instance_type)
    if local:
        return passed(
            f"volume_kms_key_id does not apply: {instance_type} has local NVMe storage, encrypted by the instance's "
            "hardware, and SageMaker accepts no KMS key for it"
        )
    if local is None and not is_unset(instance_type):
        return unknown(f"volume_kms_key_id is not set and instance type {instance_type!r} is not known")
    return result


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
