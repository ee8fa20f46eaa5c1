"""The README's Pulumi example runs as written, under mocks, and what it registers passes every rule."""

from __future__ import annotations

import re

from policies.docs import README
from policies.model import Verdict
from tests.pulumi.mocks import RecordingMocks, findings, run


def readme_example() -> str:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    [example] = [block for block in blocks if "from pulumi_components import" in block]
    return example


def test_readme_example_is_about_ten_lines() -> None:
    assert len(readme_example().strip().splitlines()) <= 14


def test_readme_example_runs_and_passes_the_rules(mocks: RecordingMocks) -> None:
    run(lambda: exec(compile(readme_example(), "README.md", "exec"), {}))
    types = {resource.type for resource in mocks.registered}
    assert {"aisec:network:PrivateAiNetwork", "aisec:s3:SecureBucket", "aisec:sagemaker:SecureNotebook"} <= types
    results = findings(mocks)
    assert len({rule for rule, _, _ in results}) >= 10
    assert [(rule, address) for rule, address, result in results if result.verdict is not Verdict.PASS] == []
