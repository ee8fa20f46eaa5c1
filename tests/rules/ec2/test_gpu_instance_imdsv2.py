"""CKV2_AISEC_23 edge cases: the rule's logic on hand-built graphs, and the real Checkov engine on the
account-level default, which cannot share the example folder (it would decide for every instance there)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policies.accelerators import accelerator_family
from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.ec2.gpu_instance_imdsv2 import evaluate
from tests.scanning import scan_hcl, scan_plans

ABSENT = object()


def instance(instance_type: Any = "p4d.24xlarge", metadata: Any = ABSENT, name: str = "i", **attrs: Any) -> Resource:
    values: dict[str, Any] = {"ami": "ami-1", **attrs}
    if instance_type is not ABSENT:
        values["instance_type"] = instance_type
    if metadata is not ABSENT:
        values["metadata_options"] = metadata
    return Resource("aws_instance", f"aws_instance.{name}", values)


def template(instance_type: Any = "g5.xlarge", metadata: Any = ABSENT, name: str = "t", **attrs: Any) -> Resource:
    values: dict[str, Any] = {"image_id": "ami-1", **attrs}
    if instance_type is not ABSENT:
        values["instance_type"] = instance_type
    if metadata is not ABSENT:
        values["metadata_options"] = metadata
    return Resource("aws_launch_template", f"aws_launch_template.{name}", values)


def account(**settings: Any) -> Resource:
    return Resource("aws_ec2_instance_metadata_defaults", "aws_ec2_instance_metadata_defaults.account", settings)


def tokens(value: Any) -> list[dict[str, Any]]:
    return [{"http_tokens": value}]


def judge(subject: Resource, *others: Resource) -> Any:
    return evaluate(subject, Graph([subject, *others]))


# -- which instance types are judged ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "instance_type",
    [
        "p3.2xlarge",
        "p4d.24xlarge",
        "p5en.48xlarge",
        "p6-b200.48xlarge",
        "g4dn.xlarge",
        "g5g.xlarge",
        "g6e.12xlarge",
        "gr6.4xlarge",
        "trn1n.32xlarge",
        "trn2.48xlarge",
        "inf1.xlarge",
        "inf2.48xlarge",
        "dl1.24xlarge",
        "dl2q.24xlarge",
        "G5.XLARGE",
    ],
)
def test_accelerator_families(instance_type: str) -> None:
    assert accelerator_family(instance_type) is not None


@pytest.mark.parametrize(
    "instance_type",
    ["m7i.large", "c7gn.16xlarge", "t3.micro", "r6g.large", "hpc7g.16xlarge", "u-6tb1.metal", "mac2-m2pro.metal", "g5"],
)
def test_other_families_are_not_accelerators(instance_type: str) -> None:
    assert accelerator_family(instance_type) is None


@pytest.mark.parametrize("instance_type", ["m7i.large", "t3.micro"])
def test_other_instance_types_get_no_verdict(instance_type: str) -> None:
    result = judge(instance(instance_type, tokens("optional")))
    assert result.verdict is Verdict.UNKNOWN
    assert "does not judge" in result.reason


@pytest.mark.parametrize("instance_type", ["var.type", "${var.type}", "aws_ssm_parameter.type.value", ABSENT, 5])
def test_instance_types_not_known_get_no_verdict(instance_type: Any) -> None:
    assert judge(instance(instance_type, tokens("optional"))).verdict is Verdict.UNKNOWN


def test_a_template_without_type_is_judged_only_when_it_asks_for_accelerators() -> None:
    asks = {"instance_requirements": [{"accelerator_count": [{"min": 1}], "vcpu_count": [{"min": 4}]}]}
    assert judge(template(ABSENT, tokens("optional"), **asks)).verdict is Verdict.FAIL
    assert judge(template(ABSENT, tokens("optional"))).verdict is Verdict.UNKNOWN
    no_minimum = {"instance_requirements": [{"accelerator_count": [{"max": 4}]}]}
    assert judge(template(ABSENT, tokens("optional"), **no_minimum)).verdict is Verdict.UNKNOWN


# -- the instance's own settings ----------------------------------------------------------------------------


@pytest.mark.parametrize("subject", [instance(metadata=tokens("required")), template(metadata=tokens("required"))])
def test_required_tokens_pass(subject: Resource) -> None:
    assert judge(subject).verdict is Verdict.PASS


@pytest.mark.parametrize("metadata", [ABSENT, None, [], [{}], tokens(None), tokens("")])
def test_unset_tokens_fail(metadata: Any) -> None:
    result = judge(instance(metadata=metadata))
    assert result.verdict is Verdict.FAIL
    assert "not set" in result.reason


@pytest.mark.parametrize("subject", [instance(metadata=tokens("optional")), template(metadata=tokens("Optional"))])
def test_optional_tokens_fail(subject: Resource) -> None:
    assert judge(subject).verdict is Verdict.FAIL


def test_a_disabled_metadata_endpoint_passes() -> None:
    metadata = [{"http_endpoint": "disabled", "http_tokens": "optional"}]
    assert judge(instance(metadata=metadata)).verdict is Verdict.PASS


def test_a_block_may_arrive_as_one_dict() -> None:
    """Pulumi sends single blocks as dicts."""
    assert judge(instance(metadata={"http_tokens": "required"})).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "metadata",
    [
        tokens("var.tokens"),
        tokens("${var.tokens}"),
        [{"http_endpoint": "var.endpoint", "http_tokens": "optional"}],
        "var.metadata",
        tokens(True),
        tokens("v2"),
    ],
)
def test_unreadable_settings_are_unknown(metadata: Any) -> None:
    assert judge(instance(metadata=metadata)).verdict is Verdict.UNKNOWN


def test_an_unknown_endpoint_does_not_matter_when_tokens_are_required() -> None:
    metadata = [{"http_endpoint": "var.endpoint", "http_tokens": "required"}]
    assert judge(instance(metadata=metadata)).verdict is Verdict.PASS


def test_a_dynamic_metadata_block_is_unknown() -> None:
    subject = Resource(
        "aws_instance", "aws_instance.i", {"instance_type": "g5.xlarge"}, frozenset({"metadata_options"})
    )
    assert judge(subject).verdict is Verdict.UNKNOWN


# -- launch templates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reference", ["aws_launch_template.t.id", "${aws_launch_template.t.id}", "aws_launch_template.t.name"]
)
def test_an_instance_inherits_type_and_settings_from_its_template(reference: str) -> None:
    field = "name" if reference.endswith(".name") else "id"
    subject = instance(ABSENT, launch_template=[{field: reference}])
    assert judge(subject, template(metadata=tokens("required"))).verdict is Verdict.PASS
    assert judge(subject, template(metadata=tokens("optional"))).verdict is Verdict.FAIL
    assert judge(subject, template("m7i.large", tokens("optional"))).verdict is Verdict.UNKNOWN


def test_a_template_is_found_by_its_literal_name() -> None:
    subject = instance(ABSENT, launch_template=[{"name": "gpu-inference"}])
    attrs = {"name": "gpu-inference", "instance_type": "g5.xlarge", "metadata_options": tokens("required")}
    found = Resource("aws_launch_template", "aws_launch_template.gpu", attrs)
    assert judge(subject, found).verdict is Verdict.PASS


def test_the_instance_setting_overrides_the_template() -> None:
    subject = instance(metadata=tokens("optional"), launch_template=[{"id": "aws_launch_template.t.id"}])
    assert judge(subject, template(metadata=tokens("required"))).verdict is Verdict.FAIL


@pytest.mark.parametrize("launch_template", [[{"id": "lt-0123456789abcdef0"}], [{"id": "var.template_id"}], "var.lt"])
def test_a_template_outside_the_configuration_leaves_unset_settings_unknown(launch_template: Any) -> None:
    assert judge(instance(launch_template=launch_template)).verdict is Verdict.UNKNOWN
    own = instance(metadata=tokens("required"), launch_template=launch_template)
    assert judge(own).verdict is Verdict.PASS


# -- the account-level default ------------------------------------------------------------------------------


def test_an_account_default_of_required_covers_unset_settings() -> None:
    assert judge(instance(), account(http_tokens="required")).verdict is Verdict.PASS
    assert judge(template(), account(http_tokens="required")).verdict is Verdict.PASS


@pytest.mark.parametrize("settings", [{"http_tokens": "optional"}, {"http_tokens": "no-preference"}, {}])
def test_other_account_defaults_leave_imdsv1_allowed(settings: dict[str, Any]) -> None:
    assert judge(instance(), account(**settings)).verdict is Verdict.FAIL


def test_the_instance_setting_overrides_the_account_default() -> None:
    assert judge(instance(metadata=tokens("optional")), account(http_tokens="required")).verdict is Verdict.FAIL


def test_an_account_default_not_known_at_plan_time_is_unknown() -> None:
    assert judge(instance(), account(http_tokens="var.tokens")).verdict is Verdict.UNKNOWN


def test_an_account_default_that_disables_the_endpoint_passes() -> None:
    assert judge(instance(), account(http_endpoint="disabled")).verdict is Verdict.PASS


# -- the real Checkov engine --------------------------------------------------------------------------------

ACCOUNT_REQUIRED = """
resource "aws_ec2_instance_metadata_defaults" "account" {
  http_tokens = "required"
}

