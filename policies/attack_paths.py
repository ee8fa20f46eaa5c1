"""What the attack-path rules (CKV2_AISEC_45..47) share: which role a workload runs as, what that role may do,
and whether the workload faces the internet. docs/attack-paths.md describes the reading in prose.

Every link of a path comes from the configuration. A link that goes through a value not known at plan time (a
variable, a role or policy that is not part of the configuration, an AWS-managed policy whose content is not
in ``policies.iam.MANAGED_POLICY_GRANTS``) makes the answer UNKNOWN, and the reason names that link.

A role's permissions are the union of its inline policies (``aws_iam_role_policy``, the role's
``inline_policy`` blocks), the customer-managed policies attached to it (``aws_iam_role_policy_attachment``,
``aws_iam_policy_attachment``, ``aws_iam_role_policy_attachments_exclusive``, ``managed_policy_arns``) and the
AWS-managed ones (``MANAGED_POLICY_GRANTS``), minus what an unconditional Deny removes, within the role's
permissions boundary when it has one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from policies import iam
from policies.graph import Graph
from policies.model import (
    Resource,
    Result,
    Verdict,
    as_bool,
    as_int,
    as_list,
    blocks_of,
    failed,
    first_block,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

ROLE = "aws_iam_role"
INSTANCE_PROFILE = "aws_iam_instance_profile"
POLICY = "aws_iam_policy"
ROLE_POLICY = "aws_iam_role_policy"
ROLE_POLICY_ATTACHMENT = "aws_iam_role_policy_attachment"
POLICY_ATTACHMENT = "aws_iam_policy_attachment"
EXCLUSIVE_ATTACHMENTS = "aws_iam_role_policy_attachments_exclusive"
NOTEBOOK = "aws_sagemaker_notebook_instance"
INSTANCE = "aws_instance"
LAUNCH_TEMPLATE = "aws_launch_template"
ECS_SERVICE = "aws_ecs_service"
TASK_DEFINITION = "aws_ecs_task_definition"
LAMBDA = "aws_lambda_function"
FUNCTION_URL = "aws_lambda_function_url"
API_METHOD = "aws_api_gateway_method"
API_INTEGRATION = "aws_api_gateway_integration"
BUCKET = "aws_s3_bucket"
ECR_REPOSITORY = "aws_ecr_repository"
COMPUTE_TYPES = (NOTEBOOK, INSTANCE, LAUNCH_TEMPLATE, ECS_SERVICE)
ENTRY_TYPES = (FUNCTION_URL, API_METHOD)

_REFERENCE_IN_TEXT = re.compile(r"(?<![\w.])((?:data\.)?aws_[a-z0-9_]+\.[A-Za-z_][A-Za-z0-9_-]*)")


def _is_result(value: object) -> bool:
    return isinstance(value, Result)


# -- finding resources ----------------------------------------------------------------------------------------


def lookup(value: Any, owner: Resource, graph: Graph, types: Iterable[str], names: Iterable[str], what: str) -> Any:
    """The one resource of ``types`` that ``value`` (written in ``owner``) names: by reference, or by a literal
    equal to one of its ``names`` attributes or to the last part of an ARN. A ``Result`` (UNKNOWN) when it
    cannot be told; None when ``value`` is unset."""
    types, names = tuple(types), tuple(names)
    if is_unset(value):
        return None
    if is_reference(value):
        found = [target for target in graph.resolve(value, owner) if target.type in types]
        if len(found) == 1:
            return found[0]
        return unknown(f"{what} {value} does not lead to one {' or '.join(types)} of this configuration")
    if not isinstance(value, str) or is_unresolved(value):
        return unknown(f"{what} is not known at plan time ({value!r})")
    wanted = {value, value.rsplit("/", 1)[-1]} if value.startswith("arn:") else {value}
    found = [
        target
        for target in graph.of_type(*types)
        if any(isinstance(name := target.get(attribute), str) and name in wanted for attribute in names)
    ]
    if len(found) == 1:
        return found[0]
    return unknown(f"{what} {value} is not one {' or '.join(types)} of this configuration")


def find_role(value: Any, owner: Resource, graph: Graph, what: str) -> Resource | Result | None:
    """The ``aws_iam_role`` that ``value`` (a role ARN or name) names."""
    return lookup(value, owner, graph, (ROLE,), ("name", "arn"), what)


# -- what a role may do ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """A policy document of a role and where it comes from (for reasons)."""

    where: str
    document: iam.PolicyDocument


def _managed_arn_source(arn: Any, owner: Resource, graph: Graph) -> Source | Result:
    """The document of a managed policy named by ARN (or by a reference to an ``aws_iam_policy`` or a
    ``data.aws_iam_policy`` lookup)."""
    if is_reference(arn):
        found = graph.resolve(arn, owner)
        if len(found) == 1 and found[0].type == POLICY:
            return Source(found[0].address, iam.resolve_policy(found[0], graph))
        if len(found) == 1 and found[0].type == iam.POLICY_LOOKUP:
            lookup_ = found[0]
            parsed = (
                iam.read_policy_arn(lookup_.get("arn"))
                if lookup_.get("arn") is not None
                else iam.managed_policy_by_name(lookup_.get("name"), lookup_.get("path_prefix"))
            )
            return _aws_managed_source(parsed, f"{arn}", graph)
        return unknown(f"the policy {arn} is not a policy of this configuration")
    return _aws_managed_source(iam.read_policy_arn(arn), f"{arn}", graph)


def _aws_managed_source(parsed: iam.PolicyArn | None, text: str, graph: Graph) -> Source | Result:
    if parsed is None or parsed.name is None:
        return unknown(f"the policy {text} is not known at plan time")
    if parsed.is_aws_managed:
        statements = iam.managed_policy_statements(parsed.name)
        if statements is None:
            return unknown(f"the AWS-managed policy {parsed.name} is not one whose content this pack knows")
        return Source(f"the AWS-managed {parsed.name}", iam.PolicyDocument(statements))
    found = [policy for policy in graph.of_type(POLICY) if policy.get("name") == parsed.name]
    if len(found) == 1:
        return Source(found[0].address, iam.resolve_policy(found[0], graph))
    return unknown(f"the policy {text} is not a policy of this configuration")


def _names_role(value: Any, owner: Resource, role: Resource, graph: Graph) -> bool | None:
    if is_reference(value):
        return role in graph.resolve(value, owner)
    if not isinstance(value, str) or is_unresolved(value):
        return None
    return value == role.get("name")


def role_sources(role: Resource, graph: Graph) -> tuple[list[Source], list[Result]]:
    """The policy documents that grant ``role`` permissions, and an UNKNOWN for each that cannot be read or
    may belong to the role."""
    sources: list[Source] = []
    problems: list[Result] = []
    inline = graph.attached(role, [ROLE_POLICY], "role", target_names=("name",))
    sources.extend(Source(policy.address, iam.resolve_policy(policy, graph)) for policy in inline.found)
    for number, block in enumerate(blocks_of(role.attrs, "inline_policy"), 1):
        document = iam.read_policy(block.get("policy"))
        if document.reference is not None:
            targets = graph.resolve(document.reference, role)
            if len(targets) == 1 and targets[0].type == "aws_iam_policy_document":
                document = iam.read_policy_document(targets[0])
        sources.append(Source(f"inline_policy #{number} of {role.address}", document))
    arns: list[tuple[Any, Resource]] = []
    attachments = graph.attached(role, [ROLE_POLICY_ATTACHMENT], "role", target_names=("name",))
    arns.extend((attachment.get("policy_arn"), attachment) for attachment in attachments.found)
    exclusive = graph.attached(role, [EXCLUSIVE_ATTACHMENTS], "role_name", target_names=("name",))
    for attachment in exclusive.found:
        arns.extend((arn, attachment) for arn in as_list(attachment.get("policy_arns")))
    arns.extend((arn, role) for arn in as_list(role.get("managed_policy_arns")))
    undecidable = [*inline.undecidable, *attachments.undecidable, *exclusive.undecidable]
    for attachment in graph.of_type(POLICY_ATTACHMENT):
        named = [_names_role(value, attachment, role, graph) for value in as_list(attachment.get("roles"))]
        if True in named:
            arns.append((attachment.get("policy_arn"), attachment))
        elif None in named or is_unresolved(attachment.get("roles")):
            undecidable.append(attachment)
    for arn, owner in arns:
        source = _managed_arn_source(arn, owner, graph)
        if isinstance(source, Result):
            problems.append(source)
        else:
            sources.append(source)
    problems.extend(
        unknown(f"{resource.address} may give this role a policy: its role is not known at plan time")
        for resource in undecidable
    )
    return sources, problems


Covers = Callable[[str, Resource], "bool | None"]


def _action_allowed(statement: iam.Statement, action: str) -> bool | None:
    if any(iam.action_matches(pattern, action) for pattern in statement.actions):
        return True
    if statement.not_actions and not any(iam.action_matches(pattern, action) for pattern in statement.not_actions):
        return True
    return None if statement.is_unknown("actions", "not_actions") else False


def _resource_covered(statement: iam.Statement, covers: Covers, owner: Resource) -> tuple[bool | None, str]:
    """Whether the statement's Resource (or NotResource) reaches the target, and the patterns that do."""
    hits = [pattern for pattern in statement.resources if covers(pattern, owner) is True]
    if hits:
        return True, ", ".join(hits)
    maybe = any(covers(pattern, owner) is None for pattern in statement.resources)
    if statement.not_resources:
        excluded = [covers(pattern, owner) for pattern in statement.not_resources]
        if True not in excluded and None not in excluded:
            return True, f"everything but {', '.join(statement.not_resources)} (NotResource)"
        maybe = maybe or (True not in excluded)
    if maybe or statement.is_unknown("resources", "not_resources"):
        return None, ""
    return False, ""


