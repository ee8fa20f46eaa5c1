"""Engine parity: the CrossGuard pack's verdict on each example's Pulumi twin equals Checkov's on the example.

Every rule folder's ``tfplan.json`` (a real plan) becomes a Pulumi stack of twins (``twins_from_plan``: the
pulumi-aws type tokens and camelCase inputs a program registering the same resources sends). The pack's
policies judge the twins in-process through pulumi-policy's argument types, and the verdicts, every pack
rule on every resource of every plan, must equal Checkov's plan runner's on the same plans.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from policies.catalog import load_catalog
from policies.crossguard_policies import UNKNOWN_SUFFIX, build_policies, pulumi_rules
from tests.pulumi.crossguard_harness import Twin, analyze_in_process, twins_from_plan
from tests.scanning import RULE_EXAMPLES, Finding


def no_pulumi_equivalent() -> set[str]:
    """Rules that judge nothing pulumi-aws registers: AWS Cloud Control (awscc_*) resources, Kubernetes
    objects and manifests, Dockerfiles. A Pulumi program has other providers for these; the pack does not run
    them. Read from the rules' metadata, so a new Kubernetes or Dockerfile rule needs no edit here."""
    return {rule.id for rule in load_catalog() if not any(t.startswith("aws_") for t in rule.resource_types)}


# Where the engines differ, as (folder, rule ID, Terraform address, Checkov's verdict, CrossGuard's verdict),
# None meaning no verdict (UNKNOWN). Each is explained in docs/pulumi.md ("Parity with Checkov").
_LOOKUP = "iam_no_broad_managed_policy_lookup"
KNOWN_DIFFERENCES: set[tuple[str, str, str, str | None, str | None]] = {
    # A `data "aws_iam_policy"` lookup: Terraform keeps the data source and its reference, CKV2_AISEC_30
    # follows it. A Pulumi program calls aws.iam.get_policy(); the stack has no data source, and its answer
    # arrives as a literal ARN (judged by CKV_AISEC_9 when known). The twins leave such lookups unresolved.
    (
        _LOOKUP,
        "CKV2_AISEC_30",
        "aws_iam_group_policy_attachments_exclusive.fail_exclusive_s3_full_access",
        "FAILED",
        "PASSED",
    ),
    (_LOOKUP, "CKV2_AISEC_30", "aws_iam_policy_attachment.fail_bedrock_full_access_shared", "FAILED", "PASSED"),
    (_LOOKUP, "CKV2_AISEC_30", "aws_iam_role.fail_role_managed_policy_arns", "FAILED", "PASSED"),
    (_LOOKUP, "CKV2_AISEC_30", "aws_iam_role_policy_attachment.fail_administrator_by_name", "FAILED", "PASSED"),
    (_LOOKUP, "CKV2_AISEC_30", "aws_iam_user_policy_attachment.fail_s3_full_access", "FAILED", "PASSED"),
    (_LOOKUP, "CKV_AISEC_9", "aws_iam_role.fail_role_managed_policy_arns", None, "PASSED"),
    # A resource rule sees one resource: where Terraform has a reference to another resource (a customer
    # policy's ARN, a bastion's security group), a Pulumi resource has a resolved literal ID that the rule
    # cannot tell from an arbitrary one, so it reports UNKNOWN (advisory) instead of PASS.
    (
        "iam_no_broad_managed_policies",
        "CKV_AISEC_9",
        "aws_iam_group_policy_attachments_exclusive.pass_exclusive_customer_policy",
        "PASSED",
        None,
    ),
    ("eks_node_group_no_open_ssh", "CKV_AISEC_49", "aws_eks_node_group.pass_ssh_from_bastion", "PASSED", None),
}

Verdicts = set[tuple[str, str, str, str]]  # (folder, rule ID, address, "PASSED" | "FAILED")


def _stacks() -> Iterator[tuple[str, list[Twin]]]:
    for plan_path in sorted(RULE_EXAMPLES.glob("*/*/tfplan.json")):
        folder = plan_path.parent.name
        yield folder, twins_from_plan(json.loads(plan_path.read_text(encoding="utf-8")), folder)


