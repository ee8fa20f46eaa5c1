"""CKV2_AISEC_4 on edge cases, called directly."""

import pytest

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.s3_model_bucket_versioning import evaluate, holds_ai_assets


def bucket(name: str = "example-model-artifacts", **attrs: object) -> Resource:
    return Resource("aws_s3_bucket", "aws_s3_bucket.b", {"bucket": name, **attrs})


def versioning(bucket_value: object, status: object) -> Resource:
    return Resource(
        "aws_s3_bucket_versioning",
        "aws_s3_bucket_versioning.v",
        {"bucket": bucket_value, "versioning_configuration": [{"status": status}]},
    )


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ({"bucket": "acme-model-registry"}, True),
        ({"bucket_prefix": "checkpoints-"}, True),
        ({"bucket": "acme-web", "tags": {"Purpose": "LLM training dataset"}}, True),
        ({"bucket": "acme-web", "tags": {"ai-asset": "true"}}, True),
        ({"bucket": "acme-web", "tags": {"ai-asset": "false"}}, False),
        ({"bucket": "acme-web"}, False),
        ({"bucket": "var.name"}, False),
        ({"bucket": 7, "tags": "not a map"}, False),
    ],
)
def test_which_buckets_hold_ai_assets(attrs: dict, expected: bool) -> None:
    assert holds_ai_assets(Resource("aws_s3_bucket", "aws_s3_bucket.b", attrs)) is expected


def test_versioning_must_be_enabled() -> None:
    subject = bucket()
    assert evaluate(subject, Graph([subject, versioning("aws_s3_bucket.b.id", "Enabled")])).verdict is Verdict.PASS
    assert evaluate(subject, Graph([subject, versioning("aws_s3_bucket.b.id", "Suspended")])).verdict is Verdict.FAIL
    assert evaluate(subject, Graph([subject, versioning("aws_s3_bucket.b.id", None)])).verdict is Verdict.FAIL
    assert evaluate(subject, Graph([subject])).verdict is Verdict.FAIL


def test_unknown_status_or_target_leaves_the_verdict_open() -> None:
    subject = bucket()
    assert evaluate(subject, Graph([subject, versioning("aws_s3_bucket.b.id", "var.s")])).verdict is Verdict.UNKNOWN
    assert evaluate(subject, Graph([subject, versioning("var.bucket", "Enabled")])).verdict is Verdict.UNKNOWN


def test_legacy_inline_versioning() -> None:
    on = bucket(versioning=[{"enabled": True, "mfa_delete": False}])
    off = bucket(versioning={"enabled": "false"})
    assert evaluate(on, Graph([on])).verdict is Verdict.PASS
    assert evaluate(off, Graph([off])).verdict is Verdict.FAIL


def test_buckets_that_hold_no_ai_assets_pass() -> None:
    subject = bucket("acme-static-site")
    assert evaluate(subject, Graph([subject])).verdict is Verdict.PASS
