"""CKV_AISEC_89: Bedrock guardrails of the awscc provider block or anonymize sensitive information.

awscc's sensitive_information_policy_config is an object holding lists of objects with the member names of
aws_bedrock_guardrail's blocks, which the aws rule's logic (CKV_AISEC_35) reads unchanged. One addition for
awscc: either list can be a variable as a whole, or be left out of a plan when it is computed at apply; that
gives no verdict unless another entry already passes.
"""

from __future__ import annotations

from dataclasses import replace

from policies.awscc import member_not_known
from policies.model import Resource, Result, Verdict
from policies.rules.bedrock.bedrock_guardrail_sensitive_information import evaluate as judge_sensitive_information

POLICY = "sensitive_information_policy_config"
LISTS = ("pii_entities_config", "regexes_config")


def evaluate(resource: Resource) -> Result:
    result = judge_sensitive_information(resource)
    if result.verdict is Verdict.PASS:
        return result
    problem = member_not_known(resource.attrs, POLICY, LISTS, need_items=True)
    return replace(problem, attribute=POLICY) if problem else result
