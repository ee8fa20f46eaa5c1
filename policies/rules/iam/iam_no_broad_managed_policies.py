"""CKV_AISEC_9: no broad AWS-managed policy (AdministratorAccess, PowerUserAccess, *FullAccess) is attached.

What counts as broad is ``policies.iam.is_broad_managed_policy_name``; an ARN is read (literal, interpolated or
built with ``format``) by ``policies.iam.read_policy_arn``. A policy looked up with ``data.aws_iam_policy`` is
followed to its lookup by the connection rule CKV2_AISEC_30 (``iam_no_broad_managed_policy_lookup``).
"""

from __future__ import annotations

from dataclasses import replace

from policies import iam
from policies.model import (
    Resource,
    Result,
    as_list,
    combine,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    referenced_address,
    unknown,
)


def _judge_arn(arn: object) -> Result:
    if is_unset(arn):
        return unknown("no policy ARN is given")
    policy = iam.read_policy_arn(arn)
    if policy is not None:
        return iam.judge_managed_policy(policy)
    if iam.is_policy_lookup(arn):
        return unknown(f"the policy is looked up by {arn}: CKV2_AISEC_30 follows the lookup")
    if is_reference(arn):
        if str(referenced_address(arn)).startswith("data."):
            return unknown(f"the policy ARN comes from {arn}, which may name a broad AWS-managed policy")
        return passed(f"attaches the policy managed here ({arn})")
    if is_unresolved(arn):
        return unknown(f"the policy ARN is not known at plan time ({arn})")
    return unknown(f"the policy ARN is not recognized ({arn!r})")


def evaluate(resource: Resource) -> Result:
    attribute, arns = iam.attached_policy_arns(resource)
    if attribute == "policy_arn":
        return replace(_judge_arn(arns), attribute=attribute)
    if is_unresolved(arns):
        return unknown(f"{attribute} is not known at plan time ({arns})", attribute)
    result = combine([_judge_arn(arn) for arn in as_list(arns)], passed(f"no policy is attached through {attribute}"))
    return replace(result, attribute=attribute)
