"""CKV_AISEC_74: Secrets Manager secrets and their replicas are encrypted with a customer-managed KMS key."""

from __future__ import annotations

from policies.kms import judge_kms_key
from policies.model import Resource, Result, Verdict, combine, passed, unknown


def judge_key(key_id: object, where: str, attribute: str | None = None) -> Result:
    return judge_kms_key(
        key_id, f"{where}: kms_key_id", "the AWS-managed aws/secretsmanager key encrypts it", attribute
    )


def _replica_label(replica: dict) -> str:
    region = replica.get("region")
    return f"the replica in {region}" if isinstance(region, str) and region else "a replica"


def evaluate(resource: Resource) -> Result:
    results = [judge_key(resource.get("kms_key_id"), "the secret", "kms_key_id")]
    results += [
        judge_key(replica.get("kms_key_id"), _replica_label(replica), "replica/kms_key_id")
        for replica in resource.blocks("replica")
    ]
    if "replica" in resource.dynamic_blocks:
        results.append(unknown("replica is a dynamic block: its keys are not known at plan time", "replica"))
    if all(result.verdict is Verdict.PASS for result in results):
        attribute = results[0].attribute if len(results) == 1 else None
        return passed("; ".join(result.reason for result in results), attribute)
    return combine(results, results[0])