def _judge_action(sources: list[Source], action: str, covers: Covers, owner: Resource) -> tuple[bool | None, str]:
    """(allowed, why) for one action: True with the statement that allows it, None with what is unknown."""
    allows: list[str] = []
    maybes: list[str] = []
    denied: bool | None = False
    for source in sources:
        for number, statement in enumerate(source.document.statements, 1):
            if iam.names_principals(statement):
                continue
            name = f"{source.where} statement {statement.sid or number}"
            action_hit = _action_allowed(statement, action)
            resource_hit, where = _resource_covered(statement, covers, owner)
            if action_hit is False or resource_hit is False:
                continue
            conditional = bool(statement.conditions) or statement.is_unknown("conditions")
            effect_known = statement.is_allow or statement.is_deny
            if statement.is_deny:
                if action_hit and resource_hit and not conditional:
                    denied = True
                elif denied is False:
                    denied = None
                continue
            if not effect_known:
                maybes.append(f"{name}: its effect is not known at plan time")
            elif action_hit and resource_hit and not conditional:
                allows.append(f"{name} allows {action} on {where}")
            elif action_hit and resource_hit:
                maybes.append(f"{name} allows {action} on {where} only under conditions")
            else:
                fields = ", ".join(sorted(statement.unknown_fields)) or "a resource pattern"
                maybes.append(f"{name} may allow {action}: {fields} not known at plan time")
        maybes.extend(problem for problem in source.document.problems)
    if denied is True:
        return False, ""
    if allows and denied is False:
        return True, allows[0]
    if allows:
        return None, f"{allows[0]}, but a Deny whose reach is not known may remove it"
    if maybes:
        return None, maybes[0]
    return False, ""


