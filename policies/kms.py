"""KMS key attributes that must name a customer-managed key, judged one way for every service.

This module is the one home of the question "is this key AWS-managed?": rules and components call
``is_aws_managed_key`` (or ``judge_kms_key``) instead of testing for ``alias/aws/`` themselves.
"""

from __future__ import annotations

from typing import Any

from policies.model import Result, failed, is_reference, is_unresolved, is_unset, passed, unknown

# Only AWS creates aliases under this prefix (CreateAlias refuses it): each names an AWS-managed key.
AWS_MANAGED_ALIAS_PREFIX = "alias/aws/"


def kms_alias(key_id: str) -> str | None:
    """The alias a key reference names, or None when it names a key by ID or key ARN.

    ``alias/x`` -> ``alias/x``; ``arn:<partition>:kms:<region>:<account>:alias/x`` -> ``alias/x``.
    Surrounding white space is ignored.
    """
    text = key_id.strip()
    if text.startswith("arn:"):
        parts = text.split(":", 5)
        if len(parts) < 6 or parts[2].lower() != "kms":
            return None
        text = parts[5]
    return text if text.startswith("alias/") else None


def is_aws_managed_key(key_id: str) -> bool:
    """Whether a key ID, alias or ARN names an AWS-managed key: ``alias/aws/<service>`` by name or as an alias
    ARN (``arn:aws:kms:us-east-1:111122223333:alias/aws/s3``), in any partition.

    A key named by its key ID or key ARN cannot be told apart here and counts as customer-managed.
    """
    alias = kms_alias(key_id) if isinstance(key_id, str) else None
    return alias is not None and alias.startswith(AWS_MANAGED_ALIAS_PREFIX)


def judge_kms_key(value: Any, name: str, default: str, attribute: str | None = None) -> Result:
    """A KMS key attribute that must name a customer-managed key; ``default`` says what happens when unset;
    ``attribute`` is the path the result points at (``Result.attribute``), if the caller names one."""
    if is_unset(value):
        return failed(f"{name} is unset: {default}", attribute)
    if is_reference(value):
        return passed(f"{name} is the referenced key {value}", attribute)
    if is_unresolved(value):
        return unknown(f"{name} is not known at plan time ({value})", attribute)
    if not isinstance(value, str):
        return unknown(f"{name} is not a key ID or ARN ({value!r})", attribute)
    if is_aws_managed_key(value):
        return failed(f"{name} is the AWS-managed key {value.strip()}, not a customer-managed key", attribute)
    return passed(f"{name} is the customer-managed key {value}", attribute)
