"""CKV_AISEC_6: SageMaker Studio domains send all app traffic through the customer's VPC (VpcOnly)."""

from __future__ import annotations

from policies.model import Resource, Result, failed, is_reference, is_unresolved, is_unset, passed, unknown

VPC_ONLY = "VpcOnly"
PROVIDER_DEFAULT = "PublicInternetOnly"
ATTRIBUTE = "app_network_access_type"


def evaluate(resource: Resource) -> Result:
    access = resource.get(ATTRIBUTE)
    if is_unset(access):
        return failed(f"app_network_access_type is unset: the provider default {PROVIDER_DEFAULT} applies", ATTRIBUTE)
    if is_unresolved(access) or is_reference(access):
        return unknown(f"app_network_access_type is not known at plan time ({access})", ATTRIBUTE)
    if not isinstance(access, str):
        return unknown(f"app_network_access_type is not a string ({access!r})", ATTRIBUTE)
    if access == PROVIDER_DEFAULT:
        return failed(
            f"app_network_access_type is {PROVIDER_DEFAULT}: Studio apps reach the internet outside your VPC", ATTRIBUTE
        )
    if access != VPC_ONLY:
        return failed(f"app_network_access_type is {access!r}, not {VPC_ONLY}", ATTRIBUTE)
    return passed("app_network_access_type is VpcOnly: Studio traffic stays in your VPC", ATTRIBUTE)
