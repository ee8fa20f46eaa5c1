"""The Checkov adapter: how Checkov's configuration becomes a ``Resource``, and how connection rules are
scoped, with the real Checkov engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policies.checkov_adapter import normalize_conf, normalize_dockerfile
from policies.cli import main
from policies.model import KNOWN_AFTER_APPLY, is_reference
from tests.scanning import scan_hcl

BARE_BUCKET = 'resource "aws_s3_bucket" "lonely" {\n  bucket = "lonely-bucket"\n}\n'
ACCOUNT_BLOCK = """
resource "aws_s3_account_public_access_block" "all" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
"""


def test_hcl_conf_is_unwrapped_into_terraform_shape() -> None:
    conf = {
        "__start_line__": 1,
        "__address__": "aws_security_group.sg",
        "name": ["models"],
        "ingress": [
            {"from_port": [8888], "cidr_blocks": [["0.0.0.0/0"]]},
            {"from_port": [22], "cidr_blocks": [["10.0.0.0/8"]]},
        ],
        "dynamic": [{"egress": {"content": [{"from_port": [0]}], "for_each": ["var.rules"]}}],
    }
    resource = normalize_conf("aws_security_group", conf)
    assert resource.address == "aws_security_group.sg"
    assert resource.attrs == {
        "name": "models",
        "ingress": [
            {"from_port": 8888, "cidr_blocks": ["0.0.0.0/0"]},
            {"from_port": 22, "cidr_blocks": ["10.0.0.0/8"]},
        ],
    }
    assert resource.dynamic_blocks == {"egress"}


def test_decoded_json_attributes_are_kept_as_documents() -> None:
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"]}]}
    conf = {"__address__": "aws_iam_policy.p", "policy": [policy], "container_definitions": [[{"name": "a"}]]}
    attrs = normalize_conf("aws_iam_policy", conf).attrs
    assert attrs["policy"] == policy
    assert attrs["container_definitions"] == [{"name": "a"}]


def test_json_documents_whose_top_level_values_are_lists_stay_documents() -> None:
    """Decoded JSON is told from a block by its unwrapped leaves, however deep."""
    network_policy = [
        {"Rules": [{"ResourceType": "collection", "Resource": ["collection/rag"]}], "AllowFromPublic": False}
    ]
    iam_without_version = {"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["*"]}]}
    conf = {"__address__": "x.y", "policy": [network_policy], "document": [iam_without_version]}
    attrs = normalize_conf("aws_opensearchserverless_security_policy", conf).attrs
    assert attrs["policy"] == network_policy
    assert attrs["document"] == iam_without_version


def test_nested_dynamic_blocks_are_named() -> None:
    conf = {
        "__address__": "aws_bedrock_guardrail.g",
        "content_policy_config": [{"dynamic": [{"filters_config": {"for_each": ["var.f"], "content": [{}]}}]}],
    }
    assert normalize_conf("aws_bedrock_guardrail", conf).dynamic_blocks == {"filters_config"}


def test_plan_bookkeeping_keys_are_dropped() -> None:
    conf = {
        "__address__": "aws_kms_key.k",
        "enable_key_rotation": [True],
        "tags": [None],
        "start_line": [8],
        "__startline__": [9],
        "references_": [["aws_kms_key.k.arn"]],
        "__change_actions__": ["create"],
    }
    assert normalize_conf("aws_kms_key", conf).attrs == {"enable_key_rotation": True, "tags": None}


def test_dockerfile_instructions_are_ordered_by_line() -> None:
    grouped = {
        "USER": [{"instruction": "USER", "value": "1000", "startline": 3}],
        "FROM": [
            {"instruction": "FROM", "value": "python:3.11 AS build", "startline": 0},
            {"instruction": "FROM", "value": "python:3.11-slim", "startline": 2},
        ],
    }
    instructions = normalize_dockerfile(grouped).attrs["instructions"]
    assert [(i["instruction"], i["line"]) for i in instructions] == [("FROM", 0), ("FROM", 2), ("USER", 3)]


def test_connection_rules_only_see_their_own_configuration(tmp_path: Path) -> None:
    """An account-wide public access block in one stack does not cover a bucket in another stack (both are root
    configurations: in a reusable module a bucket without a block of its own gets no verdict)."""
    provider = 'provider "aws" {\n  region = "eu-west-1"\n}\n'
    (tmp_path / "stack_a").mkdir()
    (tmp_path / "stack_b").mkdir()
    (tmp_path / "stack_a" / "main.tf").write_text(provider + ACCOUNT_BLOCK + BARE_BUCKET, encoding="utf-8")
    (tmp_path / "stack_b" / "main.tf").write_text(provider + BARE_BUCKET, encoding="utf-8")
    findings = scan_hcl(tmp_path, checks=["CKV2_AISEC_1"])
    assert {(f.verdict, f.file) for f in findings} == {
        ("PASSED", "stack_a/main.tf"),
        ("FAILED", "stack_b/main.tf"),
    }


ENCRYPTED_IF_ASKED = """
variable "encrypt" {
  type = bool
}
resource "aws_s3_bucket" "data" {
  bucket = "training-data"
}
resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  count  = var.encrypt ? 1 : 0
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    }
  }
}
"""


def _two_calls_of_one_module(root: Path) -> None:
    (root / "modules" / "data").mkdir(parents=True)
    (root / "modules" / "data" / "main.tf").write_text(ENCRYPTED_IF_ASKED, encoding="utf-8")
    for stack, encrypt in (("encrypted", "true"), ("plain", "false")):
        (root / stack).mkdir()
        call = f'module "data" {{\n  source  = "../modules/data"\n  encrypt = {encrypt}\n}}\n'
        (root / stack / "main.tf").write_text(call, encoding="utf-8")


def test_each_call_of_a_module_is_a_configuration_of_its_own(tmp_path: Path) -> None:
    """Two stacks call one module, one with encryption and one without: both instances have the same address
    and file, and the encrypted one's configuration must not pass the other's bucket."""
    _two_calls_of_one_module(tmp_path)
    findings = scan_hcl(tmp_path, checks=["CKV2_AISEC_3"])
    assert {(f.verdict, f.address) for f in findings} == {
        ("PASSED", "module.data.aws_s3_bucket.data"),
        ("PASSED", "module.data.aws_s3_bucket_server_side_encryption_configuration.data[0]"),
        ("FAILED", "module.data.aws_s3_bucket.data"),
    }


def test_each_instance_keeps_its_own_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI gives connection-rule records the reason Checkov drops; two instances that share an address get
    the reason of their own verdict."""
    _two_calls_of_one_module(tmp_path)
    assert main(["scan", str(tmp_path), "--check", "CKV2_AISEC_3", "-o", "json"]) == 1
    results = json.loads(capsys.readouterr().out)["results"]
    buckets = {
        (record["check_result"]["result"], record["details"][0].split(":")[0])
        for verdict in ("passed_checks", "failed_checks")
        for record in results[verdict]
        if record["resource"] == "module.data.aws_s3_bucket.data"
    }
    assert buckets == {
        ("PASSED", "module.data.aws_s3_bucket_server_side_encryption_configuration.data[0]"),
        ("FAILED", "no aws_s3_bucket_server_side_encryption_configuration points at this bucket"),
    }


