"""CKV2_AISEC_21 edge cases, judged by calling the rule's logic on normalized resources and small graphs."""

from __future__ import annotations

import json
from typing import Any

import pytest

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.ecr.ecr_repository_policy_not_public import evaluate

PULL = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]


def repository_policy(policy: Any) -> Resource:
    return Resource(
        "aws_ecr_repository_policy",
        "aws_ecr_repository_policy.p",
        {"repository": "llm-server", "policy": policy},
    )


def document(*statements: dict[str, Any]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def allow(principal: Any = "*", condition: Any = None, **extra: Any) -> dict[str, Any]:
    statement: dict[str, Any] = {"Effect": "Allow", "Principal": principal, "Action": PULL, **extra}
    if condition is not None:
        statement["Condition"] = condition
    return statement


def judge(policy: Any, *others: Resource) -> Any:
    subject = repository_policy(policy)
    return evaluate(subject, Graph([subject, *others]))


@pytest.mark.parametrize(
    "principal",
    [
        {"AWS": "arn:aws:iam::210987654321:root"},
        {"AWS": ["arn:aws:iam::210987654321:root", "arn:aws:iam::111122223333:role/inference"]},
        {"Service": "lambda.amazonaws.com"},
    ],
)
def test_named_principals_pass(principal: Any) -> None:
    assert judge(document(allow(principal))).verdict is Verdict.PASS


@pytest.mark.parametrize("principal", ["*", {"AWS": "*"}, {"AWS": ["arn:aws:iam::210987654321:root", "*"]}])
def test_everyone_without_a_condition_fails(principal: Any) -> None:
    result = judge(document(allow(principal)))
    assert result.verdict is Verdict.FAIL
    assert 'Principal "*"' in result.reason


def test_not_principal_allows_everyone_else() -> None:
    statement = {"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/build"}, "Action": PULL}
    result = judge(document(statement))
    assert result.verdict is Verdict.FAIL
    assert "NotPrincipal" in result.reason


@pytest.mark.parametrize(
    "condition",
    [
        {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}},
        {"StringEqualsIgnoreCase": {"AWS:PrincipalOrgId": "o-a1b2c3d4e5"}},
        {"StringEquals": {"aws:PrincipalAccount": ["111122223333", "210987654321"]}},
        {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/inference-*"}},
        {"StringEquals": {"aws:SourceAccount": "111122223333"}},
        {"ArnLike": {"aws:SourceArn": "arn:aws:lambda:us-east-1:111122223333:function:*"}},
        {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}},
        {"StringEquals": {"aws:SourceVpce": "vpce-0123456789abcdef0"}},
        {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}},
        {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}, "Bool": {"aws:SecureTransport": "true"}},
    ],
)
def test_everyone_narrowed_by_a_condition_passes(condition: dict[str, Any]) -> None:
    assert judge(document(allow("*", condition))).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "condition",
    [
        {"StringEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}},
        {"ForAllValues:StringEquals": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/"}},
        {"StringNotEquals": {"aws:PrincipalOrgID": "o-other"}},
        {"StringLike": {"aws:PrincipalOrgID": "*"}},
        {"ArnLike": {"aws:PrincipalArn": "*"}},
        {"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}},
        {"StringEquals": {"aws:username": "alice"}},
        {"Bool": {"aws:SecureTransport": "true"}},
        {"StringEquals": {"sts:ExternalId": "shared-secret"}},
    ],
)
def test_conditions_that_do_not_narrow_fail(condition: dict[str, Any]) -> None:
    assert judge(document(allow("*", condition))).verdict is Verdict.FAIL


def test_a_deny_to_everyone_grants_nothing() -> None:
    deny = {"Effect": "Deny", "Principal": "*", "Action": "ecr:*"}
    assert judge(document(deny, allow({"AWS": "arn:aws:iam::111122223333:root"}))).verdict is Verdict.PASS


@pytest.mark.parametrize("policy", [None, "", document()])
def test_no_statement_passes(policy: Any) -> None:
    assert judge(policy).verdict is Verdict.PASS


def test_a_json_string_is_read_like_a_decoded_document() -> None:
    """Plan JSON and Pulumi deliver the policy as text."""
    assert judge(json.dumps(document(allow("*")))).verdict is Verdict.FAIL
    assert judge(json.dumps(document(allow({"AWS": "arn:aws:iam::1:root"})))).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "statement",
    [
        allow({"AWS": "var.pullers"}),
        allow({"AWS": ["arn:aws:iam::210987654321:root", "${var.extra}"]}),
        allow("*", {"StringLike": {"aws:PrincipalOrgPaths": ["o-a1b2c3d4e5/*", "${var.path}"]}}),
        {"Effect": "var.effect", "Principal": "*", "Action": PULL},
        allow("var.principal"),
    ],
)
def test_values_not_known_at_plan_time_are_unknown(statement: dict[str, Any]) -> None:
    result = judge(document(statement))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


def test_an_exact_test_narrows_even_when_its_value_is_not_known() -> None:
    """StringEquals admits only the value it names, whatever that turns out to be."""
    condition = {"StringEquals": {"aws:PrincipalOrgID": "var.org"}}
    assert judge(document(allow("*", condition))).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "condition",
    [
        {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/inference"}},
        {"ArnLike": {"aws:SourceArn": "arn:aws:lambda:us-east-1:*:function:*"}},
    ],
)
def test_arn_patterns_of_any_account_do_not_narrow(condition: dict[str, Any]) -> None:
    assert judge(document(allow("*", condition))).verdict is Verdict.FAIL


def test_a_known_public_statement_fails_beside_an_unknown_one() -> None:
    assert judge(document(allow({"AWS": "var.pullers"}), allow("*"))).verdict is Verdict.FAIL


def test_a_known_narrowing_condition_is_enough_beside_an_unknown_one() -> None:
    """All conditions of a statement must hold, so one known narrowing test narrows it."""
    condition = {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5", "aws:PrincipalTag/team": "var.team"}}
    assert judge(document(allow("*", condition))).verdict is Verdict.PASS


@pytest.mark.parametrize("policy", ["var.policy", "${var.policy}", "module.policies.ecr", "not json {", 42])
def test_unreadable_policies_are_unknown(policy: Any) -> None:
    assert judge(policy).verdict is Verdict.UNKNOWN


# -- data.aws_iam_policy_document through the graph ----------------------------------------------------------


def policy_document(name: str, principals_type: str, condition: list[dict[str, Any]] | None = None) -> Resource:
    statement: dict[str, Any] = {"actions": PULL, "principals": [{"type": principals_type, "identifiers": ["*"]}]}
    if condition:
        statement["condition"] = condition
    return Resource("aws_iam_policy_document", f"data.aws_iam_policy_document.{name}", {"statement": [statement]})


@pytest.mark.parametrize("principals_type", ["*", "AWS"])
def test_a_policy_document_allowing_everyone_fails(principals_type: str) -> None:
    result = judge("data.aws_iam_policy_document.d.json", policy_document("d", principals_type))
    assert result.verdict is Verdict.FAIL


def test_a_narrowed_policy_document_passes() -> None:
    org = [{"test": "StringEquals", "variable": "aws:PrincipalOrgID", "values": ["o-a1b2c3d4e5"]}]
    result = judge("data.aws_iam_policy_document.d.json", policy_document("d", "AWS", org))
    assert result.verdict is Verdict.PASS


def test_a_policy_document_outside_the_configuration_is_unknown() -> None:
    result = judge("data.aws_iam_policy_document.elsewhere.json", policy_document("d", "*"))
    assert result.verdict is Verdict.UNKNOWN
