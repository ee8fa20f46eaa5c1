"""CKV_AISEC_17 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_model_vpc import evaluate

SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-0b1c2d3e4f5a60729"]
GROUPS = ["sg-0123456789abcdef0"]


def model(vpc: Any = None, dynamic: frozenset[str] = frozenset(), **attrs: Any) -> Resource:
    base: dict[str, Any] = {"name": "classifier", "execution_role_arn": "arn:aws:iam::111122223333:role/model"}
    if vpc is not None:
        base["vpc_config"] = vpc
    return Resource("aws_sagemaker_model", "aws_sagemaker_model.m", {**base, **attrs}, dynamic)


@pytest.mark.parametrize(
    "vpc",
    [
        [{"subnets": SUBNETS, "security_group_ids": GROUPS}],
        {"subnets": SUBNETS, "security_group_ids": GROUPS},
        # plan JSON with values unknown until apply: Checkov fills in the first reference, as a plain string
        [{"subnets": "aws_subnet.private_a.id", "security_group_ids": "aws_security_group.inference.id"}],
        [{"subnets": ["aws_subnet.private_a.id"], "security_group_ids": ["aws_security_group.inference.id"]}],
        [{"subnets": "var.private_subnet_ids", "security_group_ids": GROUPS}],
        [{"subnets": "${module.network.private_subnet_ids}", "security_group_ids": "local.groups"}],
        [{"subnets": ["var.subnet_a", None], "security_group_ids": GROUPS}],
    ],
)
def test_vpc_config_with_subnets_and_groups_passes(vpc: Any) -> None:
    assert evaluate(model(vpc)).verdict is Verdict.PASS


@pytest.mark.parametrize("vpc", [None, []])
def test_no_vpc_config_fails(vpc: Any) -> None:
    result = evaluate(model(vpc))
    assert result.verdict is Verdict.FAIL
    assert "outside your VPC" in result.reason


@pytest.mark.parametrize(
    "vpc",
    [
        {},
        [{}],
        [{"subnets": [None, ""], "security_group_ids": GROUPS}],
        [{"subnets": SUBNETS}],
        [{"subnets": SUBNETS, "security_group_ids": None}],
    ],
)
def test_missing_subnets_or_groups_fail(vpc: Any) -> None:
    assert evaluate(model(vpc)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "vpc",
    [[{"subnets": [], "security_group_ids": GROUPS}], [{"subnets": SUBNETS, "security_group_ids": []}]],
)
def test_empty_lists_are_unknown(vpc: Any) -> None:
    """Checkov reads an unresolved list(string) variable as [] in HCL; a literal [] is rejected by AWS anyway."""
    result = evaluate(model(vpc))
    assert result.verdict is Verdict.UNKNOWN
    assert "unresolved list variable" in result.reason


def test_network_isolation_does_not_replace_a_vpc() -> None:
    assert evaluate(model(enable_network_isolation=True)).verdict is Verdict.FAIL


def test_dynamic_vpc_config_is_unknown() -> None:
    assert evaluate(model(dynamic=frozenset({"vpc_config"}))).verdict is Verdict.UNKNOWN


def test_dynamic_vpc_config_with_rendered_content_is_unknown() -> None:
    """Checkov renders a dynamic block's content, but its for_each decides whether the block exists."""
    vpc = [{"subnets": SUBNETS, "security_group_ids": GROUPS}]
    result = evaluate(model(vpc, dynamic=frozenset({"vpc_config"})))
    assert result.verdict is Verdict.UNKNOWN
    assert "for_each" in result.reason


def test_dynamic_vpc_config_that_fails_either_way_fails() -> None:
    assert evaluate(model([{"subnets": SUBNETS}], dynamic=frozenset({"vpc_config"}))).verdict is Verdict.FAIL


@pytest.mark.parametrize("vpc", ["var.vpc_config", "${local.vpc}"])
def test_whole_block_from_a_variable_is_unknown(vpc: str) -> None:
    assert evaluate(model(vpc)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "vpc",
    [
        "subnet-0a1b2c3d4e5f60718",
        42,
        True,
        [{"subnets": 7, "security_group_ids": GROUPS}],
        [{"subnets": SUBNETS, "security_group_ids": {"id": "sg-1"}}],
    ],
)
def test_wrong_types_are_unknown(vpc: Any) -> None:
    assert evaluate(model(vpc)).verdict is Verdict.UNKNOWN
