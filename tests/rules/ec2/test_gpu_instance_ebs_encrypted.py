"""CKV2_AISEC_24 edge cases: the rule's logic on hand-built graphs, and the real Checkov engine on EBS
encryption by default, which cannot share the example folder (it would decide for every volume there)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.ec2.gpu_instance_ebs_encrypted import evaluate
from tests.scanning import scan_hcl

ABSENT = object()


def instance(instance_type: Any = "p4d.24xlarge", dynamic: frozenset[str] = frozenset(), **attrs: Any) -> Resource:
    values: dict[str, Any] = {"ami": "ami-1", **attrs}
    if instance_type is not ABSENT:
        values["instance_type"] = instance_type
    return Resource("aws_instance", "aws_instance.i", values, dynamic)


def template(
    mappings: Any = ABSENT, instance_type: Any = "g5.xlarge", dynamic: frozenset[str] = frozenset()
) -> Resource:
    values: dict[str, Any] = {"image_id": "ami-1", "instance_type": instance_type}
    if mappings is not ABSENT:
        values["block_device_mappings"] = mappings
    return Resource("aws_launch_template", "aws_launch_template.t", values, dynamic)


def mapping(encrypted: Any = "true", device: str = "/dev/xvda", **ebs: Any) -> dict[str, Any]:
    return {"device_name": device, "ebs": [{"encrypted": encrypted, **ebs}]}


def account(**settings: Any) -> Resource:
    return Resource("aws_ebs_encryption_by_default", "aws_ebs_encryption_by_default.region", settings)


def judge(subject: Resource, *others: Resource) -> Any:
    return evaluate(subject, Graph([subject, *others]))


# -- instances ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encrypted", [True, "true"])
def test_an_encrypted_root_volume_passes(encrypted: Any) -> None:
    assert judge(instance(root_block_device=[{"encrypted": encrypted}])).verdict is Verdict.PASS


def test_every_declared_volume_must_be_encrypted() -> None:
    root = [{"encrypted": True}]
    good = [{"device_name": "/dev/sdf", "encrypted": True}, {"device_name": "/dev/sdg", "encrypted": "true"}]
    bad = [{"device_name": "/dev/sdf", "encrypted": True}, {"device_name": "/dev/sdg"}]
    assert judge(instance(root_block_device=root, ebs_block_device=good)).verdict is Verdict.PASS
    result = judge(instance(root_block_device=root, ebs_block_device=bad))
    assert result.verdict is Verdict.FAIL
    assert "/dev/sdg" in result.reason


@pytest.mark.parametrize("root", [ABSENT, None, []])
def test_no_root_block_device_fails(root: Any) -> None:
    attrs = {} if root is ABSENT else {"root_block_device": root}
    result = judge(instance(**attrs))
    assert result.verdict is Verdict.FAIL
    assert "AMI" in result.reason


@pytest.mark.parametrize("root", [[{}], [{"encrypted": False}], [{"encrypted": "false"}], [{"kms_key_id": "k"}]])
def test_an_unencrypted_root_volume_fails(root: Any) -> None:
    assert judge(instance(root_block_device=root)).verdict is Verdict.FAIL


def test_a_volume_restored_from_a_snapshot_follows_the_snapshot() -> None:
    devices = [{"device_name": "/dev/sdg", "snapshot_id": "snap-1"}]
    assert judge(instance(root_block_device=[{"encrypted": True}], ebs_block_device=devices)).verdict is Verdict.UNKNOWN
    devices = [{"device_name": "/dev/sdg", "snapshot_id": "snap-1", "encrypted": False}]
    assert judge(instance(root_block_device=[{"encrypted": True}], ebs_block_device=devices)).verdict is Verdict.FAIL


def test_a_block_may_arrive_as_one_dict() -> None:
    """Pulumi sends single blocks as dicts."""
    assert judge(instance(root_block_device={"encrypted": True})).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "attrs",
    [
        {"root_block_device": [{"encrypted": "var.encrypt"}]},
        {"root_block_device": [{"encrypted": "${var.encrypt}"}]},
        {"root_block_device": "var.root"},
        {"root_block_device": [{"encrypted": True}], "ebs_block_device": "var.devices"},
        {"root_block_device": [{"encrypted": 1}]},
    ],
)
def test_unreadable_settings_are_unknown(attrs: dict[str, Any]) -> None:
    assert judge(instance(**attrs)).verdict is Verdict.UNKNOWN


def test_dynamic_blocks_are_unknown() -> None:
    root = [{"encrypted": True}]
    subject = instance(root_block_device=root, dynamic=frozenset({"ebs_block_device"}))
    assert judge(subject).verdict is Verdict.UNKNOWN


def test_a_known_unencrypted_volume_fails_beside_an_unknown_one() -> None:
    subject = instance(root_block_device=[{"encrypted": False}], ebs_block_device=[{"encrypted": "var.x"}])
    assert judge(subject).verdict is Verdict.FAIL


def test_other_instance_types_get_no_verdict() -> None:
    result = judge(instance("c7i.large"))
    assert result.verdict is Verdict.UNKNOWN
    assert "does not judge" in result.reason


# -- launch templates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "mappings",
    [
        [mapping()],
        [mapping(True)],
        [mapping(), mapping(device="/dev/sdf")],
        [mapping(), {"device_name": "/dev/sdb", "virtual_name": "ephemeral0"}],
        {"device_name": "/dev/xvda", "ebs": {"encrypted": True}},
    ],
)
def test_a_template_whose_ebs_mappings_are_all_encrypted_passes(mappings: Any) -> None:
    assert judge(template(mappings)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "mappings",
    [
        ABSENT,
        [],
        [{"device_name": "/dev/sdb", "virtual_name": "ephemeral0"}],
        [mapping("false")],
        [mapping(None)],
        [mapping(), mapping(False, "/dev/sdf")],
    ],
)
def test_a_template_without_encrypted_ebs_mappings_fails(mappings: Any) -> None:
    assert judge(template(mappings)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "mappings",
    [
        [mapping("var.encrypted")],
        "var.mappings",
        [{"device_name": "/dev/xvda", "ebs": "var.ebs"}],
        [mapping(None, snapshot_id="snap-1")],
    ],
)
def test_unreadable_template_settings_are_unknown(mappings: Any) -> None:
    assert judge(template(mappings)).verdict is Verdict.UNKNOWN


def test_a_dynamic_mapping_block_is_unknown() -> None:
    assert judge(template(dynamic=frozenset({"block_device_mappings"}))).verdict is Verdict.UNKNOWN


def test_a_template_without_instance_type_is_not_judged() -> None:
    assert judge(template([mapping(False)], instance_type=None)).verdict is Verdict.UNKNOWN


# -- instances from launch templates ------------------------------------------------------------------------


def test_an_instance_without_root_block_device_takes_its_templates_volumes() -> None:
    subject = instance(ABSENT, launch_template=[{"id": "aws_launch_template.t.id"}])
    assert judge(subject, template([mapping()])).verdict is Verdict.PASS
    assert judge(subject, template([mapping(False)])).verdict is Verdict.FAIL
    assert judge(subject, template()).verdict is Verdict.FAIL


def test_the_templates_volumes_count_beside_the_instances_own() -> None:
    subject = instance(root_block_device=[{"encrypted": True}], launch_template=[{"id": "aws_launch_template.t.id"}])
    assert judge(subject, template([mapping(False, "/dev/sdf")])).verdict is Verdict.FAIL


def test_a_template_outside_the_configuration_leaves_the_root_volume_unknown() -> None:
    subject = instance(launch_template=[{"id": "lt-0123456789abcdef0"}])
    assert judge(subject).verdict is Verdict.UNKNOWN
    own = instance(launch_template=[{"id": "lt-1"}], root_block_device=[{"encrypted": True}])
    assert judge(own).verdict is Verdict.PASS


# -- EBS encryption by default ------------------------------------------------------------------------------


@pytest.mark.parametrize("settings", [{}, {"enabled": True}, {"enabled": "true"}])
def test_encryption_by_default_passes_every_volume(settings: dict[str, Any]) -> None:
    """The provider's default for enabled is true."""
    assert judge(instance(root_block_device=[{"encrypted": False}]), account(**settings)).verdict is Verdict.PASS
    assert judge(template(), account(**settings)).verdict is Verdict.PASS


