"""Literal credentials in the environment of AI containers and functions: one home for the judgment.

A variable holds a literal secret when its value is shaped like a well-known provider's credential (whatever
the variable's name), or when its name says it carries one (``*_TOKEN``, ``*_API_KEY``, ``*_SECRET``,
``*_PASSWORD``, ``*_PRIVATE_KEY``, ``*_SECRET_ACCESS_KEY``...: ``HF_TOKEN``, ``HUGGING_FACE_HUB_TOKEN``,
``OPENAI_API_KEY``, ``WANDB_API_KEY``, ``ANTHROPIC_API_KEY``, ``AWS_SECRET_ACCESS_KEY``) and its value is
literal text. Not literal: an ARN of a Secrets Manager secret, SSM parameter or KMS key, a CloudFormation
``{{resolve:...}}``, a path or SSM parameter name (``/prod/hf-token``), a runtime expansion (``$(VAR)``,
``${VAR}``, ``$VAR``), a number, a boolean or switch word (``yes``, ``off``), a placeholder (``EMPTY``,
``dummy``, ``<your-token>``, ``xxxx``), and a reference to another resource. A value the engine could
not resolve (``var.token``) is unknown.

Reasons name the variable and the kind of credential, never the value: a finding is printed, logged and
stored where the secret must not go. ``secret_values`` gives the values to mask where an engine echoes source.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Any

from policies.model import Result, failed, is_reference, is_unresolved, passed, unknown

# Value shapes of well-known providers' credentials.
VALUE_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an AWS access key ID", re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}(?![A-Z0-9])")),
    ("a Hugging Face token", re.compile(r"(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{30,}")),
    ("an Anthropic API key", re.compile(r"(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{20,}")),
    ("an OpenAI API key", re.compile(r"(?<![A-Za-z0-9_-])sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")),
    ("a GitHub token", re.compile(r"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")),
    ("a Slack token", re.compile(r"(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}")),
    ("a Google API key", re.compile(r"(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}")),
    ("a Groq API key", re.compile(r"(?<![A-Za-z0-9_])gsk_[A-Za-z0-9]{40,}")),
    ("a Replicate API token", re.compile(r"(?<![A-Za-z0-9_])r8_[A-Za-z0-9]{30,}")),
    ("a private key", re.compile(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----")),
)

# Names that carry credentials, by their last words.
_CREDENTIAL_NAME = re.compile(
    r"(?:^|_)(?:TOKEN|API_?KEY|SECRET|SECRET_?KEY|SECRET_ACCESS_KEY|PASSWORD|PASSWD|PASSPHRASE|PRIVATE_KEY"
    r"|ACCESS_TOKEN|AUTH_TOKEN|CLIENT_SECRET)$"
)
# Tokenizer settings named *_TOKEN hold special tokens such as "</s>", not credentials.
_SPECIAL_TOKEN_NAME = re.compile(r"(?:^|_)(?:BOS|EOS|PAD|UNK|SEP|CLS|MASK|START|END|STOP|SPECIAL)_TOKEN$")
_NOT_LITERAL = re.compile(
    r"^(?:arn:aws[a-z-]*:(?:secretsmanager|ssm|kms):|\{\{resolve:|/|\$\(|\$\{|\$[A-Za-z_][A-Za-z0-9_]*$)"
)
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
# Switch words: ALLOW_EMPTY_PASSWORD=yes is a flag, not a password.
_SWITCH_WORDS = frozenset({"true", "false", "null", "none", "yes", "no", "on", "off", "enabled", "disabled"})
# Values that stand in for a key a client insists on but the server ignores (vLLM's and Ollama's OpenAI-compatible
# APIs take api_key="EMPTY"), or for one still to be filled in. A known default such as "changeme" or
# "minio123" is a credential: whoever reads the manifest can log in with it.
_PLACEHOLDERS = frozenset(
    {"dummy", "empty", "placeholder", "unused", "not-needed", "not_needed", "notneeded", "not-used", "fake", "n/a"}
)
_PLACEHOLDER_SHAPE = re.compile(r"^(?:<[^<>]*>|(.)\1*)$")  # <your-token>, xxxxxxxx, ********


def is_credential_name(name: Any) -> bool:
    if not isinstance(name, str):
        return False
    upper = name.strip().upper().replace("-", "_")
    return bool(_CREDENTIAL_NAME.search(upper)) and not _SPECIAL_TOKEN_NAME.search(upper)


def value_shape(value: Any) -> str | None:
    """What kind of well-known credential ``value`` contains, or ``None``."""
    if not isinstance(value, str):
        return None
    for label, pattern in VALUE_SHAPES:
        if pattern.search(value):
            return label
    return None


def _is_literal_text(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    text = value.strip().strip("\"'")
    lowered = text.lower()
    if not text or lowered in _SWITCH_WORDS or lowered in _PLACEHOLDERS or _NUMBER.match(text):
        return False
    if _PLACEHOLDER_SHAPE.match(text):
        return False
    return not _NOT_LITERAL.match(text)


def literal_secret(name: Any, value: Any) -> str | None:
    """Why ``name=value`` is a literal credential (without the value), or ``None`` when it is not one."""
    label = name.strip() if isinstance(name, str) and name.strip() else "a variable"
    shape = value_shape(value)
    if shape:
        return f"{label} holds {shape}"
    if is_credential_name(name) and not is_unresolved(value) and not is_reference(value) and _is_literal_text(value):
        _remember(value)
        return f"{label} is named like a credential and holds literal text"
    return None


# Literal credentials without a recognisable shape that rules found in this process, for ``mask``.
_FOUND: set[str] = set()
_FOUND_LIMIT = 10_000


_found_longest_first: list[str] = []  # _FOUND in the order mask replaces them, kept in step by _remember


def _remember(value: str) -> None:
    text = value.strip().strip("\"'")
    if len(text) >= 4 and len(_FOUND) < _FOUND_LIMIT and text not in _FOUND:
        _FOUND.add(text)
        bisect.insort(_found_longest_first, text, key=lambda secret: -len(secret))


MASK = "****"


# The literal text every shape above starts with: most lines hold none, and this search costs a tenth of
# trying each shape (tests/test_secret_masking.py keeps the two lists in step).
SHAPE_PREFIXES = re.compile(
    r"AKIA|ASIA|ABIA|ACCA|hf_|sk-|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|xox|AIza|gsk_|r8_|-----BEGIN "
)


def mask(text: str) -> str:
    """``text`` with every well-known credential shape, and every literal credential a rule has found in this
    process, replaced by ``****``: for engines that echo source lines (Checkov's code blocks) into reports."""
    if SHAPE_PREFIXES.search(text):
        for _, pattern in VALUE_SHAPES:
            text = pattern.sub(MASK, text)
    for secret in _found_longest_first:  # a longer secret first: a shorter one may be part of it
        text = text.replace(secret, MASK)
    return text


def judge_variable(name: Any, value: Any, where: str) -> Result | None:
    """The verdict for one variable: FAIL for a literal credential, UNKNOWN for a credential-named variable whose
    value is not known, PASS for a credential-named variable that holds a reference; ``None`` otherwise."""
    reason = literal_secret(name, value)
    if reason:
        return failed(f"{where}: {reason}; keep it in Secrets Manager or SSM and pass a reference")
    if not is_credential_name(name):
        return None
    if is_unresolved(value):
        return unknown(f"{where}: {name.strip()} comes from an expression not known at plan time")
    return passed(f"{where}: {name.strip()} holds no literal credential")


def judge_variables(pairs: Iterable[tuple[Any, Any]], where: str) -> list[Result]:
    return [result for name, value in pairs if (result := judge_variable(name, value, where)) is not None]


def secret_values(pairs: Iterable[tuple[Any, Any]]) -> list[str]:
    """The values of the literal credentials among ``pairs`` (for engines to mask, never to print)."""
    return [value for name, value in pairs if isinstance(value, str) and literal_secret(name, value)]


def judge_text(words: Iterable[Any], where: str) -> list[Result]:
    """FAIL for each word of a command or script that holds a well-known provider's credential."""
    results = []
    for word in words:
        shape = value_shape(word)
        if shape:
            results.append(failed(f"{where} holds {shape}; keep it in Secrets Manager or SSM and pass a reference"))
    return results
