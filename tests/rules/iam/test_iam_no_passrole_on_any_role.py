"""CKV_AISEC_110 edge cases, on normalized resources and on data sources scanned by Checkov."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policies.model import Resource, Verdict
from policies.rules.iam.iam_no_passrole_on_any_role import evaluate
from policies.rules.iam.iam_no_wildcard_admin import evaluate as evaluate_wildcard_admin
from tests.scanning import scan_hcl

RESOURCE_TYPES = ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]
EXECUTION_ROLE = "arn:aws:iam::111122223333:role/sagemaker-training-execution"
SCOPED = {"Effect": "Allow", "Action": "iam:PassRole", "Resource": EXECUTION_ROLE}


def _policy(policy: object, resource_type: str = "aws_iam_policy") -> Resource:
    return Resource(resource_type, f"{resource_type}.p", {"name": "p", "policy": policy})


def _statements(*statements: object) -> dict:
    return {"Version": "2012-10-17", "Statement": list(statements)}


@pytest.mark.parametrize("resource_type", RESOURCE_TYPES)
@pytest.mark.parametrize(
    "statement",
    [
        {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"},
        {"Effect": "Allow", "Action": "IAM:passrole", "Resource": ["*"]},
        {"Effect": "Allow", "Action": "iam:Pass*", "Resource": "*"},
        {"Effect": "Allow", "Action": "iam:*Role", "Resource": "*"},
        {"Effect": "Allow", "Action": "iam:P?ssRole", "Resource": "*"},
        {"Effect": "Allow", "Action": "*:PassRole", "Resource": "*"},
        {
            "Effect": "Allow",
            "Action": ["sagemaker:CreateTrainingJob", "iam:PassRole"],
            "Resource": [EXECUTION_ROLE, "*"],
        },
        {"Effect": "Allow", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::111122223333:role/admin"},
        {
            "Effect": "allow",
            "Action": "iam:PassRole",
            "Resource": "*",
            "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}},
        },
    ],
    ids=[
        "exact",
        "any-case",
        "pass-prefix",
        "role-suffix",
        "single-character-wildcard",
        "any-service",
        "mixed-list",
        "not-resource",
        "passed-to-service-condition",
    ],
)
def test_pass_role_on_every_role_fails(resource_type: str, statement: dict) -> None:
    result = evaluate(_policy(_statements(SCOPED, statement), resource_type))
    assert result.verdict is Verdict.FAIL, result.reason


@pytest.mark.parametrize(
    "policy",
    [
        json.dumps(_statements({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"})),  # plan JSON string
        {"Statement": {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}},  # a single statement object
        [_statements({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"})],  # wrapped by Checkov
    ],
    ids=["json-string", "one-statement", "wrapped"],
)
def test_every_shape_of_policy_is_read(policy: object) -> None:
    assert evaluate(_policy(policy)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "statement",
    [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Allow", "Action": "iam:*", "Resource": "*"},
        {"Effect": "Allow", "Action": "IAM:*", "Resource": "*"},
        {"Effect": "Allow", "Action": "*:*", "Resource": "*"},
        {"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"},
    ],
    ids=["star", "iam-star", "iam-star-any-case", "star-colon-star", "not-action"],
)
def test_service_wildcards_are_left_to_ckv_aisec_8(statement: dict) -> None:
    """One finding per statement: CKV_AISEC_8 fails these, this rule passes them."""
    policy = _policy(_statements(statement))
    assert evaluate(policy).verdict is Verdict.PASS
    assert evaluate_wildcard_admin(policy).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "statement",
    [
        SCOPED,
        {"Effect": "Allow", "Action": "iam:PassRole", "Resource": ["arn:aws:iam::111122223333:role/ml-*"]},
        {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "aws_iam_role.training.arn"},  # one role
        {"Effect": "Allow", "Action": ["iam:GetRole", "iam:ListRoles", "iam:CreateRole"], "Resource": "*"},
        {"Effect": "Allow", "Action": "iam:Pass", "Resource": "*"},  # no such action: the pattern must match whole
        {"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"},
        {"Effect": "Deny", "Action": "iam:PassRole", "NotResource": EXECUTION_ROLE},
        {"Effect": "Allow", "Action": "var.actions", "Resource": EXECUTION_ROLE},  # unknown, but one role
        {"Effect": "Allow", "Action": "iam:GetRole", "Resource": "var.resources"},  # unknown, but no PassRole
        {"Effect": "Deny", "Action": "var.actions", "Resource": "*"},
        {"Effect": "Allow", "NotAction": "var.excluded", "Resource": "*"},  # NotAction belongs to CKV_AISEC_8
    ],
)
def test_scoped_or_denying_statements_pass(statement: dict) -> None:
    result = evaluate(_policy(_statements(statement)))
    assert result.verdict is Verdict.PASS, result.reason


def test_a_policy_without_statements_passes() -> None:
    assert evaluate(_policy(None)).verdict is Verdict.PASS
    assert evaluate(_policy({"Version": "2012-10-17", "Statement": []})).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "policy",
    [
        "var.policy_json",
        "data.aws_iam_policy_document.pipeline.json",  # HCL: the data source is judged on its own
        "not json",
        _statements({"Effect": "Allow", "Action": "var.actions", "Resource": "*"}),
        _statements({"Effect": "Allow", "Action": [], "Resource": "*"}),  # Checkov renders list(string) vars as []
        _statements({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "${var.role_arn}"}),
        _statements({"Effect": "Allow", "Action": "iam:PassRole", "Resource": []}),
        _statements({"Effect": "Allow", "Action": "iam:PassRole", "NotResource": "var.keep"}),
        _statements({"Effect": "var.effect", "Action": "iam:PassRole", "Resource": "*"}),
        _statements({"Action": "iam:PassRole", "Resource": "*"}),  # no Effect: IAM rejects it
        _statements(SCOPED, "var.extra_statement"),
    ],
)
def test_unresolved_parts_are_unknown(policy: object) -> None:
    result = evaluate(_policy(policy))
    assert result.verdict is Verdict.UNKNOWN, result.reason


def test_a_failing_statement_wins_over_unknown_parts() -> None:
    policy = _statements(
        {"Effect": "Allow", "Action": "var.actions", "Resource": "*"},
        "var.extra_statement",
        {"Sid": "PassAnything", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"},
    )
    result = evaluate(_policy(policy))
    assert result.verdict is Verdict.FAIL
    assert "PassAnything" in result.reason and "iam:PassRole" in result.reason


# -- data.aws_iam_policy_document, as the adapter hands it over ----------------------------------------------


def _document(*statements: dict, dynamic: bool = False) -> Resource:
    return Resource(
        "aws_iam_policy_document",
        "data.aws_iam_policy_document.d",
        {"statement": list(statements)},
        dynamic_blocks=frozenset({"statement"} if dynamic else ()),
    )


@pytest.mark.parametrize(
    ("statements", "dynamic", "verdict"),
    [
        ([{"actions": ["iam:PassRole"], "resources": ["*"]}], False, Verdict.FAIL),  # effect defaults to Allow
        ([{"effect": "Allow", "actions": ["iam:Pass*"], "resources": ["*"]}], False, Verdict.FAIL),
        ([{"actions": ["iam:PassRole"], "not_resources": [EXECUTION_ROLE]}], False, Verdict.FAIL),
        ([{"effect": "Deny", "actions": ["iam:PassRole"], "resources": ["*"]}], False, Verdict.PASS),
        ([{"actions": ["iam:*"], "resources": ["*"]}], False, Verdict.PASS),  # CKV_AISEC_8's
        ([{"actions": ["iam:PassRole"], "resources": ["aws_iam_role.training.arn"]}], False, Verdict.PASS),
        ([{"actions": "${var.actions}", "resources": ["*"]}], False, Verdict.UNKNOWN),
        ([{"actions": ["iam:GetRole"], "resources": ["*"]}], True, Verdict.UNKNOWN),
        ([{"actions": ["iam:PassRole"], "resources": ["*"]}], True, Verdict.FAIL),
    ],
)
def test_policy_documents(statements: list[dict], dynamic: bool, verdict: Verdict) -> None:
    result = evaluate(_document(*statements, dynamic=dynamic))
    assert result.verdict is verdict, result.reason


DATA_SOURCES_TF = """
variable "role_arns" {
  type = list(string)
}

