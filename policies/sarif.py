"""SARIF 2.1.0 for code scanning, built from the scan's reports and the catalog's metadata.

Checkov's own SARIF is not valid SARIF (a finding's reason goes into ``attachments`` as a bare string) and
knows nothing of the catalog. Here every rule the report mentions carries its title, description,
remediation (``help``), a ``security-severity`` GitHub code scanning sorts by, and tags for its pillar and
frameworks; every result carries its reason in the message and a partial fingerprint that stays the same
when lines move (rule, file, resource), so an alert keeps its identity across commits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from policies import __version__
from policies.attribute_lines import record_attribute_line
from policies.scan import record_severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
# GitHub code scanning reads security-severity as a CVSS-like score: 9.0+ critical, 7.0+ high, 4.0+ medium.
SECURITY_SEVERITY = {"CRITICAL": "9.5", "HIGH": "8.0", "MEDIUM": "5.5", "LOW": "2.0"}
LEVELS = {"CRITICAL": "error", "HIGH": "error", "MEDIUM": "warning", "LOW": "note"}
FINGERPRINT_KEY = "aisecIacFinding/v1"


def _reason(record: Any) -> str:
    details = [str(detail) for detail in (getattr(record, "details", None) or []) if str(detail).strip()]
    return "; ".join(details)


def _uri(record: Any) -> str:
    return str(record.repo_file_path or record.file_path).lstrip("/")


def _path_uri(path: str) -> str:
    """A relative path as a relative URI reference, an absolute one as a file URI."""
    return Path(path).as_uri() if Path(path).is_absolute() else Path(path).as_posix()


def fingerprint(rule_id: str, uri: str, resource: str) -> str:
    """What identifies a finding across commits: the rule, the file and the resource, not the line."""
    return hashlib.sha256(f"{rule_id}\0{uri}\0{resource}".encode()).hexdigest()


def _rule_descriptor(rule_id: str, record: Any, catalog: dict[str, Any]) -> dict[str, Any]:
    from policies.docs import rule_section

    rule = catalog.get(rule_id)
    if rule is None:  # one of Checkov's built-in checks (--include-builtin)
        descriptor: dict[str, Any] = {
            "id": rule_id,
            "name": rule_id,
            "shortDescription": {"text": record.check_name},
            "properties": {"tags": ["security", "checkov"]},
        }
        if record.guideline:
            descriptor["helpUri"] = record.guideline
        severity = record_severity(record)
        if severity:
            descriptor["defaultConfiguration"] = {"level": LEVELS[severity]}
            descriptor["properties"]["security-severity"] = SECURITY_SEVERITY[severity]
        return descriptor
    tags = ["security", rule.pillar, *(f"{key}:{id_}" for key, ids in rule.frameworks.items() for id_ in ids)]
    help_text = rule.remediation["summary"] + "\n\n" + rule.remediation["terraform"].rstrip()
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": " ".join(rule.description.split())},
        "help": {"text": help_text, "markdown": rule_section(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"security-severity": SECURITY_SEVERITY[rule.severity], "tags": tags, "precision": "high"},
    }


def _result(record: Any, rule_index: int, catalog: dict[str, Any]) -> dict[str, Any]:
    rule = catalog.get(record.check_id)
    severity = rule.severity if rule is not None else record_severity(record)
    title = rule.title if rule is not None else record.check_name
    reason = _reason(record)
    uri = _uri(record)
    region: dict[str, Any] = {}
    lines = record.file_line_range or []
    if len(lines) == 2 and all(isinstance(line, int) and line > 0 for line in lines):
        region = {"startLine": lines[0], "endLine": lines[1]}
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": uri}}}
    attribute = record_attribute_line(record) if region else None
    if attribute is not None and region["startLine"] <= attribute <= region["endLine"]:
        # The attribute the rule judged, within the resource (docs/writing-rules.md, "The attribute a finding
        # points at"); the resource stays as the context.
        location["physicalLocation"]["region"] = {"startLine": attribute, "endLine": attribute}
        location["physicalLocation"]["contextRegion"] = region
    elif region:
        location["physicalLocation"]["region"] = region
    location["logicalLocations"] = [{"name": record.resource, "kind": "resource"}]
    return {
        "ruleId": record.check_id,
        "ruleIndex": rule_index,
        "level": LEVELS.get(severity or "", "warning"),
        "message": {"text": f"{title}: {reason} ({record.resource})" if reason else f"{title} ({record.resource})"},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(record.check_id, uri, record.resource)},
    }


def sarif_document(reports: Sequence[Any], problems: Sequence[Any] = ()) -> dict[str, Any]:
    """One SARIF log with one run: the failed checks of every report, and inputs that could not be read."""
    from policies.catalog import load_catalog

    catalog = {rule.id: rule for rule in load_catalog()}
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    results = []
    for report in reports:
        for record in report.failed_checks:
            if record.check_id not in index:
                index[record.check_id] = len(rules)
                rules.append(_rule_descriptor(record.check_id, record, catalog))
            results.append(_result(record, index[record.check_id], catalog))
    notifications = [
        {
            "level": "error",
            "message": {"text": problem.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _path_uri(problem.path)}}}],
        }
        for problem in problems
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "aisec-iac",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "results": results,
        "invocations": [{"executionSuccessful": not problems, "toolExecutionNotifications": notifications}],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
