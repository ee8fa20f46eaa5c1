"""CKV_AISEC_39: Bedrock knowledge-base data sources encrypt ingestion data with a customer-managed KMS key."""

from __future__ import annotations

from policies.model import Resource, Result, combine, failed, is_reference, is_unresolved, is_unset, passed, unknown

BLOCK = "server_side_encryption_configuration"


def _judge_key(key: object) -> Result:
    if is_unset(key):
        return failed(f"{BLOCK} names no kms_key_arn: ingestion data uses an AWS-owned key")
    if is_reference(key):
        return passed(f"ingestion data is encrypted with the referenced key {key}")
    if is_unresolved(key) or not isinstance(key, str):
        return unknown(f"kms_key_arn is not known at plan time ({key})")
    if key.startswith("alias/aws/") or ":alias/aws/" in key:
        return failed(f"kms_key_arn is the AWS-managed key {key}, not a customer-managed key")
    return passed(f"ingestion data is encrypted with customer-managed key {key}")


def evaluate(resource: Resource) -> Result:
    configurations = resource.blocks(BLOCK)
    if not configurations:
        raw = resource.get(BLOCK)
        if BLOCK in resource.dynamic_blocks or is_unresolved(raw):
            return unknown(f"{BLOCK} is not known at plan time")
        if not is_unset(raw):
            return unknown(f"{BLOCK} is not a block ({raw!r})")
        return failed(f"no {BLOCK}: documents being ingested are stored with an AWS-owned key")
    results = [_judge_key(configuration.get("kms_key_arn")) for configuration in configurations]
    return combine(results, results[0])
