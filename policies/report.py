"""Reports people read: ``aisec-iac report`` turns the JSON of ``aisec-iac scan -o json`` into a Markdown
summary (short enough for a pull-request comment) or one self-contained HTML page (inline CSS and SVG, no
JavaScript, no network).

The scan contributes check IDs, verdicts, resources, locations and reasons. Titles, severities, pillars,
framework mappings and remediation come from the catalog (``load_catalog``), never from the scan. Records of
checks the catalog does not know (Checkov's built-ins, with ``--include-builtin``) are "other checks": they
keep the scan's name and severity and belong to no pillar or framework.

Everything taken from the scan (resource names, file paths, reasons, other checks' names) is controlled by
whoever wrote the scanned files, and is escaped for the format it goes into.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from policies.catalog import Rule

__all__ = [
    "OTHER_CHECKS",
    "SEVERITIES",
    "UNRATED",
    "FrameworkCoverage",
    "ItemCoverage",
    "Record",
    "ReportError",
    "ScanReport",
    "load_scan",
    "parse_scan",
    "render_html",
    "render_markdown",
    "run_report",
    "write_html_report",
]

SEVERITIES = ("CRITICAL", "HIGH", "MEDIUM", "LOW")
UNRATED = "UNRATED"  # an other check without a severity (Checkov's built-ins have none with --skip-download)
OTHER_CHECKS = "other checks"
EXIT_OK, EXIT_ERROR = 0, 2

# GitHub refuses comments over 65,536 characters; stay well below whatever the scan holds.
MARKDOWN_LIMIT = 60_000
MARKDOWN_MAX_UNREADABLE = 20


class ReportError(Exception):
    """A scan document that cannot be read or is not the JSON of ``aisec-iac scan -o json``; one line."""


# -- the scan, joined with the catalog -------------------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One check result of the scan; ``rule`` is its catalog rule, or None for an other check."""

    check_id: str
    passed: bool
    resource: str
    file_path: str
    line: int | None
    check_type: str
    reasons: tuple[str, ...]
    rule: Rule | None
    scan_name: str
    scan_severity: str | None

    @property
    def severity(self) -> str:
        if self.rule is not None:
            return self.rule.severity
        severity = (self.scan_severity or "").upper()
        return severity if severity in SEVERITIES else UNRATED

    @property
    def pillar(self) -> str:
        return self.rule.pillar if self.rule is not None else OTHER_CHECKS

    @property
    def title(self) -> str:
        return self.rule.title if self.rule is not None else (self.scan_name or self.check_id)

    @property
    def remediation(self) -> str:
        return self.rule.remediation["summary"].strip() if self.rule is not None else ""

    @property
    def location(self) -> str:
        return f"{self.file_path}:{self.line}" if self.line else self.file_path


@dataclass(frozen=True)
class ItemCoverage:
    """One framework item against the catalog and this scan."""

    framework: str
    item: str
    title: str
    rules: tuple[str, ...]  # catalog rules that map to the item
    failed_rules: tuple[str, ...]  # of those, rules with at least one failed check in this scan
    passed_rules: tuple[str, ...]  # rules that ran in this scan and only passed
    failed_checks: int
    passed_checks: int

    @property
    def status(self) -> str:
        """``uncovered`` (no rule maps to it), ``failed``, ``passed`` or ``not-run`` (no mapped rule ran)."""
        if not self.rules:
            return "uncovered"
        if self.failed_rules:
            return "failed"
        return "passed" if self.passed_rules else "not-run"


@dataclass(frozen=True)
class FrameworkCoverage:
    key: str
    title: str
    items: tuple[ItemCoverage, ...]

    @property
    def covered(self) -> int:
        return sum(1 for item in self.items if item.rules)

    @property
    def items_failed(self) -> tuple[str, ...]:
        return tuple(item.item for item in self.items if item.failed_rules)


