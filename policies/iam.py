"""IAM policy documents in one normalized shape, whatever form the engine delivered them in.

A policy reaches a rule as one of:

* a decoded JSON document (``jsonencode(...)`` or heredoc JSON, which Checkov decodes; plan JSON for the
  attributes Checkov decodes), sometimes wrapped in a one-item list, with ``Statement`` as a list or as a
  single object;
* a ``jsonencode(...)`` Checkov left unevaluated because of the references inside, as text holding a Python
  literal (``${jsonencode({'Statement': [...]})}``): read from that literal, its references stay strings
  (``'${aws_s3_bucket.b.arn}/*'``) and its unresolved parts (``'${var.actions}'``) stay unknown;
* a JSON string (plan JSON for every other attribute);
* an expression the engine could not resolve (``var.policy``) or a reference to another resource or data
  source (``data.aws_iam_policy_document.d.json``): the content is not known here;
* the ``statement`` blocks of a ``data.aws_iam_policy_document``.

``read_policy`` and ``read_policy_document`` turn each of these into a ``PolicyDocument``: the statements
that could be read, plus ``problems`` naming every part that could not (a rule that needs those parts
answers UNKNOWN). Neither ever raises.

Matching follows IAM: action names and condition keys are case-insensitive, ``*`` and ``?`` are wildcards.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from policies.model import (
    NotJson,
    Resource,
    Result,
    as_json,
    as_list,
    blocks_of,
    combine,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    jsonencode_literal,
    passed,
    referenced_address,
    unknown,
)

if TYPE_CHECKING:
    from policies.graph import Graph

ALLOW = "Allow"
DENY = "Deny"


@dataclass(frozen=True)
class Condition:
    """One condition test: ``{"Bool": {"aws:SecureTransport": "false"}}`` -> ``Bool``, the key, ``("false",)``.

    Values are strings, as IAM compares them: booleans read as ``"true"``/``"false"``.
    """

    operator: str
    key: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Statement:
    """One statement. ``unknown_fields`` names the fields that hold a value not known at plan time
    (``"effect"``, ``"actions"``, ``"not_actions"``, ``"resources"``, ``"not_resources"``, ``"principals"``,
    ``"not_principals"``, ``"conditions"``); the known parts of such a field are still listed."""

    effect: str | None
    actions: tuple[str, ...] = ()
    not_actions: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()
    not_resources: tuple[str, ...] = ()
    principals: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    not_principals: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    conditions: tuple[Condition, ...] = ()
    sid: str | None = None
    unknown_fields: frozenset[str] = frozenset()

    @property
    def is_allow(self) -> bool:
        return self.effect == ALLOW

    @property
    def is_deny(self) -> bool:
        return self.effect == DENY

    def is_unknown(self, *fields: str) -> bool:
        return any(name in self.unknown_fields for name in fields)

    @property
    def applies_to_everyone(self) -> bool:
        """``Principal: "*"`` or ``{"AWS": "*"}`` (identity policies have no principal and return False)."""
        return "*" in self.principals.get("*", ()) or "*" in self.principals.get("AWS", ())

    def condition_values(self, operators: Iterable[str], key: str) -> tuple[str, ...]:
        """The values this statement's conditions test ``key`` against with one of ``operators``."""
        wanted = {operator.lower() for operator in operators}
        return tuple(
            value
            for condition in self.conditions
            if condition.operator.lower() in wanted and condition.key.lower() == key.lower()
            for value in condition.values
        )


@dataclass(frozen=True)
class PolicyDocument:
    """The statements that could be read, and why the rest could not.

    ``reference`` is set when the whole policy is a reference to another resource or data source
    (``data.aws_iam_policy_document.d.json``): a connection rule may resolve it through its graph.
    """

    statements: tuple[Statement, ...] = ()
    problems: tuple[str, ...] = ()
    reference: str | None = None


# -- matching --------------------------------------------------------------------------------------------


@cache
def _pattern(glob: str) -> re.Pattern[str]:
    text = "".join(".*" if char == "*" else "." if char == "?" else re.escape(char) for char in glob)
    return re.compile(text, re.IGNORECASE | re.DOTALL)


def action_matches(pattern: str, action: str) -> bool:
    """Whether an IAM action pattern (``s3:Get*``) matches an action (``S3:GetObject``), ignoring case."""
    return bool(_pattern(pattern).fullmatch(action))


def _matches_any_name(pattern: str) -> bool:
    """A glob that matches every non-empty name: only ``*`` and ``?``, with at least one ``*`` (``*``, ``**``,
    ``?*``). AWS action names are never shorter than the ``?`` such a pattern demands."""
    return "*" in pattern and set(pattern) <= {"*", "?"}


def is_service_wildcard(action: str) -> bool:
    """``*`` or ``<service>:*``: every action, or every action of one service (``*:*``, ``s3:**``, ``S3:?*``)."""
    service, colon, name = action.partition(":")
    if not colon:
        return _matches_any_name(action)
    return service != "" and _matches_any_name(name)


