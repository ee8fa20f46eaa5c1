"""CKV_AISEC_49: an EKS managed node group does not open SSH (or RDP) on its nodes to the internet."""

from __future__ import annotations

from policies.model import (
    Resource,
    Result,
    Verdict,
    as_list,
    failed,
    first_block,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

BLOCK = "remote_access"
SOURCES = f"{BLOCK}/source_security_group_ids"
KEY = f"{BLOCK}/ec2_ssh_key"


def _is_unknown(value: object) -> bool:
    return is_unresolved(value) or is_reference(value)


def _judge_sources(groups: object) -> Result:
    if groups == []:
        # Checkov renders a list variable it cannot resolve as []; an explicit [] would open the port.
        return unknown(
            "source_security_group_ids is an empty list, which is how a list variable not known at plan time arrives",
            SOURCES,
        )
    if is_unset(groups):
        return failed(
            "remote_access names an ec2_ssh_key without source_security_group_ids: "
            "EKS opens port 22 (3389 on Windows) to 0.0.0.0/0",
            SOURCES,
        )
    if _is_unknown(groups):
        return unknown(f"source_security_group_ids is not known at plan time ({groups})", SOURCES)
    if all(isinstance(group, str) and group for group in as_list(groups)):
        return passed("SSH is open only to the listed source security groups", SOURCES)
    return unknown(f"source_security_group_ids is not a list of security group IDs ({groups!r})", SOURCES)


def evaluate(resource: Resource) -> Result:
    access = first_block(resource.attrs, BLOCK)
    if access is None:
        raw = resource.get(BLOCK)
        if BLOCK in resource.dynamic_blocks or _is_unknown(raw):
            return unknown(f"{BLOCK} is not known at plan time", BLOCK)
        if not is_unset(raw):
            return unknown(f"{BLOCK} is not a block ({raw!r})", BLOCK)
        return passed("no remote_access: EKS opens no SSH port on the nodes", BLOCK)
    key = access.get("ec2_ssh_key")
    if is_unset(key):
        return passed("remote_access names no SSH key: EKS opens no SSH port on the nodes", KEY)
    if not isinstance(key, str):
        return unknown(f"ec2_ssh_key is not a key pair name ({key!r})", KEY)
    verdict = _judge_sources(access.get("source_security_group_ids"))
    if _is_unknown(key) and verdict.verdict is Verdict.FAIL:
        return unknown(f"ec2_ssh_key is not known at plan time ({key}): without a key no port is opened", KEY)
    return verdict
