"""CKV2_AISEC_30: no broad AWS-managed policy is attached by way of a ``data.aws_iam_policy`` lookup.

A connection rule only to follow ``policy_arn = data.aws_iam_policy.<name>.arn`` to the lookup's ``name`` or
``arn``; the judgment is CKV_AISEC_9's (``policies.iam.judge_managed_policy``), which judges every other ARN.
"""

from __future__ import annotations

from policies import iam
from policies.graph import Graph
from policies.model import Resource, Result, as_list, combine, is_unresolved, passed, unknown

LOOKUP = iam.POLICY_LOOKUP


def _judge_lookup(lookup: Resource) -> Result:
    arn = lookup.get("arn")
    if arn is not None:
        policy = iam.read_policy_arn(arn)
        if policy is None:
            return unknown(f"{lookup.address} looks up {arn}, which is not known at plan time")
    else:
        policy = iam.managed_policy_by_name(lookup.get("name"), lookup.get("path_prefix"))
        if policy is None:
            return unknown(f"{lookup.address} looks up a policy whose name is not known at plan time")
    result = iam.judge_managed_policy(policy)
    return Result(result.verdict, f"{result.reason} (looked up by {lookup.address})")


def _judge_arn(arn: object, resource: Resource, graph: Graph) -> Result | None:
    if not iam.is_policy_lookup(arn):
        return None  # not a lookup: CKV_AISEC_9 judges it
    found = [target for target in graph.resolve(arn, resource) if target.type == LOOKUP]
    if len(found) != 1:
        return unknown(f"{arn} does not lead to one data.{LOOKUP} in this configuration")
    return _judge_lookup(found[0])


def evaluate(resource: Resource, graph: Graph) -> Result:
    attribute, arns = iam.attached_policy_arns(resource)
    if is_unresolved(arns):
        return unknown(f"{attribute} is not known at plan time ({arns})")
    results = [result for arn in as_list(arns) if (result := _judge_arn(arn, resource, graph)) is not None]
    return combine(results, passed(f"no policy is attached through a data.{LOOKUP} lookup (CKV_AISEC_9 judges ARNs)"))