@dataclass(frozen=True)
class ScanReport:
    """A scan's records joined with the catalog, and what the scan could not read."""

    failed: tuple[Record, ...]
    passed: tuple[Record, ...]
    skipped: int
    unreadable: tuple[str, ...]
    check_types: tuple[str, ...]
    checkov_version: str | None
    catalog: tuple[Rule, ...]

    @cached_property
    def findings(self) -> tuple[Record, ...]:
        """Failed records, most severe first, then in catalog order, then by place."""
        order = {rule.id: index for index, rule in enumerate(self.catalog)}
        rank = {severity: index for index, severity in enumerate((*SEVERITIES, UNRATED))}
        return tuple(
            sorted(
                self.failed,
                key=lambda r: (
                    rank[r.severity],
                    order.get(r.check_id, len(order)),
                    r.check_id,
                    r.file_path,
                    r.line or 0,
                    r.resource,
                ),
            )
        )

    @property
    def pack_findings(self) -> tuple[Record, ...]:
        return tuple(record for record in self.findings if record.rule is not None)

    @property
    def other_findings(self) -> tuple[Record, ...]:
        return tuple(record for record in self.findings if record.rule is None)

    def by_severity(self) -> dict[str, int]:
        """Failed checks per severity, most severe first; UNRATED only when an other check has no severity."""
        counts = Counter(record.severity for record in self.failed)
        return {
            severity: counts[severity]
            for severity in (*SEVERITIES, UNRATED)
            if severity in SEVERITIES or counts[severity]
        }

    def by_pillar(self) -> dict[str, tuple[int, int]]:
        """``(failed, passed)`` checks per pillar, in the schema's order; other checks last, when there are any."""
        from policies.catalog import schema

        failed = Counter(record.pillar for record in self.failed)
        passed = Counter(record.pillar for record in self.passed)
        pillars = list(schema()["properties"]["pillar"]["enum"])
        if failed[OTHER_CHECKS] or passed[OTHER_CHECKS]:
            pillars.append(OTHER_CHECKS)
        return {pillar: (failed[pillar], passed[pillar]) for pillar in pillars}

    def by_rule(self) -> list[tuple[str, str, int, int]]:
        """``(check ID, title, failed, passed)`` for every check that ran, in catalog order, other checks last."""
        order = {rule.id: index for index, rule in enumerate(self.catalog)}
        failed = Counter(record.check_id for record in self.failed)
        passed = Counter(record.check_id for record in self.passed)
        titles = {record.check_id: record.title for record in (*self.failed, *self.passed)}
        ids = sorted(titles, key=lambda check_id: (order.get(check_id, len(order)), check_id))
        return [(check_id, titles[check_id], failed[check_id], passed[check_id]) for check_id in ids]

    def coverage(self) -> list[FrameworkCoverage]:
        """Every framework item of ``frameworks.yaml``: which catalog rules map to it and how they did here."""
        from policies.catalog import frameworks

        failed = Counter(record.check_id for record in self.failed)
        passed = Counter(record.check_id for record in self.passed)
        result = []
        for key, framework in frameworks().items():
            items = []
            for item, title in framework["ids"].items():
                rules = tuple(rule.id for rule in self.catalog if item in rule.frameworks.get(key, ()))
                items.append(
                    ItemCoverage(
                        framework=key,
                        item=str(item),
                        title=str(title),
                        rules=rules,
                        failed_rules=tuple(rule for rule in rules if failed[rule]),
                        passed_rules=tuple(rule for rule in rules if passed[rule] and not failed[rule]),
                        failed_checks=sum(failed[rule] for rule in rules),
                        passed_checks=sum(passed[rule] for rule in rules),
                    )
                )
            result.append(FrameworkCoverage(key, str(framework["title"]), tuple(items)))
        return result

    def failed_per_framework(self) -> dict[str, int]:
        """Failed checks of rules that map to at least one item of each framework (each check counted once)."""
        from policies.catalog import frameworks

        return {
            key: sum(1 for record in self.failed if record.rule is not None and record.rule.frameworks.get(key))
            for key in frameworks()
        }


