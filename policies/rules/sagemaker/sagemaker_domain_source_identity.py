"""CKV_AISEC_26: a SageMaker Studio domain sets the user profile name as the source identity of execution role
sessions, so that CloudTrail records which user acted."""

from __future__ import annotations

from dataclasses import replace

from policies.model import Resource, Result, failed, is_reference, is_unresolved, is_unset, passed, unknown
from policies.sagemaker_values import find_block, unless_dynamic

ATTRIBUTE = "execution_role_identity_config"
REQUIRED = "USER_PROFILE_NAME"
BLOCK = "domain_settings"
PATH = f"{BLOCK}/{ATTRIBUTE}"


def _judge(resource: Resource) -> Result:
    settings = find_block(resource, BLOCK)
    if isinstance(settings, Result):
        return replace(settings, attribute=BLOCK)
    value = settings.get(ATTRIBUTE)
    # A missing block is the finding's subject; inside a block, the setting is.
    path = PATH if resource.blocks(BLOCK) else BLOCK
    if is_unset(value):
        return failed(
            f"domain_settings.{ATTRIBUTE} is not set (default DISABLED): CloudTrail shows only the role", path
        )
    if is_unresolved(value) or is_reference(value):
        return unknown(f"domain_settings.{ATTRIBUTE} is not known at plan time ({value})", path)
    if not isinstance(value, str):
        return unknown(f"domain_settings.{ATTRIBUTE} is not a string ({value!r})", path)
    if value == REQUIRED:
        return passed("execution role sessions carry the user profile name as their source identity", path)
    return failed(f"domain_settings.{ATTRIBUTE} is {value!r}: CloudTrail shows only the role, not the user", path)


def evaluate(resource: Resource) -> Result:
    result = unless_dynamic(resource, BLOCK, _judge(resource))
    return result if result.attribute else replace(result, attribute=BLOCK)
