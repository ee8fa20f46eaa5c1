"""The aisec-iac CrossGuard policy pack: ``pulumi preview --policy-pack "$(aisec-iac crossguard-dir)"``.

This file only assembles the pack and starts it (``PolicyPack`` serves the analyzer and blocks); the
policies are built in ``policies.crossguard_policies``.
"""

from pulumi_policy import PolicyPack

from policies.crossguard_policies import DEFAULT_ENFORCEMENT, PACK_NAME, build_policies

PolicyPack(
    name=PACK_NAME,
    policies=build_policies(),
    enforcement_level=DEFAULT_ENFORCEMENT,
    description="aisec-iac: plan-time checks for AI workloads on AWS (SageMaker, Bedrock, model data, GPUs)",
    display_name="aisec-iac",
    provider="aws",
)