def _documents(document: Any) -> list[Mapping[str, Any]]:
    """The per-framework reports of a scan: one dict, a list of dicts, or the empty summary of a scan that
    found nothing to report."""
    documents = document if isinstance(document, list) else [document]
    reports = []
    for one in documents:
        if not isinstance(one, Mapping):
            raise ReportError("not the JSON of `aisec-iac scan -o json` (expected an object or a list of objects)")
        if "results" in one:
            if not isinstance(one["results"], Mapping):
                raise ReportError("not the JSON of `aisec-iac scan -o json` (`results` is not an object)")
            reports.append(one)
        elif not {"passed", "failed", "parsing_errors"} <= one.keys():
            raise ReportError("not the JSON of `aisec-iac scan -o json` (no `results` in a report)")
    return reports


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _record(raw: Any, passed: bool, check_type: str, rules: Mapping[str, Rule]) -> Record:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("check_id"), str):
        raise ReportError(f"not the JSON of `aisec-iac scan -o json` (a {check_type} record has no check_id)")
    lines = raw.get("file_line_range")
    line = lines[0] if isinstance(lines, list) and lines and isinstance(lines[0], int) and lines[0] > 0 else None
    details = raw.get("details")
    reasons = tuple(_text(detail) for detail in details) if isinstance(details, list) else ()
    return Record(
        check_id=raw["check_id"],
        passed=passed,
        resource=_text(raw.get("resource")),
        file_path=_text(raw.get("repo_file_path") or raw.get("file_path")),
        line=line,
        check_type=check_type,
        reasons=tuple(reason for reason in reasons if reason),
        rule=rules.get(raw["check_id"]),
        scan_name=_text(raw.get("check_name")),
        scan_severity=raw.get("severity") if isinstance(raw.get("severity"), str) else None,
    )


def parse_scan(document: Any) -> ScanReport:
    """Join a parsed scan document with the catalog. Raises ``ReportError`` for anything else."""
    from policies.catalog import load_catalog

    catalog = load_catalog()
    rules = {rule.id: rule for rule in catalog}
    failed: list[Record] = []
    passed: list[Record] = []
    unreadable: list[str] = []
    skipped = 0
    check_types: list[str] = []
    version = None
    for report in _documents(document):
        check_type = _text(report.get("check_type"))
        check_types.append(check_type)
        results = report["results"]
        for key, target, verdict in (("failed_checks", failed, False), ("passed_checks", passed, True)):
            records = results.get(key) or []
            if not isinstance(records, list):
                raise ReportError(f"not the JSON of `aisec-iac scan -o json` (`{key}` is not a list)")
            target += (_record(raw, verdict, check_type, rules) for raw in records)
        skipped += len(results.get("skipped_checks") or [])
        unreadable += (_text(path) for path in results.get("parsing_errors") or [])
        summary = report.get("summary")
        if isinstance(summary, Mapping) and isinstance(summary.get("checkov_version"), str):
            version = summary["checkov_version"]
    return ScanReport(
        failed=tuple(failed),
        passed=tuple(passed),
        skipped=skipped,
        unreadable=tuple(dict.fromkeys(unreadable)),
        check_types=tuple(check_types),
        checkov_version=version,
        catalog=catalog,
    )


def load_scan(source: str | os.PathLike[str], stdin: IO[str] | None = None) -> ScanReport:
    """Read a scan's JSON from a file, or from standard input when ``source`` is ``-``."""
    try:
        if str(source) == "-":
            text = (stdin or sys.stdin).read()
            where = "standard input"
        else:
            text = Path(source).read_text(encoding="utf-8-sig")
            where = str(source)
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else type(error).__name__
        raise ReportError(f"{source}: cannot read the scan ({reason})") from error
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise ReportError(f"{where}: not JSON ({str(error).splitlines()[0] if str(error) else 'empty'})") from error
    try:
        return parse_scan(document)
    except ReportError as error:
        raise ReportError(f"{where}: {error}") from error


