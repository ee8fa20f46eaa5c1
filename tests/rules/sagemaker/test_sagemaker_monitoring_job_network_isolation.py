"""CKV_AISEC_24 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_monitoring_job_network_isolation import evaluate


def job(network: Any = None, dynamic: frozenset[str] = frozenset()) -> Resource:
    body: dict[str, Any] = {"name": "monitor"}
    if network is not None:
        body["network_config"] = network
    return Resource("aws_sagemaker_data_quality_job_definition", "j", body, dynamic)


def isolation(value: Any) -> list[dict[str, Any]]:
    return [{"enable_network_isolation": value, "enable_inter_container_traffic_encryption": True}]


@pytest.mark.parametrize("network", [isolation(True), isolation("true"), {"enable_network_isolation": True}])
def test_isolated_passes(network: Any) -> None:
    assert evaluate(job(network)).verdict is Verdict.PASS


@pytest.mark.parametrize("network", [None, [], [{}], isolation(None), isolation(False), isolation("false")])
def test_not_isolated_fails(network: Any) -> None:
    result = evaluate(job(network))
    assert result.verdict is Verdict.FAIL
    assert "can reach the network" in result.reason


@pytest.mark.parametrize("network", [isolation("var.isolate"), isolation("${local.isolate}"), "var.network_config"])
def test_unresolved_is_unknown(network: Any) -> None:
    result = evaluate(job(network))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("network", [isolation(1), isolation([True]), 3, [None]])
def test_wrong_types_are_unknown(network: Any) -> None:
    assert evaluate(job(network)).verdict is Verdict.UNKNOWN


def test_dynamic_network_config_is_unknown_when_it_would_pass() -> None:
    dynamic = frozenset({"network_config"})
    assert evaluate(job(isolation(True), dynamic)).verdict is Verdict.UNKNOWN
    assert evaluate(job(isolation(False), dynamic)).verdict is Verdict.FAIL
