"""Rule IDs stay stable: no rule uses a retired ID, and the next free ID is above all used and retired."""

from __future__ import annotations

import re

import pytest

from policies import rule_ids
from policies.catalog import load_catalog


def test_no_rule_uses_a_retired_id() -> None:
    assert {rule.id for rule in load_catalog()} & rule_ids.retired_ids() == set()


def test_every_id_belongs_to_its_family() -> None:
    for rule in load_catalog():
        assert re.fullmatch(rf"{rule_ids.PREFIXES[rule.kind]}\d+", rule.id), rule.id


def test_next_free_is_above_every_used_and_retired_id(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rule_ids, "retired_ids", lambda: frozenset({"CKV_AISEC_40", "CKV2_AISEC_9"}))
    assert rule_ids.next_free("resource", ["CKV_AISEC_1", "CKV_AISEC_12", "CKV2_AISEC_30"]) == "CKV_AISEC_41"
    assert rule_ids.next_free("connection", ["CKV_AISEC_1", "CKV2_AISEC_3"]) == "CKV2_AISEC_10"
    assert rule_ids.next_free("connection", []) == "CKV2_AISEC_10"


def test_the_command_prints_the_next_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert rule_ids.main(["next", "resource"]) == 0
    printed = capsys.readouterr().out.strip()
    used = {rule.id for rule in load_catalog()}
    assert printed not in used and printed == rule_ids.next_free("resource", used)
