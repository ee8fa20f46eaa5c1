"""Kubernetes manifests whose YAML keys are not strings, or whose values have the wrong type, get a verdict
from every Kubernetes rule: through the real Checkov engine, and through the rules' logic called directly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policies.catalog import load_catalog
from policies.model import Resource, Verdict
from tests.scanning import scan_manifests

KUBERNETES_RULES = [rule for rule in load_catalog() if rule.kubernetes_kinds]

# `on:` unquoted is the boolean True, `1:` the integer 1: at the top, in labels, in pod and container specs.
ODD_KEYS = """\
apiVersion: apps/v1
kind: Deployment
on: push
metadata:
  name: odd-keys
  namespace: ml
  labels:
    app: server
    1: x
spec:
  selector:
    matchLabels:
      on: true
  template:
    metadata:
      labels:
        on: true
    spec:
      1: x
      securityContext:
        runAsNonRoot: true
        on: false
      containers:
        - name: server
          image: registry.example.com/llm:1
          on: [1, 2]
          securityContext:
            2: y
            allowPrivilegeEscalation: false
            privileged: false
            readOnlyRootFilesystem: true
---
apiVersion: v1
kind: Pod
metadata:
  name: odd-keys-root
  namespace: ml
  labels:
    1: x
spec:
  containers:
    - name: server
      image: registry.example.com/llm:1
      securityContext:
        on: true
        runAsUser: 0
        allowPrivilegeEscalation: true
        privileged: true
        readOnlyRootFilesystem: false
"""


def test_checkov_judges_manifests_with_non_string_keys(tmp_path: Path) -> None:
    (tmp_path / "odd.yaml").write_text(ODD_KEYS, encoding="utf-8")
    findings = {(f.check_id, f.verdict, f.address) for f in scan_manifests(tmp_path)}
    ids = {rule.id for rule in KUBERNETES_RULES if {"Pod", "Deployment"} <= set(rule.kubernetes_kinds)}
    # The pod-security rules tell the locked-down Deployment from the root Pod; the supply-chain rules see the
    # same image (a tag outside ECR: not pinned) and no remote-code switch or literal secret in either.
    security = {"CKV_AISEC_100", "CKV_AISEC_101", "CKV_AISEC_102", "CKV_AISEC_103"}
    clean = {"CKV_AISEC_132", "CKV_AISEC_143"}
    unpinned = {"CKV_AISEC_136"}
    assert ids == security | clean | unpinned
    objects = ("Deployment.ml.odd-keys", "Pod.ml.odd-keys-root")
    assert findings == {
        *((rule_id, "PASSED", objects[0]) for rule_id in security),
        *((rule_id, "FAILED", objects[1]) for rule_id in security),
        *((rule_id, "PASSED", address) for rule_id in clean for address in objects),
        *((rule_id, "FAILED", address) for rule_id in unpinned for address in objects),
    }


ODD_VALUES: list[Any] = [
    None,
    "text",
    3,
    True,
    [],
    [None],
    {True: 1},
    {1: {"containers": 5}},
    [{"name": 1, True: [{}]}],
]


def _shapes(odd: Any) -> list[dict[Any, Any]]:
    """The odd value at each level of a Deployment's pod template."""
    return [
        {"spec": odd},
        {"spec": {"template": odd}},
        {"spec": {"template": {"spec": odd}}},
        {"spec": {"template": {"spec": {"containers": odd, True: odd}}}},
        {"spec": {"template": {"spec": {"containers": [odd], "securityContext": odd}}}},
        {
            "spec": {
                "template": {"spec": {"initContainers": odd, "containers": [{"name": "a", "securityContext": odd}]}}
            }
        },
        {True: odd, 2: odd, "spec": {"template": {"spec": {"containers": [{1: odd, "securityContext": {True: odd}}]}}}},
    ]


@pytest.mark.parametrize("rule", KUBERNETES_RULES, ids=lambda rule: rule.id)
@pytest.mark.parametrize("odd", ODD_VALUES, ids=repr)
def test_odd_keys_and_types_never_raise(rule: Any, odd: Any) -> None:
    for kind in rule.kubernetes_kinds:
        for attrs in _shapes(odd):
            result = rule.evaluate(Resource(kind, f"{kind}.default.odd", {"kind": kind, **attrs}))
            assert result.verdict in (Verdict.PASS, Verdict.FAIL, Verdict.UNKNOWN)
