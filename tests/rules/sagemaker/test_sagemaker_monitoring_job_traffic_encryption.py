"""CKV_AISEC_23 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_monitoring_job_traffic_encryption import evaluate


def job(count: Any = 2, network: Any = None, dynamic: frozenset[str] = frozenset()) -> Resource:
    cluster = {"instance_count": count, "instance_type": "ml.m5.large", "volume_size_in_gb": 20}
    body: dict[str, Any] = {"job_resources": [{"cluster_config": [cluster]}]}
    if network is not None:
        body["network_config"] = network
    return Resource("aws_sagemaker_data_quality_job_definition", "j", body, dynamic)


def encryption(value: Any) -> list[dict[str, Any]]:
    return [{"enable_inter_container_traffic_encryption": value}]


@pytest.mark.parametrize(
    "network", [encryption(True), encryption("true"), {"enable_inter_container_traffic_encryption": True}]
)
def test_encrypted_passes(network: Any) -> None:
    assert evaluate(job(2, network)).verdict is Verdict.PASS


@pytest.mark.parametrize("count", [1, "1", 1.0])
def test_single_instance_jobs_pass_with_a_reason(count: Any) -> None:
    result = evaluate(job(count))
    assert result.verdict is Verdict.PASS
    assert "one instance" in result.reason


@pytest.mark.parametrize("network", [None, [], [{}], encryption(None), encryption(False), encryption("false")])
def test_several_instances_without_encryption_fail(network: Any) -> None:
    assert evaluate(job(3, network)).verdict is Verdict.FAIL


@pytest.mark.parametrize("count", ["var.instance_count", None, "aws_ssm_parameter.c.value", [2]])
def test_unknown_count_without_encryption_is_unknown(count: Any) -> None:
    assert evaluate(job(count)).verdict is Verdict.UNKNOWN


def test_unknown_count_does_not_matter_when_encrypted() -> None:
    assert evaluate(job("var.instance_count", encryption(True))).verdict is Verdict.PASS


@pytest.mark.parametrize("network", [encryption("var.encrypt"), "var.network_config", encryption(1), 42])
def test_unresolved_or_odd_settings_are_unknown(network: Any) -> None:
    assert evaluate(job(2, network)).verdict is Verdict.UNKNOWN


def test_dynamic_network_config_is_unknown_when_it_would_pass() -> None:
    dynamic = frozenset({"network_config"})
    assert evaluate(job(2, encryption(True), dynamic)).verdict is Verdict.UNKNOWN
    assert evaluate(job(2, encryption(False), dynamic)).verdict is Verdict.FAIL
    assert evaluate(job(1, encryption(False), dynamic)).verdict is Verdict.PASS
