"""CHANGELOG.md records every rule of the catalog, and every retired ID, so an upgrade holds no surprise."""

from __future__ import annotations

import re

from policies.catalog import load_catalog
from policies.rule_ids import retired_ids
from tests.scanning import REPO_ROOT

CHANGELOG = (REPO_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
MENTIONED = set(re.findall(r"\bCKV2?_AISEC_\d+\b", CHANGELOG))


def test_every_rule_is_recorded() -> None:
    assert {rule.id for rule in load_catalog()} - MENTIONED == set()


def test_every_retired_id_is_recorded_and_no_unknown_id_is_named() -> None:
    assert retired_ids() <= MENTIONED
    assert MENTIONED - {rule.id for rule in load_catalog()} - retired_ids() == set()
