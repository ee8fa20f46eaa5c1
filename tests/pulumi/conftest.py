from __future__ import annotations

import pytest

from tests.pulumi.mocks import RecordingMocks, install


@pytest.fixture
def mocks() -> RecordingMocks:
    """Fresh recording mocks for this test only (Pulumi's mocks are process-global)."""
    return install()
