"""CKV2_AISEC_21: an ECR repository policy allows nobody "*" (or NotPrincipal) without a narrowing condition.

A connection rule only to follow ``policy = data.aws_iam_policy_document.<name>.json`` to the data source's
statements in HCL (a plan carries the rendered JSON itself).
"""

from __future__ import annotations

from policies import iam
from policies.graph import Graph
from policies.model import Resource, Result, combine, failed, passed, unknown

# A repository is reached by principals of an organization or account, by services acting for a source
# resource, or over a network path (VPC endpoint, VPC, IP ranges): each of these narrows "*".
NARROWING_KEYS = iam.PRINCIPAL_NARROWING_KEYS | iam.NETWORK_NARROWING_KEYS


def _judge(statement: iam.Statement, name: str) -> Result | None:
    """FAIL or UNKNOWN for a statement that (may) allow everyone, None for one that does not."""
    grants = iam.grants_everyone(statement, NARROWING_KEYS)
    if grants is False:
        return None
    if grants is True:
        everyone = iam.everyone_principal(statement)
        return failed(f"{name} allows {everyone} without a condition that narrows it to your organization or accounts")
    unknown_fields = ", ".join(sorted(statement.unknown_fields)) or "effect"
    return unknown(f"{name} may allow everyone: {unknown_fields} not known at plan time")


def _document(policy: Resource, graph: Graph) -> iam.PolicyDocument:
    """The policy's document, following a reference to a data.aws_iam_policy_document through the graph."""
    document = iam.read_policy(policy.get("policy"))
    if document.reference is None:
        return document
    targets = graph.resolve(document.reference, policy)
    if len(targets) == 1 and targets[0].type == "aws_iam_policy_document":
        return iam.read_policy_document(targets[0])
    return document


def evaluate(resource: Resource, graph: Graph) -> Result:
    document = _document(resource, graph)
    findings = [
        _judge(statement, f"statement {statement.sid or number}")
        for number, statement in enumerate(document.statements, 1)
    ]
    findings.extend(unknown(problem) for problem in document.problems)
    return combine(
        [finding for finding in findings if finding is not None],
        passed("no statement allows everyone without a narrowing condition"),
    )
