"""Pulumi engine: turns what Pulumi registers (a type token and its properties) into ``Resource``.

pulumi-aws is bridged from the Terraform AWS provider, so a Pulumi resource has the Terraform resource's
attributes under other spellings. ``normalize`` undoes the differences, so that every catalog rule runs on
Pulumi resources unchanged:

* type token -> Terraform type: ``aws:<module>/<camelName>:<Name>`` -> ``aws_<module>_<snake_name>``, without
  repeating the module (``aws:s3/bucketPolicy:BucketPolicy`` -> ``aws_s3_bucket_policy``); the ``ec2``
  module maps to ``aws_<snake_name>`` (``aws:ec2/securityGroup:SecurityGroup`` -> ``aws_security_group``),
  ``aws:bedrock/agent<Name>`` to ``aws_bedrockagent_<name>``; the few that follow no pattern are in
  ``TYPE_OVERRIDES``;
* property names: camelCase on the wire -> snake_case (``kmsMasterKeyId`` -> ``kms_master_key_id``);
* block names: Pulumi pluralizes Terraform blocks that may repeat (``rule`` -> ``rules``); ``PLURAL_BLOCKS``
  maps them back, per Terraform type; the few properties pulumi-aws renamed outright
  (``aws.lambda_.Function.name`` is Terraform's ``function_name``) are in ``PROPERTY_RENAMES``;
* numbers: the wire format has only floats (``443.0``); integral floats become ints;
* keys inside JSON-typed attributes (policies, container definitions) and inside user maps (tags) are data,
  not property names, and are kept as they are.

Values are what the engine resolved (IDs, names, ARNs), never Terraform references, so connection rules
match them through the literal names the ``Graph`` compares (a bucket's ``bucket`` against a bucket
policy's ``bucket``). Values that are unknown at preview are absent from the inputs a program's mocks see;
CrossGuard and ``pulumi preview --json`` carry them as the engine's unknown sentinels (``UNKNOWN_SENTINELS``),
which ``normalize`` turns into ``KNOWN_AFTER_APPLY``: set, content unknown, so a rule that needs the literal
value gives UNKNOWN. Secret values (``{<sig key>: <secret sig>, "value": ...}``) are judged by their value.

``pulumi_properties`` is the inverse: Terraform plan values -> the camelCase input properties pulumi-aws sends
(``rule`` -> ``rules``, one-item lists of blocks pulumi-aws declares as single objects -> that object, numbers
as floats, unset values left out). The parity tests build Pulumi twins of the Terraform examples with it.

``evaluate_resources`` runs every applicable catalog rule over a set of normalized resources.
"""

from __future__ import annotations

import importlib
import json
import logging
import re
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from policies.catalog import Rule, load_catalog
from policies.graph import Graph
from policies.model import KNOWN_AFTER_APPLY, Resource, Result, Verdict

logger = logging.getLogger(__name__)

# Type tokens whose Terraform type does not follow the module/name pattern.
TYPE_OVERRIDES = {
    "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration": (
        "aws_bedrock_model_invocation_logging_configuration"
    ),
    "aws:ec2/instanceMetadataDefaults:InstanceMetadataDefaults": "aws_ec2_instance_metadata_defaults",
    "aws:fsx/openZfsFileSystem:OpenZfsFileSystem": "aws_fsx_openzfs_file_system",
    "aws:opensearch/serverlessCollection:ServerlessCollection": "aws_opensearchserverless_collection",
    "aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy": "aws_opensearchserverless_security_policy",
}

# Modules whose Terraform types do not carry the module name.
_UNPREFIXED_MODULES = frozenset({"ec2"})
# Modules whose Terraform types spell the service differently (API Gateway v1: aws_api_gateway_*).
_MODULE_PREFIXES = {"apigateway": "api_gateway"}