def test_encryption_by_default_turned_off_does_not_count() -> None:
    assert judge(instance(), account(enabled=False)).verdict is Verdict.FAIL


def test_encryption_by_default_not_known_at_plan_time() -> None:
    assert judge(instance(), account(enabled="var.on")).verdict is Verdict.UNKNOWN
    assert judge(instance(root_block_device=[{"encrypted": True}]), account(enabled="var.on")).verdict is Verdict.PASS


# -- the real Checkov engine --------------------------------------------------------------------------------

REGION_DEFAULT = """
resource "aws_ebs_encryption_by_default" "region" {
  enabled = true
}

resource "aws_instance" "pass_region_default" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "g5.xlarge"
}

resource "aws_launch_template" "pass_region_default" {
  name_prefix   = "gpu-"
  image_id      = "ami-0a1b2c3d4e5f60001"
  instance_type = "p4d.24xlarge"
}
"""


def test_checkov_applies_encryption_by_default(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(REGION_DEFAULT, encoding="utf-8")
    found = {(f.verdict, f.address) for f in scan_hcl(tmp_path, ["CKV2_AISEC_24"]) if f.check_id == "CKV2_AISEC_24"}
    assert found == {
        ("PASSED", "aws_instance.pass_region_default"),
        ("PASSED", "aws_launch_template.pass_region_default"),
    }
