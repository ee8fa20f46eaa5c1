"""Terraform JSON syntax (``*.tf.json``) converted to native syntax, and judged as its HCL twin would be.

Checkov does not read ``.tf.json`` files at all; ``policies.terraform_json`` writes them as native syntax.
The unit tests pin the mapping (templates, literals, references, blocks or attributes); the equivalence test
writes JSON-syntax twins of rule example folders, converts them back and scans both with the real Checkov
Terraform runner: every verdict must be the same.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
from pathlib import Path
from typing import Any

import hcl2
import pytest

from policies.terraform_json import (
    MAX_DEPTH,
    Conversion,
    TerraformJsonError,
    convert,
    convert_file,
    is_terraform_json,
    to_hcl,
)
from tests.scanning import EXAMPLES, Finding, rule_examples, scan_hcl

JSON_EXAMPLE = EXAMPLES / "terraform_json"


def _parsed(document: Any) -> dict[str, Any]:
    """The converted text as Checkov's HCL parser reads it."""
    return hcl2.loads(to_hcl(document, "test.tf.json"))


def _resource(document: Any, resource_type: str, name: str) -> dict[str, Any]:
    parsed = _parsed(document)
    for block in parsed["resource"]:
        if resource_type in block and name in block[resource_type]:
            body = dict(block[resource_type][name])
            body.pop("__start_line__", None)
            body.pop("__end_line__", None)
            return body
    raise AssertionError(f"{resource_type}.{name} not in {parsed}")


def _twin(hcl: str) -> dict[str, Any]:
    """The hand-written HCL's resource bodies as hcl2 reads them, for comparison."""
    parsed = hcl2.loads(hcl)
    bodies = {}
    for block in parsed.get("resource", []):
        for resource_type, by_name in block.items():
            for name, body in by_name.items():
                body = {key: value for key, value in body.items() if not key.startswith("__")}
                bodies[f"{resource_type}.{name}"] = body
    return bodies


# -- unit tests of the mapping ---------------------------------------------------------------------------


def test_templates_become_the_expressions_native_syntax_would_hold() -> None:
    document = {
        "resource": {
            "aws_s3_bucket_server_side_encryption_configuration": {
                "e": {
                    "bucket": "${aws_s3_bucket.b.id}",
                    "prefix": "logs-${var.env}/",
                    "name": 'say "hi" \\ there\nnext',
                    "literal": "$${not_interpolated} %%{not_a_directive}",
                    "call": '${lookup(var.m, "k}", "x")}',
                    "number": 3,
                    "ratio": 0.25,
                    "flag": True,
                    "nothing": None,
                    "list": ["a", "${var.b}", 1],
                }
            }
        }
    }
    native = """
resource "aws_s3_bucket_server_side_encryption_configuration" "e" {
  bucket  = aws_s3_bucket.b.id
  prefix  = "logs-${var.env}/"
  name    = "say \\"hi\\" \\\\ there\\nnext"
  literal = "$${not_interpolated} %%{not_a_directive}"
  call    = lookup(var.m, "k}", "x")
  number  = 3
  ratio   = 0.25
  flag    = true
  nothing = null
  list    = ["a", var.b, 1]
}
"""
    assert (
        _resource(document, "aws_s3_bucket_server_side_encryption_configuration", "e")
        == _twin(native)["aws_s3_bucket_server_side_encryption_configuration.e"]
    )


def test_nested_objects_are_blocks_and_map_attributes_stay_maps() -> None:
    document = {
        "resource": {
            "aws_s3_bucket_server_side_encryption_configuration": {
                "e": {
                    "//": "a comment, dropped",
                    "rule": [
                        {
                            "apply_server_side_encryption_by_default": {
                                "sse_algorithm": "aws:kms",
                                "kms_master_key_id": "${var.kms}",
                            },
                            "bucket_key_enabled": True,
                        }
                    ],
                    "tags": {"team": "ml", "Name": "x"},
                    "annotations": {},
                    "settings": {"Name": "a non-identifier member makes an object an attribute"},
                }
            }
        }
    }
    native = """
resource "aws_s3_bucket_server_side_encryption_configuration" "e" {
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms
    }
    bucket_key_enabled = true
  }
  tags        = { team = "ml", Name = "x" }
  annotations = {}
  settings    = { Name = "a non-identifier member makes an object an attribute" }
}
"""
    assert (
        _resource(document, "aws_s3_bucket_server_side_encryption_configuration", "e")
        == _twin(native)["aws_s3_bucket_server_side_encryption_configuration.e"]
    )


