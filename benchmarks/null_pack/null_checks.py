"""The pack's checks as Checkov sees them (same IDs, types and registration), each answering at once.

``scan_benchmark.py --variants null`` scans with this folder as ``--external-checks-dir``: the difference
between it and the floor is what Checkov itself charges for running the pack's checks (its per-evaluation
filter and debug records, a report record per verdict, the JSON output); the difference between the real
pack and it is the pack's own work (normalizing, gates, rules, connection rules).
"""

from typing import Any

from policies import checkov_adapter
from policies.model import Result, Verdict

_PASS = Result(Verdict.PASS, "")


def _judge_at_once(rule: Any, resource_type: str, conf: Any, graph: Any) -> Result:
    return _PASS


def _graph_check_at_once(self: Any, graph_connector: Any) -> tuple[list[Any], list[Any], list[Any]]:
    """Every resource of the rule's types passes: as many verdicts as the real rule gives, or more."""
    types = set(self.rule.resource_types)
    passed = [
        vertex
        for _, vertex in checkov_adapter.checkov_gates._nodes(graph_connector)
        if vertex.get("block_type_") == "resource" and vertex.get("resource_type") in types
    ]
    return passed, [], []


checkov_adapter._judge_resource = _judge_at_once  # type: ignore[assignment]
checkov_adapter.AisecGraphCheck.run = _graph_check_at_once  # type: ignore[method-assign]
checkov_adapter.register_checks()
