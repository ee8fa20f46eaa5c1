"""CKV_AISEC_112 edge cases, on normalized bucket policies, KMS keys and KMS key policies."""

from __future__ import annotations

import json

import pytest

from policies.model import Resource, Verdict
from policies.rules.iam.resource_policy_no_public_principal import evaluate

RESOURCE_TYPES = ["aws_s3_bucket_policy", "aws_kms_key", "aws_kms_key_policy"]
KEY_TYPES = ["aws_kms_key", "aws_kms_key_policy"]
ACCOUNT = {
    "Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
    "Action": "kms:*",
    "Resource": "*",
}


def _resource(policy: object, resource_type: str = "aws_s3_bucket_policy") -> Resource:
    return Resource(resource_type, f"{resource_type}.p", {"policy": policy})


def _policy(*statements: object) -> dict:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def _everyone(condition: dict | None = None, principal: object = "*", effect: str = "Allow") -> dict:
    statement = {"Effect": effect, "Principal": principal, "Action": ["s3:GetObject", "kms:Decrypt"], "Resource": "*"}
    if condition is not None:
        statement["Condition"] = condition
    return statement


@pytest.mark.parametrize("resource_type", RESOURCE_TYPES)
@pytest.mark.parametrize(
    "statement",
    [
        _everyone(),
        _everyone(principal={"AWS": "*"}),
        _everyone(principal={"AWS": ["arn:aws:iam::444455556666:root", "*"]}),
        {"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*"},
        {"Effect": "Allow", "Principal": "*", "NotAction": "s3:DeleteBucket", "Resource": "*"},
        _everyone({"Bool": {"aws:SecureTransport": "true"}}),
        _everyone({"StringEquals": {"kms:EncryptionContext:project": "churn"}}),
        _everyone({"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}),
        _everyone({"StringEqualsIfExists": {"aws:SourceAccount": "111122223333"}}),
        _everyone({"StringNotEquals": {"aws:PrincipalOrgID": "o-other"}}),
        _everyone({"ArnLike": {"aws:SourceArn": "arn:aws:s3:::*"}}),
        _everyone({"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/reader"}}),
    ],
    ids=[
        "star",
        "aws-star",
        "aws-star-in-list",
        "not-principal",
        "not-action",
        "tls-only",
        "encryption-context",
        "via-service-only",
        "if-exists",
        "negated",
        "any-bucket",
        "role-name-in-any-account",
    ],
)
def test_everyone_without_narrowing_fails(resource_type: str, statement: dict) -> None:
    result = evaluate(_resource(_policy(ACCOUNT, statement), resource_type))
    assert result.verdict is Verdict.FAIL, result.reason


@pytest.mark.parametrize("resource_type", RESOURCE_TYPES)
@pytest.mark.parametrize(
    "condition",
    [
        {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}},
        {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}},
        {"StringEquals": {"aws:PrincipalAccount": "111122223333"}},
        {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ml-*"}},
        {"StringEquals": {"aws:SourceAccount": "111122223333"}},
        {"ArnEquals": {"aws:SourceArn": "arn:aws:cloudtrail:us-east-1:111122223333:trail/ml"}},
        {"StringEquals": {"aws:SourceOrgID": "o-a1b2c3d4e5"}},
    ],
)
def test_organization_account_and_source_conditions_narrow_every_type(resource_type: str, condition: dict) -> None:
    result = evaluate(_resource(_policy(_everyone(condition)), resource_type))
    assert result.verdict is Verdict.PASS, result.reason


