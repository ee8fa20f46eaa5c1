"""CKV2_AISEC_10 edge cases: regions, provider configurations and modules, and a configuration without any
logging configuration (which cannot share the example folder with the passing cases)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from policies.aws_regions import Region, region_of, same_region
from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.bedrock.bedrock_invocation_logging_enabled import evaluate
from tests.scanning import scan_hcl, scan_plans

LOGGING = "aws_bedrock_model_invocation_logging_configuration"


def agent(address: str = "aws_bedrockagent_agent.a", **attrs: Any) -> Resource:
    return Resource("aws_bedrockagent_agent", address, {"agent_name": "a", **attrs})


def logging(name: str = "this", address: str | None = None, **attrs: Any) -> Resource:
    config = {"logging_config": [{"s3_config": [{"bucket_name": "logs"}]}], **attrs}
    return Resource(LOGGING, address or f"{LOGGING}.{name}", config)


def judge(subject: Resource, *others: Resource) -> Any:
    return evaluate(subject, Graph([subject, *others]))


def test_no_logging_configuration_fails() -> None:
    result = judge(agent())
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith(f"no {LOGGING} in this configuration")


@pytest.mark.parametrize(
    ("subject", "configuration"),
    [
        ({}, {}),
        ({"region": "eu-west-1"}, {"region": "eu-west-1"}),
        ({"region": "EU-WEST-1 "}, {"region": "eu-west-1"}),
        ({"provider": "aws.ireland"}, {"provider": "aws.ireland"}),
        ({"provider": "${aws.ireland}"}, {"provider": "aws.ireland"}),
        ({"provider": "aws"}, {}),
    ],
)
def test_a_logging_configuration_in_the_same_region_passes(subject: dict, configuration: dict) -> None:
    assert judge(agent(**subject), logging(**configuration)).verdict is Verdict.PASS


def test_one_covering_configuration_is_enough() -> None:
    result = judge(agent(region="eu-west-1"), logging("a", region="us-east-1"), logging("b", region="eu-west-1"))
    assert result.verdict is Verdict.PASS
    assert f"{LOGGING}.b" in result.reason


def test_configurations_only_in_other_regions_fail() -> None:
    result = judge(agent(region="ap-southeast-2"), logging("a", region="us-east-1"), logging("b", region="eu-west-1"))
    assert result.verdict is Verdict.FAIL
    assert result.reason == f"no {LOGGING} in ap-southeast-2; invocation logging is configured in eu-west-1, us-east-1"


@pytest.mark.parametrize(
    ("subject", "configuration"),
    [
        ({"region": "eu-west-1"}, {}),  # the provider's default region might be eu-west-1
        ({}, {"region": "eu-west-1"}),
        ({"provider": "aws.ireland"}, {}),  # two provider configurations may share a region
        ({"region": "var.region"}, {"region": "eu-west-1"}),
        ({"region": "eu-west-1"}, {"region": "${var.region}"}),
        ({"region": "aws_ssm_parameter.region.value"}, {}),
        ({"region": 42}, {}),
        ({"provider": "var.provider"}, {}),
    ],
)
def test_regions_the_configuration_does_not_decide_are_unknown(subject: dict, configuration: dict) -> None:
    assert judge(agent(**subject), logging(**configuration)).verdict is Verdict.UNKNOWN


def test_a_known_covering_configuration_wins_over_undecidable_ones() -> None:
    result = judge(agent(region="eu-west-1"), logging("a"), logging("b", region="eu-west-1"))
    assert result.verdict is Verdict.PASS


def test_the_default_provider_of_a_module_is_not_the_root_default_provider() -> None:
    """A module's `aws` provider may be any provider configuration the caller passes in."""
    subject = agent("module.assistant.aws_bedrockagent_agent.a")
    assert judge(subject, logging()).verdict is Verdict.UNKNOWN
    in_module = logging(address=f"module.assistant.{LOGGING}.this")
    assert judge(subject, in_module).verdict is Verdict.PASS
    indexed = agent('module.assistant["eu"].aws_bedrockagent_agent.a')
    assert judge(indexed, in_module).verdict is Verdict.PASS


@pytest.mark.parametrize(
    "subject_type", ["aws_bedrockagent_knowledge_base", "aws_bedrock_guardrail", "aws_bedrock_custom_model"]
)
def test_every_bedrock_type_is_judged_the_same_way(subject_type: str) -> None:
    subject = Resource(subject_type, f"{subject_type}.x", {"region": "sa-east-1"})
    assert judge(subject, logging(region="us-east-1")).verdict is Verdict.FAIL
    assert judge(subject, logging(region="sa-east-1")).verdict is Verdict.PASS


