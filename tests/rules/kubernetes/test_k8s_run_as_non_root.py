"""CKV_AISEC_100 edge cases, judged by calling the rule's logic on normalized resources."""

from __future__ import annotations

from typing import Any

import pytest

from policies.model import Resource, Verdict
from policies.rules.kubernetes.k8s_run_as_non_root import evaluate


def pod(container_context: Any = None, pod_context: Any = None) -> Resource:
    container: dict[Any, Any] = {"name": "server", "image": "registry.example.com/llm:1"}
    if container_context is not None:
        container["securityContext"] = container_context
    spec: dict[Any, Any] = {"containers": [container]}
    if pod_context is not None:
        spec["securityContext"] = pod_context
    return Resource("Pod", "Pod.default.p", {"kind": "Pod", "spec": spec})


@pytest.mark.parametrize("uid", [0, 0.0, "0", "+0", " 0", "00", "-0"])
def test_uid_0_in_any_spelling_fails_even_with_run_as_non_root(uid: Any) -> None:
    result = evaluate(pod({"runAsUser": uid, "runAsNonRoot": True}))
    assert result.verdict is Verdict.FAIL
    assert "root" in result.reason


@pytest.mark.parametrize("uid", [1000, "1000", 65534.0])
def test_a_positive_uid_passes(uid: Any) -> None:
    assert evaluate(pod({"runAsUser": uid})).verdict is Verdict.PASS


@pytest.mark.parametrize("uid", ["app", -5, True, [1000], {"uid": 1000}])
def test_a_run_as_user_that_is_not_a_positive_uid_does_not_pass_alone(uid: Any) -> None:
    assert evaluate(pod({"runAsUser": uid})).verdict is Verdict.FAIL


def test_the_pod_level_uid_applies_unless_the_container_sets_its_own() -> None:
    assert evaluate(pod(pod_context={"runAsUser": "+0"})).verdict is Verdict.FAIL
    assert evaluate(pod({"runAsUser": 1000}, {"runAsUser": 0})).verdict is Verdict.PASS


def test_keys_that_are_not_strings_are_ignored() -> None:
    """YAML reads an unquoted `on:` as True and `1:` as 1; such keys sit beside the real ones."""
    assert evaluate(pod({True: "x", 2: 3, "runAsUser": 1000}, {None: 1})).verdict is Verdict.PASS
    assert evaluate(pod({True: "x", "runAsUser": 0})).verdict is Verdict.FAIL
