"""CKV2_AISEC_11 edge cases: finding each log destination and judging its encryption."""

from __future__ import annotations

from typing import Any

import pytest

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.bedrock.bedrock_invocation_logs_cmk import evaluate

LOGGING = "aws_bedrock_model_invocation_logging_configuration"
KEY = "arn:aws:kms:us-east-1:111122223333:key/4b3a2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d"
KMS_RULE = [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms", "kms_master_key_id": KEY}]}]
SSE_S3_RULE = [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]


def logging(cloudwatch: Any = None, s3: Any = None, large: Any = None) -> Resource:
    config: dict[str, Any] = {}
    if cloudwatch is not None:
        block: dict[str, Any] = {"log_group_name": cloudwatch, "role_arn": "arn:aws:iam::111122223333:role/x"}
        if large is not None:
            block["large_data_delivery_s3_config"] = [{"bucket_name": large}]
        config["cloudwatch_config"] = [block]
    if s3 is not None:
        config["s3_config"] = [{"bucket_name": s3}]
    return Resource(LOGGING, f"{LOGGING}.this", {"logging_config": [config]})


def log_group(name: str = "invocations", group_name: str = "/aws/bedrock/invocations", **attrs: Any) -> Resource:
    return Resource("aws_cloudwatch_log_group", f"aws_cloudwatch_log_group.{name}", {"name": group_name, **attrs})


def bucket(name: str = "logs", bucket_name: str = "example-logs", **attrs: Any) -> Resource:
    return Resource("aws_s3_bucket", f"aws_s3_bucket.{name}", {"bucket": bucket_name, **attrs})


def encryption(name: str, target: str, rule: Any = KMS_RULE) -> Resource:
    return Resource(
        "aws_s3_bucket_server_side_encryption_configuration",
        f"aws_s3_bucket_server_side_encryption_configuration.{name}",
        {"bucket": target, "rule": rule},
    )


def judge(subject: Resource, *others: Resource) -> Any:
    return evaluate(subject, Graph([subject, *others]))


# -- CloudWatch Logs ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "aws_cloudwatch_log_group.invocations.name",
        "${aws_cloudwatch_log_group.invocations.name}",
        "/aws/bedrock/invocations",
    ],
)
@pytest.mark.parametrize("key", ["aws_kms_key.logs.arn", KEY])
def test_a_log_group_with_a_kms_key_passes(name: str, key: str) -> None:
    assert judge(logging(cloudwatch=name), log_group(kms_key_id=key)).verdict is Verdict.PASS


@pytest.mark.parametrize("attrs", [{}, {"kms_key_id": None}, {"kms_key_id": ""}])
def test_a_log_group_without_a_kms_key_fails(attrs: dict[str, Any]) -> None:
    result = judge(logging(cloudwatch="/aws/bedrock/invocations"), log_group(**attrs))
    assert result.verdict is Verdict.FAIL
    assert "aws_cloudwatch_log_group.invocations has no kms_key_id" in result.reason


def test_a_log_group_with_another_name_is_not_the_destination() -> None:
    other = log_group("other", "/aws/other", kms_key_id=KEY)
    result = judge(logging(cloudwatch="/aws/bedrock/invocations"), other)
    assert result.verdict is Verdict.UNKNOWN
    assert result.reason == "log group /aws/bedrock/invocations is not defined in this configuration"


@pytest.mark.parametrize(
    ("destination", "attrs"),
    [
        ("var.log_group", {"kms_key_id": KEY}),
        ("aws_cloudwatch_log_group.invocations.name", {"kms_key_id": "var.key"}),
        ("data.aws_cloudwatch_log_group.shared.name", {}),
        (["a"], {}),
    ],
)
def test_log_groups_not_known_at_plan_time_are_unknown(destination: Any, attrs: dict[str, Any]) -> None:
    assert judge(logging(cloudwatch=destination), log_group(**attrs)).verdict is Verdict.UNKNOWN


