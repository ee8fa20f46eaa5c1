"""CKV_AISEC_33: Bedrock guardrails are encrypted with a customer-managed KMS key."""

from __future__ import annotations

from policies.model import Resource, Result, failed, is_reference, is_unresolved, is_unset, passed, unknown

ATTRIBUTE = "kms_key_arn"


def _is_aws_managed_alias(key: str) -> bool:
    return key.startswith("alias/aws/") or ":alias/aws/" in key


def evaluate(resource: Resource) -> Result:
    key = resource.get(ATTRIBUTE)
    if is_unset(key):
        return failed(f"{ATTRIBUTE} is unset: the guardrail's policies are encrypted with an AWS-owned key")
    if is_reference(key):
        return passed(f"the guardrail is encrypted with the referenced key {key}")
    if is_unresolved(key):
        return unknown(f"{ATTRIBUTE} is not known at plan time ({key})")
    if not isinstance(key, str):
        return unknown(f"{ATTRIBUTE} is not a key ARN ({key!r})")
    if _is_aws_managed_alias(key):
        return failed(f"{ATTRIBUTE} is the AWS-managed key {key}, not a customer-managed key")
    return passed(f"the guardrail is encrypted with customer-managed key {key}")
