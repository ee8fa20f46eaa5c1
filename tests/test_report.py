"""``aisec-iac report``: the Markdown summary and the HTML page tell exactly what the scan's JSON says.

The reference stack is scanned once by the real CLI; every count the reports show is compared with counts
taken from that JSON and the catalog here, independently of ``policies.report``. The HTML page is rendered by
a real headless Chromium: the test reads the counts back from the browser's DOM and checks that the
screenshot shows the charts. Text from the scan is hostile in one real scan (a Kubernetes object named
``<script>...``, a file named ``<img ...>.tf``) and must come out as text.

The browser tests need Chromium (Debian: ``apt-get install chromium``; another binary: ``AISEC_IAC_BROWSER``).
Without it they fail; ``AISEC_IAC_SKIP_BROWSER_TESTS=1`` deselects them explicitly.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from policies.catalog import frameworks, load_catalog
from policies.cli import main
from policies.report import SEVERITY_COLOURS, load_scan, render_html, render_markdown

REPO = Path(__file__).resolve().parents[1]
PLATFORM = REPO / "terraform_examples" / "insecure_ai_platform"
RULES = {rule.id: rule for rule in load_catalog()}
SEVERITY_ORDER = ("CRITICAL", "HIGH", "MEDIUM", "LOW", "UNRATED")
WINDOW = (1200, 1400)

BROWSER_ENV = "AISEC_IAC_BROWSER"
SKIP_BROWSER_ENV = "AISEC_IAC_SKIP_BROWSER_TESTS"

SCRIPT_NAME = "<script>document.body.setAttribute('data-pwned','1')</script>"
IMG_NAMESPACE = "<img src=x onerror=alert(1)>|`x`"
IMG_FILE = "<img src=x onerror=alert(2)>.tf"
HOSTILE_MANIFEST = f"""
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {json.dumps(SCRIPT_NAME)}
  namespace: {json.dumps(IMG_NAMESPACE)}
spec:
  selector:
    matchLabels: {{app: x}}
  template:
    metadata:
      labels: {{app: x}}
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.0
          securityContext:
            privileged: true
"""
# Two rules of the pack and two of Checkov's built-ins, all failing on the privileged container.
HOSTILE_CHECKS = ("CKV_AISEC_100", "CKV_AISEC_102", "CKV_K8S_16", "CKV_K8S_20")


def aisec_iac(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    executable = shutil.which("aisec-iac", path=str(Path(sys.executable).parent))
    assert executable, "the aisec-iac console script is not installed next to this Python"
    return subprocess.run(
        [executable, *args], input=stdin, capture_output=True, text=True, timeout=600, cwd=REPO, check=False
    )


# -- what the scan's JSON says, counted here --------------------------------------------------------------


def records(document: Any, key: str) -> list[dict[str, Any]]:
    reports = document if isinstance(document, list) else [document]
    return [record for report in reports for record in report.get("results", {}).get(key, [])]


def severity_of(record: dict[str, Any]) -> str:
    rule = RULES.get(record["check_id"])
    if rule is not None:
        return rule.severity
    return record["severity"] if record.get("severity") in SEVERITY_ORDER else "UNRATED"


def pillar_of(record: dict[str, Any]) -> str:
    rule = RULES.get(record["check_id"])
    return rule.pillar if rule is not None else "other checks"


def expected_coverage(document: Any) -> dict[tuple[str, str], dict[str, int]]:
    failed = Counter(record["check_id"] for record in records(document, "failed_checks"))
    passed = Counter(record["check_id"] for record in records(document, "passed_checks"))
    expected = {}
    for key, framework in frameworks().items():
        for item in framework["ids"]:
            mapped = [rule_id for rule_id, rule in RULES.items() if item in rule.frameworks.get(key, ())]
            expected[(key, str(item))] = {
                "rules": len(mapped),
                "failed-rules": sum(1 for rule in mapped if failed[rule]),
                "passed-rules": sum(1 for rule in mapped if passed[rule] and not failed[rule]),
                "failed-checks": sum(failed[rule] for rule in mapped),
                "passed-checks": sum(passed[rule] for rule in mapped),
            }
    return expected


# -- the reference stack, scanned once -------------------------------------------------------------------


@pytest.fixture(scope="module")
def platform_scan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """The JSON of one scan of the reference stack; the same run writes its page with --report-html."""
    folder = tmp_path_factory.mktemp("platform")
    scan = ("scan", str(PLATFORM.relative_to(REPO)), "-o", "json", "--soft-fail")
    result = aisec_iac(*scan, "--report-html", str(folder / "scan-page.html"))
    assert result.returncode == 0, result.stderr
    path = folder / "scan.json"
    path.write_text(result.stdout, encoding="utf-8")
    document = json.loads(result.stdout)
    assert records(document, "failed_checks") and records(document, "passed_checks")
    return path, document


@pytest.fixture(scope="module")
def hostile_scan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """A real scan whose resource names and file names are markup, with one file that does not parse."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "deploy.yaml").write_text(HOSTILE_MANIFEST, encoding="utf-8")
    (folder / IMG_FILE).write_text('resource "aws_kms_key" "k" {\n  enable_key_rotation =\n', encoding="utf-8")
    result = aisec_iac("scan", str(folder), "-o", "json", "--include-builtin", "--check", ",".join(HOSTILE_CHECKS))
    assert result.returncode == 2, result.stderr  # the .tf file cannot be read
    path = folder.parent / "hostile-scan.json"
    path.write_text(result.stdout, encoding="utf-8")
    return path, json.loads(result.stdout)


