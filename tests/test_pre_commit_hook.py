"""The hook, installed by pre-commit itself from this repository, as a user's repository runs it."""

from __future__ import annotations

import os
import shutil
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
resource "aws_kms_key" "model_artifacts" {
  enable_key_rotation = false
}
"""


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _commit_all(repo: Path) -> None:
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-qm", "infra")


def _user_repo(root: Path, hook_source: tuple[Path, str], files: dict[str, str]) -> Path:
    """A user's repository that uses the hook as the README says, from a fixed repository and revision."""
    source, revision = hook_source
    config = f"repos:\n  - repo: {source}\n    rev: {revision}\n    hooks:\n      - id: aisec-iac\n"
    for name, text in {".pre-commit-config.yaml": config, **files}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    _git(root, "init", "-q")
    _commit_all(root)
    return root


@pytest.fixture(scope="module")
def user_repo(tmp_path_factory: pytest.TempPathFactory, hook_source: tuple[Path, str]) -> Path:
    files = {"secure/main.tf": SECURE_TF, "insecure/main.tf": INSECURE_TF}
    return _user_repo(tmp_path_factory.mktemp("user-repo"), hook_source, files)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="module")
def hook_source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This repository as it is now (uncommitted changes included), committed in a repository of its own, so
    that user repositories can name it and a revision in their .pre-commit-config.yaml."""
    source = tmp_path_factory.mktemp("hook-source")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (REPO_ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_ROOT / name, source / name)
    _git(source, "init", "-q")
    _commit_all(source)
    revision = subprocess.run(["git", "rev-parse", "HEAD"], cwd=source, check=True, capture_output=True, text=True)
    return source, revision.stdout.strip()


def run_hook(user_repo: Path, pre_commit_home: Path, *selection: str) -> subprocess.CompletedProcess[str]:
    """`pre-commit run`, as `git commit` runs it; the hook's environment is installed once per session home
    (`try-repo` would install it again, Checkov included, on every call)."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home)}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "aisec-iac", *selection],
        cwd=user_repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_hook_passes_a_secure_module(user_repo: Path, pre_commit_home: Path) -> None:
    result = run_hook(user_repo, pre_commit_home, "--files", "secure/main.tf")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_hook_fails_an_insecure_module_and_names_the_finding(user_repo: Path, pre_commit_home: Path) -> None:
    result = run_hook(user_repo, pre_commit_home, "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "CKV_AISEC_4" in result.stdout
    assert "aws_kms_key.model_artifacts" in result.stdout
    assert "aws_s3_bucket_server_side_encryption_configuration.training_data" not in result.stdout


BUCKET_TF = """
resource "aws_s3_bucket" "training_data" {
  bucket = "example-training-data"
}
"""

BLOCK_TF = """
resource "aws_s3_bucket_public_access_block" "training_data" {
  bucket                  = aws_s3_bucket.training_data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
"""


def test_hook_scans_every_changed_module_not_only_the_first(
    tmp_path: Path, pre_commit_home: Path, hook_source: tuple[Path, str]
) -> None:
    repo = _user_repo(tmp_path, hook_source, {"a_secure/main.tf": SECURE_TF, "b_insecure/main.tf": INSECURE_TF})
    result = run_hook(repo, pre_commit_home, "--files", "a_secure/main.tf", "b_insecure/main.tf")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "aws_kms_key.model_artifacts" in result.stdout
    assert "/b_insecure/main.tf" in result.stdout


def test_a_commit_that_only_deletes_a_file_still_scans_its_module(
    tmp_path: Path, pre_commit_home: Path, hook_source: tuple[Path, str]
) -> None:
    # A root configuration (it configures the provider): a bucket without a public access block fails here.
    files = {"data/providers.tf": 'provider "aws" {}\n', "data/bucket.tf": BUCKET_TF, "data/block.tf": BLOCK_TF}
    repo = _user_repo(tmp_path, hook_source, files)
    _git(repo, "rm", "-q", "data/block.tf")
    result = run_hook(repo, pre_commit_home)  # what `git commit` runs: the staged change, no .tf file in it
    assert result.returncode == 1, result.stdout + result.stderr
    assert "CKV2_AISEC_1" in result.stdout and "aws_s3_bucket.training_data" in result.stdout


def test_a_file_whose_name_starts_with_a_dash_is_a_file(
    tmp_path: Path, pre_commit_home: Path, hook_source: tuple[Path, str]
) -> None:
    repo = _user_repo(tmp_path, hook_source, {"-model.tf": INSECURE_TF})
    result = run_hook(repo, pre_commit_home, "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "aws_kms_key.model_artifacts" in result.stdout


ROTATED_BY_DEFAULT = """
variable "rotate" {
  type    = bool
  default = true
}

resource "aws_kms_key" "data" {
  enable_key_rotation = var.rotate
}
"""


def test_a_changed_module_is_scanned_with_the_inputs_of_the_configurations_that_call_it(
    tmp_path: Path, pre_commit_home: Path, hook_source: tuple[Path, str]
) -> None:
    """The module alone rotates its key (its default); the stack that calls it turns rotation off."""
    call = 'module "keys" {\n  source = "../../modules/keys"\n  rotate = false\n}\n'
    files = {"modules/keys/main.tf": ROTATED_BY_DEFAULT, "stacks/prod/main.tf": call}
    repo = _user_repo(tmp_path, hook_source, files)
    result = run_hook(repo, pre_commit_home, "--files", "modules/keys/main.tf")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "CKV_AISEC_4" in result.stdout and "module.keys.aws_kms_key.data" in result.stdout


def test_a_commit_that_only_changes_terraform_tfvars_scans_its_module(
    tmp_path: Path, pre_commit_home: Path, hook_source: tuple[Path, str]
) -> None:
    files = {"keys/main.tf": ROTATED_BY_DEFAULT, "keys/terraform.tfvars": "rotate = true\n"}
    repo = _user_repo(tmp_path, hook_source, files)
    (repo / "keys" / "terraform.tfvars").write_text("rotate = false\n", encoding="utf-8")
    _git(repo, "add", "keys/terraform.tfvars")
    result = run_hook(repo, pre_commit_home)  # what `git commit` runs: the staged change
    assert result.returncode == 1, result.stdout + result.stderr
    assert "CKV_AISEC_4" in result.stdout and "aws_kms_key.data" in result.stdout
