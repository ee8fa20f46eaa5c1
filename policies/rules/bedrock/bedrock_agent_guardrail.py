"""CKV_AISEC_32: Bedrock agents have a guardrail attached (identifier and version).

``guardrail_configuration`` is a list attribute of at most one object. In a plan, values that are only known
after apply (``aws_bedrock_guardrail.g.guardrail_id``, ``aws_bedrock_guardrail_version.v.version``) are left
out of the object, so a missing key means "computed at apply", not "unset"; Terraform itself rejects an object
without both keys in configuration.
"""

from __future__ import annotations

from policies.model import Resource, Result, combine, failed, is_unresolved, passed, unknown

BLOCK = "guardrail_configuration"
KEYS = ("guardrail_identifier", "guardrail_version")


def _judge_key(configuration: dict, key: str) -> Result | None:
    """None when the key holds a usable value (or is computed at apply)."""
    if key not in configuration:
        return None
    value = configuration[key]
    if value is None or value == "":
        return failed(f"{key} is empty", f"{BLOCK}/{key}")
    if is_unresolved(value):
        return unknown(f"{key} is not known at plan time ({value})", f"{BLOCK}/{key}")
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return unknown(f"{key} is not an identifier ({value!r})", f"{BLOCK}/{key}")
    return None


def _describe(configuration: dict) -> str:
    shown = [f"{key} {configuration[key]}" for key in KEYS if key in configuration]
    return ", ".join(shown) if shown else "identifier and version computed at apply"


def evaluate(resource: Resource) -> Result:
    configurations = resource.blocks(BLOCK)
    if not configurations:
        raw = resource.get(BLOCK)
        if BLOCK in resource.dynamic_blocks or is_unresolved(raw):
            return unknown(f"{BLOCK} is not known at plan time", BLOCK)
        if raw in (None, [], {}, ""):
            return failed(
                f"no {BLOCK}: no guardrail is attached, prompts and responses reach the model unfiltered", BLOCK
            )
        return unknown(f"{BLOCK} is not a list of guardrail objects ({raw!r})", BLOCK)
    problems = [
        result for configuration in configurations for key in KEYS if (result := _judge_key(configuration, key))
    ]
    if problems:
        return combine(problems, problems[0])
    return passed(f"guardrail attached ({_describe(configurations[0])})", BLOCK)
