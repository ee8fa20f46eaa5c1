"""CKV_AISEC_5: a SageMaker notebook instance runs in a VPC subnet without direct internet access."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from policies.model import (
    Resource,
    Result,
    Verdict,
    combine,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

# The AWS provider's default when direct_internet_access is not set.
PROVIDER_DEFAULT_INTERNET_ACCESS = "Enabled"
INTERNET = "direct_internet_access"


def _judge_internet_access(value: Any) -> Result:
    if is_unset(value):
        return failed(f"direct_internet_access is not set: the provider default is {PROVIDER_DEFAULT_INTERNET_ACCESS}")
    if is_unresolved(value) or is_reference(value):
        return unknown(f"direct_internet_access is not known at plan time ({value})")
    if not isinstance(value, str):
        return unknown(f"direct_internet_access is not a string ({value!r})")
    if value == "Disabled":
        return passed("direct internet access is disabled")
    return failed(f"direct_internet_access is {value!r}, not 'Disabled'")


def _judge_subnet(value: Any) -> Result:
    if is_unset(value):
        return failed("no subnet_id: the notebook runs in the SageMaker service network, not in your VPC")
    if is_unresolved(value):
        return unknown(f"subnet_id is not known at plan time ({value})")
    if not isinstance(value, str):
        return unknown(f"subnet_id is not a string ({value!r})")
    return passed(f"runs in subnet {value}")


def evaluate(resource: Resource) -> Result:
    internet = replace(_judge_internet_access(resource.get("direct_internet_access")), attribute=INTERNET)
    subnet = replace(_judge_subnet(resource.get("subnet_id")), attribute="subnet_id")
    if internet.verdict is Verdict.PASS and subnet.verdict is Verdict.PASS:
        return passed(f"{subnet.reason} with direct internet access disabled", INTERNET)
    failures = [result for result in (internet, subnet) if result.verdict is Verdict.FAIL]
    if failures:
        return failed("; ".join(result.reason for result in failures), failures[0].attribute)
    return combine([internet, subnet], passed("nothing to judge"))
