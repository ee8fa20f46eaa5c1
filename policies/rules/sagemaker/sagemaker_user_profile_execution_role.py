"""CKV_AISEC_15: a SageMaker Studio user profile names an execution role of its own."""

from __future__ import annotations

from dataclasses import replace

from policies.model import Resource, Result, failed, is_reference, is_unresolved, is_unset, passed, unknown
from policies.sagemaker_values import unless_dynamic

BLOCK = "user_settings"
ROLE = "user_settings/execution_role"
INHERITS = "the profile runs as the domain's default execution role, shared by every profile without its own"


def _judge(resource: Resource) -> Result:
    raw = resource.get("user_settings")
    settings = resource.blocks("user_settings")
    if not settings:
        if "user_settings" in resource.dynamic_blocks:
            return unknown("user_settings is a dynamic block", BLOCK)
        if is_unresolved(raw) or is_reference(raw):
            return unknown(f"user_settings is not known at plan time ({raw})", BLOCK)
        if not is_unset(raw):
            return unknown(f"user_settings is not a block ({raw!r})", BLOCK)
        return failed(f"no user_settings: {INHERITS}", BLOCK)
    role = settings[0].get("execution_role")
    if is_unset(role):
        return failed(f"user_settings has no execution_role: {INHERITS}", ROLE)
    if is_reference(role):
        return passed(f"runs as the referenced role {role}", ROLE)
    if is_unresolved(role):
        return unknown(f"execution_role is not known at plan time ({role})", ROLE)
    if not isinstance(role, str):
        return unknown(f"execution_role is not a role ARN ({role!r})", ROLE)
    return passed(f"runs as its own execution role {role}", ROLE)


def evaluate(resource: Resource) -> Result:
    result = unless_dynamic(resource, BLOCK, _judge(resource))
    return result if result.attribute else replace(result, attribute=BLOCK)
