"""CKV_AISEC_96: SageMaker endpoint configurations of the awscc provider encrypt instance storage with a
customer-managed KMS key, unless their instances have local NVMe storage, for which SageMaker accepts no key.

awscc calls the attribute kms_key_id where the aws provider says kms_key_arn (CKV_AISEC_18); the judgment is
the shared ``judge_instance_storage_key``.
"""

from __future__ import annotations

from dataclasses import replace

from policies.awscc import judge_instance_storage_key
from policies.model import Resource, Result


def evaluate(resource: Resource) -> Result:
    return replace(judge_instance_storage_key(resource, "kms_key_id"), attribute="kms_key_id")