# -- Markdown --------------------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "|": "\\|",
        "~": "\\~",
        "\r": " ",
        "\n": " ",
        "\t": " ",
    }
)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _md(text: str, limit: int = 200) -> str:
    """Text from the scan inside a Markdown table cell: one line, no markup, no HTML, no column breaks."""
    return _shorten(text, limit).translate(_MARKDOWN_SPECIAL)


def _code(text: str, limit: int = 200) -> str:
    """Text from the scan as a Markdown code span in a table cell: shown literally (HTML included), one line,
    and a ``|`` cannot end the cell."""
    text = _shorten(text, limit).replace("|", "\\|")
    if not text:
        return ""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def render_markdown(report: ScanReport, max_findings: int = 30) -> str:
    """A summary for a pull-request comment: counts by severity, pillar and framework, the most severe failed
    checks (at most ``max_findings``, and never more than fit in a comment), and the inputs not read."""
    from policies.catalog import frameworks

    failed, passed = len(report.failed), len(report.passed)
    head = [f"## aisec-iac: {_plural(failed, 'failed check')}, {passed} passed", ""]
    facts = [f"Scanned: {', '.join(_md(kind, 40) for kind in report.check_types) or 'nothing'}"]
    if report.skipped:
        facts.append(f"{report.skipped} skipped (suppressed or baselined)")
    if report.unreadable:
        facts.append(f"**{_plural(len(report.unreadable), 'input')} could not be read**")
    if report.other_findings:
        facts.append(f"{len(report.other_findings)} of the failed checks are other checks (not in the catalog)")
    head += [" · ".join(facts), ""]

    head += ["| Severity | Failed |", "| --- | ---: |"]
    head += [f"| {severity} | {count} |" for severity, count in report.by_severity().items()]
    head += ["", "| Pillar | Failed | Passed |", "| --- | ---: | ---: |"]
    head += [f"| {pillar} | {f} | {p} |" for pillar, (f, p) in report.by_pillar().items()]
    head += ["", "| Framework | Failed checks | Items with failures | Items the catalog covers |"]
    head += ["| --- | ---: | --- | ---: |"]
    per_framework = report.failed_per_framework()
    for framework in report.coverage():
        hit = framework.items_failed
        shown = ", ".join(hit[:12]) + (f" and {len(hit) - 12} more" if len(hit) > 12 else "")
        head.append(
            f"| {frameworks()[framework.key]['title']} | {per_framework[framework.key]} "
            f"| {len(hit)}{f' ({shown})' if hit else ''} | {framework.covered} of {len(framework.items)} |"
        )
    head.append("")

    tail: list[str] = []
    if report.unreadable:
        tail += ["### Could not be read", ""]
        tail += [f"- {_code(path, 300)}" for path in report.unreadable[:MARKDOWN_MAX_UNREADABLE]]
        if len(report.unreadable) > MARKDOWN_MAX_UNREADABLE:
            tail.append(f"- and {len(report.unreadable) - MARKDOWN_MAX_UNREADABLE} more")
        tail.append("")

    findings = report.findings
    rows: list[str] = []
    if findings:
        budget = MARKDOWN_LIMIT - sum(len(line) + 1 for line in (*head, *tail)) - 1_000
        for record in findings[: max(max_findings, 0)]:
            row = (
                f"| {record.severity} | {_code(record.check_id, 60)} {_md(record.title, 140)} "
                f"| {_code(record.resource, 120)} | {_code(record.location, 160)} | {_md(record.remediation, 240)} |"
            )
            if len(row) + 1 > budget:
                break
            budget -= len(row) + 1
            rows.append(row)
    body: list[str] = []
    if findings:
        listed = "all" if len(rows) == len(findings) else f"{len(rows)} of {len(findings)}"
        body += [f"### Failed checks ({listed}, most severe first)", ""]
        if rows:
            body += ["| Severity | Check | Resource | Location | Fix |", "| --- | --- | --- | --- | --- |", *rows, ""]
        if len(rows) < len(findings):
            body += [
                f"…and {_plural(len(findings) - len(rows), 'more failed check')}: "
                "`aisec-iac report -f html` lists them all.",
                "",
            ]
    else:
        body += ["No check failed.", ""]
    return "\n".join([*head, *body, *tail]).rstrip("\n") + "\n"