# Pulumi's pluralized block names -> Terraform's, per Terraform type (snake_case on both sides).
PLURAL_BLOCKS: dict[str, dict[str, str]] = {
    "aws_s3_bucket_server_side_encryption_configuration": {"rules": "rule"},
    "aws_s3_bucket_lifecycle_configuration": {"rules": "rule"},
    "aws_ecr_repository": {
        "encryption_configurations": "encryption_configuration",
        "image_tag_mutability_exclusion_filters": "image_tag_mutability_exclusion_filter",
    },
    "aws_ecr_registry_scanning_configuration": {"rules": "rule", "repository_filters": "repository_filter"},
    "aws_ecs_service": {
        "capacity_provider_strategies": "capacity_provider_strategy",
        "load_balancers": "load_balancer",
        "ordered_placement_strategies": "ordered_placement_strategy",
    },
    "aws_ecs_task_definition": {"volumes": "volume"},
    "aws_iam_role": {"inline_policies": "inline_policy"},
    "aws_secretsmanager_secret": {"replicas": "replica"},
    "aws_opensearchserverless_collection": {"encryption_configs": "encryption_config"},
    "aws_sagemaker_model": {"containers": "container"},
    "aws_bedrock_guardrail": {
        "filters_configs": "filters_config",
        "pii_entities_configs": "pii_entities_config",
        "regexes_configs": "regexes_config",
        "topics_configs": "topics_config",
        "words_configs": "words_config",
        "managed_word_lists_configs": "managed_word_lists_config",
    },
    "aws_bedrockagent_agent": {"guardrail_configurations": "guardrail_configuration"},
    "aws_instance": {
        "ebs_block_devices": "ebs_block_device",
        "ephemeral_block_devices": "ephemeral_block_device",
        "network_interfaces": "network_interface",
    },
}

# Properties pulumi-aws renamed beyond case and plurals (top level only), per Terraform type.
PROPERTY_RENAMES: dict[str, dict[str, str]] = {
    "aws_lambda_function": {"name": "function_name"},
    "aws_api_gateway_stage": {"rest_api": "rest_api_id"},
    "aws_api_gateway_method_settings": {"rest_api": "rest_api_id"},
    "aws_api_gateway_method": {"rest_api": "rest_api_id"},
}

# Attributes whose value is JSON (a string or, if the program passed one, a decoded structure): its keys
# belong to the document (IAM's ``Statement``, ECS's ``readonlyRootFilesystem``) and are never renamed.
JSON_ATTRIBUTES = frozenset(
    {"policy", "assume_role_policy", "container_definitions", "access_policy", "resource_policy", "definition"}
)
# Map-typed attributes whose keys are the user's data.
DATA_MAP_ATTRIBUTES = frozenset(
    {"tags", "tags_all", "variables", "environment", "parameters", "options", "labels", "annotations"}
)

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def snake_case(name: str) -> str:
    """``kmsMasterKeyId`` -> ``kms_master_key_id``; ``ipv6CidrBlocks`` -> ``ipv6_cidr_blocks``."""
    return _CAMEL_BOUNDARY.sub("_", name).lower()


def terraform_type(type_token: str) -> str | None:
    """``aws:s3/bucketPolicy:BucketPolicy`` -> ``aws_s3_bucket_policy``; None for non-AWS or component tokens."""
    if type_token in TYPE_OVERRIDES:
        return TYPE_OVERRIDES[type_token]
    parts = type_token.split(":")
    if len(parts) != 3 or parts[0] != "aws" or "/" not in parts[1]:
        return None
    module, _, camel_name = parts[1].partition("/")
    if module == "index":
        return None
    name = snake_case(camel_name)
    if module in _UNPREFIXED_MODULES:
        return f"aws_{name}"
    if module == "bedrock" and name.startswith("agent_"):
        return f"aws_bedrockagent_{name.removeprefix('agent_')}"  # Terraform's Agents for Bedrock service
    module = _MODULE_PREFIXES.get(module, snake_case(module))
    if name == module or name.startswith(f"{module}_"):
        return f"aws_{name}"
    return f"aws_{module}_{name}"


