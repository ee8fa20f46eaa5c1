"""CKV_AISEC_152: the training, processing, tuning and transform steps of a SageMaker pipeline encrypt their
storage volumes and outputs with customer-managed KMS keys."""

from __future__ import annotations

from policies.kms import judge_kms_key
from policies.model import Resource, Result, combine, passed
from policies.sagemaker_pipeline import (
    PROCESSING,
    TRAINING,
    TRANSFORM,
    Job,
    Unresolved,
    in_step,
    judge_pipeline,
    unresolved_result,
)
from policies.sagemaker_values import judge_volume_key

# Per job kind: the volume key, the instance type it depends on, and the output key.
VOLUME = {
    TRAINING: ("ResourceConfig.VolumeKmsKeyId", "ResourceConfig.InstanceType"),
    PROCESSING: ("ProcessingResources.ClusterConfig.VolumeKmsKeyId", "ProcessingResources.ClusterConfig.InstanceType"),
    TRANSFORM: ("TransformResources.VolumeKmsKeyId", "TransformResources.InstanceType"),
}
OUTPUT = {
    TRAINING: ("OutputDataConfig", "OutputDataConfig.KmsKeyId"),
    PROCESSING: ("ProcessingOutputConfig", "ProcessingOutputConfig.KmsKeyId"),
    TRANSFORM: ("TransformOutput", "TransformOutput.KmsKeyId"),
}


def _volume(job: Job) -> Result:
    key_path, type_path = VOLUME[job.kind]
    key, instance_type = job.value(key_path), job.value(type_path)
    if isinstance(key, Unresolved):
        return unresolved_result(job, key_path, key)
    if isinstance(instance_type, Unresolved):
        instance_type = f"{type_path} {instance_type.why}"
    return in_step(
        job, judge_volume_key(key, instance_type, key_path, "the storage volume is encrypted with a key AWS manages")
    )


def _output(job: Job) -> Result:
    block_path, key_path = OUTPUT[job.kind]
    if job.kind == PROCESSING and job.value(block_path) is None:
        return in_step(job, passed("the step writes no processing outputs"))
    key = job.value(key_path)
    if isinstance(key, Unresolved):
        return unresolved_result(job, key_path, key)
    return in_step(
        job, judge_kms_key(key, key_path, "the outputs written to S3 are not encrypted with a key you choose")
    )


def _judge(job: Job) -> Result:
    return combine([_volume(job), _output(job)], passed("nothing to encrypt"))


def evaluate(resource: Resource) -> Result:
    return judge_pipeline(resource, _judge, (TRAINING, PROCESSING, TRANSFORM))
