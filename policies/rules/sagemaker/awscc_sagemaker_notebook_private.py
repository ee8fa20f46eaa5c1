"""CKV_AISEC_92: SageMaker notebook instances of the awscc provider run in a VPC subnet without internet access.

awscc_sagemaker_notebook_instance names both settings as aws_sagemaker_notebook_instance does (subnet_id and
direct_internet_access, top-level strings with the same values and default), so the aws rule's logic
(CKV_AISEC_5) judges it unchanged.
"""

from __future__ import annotations

from policies.model import Resource, Result
from policies.rules.sagemaker.sagemaker_notebook_private import evaluate as judge_notebook_network


def evaluate(resource: Resource) -> Result:
    return judge_notebook_network(resource)
