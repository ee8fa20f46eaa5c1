"""CKV_AISEC_7 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.vpc.security_group_ai_ports import AI_TOOL_PORTS, evaluate


def ingress(from_port: Any = 8888, to_port: Any = None, protocol: Any = "tcp", **sources: Any) -> dict[str, Any]:
    block = {"from_port": from_port, "to_port": from_port if to_port is None else to_port, "protocol": protocol}
    if not sources:
        sources = {"cidr_blocks": ["0.0.0.0/0"]}
    return {**block, **sources}


def group(*blocks: Any, dynamic: bool = False, raw: Any = None) -> Resource:
    attrs: dict[str, Any] = {"name": "sg"}
    if raw is not None:
        attrs["ingress"] = raw
    elif blocks:
        attrs["ingress"] = list(blocks)
    return Resource(
        "aws_security_group",
        "aws_security_group.sg",
        attrs,
        frozenset({"ingress"}) if dynamic else frozenset(),
    )


def sg_rule(**attrs: Any) -> Resource:
    base = {"type": "ingress", "security_group_id": "aws_security_group.sg.id", **ingress()}
    return Resource("aws_security_group_rule", "aws_security_group_rule.r", {**base, **attrs})


def vpc_rule(**attrs: Any) -> Resource:
    base = {
        "security_group_id": "aws_security_group.sg.id",
        "ip_protocol": "tcp",
        "from_port": 8888,
        "to_port": 8888,
        "cidr_ipv4": "0.0.0.0/0",
    }
    return Resource("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_ingress_rule.r", {**base, **attrs})


# -- ports and protocols --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("port", "tool"), sorted(AI_TOOL_PORTS.items()))
def test_every_ai_port_open_to_the_world_fails_and_names_its_tool(port: int, tool: str) -> None:
    result = evaluate(group(ingress(port)))
    assert result.verdict is Verdict.FAIL
    assert tool in result.reason and str(port) in result.reason


@pytest.mark.parametrize(("low", "high"), [(22, 22), (443, 443), (8003, 8080), (8083, 8264), (11435, 65535)])
def test_ports_between_and_beside_the_ai_ports_pass(low: int, high: int) -> None:
    assert evaluate(group(ingress(low, high))).verdict is Verdict.PASS


@pytest.mark.parametrize(("low", "high"), [(0, 65535), (1024, 65535), (8080, 8081), (4999, 5001), (11434, 11434)])
def test_tcp_ranges_that_cover_an_ai_port_fail(low: int, high: int) -> None:
    assert evaluate(group(ingress(low, high))).verdict is Verdict.FAIL


@pytest.mark.parametrize("protocol", ["-1", -1, "all", "ALL"])
@pytest.mark.parametrize(("low", "high"), [(0, 0), (22, 22), (None, None)])
def test_all_traffic_fails_whatever_the_ports(protocol: Any, low: Any, high: Any) -> None:
    result = evaluate(group(ingress(low, high, protocol)))
    assert result.verdict is Verdict.FAIL
    assert "all traffic" in result.reason


@pytest.mark.parametrize("protocol", ["tcp", "TCP", "6", 6])
def test_tcp_by_name_or_number_fails(protocol: Any) -> None:
    assert evaluate(group(ingress(7860, protocol=protocol))).verdict is Verdict.FAIL


@pytest.mark.parametrize("protocol", ["udp", "17", 17, "icmp", "1", "icmpv6", "58", "50"])
def test_udp_icmp_and_other_protocols_pass(protocol: Any) -> None:
    assert evaluate(group(ingress(0, 65535, protocol))).verdict is Verdict.PASS


@pytest.mark.parametrize(("low", "high"), [("8888", "8888"), (8888.0, 8888.0)])
def test_ports_as_strings_or_floats_are_read(low: Any, high: Any) -> None:
    assert evaluate(group(ingress(low, high))).verdict is Verdict.FAIL


@pytest.mark.parametrize("port", ["var.port", "${var.port}", "local.port", "ingress.value.port", True, [8888], None])
def test_unreadable_ports_from_the_world_are_unknown(port: Any) -> None:
    assert evaluate(group(ingress(port, port))).verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("protocol", ["var.protocol", "ingress.value.protocol", True, None, {"p": "tcp"}, "sctp"])
def test_unreadable_protocols_from_the_world_are_unknown(protocol: Any) -> None:
    assert evaluate(group(ingress(8888, protocol=protocol))).verdict is Verdict.UNKNOWN


def test_unreadable_ports_from_a_private_range_pass() -> None:
    block = ingress("var.port", "var.port", cidr_blocks=["10.0.0.0/8"])
    assert evaluate(group(block)).verdict is Verdict.PASS


# -- sources --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sources",
    [
        {"cidr_blocks": ["0.0.0.0/0"]},
        {"ipv6_cidr_blocks": ["::/0"]},
        {"ipv6_cidr_blocks": ["::0/0"]},
        {"cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"]},
        {"cidr_blocks": "0.0.0.0/0"},  # Checkov's expansion of a dynamic block unwraps one-item lists
        {"cidr_blocks": ["var.extra", "0.0.0.0/0"]},
    ],
)
def test_the_whole_internet_fails(sources: dict[str, Any]) -> None:
    assert evaluate(group(ingress(**sources))).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "sources",
    [
        {"cidr_blocks": ["10.0.0.0/8"]},
        {"cidr_blocks": ["203.0.113.0/24"], "ipv6_cidr_blocks": ["2001:db8::/32"]},
        {"cidr_blocks": ["0.0.0.0/1", "128.0.0.0/1"]},  # not a /0; other rules cover half-internet tricks
        {"security_groups": ["sg-0123456789abcdef0"]},
        {"cidr_blocks": [], "security_groups": ["aws_security_group.lb.id"]},
        {"prefix_list_ids": ["pl-0123456789abcdef0"]},
        {"self": True},
    ],
)
def test_limited_sources_pass(sources: dict[str, Any]) -> None:
    assert evaluate(group(ingress(**sources))).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "cidrs",
    ["var.allowed_cidrs", ["var.office_cidr"], ["${var.office_cidr}"], ["ingress.value.cidr"], [42], [None], {"a": 1}],
)
def test_unreadable_cidrs_are_unknown(cidrs: Any) -> None:
    result = evaluate(group(ingress(cidr_blocks=cidrs)))
    assert result.verdict is Verdict.UNKNOWN


def test_no_source_at_all_is_unknown_because_checkov_reads_typed_list_variables_as_empty() -> None:
    result = evaluate(group(ingress(cidr_blocks=[], ipv6_cidr_blocks=[], security_groups=[], self=False)))
    assert result.verdict is Verdict.UNKNOWN
    assert "no source" in result.reason


def test_no_source_on_a_non_ai_port_passes() -> None:
    assert evaluate(group(ingress(443, cidr_blocks=[]))).verdict is Verdict.PASS


# -- aws_security_group: blocks, wrong shapes, dynamic blocks ------------------------------------------------------


@pytest.mark.parametrize("raw", [None, []])
def test_no_inline_ingress_passes(raw: Any) -> None:
    resource = Resource("aws_security_group", "aws_security_group.sg", {"name": "sg", "ingress": raw})
    assert evaluate(resource).verdict is Verdict.PASS


def test_one_failing_block_among_passing_ones_fails_and_is_named() -> None:
    result = evaluate(group(ingress(443), ingress(22, cidr_blocks=["10.0.0.0/8"]), ingress(6006)))
    assert result.verdict is Verdict.FAIL
    assert "ingress #3" in result.reason and "TensorBoard" in result.reason


def test_a_single_block_given_as_a_dict_is_judged() -> None:
    assert evaluate(group(raw=ingress(8265))).verdict is Verdict.FAIL


@pytest.mark.parametrize("raw", ["var.ingress_rules", 5, ["not a block"], [[ingress()]]])
def test_ingress_that_is_not_a_block_is_unknown(raw: Any) -> None:
    assert evaluate(group(raw=raw)).verdict is Verdict.UNKNOWN


def test_unexpanded_dynamic_ingress_is_unknown_and_says_so() -> None:
    block = ingress("ingress.value.port", "ingress.value.port", cidr_blocks=["ingress.value.cidr"])
    result = evaluate(group(block, dynamic=True))
    assert result.verdict is Verdict.UNKNOWN
    assert "dynamic" in result.reason


def test_dynamic_ingress_without_any_content_is_unknown() -> None:
    assert evaluate(group(dynamic=True)).verdict is Verdict.UNKNOWN


def test_dynamic_ingress_expanded_by_checkov_is_judged() -> None:
    blocks = [ingress(8888, cidr_blocks="0.0.0.0/0"), ingress(22, cidr_blocks="0.0.0.0/0")]
    assert evaluate(group(*blocks, dynamic=True)).verdict is Verdict.FAIL


def test_unexpanded_dynamic_ingress_does_not_hide_a_static_failure() -> None:
    result = evaluate(group(ingress("ingress.value", "ingress.value"), ingress(11434), dynamic=True))
    assert result.verdict is Verdict.FAIL
    assert "Ollama" in result.reason


# -- aws_security_group_rule -----------------------------------------------------------------------------------


def test_ingress_rule_to_an_ai_port_fails() -> None:
    result = evaluate(sg_rule(from_port=5000, to_port=5000))
    assert result.verdict is Verdict.FAIL
    assert "MLflow" in result.reason


def test_egress_rules_pass_whatever_they_allow() -> None:
    assert evaluate(sg_rule(type="egress", protocol="-1", from_port=0, to_port=0)).verdict is Verdict.PASS


@pytest.mark.parametrize("rule_type", ["var.rule_type", None, "", 1, ["ingress"]])
def test_unreadable_rule_type_is_unknown(rule_type: Any) -> None:
    assert evaluate(sg_rule(type=rule_type)).verdict is Verdict.UNKNOWN


def test_rule_from_a_source_security_group_passes() -> None:
    resource = sg_rule(cidr_blocks=None, source_security_group_id="aws_security_group.lb.id")
    assert evaluate(resource).verdict is Verdict.PASS


# -- aws_vpc_security_group_ingress_rule ---------------------------------------------------------------------------


def test_vpc_rule_all_protocols_without_ports_fails() -> None:
    result = evaluate(vpc_rule(ip_protocol="-1", from_port=None, to_port=None))
    assert result.verdict is Verdict.FAIL


def test_vpc_rule_ipv6_world_fails() -> None:
    assert evaluate(vpc_rule(cidr_ipv4=None, cidr_ipv6="::/0", from_port=8265, to_port=8265)).verdict is Verdict.FAIL


@pytest.mark.parametrize(
    "source",
    [
        {"cidr_ipv4": "203.0.113.0/24"},
        {"cidr_ipv4": None, "referenced_security_group_id": "aws_security_group.lb.id"},
        {"cidr_ipv4": None, "prefix_list_id": "pl-0123456789abcdef0"},
    ],
)
def test_vpc_rule_limited_sources_pass(source: dict[str, Any]) -> None:
    assert evaluate(vpc_rule(**source)).verdict is Verdict.PASS


def test_vpc_rule_cidr_from_a_variable_is_unknown() -> None:
    assert evaluate(vpc_rule(cidr_ipv4="var.office_cidr")).verdict is Verdict.UNKNOWN


def test_vpc_rule_tcp_without_ports_is_unknown() -> None:
    assert evaluate(vpc_rule(from_port=None, to_port=None)).verdict is Verdict.UNKNOWN


def test_vpc_rule_cidr_given_as_a_list_is_still_read() -> None:
    assert evaluate(vpc_rule(cidr_ipv4=["0.0.0.0/0"])).verdict is Verdict.FAIL


def test_unknown_resource_type_is_unknown() -> None:
    assert evaluate(Resource("aws_network_acl_rule", "x", {})).verdict is Verdict.UNKNOWN
