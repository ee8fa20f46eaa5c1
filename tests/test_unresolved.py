"""Resources a configuration never creates get no verdict, gates Checkov cannot evaluate give UNKNOWN, and
function calls are not values: the real Checkov engine over small Terraform configurations."""

from __future__ import annotations

from pathlib import Path

import pytest
from checkov.runner_filter import RunnerFilter
from checkov.terraform.runner import Runner as TerraformRunner

from policies import checkov_gates
from policies.cli import CHECKS_DIR
from policies.hcl_expressions import UNKNOWN, Reference, evaluate
from policies.model import is_reference, is_unresolved
from tests.scanning import scan_hcl

NOTEBOOK_KMS = "CKV_AISEC_11"
AGENT_GUARDRAIL = "CKV_AISEC_32"
PUBLIC_ACCESS_BLOCK = "CKV2_AISEC_1"

PROVIDER = 'provider "aws" {\n  region = "us-east-1"\n}\n'

VARIABLES = """
variable "kms_key_id" {
  type    = string
  default = null
}
variable "required_kms" {
  type = string
}
variable "create" {
  type    = bool
  default = false
}
variable "enabled" {
  type    = bool
  default = true
}
variable "cfg" {
  type    = map(string)
  default = {}
}
variable "cfg_with_key" {
  type    = map(string)
  default = { kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/abc" }
}
variable "guardrail" {
  type    = object({ id = string, version = string })
  default = null
}
locals {
  settings = { instance_type = "ml.t3.medium" }
}
"""


def notebook(name: str, body: str) -> str:
    return f"""
resource "aws_sagemaker_notebook_instance" "{name}" {{
  name          = "{name}"
  role_arn      = "arn:aws:iam::111122223333:role/notebook"
  instance_type = "ml.t3.medium"
{body}
}}
"""


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "main.tf").write_text(text, encoding="utf-8")
    return folder


def verdicts(root: Path, check: str) -> set[tuple[str, str]]:
    return {(finding.verdict, finding.address) for finding in scan_hcl(root, checks=[check])}


def details(root: Path, check: str) -> dict[str, str]:
    """address -> the reason Checkov reports for a resource rule."""
    report = TerraformRunner().run(
        root_folder=str(root),
        external_checks_dir=[str(CHECKS_DIR)],
        runner_filter=RunnerFilter(framework=["terraform"], checks=[check]),
    )
    return {record.resource: " ".join(record.details) for record in report.failed_checks + report.passed_checks}


def test_a_null_default_leaves_the_setting_unset_and_a_required_input_stays_unknown(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        VARIABLES
        + notebook("fail_null_default", "  kms_key_id = var.kms_key_id")
        + notebook("unknown_required_input", "  kms_key_id = var.required_kms")
        + notebook("fail_conditional_null", '  kms_key_id = var.create ? "arn:aws:kms:us-east-1:1:key/k" : null'),
    )
    assert verdicts(root, NOTEBOOK_KMS) == {
        ("FAILED", "aws_sagemaker_notebook_instance.fail_null_default"),
        ("FAILED", "aws_sagemaker_notebook_instance.fail_conditional_null"),
    }
    reasons = details(root, NOTEBOOK_KMS)
    assert reasons["aws_sagemaker_notebook_instance.fail_null_default"].endswith(
        "(kms_key_id is unset with the module's defaults: var.kms_key_id defaults to null)"
    )
    assert "var.create defaults to false" in reasons["aws_sagemaker_notebook_instance.fail_conditional_null"]


def test_function_calls_are_evaluated_from_the_defaults_or_unknown(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        VARIABLES
        + notebook("fail_lookup_empty_map", '  kms_key_id = lookup(var.cfg, "kms_key_id", null)')
        + notebook("pass_lookup_default_map", '  kms_key_id = lookup(var.cfg_with_key, "kms_key_id", null)')
        + notebook("fail_try_missing_key", '  kms_key_id = try(var.cfg["kms_key_id"], null)')
        + notebook("unknown_coalesce_required", "  kms_key_id = coalesce(var.kms_key_id, var.required_kms)")
        + notebook("fail_lookup_local", '  kms_key_id = lookup(local.settings, "kms_key_id", null)')
        + notebook("unknown_other_function", "  kms_key_id = trimspace(var.required_kms)"),
    )
    assert verdicts(root, NOTEBOOK_KMS) == {
        ("FAILED", "aws_sagemaker_notebook_instance.fail_lookup_empty_map"),
        ("PASSED", "aws_sagemaker_notebook_instance.pass_lookup_default_map"),
        ("FAILED", "aws_sagemaker_notebook_instance.fail_try_missing_key"),
        ("FAILED", "aws_sagemaker_notebook_instance.fail_lookup_local"),
    }