def test_region_helpers() -> None:
    assert region_of(agent(region="us-east-1")) == Region(name="us-east-1")
    assert region_of(agent()) == Region(provider="aws")
    assert region_of(agent("module.m.aws_bedrockagent_agent.a", provider="aws.west")) == Region(
        provider="module.m.aws.west"
    )
    assert region_of(agent(region="var.r")) is None
    assert same_region(Region(name="a"), Region(name="b")) is False
    assert same_region(Region(provider="aws"), Region(provider="aws")) is True
    assert same_region(Region(provider="aws"), Region(name="a")) is None
    assert same_region(None, Region(name="a")) is None


# -- the real engine: a configuration with Bedrock resources and no logging configuration --------------------

NO_LOGGING_HCL = """
resource "aws_bedrock_guardrail" "fail_no_invocation_logging" {
  name                      = "unlogged-filters"
  blocked_input_messaging   = "Sorry, I can't help with that request."
  blocked_outputs_messaging = "Sorry, I can't share that."
}

resource "aws_bedrockagent_agent" "fail_no_invocation_logging" {
  agent_name              = "unlogged-agent"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/bedrock-agent"
  foundation_model        = "anthropic.claude-3-haiku-20240307-v1:0"
}
"""

EXPECTED = {
    ("FAILED", "aws_bedrock_guardrail.fail_no_invocation_logging"),
    ("FAILED", "aws_bedrockagent_agent.fail_no_invocation_logging"),
}


def _verdicts(findings: set[Any]) -> set[tuple[str, str]]:
    return {(f.verdict, f.address) for f in findings if f.check_id == "CKV2_AISEC_10"}


ROOT_MARKERS = {
    "provider": 'provider "aws" {\n  region = "eu-west-1"\n}\n',
    "backend": 'terraform {\n  backend "s3" {\n    bucket = "example-state"\n    key    = "ml.tfstate"\n  }\n}\n',
    "cloud": (
        'terraform {\n  cloud {\n    organization = "example"\n    workspaces {\n      name = "ml"\n    }\n  }\n}\n'
    ),
}
MODULE_MARKER = 'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n'


@pytest.mark.parametrize("marker", list(ROOT_MARKERS))
def test_checkov_hcl_scan_of_a_root_configuration_without_logging_configuration(tmp_path: Path, marker: str) -> None:
    (tmp_path / "main.tf").write_text(ROOT_MARKERS[marker] + NO_LOGGING_HCL, encoding="utf-8")
    assert _verdicts(scan_hcl(tmp_path)) == EXPECTED


@pytest.mark.parametrize("marker", ["", MODULE_MARKER], ids=["no_terraform_block", "required_providers_only"])
def test_a_reusable_module_is_not_required_to_configure_invocation_logging(tmp_path: Path, marker: str) -> None:
    """An account-level singleton lives in one root configuration; a module without it gets no verdict."""
    (tmp_path / "main.tf").write_text(marker + NO_LOGGING_HCL, encoding="utf-8")
    assert _verdicts(scan_hcl(tmp_path)) == set()


def test_in_a_reusable_module_only_the_failure_becomes_no_verdict() -> None:
    subject = agent(region="eu-west-1")
    assert evaluate(subject, Graph([subject], is_root=False)).verdict is Verdict.UNKNOWN
    assert "reusable module" in evaluate(subject, Graph([subject], is_root=False)).reason
    covered = Graph([subject, logging(region="eu-west-1")], is_root=False)
    assert evaluate(subject, covered).verdict is Verdict.PASS
    elsewhere = Graph([subject, logging(region="us-east-1")], is_root=False)
    assert evaluate(subject, elsewhere).verdict is Verdict.UNKNOWN


def test_checkov_plan_scan_without_logging_configuration(tmp_path: Path) -> None:
    def planned(address: str, values: dict[str, Any]) -> dict[str, Any]:
        type_, name = address.split(".")
        return {
            "address": address,
            "mode": "managed",
            "type": type_,
            "name": name,
            "provider_name": "registry.terraform.io/hashicorp/aws",
            "schema_version": 0,
            "values": {**values, "region": "us-east-1"},
            "sensitive_values": {},
        }

    resources = [
        planned("aws_bedrock_guardrail.fail_no_invocation_logging", {"name": "unlogged-filters"}),
        planned("aws_bedrockagent_agent.fail_no_invocation_logging", {"agent_name": "unlogged-agent"}),
    ]
    plan = {
        "format_version": "1.2",
        "terraform_version": "1.9.8",
        "planned_values": {"root_module": {"resources": resources}},
        "resource_changes": [],
        "configuration": {"root_module": {"resources": []}},
    }
    path = tmp_path / "tfplan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    assert _verdicts(scan_plans([path], tmp_path)) == EXPECTED
