"""CKV_AISEC_155: the training, processing and tuning steps of a SageMaker pipeline run their jobs in a VPC."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from policies.model import Resource, Result, combine, failed, passed, unknown
from policies.sagemaker_pipeline import (
    PROCESSING,
    TRAINING,
    Job,
    Unresolved,
    in_step,
    judge_pipeline,
    unresolved_result,
)

SETTING = {TRAINING: "VpcConfig", PROCESSING: "NetworkConfig.VpcConfig"}


def _ids(job: Job, path: str) -> Result:
    value: Any = job.value(path)
    if isinstance(value, Unresolved):
        return unresolved_result(job, path, value)
    if value is None or value == []:
        return in_step(job, failed(f"{path} is {'empty' if value == [] else 'not set'}"))
    if isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value):
        return in_step(job, passed(f"{path}: {', '.join(value)}"))
    return in_step(job, unknown(f"{path} is not a list of IDs ({value!r})"))


def _judge(job: Job) -> Result:
    path = SETTING[job.kind]
    config = job.value(path)
    if isinstance(config, Unresolved):
        return unresolved_result(job, path, config)
    if config is None:
        return in_step(job, failed(f"no {path}: the job runs in a network SageMaker manages, outside your VPC"))
    if not isinstance(config, Mapping):
        return in_step(job, unknown(f"{path} is not an object ({config!r})"))
    parts = [_ids(job, f"{path}.Subnets"), _ids(job, f"{path}.SecurityGroupIds")]
    return combine(parts, passed("in your VPC"))


def evaluate(resource: Resource) -> Result:
    return judge_pipeline(resource, _judge, (TRAINING, PROCESSING))
