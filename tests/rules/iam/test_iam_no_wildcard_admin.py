"""CKV_AISEC_8 edge cases, on normalized resources and on data sources scanned by Checkov."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policies.model import Resource, Verdict
from policies.rules.iam.iam_no_wildcard_admin import evaluate
from tests.scanning import scan_hcl

RESOURCE_TYPES = ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]
SCOPED = {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::example-training-data/*"}


def _policy(policy: object, resource_type: str = "aws_iam_policy") -> Resource:
    return Resource(resource_type, f"{resource_type}.p", {"name": "p", "policy": policy})


def _statements(*statements: dict) -> dict:
    return {"Version": "2012-10-17", "Statement": list(statements)}


@pytest.mark.parametrize("resource_type", RESOURCE_TYPES)
@pytest.mark.parametrize(
    "statement",
    [
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Allow", "Action": "*:*", "Resource": "*"},
        {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
        {"Effect": "Allow", "Action": ["sagemaker:DescribeModel", "SAGEMAKER:*"], "Resource": ["arn:aws:s3:::x", "*"]},
        {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"},
        {"Effect": "Allow", "Action": "bedrock:*", "NotResource": "arn:aws:bedrock:us-east-1::foundation-model/x"},
        {
            "Effect": "allow",
            "Action": ["*"],
            "Resource": ["*"],
            "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}},
        },
    ],
    ids=["star", "star-colon-star", "s3", "mixed-case-in-list", "not-action", "not-resource", "with-condition"],
)
def test_wildcards_on_every_resource_fail(resource_type: str, statement: dict) -> None:
    result = evaluate(_policy(_statements(SCOPED, statement), resource_type))
    assert result.verdict is Verdict.FAIL, result.reason


@pytest.mark.parametrize(
    "policy",
    [
        json.dumps(_statements({"Effect": "Allow", "Action": "*", "Resource": "*"})),  # plan JSON string
        {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}},  # a single statement object
        [_statements({"Effect": "Allow", "Action": "*", "Resource": "*"})],  # wrapped by Checkov
    ],
    ids=["json-string", "one-statement", "wrapped"],
)
def test_every_shape_of_policy_is_read(policy: object) -> None:
    assert evaluate(_policy(policy)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "statement",
    [
        SCOPED,
        {"Effect": "Deny", "Action": "*", "Resource": "*"},
        {"Effect": "Deny", "NotAction": "s3:GetObject", "NotResource": "arn:aws:s3:::x"},
        {"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::x", "arn:aws:s3:::x/*"]},
        {"Effect": "Allow", "Action": ["s3:Get*", "sagemaker:Describe*"], "Resource": "*"},
        {"Effect": "Allow", "Action": "*", "Resource": "aws_s3_bucket.data.arn"},  # a reference is one ARN
        {"Effect": "Allow", "NotAction": "s3:DeleteBucket", "Resource": "arn:aws:s3:::x"},
        {"Effect": "Allow", "Action": "var.actions", "Resource": "arn:aws:s3:::x"},  # unknown, but not on "*"
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "var.resources"},  # unknown, but one action
        {"Effect": "Deny", "Action": "var.actions", "Resource": "*"},
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
        "data.aws_iam_policy_document.training.json",  # HCL: the data source is judged on its own
        "data.aws_iam_policy.readonly.policy",
        "not json",
        # jsonencode left as text (references inside): read, but an action from a variable stays unknown
        "${jsonencode({'Statement': [{'Effect': 'Allow', 'Action': var.actions, "
        "'Resource': ['${aws_s3_bucket.b.arn}']}]})}",
        _statements({"Effect": "Allow", "Action": "var.actions", "Resource": "*"}),
        _statements({"Effect": "Allow", "Action": [], "Resource": "*"}),  # Checkov renders list(string) vars as []
        _statements({"Effect": "Allow", "Action": "s3:*", "Resource": "${var.bucket_arn}"}),
        _statements({"Effect": "Allow", "Action": "s3:*", "Resource": []}),
        _statements({"Effect": "var.effect", "Action": "*", "Resource": "*"}),
        _statements({"Action": "*", "Resource": "*"}),  # no Effect: IAM rejects it
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
        {"Sid": "Admin", "Effect": "Allow", "Action": "*", "Resource": "*"},
    )
    result = evaluate(_policy(policy))
    assert result.verdict is Verdict.FAIL
    assert "Admin" in result.reason


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
        ([{"actions": ["*"], "resources": ["*"]}], False, Verdict.FAIL),  # effect defaults to Allow
        ([{"effect": "Allow", "actions": ["sagemaker:*"], "resources": ["*"]}], False, Verdict.FAIL),
        ([{"not_actions": ["iam:*"], "resources": ["*"]}], False, Verdict.FAIL),
        ([{"actions": ["s3:*"], "not_resources": ["arn:aws:s3:::x"]}], False, Verdict.FAIL),
        ([{"effect": "Deny", "actions": ["*"], "resources": ["*"]}], False, Verdict.PASS),
        ([{"actions": ["s3:GetObject"], "resources": ["*"]}], False, Verdict.PASS),
        (
            [{"actions": ["s3:*"], "resources": ["aws_s3_bucket.b.arn", "${aws_s3_bucket.b.arn}/*"]}],
            False,
            Verdict.PASS,
        ),
        (
            [{"actions": ["sts:AssumeRole"], "principals": [{"type": "Service", "identifiers": ["x"]}]}],
            False,
            Verdict.PASS,
        ),
        ([{"actions": "${var.actions}", "resources": ["*"]}], False, Verdict.UNKNOWN),
        ([{"actions": ["s3:GetObject"], "resources": ["*"]}], True, Verdict.UNKNOWN),
        ([{"actions": ["*"], "resources": ["*"]}], True, Verdict.FAIL),
    ],
)
def test_policy_documents(statements: list[dict], dynamic: bool, verdict: Verdict) -> None:
    result = evaluate(_document(*statements, dynamic=dynamic))
    assert result.verdict is verdict, result.reason


DATA_SOURCES_TF = """
variable "actions" {
  type = list(string)
}

