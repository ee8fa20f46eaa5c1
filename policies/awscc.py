"""What the rules for the ``awscc`` provider (AWS Cloud Control) share: reading its nested objects, and
judgments of single settings.

awscc generates its schemas from CloudFormation: property names in snake_case, and nested properties as
attributes that hold objects (``guardrail_configuration = { guardrail_identifier = "..." }``) or lists of
objects (``filters_config = [{ type = "PROMPT_ATTACK" }]``), never blocks. Checkov hands these over in more than
one shape, all of which the readers below accept:

* HCL: an object arrives as a dict, unless every member holds a list, in which case it looks like a block and
  arrives as a one-item list of dicts; a list with one object arrives as that object alone.
* Plan JSON: an object arrives as a one-item list of dicts. Terraform leaves values known only after apply out
  of the object, and Checkov fills in references for top-level attributes only, so a member that refers to
  another resource is simply absent in a plan. awscc plans every optional attribute left unset as known after
  apply too, so a plan cannot tell those two apart. Each rule says how it reads an absent member.

The setting judgments (``judge_choice``, ``judge_identifier``) take the attribute's name and AWS's default, so
the same function can judge an ``aws`` provider resource with the same setting.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from policies.model import Result, failed, is_reference, is_unresolved, is_unset, passed, unknown


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


def judge_choice(value: Any, name: str, required: str, default: str, risk: str) -> Result:
    """A string setting that must be ``required``; unset means AWS's ``default``; ``risk`` explains a failure."""
    if is_unset(value):
        return failed(f"{name} is not set: AWS's default {default!r} applies, so {risk}")
    if is_unresolved(value) or is_reference(value):
        return unknown(f"{name} is not known at plan time ({value})")
    if not isinstance(value, str):
        return unknown(f"{name} is not a string ({value!r})")
    if value == required:
        return passed(f"{name} is {required!r}")
    return failed(f"{name} is {value!r}, not {required!r}, so {risk}")


def judge_identifier(value: Any, name: str, when_unset: str) -> Result:
    """An ID or ARN that must be set (a literal or a reference); ``when_unset`` says what its absence means."""
    if is_unset(value):
        return failed(f"{name} is not set: {when_unset}")
    if is_reference(value):
        return passed(f"{name} is the referenced {value}")
    if is_unresolved(value):
        return unknown(f"{name} is not known at plan time ({value})")
    if isinstance(value, str) and value.strip():
        return passed(f"{name} is {value}")
    if isinstance(value, str):
        return failed(f"{name} is blank: {when_unset}")
    return unknown(f"{name} is not an ID or ARN ({value!r})")


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