def test_resources_the_configuration_does_not_create_get_no_verdict(tmp_path: Path) -> None:
    """count = 0 and for_each = {} give nothing; a gate on a null comparison is evaluated from the defaults
    (Checkov renders ``null != null`` as true); a gate nobody can evaluate is UNKNOWN."""
    root = write(
        tmp_path,
        VARIABLES
        + notebook("not_created_count", "  count = var.create ? 1 : 0")
        + notebook("not_created_not_null", "  count = var.kms_key_id != null ? 1 : 0")
        + notebook("not_created_for_each", "  for_each = var.enabled ? {} : { a = 1 }")
        + notebook("unknown_required_gate", "  count = var.required_kms != null ? 1 : 0")
        + notebook("fail_created_for_each", "  for_each = var.enabled ? { a = 1 } : {}")
        + notebook("fail_created_count", "  count = var.enabled ? 1 : 0"),
    )
    assert verdicts(root, NOTEBOOK_KMS) == {
        ("FAILED", "aws_sagemaker_notebook_instance.fail_created_for_each"),
        ("FAILED", "aws_sagemaker_notebook_instance.fail_created_count[0]"),
    }


def test_a_guardrail_that_depends_on_a_null_default_is_not_attached(tmp_path: Path) -> None:
    agent = """
resource "aws_bedrockagent_agent" "{name}" {{
  agent_name              = "{name}"
  agent_resource_role_arn = "arn:aws:iam::111122223333:role/agent"
  foundation_model        = "anthropic.claude-v2"
{body}
}}
"""
    dynamic = """  dynamic "guardrail_configuration" {{
    for_each = {condition}
    content {{
      guardrail_identifier = guardrail_configuration.value.id
      guardrail_version    = guardrail_configuration.value.version
    }}
  }}"""
    conditional = (
        "  guardrail_configuration = var.guardrail == null ? null : "
        "[{ guardrail_identifier = var.guardrail.id, guardrail_version = var.guardrail.version }]"
    )
    root = write(
        tmp_path,
        VARIABLES
        + agent.format(
            name="fail_dynamic_null_default",
            body=dynamic.format(condition="var.guardrail != null ? [var.guardrail] : []"),
        )
        + agent.format(name="fail_conditional_null_default", body=conditional)
        + agent.format(name="unknown_dynamic_over_a_local", body=dynamic.format(condition="local.settings")),
    )
    assert verdicts(root, AGENT_GUARDRAIL) == {
        ("FAILED", "aws_bedrockagent_agent.fail_dynamic_null_default"),
        ("FAILED", "aws_bedrockagent_agent.fail_conditional_null_default"),
    }


BUCKET = 'resource "aws_s3_bucket" "{name}" {{\n  {gate}\n  bucket = "{name}"\n}}\n'
BLOCK = """
resource "aws_s3_bucket_public_access_block" "{name}" {{
  {gate}
  bucket                  = aws_s3_bucket.{bucket}.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}}
"""


def test_connection_rules_skip_what_is_not_created_and_do_not_count_it_as_context(tmp_path: Path) -> None:
    root = write(
        tmp_path,
        PROVIDER
        + VARIABLES
        + BUCKET.format(name="fail_block_not_created", gate="")
        + BLOCK.format(name="off", bucket="fail_block_not_created", gate="count = var.create ? 1 : 0")
        + BUCKET.format(name="fail_block_for_each_empty", gate="")
        + BLOCK.format(name="none", bucket="fail_block_for_each_empty", gate="for_each = var.enabled ? {} : { a = 1 }")
        + BUCKET.format(name="pass_block_created", gate="")
        + BLOCK.format(name="on", bucket="pass_block_created", gate="count = var.kms_key_id == null ? 1 : 0")
        + BUCKET.format(name="not_created", gate="count = var.kms_key_id != null ? 1 : 0")
        + BUCKET.format(name="unknown_gate", gate="count = var.required_kms == null ? 1 : 0"),
    )
    buckets = {
        (verdict, address)
        for verdict, address in verdicts(root, PUBLIC_ACCESS_BLOCK)
        if ".aws_s3_bucket." in f".{address}"
    }
    assert buckets == {
        ("FAILED", "aws_s3_bucket.fail_block_not_created"),
        ("FAILED", "aws_s3_bucket.fail_block_for_each_empty"),
        ("PASSED", "aws_s3_bucket.pass_block_created"),
    }