def role_may(role: Resource, graph: Graph, actions: Iterable[str], covers: Covers, what: str) -> Result:
    """FAIL when ``role`` may perform one of ``actions`` on what ``covers`` accepts (reason: the grant), UNKNOWN
    when a link is not known, PASS otherwise. ``covers(pattern, policy_owner)`` answers whether a Resource
    pattern reaches the target."""
    sources, problems = role_sources(role, graph)
    boundary: list[Source] | None = None
    boundary_problem: str | None = None
    boundary_arn = role.get("permissions_boundary")
    if not is_unset(boundary_arn):
        found = _managed_arn_source(boundary_arn, role, graph)
        if isinstance(found, Result):
            boundary_problem = f"its permissions boundary is not known: {found.reason}"
        else:
            boundary = [found]
    maybes: list[str] = []
    for action in actions:
        allowed, why = _judge_action(sources, action, covers, role)
        if allowed is not False and boundary is not None:
            within, boundary_why = _judge_action(boundary, action, covers, role)
            if within is False:
                continue
            if within is None:
                allowed, why = None, f"{why}; its permissions boundary: {boundary_why}"
        if allowed is True and boundary_problem is not None:
            allowed, why = None, f"{why}; {boundary_problem}"
        if allowed is True:
            return failed(why)
        if allowed is None:
            maybes.append(why)
    if maybes:
        return unknown(maybes[0])
    if problems:
        return unknown(problems[0].reason)
    return passed(f"{role.address} may not {what}")


