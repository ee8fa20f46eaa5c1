"""CKV2_AISEC_22 edge cases, judged by calling the rule's logic on hand-built graphs."""

from __future__ import annotations

from typing import Any

import pytest

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.ec2.gpu_instance_no_public_ip import evaluate

ABSENT = object()


def instance(instance_type: Any = "g5.xlarge", name: str = "i", **attrs: Any) -> Resource:
    values: dict[str, Any] = {"ami": "ami-1", **attrs}
    if instance_type is not ABSENT:
        values["instance_type"] = instance_type
    return Resource("aws_instance", f"aws_instance.{name}", values)


def template(instance_type: Any = "g5.xlarge", interfaces: Any = ABSENT, name: str = "t") -> Resource:
    values: dict[str, Any] = {"image_id": "ami-1"}
    if instance_type is not ABSENT:
        values["instance_type"] = instance_type
    if interfaces is not ABSENT:
        values["network_interfaces"] = interfaces
    return Resource("aws_launch_template", f"aws_launch_template.{name}", values)


def subnet(name: str, public: Any = ABSENT, resource_type: str = "aws_subnet") -> Resource:
    values: dict[str, Any] = {"cidr_block": "10.0.1.0/24"}
    if public is not ABSENT:
        values["map_public_ip_on_launch"] = public
    return Resource(resource_type, f"{resource_type}.{name}", values)


def judge(subject: Resource, *others: Resource) -> Any:
    return evaluate(subject, Graph([subject, *others]))


PRIVATE = subnet("private")
PUBLIC = subnet("public", True)


# -- instances ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("public", [ABSENT, False, "false"])
def test_a_private_subnet_passes(public: Any) -> None:
    assert judge(instance(subnet_id="aws_subnet.s.id"), subnet("s", public)).verdict is Verdict.PASS


@pytest.mark.parametrize("public", [True, "true"])
def test_a_subnet_that_maps_public_addresses_fails(public: Any) -> None:
    result = judge(instance(subnet_id="aws_subnet.s.id"), subnet("s", public))
    assert result.verdict is Verdict.FAIL
    assert "aws_subnet.s" in result.reason


def test_default_subnets_map_public_addresses_unless_told_otherwise() -> None:
    subject = instance(subnet_id="aws_default_subnet.a.id")
    assert judge(subject, subnet("a", resource_type="aws_default_subnet")).verdict is Verdict.FAIL
    assert judge(subject, subnet("a", False, resource_type="aws_default_subnet")).verdict is Verdict.PASS


def test_no_subnet_means_the_default_vpc_and_fails() -> None:
    result = judge(instance())
    assert result.verdict is Verdict.FAIL
    assert "default VPC" in result.reason


@pytest.mark.parametrize("value", [True, "true"])
def test_asking_for_a_public_address_fails_in_any_subnet(value: Any) -> None:
    result = judge(instance(subnet_id="aws_subnet.private.id", associate_public_ip_address=value), PRIVATE)
    assert result.verdict is Verdict.FAIL


@pytest.mark.parametrize("value", [False, "false"])
def test_turning_the_address_off_passes_in_any_subnet(value: Any) -> None:
    subject = instance(subnet_id="aws_subnet.public.id", associate_public_ip_address=value)
    assert judge(subject, PUBLIC).verdict is Verdict.PASS
    assert judge(instance(associate_public_ip_address=value)).verdict is Verdict.PASS


@pytest.mark.parametrize(
    ("resource_type", "attribute"), [("aws_eip", "instance"), ("aws_eip_association", "instance_id")]
)
def test_an_elastic_ip_fails_the_instance(resource_type: str, attribute: str) -> None:
    eip = Resource(resource_type, f"{resource_type}.e", {attribute: "aws_instance.i.id"})
    subject = instance(subnet_id="aws_subnet.private.id", associate_public_ip_address=False)
    result = judge(subject, PRIVATE, eip)
    assert result.verdict is Verdict.FAIL
    assert "Elastic IP" in result.reason


def test_an_elastic_ip_for_another_instance_does_not_count() -> None:
    eip = Resource("aws_eip", "aws_eip.e", {"instance": "aws_instance.other.id"})
    assert judge(instance(subnet_id="aws_subnet.private.id"), PRIVATE, eip).verdict is Verdict.PASS


