"""Rule IDs: the next free one per family, and the retired ones that are never handed out again.

``CKV_AISEC_<n>`` names resource rules and ``CKV2_AISEC_<n>`` connection rules (Checkov's own convention
for graph checks). ``python -m policies.rule_ids next resource`` prints the ID a new resource rule takes.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import yaml

RETIRED_PATH = Path(__file__).resolve().parent / "retired_ids.yaml"
PREFIXES = {"resource": "CKV_AISEC_", "connection": "CKV2_AISEC_"}
_ID = re.compile(r"^(CKV2?_AISEC_)(\d+)$")


@cache
def retired_ids() -> frozenset[str]:
    document = yaml.safe_load(RETIRED_PATH.read_text(encoding="utf-8")) or {}
    return frozenset(str(rule_id) for rule_id in document.get("retired") or [])


def next_free(kind: str, used: Iterable[str]) -> str:
    """The first ID of ``kind``'s family above every ID in use or retired."""
    prefix = PREFIXES[kind]
    numbers = [
        int(match.group(2))
        for rule_id in (*used, *retired_ids())
        if (match := _ID.match(rule_id)) and match.group(1) == prefix
    ]
    return f"{prefix}{max(numbers, default=0) + 1}"


def main(argv: Sequence[str] | None = None) -> int:
    from policies.catalog import load_catalog

    parser = argparse.ArgumentParser(prog="python -m policies.rule_ids", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    following = commands.add_parser("next", help="print the next free ID for a new rule")
    following.add_argument("kind", choices=sorted(PREFIXES))
    options = parser.parse_args(argv)
    print(next_free(options.kind, (rule.id for rule in load_catalog())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