def test_module_calls_are_judged_with_their_own_inputs(tmp_path: Path) -> None:
    """The same module is created with the caller's key in one call and with its null default in another;
    a resource gated on ``var.kms_key_arn == null`` exists only in the second."""
    write(
        tmp_path / "modules" / "notebook",
        """
variable "kms_key_arn" {
  type    = string
  default = null
}
variable "create" {
  type    = bool
  default = false
}
resource "aws_kms_key" "own" {
  count               = var.kms_key_arn == null ? 1 : 0
  enable_key_rotation = true
}
"""
        + notebook("gated", "  count      = var.create ? 1 : 0\n  kms_key_id = var.kms_key_arn")
        + notebook("always", "  kms_key_id = var.kms_key_arn"),
    )
    root = write(
        tmp_path,
        PROVIDER
        + """
resource "aws_kms_key" "root" {
  enable_key_rotation = true
}
module "with_key" {
  source      = "./modules/notebook"
  create      = true
  kms_key_arn = aws_kms_key.root.arn
}
module "defaults" {
  source = "./modules/notebook"
}
""",
    )
    assert verdicts(root, NOTEBOOK_KMS) == {
        ("PASSED", "module.with_key.aws_sagemaker_notebook_instance.gated[0]"),
        ("PASSED", "module.with_key.aws_sagemaker_notebook_instance.always"),
        ("FAILED", "module.defaults.aws_sagemaker_notebook_instance.always"),
    }


@pytest.mark.parametrize(
    ("value", "unresolved", "reference"),
    [
        ('lookup({},"kms_key_id",None)', True, False),
        ('try(var.cfg["kms_key_id"],None)', True, False),
        ("coalesce(var.a,var.b)", True, False),
        ('${upper("a")}-suffix', True, False),
        ("guardrail_configuration.value.id", True, False),
        ("rule.key", True, False),
        ("rate(90 days)", False, False),
        ("cron(0 4 ? * MON#1 *)", False, False),
        ("aws_kms_key.k.arn", False, True),
        ("aws_secretsmanager_secret.key.id", False, True),
        ("aws_s3_bucket.value.arn", False, True),
    ],
)
def test_function_calls_and_iterators_are_not_values(value: str, unresolved: bool, reference: bool) -> None:
    assert (is_unresolved(value), is_reference(value)) == (unresolved, reference)


VARIABLE_VALUES = {
    "key": None,
    "on": True,
    "cfg": {},
    "ref": Reference("aws_kms_key.k.arn"),
    "obj": None,
    "local.kind": {"serverless": True, "async": UNKNOWN},
}


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("${var.key == None ? 1 : 0}", 1),
        ("${var.key != None ? 1 : 0}", 0),
        ("${var.on ? {} : {'a': 1}}", {}),
        ("${!var.on || var.key != None}", False),
        ('${lookup(var.cfg,"k",None)}', None),
        ('${try(var.cfg["k"],"fallback")}', "fallback"),
        ("${coalesce(var.key,var.ref)}", Reference("aws_kms_key.k.arn")),
        ("${var.obj == None ? None : var.obj.id}", None),
        ("${length(var.cfg) > 0 ? 1 : 0}", 0),
        ("${var.missing ? 1 : 0}", UNKNOWN),
        ("${local.x}", UNKNOWN),
        ("${local.kind.serverless ? 1 : 0}", 1),
        ("${local.kind['serverless']}", True),
        ("${local.kind.async ? 1 : 0}", UNKNOWN),
        ("${local.kind == {'serverless': True, 'async': False}}", UNKNOWN),
        ("${upper(var.key)}", UNKNOWN),
        ("${var.on ? 1", UNKNOWN),
    ],
)
def test_expressions_are_evaluated_from_variable_values(expression: str, value: object) -> None:
    assert evaluate(expression, lambda name: VARIABLE_VALUES.get(name, UNKNOWN)) == value


