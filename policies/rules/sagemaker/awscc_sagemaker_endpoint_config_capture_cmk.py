"""CKV_AISEC_98: inference data that SageMaker endpoints of the awscc provider write to S3 is encrypted with a
customer-managed KMS key.

awscc's data_capture_config and async_inference_config.output_config are objects with the member names of the
aws provider's blocks, which the aws rule's logic (CKV_AISEC_20) reads unchanged. In a plan, a kms_key_id that
refers to another resource is left out of its object and reads as unset (see the rule's description).
"""

from __future__ import annotations

from policies.model import Resource, Result
from policies.rules.sagemaker.sagemaker_endpoint_output_cmk import evaluate as judge_inference_output_keys


def evaluate(resource: Resource) -> Result:
    return judge_inference_output_keys(resource)
