"""Children described once, judged by the catalog before anything registers, then registered.

A component does not register its children directly. Its ``describe`` classmethod adds each child to a
``Plan`` (the pulumi-aws resource class, the logical name and the Python keyword arguments it will be
constructed with) and returns the parts the component exposes. The same description then serves twice:

1. **judgment** (``Plan.judge``): every child's arguments are turned into the properties the Pulumi engine
   would record (pulumi-aws camelCase input shape), normalized by ``policies.pulumi_adapter`` and judged by
   the whole catalog, resource rules and connection rules, with the component's children as one
   configuration. The first FAIL (in catalog order) raises ``PolicyViolation`` with that rule's ID and
   reason, before the component itself is registered, so nothing is registered;
2. **registration** (``Plan.register``): the children are constructed, in order, with ``parent`` set to the
   component.

What is not known at construction reads as unknown to the rules: an ``Output`` the caller passes, a value
only the provider computes, an invoke's answer, and any string built from them read as
``policies.model.KNOWN_AFTER_APPLY``; an attribute of another child of the same plan reads as a Terraform
reference (``aws_kms_key.data-key.arn``), which counts as set and lets connection rules match children the
way they match Terraform references. A rule's UNKNOWN never refuses. Where a JSON document (a policy) holds
such values, it is judged again by the resource rules once its Outputs resolve, before the provider sees it.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import pulumi
from pulumi import _types as pulumi_types

from policies.catalog import Rule, load_catalog
from policies.graph import Graph
from policies.model import KNOWN_AFTER_APPLY, Resource, Verdict
from policies.pulumi_adapter import JSON_ATTRIBUTES, evaluate_resources, normalize, snake_case, terraform_type


class PolicyViolation(ValueError):
    """Arguments whose children a catalog rule fails (or that break a named requirement no rule covers yet).

    ``rule_id`` is the first failing rule's ID; ``detail`` its reason; ``remediation`` the rule's fix (its
    summary and Pulumi example from the catalog, empty for a named requirement); ``violations`` every
    ``(rule_id, address, reason)`` found. The message is ``<rule_id>: <detail>``, then the remediation."""

    def __init__(self, rule_id: str, message: str, violations: Sequence[tuple[str, str, str]] = ()) -> None:
        self.rule_id = rule_id
        self.detail = message
        self.remediation = remediation(rule_id)
        self.violations = list(violations) or [(rule_id, "", message)]
        super().__init__(f"{rule_id}: {message}" + (f"\n{self.remediation}" if self.remediation else ""))


def remediation(rule_id: str) -> str:
    """How to fix what ``rule_id`` fails, from the rule's metadata: the summary, then its Pulumi example."""
    rule = next((rule for rule in load_catalog() if rule.id == rule_id), None)
    if rule is None:
        return ""
    lines = []
    if summary := str(rule.remediation.get("summary", "")).strip():
        lines.append(f"Fix: {summary}")
    if example := str(rule.remediation.get("pulumi", "")).strip():
        lines.append("Pulumi:")
        lines.extend(f"    {line}" if line else "" for line in example.splitlines())
    return "\n".join(lines)


# -- values known only later ----------------------------------------------------------------------------


class Deferred:
    """A value the plan knows only in part before registration."""

    def preview(self) -> Any:
        """The value the rules read."""
        raise NotImplementedError

    def realize(self, owner: pulumi.Resource) -> Any:
        """The value passed to the resource at registration (usually an ``Output``)."""
        raise NotImplementedError


_REFERENCE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


@dataclass(eq=False)
class Ref(Deferred):
    """An attribute (``arn``, ``bucket``, ``name``) of a child of the same plan."""

    node: Child
    attr: str

    def preview(self) -> Any:
        tf_type = terraform_type(self.node._type_token)
        if tf_type is None or not _REFERENCE_NAME.match(self.node._name):
            return KNOWN_AFTER_APPLY
        return f"{tf_type}.{self.node._name}.{snake_case(self.attr)}"

    def realize(self, owner: pulumi.Resource) -> Any:
        if self.node._resource is None:
            raise RuntimeError(f"{self.node._name} is referred to before it is registered")
        return getattr(self.node._resource, self.attr)


@dataclass(eq=False)
class Concat(Deferred):
    """A string made of literals and later values (``pulumi.Output.concat`` at registration)."""

    parts: tuple[Any, ...]

    def preview(self) -> Any:
        values = [preview(part) for part in self.parts]
        if all(isinstance(value, (str, int, float)) and not isinstance(value, bool) for value in values) and not any(
            _is_later(part) for part in self.parts
        ):
            return "".join(str(value) for value in values)
        return KNOWN_AFTER_APPLY

    def realize(self, owner: pulumi.Resource) -> Any:
        return pulumi.Output.concat(*(realize(part, owner) for part in self.parts))