resource "aws_instance" "pass_account_default" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "g5.xlarge"
}

resource "aws_instance" "fail_own_optional" {
  ami           = "ami-0a1b2c3d4e5f60001"
  instance_type = "g5.xlarge"

  metadata_options {
    http_tokens = "optional"
  }
}
"""


def _verdicts(findings: set[Any]) -> set[tuple[str, str]]:
    return {(f.verdict, f.address) for f in findings if f.check_id == "CKV2_AISEC_23"}


def test_checkov_applies_the_account_default_in_hcl(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(ACCOUNT_REQUIRED, encoding="utf-8")
    assert _verdicts(scan_hcl(tmp_path, ["CKV2_AISEC_23"])) == {
        ("PASSED", "aws_instance.pass_account_default"),
        ("FAILED", "aws_instance.fail_own_optional"),
    }


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


def test_checkov_applies_the_account_default_in_a_plan(tmp_path: Path) -> None:
    import json

    defaults = {"http_endpoint": "no-preference", "http_put_response_hop_limit": -1, "http_tokens": "required"}
    defaults["instance_metadata_tags"] = "no-preference"
    plan = {
        "format_version": "1.2",
        "terraform_version": "1.9.8",
        "planned_values": {
            "root_module": {
                "resources": [
                    _planned("aws_ec2_instance_metadata_defaults.account", defaults),
                    _planned("aws_instance.pass_account_default", {"ami": "ami-1", "instance_type": "g5.xlarge"}),
                ]
            }
        },
    }
    path = tmp_path / "tfplan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    assert _verdicts(scan_plans([path], tmp_path, ["CKV2_AISEC_23"])) == {
        ("PASSED", "aws_instance.pass_account_default")
    }
