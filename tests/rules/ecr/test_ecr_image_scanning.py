"""CKV2_AISEC_20 edge cases: the rule's logic on hand-built graphs, and the real Checkov engine on the
repository-level cases, which cannot share the example folder with its registry scanning configuration
(a connection rule sees every resource of its configuration, so that configuration decides for all)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.ecr.ecr_image_scanning import evaluate, filter_matches
from tests.scanning import scan_hcl

REGISTRY = "aws_ecr_registry_scanning_configuration"


def repository(name: Any = "llm-server", scan_on_push: Any = None, dynamic: frozenset[str] = frozenset()) -> Resource:
    attrs: dict[str, Any] = {"name": name}
    if scan_on_push is not None:
        attrs["image_scanning_configuration"] = [{"scan_on_push": scan_on_push}]
    return Resource("aws_ecr_repository", "aws_ecr_repository.r", attrs, dynamic)


def rule(frequency: Any, *filters: Any) -> dict[str, Any]:
    return {
        "scan_frequency": frequency,
        "repository_filter": [{"filter": f, "filter_type": "WILDCARD"} for f in filters],
    }


def registry(scan_type: Any = "ENHANCED", rules: Any = None, dynamic: frozenset[str] = frozenset()) -> Resource:
    attrs: dict[str, Any] = {"scan_type": scan_type}
    if rules is not None:
        attrs["rule"] = rules
    return Resource(REGISTRY, f"{REGISTRY}.registry", attrs, dynamic)


def judge(subject: Resource, *others: Resource) -> Any:
    return evaluate(subject, Graph([subject, *others]))


# -- ECR's filter semantics ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "name", "matches"),
    [
        # the table of the ECR user guide, "Filters to choose which repositories are scanned"
        ("prod", "prod", True),
        ("prod", "repo-prod", True),
        ("prod", "prod-repo", True),
        ("prod", "repo-prod-repo", True),
        ("prod", "prodrepo", True),
        ("*prod", "prod", True),
        ("*prod", "repo-prod", True),
        ("*prod", "prod-repo", False),
        ("*prod", "prodrepo", False),
        ("prod*", "prod-repo", True),
        ("prod*", "repo-prod", False),
        ("prod*", "prodrepo", True),
        ("*prod*", "repo-prod-repo", True),
        ("prod*repo", "prod-repo", True),
        ("prod*repo", "prodrepo", True),
        ("prod*repo", "repo-prod-repo", False),
        ("*", "anything", True),
        ("llm.server", "llmxserver", False),
    ],
)
def test_filters_match_as_ecr_documents(pattern: str, name: str, matches: bool) -> None:
    assert filter_matches(pattern, name) is matches


# -- the repository's own setting decides ------------------------------------------------------------------


@pytest.mark.parametrize("scan_on_push", [True, "true"])
def test_scan_on_push_passes_without_registry_rules(scan_on_push: Any) -> None:
    assert judge(repository(scan_on_push=scan_on_push)).verdict is Verdict.PASS


@pytest.mark.parametrize("scan_on_push", [None, False, "false"])
def test_no_scan_on_push_fails_without_registry_rules(scan_on_push: Any) -> None:
    result = judge(repository(scan_on_push=scan_on_push))
    assert result.verdict is Verdict.FAIL
    assert "only when someone starts a scan" in result.reason


def test_an_empty_scanning_block_fails() -> None:
    resource = Resource("aws_ecr_repository", "aws_ecr_repository.r", {"image_scanning_configuration": [{}]})
    assert judge(resource).verdict is Verdict.FAIL


def test_basic_registry_scanning_without_rules_leaves_it_to_the_repository() -> None:
    assert judge(repository(scan_on_push=True), registry("BASIC")).verdict is Verdict.PASS
    assert judge(repository(scan_on_push=False), registry("BASIC", [])).verdict is Verdict.FAIL


@pytest.mark.parametrize("scan_on_push", ["var.scan", "aws_ssm_parameter.p.value", 1, "yes"])
def test_unreadable_scan_on_push_is_unknown(scan_on_push: Any) -> None:
    assert judge(repository(scan_on_push=scan_on_push)).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("block", ["var.scanning", True])
def test_scanning_block_that_is_not_a_block_is_unknown(block: Any) -> None:
    resource = Resource("aws_ecr_repository", "aws_ecr_repository.r", {"image_scanning_configuration": block})
    assert judge(resource).verdict is Verdict.UNKNOWN


def test_dynamic_scanning_block_is_unknown() -> None:
    resource = repository(dynamic=frozenset({"image_scanning_configuration"}))
    assert judge(resource).verdict is Verdict.UNKNOWN


# -- registry rules decide -----------------------------------------------------------------------------------


@pytest.mark.parametrize("scan_type", ["ENHANCED", "BASIC"])
@pytest.mark.parametrize("frequency", ["SCAN_ON_PUSH", "CONTINUOUS_SCAN"])
def test_a_matching_automatic_rule_passes_whatever_the_repository_says(scan_type: str, frequency: str) -> None:
    result = judge(repository(scan_on_push=False), registry(scan_type, [rule(frequency, "llm-*")]))
    assert result.verdict is Verdict.PASS
    assert "llm-*" in result.reason


@pytest.mark.parametrize(("scan_type", "outcome"), [("ENHANCED", "not scanned"), ("BASIC", "manual scanning")])
def test_no_matching_rule_overrides_the_repository_setting(scan_type: str, outcome: str) -> None:
    result = judge(repository(scan_on_push=True), registry(scan_type, [rule("SCAN_ON_PUSH", "vision-*")]))
    assert result.verdict is Verdict.FAIL
    assert outcome in result.reason


def test_a_manual_rule_does_not_scan_automatically() -> None:
    result = judge(repository(scan_on_push=True), registry("BASIC", [rule("MANUAL", "*")]))
    assert result.verdict is Verdict.FAIL


def test_enhanced_scanning_without_rules_scans_nothing() -> None:
    result = judge(repository(scan_on_push=True), registry("ENHANCED"))
    assert result.verdict is Verdict.FAIL
    assert "without rules" in result.reason


def test_a_wildcard_rule_covers_a_repository_whose_name_is_not_known() -> None:
    subject = repository(name="var.repository_name")
    assert judge(subject, registry("ENHANCED", [rule("CONTINUOUS_SCAN", "*")])).verdict is Verdict.PASS
    assert judge(subject, registry("ENHANCED", [rule("CONTINUOUS_SCAN", "llm-*")])).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "rules",
    [
        [rule("SCAN_ON_PUSH", "var.filter")],
        [rule("var.frequency", "batch-*")],
        [{"scan_frequency": "SCAN_ON_PUSH"}],
        [rule("SCAN_ON_PUSH", None)],
    ],
)
def test_filters_not_known_at_plan_time_are_unknown_unless_another_matches(rules: list[dict[str, Any]]) -> None:
    assert judge(repository(), registry("ENHANCED", rules)).verdict is Verdict.UNKNOWN
    matching = [*rules, rule("CONTINUOUS_SCAN", "llm-*")]
    assert judge(repository(), registry("ENHANCED", matching)).verdict is Verdict.PASS


@pytest.mark.parametrize("scan_type", [None, "var.scan_type", "FULL", 3])
def test_an_unreadable_scan_type_is_unknown(scan_type: Any) -> None:
    assert judge(repository(scan_on_push=True), registry(scan_type, [])).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("rules", ["var.rules", {"unexpected": 1}])
def test_rules_that_are_not_blocks_are_unknown(rules: Any) -> None:
    assert judge(repository(scan_on_push=True), registry("BASIC", rules)).verdict is Verdict.UNKNOWN


def test_dynamic_rules_are_unknown() -> None:
    result = judge(repository(scan_on_push=True), registry("BASIC", dynamic=frozenset({"rule"})))
    assert result.verdict is Verdict.UNKNOWN


def test_a_block_may_arrive_as_one_dict() -> None:
    """Pulumi sends single blocks as dicts."""
    single = {"scan_frequency": "SCAN_ON_PUSH", "repository_filter": {"filter": "llm", "filter_type": "WILDCARD"}}
    assert judge(repository(), registry("BASIC", single)).verdict is Verdict.PASS


# -- the real Checkov engine ---------------------------------------------------------------------------------

REPOSITORY_LEVEL = """
resource "aws_ecr_repository" "pass_scan_on_push" {
  name = "llm-server"
  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "fail_default" {
  name = "batch-tools"
}

resource "aws_ecr_repository" "fail_scan_on_push_false" {
  name = "notebook-image"
  image_scanning_configuration {
    scan_on_push = false
  }
}
"""

BASIC_WITHOUT_RULES = (
    REPOSITORY_LEVEL
    + """
resource "aws_ecr_registry_scanning_configuration" "registry" {
  scan_type = "BASIC"
}
"""
)


def _verdicts(findings: set[Any]) -> set[tuple[str, str]]:
    return {(f.verdict, f.address) for f in findings if f.check_id == "CKV2_AISEC_20"}


@pytest.mark.parametrize("source", [REPOSITORY_LEVEL, BASIC_WITHOUT_RULES], ids=["no registry", "basic no rules"])
def test_checkov_judges_the_repository_setting_when_no_registry_rule_decides(tmp_path: Path, source: str) -> None:
    (tmp_path / "main.tf").write_text(source, encoding="utf-8")
    assert _verdicts(scan_hcl(tmp_path, ["CKV2_AISEC_20"])) == {
        ("PASSED", "aws_ecr_repository.pass_scan_on_push"),
        ("FAILED", "aws_ecr_repository.fail_default"),
        ("FAILED", "aws_ecr_repository.fail_scan_on_push_false"),
    }
