"""Every rule against its own examples, through the real Checkov engine: HCL, plan JSON, Kubernetes
manifests and Dockerfiles, whichever the rule judges.

In ``terraform_examples/rules/<rule>/`` each resource the rule judges is named by the verdict it must get:
``pass_*``, ``fail_*`` or ``unknown_*`` (an input Checkov cannot resolve, such as a variable without a
default: no verdict reaches the report). ``tfplan.json`` is the same configuration as ``terraform show
-json`` prints it; a plan always knows its variables, so ``unknown_*`` cases live in HCL only. Kubernetes
objects in ``manifests.yaml`` are named ``pass-*``, ``fail-*`` or ``unknown-*`` (names may not hold
underscores); Dockerfiles are files named ``pass_*.Dockerfile`` or ``fail_*.Dockerfile``.
"""

from __future__ import annotations

import json
from pathlib import Path

import hcl2
import pytest
import yaml
from checkov.kubernetes.kubernetes_utils import get_resource_id

from policies.catalog import Rule, load_catalog
from tests.scanning import RULE_EXAMPLES, Finding

VERDICT_BY_PREFIX = {"pass": "PASSED", "fail": "FAILED", "unknown": None}
RULES = load_catalog()
TERRAFORM_RULES = [rule for rule in RULES if rule.resource_types]
KUBERNETES_RULES = [rule for rule in RULES if rule.kubernetes_kinds]
DOCKERFILE_RULES = [rule for rule in RULES if rule.dockerfile]


def _expected_verdict(address: str, name: str) -> str | None:
    for prefix, verdict in VERDICT_BY_PREFIX.items():
        if name.startswith((f"{prefix}_", f"{prefix}-")):
            return verdict
    raise AssertionError(f"{address}: a judged resource must be named pass_*, fail_* or unknown_*")


def expected_from_hcl(rule: Rule) -> set[tuple[str, str]]:
    with (RULE_EXAMPLES / rule.folder / "main.tf").open(encoding="utf-8") as handle:
        parsed = hcl2.load(handle)
    expected = set()
    # Checkov reports data sources as "<type>.<name>", without the "data." of Terraform's address.
    for block_kind, types in (("resource", rule.resource_types), ("data", rule.data_types)):
        for block in parsed.get(block_kind, []):
            for resource_type, by_name in block.items():
                if resource_type not in types:
                    continue
                for name in by_name:
                    address = f"{resource_type}.{name}"
                    verdict = _expected_verdict(address, name)
                    if verdict:
                        expected.add((verdict, address))
    return expected


def _plan_resources(module: dict) -> list[dict]:
    found = list(module.get("resources", []))
    for child in module.get("child_modules", []):
        found.extend(_plan_resources(child))
    return found


def expected_from_plan(rule: Rule) -> set[tuple[str, str]]:
    plan = json.loads((RULE_EXAMPLES / rule.folder / "tfplan.json").read_text(encoding="utf-8"))
    expected = set()
    for resource in _plan_resources(plan["planned_values"]["root_module"]):
        if resource["mode"] == "managed" and resource["type"] in rule.resource_types:
            verdict = _expected_verdict(resource["address"], resource["name"])
            assert verdict, f"{resource['address']}: unknown_* cases belong in main.tf only"
            expected.add((verdict, resource["address"]))
    return expected


def actual(findings: set[Finding], rule: Rule, file: str) -> set[tuple[str, str]]:
    return {(f.verdict, f.address) for f in findings if f.check_id == rule.id and f.file == f"{rule.folder}/{file}"}


def assert_both_outcomes(expected: set[tuple[str, str]], where: str) -> None:
    verdicts = {verdict for verdict, _ in expected}
    assert verdicts == {"PASSED", "FAILED"}, f"{where} needs passing and failing examples"


@pytest.mark.parametrize("rule", TERRAFORM_RULES, ids=lambda rule: rule.id)
def test_hcl_examples_get_exactly_the_named_verdicts(rule: Rule, rule_examples_hcl: set[Finding]) -> None:
    expected = expected_from_hcl(rule)
    assert_both_outcomes(expected, f"{rule.folder}/main.tf")
    assert actual(rule_examples_hcl, rule, "main.tf") == expected


