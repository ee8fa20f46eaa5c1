"""CKV_AISEC_39 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.bedrock_data_source_cmk import evaluate

KEY = "arn:aws:kms:us-east-1:111122223333:key/5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a"


def data_source(configuration: Any = None, dynamic: bool = False) -> Resource:
    attrs: dict[str, Any] = {"name": "articles", "knowledge_base_id": "KB1"}
    if configuration is not None:
        attrs["server_side_encryption_configuration"] = configuration
    blocks = frozenset({"server_side_encryption_configuration"}) if dynamic else frozenset()
    return Resource("aws_bedrockagent_data_source", "aws_bedrockagent_data_source.d", attrs, blocks)


@pytest.mark.parametrize(
    "configuration",
    [
        [{"kms_key_arn": "aws_kms_key.ingestion.arn"}],
        [{"kms_key_arn": KEY}],
        {"kms_key_arn": KEY},  # a single object (Pulumi)
    ],
)
def test_a_customer_managed_key_passes(configuration: Any) -> None:
    assert evaluate(data_source(configuration)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "configuration",
    [None, [], [{}], [{"kms_key_arn": None}], [{"kms_key_arn": ""}], [{"kms_key_arn": "alias/aws/bedrock"}]],
)
def test_no_customer_managed_key_fails(configuration: Any) -> None:
    assert evaluate(data_source(configuration)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "configuration", ["var.sse", [{"kms_key_arn": "var.key"}], [{"kms_key_arn": 3}], "not a block"]
)
def test_values_not_known_at_plan_time_are_unknown(configuration: Any) -> None:
    assert evaluate(data_source(configuration)).verdict is Verdict.UNKNOWN


def test_a_dynamic_block_is_unknown() -> None:
    assert evaluate(data_source(dynamic=True)).verdict is Verdict.UNKNOWN
