"""The CLI's RunnerFilter answers ``should_run_check`` once per check, and always as Checkov's own would."""

from __future__ import annotations

import pytest
from checkov.runner_filter import RunnerFilter
from checkov.terraform.checks.resource.registry import resource_registry

from policies.checkov_adapter import register_checks
from policies.scan import _runner_filter, _runner_filter_class
from tests.scanning import PACK_CHECKS


def _all_checks() -> list:
    return [check for checks in resource_registry.checks.values() for check in checks]


@pytest.mark.parametrize(
    ("checks", "skip_checks"),
    [
        (PACK_CHECKS, []),
        (["CKV_AISEC_4", "CKV_AWS_7"], []),
        ([], ["CKV_AISEC_1*"]),
        (PACK_CHECKS, ["CKV_AISEC_4"]),
        ([], ["CKV_AISEC_4:.*modules/.*"]),  # path-scoped: Checkov's answer, file by file
    ],
)
def test_the_answer_is_checkovs_for_every_check_and_file(checks: list[str], skip_checks: list[str]) -> None:
    register_checks()
    options = {"framework": ["terraform"], "checks": checks, "skip_checks": skip_checks}
    once = _runner_filter_class()(**options)
    answers: set[tuple[str, bool]] = set()
    for file in (["/repo/modules/a/main.tf"], ["/repo/main.tf"], None):
        for check in _all_checks():
            arguments = {"check": check, "report_type": "terraform", "file_origin_paths": file, "root_folder": "/repo"}
            expected = RunnerFilter(**options).should_run_check(**arguments)
            assert once.should_run_check(**arguments) == expected, (check.id, file)
            answers.add((check.id, expected))
    assert {"CKV_AISEC_4", "CKV_AWS_7"} <= {check_id for check_id, _ in answers}
    assert {expected for _, expected in answers} == {True, False}


def test_one_filter_serves_every_unit_of_a_selection() -> None:
    """Its answers are kept for the next unit of the same scan; another selection gets a filter of its own."""
    first = _runner_filter("terraform", ("CKV_AISEC_4",), (), ())
    assert _runner_filter("terraform", ("CKV_AISEC_4",), (), ()) is first
    assert _runner_filter("terraform", ("CKV_AISEC_5",), (), ()) is not first
    assert _runner_filter("terraform", ("CKV_AISEC_4",), ("CKV_AISEC_4",), ()) is not first
    assert _runner_filter("kubernetes", ("CKV_AISEC_4",), (), ()) is not first
    assert first.checks == ["CKV_AISEC_4"] and first.framework == ["terraform"]
