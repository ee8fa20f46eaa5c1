"""CKV_AISEC_99: Bedrock knowledge-base data sources of the awscc provider encrypt ingestion data with a
customer-managed KMS key.

awscc's server_side_encryption_configuration is an object with the member name of aws_bedrockagent_data_source's
block (kms_key_arn), which the aws rule's logic (CKV_AISEC_39) reads. One difference: kms_key_arn is the
object's only member, so an object without it is what a plan shows when the key is a reference computed at
apply; that gives no verdict here where the aws rule fails it.
"""

from __future__ import annotations

from policies.awscc import read_object
from policies.model import Resource, Result, unknown
from policies.rules.bedrock.bedrock_data_source_cmk import BLOCK
from policies.rules.bedrock.bedrock_data_source_cmk import evaluate as judge_ingestion_key


def evaluate(resource: Resource) -> Result:
    configuration, _ = read_object(resource.attrs, BLOCK)
    if configuration is not None and "kms_key_arn" not in configuration:
        return unknown(
            f"{BLOCK} holds no kms_key_arn: a key computed at apply, which a plan leaves out", f"{BLOCK}/kms_key_arn"
        )
    return judge_ingestion_key(resource)
