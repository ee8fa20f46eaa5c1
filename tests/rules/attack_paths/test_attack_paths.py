"""Edge cases of the attack-path rules CKV2_AISEC_45..47, called on Resource objects directly."""

from __future__ import annotations

from typing import Any

import pytest

from policies.graph import Graph
from policies.model import Resource, Verdict
from policies.rules.attack_paths import attack_path_internet_compute_model_data as compute_rule
from policies.rules.attack_paths import attack_path_model_store_writable_from_internet as store_rule
from policies.rules.attack_paths import attack_path_unauthenticated_model_invoke as invoke_rule
from tests.scanning import EXAMPLES, scan_hcl, scan_plans


def _role(name: str = "r") -> Resource:
    return Resource("aws_iam_role", f"aws_iam_role.{name}", {"name": name})


def _inline(statements: Any, role: str = "r") -> Resource:
    return Resource(
        "aws_iam_role_policy",
        f"aws_iam_role_policy.{role}",
        {"role": f"aws_iam_role.{role}.id", "policy": {"Version": "2012-10-17", "Statement": statements}},
    )


BUCKET = Resource(
    "aws_s3_bucket", "aws_s3_bucket.data", {"bucket": "acme-data", "tags": {"aisec:data-class": "training-data"}}
)
NOTEBOOK = Resource(
    "aws_sagemaker_notebook_instance", "aws_sagemaker_notebook_instance.n", {"role_arn": "aws_iam_role.r.arn"}
)


def _compute(statements: Any, *extra: Resource, notebook: Resource = NOTEBOOK) -> Verdict:
    graph = Graph([notebook, _role(), _inline(statements), BUCKET, *extra])
    return compute_rule.evaluate(notebook, graph).verdict


