"""CKV_AISEC_70: API Gateway REST methods require an authorizer, IAM or an API key."""

from __future__ import annotations

from policies.model import (
    Resource,
    Result,
    as_bool,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

AUTHORIZERS = ("AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS")
OPEN = "NONE"
CORS_PREFLIGHT = "OPTIONS"


def _literal(value: object) -> str | None:
    """The value as upper-case text when it is a literal string, else None."""
    if isinstance(value, str) and not is_unresolved(value) and not is_reference(value):
        return value.strip().upper()
    return None


def _not_known(name: str, value: object, kind: str = "a string") -> Result:
    if is_unresolved(value) or is_reference(value):
        return unknown(f"{name} is not known at plan time ({value})", name)
    return unknown(f"{name} is not {kind} ({value!r})", name)


def _requires_key(resource: Resource) -> bool | None:
    """api_key_required: unset means false; None when it is not a known boolean."""
    value = resource.get("api_key_required")
    return False if is_unset(value) else as_bool(value)


def _judge_open_method(resource: Resource, authorization: str) -> Result:
    method = resource.get("http_method")
    requires_key = _requires_key(resource)
    if requires_key:
        return passed(f"authorization is {authorization}, but callers must present an API key", "api_key_required")
    if _literal(method) == CORS_PREFLIGHT:
        return passed(
            "an OPTIONS method answers CORS preflight requests, which browsers send without credentials", "http_method"
        )
    if requires_key is None:
        return _not_known("api_key_required", resource.get("api_key_required"), "a boolean")
    if _literal(method) is None:
        return _not_known("http_method", method)
    return failed(
        f"authorization is {authorization} and no API key is required: anyone can call {method}", "authorization"
    )


def evaluate(resource: Resource) -> Result:
    authorization = resource.get("authorization")
    if is_unset(authorization):
        return _judge_open_method(resource, "unset")
    value = _literal(authorization)
    if value in AUTHORIZERS:
        return passed(f"callers are authorized by {value}", "authorization")
    if value == OPEN:
        return _judge_open_method(resource, OPEN)
    if value is None:
        if _requires_key(resource):
            return passed(
                f"authorization is not known at plan time ({authorization}), but an API key is required",
                "api_key_required",
            )
        return _not_known("authorization", authorization)
    return unknown(f"authorization is {authorization!r}, which API Gateway does not accept", "authorization")