@pytest.mark.parametrize("rule", TERRAFORM_RULES, ids=lambda rule: rule.id)
def test_plan_examples_get_exactly_the_named_verdicts(rule: Rule, rule_examples_plan: set[Finding]) -> None:
    expected = expected_from_plan(rule)
    assert_both_outcomes(expected, f"{rule.folder}/tfplan.json")
    assert actual(rule_examples_plan, rule, "tfplan.json") == expected


@pytest.mark.parametrize("rule", TERRAFORM_RULES, ids=lambda rule: rule.id)
def test_hcl_and_plan_agree(rule: Rule, rule_examples_hcl: set[Finding], rule_examples_plan: set[Finding]) -> None:
    """The same configuration gets the same verdicts whichever way Checkov reads it (data sources aside: a
    plan holds what they rendered, in the resources that use them)."""
    resources = {
        (v, a) for v, a in actual(rule_examples_hcl, rule, "main.tf") if a.split(".")[0] in rule.resource_types
    }
    assert resources == actual(rule_examples_plan, rule, "tfplan.json")


def expected_from_manifests(rule: Rule) -> set[tuple[str, str]]:
    text = (RULE_EXAMPLES / rule.folder / "manifests.yaml").read_text(encoding="utf-8")
    expected = set()
    for document in yaml.safe_load_all(text):
        if isinstance(document, dict) and document.get("kind") in rule.kubernetes_kinds:
            address = get_resource_id(document)
            verdict = _expected_verdict(address, document["metadata"]["name"])
            if verdict:
                expected.add((verdict, address))
    return expected


@pytest.mark.parametrize("rule", KUBERNETES_RULES, ids=lambda rule: rule.id)
def test_manifest_examples_get_exactly_the_named_verdicts(rule: Rule, rule_examples_manifests: set[Finding]) -> None:
    expected = expected_from_manifests(rule)
    assert_both_outcomes(expected, f"{rule.folder}/manifests.yaml")
    assert actual(rule_examples_manifests, rule, "manifests.yaml") == expected


@pytest.mark.parametrize("rule", DOCKERFILE_RULES, ids=lambda rule: rule.id)
def test_dockerfile_examples_get_exactly_the_named_verdicts(
    rule: Rule, rule_examples_dockerfiles: set[Finding]
) -> None:
    files = sorted((RULE_EXAMPLES / rule.folder).glob("*.Dockerfile"))
    expected = {(_expected_verdict(f.name, f.name), f"{rule.folder}/{f.name}") for f in files}
    expected = {item for item in expected if item[0]}
    assert_both_outcomes(expected, f"{rule.folder}/*.Dockerfile")
    found = {
        (f.verdict, f.file)
        for f in rule_examples_dockerfiles
        if f.check_id == rule.id and f.file.startswith(f"{rule.folder}/")
    }
    assert found == expected


def required_example_files(rule: Rule) -> set[str]:
    required = {"main.tf", "tfplan.json"} if rule.resource_types else set()
    if rule.kubernetes_kinds:
        required.add("manifests.yaml")
    return required


def test_every_rule_has_an_example_folder_and_nothing_else_does() -> None:
    services = {path.name for path in RULE_EXAMPLES.iterdir()}
    assert services == {rule.service for rule in RULES}
    folders = {path.relative_to(RULE_EXAMPLES).as_posix() for path in RULE_EXAMPLES.glob("*/*")}
    assert folders == {rule.folder for rule in RULES}
    for rule in RULES:
        present = {p.name for p in (RULE_EXAMPLES / rule.folder).iterdir()}
        assert present >= required_example_files(rule), rule.name
        if rule.dockerfile:
            assert any(name.endswith(".Dockerfile") for name in present), rule.name


def test_every_example_tf_parses_with_hcl2() -> None:
    for path in sorted(Path(RULE_EXAMPLES.parent).rglob("*.tf")):
        with path.open(encoding="utf-8") as handle:
            assert isinstance(hcl2.load(handle), dict), path
