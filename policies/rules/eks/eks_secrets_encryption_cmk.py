"""CKV_AISEC_48: an EKS cluster envelope-encrypts Kubernetes secrets with a customer-managed KMS key."""

from __future__ import annotations

from policies.kms import judge_kms_key
from policies.model import (
    Resource,
    Result,
    as_list,
    failed,
    first_block,
    is_reference,
    is_unresolved,
    is_unset,
    unknown,
)

BLOCK = "encryption_config"
RESOURCES = f"{BLOCK}/resources"
PROVIDER = f"{BLOCK}/provider"


def _covers_secrets(resources: object) -> Result | None:
    """None when ``resources`` lists "secrets", else the verdict on it."""
    if resources == []:
        # EKS requires a non-empty list; Checkov renders a list variable it cannot resolve as [].
        return unknown(
            "encryption_config resources is an empty list, which is how a list variable not known at plan time arrives",
            RESOURCES,
        )
    if is_unset(resources):
        return failed(
            "encryption_config sets no resources, so secrets are not envelope-encrypted with your key", RESOURCES
        )
    if is_unresolved(resources) or is_reference(resources):
        return unknown(f"encryption_config resources is not known at plan time ({resources})", RESOURCES)
    items = as_list(resources)
    if "secrets" in items:
        return None
    if any(not isinstance(item, str) or is_unresolved(item) for item in items):
        return unknown(f"encryption_config resources holds values not known at plan time ({items!r})", RESOURCES)
    return failed(f'encryption_config resources is {items!r}, without "secrets"', RESOURCES)


def evaluate(resource: Resource) -> Result:
    config = first_block(resource.attrs, BLOCK)
    if config is None:
        raw = resource.get(BLOCK)
        if BLOCK in resource.dynamic_blocks or is_unresolved(raw) or is_reference(raw):
            return unknown(f"{BLOCK} is not known at plan time", BLOCK)
        if not is_unset(raw):
            return unknown(f"{BLOCK} is not a block ({raw!r})", BLOCK)
        return failed(f"no {BLOCK}: secrets are encrypted only with keys AWS owns, not a KMS key you control", BLOCK)
    not_secrets = _covers_secrets(config.get("resources"))
    if not_secrets is not None:
        return not_secrets
    provider = first_block(config, "provider")
    if provider is None:
        raw = config.get("provider")
        if is_unresolved(raw) or is_reference(raw) or not is_unset(raw):
            return unknown(f"encryption_config provider is not known at plan time or not a block ({raw!r})", PROVIDER)
        return failed("encryption_config has no provider block naming a KMS key", PROVIDER)
    return judge_kms_key(
        provider.get("key_arn"), "provider.key_arn", "EKS needs a KMS key to encrypt secrets", f"{PROVIDER}/key_arn"
    )
