"""CKV_AISEC_90: SageMaker Studio domains of the awscc provider route all app traffic through the VPC.

awscc_sagemaker_domain names the setting as aws_sagemaker_domain does (app_network_access_type, a top-level
string with the same values and the same default), so the aws rule's logic (CKV_AISEC_6) judges it unchanged.
"""

from __future__ import annotations

from policies.model import Resource, Result
from policies.rules.sagemaker.sagemaker_domain_vpc_only import evaluate as judge_app_network_access


def evaluate(resource: Resource) -> Result:
    return judge_app_network_access(resource)
