"""The CLI's promise, for any set of paths: every input scanned once, one valid document per output format,
exit 1 if and only if a rule fails, 2 with one line per input that could not be read, never a traceback,
never a hang. Each test is a case a user (or a hostile repository) actually produces."""

from __future__ import annotations

import json
import os
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from policies.inputs import MAX_NESTING, collect
from policies.scan import blank_comment_lines
from tests.test_cli import run_cli

INSECURE_KEY = 'resource "aws_kms_key" "{name}" {{\n  enable_key_rotation = false\n}}\n'
ROTATION = "CKV_AISEC_4"


def _module(path: Path, *keys: str, text: str = "") -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "main.tf").write_text("".join(INSECURE_KEY.format(name=key) for key in keys) + text, encoding="utf-8")
    return path


def _failures(result: subprocess.CompletedProcess[str]) -> set[tuple[str, str, str]]:
    """(check, resource, file) of every failure in a JSON report, whatever the number of frameworks."""
    document = json.loads(result.stdout)
    reports = document if isinstance(document, list) else [document]
    return {
        (record["check_id"], record["resource"], record["file_path"])
        for report in reports
        for record in report["results"]["failed_checks"]
    }


def _errors(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("aisec-iac: error:")]


# -- every input scanned once ------------------------------------------------------------------------


