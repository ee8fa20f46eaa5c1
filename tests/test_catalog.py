"""The catalog is complete and well-formed, and every rule is really loaded and run by Checkov.

Checkov drops a check silently when its file fails to import or its ID collides with another check, so
these tests look inside Checkov's registries instead of trusting a green scan.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from checkov.common.checks_infra.registry import get_graph_checks_registry
from checkov.dockerfile.registry import registry as dockerfile_registry
from checkov.kubernetes.checks.resource.registry import registry as kubernetes_registry
from checkov.terraform.checks.data.registry import data_registry
from checkov.terraform.checks.resource.registry import resource_registry

from policies.catalog import RULES_DIR, CatalogError, frameworks, load_catalog, validate_metadata
from policies.checkov_adapter import (
    AisecDataCheck,
    AisecDockerfileCheck,
    AisecGraphCheck,
    AisecKubernetesCheck,
    AisecResourceCheck,
)
from tests.scanning import Finding

RULES = load_catalog()


def test_every_metadata_file_has_logic_and_every_logic_file_has_metadata() -> None:
    metadata = {path.relative_to(RULES_DIR).with_suffix("").as_posix() for path in RULES_DIR.glob("*/*.yaml")}
    logic = {path.relative_to(RULES_DIR).with_suffix("").as_posix() for path in RULES_DIR.glob("*/*.py")}
    assert metadata == {name for name in logic if not name.endswith("/__init__")}
    assert {rule.folder for rule in RULES} == metadata


def test_rules_live_in_service_folders_only() -> None:
    loose = {path.name for path in RULES_DIR.iterdir() if path.is_file()} - {"__init__.py"}
    assert loose == set()
    folders = [folder for folder in RULES_DIR.iterdir() if folder.is_dir() and folder.name != "__pycache__"]
    assert all((folder / "__init__.py").is_file() for folder in folders)
    tests_tree = Path(__file__).parent / "rules"
    test_folders = {path.name for path in tests_tree.iterdir() if path.is_dir()} - {"__pycache__"}
    assert test_folders <= {rule.service for rule in RULES}


def test_rule_names_are_unique_across_services() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


def test_ids_are_unique_and_numbered_per_kind() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.id.startswith("CKV2_AISEC_" if rule.is_connection else "CKV_AISEC_")


@pytest.mark.parametrize("path", sorted(RULES_DIR.glob("*/*.yaml")), ids=lambda path: path.stem)
def test_metadata_is_valid_against_the_schema(path) -> None:
    validate_metadata(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)


def test_schema_rejects_broken_metadata() -> None:
    good = yaml.safe_load((RULES_DIR / f"{RULES[0].folder}.yaml").read_text(encoding="utf-8"))
    broken_variants = {
        "missing title": {k: v for k, v in good.items() if k != "title"},
        "bad severity": {**good, "severity": "SEVERE"},
        "bad id": {**good, "id": "CKV_AWS_1"},
        "unknown key": {**good, "owner": "someone"},
        "unknown framework id": {**good, "frameworks": {**good["frameworks"], "owasp_ml": ["ML99"]}},
        "connection rule with a resource id": {**good, "kind": "connection"},
    }
    for label, metadata in broken_variants.items():
        with pytest.raises(CatalogError):
            validate_metadata(copy.deepcopy(metadata), label)


def test_framework_table_covers_the_seed_pillars() -> None:
    seed_ids = frameworks()["seed"]["ids"]
    assert {"data-security", "model-security", "infrastructure-security"} <= set(seed_ids)


def _owners(registry, entity: str, check_id: str) -> list:
    return [
        check
        for check in registry.checks.get(entity, []) + registry.wildcard_checks.get(entity, [])
        if check.id == check_id
    ]


def test_every_rule_is_registered_with_checkov_under_its_own_id(
    rule_examples_hcl: set[Finding], rule_examples_manifests: set[Finding], rule_examples_dockerfiles: set[Finding]
) -> None:
    """After a scan with the pack, each rule's ID belongs to our check class for every type it covers."""
    graph_checks = {check.id: check for check in get_graph_checks_registry("terraform").checks}
    for rule in RULES:
        if rule.is_connection:
            assert isinstance(graph_checks.get(rule.id), AisecGraphCheck), rule.id
            continue
        expected_owners = [
            *((resource_registry, t, AisecResourceCheck) for t in rule.resource_types),
            *((data_registry, t, AisecDataCheck) for t in rule.data_types),
            *((kubernetes_registry, kind, AisecKubernetesCheck) for kind in rule.kubernetes_kinds),
            *(((dockerfile_registry, "*", AisecDockerfileCheck),) if rule.dockerfile else ()),
        ]
        for registry, entity, check_class in expected_owners:
            owners = _owners(registry, entity, rule.id)
            assert len(owners) == 1 and isinstance(owners[0], check_class), (rule.id, entity)


def test_no_rule_id_is_also_a_builtin_check_id(
    rule_examples_hcl: set[Finding], rule_examples_manifests: set[Finding], rule_examples_dockerfiles: set[Finding]
) -> None:
    ours = {rule.id for rule in RULES}
    our_classes = (AisecResourceCheck, AisecDataCheck, AisecKubernetesCheck, AisecDockerfileCheck)
    builtin_ids = {
        check.id
        for registry in (resource_registry, data_registry, kubernetes_registry, dockerfile_registry)
        for checks in [*registry.checks.values(), *registry.wildcard_checks.values()]
        for check in checks
        if not isinstance(check, our_classes)
    }
    builtin_ids |= {
        check.id for check in get_graph_checks_registry("terraform").checks if not isinstance(check, AisecGraphCheck)
    }
    assert len(builtin_ids) > 500, "Checkov's built-in checks were not loaded"
    assert ours.isdisjoint(builtin_ids)


def test_every_rule_was_executed_by_every_engine_it_serves(
    rule_examples_hcl: set[Finding],
    rule_examples_plan: set[Finding],
    rule_examples_manifests: set[Finding],
    rule_examples_dockerfiles: set[Finding],
) -> None:
    for rule in RULES:
        engines = {
            "terraform": (bool(rule.resource_types), rule_examples_hcl),
            "terraform_plan": (bool(rule.resource_types), rule_examples_plan),
            "kubernetes": (bool(rule.kubernetes_kinds), rule_examples_manifests),
            "dockerfile": (rule.dockerfile, rule_examples_dockerfiles),
        }
        for engine, (serves, findings) in engines.items():
            if serves:
                executed = {f.verdict for f in findings if f.check_id == rule.id}
                assert executed == {"PASSED", "FAILED"}, (rule.id, engine)
