"""The rule catalog: one YAML metadata file and one Python module per rule, in ``policies/rules/<service>``.

``rules/<service>/<name>.yaml`` holds the metadata (validated against ``schema/rule.schema.json``) and
``rules/<service>/<name>.py`` the logic: ``evaluate(resource)`` for resource rules, ``evaluate(resource, graph)`` for
connection rules. Everything else (Checkov checks, ``aisec-iac list``, the generated docs) reads this.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from policies.graph import Graph
from policies.model import Resource, Result

PACKAGE_DIR = Path(__file__).resolve().parent
RULES_DIR = PACKAGE_DIR / "rules"
SCHEMA_PATH = PACKAGE_DIR / "schema" / "rule.schema.json"
FRAMEWORKS_PATH = PACKAGE_DIR / "frameworks.yaml"


class CatalogError(Exception):
    """Rule metadata or logic that does not fit the catalog's contract."""


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    service: str
    title: str
    severity: str
    pillar: str
    kind: str
    resource_types: tuple[str, ...]
    data_types: tuple[str, ...]
    kubernetes_kinds: tuple[str, ...]
    dockerfile: bool
    description: str
    frameworks: Mapping[str, tuple[str, ...]]
    checkov_builtin_overlap: tuple[str, ...]
    remediation: Mapping[str, str]
    logic: Callable[..., Result]

    @property
    def is_connection(self) -> bool:
        return self.kind == "connection"

    @property
    def folder(self) -> str:
        """Where the rule's parts live, relative to each tree: ``policies/rules``, examples and tests."""
        return f"{self.service}/{self.name}"

    @property
    def targets(self) -> tuple[str, ...]:
        """What the rule judges, as users write it: Terraform types, data sources, manifest kinds, Dockerfiles."""
        return (
            *self.resource_types,
            *(f"data.{t}" for t in self.data_types),
            *(f"kind: {kind}" for kind in self.kubernetes_kinds),
            *(("Dockerfile",) if self.dockerfile else ()),
        )

    @property
    def judged_types(self) -> tuple[str, ...]:
        """Every type the rule judges: Terraform resources and data sources, Kubernetes kinds, Dockerfiles."""
        return (*self.resource_types, *self.data_types, *self.kubernetes_kinds, *(("dockerfile",) * self.dockerfile))

    def evaluate(self, resource: Resource, graph: Graph | None = None) -> Result:
        if self.is_connection:
            return self.logic(resource, graph if graph is not None else Graph([resource]))
        return self.logic(resource)


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@cache
def frameworks() -> dict[str, Any]:
    return yaml.safe_load(FRAMEWORKS_PATH.read_text(encoding="utf-8"))


@cache
def _validator() -> jsonschema.Draft202012Validator:
    """Built once: building a validator costs five times what validating one rule does."""
    return jsonschema.Draft202012Validator(schema())


def validate_metadata(metadata: Any, source: str) -> None:
    """Schema, ID prefix against kind, and framework IDs against ``frameworks.yaml``."""
    errors = sorted(_validator().iter_errors(metadata), key=str)
    if errors:
        where = "/".join(str(part) for part in errors[0].absolute_path) or "(top)"
        raise CatalogError(f"{source}: {where}: {errors[0].message}")
    expected_prefix = "CKV2_" if metadata["kind"] == "connection" else "CKV_"
    if not metadata["id"].startswith(expected_prefix):
        raise CatalogError(f"{source}: a {metadata['kind']} rule's ID starts with {expected_prefix}")
    known = frameworks()
    for framework, ids in metadata["frameworks"].items():
        unknown_ids = sorted(set(ids) - set(known[framework]["ids"]))
        if unknown_ids:
            raise CatalogError(f"{source}: unknown {framework} IDs {unknown_ids}")


# libyaml's loader when PyYAML was built with it: the catalog loads in every scan, and this is ten times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_rule(metadata_path: Path) -> Rule:
    metadata = yaml.load(metadata_path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    validate_metadata(metadata, metadata_path.name)
    service = metadata_path.parent.name
    module = importlib.import_module(f"policies.rules.{service}.{metadata_path.stem}")
    logic = getattr(module, "evaluate", None)
    if not callable(logic):
        raise CatalogError(f"policies/rules/{service}/{metadata_path.stem}.py has no evaluate()")
    return Rule(
        id=metadata["id"],
        name=metadata_path.stem,
        service=service,
        title=metadata["title"],
        severity=metadata["severity"],
        pillar=metadata["pillar"],
        kind=metadata["kind"],
        resource_types=tuple(metadata.get("resource_types", ())),
        data_types=tuple(metadata.get("data_types", ())),
        kubernetes_kinds=tuple(metadata.get("kubernetes_kinds", ())),
        dockerfile=metadata.get("dockerfile", False),
        description=metadata["description"].strip(),
        frameworks={key: tuple(value) for key, value in metadata["frameworks"].items()},
        checkov_builtin_overlap=tuple(metadata["checkov_builtin_overlap"]),
        remediation=metadata["remediation"],
        logic=logic,
    )


def _id_number(rule: Rule) -> tuple[int, int]:
    return (1 if rule.is_connection else 0, int(rule.id.rsplit("_", 1)[1]))


@cache
def load_catalog() -> tuple[Rule, ...]:
    """Every rule, ordered by ID. Raises ``CatalogError`` on any broken or duplicate rule."""
    rules = [_load_rule(path) for path in sorted(RULES_DIR.glob("*/*.yaml"))]
    seen: dict[str, str] = {}
    folders: dict[str, str] = {}
    for rule in rules:
        if rule.id in seen:
            raise CatalogError(f"{rule.id} is used by both {seen[rule.id]} and {rule.name}")
        if rule.name in folders:
            # The name is the rule's handle in SARIF, docs and example folders: unique across services.
            raise CatalogError(f"rule name {rule.name} is used by both {folders[rule.name]} and {rule.folder}")
        seen[rule.id] = rule.name
        folders[rule.name] = rule.folder
    return tuple(sorted(rules, key=_id_number))


def get_rule(rule_id: str) -> Rule:
    for rule in load_catalog():
        if rule.id == rule_id:
            return rule
    raise KeyError(rule_id)
