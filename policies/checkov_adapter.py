"""Checkov engine: turns catalog rules into Checkov checks, and Checkov's configuration into ``Resource``.

Checkov hands a resource check a dict in which every attribute value is wrapped in a one-item list
(``{"bucket": ["x"], "cidr_blocks": [["0.0.0.0/0"]]}``) and nested blocks are lists of such dicts; HCL and
plan JSON arrive in the same shape, plan JSON with some bookkeeping keys added. ``normalize_conf`` strips
the wrapping so that rules see Terraform's own value shape.

Resource rules become ``BaseResourceCheck``/``BaseDataCheck`` subclasses (Terraform), ``BaseK8Check``
(Kubernetes manifests) and ``BaseDockerfileCheck`` (Dockerfiles); connection rules become graph checks that
read every vertex of Checkov's graph, one configuration (directory) at a time. Checks are created by
``register_checks``, which the file in ``policies/checkov_checks`` calls each time Checkov loads the external
checks directory. docs/checkov.md explains the Checkov behaviour each piece works around.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from checkov.common.bridgecrew.severities import Severities
from checkov.common.checks_infra.registry import get_graph_checks_registry
from checkov.common.graph.checks_infra.base_check import BaseGraphCheck
from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.dockerfile.base_dockerfile_check import BaseDockerfileCheck
from checkov.dockerfile.registry import registry as dockerfile_registry
from checkov.kubernetes.checks.resource.base_spec_check import BaseK8Check
from checkov.kubernetes.checks.resource.registry import registry as kubernetes_registry
from checkov.kubernetes.kubernetes_utils import get_resource_id
from checkov.runner_filter import RunnerFilter
from checkov.terraform.checks.data.base_check import BaseDataCheck
from checkov.terraform.checks.data.registry import data_registry
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck
from checkov.terraform.checks.resource.registry import resource_registry

from policies import checkov_gates
from policies.catalog import Rule, load_catalog
from policies.checkov_gates import Gate, Instance
from policies.graph import Graph
from policies.model import KNOWN_AFTER_APPLY, Resource, Result, Verdict

logger = logging.getLogger(__name__)

# Keys Checkov adds for its own bookkeeping (line numbers, plan file, references, change actions).
_BOOKKEEPING_KEYS = frozenset({"start_line", "end_line", "references_", "count", "for_each", "depends_on"})

_CATEGORIES = {
    "encryption": CheckCategories.ENCRYPTION,
    "network": CheckCategories.NETWORKING,
    "iam": CheckCategories.IAM,
    "container": CheckCategories.GENERAL_SECURITY,
    "endpoint": CheckCategories.NETWORKING,
    "monitoring": CheckCategories.LOGGING,
}

_CHECK_RESULTS = {
    Verdict.PASS: CheckResult.PASSED,
    Verdict.FAIL: CheckResult.FAILED,
    Verdict.UNKNOWN: CheckResult.UNKNOWN,
}


def _is_bookkeeping(key: Any) -> bool:
    # Manifest keys need not be strings: YAML reads an unquoted `on:` as True and `1:` as 1.
    return isinstance(key, str) and (key in _BOOKKEEPING_KEYS or (key.startswith("__") and key.endswith("__")))


_TERRAFORM_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _looks_like_block(item: Any) -> bool:
    """A nested block: a dict whose values Checkov wrapped in lists, keyed by Terraform names.

    Decoded JSON (``jsonencode``) is not wrapped, and where all of a document's top-level values happen to be
    lists (``{"Statement": [...]}``, ``{"Rules": [...]}``), its keys give it away: Terraform names are
    lowercase snake_case, AWS document keys are not.
    """
    if not isinstance(item, Mapping):
        return False
    entries = [(key, value) for key, value in item.items() if not _is_bookkeeping(key)]
    if not entries:
        return bool(item)  # only Checkov's line numbers: a block whose every member is unknown until apply
    return all(
        isinstance(value, list) and isinstance(key, str) and _TERRAFORM_NAME.match(key) for key, value in entries
    )


def _normalize_block(block: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: _normalize_value(value) for key, value in block.items() if not _is_bookkeeping(key) and key != "dynamic"
    }


def _normalize_value(value: Any) -> Any:
    if not isinstance(value, list):
        return value
    if value and all(_looks_like_block(item) for item in value):
        return [_normalize_block(item) for item in value]
    if len(value) == 1:
        return value[0]
    return value


def _dynamic_block_names(conf: Any) -> frozenset[str]:
    """The names of blocks written with ``dynamic``, at any depth (Checkov may not expand their content)."""
    names: set[str] = set()
    if isinstance(conf, Mapping):
        for key, value in conf.items():
            if key == "dynamic" and isinstance(value, list):
                names.update(str(name) for entry in value if isinstance(entry, Mapping) for name in entry)
            else:
                names |= _dynamic_block_names(value)
    elif isinstance(conf, list):
        for item in conf:
            names |= _dynamic_block_names(item)
    return frozenset(names)


def normalize_conf(resource_type: str, conf: Mapping[str, Any]) -> Resource:
    """Checkov's configuration dict of one resource or data source -> ``Resource``."""
    address = conf.get("__address__")
    if not isinstance(address, str):
        address = f"{resource_type}.unnamed"
    attrs = _normalize_block(conf)
    plan_file = _plan_file(conf)
    if plan_file is not None:
        unknown, written = _plan_unknowns(plan_file).get(address, (None, None))
        _mark_known_after_apply(attrs, unknown, written)
    return Resource(
        type=resource_type,
        address=address,
        attrs=attrs,
        dynamic_blocks=_dynamic_block_names(conf),
    )


