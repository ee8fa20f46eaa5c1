"""The AWS region a resource is managed in, as far as the configuration tells, for per-region connection rules.

Since AWS provider 6 most resources take a `region` argument; without it a resource lives in the default region
of its provider configuration (the `provider` meta-argument, `aws` unless set), which this pack cannot see.
Two resources are known to share a region when both name the same literal region, or when neither names one and
both use the same provider configuration in the same module. In plan JSON the provider fills `region` in for
every resource, so there the comparison is always literal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policies.model import Resource, is_reference, is_unresolved, is_unset

_MODULE_PREFIX = re.compile(r"^((?:module\.[^.\[]+(?:\[[^\]]*\])?\.)*)")


@dataclass(frozen=True)
class Region:
    """Either a literal region name or the default region of a provider configuration."""

    name: str | None = None
    provider: str | None = None

    def describe(self) -> str:
        if self.name:
            return self.name
        return f"the default region of provider {self.provider}"


def _module_prefix(address: str) -> str:
    match = _MODULE_PREFIX.match(address)
    return re.sub(r"\[[^\]]*\]", "", match.group(1)) if match else ""


def _provider(value: object) -> str | None:
    if is_unset(value):
        return "aws"
    if not isinstance(value, str) or is_unresolved(value):
        return None
    text = value.strip()
    if text.startswith("${") and text.endswith("}"):
        text = text[2:-1].strip()
    return text or None


def region_of(resource: Resource) -> Region | None:
    """None when the region is not known at plan time (a variable, a reference, an odd value)."""
    value = resource.get("region")
    if isinstance(value, str) and value.strip() and not is_unresolved(value) and not is_reference(value):
        return Region(name=value.strip().lower())
    if not is_unset(value):
        return None
    provider = _provider(resource.get("provider"))
    if provider is None:
        return None
    return Region(provider=_module_prefix(resource.address) + provider)


def same_region(first: Region | None, second: Region | None) -> bool | None:
    """True or False when the configuration decides it, None when it depends on provider settings."""
    if first is None or second is None:
        return None
    if first.name and second.name:
        return first.name == second.name
    if first.provider and first.provider == second.provider:
        return True
    return None
