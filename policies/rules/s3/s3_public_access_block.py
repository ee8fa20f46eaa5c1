"""CKV2_AISEC_1: every S3 bucket is covered by S3 Block Public Access with all four settings on, and no
public access block turns a setting off.

S3 applies the most restrictive combination of the account-level and the bucket-level settings, one
setting at a time: a setting is on for a bucket when the account's block turns it on, or when the bucket's
own block does. Unset settings are false (the provider default).

Three resource types are judged:

* a bucket, by the blocks that cover it. The account-level block is an account singleton that lives in
  some root configuration, so a bucket without a block of its own is failed only in a root configuration
  (``Graph.is_root``); in a reusable module it gets no verdict.
* a bucket-level block that leaves a setting off, even when its bucket is not in the configuration (a module
  that receives the bucket name). When its bucket is in the configuration, the finding is reported once, on
  the bucket, and the block gets no verdict of its own.
* the account-level block, whose settings apply to every bucket of the account.
"""

from __future__ import annotations

from policies.graph import Graph
from policies.model import (
    Resource,
    Result,
    as_bool,
    failed,
    is_reference,
    is_unresolved,
    is_unset,
    passed,
    unknown,
)
from policies.s3 import buckets_of

SETTINGS = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")
BUCKET_BLOCK = "aws_s3_bucket_public_access_block"
ACCOUNT_BLOCK = "aws_s3_account_public_access_block"

# A setting is True (on), False (off or unset) or None (not known at plan time).
State = bool | None


def _setting(block: Resource, name: str) -> State:
    value = block.get(name)
    if is_unset(value):
        return False
    return as_bool(value)  # None for var.x, references and values that are not booleans


def _any_on(blocks: list[Resource], name: str) -> State:
    """Account blocks: one that turns the setting on is enough."""
    states = [_setting(block, name) for block in blocks]
    if True in states:
        return True
    return None if None in states else False


def _all_on(blocks: list[Resource], name: str) -> State:
    """The bucket's own blocks: they overwrite each other, so every one must turn the setting on."""
    states = [_setting(block, name) for block in blocks]
    if not states or False in states:
        return False
    return None if None in states else True


def _maybe_on(blocks: list[Resource], name: str) -> State:
    """Blocks that may or may not point at the bucket: unknown if one of them could turn the setting on."""
    return None if any(_setting(block, name) is not False for block in blocks) else False


def _either(first: State, second: State) -> State:
    if first is True or second is True:
        return True
    return None if first is None or second is None else False


def _names(blocks: list[Resource]) -> str:
    return ", ".join(block.address for block in blocks)


def _fail_reason(off: list[str], own: list[Resource], accounts: list[Resource]) -> str:
    settings = ", ".join(off)
    reason = f"{settings} false or unset in {_names(own)}" if own else f"no {BUCKET_BLOCK} points at this bucket"
    if accounts:
        reason += f"; {_names(accounts)} leaves {settings} off"
    return reason


def _bucket_blocks(resource: Resource, graph: Graph) -> tuple[list[Resource], list[Resource]]:
    """The blocks that point at the bucket, and those that may: a block whose bucket is not known at plan
    time, or, when the bucket's own name is not known, a block that names a bucket literally."""
    attachments = graph.attached(resource, [BUCKET_BLOCK], "bucket", target_names=("bucket",))
    own, maybe = attachments.found, list(attachments.undecidable)
    if is_unresolved(resource.get("bucket")):
        for block in graph.of_type(BUCKET_BLOCK):
            name = block.get("bucket")
            literal = isinstance(name, str) and name and not is_reference(name) and not is_unresolved(name)
            if literal and block not in own:
                maybe.append(block)
    return own, maybe


def _unknown_target(resource: Resource, block: Resource) -> Result:
    value = block.get("bucket")
    if is_unresolved(value):
        return unknown(f"{block.address} has bucket = {value}, which is not known at plan time")
    name = resource.get("bucket")
    return unknown(f"this bucket's name ({name}) is not known at plan time; {block.address} may point at it")


def _judge_account_block(block: Resource) -> Result:
    states = {name: _setting(block, name) for name in SETTINGS}
    off = [name for name in SETTINGS if states[name] is False]
    if off:
        return failed(
            f"{', '.join(off)} false or unset for the whole account: "
            "a bucket without a block of its own can be made public"
        )
    undecided = [name for name in SETTINGS if states[name] is None]
    if undecided:
        return unknown(f"{', '.join(undecided)} not known at plan time")
    return passed("blocks public access for every bucket in the account")


def _judge_bucket_block(block: Resource, graph: Graph) -> Result:
    accounts = graph.of_type(ACCOUNT_BLOCK)
    states = {name: _either(_any_on(accounts, name), _setting(block, name)) for name in SETTINGS}
    off = [name for name in SETTINGS if states[name] is False]
    undecided = [name for name in SETTINGS if states[name] is None]
    if not off and undecided:
        return unknown(f"{', '.join(undecided)} not known at plan time")
    if not off:
        if all(_setting(block, name) is True for name in SETTINGS):
            return passed("blocks all public access to its bucket")
        return passed(f"{_names(accounts)} turns on, for the whole account, what this block leaves off")
    buckets = buckets_of(block, graph)
    if buckets:
        return unknown(f"{', '.join(off)} off: reported on {_names(buckets)}, which this block covers")
    reason = f"{', '.join(off)} false or unset, so its bucket can be made public"
    if accounts:
        reason += f"; {_names(accounts)} leaves them off too"
    return failed(reason)


def evaluate(resource: Resource, graph: Graph) -> Result:
    if resource.type == ACCOUNT_BLOCK:
        return _judge_account_block(resource)
    if resource.type == BUCKET_BLOCK:
        return _judge_bucket_block(resource, graph)
    return _judge_bucket(resource, graph)


def _judge_bucket(resource: Resource, graph: Graph) -> Result:
    accounts = graph.of_type(ACCOUNT_BLOCK)
    own, maybe = _bucket_blocks(resource, graph)
    account = {name: _any_on(accounts, name) for name in SETTINGS}
    bucket = {name: _all_on(own, name) if own else _maybe_on(maybe, name) for name in SETTINGS}
    effective = {name: _either(account[name], bucket[name]) for name in SETTINGS}

    off = [name for name in SETTINGS if effective[name] is False]
    undecided = [name for name in SETTINGS if effective[name] is None]
    if off and not own and not graph.is_root:
        return unknown(
            f"no {BUCKET_BLOCK} points at this bucket and this is a reusable module: the account-level "
            f"{ACCOUNT_BLOCK} of the root configuration decides"
        )
    if off:
        return failed(_fail_reason(off, own, accounts))
    if undecided:
        if not own and any(bucket[name] is None for name in undecided):
            return _unknown_target(resource, maybe[0])
        return unknown(f"{', '.join(undecided)} not known at plan time")
    if all(account.values()):
        return passed(f"{_names(accounts)} blocks public access for every bucket in the account")
    if all(bucket.values()):
        return passed(f"{_names(own)} blocks all public access to this bucket")
    return passed("account-level and bucket-level settings together block all public access")
