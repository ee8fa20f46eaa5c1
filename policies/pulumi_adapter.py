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
policy's ``bucket``). Values that are unknown at preview are absent from Pulumi's inputs.

``evaluate_resources`` runs every applicable catalog rule over a set of normalized resources.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any

from policies.catalog import Rule, load_catalog
from policies.graph import Graph
from policies.model import Resource, Result, Verdict

logger = logging.getLogger(__name__)

# Type tokens whose Terraform type does not follow the module/name pattern.
TYPE_OVERRIDES = {
    "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration": (
        "aws_bedrock_model_invocation_logging_configuration"
    ),
    "aws:ec2/instanceMetadataDefaults:InstanceMetadataDefaults": "aws_ec2_instance_metadata_defaults",
    "aws:fsx/openZfsFileSystem:OpenZfsFileSystem": "aws_fsx_openzfs_file_system",
    "aws:apigateway/method:Method": "aws_api_gateway_method",
    "aws:apigateway/stage:Stage": "aws_api_gateway_stage",
    "aws:apigateway/methodSettings:MethodSettings": "aws_api_gateway_method_settings",
    "aws:opensearch/serverlessCollection:ServerlessCollection": "aws_opensearchserverless_collection",
    "aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy": "aws_opensearchserverless_security_policy",
}

# Modules whose Terraform types do not carry the module name.
_UNPREFIXED_MODULES = frozenset({"ec2"})

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
    module = snake_case(module)
    if name == module or name.startswith(f"{module}_"):
        return f"aws_{name}"
    return f"aws_{module}_{name}"


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() else value


def _convert(value: Any, tf_type: str, key: str | None) -> Any:
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
        if not isinstance(raw_key, str) or raw_key.startswith("__"):
            continue
        key = snake_case(raw_key)
        key = plural.get(key, key)
        converted[key] = _convert(value, tf_type, key)
    return converted


def normalize(type_token: str, name: str, properties: Mapping[str, Any]) -> Resource | None:
    """One registered Pulumi resource -> ``Resource`` at address ``<terraform type>.<name>``.

    Returns None for resources that have no Terraform counterpart (components, providers, the stack).
    """
    tf_type = terraform_type(type_token)
    if tf_type is None:
        return None
    attrs = _convert_properties(properties, tf_type)
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
