"""CKV2_AISEC_3 on edge cases, called directly."""

from __future__ import annotations

import json
from typing import Any

import pytest

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.s3.s3_bucket_encryption_configured import evaluate

BUCKET = Resource("aws_s3_bucket", "aws_s3_bucket.data", {"bucket": "example-data"})
CMK = {"sse_algorithm": "aws:kms", "kms_master_key_id": "aws_kms_key.k.arn"}
AES256 = {"sse_algorithm": "AES256"}


def configuration(name: str, bucket: object, default: dict[str, Any] | None = None) -> Resource:
    return Resource(
        "aws_s3_bucket_server_side_encryption_configuration",
        f"aws_s3_bucket_server_side_encryption_configuration.{name}",
        {"bucket": bucket, "rule": [{"apply_server_side_encryption_by_default": [default or AES256]}]},
    )


def logging(target: object) -> Resource:
    attrs = {"bucket": "aws_s3_bucket.app.id", "target_bucket": target, "target_prefix": "s3/"}
    return Resource("aws_s3_bucket_logging", "aws_s3_bucket_logging.app", attrs)


def policy(document: Any, bucket: object = "aws_s3_bucket.data.id") -> Resource:
    return Resource("aws_s3_bucket_policy", "aws_s3_bucket_policy.data", {"bucket": bucket, "policy": document})


LOG_DELIVERY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "logging.s3.amazonaws.com"},
            "Action": "s3:PutObject",
            "Resource": "arn:aws:s3:::example-data/*",
        }
    ],
}


def verdict(bucket: Resource, *others: Resource) -> Verdict:
    return evaluate(bucket, Graph([bucket, *others])).verdict


def test_the_configuration_content_is_judged_here_not_left_to_ckv_aisec_1() -> None:
    """--check CKV2_AISEC_3 alone must fail an AES256 bucket: the rule does not trust another rule ran."""
    assert verdict(BUCKET, configuration("a", "aws_s3_bucket.data.id", CMK)) is Verdict.PASS
    assert verdict(BUCKET, configuration("b", "example-data", CMK)) is Verdict.PASS
    assert verdict(BUCKET, configuration("c", "aws_s3_bucket.data.id")) is Verdict.FAIL
    assert verdict(BUCKET, configuration("d", "example-data")) is Verdict.FAIL


@pytest.mark.parametrize(
    "default",
    [
        {"sse_algorithm": "aws:kms"},
        {"sse_algorithm": "aws:kms", "kms_master_key_id": "alias/aws/s3"},
        {"sse_algorithm": "aws:kms:dsse", "kms_master_key_id": "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"},
    ],
)
def test_an_aws_managed_key_fails(default: dict[str, Any]) -> None:
    assert verdict(BUCKET, configuration("a", "aws_s3_bucket.data.id", default)) is Verdict.FAIL


def test_a_configuration_for_another_bucket_does_not_count() -> None:
    assert verdict(BUCKET, configuration("a", "aws_s3_bucket.other.id", CMK)) is Verdict.FAIL
    assert verdict(BUCKET, configuration("b", "example-other", CMK)) is Verdict.FAIL


def test_a_configuration_whose_bucket_is_a_variable_leaves_the_verdict_open() -> None:
    assert verdict(BUCKET, configuration("a", "var.bucket", CMK)) is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "marker",
    [
        logging("aws_s3_bucket.data.id"),
        logging("aws_s3_bucket.data.bucket"),
        logging("example-data"),
        policy(LOG_DELIVERY),
        policy(json.dumps(LOG_DELIVERY)),
        policy(
            {
                **LOG_DELIVERY,
                "Statement": {
                    **LOG_DELIVERY["Statement"][0],
                    "Principal": {"Service": ["x", "logging.s3.amazonaws.com"]},
                },
            }
        ),
        Resource(
            "aws_s3_bucket",
            "aws_s3_bucket.app",
            {"bucket": "app", "logging": [{"target_bucket": "aws_s3_bucket.data.id"}]},
        ),
        Resource("aws_s3_bucket", "aws_s3_bucket.app", {"bucket": "app", "logging": {"target_bucket": "example-data"}}),
    ],
    ids=[
        "logging-reference",
        "logging-bucket-attribute",
        "logging-name",
        "policy",
        "policy-string",
        "policy-list",
        "inline-logging",
        "inline-logging-name",
    ],
)
def test_a_server_access_log_target_passes_with_aes256_and_fails_with_kms(marker: Resource) -> None:
    aes = evaluate(BUCKET, Graph([BUCKET, marker, configuration("a", "aws_s3_bucket.data.id")]))
    assert aes.verdict is Verdict.PASS
    assert "server access logs" in aes.reason
    kms = evaluate(BUCKET, Graph([BUCKET, marker, configuration("a", "aws_s3_bucket.data.id", CMK)]))
    assert kms.verdict is Verdict.FAIL
    assert "SSE-KMS" in kms.reason


