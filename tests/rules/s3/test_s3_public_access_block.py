"""CKV2_AISEC_1 edge cases: the rule's logic on hand-built graphs, and the real Checkov engine on the cases
that cannot live in the shared example folder (an account-level block, or a block with an unresolved
bucket, decides every bucket of its configuration, and the example folder is one configuration)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.s3.s3_public_access_block import SETTINGS, evaluate
from tests.scanning import scan_hcl, scan_plans

ALL_ON = dict.fromkeys(SETTINGS, True)


def bucket(name: str = "data", bucket_name: Any = "example-data") -> Resource:
    return Resource("aws_s3_bucket", f"aws_s3_bucket.{name}", {"bucket": bucket_name})


def bucket_block(name: str, target: Any, **settings: Any) -> Resource:
    return Resource(
        "aws_s3_bucket_public_access_block", f"aws_s3_bucket_public_access_block.{name}", {"bucket": target, **settings}
    )


def account_block(**settings: Any) -> Resource:
    return Resource("aws_s3_account_public_access_block", "aws_s3_account_public_access_block.account", settings)


def judge(target: Resource, *others: Resource) -> Any:
    return evaluate(target, Graph([target, *others]))


# -- bucket-level blocks -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "aws_s3_bucket.data.id",
        "aws_s3_bucket.data.bucket",
        "${aws_s3_bucket.data.id}",
        "aws_s3_bucket.data[0].id",
        "example-data",
    ],
)
def test_a_block_with_all_four_settings_passes(target: str) -> None:
    result = judge(bucket(), bucket_block("data", target, **ALL_ON))
    assert result.verdict is Verdict.PASS
    assert "aws_s3_bucket_public_access_block.data" in result.reason


def test_no_block_fails() -> None:
    result = judge(bucket())
    assert result.verdict is Verdict.FAIL
    assert result.reason == "no aws_s3_bucket_public_access_block points at this bucket"


def test_a_block_for_another_bucket_does_not_count() -> None:
    other = bucket("other", "example-other")
    blocks = [bucket_block("other", "aws_s3_bucket.other.id", **ALL_ON), bucket_block("x", "example-other", **ALL_ON)]
    assert judge(bucket(), other, *blocks).verdict is Verdict.FAIL


@pytest.mark.parametrize("setting", SETTINGS)
@pytest.mark.parametrize("value", [False, "false", None])
def test_any_setting_false_or_unset_fails(setting: str, value: Any) -> None:
    result = judge(bucket(), bucket_block("data", "aws_s3_bucket.data.id", **{**ALL_ON, setting: value}))
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith(setting)


def test_the_two_settings_ckv2_aws_6_checks_are_not_enough() -> None:
    block = bucket_block("data", "aws_s3_bucket.data.id", block_public_acls=True, block_public_policy=True)
    result = judge(bucket(), block)
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith("ignore_public_acls, restrict_public_buckets")


def test_string_booleans_count() -> None:
    block = bucket_block("data", "aws_s3_bucket.data.id", **dict.fromkeys(SETTINGS, "true"))
    assert judge(bucket(), block).verdict is Verdict.PASS


def test_two_blocks_on_one_bucket_overwrite_each_other_so_both_must_be_complete() -> None:
    good = bucket_block("good", "aws_s3_bucket.data.id", **ALL_ON)
    weak = bucket_block("weak", "example-data", **{**ALL_ON, "restrict_public_buckets": False})
    result = judge(bucket(), good, weak)
    assert result.verdict is Verdict.FAIL
    assert "aws_s3_bucket_public_access_block.weak" in result.reason


@pytest.mark.parametrize("value", ["var.restrict", "local.restrict", "aws_ssm_parameter.restrict.value"])
def test_a_setting_not_known_at_plan_time_is_unknown(value: str) -> None:
    block = bucket_block("data", "aws_s3_bucket.data.id", **{**ALL_ON, "restrict_public_buckets": value})
    result = judge(bucket(), block)
    assert result.verdict is Verdict.UNKNOWN
    assert result.reason == "restrict_public_buckets not known at plan time"


def test_a_known_false_setting_wins_over_an_unknown_one() -> None:
    block = bucket_block(
        "data",
        "aws_s3_bucket.data.id",
        **{**ALL_ON, "block_public_acls": False, "restrict_public_buckets": "var.restrict"},
    )
    assert judge(bucket(), block).verdict is Verdict.FAIL


# -- blocks whose bucket is not known at plan time -----------------------------------------------------------


@pytest.mark.parametrize("target", ["var.bucket_id", "${var.bucket_id}", "module.storage.bucket_id", "local.id"])
def test_a_block_with_an_unresolved_bucket_makes_an_uncovered_bucket_unknown(target: str) -> None:
    result = judge(bucket(), bucket_block("maybe", target, **ALL_ON))
    assert result.verdict is Verdict.UNKNOWN
    assert result.reason.startswith(f"aws_s3_bucket_public_access_block.maybe has bucket = {target}")


def test_an_unresolved_bucket_does_not_override_the_bucket_own_block() -> None:
    maybe = bucket_block("maybe", "var.bucket_id", **ALL_ON)
    assert judge(bucket(), bucket_block("data", "aws_s3_bucket.data.id", **ALL_ON), maybe).verdict is Verdict.PASS
    weak = bucket_block("data", "aws_s3_bucket.data.id", block_public_acls=True)
    assert judge(bucket(), weak, maybe).verdict is Verdict.FAIL


def test_an_unresolved_block_that_leaves_a_setting_off_cannot_rescue_the_bucket() -> None:
    maybe = bucket_block("maybe", "var.bucket_id", **{**ALL_ON, "ignore_public_acls": False})
    assert judge(bucket(), maybe).verdict is Verdict.FAIL


# -- the account-level block -------------------------------------------------------------------------------------


def test_an_account_block_with_all_four_settings_covers_every_bucket() -> None:
    result = judge(bucket(), account_block(**ALL_ON))
    assert result.verdict is Verdict.PASS
    assert "every bucket in the account" in result.reason
    weak = bucket_block("data", "aws_s3_bucket.data.id", block_public_acls=False)
    assert judge(bucket(), weak, account_block(**ALL_ON)).verdict is Verdict.PASS
    assert judge(bucket(), bucket_block("maybe", "var.id"), account_block(**ALL_ON)).verdict is Verdict.PASS


def test_account_and_bucket_settings_combine_setting_by_setting() -> None:
    account = account_block(block_public_acls=True, ignore_public_acls=True)
    block = bucket_block("data", "aws_s3_bucket.data.id", block_public_policy=True, restrict_public_buckets=True)
    result = judge(bucket(), account, block)
    assert result.verdict is Verdict.PASS
    assert "together" in result.reason


def test_an_incomplete_account_block_alone_fails_and_is_named() -> None:
    result = judge(bucket(), account_block(block_public_acls=True, block_public_policy=True))
    assert result.verdict is Verdict.FAIL
    assert "aws_s3_account_public_access_block.account leaves ignore_public_acls" in result.reason


def test_an_account_setting_not_known_at_plan_time_is_unknown() -> None:
    account = account_block(**{**ALL_ON, "block_public_policy": "var.block_policy"})
    assert judge(bucket(), account).verdict is Verdict.UNKNOWN


# -- odd input -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "attrs",
    [
        {"bucket": ["aws_s3_bucket.data.id"], **ALL_ON},
        {"bucket": {"id": "aws_s3_bucket.data.id"}, **ALL_ON},
        {"bucket": 42, **ALL_ON},
        {"bucket": None, **ALL_ON},
        {"bucket": "aws_s3_bucket.data.id", "block_public_acls": [{"enabled": True}]},
    ],
)
def test_wrong_types_never_raise(attrs: dict[str, Any]) -> None:
    block = Resource("aws_s3_bucket_public_access_block", "aws_s3_bucket_public_access_block.odd", attrs)
    assert judge(bucket(), block).verdict in (Verdict.FAIL, Verdict.UNKNOWN)


@pytest.mark.parametrize("bucket_name", [None, "", "var.name", ["example-data"], 42])
def test_a_bucket_without_a_usable_name_is_still_matched_by_reference(bucket_name: Any) -> None:
    target = bucket(bucket_name=bucket_name)
    assert judge(target, bucket_block("data", "aws_s3_bucket.data.id", **ALL_ON)).verdict is Verdict.PASS


@pytest.mark.parametrize("bucket_name", [None, "", ["example-data"], 42])
def test_a_literal_name_cannot_match_a_bucket_without_a_name(bucket_name: Any) -> None:
    target = bucket(bucket_name=bucket_name)
    assert judge(target, bucket_block("other", "example-data", **ALL_ON)).verdict is Verdict.FAIL


def test_a_literal_name_may_match_a_bucket_whose_name_is_not_known() -> None:
    result = judge(bucket(bucket_name="var.name"), bucket_block("named", "example-data", **ALL_ON))
    assert result.verdict is Verdict.UNKNOWN
    assert result.reason == (
        "this bucket's name (var.name) is not known at plan time; "
        "aws_s3_bucket_public_access_block.named may point at it"
    )
    weak = bucket_block("named", "example-data", block_public_acls=True)
    assert judge(bucket(bucket_name="var.name"), weak).verdict is Verdict.FAIL


def test_a_rule_without_other_resources_still_judges() -> None:
    assert evaluate(bucket(), Graph([])).verdict is Verdict.FAIL


# -- the real engine: cases that would decide every bucket of the shared examples -------------------------------

ACCOUNT_HCL = """
resource "aws_s3_account_public_access_block" "account" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "pass_covered_by_account" {
  bucket = "example-covered"
}
"""

UNRESOLVED_BUCKET_HCL = """
variable "bucket_id" {
  type = string
}