# The engine's sentinels for values unknown during preview, one per type (the same strings pulumi-policy's
# ``proxy`` module and the Pulumi engine use; a test compares them with pulumi-policy's).
UNKNOWN_SENTINELS = frozenset(
    {
        "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",  # boolean
        "3eeb2bf0-c639-47a8-9e75-3b44932eb421",  # number
        "04da6b54-80e4-46f7-96ec-b56ff0331ba9",  # string (also what `pulumi preview --json` prints)
        "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",  # array
        "030794c1-ac77-496b-92df-f27374a8bd58",  # asset
        "e48ece36-62e2-4504-bad9-02848725956a",  # archive
        "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",  # object
    }
)
# How the wire format marks a secret: ``{SIG_KEY: SECRET_SIG, "value": ...}``.
_SIG_KEY = "4dabf18193072939515e22adb298388d"
_SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() else value


def _unwrapped(value: Any) -> Any:
    """A secret's value; the unknown sentinels as ``KNOWN_AFTER_APPLY``; anything else as it is."""
    while isinstance(value, Mapping) and value.get(_SIG_KEY) == _SECRET_SIG:
        value = value.get("value")
    if isinstance(value, str) and value in UNKNOWN_SENTINELS:
        return KNOWN_AFTER_APPLY
    return value


def _convert(value: Any, tf_type: str, key: str | None) -> Any:
    value = _unwrapped(value)
    if key in JSON_ATTRIBUTES:
        return _plain(value)
    if key in DATA_MAP_ATTRIBUTES and isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, Mapping):
        return _convert_properties(value, tf_type)
    if isinstance(value, (list, tuple)):
        return [_convert(item, tf_type, None) for item in value]
    if isinstance(value, float):
        return _number(value)
    return value


def _plain(value: Any) -> Any:
    """Numbers made integral, nothing renamed."""
    value = _unwrapped(value)
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, float):
        return _number(value)
    return value


def _convert_properties(properties: Mapping[str, Any], tf_type: str) -> dict[str, Any]:
    plural = PLURAL_BLOCKS.get(tf_type, {})
    converted: dict[str, Any] = {}
    for raw_key, value in properties.items():
        if not isinstance(raw_key, str) or not raw_key or raw_key.startswith("__"):
            continue
        key = snake_case(raw_key)
        key = plural.get(key, key)
        converted[key] = _convert(value, tf_type, key)
    return converted


def normalize(type_token: str, name: str, properties: Mapping[str, Any]) -> Resource | None:
    """One registered Pulumi resource -> ``Resource`` at address ``<terraform type>.<name>``.

    Returns None for resources that have no Terraform counterpart (components, providers, the stack).
    """
    tf_type = terraform_type(type_token) if isinstance(type_token, str) else None
    if tf_type is None:
        return None
    properties = _unwrapped(properties)
    attrs = _convert_properties(properties, tf_type) if isinstance(properties, Mapping) else {}
    for pulumi_name, terraform_name in PROPERTY_RENAMES.get(tf_type, {}).items():
        if pulumi_name in attrs:
            attrs[terraform_name] = attrs.pop(pulumi_name)
    return Resource(type=tf_type, address=f"{tf_type}.{name}", attrs=attrs)


def _evaluate_safely(rule: Rule, resource: Resource, graph: Graph) -> Result:
    try:
        return rule.evaluate(resource, graph)
    except Exception:
        logger.error("%s raised on %s; no verdict given", rule.id, resource.address, exc_info=True)
        return Result(Verdict.UNKNOWN, "rule raised an exception")


def evaluate_resources(
    resources: Iterable[Resource], rules: Iterable[Rule] | None = None
) -> list[tuple[str, str, Result]]:
    """``(rule_id, address, result)`` for every rule whose resource types cover a resource.

    Resource rules judge one resource; connection rules judge it against a ``Graph`` of all ``resources``.
    """
    resources = list(resources)
    graph = Graph(resources)
    findings: list[tuple[str, str, Result]] = []
    for rule in load_catalog() if rules is None else rules:
        for resource in resources:
            if resource.type in rule.resource_types:
                findings.append((rule.id, resource.address, _evaluate_safely(rule, resource, graph)))
    return findings


