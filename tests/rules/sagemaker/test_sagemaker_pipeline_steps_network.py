"""CKV_AISEC_153, 154 and 155 edge cases: network isolation, traffic encryption and VPC of pipeline steps."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker import (
    sagemaker_pipeline_steps_network_isolation,
    sagemaker_pipeline_steps_traffic_encryption,
    sagemaker_pipeline_steps_vpc,
)

VPC = {"Subnets": ["subnet-1"], "SecurityGroupIds": ["sg-1"]}


def pipeline(steps: list[dict[str, Any]], parameters: Any = None) -> Resource:
    definition: dict[str, Any] = {"Version": "2020-12-01", "Steps": steps}
    if parameters is not None:
        definition["Parameters"] = parameters
    return Resource("aws_sagemaker_pipeline", "aws_sagemaker_pipeline.p", {"pipeline_definition": definition})


def training(**arguments: Any) -> dict[str, Any]:
    return {"Name": "Train", "Type": "Training", "Arguments": {"ResourceConfig": {"InstanceCount": 2}, **arguments}}


def processing(count: Any = 2, **network: Any) -> dict[str, Any]:
    arguments = {"ProcessingResources": {"ClusterConfig": {"InstanceCount": count}}, "NetworkConfig": network}
    return {"Name": "Prepare", "Type": "Processing", "Arguments": arguments}


@pytest.mark.parametrize(
    ("step", "verdict"),
    [
        (training(EnableNetworkIsolation=True), Verdict.PASS),
        (training(EnableNetworkIsolation="true"), Verdict.PASS),
        (training(), Verdict.FAIL),
        (training(EnableNetworkIsolation=False), Verdict.FAIL),
        (training(EnableNetworkIsolation="maybe"), Verdict.UNKNOWN),
        (training(EnableNetworkIsolation={"Get": "Parameters.Missing"}), Verdict.UNKNOWN),
        (processing(EnableNetworkIsolation=True), Verdict.PASS),
        (processing(), Verdict.FAIL),
        ({"Name": "Score", "Type": "Transform", "Arguments": {}}, Verdict.PASS),
    ],
)
def test_network_isolation(step: dict[str, Any], verdict: Verdict) -> None:
    assert sagemaker_pipeline_steps_network_isolation.evaluate(pipeline([step])).verdict is verdict


@pytest.mark.parametrize(
    ("step", "verdict"),
    [
        (training(EnableInterContainerTrafficEncryption=True), Verdict.PASS),
        (training(), Verdict.FAIL),
        (training(ResourceConfig={"InstanceCount": 1}), Verdict.PASS),
        (training(ResourceConfig={"InstanceGroups": [{"InstanceCount": 2}]}), Verdict.UNKNOWN),
        (training(ResourceConfig={"InstanceCount": {"Get": "Parameters.Count"}}), Verdict.FAIL),
        (training(ResourceConfig={"InstanceCount": {"Get": "Parameters.Missing"}}), Verdict.UNKNOWN),
        (
            training(
                ResourceConfig={"InstanceCount": 1}, EnableInterContainerTrafficEncryption={"Get": "Parameters.Missing"}
            ),
            Verdict.PASS,
        ),
        (training(EnableInterContainerTrafficEncryption={"Get": "Parameters.Missing"}), Verdict.UNKNOWN),
        (processing(EnableInterContainerTrafficEncryption=True), Verdict.PASS),
        (processing(EnableInterContainerTrafficEncryption=False), Verdict.FAIL),
        (processing(count=1), Verdict.PASS),
    ],
)
def test_traffic_encryption(step: dict[str, Any], verdict: Verdict) -> None:
    parameters = [{"Name": "Count", "Type": "Integer", "DefaultValue": 3}]
    assert sagemaker_pipeline_steps_traffic_encryption.evaluate(pipeline([step], parameters)).verdict is verdict


@pytest.mark.parametrize(
    ("step", "verdict"),
    [
        (training(VpcConfig=VPC), Verdict.PASS),
        (training(), Verdict.FAIL),
        (training(VpcConfig={"Subnets": ["subnet-1"]}), Verdict.FAIL),
        (training(VpcConfig={"Subnets": [], "SecurityGroupIds": ["sg-1"]}), Verdict.FAIL),
        (training(VpcConfig={"Subnets": "subnet-1", "SecurityGroupIds": ["sg-1"]}), Verdict.UNKNOWN),
        (training(VpcConfig="local.vpc"), Verdict.UNKNOWN),
        (training(VpcConfig={"Get": "Parameters.Missing"}), Verdict.UNKNOWN),
        (processing(VpcConfig=VPC), Verdict.PASS),
        (processing(), Verdict.FAIL),
    ],
)
def test_vpc(step: dict[str, Any], verdict: Verdict) -> None:
    assert sagemaker_pipeline_steps_vpc.evaluate(pipeline([step])).verdict is verdict


def test_reasons_name_the_step() -> None:
    result = sagemaker_pipeline_steps_vpc.evaluate(pipeline([processing()]))
    assert result.reason.startswith("step Prepare:")
