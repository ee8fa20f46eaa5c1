"""CKV2_AISEC_3 on edge cases, called directly."""

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.s3_bucket_encryption_configured import evaluate

BUCKET = Resource("aws_s3_bucket", "aws_s3_bucket.data", {"bucket": "example-data"})


def configuration(name: str, bucket: object) -> Resource:
    return Resource(
        "aws_s3_bucket_server_side_encryption_configuration",
        f"aws_s3_bucket_server_side_encryption_configuration.{name}",
        {"bucket": bucket, "rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]},
    )


def verdict(bucket: Resource, *others: Resource) -> Verdict:
    return evaluate(bucket, Graph([bucket, *others])).verdict


def test_a_configuration_by_reference_or_name_passes_whatever_its_content() -> None:
    assert verdict(BUCKET, configuration("a", "aws_s3_bucket.data.id")) is Verdict.PASS
    assert verdict(BUCKET, configuration("b", "example-data")) is Verdict.PASS


def test_a_configuration_for_another_bucket_does_not_count() -> None:
    assert verdict(BUCKET, configuration("a", "aws_s3_bucket.other.id")) is Verdict.FAIL
    assert verdict(BUCKET, configuration("b", "example-other")) is Verdict.FAIL


def test_a_configuration_whose_bucket_is_a_variable_leaves_the_verdict_open() -> None:
    assert verdict(BUCKET, configuration("a", "var.bucket")) is Verdict.UNKNOWN


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


def test_odd_shapes_give_a_verdict() -> None:
    for odd in ("text", 3, [], [None], {"rule": "x"}):
        bucket = Resource("aws_s3_bucket", "aws_s3_bucket.z", {"server_side_encryption_configuration": odd})
        assert verdict(bucket) in (Verdict.FAIL, Verdict.UNKNOWN)
