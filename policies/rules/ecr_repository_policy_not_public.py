"""CKV2_AISEC_21: an ECR repository policy allows nobody "*" (or NotPrincipal) without a narrowing condition.

A connection rule only to follow ``policy = data.aws_iam_policy_document.<name>.json`` to the data source's
statements in HCL (a plan carries the rendered JSON itself).
"""

from __future__ import annotations

from policies import iam
from policies.graph import Graph
from policies.model import Resource, Result, combine, failed, passed, unknown

# Condition keys that tie a request to an organization, account, principal, the resource a service acts
# for, or a network.
NARROWING_KEYS = frozenset(
    key.lower()
    for key in (
        "aws:PrincipalOrgID",
        "aws:PrincipalOrgPaths",
        "aws:PrincipalAccount",
        "aws:PrincipalArn",
        "aws:SourceAccount",
        "aws:SourceArn",
        "aws:SourceOrgID",
        "aws:SourceOrgPaths",
        "aws:SourceVpc",
        "aws:SourceVpce",
        "aws:SourceIp",
    )
)
# Exact tests fail for any other value and for a missing key: any value narrows.
EXACT_OPERATORS = frozenset({"stringequals", "stringequalsignorecase"})
# Pattern tests narrow unless a value matches everything.
PATTERN_OPERATORS = frozenset({"stringlike", "arnequals", "arnlike", "ipaddress"})
MATCH_EVERYTHING = frozenset({"0.0.0.0/0", "::/0"})


def _matches_everything(value: str) -> bool:
    return value in MATCH_EVERYTHING or set(value) <= {"*", "?"}


def _narrowing(statement: iam.Statement) -> list[str]:
    """The condition keys that narrow ``statement`` to known parties (``ForAnyValue:`` narrows too)."""
    found = []
    for condition in statement.conditions:
        operator = condition.operator.lower().removeprefix("foranyvalue:")
        if condition.key.lower() not in NARROWING_KEYS or not condition.values:
            continue
        if operator in EXACT_OPERATORS or (
            operator in PATTERN_OPERATORS
            and not statement.is_unknown("conditions")  # a value not known at plan time might be "*"
            and not any(_matches_everything(value) for value in condition.values)
        ):
            found.append(condition.key)
    return found


def _everyone(statement: iam.Statement) -> str | None:
    if statement.applies_to_everyone:
        return 'Principal "*"'
    if statement.not_principals:
        return "NotPrincipal (everyone but the principals it names)"
    return None


def _judge(statement: iam.Statement, name: str) -> Result | None:
    """FAIL or UNKNOWN for a statement that (may) allow everyone, None for one that does not."""
    if statement.is_deny or _narrowing(statement):
        return None
    everyone = _everyone(statement)
    maybe_everyone = everyone or statement.is_unknown("principals", "not_principals")
    if not maybe_everyone:
        return None
    if statement.is_allow and everyone and not statement.is_unknown("conditions"):
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
