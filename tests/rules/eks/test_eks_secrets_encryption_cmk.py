"""CKV_AISEC_48 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.eks.eks_secrets_encryption_cmk import evaluate

CMK_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def cluster(encryption: Any = "absent", dynamic: frozenset[str] = frozenset()) -> Resource:
    attrs: dict[str, Any] = {"name": "training", "vpc_config": [{"endpoint_public_access": False}]}
    if encryption != "absent":
        attrs["encryption_config"] = encryption
    return Resource("aws_eks_cluster", "aws_eks_cluster.c", attrs, dynamic)


def config(key: Any = CMK_ARN, resources: Any = ("secrets",)) -> list[dict[str, Any]]:
    block: dict[str, Any] = {"resources": list(resources) if isinstance(resources, tuple) else resources}
    if key != "absent":
        block["provider"] = [{"key_arn": key}]
    return [block]


@pytest.mark.parametrize(
    "encryption",
    [
        config(),
        config("aws_kms_key.eks.arn"),
        config("${aws_kms_key.eks.arn}"),
        config(resources="secrets"),
        {"resources": ["secrets"], "provider": {"key_arn": CMK_ARN}},
    ],
)
def test_secrets_under_a_customer_managed_key_pass(encryption: Any) -> None:
    """A block may arrive as a list of dicts (HCL, plan) or one dict (Pulumi)."""
    assert evaluate(cluster(encryption)).verdict is Verdict.PASS


@pytest.mark.parametrize("encryption", ["absent", None, []])
def test_no_encryption_config_fails(encryption: Any) -> None:
    result = evaluate(cluster(encryption))
    assert result.verdict is Verdict.FAIL
    assert "keys AWS owns" in result.reason


@pytest.mark.parametrize("encryption", [config(resources=("configmaps",)), config(resources=None)])
def test_encryption_config_without_secrets_fails(encryption: Any) -> None:
    assert evaluate(cluster(encryption)).verdict is Verdict.FAIL


@pytest.mark.parametrize("encryption", [config("absent"), config(None), config(""), [{"resources": ["secrets"]}]])
def test_no_key_fails(encryption: Any) -> None:
    assert evaluate(cluster(encryption)).verdict is Verdict.FAIL


def test_an_aws_managed_key_fails() -> None:
    assert evaluate(cluster(config("alias/aws/eks"))).verdict is Verdict.FAIL


def test_an_empty_resource_list_is_unknown() -> None:
    """Checkov renders `resources = var.list` (a list variable without default) as []."""
    result = evaluate(cluster(config(resources=[])))
    assert result.verdict is Verdict.UNKNOWN
    assert "list variable" in result.reason


@pytest.mark.parametrize(
    "encryption",
    [
        config("var.key"),
        config("module.kms.key_arn"),
        config(resources="var.resources"),
        config(resources=["var.resource"]),
        "var.encryption",
        [{"resources": ["secrets"], "provider": "var.provider"}],
    ],
)
def test_values_not_known_at_plan_time_are_unknown(encryption: Any) -> None:
    assert evaluate(cluster(encryption)).verdict is Verdict.UNKNOWN


def test_dynamic_encryption_config_is_unknown() -> None:
    assert evaluate(cluster(dynamic=frozenset({"encryption_config"}))).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "encryption",
    [True, "secrets", 3, config(7), config(resources=[3]), [{"resources": ["secrets"], "provider": 5}]],
)
def test_wrong_types_are_unknown(encryption: Any) -> None:
    assert evaluate(cluster(encryption)).verdict is Verdict.UNKNOWN
