from __future__ import annotations

import pytest

from tests.scanning import RULE_EXAMPLES, Finding, scan_dockerfiles, scan_hcl, scan_manifests, scan_plans


@pytest.fixture(scope="session")
def rule_examples_hcl() -> set[Finding]:
    """Every rule's main.tf, scanned once by Checkov's Terraform runner with the whole pack."""
    return scan_hcl(RULE_EXAMPLES)


@pytest.fixture(scope="session")
def rule_examples_plan() -> set[Finding]:
    """Every rule's tfplan.json, scanned once by Checkov's plan runner with the whole pack."""
    return scan_plans(sorted(RULE_EXAMPLES.glob("*/*/tfplan.json")), RULE_EXAMPLES)


@pytest.fixture(scope="session")
def rule_examples_manifests() -> set[Finding]:
    """Every rule's Kubernetes manifests, scanned once by Checkov's kubernetes runner with the whole pack."""
    return scan_manifests(RULE_EXAMPLES)


@pytest.fixture(scope="session")
def rule_examples_dockerfiles() -> set[Finding]:
    """Every rule's Dockerfiles, scanned once by Checkov's dockerfile runner with the whole pack."""
    return scan_dockerfiles(RULE_EXAMPLES)
