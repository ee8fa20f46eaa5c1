"""Connections between normalized resources, for rules whose misconfiguration lives between resources.

A connection rule receives the resource it judges and a ``Graph`` of every resource in the same scan. The
graph answers one question well: which resources of a given type point at this one through a given
attribute, by reference (``aws_s3_bucket.data.id``) or by a literal name (``"training-data"``).

``is_root`` says whether the resources form a root configuration (one that Terraform applies, or a Pulumi
stack) rather than a reusable module. Account-level singletons (Bedrock invocation logging, the account's
S3 public access block) live in some root configuration of the account, so a rule may require them, or read
their absence as a fact, only when ``is_root`` is true.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from policies.model import Resource, is_reference, is_unresolved, referenced_address

_INDEX = re.compile(r"\[[^\]]*\]")


def _module_prefix(address: str) -> str:
    """``module.a.module.b.aws_s3_bucket.x[0]`` -> ``module.a.module.b.``."""
    parts = _INDEX.sub("", address).split(".")
    prefix: list[str] = []
    while len(parts) >= 2 and parts[0] == "module":
        prefix.extend(parts[:2])
        parts = parts[2:]
    return ".".join(prefix) + "." if prefix else ""


def _base_address(address: str) -> str:
    """The address without instance keys: ``aws_s3_bucket.x["a"]`` -> ``aws_s3_bucket.x``."""
    return _INDEX.sub("", address)


@dataclass(frozen=True)
class Attachments:
    """Resources attached to a target, and whether some candidate could not be matched either way."""

    found: list[Resource]
    undecidable: list[Resource]


class Graph:
    def __init__(self, resources: Iterable[Resource], is_root: bool = True) -> None:
        self.resources = list(resources)
        self.is_root = is_root
        self._by_type: dict[str, list[Resource]] = defaultdict(list)
        self._by_base_address: dict[str, list[Resource]] = defaultdict(list)
        for resource in self.resources:
            self._by_type[resource.type].append(resource)
            self._by_base_address[_base_address(resource.address)].append(resource)

    def of_type(self, *types: str) -> list[Resource]:
        return [resource for type_ in types for resource in self._by_type.get(type_, [])]

    def resolve(self, value: object, from_resource: Resource) -> list[Resource]:
        """The resources a reference points to, looked up in the referencing resource's module."""
        target = referenced_address(value)
        if target is None:
            return []
        return list(self._by_base_address.get(_module_prefix(from_resource.address) + target, []))

    def attached(
        self,
        target: Resource,
        types: Iterable[str],
        attribute: str,
        target_names: Iterable[str] = (),
    ) -> Attachments:
        """Resources of ``types`` whose ``attribute`` points at ``target``.

        A literal matches when it equals one of the target's ``target_names`` attributes (for example a
        bucket's ``bucket``). A candidate whose attribute is an unresolved variable is undecidable: it
        may or may not point at the target.
        """
        names = {
            value
            for name in target_names
            if isinstance(value := target.get(name), str) and not is_unresolved(value) and value
        }
        target_base = _base_address(target.address)
        found: list[Resource] = []
        undecidable: list[Resource] = []
        for candidate in self.of_type(*types):
            value = candidate.get(attribute)
            if is_reference(value):
                if any(_base_address(r.address) == target_base for r in self.resolve(value, candidate)):
                    found.append(candidate)
            elif is_unresolved(value):
                undecidable.append(candidate)
            elif isinstance(value, str) and value in names:
                found.append(candidate)
        return Attachments(found, undecidable)