data "aws_iam_policy_document" "pass_one_role" {
  statement {
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::111122223333:role/sagemaker-training-execution"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["sagemaker.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "fail_pass_any_role" {
  statement {
    actions   = ["sagemaker:CreateTrainingJob", "iam:PassRole"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "pass_iam_wildcard" {
  statement {
    actions   = ["iam:*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "unknown_roles_from_variable" {
  statement {
    actions   = ["iam:PassRole"]
    resources = var.role_arns
  }
}

resource "aws_iam_role_policy" "unknown_consumer" {
  role   = "sagemaker-pipeline"
  policy = data.aws_iam_policy_document.fail_pass_any_role.json
}
"""


def test_policy_documents_scanned_by_checkov(tmp_path: Path) -> None:
    """Data sources are judged in HCL only (plan JSON has none), so they are not in the shared examples.

    Checkov reports data checks without the ``data.`` prefix (``aws_iam_policy_document.x``); this test
    accepts either form.
    """
    (tmp_path / "main.tf").write_text(DATA_SOURCES_TF, encoding="utf-8")
    findings = {
        (finding.verdict, finding.address.removeprefix("data.")) for finding in scan_hcl(tmp_path, ["CKV_AISEC_110"])
    }
    assert findings == {
        ("PASSED", "aws_iam_policy_document.pass_one_role"),
        ("PASSED", "aws_iam_policy_document.pass_iam_wildcard"),
        ("FAILED", "aws_iam_policy_document.fail_pass_any_role"),
    }


# -- every role, and statements that are not identity statements ---------------------------------------------------


@pytest.mark.parametrize(
    ("resource", "verdict"),
    [
        ("arn:aws:iam::111122223333:role/*", Verdict.FAIL),
        ("arn:aws:iam::*:role/*", Verdict.FAIL),
        ("arn:aws:iam::111122223333:*", Verdict.FAIL),
        ("arn:aws-us-gov:iam::111122223333:role/**", Verdict.FAIL),
        ("arn:aws:iam::111122223333:role/sagemaker/*", Verdict.PASS),
        ("arn:aws:iam::111122223333:role/sagemaker-*", Verdict.PASS),
        ("arn:aws:s3:::*", Verdict.PASS),
    ],
)
def test_pass_role_on_every_role_of_an_account(resource: str, verdict: Verdict) -> None:
    statement = {"Effect": "Allow", "Action": "iam:PassRole", "Resource": resource}
    result = evaluate(_policy(_statements(statement)))
    assert result.verdict is verdict, result.reason


@pytest.mark.parametrize(
    "statement",
    [
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "iam:PassRole"},
        {"Effect": "Allow", "Principal": "*", "Action": "iam:Pass*", "Resource": "*"},
        {"Effect": "Allow", "NotPrincipal": {"AWS": "x"}, "Action": "iam:PassRole", "Resource": "*"},
    ],
)
def test_statements_with_principals_are_left_to_resource_policy_rules(statement: dict) -> None:
    assert evaluate(_policy(_statements(statement))).verdict is Verdict.PASS


def test_principals_blocks_of_a_policy_document_are_left_to_resource_policy_rules() -> None:
    document = Resource(
        "aws_iam_policy_document",
        "data.aws_iam_policy_document.d",
        {
            "statement": [
                {
                    "actions": ["iam:PassRole"],
                    "resources": ["*"],
                    "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]}],
                }
            ]
        },
    )
    assert evaluate(document).verdict is Verdict.PASS


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ({"Effect": "Allow", "NotAction": "s3:*", "Resource": "arn:aws:iam::111122223333:role/*"}, Verdict.FAIL),
        ({"Effect": "Allow", "NotAction": "iam:Pass*", "Resource": "arn:aws:iam::111122223333:role/*"}, Verdict.PASS),
        ({"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}, Verdict.PASS),  # CKV_AISEC_8 reports it
        ({"Effect": "Allow", "NotAction": "s3:*", "Resource": "arn:aws:iam::111122223333:role/ml/*"}, Verdict.PASS),
    ],
)
def test_not_action_that_leaves_pass_role_in(statement: dict, verdict: Verdict) -> None:
    result = evaluate(_policy(_statements(statement)))
    assert result.verdict is verdict, result.reason
