"""CKV_AISEC_37 edge cases: document shapes from HCL, plan JSON and Pulumi, and the key fields."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.opensearch.opensearchserverless_encryption_cmk import evaluate
from tests.scanning import scan_hcl, scan_plans

RULES = [{"ResourceType": "collection", "Resource": ["collection/kb-vectors"]}]
KEY = "arn:aws:kms:us-east-1:111122223333:key/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"


def policy(document: Any, kind: Any = "encryption") -> Resource:
    attrs = {"name": "kb", "type": kind, "policy": document}
    return Resource("aws_opensearchserverless_security_policy", "aws_opensearchserverless_security_policy.p", attrs)


@pytest.mark.parametrize(
    "document",
    [
        {"Rules": RULES, "AWSOwnedKey": False, "KmsARN": KEY},
        {"Rules": RULES, "AWSOwnedKey": True, "KmsARN": KEY},  # AWS ignores AWSOwnedKey when KmsARN is set
        {"Rules": RULES, "KmsARN": "aws_kms_key.vectors.arn"},
        {"Rules": RULES, "KmsARN": "${aws_kms_key.vectors.arn}"},
        json.dumps({"Rules": RULES, "AWSOwnedKey": False, "KmsARN": KEY}),  # plan JSON keeps the string
        [{"Rules": RULES[0], "KmsARN": KEY}],  # Checkov's HCL reader can wrap the object and unwrap Rules
    ],
)
def test_a_customer_managed_key_passes(document: Any) -> None:
    assert evaluate(policy(document)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ({"Rules": RULES, "AWSOwnedKey": True}, "AWSOwnedKey is true"),
        ({"Rules": RULES, "AWSOwnedKey": "true"}, "AWSOwnedKey is true"),
        ({"Rules": RULES, "AWSOwnedKey": True, "KmsARN": ""}, "AWSOwnedKey is true"),
        ({"Rules": RULES, "AWSOwnedKey": False}, "no KmsARN"),
        ({"Rules": RULES}, "no KmsARN"),
        ('{"Rules": [], "AWSOwnedKey": true}', "AWSOwnedKey is true"),
    ],
)
def test_an_aws_owned_key_fails(document: Any, reason: str) -> None:
    result = evaluate(policy(document))
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith(reason)


def test_the_reason_names_the_collections() -> None:
    result = evaluate(policy({"Rules": RULES, "AWSOwnedKey": True}))
    assert "collection/kb-vectors" in result.reason


@pytest.mark.parametrize("kind", ["network", "NETWORK", "lifecycle"])
def test_other_policy_types_do_not_apply(kind: str) -> None:
    result = evaluate(policy([{"Rules": RULES, "AllowFromPublic": True}], kind))
    assert result.verdict is Verdict.PASS
    assert result.reason.startswith("does not apply")


@pytest.mark.parametrize(
    "document",
    [
        "var.policy",
        "${var.policy}",
        "aws_kms_key.vectors.arn",  # plan JSON: the document is known only after apply
        "data.aws_iam_policy_document.x.json",
        "not json {",
        None,
        "",
        {"Rules": RULES, "KmsARN": "var.key"},
        {"Rules": RULES, "KmsARN": 42},
        ["a", "b"],
        7,
    ],
)
def test_documents_that_cannot_be_judged_are_unknown(document: Any) -> None:
    assert evaluate(policy(document)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("kind", ["var.kind", None, "", 3])
def test_an_unknown_type_is_unknown(kind: Any) -> None:
    assert evaluate(policy({"Rules": RULES, "AWSOwnedKey": True}, kind)).verdict is Verdict.UNKNOWN


# -- the real engine: a key created in the same configuration ------------------------------------------------

REFERENCE_HCL = """
resource "aws_kms_key" "kb_vectors" {
  enable_key_rotation = true
}

resource "aws_opensearchserverless_security_policy" "pass_key_reference" {
  name = "kb-vectors-encryption"
  type = "encryption"
  policy = jsonencode({
    Rules       = [{ ResourceType = "collection", Resource = ["collection/kb-vectors"] }]
    AWSOwnedKey = false
    KmsARN      = aws_kms_key.kb_vectors.arn
  })
}
"""


def _verdicts(findings: set[Any]) -> set[tuple[str, str]]:
    return {(f.verdict, f.address) for f in findings if f.check_id == "CKV_AISEC_37"}


def test_checkov_hcl_reads_the_key_reference_inside_jsonencode(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(REFERENCE_HCL, encoding="utf-8")
    assert _verdicts(scan_hcl(tmp_path)) == {("PASSED", "aws_opensearchserverless_security_policy.pass_key_reference")}


def test_checkov_plan_has_no_document_when_the_key_is_created_in_the_same_plan(tmp_path: Path) -> None:
    """Terraform leaves the document out of planned_values; Checkov substitutes the first reference."""
    address = "aws_opensearchserverless_security_policy.unknown_key_reference"
    resource = {
        "address": address,
        "mode": "managed",
        "type": "aws_opensearchserverless_security_policy",
        "name": "unknown_key_reference",
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "schema_version": 0,
        "values": {"description": None, "name": "kb-vectors-encryption", "region": "us-east-1", "type": "encryption"},
        "sensitive_values": {},
    }
    configuration = {
        "address": address,
        "mode": "managed",
        "type": "aws_opensearchserverless_security_policy",
        "name": "unknown_key_reference",
        "provider_config_key": "aws",
        "schema_version": 0,
        "expressions": {
            "name": {"constant_value": "kb-vectors-encryption"},
            "policy": {"references": ["aws_kms_key.kb_vectors.arn", "aws_kms_key.kb_vectors"]},
            "type": {"constant_value": "encryption"},
        },
    }
    plan = {
        "format_version": "1.2",
        "terraform_version": "1.9.8",
        "planned_values": {"root_module": {"resources": [resource]}},
        "resource_changes": [],
        "configuration": {"root_module": {"resources": [configuration]}},
    }
    path = tmp_path / "tfplan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    assert _verdicts(scan_plans([path], tmp_path)) == set()