# -- values a plan knows only after apply --------------------------------------------------------------
# Terraform leaves such values out of planned_values and marks them in resource_changes[].change.after_unknown.
# Checkov fills a missing value with the expression's first reference to a resource, but not when the
# expression goes through a variable or a local (references: ["local.key"]), and it drops after_unknown
# (unless EVAL_TF_PLAN_AFTER_UNKNOWN is set, and then only one level deep). Without this a rule would take
# "set from a local to a key created in the same plan" for "not set at all".


def _plan_file(conf: Mapping[str, Any]) -> str | None:
    """The plan file a configuration came from (Checkov records it for plan JSON only)."""
    if "__change_actions__" not in conf:
        return None
    file = conf.get("__file__")
    file = file[0] if isinstance(file, list) and file else file
    return file if isinstance(file, str) and file.endswith(".json") else None


_INSTANCE_KEY = re.compile(r"\[[^\]]*\]")


def _configured_resources(module: Any, prefix: str, found: dict[str, Any]) -> None:
    """``address without instance keys -> expressions`` for a configuration module and its module calls."""
    if not isinstance(module, dict):
        return
    resources, calls = module.get("resources"), module.get("module_calls")
    for resource in resources if isinstance(resources, list) else []:
        if isinstance(resource, dict) and isinstance(resource.get("address"), str):
            found[prefix + resource["address"]] = resource.get("expressions") or {}
    for name, call in calls.items() if isinstance(calls, dict) else []:
        if isinstance(call, dict):
            _configured_resources(call.get("module"), f"{prefix}module.{name}.", found)