@dataclass(eq=False)
class JsonDocument(Deferred):
    """A JSON document (a policy, container definitions) that may hold later values."""

    document: Any

    def preview(self) -> Any:
        return json.dumps(preview(self.document))

    def realize(self, owner: pulumi.Resource) -> Any:
        if not contains_later(self.document):
            return json.dumps(self.document)
        return pulumi.Output.json_dumps(realize(self.document, owner))


@dataclass(eq=False)
class Invoke(Deferred):
    """The caller's account ID, the provider's region or partition: known once the engine answers."""

    what: str  # "account_id", "region" or "partition"

    def preview(self) -> Any:
        return KNOWN_AFTER_APPLY

    def realize(self, owner: pulumi.Resource) -> Any:
        import pulumi_aws as aws

        cache: dict[str, Any] = owner.__dict__.setdefault("_aisec_invokes", {})
        if self.what not in cache:
            invoke = pulumi.InvokeOutputOptions(parent=owner)
            if self.what == "account_id":
                cache[self.what] = aws.get_caller_identity_output(opts=invoke).account_id
            elif self.what == "region":
                cache[self.what] = aws.get_region_output(opts=invoke).region
            else:
                cache[self.what] = aws.get_partition_output(opts=invoke).partition
        return cache[self.what]


ACCOUNT_ID = Invoke("account_id")
REGION = Invoke("region")
PARTITION = Invoke("partition")


def concat(*parts: Any) -> Any:
    """``pulumi.Output.concat`` that also accepts plan values; a plain string when every part is one."""
    if any(isinstance(part, Deferred) for part in parts):
        return Concat(parts)
    if any(isinstance(part, pulumi.Output) for part in parts):
        return pulumi.Output.concat(*parts)
    return "".join(str(part) for part in parts)


def _is_later(value: Any) -> bool:
    return isinstance(value, (pulumi.Output, Deferred))