def test_a_log_delivery_grant_in_a_policy_document_data_source_counts() -> None:
    document = Resource(
        "aws_iam_policy_document",
        "data.aws_iam_policy_document.logs",
        {
            "statement": [
                {
                    "effect": "Allow",
                    "actions": ["s3:PutObject"],
                    "resources": ["arn:aws:s3:::example-data/*"],
                    "principals": [{"type": "Service", "identifiers": ["logging.s3.amazonaws.com"]}],
                }
            ]
        },
    )
    bucket_policy = policy("data.aws_iam_policy_document.logs.json")
    assert verdict(BUCKET, document, bucket_policy, configuration("a", "aws_s3_bucket.data.id")) is Verdict.PASS


def test_logs_delivered_to_another_bucket_do_not_make_this_one_a_target() -> None:
    for marker in (logging("aws_s3_bucket.logs.id"), logging("example-logs"), policy(LOG_DELIVERY, "example-logs")):
        assert verdict(BUCKET, marker, configuration("a", "aws_s3_bucket.data.id")) is Verdict.FAIL


def test_a_log_target_not_known_at_plan_time_leaves_aes256_open_but_not_a_cmk() -> None:
    assert verdict(BUCKET, logging("var.log_bucket"), configuration("a", "aws_s3_bucket.data.id")) is Verdict.UNKNOWN
    assert verdict(BUCKET, logging("var.log_bucket"), configuration("a", "aws_s3_bucket.data.id", CMK)) is Verdict.PASS


def test_the_legacy_inline_block_is_judged_here() -> None:
    cmk = {"rule": {"apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms", "kms_master_key_id": "k"}}}
    inline_cmk = Resource("aws_s3_bucket", "aws_s3_bucket.x", {"server_side_encryption_configuration": cmk})
    inline_s3 = Resource(
        "aws_s3_bucket",
        "aws_s3_bucket.y",
        {"server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": []}]}]},
    )
    assert verdict(inline_cmk) is Verdict.PASS
    assert verdict(inline_s3) is Verdict.FAIL


def test_a_separate_configuration_and_an_inline_block_are_both_judged() -> None:
    inline = {"rule": {"apply_server_side_encryption_by_default": AES256}}
    bucket = Resource(
        "aws_s3_bucket",
        "aws_s3_bucket.data",
        {"bucket": "example-data", "server_side_encryption_configuration": inline},
    )
    assert verdict(bucket, configuration("a", "aws_s3_bucket.data.id", CMK)) is Verdict.FAIL


@pytest.mark.parametrize(
    "odd", ["text", 3, [], [None], {"rule": "x"}, {"rule": [{"apply_server_side_encryption_by_default": "x"}]}]
)
def test_odd_shapes_give_a_verdict(odd: Any) -> None:
    bucket = Resource("aws_s3_bucket", "aws_s3_bucket.z", {"server_side_encryption_configuration": odd})
    assert verdict(bucket) in (Verdict.FAIL, Verdict.UNKNOWN)
    for marker in (
        logging(odd),
        policy(odd, "aws_s3_bucket.z.id"),
        Resource("aws_s3_bucket", "aws_s3_bucket.q", {"logging": odd}),
    ):
        assert verdict(bucket, marker) in (Verdict.FAIL, Verdict.UNKNOWN)


# -- encryption configurations of buckets created elsewhere ---------------------------------------------------


def test_a_configuration_whose_bucket_is_here_is_judged_on_the_bucket() -> None:
    good = configuration("a", "aws_s3_bucket.data.id", CMK)
    assert evaluate(good, Graph([BUCKET, good])).verdict is Verdict.PASS
    bad = configuration("b", "example-data")
    result = evaluate(bad, Graph([BUCKET, bad]))
    assert result.verdict is Verdict.UNKNOWN
    assert "aws_s3_bucket.data" in result.reason


def test_a_configuration_of_a_bucket_created_elsewhere_is_judged_on_its_own() -> None:
    for bucket in ("example-elsewhere", "var.bucket_name", "aws_s3_bucket.other.id"):
        aes = configuration("a", bucket)
        assert evaluate(aes, Graph([aes])).verdict is Verdict.FAIL
        kms = configuration("b", bucket, CMK)
        assert evaluate(kms, Graph([kms])).verdict is Verdict.PASS


def test_a_configuration_of_a_log_bucket_created_elsewhere_passes_with_aes256() -> None:
    aes = configuration("a", "example-logs")
    assert evaluate(aes, Graph([aes, logging("example-logs")])).verdict is Verdict.PASS
    assert evaluate(aes, Graph([aes, logging("var.target")])).verdict is Verdict.UNKNOWN
    assert evaluate(aes, Graph([aes, logging("example-other-logs")])).verdict is Verdict.FAIL