def test_environment_is_a_block_only_with_block_members() -> None:
    document = {
        "resource": {
            "aws_lambda_function": {"f": {"environment": {"variables": {"mode": "x"}}}},
            "aws_sagemaker_model": {"m": {"primary_container": {"image": "i", "environment": {"mode": "x"}}}},
        }
    }
    native = """
resource "aws_lambda_function" "f" {
  environment {
    variables = { mode = "x" }
  }
}
resource "aws_sagemaker_model" "m" {
  primary_container {
    image       = "i"
    environment = { mode = "x" }
  }
}
"""
    twin = _twin(native)
    assert _resource(document, "aws_lambda_function", "f") == twin["aws_lambda_function.f"]
    assert _resource(document, "aws_sagemaker_model", "m") == twin["aws_sagemaker_model.m"]


def test_awscc_objects_are_always_attributes() -> None:
    document = {
        "resource": {
            "awscc_sagemaker_domain": {
                "d": {
                    "app_network_access_type": "VpcOnly",
                    "default_user_settings": {"execution_role": "${aws_iam_role.r.arn}"},
                    "tags": [{"key": "k", "value": "v"}],
                }
            }
        }
    }
    native = """
resource "awscc_sagemaker_domain" "d" {
  app_network_access_type = "VpcOnly"
  default_user_settings   = { execution_role = aws_iam_role.r.arn }
  tags                    = [{ key = "k", value = "v" }]
}
"""
    assert _resource(document, "awscc_sagemaker_domain", "d") == _twin(native)["awscc_sagemaker_domain.d"]


def test_meta_arguments_dynamic_blocks_and_provisioners_pass_through() -> None:
    document = {
        "resource": {
            "aws_security_group": {
                "sg": {
                    "count": "${var.enabled ? 1 : 0}",
                    "provider": "aws.west",
                    "depends_on": ["aws_vpc.v", "${module.m}"],
                    "lifecycle": {"create_before_destroy": True, "ignore_changes": ["tags", "ingress"]},
                    "dynamic": {
                        "ingress": {
                            "for_each": "${var.ports}",
                            "iterator": "port",
                            "content": {"from_port": "${port.value}", "cidr_blocks": ["0.0.0.0/0"]},
                        }
                    },
                    "provisioner": [
                        {"local-exec": {"command": "echo ${self.id}", "when": "destroy", "on_failure": "continue"}}
                    ],
                }
            }
        }
    }
    native = """
resource "aws_security_group" "sg" {
  count      = var.enabled ? 1 : 0
  provider   = aws.west
  depends_on = [aws_vpc.v, module.m]
  lifecycle {
    create_before_destroy = true
    ignore_changes        = [tags, ingress]
  }
  dynamic "ingress" {
    for_each = var.ports
    iterator = port
    content {
      from_port   = port.value
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
  provisioner "local-exec" {
    command    = "echo ${self.id}"
    when       = destroy
    on_failure = continue
  }
}
"""
    assert _resource(document, "aws_security_group", "sg") == _twin(native)["aws_security_group.sg"]


def test_labels_nest_and_arrays_repeat_blocks_at_any_level() -> None:
    document = {
        "resource": [
            {"aws_kms_key": {"a": {"enable_key_rotation": True}}},
            {"aws_kms_key": {"b": [{"enable_key_rotation": False}]}},
        ],
        "data": {"aws_iam_policy_document": {"d": {"statement": [{"actions": ["*"]}, {"actions": ["s3:*"]}]}}},
        "provider": {"aws": [{"region": "us-east-1"}, {"alias": "west", "region": "us-west-2"}]},
    }
    parsed = _parsed(document)
    assert [next(iter(block["aws_kms_key"])) for block in parsed["resource"]] == ["a", "b"]
    statement = parsed["data"][0]["aws_iam_policy_document"]["d"]["statement"]
    assert statement == [{"actions": [["*"]]}, {"actions": [["s3:*"]]}]
    assert [block["aws"]["region"] for block in parsed["provider"]] == [["us-east-1"], ["us-west-2"]]


