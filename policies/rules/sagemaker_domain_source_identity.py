"""CKV_AISEC_26: a SageMaker Studio domain sets the user profile name as the source identity of execution role
sessions, so that CloudTrail records which user acted."""

from __future__ import annotations

from policies.model import Resource, Result, failed, is_reference, is_unresolved, is_unset, passed, unknown
from policies.sagemaker_values import find_block, unless_dynamic

ATTRIBUTE = "execution_role_identity_config"
REQUIRED = "USER_PROFILE_NAME"


def _judge(resource: Resource) -> Result:
    settings = find_block(resource, "domain_settings")
    if isinstance(settings, Result):
        return settings
    value = settings.get(ATTRIBUTE)
    if is_unset(value):
        return failed(f"domain_settings.{ATTRIBUTE} is not set (default DISABLED): CloudTrail shows only the role")
    if is_unresolved(value) or is_reference(value):
        return unknown(f"domain_settings.{ATTRIBUTE} is not known at plan time ({value})")
    if not isinstance(value, str):
        return unknown(f"domain_settings.{ATTRIBUTE} is not a string ({value!r})")
    if value == REQUIRED:
        return passed("execution role sessions carry the user profile name as their source identity")
    return failed(f"domain_settings.{ATTRIBUTE} is {value!r}: CloudTrail shows only the role, not the user")


def evaluate(resource: Resource) -> Result:
    return unless_dynamic(resource, "domain_settings", _judge(resource))
