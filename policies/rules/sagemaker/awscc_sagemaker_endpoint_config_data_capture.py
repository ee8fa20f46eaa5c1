"""CKV_AISEC_97: SageMaker endpoint configurations of the awscc provider capture requests and responses.

awscc's data_capture_config is an object with the member names of aws_sagemaker_endpoint_configuration's
block, and production_variants a list of objects with serverless_config; Checkov delivers them as dicts or
lists of dicts, which the aws rule's logic (CKV_AISEC_19) reads unchanged. One addition for awscc: a variable
can fill production_variants as a whole, and then whether every variant is serverless (exempt) is not known.
"""

from __future__ import annotations

from policies.awscc import read_objects
from policies.model import Resource, Result, Verdict, unknown
from policies.rules.sagemaker.sagemaker_endpoint_data_capture import evaluate as judge_data_capture


def evaluate(resource: Resource) -> Result:
    result = judge_data_capture(resource)
    if result.verdict is not Verdict.FAIL:
        return result
    _, problem = read_objects(resource.attrs, "production_variants")
    if problem is not None:
        return unknown(
            f"{problem.reason}: serverless variants, which support no data capture, are exempt", "production_variants"
        )
    return result
