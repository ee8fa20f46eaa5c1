"""CKV_AISEC_99 edge cases: awscc's server_side_encryption_configuration object in the shapes Checkov delivers."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.bedrock.awscc_bedrock_data_source_cmk import evaluate

KEY = "arn:aws:kms:us-east-1:111122223333:key/7c3e1a9f-5d2b-4f68-a0c4-e6b8d2f4a193"
BLOCK = "server_side_encryption_configuration"


def source(configuration: Any = None) -> Resource:
    attrs: dict[str, Any] = {"name": "s", "knowledge_base_id": "KB4EXAMPLE1"}
    if configuration is not None:
        attrs[BLOCK] = configuration
    return Resource("awscc_bedrock_data_source", "awscc_bedrock_data_source.s", attrs)


@pytest.mark.parametrize(
    "configuration",
    [
        {"kms_key_arn": KEY},  # HCL: an object arrives as a dict
        [{"kms_key_arn": KEY}],  # plan JSON: as a one-item list
        {"kms_key_arn": "awscc_kms_key.knowledge.arn"},  # HCL keeps references
        {"kms_key_arn": "${aws_kms_key.knowledge.arn}"},
    ],
)
def test_a_customer_managed_key_passes(configuration: Any) -> None:
    assert evaluate(source(configuration)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "configuration",
    [None, [], "", {"kms_key_arn": None}, {"kms_key_arn": ""}, {"kms_key_arn": "alias/aws/bedrock"}],
)
def test_no_key_or_an_aws_managed_key_fails(configuration: Any) -> None:
    assert evaluate(source(configuration)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "configuration",
    [
        "var.encryption",
        {"kms_key_arn": "var.ingestion_key_arn"},
        {"kms_key_arn": "${local.key}"},
        # plan JSON: a key reference is computed at apply; Checkov's bookkeeping is all that is left in the object
        {"__file__": ["/plans/tfplan.json"], "__startline__": [20], "start_line": [19]},
        {},
    ],
)
def test_values_not_known_at_plan_time_are_unknown(configuration: Any) -> None:
    assert evaluate(source(configuration)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("configuration", [42, True, {"kms_key_arn": 7}, {"kms_key_arn": [KEY]}])
def test_wrong_types_are_unknown(configuration: Any) -> None:
    assert evaluate(source(configuration)).verdict is Verdict.UNKNOWN
