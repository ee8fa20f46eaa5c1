"""CKV_AISEC_40 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.bedrock_custom_model_vpc import evaluate

SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
GROUPS = ["sg-0123456789abcdef0"]


def model(vpc_config: Any = None, dynamic: bool = False) -> Resource:
    attrs: dict[str, Any] = {"custom_model_name": "m"}
    if vpc_config is not None:
        attrs["vpc_config"] = vpc_config
    blocks = frozenset({"vpc_config"}) if dynamic else frozenset()
    return Resource("aws_bedrock_custom_model", "aws_bedrock_custom_model.m", attrs, blocks)


@pytest.mark.parametrize(
    "config",
    [
        [{"subnet_ids": SUBNETS, "security_group_ids": GROUPS}],
        {"subnet_ids": SUBNETS, "security_group_ids": GROUPS},
        [{"subnet_ids": "subnet-0a1b2c3d4e5f60718", "security_group_ids": "sg-0123456789abcdef0"}],
        [{"subnet_ids": ["aws_subnet.private[0].id"], "security_group_ids": ["aws_security_group.job.id"]}],
    ],
)
def test_subnets_and_security_groups_pass(config: Any) -> None:
    assert evaluate(model(config)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "config",
    [None, [{"subnet_ids": None, "security_group_ids": GROUPS}], [{"subnet_ids": SUBNETS}], [{"subnet_ids": [""]}]],
)
def test_no_vpc_fails(config: Any) -> None:
    assert evaluate(model(config)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "config",
    [
        [{"subnet_ids": [], "security_group_ids": GROUPS}],  # also how Checkov reads a list variable
        [{"subnet_ids": "var.subnets", "security_group_ids": GROUPS}],
        [{"subnet_ids": ["var.subnet"], "security_group_ids": GROUPS}],
        [{"subnet_ids": 7, "security_group_ids": GROUPS}],
        "var.vpc_config",
        "not a block",
    ],
)
def test_values_not_known_at_plan_time_are_unknown(config: Any) -> None:
    assert evaluate(model(config)).verdict is Verdict.UNKNOWN


def test_a_missing_list_wins_over_an_unknown_one() -> None:
    assert evaluate(model([{"subnet_ids": "var.subnets"}])).verdict is Verdict.FAIL


def test_a_dynamic_block_is_unknown() -> None:
    assert evaluate(model(dynamic=True)).verdict is Verdict.UNKNOWN
