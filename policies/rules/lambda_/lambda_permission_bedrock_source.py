"""CKV_AISEC_150: a Lambda permission for Bedrock agents names the agent or the account it comes from."""

from __future__ import annotations

import re
from typing import Any

from policies.model import Resource, Result, failed, is_reference, is_unresolved, is_unset, passed, unknown

BEDROCK = "bedrock.amazonaws.com"
_ACCOUNT = re.compile(r"^\d{12}$")


def _principal(value: Any) -> Result | None:
    """``None`` when the principal is Bedrock's; otherwise the verdict it settles."""
    if is_unset(value):
        return unknown("principal is unset", "principal")
    if is_unresolved(value) or is_reference(value):
        return unknown(f"principal is not known at plan time ({value})", "principal")
    if not isinstance(value, str):
        return unknown(f"principal is not a string ({value!r})", "principal")
    if value.strip().lower() != BEDROCK:
        return passed(f"the permission is for {value.strip()}, not for Bedrock agents", "principal")
    return None


def _source_account(value: Any) -> str:
    """'one' (restricted to one account), 'none' (unset) or 'unknown'."""
    if is_unset(value):
        return "none"
    if is_reference(value):
        return "one"
    if isinstance(value, str) and not is_unresolved(value) and value.strip():
        return "one"
    return "unknown"


def _source_arn(value: Any) -> tuple[str, str]:
    """('one' | 'any' | 'none' | 'unknown', detail) for the accounts whose agents the source ARN admits."""
    if is_unset(value):
        return "none", "source_arn is unset"
    if is_reference(value):
        return "one", f"source_arn is {value}"
    if not isinstance(value, str) or is_unresolved(value):
        return "unknown", f"source_arn is not known at plan time ({value!r})"
    parts = value.strip().split(":", 5)
    if len(parts) < 6 or parts[0] != "arn":
        return "unknown", f"source_arn {value!r} is not an ARN"
    account = parts[4]
    if _ACCOUNT.match(account):
        return "one", f"source_arn names account {account}"
    if account == "" or "*" in account or "?" in account:
        return "any", f"source_arn {value} matches agents in any account"
    return "unknown", f"source_arn {value!r} has account {account!r}"


def evaluate(resource: Resource) -> Result:
    settled = _principal(resource.get("principal"))
    if settled is not None:
        return settled
    account = _source_account(resource.get("source_account"))
    arn, arn_detail = _source_arn(resource.get("source_arn"))
    if account == "one":
        return passed(
            f"source_account {resource.get('source_account')} limits Bedrock agents to one account", "source_account"
        )
    if arn == "one":
        return passed(f"{arn_detail}: only that account's Bedrock agents may invoke the function", "source_arn")
    if "unknown" in (account, arn):
        detail = arn_detail if arn == "unknown" else f"source_account is {resource.get('source_account')!r}"
        attribute = "source_arn" if arn == "unknown" else "source_account"
        return unknown(f"whether the permission is limited to one account is not known: {detail}", attribute)
    # Either source_arn limited to one account or source_account would settle it; the finding points at
    # source_arn, the setting that admits agents of any account (or is missing).
    return failed(
        f"principal is bedrock.amazonaws.com and {arn_detail}, source_account is unset: "
        "a Bedrock agent in any AWS account may invoke the function",
        "source_arn",
    )