# -- the inverse: Terraform plan values -> pulumi-aws input properties ---------------------------------------


def camel_case(name: str) -> str:
    """``kms_master_key_id`` -> ``kmsMasterKeyId`` (the inverse of ``snake_case`` for Terraform names)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@cache
def _resource_modules() -> dict[str, tuple[str, str]]:
    """Every pulumi-aws resource token -> (Python module, class name), as pulumi-aws registers them."""
    try:
        import pulumi_aws  # the `pulumi` extra: only the inverse needs it
    except ImportError:
        return {}
    source = Path(pulumi_aws.__file__).read_text(encoding="utf-8")
    match = re.search(r'resource_modules="""(.*?)"""', source, re.DOTALL)
    if match is None:
        return {}
    return {
        token: (entry["fqn"], class_name)
        for entry in json.loads(match.group(1))
        for token, class_name in entry.get("classes", {}).items()
    }


@cache
def pulumi_type_token(tf_type: str) -> str | None:
    """``aws_s3_bucket_policy`` -> ``aws:s3/bucketPolicy:BucketPolicy``: the pulumi-aws token that
    ``terraform_type`` maps to ``tf_type``; None without pulumi-aws or for a type it does not have."""
    found = [token for token in _resource_modules() if terraform_type(token) == tf_type]
    return found[0] if len(found) == 1 else None


@cache
def _args_class(type_token: str) -> type | None:
    """The input type pulumi-aws declares for a resource's arguments (``<Name>Args`` or ``<Name>InitArgs``)."""
    located = _resource_modules().get(type_token)
    if located is None:
        return None
    try:
        import pulumi._types as pulumi_types

        module = importlib.import_module(located[0])
        resource_class = getattr(module, located[1])
        for suffix in ("InitArgs", "Args"):
            candidate = getattr(module, located[1] + suffix, None)
            if (
                isinstance(candidate, type)
                and pulumi_types.is_input_type(candidate)
                and candidate.__module__ == resource_class.__module__
            ):
                return candidate
    except Exception:  # an SDK whose layout changed: fall back to names alone
        logger.debug("no input type found for %s", type_token, exc_info=True)
    return None


@dataclass(frozen=True)
class _Field:
    wire_name: str
    block: type | None  # the input type of a nested block
    single: bool  # a block pulumi-aws declares as one object (Terraform's MaxItems=1 list)


@cache
def _fields(input_type: type | None) -> dict[str, _Field]:
    """Python name -> how pulumi-aws sends it, read from the SDK's input type."""
    if input_type is None:
        return {}
    import pulumi._types as pulumi_types

    fields: dict[str, _Field] = {}
    try:
        types = pulumi_types.input_type_types(input_type)
        for python_name, wire_name in pulumi_types.input_type_py_to_pulumi_names(input_type).items():
            declared = pulumi_types.unwrap_type(types.get(wire_name, types.get(python_name, object)))
            if typing.get_origin(declared) in (list, Sequence, typing.Sequence):
                [item] = typing.get_args(declared) or (object,)
                item = pulumi_types.unwrap_type(item)
                block = item if isinstance(item, type) and pulumi_types.is_input_type(item) else None
                fields[python_name] = _Field(wire_name, block, single=False)
            elif isinstance(declared, type) and pulumi_types.is_input_type(declared):
                fields[python_name] = _Field(wire_name, declared, single=True)
            else:
                fields[python_name] = _Field(wire_name, None, single=False)
    except Exception:
        logger.debug("could not read the fields of %s", input_type, exc_info=True)
    return fields


