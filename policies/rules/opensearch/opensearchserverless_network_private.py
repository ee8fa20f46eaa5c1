"""CKV_AISEC_38: OpenSearch Serverless network policies do not allow access from the public internet."""

from __future__ import annotations

from policies.model import Resource, Result, as_bool, failed, is_unset, passed, unknown
from policies.opensearch_serverless import document, policy_type, resource_patterns, rule_sets

RESOURCE_TYPES = ("collection", "dashboard")
POLICY = "policy"


def _covered(rule_set: dict) -> str:
    found = [f"{kind} {pattern}" for kind in RESOURCE_TYPES for pattern in resource_patterns(rule_set, kind)]
    return ", ".join(found) or "the rule set's resources"


def evaluate(resource: Resource) -> Result:
    kind = policy_type(resource)
    if kind is None:
        return unknown(f"type is not known at plan time ({resource.get('type')})", "type")
    if kind != "network":
        return passed(f"does not apply: a {kind} policy", "type")
    parsed = document(resource)
    if parsed.problem:
        return unknown(parsed.problem, POLICY)
    sets = rule_sets(parsed.body)
    if sets is None:
        return unknown("the network policy is not a list of rule sets", POLICY)
    public, undecided = [], []
    for rule_set in sets:
        value = rule_set.get("AllowFromPublic")
        allowed = False if is_unset(value) else as_bool(value)
        if allowed:
            public.append(_covered(rule_set))
        elif allowed is None:
            undecided.append(_covered(rule_set))
    if public:
        return failed(f"AllowFromPublic is true for {'; '.join(public)}", POLICY)
    if undecided:
        return unknown(f"AllowFromPublic is not known at plan time for {'; '.join(undecided)}", POLICY)
    return passed("reachable only from the listed VPC endpoints and AWS services", POLICY)
