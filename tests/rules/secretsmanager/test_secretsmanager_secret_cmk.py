"""CKV_AISEC_74 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.secretsmanager.secretsmanager_secret_cmk import evaluate

CMK_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def secret(dynamic: frozenset[str] = frozenset(), **attrs: Any) -> Resource:
    return Resource("aws_secretsmanager_secret", "aws_secretsmanager_secret.s", {"name": "s", **attrs}, dynamic)


@pytest.mark.parametrize(
    "key_id",
    [
        CMK_ARN,
        "1234abcd-12ab-34cd-56ef-1234567890ab",
        "alias/inference-secrets",
        "alias/team-aws/secrets",
        "arn:aws:kms:us-east-1:111122223333:alias/inference-secrets",
        "aws_kms_key.secrets.arn",
        "${aws_kms_key.secrets.arn}",
        "aws_kms_alias.secrets.name",
    ],
)
def test_customer_managed_keys_pass(key_id: str) -> None:
    assert evaluate(secret(kms_key_id=key_id)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "key_id",
    [
        None,
        "",
        "alias/aws/secretsmanager",
        " alias/aws/secretsmanager ",
        "arn:aws:kms:us-east-1:111122223333:alias/aws/secretsmanager",
        "arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/secretsmanager",
        "alias/aws/kms",
    ],
)
def test_the_aws_managed_key_fails(key_id: Any) -> None:
    assert evaluate(secret(kms_key_id=key_id)).verdict is Verdict.FAIL


def test_unset_key_reason_names_the_fallback() -> None:
    assert "aws/secretsmanager" in evaluate(secret()).reason


@pytest.mark.parametrize("key_id", ["var.key", "${var.key}", "local.key", "module.kms.arn"])
def test_a_key_not_known_at_plan_time_is_unknown(key_id: str) -> None:
    result = evaluate(secret(kms_key_id=key_id))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


# -- replicas ---------------------------------------------------------------------------------------------------


def test_replicas_on_customer_managed_keys_pass() -> None:
    replicas = [
        {"region": "us-west-2", "kms_key_id": "aws_kms_replica_key.west.arn"},
        {"region": "eu-west-1", "kms_key_id": CMK_ARN},
    ]
    result = evaluate(secret(kms_key_id=CMK_ARN, replica=replicas))
    assert result.verdict is Verdict.PASS
    assert "the replica in eu-west-1" in result.reason


@pytest.mark.parametrize("replica_key", [None, "alias/aws/secretsmanager"])
def test_a_replica_on_the_aws_managed_key_fails_and_is_named(replica_key: Any) -> None:
    replicas = [{"region": "us-west-2", "kms_key_id": CMK_ARN}, {"region": "eu-west-1", "kms_key_id": replica_key}]
    result = evaluate(secret(kms_key_id=CMK_ARN, replica=replicas))
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith("the replica in eu-west-1")


def test_a_replica_block_given_as_a_single_dict_is_judged() -> None:
    assert evaluate(secret(kms_key_id=CMK_ARN, replica={"region": "eu-west-1"})).verdict is Verdict.FAIL


def test_a_failing_replica_wins_over_an_unknown_primary_key() -> None:
    assert evaluate(secret(kms_key_id="var.key", replica=[{"region": "eu-west-1"}])).verdict is Verdict.FAIL


def test_a_dynamic_replica_block_is_unknown() -> None:
    assert evaluate(secret(dynamic=frozenset({"replica"}), kms_key_id=CMK_ARN)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    ("attrs", "verdict"),
    [
        ({"kms_key_id": 42}, Verdict.UNKNOWN),
        ({"kms_key_id": [CMK_ARN]}, Verdict.UNKNOWN),
        ({"kms_key_id": {"arn": CMK_ARN}}, Verdict.UNKNOWN),
        ({"kms_key_id": CMK_ARN, "replica": "eu-west-1"}, Verdict.PASS),
        ({"kms_key_id": CMK_ARN, "replica": [None, 42]}, Verdict.PASS),
        ({"kms_key_id": CMK_ARN, "replica": [{"region": 7}]}, Verdict.FAIL),
    ],
)
def test_wrong_types_never_raise(attrs: dict[str, Any], verdict: Verdict) -> None:
    assert evaluate(secret(**attrs)).verdict is verdict
