"""CKV2_AISEC_15 edge cases: the rule's logic on hand-built graphs, and the real Checkov engine on the cases
that cannot live in the shared example folder (Checkov builds one graph for the whole scan, so settings whose
stage or API is an unresolved variable would decide every stage of every example)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.apigateway.api_gateway_stage_throttling import evaluate
from tests.scanning import scan_hcl

THROTTLED = [{"throttling_rate_limit": 50, "throttling_burst_limit": 100}]
API = "aws_api_gateway_rest_api.inference.id"


def stage(name: str = "prod", stage_name: Any = "prod", api: Any = API) -> Resource:
    return Resource(
        "aws_api_gateway_stage", f"aws_api_gateway_stage.{name}", {"rest_api_id": api, "stage_name": stage_name}
    )


def settings(name: str, stage_name: Any, path: Any = "*/*", block: Any = THROTTLED, api: Any = API) -> Resource:
    attrs = {"rest_api_id": api, "stage_name": stage_name, "method_path": path, "settings": block}
    return Resource("aws_api_gateway_method_settings", f"aws_api_gateway_method_settings.{name}", attrs)


REST_APIS = [
    Resource("aws_api_gateway_rest_api", "aws_api_gateway_rest_api.inference", {"name": "inference"}),
    Resource("aws_api_gateway_rest_api", "aws_api_gateway_rest_api.admin", {"name": "admin"}),
]


def judge(target: Resource, *others: Resource) -> Any:
    return evaluate(target, Graph([*REST_APIS, target, *others]))


# -- matching settings to the stage ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "stage_name",
    ["aws_api_gateway_stage.prod.stage_name", "${aws_api_gateway_stage.prod.stage_name}", "prod"],
)
def test_stage_wide_throttling_by_reference_or_literal_name_passes(stage_name: str) -> None:
    result = judge(stage(), settings("all", stage_name))
    assert result.verdict is Verdict.PASS
    assert result.reason == "aws_api_gateway_method_settings.all throttles at 50 requests per second, burst 100"


def test_a_stage_with_count_is_matched_by_its_base_address() -> None:
    target = Resource("aws_api_gateway_stage", "aws_api_gateway_stage.prod[0]", {"rest_api_id": API, "stage_name": "p"})
    assert judge(target, settings("all", "aws_api_gateway_stage.prod[0].stage_name")).verdict is Verdict.PASS


def test_no_settings_fails() -> None:
    result = judge(stage())
    assert result.verdict is Verdict.FAIL
    assert result.reason == "no aws_api_gateway_method_settings with method_path */* for stage prod"


def test_settings_of_another_stage_do_not_count() -> None:
    other = stage("staging", "staging")
    assert judge(stage(), other, settings("s", "aws_api_gateway_stage.staging.stage_name")).verdict is Verdict.FAIL
    assert judge(stage(), other, settings("s", "staging")).verdict is Verdict.FAIL


def test_same_stage_name_on_another_api_does_not_count() -> None:
    other_api = settings("admin", "prod", api="aws_api_gateway_rest_api.admin.id")
    assert judge(stage(), other_api).verdict is Verdict.FAIL


def test_literal_api_ids_are_compared() -> None:
    target = stage(api="a1b2c3d4e5")
    assert judge(target, settings("all", "prod", api="a1b2c3d4e5")).verdict is Verdict.PASS
    assert judge(target, settings("all", "prod", api="zzzzzzzzzz")).verdict is Verdict.FAIL


def test_a_literal_id_cannot_name_an_api_this_configuration_creates() -> None:
    assert judge(stage(), settings("all", "prod", api="a1b2c3d4e5")).verdict is Verdict.FAIL


def test_a_literal_id_may_name_an_api_read_by_a_data_source() -> None:
    target = stage(api="data.aws_api_gateway_rest_api.shared.id")
    assert judge(target, settings("all", "prod", api="a1b2c3d4e5")).verdict is Verdict.UNKNOWN


# -- what the matched settings say ---------------------------------------------------------------------------


def test_only_method_specific_settings_fail_and_are_named() -> None:
    result = judge(stage(), settings("invoke", "prod", path="invoke/POST"))
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith("only invoke/POST have method settings")


@pytest.mark.parametrize(
    "block",
    [
        [{"metrics_enabled": True}],
        [{"throttling_rate_limit": -1, "throttling_burst_limit": -1}],
        [{"throttling_rate_limit": 50}],
        [{"throttling_rate_limit": 0, "throttling_burst_limit": 0}],
        None,
    ],
)
def test_stage_wide_settings_without_positive_limits_fail(block: Any) -> None:
    assert judge(stage(), settings("all", "prod", block=block)).verdict is Verdict.FAIL


def test_a_leading_slash_in_the_method_path_is_accepted() -> None:
    assert judge(stage(), settings("all", "prod", path="/*/*")).verdict is Verdict.PASS


def test_two_stage_wide_settings_overwrite_each_other_so_both_must_throttle() -> None:
    weak = settings("weak", "prod", block=[{"metrics_enabled": True}])
    result = judge(stage(), settings("all", "prod"), weak)
    assert result.verdict is Verdict.FAIL
    assert result.reason.startswith("aws_api_gateway_method_settings.weak: throttling_rate_limit is unset")


def test_method_settings_next_to_stage_wide_ones_do_not_matter_here() -> None:
    single = settings("invoke", "prod", path="invoke/POST", block=[{"metrics_enabled": True}])
    assert judge(stage(), settings("all", "prod"), single).verdict is Verdict.PASS


# -- values not known at plan time ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "other",
    [
        settings("maybe", "var.stage"),
        settings("maybe", "prod", api="var.api_id"),
        settings("maybe", "local.stage", api="module.api.id"),
    ],
)
def test_settings_that_may_belong_to_the_stage_make_it_unknown(other: Resource) -> None:
    result = judge(stage(), other)
    assert result.verdict is Verdict.UNKNOWN
    assert result.reason.startswith("aws_api_gateway_method_settings.maybe may cover this stage")


def test_an_unknown_method_path_is_unknown() -> None:
    result = judge(stage(), settings("maybe", "prod", path="var.path"))
    assert result.verdict is Verdict.UNKNOWN
    assert "method_path" in result.reason


def test_a_stage_whose_name_is_not_known_may_match_literal_settings() -> None:
    assert judge(stage(stage_name="var.stage"), settings("all", "prod")).verdict is Verdict.UNKNOWN


def test_settings_that_cannot_belong_do_not_make_it_unknown() -> None:
    other_api = settings("admin", "var.stage", api="aws_api_gateway_rest_api.admin.id")
    assert judge(stage(), other_api).verdict is Verdict.FAIL


def test_known_stage_wide_throttling_wins_over_undecided_settings() -> None:
    assert judge(stage(), settings("all", "prod"), settings("maybe", "var.stage")).verdict is Verdict.PASS


# -- odd input ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "attrs",
    [
        {"rest_api_id": [API], "stage_name": "prod", "method_path": "*/*", "settings": THROTTLED},
        {"rest_api_id": API, "stage_name": 42, "method_path": "*/*", "settings": THROTTLED},
        {"rest_api_id": API, "stage_name": "prod", "method_path": ["*/*"], "settings": THROTTLED},
        {"rest_api_id": None, "stage_name": None, "method_path": None, "settings": "x"},
    ],
)
def test_wrong_types_never_raise(attrs: dict[str, Any]) -> None:
    odd = Resource("aws_api_gateway_method_settings", "aws_api_gateway_method_settings.odd", attrs)
    assert judge(stage(), odd).verdict in (Verdict.FAIL, Verdict.UNKNOWN)


@pytest.mark.parametrize("stage_name", [None, "", 42, ["prod"]])
def test_a_stage_without_a_usable_name_is_still_matched_by_reference(stage_name: Any) -> None:
    target = stage(stage_name=stage_name)
    assert judge(target, settings("all", "aws_api_gateway_stage.prod.stage_name")).verdict is Verdict.PASS


def test_a_pulumi_stage_without_rest_api_id_gets_no_verdict_from_a_literal_name() -> None:
    target = Resource("aws_api_gateway_stage", "aws_api_gateway_stage.prod", {"rest_api": "abc", "stage_name": "prod"})
    other = Resource(
        "aws_api_gateway_method_settings",
        "aws_api_gateway_method_settings.all",
        {"rest_api": "abc", "stage_name": "prod", "method_path": "*/*", "settings": THROTTLED},
    )
    assert evaluate(target, Graph([target, other])).verdict is Verdict.UNKNOWN


# -- the real engine: cases that would decide every stage of the shared examples ---------------------------------

UNRESOLVED_STAGE_HCL = """
variable "stage_name" {
  type = string
}

resource "aws_api_gateway_rest_api" "api" {
  name = "example"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "unknown_maybe_throttled" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "maybe" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = var.stage_name
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 50
    throttling_burst_limit = 100
  }
}

resource "aws_api_gateway_stage" "pass_own_settings" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "staging"
}

resource "aws_api_gateway_method_settings" "own" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.pass_own_settings.stage_name
  method_path = "*/*"
  settings {
    throttling_rate_limit  = 5
    throttling_burst_limit = 10
  }
}
"""


def test_checkov_hcl_scan_with_settings_for_an_unresolved_stage(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(UNRESOLVED_STAGE_HCL, encoding="utf-8")
    found = {(f.verdict, f.address) for f in scan_hcl(tmp_path) if f.check_id == "CKV2_AISEC_15"}
    assert found == {("PASSED", "aws_api_gateway_stage.pass_own_settings")}