# -- what a Resource pattern reaches --------------------------------------------------------------------------


def _references(pattern: str, owner: Resource, graph: Graph) -> tuple[bool, list[Resource]]:
    """Whether the pattern holds references, and the resources they lead to."""
    found = _REFERENCE_IN_TEXT.findall(pattern)
    return bool(found), [target for reference in found for target in graph.resolve(reference, owner)]


def _arn_resource_part(pattern: str, service: str) -> str | None:
    """The resource part of an ARN of ``service`` (``arn:aws:s3:::b/*`` -> ``b/*``); None for other ARNs."""
    parts = pattern.split(":", 5)
    if len(parts) < 6 or parts[0] != "arn" or not iam.resource_matches(parts[2], service):
        return None
    return parts[5]


# What follows a reference in a Resource pattern: its attribute path and the ``}`` that closes an interpolation.
_REFERENCE_TAIL = re.compile(r"(?:\[[^\]]*\])?(?:\.[A-Za-z0-9_-]+|\[[^\]]*\])*\}?")


def _objects_after_reference(pattern: str, bucket: Resource, owner: Resource, graph: Graph) -> bool | None:
    """Whether a pattern that names ``bucket`` by reference reaches its objects: ``${aws_s3_bucket.b.arn}/*``
    (or ``arn:aws:s3:::${aws_s3_bucket.b.id}/models/*``, or a ``*`` right after the reference) does; the
    reference alone (``aws_s3_bucket.b.arn``) is the bucket, not its objects, and a name glued to it
    (``${aws_s3_bucket.b.id}-logs/*``) is another bucket. None when what follows is not known."""
    answers: list[bool | None] = []
    for match in _REFERENCE_IN_TEXT.finditer(pattern):
        if bucket not in graph.resolve(match.group(1), owner):
            continue
        tail = _REFERENCE_TAIL.match(pattern, match.end())
        rest = pattern[tail.end() if tail else match.end() :]
        if rest.startswith(("/", "*")):
            return True
        if rest == "":
            answers.append(False)
        elif is_unresolved(rest) or "?" in rest.partition("/")[0] or "*" in rest.partition("/")[0]:
            answers.append(None)
        else:
            answers.append(False)
    return None if None in answers else False


def covers_bucket_objects(bucket: Resource, graph: Graph) -> Covers:
    """A ``Covers`` for objects of ``bucket`` (some objects are enough: ``arn:aws:s3:::b/models/*`` counts; a
    reference reaches them as ``_objects_after_reference`` says)."""

    def covers(pattern: str, owner: Resource) -> bool | None:
        has_references, targets = _references(pattern, owner, graph)
        if bucket in targets:
            return _objects_after_reference(pattern, bucket, owner, graph)
        if is_unresolved(pattern):
            return None
        if iam.matches_every_resource(pattern):
            return True
        if has_references:
            return False if targets else None
        resource = _arn_resource_part(pattern, "s3")
        if resource is None:
            return False
        name = bucket.get("bucket")
        if not isinstance(name, str) or not name or is_unresolved(name) or is_reference(name):
            return None if ("*" in resource or "?" in resource) else False
        bucket_glob, slash, _ = resource.partition("/")
        if slash:
            return iam.resource_matches(bucket_glob, name)
        return iam.resource_matches(resource, f"{name}/key")

    return covers


