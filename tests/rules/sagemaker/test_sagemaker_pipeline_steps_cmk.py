"""CKV_AISEC_152 edge cases, and how pipeline definitions are read (policies.sagemaker_pipeline)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_pipeline_steps_cmk import evaluate

KEY = "arn:aws:kms:us-east-1:111122223333:key/0d4e8b21-7c6a-4f93-8e15-b2a9c3d7f604"


def training(volume_key: Any = KEY, output_key: Any = KEY, instance_type: Any = "ml.m5.xlarge") -> dict[str, Any]:
    return {
        "OutputDataConfig": {"S3OutputPath": "s3://b/", "KmsKeyId": output_key},
        "ResourceConfig": {"InstanceCount": 1, "InstanceType": instance_type, "VolumeKmsKeyId": volume_key},
    }


def pipeline(steps: Any, parameters: Any = None, as_string: bool = False) -> Resource:
    definition: dict[str, Any] = {"Version": "2020-12-01", "Steps": steps}
    if parameters is not None:
        definition["Parameters"] = parameters
    value: Any = json.dumps(definition) if as_string else definition
    return Resource("aws_sagemaker_pipeline", "aws_sagemaker_pipeline.p", {"pipeline_definition": value})


def step(arguments: Any, type_: str = "Training", name: str = "Train") -> dict[str, Any]:
    return {"Name": name, "Type": type_, "Arguments": arguments}


@pytest.mark.parametrize("as_string", [False, True])
def test_training_on_customer_managed_keys_passes(as_string: bool) -> None:
    assert evaluate(pipeline([step(training())], as_string=as_string)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    ("arguments", "verdict"),
    [
        (training(volume_key=None), Verdict.FAIL),
        (training(output_key="alias/aws/s3"), Verdict.FAIL),
        (training(volume_key=None, instance_type="ml.p4d.24xlarge"), Verdict.PASS),
        (training(volume_key=None, instance_type="ml.weird"), Verdict.UNKNOWN),
        (training(output_key=7), Verdict.UNKNOWN),
        (training(output_key={"Get": "Steps.Prepare.Properties.KmsKey"}), Verdict.UNKNOWN),
        (training(output_key={"Std:Join": {"On": "", "Values": ["a", "b"]}}), Verdict.UNKNOWN),
        ({"ResourceConfig": "x", "OutputDataConfig": {"KmsKeyId": KEY}}, Verdict.UNKNOWN),
        ("arguments", Verdict.UNKNOWN),
        (None, Verdict.UNKNOWN),
    ],
)
def test_training_step(arguments: Any, verdict: Verdict) -> None:
    assert evaluate(pipeline([step(arguments)])).verdict is verdict


def test_reasons_name_the_step() -> None:
    result = evaluate(pipeline([step(training(), name="Prepare"), step(training(volume_key=None), name="Fit")]))
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith("step Fit:")


@pytest.mark.parametrize(
    ("parameters", "verdict"),
    [
        ([{"Name": "Key", "Type": "String", "DefaultValue": KEY}], Verdict.PASS),
        ([{"Name": "Key", "Type": "String", "DefaultValue": "alias/aws/sagemaker"}], Verdict.FAIL),
        ([{"Name": "Key", "Type": "String"}], Verdict.UNKNOWN),
        ([], Verdict.UNKNOWN),
        ("x", Verdict.UNKNOWN),
    ],
)
def test_parameters_are_read_by_their_default(parameters: Any, verdict: Verdict) -> None:
    arguments = training(volume_key={"Get": "Parameters.Key"})
    assert evaluate(pipeline([step(arguments)], parameters)).verdict is verdict


def test_processing_tuning_transform_and_condition_branches() -> None:
    processing = {
        "ProcessingResources": {"ClusterConfig": {"InstanceCount": 1, "InstanceType": "ml.m5.xlarge"}},
    }
    assert evaluate(pipeline([step(processing, "Processing")])).verdict is Verdict.FAIL
    processing["ProcessingResources"]["ClusterConfig"]["VolumeKmsKeyId"] = KEY
    assert evaluate(pipeline([step(processing, "Processing")])).verdict is Verdict.PASS  # no outputs
    processing["ProcessingOutputConfig"] = {"Outputs": []}
    assert evaluate(pipeline([step(processing, "Processing")])).verdict is Verdict.FAIL
    tuning = {"TrainingJobDefinitions": [training(), training(output_key=None)]}
    result = evaluate(pipeline([step(tuning, "Tuning", "Tune")]))
    assert result.verdict is Verdict.FAIL and "TrainingJobDefinitions[1]" in result.reason
    assert evaluate(pipeline([step({}, "Tuning")])).verdict is Verdict.UNKNOWN
    transform = {"TransformOutput": {"KmsKeyId": KEY}, "TransformResources": {"InstanceType": "ml.m5.xlarge"}}
    nested = step({"IfSteps": [step(transform, "Transform", "Score")], "ElseSteps": None}, "Condition", "Check")
    result = evaluate(pipeline([nested]))
    assert result.verdict is Verdict.FAIL and result.reason.startswith("step Score:")


def test_steps_that_start_no_job_are_not_judged() -> None:
    assert evaluate(pipeline([step({"FunctionArn": "arn"}, "Lambda")])).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "attrs",
    [
        {"pipeline_definition": None, "pipeline_definition_s3_location": [{"bucket": "b", "object_key": "k"}]},
        {"pipeline_definition": None},
        {"pipeline_definition": "var.definition"},
        {"pipeline_definition": 'file("pipeline.json")'},
        {"pipeline_definition": "{not json"},
        {"pipeline_definition": "[1, 2]"},
        {"pipeline_definition": 5},
    ],
)
def test_unreadable_definitions_get_no_verdict(attrs: dict[str, Any]) -> None:
    resource = Resource("aws_sagemaker_pipeline", "aws_sagemaker_pipeline.p", attrs)
    assert evaluate(resource).verdict is Verdict.UNKNOWN


def test_deeply_nested_conditions_do_not_raise() -> None:
    steps: list[Any] = [step(training(volume_key=None))]
    for _ in range(200):
        steps = [step({"IfSteps": steps}, "Condition", "Deep")]
    assert evaluate(pipeline(steps)).verdict is Verdict.UNKNOWN


def test_an_unevaluated_jsonencode_is_read_as_a_literal() -> None:
    """Checkov leaves jsonencode({...}) with references unevaluated, its argument as a Python literal."""
    literal = repr({"Steps": [step(training(volume_key="${aws_kms_key.ml.arn}", output_key="${var.key}"))]})
    resource = Resource("aws_sagemaker_pipeline", "p", {"pipeline_definition": f"${{jsonencode({literal})}}"})
    result = evaluate(resource)
    assert result.verdict is Verdict.UNKNOWN and "var.key" in result.reason
    literal = repr({"Steps": [step(training(volume_key="${aws_kms_key.ml.arn}", output_key=None))]})
    resource = Resource("aws_sagemaker_pipeline", "p", {"pipeline_definition": f"${{jsonencode({literal})}}"})
    assert evaluate(resource).verdict is Verdict.FAIL
    for text in ("${jsonencode({__import__('os')})}", "${jsonencode({'a': 1}) }x", "${jsonencode([1])}"):
        odd = Resource("aws_sagemaker_pipeline", "p", {"pipeline_definition": text})
        assert evaluate(odd).verdict is Verdict.UNKNOWN
