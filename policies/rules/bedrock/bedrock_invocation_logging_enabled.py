"""CKV2_AISEC_10: model invocation logging is configured in the region of every Bedrock resource.

Bedrock keeps one model invocation logging configuration per account and region, and logs nothing until it is
set. A Bedrock resource is covered when a logging configuration of the same scan is known to be in its region
(see ``policies.aws_regions``). The logging configuration is an account singleton kept in one root
configuration: a reusable module (``Graph.is_root`` false) is not required to hold it, so there a resource it
does not cover gets no verdict.
"""

from __future__ import annotations

from policies.aws_regions import region_of, same_region
from policies.graph import Graph
from policies.model import Resource, Result, Verdict, failed, passed, unknown

LOGGING = "aws_bedrock_model_invocation_logging_configuration"


MODULE = "this is a reusable module, and invocation logging is an account-level setting of the root configuration"


def evaluate(resource: Resource, graph: Graph) -> Result:
    result = _judge(resource, graph)
    if result.verdict is Verdict.FAIL and not graph.is_root:
        return unknown(f"{result.reason}; {MODULE}")
    return result


def _judge(resource: Resource, graph: Graph) -> Result:
    configurations = graph.of_type(LOGGING)
    if not configurations:
        return failed(f"no {LOGGING} in this configuration: Bedrock does not log model invocations by default")
    region = region_of(resource)
    matches = [(configuration, same_region(region, region_of(configuration))) for configuration in configurations]
    covering = [configuration.address for configuration, same in matches if same is True]
    if covering:
        return passed(f"model invocations in {region.describe()} are logged by {covering[0]}")
    if region is None:
        return unknown(f"the region of this resource is not known at plan time ({resource.get('region')})")
    undecided = [configuration.address for configuration, same in matches if same is None]
    if undecided:
        return unknown(f"whether {', '.join(undecided)} log {region.describe()} depends on provider settings")
    elsewhere = sorted({region_of(configuration).describe() for configuration in configurations})
    return failed(f"no {LOGGING} in {region.describe()}; invocation logging is configured in {', '.join(elsewhere)}")
