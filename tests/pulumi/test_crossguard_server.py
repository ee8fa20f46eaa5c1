"""The CrossGuard pack end to end, driven as the Pulumi engine drives it: ``__main__.py`` runs as a process,
prints its port, and the test calls the Analyzer service over gRPC with the pulumi SDK's protobuf stubs."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator

import grpc
import pytest
from google.protobuf import empty_pb2
from pulumi.runtime.proto import analyzer_pb2, analyzer_pb2_grpc

from policies.crossguard_policies import PACK_DIR, PACK_NAME, pulumi_rules
from tests.pulumi.crossguard_harness import analyze_request, stack_request, urn, violations

UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"  # the engine's unknown string
SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"
KEY = "aws:kms/key:Key"
BUCKET = "aws:s3/bucket:Bucket"
CMK = "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-0000-4000-8000-000000000000"
TIMEOUT = 30


def _sse(kms_key: str) -> dict:
    return {
        "bucket": "training-data",
        "rules": [{"applyServerSideEncryptionByDefault": {"sseAlgorithm": "aws:kms", "kmsMasterKeyId": kms_key}}],
    }


@pytest.fixture(scope="module")
def analyzer() -> Iterator[analyzer_pb2_grpc.AnalyzerStub]:
    process = subprocess.Popen(
        [sys.executable, "-u", str(PACK_DIR / "__main__.py")],
        cwd=PACK_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first_line: list[str] = []
        reader = threading.Thread(target=lambda: first_line.append(process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(TIMEOUT)
        if not first_line or not first_line[0].strip().isdigit():
            process.kill()
            pytest.fail(f"the pack printed no port: {first_line!r} {process.communicate(timeout=5)[1][-2000:]}")
        channel = grpc.insecure_channel(f"127.0.0.1:{int(first_line[0])}")
        grpc.channel_ready_future(channel).result(timeout=TIMEOUT)
        yield analyzer_pb2_grpc.AnalyzerStub(channel)
        channel.close()
    finally:
        process.kill()
        process.wait(timeout=TIMEOUT)


def test_analyzer_info_lists_a_mandatory_and_an_advisory_policy_per_rule(analyzer) -> None:
    info = analyzer.GetAnalyzerInfo(empty_pb2.Empty(), timeout=TIMEOUT)
    assert info.name == PACK_NAME and info.supportsConfig
    levels = {policy.name: policy.enforcementLevel for policy in info.policies}
    expected = {}
    for rule in pulumi_rules():
        expected[rule.id] = analyzer_pb2.MANDATORY
        expected[f"{rule.id}-unknown"] = analyzer_pb2.ADVISORY
    assert levels == expected
    sse_policy = next(policy for policy in info.policies if policy.name == "CKV_AISEC_1")
    assert sse_policy.severity == analyzer_pb2.POLICY_SEVERITY_HIGH
    assert sse_policy.policy_type == analyzer_pb2.POLICY_TYPE_RESOURCE
    assert "SecureBucket" in sse_policy.remediation_steps


def test_a_failing_resource_gets_exactly_its_rules_mandatory_violation(analyzer) -> None:
    response = analyzer.Analyze(analyze_request(SSE, "sse", _sse("alias/aws/s3")), timeout=TIMEOUT)
    assert violations(response) == {("CKV_AISEC_1", "", "mandatory")}  # the engine fills in the URN
    [diagnostic] = response.diagnostics
    assert diagnostic.severity == analyzer_pb2.POLICY_SEVERITY_HIGH
    assert "[HIGH] CKV_AISEC_1" in diagnostic.message and "Remediation (Pulumi)" in diagnostic.message


def test_a_compliant_resource_gets_no_violation(analyzer) -> None:
    assert violations(analyzer.Analyze(analyze_request(SSE, "sse", _sse(CMK)), timeout=TIMEOUT)) == set()
    key = {"enableKeyRotation": True, "description": "training data"}
    assert violations(analyzer.Analyze(analyze_request(KEY, "key", key), timeout=TIMEOUT)) == set()


def test_a_value_unknown_during_preview_is_an_advisory_violation_not_a_pass(analyzer) -> None:
    key = {"enableKeyRotation": UNKNOWN, "description": "training data"}
    response = analyzer.Analyze(analyze_request(KEY, "key", key), timeout=TIMEOUT)
    assert violations(response) == UNKNOWN_KEY_VIOLATIONS


def test_odd_properties_do_not_crash_the_pack(analyzer) -> None:
    odd = {"rules": "yes", "bucket": 3.0, "tags": [1.0, None], "": {"x": UNKNOWN}}
    response = analyzer.Analyze(analyze_request(SSE, "odd", odd), timeout=TIMEOUT)
    assert violations(response) == ODD_SSE_VIOLATIONS
    odd_key = {"enableKeyRotation": {"nested": [UNKNOWN]}, "policy": "{not json"}
    assert violations(analyzer.Analyze(analyze_request(KEY, "odd", odd_key), timeout=TIMEOUT)) == ODD_KEY_VIOLATIONS


def test_the_stack_is_judged_as_one_configuration(analyzer) -> None:
    stack = [
        (BUCKET, "covered", {"bucket": "covered-bucket", "id": "covered-bucket"}),
        (BUCKET, "uncovered", {"bucket": "uncovered-bucket", "id": "uncovered-bucket"}),
        (
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "block",
            {
                "bucket": "covered-bucket",
                "blockPublicAcls": True,
                "blockPublicPolicy": True,
                "ignorePublicAcls": True,
                "restrictPublicBuckets": True,
            },
        ),
    ]
    response = analyzer.AnalyzeStack(stack_request(stack), timeout=TIMEOUT)
    assert violations(response) == STACK_VIOLATIONS


def test_the_packs_config_sets_a_rules_enforcement_level(analyzer) -> None:
    config = {"CKV_AISEC_1": analyzer_pb2.PolicyConfig(enforcementLevel=analyzer_pb2.ADVISORY)}
    analyzer.Configure(analyzer_pb2.ConfigureAnalyzerRequest(policyConfig=config), timeout=TIMEOUT)
    try:
        response = analyzer.Analyze(analyze_request(SSE, "sse", _sse("alias/aws/s3")), timeout=TIMEOUT)
        assert violations(response) == {("CKV_AISEC_1", "", "advisory")}
    finally:
        analyzer.Configure(analyzer_pb2.ConfigureAnalyzerRequest(), timeout=TIMEOUT)
    response = analyzer.Analyze(analyze_request(SSE, "sse", _sse("alias/aws/s3")), timeout=TIMEOUT)
    assert violations(response) == {("CKV_AISEC_1", "", "mandatory")}


# KMS key rotation (CKV_AISEC_4) needs the literal value: unknown is advisory, not a pass.
UNKNOWN_KEY_VIOLATIONS = {("CKV_AISEC_4-unknown", "", "advisory")}
# A string where the rule blocks belong is no customer-managed key: FAIL, not a crash.
ODD_SSE_VIOLATIONS = {("CKV_AISEC_1", "", "mandatory")}
# A rotation flag that is a map, a key policy that is not JSON: neither can be judged, so both are advisory.
ODD_KEY_VIOLATIONS = {("CKV_AISEC_4-unknown", "", "advisory"), ("CKV_AISEC_112-unknown", "", "advisory")}
# CKV2_AISEC_1 (public access block) finds the block through the bucket's name: only "uncovered" fails it.
# CKV2_AISEC_2 (TLS-only policy) and CKV2_AISEC_3 (encryption) fail both buckets, which have neither.
STACK_VIOLATIONS = {
    ("CKV2_AISEC_1", urn("dev", BUCKET, "uncovered"), "mandatory"),
    ("CKV2_AISEC_2", urn("dev", BUCKET, "covered"), "mandatory"),
    ("CKV2_AISEC_2", urn("dev", BUCKET, "uncovered"), "mandatory"),
    ("CKV2_AISEC_3", urn("dev", BUCKET, "covered"), "mandatory"),
    ("CKV2_AISEC_3", urn("dev", BUCKET, "uncovered"), "mandatory"),
}