def test_variables_modules_outputs_locals_and_terraform_blocks() -> None:
    document = {
        "//": "generated by a tool",
        "terraform": {
            "required_version": ">= 1.5",
            "required_providers": {"aws": {"source": "hashicorp/aws", "version": "~> 5.0"}},
            "backend": {"s3": {"bucket": "state", "key": "a/${b}"}},
        },
        "variable": {
            "kms": {"type": "string", "description": "key ${not a template}", "default": None},
            "ports": {"type": "list(number)", "default": [8888, 6006]},
            "settings": {"type": "map(object({ name = string }))", "default": {"a/b": {"name": "${x}"}}},
        },
        "locals": {"prefix": "${var.env}-ml", "settings": {"Key": "${var.kms}"}},
        "module": {"m": {"source": "./child", "providers": {"aws": "aws.west"}, "config": {"kms": "${var.kms}"}}},
        "output": {"arn": {"value": "${aws_kms_key.a.arn}", "description": "the ${key}", "sensitive": True}},
        "moved": {"from": "aws_kms_key.old", "to": "aws_kms_key.a"},
    }
    native = """
terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = { "source" = "hashicorp/aws", "version" = "~> 5.0" }
  }
  backend "s3" {
    bucket = "state"
    key    = "a/$${b}"
  }
}
variable "kms" {
  type        = string
  description = "key $${not a template}"
  default     = null
}
variable "ports" {
  type    = list(number)
  default = [8888, 6006]
}
variable "settings" {
  type    = map(object({ name = string }))
  default = { "a/b" = { "name" = "$${x}" } }
}
locals {
  prefix   = "${var.env}-ml"
  settings = { "Key" = var.kms }
}
module "m" {
  source    = "./child"
  providers = { aws = aws.west }
  config    = { "kms" = var.kms }
}
output "arn" {
  value       = aws_kms_key.a.arn
  description = "the $${key}"
  sensitive   = true
}
"""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: strip(item) for key, item in value.items() if not key.startswith("__")}
        if isinstance(value, list):
            return [strip(item) for item in value]
        return value

    assert strip(_parsed(document)) == strip(hcl2.loads(native))


def test_numbers_are_written_without_exponents() -> None:
    # The native parser Checkov uses reads no exponent; Terraform's number is arbitrary precision anyway.
    body = _resource({"resource": {"t": {"n": {"big": 1e20, "small": 2.5e-05, "int": 12345678901234567890}}}}, "t", "n")
    assert body == {"big": [100000000000000000000], "small": [2.5e-05], "int": [12345678901234567890]}


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "one JSON object"),
        ({"resources": {}}, "not a Terraform block type"),
        ({"resource": "x"}, "expected an object"),
        ({"resource": {"aws_s3_bucket": {"b": 1}}}, "expected an object"),
        ({"resource": {"aws_s3_bucket": {"bad name": {}}}}, "not a valid name"),
        ({"resource": {"aws_s3_bucket": {"b": {"bad-key!": 1}}}}, "not a valid argument name"),
        ({"resource": {"aws_s3_bucket": {"b": {"depends_on": "aws_kms_key.k"}}}}, "array of references"),
        ({"resource": {"aws_s3_bucket": {"b": {"depends_on": ["not a reference"]}}}}, "must be a reference"),
        ({"resource": {"aws_s3_bucket": {"b": {"provider": "aws.west\n}"}}}}, "must be a reference"),
        ({"resource": {"aws_s3_bucket": {"b": {"bucket": "${var.x"}}}}, "unterminated template"),
        ({"resource": {"aws_s3_bucket": {"b": {"bucket": 'a ${f("x)}'}}}}, "unterminated string"),
        ({"resource": {"aws_s3_bucket": {"b": {"bucket": "a ${var.x\n} b"}}}}, "multi-line template"),
        ({"resource": {"aws_s3_bucket": {"b": {"n": float("nan")}}}}, "not a JSON number"),
        ({"resource": {"aws_s3_bucket": {"b": {"n": {1, 2}}}}}, "not a JSON value"),
        ({"variable": {"v": {"type": 'string\n}\nresource "x" "y" {'}}}, "type constraint"),
        ({"module": {"m": {"providers": ["aws"]}}}, "providers must be an object"),
    ],
)
def test_odd_input_raises_terraform_json_error(document: Any, message: str) -> None:
    with pytest.raises(TerraformJsonError, match=re.escape(message)):
        to_hcl(document, "odd.tf.json")


