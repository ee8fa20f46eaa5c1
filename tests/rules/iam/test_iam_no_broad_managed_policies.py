"""CKV_AISEC_9 edge cases on normalized resources."""

from __future__ import annotations

import pytest

from policies.model import Resource, Verdict
from policies.rules.iam.iam_no_broad_managed_policies import evaluate

BROAD_POLICIES = (
    "AdministratorAccess",
    "PowerUserAccess",
    "IAMFullAccess",
    "AmazonS3FullAccess",
    "AmazonSageMakerFullAccess",
    "AmazonBedrockFullAccess",
    "AWSLambda_FullAccess",
    "AmazonDynamoDBFullAccess_v2",
    "AmazonEC2ContainerRegistryFullAccess",
    "administratoraccess",  # IAM policy names are unique regardless of case
)

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
        "arn:aws:iam::${var.account_id}:policy/x",  # not a broad name, whoever owns it
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
        "arn:aws:iam::${var.account_id}:policy/AdministratorAccess",  # may be AWS's
        "arn:aws:iam::aws:policy/${var.policy_name}",
        'format("arn:%s:iam::aws:policy/%s", "aws", var.policy_name)',
        "data.aws_caller_identity.current.account_id",
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


@pytest.mark.parametrize(
    "policy_arn",
    [
        "arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess",
        "arn:${var.partition}:iam::aws:policy/AdministratorAccess",  # the partition never matters
        "arn:${local.partition}:iam::aws:policy/service-role/AmazonSageMakerFullAccess",
        'format("arn:%s:iam::aws:policy/%s", local.partition, "AdministratorAccess")',
        'format("arn:%s:iam::aws:policy/%s",aws,"AdministratorAccess")',  # as Checkov renders a resolved local
        'format("arn:%s:iam::aws:policy/%s",data.aws_partition.current.partition,"PowerUserAccess")',
        '${format("arn:%s:iam::aws:policy/IAMFullAccess", data.aws_partition.current.partition)}',
        'format("arn:%v:iam::aws:policy/job-function/%s", var.partition, "AmazonS3FullAccess")',
        " arn:aws:iam::aws:policy/AdministratorAccess ",
    ],
)
def test_built_arns_name_the_policy_they_build(policy_arn: str) -> None:
    result = evaluate(_attachment(policy_arn))
    assert result.verdict is Verdict.FAIL, result.reason


@pytest.mark.parametrize(
    "policy_arn",
    [
        'format("arn:%s:iam::aws:policy/%s", local.partition, "ReadOnlyAccess")',
        "arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess-Amplify",
        "arn:${data.aws_partition.current.partition}:iam::111122223333:policy/PowerUserAccess",
    ],
)
def test_built_arns_of_other_policies_pass(policy_arn: str) -> None:
    result = evaluate(_attachment(policy_arn))
    assert result.verdict is Verdict.PASS, result.reason


def test_a_lookup_is_left_to_the_connection_rule() -> None:
    result = evaluate(_attachment("data.aws_iam_policy.admin.arn"))
    assert result.verdict is Verdict.UNKNOWN
    assert "CKV2_AISEC_30" in result.reason


@pytest.mark.parametrize(
    "resource_type",
    [
        "aws_iam_role_policy_attachments_exclusive",
        "aws_iam_user_policy_attachments_exclusive",
        "aws_iam_group_policy_attachments_exclusive",
    ],
)
@pytest.mark.parametrize(
    ("arns", "verdict"),
    [
        (["arn:aws:iam::aws:policy/ReadOnlyAccess", "aws_iam_policy.training.arn"], Verdict.PASS),
        (["arn:aws:iam::aws:policy/AmazonBedrockFullAccess"], Verdict.FAIL),
        ("var.policy_arns", Verdict.UNKNOWN),
        ([], Verdict.PASS),  # the exclusive resource detaches every policy
    ],
)
def test_exclusive_attachments(resource_type: str, arns: object, verdict: Verdict) -> None:
    resource = Resource(resource_type, f"{resource_type}.a", {"role_name": "r", "policy_arns": arns})
    assert evaluate(resource).verdict is verdict
