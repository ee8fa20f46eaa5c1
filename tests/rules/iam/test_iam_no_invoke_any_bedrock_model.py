"""CKV_AISEC_158 edge cases, on normalized resources and on data sources scanned by Checkov."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policies.iam import matches_every_bedrock_model
from policies.model import Resource, Verdict
from policies.rules.iam.iam_no_invoke_any_bedrock_model import evaluate
from tests.scanning import scan_hcl
from tests.test_evaluated_keys import scan_keys

RESOURCE_TYPES = ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]
HAIKU = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
SCOPED = {"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": HAIKU}
EVERY_MODEL = "arn:aws:bedrock:*::foundation-model/*"


def _policy(policy: object, resource_type: str = "aws_iam_policy") -> Resource:
    return Resource(resource_type, f"{resource_type}.p", {"name": "p", "policy": policy})


def _statements(*statements: object) -> dict:
    return {"Version": "2012-10-17", "Statement": list(statements)}


@pytest.mark.parametrize("resource_type", RESOURCE_TYPES)
@pytest.mark.parametrize(
    "statement",
    [
        {"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*"},
        {"Effect": "Allow", "Action": "bedrock:InvokeModelWithResponseStream", "Resource": EVERY_MODEL},
        {"Effect": "Allow", "Action": "bedrock:Converse", "Resource": EVERY_MODEL},
        {"Effect": "Allow", "Action": "bedrock:ConverseStream", "Resource": EVERY_MODEL},
        {"Effect": "Allow", "Action": "BEDROCK:invokemodel", "Resource": ["*"]},
        {"Effect": "Allow", "Action": "bedrock:Invoke*", "Resource": EVERY_MODEL},
        {"Effect": "Allow", "Action": "bedrock:*", "Resource": "*"},
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {"Effect": "Allow", "Action": ["s3:GetObject", "bedrock:InvokeModel"], "Resource": [HAIKU, EVERY_MODEL]},
        {"Effect": "Allow", "Action": "bedrock:InvokeModel", "NotResource": HAIKU},
        {"Effect": "Allow", "NotAction": "s3:*", "Resource": EVERY_MODEL},
        {
            "Effect": "allow",
            "Action": "bedrock:InvokeModel",
            "Resource": "*",
            "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}},
        },
    ],
    ids=[
        "invoke-on-star",
        "stream",
        "converse",
        "converse-stream",
        "any-case",
        "invoke-prefix",
        "bedrock-star",
        "star",
        "mixed-list",
        "not-resource",
        "not-action",
        "region-condition",
    ],
)
def test_invoking_every_model_fails(resource_type: str, statement: dict) -> None:
    result = evaluate(_policy(_statements(SCOPED, statement), resource_type))
    assert result.verdict is Verdict.FAIL, result.reason
    assert result.attribute == "policy"


@pytest.mark.parametrize(
    ("resource", "covers"),
    [
        ("*", True),
        (EVERY_MODEL, True),
        ("arn:aws:bedrock:us-east-1::foundation-model/*", True),
        ("arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/*", True),
        ("arn:aws:bedrock:us-east-1:111122223333:inference-profile/*", True),
        ("arn:aws:bedrock:*:*:inference-profile/*", True),
        ("arn:aws:bedrock:us-east-1::foundation-model*", True),
        ("arn:aws:bedrock:us-east-1::*/*", True),
        ("arn:aws:bedrock:*:*:*", True),
        ("arn:aws:*:*:*:*", True),
        (HAIKU, False),
        ("arn:aws:bedrock:us-east-1::foundation-model/anthropic.*", False),
        ("arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.*", False),
        ("arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/*", False),
        ("arn:aws:bedrock:us-east-1:111122223333:guardrail/*", False),
        ("arn:aws:s3:::*", False),
        ("aws_bedrock_guardrail.assistant.guardrail_arn", False),
    ],
)
def test_which_resources_cover_every_model(resource: str, covers: bool) -> None:
    assert matches_every_bedrock_model(resource) is covers
    statement = {"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": resource}
    expected = Verdict.FAIL if covers else Verdict.PASS
    assert evaluate(_policy(_statements(statement))).verdict is expected


@pytest.mark.parametrize(
    "policy",
    [
        json.dumps(_statements({"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*"})),
        {"Statement": {"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*"}},
        [_statements({"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*"})],
    ],
    ids=["json-string", "one-statement", "wrapped"],
)
def test_every_shape_of_policy_is_read(policy: object) -> None:
    assert evaluate(_policy(policy)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "statement",
    [
        SCOPED,
        {"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "aws_bedrockagent_agent.a.agent_arn"},
        {"Effect": "Allow", "Action": ["bedrock:ListFoundationModels", "bedrock:GetFoundationModel"], "Resource": "*"},
        {"Effect": "Allow", "Action": "bedrock:ApplyGuardrail", "Resource": "*"},
        {"Effect": "Allow", "Action": "bedrock:Invoke", "Resource": "*"},  # the pattern must match a whole name
        {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},  # CKV_AISEC_8's, not a Bedrock grant
        {"Effect": "Deny", "Action": "bedrock:InvokeModel", "Resource": "*"},
        {"Effect": "Deny", "Action": "bedrock:*", "NotResource": HAIKU},
        {"Effect": "Allow", "NotAction": ["bedrock:Invoke*", "bedrock:Converse*"], "Resource": "*"},
        {"Effect": "Allow", "Action": "var.actions", "Resource": HAIKU},  # unknown, but one model
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "var.resources"},  # unknown, but no invoke
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
        "data.aws_iam_policy_document.agent.json",  # HCL: the data source is judged on its own
        "not json",
        _statements({"Effect": "Allow", "Action": "var.actions", "Resource": "*"}),
        _statements({"Effect": "Allow", "NotAction": "var.excluded", "Resource": "*"}),
        _statements({"Effect": "Allow", "Action": [], "Resource": "*"}),  # Checkov renders list(string) vars as []
        _statements({"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "${var.model_arn}"}),
        _statements({"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": []}),
        _statements({"Effect": "Allow", "Action": "bedrock:InvokeModel", "NotResource": "var.keep"}),
        _statements({"Effect": "var.effect", "Action": "bedrock:InvokeModel", "Resource": "*"}),
        _statements({"Action": "bedrock:InvokeModel", "Resource": "*"}),  # no Effect: IAM rejects it
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
        {"Sid": "InvokeAnything", "Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": EVERY_MODEL},
    )
    result = evaluate(_policy(policy))
    assert result.verdict is Verdict.FAIL
    assert "InvokeAnything" in result.reason and "bedrock:InvokeModel" in result.reason
    assert "every Bedrock model" in result.reason


@pytest.mark.parametrize(
    "statement",
    [
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "bedrock:InvokeModel"},
        {"Effect": "Allow", "Principal": "*", "Action": "bedrock:Invoke*", "Resource": "*"},
        {"Effect": "Allow", "NotPrincipal": {"AWS": "x"}, "Action": "bedrock:InvokeModel", "Resource": "*"},
    ],
)
def test_statements_with_principals_are_left_to_resource_policy_rules(statement: dict) -> None:
    assert evaluate(_policy(_statements(statement))).verdict is Verdict.PASS


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
        ([{"actions": ["bedrock:InvokeModel"], "resources": ["*"]}], False, Verdict.FAIL),  # effect defaults to Allow
        ([{"effect": "Allow", "actions": ["bedrock:*"], "resources": [EVERY_MODEL]}], False, Verdict.FAIL),
        ([{"actions": ["bedrock:Converse"], "not_resources": [HAIKU]}], False, Verdict.FAIL),
        ([{"effect": "Deny", "actions": ["bedrock:InvokeModel"], "resources": ["*"]}], False, Verdict.PASS),
        ([{"actions": ["bedrock:InvokeModel"], "resources": [HAIKU]}], False, Verdict.PASS),
        (
            [
                {
                    "actions": ["bedrock:InvokeModel"],
                    "resources": ["*"],
                    "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]}],
                }
            ],
            False,
            Verdict.PASS,
        ),
        ([{"actions": "${var.actions}", "resources": ["*"]}], False, Verdict.UNKNOWN),
        ([{"actions": ["bedrock:ListFoundationModels"], "resources": ["*"]}], True, Verdict.UNKNOWN),
        ([{"actions": ["bedrock:InvokeModel"], "resources": ["*"]}], True, Verdict.FAIL),
    ],
)
def test_policy_documents(statements: list[dict], dynamic: bool, verdict: Verdict) -> None:
    result = evaluate(_document(*statements, dynamic=dynamic))
    assert result.verdict is verdict, result.reason
    assert result.attribute == "statement"


DATA_SOURCES_TF = """
variable "model_arns" {
  type = list(string)
}