# -- HTML ------------------------------------------------------------------------------------------------

SEVERITY_COLOURS = {
    "CRITICAL": "#7f1d1d",
    "HIGH": "#dc2626",
    "MEDIUM": "#f59e0b",
    "LOW": "#2563eb",
    UNRATED: "#6b7280",
}
FAILED_COLOUR, PASSED_COLOUR = "#dc2626", "#16a34a"

_STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #111827; background: #ffffff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 2px solid #e5e7eb; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
.muted { color: #4b5563; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { border-radius: 8px; padding: 10px 16px; min-width: 120px; color: #ffffff; }
.card b { display: block; font-size: 26px; }
.card.total { background: #111827; }
.card.passed { background: #16a34a; }
.card.unreadable { background: #6b21a8; }
.card.skipped { background: #4b5563; }
.charts { display: flex; flex-wrap: wrap; gap: 32px; }
.charts figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg text { font: 12px system-ui, sans-serif; fill: #111827; }
table { border-collapse: collapse; margin: 6px 0 12px; width: 100%; }
th, td { border: 1px solid #e5e7eb; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px;
  overflow-wrap: anywhere; }
.sev { display: inline-block; min-width: 74px; text-align: center; border-radius: 4px; color: #ffffff;
  font-weight: 600; font-size: 12px; padding: 0 6px; }
.matrix td:first-child { white-space: nowrap; }
table.findings td.mono { min-width: 14em; }
.matrix td.status-failed { background: #fee2e2; }
.matrix td.status-passed { background: #dcfce7; }
.matrix td.status-not-run { background: #f3f4f6; }
.matrix td.status-uncovered { background: #ffffff; color: #6b7280; }
details > summary { cursor: pointer; font-weight: 600; margin: 8px 0; }
.legend span { display: inline-block; padding: 0 8px; margin-right: 8px; border: 1px solid #e5e7eb; }
"""


def _e(value: object) -> str:
    """Escaped for HTML text and double-quoted attribute values."""
    return html.escape(str(value), quote=True)


def _attrs(**values: object) -> str:
    return "".join(f' data-{name.replace("_", "-")}="{_e(value)}"' for name, value in values.items())


def _bar_chart(chart_id: str, label: str, rows: Sequence[tuple[str, Sequence[tuple[int, str, str]]]]) -> str:
    """A horizontal bar chart as inline SVG: one row per label, each a stack of ``(count, colour, part)``."""
    label_width, bar_width, row_height, pad = 130, 300, 26, 6
    largest = max((sum(count for count, _, _ in parts) for _, parts in rows), default=0) or 1
    height = len(rows) * row_height + pad
    out = [
        f'<svg id="{chart_id}" width="{label_width + bar_width + 60}" height="{height}" role="img" '
        f'aria-label="{_e(label)}">'
    ]
    for index, (name, parts) in enumerate(rows):
        y = pad + index * row_height
        total = sum(count for count, _, _ in parts)
        out.append(f'<text x="{label_width - 8}" y="{y + 14}" text-anchor="end">{_e(name)}</text>')
        x = float(label_width)
        for count, colour, part in parts:
            if not count:
                continue
            width = max(bar_width * count / largest, 2.0)
            out.append(
                f'<rect class="bar" x="{x:.1f}" y="{y}" width="{width:.1f}" height="{row_height - 8}" '
                f'fill="{colour}"{_attrs(label=name, part=part, count=count)}><title>{_e(name)}: {count} {_e(part)}'
                "</title></rect>"
            )
            x += width
        out.append(f'<text x="{x + 6:.1f}" y="{y + 14}">{total}</text>')
    out.append("</svg>")
    return "".join(out)


def _severity_badge(severity: str) -> str:
    return f'<span class="sev" style="background:{SEVERITY_COLOURS[severity]}">{_e(severity)}</span>'


def _findings_table(records: Iterable[Record]) -> str:
    rows = []
    for record in records:
        reasons = "<br>".join(_e(reason) for reason in record.reasons)
        rows.append(
            f'<tr class="finding"{_attrs(check_id=record.check_id, severity=record.severity, pillar=record.pillar)}>'
            f"<td>{_severity_badge(record.severity)}</td>"
            f"<td><code>{_e(record.check_id)}</code><br>{_e(record.title)}</td>"
            f'<td class="mono">{_e(record.resource)}</td>'
            f'<td class="mono">{_e(record.location)}</td>'
            f"<td>{reasons}</td>"
            f"<td>{_e(record.remediation)}</td></tr>"
        )
    return (
        '<table class="findings"><thead><tr><th>Severity</th><th>Check</th><th>Resource</th><th>Location</th>'
        "<th>Why</th>"
        f"<th>Fix</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _coverage_section(report: ScanReport) -> str:
    from policies.catalog import frameworks

    parts = [
        '<section id="coverage"><h2>Coverage matrix</h2>',
        '<p class="muted">Each framework item against the catalog: the rules that map to it, and how those rules '
        "did in this scan (a rule failed if any of its checks failed; passed if it ran and never failed).</p>",
        '<p class="legend"><span class="status-failed" style="background:#fee2e2">failed</span>'
        '<span style="background:#dcfce7">passed</span><span style="background:#f3f4f6">not run in this scan</span>'
        "<span>no rule maps to it</span></p>",
    ]
    known = frameworks()
    for framework in report.coverage():
        parts.append(
            f'<h3>{_e(known[framework.key]["title"])} <span class="muted">({framework.covered} of '
            f"{len(framework.items)} items covered)</span></h3>"
        )
        parts.append(
            f'<table class="matrix"{_attrs(framework=framework.key, covered=framework.covered)}><thead><tr>'
            "<th>Item</th><th>Title</th><th>Catalog rules</th><th>Failed rules</th><th>Passed rules</th>"
            "<th>Not run</th><th>Failed checks</th><th>Passed checks</th></tr></thead><tbody>"
        )
        for item in framework.items:
            not_run = len(item.rules) - len(item.failed_rules) - len(item.passed_rules)
            attrs = _attrs(
                framework=item.framework,
                item=item.item,
                status=item.status,
                rules=len(item.rules),
                failed_rules=len(item.failed_rules),
                passed_rules=len(item.passed_rules),
                failed_checks=item.failed_checks,
                passed_checks=item.passed_checks,
            )
            rule_list = ", ".join(item.rules) if item.rules else "none"
            parts.append(
                f'<tr class="coverage"{attrs}><td class="status-{item.status}"><code>{_e(item.item)}</code></td>'
                f"<td>{_e(item.title)}</td>"
                f'<td class="n" title="{_e(rule_list)}">{len(item.rules)}</td>'
                f'<td class="n" title="{_e(", ".join(item.failed_rules))}">{len(item.failed_rules)}</td>'
                f'<td class="n">{len(item.passed_rules)}</td><td class="n">{not_run}</td>'
                f'<td class="n">{item.failed_checks}</td><td class="n">{item.passed_checks}</td></tr>'
            )
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "".join(parts)


def render_html(report: ScanReport) -> str:
    """One self-contained page: totals, charts (inline SVG), counts by severity, pillar and framework, the
    coverage matrix, every failed check, the other checks, the inputs not read and every check that ran."""
    from policies import __version__
    from policies.catalog import frameworks

    failed, passed = len(report.failed), len(report.passed)
    severities = report.by_severity()
    pillars = report.by_pillar()
    known = frameworks()
    totals = _attrs(
        failed=failed,
        passed=passed,
        skipped=report.skipped,
        unreadable=len(report.unreadable),
        other_failed=len(report.other_findings),
    )
    body = [
        "<header><h1>aisec-iac report</h1>",
        f'<p class="muted">Scanned: {_e(", ".join(report.check_types) or "nothing")} · aisec-iac {_e(__version__)}'
        f"{f' · checkov {_e(report.checkov_version)}' if report.checkov_version else ''} · "
        f"{len(report.catalog)} rules in the catalog</p>",
        f'<div class="cards" id="totals"{totals}>',
        f'<div class="card total"><b>{failed}</b>failed checks</div>',
        f'<div class="card passed"><b>{passed}</b>passed checks</div>',
    ]
    if report.skipped:
        body.append(f'<div class="card skipped"><b>{report.skipped}</b>skipped (suppressed or baselined)</div>')
    if report.unreadable:
        body.append(f'<div class="card unreadable"><b>{len(report.unreadable)}</b>inputs not read</div>')
    body += [
        f'<div class="card" style="background:{SEVERITY_COLOURS[severity]}"{_attrs(severity=severity, failed=count)}>'
        f"<b>{count}</b>{_e(severity)}</div>"
        for severity, count in severities.items()
    ]
    body.append("</div></header>")

    body.append('<section id="charts" class="charts">')
    body.append(
        "<figure><figcaption>Failed checks by severity</figcaption>"
        + _bar_chart(
            "chart-severity",
            "Failed checks by severity",
            [(s, [(count, SEVERITY_COLOURS[s], "failed")]) for s, count in severities.items()],
        )
        + "</figure>"
    )
    body.append(
        "<figure><figcaption>Checks by pillar: failed and passed</figcaption>"
        + _bar_chart(
            "chart-pillar",
            "Checks by pillar, failed and passed",
            [(p, [(f, FAILED_COLOUR, "failed"), (ok, PASSED_COLOUR, "passed")]) for p, (f, ok) in pillars.items()],
        )
        + "</figure>"
    )
    body.append("</section>")

    body.append('<section id="by-severity"><h2>By severity</h2><table><thead><tr><th>Severity</th><th>Failed</th>')
    body.append("<th>Passed</th></tr></thead><tbody>")
    passed_by_severity = Counter(record.severity for record in report.passed)
    for severity, count in severities.items():
        body.append(
            f'<tr class="severity"{_attrs(severity=severity, failed=count, passed=passed_by_severity[severity])}>'
            f'<td>{_severity_badge(severity)}</td><td class="n">{count}</td>'
            f'<td class="n">{passed_by_severity[severity]}</td></tr>'
        )
    body.append("</tbody></table></section>")

    body.append('<section id="by-pillar"><h2>By pillar</h2><table><thead><tr><th>Pillar</th><th>Failed</th>')
    body.append("<th>Passed</th></tr></thead><tbody>")
    for pillar, (f, ok) in pillars.items():
        body.append(
            f'<tr class="pillar"{_attrs(pillar=pillar, failed=f, passed=ok)}><td>{_e(pillar)}</td>'
            f'<td class="n">{f}</td><td class="n">{ok}</td></tr>'
        )
    body.append("</tbody></table></section>")

    body.append('<section id="by-framework"><h2>By framework</h2><table><thead><tr><th>Framework</th>')
    body.append(
        "<th>Failed checks</th><th>Items with failures</th><th>Items the catalog covers</th></tr></thead><tbody>"
    )
    per_framework = report.failed_per_framework()
    for framework in report.coverage():
        hit = framework.items_failed
        attrs = _attrs(
            framework=framework.key,
            failed=per_framework[framework.key],
            items_failed=len(hit),
            covered=framework.covered,
            items=len(framework.items),
        )
        body.append(
            f'<tr class="framework"{attrs}><td>{_e(known[framework.key]["title"])}</td>'
            f'<td class="n">{per_framework[framework.key]}</td><td>{len(hit)}{": " if hit else ""}'
            f'<span class="mono">{_e(", ".join(hit))}</span></td>'
            f'<td class="n">{framework.covered} of {len(framework.items)}</td></tr>'
        )
    body.append("</tbody></table></section>")

    body.append(_coverage_section(report))

    body.append(f'<section id="findings"><h2>Failed checks ({len(report.pack_findings)})</h2>')
    if not report.pack_findings:
        body.append("<p>No check of the catalog failed.</p>")
    for severity in SEVERITIES:
        records = [record for record in report.pack_findings if record.severity == severity]
        if records:
            body.append(
                f"<details open{_attrs(severity=severity, count=len(records))}><summary>{_e(severity)} "
                f"({len(records)})</summary>{_findings_table(records)}</details>"
            )
    body.append("</section>")

    if report.other_findings:
        body.append(
            f'<section id="other-checks"><h2>Other checks ({len(report.other_findings)} failed)</h2>'
            '<p class="muted">Checks that are not in the catalog (Checkov\'s built-ins): name and severity as '
            "the scan reported them.</p>"
            f"{_findings_table(report.other_findings)}</section>"
        )

    if report.unreadable:
        items = "".join(f'<li class="mono unreadable">{_e(path)}</li>' for path in report.unreadable)
        body.append(
            f'<section id="unreadable"><h2>Inputs that could not be read ({len(report.unreadable)})</h2>'
            f"<ul>{items}</ul></section>"
        )

    rows = "".join(
        f'<tr class="check"{_attrs(check_id=check_id, failed=f, passed=ok)}><td><code>{_e(check_id)}</code></td>'
        f'<td>{_e(title)}</td><td class="n">{f}</td><td class="n">{ok}</td></tr>'
        for check_id, title, f, ok in report.by_rule()
    )
    body.append(
        '<section id="checks"><h2>Every check that ran</h2><table><thead><tr><th>Check</th><th>Title</th>'
        f"<th>Failed</th><th>Passed</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )

    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        # Nothing on this page runs or loads: no script, no request, whatever a scanned file contains.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>aisec-iac report: {_plural(failed, 'failed check')}, {passed} passed</title>"
        f"<style>{_STYLE}</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


# -- command ---------------------------------------------------------------------------------------------


def _error(message: str) -> None:
    print(f"aisec-iac: error: {message}", file=sys.stderr)


def _write(text: str, output: str | None) -> int:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as error:
            _error(f"{output}: cannot write the report ({error.strerror or type(error).__name__})")
            return EXIT_ERROR
        return EXIT_OK
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as error:
        # A closed pipe or a full disk: one line, and let the interpreter's final flush go nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if not isinstance(error, BrokenPipeError):
            _error(f"cannot write the report ({error.strerror or type(error).__name__})")
        return EXIT_ERROR
    return EXIT_OK


def write_html_report(scan_json: str, output: str) -> int:
    """``aisec-iac scan --report-html FILE``: the page of the scan just run, from its JSON report. Returns 0,
    or 2 after one error line when the page cannot be written."""
    try:
        report = parse_scan(json.loads(scan_json))
    except (ValueError, ReportError) as error:  # not expected from the scan's own JSON; one line all the same
        _error(f"--report-html: {error}")
        return EXIT_ERROR
    return _write(render_html(report), output)


def run_report(source: str, output_format: str = "markdown", output: str | None = None, max_findings: int = 30) -> int:
    """``aisec-iac report``: 0 when the report was written, 2 when the scan could not be read or the report
    not written. Findings do not change the exit code (the scan's exit code says whether checks failed)."""
    if max_findings < 0:
        _error(f"--max-findings {max_findings}: expected 0 or more")
        return EXIT_ERROR
    try:
        report = load_scan(source)
    except ReportError as error:
        _error(str(error))
        return EXIT_ERROR
    text = render_html(report) if output_format == "html" else render_markdown(report, max_findings)
    return _write(text, output)
