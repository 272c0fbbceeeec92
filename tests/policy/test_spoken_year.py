"""A date said in words keeps its year under safe-harbor, as a date in digits does."""

from __future__ import annotations

from typing import Any

import pytest

from phimin._transform import spoken_year


@pytest.mark.parametrize(
    ("said", "year"),
    [
        ("march third twenty twenty one", "2021"),
        ("june ninth nineteen eighty seven", "1987"),
        ("the fifth of may twenty oh nine", "2009"),
        ("april two thousand and nine", "2009"),
        ("june 9 two thousand", "2000"),
        ("january nineteen ninety", "1990"),
        ("the 14th twenty twenty four.", "2024"),
    ],
)
def test_the_year_a_spoken_date_ends_with(said: str, year: str) -> None:
    assert spoken_year(said) == year


@pytest.mark.parametrize("said", ["may twenty", "the twenty first", "march third", "twenty"])
def test_no_year_is_made_up(said: str) -> None:
    assert spoken_year(said) is None


def test_safe_harbor_keeps_the_year_strict_does_not(redact: Any) -> None:
    text = "she was born march third twenty twenty one in the morning"
    assert redact(text) == "she was born [date in 2021] in the morning"
    assert redact(text, policy="strict") == "she was born [date] in the morning"
