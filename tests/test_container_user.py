"""policies.container_user.is_root_user: a user read the way the container runtime reads it."""

from __future__ import annotations

from typing import Any

import pytest

from policies.container_user import is_root_user, user_part


@pytest.mark.parametrize(
    "user",
    [
        0,
        0.0,
        "0",
        "00",
        "+0",
        "-0",
        " 0",
        "0 ",
        "0:0",
        "0:1000",
        "root",
        "root:root",
        "root:ml",
        '"root"',
        "'0'",
        ' "0:0" ',
        "000:",
    ],
)
def test_root_in_every_spelling_the_runtime_accepts(user: Any) -> None:
    assert is_root_user(user) is True


@pytest.mark.parametrize(
    "user",
    [1000, 1000.0, "1000", "1000:0", "+1000", "app", "app:root", "nonroot", "rooty", "ROOT", '"app"', "10001:10001"],
)
def test_other_users_are_not_root(user: Any) -> None:
    assert is_root_user(user) is False


@pytest.mark.parametrize("user", [None, True, False, "", "  ", ":0", '""', 0.5, [], {}, ["0"]])
def test_values_that_name_no_user_cannot_be_judged(user: Any) -> None:
    assert is_root_user(user) is None


def test_user_part_drops_the_group_blanks_and_one_pair_of_quotes() -> None:
    assert user_part(' "root:ml" ') == "root"
    assert user_part("app:0") == "app"
    assert user_part("'1000'") == "1000"