def _plan_unknowns(plan_file: str) -> dict[str, tuple[Any, Any]]:
    """``address -> (after_unknown, configuration expressions)`` for every resource change of a plan file."""
    try:
        stat = os.stat(plan_file)
    except OSError:
        return {}
    return _read_plan_unknowns(plan_file, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _read_plan_unknowns(plan_file: str, _mtime_ns: int, _size: int) -> dict[str, tuple[Any, Any]]:
    """Read once per version of the file: every resource of a scan asks for the same plan."""
    try:
        plan = json.loads(Path(plan_file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(plan, dict):
        return {}
    configured: dict[str, Any] = {}
    configuration = plan.get("configuration")
    if isinstance(configuration, dict):
        _configured_resources(configuration.get("root_module"), "", configured)
    changes = plan.get("resource_changes")
    found: dict[str, tuple[Any, Any]] = {}
    for change in changes if isinstance(changes, list) else []:
        if isinstance(change, dict) and isinstance(change.get("change"), dict):
            address = str(change.get("address"))
            expressions = configured.get(_INSTANCE_KEY.sub("", address), {})
            found[address] = (change["change"].get("after_unknown"), expressions)
    return found


def _is_expression(node: Any) -> bool:
    return isinstance(node, dict) and ("references" in node or "constant_value" in node)


def _mark_known_after_apply(attrs: Any, unknown: Any, written: Any) -> None:
    """Fill ``KNOWN_AFTER_APPLY`` where the plan marks a value unknown, the configuration has none, and the
    user wrote an expression for it (an Optional+Computed attribute left unset is also unknown in a plan, but
    it takes the provider's default: leave it absent)."""
    if not isinstance(attrs, dict) or not isinstance(unknown, dict) or not isinstance(written, dict):
        return
    for key, marker in unknown.items():
        expression, value = written.get(key), attrs.get(key)
        if expression is None:
            continue
        if value is None or value == []:
            if marker is True or (isinstance(marker, list) and marker and all(item is True for item in marker)):
                attrs[key] = KNOWN_AFTER_APPLY
        elif _is_expression(expression) and isinstance(value, (dict, list)):
            if "references" in expression:  # an object written as one expression that refers to other resources
                _mark_object_members(value, marker)
        elif isinstance(value, list) and isinstance(marker, list) and isinstance(expression, list):
            for item, item_marker, item_expression in zip(value, marker, expression, strict=False):
                _mark_known_after_apply(item, item_marker, item_expression)
        elif isinstance(value, dict) and isinstance(expression, list) and expression:
            _mark_known_after_apply(value, marker[0] if isinstance(marker, list) and marker else marker, expression[0])


def _mark_object_members(value: Any, marker: Any) -> None:
    """Inside an object written as one expression with references, members unknown until apply come from
    those references (a constant object's unknown members are computed defaults, and stay absent)."""
    if isinstance(value, list) and isinstance(marker, list):
        for item, item_marker in zip(value, marker, strict=False):
            _mark_object_members(item, item_marker)
    elif isinstance(value, dict) and isinstance(marker, dict):
        for key, member_marker in marker.items():
            if member_marker is True and value.get(key) in (None, []):
                value[key] = KNOWN_AFTER_APPLY
            else:
                _mark_object_members(value.get(key), member_marker)


def _evaluate_safely(rule: Rule, resource: Resource, graph: Graph | None = None) -> Result:
    """Rules must not raise; if one does anyway, say so loudly and give no verdict."""
    try:
        return rule.evaluate(resource, graph)
    except Exception:
        logger.error("%s raised on %s; no verdict given", rule.id, resource.address, exc_info=True)
        return Result(Verdict.UNKNOWN, "rule raised an exception")


def _severity(rule: Rule) -> Any:
    return Severities[rule.severity]


# Checkov drops the details of graph, Kubernetes and Dockerfile checks (their records are built without them).
# When ``aisec-iac scan`` asks (``collect_reasons``), those checks leave their reasons here, keyed by
# (check ID, absolute file, resource, result), and the scan puts them into its report; plain Checkov runs keep
# nothing. The result is part of the key: two instances of a module share files and addresses, and may differ.
ReasonKey = tuple[str, str, str, CheckResult]
_dropped_reasons: dict[ReasonKey, str] | None = None


def collect_reasons() -> dict[ReasonKey, str]:
    """Start keeping the reasons Checkov drops, and return the (live) table they go into."""
    global _dropped_reasons
    if _dropped_reasons is None:
        _dropped_reasons = {}
    return _dropped_reasons


def _keep_reason(check_id: str, file: Any, resource: str, result: Result) -> None:
    if _dropped_reasons is not None and isinstance(file, str):
        _dropped_reasons[(check_id, os.path.abspath(file), resource, _CHECK_RESULTS[result.verdict])] = result.reason


def evaluated_keys(result: Result) -> list[str]:
    """Checkov's ``evaluated_keys`` for a result: the attribute that decided it, when the rule names one."""
    return [result.attribute] if result.attribute else []


# Checkov's Dockerfile registry keeps only a check's result, not its evaluated keys: when ``aisec-iac scan``
# asks (``collect_evaluated_keys``), Dockerfile checks leave them here, keyed by (check ID, absolute file).
_dropped_keys: dict[tuple[str, str], list[str]] | None = None


def collect_evaluated_keys() -> dict[tuple[str, str], list[str]]:
    """Start keeping the evaluated keys Checkov drops, and return the (live) table they go into."""
    global _dropped_keys
    if _dropped_keys is None:
        _dropped_keys = {}
    return _dropped_keys


class _QuietRun:
    """``BaseCheck.run`` without its debug record.

    Checkov's ``run`` formats a debug record of the whole result for every check on every entity, whatever the
    log level, and the ``checkov`` command keeps every debug record in memory. This ``run`` does what Checkov's
    does otherwise: a ``checkov:skip`` suppression gives SKIPPED with its comment and no evaluation; otherwise
    the result and the evaluated keys (the attribute the rule names, set by each check's ``scan_*_conf``); an
    exception is logged as Checkov logs it and raised (the registry turns it into UNKNOWN).
    """

    def run(
        self: Any,
        scanned_file: str,
        entity_configuration: dict[str, Any],
        entity_name: str,
        entity_type: str,
        skip_info: Any,
    ) -> Any:
        self.details = []
        self.scanned_file = scanned_file
        if skip_info:
            return {"result": CheckResult.SKIPPED, "suppress_comment": skip_info["suppress_comment"]}
        try:
            self.evaluated_keys = []
            self.entity_path = f"{scanned_file}:{entity_type}:{entity_name}"
            result = self.scan_entity_conf(entity_configuration, entity_type)
            return {"result": result, "evaluated_keys": self.get_evaluated_keys()}
        except Exception:
            self.log_check_error(
                scanned_file=scanned_file,
                entity_type=entity_type,
                entity_name=entity_name,
                entity_configuration=entity_configuration,
            )
            raise


# Checkov hands every check of an entity the same configuration dict, one check after another: the last one
# normalized is kept (with the dict itself, so that its identity cannot be reused) and shared by every rule
# that judges the entity. One entry: memory does not grow with the scan.
_shared_lock = threading.Lock()
_shared: tuple[Any, str, Any, Any] | None = None


def _shared_subject(conf: Any, key: str, context: Any, build: Any) -> Any:
    """``build()`` once per (configuration dict, key, context), for as long as the same dict keeps coming."""
    global _shared
    found = _shared
    if found is not None and found[0] is conf and found[1] == key and found[2] is context:
        return found[3]
    subject = build()
    with _shared_lock:
        _shared = (conf, key, context, subject)
    return subject


class AisecResourceCheck(_QuietRun, BaseResourceCheck):
    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        super().__init__(
            name=rule.title,
            id=rule.id,
            categories=[_CATEGORIES[rule.pillar]],
            supported_resources=list(rule.resource_types),
        )
        self.severity = _severity(rule)

    def scan_resource_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        result = _judge_resource(self.rule, self.entity_type, conf, getattr(self, "graph", None))
        self.details = [result.reason]
        self.evaluated_keys = evaluated_keys(result)
        return _CHECK_RESULTS[result.verdict]


def _conf_gate(conf: Mapping[str, Any]) -> Instance | None:
    """A resource Checkov hands a resource check although it is not created (``for_each`` rendered empty)."""
    for key in ("count", "for_each"):
        value = conf.get(key)
        value = value[0] if isinstance(value, list) and len(value) == 1 else value
        if value == 0 or value == {} or value == []:
            return Instance(Gate.NOT_CREATED, f"not created: {key} renders as {value!r}")
    return None


def _judge_resource(rule: Rule, resource_type: str, conf: Mapping[str, Any], graph: Any) -> Result:
    """One resource rule on one resource: not created -> no verdict; gated on what is not known -> UNKNOWN;
    otherwise the rule on the resource with its settings as the module's inputs and defaults make them."""
    resource, instance = _shared_subject(
        conf, resource_type, graph, lambda: _resource_subject(resource_type, conf, graph)
    )
    return _judge_instance(rule, resource, instance, applied=True)


def _resource_subject(resource_type: str, conf: Mapping[str, Any], graph: Any) -> tuple[Resource, Instance]:
    """The resource as every rule of the scan judges it, and what the configuration says about its creation."""
    resource = normalize_conf(resource_type, conf)
    gated = _conf_gate(conf)
    if gated is None and _plan_file(conf) is None:
        gated = checkov_gates.scan_context(graph).instance_of(conf, resource.address)
    instance = gated or checkov_gates.CREATED
    return (instance.apply(resource) if instance.gate is Gate.CREATED else resource), instance


def _judge_instance(
    rule: Rule, resource: Resource, instance: Instance, graph: Graph | None = None, applied: bool = False
) -> Result:
    """``applied``: ``resource`` already has the instance's settings in place (shared by every rule)."""
    if instance.gate is not Gate.CREATED:
        return Result(Verdict.UNKNOWN, instance.gate_reason)
    return instance.explain(_evaluate_safely(rule, resource if applied else instance.apply(resource), graph))


class AisecDataCheck(_QuietRun, BaseDataCheck):
    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        super().__init__(
            name=rule.title,
            id=rule.id,
            categories=[_CATEGORIES[rule.pillar]],
            supported_data=list(rule.data_types),
        )
        self.severity = _severity(rule)

    def scan_data_conf(self, conf: dict[str, list[Any]]) -> CheckResult:
        resource = _shared_subject(
            conf, f"data.{self.entity_type}", None, lambda: _data_subject(self.entity_type, conf)
        )
        result = _evaluate_safely(self.rule, resource)
        self.details = [result.reason]
        self.evaluated_keys = evaluated_keys(result)
        return _CHECK_RESULTS[result.verdict]


def _data_subject(data_type: str, conf: Mapping[str, Any]) -> Resource:
    resource = normalize_conf(data_type, conf)
    address = f"data.{resource.type}.{resource.address.split('.')[-1]}"
    return Resource(resource.type, address, resource.attrs, resource.dynamic_blocks)


def _strip_bookkeeping(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _strip_bookkeeping(item) for key, item in value.items() if not _is_bookkeeping(key)}
    if isinstance(value, list):
        return [_strip_bookkeeping(item) for item in value]
    return value


def normalize_manifest(kind: str, conf: Mapping[str, Any]) -> Resource:
    """A Kubernetes object as Checkov parsed it -> ``Resource(type=<kind>)``, keys as in the manifest."""
    address = get_resource_id(dict(conf)) or f"{kind}.unnamed"
    return Resource(type=kind, address=address, attrs=_strip_bookkeeping(conf))


def normalize_dockerfile(instructions: Mapping[str, Any], address: str = "Dockerfile") -> Resource:
    """Checkov's Dockerfile entity (instructions grouped by name) -> one ordered list of instructions."""
    ordered = [
        {
            "instruction": str(item.get("instruction", name)),
            "value": item.get("value", ""),
            "line": item.get("startline", 0),
        }
        for name, items in instructions.items()
        if isinstance(items, list)
        for item in items
        if isinstance(item, Mapping)
    ]
    ordered.sort(key=lambda item: item["line"] if isinstance(item["line"], int) else 0)
    return Resource(type="dockerfile", address=address, attrs={"instructions": ordered})


class AisecKubernetesCheck(_QuietRun, BaseK8Check):
    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        super().__init__(
            name=rule.title,
            id=rule.id,
            categories=[_CATEGORIES[rule.pillar]],
            supported_entities=list(rule.kubernetes_kinds),
        )
        self.severity = _severity(rule)

    def scan_spec_conf(self, conf: dict[str, Any]) -> CheckResult:
        kind = self.entity_type
        resource = _shared_subject(conf, f"kind:{kind}", None, lambda: normalize_manifest(kind, conf))
        result = _evaluate_safely(self.rule, resource)
        self.details = [result.reason]
        self.evaluated_keys = evaluated_keys(result)
        _keep_reason(self.id, getattr(self, "scanned_file", None), resource.address, result)
        return _CHECK_RESULTS[result.verdict]


class AisecDockerfileCheck(_QuietRun, BaseDockerfileCheck):
    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        super().__init__(
            name=rule.title,
            id=rule.id,
            categories=[_CATEGORIES[rule.pillar]],
            supported_instructions=["*"],
        )
        self.severity = _severity(rule)

    def scan_resource_conf(self, conf: Any) -> tuple[CheckResult, Any]:
        instructions = conf if isinstance(conf, Mapping) else {}
        resource = _shared_subject(conf, "dockerfile", None, lambda: normalize_dockerfile(instructions))
        result = _evaluate_safely(self.rule, resource)
        self.details = [result.reason]
        self.evaluated_keys = evaluated_keys(result)
        _keep_reason(self.id, getattr(self, "scanned_file", None), "dockerfile", result)
        scanned_file = getattr(self, "scanned_file", None)
        if _dropped_keys is not None and isinstance(scanned_file, str):
            _dropped_keys[(self.id, os.path.abspath(scanned_file))] = self.evaluated_keys
        return _CHECK_RESULTS[result.verdict], None


def _vertex_resource(vertex: Mapping[str, Any]) -> Resource | None:
    """The ``Resource`` behind one vertex of Checkov's graph (resources and data sources only)."""
    block_type = vertex.get("block_type_")
    resource_type = vertex.get("resource_type")
    config = vertex.get("config_")
    if block_type not in ("resource", "data") or not isinstance(resource_type, str):
        return None
    if not isinstance(config, Mapping):
        return None
    # Data vertices are typed "data.aws_iam_policy_document" but their config is keyed without the prefix.
    resource_type = resource_type.removeprefix("data.")
    by_name = config.get(resource_type)
    if not isinstance(by_name, Mapping) or not by_name:
        return None
    conf = next(iter(by_name.values()))
    if not isinstance(conf, Mapping):
        return None
    address = vertex.get("__address__") or vertex.get("block_name_") or f"{resource_type}.unnamed"
    if block_type == "data" and not str(address).startswith(("data.", "module.")):
        address = f"data.{address}"
    resource = normalize_conf(resource_type, conf)
    return Resource(resource.type, str(address), resource.attrs, resource.dynamic_blocks)


class AisecGraphCheck(BaseGraphCheck):
    """A connection rule: judged per resource, with every resource of the scan as context."""

    def __init__(self, rule: Rule) -> None:
        super().__init__()
        self.rule = rule
        self.id = rule.id
        self.name = rule.title
        self.category = _CATEGORIES[rule.pillar].name
        self.resource_types = list(rule.resource_types)
        self.severity = _severity(rule)
        self.frameworks = ["terraform", "terraform_plan"]

    def run(self, graph_connector: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        """Judge each subject with the resources of its own configuration as context.

        Checkov builds one graph for everything it scans; a configuration is a directory (a Terraform
        module, or the folder of a plan file), so resources in other directories must not count: an
        account-level public access block in one stack says nothing about a bucket in another.
        """
        outcome: dict[Verdict, list[dict[str, Any]]] = {verdict: [] for verdict in Verdict}
        for configuration in _configurations(graph_connector):
            for resource_type in self.rule.resource_types:
                for vertex, resource, instance in configuration.subjects.get(resource_type, ()):
                    result = _judge_instance(self.rule, resource, instance, configuration.graph)
                    outcome[result.verdict].append(vertex)
                    _keep_reason(self.id, vertex.get("file_path_"), resource.address, result)
        return outcome[Verdict.PASS], outcome[Verdict.FAIL], outcome[Verdict.UNKNOWN]

    def get_evaluated_keys(self) -> list[str]:
        return []


@dataclass(frozen=True)
class _Configuration:
    """The resources of one configuration (a directory), as a graph, and its resource vertices by type."""

    graph: Graph
    subjects: dict[str, list[tuple[dict[str, Any], Resource, Instance]]]


_configurations_lock = threading.Lock()
_configurations_cache: tuple[Any, list[_Configuration]] | None = None


def _configurations(graph_connector: Any) -> list[_Configuration]:
    """Checkov's graph split into configurations, normalized once per graph: every connection rule of a scan
    runs on the same graph object, in threads of their own."""
    global _configurations_cache
    with _configurations_lock:
        if _configurations_cache is None or _configurations_cache[0] is not graph_connector:
            _configurations_cache = (graph_connector, _split_configurations(graph_connector))
        return _configurations_cache[1]


def _split_configurations(graph_connector: Any) -> list[_Configuration]:
    """Graph vertices grouped by configuration: the directory of the file that defines them, and the module
    call they were created by. Two roots that call one module with different inputs create two instances
    with the same addresses in the same files; judged together, one instance's encryption or public access
    block would pass the other's bucket."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    context = checkov_gates.scan_context(graph_connector)
    for vertex in context.vertices:
        directory = os.path.dirname(str(vertex.get("file_path_") or ""))
        groups.setdefault((directory, checkov_gates.module_call(vertex)), []).append(vertex)
    configurations = []
    for vertices in groups.values():
        # Resources the configuration does not create (count = 0, for_each = {} under the module's inputs) are
        # neither judged nor context: a public access block with count = 0 covers no bucket. Resources gated
        # on what is not known here are judged UNKNOWN and stay context (they may exist).
        resources = []
        for vertex in vertices:
            resource = _vertex_resource(vertex)
            if resource is None:
                continue
            instance = context.instance(vertex)
            if instance.gate is not Gate.NOT_CREATED:
                resources.append((vertex, instance.apply(resource), instance))
        subjects: dict[str, list[tuple[dict[str, Any], Resource, Instance]]] = {}
        for vertex, resource, instance in resources:
            if vertex.get("block_type_") == "resource":
                subjects.setdefault(resource.type, []).append((vertex, resource, instance))
        graph = Graph((resource for _, resource, _ in resources), is_root=_is_root_configuration(vertices))
        configurations.append(_Configuration(graph, subjects))
    return configurations


def _is_root_configuration(vertices: list[dict[str, Any]]) -> bool:
    """A root configuration rather than a reusable module: a plan file, or a directory with a ``provider``
    block or a ``terraform`` block holding a ``backend`` or ``cloud`` block. A module that only declares
    ``required_providers`` is reusable (docs/checkov.md)."""
    for vertex in vertices:
        file = str(vertex.get("file_path_") or "")
        if file.endswith(".json") and not file.endswith(".tf.json"):
            return True
        block_type, config = vertex.get("block_type_"), vertex.get("config_")
        if block_type == "provider":
            return True
        if block_type == "terraform" and isinstance(config, Mapping) and ("backend" in config or "cloud" in config):
            return True
    return False


def register_checks() -> None:
    """Register every catalog rule with Checkov's registries (idempotent per registry)."""
    graph_registry = get_graph_checks_registry("terraform")
    registered_graph_ids = {check.id for check in graph_registry.checks}
    registered = {
        registry: _registered_ids(registry)
        for registry in (resource_registry, data_registry, kubernetes_registry, dockerfile_registry)
    }
    for rule in load_catalog():
        if rule.is_connection:
            if rule.id not in registered_graph_ids:
                RunnerFilter.notify_external_check(rule.id)
                graph_registry.checks.append(AisecGraphCheck(rule))
            continue
        if rule.resource_types and rule.id not in registered[resource_registry]:
            AisecResourceCheck(rule)
        if rule.data_types and rule.id not in registered[data_registry]:
            AisecDataCheck(rule)
        if rule.kubernetes_kinds and rule.id not in registered[kubernetes_registry]:
            AisecKubernetesCheck(rule)
        if rule.dockerfile and rule.id not in registered[dockerfile_registry]:
            AisecDockerfileCheck(rule)


def _registered_ids(registry: Any) -> set[str]:
    """The IDs of every check a registry holds (one pass, not one per rule)."""
    every_check = [*registry.checks.values(), *registry.wildcard_checks.values()]
    return {check.id for checks in every_check for check in checks}
