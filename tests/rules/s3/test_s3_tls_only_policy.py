"""CKV2_AISEC_2 edge cases on normalized resources, and what Checkov's graph holds for data sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from checkov.runner_filter import RunnerFilter
from checkov.terraform.runner import Runner as TerraformRunner
from networkx import DiGraph

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.s3.s3_tls_only_policy import evaluate
from tests.scanning import scan_hcl

BUCKET = Resource("aws_s3_bucket", "aws_s3_bucket.data", {"bucket": "example-training-data"})
TLS_DENY = {
    "Sid": "DenyInsecureTransport",
    "Effect": "Deny",
    "Principal": "*",
    "Action": "s3:*",
    "Resource": ["arn:aws:s3:::example-training-data", "arn:aws:s3:::example-training-data/*"],
    "Condition": {"Bool": {"aws:SecureTransport": "false"}},
}
READ_GRANT = {
    "Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::111122223333:role/training"},
    "Action": "s3:GetObject",
    "Resource": "arn:aws:s3:::example-training-data/*",
}


def _bucket_policy(policy: object, bucket: object = "aws_s3_bucket.data.id", name: str = "p") -> Resource:
    return Resource("aws_s3_bucket_policy", f"aws_s3_bucket_policy.{name}", {"bucket": bucket, "policy": policy})


def _document(*statements: dict, name: str = "tls", dynamic: bool = False) -> Resource:
    return Resource(
        "aws_iam_policy_document",
        f"data.aws_iam_policy_document.{name}",
        {"statement": list(statements)},
        dynamic_blocks=frozenset({"statement"} if dynamic else ()),
    )


def _judge(*others: Resource, bucket: Resource = BUCKET) -> Verdict:
    result = evaluate(bucket, Graph([bucket, *others]))
    return result.verdict


def _with(*statements: object) -> dict:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def test_a_bucket_without_a_policy_fails() -> None:
    other = Resource("aws_s3_bucket", "aws_s3_bucket.other", {"bucket": "other"})
    assert _judge() is Verdict.FAIL
    assert _judge(_bucket_policy(_with(TLS_DENY), bucket="aws_s3_bucket.other.id"), other) is Verdict.FAIL
    assert _judge(_bucket_policy(_with(TLS_DENY), bucket="other")) is Verdict.FAIL


@pytest.mark.parametrize(
    "bucket",
    ["aws_s3_bucket.data.id", "${aws_s3_bucket.data.id}", "aws_s3_bucket.data.bucket", "example-training-data"],
)
def test_the_policy_is_found_by_reference_or_by_name(bucket: str) -> None:
    assert _judge(_bucket_policy(_with(TLS_DENY), bucket=bucket)) is Verdict.PASS


@pytest.mark.parametrize(
    "deny",
    [
        TLS_DENY,
        {**TLS_DENY, "Action": "*"},
        {**TLS_DENY, "Action": ["s3:GetObject", "S3:*"]},
        {**TLS_DENY, "Condition": {"Bool": {"aws:SecureTransport": False}}},
        {**TLS_DENY, "Condition": {"Bool": {"aws:SecureTransport": "False"}}},  # Checkov's str() of a boolean
        {**TLS_DENY, "Condition": {"Bool": {"aws:SecureTransport": ["false"]}}},
        {**TLS_DENY, "Condition": {"BoolIfExists": {"aws:securetransport": "false"}}},
        {**TLS_DENY, "Principal": {"AWS": "*"}},
    ],
)
def test_a_deny_of_all_s3_actions_without_tls_passes(deny: dict) -> None:
    assert _judge(_bucket_policy(_with(READ_GRANT, deny))) is Verdict.PASS


def test_a_policy_given_as_json_text_passes() -> None:
    """Plan JSON, or any attribute Checkov does not decode, arrives as a JSON string."""
    assert _judge(_bucket_policy(json.dumps(_with(TLS_DENY)))) is Verdict.PASS
    assert _judge(_bucket_policy([_with(TLS_DENY)])) is Verdict.PASS  # wrapped by Checkov


@pytest.mark.parametrize(
    "statements",
    [
        [],
        [READ_GRANT],
        [{**TLS_DENY, "Effect": "Allow", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}],
        [{**TLS_DENY, "Condition": {"Bool": {"aws:SecureTransport": "true"}}}],
        [{**TLS_DENY, "Action": "s3:PutObject"}],
        [{**TLS_DENY, "Action": ["s3:Get*", "s3:Put*"]}],
        [{**TLS_DENY, "Condition": {"StringEquals": {"aws:SecureTransport": "false"}}}],
        [{**TLS_DENY, "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}],
        [{key: value for key, value in TLS_DENY.items() if key != "Condition"}],
        [{**READ_GRANT, "Action": "var.actions"}],  # an unknown Allow can never be the Deny
        [{**TLS_DENY, "Action": "s3:PutObject", "Resource": "var.objects"}],  # nor can unknown resources help
    ],
)
def test_a_policy_without_the_deny_fails(statements: list[dict]) -> None:
    assert _judge(_bucket_policy(_with(*statements))) is Verdict.FAIL


@pytest.mark.parametrize(
    "policy",
    [
        "var.bucket_policy",
        "data.aws_iam_policy_document.missing.json",
        "aws_iam_policy.shared.policy",
        "not json",
        "${jsonencode({'Statement': [{'Resource': ['${aws_s3_bucket.b.arn}', '${aws_s3_bucket.b.arn}/*']}]})}",
        _with(READ_GRANT, "var.extra_statement"),
        _with({**TLS_DENY, "Action": "var.actions"}),
        _with({**TLS_DENY, "Effect": "${var.effect}"}),
        _with({**TLS_DENY, "Condition": {"Bool": {"aws:SecureTransport": "var.tls"}}}),
    ],
)
def test_unresolved_policies_are_unknown(policy: object) -> None:
    assert _judge(_bucket_policy(policy)) is Verdict.UNKNOWN


def test_the_deny_wins_over_unknown_parts() -> None:
    assert _judge(_bucket_policy(_with("var.extra_statement", {**READ_GRANT, "Action": "var.x"}, TLS_DENY))) is (
        Verdict.PASS
    )


def test_a_policy_whose_bucket_is_unresolved_may_belong_to_any_bucket() -> None:
    unresolved = _bucket_policy(_with(READ_GRANT), bucket="var.bucket_name", name="unresolved")
    assert _judge(unresolved) is Verdict.UNKNOWN
    assert _judge(unresolved, _bucket_policy(_with(TLS_DENY))) is Verdict.PASS


def test_every_attached_policy_must_deny() -> None:
    """A bucket has one policy: two aws_s3_bucket_policy resources overwrite each other."""
    assert _judge(_bucket_policy(_with(TLS_DENY), name="a"), _bucket_policy(_with(READ_GRANT), name="b")) is (
        Verdict.FAIL
    )


def test_the_deprecated_inline_policy_of_the_bucket_counts() -> None:
    inline = Resource(
        "aws_s3_bucket", "aws_s3_bucket.data", {"bucket": "example-training-data", "policy": _with(TLS_DENY)}
    )
    assert _judge(bucket=inline) is Verdict.PASS
    inline_without = Resource("aws_s3_bucket", "aws_s3_bucket.data", {"bucket": "b", "policy": json.dumps(_with())})
    assert _judge(bucket=inline_without) is Verdict.FAIL


def test_buckets_and_policies_inside_a_module() -> None:
    bucket = Resource("aws_s3_bucket", "module.data.aws_s3_bucket.data", {"bucket": "example-training-data"})
    policy = Resource(
        "aws_s3_bucket_policy",
        "module.data.aws_s3_bucket_policy.p",
        {"bucket": "aws_s3_bucket.data.id", "policy": "data.aws_iam_policy_document.tls.json"},
    )
    document = Resource(
        "aws_iam_policy_document",
        "module.data.data.aws_iam_policy_document.tls",
        {"statement": [{"effect": "Deny", "actions": ["s3:*"], "condition": [_secure_transport(False)]}]},
    )
    assert _judge(policy, document, bucket=bucket) is Verdict.PASS
    assert _judge(policy, bucket=bucket) is Verdict.UNKNOWN


# -- policies built with data.aws_iam_policy_document --------------------------------------------------------


def _secure_transport(value: object, test: str = "Bool") -> dict:
    return {"test": test, "variable": "aws:SecureTransport", "values": [value]}


DOCUMENT_DENY = {
    "sid": "DenyInsecureTransport",
    "effect": "Deny",
    "actions": ["s3:*"],
    "resources": ["aws_s3_bucket.data.arn", "${aws_s3_bucket.data.arn}/*"],
    "principals": [{"type": "*", "identifiers": ["*"]}],
    "condition": [_secure_transport(False)],  # Checkov turns "false" into a boolean
}


@pytest.mark.parametrize(
    ("statements", "dynamic", "verdict"),
    [
        ([DOCUMENT_DENY], False, Verdict.PASS),
        ([{**DOCUMENT_DENY, "condition": [_secure_transport("false", "BoolIfExists")]}], False, Verdict.PASS),
        ([{"actions": ["s3:GetObject"], "resources": ["*"]}, DOCUMENT_DENY], True, Verdict.PASS),
        ([{"actions": ["s3:GetObject"], "resources": ["*"]}], False, Verdict.FAIL),
        ([{**DOCUMENT_DENY, "effect": None}], False, Verdict.FAIL),  # effect defaults to Allow
        ([{**DOCUMENT_DENY, "actions": ["s3:PutObject"]}], False, Verdict.FAIL),
        ([{**DOCUMENT_DENY, "condition": [_secure_transport("true")]}], False, Verdict.FAIL),
        ([{"actions": ["s3:GetObject"], "resources": ["*"]}], True, Verdict.UNKNOWN),
        ([{**DOCUMENT_DENY, "actions": "${var.actions}"}], False, Verdict.UNKNOWN),
    ],
)
def test_policy_documents_are_followed_through_the_graph(
    statements: list[dict], dynamic: bool, verdict: Verdict
) -> None:
    policy = _bucket_policy("data.aws_iam_policy_document.tls.json")
    assert _judge(policy, _document(*statements, dynamic=dynamic)) is verdict


def test_only_the_referenced_document_counts() -> None:
    policy = _bucket_policy("data.aws_iam_policy_document.tls.json")
    other = _document(DOCUMENT_DENY, name="other")
    assert _judge(policy, other, _document(name="tls")) is Verdict.FAIL


TLS_DOCUMENT_TF = """
resource "aws_s3_bucket" "pass_policy_document" {
  bucket = "example-embeddings"
}