def contains_later(value: Any) -> bool:
    """Whether ``value`` holds an ``Output`` or a plan value anywhere inside."""
    if _is_later(value):
        return True
    if isinstance(value, Mapping):
        return any(contains_later(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return any(contains_later(item) for item in value)
    if pulumi_types.is_input_type(type(value)):
        return any(contains_later(item) for item in vars(value).values())
    return False


def preview(value: Any) -> Any:
    """``value`` as the rules read it: later values as references or ``KNOWN_AFTER_APPLY``, input types as
    dicts keyed by their Pulumi (camelCase) names, ``None`` left out (the engine never sends it)."""
    if isinstance(value, Deferred):
        return value.preview()
    if isinstance(value, pulumi.Output):
        return KNOWN_AFTER_APPLY
    if pulumi_types.is_input_type(type(value)):
        return {key: preview(item) for key, item in pulumi_types.input_type_to_dict(value).items() if item is not None}
    if isinstance(value, Mapping):
        return {key: preview(item) for key, item in value.items() if item is not None}
    if isinstance(value, (list, tuple)):
        return [preview(item) for item in value]
    return value


def realize(value: Any, owner: pulumi.Resource) -> Any:
    """``value`` as passed to the resource: plan values become ``Output``s of the registered children."""
    if isinstance(value, Deferred):
        return value.realize(owner)
    if not contains_later(value):
        return value
    if pulumi_types.is_input_type(type(value)):
        copy = type(value).__new__(type(value))
        copy.__dict__.update({key: realize(item, owner) for key, item in vars(value).items()})
        return copy
    if isinstance(value, Mapping):
        return {key: realize(item, owner) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [realize(item, owner) for item in value]
    return value


# -- the plan -------------------------------------------------------------------------------------------


def _args_class(resource_class: type) -> type | None:
    module = sys.modules.get(resource_class.__module__)
    found = getattr(module, f"{resource_class.__name__}Args", None)
    return found if found is not None and pulumi_types.is_input_type(found) else None


class Child:
    """One pulumi-aws resource the component will register.

    Any public attribute (``child.arn``, ``child.name``) is a ``Ref`` to that output of the registered
    resource; the child's own data lives in underscored attributes so that it never hides one."""

    def __init__(
        self,
        resource_class: type,
        name: str,
        args: dict[str, Any],
        depends_on: list[Child | Nested],
        replace_on_changes: list[str] | None,
    ) -> None:
        self._class = resource_class
        self._name = name
        self._args = args
        self._depends_on = depends_on
        self._replace_on_changes = replace_on_changes
        self._resource: Any = None

    def __getattr__(self, attr: str) -> Ref:
        if attr.startswith("_"):
            raise AttributeError(attr)
        return Ref(self, attr)

    @property
    def _type_token(self) -> str:
        return getattr(self._class, "pulumi_type", "")

    def _pulumi_names(self) -> dict[str, str]:
        args_class = _args_class(self._class)
        return pulumi_types.input_type_py_to_pulumi_names(args_class) if args_class else {}

    def _properties(self) -> dict[str, Any]:
        """The inputs as the engine records them: Pulumi (camelCase) names, ``None`` left out."""
        names = self._pulumi_names()
        return {names.get(key, key): preview(value) for key, value in self._args.items() if value is not None}

    def _normalized(self) -> Resource | None:
        return normalize(self._type_token, self._name, self._properties())

    def _register(self, owner: pulumi.Resource, context: list[Resource]) -> None:
        opts = pulumi.ResourceOptions(
            parent=owner,
            depends_on=[node._resource for node in self._depends_on] or None,
            replace_on_changes=self._replace_on_changes,
        )
        args = {key: realize(value, owner) for key, value in self._args.items()}
        for key, value in self._args.items():
            if isinstance(value, JsonDocument) and contains_later(value.document):
                args[key] = args[key].apply(_late_check(self, key, context))
        self._resource = self._class(self._name, **args, opts=opts)


class Nested:
    """A component of this pack nested in another: its children belong to the outer plan's configuration.

    Public attributes are the parts the nested component's ``describe`` returned."""

    def __init__(
        self,
        component_class: type[AisecComponent],
        name: str,
        plan: Plan,
        parts: dict[str, Any],
        depends_on: list[Child | Nested],
    ) -> None:
        self._class = component_class
        self._name = name
        self._plan = plan
        self._parts = parts
        self._depends_on = depends_on
        self._resource: Any = None

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("_"):
            raise AttributeError(attr)
        try:
            return self._parts[attr]
        except KeyError:
            raise AttributeError(attr) from None

    def _register(self, owner: pulumi.Resource, context: list[Resource]) -> None:
        component = self._class.__new__(self._class)
        opts = pulumi.ResourceOptions(parent=owner, depends_on=[node._resource for node in self._depends_on] or None)
        component._register(self._name, self._plan, self._parts, opts, context)
        self._resource = component


class Plan:
    """The children of one component, in registration order."""

    def __init__(self, judged_elsewhere: Mapping[str, str] | None = None) -> None:
        self.nodes: list[Child | Nested] = []
        # Rules whose verdict depends on resources outside the component (rule ID -> why).
        self.judged_elsewhere: dict[str, str] = dict(judged_elsewhere or {})

    def add(
        self,
        resource_class: type,
        resource_name: str,
        /,
        *,
        depends_on: Sequence[Child | Nested] = (),
        replace_on_changes: list[str] | None = None,
        **args: Any,
    ) -> Child:
        """Add one pulumi-aws resource; ``args`` are its Python keyword arguments."""
        node = Child(resource_class, resource_name, args, list(depends_on), replace_on_changes)
        self.nodes.append(node)
        return node

    def nest(
        self,
        component_class: type[AisecComponent],
        component_name: str,
        /,
        *,
        depends_on: Sequence[Child | Nested] = (),
        **args: Any,
    ) -> Nested:
        """Add a component of this pack (its ``describe`` adds its children here too)."""
        inner = Plan(component_class.JUDGED_ELSEWHERE)
        parts = component_class.describe(inner, component_name, **args)
        self.judged_elsewhere.update(inner.judged_elsewhere)
        node = Nested(component_class, component_name, inner, parts, list(depends_on))
        self.nodes.append(node)
        return node

    def children(self) -> Iterator[Child]:
        for node in self.nodes:
            if isinstance(node, Nested):
                yield from node._plan.children()
            else:
                yield node

    def resources(self) -> list[Resource]:
        """Every child as the rules read it."""
        return [resource for child in self.children() if (resource := child._normalized()) is not None]

    def depths(self, depth: int = 0) -> dict[str, int]:
        """Each child's address -> how deep it is nested (0: a child of this component)."""
        found: dict[str, int] = {}
        for node in self.nodes:
            if isinstance(node, Nested):
                found.update(node._plan.depths(depth + 1))
            elif (resource := node._normalized()) is not None:
                found[resource.address] = depth
        return found

    def violations(self, rules: Sequence[Rule] | None = None) -> list[tuple[str, str, str]]:
        """``(rule_id, address, reason)`` of every FAIL: the component's own children first (their rules
        speak of the arguments the caller gave), then nested components' children, each in catalog order."""
        depths = self.depths()
        found = [
            (rule_id, address, result.reason)
            for rule_id, address, result in evaluate_resources(self.resources(), rules)
            if result.verdict is Verdict.FAIL and rule_id not in self.judged_elsewhere
        ]
        return sorted(found, key=lambda finding: depths.get(finding[1], 0))

    def judge(self) -> None:
        """Raise ``PolicyViolation`` for the first rule that fails a child."""
        found = self.violations()
        if found:
            rule_id, address, reason = found[0]
            raise PolicyViolation(rule_id, f"{address}: {reason}", found)

    def register(self, owner: pulumi.Resource, context: list[Resource] | None = None) -> None:
        """Register every node under ``owner``; ``context`` is the judged configuration (for late checks)."""
        context = self.resources() if context is None else context
        for node in self.nodes:
            node._register(owner, context)


def _late_check(child: Child, key: str, context: list[Resource]) -> Callable[[str], str]:
    """Judge ``child`` again, with the resolved JSON of ``key``, by the rules that cover it, in the
    configuration that was judged at construction."""

    def check(text: str) -> str:
        properties = child._properties()
        properties[child._pulumi_names().get(key, key)] = text
        resource = normalize(child._type_token, child._name, properties)
        if resource is None:
            return text
        graph = Graph([resource, *(other for other in context if other.address != resource.address)])
        for rule in load_catalog():
            if resource.type in rule.resource_types:
                result = rule.evaluate(resource, graph)
                if result.verdict is Verdict.FAIL:
                    raise PolicyViolation(rule.id, f"{resource.address}: {result.reason}")
        return text

    return check


# -- components -------------------------------------------------------------------------------------------


class AisecComponent(pulumi.ComponentResource):
    """A component whose children are described once (``describe``), judged, then registered."""

    TYPE: ClassVar[str]
    # Every catalog rule that judges what the default construction registers (README table, tests).
    RULES: ClassVar[tuple[str, ...]] = ()
    # Rules that judge these children against resources the component does not own (rule ID -> why): a
    # FAIL of theirs at construction does not refuse; the rule still judges the whole program elsewhere.
    JUDGED_ELSEWHERE: ClassVar[Mapping[str, str]] = {}
    # Attributes passed to ``register_outputs``.
    OUTPUTS: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def describe(cls, plan: Plan, name: str, **args: Any) -> dict[str, Any]:
        """Check the arguments' shape, add the children to ``plan`` and return the parts to expose."""
        raise NotImplementedError

    def _construct(self, name: str, opts: pulumi.ResourceOptions | None, **args: Any) -> None:
        plan = Plan(self.JUDGED_ELSEWHERE)
        parts = type(self).describe(plan, name, **args)
        plan.judge()
        self._register(name, plan, parts, opts)

    def _register(
        self,
        name: str,
        plan: Plan,
        parts: dict[str, Any],
        opts: pulumi.ResourceOptions | None,
        context: list[Resource] | None = None,
    ) -> None:
        pulumi.ComponentResource.__init__(self, self.TYPE, name, None, opts)
        plan.register(self, context)
        for attr, value in parts.items():
            if isinstance(value, (Child, Nested)):
                setattr(self, attr, value._resource)
            elif isinstance(value, list) and value and all(isinstance(item, (Child, Nested)) for item in value):
                setattr(self, attr, [item._resource for item in value])
            elif (
                isinstance(value, dict) and value and all(isinstance(item, (Child, Nested)) for item in value.values())
            ):
                setattr(self, attr, {key: item._resource for key, item in value.items()})
            else:
                setattr(self, attr, realize(value, self))
        outputs = {attr: getattr(self, attr) for attr in self.OUTPUTS}
        self.register_outputs({attr: value for attr, value in outputs.items() if value is not None})


class AsOutput(Deferred):
    """A part exposed as an ``Output`` whatever was given (a plain ARN, an Output, a child's attribute)."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def preview(self) -> Any:
        return preview(self.value)

    def realize(self, owner: pulumi.Resource) -> Any:
        return pulumi.Output.from_input(realize(self.value, owner))


def json_attribute(name: str) -> bool:
    return snake_case(name) in JSON_ATTRIBUTES
