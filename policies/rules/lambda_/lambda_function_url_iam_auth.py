"""CKV_AISEC_71: Lambda function URLs require IAM authentication."""

from __future__ import annotations

from policies.model import Resource, Result, failed, is_reference, is_unresolved, is_unset, passed, unknown

IAM = "AWS_IAM"
OPEN = "NONE"
ATTRIBUTE = "authorization_type"


def evaluate(resource: Resource) -> Result:
    value = resource.get(ATTRIBUTE)
    if is_unset(value):
        return failed("authorization_type is unset: nothing authenticates the callers of this URL", ATTRIBUTE)
    if is_unresolved(value) or is_reference(value):
        return unknown(f"authorization_type is not known at plan time ({value})", ATTRIBUTE)
    if not isinstance(value, str):
        return unknown(f"authorization_type is not a string ({value!r})", ATTRIBUTE)
    if value.strip().upper() == IAM:
        return passed("callers must sign their requests with IAM credentials (AWS_IAM)", ATTRIBUTE)
    if value.strip().upper() == OPEN:
        return failed("authorization_type is NONE: the URL admits every caller its resource policy allows", ATTRIBUTE)
    return unknown(f"authorization_type is {value!r}, which Lambda does not accept", ATTRIBUTE)
