"""CKV_AISEC_94: SageMaker notebook instances of the awscc provider encrypt their volume with a customer key.

awscc_sagemaker_notebook_instance names the key as aws_sagemaker_notebook_instance does (kms_key_id, a
top-level string), so the aws rule's logic (CKV_AISEC_11) judges it unchanged.
"""

from __future__ import annotations

from policies.model import Resource, Result
from policies.rules.sagemaker.sagemaker_notebook_cmk import evaluate as judge_notebook_key


def evaluate(resource: Resource) -> Result:
    return judge_notebook_key(resource)
