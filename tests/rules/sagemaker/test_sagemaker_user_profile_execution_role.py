"""CKV_AISEC_15 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.sagemaker.sagemaker_user_profile_execution_role import evaluate

ROLE = "arn:aws:iam::111122223333:role/studio-analyst"


def profile(settings: Any = None, dynamic: frozenset[str] = frozenset()) -> Resource:
    attrs: dict[str, Any] = {"domain_id": "aws_sagemaker_domain.studio.id", "user_profile_name": "analyst"}
    if settings is not None:
        attrs["user_settings"] = settings
    return Resource("aws_sagemaker_user_profile", "aws_sagemaker_user_profile.p", attrs, dynamic)


@pytest.mark.parametrize(
    "settings",
    [
        [{"execution_role": ROLE}],
        {"execution_role": ROLE},
        [{"execution_role": "aws_iam_role.analyst.arn"}],
        [{"execution_role": "${aws_iam_role.analyst.arn}"}],
        [{"execution_role": "data.aws_iam_role.analyst.arn"}],
    ],
)
def test_own_role_passes(settings: Any) -> None:
    assert evaluate(profile(settings)).verdict is Verdict.PASS


@pytest.mark.parametrize("settings", [None, [], {}, [{}], [{"execution_role": None}], [{"execution_role": ""}]])
def test_no_role_of_its_own_fails(settings: Any) -> None:
    result = evaluate(profile(settings))
    assert result.verdict is Verdict.FAIL
    assert "domain's default execution role" in result.reason


@pytest.mark.parametrize("role", ["var.analyst_role_arn", "${var.analyst_role_arn}", "module.iam.role_arn", "local.r"])
def test_unresolved_role_is_unknown(role: str) -> None:
    result = evaluate(profile([{"execution_role": role}]))
    assert result.verdict is Verdict.UNKNOWN
    assert "not known at plan time" in result.reason


def test_dynamic_user_settings_is_unknown() -> None:
    assert evaluate(profile(dynamic=frozenset({"user_settings"}))).verdict is Verdict.UNKNOWN


def test_dynamic_user_settings_with_a_role_is_unknown() -> None:
    """Checkov renders a dynamic block's content, but its for_each decides whether the block exists."""
    result = evaluate(profile([{"execution_role": ROLE}], dynamic=frozenset({"user_settings"})))
    assert result.verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("settings", ["var.user_settings", "local.settings"])
def test_user_settings_from_a_variable_is_unknown(settings: str) -> None:
    assert evaluate(profile(settings)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "settings", [ROLE, 42, True, [{"execution_role": 1}], [{"execution_role": [ROLE]}], [{"execution_role": {}}]]
)
def test_wrong_types_never_raise(settings: Any) -> None:
    """A role ARN where the block belongs, or a role that is not a string, gets no verdict; {} is unset."""
    result = evaluate(profile(settings))
    expected = Verdict.FAIL if settings == [{"execution_role": {}}] else Verdict.UNKNOWN
    assert result.verdict is expected


def test_the_domain_is_not_consulted() -> None:
    """A resource rule sees only the profile: a domain_id pointing at a domain with a default role still fails."""
    assert evaluate(profile([])).verdict is Verdict.FAIL
