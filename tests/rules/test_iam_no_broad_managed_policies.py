"""CKV_AISEC_9 edge cases on normalized resources."""

from __future__ import annotations

import pytest

from policies.model import Resource, Verdict
from policies.rules.iam_no_broad_managed_policies import BROAD_POLICIES, evaluate

ATTACHMENTS = {
    "aws_iam_role_policy_attachment": {"role": "sagemaker-training"},
    "aws_iam_user_policy_attachment": {"user": "ml-analyst"},
    "aws_iam_group_policy_attachment": {"group": "data-scientists"},
    "aws_iam_policy_attachment": {"name": "shared", "roles": ["sagemaker-training"]},
}


def _attachment(policy_arn: object, resource_type: str = "aws_iam_role_policy_attachment") -> Resource:
    return Resource(resource_type, f"{resource_type}.a", {**ATTACHMENTS[resource_type], "policy_arn": policy_arn})


def _role(**attrs: object) -> Resource:
    return Resource("aws_iam_role", "aws_iam_role.r", {"name": "r", "assume_role_policy": {}, **attrs})


@pytest.mark.parametrize("resource_type", sorted(ATTACHMENTS))
@pytest.mark.parametrize("name", BROAD_POLICIES)
@pytest.mark.parametrize(
    "partition", ["aws", "aws-us-gov", "aws-cn", "aws-iso-b", "${data.aws_partition.current.partition}"]
)
def test_broad_aws_managed_policies_fail_in_any_partition(resource_type: str, name: str, partition: str) -> None:
    result = evaluate(_attachment(f"arn:{partition}:iam::aws:policy/{name}", resource_type))
    assert result.verdict is Verdict.FAIL
    assert name in result.reason


@pytest.mark.parametrize(
    "policy_arn",
    [
        "arn:aws:iam::aws:policy/ReadOnlyAccess",
        "arn:aws:iam::aws:policy/AmazonSageMakerReadOnly",
        "arn:aws:iam::aws:policy/AmazonBedrockReadOnly",
        "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        "arn:aws:iam::aws:policy/AdministratorAccess-Amplify",  # a different, narrower policy
        "arn:aws:iam::111122223333:policy/AdministratorAccess",  # a customer policy, whatever its name
        "arn:aws:iam::111122223333:policy/ml/training-data-read",
        "arn:aws:iam::${data.aws_caller_identity.current.account_id}:policy/training",
        "aws_iam_policy.training.arn",
        "${aws_iam_policy.training.arn}",
        'aws_iam_policy.per_model["churn"].arn',
    ],
)
def test_other_policies_pass(policy_arn: str) -> None:
    result = evaluate(_attachment(policy_arn))
    assert result.verdict is Verdict.PASS, result.reason


@pytest.mark.parametrize(
    "policy_arn",
    [
        "data.aws_iam_policy.sagemaker.arn",  # the data source may look up AmazonSageMakerFullAccess
        "${data.aws_iam_policy.sagemaker.arn}",
        "var.policy_arn",
        "local.policy_arn",
        "module.iam.policy_arn",
        "arn:aws:iam::${var.account_id}:policy/x",
        None,
        "",
        42,
        ["arn:aws:iam::aws:policy/ReadOnlyAccess", "x"],
        "ReadOnlyAccess",
    ],
)
def test_unresolved_or_unrecognized_arns_are_unknown(policy_arn: object) -> None:
    result = evaluate(_attachment(policy_arn))
    assert result.verdict is Verdict.UNKNOWN, result.reason


@pytest.mark.parametrize(
    ("arns", "verdict"),
    [
        (None, Verdict.PASS),
        ([], Verdict.PASS),
        (["arn:aws:iam::111122223333:policy/training"], Verdict.PASS),
        ("arn:aws:iam::111122223333:policy/training", Verdict.PASS),  # the adapter unwraps one-item lists
        (["aws_iam_policy.training.arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"], Verdict.PASS),
        (
            ["arn:aws:iam::111122223333:policy/training", "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"],
            Verdict.FAIL,
        ),
        ("arn:aws-cn:iam::aws:policy/AdministratorAccess", Verdict.FAIL),
        (["var.extra_arn", "arn:aws:iam::aws:policy/PowerUserAccess"], Verdict.FAIL),
        (["var.extra_arn", "arn:aws:iam::111122223333:policy/training"], Verdict.UNKNOWN),
        ("var.managed_policy_arns", Verdict.UNKNOWN),
        (["data.aws_iam_policy.bedrock.arn"], Verdict.UNKNOWN),
    ],
)
def test_role_managed_policy_arns(arns: object, verdict: Verdict) -> None:
    attrs = {} if arns is None else {"managed_policy_arns": arns}
    result = evaluate(_role(**attrs))
    assert result.verdict is verdict, result.reason


def test_a_role_with_only_inline_policies_passes() -> None:
    role = _role(inline_policy=[{"name": "admin", "policy": '{"Statement": []}'}])
    assert evaluate(role).verdict is Verdict.PASS
