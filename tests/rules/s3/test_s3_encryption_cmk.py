"""CKV_AISEC_1 on edge cases, called directly."""

from __future__ import annotations

from policies.model import Resource, Verdict
from policies.rules.s3.s3_encryption_cmk import evaluate


def configuration(default: object) -> Resource:
    attrs = {"bucket": "aws_s3_bucket.b.id", "rule": [{"apply_server_side_encryption_by_default": [default]}]}
    return Resource(
        "aws_s3_bucket_server_side_encryption_configuration",
        "aws_s3_bucket_server_side_encryption_configuration.c",
        attrs,
    )


def test_sse_s3_is_left_to_the_bucket_rule_which_sees_whether_the_bucket_receives_access_logs() -> None:
    result = evaluate(configuration({"sse_algorithm": "AES256"}))
    assert result.verdict is Verdict.UNKNOWN
    assert "CKV2_AISEC_3" in result.reason


def test_kms_keys_are_judged_here() -> None:
    assert (
        evaluate(configuration({"sse_algorithm": "aws:kms", "kms_master_key_id": "aws_kms_key.k.arn"})).verdict
        is Verdict.PASS
    )
    assert evaluate(configuration({"sse_algorithm": "aws:kms"})).verdict is Verdict.FAIL
    assert (
        evaluate(configuration({"sse_algorithm": "aws:kms", "kms_master_key_id": "alias/aws/s3"})).verdict
        is Verdict.FAIL
    )
    assert evaluate(configuration({"sse_algorithm": "none"})).verdict is Verdict.FAIL


def test_one_unknown_rule_does_not_hide_a_failing_one() -> None:
    attrs = {
        "rule": [
            {"apply_server_side_encryption_by_default": {"sse_algorithm": "AES256"}},
            {"apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms"}},
        ]
    }
    resource = Resource("aws_s3_bucket_server_side_encryption_configuration", "x.y", attrs)
    assert evaluate(resource).verdict is Verdict.FAIL