def _matches_any_path(pattern: str) -> bool:
    """A resource glob made only of wildcards and ``/`` (``*``, ``*/*``): every resource, or every object or
    resource under every parent (``arn:aws:s3:::*/*`` is every object of every bucket)."""
    return "*" in pattern and set(pattern) <= {"*", "?", "/"}


def matches_every_resource(resource: str) -> bool:
    """A Resource pattern that names every resource of its service: ``*``, or an ARN whose resource part is only
    wildcards (``arn:aws:s3:::*``, ``arn:aws:s3:::*/*``, ``arn:aws:sagemaker:*:*:*``)."""
    if _matches_any_name(resource):
        return True
    parts = resource.split(":", 5)
    return len(parts) == 6 and parts[0].lower() == "arn" and _matches_any_path(parts[5])


def matches_every_role(resource: str) -> bool:
    """A Resource pattern that names every IAM role of an account, or of every account: ``*``,
    ``arn:aws:iam::111122223333:role/*``, ``arn:aws:iam::*:*`` (the region part of IAM ARNs is empty)."""
    if matches_every_resource(resource):
        parts = resource.split(":", 5)
        return len(parts) < 6 or action_matches(parts[2], "iam")
    parts = resource.split(":", 5)
    if len(parts) != 6 or parts[0].lower() != "arn" or not action_matches(parts[2], "iam"):
        return False
    kind, slash, name = parts[5].partition("/")
    return bool(slash) and action_matches(kind, "role") and _matches_any_path(name)


# The Bedrock resource kinds through which a model is invoked: a foundation model by ID, or a (cross-region)
# inference profile that routes to one.
BEDROCK_MODEL_KINDS = ("foundation-model", "inference-profile")


def matches_every_bedrock_model(resource: str) -> bool:
    """A Resource pattern that names every Bedrock model of a region, or of every region: ``*``,
    ``arn:aws:bedrock:*::foundation-model/*``, ``arn:aws:bedrock:us-east-1::foundation-model/*``,
    ``arn:aws:bedrock:us-east-1:111122223333:inference-profile/*``, ``arn:aws:bedrock:*:*:*``. A pattern covers
    every model of a kind when it matches ``<kind>/`` followed by a long run of a character it does not contain:
    only a trailing wildcard can (``foundation-model*`` and ``foundation-*/*`` count, ``foundation-model/anthropic.*``
    and ``application-inference-profile/*`` do not)."""
    if _matches_any_name(resource):
        return True
    parts = resource.split(":", 5)
    if len(parts) != 6 or parts[0].lower() != "arn" or not action_matches(parts[2], "bedrock"):
        return False
    path = parts[5]
    # a character the pattern does not contain (one of the first len(path) + 1 always qualifies): only wildcards
    # match a run of it, and a run longer than the pattern needs a "*"
    filler = next(char for char in map(chr, range(len(path) + 1)) if char not in path)
    return any(resource_matches(path, f"{kind}/{filler * (len(path) + 1)}") for kind in BEDROCK_MODEL_KINDS)


def names_principals(statement: Statement) -> bool:
    """Whether a statement names principals (``Principal``, ``NotPrincipal`` or ``principals {}`` blocks, known or
    not): it belongs to a resource or trust policy, whose rules judge it, and grants no identity anything."""
    return bool(statement.principals or statement.not_principals) or statement.is_unknown(
        "principals", "not_principals"
    )


def covers_service(action: str, service: str) -> bool:
    """Whether the pattern grants (or denies) every action of ``service``: ``*``, ``s3:*``, ``S3:*``."""
    return is_service_wildcard(action) and action_matches(action.partition(":")[0] or "*", service)


# -- reading ----------------------------------------------------------------------------------------------


def _strings(value: Any, field_name: str, unknown: set[str]) -> tuple[str, ...]:
    """A string-or-list field as a tuple of its known strings; anything else marks the field unknown.

    An empty list is unknown too: IAM accepts no empty Action or Resource, and Checkov renders a list
    variable it cannot resolve inside ``jsonencode`` as ``[]``.
    """
    if is_unresolved(value) or value == []:
        unknown.add(field_name)
        return ()
    found = []
    for item in as_list(value):
        if isinstance(item, str) and not is_unresolved(item):
            found.append(item)
        else:
            unknown.add(field_name)
    return tuple(found)


def _condition_value(value: Any) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and not is_unresolved(value):
        return value
    return None


def _condition(operator: Any, key: Any, values: Any, unknown: set[str]) -> Condition | None:
    readable = [_condition_value(value) for value in as_list(values)]
    if not isinstance(operator, str) or not isinstance(key, str) or is_unresolved(operator) or is_unresolved(key):
        unknown.add("conditions")
        return None
    if None in readable or not readable:
        unknown.add("conditions")
    return Condition(operator, key, tuple(value for value in readable if value is not None))


def _json_conditions(value: Any, unknown: set[str]) -> tuple[Condition, ...]:
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        unknown.add("conditions")
        return ()
    found = []
    for operator, tests in value.items():
        if not isinstance(tests, Mapping):
            unknown.add("conditions")
            continue
        for key, values in tests.items():
            condition = _condition(operator, key, values, unknown)
            if condition is not None:
                found.append(condition)
    return tuple(found)


