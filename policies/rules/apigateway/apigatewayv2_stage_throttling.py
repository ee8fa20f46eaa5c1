"""CKV_AISEC_73: API Gateway HTTP and WebSocket stages throttle the default route with positive limits."""

from __future__ import annotations

from policies.model import Resource, Result, failed, first_block, unknown
from policies.rules.apigateway.api_gateway_method_settings_throttling import judge_throttling

BLOCK = "default_route_settings"


def evaluate(resource: Resource) -> Result:
    block = first_block(resource.attrs, BLOCK)
    if block is None and BLOCK in resource.dynamic_blocks:
        return unknown("default_route_settings is a dynamic block", BLOCK)
    if block is None:
        return failed("no default_route_settings: only the account-level quota limits this stage's routes", BLOCK)
    return judge_throttling(block, "default_route_settings", "only the account-level quota applies", BLOCK)
