"""CKV_AISEC_37: OpenSearch Serverless encryption policies use a customer-managed KMS key."""

from __future__ import annotations

from policies.model import Resource, Result, as_bool, failed, is_reference, is_unresolved, is_unset, passed, unknown
from policies.opensearch_serverless import document, encryption_body, policy_type, resource_patterns

POLICY = "policy"


def evaluate(resource: Resource) -> Result:
    kind = policy_type(resource)
    if kind is None:
        return unknown(f"type is not known at plan time ({resource.get('type')})", "type")
    if kind != "encryption":
        return passed(f"does not apply: a {kind} policy", "type")
    parsed = document(resource)
    if parsed.problem:
        return unknown(parsed.problem, POLICY)
    body = encryption_body(parsed.body)
    if body is None:
        return unknown("the encryption policy is not a JSON object", POLICY)
    covered = ", ".join(str(pattern) for pattern in resource_patterns(body, "collection")) or "no collections"
    key = body.get("KmsARN")
    if is_reference(key):
        return passed(f"{covered} encrypted with the referenced key {key}", POLICY)
    if is_unresolved(key):
        return unknown(f"KmsARN is not known at plan time ({key})", POLICY)
    if isinstance(key, str) and key.strip():
        return passed(f"{covered} encrypted with customer-managed key {key}", POLICY)
    if not is_unset(key):
        return unknown(f"KmsARN is not a key ARN ({key!r})", POLICY)
    if as_bool(body.get("AWSOwnedKey")) is True:
        return failed(f"AWSOwnedKey is true: {covered} encrypted with an AWS-owned key", POLICY)
    return failed(f"no KmsARN: {covered} not encrypted with a customer-managed key", POLICY)
