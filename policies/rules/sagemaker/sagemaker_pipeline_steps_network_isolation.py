"""CKV_AISEC_153: the training, processing and tuning steps of a SageMaker pipeline run their containers with
network isolation."""

from __future__ import annotations

from policies.model import Resource, Result, failed, is_unset, passed
from policies.sagemaker_pipeline import (
    PROCESSING,
    TRAINING,
    Job,
    Unresolved,
    in_step,
    judge_pipeline,
    unresolved_result,
)
from policies.sagemaker_values import describe_unknown_flag, flag

SETTING = {TRAINING: "EnableNetworkIsolation", PROCESSING: "NetworkConfig.EnableNetworkIsolation"}


def _judge(job: Job) -> Result:
    path = SETTING[job.kind]
    value = job.value(path)
    if isinstance(value, Unresolved):
        return unresolved_result(job, path, value)
    isolated = flag(value, default=False)
    if isolated is None:
        return in_step(job, describe_unknown_flag(value, path))
    if isolated:
        return in_step(job, passed("the job's containers run with network isolation"))
    setting = "not set (default false)" if is_unset(value) else "false"
    return in_step(job, failed(f"{path} is {setting}: the job's containers can reach the network"))


def evaluate(resource: Resource) -> Result:
    return judge_pipeline(resource, _judge, (TRAINING, PROCESSING))
