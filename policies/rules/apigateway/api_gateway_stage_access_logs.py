"""CKV_AISEC_78: API Gateway stages (REST, HTTP and WebSocket) write access logs."""

from __future__ import annotations

from policies.model import Resource, Result, failed, first_block, is_reference, is_unresolved, is_unset, passed, unknown

BLOCK = "access_log_settings"
DESTINATION = f"{BLOCK}/destination_arn"


def evaluate(resource: Resource) -> Result:
    settings = first_block(resource.attrs, BLOCK)
    if settings is None:
        if "access_log_settings" in resource.dynamic_blocks:
            return unknown("access_log_settings is a dynamic block", BLOCK)
        return failed("no access_log_settings: calls to this stage are not logged", BLOCK)
    destination = settings.get("destination_arn")
    if is_unset(destination):
        return failed("access_log_settings has no destination_arn", DESTINATION)
    if is_reference(destination):
        return passed(f"access logs go to {destination}", DESTINATION)
    if is_unresolved(destination):
        return unknown(f"destination_arn is not known at plan time ({destination})", DESTINATION)
    if not isinstance(destination, str):
        return unknown(f"destination_arn is not a string ({destination!r})", DESTINATION)
    return passed(f"access logs go to {destination}", DESTINATION)