def _wire_value(value: Any) -> Any:
    """A value as the wire carries it: numbers as floats, keys kept."""
    if isinstance(value, Mapping):
        return {key: _wire_value(item) for key, item in value.items() if item is not None}
    if isinstance(value, (list, tuple)):
        return [_wire_value(item) for item in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _to_properties(values: Mapping[str, Any], tf_type: str, input_type: type | None) -> dict[str, Any]:
    plural = {singular: plural for plural, singular in PLURAL_BLOCKS.get(tf_type, {}).items()}
    fields = _fields(input_type)
    properties: dict[str, Any] = {}
    for key, value in values.items():
        if value is None:
            continue
        python_name = plural.get(key, key)
        field = fields.get(python_name, _Field(camel_case(python_name), None, single=False))
        if key in JSON_ATTRIBUTES or (key in DATA_MAP_ATTRIBUTES and isinstance(value, Mapping)):
            properties[field.wire_name] = _wire_value(value)
            continue
        if isinstance(value, list) and value and all(isinstance(item, Mapping) for item in value):
            blocks = [_to_properties(item, tf_type, field.block) for item in value]
            properties[field.wire_name] = blocks[0] if field.single and len(blocks) == 1 else blocks
        elif isinstance(value, list) and not value and field.block is not None:
            continue  # an absent block: a program does not pass it
        elif isinstance(value, Mapping) and field.block is not None:
            properties[field.wire_name] = _to_properties(value, tf_type, field.block)
        else:
            properties[field.wire_name] = _wire_value(value)
    return properties


def pulumi_properties(tf_type: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Terraform plan ``values`` of a ``tf_type`` resource -> the input properties pulumi-aws sends.

    Names and shapes come from pulumi-aws's own input types when it is installed (wire names, which blocks
    are single objects); otherwise names are camelCased and blocks stay lists. ``PLURAL_BLOCKS`` and
    ``PROPERTY_RENAMES`` are applied in reverse, so ``normalize(token, name, pulumi_properties(t, v))``
    gives back ``v`` without its unset values.
    """
    token = pulumi_type_token(tf_type)
    renamed = {terraform: pulumi for pulumi, terraform in PROPERTY_RENAMES.get(tf_type, {}).items()}
    values = {renamed.get(key, key): value for key, value in values.items()}
    return _to_properties(values, tf_type, _args_class(token) if token else None)


# -- a stack's resolved IDs back to references ---------------------------------------------------------------

# What other resources name a resource by: its ID and ARN, and a Lambda function's invoke ARN (API Gateway
# integrations' ``uri``).
_LINK_ATTRIBUTES = ("id", "arn", "invoke_arn")


def _linked(value: Any, links: Mapping[str, str], key: str | None, own: str) -> Any:
    if key in JSON_ATTRIBUTES or key in DATA_MAP_ATTRIBUTES:
        return value
    if isinstance(value, str):
        link = links.get(value)
        return link if link is not None and not link.startswith(own) else value
    if isinstance(value, Mapping):
        return {k: _linked(v, links, k, own) for k, v in value.items()}
    if isinstance(value, list):
        return [_linked(item, links, None, own) for item in value]
    return value


def link_references(resources: Iterable[Resource]) -> list[Resource]:
    """A stack's resources with every attribute that holds another resource's ``id`` or ``arn`` rewritten as
    the Terraform reference it resolves (``"vpc-0abc"`` -> ``aws_vpc.ml.id``).

    A stack's outputs (what CrossGuard's stack policies and ``pulumi stack export`` see) carry resolved IDs
    where Terraform carries references; connection rules that follow references (a flow log's ``vpc_id``, an
    instance's subnet, a rotation's ``secret_id``) then find the resource the ID belongs to. Values inside
    JSON documents and user maps stay as they are, and so does a value naming the resource itself (a bucket's
    ``bucket`` is its ID).
    """
    resources = list(resources)
    links: dict[str, str] = {}
    for resource in resources:
        for attribute in _LINK_ATTRIBUTES:
            value = resource.get(attribute)
            if isinstance(value, str) and value and value != KNOWN_AFTER_APPLY:
                links.setdefault(value, f"{resource.address}.{attribute}")
    if not links:
        return resources
    linked: list[Resource] = []
    for resource in resources:
        attrs = {
            key: value if key in _LINK_ATTRIBUTES else _linked(value, links, key, resource.address + ".")
            for key, value in resource.attrs.items()
        }
        linked.append(Resource(resource.type, resource.address, attrs, resource.dynamic_blocks))
    return linked
