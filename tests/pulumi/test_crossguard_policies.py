"""The pack's building blocks: the unknown sentinels, the inverse of normalize, and the policies it builds."""

from __future__ import annotations

from pulumi_policy import proxy

from policies.crossguard_policies import build_policies, pulumi_rules
from policies.model import KNOWN_AFTER_APPLY
from policies.pulumi_adapter import UNKNOWN_SENTINELS, normalize, pulumi_properties, pulumi_type_token


def test_the_unknown_sentinels_are_pulumi_policys() -> None:
    assert {value for name, value in vars(proxy).items() if name.startswith("UNKNOWN_")} == UNKNOWN_SENTINELS


def test_unknown_values_and_secrets_normalize_to_known_after_apply_and_their_value() -> None:
    secret = {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "value": "alias/aws/s3"}
    resource = normalize("aws:kms/key:Key", "k", {"enableKeyRotation": "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"})
    assert resource is not None and resource.attrs == {"enable_key_rotation": KNOWN_AFTER_APPLY}
    sse = normalize(
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "s",
        {"rules": [{"applyServerSideEncryptionByDefault": {"kmsMasterKeyId": secret}}]},
    )
    assert sse is not None
    assert sse.attrs == {"rule": [{"apply_server_side_encryption_by_default": {"kms_master_key_id": "alias/aws/s3"}}]}


def test_pulumi_properties_is_the_inverse_of_normalize() -> None:
    values = {
        "bucket": "b",
        "expected_bucket_owner": None,
        "rule": [
            {"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}], "bucket_key_enabled": True}
        ],
    }
    tf_type = "aws_s3_bucket_server_side_encryption_configuration"
    properties = pulumi_properties(tf_type, values)
    assert properties == {
        "bucket": "b",
        "rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms"}, "bucketKeyEnabled": True}],
    }
    token = pulumi_type_token(tf_type)
    assert token is not None
    resource = normalize(token, "x", properties)
    assert resource is not None
    assert resource.attrs == {
        "bucket": "b",
        "rule": [{"apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms"}, "bucket_key_enabled": True}],
    }
    assert pulumi_properties("aws_lambda_function", {"function_name": "f", "timeout": 3}) == {
        "name": "f",
        "timeout": 3.0,
    }


def test_two_policies_per_rule_with_unique_names() -> None:
    names = [policy.name for policy in build_policies()]
    assert len(names) == len(set(names)) == 2 * len(pulumi_rules())
