"""CKV_AISEC_39: Bedrock knowledge-base data sources encrypt ingestion data with a customer-managed KMS key."""

from __future__ import annotations

from policies.kms import judge_kms_key
from policies.model import Resource, Result, combine, failed, is_unresolved, is_unset, unknown

BLOCK = "server_side_encryption_configuration"


def _judge_key(key: object) -> Result:
    return judge_kms_key(key, f"{BLOCK}.kms_key_arn", "ingestion data uses an AWS-owned key", f"{BLOCK}/kms_key_arn")


def evaluate(resource: Resource) -> Result:
    configurations = resource.blocks(BLOCK)
    if not configurations:
        raw = resource.get(BLOCK)
        if BLOCK in resource.dynamic_blocks or is_unresolved(raw):
            return unknown(f"{BLOCK} is not known at plan time", BLOCK)
        if not is_unset(raw):
            return unknown(f"{BLOCK} is not a block ({raw!r})", BLOCK)
        return failed(f"no {BLOCK}: documents being ingested are stored with an AWS-owned key", BLOCK)
    results = [_judge_key(configuration.get("kms_key_arn")) for configuration in configurations]
    return combine(results, results[0])
