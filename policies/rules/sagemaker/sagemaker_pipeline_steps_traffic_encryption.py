"""CKV_AISEC_154: the training, processing and tuning steps of a SageMaker pipeline that run on several
instances encrypt the traffic between them."""

from __future__ import annotations

from policies.model import Resource, Result
from policies.sagemaker_pipeline import (
    PROCESSING,
    TRAINING,
    Job,
    Unresolved,
    in_step,
    judge_pipeline,
    unresolved_result,
)
from policies.sagemaker_values import judge_traffic_encryption

SETTING = {
    TRAINING: ("EnableInterContainerTrafficEncryption", "ResourceConfig.InstanceCount"),
    PROCESSING: (
        "NetworkConfig.EnableInterContainerTrafficEncryption",
        "ProcessingResources.ClusterConfig.InstanceCount",
    ),
}


def _judge(job: Job) -> Result:
    path, count_path = SETTING[job.kind]
    value, count = job.value(path), job.value(count_path)
    if isinstance(count, Unresolved):
        count = None
    if isinstance(value, Unresolved):
        if count == 1:
            return in_step(job, judge_traffic_encryption(None, count, path, "the job"))
        return unresolved_result(job, path, value)
    return in_step(job, judge_traffic_encryption(value, count, path, "the job"))


def evaluate(resource: Resource) -> Result:
    return judge_pipeline(resource, _judge, (TRAINING, PROCESSING))
