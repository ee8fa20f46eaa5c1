"""`aisec-iac scan` reads Pulumi's own JSON: `pulumi preview --json` and `pulumi stack export` give the same
findings as the Terraform twin of the same program, with the same formats and exit codes as a plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policies.model import KNOWN_AFTER_APPLY
from policies.pulumi_json import PulumiJsonError, kind_of, to_plan
from tests.scanning import EXAMPLES
from tests.test_cli import run_cli

PULUMI = EXAMPLES / "pulumi_json"
FAILURES = {
    ("CKV_AISEC_4", "aws_kms_key.notebooks"),
    ("CKV_AISEC_5", "aws_sagemaker_notebook_instance.research"),
    ("CKV_AISEC_8", "aws_iam_role_policy.notebook-admin"),
    ("CKV_AISEC_158", "aws_iam_role_policy.notebook-admin"),
    ("CKV2_AISEC_1", "aws_s3_bucket.training-data"),  # its public access block leaves public ACLs allowed
    ("CKV2_AISEC_2", "aws_s3_bucket.training-data"),  # no TLS-only bucket policy
    ("CKV2_AISEC_3", "aws_s3_bucket.training-data"),  # AES256, and it holds training data
    ("CKV2_AISEC_4", "aws_s3_bucket.training-data"),  # training data without versioning
}
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"


def _verdicts(path: Path) -> tuple[set[tuple[str, str]], set[tuple[str, str]], list[dict]]:
    result = run_cli("scan", str(path), "-o", "json")
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    results = document["results"]
    failed = {(r["check_id"], r["resource"]) for r in results["failed_checks"]}
    passed = {(r["check_id"], r["resource"]) for r in results["passed_checks"]}
    return failed, passed, results["failed_checks"]


@pytest.fixture(scope="module")
def terraform_twin() -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    failed, passed, _ = _verdicts(PULUMI)
    return failed, passed


@pytest.mark.parametrize("document", ["preview.json", "stack-export.json"])
def test_pulumi_json_gets_the_findings_of_its_terraform_twin(document: str, terraform_twin) -> None:
    failed, passed, records = _verdicts(PULUMI / document)
    assert failed == FAILURES == terraform_twin[0]
    assert passed == terraform_twin[1]
    # Each finding points at the resource's URN in the Pulumi file.
    lines = (PULUMI / document).read_text(encoding="utf-8").splitlines()
    for record in records:
        line = lines[record["file_line_range"][0] - 1]
        assert '"urn":' in line and line.rstrip().rstrip(",").endswith("::" + record["resource"].split(".")[1] + '"')


def _step(op: str, token: str, name: str, inputs: dict, **state: object) -> dict:
    urn = f"urn:pulumi:dev::p::{token}::{name}"
    return {"op": op, "urn": urn, "newState": {"urn": urn, "type": token, "custom": True, "inputs": inputs, **state}}


def test_preview_keeps_what_the_program_will_have() -> None:
    bucket = _step("create", "aws:s3/bucket:Bucket", "data", {"bucket": "d"})
    steps = [
        {"op": "create", "urn": "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev"},
        _step("create", "pulumi:providers:aws", "default", {}),
        _step("create", "my:component:Thing", "wrapper", {}, custom=False),
        bucket,
        _step("same", "aws:kms/key:Key", "kept", {"enableKeyRotation": True}),
        _step("delete", "aws:kms/key:Key", "removed", {"enableKeyRotation": False}),
        _step("read", "aws:s3/bucket:Bucket", "looked-up", {}),
        _step(
            "create",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "data",
            {"bucket": UNKNOWN, "blockPublicAcls": True},
            propertyDependencies={"bucket": [bucket["urn"]]},
        ),
        _step("update", "aws:sagemaker/notebookInstance:NotebookInstance", "nb", {"kmsKeyId": "[secret]"}),
        _step("create", "aws:kms/key:Key", "odd name/with:colons", {}),
    ]
    converted = to_plan({"steps": steps, "changeSummary": {"create": 6}})
    resources = {r["address"]: r["values"] for r in converted.plan["planned_values"]["root_module"]["resources"]}
    assert resources == {
        "aws_s3_bucket.data": {"bucket": "d"},
        "aws_kms_key.kept": {"enable_key_rotation": True},
        # unknown at preview, but it is the bucket's: a reference connection rules follow
        "aws_s3_bucket_public_access_block.data": {"bucket": "aws_s3_bucket.data.id", "block_public_acls": True},
        "aws_sagemaker_notebook_instance.nb": {"kms_key_id": KNOWN_AFTER_APPLY},  # secret: set, content unknown
        "aws_kms_key.odd_name_with_colons": {},
    }
    assert converted.kind == "preview"
    assert converted.urns["aws_kms_key.kept"] == "urn:pulumi:dev::p::aws:kms/key:Key::kept"


def test_stack_export_skips_deleted_and_pending_replacement_resources() -> None:
    def resource(name: str, **extra: object) -> dict:
        return {"urn": f"urn:pulumi:dev::p::aws:kms/key:Key::{name}", "type": "aws:kms/key:Key", "inputs": {}, **extra}

    export = {
        "version": 3,
        "deployment": {
            "resources": [resource("a"), resource("b", delete=True), resource("c", pendingReplacement=True)]
        },
    }
    converted = to_plan(export)
    assert converted.kind == "stack export"
    assert [r["address"] for r in converted.plan["planned_values"]["root_module"]["resources"]] == ["aws_kms_key.a"]


def test_two_resources_of_one_type_and_name_keep_apart() -> None:
    steps = [
        _step("create", "aws:kms/key:Key", "k", {}),
        {**_step("create", "aws:kms/key:Key", "k", {}), "urn": "urn:pulumi:dev::p::my:c:C$aws:kms/key:Key::k"},
    ]
    steps[1]["newState"]["urn"] = steps[1]["urn"]
    addresses = [r["address"] for r in to_plan({"steps": steps}).plan["planned_values"]["root_module"]["resources"]]
    assert addresses == ["aws_kms_key.k", "aws_kms_key.k_2"]


@pytest.mark.parametrize(
    "document",
    [{}, {"steps": "x"}, {"deployment": []}, [1, 2], {"steps": [{"op": "create"}]}],
)
def test_what_is_not_pulumi_json_is_not_taken_for_it(document: object) -> None:
    assert kind_of(document) is None


@pytest.mark.parametrize(
    "document",
    [
        {"steps": [7], "changeSummary": {}},
        {"version": 3, "deployment": {"resources": [None]}},
        {"steps": [{"op": "create", "urn": "urn:pulumi:a::b::c::d", "newState": {"type": 1}}], "changeSummary": {}},
    ],
)
def test_odd_pulumi_json_is_an_error_not_a_crash(document: object) -> None:
    with pytest.raises(PulumiJsonError):
        to_plan(document)


def test_odd_pulumi_json_is_one_error_line_from_the_cli(tmp_path: Path) -> None:
    (tmp_path / "preview.json").write_text(json.dumps({"steps": [7], "changeSummary": {}}), encoding="utf-8")
    result = run_cli("scan", "preview.json", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if "error" in line] == [
        "aisec-iac: error: preview.json: steps[0] is not an object"
    ]
