"""CKV_AISEC_111 edge cases, on normalized aws_iam_role resources."""

from __future__ import annotations

import json

import pytest

from policies.model import Resource, Verdict
from policies.rules.iam.iam_trust_policy_no_public_principal import evaluate

SERVICE = {"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole"}


def _role(policy: object) -> Resource:
    return Resource("aws_iam_role", "aws_iam_role.r", {"name": "r", "assume_role_policy": policy})


def _trust(*statements: object) -> dict:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def _everyone(condition: dict | None = None, principal: object = "*", effect: str = "Allow") -> dict:
    statement = {"Effect": effect, "Principal": principal, "Action": "sts:AssumeRole"}
    if condition is not None:
        statement["Condition"] = condition
    return statement


@pytest.mark.parametrize(
    "statement",
    [
        _everyone(),
        _everyone(principal={"AWS": "*"}),
        _everyone(principal={"AWS": ["arn:aws:iam::444455556666:root", "*"]}),
        _everyone(effect="allow"),
        {"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole"},
        {"Effect": "Allow", "NotPrincipal": "var.excluded", "Action": "sts:AssumeRole"},  # all but a few, whoever
        _everyone({"StringEquals": {"sts:ExternalId": "shared-secret"}}),
        _everyone({"Bool": {"aws:MultiFactorAuthPresent": "true"}}),
        _everyone({"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}),
        _everyone({"ForAllValues:StringEquals": {"aws:PrincipalOrgPaths": ["o-a1b2c3d4e5/r-ab12/"]}}),
        _everyone({"StringNotEquals": {"aws:PrincipalAccount": "444455556666"}}),
        _everyone({"StringLike": {"aws:PrincipalArn": "*"}}),
        _everyone({"ArnLike": {"aws:PrincipalArn": ["arn:aws:iam::111122223333:role/ml", "arn:aws:iam::*:role/ci"]}}),
        _everyone({"Null": {"aws:PrincipalOrgID": "false"}}),
        _everyone({"StringEquals": {"aws:SourceVpc": "vpc-0a1b2c3d"}}),  # a network key narrows bucket policies only
    ],
    ids=[
        "star",
        "aws-star",
        "aws-star-in-list",
        "lowercase-effect",
        "not-principal",
        "not-principal-from-variable",
        "external-id-only",
        "mfa-only",
        "if-exists",
        "for-all-values",
        "negated",
        "like-star",
        "arn-of-any-account",
        "null-test",
        "network-key",
    ],
)
def test_trusting_everyone_without_narrowing_fails(statement: dict) -> None:
    result = evaluate(_role(_trust(SERVICE, statement)))
    assert result.verdict is Verdict.FAIL, result.reason


def test_the_external_id_is_named_in_the_reason() -> None:
    result = evaluate(_role(_trust(_everyone({"StringEquals": {"sts:ExternalId": "shared-secret"}}))))
    assert "sts:ExternalId" in result.reason
    assert "sts:ExternalId" not in evaluate(_role(_trust(_everyone()))).reason


@pytest.mark.parametrize(
    "policy",
    [
        json.dumps(_trust(_everyone())),  # plan JSON string
        {"Statement": _everyone()},  # a single statement object
        [_trust(_everyone())],  # wrapped by Checkov's plan parser
    ],
    ids=["json-string", "one-statement", "wrapped"],
)
def test_every_shape_of_policy_is_read(policy: object) -> None:
    assert evaluate(_role(policy)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "statement",
    [
        SERVICE,
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole"},
        {"Effect": "Allow", "Principal": {"AWS": "aws_iam_role.ci.arn"}, "Action": "sts:AssumeRole"},  # one role
        {
            "Effect": "Allow",
            "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
            "Action": "sts:AssumeRoleWithWebIdentity",
        },
        _everyone(effect="Deny"),
        _everyone({"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}),
        _everyone({"stringequals": {"AWS:principalorgid": "o-a1b2c3d4e5"}}),  # keys and operators ignore case
        _everyone({"StringEqualsIgnoreCase": {"aws:PrincipalAccount": "111122223333"}}),
        _everyone({"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}}),
        _everyone({"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ml-*"}}),
        _everyone({"ArnEquals": {"aws:SourceArn": "arn:aws:sagemaker:us-east-1:111122223333:training-job/x"}}),
        _everyone({"StringEquals": {"aws:SourceAccount": "111122223333", "sts:ExternalId": "x"}}),
        _everyone({"StringEquals": {"aws:SourceOrgID": "o-a1b2c3d4e5"}}),
        _everyone({"StringEquals": {"aws:PrincipalAccount": "${var.account_id}"}}),  # any exact value narrows
        _everyone({"StringEquals": {"aws:PrincipalAccount": []}}),  # Checkov renders list(string) vars as []
        _everyone({"StringEquals": {"aws:PrincipalOrgID": "o-1"}, "Bool": {"aws:MultiFactorAuthPresent": "var.x"}}),
        {
            "Effect": "Allow",
            "Principal": {"AWS": "var.trusted"},
            "Action": "sts:AssumeRole",
            "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}},
        },
    ],
)
def test_named_or_narrowed_principals_pass(statement: dict) -> None:
    result = evaluate(_role(_trust(statement)))
    assert result.verdict is Verdict.PASS, result.reason


def test_a_role_without_a_trust_policy_passes() -> None:
    assert evaluate(_role(None)).verdict is Verdict.PASS
    assert evaluate(_role(_trust())).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "policy",
    [
        "var.trust_policy",
        "data.aws_iam_policy_document.trust.json",  # rendered in plan JSON only
        "not json",
        _trust({"Effect": "Allow", "Principal": {"AWS": "var.trusted"}, "Action": "sts:AssumeRole"}),
        _trust({"Effect": "Allow", "Principal": {"AWS": []}, "Action": "sts:AssumeRole"}),  # list(string) var
        _trust({"Effect": "Allow", "Principal": "${var.principal}", "Action": "sts:AssumeRole"}),
        _trust(_everyone(effect="var.effect")),
        _trust(_everyone({"StringEquals": "var.conditions"})),
        _trust(_everyone({"StringLike": {"aws:PrincipalArn": "${var.pattern}"}})),  # might be "*"
        _trust(_everyone({"ArnLike": {"aws:PrincipalArn": ["arn:aws:iam::111122223333:role/x", "var.more"]}})),
        _trust(_everyone({"var.operator": {"aws:PrincipalOrgID": "o-1"}})),
        _trust(SERVICE, "var.extra_statement"),
    ],
)
def test_unresolved_parts_are_unknown(policy: object) -> None:
    result = evaluate(_role(policy))
    assert result.verdict is Verdict.UNKNOWN, result.reason


def test_a_failing_statement_wins_over_unknown_parts() -> None:
    policy = _trust(
        {"Effect": "Allow", "Principal": {"AWS": "var.trusted"}, "Action": "sts:AssumeRole"},
        "var.extra_statement",
        {**_everyone(), "Sid": "Anyone"},
    )
    result = evaluate(_role(policy))
    assert result.verdict is Verdict.FAIL
    assert "Anyone" in result.reason
