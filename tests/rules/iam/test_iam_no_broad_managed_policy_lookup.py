"""CKV2_AISEC_30 edge cases: attachments followed to their data.aws_iam_policy lookups."""

from __future__ import annotations

from typing import Any

import pytest

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.iam.iam_no_broad_managed_policy_lookup import evaluate


def lookup(label: str = "admin", address_prefix: str = "", **attrs: Any) -> Resource:
    return Resource("aws_iam_policy", f"{address_prefix}data.aws_iam_policy.{label}", attrs)


def attachment(policy_arn: Any, address: str = "aws_iam_role_policy_attachment.a") -> Resource:
    return Resource("aws_iam_role_policy_attachment", address, {"role": "training", "policy_arn": policy_arn})


def judge(subject: Resource, *others: Resource) -> Verdict:
    return evaluate(subject, Graph([subject, *others])).verdict


@pytest.mark.parametrize(
    "attrs",
    [
        {"name": "AdministratorAccess"},
        {"name": " PowerUserAccess "},
        {"name": "AmazonSageMakerFullAccess", "path_prefix": "/"},
        {"name": "AmazonSageMakerFullAccess", "path_prefix": "/service-role/"},
        {"arn": "arn:aws:iam::aws:policy/AmazonS3FullAccess"},
        {"arn": "arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess"},
        {"arn": 'format("arn:%s:iam::aws:policy/%s", local.partition, "IAMFullAccess")'},
        {"arn": "arn:aws-us-gov:iam::aws:policy/service-role/AWSLambda_FullAccess"},
    ],
)
def test_lookups_of_broad_aws_managed_policies_fail(attrs: dict[str, Any]) -> None:
    assert judge(attachment("data.aws_iam_policy.admin.arn"), lookup(**attrs)) is Verdict.FAIL


@pytest.mark.parametrize(
    "attrs",
    [
        {"name": "ReadOnlyAccess"},
        {"name": "AdministratorAccess-Amplify"},
        {"name": "AdministratorAccess", "path_prefix": "/ml-platform/"},  # only a customer policy lives there
        {"arn": "arn:aws:iam::111122223333:policy/AdministratorAccess"},
        {"arn": "arn:aws:iam::aws:policy/AmazonSageMakerReadOnly"},
    ],
)
def test_lookups_of_other_policies_pass(attrs: dict[str, Any]) -> None:
    assert judge(attachment("data.aws_iam_policy.admin.arn"), lookup(**attrs)) is Verdict.PASS


@pytest.mark.parametrize(
    "attrs",
    [
        {"name": "var.policy_name"},
        {"name": "AdministratorAccess", "path_prefix": "var.path"},
        {"arn": "var.policy_arn"},
        {"arn": "arn:aws:iam::aws:policy/${var.policy_name}"},
        {"arn": "arn:aws:iam::${var.account}:policy/AdministratorAccess"},
        {},
    ],
)
def test_lookups_not_known_at_plan_time_are_unknown(attrs: dict[str, Any]) -> None:
    assert judge(attachment("data.aws_iam_policy.admin.arn"), lookup(**attrs)) is Verdict.UNKNOWN


def test_a_lookup_missing_from_the_configuration_is_unknown() -> None:
    assert judge(attachment("data.aws_iam_policy.elsewhere.arn"), lookup()) is Verdict.UNKNOWN


def test_interpolated_and_indexed_references_are_followed() -> None:
    target = Resource("aws_iam_policy", 'data.aws_iam_policy.admin["x"]', {"name": "AdministratorAccess"})
    assert judge(attachment('${data.aws_iam_policy.admin["x"].arn}'), target) is Verdict.FAIL


def test_lookups_are_resolved_within_the_module() -> None:
    inside = attachment("data.aws_iam_policy.admin.arn", "module.ml.aws_iam_role_policy_attachment.a")
    assert judge(inside, lookup(name="AdministratorAccess")) is Verdict.UNKNOWN
    assert judge(inside, lookup(address_prefix="module.ml.", name="AdministratorAccess")) is Verdict.FAIL


@pytest.mark.parametrize(
    "policy_arn",
    [
        "arn:aws:iam::aws:policy/AdministratorAccess",  # CKV_AISEC_9's
        "aws_iam_policy.training.arn",
        None,
    ],
)
def test_attachments_without_a_lookup_pass_here(policy_arn: Any) -> None:
    assert judge(attachment(policy_arn), lookup(name="AdministratorAccess")) is Verdict.PASS


@pytest.mark.parametrize(
    ("resource_type", "attribute"),
    [
        ("aws_iam_role", "managed_policy_arns"),
        ("aws_iam_role_policy_attachments_exclusive", "policy_arns"),
        ("aws_iam_user_policy_attachments_exclusive", "policy_arns"),
        ("aws_iam_group_policy_attachments_exclusive", "policy_arns"),
    ],
)
def test_policy_arn_lists(resource_type: str, attribute: str) -> None:
    admin = lookup(name="AdministratorAccess")
    read_only = Resource("aws_iam_policy", "data.aws_iam_policy.read_only", {"name": "ReadOnlyAccess"})

    def subject(arns: Any) -> Resource:
        return Resource(resource_type, f"{resource_type}.s", {attribute: arns})

    both = ["data.aws_iam_policy.read_only.arn", "data.aws_iam_policy.admin.arn"]
    assert judge(subject(both), admin, read_only) is Verdict.FAIL
    assert judge(subject(["data.aws_iam_policy.read_only.arn"]), admin, read_only) is Verdict.PASS
    assert judge(subject("var.arns"), admin, read_only) is Verdict.UNKNOWN
