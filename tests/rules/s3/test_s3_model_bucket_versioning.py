"""CKV2_AISEC_4 on edge cases, called directly."""

import pytest

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.s3.s3_model_bucket_versioning import evaluate, holds_ai_assets


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
        ({"bucket": "acme-ml-weights"}, True),
        ({"bucket": "acme_training.data"}, True),
        ({"bucket": "acme-web", "tags": {"aisec:data-class": "model"}}, True),
        ({"bucket": "acme-web", "tags": {"aisec:data-class": "Training-Data "}}, True),
        ({"bucket": "acme-models", "tags": {"aisec:data-class": "logs"}}, False),
        ({"bucket": "acme-web", "tags": {"aisec:data-class": "var.class"}}, False),
        ({"bucket": "acme-web", "tags": {"ai-asset": "true"}}, True),
        ({"bucket": "acme-web", "tags": {"ai-asset": "false"}}, False),
        # Words inside other words, and free-text tags, say nothing.
        ({"bucket": "acme-build-artifacts"}, False),
        ({"bucket": "artifact-logs"}, False),
        ({"bucket": "acme-feature-flags"}, False),
        ({"bucket": "acme-modelling-reports"}, False),
        ({"bucket": "acme-web", "tags": {"Purpose": "LLM training dataset"}}, False),
        ({"bucket": "acme-web"}, False),
        ({"bucket": "var.name"}, False),
        ({"bucket": 7, "tags": "not a map"}, False),
        ({"bucket": "acme-web", "tags": {True: "model", 2: None}}, False),
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


def _user(resource_type: str, attrs: dict, address: str = "") -> Resource:
    return Resource(resource_type, address or f"{resource_type}.u", attrs)


@pytest.mark.parametrize(
    "user",
    [
        _user("aws_sagemaker_model", {"primary_container": [{"model_data_url": "s3://acme-web/llm/model.tar.gz"}]}),
        _user("aws_sagemaker_model", {"container": {"model_data_url": "s3://${aws_s3_bucket.b.bucket}/m.tar.gz"}}),
        _user("aws_sagemaker_model", {"primary_container": [{"model_data_url": "aws_s3_bucket.b.bucket"}]}),
        _user(
            "aws_sagemaker_model",
            {"primary_container": [{"model_data_source": [{"s3_data_source": [{"s3_uri": "s3://acme-web/llm/"}]}]}]},
        ),
        _user("aws_bedrock_custom_model", {"training_data_config": [{"s3_uri": "s3://acme-web/train.jsonl"}]}),
        _user("aws_bedrock_custom_model", {"output_data_config": [{"s3_uri": "s3://acme-web/out/"}]}),
        _user("aws_bedrock_custom_model", {"validation_data_config": [{"validator": [{"s3_uri": "s3://acme-web/v"}]}]}),
        _user(
            "aws_bedrockagent_data_source",
            {"data_source_configuration": [{"s3_configuration": [{"bucket_arn": "aws_s3_bucket.b.arn"}]}]},
        ),
        _user(
            "aws_bedrockagent_data_source",
            {"data_source_configuration": [{"s3_configuration": [{"bucket_arn": "arn:aws:s3:::acme-web"}]}]},
        ),
        _user(
            "aws_sagemaker_feature_group",
            {"offline_store_config": [{"s3_storage_config": [{"s3_uri": "s3://acme-web/features"}]}]},
        ),
    ],
)
def test_a_bucket_that_ai_resources_use_holds_ai_assets_whatever_its_name(user: Resource) -> None:
    subject = Resource("aws_s3_bucket", "aws_s3_bucket.b", {"bucket": "acme-web"})
    result = evaluate(subject, Graph([subject, user]))
    assert result.verdict is Verdict.FAIL
    assert user.address in result.reason


@pytest.mark.parametrize(
    "value",
    [
        "s3://acme-web-2/x",
        "s3://other/acme-web/x",
        "aws_s3_bucket.b2.bucket",
        "data.aws_s3_bucket.b.bucket",
        7,
        None,
        ["s3://acme-web/"],
    ],
)
def test_other_locations_do_not_make_a_bucket_an_ai_asset(value: object) -> None:
    subject = Resource("aws_s3_bucket", "aws_s3_bucket.b", {"bucket": "acme-web"})
    user = _user("aws_sagemaker_model", {"primary_container": [{"model_data_url": value}]})
    assert evaluate(subject, Graph([subject, user])).verdict is Verdict.PASS


def test_a_reference_from_another_module_does_not_name_this_bucket() -> None:
    subject = Resource("aws_s3_bucket", "aws_s3_bucket.b", {"bucket": "acme-web"})
    user = _user(
        "aws_sagemaker_model",
        {"primary_container": [{"model_data_url": "s3://${aws_s3_bucket.b.bucket}/m"}]},
        "module.other.aws_sagemaker_model.u",
    )
    assert evaluate(subject, Graph([subject, user])).verdict is Verdict.PASS
