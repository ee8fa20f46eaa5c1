"""CKV2_AISEC_3: every S3 bucket has default encryption fit for what it holds: SSE-KMS under a
customer-managed key, or SSE-S3 (AES256) when it receives S3 server access logs.

The rule judges the content of the bucket's encryption configuration itself (with CKV_AISEC_1's logic, through
``s3_encryption_cmk.judge_configuration``) rather than trusting that CKV_AISEC_1 ran: a scan with
``--check CKV2_AISEC_3`` alone must still fail an AES256 bucket. Only here is the bucket's role visible, so
this is the rule that decides SSE-S3 against SSE-KMS (``policies.s3.log_target``).

It judges encryption configurations too, for the bucket a configuration cannot see inside it: when the
bucket is in the configuration the verdict stays on the bucket (the configuration passes with it or gets no
verdict); when it is not (a module given a bucket name), the configuration is judged on its own, with the
log deliveries this configuration sets up for that bucket name.
"""

from __future__ import annotations

from policies.graph import Graph
from policies.model import (
    Resource,
    Result,
    Verdict,
    combine,
    failed,
    first_block,
    passed,
    unknown,
)
from policies.rules.s3.s3_encryption_cmk import judge_configuration
from policies.s3 import buckets_of, log_target

BUCKET = "aws_s3_bucket"
CONFIGURATION = "aws_s3_bucket_server_side_encryption_configuration"


def _judge_configuration(configuration: Resource, graph: Graph) -> Result:
    """An encryption configuration is judged on its bucket when the bucket is in this configuration (a failure
    is reported once, there); otherwise (a module given a bucket name) on the configuration itself."""
    buckets = buckets_of(configuration, graph)
    if buckets:
        verdicts = [evaluate(bucket, graph) for bucket in buckets]
        if all(result.verdict is Verdict.PASS for result in verdicts):
            return passed(f"{_names(buckets)}: {verdicts[0].reason}")
        return unknown(f"judged on {_names(buckets)}, which this configuration encrypts")
    # The bucket is created elsewhere: logs delivered to it must be configured here to be seen.
    outside = Resource(BUCKET, f"the bucket {configuration.get('bucket')}", {"bucket": configuration.get("bucket")})
    return judge_configuration(configuration, log_target(outside, graph))


def _names(resources: list[Resource]) -> str:
    return ", ".join(resource.address for resource in resources)


def evaluate(resource: Resource, graph: Graph) -> Result:
    if resource.type == CONFIGURATION:
        return _judge_configuration(resource, graph)
    attached = graph.attached(resource, [CONFIGURATION], "bucket", target_names=("bucket",))
    inline = first_block(resource.attrs, "server_side_encryption_configuration")
    if not attached.found and inline is None:
        if attached.undecidable:
            names = ", ".join(configuration.address for configuration in attached.undecidable)
            return unknown(f"{names} may belong to this bucket: its bucket is not known at plan time")
        return failed(f"no {CONFIGURATION} points at this bucket: objects get SSE-S3 under an AWS-owned key")
    target = log_target(resource, graph)
    configurations = list(attached.found)
    if inline is not None:  # the legacy inline block has the same rule blocks as the separate resource
        configurations.append(Resource(CONFIGURATION, f"{resource.address} (inline)", inline))
    results = []
    for configuration in configurations:
        result = judge_configuration(configuration, target)
        results.append(Result(result.verdict, f"{configuration.address}: {result.reason}"))
    return combine(results, failed("no default encryption"))
