"""The catalog as a Pulumi CrossGuard policy pack (``pulumi preview --policy-pack <aisec-iac crossguard-dir>``).

``build_policies`` turns every catalog rule that judges AWS resources into pulumi-policy policies; the pack's
``__main__.py`` (in ``policies/crossguard/``) only hands them to ``PolicyPack``, which starts the analyzer
server and blocks, so everything here is importable and testable without a server.

* A resource rule becomes a ``ResourceValidationPolicy`` named by the rule ID. It judges each resource whose
  pulumi-aws type maps (``policies.pulumi_adapter.terraform_type``) to one of the rule's Terraform types,
  with the resource's input properties normalized by ``policies.pulumi_adapter.normalize``.
* A connection rule becomes a ``StackValidationPolicy`` named by the rule ID: all resources of the stack form
  one configuration (one ``Graph``), and each violation names the URN of the resource it is about.
* A FAIL is reported as a violation of that policy, whose message carries the rule's severity, the reason
  and the rule's Pulumi remediation. Every policy is mandatory unless the pack's configuration says
  otherwise (``{"CKV_AISEC_1": "advisory"}``, or ``{"all": ...}``): pulumi-policy accepts an
  ``enforcementLevel`` for every policy without a ``config_schema``, and our rules have no other settings.
* An UNKNOWN (a value unknown during preview, an unresolved input) is not a pass. It is reported by a second
  policy per rule, ``<rule ID>-unknown``, whose enforcement level is advisory: the preview shows it, and it
  does not block. A separate policy (rather than pulumi-policy's own "can't run during preview" path, which
  reports advisory diagnostics without severity and, for stack policies, without a URN) keeps the reason,
  the severity and the URN, and lets a team that wants unknowns to block set it to mandatory.
* A rule never raises into the server: a rule that raises, or properties the pack cannot read, give UNKNOWN.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from pulumi_policy import (
    EnforcementLevel,
    Policy,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
)

from policies.catalog import Rule, load_catalog
from policies.graph import Graph
from policies.model import Resource, Result, Verdict, unknown
from policies.pulumi_adapter import link_references, normalize, terraform_type

logger = logging.getLogger(__name__)

PACK_NAME = "aisec-iac"
PACK_DIR = Path(__file__).resolve().parent / "crossguard"
UNKNOWN_SUFFIX = "-unknown"
DEFAULT_ENFORCEMENT = EnforcementLevel.MANDATORY

_SEVERITIES = {
    "LOW": Severity.LOW,
    "MEDIUM": Severity.MEDIUM,
    "HIGH": Severity.HIGH,
    "CRITICAL": Severity.CRITICAL,
}


def unknown_policy_name(rule_id: str) -> str:
    return rule_id + UNKNOWN_SUFFIX


def pulumi_rules(rules: Iterable[Rule] | None = None) -> list[Rule]:
    """The rules the pack runs: those that judge at least one AWS resource type pulumi-aws can register."""
    return [
        rule
        for rule in (load_catalog() if rules is None else rules)
        if any(t.startswith("aws_") for t in rule.resource_types)
    ]


@lru_cache(maxsize=2048)
def _terraform_type(type_token: str) -> str | None:
    return terraform_type(type_token)


def _plain(value: Any, depth: int = 0) -> Any:
    """pulumi-policy's unknown-checking proxies as plain dicts and lists, unknown sentinels kept (the adapter
    reads them as unknown). Nesting deeper than any resource's properties is cut off."""
    if depth > 64:
        return None
    target = _proxy_target(value)
    if target is not None:
        value = target
    if isinstance(value, Mapping):
        return {key: _plain(item, depth + 1) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item, depth + 1) for item in value]
    return value


def _proxy_target(value: Any) -> Any:
    """The raw value behind pulumi-policy's ``_DictProxy``/``_ListProxy`` (the key its serializer uses)."""
    if type(value).__name__ not in ("_DictProxy", "_ListProxy"):
        return None
    try:
        return value["__target"]
    except Exception:
        return None


def _normalized(type_token: str, name: str, props: Any) -> Resource | None:
    return normalize(type_token, name, _plain(props) or {})


def _message(rule: Rule, result: Result, address: str | None = None) -> str:
    where = f" ({address})" if address else ""
    lines = [f"[{rule.severity}] {rule.id}{where}: {result.reason}"]
    if result.verdict is Verdict.UNKNOWN:
        lines.append("Not judged: a value this rule needs is unknown; it is judged again once the value is known.")
    remediation = rule.remediation.get("pulumi") or rule.remediation.get("summary")
    if remediation:
        lines.append(f"Remediation (Pulumi):\n{remediation.strip()}")
    return "\n".join(lines)