def test_every_directory_is_scanned_and_reported_in_one_document(tmp_path: Path) -> None:
    _module(tmp_path / "a", "first")
    _module(tmp_path / "b", "second")
    result = run_cli("scan", "a", "b", "--check", ROTATION, "-o", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert _failures(result) == {
        (ROTATION, "aws_kms_key.first", "/a/main.tf"),
        (ROTATION, "aws_kms_key.second", "/b/main.tf"),
    }


def test_a_file_beside_a_directory_is_scanned_too(tmp_path: Path) -> None:
    _module(tmp_path / "a", "in_directory")
    _module(tmp_path / "loose", "loose_file")
    (tmp_path / "Dockerfile").write_text("FROM python:3.11-slim\n", encoding="utf-8")
    checks = f"{ROTATION},CKV_AISEC_104"
    result = run_cli("scan", "a", "loose/main.tf", "Dockerfile", "--check", checks, "-o", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert {(check, resource) for check, resource, _ in _failures(result)} == {
        (ROTATION, "aws_kms_key.in_directory"),
        (ROTATION, "aws_kms_key.loose_file"),
        ("CKV_AISEC_104", "Dockerfile."),  # named as given, as `checkov -f` names it
    }


def test_an_input_given_twice_or_inside_another_is_scanned_once(tmp_path: Path) -> None:
    _module(tmp_path / "a", "key")
    _module(tmp_path / "a" / "nested", "nested_key")
    result = run_cli("scan", "a", "a", "a/nested", "a/nested/main.tf", "--check", ROTATION, "-o", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    assert isinstance(document, dict)
    assert sorted(record["resource"] for record in document["results"]["failed_checks"]) == [
        "aws_kms_key.key",
        "aws_kms_key.nested_key",
    ]


@pytest.mark.parametrize("output", ["sarif", "junitxml", "cli"])
def test_two_modules_give_one_valid_document_in_every_format(tmp_path: Path, output: str) -> None:
    _module(tmp_path / "a", "first")
    _module(tmp_path / "b", "second")
    result = run_cli("scan", "a", "b", "--check", ROTATION, "-o", output, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    if output == "sarif":
        runs = json.loads(result.stdout)["runs"]
        located = [
            (r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in runs[0]["results"]
        ]
        assert sorted(located) == [(ROTATION, "a/main.tf"), (ROTATION, "b/main.tf")]
    elif output == "junitxml":
        suites = ElementTree.fromstring(result.stdout)
        failed = [case.get("classname") for case in suites.iter("testcase") if case.find("failure") is not None]
        assert sorted(failed) == ["/a/main.tf.aws_kms_key.first", "/b/main.tf.aws_kms_key.second"]
    else:
        assert result.stdout.count("terraform scan results:") == 1
        assert "Failed checks: 2" in result.stdout


# -- what Checkov would skip without a word -----------------------------------------------------------


def test_hidden_directories_are_skipped_as_checkov_does_and_said_so(tmp_path: Path) -> None:
    _module(tmp_path / ".infra", "hidden")
    only_hidden = run_cli("scan", ".", cwd=tmp_path)
    assert only_hidden.returncode == 2
    assert "hidden directory skipped" in only_hidden.stderr
    assert _errors(only_hidden) == ["aisec-iac: error: .: no Terraform, Kubernetes manifest or Dockerfile found"]
    # Named explicitly, a hidden directory is scanned.
    named = run_cli("scan", ".infra", "--check", ROTATION, "-o", "json", cwd=tmp_path)
    assert _failures(named) == {(ROTATION, "aws_kms_key.hidden", "/main.tf")}


def test_an_unreadable_sub_folder_is_an_error_not_a_silent_skip(tmp_path: Path, monkeypatch) -> None:
    _module(tmp_path / "module", "key")
    locked = tmp_path / "module" / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(os.fsdecode(path)) == locked:  # tests run as root, where chmod cannot lock a folder
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = collect([str(tmp_path / "module")])
    assert [problem.message for problem in found.problems] == [f"{locked}: cannot read directory (permission denied)"]
    assert found.terraform_dirs == [tmp_path / "module"]


def test_check_naming_no_rule_is_an_error(tmp_path: Path) -> None:
    _module(tmp_path, "key")
    typo = run_cli("scan", str(tmp_path), "--check", "CKV_AISEC_9999")
    assert typo.returncode == 2 and typo.stdout == ""
    assert _errors(typo) == [
        "aisec-iac: error: --check CKV_AISEC_9999 matches no rule of the pack; `aisec-iac list` shows them"
    ]
    lower = run_cli("scan", str(tmp_path), "--check", "ckv_aisec_4")
    assert lower.returncode == 2
    assert "(check IDs are upper case: CKV_AISEC_4)" in lower.stderr
    with_builtin = run_cli("scan", str(tmp_path), "--check", "CKV_AWS_7", "--include-builtin", "-o", "json")
    assert with_builtin.returncode == 1
    assert {check for check, _, _ in _failures(with_builtin)} == {"CKV_AWS_7"}


def test_framework_selects_what_is_scanned(tmp_path: Path) -> None:
    _module(tmp_path, "key")
    (tmp_path / "Dockerfile").write_text("FROM python:3.11-slim\n", encoding="utf-8")
    result = run_cli(
        "scan", ".", "--framework", "dockerfile", "--check", f"{ROTATION},CKV_AISEC_104", "-o", "json", cwd=tmp_path
    )
    assert {check for check, _, _ in _failures(result)} == {"CKV_AISEC_104"}
    bad = run_cli("scan", ".", "--framework", "helm", cwd=tmp_path)
    assert bad.returncode == 2 and _errors(bad) == [
        "aisec-iac: error: --framework helm: choose from terraform, terraform_plan, kubernetes, dockerfile"
    ]


# -- repositories that are not only Terraform -----------------------------------------------------------

NOT_OURS = {
    "cloudformation.yaml": "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n"
    "      BucketName: !Sub '${AWS::StackName}-data'\n      Arn: !GetAtt Role.Arn\n",
    "mkdocs.yml": "site_name: docs\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
    "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
    "chart/templates/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
    "  name: {{ .Release.Name }}\n{{- if .Values.x }}\nspec: {}\n{{- end }}\n",
    ".github/workflows/ci.yml": "on:\n  push:\njobs: {}\n",
}


def test_yaml_that_is_not_a_manifest_does_not_stop_a_terraform_scan(tmp_path: Path) -> None:
    _module(tmp_path, "key")
    for name, text in NOT_OURS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_cli("scan", ".", "--check", ROTATION, "-o", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert _errors(result) == []
    assert _failures(result) == {(ROTATION, "aws_kms_key.key", "/main.tf")}


def test_valid_hcl_that_checkov_rejects_for_a_comment_is_scanned_without_it_and_said_so(tmp_path: Path) -> None:
    # Terraform accepts a comment on its own line inside a `for` expression; Checkov's HCL parser does not,
    # and `checkov` skips the whole file. The CLI scans it with its comment lines blank (same line numbers).
    comment_in_for = 'locals {\n  ids = {\n    for n in ["a"] :\n    # the id\n    n => n\n  }\n}\n'
    _module(tmp_path, "key")
    (tmp_path / "locals.tf").write_text(comment_in_for + INSECURE_KEY.format(name="beside_the_for"), encoding="utf-8")
    result = run_cli("scan", ".", "--check", ROTATION, "-o", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert _errors(result) == []
    assert f"aisec-iac: warning: {tmp_path / 'locals.tf'}: scanned with its comment lines removed" in result.stderr
    document = json.loads(result.stdout)
    assert document["results"]["parsing_errors"] == []
    assert _failures(result) == {
        (ROTATION, "aws_kms_key.key", "/main.tf"),
        (ROTATION, "aws_kms_key.beside_the_for", "/locals.tf"),
    }
    (record,) = [r for r in document["results"]["failed_checks"] if r["resource"] == "aws_kms_key.beside_the_for"]
    assert record["file_abs_path"] == str(tmp_path / "locals.tf")
    assert record["file_line_range"][0] == comment_in_for.count("\n") + 1


def test_a_resource_checkov_skips_for_a_null_comparison_is_named_in_a_warning(tmp_path: Path) -> None:
    # Checkov renders `var.x == null` as false for a null var.x, so this count renders as 0 and no resource
    # check sees the key; Terraform creates it. Its neighbour, gated the other way, is not created at all.
    gated = (
        'variable "external_key_arn" {\n  type    = string\n  default = null\n}\n'
        'resource "aws_kms_key" "own" {\n  count               = var.external_key_arn == null ? 1 : 0\n'
        "  enable_key_rotation = false\n}\n"
        'resource "aws_kms_key" "unused" {\n  count               = var.external_key_arn != null ? 1 : 0\n'
        "  enable_key_rotation = false\n}\n"
    )
    _module(tmp_path, text=gated)
    result = run_cli("scan", ".", "--check", ROTATION, "-o", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _errors(result) == []
    warnings = [line for line in result.stderr.splitlines() if line.startswith("aisec-iac: warning:")]
    assert warnings == [
        f"aisec-iac: warning: {tmp_path / 'main.tf'}: aws_kms_key.own is not judged: Checkov renders count = "
        "var.external_key_arn == null ? 1 : 0 as 0 and skips it, but with the module's inputs Terraform creates it"
    ]


def test_the_warning_names_the_users_files_when_the_module_was_staged(tmp_path: Path) -> None:
    # A .tf.json file makes the CLI scan a scratch copy of the module: the warning still names the user's files.
    module = tmp_path / "modules" / "keys"
    module.mkdir(parents=True)
    (module / "main.tf").write_text(
        'variable "external_key_arn" {\n  type    = string\n  default = null\n}\n'
        'resource "aws_kms_key" "own" {\n  count               = var.external_key_arn == null ? 1 : 0\n'
        "  enable_key_rotation = true\n}\n",
        encoding="utf-8",
    )
    (tmp_path / "main.tf").write_text('module "keys" {\n  source = "./modules/keys"\n}\n', encoding="utf-8")
    (tmp_path / "tags.tf.json").write_text('{"locals": {"team": "ml"}}\n', encoding="utf-8")
    result = run_cli("scan", ".", "--check", ROTATION, "-o", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("aisec-iac: warning:")]
    assert warnings == [
        f"aisec-iac: warning: {module / 'main.tf'}: module.keys.aws_kms_key.own (called from {tmp_path / 'main.tf'}) "
        "is not judged: Checkov renders count = var.external_key_arn == null ? 1 : 0 as 0 and skips it, but with "
        "the module's inputs Terraform creates it"
    ]


def test_a_module_checkov_loads_nothing_for_is_named_in_a_warning(tmp_path: Path) -> None:
    # Checkov runs without downloading modules: a registry module's bucket is not scanned, and a local source
    # that does not exist loads nothing. A call that creates nothing (count = 0) needs no warning.
    calls = (
        'module "models" {\n  source  = "terraform-aws-modules/s3-bucket/aws"\n  version = "4.1.0"\n}\n'
        'module "moved" {\n  source = "./modules/gone"\n}\n'
        'module "off" {\n  source = "terraform-aws-modules/kms/aws"\n  count  = 0\n}\n'
    )
    rotated = 'resource "aws_kms_key" "rotated" {\n  enable_key_rotation = true\n}\n'
    _module(tmp_path, text=calls + rotated)
    result = run_cli("scan", ".", "--check", ROTATION, "-o", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("aisec-iac: warning:")]
    assert warnings == [
        f'aisec-iac: warning: {tmp_path / "main.tf"}: module "models" is not judged: Checkov does not download '
        "modules, so nothing terraform-aws-modules/s3-bucket/aws creates is scanned (scan a `terraform show "
        "-json` plan to judge it)",
        f'aisec-iac: warning: {tmp_path / "main.tf"}: module "moved" is not judged: its source ./modules/gone '
        "does not exist",
    ]


def test_comment_lines_are_blanked_outside_heredocs_and_lines_keep_their_numbers() -> None:
    text = "# top\nlocals {\n  // note\n  x = <<-EOT\n  # heredoc content\n  EOT\n  y = 1 # trailing\n}\n"
    blanked = blank_comment_lines(text)
    assert blanked == "\nlocals {\n\n  x = <<-EOT\n  # heredoc content\n  EOT\n  y = 1 # trailing\n}\n"
    assert blanked.count("\n") == text.count("\n")


def test_hcl_still_broken_without_its_comments_is_reported_and_the_rest_scanned(tmp_path: Path) -> None:
    broken = 'locals {\n  ids = {\n    for n in ["a"] :\n    # the id\n    n => \n  }\n}\n'
    _module(tmp_path, "key")
    (tmp_path / "locals.tf").write_text(broken, encoding="utf-8")
    result = run_cli("scan", ".", "--check", ROTATION, "-o", "json", cwd=tmp_path)
    assert result.returncode == 2
    errors = _errors(result)
    assert len(errors) == 1 and errors[0].startswith(
        f"aisec-iac: error: {tmp_path / 'locals.tf'}:4: HCL does not parse"
    )
    assert json.loads(result.stdout)["results"]["parsing_errors"] == [str(tmp_path / "locals.tf")]
    assert _failures(result) == {(ROTATION, "aws_kms_key.key", "/main.tf")}


@pytest.mark.parametrize("output", ["cli", "json", "sarif", "junitxml"])
def test_every_output_format_names_what_could_not_be_read(tmp_path: Path, output: str) -> None:
    _module(tmp_path / "ok", "key")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "main.tf").write_text('resource "aws_kms_key" "k" {\n  x = \n}\n', encoding="utf-8")
    result = run_cli("scan", "ok", "broken", "--check", ROTATION, "-o", output, cwd=tmp_path)
    assert result.returncode == 2
    assert len(_errors(result)) == 1
    broken = str(tmp_path / "broken" / "main.tf")
    if output == "json":
        assert json.loads(result.stdout)["results"]["parsing_errors"] == [broken]
    elif output == "sarif":
        invocation = json.loads(result.stdout)["runs"][0]["invocations"][0]
        assert invocation["executionSuccessful"] is False
        assert [n["message"]["text"] for n in invocation["toolExecutionNotifications"]] == [
            f"{broken}:2: HCL does not parse: " + _errors(result)[0].split("HCL does not parse: ", 1)[1]
        ]
    elif output == "junitxml":
        suites = ElementTree.fromstring(result.stdout)
        errored = [case.get("file") for case in suites.iter("testcase") if case.find("error") is not None]
        assert errored == [broken]
    else:
        assert f"Not scanned (could not be read):\n  {broken}:2: HCL does not parse" in result.stdout


# -- hostile input -----------------------------------------------------------------------------------


def test_fifos_devices_and_links_out_of_the_tree_are_skipped_with_a_warning(tmp_path: Path) -> None:
    module = _module(tmp_path / "module", "key")
    os.mkfifo(module / "pipe.tf")
    (module / "zero.tf").symlink_to("/dev/zero")
    outside = _module(tmp_path / "outside", "outside_key")
    (module / "linked.tf").symlink_to(outside / "main.tf")
    result = run_cli("scan", "module", "--check", ROTATION, "-o", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert _failures(result) == {(ROTATION, "aws_kms_key.key", "/main.tf")}
    warnings = sorted(line for line in result.stderr.splitlines() if line.startswith("aisec-iac: warning:"))
    assert warnings == [
        "aisec-iac: warning: module/linked.tf: symlink out of the scanned tree, skipped",
        "aisec-iac: warning: module/pipe.tf: a FIFO, skipped",
        "aisec-iac: warning: module/zero.tf: symlink out of the scanned tree, skipped",
    ]


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


HOSTILE = {
    "deep plan": ("tfplan.json", '{"planned_values": {"x": ' + _nested(100_000) + "}}", "nested too deeply"),
    "deep but parseable plan": (
        "tfplan.json",
        '{"planned_values": {"x": ' + _nested(MAX_NESTING + 5) + "}}",
        f"JSON nested more than {MAX_NESTING} levels deep",
    ),
    "plan without a terraform version": (
        "tfplan.json",
        '{"format_version": "1.2", "planned_values": {"root_module": {"resources": []}}}',
        "not a complete Terraform plan: no `terraform_version`",
    ),
    "plan with null root module": (
        "tfplan.json",
        '{"terraform_version": "1.9.8", "planned_values": {"root_module": null}}',
        "`planned_values.root_module` is null, expected an object",
    ),
    "plan with null resource": (
        "tfplan.json",
        '{"terraform_version": "1.9.8", "planned_values": {"root_module": {"resources": [null]}}}',
        "`planned_values.root_module.resources[0]` is null, expected an object",
    ),
    "plan with null changes": (
        "tfplan.json",
        '{"terraform_version": "1.9.8", "planned_values": {}, '
        '"resource_changes": [{"address": "a.b", "change": null}]}',
        "`resource_changes[0]` is not an object with a `change` object",
    ),
    "deep manifest": (
        "pod.yaml",
        "apiVersion: v1\nkind: Pod\nspec: " + _nested(MAX_NESTING + 5) + "\n",
        f"YAML nested more than {MAX_NESTING} levels deep",
    ),
    "billion laughs": (
        "pod.yaml",
        "apiVersion: v1\nkind: Pod\n"
        + 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)),
        "YAML aliases expand to more than",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_input_gets_one_line_not_a_traceback(tmp_path: Path, case: str) -> None:
    name, text, expected = HOSTILE[case]
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run_cli("scan", name, cwd=tmp_path)
    assert result.returncode == 2
    errors = _errors(result)
    assert len(errors) == 1 and errors[0].startswith(f"aisec-iac: error: {name}: ")
    assert expected in errors[0]


def test_a_closed_pipe_or_a_full_disk_ends_without_a_traceback(tmp_path: Path) -> None:
    _module(tmp_path, *[f"key_{n}" for n in range(40)])
    executable = run_cli.__globals__["shutil"].which("aisec-iac", path=str(Path(os.sys.executable).parent))
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [executable, "scan", str(tmp_path)], stdout=full, stderr=subprocess.PIPE, text=True, timeout=300
        )
    assert result.returncode == 2
    assert result.stderr.strip() == "aisec-iac: error: cannot write the report (No space left on device)"
    piped = subprocess.run(
        f"'{executable}' scan '{tmp_path}' | head -c 10 >/dev/null; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in piped.stderr and "Exception ignored" not in piped.stderr
    assert piped.returncode in (1, 2)


# -- Terraform JSON syntax -----------------------------------------------------------------------------

TF_JSON_EXAMPLE = Path(__file__).resolve().parents[1] / "terraform_examples" / "terraform_json"


def test_terraform_json_modules_are_scanned_and_findings_point_into_the_json(tmp_path: Path) -> None:
    result = run_cli("scan", str(TF_JSON_EXAMPLE), "-o", "json")
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    failed = {
        (record["check_id"], record["resource"], record["file_path"], tuple(record["file_line_range"]))
        for record in document["results"]["failed_checks"]
    }
    text = (TF_JSON_EXAMPLE / "main.tf.json").read_text(encoding="utf-8").splitlines()

    def lines_of(name: str) -> tuple[int, int]:
        start = next(number for number, line in enumerate(text, 1) if line.strip().startswith(f'"{name}": {{'))
        indent = len(text[start - 1]) - len(text[start - 1].lstrip())
        end = next(n for n in range(start + 1, len(text) + 1) if text[n - 1] == " " * indent + "}")
        return start, end

    assert failed == {
        ("CKV_AISEC_4", "aws_kms_key.notebooks", "/main.tf.json", lines_of("notebooks")),
        ("CKV_AISEC_5", "aws_sagemaker_notebook_instance.research", "/main.tf.json", lines_of("research")),
        ("CKV_AISEC_8", "aws_iam_role_policy.notebook_admin", "/main.tf.json", lines_of("notebook_admin")),
        ("CKV_AISEC_158", "aws_iam_role_policy.notebook_admin", "/main.tf.json", lines_of("notebook_admin")),
    }


def test_json_and_hcl_files_of_one_module_see_each_other(tmp_path: Path) -> None:
    (tmp_path / "keys.tf").write_text('resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n}\n')
    encryption = {
        "resource": {
            "aws_s3_bucket_server_side_encryption_configuration": {
                "data": {
                    "bucket": "training-data",
                    "rule": {
                        "apply_server_side_encryption_by_default": {
                            "sse_algorithm": "aws:kms",
                            "kms_master_key_id": "${aws_kms_key.data.arn}",
                        }
                    },
                }
            }
        }
    }
    (tmp_path / "encryption.tf.json").write_text(json.dumps(encryption, indent=2), encoding="utf-8")
    (tmp_path / "broken.tf.json").write_text('{"resource": [1, 2]}', encoding="utf-8")
    result = run_cli("scan", ".", "--check", "CKV_AISEC_1,CKV_AISEC_4", "-o", "json", cwd=tmp_path)
    assert result.returncode == 2  # broken.tf.json is not Terraform JSON syntax
    errors = _errors(result)
    assert (
        len(errors) == 1
        and errors[0].startswith("aisec-iac: error: broken.tf.json: ")
        and "(not Terraform JSON syntax)" in errors[0]
    )
    document = json.loads(result.stdout)
    passed = {(record["check_id"], record["file_path"]) for record in document["results"]["passed_checks"]}
    assert passed == {("CKV_AISEC_1", "/encryption.tf.json"), ("CKV_AISEC_4", "/keys.tf")}
    assert document["results"]["failed_checks"] == []


def test_kubernetes_objects_checkov_would_drop_are_reported(tmp_path: Path) -> None:
    manifest = (
        "apiVersion: v1\nkind: Pod\nmetadata: {name: 12345}\nspec:\n  containers: [{name: lab, image: x}]\n"
        "---\n"
        "apiVersion: v1\nkind: Pod\nmetadata: {name: fine}\nspec:\n"
        "  securityContext: {runAsNonRoot: true, runAsUser: 1000}\n  containers: [{name: lab, image: x}]\n"
    )
    (tmp_path / "pods.yaml").write_text(manifest, encoding="utf-8")
    result = run_cli("scan", "pods.yaml", "--check", "CKV_AISEC_100", "-o", "json", cwd=tmp_path)
    assert result.returncode == 2
    assert _errors(result) == [
        "aisec-iac: error: pods.yaml: Pod 12345 is not scanned: Checkov skips it (name 12345 is invalid)"
    ]
    document = json.loads(result.stdout)
    assert {record["resource"] for record in document["results"]["passed_checks"]} == {"Pod.default.fine"}


def test_kubernetes_templates_are_named_in_a_warning_not_an_error(tmp_path: Path) -> None:
    # Terraform's templatefile and Helm fill in names; Checkov drops an object whose name is a placeholder.
    manifest = (
        "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: '${service_account}', namespace: '${namespace}'}\n"
        "---\n"
        "apiVersion: v1\nkind: Pod\nmetadata: {name: '{{ .Name }}-lab'}\nspec:\n  containers: [{name: lab}]\n"
        "---\n"
        "apiVersion: serving.kserve.io/v1alpha2\nkind: LLMInferenceServiceConfig\nmetadata: {name: cfg}\n"
        "spec: {router: {gateway: {refs: [{name: '{{ .GlobalConfig.IngressGatewayName }}'}]}}}\n"
        "---\n"
        "apiVersion: v1\nkind: Pod\nmetadata: {name: fine}\nspec:\n"
        "  securityContext: {runAsNonRoot: true, runAsUser: 1000}\n  containers: [{name: lab, image: x}]\n"
    )
    (tmp_path / "templates.yaml").write_text(manifest, encoding="utf-8")
    result = run_cli("scan", "templates.yaml", "--check", "CKV_AISEC_100", "-o", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _errors(result) == []
    warnings = [line for line in result.stderr.splitlines() if line.startswith("aisec-iac: warning:")]
    assert warnings == [
        "aisec-iac: warning: templates.yaml: ServiceAccount '${service_account}' is a template (a name in it is "
        "filled in when it is rendered), not scanned: scan what it renders to",
        "aisec-iac: warning: templates.yaml: Pod '{{ .Name }}-lab' is a template (a name in it is "
        "filled in when it is rendered), not scanned: scan what it renders to",
        "aisec-iac: warning: templates.yaml: LLMInferenceServiceConfig 'cfg' is a template (a name in it is "
        "filled in when it is rendered), not scanned: scan what it renders to",
    ]
    document = json.loads(result.stdout)
    assert {record["resource"] for record in document["results"]["passed_checks"]} == {"Pod.default.fine"}


def test_a_helm_template_that_is_valid_yaml_is_named_in_a_warning(tmp_path: Path) -> None:
    # Checkov drops a whole file that reads .Release or .Values, the valid objects in it too.
    chart = (
        "apiVersion: v1\nkind: Pod\nmetadata: {name: lab, labels: {release: '{{ .Release.Name }}'}}\nspec:\n"
        "  containers: [{name: lab, image: x, securityContext: {privileged: true}}]\n"
    )
    (tmp_path / "pod.yaml").write_text(chart, encoding="utf-8")
    result = run_cli("scan", ".", "--check", "CKV_AISEC_102", "-o", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _errors(result) == []
    assert "aisec-iac: warning: pod.yaml: a Helm template (it reads .Release or .Values)" in (result.stderr)


# -- several processes -----------------------------------------------------------------------------------


def test_jobs_give_the_report_of_a_serial_scan_byte_for_byte(tmp_path: Path) -> None:
    for index in range(4):
        module = _module(tmp_path / f"m{index}", f"key_{index}")
        # A bucket and its settings in each module: connection rules judge each module on its own.
        (module / "bucket.tf").write_text(
            f'resource "aws_s3_bucket" "data_{index}" {{\n  bucket = "training-data-{index}"\n}}\n', encoding="utf-8"
        )
    (tmp_path / "m0" / "Dockerfile").write_text("FROM python:3.11-slim\n", encoding="utf-8")
    serial = run_cli("scan", "m0", "m1", "m2", "m3", "--jobs", "1", "-o", "json", cwd=tmp_path)
    parallel = run_cli("scan", "m0", "m1", "m2", "m3", "--jobs", "3", "-o", "json", cwd=tmp_path)
    assert serial.returncode == parallel.returncode == 1
    assert parallel.stdout == serial.stdout
    bad = run_cli("scan", "m0", "--jobs", "0", cwd=tmp_path)
    assert bad.returncode == 2 and "expected a positive number of processes" in bad.stderr


def test_progress_goes_to_a_terminal_never_into_the_report(tmp_path: Path) -> None:
    import pty
    import shutil
    import sys

    _module(tmp_path / "a", "first")
    _module(tmp_path / "b", "second")
    executable = shutil.which("aisec-iac", path=str(Path(sys.executable).parent))
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [executable, "scan", "a", "b", "--jobs", "1", "-o", "json"],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=follower,
            timeout=300,
        )
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert result.returncode == 1
    json.loads(result.stdout)  # the report alone
    assert b"scanned 2/2 inputs" in shown
    assert b"scanned" not in result.stdout
