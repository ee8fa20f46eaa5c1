"""CKV_AISEC_142: SageMaker notebook and Studio lifecycle configuration scripts hold no literal credentials."""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

from policies.container_env import pointing_at
from policies.model import Resource, Result, fold, is_reference, is_unresolved, is_unset, passed, unknown
from policies.secrets import judge_text, judge_variables, secret_values, value_shape

SCRIPT_ATTRIBUTES = {
    "aws_sagemaker_notebook_instance_lifecycle_configuration": ("on_create", "on_start"),
    "aws_sagemaker_studio_lifecycle_config": ("studio_lifecycle_config_content",),
}
# NAME=value anywhere in a shell script: export HF_TOKEN=..., echo "OPENAI_API_KEY=..." >> .env
_ASSIGNMENT = re.compile(r"(?<![\w$])([A-Z][A-Z0-9_]*)=(\"[^\"]*\"|'[^']*'|[^\s;&|\"'`]+)")


def decode_script(value: Any, attribute: str) -> str | Result:
    """The script behind a base64 attribute, or the verdict when it cannot be read (never raises)."""
    if is_unresolved(value) or is_reference(value):
        return unknown(f"{attribute} is not known at plan time ({value})")
    if not isinstance(value, str):
        return unknown(f"{attribute} is not a string")
    try:
        return base64.b64decode("".join(value.split()), validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return unknown(f"{attribute} is not base64-encoded UTF-8 text, as the provider requires")


def _assignments(script: str) -> list[tuple[str, str]]:
    return [(name, value.strip("\"'")) for name, value in _ASSIGNMENT.findall(script)]


def _scripts(resource: Resource) -> list[tuple[str, str | Result]]:
    attributes = SCRIPT_ATTRIBUTES.get(resource.type, ())
    return [(a, decode_script(resource.get(a), a)) for a in attributes if not is_unset(resource.get(a))]


def evaluate(resource: Resource) -> Result:
    results: list[Result] = []
    for attribute, script in _scripts(resource):
        if isinstance(script, Result):
            results.append(pointing_at(script, attribute))
            continue
        where = f"the {attribute} script"
        found = judge_variables(_assignments(script), where) + judge_text(script.splitlines(), f"{where}: a line")
        results.extend(pointing_at(result, attribute) for result in found)
    return fold(results, passed("the lifecycle scripts hold no literal credential"))


def literal_values(resource: Resource) -> list[str]:
    """The literal credentials this rule finds, for the engine to mask where it echoes the source (the encoded
    scripts themselves: the source holds base64, not the decoded value)."""
    found: list[str] = []
    for attribute, script in _scripts(resource):
        if isinstance(script, str) and (
            secret_values(_assignments(script)) or any(value_shape(line) for line in script.splitlines())
        ):
            found.append(str(resource.get(attribute)))
    return found