def judge_resource(rule: Rule, type_token: str, name: str, props: Any) -> Result | None:
    """A resource rule's verdict on one Pulumi resource; None when the rule does not cover its type."""
    try:
        if _terraform_type(type_token) not in rule.resource_types:
            return None
        resource = _normalized(type_token, name, props)
        if resource is None:
            return None
        return rule.evaluate(resource)
    except Exception:
        logger.error("%s raised on %s %s; no verdict given", rule.id, type_token, name, exc_info=True)
        return unknown("the pack could not judge this resource (the rule raised an exception)")


def judge_stack(rule: Rule, resources: Iterable[tuple[str, str, str, Any]]) -> list[tuple[str, Result]]:
    """A connection rule's verdicts over a stack given as ``(urn, type token, name, props)``: ``(urn, result)``
    for every resource of the rule's types."""
    normalized: list[tuple[str, Resource]] = []
    for urn, type_token, name, props in resources:
        try:
            resource = _normalized(type_token, name, props)
        except Exception:
            logger.error("could not read %s", urn, exc_info=True)
            continue
        if resource is not None:
            normalized.append((urn, resource))
    linked = link_references(resource for _, resource in normalized)
    normalized = [(urn, resource) for (urn, _), resource in zip(normalized, linked, strict=False)]
    graph = Graph(linked)
    verdicts: list[tuple[str, Result]] = []
    for urn, resource in normalized:
        if resource.type not in rule.resource_types:
            continue
        try:
            verdicts.append((urn, rule.evaluate(resource, graph)))
        except Exception:
            logger.error("%s raised on %s; no verdict given", rule.id, urn, exc_info=True)
            verdicts.append((urn, unknown("the pack could not judge this resource (the rule raised an exception)")))
    return verdicts


def _resource_validation(rule: Rule, verdict: Verdict) -> Callable[[ResourceValidationArgs, ReportViolation], None]:
    def validate(args: ResourceValidationArgs, report_violation: ReportViolation) -> None:
        result = judge_resource(rule, args.resource_type, args.name, args.props)
        if result is not None and result.verdict is verdict:
            report_violation(_message(rule, result), None)

    return validate


def _stack_validation(rule: Rule, verdict: Verdict) -> Callable[[StackValidationArgs, ReportViolation], None]:
    def validate(args: StackValidationArgs, report_violation: ReportViolation) -> None:
        stack = [(r.urn, r.resource_type, r.name, r.props) for r in args.resources]
        names = {r.urn: r.name for r in args.resources}
        for urn, result in judge_stack(rule, stack):
            if result.verdict is verdict:
                report_violation(_message(rule, result, names.get(urn)), urn)

    return validate


def _policies_for(rule: Rule) -> list[Policy]:
    common: dict[str, Any] = {
        "severity": _SEVERITIES.get(rule.severity),
        "remediation_steps": (rule.remediation.get("pulumi") or rule.remediation.get("summary") or "").strip() or None,
        "tags": [rule.pillar, *(f"{framework}:{item}" for framework, ids in rule.frameworks.items() for item in ids)],
    }
    description = f"{rule.title} ({rule.id})"
    unknown_description = f"{rule.title} ({rule.id}): not judged, a value it needs is unknown"
    if rule.is_connection:
        return [
            StackValidationPolicy(
                name=rule.id,
                description=description,
                validate=_stack_validation(rule, Verdict.FAIL),
                enforcement_level=DEFAULT_ENFORCEMENT,
                **common,
            ),
            StackValidationPolicy(
                name=unknown_policy_name(rule.id),
                description=unknown_description,
                validate=_stack_validation(rule, Verdict.UNKNOWN),
                enforcement_level=EnforcementLevel.ADVISORY,
                **common,
            ),
        ]
    return [
        ResourceValidationPolicy(
            name=rule.id,
            description=description,
            validate=_resource_validation(rule, Verdict.FAIL),
            enforcement_level=DEFAULT_ENFORCEMENT,
            **common,
        ),
        ResourceValidationPolicy(
            name=unknown_policy_name(rule.id),
            description=unknown_description,
            validate=_resource_validation(rule, Verdict.UNKNOWN),
            enforcement_level=EnforcementLevel.ADVISORY,
            **common,
        ),
    ]


def build_policies(rules: Iterable[Rule] | None = None) -> list[Policy]:
    """Two policies per rule that judges AWS resources: ``<rule ID>`` (mandatory) and ``<rule ID>-unknown``
    (advisory), in catalog order."""
    return [policy for rule in pulumi_rules(rules) for policy in _policies_for(rule)]
