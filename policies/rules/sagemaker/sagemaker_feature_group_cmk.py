"""CKV_AISEC_21: a SageMaker feature group encrypts each store it enables with a customer-managed KMS key."""

from __future__ import annotations

from typing import Any

from policies.kms import judge_kms_key
from policies.model import (
    Resource,
    Result,
    Verdict,
    combine,
    first_block,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)
from policies.sagemaker_values import flag


def _unresolved(value: Any) -> bool:
    return isinstance(value, str) and (is_unresolved(value) or is_reference(value))


def _key_in(store: dict[str, Any], outer: str, block: str, default: str) -> Result:
    """The KMS key of ``<outer>.<block>.kms_key_id``; UNKNOWN when the nested block is an unresolved expression."""
    raw = store.get(block)
    found = first_block(store, block)
    if found is None and _unresolved(raw):
        return unknown(f"{block} is not known at plan time ({raw})", f"{outer}/{block}")
    if found is None and not is_unset(raw):
        return unknown(f"{block} is not a block ({raw!r})", f"{outer}/{block}")
    path = f"{outer}.{block}.kms_key_id"
    return judge_kms_key((found or {}).get("kms_key_id"), path, default, path.replace(".", "/"))


def _offline(resource: Resource) -> list[Result]:
    return [
        _key_in(
            store,
            "offline_store_config",
            "s3_storage_config",
            "the offline store's S3 objects are encrypted with a key AWS manages",
        )
        for store in resource.blocks("offline_store_config")
    ]


def _online(resource: Resource) -> list[Result]:
    results = []
    for store in resource.blocks("online_store_config"):
        enabled = flag(store.get("enable_online_store"), default=False)
        if enabled is False:
            continue
        key = _key_in(
            store,
            "online_store_config",
            "security_config",
            "the online store is encrypted with a key AWS owns",
        )
        if enabled is None and key.verdict is Verdict.FAIL:
            key = unknown(
                f"enable_online_store is not known at plan time, and {key.reason}",
                "online_store_config/enable_online_store",
            )
        results.append(key)
    return results


def evaluate(resource: Resource) -> Result:
    parts = [
        unknown(f"{name} is not known at plan time ({resource.get(name)})", name)
        for name in ("offline_store_config", "online_store_config")
        if _unresolved(resource.get(name))
    ]
    parts += [*_offline(resource), *_online(resource)]
    result = combine(parts, passed("no offline store and no enabled online store to encrypt"))
    if parts and result.verdict is Verdict.PASS:
        return passed("; ".join(part.reason for part in parts), parts[0].attribute if len(parts) == 1 else None)
    return result
