"""CKV2_AISEC_21: an ECR repository policy allows nobody "*" (or NotPrincipal) without a narrowing condition.

A connection rule only to follow ``policy = data.aws_iam_policy_document.<name>.json`` to the data source's
statements in HCL (a plan carries the rendered JSON itself).
"""

from __future__ import annotations

from policies import iam
from policies.graph import Graph
from policies.model import Resource, Result, passed

# A repository is reached by principals of an organization or account, by services acting for a source
# resource, or over a network path (VPC endpoint, VPC, IP ranges): each of these narrows "*".
NARROWING_KEYS = iam.PRINCIPAL_NARROWING_KEYS | iam.NETWORK_NARROWING_KEYS


def _judge(statement: iam.Statement, name: str) -> Result | None:
    """FAIL or UNKNOWN for a statement that (may) allow everyone, None for one that does not."""
    return iam.judge_grant_to_everyone(
        statement,
        name,
        NARROWING_KEYS,
        grant=lambda everyone: f"allows {everyone}",
        narrowed_to="your organization, accounts or network",
    )


def evaluate(resource: Resource, graph: Graph) -> Result:
    return iam.judge_statements(
        iam.resolve_policy(resource, graph),
        _judge,
        passed("no statement allows everyone without a narrowing condition"),
    )