def _json_principals(value: Any, field_name: str, unknown: set[str]) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if isinstance(value, str) and not is_unresolved(value):
        return {"*": (value,)} if value == "*" else {"AWS": (value,)}
    if not isinstance(value, Mapping):
        unknown.add(field_name)
        return {}
    return {str(kind): _strings(ids, field_name, unknown) for kind, ids in value.items()}


def _effect(value: Any, unknown: set[str]) -> str | None:
    if isinstance(value, str) and value.strip().lower() in ("allow", "deny"):
        return ALLOW if value.strip().lower() == "allow" else DENY
    unknown.add("effect")
    return None


def _require_actions(statement: Statement) -> Statement:
    """IAM requires Action or NotAction: a statement with neither cannot be judged."""
    if statement.actions or statement.not_actions or statement.is_unknown("actions", "not_actions"):
        return statement
    return replace(statement, unknown_fields=statement.unknown_fields | {"actions"})


def _json_statement(raw: Mapping[str, Any]) -> Statement:
    unknown: set[str] = set()
    sid = raw.get("Sid")
    return Statement(
        effect=_effect(raw.get("Effect"), unknown),  # IAM requires Effect: a missing one is unknown
        actions=_strings(raw.get("Action"), "actions", unknown),
        not_actions=_strings(raw.get("NotAction"), "not_actions", unknown),
        resources=_strings(raw.get("Resource"), "resources", unknown),
        not_resources=_strings(raw.get("NotResource"), "not_resources", unknown),
        principals=_json_principals(raw.get("Principal"), "principals", unknown),
        not_principals=_json_principals(raw.get("NotPrincipal"), "not_principals", unknown),
        conditions=_json_conditions(raw.get("Condition"), unknown),
        sid=sid if isinstance(sid, str) else None,
        unknown_fields=frozenset(unknown),
    )


def _unreadable(value: Any, what: str) -> str | None:
    """Why ``value`` cannot be read here, or None when it is a literal."""
    if is_unresolved(value):
        return f"{what} is not known at plan time ({value})"
    if is_reference(value):
        return f"{what} comes from {value}, whose content is not known here"
    return None


def _decode(value: Any, what: str) -> tuple[Any, str | None]:
    """A policy value as a decoded document, or the reason it cannot be decoded. A ``jsonencode`` that Checkov
    left unevaluated is read from its literal argument (``jsonencode_literal``): its references stay strings."""
    literal = jsonencode_literal(value)
    try:
        document = as_json(value) if literal is None else literal
    except NotJson:
        return None, _unreadable(value, what) or f"{what} is not JSON"
    if isinstance(document, list) and len(document) == 1:
        document = document[0]  # Checkov wraps some decoded documents in a one-item list
    if not isinstance(document, Mapping):
        return None, f"{what} is not a JSON policy document"
    return document, None


def _json_statements(document: Mapping[str, Any], what: str) -> tuple[list[Statement], list[str]]:
    raw = document.get("Statement")
    reason = _unreadable(raw, f"the statements of {what}")
    if reason:
        return [], [reason]
    statements: list[Statement] = []
    problems: list[str] = []
    for item in [raw] if isinstance(raw, Mapping) else as_list(raw):
        if isinstance(item, Mapping):
            statements.append(_require_actions(_json_statement(item)))
        else:
            problems.append(_unreadable(item, f"a statement of {what}") or f"a statement of {what} is not an object")
    return statements, problems


def read_policy(value: Any, what: str = "policy") -> PolicyDocument:
    """A JSON policy attribute (decoded, JSON text, or an unresolved expression) as a ``PolicyDocument``."""
    if is_unset(value):
        return PolicyDocument()
    document, problem = _decode(value, what)
    if problem:
        return PolicyDocument(problems=(problem,), reference=value if is_reference(value) else None)
    statements, problems = _json_statements(document, what)
    return PolicyDocument(tuple(statements), tuple(problems))


# -- data.aws_iam_policy_document ------------------------------------------------------------------------


