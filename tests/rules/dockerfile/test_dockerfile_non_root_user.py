"""CKV_AISEC_104 edge cases, judged by calling the rule's logic on normalized Dockerfiles."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.dockerfile.dockerfile_non_root_user import evaluate


def dockerfile(*lines: str) -> Resource:
    """Instructions as ``normalize_dockerfile`` gives them: in file order, lines counted from 0."""
    instructions = []
    for number, line in enumerate(lines):
        keyword, _, value = line.partition(" ")
        instructions.append({"instruction": keyword.upper(), "value": value.strip(), "line": number})
    return Resource("dockerfile", "Dockerfile", {"instructions": instructions})


def verdict(*lines: str) -> Verdict:
    return evaluate(dockerfile(*lines)).verdict


@pytest.mark.parametrize("user", ["app", "10001", "10001:10001", "app:app", "1000:0", "nonroot", "rooty", "ROOT"])
def test_non_root_users_pass(user: str) -> None:
    assert verdict("FROM python:3.11-slim", f"USER {user}") is Verdict.PASS


@pytest.mark.parametrize("user", ["root", "0", "00", "0:0", "0:1000", "root:root", "root:ml", " root "])
def test_root_by_name_or_uid_fails_whatever_the_group(user: str) -> None:
    result = evaluate(dockerfile("FROM python:3.11-slim", "RUN pip install torch", f"USER {user}"))
    assert result.verdict is Verdict.FAIL
    assert "line 3" in result.reason


def test_no_user_fails_and_names_the_final_from() -> None:
    result = evaluate(dockerfile("FROM vllm/vllm-openai:v0.6.3", "EXPOSE 8000"))
    assert result.verdict is Verdict.FAIL
    assert "no USER" in result.reason and "line 1" in result.reason


def test_the_last_user_of_the_final_stage_wins() -> None:
    assert verdict("FROM python:3.11", "USER app", "USER root") is Verdict.FAIL
    assert verdict("FROM python:3.11", "USER root", "RUN apt-get update", "USER app") is Verdict.PASS


def test_a_user_in_a_build_stage_does_not_count() -> None:
    lines = ("FROM python:3.11 AS build", "USER builder", "FROM python:3.11-slim", 'CMD ["python"]')
    result = evaluate(dockerfile(*lines))
    assert result.verdict is Verdict.FAIL
    assert "line 3" in result.reason


def test_a_root_build_stage_does_not_matter() -> None:
    lines = ("FROM python:3.11 AS build", "USER root", "FROM python:3.11-slim", "USER 10001")
    assert verdict(*lines) is Verdict.PASS


def test_the_final_stage_inherits_the_user_of_the_stage_it_is_built_from() -> None:
    lines = ("FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04 AS Runtime", "USER 1000", "FROM runtime", "COPY . /app")
    assert verdict(*lines) is Verdict.PASS
    lines = ("FROM python:3.11 AS base", "USER root", "FROM base AS app", "FROM app", 'CMD ["python"]')
    assert verdict(*lines) is Verdict.FAIL


def test_a_stage_built_from_itself_does_not_loop() -> None:
    assert verdict("FROM app AS app", "RUN true") is Verdict.FAIL


def test_from_flags_are_skipped() -> None:
    lines = ("FROM --platform=$BUILDPLATFORM python:3.11 AS base", "USER app", "FROM --platform=linux/amd64 base")
    assert verdict(*lines) is Verdict.PASS


# -- variables ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reference", ["$APP_UID", "${APP_UID}", "${APP_UID}:${APP_GID}"])
def test_user_resolved_from_an_arg_default(reference: str) -> None:
    lines = ("FROM python:3.11", "ARG APP_UID=10001 APP_GID=10001", f"USER {reference}")
    assert verdict(*lines) is Verdict.PASS


def test_root_resolved_from_env_fails_and_shows_the_value() -> None:
    result = evaluate(dockerfile("FROM python:3.11", "ENV APP_USER=root", "USER ${APP_USER}"))
    assert result.verdict is Verdict.FAIL
    assert "${APP_USER} (= root)" in result.reason


def test_legacy_env_form_is_read() -> None:
    assert verdict("FROM python:3.11", "ENV APP_USER app", "USER $APP_USER") is Verdict.PASS


def test_quoted_defaults_are_unquoted() -> None:
    assert verdict("FROM python:3.11", 'ENV APP_USER="0"', "USER $APP_USER") is Verdict.FAIL


def test_an_arg_without_default_takes_the_global_default() -> None:
    lines = ("ARG UID=0", "FROM python:3.11", "ARG UID", "USER ${UID}")
    assert verdict(*lines) is Verdict.FAIL


def test_a_global_arg_not_redeclared_in_the_stage_is_not_visible() -> None:
    assert verdict("ARG UID=1000", "FROM python:3.11", "USER ${UID}") is Verdict.UNKNOWN


def test_env_built_from_an_arg_is_resolved() -> None:
    lines = ("FROM python:3.11", "ARG UID=1000", "ENV APP_UID=${UID}", "USER $APP_UID")
    assert verdict(*lines) is Verdict.PASS


def test_a_variable_defined_after_the_user_does_not_count() -> None:
    assert verdict("FROM python:3.11", "USER $APP_USER", "ENV APP_USER=app") is Verdict.UNKNOWN


@pytest.mark.parametrize(
    "lines",
    [
        ("FROM python:3.11", "ARG APP_USER", "USER $APP_USER"),
        ("FROM python:3.11", "USER ${UNDECLARED}"),
        ("FROM python:3.11", "ARG UID", "USER ${UID:-1000}"),
        ("FROM python:3.11", "ARG UID", "ENV APP_UID=$UID", "USER $APP_UID"),
        ("FROM python:3.11", "USER ${}"),
    ],
)
def test_a_user_without_a_value_in_the_file_is_unknown(lines: tuple[str, ...]) -> None:
    result = evaluate(dockerfile(*lines))
    assert result.verdict is Verdict.UNKNOWN
    assert "variable" in result.reason


def test_a_literal_user_with_a_variable_group_is_still_judged() -> None:
    assert verdict("FROM python:3.11", "ARG GID", "USER root:$GID") is Verdict.FAIL
    assert verdict("FROM python:3.11", "ARG GID", "USER app:${GID}") is Verdict.PASS


# -- odd input ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("instructions", [None, "", [], {}, "FROM x", [None, 1, "USER app"], [{"value": "x"}]])
def test_no_readable_from_is_unknown(instructions: Any) -> None:
    result = evaluate(Resource("dockerfile", "Dockerfile", {"instructions": instructions}))
    assert result.verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("value", [None, "", "   ", 0, ["app"], {"user": "app"}, ":1000"])
def test_a_user_that_names_no_user_is_unknown(value: Any) -> None:
    instructions = [
        {"instruction": "FROM", "value": "python:3.11", "line": 0},
        {"instruction": "USER", "value": value, "line": 1},
    ]
    result = evaluate(Resource("dockerfile", "Dockerfile", {"instructions": instructions}))
    assert result.verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("line", [None, "3", True, 1.5])
def test_an_odd_line_number_is_not_shown(line: Any) -> None:
    instructions = [
        {"instruction": "FROM", "value": "python:3.11", "line": 0},
        {"instruction": "USER", "value": "root", "line": line},
    ]
    result = evaluate(Resource("dockerfile", "Dockerfile", {"instructions": instructions}))
    assert result.verdict is Verdict.FAIL
    assert "at a line" in result.reason


def test_a_from_value_that_is_not_text_still_starts_a_stage() -> None:
    instructions = [
        {"instruction": "FROM", "value": None, "line": 0},
        {"instruction": "USER", "value": "app", "line": 1},
    ]
    assert evaluate(Resource("dockerfile", "Dockerfile", {"instructions": instructions})).verdict is Verdict.PASS


def test_lowercase_instructions_count() -> None:
    instructions = [
        {"instruction": "from", "value": "python:3.11", "line": 0},
        {"instruction": "user", "value": "root", "line": 1},
    ]
    assert evaluate(Resource("dockerfile", "Dockerfile", {"instructions": instructions})).verdict is Verdict.FAIL


@pytest.mark.parametrize("user", ['"root"', "'root'", "+0", '"0:0"', "000"])
def test_root_quoted_or_signed_fails(user: str) -> None:
    assert verdict("FROM python:3.11-slim", f"USER {user}") is Verdict.FAIL


def test_a_byte_order_mark_before_the_first_instruction_still_gets_a_verdict() -> None:
    """Checkov's parser keeps a UTF-8 byte-order mark in the first instruction's name ("\\ufeffFROM")."""
    resource = dockerfile("FROM python:3.11-slim", "USER root")
    instructions = [dict(item) for item in resource.get("instructions")]
    instructions[0]["instruction"] = "\ufeffFROM"
    result = evaluate(Resource("dockerfile", "Dockerfile", {"instructions": instructions}))
    assert result.verdict is Verdict.FAIL
