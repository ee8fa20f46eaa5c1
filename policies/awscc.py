"""What the rules for the ``awscc`` provider (AWS Cloud Control) share: reading its nested objects, and a
judgment the aws provider's rules can share.

awscc generates its schemas from CloudFormation: property names in snake_case, and nested properties as
attributes that hold objects (``guardrail_configuration = { guardrail_identifier = "..." }``) or lists of
objects (``filters_config = [{ type = "PROMPT_ATTACK" }]``), never blocks. Checkov hands these over in more than
one shape, all of which the readers below accept:

* HCL: an object arrives as a dict, unless every member holds a list, in which case it looks like a block and
  arrives as a one-item list of dicts; a list with one object arrives as that object alone.
* Plan JSON: an object arrives as a one-item list of dicts. Terraform leaves values known only after apply out
  of the object, and Checkov fills in references for top-level attributes only, so a member that refers to
  another resource is simply absent in a plan. awscc plans every optional attribute left unset as known after
  apply too, so a plan cannot tell those two apart. Each rule says how it reads an absent member. An object
  whose members are all known only after apply arrives holding nothing but Checkov's bookkeeping keys
  (``__file__``, ``start_line``), which the adapter does not strip from it.

``judge_instance_storage_key`` takes the attribute's name, so the aws provider's endpoint configurations
(``kms_key_arn``) can be judged by the same function as awscc's (``kms_key_id``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from policies.kms import judge_kms_key
from policies.model import Resource, Result, Verdict, is_reference, is_unresolved, is_unset, passed, unknown
from policies.sagemaker_values import has_local_storage


def _not_known(value: Any, name: str) -> Result | None:
    """UNKNOWN for a variable, local, module output or reference where a structure belongs."""
    if isinstance(value, str) and (is_unresolved(value) or is_reference(value)):
        return unknown(f"{name} is not known at plan time ({value})")
    return None


def read_object(container: Any, name: str) -> tuple[dict[str, Any] | None, Result | None]:
    """An object attribute: ``(object, None)``; ``(None, None)`` when unset; ``(None, UNKNOWN)`` otherwise."""
    value = container.get(name) if isinstance(container, Mapping) else None
    if value is None or value == "" or value == []:
        return None, None
    if isinstance(value, Mapping):
        return dict(value), None
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], Mapping):
        return dict(value[0]), None
    return None, _not_known(value, name) or unknown(f"{name} is not an object ({value!r})")


def read_objects(container: Any, name: str) -> tuple[list[dict[str, Any]], Result | None]:
    """A list-of-objects attribute: the objects that can be read, and UNKNOWN if anything else was in the way."""
    value = container.get(name) if isinstance(container, Mapping) else None
    if value is None or value == "" or value == []:
        return [], None
    if isinstance(value, Mapping):
        return [dict(value)], None
    if not isinstance(value, list):
        return [], _not_known(value, name) or unknown(f"{name} is not a list of objects ({value!r})")
    objects = [dict(item) for item in value if isinstance(item, Mapping)]
    others = [item for item in value if not isinstance(item, Mapping)]
    if not others:
        return objects, None
    return objects, _not_known(others[0], name) or unknown(f"{name} holds an item that is not an object")


def member_not_known(container: Any, name: str, members: tuple[str, ...], need_items: bool = False) -> Result | None:
    """UNKNOWN when the members of the object ``name`` are not known at plan time.

    awscc lets a variable fill a nested list (``filters_config = var.filters``) where the aws provider has
    blocks, and logic written for blocks reads such a member as an empty list. With ``need_items`` (AWS needs
    at least one item among ``members``), members that are all missing or empty are not known either: a plan
    leaves out a member computed at apply, and Checkov reads a typed list variable without default as ``[]``.
    """
    found, problem = read_object(container, name)
    if problem is not None or found is None:
        return None
    values = [found.get(member) for member in members]
    for member, value in zip(members, values, strict=True):
        result = _not_known(value, f"{name}.{member}")
        if result is not None:
            return result
    if need_items and all(value is None or value == [] for value in values):
        listed = " or ".join(members)
        return unknown(f"{name} has no {listed}: empty or left out (computed at apply, or a list variable)")
    return None


VARIANT_LISTS = ("production_variants", "shadow_production_variants")


def judge_instance_storage_key(resource: Resource, attribute: str) -> Result:
    """An endpoint configuration's key for its instances' storage volumes.

    The key must be customer-managed, except where SageMaker refuses one: a variant on an instance type with
    local NVMe storage, which the instance's hardware encrypts. The same judgment as CKV_AISEC_18 (aws
    provider, ``kms_key_arn``), for any attribute name and for variant lists that a variable fills.
    """
    key = resource.get(attribute)
    result = judge_kms_key(key, attribute, "the endpoint's storage volumes are encrypted with a key AWS manages")
    if result.verdict is not Verdict.FAIL or not is_unset(key):
        return result
    types = []
    for name in VARIANT_LISTS:
        variants, problem = read_objects(resource.attrs, name)
        if problem is not None:
            return unknown(f"{attribute} is not set and {problem.reason}: instances with local storage take no key")
        types.extend(variant.get("instance_type") for variant in variants)
    types = [instance_type for instance_type in types if not is_unset(instance_type)]
    local = [instance_type for instance_type in types if has_local_storage(instance_type)]
    if local:
        return passed(
            f"{attribute} does not apply: {local[0]} has local NVMe storage, encrypted by the instance's hardware, "
            "and SageMaker accepts no KMS key for it"
        )
    undecided = [instance_type for instance_type in types if has_local_storage(instance_type) is None]
    if undecided:
        return unknown(
            f"{attribute} is not set and instance type {undecided[0]!r} is not known: instances with local storage "
            "take no key"
        )
    return result