@pytest.mark.parametrize(
    "bucket",
    [
        '${var.x\n}\nresource "aws_kms_key" "k" {\n}',  # a template part spanning lines
        '${var.x\nresource "aws_kms_key" "k" {\n}\n}',  # one interpolation holding a block
        'a"\nresource "aws_kms_key" "k" {\n}\n"',  # quotes and newlines in a plain string
    ],
)
def test_strings_cannot_inject_blocks(bucket: str) -> None:
    # Terraform would reject these expressions; the converted text must not turn them into a resource.
    document = {"resource": {"aws_s3_bucket": {"b": {"bucket": bucket}}}}
    try:
        parsed = hcl2.loads(to_hcl(document, "inject.tf.json"))
    except TerraformJsonError:
        return
    except Exception:  # the native parser refusing the text is the other safe outcome
        return
    assert [list(block) for block in parsed["resource"]] == [["aws_s3_bucket"]]


def test_deep_nesting_raises_terraform_json_error_only() -> None:
    deep: Any = "x"
    for _ in range(MAX_DEPTH + 5):
        deep = {"a": deep}
    with pytest.raises(TerraformJsonError, match="nested deeper"):
        to_hcl({"locals": {"deep": deep}}, "deep.tf.json")
    very_deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(TerraformJsonError, match="nested deeper"):
        convert('{"locals": {"x": ' + very_deep + "}}", "deep.tf.json")
    recursive: dict[str, Any] = {}
    recursive["a"] = [recursive]
    with pytest.raises(TerraformJsonError):
        to_hcl({"locals": {"loop": recursive}}, "loop.tf.json")


@pytest.mark.parametrize(
    "text",
    ["", "{", '{"resource": }', '{"a": NaN}', '{"a": 1} x', "{'a': 1}", '{"a": "\\x"}', '{"resource": {}}, {}'],
)
def test_text_that_is_not_json_raises_terraform_json_error(text: str) -> None:
    with pytest.raises(TerraformJsonError, match="invalid JSON"):
        convert(text, "bad.tf.json")


def test_line_ranges_map_converted_blocks_back_to_the_json_file() -> None:
    text = """{
  "resource": {
    "aws_kms_key": {
      "a": {
        "enable_key_rotation": true
      },
      "b": {"enable_key_rotation": false}
    }
  }
}
"""
    conversion = convert(text, "lines.tf.json")
    assert isinstance(conversion, Conversion)
    by_address = {block.address: block for block in conversion.blocks}
    assert (by_address["aws_kms_key.a"].json_start, by_address["aws_kms_key.a"].json_end) == (4, 6)
    parsed = hcl2.loads(conversion.hcl)
    b = next(block["aws_kms_key"]["b"] for block in parsed["resource"] if "b" in block["aws_kms_key"])
    assert conversion.json_lines(b["__start_line__"], b["__end_line__"]) == (7, 7)
    assert conversion.json_lines(999, 999) == (1, 1)


def test_is_terraform_json_goes_by_the_file_name(tmp_path: Path) -> None:
    assert is_terraform_json("cdk.tf.json")
    assert is_terraform_json(tmp_path / "main.tf.json")
    assert not is_terraform_json("main.tf")
    assert not is_terraform_json("tfplan.json")
    assert not is_terraform_json("terraform.tfvars.json")


def test_convert_file_reports_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(TerraformJsonError, match="cannot read"):
        convert_file(tmp_path / "missing.tf.json")
    (tmp_path / "latin1.tf.json").write_bytes(b'{"locals": {"a": "\xe9"}}')
    with pytest.raises(TerraformJsonError, match="cannot read"):
        convert_file(tmp_path / "latin1.tf.json")


