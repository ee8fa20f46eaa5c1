"""Generated documents match the catalog, and CI runs exactly the README's test command."""

from __future__ import annotations

import re

from policies.catalog import load_catalog
from policies.docs import README, RULES_DOC, readme_with_table, rules_document
from tests.scanning import REPO_ROOT


def test_rules_doc_is_generated_from_the_catalog() -> None:
    assert RULES_DOC.read_text(encoding="utf-8") == rules_document(load_catalog()), "run: python -m policies.docs"


def test_readme_rule_table_is_generated_from_the_catalog() -> None:
    readme = README.read_text(encoding="utf-8")
    assert readme == readme_with_table(readme, load_catalog()), "run: python -m policies.docs"
    for rule in load_catalog():
        assert rule.id in readme


def _bash_blocks(markdown: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", markdown, re.DOTALL)]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme_blocks = _bash_blocks(README.read_text(encoding="utf-8"))
    test_command = next(block for block in readme_blocks if "pytest" in block)
    ci_script = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci_script.strip().splitlines()[-1] == test_command


def test_readme_quick_start_scans_the_bundled_insecure_stack() -> None:
    quick_start = _bash_blocks(README.read_text(encoding="utf-8"))[0]
    path = quick_start.rsplit(" ", 1)[-1]
    assert (REPO_ROOT / path / "main.tf").is_file()