def _allow(action: Any, resource: Any, **more: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": action, "Resource": resource, **more}


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        ([_allow("s3:GetObject", "arn:aws:s3:::acme-data/*")], Verdict.FAIL),
        ([_allow("S3:get*", "arn:aws:s3:::acme-data/*")], Verdict.FAIL),
        ([_allow("s3:PutObject", "arn:aws:s3:::acme-data/checkpoints/*")], Verdict.FAIL),
        ([_allow("s3:*", "*")], Verdict.FAIL),
        ([_allow("*", "arn:aws:s3:::acme-*")], Verdict.FAIL),
        ([{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}], Verdict.FAIL),
        ([_allow("s3:GetObject", "arn:aws:s3:::other-bucket/*")], Verdict.PASS),
        ([_allow("s3:GetObject", "arn:aws:s3:::ACME-DATA/*")], Verdict.PASS),  # ARNs compare with case
        ([_allow("s3:ListBucket", "arn:aws:s3:::acme-data")], Verdict.PASS),
        ([_allow("sagemaker:*", "*")], Verdict.PASS),
        (
            [_allow("s3:*", "*"), {"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::acme-data/*"}],
            Verdict.PASS,
        ),
        ([_allow("s3:GetObject", "var.bucket_arn")], Verdict.UNKNOWN),
        # references to the bucket, as Checkov renders them inside jsonencode (evaluated or not)
        ([_allow(["s3:GetObject", "s3:PutObject"], "${aws_s3_bucket.data.arn}/*")], Verdict.FAIL),
        ([_allow("s3:PutObject", ["aws_s3_bucket.data.arn", "aws_s3_bucket.data.arn/*"])], Verdict.FAIL),
        ([_allow("s3:PutObject", "arn:aws:s3:::${aws_s3_bucket.data.id}/checkpoints/*")], Verdict.FAIL),
        ([_allow("s3:GetObject", "${aws_s3_bucket.data.arn}*")], Verdict.FAIL),
        ([_allow("s3:GetObject", "${aws_s3_bucket.data.arn}")], Verdict.PASS),  # the bucket, not its objects
        ([_allow("s3:GetObject", "aws_s3_bucket.data.arn")], Verdict.PASS),
        ([_allow("s3:GetObject", "${aws_s3_bucket.data.id}-logs/*")], Verdict.PASS),  # another bucket
        ([_allow("s3:GetObject", "${aws_s3_bucket.elsewhere.arn}/*")], Verdict.UNKNOWN),  # not in the configuration
        ([_allow("${var.actions}", "${aws_s3_bucket.data.arn}/*")], Verdict.UNKNOWN),
        ([_allow("s3:GetObject", "${aws_s3_bucket.data.arn}${var.suffix}")], Verdict.UNKNOWN),
        ([_allow("var.actions", "*")], Verdict.UNKNOWN),
        ([_allow("s3:GetObject", "*", Condition={"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}})], Verdict.UNKNOWN),
        ("not a statement", Verdict.UNKNOWN),
    ],
)
def test_what_the_notebook_role_may_do_decides_the_path(statements: Any, expected: Verdict) -> None:
    assert _compute(statements) is expected


def test_a_private_notebook_opens_no_path_whatever_its_role() -> None:
    private = Resource(
        "aws_sagemaker_notebook_instance",
        "aws_sagemaker_notebook_instance.n",
        {"role_arn": "aws_iam_role.r.arn", "direct_internet_access": "Disabled"},
    )
    assert _compute([_allow("*", "*")], notebook=private) is Verdict.PASS


def test_a_bucket_known_only_by_its_name_is_not_a_path() -> None:
    named = Resource("aws_s3_bucket", "aws_s3_bucket.data", {"bucket": "acme-models"})
    graph = Graph([NOTEBOOK, _role(), _inline([_allow("s3:*", "*")]), named])
    assert compute_rule.evaluate(NOTEBOOK, graph).verdict is Verdict.PASS


def test_a_bucket_used_by_a_sagemaker_model_is_a_path() -> None:
    plain = Resource("aws_s3_bucket", "aws_s3_bucket.data", {"bucket": "acme-plain"})
    model = Resource(
        "aws_sagemaker_model",
        "aws_sagemaker_model.m",
        {"primary_container": [{"model_data_url": "s3://acme-plain/model.tar.gz"}]},
    )
    graph = Graph([NOTEBOOK, _role(), _inline([_allow("s3:GetObject", "*")]), plain, model])
    result = compute_rule.evaluate(NOTEBOOK, graph)
    assert result.verdict is Verdict.FAIL
    assert "aws_sagemaker_model.m" in result.reason and "internet" in result.reason


@pytest.mark.parametrize(
    ("arn", "expected"),
    [
        ("arn:aws:iam::aws:policy/AdministratorAccess", Verdict.FAIL),
        ("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", Verdict.FAIL),
        ("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", Verdict.PASS),
        ("arn:aws:iam::aws:policy/AmazonAthenaFullAccess", Verdict.UNKNOWN),  # content not known here
        ("arn:aws:iam::111122223333:policy/not-in-this-configuration", Verdict.UNKNOWN),
        ("var.policy_arn", Verdict.UNKNOWN),
    ],
)
def test_managed_policies_are_read_from_the_table(arn: str, expected: Verdict) -> None:
    attachment = Resource(
        "aws_iam_role_policy_attachment",
        "aws_iam_role_policy_attachment.a",
        {"role": "aws_iam_role.r.name", "policy_arn": arn},
    )
    graph = Graph([NOTEBOOK, _role(), BUCKET, attachment])
    assert compute_rule.evaluate(NOTEBOOK, graph).verdict is expected


def test_a_role_outside_the_configuration_is_an_unknown_link() -> None:
    notebook = Resource(
        "aws_sagemaker_notebook_instance",
        "aws_sagemaker_notebook_instance.n",
        {"role_arn": "arn:aws:iam::111122223333:role/elsewhere"},
    )
    result = compute_rule.evaluate(notebook, Graph([notebook, BUCKET]))
    assert result.verdict is Verdict.UNKNOWN and "role" in result.reason


def test_an_instance_without_a_subnet_is_an_unknown_internet_link() -> None:
    profile = Resource("aws_iam_instance_profile", "aws_iam_instance_profile.p", {"role": "aws_iam_role.r.name"})
    instance = Resource("aws_instance", "aws_instance.i", {"iam_instance_profile": "aws_iam_instance_profile.p.name"})
    graph = Graph([instance, profile, _role(), _inline([_allow("s3:*", "*")]), BUCKET])
    result = compute_rule.evaluate(instance, graph)
    assert result.verdict is Verdict.UNKNOWN and "default VPC" in result.reason


def test_a_permissions_boundary_outside_the_configuration_is_unknown() -> None:
    role = Resource("aws_iam_role", "aws_iam_role.r", {"name": "r", "permissions_boundary": "var.boundary"})
    graph = Graph([NOTEBOOK, role, _inline([_allow("s3:*", "*")]), BUCKET])
    assert compute_rule.evaluate(NOTEBOOK, graph).verdict is Verdict.UNKNOWN


def test_a_store_nobody_internet_facing_writes_passes_and_one_written_fails() -> None:
    graph = Graph([NOTEBOOK, _role(), _inline([_allow("s3:PutObject", "arn:aws:s3:::acme-data/*")]), BUCKET])
    result = store_rule.evaluate(BUCKET, graph)
    assert result.verdict is Verdict.FAIL and "model poisoning" in result.reason
    read_only = Graph([NOTEBOOK, _role(), _inline([_allow("s3:GetObject", "*")]), BUCKET])
    assert store_rule.evaluate(BUCKET, read_only).verdict is Verdict.PASS


def test_an_ecr_repository_pushable_by_a_public_lambda_fails() -> None:
    repository = Resource("aws_ecr_repository", "aws_ecr_repository.repo", {"name": "llm"})
    function = Resource(
        "aws_lambda_function", "aws_lambda_function.f", {"function_name": "f", "role": "aws_iam_role.r.arn"}
    )
    url = Resource(
        "aws_lambda_function_url",
        "aws_lambda_function_url.u",
        {"function_name": "aws_lambda_function.f.function_name", "authorization_type": "NONE"},
    )
    grant = _inline([_allow("ecr:PutImage", "arn:aws:ecr:us-east-1:111122223333:repository/llm")])
    graph = Graph([repository, function, url, _role(), grant])
    assert store_rule.evaluate(repository, graph).verdict is Verdict.FAIL
    other = Resource("aws_ecr_repository", "aws_ecr_repository.other", {"name": "other"})
    assert store_rule.evaluate(other, Graph([other, function, url, _role(), grant])).verdict is Verdict.PASS


@pytest.mark.parametrize(
    ("action", "resource", "auth", "expected"),
    [
        ("bedrock:*", "*", "NONE", Verdict.FAIL),
        ("sagemaker:InvokeEndpoint", "*", "NONE", Verdict.FAIL),
        ("bedrock:InvokeModel", "arn:aws:bedrock:us-east-1::foundation-model/x", "NONE", Verdict.PASS),
        ("bedrock:*", "*", "AWS_IAM", Verdict.PASS),
        ("bedrock:*", "*", "var.auth", Verdict.UNKNOWN),
        ("bedrock:*", "var.models", "NONE", Verdict.UNKNOWN),
    ],
)
def test_function_urls(action: str, resource: str, auth: str, expected: Verdict) -> None:
    function = Resource(
        "aws_lambda_function", "aws_lambda_function.f", {"function_name": "f", "role": "aws_iam_role.r.arn"}
    )
    url = Resource(
        "aws_lambda_function_url", "aws_lambda_function_url.u", {"function_name": "f", "authorization_type": auth}
    )
    graph = Graph([function, url, _role(), _inline([_allow(action, resource)])])
    assert invoke_rule.evaluate(url, graph).verdict is expected


def test_an_open_method_without_a_lambda_integration_passes() -> None:
    method = Resource(
        "aws_api_gateway_method",
        "aws_api_gateway_method.m",
        {
            "rest_api_id": "aws_api_gateway_rest_api.a.id",
            "resource_id": "x",
            "http_method": "GET",
            "authorization": "NONE",
        },
    )
    integration = Resource(
        "aws_api_gateway_integration",
        "aws_api_gateway_integration.i",
        {
            "rest_api_id": "aws_api_gateway_rest_api.a.id",
            "resource_id": "x",
            "http_method": "GET",
            "type": "HTTP",
            "uri": "https://example.com/",
        },
    )
    api = Resource("aws_api_gateway_rest_api", "aws_api_gateway_rest_api.a", {})
    assert invoke_rule.evaluate(method, Graph([method, integration, api])).verdict is Verdict.PASS


# What Checkov hands over for jsonencode() around a list that names a resource and then interpolates it: the
# call left unevaluated, its argument as a Python literal.
UNEVALUATED = (
    "${jsonencode({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': %s, "
    "'Resource': ['${aws_s3_bucket.data.arn}', '${aws_s3_bucket.data.arn}/*', '${aws_ecr_repository.repo.arn}']}]})}"
)


@pytest.mark.parametrize(
    ("actions", "compute", "bucket", "repository"),
    [
        ("['s3:GetObject', 's3:PutObject']", Verdict.FAIL, Verdict.FAIL, Verdict.PASS),
        ("['s3:GetObject']", Verdict.FAIL, Verdict.PASS, Verdict.PASS),
        ("['ecr:PutImage']", Verdict.PASS, Verdict.PASS, Verdict.FAIL),
        ("['s3:ListBucket']", Verdict.PASS, Verdict.PASS, Verdict.PASS),
        ("'${var.actions}'", Verdict.UNKNOWN, Verdict.UNKNOWN, Verdict.UNKNOWN),
    ],
)
def test_an_unevaluated_jsonencode_with_references_is_read(
    actions: str, compute: Verdict, bucket: Verdict, repository: Verdict
) -> None:
    policy = Resource(
        "aws_iam_role_policy", "aws_iam_role_policy.r", {"role": "aws_iam_role.r.id", "policy": UNEVALUATED % actions}
    )
    repo = Resource("aws_ecr_repository", "aws_ecr_repository.repo", {"name": "llm"})
    graph = Graph([NOTEBOOK, _role(), policy, BUCKET, repo])
    assert compute_rule.evaluate(NOTEBOOK, graph).verdict is compute
    assert store_rule.evaluate(BUCKET, graph).verdict is bucket
    assert store_rule.evaluate(repo, graph).verdict is repository


# -- policies that name their targets by reference, through the real engine ---------------------------------------

REFERENCES = EXAMPLES / "attack_path_policy_references"
READ_IN_HCL = {
    ("FAILED", "CKV2_AISEC_45", "aws_sagemaker_notebook_instance.fail_internet_notebook_writes_models"),
    ("PASSED", "CKV2_AISEC_45", "aws_sagemaker_notebook_instance.pass_internet_notebook_lists_training_data"),
    ("FAILED", "CKV2_AISEC_46", "aws_s3_bucket.fail_model_artifacts"),
    ("PASSED", "CKV2_AISEC_46", "aws_s3_bucket.pass_training_data_listed_only"),
    ("FAILED", "CKV2_AISEC_46", "aws_ecr_repository.fail_serving_images"),
    ("PASSED", "CKV2_AISEC_46", "aws_ecr_repository.pass_batch_images"),
}
# Decided by a link the plan does not need: the notebook is private, the bucket is no model store.
READ_IN_BOTH = {
    ("PASSED", "CKV2_AISEC_45", "aws_sagemaker_notebook_instance.pass_private_notebook_writes_models"),
    ("PASSED", "CKV2_AISEC_46", "aws_s3_bucket.pass_web_assets"),
}


def _verdicts(findings: set[Any]) -> set[tuple[str, str, str]]:
    return {(f.verdict, f.check_id, f.address) for f in findings}


def test_policies_that_name_their_targets_by_reference_are_read_in_hcl() -> None:
    """jsonencode() policies whose Resource names a bucket or repository of the configuration by reference, as
    Checkov renders them (evaluated, or left as an unevaluated literal); unknown_* cases get no verdict."""
    found = _verdicts(scan_hcl(REFERENCES, ["CKV2_AISEC_45", "CKV2_AISEC_46"]))
    assert found == READ_IN_HCL | READ_IN_BOTH


def test_a_plan_does_not_say_what_a_policy_built_from_references_allows() -> None:
    """In a plan such a policy is known only after apply, and the configuration section lists the addresses the
    expression mentions, not the expression: the links through it stay UNKNOWN (no verdict), never PASS."""
    found = _verdicts(scan_plans([REFERENCES / "tfplan.json"], REFERENCES, ["CKV2_AISEC_45", "CKV2_AISEC_46"]))
    assert found == READ_IN_BOTH
