"""Drive the CrossGuard pack as the Pulumi engine does, and build Pulumi twins of the Terraform examples.

* ``twins_from_plan`` turns a real ``terraform show -json`` plan into the resources a Pulumi program would
  register: pulumi-aws type tokens, camelCase input properties (``policies.pulumi_adapter.pulumi_properties``)
  and, as the engine's stack analysis sees them, outputs (inputs plus ``id`` and ``arn``). Values Terraform
  knows only after apply are taken from the plan's configuration references and resolved as the deployed
  program would have them: a bucket's ID is its name, a key's ARN a key ARN.
* ``analyze_in_process`` runs the pack's policies on twins through pulumi-policy's own argument types, the
  code path the analyzer server runs for ``Analyze`` (one resource) and ``AnalyzeStack`` (the whole stack).
* ``analyze_request`` / ``stack_request`` / ``violations`` are the protobuf side, for the server test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from google.protobuf import struct_pb2
from pulumi.runtime.proto import analyzer_pb2
from pulumi_policy import (
    EnforcementLevel,
    Policy,
    PolicyCustomTimeouts,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.proxy import unknown_checking_proxy

from policies.pulumi_adapter import pulumi_properties, pulumi_type_token

ACCOUNT_ID = "123456789012"
REGION = "us-east-1"

Violation = tuple[str, str, str]  # (policy name, URN, enforcement level)


@dataclass(frozen=True)
class Twin:
    urn: str
    token: str
    name: str
    address: str  # the Terraform address it is the twin of
    inputs: dict[str, Any]
    outputs: dict[str, Any]


def urn(stack: str, token: str, name: str) -> str:
    return f"urn:pulumi:{stack}::aisec-parity::{token}::{name}"


# -- twins --------------------------------------------------------------------------------------------------


def _module_resources(module: Mapping[str, Any]) -> list[dict[str, Any]]:
    found = list(module.get("resources", []))
    for child in module.get("child_modules", []):
        found.extend(_module_resources(child))
    return found


def _config_resources(module: Mapping[str, Any], prefix: str = "") -> dict[str, dict[str, Any]]:
    found = {prefix + resource["address"]: resource for resource in module.get("resources", [])}
    for name, call in module.get("module_calls", {}).items():
        found.update(_config_resources(call.get("module", {}), f"{prefix}module.{name}."))
    return found


# EC2-style ID prefixes, as the provider reports them.
_EC2_PREFIXES = {
    "aws_vpc": "vpc",
    "aws_subnet": "subnet",
    "aws_security_group": "sg",
    "aws_launch_template": "lt",
    "aws_instance": "i",
    "aws_vpc_endpoint": "vpce",
    "aws_internet_gateway": "igw",
    "aws_nat_gateway": "nat",
    "aws_route_table": "rtb",
    "aws_eip": "eipalloc",
}

# Resources whose ID, as the provider reports it, is their ARN.
_ID_IS_ARN = frozenset({"aws_secretsmanager_secret", "aws_iam_policy"})


def _physical_id(resource: Mapping[str, Any]) -> str:
    values = resource.get("values") or {}
    if resource["type"] == "aws_s3_bucket" and isinstance(values.get("bucket"), str):
        return values["bucket"]
    if resource["type"] in _ID_IS_ARN:
        return _arn(resource)
    prefix = _EC2_PREFIXES.get(resource["type"]) or re.sub(r"[^a-z0-9]", "", resource["type"].removeprefix("aws_"))
    return f"{prefix}-{resource['name'].replace('_', '')}"


def _arn(resource: Mapping[str, Any]) -> str:
    tf_type, name = resource["type"], resource["name"]
    values = resource.get("values") or {}
    if tf_type == "aws_s3_bucket":
        return f"arn:aws:s3:::{_physical_id(resource)}"
    if tf_type.startswith("aws_iam_"):
        kind = tf_type.removeprefix("aws_iam_")
        return f"arn:aws:iam::{ACCOUNT_ID}:{kind}/{values.get('name') or name}"
    if tf_type == "aws_secretsmanager_secret":
        return f"arn:aws:secretsmanager:{REGION}:{ACCOUNT_ID}:secret:{values.get('name') or name}-AbCdEf"
    if tf_type == "aws_kms_key":
        return f"arn:aws:kms:{REGION}:{ACCOUNT_ID}:key/{name}-0000-4000-8000-000000000000"
    if tf_type == "aws_lambda_function":
        return f"arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:{values.get('function_name') or name}"
    service = tf_type.removeprefix("aws_").split("_")[0]
    return f"arn:aws:{service}:{REGION}:{ACCOUNT_ID}:{tf_type.removeprefix('aws_')}/{values.get('name') or name}"


def _invoke_arn(function: Mapping[str, Any]) -> str:
    """What API Gateway integrations name a Lambda function by."""
    return f"arn:aws:apigateway:{REGION}:lambda:path/2015-03-31/functions/{_arn(function)}/invocations"


def _resolve(reference: str, by_address: Mapping[str, Mapping[str, Any]]) -> Any:
    """``aws_kms_key.k.arn`` -> the value the deployed resource has; None for what is not a resource."""
    parts = re.sub(r"\[[^\]]*\]", "", reference).split(".")
    if len(parts) < 3 or parts[0] in ("var", "local", "data", "module", "each", "count"):
        return None
    target = by_address.get(".".join(parts[:2]))
    if target is None:
        return None
    attribute = parts[2]
    if attribute == "id":
        return _physical_id(target)
    if attribute == "arn":
        return _arn(target)
    if attribute == "invoke_arn" and target["type"] == "aws_lambda_function":
        return _invoke_arn(target)
    value = (target.get("values") or {}).get(attribute)
    if value is None and attribute in ("name", "bucket", "function_name"):
        return _physical_id(target)
    return value


def _fill(values: Any, expressions: Any, by_address: Mapping[str, Mapping[str, Any]]) -> Any:
    """Plan values with what Terraform knows only after apply taken from the configuration's references."""
    if isinstance(expressions, list) and isinstance(values, list):
        return [_fill(v, e, by_address) for v, e in zip(values, expressions, strict=False)] + values[len(expressions) :]
    if not isinstance(expressions, Mapping) or not isinstance(values, Mapping):
        return values
    filled = dict(values)
    for key, expression in expressions.items():
        current = filled.get(key)
        if isinstance(expression, Mapping) and "references" in expression:
            if current is None:
                resolved = next(
                    (r for ref in expression["references"] if (r := _resolve(ref, by_address)) is not None), None
                )
                if resolved is not None:
                    filled[key] = resolved
        elif isinstance(expression, (list, Mapping)) and current is not None:
            filled[key] = _fill(current, expression, by_address)
    return filled


