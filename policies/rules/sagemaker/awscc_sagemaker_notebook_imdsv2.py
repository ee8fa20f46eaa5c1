"""CKV_AISEC_95: SageMaker notebook instances of the awscc provider accept only IMDSv2 for instance metadata.

awscc's instance_metadata_service_configuration is an object with the member name of the aws provider's block,
which the aws rule's logic (CKV_AISEC_13) reads. One difference: the member is required in CloudFormation, and
awscc plans leave it out of the object when it is computed at apply, so a missing member gives no verdict here
where the aws rule fails it.
"""

from __future__ import annotations

from policies.awscc import read_object
from policies.model import Resource, Result, unknown
from policies.rules.sagemaker.sagemaker_notebook_imdsv2 import ATTRIBUTE, BLOCK
from policies.rules.sagemaker.sagemaker_notebook_imdsv2 import evaluate as judge_imds


def evaluate(resource: Resource) -> Result:
    configuration, _ = read_object(resource.attrs, BLOCK)
    if configuration is not None and configuration.get(ATTRIBUTE) is None:
        return unknown(
            f"{BLOCK} has no {ATTRIBUTE}: computed at apply (the member is required)", f"{BLOCK}/{ATTRIBUTE}"
        )
    return judge_imds(resource)
