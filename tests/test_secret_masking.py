"""Findings never carry a secret's value: Checkov copies a resource's source lines into every record of it,
so the scan masks the literal credentials the rules found (and every well-known credential shape) in all
output formats."""

from __future__ import annotations

import re

import pytest

from policies.secrets import MASK, SHAPE_PREFIXES, VALUE_SHAPES, mask, value_shape
from tests.scanning import rule_examples
from tests.test_cli import run_cli

FOLDERS = [
    "lambda_function_no_literal_secrets",
    "ecs_container_no_literal_secrets",
    "k8s_no_literal_secrets",
    "sagemaker_model_no_literal_secrets",
]


def _literal_values(folder: str) -> set[str]:
    """The secret values the examples write: provider-shaped strings and the name-only example password."""
    texts = [path.read_text(encoding="utf-8") for path in (rule_examples(folder)).iterdir() if path.is_file()]
    found = {match.group(0) for text in texts for _, pattern in VALUE_SHAPES for match in pattern.finditer(text)}
    found |= {word for text in texts for word in re.findall(r"[\w-]*not-real[\w-]*|\bminio123\b", text)}
    return found


@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize("output", ["cli", "json", "sarif"])
def test_no_output_format_prints_a_secret(folder: str, output: str) -> None:
    values = _literal_values(folder)
    assert values, "the example must hold literal secrets for this test to mean anything"
    result = run_cli("scan", str(rule_examples(folder)), "-o", output)
    assert result.returncode == 1, result.stderr
    leaked = {value for value in values if value in result.stdout or value in result.stderr}
    assert leaked == set()
    if output != "sarif":  # SARIF carries no source lines
        assert MASK in result.stdout


def test_mask_replaces_shapes_and_found_secrets() -> None:
    key = "AKIA" + "ABCDEFGHIJKLMNOP"
    assert mask(f'AWS_ACCESS_KEY_ID = "{key}"') == f'AWS_ACCESS_KEY_ID = "{MASK}"'
    assert mask("nothing secret here") == "nothing secret here"


# One credential of each shape (made up, in the providers' formats).
SAMPLES = {
    "an AWS access key ID": "AKIA" + "ABCDEFGHIJKLMNOP",
    "a Hugging Face token": "hf_" + "Ab1" * 11,
    "an Anthropic API key": "sk-ant-" + "Ab1" * 8,
    "an OpenAI API key": "sk-proj-" + "Ab1" * 8,
    "a GitHub token": "ghp_" + "Ab1" * 12,
    "a Slack token": "xoxb-" + "1234567890-abc",
    "a Google API key": "AIza" + "Ab1_" * 8 + "Ab1",
    "a Groq API key": "gsk_" + "Ab1" * 14,
    "a Replicate API token": "r8_" + "Ab1" * 11,
    "a private key": "-----BEGIN RSA PRIVATE KEY-----",
}


def test_every_shape_starts_with_a_prefix_mask_looks_for() -> None:
    assert set(SAMPLES) == {label for label, _ in VALUE_SHAPES}
    for label, sample in SAMPLES.items():
        assert value_shape(sample) == label
        assert SHAPE_PREFIXES.search(sample), label
        assert mask(f"token = {sample} # note") == f"token = {MASK} # note"
