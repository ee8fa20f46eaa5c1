"""CKV2_AISEC_12: OpenSearch Serverless collections are encrypted with a customer-managed KMS key.

A collection's key comes from its own ``encryption_config`` block when it has one, otherwise from the encryption
security policy whose rules match its name (``collection/<name>`` or a ``collection/<prefix>*`` pattern) in the
same region. The policy is judged as CKV_AISEC_37 judges it.
"""

from __future__ import annotations

from policies.aws_regions import region_of, same_region
from policies.graph import Graph
from policies.model import (
    Resource,
    Result,
    Verdict,
    as_bool,
    combine,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)
from policies.opensearch_serverless import (
    SECURITY_POLICY,
    document,
    encryption_body,
    matches_collection,
    policy_type,
    resource_patterns,
)
from policies.rules.opensearch import opensearchserverless_encryption_cmk

# Whether a policy covers the collection: True, False or None (not known at plan time).
Covers = bool | None


def _judge_direct(config: dict) -> Result:
    key = config.get("kms_key_arn")
    if is_reference(key) or (isinstance(key, str) and key.strip() and not is_unresolved(key)):
        return passed(f"encryption_config names the key {key}")
    if not is_unset(key):
        return unknown(f"encryption_config.kms_key_arn is not known at plan time ({key})")
    owned = config.get("aws_owned_key")
    if as_bool(owned) is True:
        return failed("encryption_config sets aws_owned_key: the collection uses an AWS-owned key")
    if is_unset(owned) or as_bool(owned) is False:
        return failed("encryption_config names no kms_key_arn")
    return unknown(f"encryption_config.aws_owned_key is not known at plan time ({owned})")


def _covers(policy: Resource, collection: Resource, name: str) -> Covers:
    if same_region(region_of(collection), region_of(policy)) is False:
        return False
    kind = policy_type(policy)
    if kind is not None and kind != "encryption":
        return False
    body = encryption_body(document(policy).body)
    if kind is None or body is None:
        return None
    matches = [matches_collection(pattern, name) for pattern in resource_patterns(body, "collection")]
    if True in matches:
        return True if same_region(region_of(collection), region_of(policy)) else None
    return None if None in matches else False


def evaluate(resource: Resource, graph: Graph) -> Result:
    direct = resource.blocks("encryption_config")
    if direct:
        return combine([_judge_direct(config) for config in direct], passed("no config"))
    name = resource.get("name")
    if not isinstance(name, str) or not name or is_unresolved(name) or is_reference(name):
        return unknown(f"the collection name is not known at plan time ({name})")
    candidates = [(policy, _covers(policy, resource, name)) for policy in graph.of_type(SECURITY_POLICY)]
    covering = [policy for policy, covers in candidates if covers is True]
    maybe = [policy for policy, covers in candidates if covers is None]
    if not covering:
        if maybe:
            return unknown(f"{', '.join(p.address for p in maybe)} may cover collection {name}")
        return unknown(f"no encryption policy in this configuration covers collection {name}")
    results = {policy.address: opensearchserverless_encryption_cmk.evaluate(policy) for policy in covering + maybe}
    verdicts = {result.verdict for result in results.values()}
    if verdicts == {Verdict.PASS}:
        return passed(f"{', '.join(results)} encrypts collection {name} with a customer-managed key")
    if verdicts == {Verdict.FAIL}:
        reasons = "; ".join(f"{address}: {result.reason}" for address, result in results.items())
        return failed(f"collection {name} is covered by {reasons}")
    return unknown(f"the policies that may cover collection {name} disagree: {', '.join(results)}")
