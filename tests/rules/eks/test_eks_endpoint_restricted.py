"""CKV_AISEC_47 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.eks.eks_endpoint_restricted import evaluate


def cluster(vpc_config: Any = None, dynamic: frozenset[str] = frozenset(), **settings: Any) -> Resource:
    attrs: dict[str, Any] = {"name": "training"}
    if vpc_config is None:
        vpc_config = [{"subnet_ids": ["subnet-1", "subnet-2"], **settings}]
    if vpc_config != "absent":
        attrs["vpc_config"] = vpc_config
    return Resource("aws_eks_cluster", "aws_eks_cluster.c", attrs, dynamic)


@pytest.mark.parametrize("public", [False, "false"])
def test_private_endpoint_passes(public: Any) -> None:
    result = evaluate(cluster(endpoint_public_access=public, public_access_cidrs=["0.0.0.0/0"]))
    assert result.verdict is Verdict.PASS
    assert "only from the VPC" in result.reason


@pytest.mark.parametrize(
    "cidrs",
    [["203.0.113.0/24"], ["203.0.113.0/24", "198.51.100.17/32"], "203.0.113.0/24", ["10.0.0.0/8", "2001:db8::/32"]],
)
def test_restricted_public_endpoint_passes(cidrs: Any) -> None:
    for public in (None, True, "true"):
        assert evaluate(cluster(endpoint_public_access=public, public_access_cidrs=cidrs)).verdict is Verdict.PASS


@pytest.mark.parametrize("cidrs", [None, ""])
def test_public_endpoint_without_cidrs_is_open_to_everyone(cidrs: Any) -> None:
    result = evaluate(cluster(public_access_cidrs=cidrs))
    assert result.verdict is Verdict.FAIL
    assert "0.0.0.0/0" in result.reason


@pytest.mark.parametrize(
    "cidrs",
    [
        ["0.0.0.0/0"],
        ["203.0.113.0/24", "0.0.0.0/0"],
        ["0.0.0.0/1", "128.0.0.0/1"],
        ["10.1.2.3/0"],
        ["::/0"],
        ["0.0.0.0/0", "var.extra"],
    ],
)
def test_cidrs_covering_the_internet_fail(cidrs: list[str]) -> None:
    result = evaluate(cluster(public_access_cidrs=cidrs))
    assert result.verdict is Verdict.FAIL
    assert "whole internet" in result.reason


@pytest.mark.parametrize("vpc_config", ["absent", None, [], [{}]])
def test_missing_configuration_uses_the_open_defaults(vpc_config: Any) -> None:
    resource = cluster(vpc_config=[{}] if vpc_config is None else vpc_config)
    assert evaluate(resource).verdict is Verdict.FAIL


def test_a_block_may_arrive_as_one_dict() -> None:
    """Pulumi sends single blocks as dicts."""
    resource = cluster(vpc_config={"endpoint_public_access": False})
    assert evaluate(resource).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "settings",
    [
        {"endpoint_public_access": "var.public"},
        {"endpoint_public_access": "${var.public}"},
        {"public_access_cidrs": "var.cidrs"},
        {"public_access_cidrs": ["var.admin_cidr"]},
        {"public_access_cidrs": ["203.0.113.0/24", "${var.admin_cidr}"]},
        {"public_access_cidrs": ["aws_eip.nat.public_ip"]},
    ],
)
def test_values_not_known_at_plan_time_are_unknown(settings: dict[str, Any]) -> None:
    assert evaluate(cluster(**settings)).verdict is Verdict.UNKNOWN


def test_an_empty_cidr_list_is_unknown() -> None:
    """Checkov renders `public_access_cidrs = var.cidrs` (a list variable without default) as []."""
    result = evaluate(cluster(public_access_cidrs=[]))
    assert result.verdict is Verdict.UNKNOWN
    assert "list variable" in result.reason


@pytest.mark.parametrize("vpc_config", ["var.vpc", "local.vpc"])
def test_configuration_from_a_variable_is_unknown(vpc_config: str) -> None:
    assert evaluate(cluster(vpc_config=vpc_config)).verdict is Verdict.UNKNOWN


def test_dynamic_configuration_is_unknown() -> None:
    assert evaluate(cluster(vpc_config="absent", dynamic=frozenset({"vpc_config"}))).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "settings",
    [
        {"endpoint_public_access": "sometimes"},
        {"endpoint_public_access": 2},
        {"public_access_cidrs": ["not-a-cidr"]},
        {"public_access_cidrs": [7]},
        {"public_access_cidrs": [["203.0.113.0/24"]]},
    ],
)
def test_wrong_types_are_unknown(settings: dict[str, Any]) -> None:
    assert evaluate(cluster(**settings)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("vpc_config", [True, 3, "subnet-1"])
def test_configuration_that_is_not_a_block_is_unknown(vpc_config: Any) -> None:
    assert evaluate(cluster(vpc_config=vpc_config)).verdict is Verdict.UNKNOWN