def twins_from_plan(plan: Mapping[str, Any], stack: str) -> list[Twin]:
    """The Pulumi twin of every managed AWS resource in a plan that pulumi-aws can register."""
    resources = [r for r in _module_resources(plan["planned_values"]["root_module"]) if r.get("mode") == "managed"]
    by_address = {r["address"]: r for r in resources}
    configuration = _config_resources(plan.get("configuration", {}).get("root_module", {}))
    twins: list[Twin] = []
    for resource in resources:
        token = pulumi_type_token(resource["type"])
        if token is None:
            continue
        expressions = configuration.get(resource["address"], {}).get("expressions", {})
        values = _fill(resource.get("values") or {}, expressions, by_address)
        inputs = pulumi_properties(resource["type"], values)
        outputs = {**inputs, "id": _physical_id(resource), "arn": _arn(resource)}
        if resource["type"] == "aws_lambda_function":
            outputs["invokeArn"] = _invoke_arn(resource)
        name = resource["name"]
        twins.append(Twin(urn(stack, token, name), token, name, resource["address"], inputs, outputs))
    return twins


# -- running the policies in-process ------------------------------------------------------------------------

_OPTIONS = PolicyResourceOptions(False, [], None, [], PolicyCustomTimeouts(0, 0, 0), [], None)


def _level(policy: Policy, config: Mapping[str, EnforcementLevel]) -> str:
    level = config.get(policy.name) or policy.enforcement_level or EnforcementLevel.ADVISORY
    return level.value


def analyze_in_process(
    policies: Iterable[Policy], twins: list[Twin], config: Mapping[str, EnforcementLevel] | None = None
) -> set[Violation]:
    """Every violation the pack reports on a stack of twins: each resource analyzed alone with its inputs,
    then the stack with every resource's outputs, as the engine calls ``Analyze`` and ``AnalyzeStack``."""
    config = config or {}
    found: set[Violation] = set()
    policies = list(policies)
    for twin in twins:
        args = ResourceValidationArgs(
            twin.token, unknown_checking_proxy(twin.inputs), twin.urn, twin.name, _OPTIONS, None
        )
        for policy in policies:
            if isinstance(policy, ResourceValidationPolicy):
                policy.validate(
                    args, lambda message, _urn=None, p=policy, t=twin: found.add((p.name, t.urn, _level(p, config)))
                )
    stack = [
        PolicyResource(t.token, unknown_checking_proxy(t.outputs), t.urn, t.name, _OPTIONS, None, None, [], {})
        for t in twins
    ]
    for policy in policies:
        if isinstance(policy, StackValidationPolicy):
            policy.validate(
                StackValidationArgs(stack),
                lambda message, urn=None, p=policy: found.add((p.name, urn or "", _level(p, config))),
            )
    return found


# -- the protobuf side --------------------------------------------------------------------------------------

_LEVELS = {
    analyzer_pb2.ADVISORY: "advisory",
    analyzer_pb2.MANDATORY: "mandatory",
    analyzer_pb2.REMEDIATE: "remediate",
    analyzer_pb2.DISABLED: "disabled",
}


def struct(properties: Mapping[str, Any]) -> struct_pb2.Struct:
    message = struct_pb2.Struct()
    message.update(dict(properties))
    return message


def analyze_request(token: str, name: str, properties: Mapping[str, Any], stack: str = "dev") -> Any:
    return analyzer_pb2.AnalyzeRequest(
        type=token, name=name, urn=urn(stack, token, name), properties=struct(properties)
    )


def stack_request(resources: Iterable[tuple[str, str, Mapping[str, Any]]], stack: str = "dev") -> Any:
    return analyzer_pb2.AnalyzeStackRequest(
        resources=[
            analyzer_pb2.AnalyzerResource(type=token, name=name, urn=urn(stack, token, name), properties=struct(props))
            for token, name, props in resources
        ]
    )


def violations(response: Any) -> set[Violation]:
    return {(d.policyName, d.urn, _LEVELS[d.enforcementLevel]) for d in response.diagnostics}
