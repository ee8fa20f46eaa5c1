"""CKV_AISEC_11 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_notebook_cmk import evaluate


def notebook(**attrs: Any) -> Resource:
    base = {"name": "research", "instance_type": "ml.t3.medium", "role_arn": "arn:aws:iam::111122223333:role/nb"}
    return Resource("aws_sagemaker_notebook_instance", "aws_sagemaker_notebook_instance.n", {**base, **attrs})


@pytest.mark.parametrize(
    "key",
    [
        "aws_kms_key.notebooks.arn",
        "${aws_kms_key.notebooks.arn}",
        "data.aws_kms_key.shared.arn",
        "arn:aws:kms:us-east-1:111122223333:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
        "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
        "alias/ml-notebooks",
        "arn:aws:kms:us-east-1:111122223333:alias/ml-notebooks",
    ],
)
def test_customer_managed_keys_pass(key: str) -> None:
    assert evaluate(notebook(kms_key_id=key)).verdict is Verdict.PASS


@pytest.mark.parametrize("key", [None, "", [], {}])
def test_unset_key_fails(key: Any) -> None:
    result = evaluate(notebook(kms_key_id=key))
    assert result.verdict is Verdict.FAIL
    assert "AWS manages" in result.reason


def test_absent_key_fails() -> None:
    assert evaluate(notebook()).verdict is Verdict.FAIL


@pytest.mark.parametrize("key", ["alias/aws/sagemaker", "arn:aws:kms:us-east-1:111122223333:alias/aws/sagemaker"])
def test_aws_managed_aliases_fail(key: str) -> None:
    result = evaluate(notebook(kms_key_id=key))
    assert result.verdict is Verdict.FAIL
    assert "AWS-managed" in result.reason


@pytest.mark.parametrize("key", ["var.kms_key_arn", "${var.kms_key_arn}", "local.key", "module.kms.key_arn"])
def test_unresolved_keys_are_unknown(key: str) -> None:
    result = evaluate(notebook(kms_key_id=key))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("key", [True, 42, ["arn:aws:kms:us-east-1:111122223333:key/x"], {"arn": "x"}])
def test_wrong_types_are_unknown(key: Any) -> None:
    assert evaluate(notebook(kms_key_id=key)).verdict is Verdict.UNKNOWN
