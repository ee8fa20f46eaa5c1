"""Edge cases of the shared judgments behind CKV_AISEC_130-143 (policies/supply_chain.py, policies/secrets.py),
and the promise that findings never print a secret's value."""

from __future__ import annotations

import pytest
from checkov.runner_filter import RunnerFilter
from checkov.terraform.runner import Runner

from policies.cli import CHECKS_DIR
from policies.model import Verdict
from policies.secrets import judge_variable, literal_secret
from policies.supply_chain import judge_image, remote_code_in_command, remote_code_variable
from tests.scanning import rule_examples

ECR = "111122223333.dkr.ecr.us-east-1.amazonaws.com"


@pytest.mark.parametrize(
    ("image", "verdict"),
    [
        (f"{ECR}/llm:1.4.2", Verdict.PASS),
        ("763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.3.0-gpu-py311", Verdict.PASS),
        ("vllm/vllm-openai@sha256:" + "a1" * 32, Verdict.PASS),
        (f"{ECR}/llm:latest", Verdict.FAIL),
        (f"{ECR}/llm", Verdict.FAIL),
        ("localhost:5000/llm", Verdict.FAIL),
        ("public.ecr.aws/example/llm:1.0", Verdict.FAIL),
        ("quay.io/example/llm:1.0", Verdict.FAIL),
        ("python:3.11-slim", Verdict.FAIL),
        ("var.image", Verdict.UNKNOWN),
        ("${aws_ecr_repository.llm.repository_url}:1.0", Verdict.UNKNOWN),
        (None, Verdict.UNKNOWN),
        (12, Verdict.UNKNOWN),
        ("ko://github.com/example/project/cmd/manager", Verdict.UNKNOWN),
        ("$VLLM_IMAGE", Verdict.UNKNOWN),
    ],
)
def test_pinned_images(image: object, verdict: Verdict) -> None:
    assert judge_image(image, "container").verdict is verdict


@pytest.mark.parametrize(
    ("command", "verdict"),
    [
        (["--model", "/m", "--trust-remote-code"], Verdict.FAIL),
        (["--trust_remote_code"], Verdict.FAIL),
        (["--trust-remote-code=true"], Verdict.FAIL),
        (["python -c \"pipeline('x', trust_remote_code=True)\""], Verdict.FAIL),
        (["echo option.trust_remote_code=true >> serving.properties"], Verdict.FAIL),
        (["--trust-remote-code=false"], None),
        (["--no-trust-remote-code"], None),
        (["pipeline('x', trust_remote_code=False)"], None),
        (["--model", "var.model"], Verdict.UNKNOWN),
    ],
)
def test_remote_code_in_commands(command: list[str], verdict: Verdict | None) -> None:
    result = remote_code_in_command(command, "container")
    assert (result.verdict if result else None) is verdict


@pytest.mark.parametrize(
    ("name", "value", "verdict"),
    [
        ("TRUST_REMOTE_CODE", "true", Verdict.FAIL),
        ("OPTION_TRUST_REMOTE_CODE", "True", Verdict.FAIL),
        ("SM_VLLM_TRUST_REMOTE_CODE", 1, Verdict.FAIL),
        ("HF_TRUST_REMOTE_CODE", "false", Verdict.PASS),
        ("TRUST_REMOTE_CODE", "maybe", Verdict.UNKNOWN),
        ("TRUST_REMOTE_CODE", "var.flag", Verdict.UNKNOWN),
        ("NOT_TRUST_REMOTE_CODE_AT_ALL", "true", None),
    ],
)
def test_remote_code_variables(name: str, value: object, verdict: Verdict | None) -> None:
    result = remote_code_variable(name, value, "container")
    assert (result.verdict if result else None) is verdict


@pytest.mark.parametrize(
    ("name", "value", "verdict"),
    [
        ("HF_TOKEN", "hf_" + "x1" * 17, Verdict.FAIL),
        ("SOMETHING", "AKIAIOSFODNN7EXAMPLE", Verdict.FAIL),
        ("WANDB_API_KEY", "0123abcd" * 5, Verdict.FAIL),
        ("DB_PASSWORD", "hunter22", Verdict.FAIL),
        ("HF_TOKEN", "arn:aws:secretsmanager:us-east-1:111122223333:secret:hf", Verdict.PASS),
        ("HF_TOKEN", "/prod/hf-token", Verdict.PASS),
        ("HF_TOKEN", "$(cat /run/secrets/hf)", Verdict.PASS),
        ("HF_TOKEN", "aws_secretsmanager_secret_version.hf.secret_string", Verdict.PASS),
        ("HF_TOKEN", "var.hf_token", Verdict.UNKNOWN),
        ("MAX_TOTAL_TOKENS", "8192", None),
        ("EOS_TOKEN", "</s>", None),
        ("OPENAI_API_KEY_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:x", None),
        ("MAX_NEW_TOKEN", "512", Verdict.PASS),
        # Switches and placeholders are no credentials; well-known defaults are.
        ("ALLOW_EMPTY_PASSWORD", "yes", Verdict.PASS),
        ("REDIS_PASSWORD", "off", Verdict.PASS),
        ("OPENAI_API_KEY", "EMPTY", Verdict.PASS),
        ("OPENAI_API_KEY", "dummy", Verdict.PASS),
        ("HF_TOKEN", "<your-hugging-face-token>", Verdict.PASS),
        ("HF_TOKEN", "xxxxxxxxxxxx", Verdict.PASS),
        ("MINIO_SECRET_KEY", "minio123", Verdict.FAIL),
        ("ADMIN_PASSWORD", "changeme", Verdict.FAIL),
        ("OPENAI_API_KEY", "dummy-key-1234", Verdict.FAIL),
    ],
)
def test_literal_secrets(name: str, value: object, verdict: Verdict | None) -> None:
    result = judge_variable(name, value, "container")
    assert (result.verdict if result else None) is verdict
    if result is not None and isinstance(value, str):
        assert value not in result.reason


def test_reasons_name_the_variable_never_the_value() -> None:
    reason = literal_secret("OPENAI_API_KEY", "sk-proj-" + "Ab1" * 10)
    assert reason is not None and "OPENAI_API_KEY" in reason and "sk-proj" not in reason


@pytest.mark.parametrize(
    "rule",
    ["lambda_function_no_literal_secrets", "ecs_container_no_literal_secrets", "sagemaker_model_no_literal_secrets"],
)
def test_checkov_details_never_hold_the_secret(rule: str) -> None:
    report = Runner().run(
        root_folder=str(rule_examples(rule)),
        external_checks_dir=[str(CHECKS_DIR)],
        runner_filter=RunnerFilter(framework=["terraform"], checks=["CKV_AISEC_*"]),
    )
    failed = [
        record
        for record in report.failed_checks
        if record.check_id in {"CKV_AISEC_139", "CKV_AISEC_140", "CKV_AISEC_141"}
    ]
    assert failed
    secrets = [
        "sk-ant-api03-EXAMPLE",
        "example-password-not-real",
        "sk-proj-EXAMPLE",
        "wJalrXUtnFEMI",
        "hf_EXAMPLE",
        "example-not-a-real-wandb-key",
        "AKIAIOSFODNN7EXAMPLE",
    ]
    for record in failed:
        text = " ".join(record.details or [])
        assert text and not any(secret in text for secret in secrets), text
