"""CKV_AISEC_38 edge cases: rule sets, public access to collections and dashboards, odd documents."""

from __future__ import annotations

import json
from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.opensearch.opensearchserverless_network_private import evaluate


def rules(*kinds: str, name: str = "kb-vectors") -> list[dict[str, Any]]:
    return [{"ResourceType": kind, "Resource": [f"collection/{name}"]} for kind in kinds]


def policy(document: Any, kind: Any = "network") -> Resource:
    attrs = {"name": "kb", "type": kind, "policy": document}
    return Resource("aws_opensearchserverless_security_policy", "aws_opensearchserverless_security_policy.p", attrs)


PRIVATE = {"Rules": rules("collection", "dashboard"), "AllowFromPublic": False, "SourceVPCEs": ["vpce-0a1b2c3d"]}


@pytest.mark.parametrize(
    "document",
    [
        [PRIVATE],
        [{"Rules": rules("collection"), "SourceServices": ["bedrock.amazonaws.com"]}],  # AllowFromPublic unset
        [{"Rules": rules("collection"), "AllowFromPublic": "false", "SourceVPCEs": ["vpce-1"]}],
        json.dumps([PRIVATE]),
        PRIVATE,  # a single rule set (Checkov's HCL reader unwraps one-item lists)
    ],
)
def test_private_rule_sets_pass(document: Any) -> None:
    assert evaluate(policy(document)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    ("document", "named"),
    [
        ([{"Rules": rules("collection"), "AllowFromPublic": True}], "collection collection/kb-vectors"),
        ([PRIVATE, {"Rules": rules("dashboard"), "AllowFromPublic": True}], "dashboard collection/kb-vectors"),
        ([{"Rules": rules("collection", name="*"), "AllowFromPublic": "true"}], "collection collection/*"),
        (json.dumps([{"Rules": rules("collection"), "AllowFromPublic": True}]), "collection/kb-vectors"),
        ([{"Rules": {"ResourceType": "collection", "Resource": "collection/kb"}, "AllowFromPublic": True}], "kb"),
    ],
)
def test_public_access_fails_and_names_what_is_public(document: Any, named: str) -> None:
    result = evaluate(policy(document))
    assert result.verdict is Verdict.FAIL
    assert named in result.reason


def test_a_known_public_rule_set_wins_over_an_unknown_one() -> None:
    document = [{"Rules": rules("collection"), "AllowFromPublic": "var.public"}, {"AllowFromPublic": True}]
    assert evaluate(policy(document)).verdict is Verdict.FAIL


@pytest.mark.parametrize("kind", ["encryption", "Encryption"])
def test_encryption_policies_do_not_apply(kind: str) -> None:
    result = evaluate(policy({"Rules": rules("collection"), "AWSOwnedKey": True}, kind))
    assert result.verdict is Verdict.PASS
    assert result.reason.startswith("does not apply")


@pytest.mark.parametrize(
    "document",
    [
        "var.network_policy",
        "aws_opensearchserverless_vpc_endpoint.private.id",  # plan JSON: known only after apply
        "not json {",
        None,
        [],
        [{"Rules": rules("collection"), "AllowFromPublic": "${var.public}"}],
        [{"Rules": rules("collection"), "AllowFromPublic": {"maybe": True}}],
        ["not a rule set"],
        42,
    ],
)
def test_documents_that_cannot_be_judged_are_unknown(document: Any) -> None:
    assert evaluate(policy(document)).verdict is Verdict.UNKNOWN


def test_an_unknown_type_is_unknown() -> None:
    assert evaluate(policy([{"AllowFromPublic": True}], "var.kind")).verdict is Verdict.UNKNOWN
