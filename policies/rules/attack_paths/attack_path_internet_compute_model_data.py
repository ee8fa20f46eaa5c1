"""CKV2_AISEC_45: compute reachable from the internet runs as no role that can read or write models or
training data.

The path: the internet -> a notebook with direct internet access, an instance or launch template with a
public IP address, or an ECS service whose tasks get public IP addresses -> the role it runs as -> an IAM
grant of s3:GetObject or s3:PutObject on objects of a bucket that the configuration shows holds models or
training data (``policies.s3.ai_asset_reason`` without the name heuristic). Reported on the compute resource;
docs/attack-paths.md says how each link is read.
"""

from __future__ import annotations

from policies import attack_paths, s3
from policies.graph import Graph
from policies.model import Resource, Result, Verdict, combine, failed, passed, unknown

ACTIONS = ("s3:GetObject", "s3:PutObject")


def _data_access(role: Resource, graph: Graph) -> Result:
    results = []
    for bucket in graph.of_type(s3.BUCKET):
        why = s3.ai_asset_reason(bucket, graph, by_name=False)
        if why is None:
            continue
        access = attack_paths.role_may(
            role,
            graph,
            ACTIONS,
            attack_paths.covers_bucket_objects(bucket, graph),
            f"read or write objects of {bucket.address}",
        )
        if access.verdict is Verdict.FAIL:
            access = failed(
                f"role {role.address} -> {access.reason} -> {bucket.address}, which holds models or training "
                f"data ({why})"
            )
        elif access.verdict is Verdict.UNKNOWN:
            access = unknown(f"the link from role {role.address} to {bucket.address} is unknown: {access.reason}")
        results.append(access)
    return combine(
        results,
        passed(f"role {role.address} reaches no bucket the configuration shows to hold models or training data"),
    )


def evaluate(resource: Resource, graph: Graph) -> Result:
    exposure = attack_paths.internet_exposure(resource, graph)
    if exposure.verdict is Verdict.PASS:
        return passed(f"not reachable from the internet: {exposure.reason}")
    role = attack_paths.workload_role(resource, graph)
    access = attack_paths.path_through_role(resource.address, role, lambda found: _data_access(found, graph))
    if access.verdict is Verdict.PASS:
        return access
    if exposure.verdict is Verdict.UNKNOWN:
        return unknown(f"the internet link is unknown ({exposure.reason}); if it is open: {access.reason}")
    if access.verdict is Verdict.UNKNOWN:
        return unknown(f"reachable from the internet ({exposure.reason}), but {access.reason}")
    return failed(f"attack path: internet -> {resource.address} ({exposure.reason}) -> {access.reason}")
