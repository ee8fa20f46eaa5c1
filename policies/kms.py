"""KMS key attributes that must name a customer-managed key, judged one way for every service."""

from __future__ import annotations

import re
from typing import Any

from policies.model import Result, failed, is_reference, is_unresolved, is_unset, passed, unknown


def is_aws_managed_key(key_id: str) -> bool:
    """``alias/aws/<service>`` or its ARN form: a key AWS manages, whose policy and rotation you do not control."""
    return key_id.startswith("alias/aws/") or bool(re.search(r":alias/aws/", key_id))


def judge_kms_key(value: Any, name: str, default: str) -> Result:
    """A KMS key attribute that must name a customer-managed key; ``default`` says what happens when unset."""
    if is_unset(value):
        return failed(f"{name} is unset: {default}")
    if is_reference(value):
        return passed(f"{name} is the referenced key {value}")
    if is_unresolved(value):
        return unknown(f"{name} is not known at plan time ({value})")
    if not isinstance(value, str):
        return unknown(f"{name} is not a key ID or ARN ({value!r})")
    if is_aws_managed_key(value):
        return failed(f"{name} is the AWS-managed key {value}, not a customer-managed key")
    return passed(f"{name} is the customer-managed key {value}")