# -- equivalence with the HCL twins, through Checkov ------------------------------------------------------

EQUIVALENCE_EXAMPLES = [
    "s3_encryption_cmk",
    "s3_tls_only_policy",
    "kms_key_rotation",
    "iam_no_wildcard_admin",
    "iam_trust_policy_no_public_principal",
    "sagemaker_notebook_cmk",
    "sagemaker_endpoint_data_capture",
    "bedrock_guardrail_prompt_attack",
    "bedrock_agent_guardrail",
    "security_group_ai_ports",
    "ecs_container_non_root",
    "awscc_sagemaker_domain_vpc_only",
    "awscc_bedrock_guardrail_prompt_attack",
]

_BOOKKEEPING = ("__start_line__", "__end_line__")
_JSONENCODE = re.compile(r"^\$\{jsonencode\((.*)\)\}$", re.DOTALL)


def _hcl_object(value: Any) -> str:
    """A decoded literal as a native-syntax expression (inside a JSON-syntax template)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(key)} = {_hcl_object(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_hcl_object(item) for item in value) + "]"
    if isinstance(value, str):
        return '"' + _unescape(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
    return json.dumps(value)


def _unescape(raw: str) -> str:
    """hcl2 keeps a quoted string's escapes as written; JSON syntax wants the string itself."""
    escapes = {'\\"': '"', "\\\\": "\\", "\\n": "\n", "\\t": "\t", "\\r": "\r"}
    return re.sub(r'\\["\\ntr]', lambda match: escapes[match.group()], raw)


def _json_string(raw: str) -> str:
    """An hcl2 string value (raw template text) as a JSON-syntax string."""
    encoded = _JSONENCODE.match(raw)
    if encoded:  # hcl2 prints jsonencode's argument as a Python literal
        return "${jsonencode(" + _hcl_object(ast.literal_eval(encoded.group(1))) + ")}"
    if "${" in raw and "{'" in raw:  # and the arguments of other calls too (templatefile's variables)
        return re.sub(
            r"'((?:[^'\\]|\\.)*)'(\s*:)?",
            lambda match: json.dumps(match.group(1)) + (" =" if match.group(2) else ""),
            raw,
        )
    if "${" in raw:
        return raw
    return _unescape(raw)


def _json_value(value: Any) -> Any:
    if isinstance(value, str):
        return _json_string(value)
    if isinstance(value, list):
        return [_json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_value(item) for key, item in value.items()}
    return value


def _is_block_list(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, dict) and all(isinstance(member, list) for member in item.values()) for item in value)
    )


def _json_body(body: dict[str, Any], attribute_only: bool = False) -> dict[str, Any]:
    """An hcl2 block body (values wrapped in one-item lists, nested blocks as lists) -> JSON syntax.

    hcl2 gives an object attribute whose members all hold lists the shape of a block: awscc resources,
    which have no blocks, say so with ``attribute_only``."""
    result: dict[str, Any] = {}
    for key, value in body.items():
        if key in _BOOKKEEPING:
            continue
        if key in ("dynamic", "provisioner"):
            result[key] = [{label: _json_body(inner) for label, inner in item.items()} for item in value]
        elif key in ("depends_on", "ignore_changes"):
            result[key] = [item[2:-1] if item.startswith("${") else item for item in value[0]]
        elif _is_block_list(value) and not attribute_only:
            bodies = [_json_body(item) for item in value]
            result[key] = bodies[0] if len(bodies) == 1 else bodies
        else:
            result[key] = _json_value(value[0])
    return result


def _type_text(raw: str) -> str:
    """hcl2 prints a type constraint as a Python literal: ``object({'port': '${number}'})``."""
    text = re.sub(r"'\$\{(\w+)\}'", r"\1", raw[2:-1] if raw.startswith("${") else raw)
    return re.sub(r"'(\w+)': ", r"\1 = ", text)


