"""CKV2_AISEC_16 edge cases: the rule's logic on hand-built graphs, and the real Checkov engine on a case that
cannot live in the shared example folder (a rotation whose secret_id is an unresolved variable may rotate
any secret, which would decide every secret of every example)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.secretsmanager.secretsmanager_secret_rotation import evaluate, names_secret
from tests.scanning import scan_hcl

ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:inference/provider-key-Ab12Cd"


def secret(**attrs: Any) -> Resource:
    attrs = {"name": "inference/provider-key", **attrs}
    return Resource("aws_secretsmanager_secret", "aws_secretsmanager_secret.key", attrs)


def rotation(name: str, secret_id: Any) -> Resource:
    attrs = {"secret_id": secret_id, "rotation_rules": [{"automatically_after_days": 30}]}
    return Resource("aws_secretsmanager_secret_rotation", f"aws_secretsmanager_secret_rotation.{name}", attrs)


def judge(target: Resource, *others: Resource) -> Any:
    return evaluate(target, Graph([target, *others]))


@pytest.mark.parametrize(
    "secret_id",
    [
        "aws_secretsmanager_secret.key.id",
        "aws_secretsmanager_secret.key.arn",
        "${aws_secretsmanager_secret.key.id}",
        "aws_secretsmanager_secret.key[0].id",
        "inference/provider-key",
        ARN,
        "arn:aws:secretsmanager:us-east-1:111122223333:secret:inference/provider-key",
    ],
)
def test_a_rotation_that_points_at_the_secret_passes(secret_id: str) -> None:
    result = judge(secret(), rotation("r", secret_id))
    assert result.verdict is Verdict.PASS
    assert result.reason == "rotated by aws_secretsmanager_secret_rotation.r"


def test_no_rotation_fails() -> None:
    result = judge(secret())
    assert result.verdict is Verdict.FAIL
    assert result.reason == "no aws_secretsmanager_secret_rotation rotates this secret"


@pytest.mark.parametrize(
    "secret_id",
    [
        "aws_secretsmanager_secret.other.id",
        "inference/provider-key-2",
        "arn:aws:secretsmanager:us-east-1:111122223333:secret:inference/provider-key-2-Ab12Cd",
        "arn:aws:secretsmanager:us-east-1:111122223333:secret:inference/provider-Ab12Cd",
        "arn:aws:secretsmanager:us-east-1:111122223333:secret:inference/provider-key-Ab12Cd99",
    ],
)
def test_a_rotation_of_another_secret_does_not_count(secret_id: str) -> None:
    other = Resource("aws_secretsmanager_secret", "aws_secretsmanager_secret.other", {"name": "x"})
    assert judge(secret(), other, rotation("r", secret_id)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    ("secret_id", "name", "expected"),
    [
        ("a/b", "a/b", True),
        ("arn:aws:secretsmanager:us-east-1:1:secret:a/b-XXXXXX", "a/b", True),
        ("arn:aws:secretsmanager:us-east-1:1:secret:a/b", "a/b", True),
        ("arn:aws:secretsmanager:us-east-1:1:secret:a/b-c-XXXXXX", "a/b", False),
        ("a/b-XXXXXX", "a/b", False),
    ],
)
def test_names_secret(secret_id: str, name: str, expected: bool) -> None:
    assert names_secret(secret_id, name) is expected


# -- values not known at plan time ---------------------------------------------------------------------------


@pytest.mark.parametrize("secret_id", ["var.secret_arn", "${var.secret_arn}", "local.secret", "module.s.arn"])
def test_a_rotation_with_an_unresolved_secret_makes_an_unrotated_secret_unknown(secret_id: str) -> None:
    result = judge(secret(), rotation("maybe", secret_id))
    assert result.verdict is Verdict.UNKNOWN
    assert result.reason == f"aws_secretsmanager_secret_rotation.maybe (secret_id {secret_id}) may rotate this secret"


def test_a_known_rotation_wins_over_an_undecided_one() -> None:
    both = [rotation("own", "aws_secretsmanager_secret.key.id"), rotation("maybe", "var.secret_arn")]
    assert judge(secret(), *both).verdict is Verdict.PASS


@pytest.mark.parametrize("name", ["var.name", "local.name", "aws_ssm_parameter.n.value"])
def test_a_literal_rotation_may_name_a_secret_whose_name_is_not_known(name: str) -> None:
    assert judge(secret(name=name), rotation("r", "inference/anything")).verdict is Verdict.UNKNOWN
    assert judge(secret(name=name), rotation("r", "aws_secretsmanager_secret.key.id")).verdict is Verdict.PASS


def test_name_prefix_secrets_may_be_named_by_a_matching_literal() -> None:
    target = secret(name=None, name_prefix="inference/")
    assert judge(target, rotation("r", "inference/provider-key20240101")).verdict is Verdict.UNKNOWN
    assert judge(target, rotation("r", "training/other")).verdict is Verdict.FAIL
    arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:inference/x-Ab12Cd"
    assert judge(target, rotation("r", arn)).verdict is Verdict.UNKNOWN


def test_a_secret_with_a_generated_name_is_matched_by_reference_only() -> None:
    target = secret(name=None)
    assert judge(target, rotation("r", "inference/provider-key")).verdict is Verdict.FAIL
    assert judge(target, rotation("r", "aws_secretsmanager_secret.key.id")).verdict is Verdict.PASS


# -- odd input ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("secret_id", [None, "", 42, ["aws_secretsmanager_secret.key.id"], {"id": "x"}])
def test_wrong_types_never_raise(secret_id: Any) -> None:
    assert judge(secret(), rotation("odd", secret_id)).verdict is Verdict.FAIL


@pytest.mark.parametrize("name", [42, ["inference/provider-key"], {"n": 1}])
def test_a_secret_with_an_odd_name_is_still_matched_by_reference(name: Any) -> None:
    assert judge(secret(name=name), rotation("r", "aws_secretsmanager_secret.key.arn")).verdict is Verdict.PASS


# -- the real engine ------------------------------------------------------------------------------------------------

UNRESOLVED_SECRET_HCL = """
variable "secret_arn" {
  type = string
}

resource "aws_secretsmanager_secret" "unknown_maybe_rotated" {
  name = "example/maybe-rotated"
}

resource "aws_secretsmanager_secret_rotation" "maybe" {
  secret_id           = var.secret_arn
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:111122223333:function:rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret" "pass_own_rotation" {
  name = "example/rotated"
}

resource "aws_secretsmanager_secret_rotation" "own" {
  secret_id           = aws_secretsmanager_secret.pass_own_rotation.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:111122223333:function:rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}
"""


def test_checkov_hcl_scan_with_a_rotation_of_an_unresolved_secret(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(UNRESOLVED_SECRET_HCL, encoding="utf-8")
    found = {(f.verdict, f.address) for f in scan_hcl(tmp_path) if f.check_id == "CKV2_AISEC_16"}
    assert found == {("PASSED", "aws_secretsmanager_secret.pass_own_rotation")}
