"""Places in lower-case speech: what locates a client goes, the same words said as
everyday words stay (each case invented)."""

from __future__ import annotations

import pytest

import phimin


@pytest.fixture(scope="module")
def redactor() -> phimin.Redactor:
    return phimin.Redactor()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a road where a home or a shop is
        ("we rent a trailer off county road 7 now", "county road 7"),
        ("the gas station off exit 9 is where he works nights", "exit 9"),
        # a street after someone's home
        ("it's three doors down from my aunt's on walnut", "walnut"),
        # a part of a town, and the town after the part of it
        ("she got a place on the south side of toledo", "toledo"),
        ("my cousin is back in eastie with her kids", "eastie"),
        # a region abroad
        ("my parents still farm in bohol", "bohol"),
        ("we fled from kunduz when i was ten", "kunduz"),
        # a town near where someone was, in Spanish
        ("mi esposa creció cerca de tlaquepaque", "tlaquepaque"),
        # a town named after its kind, where the kind is placed first
        ("a small village in puebla called san andrés azumiatla", "san andrés azumiatla"),
    ],
)
def test_places_found(redactor: phimin.Redactor, text: str, place: str) -> None:
    out = redactor.redact(text).text
    assert place not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "i took route 12 to get here",
        "Route 9 was closed so i was late",
        "the i-94 and the i-20 are in the folder",
        "she keeps her files in suite 400 now",
        "my mom's on blood thinners now",
        "my dad's on state assistance",
        "the east side of the room gets the sun",
        "he is from the south side of nowhere, he jokes",
        "the garden of eden was in the bible study",
        "i'm walking through the valley of depression",
        "i put garlic on the tenderloin",
        "my dad watches hell's kitchen every night",
        "we were in the camp for six years",
        "we cooked punjabi food for church",
    ],
)
def test_everyday_words_kept(redactor: phimin.Redactor, text: str) -> None:
    assert redactor.redact(text).text == text
