"""CKV_AISEC_91: SageMaker Studio domains of the awscc provider encrypt user storage with a customer-managed key.

awscc_sagemaker_domain names the key as aws_sagemaker_domain does (kms_key_id, a top-level string), so the aws
rule's logic (CKV_AISEC_14) judges it unchanged.
"""

from __future__ import annotations

from policies.model import Resource, Result
from policies.rules.sagemaker.sagemaker_domain_cmk import evaluate as judge_domain_key


def evaluate(resource: Resource) -> Result:
    return judge_domain_key(resource)
