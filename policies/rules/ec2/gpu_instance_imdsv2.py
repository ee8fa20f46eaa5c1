"""CKV2_AISEC_23: a GPU or accelerator instance (or launch template) accepts only IMDSv2.

Where the setting comes from, first match wins: the instance's own metadata_options, its launch template's,
then the account's aws_ec2_instance_metadata_defaults; unset everywhere is "optional".
"""

from __future__ import annotations

from typing import Any

from policies.accelerators import INSTANCE, instance_type_of, launch_template_of, out_of_scope
from policies.graph import Graph
from policies.model import (
    Resource,
    Result,
    failed,
    first_block,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

ACCOUNT_DEFAULTS = "aws_ec2_instance_metadata_defaults"
NO_PREFERENCE = "no-preference"


def _own_option(resource: Resource, name: str) -> tuple[Any, str] | Result:
    """The resource's own metadata option (unset: None), or UNKNOWN when the block cannot be read."""
    block = first_block(resource.attrs, "metadata_options")
    if block is None:
        raw = resource.get("metadata_options")
        if "metadata_options" in resource.dynamic_blocks or not is_unset(raw):
            return unknown(f"{resource.address}: metadata_options is not known at plan time or not a block")
        return None, resource.address
    return block.get(name), resource.address


def _account_option(graph: Graph, name: str) -> tuple[Any, str] | None:
    for defaults in graph.of_type(ACCOUNT_DEFAULTS):
        value = defaults.get(name)
        if not is_unset(value) and value != NO_PREFERENCE:
            return value, defaults.address
    return None


def _effective(resource: Resource, graph: Graph, name: str) -> tuple[Any, str] | Result:
    """The first source that sets option ``name``, as (value, where); (None, "") when none does."""
    sources: list[Resource] = [resource]
    if resource.type == INSTANCE:
        template = launch_template_of(resource, graph)
        if isinstance(template, Result):
            own = _own_option(resource, name)
            if isinstance(own, tuple) and not is_unset(own[0]):
                return own
            return template
        if template is not None:
            sources.append(template)
    for source in sources:
        found = _own_option(source, name)
        if isinstance(found, Result) or not is_unset(found[0]):
            return found
    return _account_option(graph, name) or (None, "")


def _text(value: Any) -> str | None:
    return (
        value.strip().lower()
        if isinstance(value, str) and not is_unresolved(value) and not is_reference(value)
        else None
    )


def evaluate(resource: Resource, graph: Graph) -> Result:
    skipped = out_of_scope(resource, graph)
    if skipped is not None:
        return skipped
    tokens = _effective(resource, graph, "http_tokens")
    if isinstance(tokens, tuple) and _text(tokens[0]) == "required":
        return passed(f"{tokens[1]} requires IMDSv2 session tokens")
    endpoint = _effective(resource, graph, "http_endpoint")
    if isinstance(endpoint, tuple) and _text(endpoint[0]) == "disabled":
        return passed(f"{endpoint[1]} turns the instance metadata service off")
    for found in (tokens, endpoint):
        if isinstance(found, Result):
            return found
    (tokens_value, tokens_source), (endpoint_value, endpoint_source) = tokens, endpoint
    for value, source, name in (
        (endpoint_value, endpoint_source, "http_endpoint"),
        (tokens_value, tokens_source, "http_tokens"),
    ):
        if not is_unset(value) and _text(value) is None:
            return unknown(f"{name} is not known at plan time ({value!r}, from {source})")
    if is_unset(tokens_value):
        what = instance_type_of(resource, graph)
        return failed(f"http_tokens is not set for this {what}: IMDSv1 stays allowed (optional)")
    if _text(tokens_value) == "optional":
        return failed(f"{tokens_source} sets http_tokens = optional: IMDSv1 requests can read the role's credentials")
    return unknown(f"http_tokens is not a value EC2 knows ({tokens_value!r}, from {tokens_source})")
