"""CKV2_AISEC_12 edge cases: a collection's own encryption_config, matching encryption policies by name and
prefix, regions, and policies that cannot be read."""

from __future__ import annotations

import json
from typing import Any

import pytest

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.opensearch_serverless import matches_collection
from policies.rules.opensearch.opensearchserverless_collection_cmk import evaluate

POLICY = "aws_opensearchserverless_security_policy"
KEY = "arn:aws:kms:us-east-1:111122223333:key/8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5f6e"


def collection(name: Any = "kb-support", **attrs: Any) -> Resource:
    return Resource(
        "aws_opensearchserverless_collection", "aws_opensearchserverless_collection.c", {"name": name, **attrs}
    )


def encryption_policy(label: str, *patterns: str, key: str | None = KEY, kind: Any = "encryption", **attrs: Any):
    document: dict[str, Any] = {"Rules": [{"ResourceType": "collection", "Resource": list(patterns)}]}
    document.update({"AWSOwnedKey": False, "KmsARN": key} if key else {"AWSOwnedKey": True})
    return Resource(POLICY, f"{POLICY}.{label}", {"name": label, "type": kind, "policy": document, **attrs})


def judge(subject: Resource, *others: Resource) -> Any:
    return evaluate(subject, Graph([subject, *others]))


@pytest.mark.parametrize(
    ("pattern", "name", "expected"),
    [
        ("collection/kb-support", "kb-support", True),
        ("collection/kb-*", "kb-support", True),
        ("collection/*", "kb-support", True),
        ("collection/kb-support", "kb-support-2", False),
        ("collection/kb", "kb-support", False),
        ("index/kb-support/*", "kb-support", False),
        ("collection/", "kb-support", False),
        ("var.pattern", "kb-support", None),
        (42, "kb-support", None),
    ],
)
def test_pattern_matching(pattern: Any, name: str, expected: Any) -> None:
    assert matches_collection(pattern, name) is expected


def test_a_matching_policy_with_a_customer_managed_key_passes() -> None:
    assert judge(collection(), encryption_policy("kb", "collection/kb-*")).verdict is Verdict.PASS


def test_a_matching_policy_with_the_aws_owned_key_fails() -> None:
    result = judge(collection(), encryption_policy("kb", "collection/kb-support", key=None))
    assert result.verdict is Verdict.FAIL
    assert "AWSOwnedKey is true" in result.reason


def test_the_policy_document_may_be_a_json_string() -> None:
    policy = encryption_policy("kb", "collection/kb-support")
    as_string = Resource(POLICY, policy.address, {**policy.attrs, "policy": json.dumps(policy.attrs["policy"])})
    assert judge(collection(), as_string).verdict is Verdict.PASS


def test_policies_for_other_collections_and_network_policies_do_not_count() -> None:
    others = [
        encryption_policy("other", "collection/site-search", key=None),
        Resource(
            POLICY,
            f"{POLICY}.network",
            {
                "name": "n",
                "type": "network",
                "policy": [
                    {
                        "Rules": [{"ResourceType": "collection", "Resource": ["collection/kb-*"]}],
                        "AllowFromPublic": True,
                    }
                ],
            },
        ),
    ]
    result = judge(collection(), *others)
    assert result.verdict is Verdict.UNKNOWN
    assert result.reason == "no encryption policy in this configuration covers collection kb-support"


def test_agreeing_policies_decide_and_disagreeing_ones_do_not() -> None:
    exact, prefix = encryption_policy("exact", "collection/kb-support"), encryption_policy("prefix", "collection/kb-*")
    assert judge(collection(), exact, prefix).verdict is Verdict.PASS
    owned = encryption_policy("owned", "collection/kb-*", key=None)
    assert judge(collection(), exact, owned).verdict is Verdict.UNKNOWN


def test_a_policy_in_another_region_does_not_cover_the_collection() -> None:
    policy = encryption_policy("kb", "collection/kb-*", key=None, region="eu-west-1")
    assert judge(collection(region="us-east-1"), policy).verdict is Verdict.UNKNOWN
    assert judge(collection(region="eu-west-1"), policy).verdict is Verdict.FAIL


def test_a_policy_whose_region_may_differ_gives_no_verdict() -> None:
    policy = encryption_policy("kb", "collection/kb-*", region="eu-west-1")
    assert judge(collection(), policy).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "policy",
    [
        Resource(POLICY, f"{POLICY}.p", {"type": "encryption", "policy": "aws_kms_key.vectors.arn"}),
        Resource(POLICY, f"{POLICY}.p", {"type": "var.kind", "policy": {"Rules": [], "AWSOwnedKey": True}}),
        encryption_policy("p", "var.pattern"),
    ],
)
def test_policies_that_cannot_be_read_may_cover_the_collection(policy: Resource) -> None:
    result = judge(collection(), policy)
    assert result.verdict is Verdict.UNKNOWN
    assert "may cover collection kb-support" in result.reason


def test_an_unreadable_policy_next_to_a_covering_one_gives_no_verdict() -> None:
    unreadable = Resource(POLICY, f"{POLICY}.p", {"type": "encryption", "policy": "aws_kms_key.vectors.arn"})
    assert judge(collection(), encryption_policy("kb", "collection/kb-*"), unreadable).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("name", ["var.name", "${var.name}", None, "", 42, "aws_ssm_parameter.n.value"])
def test_a_name_not_known_at_plan_time_is_unknown(name: Any) -> None:
    assert judge(collection(name), encryption_policy("kb", "collection/*")).verdict is Verdict.UNKNOWN


# -- encryption_config on the collection -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "config",
    [
        [{"aws_owned_key": False, "kms_key_arn": "aws_kms_key.vectors.arn"}],
        [{"aws_owned_key": False, "kms_key_arn": KEY}],
        {"kms_key_arn": KEY},
    ],
)
def test_encryption_config_with_a_key_passes_whatever_the_policies_say(config: Any) -> None:
    owned = encryption_policy("owned", "collection/kb-*", key=None)
    assert judge(collection(encryption_config=config), owned).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "config",
    [
        [{"aws_owned_key": True}],
        [{"aws_owned_key": "true", "kms_key_arn": None}],
        [{"aws_owned_key": False}],
        [{}],
    ],
)
def test_encryption_config_without_a_key_fails(config: Any) -> None:
    assert judge(collection(encryption_config=config), encryption_policy("kb", "collection/kb-*")).verdict is (
        Verdict.FAIL
    )


@pytest.mark.parametrize(
    "config", [[{"kms_key_arn": "var.key"}], [{"aws_owned_key": "var.owned"}], [{"kms_key_arn": ["x"]}]]
)
def test_encryption_config_not_known_at_plan_time_is_unknown(config: Any) -> None:
    assert judge(collection(encryption_config=config)).verdict is Verdict.UNKNOWN