def test_an_elastic_ip_with_an_unknown_target_leaves_a_pass_open() -> None:
    eip = Resource("aws_eip", "aws_eip.e", {"instance": "var.instance_id"})
    assert judge(instance(subnet_id="aws_subnet.private.id"), PRIVATE, eip).verdict is Verdict.UNKNOWN
    assert judge(instance(), eip).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "attrs",
    [
        {"subnet_id": "var.subnet_id"},
        {"subnet_id": "subnet-0123456789abcdef0"},
        {"subnet_id": "data.aws_subnet.private.id"},
        {"subnet_id": "aws_subnet.elsewhere.id"},
        {"associate_public_ip_address": "var.public"},
        {"subnet_id": "aws_subnet.s.id", "network_interface": [{"network_interface_id": "eni-1", "device_index": 0}]},
    ],
)
def test_what_cannot_be_known_here_is_unknown(attrs: dict[str, Any]) -> None:
    assert judge(instance(**attrs), subnet("s")).verdict is Verdict.UNKNOWN


def test_a_subnet_setting_not_known_at_plan_time_is_unknown() -> None:
    assert judge(instance(subnet_id="aws_subnet.s.id"), subnet("s", "var.public")).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("value", [1, "yes", ["true"]])
def test_wrong_types_are_unknown(value: Any) -> None:
    assert judge(instance(associate_public_ip_address=value)).verdict is Verdict.UNKNOWN


def test_other_instance_types_get_no_verdict() -> None:
    result = judge(instance("m7i.large", associate_public_ip_address=True))
    assert result.verdict is Verdict.UNKNOWN
    assert "does not judge" in result.reason


# -- launch templates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [False, "false"])
def test_a_template_that_turns_the_address_off_passes(value: Any) -> None:
    assert judge(template(interfaces=[{"associate_public_ip_address": value}])).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "interfaces",
    [
        [{"associate_public_ip_address": "true"}],
        [{"associate_public_ip_address": "false"}, {"device_index": 1, "associate_public_ip_address": True}],
        {"associate_public_ip_address": True},
    ],
)
def test_a_template_that_asks_for_an_address_fails(interfaces: Any) -> None:
    assert judge(template(interfaces=interfaces)).verdict is Verdict.FAIL


def test_a_template_is_judged_by_its_subnet_when_it_names_one() -> None:
    assert judge(template(interfaces=[{"subnet_id": "aws_subnet.public.id"}]), PUBLIC).verdict is Verdict.FAIL
    assert judge(template(interfaces=[{"subnet_id": "aws_subnet.private.id"}]), PRIVATE).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "interfaces", [ABSENT, [], [{}], [{"device_index": 1, "subnet_id": "aws_subnet.private.id"}], "var.interfaces"]
)
def test_a_template_without_subnet_or_setting_is_unknown(interfaces: Any) -> None:
    """The Auto Scaling group, node group or instance that uses the template picks the subnet."""
    assert judge(template(interfaces=interfaces), PRIVATE).verdict is Verdict.UNKNOWN


def test_a_dynamic_interface_block_is_unknown() -> None:
    subject = Resource(
        "aws_launch_template",
        "aws_launch_template.t",
        {"instance_type": "g5.xlarge"},
        frozenset({"network_interfaces"}),
    )
    assert judge(subject).verdict is Verdict.UNKNOWN


# -- instances from launch templates ------------------------------------------------------------------------


def test_an_instance_inherits_its_templates_interface() -> None:
    subject = instance(ABSENT, launch_template=[{"id": "aws_launch_template.t.id"}])
    off = template(interfaces=[{"associate_public_ip_address": False}])
    on = template(interfaces=[{"associate_public_ip_address": True}])
    assert judge(subject, off).verdict is Verdict.PASS
    assert judge(subject, on).verdict is Verdict.FAIL


def test_an_instance_uses_its_templates_subnet() -> None:
    subject = instance(ABSENT, launch_template=[{"id": "aws_launch_template.t.id"}])
    assert judge(subject, template(interfaces=[{"subnet_id": "aws_subnet.public.id"}]), PUBLIC).verdict is Verdict.FAIL
    no_subnet = template(interfaces=ABSENT)
    assert judge(subject, no_subnet).verdict is Verdict.FAIL  # the default VPC


def test_an_instance_setting_overrides_its_template() -> None:
    subject = instance(launch_template=[{"id": "aws_launch_template.t.id"}], associate_public_ip_address=False)
    assert judge(subject, template(interfaces=[{"associate_public_ip_address": True}])).verdict is Verdict.PASS


def test_a_template_outside_the_configuration_is_unknown_unless_the_instance_decides() -> None:
    subject = instance(launch_template=[{"id": "lt-0123456789abcdef0"}])
    assert judge(subject).verdict is Verdict.UNKNOWN
    assert judge(instance(launch_template=[{"id": "lt-1"}], subnet_id="aws_subnet.private.id"), PRIVATE).verdict is (
        Verdict.PASS
    )