def test_a_module_call_is_named_from_the_working_directory_when_several_inputs_share_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checkov names the file that calls a module (``Calling File``) from the root of the directory it scans:
    with both stacks given, each is ``/main.tf``. In one report they are named as their files are."""
    _two_calls_of_one_module(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["scan", "encrypted", "plain", "--check", "CKV_AISEC_1", "-o", "json"]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    assert {(r["resource"], r["file_path"], r["caller_file_path"]) for r in results["passed_checks"]} == {
        (
            "module.data.aws_s3_bucket_server_side_encryption_configuration.data[0]",
            "/modules/data/main.tf",
            "/encrypted/main.tf",
        )
    }


def test_plan_values_known_only_after_apply_count_as_set_when_the_user_wrote_them(tmp_path: Path) -> None:
    """Checkov drops a value unknown until apply when it comes through a local or variable; the adapter reads
    the plan's after_unknown and configuration to tell "set, known after apply" from "left unset"."""
    address = "aws_s3_bucket_server_side_encryption_configuration.data[0]"
    plan = {
        "resource_changes": [
            {
                "address": address,
                "change": {
                    "after_unknown": {
                        "id": True,
                        "rule": [{"apply_server_side_encryption_by_default": [{"kms_master_key_id": True}]}],
                    }
                },
            },
            {"address": "aws_kms_key.k", "change": {"after_unknown": {"policy": True, "arn": True}}},
        ],
        "configuration": {
            "root_module": {
                "resources": [
                    {
                        "address": "aws_s3_bucket_server_side_encryption_configuration.data",
                        "expressions": {
                            "rule": [
                                {
                                    "apply_server_side_encryption_by_default": [
                                        {"kms_master_key_id": {"references": ["local.key"]}}
                                    ]
                                }
                            ]
                        },
                    },
                    {"address": "aws_kms_key.k", "expressions": {"enable_key_rotation": {"constant_value": True}}},
                ]
            }
        },
    }
    plan_file = tmp_path / "tfplan.json"
    plan_file.write_text(json.dumps(plan), encoding="utf-8")
    bookkeeping = {"__file__": [str(plan_file)], "__change_actions__": ["create"]}
    encryption = normalize_conf(
        "aws_s3_bucket_server_side_encryption_configuration",
        {
            **bookkeeping,
            "__address__": address,
            "rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": ["aws:kms"]}]}],
        },
    )
    default = encryption.attrs["rule"][0]["apply_server_side_encryption_by_default"][0]
    assert default["kms_master_key_id"] == KNOWN_AFTER_APPLY and is_reference(default["kms_master_key_id"])
    key = normalize_conf("aws_kms_key", {**bookkeeping, "__address__": "aws_kms_key.k", "enable_key_rotation": [True]})
    assert "policy" not in key.attrs  # Optional+Computed and left unset: the provider's default policy


def test_odd_plan_files_leave_the_configuration_as_checkov_gave_it(tmp_path: Path) -> None:
    bookkeeping = {"__change_actions__": ["create"], "__address__": "aws_kms_key.k", "enable_key_rotation": [True]}
    odd_plans = ["not json", "[]", '{"configuration": [], "resource_changes": {}}', '{"resource_changes": [1, null]}']
    for number, text in enumerate(odd_plans):
        plan_file = tmp_path / f"plan{number}.json"
        plan_file.write_text(text, encoding="utf-8")
        key = normalize_conf("aws_kms_key", {**bookkeeping, "__file__": [str(plan_file)]})
        assert key.attrs == {"enable_key_rotation": True}
    missing = normalize_conf("aws_kms_key", {**bookkeeping, "__file__": [str(tmp_path / "gone.json")]})
    assert missing.attrs == {"enable_key_rotation": True}