resource "aws_s3_bucket_public_access_block" "maybe" {
  bucket                  = var.bucket_id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "unknown_maybe_covered" {
  bucket = "example-maybe"
}

resource "aws_s3_bucket" "pass_own_block" {
  bucket = "example-own"
}

resource "aws_s3_bucket_public_access_block" "own" {
  bucket                  = aws_s3_bucket.pass_own_block.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
"""


# A reusable module: it declares the providers it needs but configures none, and has no backend.
MODULE_HCL = """
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

variable "dataset_bucket_name" {
  type = string
}

resource "aws_s3_bucket" "no_block" {
  bucket = "example-module-bucket"
}

resource "aws_s3_bucket" "own_block_off" {
  bucket = "example-module-exports"
}

resource "aws_s3_bucket_public_access_block" "own_block_off" {
  bucket                  = aws_s3_bucket.own_block_off.id
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_public_access_block" "given_bucket_off" {
  bucket            = "example-given-bucket"
  block_public_acls = true
}
"""
ROOT_PROVIDER = """
provider "aws" {
  region = "eu-west-1"
}
"""
ROOT_BACKEND = """
terraform {
  backend "s3" {
    bucket = "example-terraform-state"
    key    = "ml/terraform.tfstate"
    region = "eu-west-1"
  }
}
"""
# In a module a bucket without a block of its own is left to the account-level block of the root configuration;
# a block that turns a setting off is a finding wherever it is (on the bucket when the bucket is in the module).
MODULE_VERDICTS = {
    ("FAILED", "aws_s3_bucket.own_block_off"),
    ("FAILED", "aws_s3_bucket_public_access_block.given_bucket_off"),
}
ROOT_VERDICTS = MODULE_VERDICTS | {("FAILED", "aws_s3_bucket.no_block")}


def _verdicts(findings: set[Any]) -> set[tuple[str, str]]:
    return {(f.verdict, f.address) for f in findings if f.check_id == "CKV2_AISEC_1"}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            ACCOUNT_HCL,
            {
                ("PASSED", "aws_s3_bucket.pass_covered_by_account"),
                ("PASSED", "aws_s3_account_public_access_block.account"),
            },
        ),
        (
            UNRESOLVED_BUCKET_HCL,
            {
                ("PASSED", "aws_s3_bucket.pass_own_block"),
                ("PASSED", "aws_s3_bucket_public_access_block.own"),
                ("PASSED", "aws_s3_bucket_public_access_block.maybe"),
            },
        ),
        (MODULE_HCL, MODULE_VERDICTS),
        (ROOT_PROVIDER + MODULE_HCL, ROOT_VERDICTS),
        (ROOT_BACKEND + MODULE_HCL, ROOT_VERDICTS),
    ],
    ids=["account_block", "unresolved_bucket", "reusable_module", "root_with_provider", "root_with_backend"],
)
def test_checkov_hcl_scan(tmp_path: Path, source: str, expected: set[tuple[str, str]]) -> None:
    (tmp_path / "main.tf").write_text(source, encoding="utf-8")
    assert _verdicts(scan_hcl(tmp_path)) == expected


def _planned(address: str, values: dict[str, Any]) -> dict[str, Any]:
    type_, name = address.split(".")
    return {
        "address": address,
        "mode": "managed",
        "type": type_,
        "name": name,
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "schema_version": 0,
        "values": values,
        "sensitive_values": {},
    }


def test_checkov_plan_scan_with_an_account_block(tmp_path: Path) -> None:
    """In a plan the account block and the buckets are all known: every bucket passes."""
    settings = dict.fromkeys(SETTINGS, True)
    resources = [
        _planned("aws_s3_account_public_access_block.account", settings),
        _planned(
            "aws_s3_bucket.pass_covered_by_account",
            {"bucket": "example-covered", "force_destroy": False, "tags": None, "timeouts": None},
        ),
    ]
    configuration = [
        {
            "address": r["address"],
            "mode": "managed",
            "type": r["type"],
            "name": r["name"],
            "provider_config_key": "aws",
            "schema_version": 0,
            "expressions": {key: {"constant_value": value} for key, value in r["values"].items() if value is not None},
        }
        for r in resources
    ]
    plan = {
        "format_version": "1.2",
        "terraform_version": "1.9.8",
        "planned_values": {"root_module": {"resources": resources}},
        "resource_changes": [],
        "configuration": {"root_module": {"resources": configuration}},
    }
    path = tmp_path / "tfplan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    assert _verdicts(scan_plans([path], tmp_path)) == {
        ("PASSED", "aws_s3_bucket.pass_covered_by_account"),
        ("PASSED", "aws_s3_account_public_access_block.account"),
    }


# -- the blocks themselves ------------------------------------------------------------------------------------


def test_an_account_block_is_judged_on_its_own_settings() -> None:
    assert judge(account_block(**ALL_ON)).verdict is Verdict.PASS
    off = judge(account_block(block_public_acls=True, block_public_policy=True))
    assert off.verdict is Verdict.FAIL
    assert "ignore_public_acls, restrict_public_buckets" in off.reason
    assert judge(account_block(**{**ALL_ON, "ignore_public_acls": "var.x"})).verdict is Verdict.UNKNOWN
    assert judge(account_block(**{**ALL_ON, "ignore_public_acls": "var.x", "block_public_acls": False})).verdict is (
        Verdict.FAIL
    )


def test_a_bucket_block_for_a_bucket_outside_the_configuration_is_judged_on_the_block() -> None:
    assert judge(bucket_block("b", "example-elsewhere", **ALL_ON)).verdict is Verdict.PASS
    assert judge(bucket_block("b", "example-elsewhere", block_public_acls=True)).verdict is Verdict.FAIL
    assert judge(bucket_block("b", "var.bucket", block_public_policy=False)).verdict is Verdict.FAIL
    assert judge(bucket_block("b", "aws_s3_bucket.other.id", block_public_policy=False)).verdict is Verdict.FAIL


def test_a_bucket_block_whose_bucket_is_in_the_configuration_is_reported_once_on_the_bucket() -> None:
    for target in ("aws_s3_bucket.data.id", "example-data"):
        block = bucket_block("b", target, block_public_acls=True)
        result = judge(block, bucket())
        assert result.verdict is Verdict.UNKNOWN
        assert "aws_s3_bucket.data" in result.reason
        assert judge(bucket(), block).verdict is Verdict.FAIL


def test_an_account_block_turns_on_what_a_bucket_block_leaves_off() -> None:
    block = bucket_block("b", "example-elsewhere", block_public_acls=True)
    assert judge(block, account_block(**ALL_ON)).verdict is Verdict.PASS
    assert judge(block, account_block(block_public_policy=True)).verdict is Verdict.FAIL
    assert judge(block, account_block(**dict.fromkeys(SETTINGS, "var.on"))).verdict is Verdict.UNKNOWN


def test_in_a_reusable_module_a_bucket_without_its_own_block_gets_no_verdict() -> None:
    module = Graph([bucket()], is_root=False)
    result = evaluate(bucket(), module)
    assert result.verdict is Verdict.UNKNOWN
    assert "reusable module" in result.reason
    covered = Graph([bucket(), bucket_block("b", "aws_s3_bucket.data.id", **ALL_ON)], is_root=False)
    assert evaluate(bucket(), covered).verdict is Verdict.PASS
    weak = Graph([bucket(), bucket_block("b", "aws_s3_bucket.data.id", block_public_acls=True)], is_root=False)
    assert evaluate(bucket(), weak).verdict is Verdict.FAIL


@pytest.mark.parametrize("odd", ["text", 3, [], [None], {"a": 1}, None, True])
def test_blocks_with_odd_values_never_raise(odd: Any) -> None:
    attrs = {"bucket": odd, **dict.fromkeys(SETTINGS, odd)}
    for block in (
        Resource("aws_s3_bucket_public_access_block", "aws_s3_bucket_public_access_block.o", attrs),
        Resource("aws_s3_account_public_access_block", "aws_s3_account_public_access_block.o", attrs),
    ):
        assert judge(block, bucket()).verdict in (Verdict.PASS, Verdict.FAIL, Verdict.UNKNOWN)
