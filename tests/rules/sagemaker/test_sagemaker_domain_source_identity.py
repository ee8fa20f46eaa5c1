"""CKV_AISEC_26 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_domain_source_identity import evaluate


def domain(settings: Any = None, dynamic: frozenset[str] = frozenset()) -> Resource:
    attrs: dict[str, Any] = {"domain_name": "ml-research", "auth_mode": "IAM"}
    if settings is not None:
        attrs["domain_settings"] = settings
    return Resource("aws_sagemaker_domain", "aws_sagemaker_domain.d", attrs, dynamic)


def identity(value: Any) -> list[dict[str, Any]]:
    return [{"execution_role_identity_config": value, "security_group_ids": None}]


@pytest.mark.parametrize(
    "settings", [identity("USER_PROFILE_NAME"), {"execution_role_identity_config": "USER_PROFILE_NAME"}]
)
def test_user_profile_name_passes(settings: Any) -> None:
    assert evaluate(domain(settings)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "settings", [None, [], [{}], identity(None), identity(""), identity("DISABLED"), identity("user_profile_name")]
)
def test_unset_or_disabled_fails(settings: Any) -> None:
    result = evaluate(domain(settings))
    assert result.verdict is Verdict.FAIL
    assert "only the role" in result.reason


@pytest.mark.parametrize(
    "settings", [identity("var.identity"), identity("${local.identity}"), "var.domain_settings", "local.settings"]
)
def test_unresolved_is_unknown(settings: Any) -> None:
    result = evaluate(domain(settings))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


@pytest.mark.parametrize("settings", [identity(True), identity(["USER_PROFILE_NAME"]), 7, [None]])
def test_wrong_types_are_unknown(settings: Any) -> None:
    assert evaluate(domain(settings)).verdict is Verdict.UNKNOWN


def test_dynamic_domain_settings_is_unknown_when_it_would_pass() -> None:
    dynamic = frozenset({"domain_settings"})
    assert evaluate(domain(identity("USER_PROFILE_NAME"), dynamic)).verdict is Verdict.UNKNOWN
    assert evaluate(domain(identity("DISABLED"), dynamic)).verdict is Verdict.FAIL