def covers_repository(repository: Resource, graph: Graph) -> Covers:
    """A ``Covers`` for an ECR repository. A literal ARN's region and account are taken to be the
    repository's own (the configuration does not say which account it deploys to)."""

    def covers(pattern: str, owner: Resource) -> bool | None:
        has_references, targets = _references(pattern, owner, graph)
        if repository in targets:
            return True
        if is_unresolved(pattern):
            return None
        if iam.matches_every_resource(pattern):
            return True
        if has_references:
            return False if targets else None
        resource = _arn_resource_part(pattern, "ecr")
        if resource is None:
            return False
        name = repository.get("name")
        if not isinstance(name, str) or not name or is_unresolved(name):
            return None if ("*" in resource or "?" in resource) else False
        return iam.resource_matches(resource, f"repository/{name}")

    return covers


def covers_everything(pattern: str, owner: Resource) -> bool | None:
    """A ``Covers`` for ``"*"``: only a pattern that names every resource of its service reaches it."""
    if is_unresolved(pattern):
        return None
    return iam.matches_every_resource(pattern)


# -- workloads and their roles --------------------------------------------------------------------------------


def _profile_role(value: Any, owner: Resource, graph: Graph, what: str) -> Resource | Result | None:
    profile = lookup(value, owner, graph, (INSTANCE_PROFILE,), ("name", "arn"), what)
    if profile is None or isinstance(profile, Result):
        return profile
    role = find_role(profile.get("role"), profile, graph, f"the role of {profile.address}")
    if role is None:
        return unknown(f"{profile.address} names no role")
    return role


def workload_role(resource: Resource, graph: Graph) -> Resource | Result | None:
    """The role a workload runs as: a notebook's ``role_arn``, an instance's or launch template's instance
    profile's role, an ECS service's task definition's ``task_role_arn``, a Lambda function's ``role``."""
    if resource.type == NOTEBOOK:
        return find_role(resource.get("role_arn"), resource, graph, "role_arn")
    if resource.type == INSTANCE:
        return _profile_role(resource.get("iam_instance_profile"), resource, graph, "iam_instance_profile")
    if resource.type == LAUNCH_TEMPLATE:
        block = first_block(resource.attrs, "iam_instance_profile")
        if block is None:
            raw = resource.get("iam_instance_profile")
            return None if is_unset(raw) else unknown(f"iam_instance_profile is not a block ({raw!r})")
        value = block.get("arn") if not is_unset(block.get("arn")) else block.get("name")
        return _profile_role(value, resource, graph, "iam_instance_profile")
    if resource.type == ECS_SERVICE:
        task = lookup(
            resource.get("task_definition"), resource, graph, (TASK_DEFINITION,), ("family",), "task_definition"
        )
        if task is None or isinstance(task, Result):
            return task
        role = find_role(task.get("task_role_arn"), task, graph, f"task_role_arn of {task.address}")
        return role
    if resource.type == LAMBDA:
        return find_role(resource.get("role"), resource, graph, f"the role of {resource.address}")
    return unknown(f"{resource.type} is not a workload these rules follow")


def _flag(value: Any, name: str, where: str) -> bool | Result | None:
    if is_unset(value):
        return None
    if is_unresolved(value) or is_reference(value):
        return unknown(f"{name} of {where} is not known at plan time ({value})")
    flag = as_bool(value)
    return unknown(f"{name} of {where} is not a boolean ({value!r})") if flag is None else flag


def _template_public_ip(template: Resource) -> bool | Result | None:
    if "network_interfaces" in template.dynamic_blocks:
        return unknown(f"network_interfaces of {template.address} is a dynamic block")
    settings = [
        _flag(block.get("associate_public_ip_address"), "associate_public_ip_address", template.address)
        for block in blocks_of(template.attrs, "network_interfaces")
        if as_int(block.get("device_index")) in (None, 0)
    ]
    for setting in settings:
        if setting is True or isinstance(setting, Result):
            return setting
    return False if False in settings else None


