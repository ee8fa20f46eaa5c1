"""CKV_AISEC_22: a SageMaker monitoring job definition encrypts its storage volume and its reports with
customer-managed KMS keys."""

from __future__ import annotations

from dataclasses import replace

from policies.kms import judge_kms_key
from policies.model import Resource, Result, Verdict, combine, passed
from policies.sagemaker_values import find_block, judge_volume_key

CLUSTER = "job_resources/cluster_config"
OUTPUT = "data_quality_job_output_config"


def _find(resource: Resource, path: str) -> dict | Result:
    """``find_block`` at a ``/`` path, whose UNKNOWN points at the level that is not a block."""
    levels = path.split("/")
    for depth in range(1, len(levels) + 1):
        found = find_block(resource, ".".join(levels[:depth]))
        if isinstance(found, Result):
            return replace(found, attribute="/".join(levels[:depth]))
        if not found:
            return found
    return found


def _volume(resource: Resource) -> Result:
    cluster = _find(resource, CLUSTER)
    if isinstance(cluster, Result):
        return cluster
    result = judge_volume_key(
        cluster.get("volume_kms_key_id"),
        cluster.get("instance_type"),
        "job_resources.cluster_config.volume_kms_key_id",
        "the job's storage volume is encrypted with a key AWS manages",
    )
    return replace(result, attribute=f"{CLUSTER}/volume_kms_key_id")


def _output(resource: Resource) -> Result:
    output = _find(resource, OUTPUT)
    if isinstance(output, Result):
        return output
    return judge_kms_key(
        output.get("kms_key_id"),
        "data_quality_job_output_config.kms_key_id",
        "the monitoring reports written to S3 are not encrypted with a key you choose",
        f"{OUTPUT}/kms_key_id",
    )


def evaluate(resource: Resource) -> Result:
    parts = [_volume(resource), _output(resource)]
    result = combine(parts, passed("nothing to encrypt"))
    if result.verdict is Verdict.PASS:
        return passed("; ".join(part.reason for part in parts))
    return result
