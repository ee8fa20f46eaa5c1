"""CKV_AISEC_88: Bedrock guardrails of the awscc provider block prompt attacks on input at HIGH strength.

awscc's content_policy_config is an object and filters_config a list of objects, with the member names of
aws_bedrock_guardrail's blocks; Checkov delivers them as dicts or lists of dicts, which the aws rule's logic
(CKV_AISEC_34) reads unchanged. type and input_strength are required members, so a plan leaves them out only
when they are computed at apply; that logic gives no verdict then. One addition for awscc: filters_config can
be a variable as a whole, and a plan leaves it out when it is computed at apply; AWS requires at least one
filter, so an empty or missing filters_config in a content_policy_config gives no verdict either (a typed list
variable without default reads as an empty list in HCL).
"""

from __future__ import annotations

from dataclasses import replace

from policies.awscc import member_not_known
from policies.model import Resource, Result, Verdict
from policies.rules.bedrock.bedrock_guardrail_prompt_attack import evaluate as judge_prompt_attack_filter


def evaluate(resource: Resource) -> Result:
    result = judge_prompt_attack_filter(resource)
    if result.verdict is Verdict.PASS:
        return result
    problem = member_not_known(resource.attrs, "content_policy_config", ("filters_config",), need_items=True)
    return replace(problem, attribute="content_policy_config/filters_config") if problem else result