def _subnet_public(subnet_id: Any, owner: Resource, graph: Graph) -> Result:
    if is_unset(subnet_id):
        return unknown(
            "no subnet_id and no associate_public_ip_address: whether it gets a public IP depends on the "
            "default VPC's subnets, which are not part of the configuration"
        )
    subnet = lookup(subnet_id, owner, graph, ("aws_subnet", "aws_default_subnet"), ("id",), "subnet_id")
    if not isinstance(subnet, Resource):
        return subnet if isinstance(subnet, Result) else unknown("subnet_id cannot be read")
    value = subnet.get("map_public_ip_on_launch")
    public = (
        (subnet.type == "aws_default_subnet")
        if is_unset(value)
        else _flag(value, "map_public_ip_on_launch", subnet.address)
    )
    if isinstance(public, Result):
        return public
    if public:
        return failed(f"it has a public IP address ({subnet.address} maps one to every instance launched into it)")
    return passed(f"{subnet.address} gives it no public IP address")


def internet_exposure(resource: Resource, graph: Graph) -> Result:
    """FAIL when the workload is reachable from the internet (the reason says how), UNKNOWN when a link that
    decides it is not known, PASS when it is not."""
    try:
        return _internet_exposure(resource, graph)
    except (TypeError, ValueError, AttributeError, RecursionError) as error:
        return unknown(f"its network settings cannot be read ({error.__class__.__name__})")


def _internet_exposure(resource: Resource, graph: Graph) -> Result:
    if resource.type == NOTEBOOK:
        value = resource.get("direct_internet_access")
        if is_unset(value):
            return failed("it has direct internet access (direct_internet_access unset: Enabled)")
        if is_unresolved(value) or is_reference(value):
            return unknown(f"direct_internet_access is not known at plan time ({value})")
        if value == "Enabled":
            return failed("it has direct internet access (direct_internet_access = Enabled)")
        if value == "Disabled":
            return passed("direct_internet_access is Disabled")
        return unknown(f"direct_internet_access is {value!r}")
    if resource.type == INSTANCE:
        for resource_type, attribute in (("aws_eip", "instance"), ("aws_eip_association", "instance_id")):
            attached = graph.attached(resource, [resource_type], attribute)
            if attached.found:
                return failed(f"it has a public IP address ({attached.found[0].address} attaches an Elastic IP)")
        setting = _flag(resource.get("associate_public_ip_address"), "associate_public_ip_address", resource.address)
        if setting is None:
            template_block = first_block(resource.attrs, "launch_template")
            if template_block is not None:
                reference = template_block.get("id") or template_block.get("name")
                template = lookup(reference, resource, graph, (LAUNCH_TEMPLATE,), ("name", "id"), "launch_template")
                if isinstance(template, Resource):
                    setting = _template_public_ip(template)
                    if setting is True:
                        return failed(
                            f"it has a public IP address (its launch template {template.address} asks for one)"
                        )
        if isinstance(setting, Result):
            return setting
        if setting is True:
            return failed("it has a public IP address (associate_public_ip_address = true)")
        if setting is False:
            return passed("associate_public_ip_address is false")
        return _subnet_public(resource.get("subnet_id"), resource, graph)
    if resource.type == LAUNCH_TEMPLATE:
        setting = _template_public_ip(resource)
        if isinstance(setting, Result):
            return setting
        if setting is True:
            return failed("instances launched from it get a public IP address (associate_public_ip_address = true)")
        return passed("the template asks for no public IP address (instances are judged where they are launched)")
    if resource.type == ECS_SERVICE:
        if "network_configuration" in resource.dynamic_blocks:
            return unknown("network_configuration is a dynamic block whose content is not known")
        blocks = blocks_of(resource.attrs, "network_configuration")
        settings = [_flag(block.get("assign_public_ip"), "assign_public_ip", resource.address) for block in blocks]
        for setting in settings:
            if isinstance(setting, Result):
                return setting
        if True in settings:
            return failed("its tasks get public IP addresses (assign_public_ip = true)")
        return passed("its tasks get no public IP address")
    return unknown(f"{resource.type} is not a workload these rules follow")


def path_through_role(subject: str, role: Resource | Result | None, judge: Callable[[Resource], Result]) -> Result:
    """Fold a role link into a path: no role is no path; an unknown role is UNKNOWN."""
    if role is None:
        return passed(f"{subject} runs as no role: no path")
    if isinstance(role, Result):
        return unknown(f"the role link is unknown: {role.reason}")
    return judge(role)


def verdict_is(result: Result, verdict: Verdict) -> bool:
    return result.verdict is verdict