# Made up for this project after philschmid/terraform-aws-sagemaker-huggingface: the endpoint's kind is chosen
# in a local from null comparisons, which Checkov renders the wrong way (s3_output_path defaults to null, so
# Terraform creates the serverless configuration and not the asynchronous one; Checkov renders both).
ENDPOINT_KINDS = """
variable "async_config" {
  type    = object({ s3_output_path = string })
  default = { s3_output_path = null }
}
variable "serverless_config" {
  type    = object({ max_concurrency = number })
  default = { max_concurrency = 5 }
}
locals {
  kind = {
    real_time    = (var.async_config.s3_output_path == null && var.serverless_config.max_concurrency == null) ? true : false
    asynchronous = (var.async_config.s3_output_path != null && var.serverless_config.max_concurrency == null) ? true : false
    serverless   = (var.async_config.s3_output_path == null && var.serverless_config.max_concurrency != null) ? true : false
  }
}
resource "aws_sagemaker_endpoint_configuration" "async" {
  count = local.kind.asynchronous ? 1 : 0
  name  = "async"
  production_variants {
    variant_name           = "AllTraffic"
    model_name             = "m"
    initial_instance_count = 1
    instance_type          = "ml.g5.xlarge"
  }
}
resource "aws_sagemaker_endpoint_configuration" "serverless" {
  count = local.kind.serverless ? 1 : 0
  name  = "serverless"
  production_variants {
    variant_name = "AllTraffic"
    model_name   = "m"
    serverless_config {
      max_concurrency   = 5
      memory_size_in_mb = 2048
    }
  }
}
provider "aws" { region = "us-east-1" }
"""  # noqa: E501 (the configuration as written)


def test_a_gate_through_a_local_is_evaluated_from_the_local_as_written(tmp_path: Path) -> None:
    root = write(tmp_path, ENDPOINT_KINDS)
    assert verdicts(root, "CKV_AISEC_156") == {
        ("PASSED", "aws_sagemaker_endpoint_configuration.serverless[0]"),
    }
    findings = scan_hcl(root)
    assert not [f for f in findings if f.address.startswith("aws_sagemaker_endpoint_configuration.async")]
    assert any(f.address == "aws_sagemaker_endpoint_configuration.serverless[0]" for f in findings)


LOCALS = """
locals {
  enabled  = true
  has_key  = var.required_kms != null
  has_key2 = local.has_key
  key      = var.kms_key_id
  loop_a   = local.loop_b
  loop_b   = local.loop_a
  itself   = local.itself
}
"""


def scan_context_of(root: Path, check: str) -> checkov_gates.ScanContext:
    """The gates' view of one scan by the real Checkov engine."""
    contexts: list[checkov_gates.ScanContext] = []
    original = checkov_gates.scan_context

    def remembered(graph: object) -> checkov_gates.ScanContext:
        contexts.append(original(graph))
        return contexts[-1]

    checkov_gates.scan_context = remembered  # type: ignore[assignment]
    try:
        TerraformRunner().run(
            root_folder=str(root),
            external_checks_dir=[str(CHECKS_DIR)],
            runner_filter=RunnerFilter(framework=["terraform"], checks=[check]),
        )
    finally:
        checkov_gates.scan_context = original  # type: ignore[assignment]
    return contexts[0]


def test_locals_are_evaluated_and_one_that_cannot_be_gives_unknown_when_it_mentions_null(tmp_path: Path) -> None:
    """A local that renders fine is still judged; a gate through a local on a required input compared with null
    (directly or through another local) is UNKNOWN; cyclic locals, which Terraform rejects, break nothing."""
    root = write(
        tmp_path,
        VARIABLES
        + LOCALS
        + notebook("fail_local_toggle", "  count = local.enabled ? 1 : 0")
        + notebook("fail_local_null_default", "  kms_key_id = local.key")
        + notebook("unknown_local_required", "  count = local.has_key ? 1 : 0")
        + notebook("unknown_local_of_local", "  count = local.has_key2 ? 1 : 0")
        + notebook("cyclic", "  count = local.loop_a ? 1 : 0\n  kms_key_id = local.itself"),
    )
    assert verdicts(root, NOTEBOOK_KMS) == {
        ("FAILED", "aws_sagemaker_notebook_instance.fail_local_toggle[0]"),
        ("FAILED", "aws_sagemaker_notebook_instance.fail_local_null_default"),
    }
    reasons = details(root, NOTEBOOK_KMS)
    assert reasons["aws_sagemaker_notebook_instance.fail_local_null_default"].endswith(
        "(kms_key_id is unset with the module's defaults: local.key is null; var.kms_key_id defaults to null)"
    )
    context = scan_context_of(root, NOTEBOOK_KMS)
    # Checkov renders the first count as 1 (a phantom [0]) and leaves the other two as text.
    for address, local in (
        ("unknown_local_required[0]", "has_key"),
        ("unknown_local_of_local", "has_key2"),
        ("cyclic", "loop_a"),
    ):
        gated = context.instance_at(f"aws_sagemaker_notebook_instance.{address}")
        assert gated is not None and gated.gate is checkov_gates.Gate.UNDECIDED
        assert (
            gated.gate_reason
            == f"whether it is created depends on count = local.{local} ? 1 : 0, which is not known here"
        )
    assert context.locals.get("loop_a").value is UNKNOWN
    assert context.locals.get("itself").value is UNKNOWN


