"""CKV_AISEC_51: an FSx file system encrypts its data with a customer-managed KMS key."""

from __future__ import annotations

from policies.kms import judge_kms_key
from policies.model import Resource, Result, failed, is_reference, is_unresolved, is_unset, unknown

LUSTRE = "aws_fsx_lustre_file_system"
DEPLOYMENT = "deployment_type"
LUSTRE_DEFAULT_DEPLOYMENT = "SCRATCH_1"
LUSTRE_KEYED_DEPLOYMENTS = ("PERSISTENT_1", "PERSISTENT_2")
LUSTRE_SCRATCH_DEPLOYMENTS = ("SCRATCH_1", "SCRATCH_2")


def _lustre_deployment(resource: Resource) -> Result | None:
    """None when the Lustre deployment type accepts a key, else why it does not (or is not known)."""
    deployment = resource.get("deployment_type")
    if is_unset(deployment):
        deployment = LUSTRE_DEFAULT_DEPLOYMENT
    if is_unresolved(deployment) or is_reference(deployment):
        return unknown(f"deployment_type is not known at plan time ({deployment})", DEPLOYMENT)
    if not isinstance(deployment, str):
        return unknown(f"deployment_type is not a string ({deployment!r})", DEPLOYMENT)
    if deployment.strip().upper() in LUSTRE_SCRATCH_DEPLOYMENTS:
        return failed(
            f"deployment_type {deployment} always encrypts with a key AWS owns; "
            "only PERSISTENT_1 and PERSISTENT_2 accept a customer-managed key",
            DEPLOYMENT,
        )
    if deployment.strip().upper() not in LUSTRE_KEYED_DEPLOYMENTS:
        return unknown(f"deployment_type is not a type FSx for Lustre knows ({deployment!r})", DEPLOYMENT)
    return None


def evaluate(resource: Resource) -> Result:
    if resource.type == LUSTRE:
        refusal = _lustre_deployment(resource)
        if refusal is not None:
            return refusal
    return judge_kms_key(resource.get("kms_key_id"), "kms_key_id", "FSx uses the AWS-managed aws/fsx key", "kms_key_id")