# -- unauthenticated entry points -----------------------------------------------------------------------------


def _same(left: Any, left_owner: Resource, right: Any, right_owner: Resource, graph: Graph) -> bool | None:
    """Whether two values name the same thing: equal literals, or references to the same resource."""
    if is_reference(left) and is_reference(right):
        left_targets, right_targets = graph.resolve(left, left_owner), graph.resolve(right, right_owner)
        return bool(left_targets) and left_targets == right_targets
    if is_unresolved(left) or is_unresolved(right) or is_reference(left) or is_reference(right):
        return None
    return left == right


def _integration_matches(integration: Resource, method: Resource, graph: Graph) -> bool | None:
    http_method = integration.get("http_method")
    if is_reference(http_method) and method in graph.resolve(http_method, integration):
        same_method: bool | None = True
    else:
        same_method = _same(http_method, integration, method.get("http_method"), method, graph)
    answers = [
        _same(integration.get(key), integration, method.get(key), method, graph)
        for key in ("rest_api_id", "resource_id")
    ]
    answers.append(same_method)
    if False in answers:
        return False
    return None if None in answers else True


def _integrated_function(integration: Resource, graph: Graph) -> Resource | Result | None:
    uri = integration.get("uri")
    if is_unset(uri):
        return None
    if is_reference(uri):
        found = [target for target in graph.resolve(uri, integration) if target.type == LAMBDA]
        return found[0] if len(found) == 1 else None
    if not isinstance(uri, str) or is_unresolved(uri):
        return unknown(f"the uri of {integration.address} is not known at plan time ({uri!r})")
    _, references = _references(uri, integration, graph)
    functions = [target for target in references if target.type == LAMBDA]
    if functions:
        return functions[0]
    match = re.search(r":function:([A-Za-z0-9_-]+)", uri)
    if match is None:
        return None  # not a Lambda integration
    return lookup(
        match.group(1), integration, graph, (LAMBDA,), ("function_name",), f"the function of {integration.address}"
    )


def entry_function(entry: Resource, graph: Graph) -> tuple[Result, Resource | None]:
    """Whether an entry point lets anyone in, and the Lambda function behind it: (FAIL with how it is open and
    the function), (UNKNOWN, None) when a link is not known, (PASS, None) when there is no unauthenticated path
    to a function."""
    if entry.type == FUNCTION_URL:
        auth = entry.get("authorization_type")
        if is_unresolved(auth) or is_reference(auth) or not isinstance(auth, str):
            return unknown(f"authorization_type is not known at plan time ({auth!r})"), None
        if auth != "NONE":
            return passed(f"the function URL requires authorization ({auth})"), None
        function = lookup(
            entry.get("function_name"), entry, graph, (LAMBDA,), ("function_name", "arn"), "function_name"
        )
        if not isinstance(function, Resource):
            reason = function.reason if isinstance(function, Result) else "function_name is unset"
            return unknown(f"the function link is unknown: {reason}"), None
        return failed(
            f"the function URL takes requests without authorization (authorization_type = NONE) for {function.address}"
        ), function
    if entry.type == API_METHOD:
        auth = entry.get("authorization")
        if is_unresolved(auth) or is_reference(auth) or not isinstance(auth, str):
            return unknown(f"authorization is not known at plan time ({auth!r})"), None
        if auth.upper() != "NONE":
            return passed(f"the method requires authorization ({auth})"), None
        maybes: list[str] = []
        for integration in graph.of_type(API_INTEGRATION):
            matches = _integration_matches(integration, entry, graph)
            if matches is False:
                continue
            function = _integrated_function(integration, graph)
            if function is None:
                continue
            if isinstance(function, Result):
                maybes.append(function.reason)
            elif matches:
                return failed(
                    "the method takes requests without authorization (authorization = NONE) and "
                    f"{integration.address} sends them to {function.address}"
                ), function
            else:
                maybes.append(f"{integration.address} may integrate this method: its method is not known at plan time")
        if maybes:
            return unknown(f"the function link is unknown: {maybes[0]}"), None
        return passed("no integration of this configuration sends the method's requests to a Lambda function"), None
    return unknown(f"{entry.type} is not an entry point these rules follow"), None
