"""CKV_AISEC_12: a SageMaker notebook instance does not give its users root access."""

from __future__ import annotations

from policies.model import Resource, Result, failed, is_reference, is_unresolved, is_unset, passed, unknown

PROVIDER_DEFAULT = "Enabled"


def evaluate(resource: Resource) -> Result:
    value = resource.get("root_access")
    if is_unset(value):
        return failed(f"root_access is not set: the provider default is {PROVIDER_DEFAULT}")
    if is_unresolved(value) or is_reference(value):
        return unknown(f"root_access is not known at plan time ({value})")
    if not isinstance(value, str):
        return unknown(f"root_access is not a string ({value!r})")
    if value == "Disabled":
        return passed("root access is disabled for notebook users")
    return failed(f"root_access is {value!r}: notebook users can become root")