data "aws_iam_policy_document" "pass_one_model" {
  statement {
    actions   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
    resources = ["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"]
  }
}

data "aws_iam_policy_document" "fail_invoke_any_model" {
  statement {
    actions   = ["bedrock:Invoke*"]
    resources = ["arn:aws:bedrock:*::foundation-model/*"]
  }
}

data "aws_iam_policy_document" "unknown_models_from_variable" {
  statement {
    actions   = ["bedrock:InvokeModel"]
    resources = var.model_arns
  }
}

resource "aws_iam_role_policy" "unknown_consumer" {
  role   = "bedrock-agent"
  policy = data.aws_iam_policy_document.fail_invoke_any_model.json
}
"""


def test_policy_documents_scanned_by_checkov(tmp_path: Path) -> None:
    """Data sources are judged in HCL only (plan JSON has none). Checkov reports data checks without the
    ``data.`` prefix; this test accepts either form."""
    (tmp_path / "main.tf").write_text(DATA_SOURCES_TF, encoding="utf-8")
    findings = {
        (finding.verdict, finding.address.removeprefix("data.")) for finding in scan_hcl(tmp_path, ["CKV_AISEC_158"])
    }
    assert findings == {
        ("PASSED", "aws_iam_policy_document.pass_one_model"),
        ("FAILED", "aws_iam_policy_document.fail_invoke_any_model"),
    }


def test_failing_examples_point_at_the_policy() -> None:
    assert scan_keys("CKV_AISEC_158") == {
        ("aws_iam_group_policy.fail_every_inference_profile", ("policy",)),
        ("aws_iam_policy.fail_every_foundation_model_of_every_region", ("policy",)),
        ("aws_iam_policy.fail_not_resource", ("policy",)),
        ("aws_iam_policy_document.fail_invoke_document", ("statement",)),
        ("aws_iam_role_policy.fail_invoke_every_model", ("policy",)),
        ("aws_iam_user_policy.fail_invoke_prefix_on_region_models", ("policy",)),
    }
