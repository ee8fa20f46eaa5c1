"""policies.iam: statements that allow everyone, and the conditions that narrow them (used by CKV_AISEC_111
and CKV_AISEC_112)."""

from __future__ import annotations

import pytest

from policies import iam
from policies.model import Resource

ORG = {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}


def _statement(**fields: object) -> iam.Statement:
    raw = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", **fields}
    [statement] = iam.read_policy({"Statement": [raw]}).statements
    return statement


@pytest.mark.parametrize(
    ("fields", "named_as"),
    [
        ({}, 'Principal "*"'),
        ({"Principal": {"AWS": "*"}}, 'Principal "*"'),
        ({"Principal": None, "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}}, "NotPrincipal"),
        ({"Principal": None, "NotPrincipal": "var.keep"}, "NotPrincipal"),
        ({"Principal": {"AWS": "arn:aws:iam::111122223333:root"}}, None),
        ({"Principal": {"Service": "s3.amazonaws.com"}}, None),
        ({"Principal": None}, None),  # identity policies name no principal
    ],
)
def test_everyone_principal(fields: dict, named_as: str | None) -> None:
    found = iam.everyone_principal(_statement(**fields))
    if named_as is None:
        assert found is None
    else:
        assert found is not None and found.startswith(named_as)


@pytest.mark.parametrize(
    "condition",
    [
        ORG,
        {"StringEqualsIgnoreCase": {"aws:PrincipalAccount": "111122223333"}},
        {"stringequals": {"AWS:SOURCEACCOUNT": "111122223333"}},
        {"StringEquals": {"aws:SourceArn": "*"}},  # exact: a literal "*" matches no ARN
        {"StringEquals": {"aws:PrincipalOrgID": "${var.org_id}"}},  # exact: whatever the value, only that one
        {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"]}},
        {"StringLike": {"aws:SourceOrgPaths": "o-a1b2c3d4e5/*"}},
        {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ml-*"}},
        {"ArnEquals": {"aws:SourceArn": "arn:aws:s3:::example-training-data"}},
        {"ArnLike": {"aws:SourceArn": "arn:aws:sagemaker:*:111122223333:*"}},
    ],
)
def test_conditions_that_narrow(condition: dict) -> None:
    statement = _statement(Condition=condition)
    assert iam.narrowing_conditions(statement, iam.PRINCIPAL_NARROWING_KEYS) == statement.conditions
    assert iam.grants_everyone(statement, iam.PRINCIPAL_NARROWING_KEYS) is False


@pytest.mark.parametrize(
    "condition",
    [
        {"StringEquals": {"sts:ExternalId": "shared"}},
        {"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}},
        {"ForAllValues:StringEquals": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/*"}},
        {"StringNotEquals": {"aws:PrincipalAccount": "444455556666"}},
        {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::444455556666:*"}},
        {"Null": {"aws:PrincipalOrgID": "false"}},
        {"StringLike": {"aws:PrincipalOrgID": "*"}},
        {"StringLike": {"aws:PrincipalArn": ["arn:aws:iam::111122223333:role/a", "?*"]}},
        {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/ci"}},
        {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::1111*:role/ci"}},
        {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::*"}},
        {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}},  # not a principal key
    ],
)
def test_conditions_that_do_not_narrow(condition: dict) -> None:
    statement = _statement(Condition=condition)
    assert iam.narrowing_conditions(statement, iam.PRINCIPAL_NARROWING_KEYS) == ()
    assert iam.grants_everyone(statement, iam.PRINCIPAL_NARROWING_KEYS) is True


@pytest.mark.parametrize(
    ("condition", "narrows"),
    [
        ({"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.0.2.0/24"]}}, True),
        ({"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}, False),
        ({"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "::/0"]}}, False),
        ({"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}, False),
        ({"StringEquals": {"aws:SourceVpce": "vpce-0a1b2c3d"}}, True),
        ({"StringEquals": {"aws:SourceVpc": "vpc-0a1b2c3d"}}, True),
    ],
)
def test_network_keys_narrow_when_asked_for(condition: dict, narrows: bool) -> None:
    statement = _statement(Condition=condition)
    keys = iam.PRINCIPAL_NARROWING_KEYS | iam.NETWORK_NARROWING_KEYS
    assert iam.grants_everyone(statement, keys) is not narrows
    assert iam.grants_everyone(statement, iam.PRINCIPAL_NARROWING_KEYS) is True


def test_kms_caller_account_narrows_when_asked_for() -> None:
    statement = _statement(Condition={"StringEquals": {"kms:CallerAccount": "111122223333"}})
    assert iam.grants_everyone(statement, iam.PRINCIPAL_NARROWING_KEYS | iam.KMS_NARROWING_KEYS) is False
    assert iam.grants_everyone(statement, iam.PRINCIPAL_NARROWING_KEYS) is True


@pytest.mark.parametrize(
    ("fields", "grants"),
    [
        ({"Effect": "Deny"}, False),
        ({"Effect": "Deny", "Principal": "var.who"}, False),
        ({"Principal": {"AWS": "arn:aws:iam::111122223333:root"}}, False),
        ({"Principal": {"AWS": "var.who"}, "Condition": ORG}, False),  # narrowed, whoever it names
        ({"Effect": "var.effect", "Condition": ORG}, False),
        ({"Effect": "var.effect"}, None),
        ({"Principal": {"AWS": "var.who"}}, None),
        ({"Principal": {"AWS": ["arn:aws:iam::111122223333:root", "${var.more}"]}}, None),
        ({"Principal": {"AWS": ["*", "var.more"]}}, True),  # the known part already names everyone
        ({"Condition": {"Bool": {"aws:SecureTransport": "var.tls"}}}, None),  # an unknown condition might narrow
        ({"Condition": "var.conditions"}, None),
        ({"Condition": {"StringLike": {"aws:PrincipalArn": "var.pattern"}}}, None),
        ({"Condition": {"StringLike": {"aws:PrincipalArn": ["arn:aws:iam::111122223333:role/a", "var.b"]}}}, None),
        ({"Condition": {**ORG, "Bool": {"aws:SecureTransport": "var.tls"}}}, False),
    ],
)
def test_unknown_values_decide_only_when_nothing_known_does(fields: dict, grants: bool | None) -> None:
    assert iam.grants_everyone(_statement(**fields), iam.PRINCIPAL_NARROWING_KEYS) is grants


def test_policy_documents_read_the_same() -> None:
    resource = Resource(
        "aws_iam_policy_document",
        "data.aws_iam_policy_document.d",
        {
            "statement": [
                {"actions": ["s3:GetObject"], "principals": [{"type": "*", "identifiers": ["*"]}]},
                {
                    "actions": ["s3:GetObject"],
                    "principals": [{"type": "AWS", "identifiers": ["*"]}],
                    "condition": [{"test": "StringEquals", "variable": "aws:PrincipalOrgID", "values": ["o-1"]}],
                },
            ]
        },
    )
    public, narrowed = iam.read_policy_document(resource).statements
    assert iam.grants_everyone(public, iam.PRINCIPAL_NARROWING_KEYS) is True
    assert iam.grants_everyone(narrowed, iam.PRINCIPAL_NARROWING_KEYS) is False