data "aws_iam_policy_document" "tls_only" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::example-embeddings", "arn:aws:s3:::example-embeddings/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "embeddings" {
  bucket = aws_s3_bucket.pass_policy_document.id
  policy = data.aws_iam_policy_document.tls_only.json
}
"""


def _vertices(graph: object) -> list[dict]:
    nodes = graph.nodes(data=True) if isinstance(graph, DiGraph) else graph.nodes()  # type: ignore[attr-defined]
    return [attributes for _, attributes in nodes]


def test_checkov_graph_holds_data_sources_for_hcl(tmp_path: Path) -> None:
    """The data source is a vertex of Checkov's HCL graph, typed ``data.<type>`` with its config under ``<type>``."""
    (tmp_path / "main.tf").write_text(TLS_DOCUMENT_TF, encoding="utf-8")
    runner = TerraformRunner()
    runner.run(root_folder=str(tmp_path), runner_filter=RunnerFilter(framework=["terraform"], checks=["CKV2_AISEC_2"]))
    [vertex] = [v for v in _vertices(runner.graph_manager.get_reader_endpoint()) if v.get("block_type_") == "data"]
    assert vertex["resource_type"] == "data.aws_iam_policy_document"
    assert vertex["__address__"] == "aws_iam_policy_document.tls_only"
    statement = vertex["config_"]["aws_iam_policy_document"]["tls_only"]["statement"][0]
    assert statement["effect"] == ["Deny"]


def test_a_policy_document_is_resolved_in_a_checkov_scan(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(TLS_DOCUMENT_TF, encoding="utf-8")
    findings = {(f.verdict, f.address) for f in scan_hcl(tmp_path, ["CKV2_AISEC_2"])}
    assert findings == {("PASSED", "aws_s3_bucket.pass_policy_document")}