def _block_principals(blocks: list[dict[str, Any]], field_name: str, unknown: set[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for block in blocks:
        kind = block.get("type")
        identifiers = _strings(block.get("identifiers"), field_name, unknown)
        if not isinstance(kind, str) or is_unresolved(kind):
            unknown.add(field_name)
            continue
        found[kind] = found.get(kind, ()) + identifiers
    return found


def _block_statement(block: Mapping[str, Any]) -> Statement:
    unknown: set[str] = set()
    effect = block.get("effect")
    sid = block.get("sid")
    conditions = [
        _condition(item.get("test"), item.get("variable"), item.get("values"), unknown)
        for item in blocks_of(block, "condition")
    ]
    return Statement(
        effect=ALLOW if is_unset(effect) else _effect(effect, unknown),  # the provider's default is Allow
        actions=_strings(block.get("actions"), "actions", unknown),
        not_actions=_strings(block.get("not_actions"), "not_actions", unknown),
        resources=_strings(block.get("resources"), "resources", unknown),
        not_resources=_strings(block.get("not_resources"), "not_resources", unknown),
        principals=_block_principals(blocks_of(block, "principals"), "principals", unknown),
        not_principals=_block_principals(blocks_of(block, "not_principals"), "not_principals", unknown),
        conditions=tuple(condition for condition in conditions if condition is not None),
        sid=sid if isinstance(sid, str) and sid else None,
        unknown_fields=frozenset(unknown),
    )


def _merge(statements: list[Statement], overrides: list[Statement]) -> list[Statement]:
    """Statements of ``overrides`` replace those with the same ``sid``; the others are added."""
    merged = list(statements)
    for statement in overrides:
        same = [i for i, old in enumerate(merged) if statement.sid and old.sid == statement.sid]
        if same:
            merged[same[0]] = statement
        else:
            merged.append(statement)
    return merged


def _documents(resource: Resource, attribute: str) -> tuple[list[Statement], list[str]]:
    """The statements of the JSON documents listed in ``source_policy_documents``/``override_...``."""
    value = resource.get(attribute)
    reason = _unreadable(value, attribute)
    if reason:
        return [], [reason]
    statements: list[Statement] = []
    problems: list[str] = []
    for item in as_list(value) if not isinstance(value, Mapping) else [value]:
        document = read_policy(item, f"a document of {attribute}")
        statements = _merge(statements, list(document.statements))
        problems.extend(document.problems)
    return statements, problems


def read_policy_document(resource: Resource) -> PolicyDocument:
    """The document an ``aws_iam_policy_document`` data source renders: its ``statement`` blocks merged with
    ``source_policy_documents`` (overridden by sid) and ``override_policy_documents`` (overriding by sid)."""
    sources, problems = _documents(resource, "source_policy_documents")
    overrides, override_problems = _documents(resource, "override_policy_documents")
    problems.extend(override_problems)
    own = [_require_actions(_block_statement(block)) for block in resource.blocks("statement")]
    if "statement" in resource.dynamic_blocks:
        problems.append("statement is a dynamic block whose content is not known here")
    raw = resource.get("statement")
    if len(own) != len([raw] if isinstance(raw, Mapping) else as_list(raw)):
        problems.append("a statement is not a block")
    statements = _merge(_merge(sources, own), overrides)
    dynamic = {"principals", "not_principals"} & resource.dynamic_blocks
    if dynamic:  # a statement may get its principals from a dynamic block the engine did not expand
        statements = [
            statement
            if names_principals(statement)
            else replace(statement, unknown_fields=statement.unknown_fields | dynamic)
            for statement in statements
        ]
    return PolicyDocument(tuple(statements), tuple(problems))


# -- grants to everyone ---------------------------------------------------------------------------------------

# Condition keys that tie a request to an organization, an account, a principal or the resource a service acts
# for. A statement that allows everyone is narrowed by a positive test of one of them. ``sts:ExternalId`` is
# not one: it is a shared string, and anyone who learns it passes the test.
PRINCIPAL_NARROWING_KEYS = frozenset(
    {
        "aws:PrincipalOrgID",
        "aws:PrincipalOrgPaths",
        "aws:PrincipalAccount",
        "aws:PrincipalArn",
        "aws:SourceAccount",
        "aws:SourceArn",
        "aws:SourceOrgID",
        "aws:SourceOrgPaths",
    }
)
# Condition keys that tie a request to a network (bucket policies): a VPC, a VPC endpoint or IP ranges.
NETWORK_NARROWING_KEYS = frozenset({"aws:SourceVpc", "aws:SourceVpce", "aws:SourceIp"})
# KMS's own account key: the caller's account (AWS's default policies for AWS-managed keys use it).
KMS_NARROWING_KEYS = frozenset({"kms:CallerAccount"})

# Operators whose test fails for every other value and when the key is absent: any value narrows.
EXACT_OPERATORS = frozenset({"StringEquals", "StringEqualsIgnoreCase"})
# Operators that accept wildcards or ranges: a value that matches everything does not narrow.
PATTERN_OPERATORS = frozenset({"StringLike", "ArnEquals", "ArnLike", "IpAddress"})
# Values of a pattern operator that match every request.
MATCH_ALL_VALUES = frozenset({"0.0.0.0/0", "::/0"})
# Not listed, so never narrowing: ``...IfExists`` and ``ForAllValues:`` (both true when the key is absent),
# the ``Not`` operators (everyone but a few), ``Null`` and ``Bool``.


def _operator(name: str) -> str:
    """``ForAnyValue:StringLike`` -> ``stringlike``: the set operator for multivalued keys narrows too."""
    name = name.lower()
    return name.removeprefix("foranyvalue:")


def _matches_everything(value: str) -> bool:
    """A pattern value that any request matches: only wildcards, 0.0.0.0/0, or an ARN of any account."""
    if value in MATCH_ALL_VALUES or set(value) <= {"*", "?"}:
        return True
    parts = value.split(":", 5)
    if parts[0].lower() != "arn" or len(parts) < 6:
        return False
    account, resource = parts[4], parts[5]
    if account:
        return any(char in account for char in "*?")  # arn:aws:iam::*:role/x: anyone can create role/x
    return set(resource) <= {"*", "?"}  # account-less ARNs (S3) narrow by their resource part


def narrowing_conditions(statement: Statement, keys: Iterable[str]) -> tuple[Condition, ...]:
    """The conditions of ``statement`` that narrow it to the organizations, accounts, principals, sources or
    networks ``keys`` name: an exact test of one of them with any value, or a pattern test (``StringLike``,
    ``ArnLike``, ``IpAddress``...) whose values are all known and none of which matches everything."""
    wanted = {key.lower() for key in keys}
    exact = {operator.lower() for operator in EXACT_OPERATORS}
    pattern = {operator.lower() for operator in PATTERN_OPERATORS}
    found = []
    for condition in statement.conditions:
        if condition.key.lower() not in wanted:
            continue
        operator = _operator(condition.operator)
        if operator in exact or (
            operator in pattern
            and not statement.is_unknown("conditions")  # an unknown value might be "*"
            and condition.values
            and not any(_matches_everything(value) for value in condition.values)
        ):
            found.append(condition)
    return tuple(found)


def everyone_principal(statement: Statement) -> str | None:
    """How a statement names everyone: ``Principal "*"`` (or ``{"AWS": "*"}``), or ``NotPrincipal`` (everyone but
    the principals it names); None when it names principals (or, for identity policies, none at all)."""
    if statement.applies_to_everyone:
        return 'Principal "*"'
    if statement.not_principals or statement.is_unknown("not_principals"):
        return "NotPrincipal (everyone but the principals named)"
    return None


def grants_everyone(statement: Statement, narrowing_keys: Iterable[str]) -> bool | None:
    """Whether the statement allows everyone (see ``everyone_principal``) without a condition that narrows it
    (see ``narrowing_conditions``).

    None when values not known at plan time decide it: the effect, the principals or the conditions.
    """
    if statement.is_deny or narrowing_conditions(statement, narrowing_keys):
        return False
    everyone = everyone_principal(statement) is not None
    if not everyone and not statement.is_unknown("principals"):
        return False
    if statement.is_allow and everyone and not statement.is_unknown("conditions"):
        return True
    return None


def judge_grant_to_everyone(
    statement: Statement,
    name: str,
    narrowing_keys: Iterable[str],
    *,
    grant: Callable[[str], str],
    narrowed_to: str,
    maybe: str = "allow everyone",
    note: str = "",
) -> Result | None:
    """The finding of a resource or trust policy rule on one statement: FAIL when it allows everyone without a
    narrowing condition (``grants_everyone``), UNKNOWN when values not known at plan time decide it, None when
    it does not. ``grant(everyone)`` says what the statement does (``lets Principal "*" assume the role``)."""
    grants = grants_everyone(statement, narrowing_keys)
    if grants is False:
        return None
    if grants:
        everyone = everyone_principal(statement) or "everyone"
        return failed(f"{name} {grant(everyone)}: no condition narrows it to {narrowed_to}{note}")
    fields = ", ".join(sorted(statement.unknown_fields)) or "effect"
    return unknown(f"{name} may {maybe}: {fields} not known at plan time")


def judge_identity_grant(
    statement: Statement,
    name: str,
    actions: Iterable[str],
    covers: Callable[[str], bool],
    scope: str,
    action_fields: tuple[str, ...] = ("actions", "not_actions"),
) -> Result | None:
    """The finding of an identity-policy rule on one statement: FAIL when it allows ``actions`` (the granted
    actions the rule looks for) on a resource ``covers`` accepts or with NotResource, UNKNOWN when values not
    known at plan time decide it, None otherwise. Deny statements grant nothing, and statements that name
    principals belong to resource or trust policies (``names_principals``): both give None. ``scope`` names
    what ``covers`` accepts (``every role``)."""
    if statement.is_deny or names_principals(statement):
        return None
    actions = list(actions)
    covering = [resource for resource in statement.resources if covers(resource)]
    on_everything = bool(covering or statement.not_resources)
    if statement.is_allow and actions and on_everything:
        where = (
            f"{scope} but {', '.join(statement.not_resources)} (NotResource)"
            if statement.not_resources
            else f"{scope} ({', '.join(covering)})"
        )
        return failed(f"{name} allows {', '.join(actions)} on {where}")
    could_grant = bool(actions) or statement.is_unknown(*action_fields)
    if could_grant and (on_everything or statement.is_unknown("resources", "not_resources")):
        return unknown(f"{name} has values not known at plan time: {', '.join(sorted(statement.unknown_fields))}")
    return None


def resolve_policy(resource: Resource, graph: Graph, attribute: str = "policy") -> PolicyDocument:
    """A policy attribute's document, following a reference to a ``data.aws_iam_policy_document`` through a
    connection rule's graph (in HCL the attribute holds ``data.aws_iam_policy_document.d.json``)."""
    document = read_policy(resource.get(attribute), attribute)
    if document.reference is None:
        return document
    targets = graph.resolve(document.reference, resource)
    if len(targets) == 1 and targets[0].type == "aws_iam_policy_document":
        return read_policy_document(targets[0])
    if targets and all(target.type != "aws_iam_policy_document" for target in targets):
        # Checkov's plan runner puts the first reference of an expression known only after apply in its place
        # (a jsonencode() naming a bucket arrives as "aws_s3_bucket.b.arn"): the document is not in the plan.
        problem = (
            f"{attribute} comes from {document.reference}, whose content is not known here (in a plan, a value "
            "known only after apply shows as the first reference of its expression, whose text the plan omits)"
        )
        return PolicyDocument(problems=(problem,), reference=document.reference)
    return document


def identity_policy(resource: Resource) -> PolicyDocument:
    """The identity policy of an IAM policy resource (``policy``) or of a ``data.aws_iam_policy_document``."""
    if resource.type == "aws_iam_policy_document":
        return read_policy_document(resource)
    return read_policy(resource.get("policy"))


def judge_statements(
    document: PolicyDocument, judge: Callable[[Statement, str], Result | None], when_clean: Result
) -> Result:
    """Fold ``judge(statement, name)`` (a FAIL or UNKNOWN finding, or None) over a document's statements:
    any FAIL wins, then UNKNOWN, counting the parts that could not be read; ``when_clean`` otherwise."""
    findings = [
        judge(statement, f"statement {statement.sid or number}")
        for number, statement in enumerate(document.statements, 1)
    ]
    findings.extend(unknown(problem) for problem in document.problems)
    return combine([finding for finding in findings if finding is not None], when_clean)


# -- managed policies ------------------------------------------------------------------------------------------

# AWS-managed policies that grant a whole account or a whole service. With every policy whose name holds
# "FullAccess" (AmazonS3FullAccess, AWSLambda_FullAccess, AmazonDynamoDBFullAccess_v2, service-role/...), they
# are what ``is_broad_managed_policy_name`` calls broad.
BROAD_MANAGED_POLICY_NAMES = frozenset({"AdministratorAccess", "PowerUserAccess", "IAMFullAccess"})
FULL_ACCESS = "FullAccess"
# The account part of the ARN of every AWS-managed policy: arn:<partition>:iam::aws:policy/<path><name>.
AWS_MANAGED_ACCOUNT = "aws"


def is_broad_managed_policy_name(name: str) -> bool:
    """Whether an AWS-managed policy of this name grants a whole account or whole services: AdministratorAccess,
    PowerUserAccess, IAMFullAccess, and every ``...FullAccess...`` policy. Names compare without regard to case,
    as IAM keeps policy names unique regardless of case. AdministratorAccess-Amplify and the other
    ``AdministratorAccess-<service>`` policies are narrower and are not broad by this test."""
    return (
        name.lower() in {known.lower() for known in BROAD_MANAGED_POLICY_NAMES} or FULL_ACCESS.lower() in name.lower()
    )


# A part of a policy ARN that is not known here: a ``${...}`` interpolation or a ``format`` argument that is
# not a literal. It never occurs in a real ARN.
_UNKNOWN_PART = "\x00"
_INTERPOLATION = re.compile(r"\$\{[^}]*\}")
_FORMAT_CALL = re.compile(r"^(?:\$\{\s*)?format\s*\((?P<arguments>.*)\)\s*\}?$", re.DOTALL)
_FORMAT_VERB = re.compile(r"%(?:%|[-+# 0]*\d*(?:\.\d+)?[a-zA-Z])")
_POLICY_ARN = re.compile(
    r"^arn:(?P<partition>[^:]*):iam::(?P<account>[^:]*):policy/(?P<path>(?:[^/]*/)*)(?P<name>[^/]*)$"
)
_PARTITION = re.compile(r"^aws(?:-[a-z0-9-]+)?$")


@dataclass(frozen=True)
class PolicyArn:
    """A managed policy's ARN as far as it is known: ``account`` and ``name`` are None where an expression not
    known here stands in them (``arn:${data.aws_partition.current.partition}:iam::aws:policy/X`` knows both;
    the partition never matters)."""

    text: str
    account: str | None
    name: str | None

    @property
    def is_aws_managed(self) -> bool | None:
        return None if self.account is None else self.account == AWS_MANAGED_ACCOUNT


def _format_arguments(text: str) -> list[str]:
    """The arguments of a ``format(...)`` call, split at top-level commas (quotes and brackets respected)."""
    arguments, current, depth, quoted, escaped = [], [], 0, False, False
    for char in text:
        if quoted:
            current.append(char)
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                quoted = False
            continue
        if char == '"':
            quoted = True
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            arguments.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    arguments.append("".join(current).strip())
    return arguments


def _format_argument(argument: str) -> str:
    """A ``format`` argument's text: a quoted literal, or a bare word the engine rendered (``aws`` for
    ``local.partition``); anything that is still an expression is not known here."""
    if len(argument) >= 2 and argument[0] == argument[-1] == '"':
        inner = argument[1:-1]
        return _INTERPOLATION.sub(_UNKNOWN_PART, inner) if "\\" not in inner else _UNKNOWN_PART
    if is_reference(argument) or is_unresolved(argument) or not re.fullmatch(r"[\w.-]+", argument) or "." in argument:
        return _UNKNOWN_PART
    return argument


def _expand_format(arguments_text: str) -> str | None:
    """``format("arn:%s:iam::aws:policy/%s", local.partition, "AdministratorAccess")`` with each argument in
    place; None when the call cannot be read."""
    arguments = _format_arguments(arguments_text)
    template = arguments[0] if arguments else ""
    if len(template) < 2 or template[0] != '"' or template[-1] != '"':
        return None
    values = iter(_format_argument(argument) for argument in arguments[1:])

    def substitute(match: re.Match[str]) -> str:
        if match.group() == "%%":
            return "%"
        value = next(values, None)
        return _UNKNOWN_PART if value is None or match.group()[-1] not in "sv" else value

    return _FORMAT_VERB.sub(substitute, _format_argument(template))


def read_policy_arn(value: Any) -> PolicyArn | None:
    """A managed policy's ARN as written: a literal, a string with ``${...}`` interpolations, or a ``format``
    call (``format("arn:%s:iam::aws:policy/%s", local.partition, "AdministratorAccess")``). None for anything
    that is not such an ARN: a bare reference (``aws_iam_policy.p.arn``), a variable, a non-string."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    call = _FORMAT_CALL.match(text)
    expanded = _expand_format(call["arguments"]) if call else _INTERPOLATION.sub(_UNKNOWN_PART, text)
    match = _POLICY_ARN.match(expanded or "")
    if match is None:
        return None
    partition = match["partition"]
    if _UNKNOWN_PART not in partition and not _PARTITION.match(partition):
        return None
    account, name = match["account"], match["name"]
    return PolicyArn(
        text=text,
        account=None if _UNKNOWN_PART in account or not account else account,
        name=None if _UNKNOWN_PART in name or not name else name,
    )


def is_broad_aws_managed_policy(arn: str) -> bool:
    """Whether ``arn`` (literal, interpolated or built with ``format``) certainly names a broad AWS-managed
    policy (``is_broad_managed_policy_name``), in any partition and under any path (``service-role/``)."""
    parsed = read_policy_arn(arn)
    return (
        parsed is not None
        and parsed.is_aws_managed is True
        and parsed.name is not None
        and is_broad_managed_policy_name(parsed.name)
    )


def judge_managed_policy(policy: PolicyArn) -> Result:
    """The verdict on attaching the managed policy ``policy`` names: FAIL for a broad AWS-managed policy, UNKNOWN
    when the parts that decide it (the name, or the account of a broad name) are not known, PASS otherwise."""
    if policy.name is None:
        return unknown(f"the policy name in {policy.text} is not known at plan time")
    if not is_broad_managed_policy_name(policy.name):
        owner = {True: "the AWS-managed ", False: "the customer-managed ", None: ""}[policy.is_aws_managed]
        return passed(f"attaches {owner}{policy.name}, which is not a broad AWS-managed policy")
    if policy.is_aws_managed is None:
        return unknown(f"the account in {policy.text} is not known at plan time: it may be AWS's {policy.name}")
    if policy.is_aws_managed:
        return failed(f"attaches the AWS-managed {policy.name} policy, which grants whole services to every holder")
    return passed(f"attaches the customer-managed policy {policy.text}")


def managed_policy_by_name(name: Any, path_prefix: Any = None) -> PolicyArn | None:
    """The policy a ``data.aws_iam_policy`` lookup by ``name`` (and ``path_prefix``) finds, as a ``PolicyArn``;
    None when the name is not known. AWS-managed policies live under ``/``, ``/service-role/``,
    ``/aws-service-role/`` and ``/job-function/``: a lookup under any other prefix finds a customer policy."""
    if not isinstance(name, str) or not name.strip() or is_unresolved(name) or is_reference(name):
        return None
    if is_unset(path_prefix) or path_prefix == "/":
        account: str | None = AWS_MANAGED_ACCOUNT
    elif not isinstance(path_prefix, str) or is_unresolved(path_prefix) or is_reference(path_prefix):
        account = None
    elif any(
        aws_path.startswith(path_prefix) or path_prefix.startswith(aws_path)
        for aws_path in ("/service-role/", "/aws-service-role/", "/job-function/")
    ):
        account = AWS_MANAGED_ACCOUNT
    else:
        account = "this account"
    return PolicyArn(text=f"the policy named {name.strip()}", account=account, name=name.strip())


# Where each resource that attaches managed policies names them: a list attribute, or ``policy_arn``.
POLICY_ARN_LISTS = {
    "aws_iam_role": "managed_policy_arns",
    "aws_iam_role_policy_attachments_exclusive": "policy_arns",
    "aws_iam_user_policy_attachments_exclusive": "policy_arns",
    "aws_iam_group_policy_attachments_exclusive": "policy_arns",
}
POLICY_LOOKUP = "aws_iam_policy"


def attached_policy_arns(resource: Resource) -> tuple[str, Any]:
    """The attribute that names the managed policies a resource attaches, and its value: ``policy_arn`` of the
    ``*_policy_attachment`` resources, ``managed_policy_arns`` of ``aws_iam_role``, ``policy_arns`` of the
    ``*_policy_attachments_exclusive`` resources."""
    attribute = POLICY_ARN_LISTS.get(resource.type, "policy_arn")
    return attribute, resource.get(attribute)


def is_policy_lookup(value: Any) -> bool:
    """A reference to a ``data.aws_iam_policy`` lookup (``data.aws_iam_policy.admin.arn``)."""
    return str(referenced_address(value)).startswith(f"data.{POLICY_LOOKUP}.")


# -- what AWS-managed policies grant, for attack paths ---------------------------------------------------------

# An abstract of the AWS-managed policies the attack-path rules (CKV2_AISEC_45..47) can follow: for each, the
# statements that matter to them, i.e. what the policy allows on S3 objects, ECR images, Bedrock models and
# SageMaker endpoints (read from the policies' published documents; other services are left out). A policy
# listed with no statements grants none of those. An AWS-managed policy that is not listed is not known
# here: a rule that needs its content answers UNKNOWN.
_EVERYTHING = ("*",)
MANAGED_POLICY_GRANTS: dict[str, tuple[Statement, ...]] = {
    "AdministratorAccess": (Statement(ALLOW, actions=("*",), resources=_EVERYTHING),),
    "PowerUserAccess": (
        Statement(ALLOW, not_actions=("iam:*", "organizations:*", "account:*"), resources=_EVERYTHING),
    ),
    "AmazonS3FullAccess": (Statement(ALLOW, actions=("s3:*", "s3-object-lambda:*"), resources=_EVERYTHING),),
    "AmazonS3ReadOnlyAccess": (
        Statement(
            ALLOW,
            actions=("s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"),
            resources=_EVERYTHING,
        ),
    ),
    "AmazonSageMakerFullAccess": (
        Statement(ALLOW, actions=("sagemaker:*",), resources=_EVERYTHING),
        Statement(
            ALLOW,
            actions=("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"),
            resources=("arn:aws:s3:::*SageMaker*", "arn:aws:s3:::*Sagemaker*", "arn:aws:s3:::*sagemaker*"),
        ),
        Statement(
            ALLOW,
            actions=(
                "ecr:SetRepositoryPolicy",
                "ecr:CompleteLayerUpload",
                "ecr:BatchDeleteImage",
                "ecr:UploadLayerPart",
                "ecr:DeleteRepositoryPolicy",
                "ecr:InitiateLayerUpload",
                "ecr:DeleteRepository",
                "ecr:PutImage",
            ),
            resources=("arn:aws:ecr:*:*:repository/*sagemaker*",),
        ),
    ),
    "AmazonBedrockFullAccess": (Statement(ALLOW, actions=("bedrock:*",), resources=_EVERYTHING),),
    "AmazonEC2ContainerRegistryFullAccess": (Statement(ALLOW, actions=("ecr:*",), resources=_EVERYTHING),),
    "AmazonEC2ContainerRegistryPowerUser": (
        Statement(
            ALLOW,
            actions=(
                "ecr:GetAuthorizationToken",
                "ecr:BatchCheckLayerAvailability",
                "ecr:GetDownloadUrlForLayer",
                "ecr:BatchGetImage",
                "ecr:InitiateLayerUpload",
                "ecr:UploadLayerPart",
                "ecr:CompleteLayerUpload",
                "ecr:PutImage",
            ),
            resources=_EVERYTHING,
        ),
    ),
    "AmazonEC2ContainerRegistryReadOnly": (
        Statement(
            ALLOW, actions=("ecr:Get*", "ecr:BatchGetImage", "ecr:Describe*", "ecr:List*"), resources=_EVERYTHING
        ),
    ),
    # Execution and agent policies that grant none of S3 objects, ECR writes, Bedrock or SageMaker invocations.
    "AWSLambdaBasicExecutionRole": (),
    "AWSLambdaVPCAccessExecutionRole": (),
    "AmazonECSTaskExecutionRolePolicy": (
        Statement(ALLOW, actions=("ecr:GetAuthorizationToken", "ecr:BatchGetImage"), resources=_EVERYTHING),
    ),
    "AmazonSSMManagedInstanceCore": (),
    "CloudWatchAgentServerPolicy": (),
}


def managed_policy_statements(name: str) -> tuple[Statement, ...] | None:
    """What the AWS-managed policy ``name`` allows on S3 objects, ECR images, Bedrock and SageMaker
    (``MANAGED_POLICY_GRANTS``, names compared without regard to case); None for a policy not listed."""
    for known, statements in MANAGED_POLICY_GRANTS.items():
        if known.lower() == name.lower():
            return statements
    return None


@cache
def _resource_pattern(glob: str) -> re.Pattern[str]:
    text = "".join(".*" if char == "*" else "." if char == "?" else re.escape(char) for char in glob)
    return re.compile(text, re.DOTALL)


def resource_matches(pattern: str, arn: str) -> bool:
    """Whether a Resource pattern (``arn:aws:s3:::*sagemaker*``) matches an ARN. Unlike actions, resource ARNs
    compare with regard to case; ``*`` and ``?`` are wildcards (``*`` also spans ``/``)."""
    return bool(_resource_pattern(pattern).fullmatch(arn))
