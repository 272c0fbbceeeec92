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
        # a college said short, a campus after its system's name
        ("my stepdaughter transferred to boise state last fall", "boise"),
        ("he's doing the lineman course at chattahoochee tech", "chattahoochee"),
        ("she got into uc riverside off the waitlist", "riverside"),
        # a corner, a block and a round hundred, said as speech
        ("the laundromat on the corner of ninth and sherman", "sherman"),
        ("they shot at a car on the thirty one hundred block of lyndale", "lyndale"),
        ("my mom's house is at twenty four hundred harlan", "harlan"),
        # held, sent or treated at a house of everyday words; a psychiatric center's name
        ("the judge sent him to cornerstone house for six months", "cornerstone"),
        ("she's back in the millbrook psychiatric center", "millbrook"),
        # a parish school, a saint's small town where someone went, a saint's city in Spanish
        ("my boys both went to holy trinity through eighth grade", "holy trinity"),
        ("salimos de san vicente de noche", "san vicente"),
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
        # a distance and its direction, not a street
        "we live at 12 north of here",
        "my sister is like 30 west of town",
        # a state of mind, a team's trip, a job at a desk
        "i just want to get back to a normal state",
        "our team made it to state this year",
        "he's been at tech support since nine",
        # a town's name inside a saying, a sight on a trip
        "trouble in paradise, as my mom says",
        "it gave me a real sense of independence",
        "all roads lead to rome with him",
        "we went to the grand canyon for spring break",
        # a place to eat, a prayer, a saint's day
        "we took her to pizza house for her birthday",
        "i pray to the holy family every night",
        "i'm at eighteen hundred calories a day now",
        "out of the corner of my eye and then it was gone",
    ],
)
def test_everyday_words_kept(redactor: phimin.Redactor, text: str) -> None:
    assert redactor.redact(text).text == text
