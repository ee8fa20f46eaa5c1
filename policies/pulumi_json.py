"""Pulumi's own JSON (``pulumi preview --json``, ``pulumi stack export``) as a Terraform plan Checkov can scan.

Both documents carry each resource's state in the same shape (``apitype.ResourceV3``: ``urn``, ``type``,
``custom``, ``inputs``, ``propertyDependencies``, ...):

* ``pulumi preview --json`` prints a ``PreviewDigest``: ``{"steps": [{"op", "urn", "newState", ...}],
  "changeSummary": {...}, ...}``; values unknown until the update are the engine's unknown sentinel and
  secret inputs print as ``"[secret]"``;
* ``pulumi stack export`` prints ``{"version": 3, "deployment": {"manifest": ..., "resources": [...]}}``.

``to_plan`` turns the resources the program will have into the ``planned_values`` of a Terraform plan, with
the Pulumi adapter's normalization (type tokens, camelCase, pluralized blocks), so that the scan runs
exactly the rules, output formats and exit codes of a Terraform plan. A property that is unknown at preview
but depends on exactly one other resource (``propertyDependencies``) is written as a reference to it
(``aws_s3_bucket.data.id``), which is how connection rules know that a public access block belongs to a
bucket.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from policies.model import KNOWN_AFTER_APPLY
from policies.pulumi_adapter import UNKNOWN_SENTINELS, normalize

# Steps whose new state is a resource the program will have after the update.
_KEPT_OPS = frozenset({"same", "create", "update", "replace", "create-replacement", "import", "import-replacement"})
_SECRET_IN_PREVIEW = "[secret]"
_NAME_CHARACTERS = re.compile(r"[^A-Za-z0-9_-]")


class PulumiJsonError(ValueError):
    """A Pulumi document whose resources cannot be read."""


@dataclass(frozen=True)
class PulumiPlan:
    kind: str  # "preview" or "stack export"
    plan: dict[str, Any]  # a `terraform show -json` document
    urns: dict[str, str]  # plan address -> the resource's URN


def kind_of(document: Any) -> str | None:
    """``"preview"`` or ``"stack export"`` for a Pulumi document, ``None`` for anything else."""
    if not isinstance(document, Mapping):
        return None
    if isinstance(document.get("steps"), list) and ("changeSummary" in document or _has_urns(document["steps"])):
        return "preview"
    deployment = document.get("deployment")
    if isinstance(deployment, Mapping) and isinstance(deployment.get("resources", []), list):
        return "stack export"
    return None


def _has_urns(steps: list[Any]) -> bool:
    return any(isinstance(step, Mapping) and str(step.get("urn", "")).startswith("urn:pulumi:") for step in steps)


def _states(document: Mapping[str, Any], kind: str) -> list[Mapping[str, Any]]:
    if kind == "preview":
        states = []
        for index, step in enumerate(document["steps"]):
            if not isinstance(step, Mapping):
                raise PulumiJsonError(f"steps[{index}] is not an object")
            if step.get("op") in _KEPT_OPS and isinstance(step.get("newState"), Mapping):
                states.append(step["newState"])
        return states
    resources = document["deployment"].get("resources") or []
    for index, resource in enumerate(resources):
        if not isinstance(resource, Mapping):
            raise PulumiJsonError(f"deployment.resources[{index}] is not an object")
    return [resource for resource in resources if not resource.get("delete") and not resource.get("pendingReplacement")]


def _name(urn: str) -> str:
    """The resource's name in its URN (``urn:pulumi:stack::project::type::name``), as a Terraform name."""
    name = urn.rsplit("::", 1)[-1] if "::" in urn else urn
    name = _NAME_CHARACTERS.sub("_", name) or "unnamed"
    return name if re.match(r"[A-Za-z_]", name) else f"_{name}"


def _inputs(state: Mapping[str, Any], addresses: Mapping[str, str]) -> dict[str, Any]:
    inputs = state.get("inputs")
    inputs = dict(inputs) if isinstance(inputs, Mapping) else {}
    dependencies = state.get("propertyDependencies")
    for key, value in list(inputs.items()):
        if value == _SECRET_IN_PREVIEW:
            inputs[key] = KNOWN_AFTER_APPLY
            continue
        unknown = value in UNKNOWN_SENTINELS if isinstance(value, str) else False
        depends_on = dependencies.get(key) if isinstance(dependencies, Mapping) else None
        if unknown and isinstance(depends_on, list) and len(depends_on) == 1 and depends_on[0] in addresses:
            inputs[key] = f"{addresses[depends_on[0]]}.id"
    return inputs


def to_plan(document: Mapping[str, Any]) -> PulumiPlan:
    """A Terraform plan of the resources a Pulumi preview or stack export describes."""
    kind = kind_of(document)
    if kind is None:
        raise PulumiJsonError("neither `pulumi preview --json` output nor a `pulumi stack export`")
    states = [state for state in _states(document, kind) if state.get("custom", True) is not False]
    addresses: dict[str, str] = {}
    typed: list[tuple[Mapping[str, Any], str, str]] = []
    taken: set[str] = set()
    for index, state in enumerate(states):
        urn, token = state.get("urn"), state.get("type")
        if not isinstance(urn, str) or not isinstance(token, str):
            raise PulumiJsonError(f"resource {index} has no `urn` and `type` strings")
        resource = normalize(token, _name(urn), {})
        if resource is None:
            continue  # providers, components and types without a Terraform counterpart
        address = resource.address
        suffix = 2
        while address in taken:
            address, suffix = f"{resource.address}_{suffix}", suffix + 1
        taken.add(address)
        addresses[urn] = address
        typed.append((state, token, address))

    planned = []
    urns: dict[str, str] = {}
    for state, token, address in typed:
        tf_type, name = address.split(".", 1)
        resource = normalize(token, name, _inputs(state, addresses))
        if resource is None:
            continue
        planned.append(
            {
                "address": address,
                "mode": "managed",
                "type": tf_type,
                "name": name,
                "provider_name": "registry.terraform.io/hashicorp/aws",
                "schema_version": 0,
                "values": dict(resource.attrs),
            }
        )
        urns[address] = str(state["urn"])
    # Checkov reads a plan only when it names a Terraform version; this one was written from Pulumi's JSON.
    plan = {
        "format_version": "1.2",
        "terraform_version": "0.0.0-pulumi",
        "planned_values": {"root_module": {"resources": planned}},
    }
    return PulumiPlan(kind, plan, urns)
