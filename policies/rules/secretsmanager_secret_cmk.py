"""CKV_AISEC_74: Secrets Manager secrets and their replicas are encrypted with a customer-managed KMS key."""

from __future__ import annotations

from policies.model import (
    Resource,
    Result,
    Verdict,
    combine,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

AWS_MANAGED_ALIAS_PREFIX = "alias/aws/"


def _is_aws_managed(key_id: str) -> bool:
    """alias/aws/... by name or ARN (arn:aws:kms:<region>:<account>:alias/aws/...): only AWS creates these."""
    text = key_id.strip()
    alias = text.split(":", 5)[5] if text.startswith("arn:") and text.count(":") >= 5 else text
    return alias.startswith(AWS_MANAGED_ALIAS_PREFIX)


def judge_key(key_id: object, where: str) -> Result:
    if is_unset(key_id):
        return failed(f"{where}: kms_key_id is unset, so the AWS-managed aws/secretsmanager key encrypts it")
    if is_reference(key_id):
        return passed(f"{where}: encrypted with the referenced key {key_id}")
    if is_unresolved(key_id):
        return unknown(f"{where}: kms_key_id is not known at plan time ({key_id})")
    if not isinstance(key_id, str):
        return unknown(f"{where}: kms_key_id is not a string ({key_id!r})")
    if _is_aws_managed(key_id):
        return failed(f"{where}: kms_key_id {key_id} is an AWS-managed key")
    return passed(f"{where}: encrypted with customer-managed key {key_id}")


def _replica_label(replica: dict) -> str:
    region = replica.get("region")
    return f"the replica in {region}" if isinstance(region, str) and region else "a replica"


def evaluate(resource: Resource) -> Result:
    results = [judge_key(resource.get("kms_key_id"), "the secret")]
    results += [judge_key(replica.get("kms_key_id"), _replica_label(replica)) for replica in resource.blocks("replica")]
    if "replica" in resource.dynamic_blocks:
        results.append(unknown("replica is a dynamic block: its keys are not known at plan time"))
    if all(result.verdict is Verdict.PASS for result in results):
        return passed("; ".join(result.reason for result in results))
    return combine(results, results[0])
