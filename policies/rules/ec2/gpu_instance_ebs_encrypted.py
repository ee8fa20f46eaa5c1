"""CKV2_AISEC_24: a GPU or accelerator instance (or launch template) encrypts the EBS volumes it declares.

EBS encryption by default for the Region, in the same configuration, encrypts every new volume and decides
for all of them. Otherwise each declared volume needs encrypted = true; an instance's root volume comes from
its root_block_device, else its launch template, else the AMI's snapshot (unencrypted unless the AMI's is).
"""

from __future__ import annotations

from typing import Any

from policies.accelerators import INSTANCE, launch_template_of, out_of_scope
from policies.graph import Graph
from policies.model import (
    Resource,
    Result,
    Verdict,
    as_bool,
    combine,
    failed,
    first_block,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)

ACCOUNT_DEFAULT = "aws_ebs_encryption_by_default"


def _account_default(graph: Graph) -> Result | None:
    """PASS when EBS encryption by default is on, UNKNOWN when that is not known, None otherwise."""
    undecided = []
    for setting in graph.of_type(ACCOUNT_DEFAULT):
        enabled = setting.get("enabled")
        flag = True if is_unset(enabled) else as_bool(enabled)  # the provider's default is true
        if flag is True:
            return passed(f"{setting.address} encrypts every new EBS volume in the Region")
        if flag is None:
            undecided.append(setting.address)
    if undecided:
        return unknown(f"whether {', '.join(undecided)} turns EBS encryption by default on is not known at plan time")
    return None


def _judge_volume(block: dict[str, Any], what: str) -> Result:
    encrypted = block.get("encrypted")
    if is_unresolved(encrypted) or is_reference(encrypted):
        return unknown(f"encrypted of {what} is not known at plan time ({encrypted})")
    flag = False if is_unset(encrypted) else as_bool(encrypted)
    if flag is None:
        return unknown(f"encrypted of {what} is not a boolean ({encrypted!r})")
    if flag:
        return passed(f"{what} is encrypted")
    if is_unset(encrypted) and not is_unset(block.get("snapshot_id")):
        return unknown(f"{what} is restored from {block.get('snapshot_id')} and is encrypted only if that snapshot is")
    state = "is not set (default false)" if is_unset(encrypted) else "is false"
    return failed(f"encrypted of {what} {state}")


def _blocks(resource: Resource, name: str) -> list[dict[str, Any]] | Result:
    found = resource.blocks(name)
    raw = resource.get(name)
    if name in resource.dynamic_blocks or (not found and not is_unset(raw)):
        return unknown(f"{resource.address}: {name} is a dynamic block or not known at plan time")
    return found


def _judge_template(template: Resource) -> Result:
    mappings = _blocks(template, "block_device_mappings")
    if isinstance(mappings, Result):
        return mappings
    volumes = [(mapping, first_block(mapping, "ebs")) for mapping in mappings]
    judged = [
        _judge_volume(ebs, f"the EBS mapping {mapping.get('device_name') or '(no device name)'} of {template.address}")
        for mapping, ebs in volumes
        if ebs is not None
    ]
    if any(not isinstance(mapping.get("ebs"), (list, dict, type(None))) for mapping, _ in volumes):
        judged.append(unknown(f"an ebs block of {template.address} is not known at plan time"))
    return combine(
        judged,
        failed(
            f"{template.address} declares no EBS volume: the volumes follow the AMI's snapshots, "
            "unencrypted unless those are"
        ),
    )


def _judge_instance(instance: Resource, graph: Graph) -> Result:
    results: list[Result] = []
    template = launch_template_of(instance, graph)
    roots = _blocks(instance, "root_block_device")
    if isinstance(roots, Result):
        results.append(roots)
    elif roots:
        results.append(_judge_volume(roots[0], "the root volume"))
    elif isinstance(template, Result):
        results.append(template)
    elif template is None:
        results.append(
            failed("no root_block_device: the root volume follows the AMI's snapshot, unencrypted unless the AMI's is")
        )
    if isinstance(template, Resource):
        results.append(_judge_template(template))
    devices = _blocks(instance, "ebs_block_device")
    if isinstance(devices, Result):
        results.append(devices)
    else:
        results.extend(
            _judge_volume(device, f"the EBS volume {device.get('device_name') or ''}".strip()) for device in devices
        )
    return combine(results, passed("every declared volume is encrypted"))


def evaluate(resource: Resource, graph: Graph) -> Result:
    skipped = out_of_scope(resource, graph)
    if skipped is not None:
        return skipped
    account = _account_default(graph)
    if account is not None and account.verdict is Verdict.PASS:
        return account
    verdict = _judge_instance(resource, graph) if resource.type == INSTANCE else _judge_template(resource)
    if account is not None and verdict.verdict is not Verdict.PASS:
        return account
    return verdict