# -- S3 -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("destination", ["aws_s3_bucket.logs.id", "aws_s3_bucket.logs.bucket", "example-logs"])
@pytest.mark.parametrize("target", ["aws_s3_bucket.logs.id", "example-logs"])
def test_a_bucket_with_sse_kms_under_a_customer_key_passes(destination: str, target: str) -> None:
    assert judge(logging(s3=destination), bucket(), encryption("logs", target)).verdict is Verdict.PASS


def test_a_bucket_encryption_named_literally_counts_without_the_bucket_resource() -> None:
    assert judge(logging(s3="example-logs"), encryption("logs", "example-logs")).verdict is Verdict.PASS


def test_the_inline_encryption_block_of_a_bucket_counts() -> None:
    inline = bucket(server_side_encryption_configuration=[{"rule": KMS_RULE}])
    assert judge(logging(s3="aws_s3_bucket.logs.id"), inline).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "rule",
    [
        SSE_S3_RULE,
        [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}],
        [
            {
                "apply_server_side_encryption_by_default": [
                    {"sse_algorithm": "aws:kms", "kms_master_key_id": "alias/aws/s3"}
                ]
            }
        ],
    ],
)
def test_a_bucket_without_a_customer_managed_key_fails(rule: Any) -> None:
    result = judge(logging(s3="aws_s3_bucket.logs.id"), bucket(), encryption("logs", "aws_s3_bucket.logs.id", rule))
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith(
        "bucket aws_s3_bucket.logs.id (aws_s3_bucket_server_side_encryption_configuration.logs)"
    )


def test_a_bucket_without_any_encryption_configuration_fails() -> None:
    result = judge(logging(s3="aws_s3_bucket.logs.bucket"), bucket())
    assert result.verdict is Verdict.FAIL
    assert "S3-managed keys" in result.reason


def test_an_encryption_configuration_of_another_bucket_does_not_count() -> None:
    other = encryption("other", "aws_s3_bucket.other.id")
    assert judge(logging(s3="aws_s3_bucket.logs.id"), bucket(), bucket("other", "example-other"), other).verdict is (
        Verdict.FAIL
    )


def test_an_encryption_configuration_that_may_belong_to_the_bucket_decides_nothing_on_its_own() -> None:
    maybe = encryption("maybe", "var.bucket")
    assert judge(logging(s3="aws_s3_bucket.logs.id"), bucket(), maybe).verdict is Verdict.UNKNOWN
    weak = encryption("maybe", "var.bucket", SSE_S3_RULE)
    assert judge(logging(s3="aws_s3_bucket.logs.id"), bucket(), weak).verdict is Verdict.FAIL


@pytest.mark.parametrize("destination", ["var.bucket", "${var.bucket}", "example-elsewhere", 42])
def test_buckets_not_known_here_are_unknown(destination: Any) -> None:
    assert judge(logging(s3=destination), bucket()).verdict is Verdict.UNKNOWN


# -- several destinations --------------------------------------------------------------------------------------


def test_every_destination_must_be_encrypted() -> None:
    subject = logging(cloudwatch="/aws/bedrock/invocations", large="example-logs")
    good_group = log_group(kms_key_id=KEY)
    assert judge(subject, good_group, bucket(), encryption("logs", "example-logs")).verdict is Verdict.PASS
    result = judge(subject, good_group, bucket())
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith("bucket example-logs")


def test_a_failing_destination_wins_over_an_unknown_one() -> None:
    subject = logging(cloudwatch="/shared/elsewhere", s3="aws_s3_bucket.logs.id")
    assert judge(subject, bucket()).verdict is Verdict.FAIL


@pytest.mark.parametrize("attrs", [{}, {"logging_config": []}, {"logging_config": [{}]}, {"logging_config": "var.x"}])
def test_no_destination_is_unknown(attrs: dict[str, Any]) -> None:
    assert evaluate(Resource(LOGGING, f"{LOGGING}.this", attrs), Graph([])).verdict is Verdict.UNKNOWN
