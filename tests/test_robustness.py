"""No rule raises, whatever it is given: every rule over every example resource, and over every example
resource with each attribute (at any depth) replaced by odd values: unset, wrong types, unresolved
expressions, references, malformed JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import hcl2
import pytest
import yaml
from checkov.dockerfile.parser import parse as parse_dockerfile

from policies.catalog import Rule, load_catalog
from policies.checkov_adapter import normalize_conf, normalize_dockerfile, normalize_manifest
from policies.graph import Graph
from policies.model import Resource, Result, Verdict
from tests.scanning import EXAMPLES

ODD_VALUES: list[Any] = [
    None,
    "",
    "var.unknown",
    "${var.unknown}",
    "local.settings",
    "module.shared.arn",
    "aws_kms_key.other.arn",
    "data.aws_iam_policy_document.other.json",
    "not json {",
    "*",
    0,
    -1,
    10**20,
    1.5,
    True,
    "true",
    [],
    {},
    [None],
    [{}],
    [[]],
    ["*"],
    {"unexpected": {"nested": [1, None]}},
    [{"Effect": "Allow", "Action": None}],
]


def _hcl_resources(path: Path) -> list[Resource]:
    with path.open(encoding="utf-8") as handle:
        parsed = hcl2.load(handle)
    resources = []
    for block_kind, prefix in (("resource", ""), ("data", "data.")):
        for block in parsed.get(block_kind, []):
            for resource_type, by_name in block.items():
                for name, conf in by_name.items():
                    conf = {**conf, "__address__": f"{prefix}{resource_type}.{name}"}
                    resources.append(normalize_conf(resource_type, conf))
    return resources


def _plan_resources(path: Path) -> list[Resource]:
    plan = json.loads(path.read_text(encoding="utf-8"))
    modules = [plan.get("planned_values", {}).get("root_module", {})]
    resources = []
    while modules:
        module = modules.pop()
        modules.extend(module.get("child_modules", []))
        for item in module.get("resources", []):
            resources.append(Resource(item["type"], item["address"], item.get("values") or {}))
    return resources


def _manifest_resources(path: Path) -> list[Resource]:
    documents = yaml.safe_load_all(path.read_text(encoding="utf-8"))
    return [normalize_manifest(d["kind"], d) for d in documents if isinstance(d, dict) and "kind" in d]


def example_files() -> dict[Path, list[Resource]]:
    """Every example file's resources; a file is the context a connection rule sees."""
    found: dict[Path, list[Resource]] = {}
    for path in sorted(EXAMPLES.rglob("*.tf")):
        found[path] = _hcl_resources(path)
    for path in sorted(EXAMPLES.rglob("tfplan*.json")):
        found[path] = _plan_resources(path)
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        found[path] = _manifest_resources(path)
    for path in sorted(EXAMPLES.rglob("*Dockerfile*")):
        found[path] = [normalize_dockerfile(parse_dockerfile(path)[0], path.name)]
    return found


def _paths(value: Any, depth: int = 0) -> Iterator[tuple[Any, ...]]:
    """Every key/index path into a nested structure, up to four levels deep."""
    if depth >= 4:
        return
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, child in items:
        yield (key,)
        for rest in _paths(child, depth + 1):
            yield (key, *rest)


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replaced(value[head], rest, new)}
    copy = list(value)
    copy[head] = _replaced(copy[head], rest, new)
    return copy


def odd_variants(resource: Resource) -> Iterator[Resource]:
    yield Resource(resource.type, resource.address, {})
    yield Resource(resource.type, resource.address, resource.attrs, frozenset(resource.attrs))
    attrs = dict(resource.attrs)
    for path in _paths(attrs):
        for odd in ODD_VALUES:
            yield Resource(resource.type, resource.address, _replaced(attrs, path, odd), resource.dynamic_blocks)


EXAMPLE_FILES = example_files()
EXAMPLE_RESOURCES = [resource for resources in EXAMPLE_FILES.values() for resource in resources]


def test_examples_were_found() -> None:
    judged_types = {t for rule in load_catalog() for t in rule.judged_types}
    assert judged_types <= {resource.type for resource in EXAMPLE_RESOURCES}


@pytest.mark.parametrize("rule", load_catalog(), ids=lambda rule: rule.id)
def test_rule_returns_a_verdict_on_every_odd_input(rule: Rule) -> None:
    evaluated = 0
    for resources in EXAMPLE_FILES.values():
        for index, resource in enumerate(resources):
            if resource.type not in rule.judged_types:
                continue
            others = resources[:index] + resources[index + 1 :]
            for variant in odd_variants(resource):
                graph = Graph([*others, variant]) if rule.is_connection else None
                result = rule.evaluate(variant, graph)
                assert isinstance(result, Result) and isinstance(result.verdict, Verdict), variant
                evaluated += 1
    assert evaluated > 50


@pytest.mark.parametrize("rule", [r for r in load_catalog() if r.is_connection], ids=lambda rule: rule.id)
def test_connection_rule_survives_odd_neighbours(rule: Rule) -> None:
    """The resources a connection rule looks at around its subject can be just as odd."""
    for resources in EXAMPLE_FILES.values():
        subjects = [r for r in resources if r.type in rule.resource_types]
        if not subjects:
            continue
        for index, neighbour in enumerate(resources):
            if neighbour.type in rule.resource_types:
                continue
            others = resources[:index] + resources[index + 1 :]
            for variant in odd_variants(neighbour):
                graph = Graph([*others, variant])
                for subject in subjects:
                    assert isinstance(rule.evaluate(subject, graph), Result)
