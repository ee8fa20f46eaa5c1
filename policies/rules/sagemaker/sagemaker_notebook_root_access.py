"""CKV_AISEC_12: a SageMaker notebook instance does not give its users root access."""

from __future__ import annotations

from policies.model import Resource, Result, failed, is_reference, is_unresolved, is_unset, passed, unknown

PROVIDER_DEFAULT = "Enabled"
ATTRIBUTE = "root_access"


def evaluate(resource: Resource) -> Result:
    value = resource.get(ATTRIBUTE)
    if is_unset(value):
        return failed(f"root_access is not set: the provider default is {PROVIDER_DEFAULT}", ATTRIBUTE)
    if is_unresolved(value) or is_reference(value):
        return unknown(f"root_access is not known at plan time ({value})", ATTRIBUTE)
    if not isinstance(value, str):
        return unknown(f"root_access is not a string ({value!r})", ATTRIBUTE)
    if value == "Disabled":
        return passed("root access is disabled for notebook users", ATTRIBUTE)
    return failed(f"root_access is {value!r}: notebook users can become root", ATTRIBUTE)
