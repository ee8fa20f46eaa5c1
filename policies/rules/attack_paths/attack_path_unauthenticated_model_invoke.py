"""CKV2_AISEC_47: no unauthenticated entry point leads to a function that may invoke models on ``*``.

The path: anyone -> a Lambda function URL with authorization_type NONE, or an API Gateway method with
authorization NONE whose integration sends requests to a Lambda function -> the function's role -> an IAM
grant of bedrock:InvokeModel* or sagemaker:InvokeEndpoint* (by any pattern: ``bedrock:*``, ``*``) on ``"*"``.
Reported on the entry point, with the path in the reason.
"""

from __future__ import annotations

from policies import attack_paths
from policies.graph import Graph
from policies.model import Resource, Result, Verdict, failed, passed, unknown

ACTIONS = (
    "bedrock:InvokeModel",
    "bedrock:InvokeModelWithResponseStream",
    "sagemaker:InvokeEndpoint",
    "sagemaker:InvokeEndpointAsync",
    "sagemaker:InvokeEndpointWithResponseStream",
)


def evaluate(resource: Resource, graph: Graph) -> Result:
    opening, function = attack_paths.entry_function(resource, graph)
    if opening.verdict is not Verdict.FAIL or function is None:
        return opening
    role = attack_paths.workload_role(function, graph)
    invoke = attack_paths.path_through_role(
        function.address,
        role,
        lambda found: attack_paths.role_may(
            found, graph, ACTIONS, attack_paths.covers_everything, "invoke Bedrock models or SageMaker endpoints on *"
        ),
    )
    if invoke.verdict is Verdict.PASS:
        return passed(f"{opening.reason}, but {invoke.reason}")
    if invoke.verdict is Verdict.UNKNOWN:
        return unknown(f"{opening.reason}; the invoke link is unknown: {invoke.reason}")
    role_address = role.address if isinstance(role, Resource) else "its role"
    return failed(
        f"model abuse path: anyone -> {resource.address} ({opening.reason}) -> role {role_address} -> "
        f"{invoke.reason}: unauthenticated callers spend on the models (denial of wallet)"
    )