def terraform_json_twin(hcl: str) -> dict[str, Any]:
    """The JSON-syntax twin of a native-syntax file (test helper; covers what the rule examples use)."""
    parsed = hcl2.loads(hcl)
    document: dict[str, Any] = {"//": "JSON-syntax twin of main.tf"}
    for block_type, blocks in parsed.items():
        target = document.setdefault(block_type, {} if block_type not in ("locals", "terraform") else [])
        for block in blocks:
            if block_type in ("locals", "terraform"):
                target.append(_json_body(block))
            elif block_type in ("resource", "data"):
                for resource_type, by_name in block.items():
                    for name, body in by_name.items():
                        attribute_only = resource_type.startswith("awscc_")
                        target.setdefault(resource_type, {})[name] = _json_body(body, attribute_only)
            else:
                for name, body in block.items():
                    if block_type == "variable" and "type" in body:
                        body = {**body, "type": [_type_text(body["type"][0])]}
                    target[name] = _json_body(body)
    return document


@pytest.fixture(scope="module")
def twin_scans(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[Finding], set[Finding]]:
    root = tmp_path_factory.mktemp("terraform_json")
    for name in EQUIVALENCE_EXAMPLES:
        example = rule_examples(name)
        hcl_dir, json_dir = root / "hcl" / name, root / "json" / name
        shutil.copytree(example, hcl_dir, ignore=shutil.ignore_patterns("tfplan.json"))
        shutil.copytree(example, json_dir, ignore=shutil.ignore_patterns("tfplan.json", "main.tf"))
        twin = json_dir / "main.tf.json"
        twin.write_text(json.dumps(terraform_json_twin((example / "main.tf").read_text()), indent=2) + "\n")
        (json_dir / "main.tf.json.tf").write_text(convert_file(twin).hcl)
    return scan_hcl(root / "hcl"), scan_hcl(root / "json")


def _verdicts(findings: set[Finding], example: str) -> set[tuple[str, str, str]]:
    return {(f.check_id, f.verdict, f.address) for f in findings if f.file.split("/")[-2] == example}


@pytest.mark.parametrize("example", EQUIVALENCE_EXAMPLES)
def test_json_twin_gets_the_verdicts_of_the_hcl(example: str, twin_scans: tuple[set[Finding], set[Finding]]) -> None:
    hcl_findings, json_findings = twin_scans
    expected = _verdicts(hcl_findings, example)
    assert {verdict for _, verdict, _ in expected} == {"PASSED", "FAILED"}
    assert _verdicts(json_findings, example) == expected


# -- the committed example ----------------------------------------------------------------------------------

# terraform_examples/terraform_json/main.tf.json: a notebook with direct internet access, a key without
# rotation and a "*" on "*" role policy written with jsonencode inside a template.
EXPECTED_EXAMPLE_FINDINGS = {
    ("CKV_AISEC_4", "FAILED", "aws_kms_key.notebooks"),
    ("CKV_AISEC_112", "PASSED", "aws_kms_key.notebooks"),
    ("CKV_AISEC_5", "FAILED", "aws_sagemaker_notebook_instance.research"),
    ("CKV_AISEC_11", "PASSED", "aws_sagemaker_notebook_instance.research"),
    ("CKV_AISEC_12", "PASSED", "aws_sagemaker_notebook_instance.research"),
    ("CKV_AISEC_13", "PASSED", "aws_sagemaker_notebook_instance.research"),
    ("CKV_AISEC_8", "FAILED", "aws_iam_role_policy.notebook_admin"),
    ("CKV_AISEC_110", "PASSED", "aws_iam_role_policy.notebook_admin"),
    ("CKV_AISEC_158", "FAILED", "aws_iam_role_policy.notebook_admin"),
}


def test_committed_example_gets_its_exact_findings(tmp_path: Path) -> None:
    shutil.copytree(JSON_EXAMPLE, tmp_path / "example")
    source = tmp_path / "example" / "main.tf.json"
    (tmp_path / "example" / "main.tf.json.tf").write_text(convert_file(source).hcl)
    findings = scan_hcl(tmp_path / "example")
    assert {(f.check_id, f.verdict, f.address) for f in findings} == EXPECTED_EXAMPLE_FINDINGS
    assert {f.file for f in findings} == {"main.tf.json.tf"}
