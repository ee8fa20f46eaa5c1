"""What the pre-commit hook scans for a change: the module of a changed Terraform or auto-loaded variable file,
and the configurations that call a changed module through a local source (a module scanned alone is judged
with its defaults, and each caller gives it inputs of its own)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from policies.cli import hook_paths, module_callers
from tests.scanning import REPO_ROOT

LAYOUT = {
    "modules/data/main.tf": 'variable "encrypt" {\n  type = bool\n}\n',
    "modules/wrapper/main.tf": 'module "data" {\n  source = "../data"\n}\n',
    "stacks/prod/main.tf": 'module "data" {\n  source  = "../../modules/wrapper"\n  encrypt = false\n}\n',
    "stacks/dev/main.tf.json": '{"module": {"data": {"source": "../../modules/data", "encrypt": true}}}\n',
    "stacks/other/main.tf": (
        'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n'
        'resource "aws_s3_object" "model" {\n  source = "../../modules/data/main.tf"\n}\n'
        'data "archive_file" "code" {\n  source_dir = "../../modules/data"\n}\n'
    ),
}


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    for name, text in LAYOUT.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the hook runs at the repository's root, with paths relative to it
    return sorted(LAYOUT)


def test_callers_of_a_module_and_their_callers_are_found(repository: list[str]) -> None:
    assert module_callers(["modules/data"], repository) == ["modules/wrapper", "stacks/dev", "stacks/prod"]
    assert module_callers(["modules/wrapper"], repository) == ["stacks/prod"]
    assert module_callers(["stacks/prod"], repository) == []


def test_the_hook_scans_a_changed_module_and_every_configuration_that_calls_it(repository: list[str]) -> None:
    changed = hook_paths(["modules/data/main.tf"], [], repository)
    assert changed == ["modules/data", "modules/wrapper", "stacks/dev", "stacks/prod"]
    assert hook_paths(["stacks/other/main.tf"], [], repository) == ["stacks/other"]
    assert hook_paths(["modules/data/main.tf"], []) == ["modules/data"]  # no repository listing: as before


def test_variable_files_terraform_loads_by_itself_change_their_module(repository: list[str]) -> None:
    for name in ("terraform.tfvars", "terraform.tfvars.json", "gpu.auto.tfvars", "gpu.auto.tfvars.json"):
        assert hook_paths([f"stacks/prod/{name}"], [], repository) == ["stacks/prod"]
        assert hook_paths([], [f"stacks/prod/{name}"], repository) == ["stacks/prod"]  # deleted
    assert hook_paths(["modules/data/terraform.tfvars"], [], repository)[0] == "modules/data"
    # Read only when named with -var-file, which the hook does not know: not a change to the module.
    assert hook_paths(["stacks/prod/prod.tfvars"], [], repository) == []


def test_pre_commit_hands_the_hook_every_file_it_reads() -> None:
    (hook,) = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    pattern = re.compile(hook["files"])  # pre-commit searches each path with it
    handed = [
        "main.tf",
        "stacks/prod/main.tf.json",
        "stacks/prod/terraform.tfvars",
        "terraform.tfvars.json",
        "stacks/prod/gpu.auto.tfvars",
        "gpu.auto.tfvars.json",
        "k8s/serving.yaml",
        "docker/Dockerfile",
        "docker/inference.Dockerfile",
    ]
    assert [name for name in handed if not pattern.search(name)] == []
    assert [name for name in ("prod.tfvars", "README.md", "main.tfstate") if pattern.search(name)] == []