@pytest.fixture(scope="module")
def crossguard_verdicts() -> tuple[Verdicts, set[str]]:
    """Every verdict the pack gives on the twins, and every (folder, address) it has a twin for."""
    policies = build_policies()
    rules = pulumi_rules()
    verdicts: Verdicts = set()
    twinned: set[str] = set()
    for folder, twins in _stacks():
        by_urn = {twin.urn: twin for twin in twins}
        reported = analyze_in_process(policies, twins)
        failed = {(name, u) for name, u, _ in reported if not name.endswith(UNKNOWN_SUFFIX)}
        unknown = {(name.removesuffix(UNKNOWN_SUFFIX), u) for name, u, _ in reported if name.endswith(UNKNOWN_SUFFIX)}
        for twin in twins:
            twinned.add(f"{folder}/{twin.address}")
            tf_type = twin.address.split(".")[-2]
            for rule in rules:
                if tf_type not in rule.resource_types:
                    continue
                key = (rule.id, twin.urn)
                assert not (key in failed and key in unknown), key
                if key in failed:
                    verdicts.add((folder, rule.id, twin.address, "FAILED"))
                elif key not in unknown:
                    verdicts.add((folder, rule.id, twin.address, "PASSED"))
        assert all(u in by_urn for _, u, _ in reported), "a violation names a URN outside the stack"
    return verdicts, twinned


def test_rules_without_a_pulumi_equivalent_are_exactly_the_listed_ones() -> None:
    """awscc_*, Kubernetes and Dockerfile rules; every other rule runs in the pack."""
    catalog = {rule.id for rule in load_catalog()}
    running = {rule.id for rule in pulumi_rules()}
    assert catalog - running == no_pulumi_equivalent()
    assert {"CKV_AISEC_85", "CKV_AISEC_100", "CKV_AISEC_104"} <= no_pulumi_equivalent()  # awscc, k8s, Dockerfile


def test_every_example_resource_of_a_pack_rule_has_a_twin(crossguard_verdicts: tuple[Verdicts, set[str]]) -> None:
    _, twinned = crossguard_verdicts
    running = {rule.id: rule for rule in pulumi_rules()}
    missing = []
    for plan_path in sorted(RULE_EXAMPLES.glob("*/*/tfplan.json")):
        plan = json.loads(plan_path.read_text(encoding="utf-8"))
        for resource in plan["planned_values"]["root_module"].get("resources", []):
            judged = any(resource["type"] in rule.resource_types for rule in running.values())
            where = f"{plan_path.parent.name}/{resource['address']}"
            if resource.get("mode") == "managed" and judged and where not in twinned:
                missing.append(where)
    assert missing == []


def test_crossguard_verdicts_on_the_twins_equal_checkovs_on_the_plans(
    crossguard_verdicts: tuple[Verdicts, set[str]], rule_examples_plan: set[Finding]
) -> None:
    verdicts, twinned = crossguard_verdicts
    running = {rule.id for rule in pulumi_rules()}
    checkov: Verdicts = {
        (f.file.split("/")[-2], f.check_id, f.address, f.verdict)
        for f in rule_examples_plan
        if f.check_id in running and f"{f.file.split('/')[-2]}/{f.address}" in twinned
    }
    assert len(checkov) > 1000, "Checkov judged too little: were the plans scanned?"
    only_checkov = {(f, r, a, v, None) for f, r, a, v in checkov - verdicts}
    only_crossguard = {(f, r, a, None, v) for f, r, a, v in verdicts - checkov}
    differences: dict[tuple[str, str, str], list[str | None]] = {}
    for folder, rule_id, address, checkov_verdict, crossguard_verdict in only_checkov | only_crossguard:
        pair = differences.setdefault((folder, rule_id, address), [None, None])
        pair[0] = pair[0] or checkov_verdict
        pair[1] = pair[1] or crossguard_verdict
    assert {(*key, *pair) for key, pair in differences.items()} == KNOWN_DIFFERENCES
    agreeing = len(checkov & verdicts)
    assert agreeing == len(checkov) - sum(1 for d in KNOWN_DIFFERENCES if d[3] is not None)