@pytest.mark.parametrize(
    "condition",
    [
        {"StringEquals": {"aws:SourceVpce": "vpce-0a1b2c3d4e5f60789"}},
        {"StringEquals": {"aws:SourceVpc": "vpc-0a1b2c3d"}},
        {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.0.2.0/24"]}},
    ],
)
def test_network_conditions_narrow_bucket_policies_only(condition: dict) -> None:
    statement = _everyone(condition)
    assert evaluate(_resource(_policy(statement))).verdict is Verdict.PASS
    for resource_type in KEY_TYPES:
        assert evaluate(_resource(_policy(statement), resource_type)).verdict is Verdict.FAIL


def test_kms_caller_account_narrows_key_policies_only() -> None:
    statement = _everyone(
        {"StringEquals": {"kms:CallerAccount": "111122223333", "kms:ViaService": "s3.us-east-1.amazonaws.com"}}
    )
    for resource_type in KEY_TYPES:
        assert evaluate(_resource(_policy(ACCOUNT, statement), resource_type)).verdict is Verdict.PASS
    assert evaluate(_resource(_policy(statement))).verdict is Verdict.FAIL


def test_every_address_does_not_narrow() -> None:
    statement = _everyone({"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "0.0.0.0/0"]}})
    assert evaluate(_resource(_policy(statement))).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    ("policy", "resource_type"),
    [
        (json.dumps(_policy(_everyone())), "aws_kms_key_policy"),  # plan JSON: Checkov leaves it a string
        ([_policy(_everyone())], "aws_s3_bucket_policy"),  # decoded and wrapped by Checkov's plan parser
        ([_policy(_everyone())], "aws_kms_key"),
        ({"Statement": _everyone()}, "aws_s3_bucket_policy"),  # a single statement object
    ],
    ids=["json-string", "wrapped-bucket-policy", "wrapped-key-policy", "one-statement"],
)
def test_every_shape_of_policy_is_read(policy: object, resource_type: str) -> None:
    assert evaluate(_resource(policy, resource_type)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "statement",
    [
        ACCOUNT,
        {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:Encrypt*"},
        {"Effect": "Allow", "Principal": {"AWS": "aws_iam_role.reader.arn"}, "Action": "s3:GetObject"},  # one role
        _everyone(effect="Deny"),
        _everyone({"Bool": {"aws:SecureTransport": "false"}}, effect="Deny"),
        {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*"},
        _everyone({"StringEquals": {"aws:PrincipalOrgID": "${var.org_id}"}}),  # any exact value narrows
        _everyone({"StringEquals": {"aws:PrincipalOrgID": "o-1"}, "Bool": {"aws:SecureTransport": "var.tls"}}),
    ],
)
def test_named_denied_or_narrowed_principals_pass(statement: dict) -> None:
    for resource_type in RESOURCE_TYPES:
        result = evaluate(_resource(_policy(statement), resource_type))
        assert result.verdict is Verdict.PASS, result.reason


def test_an_absent_policy_passes() -> None:
    """An aws_kms_key without policy gets the default key policy, which trusts the account only."""
    for resource_type in RESOURCE_TYPES:
        assert evaluate(_resource(None, resource_type)).verdict is Verdict.PASS
    assert evaluate(Resource("aws_kms_key", "aws_kms_key.k", {"description": "k"})).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "policy",
    [
        "var.bucket_policy",
        "data.aws_iam_policy_document.public_read.json",  # rendered in plan JSON only
        "not json",
        _policy({"Effect": "Allow", "Principal": {"AWS": "var.readers"}, "Action": "s3:GetObject"}),
        _policy({"Effect": "Allow", "Principal": {"AWS": []}, "Action": "s3:GetObject"}),  # list(string) var
        _policy({"Effect": "Allow", "Principal": "${var.principal}", "Action": "s3:GetObject"}),
        _policy(_everyone(effect="var.effect")),
        _policy(_everyone({"StringEquals": "var.conditions"})),
        _policy(_everyone({"IpAddress": {"aws:SourceIp": "${var.cidr}"}})),  # might be 0.0.0.0/0
        _policy(ACCOUNT, "var.extra_statement"),
    ],
)
def test_unresolved_parts_are_unknown(policy: object) -> None:
    result = evaluate(_resource(policy))
    assert result.verdict is Verdict.UNKNOWN, result.reason


def test_a_failing_statement_wins_over_unknown_parts() -> None:
    policy = _policy(
        {"Effect": "Allow", "Principal": {"AWS": "var.readers"}, "Action": "s3:GetObject"},
        "var.extra_statement",
        {**_everyone(), "Sid": "PublicRead"},
    )
    result = evaluate(_resource(policy))
    assert result.verdict is Verdict.FAIL
    assert "PublicRead" in result.reason and "s3:GetObject" in result.reason
