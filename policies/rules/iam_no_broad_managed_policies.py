"""CKV_AISEC_9: no broad AWS-managed policy (AdministratorAccess, *FullAccess, ...) is attached."""

from __future__ import annotations

import re

from policies.model import (
    Resource,
    Result,
    as_list,
    combine,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    referenced_address,
    unknown,
)

BROAD_POLICIES = (
    "AdministratorAccess",
    "PowerUserAccess",
    "IAMFullAccess",
    "AmazonS3FullAccess",
    "AmazonSageMakerFullAccess",
    "AmazonBedrockFullAccess",
)
# arn:<partition>:iam::<account>:policy/<path/><name>; the partition may be an expression
# (${data.aws_partition.current.partition}); the account of AWS-managed policies is "aws".
_POLICY_ARN = re.compile(
    r"^arn:(?:aws(?:-[a-z0-9-]+)?|\$\{[^}]+\}):iam::(?P<account>[^:]+):policy/(?:[^/]+/)*(?P<name>[\w+=,.@-]+)$"
)


def _judge_arn(arn: object) -> Result:
    if is_unset(arn):
        return unknown("no policy ARN is given")
    match = _POLICY_ARN.match(arn.strip()) if isinstance(arn, str) else None
    if match and match["account"] == "aws":
        if match["name"] in BROAD_POLICIES:
            return failed(f"attaches the AWS-managed {match['name']} policy")
        return passed(f"attaches the AWS-managed {match['name']} policy")
    if is_reference(arn):
        if str(referenced_address(arn)).startswith("data."):
            return unknown(f"the policy is looked up by {arn}, which may be a broad AWS-managed policy")
        return passed(f"attaches the policy managed here ({arn})")
    if is_unresolved(arn):
        return unknown(f"the policy ARN is not known at plan time ({arn})")
    if match:
        return passed(f"attaches the customer-managed policy {arn}")
    return unknown(f"the policy ARN is not recognized ({arn!r})")


def evaluate(resource: Resource) -> Result:
    if resource.type != "aws_iam_role":
        return _judge_arn(resource.get("policy_arn"))
    arns = resource.get("managed_policy_arns")
    if is_unresolved(arns):
        return unknown(f"managed_policy_arns is not known at plan time ({arns})")
    return combine(
        [_judge_arn(arn) for arn in as_list(arns)],
        passed("the role has no managed_policy_arns"),
    )
