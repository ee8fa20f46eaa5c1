"""The hook, installed by pre-commit itself from this repository, as a user's repository runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.scanning import REPO_ROOT

pytestmark = pytest.mark.slow

SECURE_TF = """
resource "aws_kms_key" "data" {
  enable_key_rotation = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "training_data" {
  bucket = "example-training-data"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
  }
}
"""

INSECURE_TF = """
resource "aws_s3_bucket_server_side_encryption_configuration" "model_artifacts" {
  bucket = "example-model-artifacts"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
"""


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def user_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("user-repo")
    for folder, text in (("secure", SECURE_TF), ("insecure", INSECURE_TF)):
        (repo / folder).mkdir()
        (repo / folder / "main.tf").write_text(text, encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-qm", "infra")
    return repo


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(user_repo: Path, pre_commit_home: Path, *selection: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home)}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO_ROOT), "aisec-iac", *selection],
        cwd=user_repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_hook_passes_a_secure_module(user_repo: Path, pre_commit_home: Path) -> None:
    result = try_repo(user_repo, pre_commit_home, "--files", "secure/main.tf")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_hook_fails_an_insecure_module_and_names_the_finding(user_repo: Path, pre_commit_home: Path) -> None:
    result = try_repo(user_repo, pre_commit_home, "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "CKV_AISEC_1" in result.stdout
    assert "aws_s3_bucket_server_side_encryption_configuration.model_artifacts" in result.stdout
    assert "aws_s3_bucket_server_side_encryption_configuration.training_data" not in result.stdout