# -- Markdown --------------------------------------------------------------------------------------------


def markdown_table(text: str, header: str) -> list[list[str]]:
    lines = text.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith(f"| {header} |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]])
    return rows


def test_markdown_counts_equal_the_scan(platform_scan: tuple[Path, Any], capsys: pytest.CaptureFixture[str]) -> None:
    path, document = platform_scan
    assert main(["report", str(path)]) == 0
    text = capsys.readouterr().out
    failed, passed = records(document, "failed_checks"), records(document, "passed_checks")

    assert text.startswith(f"## aisec-iac: {len(failed)} failed checks, {len(passed)} passed\n")
    severities = Counter(severity_of(record) for record in failed)
    assert {row[0]: int(row[1]) for row in markdown_table(text, "Severity")} == {
        severity: severities[severity] for severity in SEVERITY_ORDER[:4]
    }
    failed_pillars, passed_pillars = Counter(map(pillar_of, failed)), Counter(map(pillar_of, passed))
    assert {row[0]: (int(row[1]), int(row[2])) for row in markdown_table(text, "Pillar")} == {
        pillar: (failed_pillars[pillar], passed_pillars[pillar])
        for pillar in ("encryption", "network", "iam", "container", "endpoint", "monitoring")
    }
    coverage = expected_coverage(document)
    framework_rows = {row[0]: row for row in markdown_table(text, "Framework")}
    for key, framework in frameworks().items():
        row = framework_rows[framework["title"]]
        assert int(row[1]) == sum(1 for record in failed if RULES[record["check_id"]].frameworks.get(key))
        hit = [item for (fw, item), counts in coverage.items() if fw == key and counts["failed-rules"]]
        assert row[2].split(" ")[0] == str(len(hit))
        covered = sum(1 for (fw, _), counts in coverage.items() if fw == key and counts["rules"])
        assert row[3] == f"{covered} of {len(framework['ids'])}"

    # The findings list: capped at 30, most severe first, the rest counted.
    listed = markdown_table(text, "Severity | Check")
    assert len(failed) > 30 and len(listed) == 30
    assert f"### Failed checks (30 of {len(failed)}, most severe first)" in text
    assert f"…and {len(failed) - 30} more failed checks" in text
    ranks = [SEVERITY_ORDER.index(row[0]) for row in listed]
    assert ranks == sorted(ranks)
    assert Counter(row[0] for row in listed) == Counter(
        sorted((severity_of(record) for record in failed), key=SEVERITY_ORDER.index)[:30]
    )
    first = listed[0]
    rule = RULES[first[1].split("`")[1]]
    assert first[0] == rule.severity and rule.title in first[1]
    assert rule.remediation["summary"].strip().replace("_", "\\_").replace("*", "\\*")[:80] in first[4]
    assert len(text) < 65_536


def test_markdown_cap_is_an_option_and_everything_can_be_listed(
    platform_scan: tuple[Path, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path, document = platform_scan
    failed = records(document, "failed_checks")
    assert main(["report", str(path), "--max-findings", str(len(failed))]) == 0
    text = capsys.readouterr().out
    assert len(markdown_table(text, "Severity | Check")) == len(failed)
    assert "### Failed checks (all, most severe first)" in text and "more failed check" not in text
    assert main(["report", str(path), "--max-findings", "0"]) == 0
    text = capsys.readouterr().out
    assert "| Severity | Check |" not in text and f"…and {len(failed)} more failed checks" in text


def test_markdown_shows_hostile_text_literally_and_lists_what_was_not_read(
    hostile_scan: tuple[Path, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = hostile_scan
    assert main(["report", str(path)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("## aisec-iac: 4 failed checks, 0 passed\n")
    assert "**1 input could not be read**" in text
    assert "2 of the failed checks are other checks (not in the catalog)" in text
    severities = Counter({"CRITICAL": 0, "HIGH": 0, "MEDIUM": 0, "LOW": 0, "UNRATED": 2})
    severities.update(RULES[rule].severity for rule in HOSTILE_CHECKS[:2])
    assert {row[0]: int(row[1]) for row in markdown_table(text, "Severity")} == severities
    assert markdown_table(text, "Pillar")[-1] == ["other checks", "2", "0"]
    listed = markdown_table(text, "Severity | Check")
    assert [row[0] for row in listed] == [
        *sorted((RULES[rule].severity for rule in HOSTILE_CHECKS[:2]), key=SEVERITY_ORDER.index),
        "UNRATED",
        "UNRATED",
    ]
    resource = f"Deployment.{IMG_NAMESPACE}.{SCRIPT_NAME}".replace("|", "\\|")
    # In a code span (shown literally, HTML included) whose fence is longer than the name's backticks.
    assert all(row[2] == f"``{resource}``" for row in listed)
    assert sorted(row[1].split("`")[1] for row in listed[:2]) == ["CKV_AISEC_100", "CKV_AISEC_102"]
    assert [row[1].split("`")[1] for row in listed[2:]] == ["CKV_K8S_16", "CKV_K8S_20"]
    assert "### Could not be read" in text and f"{IMG_FILE}`" in text
    # Outside code spans, no tag survives.
    assert "<img" not in re.sub(r"(`+).*?\1", "", text) and "<script" not in re.sub(r"(`+).*?\1", "", text)


def test_cli_reads_stdin_writes_a_file_and_refuses_what_is_not_a_scan(
    platform_scan: tuple[Path, Any], tmp_path: Path
) -> None:
    path, _ = platform_scan
    out = tmp_path / "summary.md"
    piped = aisec_iac("report", "-", "-o", str(out), stdin=path.read_text(encoding="utf-8"))
    assert piped.returncode == 0 and piped.stdout == "" and piped.stderr == ""
    assert out.read_text(encoding="utf-8") == render_markdown(load_scan(path))

    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    (tmp_path / "sarif.json").write_text(json.dumps({"version": "2.1.0", "runs": []}), encoding="utf-8")
    for name, message in (
        ("missing.json", "cannot read the scan"),
        ("broken.json", "not JSON"),
        ("sarif.json", "not the JSON of `aisec-iac scan -o json`"),
    ):
        result = aisec_iac("report", str(tmp_path / name))
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr


def test_a_scan_that_found_nothing_reports_no_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "main.tf").write_text('variable "region" {}\n', encoding="utf-8")
    scan = aisec_iac("scan", str(tmp_path), "-o", "json")
    assert scan.returncode == 0, scan.stderr
    (tmp_path / "scan.json").write_text(scan.stdout, encoding="utf-8")
    assert main(["report", str(tmp_path / "scan.json")]) == 0
    text = capsys.readouterr().out
    assert text.startswith("## aisec-iac: 0 failed checks, 0 passed\n") and "No check failed." in text
    assert main(["report", str(tmp_path / "scan.json"), "-f", "html"]) == 0
    assert 'data-failed="0" data-passed="0"' in capsys.readouterr().out


# -- HTML in a real browser ------------------------------------------------------------------------------


def find_browser() -> str:
    if os.environ.get(SKIP_BROWSER_ENV) == "1":
        pytest.skip(f"browser tests deselected by {SKIP_BROWSER_ENV}=1")
    for candidate in (os.environ.get(BROWSER_ENV), "chromium", "chromium-browser", "google-chrome"):
        found = candidate and shutil.which(candidate)
        if found:
            return found
    pytest.fail(
        "no headless Chromium to render the HTML report: install it (Debian: apt-get install chromium), "
        f"name the binary in {BROWSER_ENV}, or deselect the browser tests with {SKIP_BROWSER_ENV}=1"
    )


def render_in_browser(page: Path, screenshot: Path) -> str:
    """Chromium loads the page from disk, writes a screenshot of the window and prints the DOM it built."""
    profile = screenshot.parent / "chromium-profile"
    result = subprocess.run(
        [
            find_browser(),
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--window-size={WINDOW[0]},{WINDOW[1]}",
            f"--screenshot={screenshot}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0 and screenshot.is_file(), result.stderr[-2000:]
    assert "</html>" in result.stdout, result.stderr[-2000:]
    return result.stdout


class Elements(HTMLParser):
    """Every start tag of a document with its attributes, and its text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def having(self, tag: str, **wanted: str) -> list[dict[str, str]]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and all(attrs.get(key.replace("_", "-")) == value for key, value in wanted.items())
        ]


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """``(width, height, rows of RGB bytes)`` of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = zlib.decompress(idat)
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        previous = line
        rows.append(bytes(line) if channels == 3 else bytes(b for i, b in enumerate(line) if i % 4 != 3))  # RGB
    return width, height, rows


@pytest.fixture(scope="module")
def platform_page(platform_scan: tuple[Path, Any]) -> tuple[str, str, bytes]:
    """``(the page, the DOM Chromium built from it, its screenshot)`` of the reference stack's report."""
    path, _ = platform_scan
    page = path.parent / "report.html"
    result = aisec_iac("report", str(path), "-f", "html", "-o", str(page))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert page.read_bytes() == (path.parent / "scan-page.html").read_bytes()  # scan --report-html: the same page
    screenshot = path.parent / "report.png"
    dom = render_in_browser(page, screenshot)
    return page.read_text(encoding="utf-8"), dom, screenshot.read_bytes()


def test_html_is_self_contained_without_javascript(platform_page: tuple[str, str, bytes]) -> None:
    page, _, _ = platform_page
    elements = Elements(page)
    tags = {tag for tag, _ in elements.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base", "form"}
    assert {"svg", "rect", "style", "table"} <= tags
    for _, attrs in elements.tags:
        assert not any(name.startswith("on") or name in {"src", "href", "action"} for name in attrs), attrs
    assert "url(" not in page and "@import" not in page and "javascript:" not in page


def test_html_counts_in_the_browser_equal_the_scan(
    platform_scan: tuple[Path, Any], platform_page: tuple[str, str, bytes]
) -> None:
    _, document = platform_scan
    _, dom, _ = platform_page
    elements = Elements(dom)
    failed, passed = records(document, "failed_checks"), records(document, "passed_checks")

    (totals,) = elements.having("div", id="totals")
    assert (totals["data-failed"], totals["data-passed"]) == (str(len(failed)), str(len(passed)))
    assert (totals["data-unreadable"], totals["data-other-failed"]) == ("0", "0")

    severities, passed_severities = Counter(map(severity_of, failed)), Counter(map(severity_of, passed))
    shown = {
        row["data-severity"]: (row["data-failed"], row["data-passed"])
        for row in elements.having("tr")
        if "severity" in row.get("class", "").split()
    }
    assert shown == {s: (str(severities[s]), str(passed_severities[s])) for s in SEVERITY_ORDER[:4]}
    bars = {
        bar["data-label"]: bar["data-count"]
        for bar in elements.having("rect", data_part="failed")
        if bar["data-label"] in SEVERITY_ORDER
    }
    assert bars == {s: str(severities[s]) for s in SEVERITY_ORDER[:4] if severities[s]}

    failed_pillars, passed_pillars = Counter(map(pillar_of, failed)), Counter(map(pillar_of, passed))
    pillars = {
        row["data-pillar"]: (int(row["data-failed"]), int(row["data-passed"]))
        for row in elements.having("tr")
        if row.get("class") == "pillar"
    }
    assert pillars == {p: (failed_pillars[p], passed_pillars[p]) for p in {rule.pillar for rule in RULES.values()}}

    coverage = expected_coverage(document)
    matrix = {
        (row["data-framework"], row["data-item"]): {
            key: int(row[f"data-{key}"])
            for key in ("rules", "failed-rules", "passed-rules", "failed-checks", "passed-checks")
        }
        for row in elements.having("tr")
        if row.get("class") == "coverage"
    }
    assert matrix == coverage

    findings = [row for row in elements.having("tr") if row.get("class") == "finding"]
    assert Counter(row["data-check-id"] for row in findings) == Counter(record["check_id"] for record in failed)
    ranks = [SEVERITY_ORDER.index(row["data-severity"]) for row in findings]
    assert ranks == sorted(ranks)
    checks = {
        row["data-check-id"]: (int(row["data-failed"]), int(row["data-passed"]))
        for row in elements.having("tr")
        if row.get("class") == "check"
    }
    ran = Counter(record["check_id"] for record in failed), Counter(record["check_id"] for record in passed)
    assert checks == {check: (ran[0][check], ran[1][check]) for check in ran[0].keys() | ran[1].keys()}


def test_html_screenshot_shows_the_charts(
    platform_scan: tuple[Path, Any], platform_page: tuple[str, str, bytes]
) -> None:
    _, document = platform_scan
    _, _, png = platform_page
    width, height, rows = decode_png(png)
    assert (width, height) == WINDOW
    pixels = Counter(row[i : i + 3] for row in rows for i in range(0, len(row), 3))
    white = pixels[b"\xff\xff\xff"]
    assert 1 - white / (width * height) > 0.10, "the page is (nearly) blank"
    assert len(pixels) > 100, "too few colours for text, cards and charts"
    severities = Counter(map(severity_of, records(document, "failed_checks")))
    for severity in severities:
        colour = bytes.fromhex(SEVERITY_COLOURS[severity][1:])
        assert pixels[colour] > 500, f"no {severity} card or bar in the screenshot"


def test_hostile_text_is_escaped_in_the_page_and_in_the_browser(hostile_scan: tuple[Path, Any], tmp_path: Path) -> None:
    path, document = hostile_scan
    assert {record["resource"] for record in records(document, "failed_checks")} == {
        f"Deployment.{IMG_NAMESPACE}.{SCRIPT_NAME}"
    }
    page = render_html(load_scan(path))
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;document.body.setAttribute(&#x27;data-pwned&#x27;,&#x27;1&#x27;)&lt;/script&gt;" in page
    (tmp_path / "report.html").write_text(page, encoding="utf-8")
    dom = render_in_browser(tmp_path / "report.html", tmp_path / "report.png")
    elements = Elements(dom)
    assert not {tag for tag, _ in elements.tags} & {"script", "img"}
    assert not any("data-pwned" in attrs for _, attrs in elements.tags)
    text = "".join(elements.text)
    assert text.count(f"Deployment.{IMG_NAMESPACE}.{SCRIPT_NAME}") == 4
    assert IMG_FILE in text
    (totals,) = elements.having("div", id="totals")
    assert (totals["data-failed"], totals["data-unreadable"], totals["data-other-failed"]) == ("4", "1", "2")
    others = [
        row for row in elements.having("tr") if row.get("class") == "finding" and row["data-pillar"] == "other checks"
    ]
    assert sorted(row["data-check-id"] for row in others) == ["CKV_K8S_16", "CKV_K8S_20"]
    assert {row["data-severity"] for row in others} == {"UNRATED"}


def test_baselined_findings_are_counted_as_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    module = tmp_path / "module"
    module.mkdir()
    (module / "main.tf").write_text('resource "aws_kms_key" "data" {\n  enable_key_rotation = false\n}\n')
    baseline = tmp_path / "baseline.json"
    first = aisec_iac("scan", str(module), "--check", "CKV_AISEC_4", "--create-baseline", str(baseline), "-o", "json")
    assert first.returncode == 1, first.stderr
    second = aisec_iac("scan", str(module), "--check", "CKV_AISEC_4", "--baseline", str(baseline), "-o", "json")
    assert second.returncode == 0, second.stderr
    (tmp_path / "scan.json").write_text(second.stdout, encoding="utf-8")
    assert main(["report", str(tmp_path / "scan.json")]) == 0
    text = capsys.readouterr().out
    assert text.startswith("## aisec-iac: 0 failed checks, 0 passed\n\nScanned: terraform · 1 skipped (suppressed")
    assert "No check failed." in text
    assert main(["report", str(tmp_path / "scan.json"), "-f", "html"]) == 0
    assert 'data-failed="0" data-passed="0" data-skipped="1"' in capsys.readouterr().out
