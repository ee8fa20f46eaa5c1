"""CKV_AISEC_49 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.eks.eks_node_group_no_open_ssh import evaluate

ABSENT = object()


def node_group(remote_access: Any = ABSENT, dynamic: frozenset[str] = frozenset()) -> Resource:
    attrs: dict[str, Any] = {"cluster_name": "training", "instance_types": ["g5.2xlarge"]}
    if remote_access is not ABSENT:
        attrs["remote_access"] = remote_access
    return Resource("aws_eks_node_group", "aws_eks_node_group.g", attrs, dynamic)


def access(key: Any = "ml-admins", groups: Any = ABSENT) -> list[dict[str, Any]]:
    block: dict[str, Any] = {"ec2_ssh_key": key}
    if groups is not ABSENT:
        block["source_security_group_ids"] = groups
    return [block]


@pytest.mark.parametrize("remote_access", [ABSENT, None, [], access(None), access(""), [{}]])
def test_no_remote_access_or_no_key_passes(remote_access: Any) -> None:
    result = evaluate(node_group(remote_access))
    assert result.verdict is Verdict.PASS
    assert "no SSH port" in result.reason


@pytest.mark.parametrize(
    "groups",
    [
        ["sg-0a1b2c3d4e5f60009"],
        ["aws_security_group.bastion.id"],
        ["${aws_security_group.bastion.id}", "sg-0a1b2c3d4e5f60009"],
        "sg-0a1b2c3d4e5f60009",
    ],
)
def test_ssh_from_listed_security_groups_passes(groups: Any) -> None:
    assert evaluate(node_group(access(groups=groups))).verdict is Verdict.PASS


@pytest.mark.parametrize("groups", [ABSENT, None, ""])
def test_a_key_without_source_groups_opens_ssh_to_everyone(groups: Any) -> None:
    result = evaluate(node_group(access(groups=groups)))
    assert result.verdict is Verdict.FAIL
    assert "0.0.0.0/0" in result.reason


def test_a_block_may_arrive_as_one_dict() -> None:
    """Pulumi sends single blocks as dicts."""
    assert evaluate(node_group({"ec2_ssh_key": "ml-admins"})).verdict is Verdict.FAIL


def test_an_empty_group_list_is_unknown() -> None:
    """Checkov renders `source_security_group_ids = var.ids` (a list variable without default) as []."""
    result = evaluate(node_group(access(groups=[])))
    assert result.verdict is Verdict.UNKNOWN
    assert "list variable" in result.reason


@pytest.mark.parametrize("groups", ["var.groups", "${var.groups}", "module.network.bastion_sg_ids"])
def test_groups_not_known_at_plan_time_are_unknown(groups: str) -> None:
    assert evaluate(node_group(access(groups=groups))).verdict is Verdict.UNKNOWN


def test_a_key_not_known_at_plan_time_is_unknown_without_groups() -> None:
    """A variable key may be null, and without a key EKS opens nothing."""
    assert evaluate(node_group(access("var.ssh_key"))).verdict is Verdict.UNKNOWN
    assert evaluate(node_group(access("var.ssh_key", ["sg-1"]))).verdict is Verdict.PASS


@pytest.mark.parametrize("remote_access", ["var.remote_access", "local.access"])
def test_remote_access_from_a_variable_is_unknown(remote_access: str) -> None:
    assert evaluate(node_group(remote_access)).verdict is Verdict.UNKNOWN


def test_dynamic_remote_access_is_unknown() -> None:
    assert evaluate(node_group(dynamic=frozenset({"remote_access"}))).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "remote_access", [True, 22, "ml-admins", access(["a"]), access(groups=[None]), access(groups=[22])]
)
def test_wrong_types_are_unknown(remote_access: Any) -> None:
    assert evaluate(node_group(remote_access)).verdict is Verdict.UNKNOWN
