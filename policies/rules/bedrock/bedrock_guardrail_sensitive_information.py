"""CKV_AISEC_35: Bedrock guardrails block or mask sensitive information (PII entities or custom regexes).

Each ``pii_entities_config`` or ``regexes_config`` entry has an ``action`` (BLOCK, ANONYMIZE or NONE) and may
override it per direction (``input_action``, ``output_action``) or switch a direction off (``input_enabled``,
``output_enabled``, default true). An entry protects when some direction is on with an action other than NONE.
Verdicts about one entry are three-valued: True, False or None (not known at plan time).
"""

from __future__ import annotations

from policies.model import (
    Resource,
    Result,
    as_bool,
    blocks_of,
    failed,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

POLICY = "sensitive_information_policy_config"
ENTRY_KINDS = ("pii_entities_config", "regexes_config")
PROTECTING_ACTIONS = ("BLOCK", "ANONYMIZE")

Known = bool | None


def _any(values: list[Known]) -> Known:
    if True in values:
        return True
    return None if None in values else False


def _all(values: list[Known]) -> Known:
    if False in values:
        return False
    return None if None in values else True


def _enabled(value: object) -> Known:
    return True if is_unset(value) else as_bool(value)


def _protecting_action(value: object) -> Known:
    if not isinstance(value, str) or is_unresolved(value):
        return None
    action = value.strip().upper()
    if action in PROTECTING_ACTIONS:
        return True
    return False if action == "NONE" else None


def _protects(entry: dict) -> Known:
    directions = []
    for direction in ("input", "output"):
        action = entry.get(f"{direction}_action")
        if is_unset(action):
            action = entry.get("action")
        directions.append(_all([_enabled(entry.get(f"{direction}_enabled")), _protecting_action(action)]))
    return _any(directions)


def _name(kind: str, entry: dict) -> str:
    label = entry.get("type") if kind == "pii_entities_config" else entry.get("name")
    return str(label) if isinstance(label, (str, int)) and label != "" else kind


def evaluate(resource: Resource) -> Result:
    policies = resource.blocks(POLICY)
    if not policies:
        raw = resource.get(POLICY)
        if POLICY in resource.dynamic_blocks or is_unresolved(raw):
            return unknown(f"{POLICY} is not known at plan time", POLICY)
        if not is_unset(raw):
            return unknown(f"{POLICY} is not a block ({raw!r})", POLICY)
        return failed(f"no {POLICY}: PII and secrets in prompts and responses pass through", POLICY)
    entries = [(kind, entry) for policy in policies for kind in ENTRY_KINDS for entry in blocks_of(policy, kind)]
    if not entries:
        return failed(f"{POLICY} has no pii_entities_config or regexes_config entry", POLICY)
    verdicts = {_name(kind, entry): _protects(entry) for kind, entry in entries}
    protecting = [name for name, verdict in verdicts.items() if verdict is True]
    if protecting:
        return passed(f"sensitive information is blocked or anonymized: {', '.join(protecting)}", POLICY)
    undecided = [name for name, verdict in verdicts.items() if verdict is None]
    if undecided:
        return unknown(f"action or enablement not known at plan time for {', '.join(undecided)}", POLICY)
    return failed("every sensitive-information entry only detects (action NONE or evaluation disabled)", POLICY)