data "aws_iam_policy_document" "pass_scoped" {
  statement {
    actions   = ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob"]
    resources = ["arn:aws:sagemaker:us-east-1:111122223333:training-job/churn-*"]
  }
}

data "aws_iam_policy_document" "fail_sagemaker_everything" {
  statement {
    actions   = ["sagemaker:*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "fail_not_actions" {
  statement {
    effect      = "Allow"
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
}

data "aws_iam_policy_document" "unknown_actions_from_variable" {
  statement {
    actions   = var.actions
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "unknown_consumer" {
  role   = "sagemaker-training"
  policy = data.aws_iam_policy_document.fail_sagemaker_everything.json
}
"""


def test_policy_documents_scanned_by_checkov(tmp_path: Path) -> None:
    """Data sources are judged in HCL only (plan JSON has none), so they are not in the shared examples.

    Checkov reports data checks without the ``data.`` prefix (``aws_iam_policy_document.x``); this test
    accepts either form.
    """
    (tmp_path / "main.tf").write_text(DATA_SOURCES_TF, encoding="utf-8")
    findings = {
        (finding.verdict, finding.address.removeprefix("data.")) for finding in scan_hcl(tmp_path, ["CKV_AISEC_8"])
    }
    assert findings == {
        ("PASSED", "aws_iam_policy_document.pass_scoped"),
        ("FAILED", "aws_iam_policy_document.fail_sagemaker_everything"),
        ("FAILED", "aws_iam_policy_document.fail_not_actions"),
    }


# -- what a policy is, and what "every resource" means -----------------------------------------------------------

ACCOUNT_ROOT = "arn:aws:iam::111122223333:root"


@pytest.mark.parametrize(
    "statement",
    [
        {"actions": ["kms:*"], "resources": ["*"], "principals": [{"type": "AWS", "identifiers": [ACCOUNT_ROOT]}]},
        {"actions": ["*"], "resources": ["*"], "principals": [{"type": "AWS", "identifiers": ["*"]}]},
        {"actions": ["s3:*"], "resources": ["*"], "not_principals": [{"type": "AWS", "identifiers": [ACCOUNT_ROOT]}]},
        {"actions": ["s3:*"], "resources": ["*"], "principals": [{"type": "AWS", "identifiers": "var.principals"}]},
        {"actions": ["s3:*"], "resources": ["*"], "principals": [{"type": "var.kind", "identifiers": ["x"]}]},
    ],
    ids=["default-key-policy", "everyone", "not-principals", "principals-from-variable", "type-from-variable"],
)
def test_statements_with_principals_belong_to_resource_policies(statement: dict) -> None:
    result = evaluate(_document(statement))
    assert result.verdict is Verdict.PASS, result.reason


def test_only_the_identity_statements_of_a_mixed_document_are_judged() -> None:
    key_policy = {"actions": ["kms:*"], "resources": ["*"], "principals": [{"type": "AWS", "identifiers": ["x"]}]}
    assert evaluate(_document(key_policy, {"actions": ["s3:*"], "resources": ["*"]})).verdict is Verdict.FAIL


def test_a_dynamic_principals_block_may_make_a_statement_a_resource_policy_statement() -> None:
    document = Resource(
        "aws_iam_policy_document",
        "data.aws_iam_policy_document.d",
        {"statement": [{"actions": ["kms:*"], "resources": ["*"]}]},
        dynamic_blocks=frozenset({"principals"}),
    )
    assert evaluate(document).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "statement",
    [
        {"Effect": "Allow", "Principal": {"AWS": ACCOUNT_ROOT}, "Action": "kms:*", "Resource": "*"},
        {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
    ],
)
def test_json_statements_with_principals_are_not_identity_statements(statement: dict) -> None:
    # IAM refuses a Principal in an identity policy; where one appears, the document is a resource policy.
    assert evaluate(_policy(_statements(statement))).verdict is Verdict.PASS


@pytest.mark.parametrize(
    ("statement", "verdict"),
    [
        ({"Effect": "Allow", "Action": "s3:**", "Resource": "*"}, Verdict.FAIL),
        ({"Effect": "Allow", "Action": "S3:?*", "Resource": "*"}, Verdict.FAIL),
        ({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::*"}, Verdict.FAIL),
        ({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::*/*"}, Verdict.FAIL),  # every object
        ({"Effect": "Allow", "Action": "sagemaker:*", "Resource": "arn:aws:sagemaker:*:*:*"}, Verdict.FAIL),
        ({"Effect": "Allow", "Action": "sagemaker:*", "Resource": "arn:aws:sagemaker:*:*:model/*"}, Verdict.PASS),
        ({"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::training-*"}, Verdict.PASS),
        ({"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}, Verdict.PASS),
        ({"Effect": "Allow", "NotAction": "s3:DeleteBucket", "Resource": "arn:aws:s3:::*"}, Verdict.FAIL),
    ],
)
def test_wildcard_patterns(statement: dict, verdict: Verdict) -> None:
    result = evaluate(_policy(_statements(statement)))
    assert result.verdict is verdict, result.reason


def test_a_jsonencode_checkov_left_as_text_is_read() -> None:
    # Checkov leaves jsonencode unevaluated when a list names a resource and then uses it inside a string.
    policy = (
        "${jsonencode({'Statement': [{'Effect': 'Allow', 'Action': 's3:*', "
        "'Resource': ['*', '${aws_s3_bucket.b.arn}/*']}]})}"
    )
    result = evaluate(_policy(policy))
    assert result.verdict is Verdict.FAIL, result.reason