def test_locals_of_a_module_call_are_evaluated_with_its_own_inputs(tmp_path: Path) -> None:
    write(
        tmp_path / "modules" / "keyed_notebook",
        """
variable "kms_key_arn" {
  type    = string
  default = null
}
locals {
  has_key = var.kms_key_arn != null
  key     = var.kms_key_arn
}
"""
        + notebook("gated", "  count      = local.has_key ? 1 : 0\n  kms_key_id = local.key")
        + notebook("always", "  kms_key_id = local.key"),
    )
    root = write(
        tmp_path,
        PROVIDER
        + """
resource "aws_kms_key" "root" {
  enable_key_rotation = true
}
module "keyed" {
  source      = "./modules/keyed_notebook"
  kms_key_arn = aws_kms_key.root.arn
}
module "unkeyed" {
  source = "./modules/keyed_notebook"
}
""",
    )
    assert verdicts(root, NOTEBOOK_KMS) == {
        ("PASSED", "module.keyed.aws_sagemaker_notebook_instance.gated"),  # Checkov leaves its count as text
        ("PASSED", "module.keyed.aws_sagemaker_notebook_instance.always"),
        ("FAILED", "module.unkeyed.aws_sagemaker_notebook_instance.always"),
    }


@pytest.mark.parametrize("first", ["a", "z"])
def test_sibling_roots_calling_the_same_module_name_are_judged_with_their_own_inputs(
    tmp_path: Path, first: str
) -> None:
    # Example folders scanned together, each a root configuration calling `module "keyed"`: the calls share
    # every address (module.keyed.x) and only the calling file tells their variables and locals apart.
    write(
        tmp_path / "modules" / "keyed_notebook",
        """
variable "kms_key_arn" {
  type    = string
  default = null
}
locals {
  has_key = var.kms_key_arn != null
}
"""
        + notebook("gated", "  count      = local.has_key ? 1 : 0\n  kms_key_id = var.kms_key_arn"),
    )
    key = "arn:aws:kms:us-east-1:111122223333:key/1"
    keyed = f'module "keyed" {{\n  source      = "../../modules/keyed_notebook"\n  kms_key_arn = "{key}"\n}}\n'
    unkeyed = 'module "keyed" {\n  source = "../../modules/keyed_notebook"\n}\n'
    second = "b" if first == "a" else "y"
    write(tmp_path / "examples" / first, PROVIDER + keyed)
    write(tmp_path / "examples" / second, PROVIDER + unkeyed)
    # One verdict, the keyed call's (Checkov leaves the count as text); the unkeyed call creates nothing.
    assert verdicts(tmp_path, NOTEBOOK_KMS) == {("PASSED", "module.keyed.aws_sagemaker_notebook_instance.gated")}


@pytest.mark.parametrize("first", ["a", "z"])
def test_sibling_calls_with_one_address_are_each_judged_as_their_own_vertex(tmp_path: Path, first: str) -> None:
    # Checkov renders `var.kms_key_arn != null` as true for both calls: both give module.keyed.x.gated[0], the
    # unkeyed one a phantom. The dict Checkov hands the check is the vertex's own, which tells them apart.
    write(
        tmp_path / "modules" / "keyed_notebook",
        'variable "kms_key_arn" {\n  type    = string\n  default = null\n}\n'
        + notebook("gated", "  count      = var.kms_key_arn != null ? 1 : 0\n  kms_key_id = var.kms_key_arn"),
    )
    key = "arn:aws:kms:us-east-1:111122223333:key/1"
    keyed = f'module "keyed" {{\n  source      = "../../modules/keyed_notebook"\n  kms_key_arn = "{key}"\n}}\n'
    unkeyed = 'module "keyed" {\n  source = "../../modules/keyed_notebook"\n}\n'
    write(tmp_path / "examples" / first, PROVIDER + keyed)
    write(tmp_path / "examples" / ("b" if first == "a" else "y"), PROVIDER + unkeyed)
    assert verdicts(tmp_path, NOTEBOOK_KMS) == {("PASSED", "module.keyed.aws_sagemaker_notebook_instance.gated[0]")}
