"""CKV2_AISEC_46: no internet-facing service runs as a role that can write a model store (model poisoning).

The store is a bucket that the configuration shows holds models or training data (``policies.s3``, without
the name heuristic) or an ECR repository. The services are those of CKV2_AISEC_45 (compute reachable from the
internet) and the Lambda functions behind the unauthenticated entry points of CKV2_AISEC_47. The write is
s3:PutObject on the bucket's objects, or ecr:PutImage on the repository, by any pattern (``s3:*``, ``*``).
Reported on the store, with the path in the reason.
"""

from __future__ import annotations

from policies import attack_paths, s3
from policies.graph import Graph
from policies.model import Resource, Result, Verdict, combine, failed, passed, unknown


def _store(resource: Resource, graph: Graph) -> tuple[str, tuple[str, ...], attack_paths.Covers] | None:
    """What the store is, the write actions, and what reaches it; None when it is not a model store."""
    if resource.type == attack_paths.ECR_REPOSITORY:
        return (
            "an ECR repository (the images that train or serve models)",
            ("ecr:PutImage",),
            attack_paths.covers_repository(resource, graph),
        )
    why = s3.ai_asset_reason(resource, graph, by_name=False)
    if why is None:
        return None
    return (
        f"it holds models or training data ({why})",
        ("s3:PutObject",),
        attack_paths.covers_bucket_objects(resource, graph),
    )


def _services(graph: Graph) -> list[tuple[Resource, Result, object]]:
    """Each internet-facing service with how it faces the internet (FAIL, or UNKNOWN when that link is not
    known) and the role it runs as."""
    found: list[tuple[Resource, Result, object]] = []
    for service in graph.of_type(*attack_paths.COMPUTE_TYPES):
        exposure = attack_paths.internet_exposure(service, graph)
        if exposure.verdict is not Verdict.PASS:
            found.append((service, exposure, attack_paths.workload_role(service, graph)))
    for entry in graph.of_type(*attack_paths.ENTRY_TYPES):
        opening, function = attack_paths.entry_function(entry, graph)
        if opening.verdict is Verdict.FAIL and function is not None:
            found.append((entry, opening, attack_paths.workload_role(function, graph)))
        elif opening.verdict is Verdict.UNKNOWN:
            found.append((entry, opening, None))
    return found


def evaluate(resource: Resource, graph: Graph) -> Result:
    store = _store(resource, graph)
    if store is None:
        return passed("nothing in the configuration shows it holds models or training data: not a model store")
    what, actions, covers = store
    results = []
    for service, exposure, role in _services(graph):
        if role is None:
            continue
        if isinstance(role, Result):
            if exposure.verdict is Verdict.FAIL:
                results.append(
                    unknown(f"{service.address} faces the internet, but its role link is unknown: {role.reason}")
                )
            continue
        write = attack_paths.role_may(role, graph, actions, covers, f"write {resource.address}")
        if write.verdict is Verdict.PASS:
            continue
        if write.verdict is Verdict.UNKNOWN:
            if exposure.verdict is Verdict.FAIL:
                results.append(
                    unknown(
                        f"{service.address} faces the internet ({exposure.reason}), but the write link of role "
                        f"{role.address} is unknown: {write.reason}"
                    )
                )
            continue
        if exposure.verdict is Verdict.UNKNOWN:
            results.append(
                unknown(
                    f"role {role.address} can write it ({write.reason}), but the internet link of "
                    f"{service.address} is unknown: {exposure.reason}"
                )
            )
            continue
        results.append(
            failed(
                f"model poisoning path: internet -> {service.address} ({exposure.reason}) -> role {role.address} -> "
                f"{write.reason} -> {resource.address}; {what}"
            )
        )
    return combine(
        results, passed(f"no internet-facing service of this configuration runs as a role that can write it; {what}")
    )
