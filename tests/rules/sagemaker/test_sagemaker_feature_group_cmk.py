"""CKV_AISEC_21 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_feature_group_cmk import evaluate

KEY = "aws_kms_key.features.arn"


def group(**attrs: Any) -> Resource:
    base = {"feature_group_name": "customers", "record_identifier_feature_name": "id", "event_time_feature_name": "t"}
    return Resource("aws_sagemaker_feature_group", "aws_sagemaker_feature_group.g", {**base, **attrs})


def offline(key: Any = None) -> list[dict[str, Any]]:
    storage: dict[str, Any] = {"s3_uri": "s3://features/offline"}
    if key is not None:
        storage["kms_key_id"] = key
    return [{"s3_storage_config": [storage]}]


def online(enabled: Any = True, key: Any = None) -> list[dict[str, Any]]:
    store: dict[str, Any] = {"enable_online_store": enabled}
    if key is not None:
        store["security_config"] = [{"kms_key_id": key}]
    return [store]


@pytest.mark.parametrize(
    "attrs",
    [
        {"offline_store_config": offline(KEY)},
        {"online_store_config": online(True, KEY)},
        {"offline_store_config": offline(KEY), "online_store_config": online(True, KEY)},
        {"offline_store_config": offline(KEY), "online_store_config": online(False)},
        {"offline_store_config": offline(KEY), "online_store_config": online(None)},
        {"online_store_config": online("true", "arn:aws:kms:us-east-1:111122223333:key/1b2c3d4e")},
    ],
)
def test_every_enabled_store_with_a_customer_key_passes(attrs: dict[str, Any]) -> None:
    assert evaluate(group(**attrs)).verdict is Verdict.PASS


def test_no_store_passes_with_a_reason() -> None:
    result = evaluate(group())
    assert result.verdict is Verdict.PASS
    assert "no offline store" in result.reason


@pytest.mark.parametrize(
    "attrs",
    [
        {"offline_store_config": offline()},
        {"offline_store_config": [{}]},
        {"offline_store_config": offline("alias/aws/s3")},
        {"online_store_config": online(True)},
        {"online_store_config": online(True, "")},
        {"online_store_config": [{"enable_online_store": True, "security_config": [{}]}]},
        {"offline_store_config": offline(KEY), "online_store_config": online(True)},
        {"offline_store_config": offline(), "online_store_config": online(True, KEY)},
    ],
)
def test_an_enabled_store_without_a_customer_key_fails(attrs: dict[str, Any]) -> None:
    assert evaluate(group(**attrs)).verdict is Verdict.FAIL


def test_a_disabled_online_store_needs_no_key() -> None:
    assert evaluate(group(online_store_config=online(False))).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "attrs",
    [
        {"offline_store_config": offline("var.offline_key")},
        {"online_store_config": online(True, "${var.online_key}")},
        {"online_store_config": online("var.enable_online")},
        {"offline_store_config": "var.offline_store"},
        {"offline_store_config": [{"s3_storage_config": "local.storage"}]},
        {"online_store_config": [{"enable_online_store": True, "security_config": "var.security"}]},
    ],
)
def test_unresolved_settings_are_unknown(attrs: dict[str, Any]) -> None:
    result = evaluate(group(**attrs))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


def test_unknown_enable_does_not_matter_with_a_key() -> None:
    assert evaluate(group(online_store_config=online("var.enable_online", KEY))).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "attrs",
    [
        {"offline_store_config": [{"s3_storage_config": 5}]},
        {"online_store_config": [{"enable_online_store": True, "security_config": ["x"]}]},
        {"offline_store_config": offline(["k"])},
        {"online_store_config": online(2, KEY)},
    ],
)
def test_wrong_types_never_raise(attrs: dict[str, Any]) -> None:
    assert evaluate(group(**attrs)).verdict in (Verdict.UNKNOWN, Verdict.PASS)
