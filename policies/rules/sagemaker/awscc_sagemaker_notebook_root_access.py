"""CKV_AISEC_93: SageMaker notebook instances of the awscc provider do not give their users root access.

awscc_sagemaker_notebook_instance names the setting as aws_sagemaker_notebook_instance does (root_access, a
top-level string with the same values and default), so the aws rule's logic (CKV_AISEC_12) judges it unchanged.
"""

from __future__ import annotations

from policies.model import Resource, Result
from policies.rules.sagemaker.sagemaker_notebook_root_access import evaluate as judge_root_access


def evaluate(resource: Resource) -> Result:
    return judge_root_access(resource)
