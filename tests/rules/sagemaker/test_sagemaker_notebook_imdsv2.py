"""CKV_AISEC_13 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_notebook_imdsv2 import evaluate


def notebook(imds: Any = None, dynamic: frozenset[str] = frozenset()) -> Resource:
    attrs: dict[str, Any] = {"name": "research", "instance_type": "ml.t3.medium"}
    if imds is not None:
        attrs["instance_metadata_service_configuration"] = imds
    return Resource("aws_sagemaker_notebook_instance", "aws_sagemaker_notebook_instance.n", attrs, dynamic)


def version(value: Any) -> list[dict[str, Any]]:
    return [{"minimum_instance_metadata_service_version": value}]


@pytest.mark.parametrize(
    "imds", [version("2"), version(2), version(2.0), {"minimum_instance_metadata_service_version": "2"}]
)
def test_version_2_passes(imds: Any) -> None:
    """A block may arrive as a list of dicts (plan JSON, HCL) or as one dict (Pulumi); HCL may carry a number."""
    assert evaluate(notebook(imds)).verdict is Verdict.PASS


@pytest.mark.parametrize("imds", [None, [], [{}], version(None), version(""), version("1"), version(1)])
def test_missing_block_attribute_or_version_1_fails(imds: Any) -> None:
    result = evaluate(notebook(imds))
    assert result.verdict is Verdict.FAIL
    assert "IMDSv1" in result.reason


@pytest.mark.parametrize(
    "imds", [version("var.imds_version"), version("${var.imds_version}"), version("aws_ssm_parameter.v.value")]
)
def test_unresolved_version_is_unknown(imds: Any) -> None:
    result = evaluate(notebook(imds))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


def test_dynamic_block_is_unknown() -> None:
    result = evaluate(notebook(dynamic=frozenset({"instance_metadata_service_configuration"})))
    assert result.verdict is Verdict.UNKNOWN


def test_dynamic_block_with_version_2_is_unknown() -> None:
    """Checkov renders a dynamic block's content, but its for_each decides whether the block exists."""
    dynamic = frozenset({"instance_metadata_service_configuration"})
    assert evaluate(notebook(version("2"), dynamic)).verdict is Verdict.UNKNOWN
    assert evaluate(notebook(version("1"), dynamic)).verdict is Verdict.FAIL


@pytest.mark.parametrize("imds", ["var.imds", "local.imds"])
def test_whole_block_from_a_variable_is_unknown(imds: str) -> None:
    assert evaluate(notebook(imds)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("imds", ["2", 2, True, version(True), version("two"), version(["2"]), version({"v": 2})])
def test_wrong_types_are_unknown(imds: Any) -> None:
    """A string or number where the block belongs, or a version that is not a number, gets no verdict."""
    assert evaluate(notebook(imds)).verdict is Verdict.UNKNOWN
