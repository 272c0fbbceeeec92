"""A sensitive span covers the whole phrase it generalizes: never "four or [substance use]"."""

from __future__ import annotations

import regex
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import phimin
from phimin._catalogue import Catalogue
from phimin._detect.detection import Detection
from phimin._phrases import whole_phrases

AMOUNTS = ["two", "three", "four", "five", "2", "3", "10", "twenty", "a few", "a couple of"]
JOINTS = [" or ", " to ", " and ", "-", " - ", "–", "/"]
PHRASES = ["beers a night", "drinks a day", "shots of vodka", "glasses of wine a night"]


def test_the_readme_example_keeps_its_sentence(redactor: phimin.Redactor) -> None:
    cases = {
        "He drinks four or five beers a night.": "He drinks [substance use].",
        "She has two to three drinks a day.": "She has [substance use].",
        "He was drinking 10-12 beers a day.": "He was drinking [substance use].",
        "like three or four or five beers a night": "like [substance use]",
        "He drinks 4 - 5 beers a night, GAD-7 was 12.": "He drinks [substance use], GAD-7 was 12.",
        "two or two-two or five beers a night": "[substance use]",
        # (number words are read as digits first: "2-2-2-5" is amounts, not a date)
        "He has two-two-two-five beers a night.": "He has [substance use].",
        "He has 2-2-2-5 beers a night.": "He has [substance use].",
        "She is 4 or 5 weeks pregnant.": "She is [reproductive health matter].",
    }
    for text, expected in cases.items():
        assert redactor.redact(text).text == expected, text


def test_spans_not_beginning_with_an_amount_are_left_as_found(
    redactor: phimin.Redactor,
) -> None:
    # A sensitive match that begins with a word, and amounts that are no part of one.
    assert redactor.redact("Four or five times he was arrested.").text == (
        "Four or five times he was [legal matter]."
    )
    # A score or a date before the phrase is never taken into it.
    assert redactor.redact("GAD-7 and five beers a night.").text == "GAD-7 and [substance use]."
    assert redactor.redact("Seen 3/10/2026 and five beers a night.").text == (
        "Seen [date in 2026] and [substance use]."
    )
    assert redactor.redact("Seen 2026-03-10 and five beers a night.").text == (
        "Seen [date in 2026] and [substance use]."
    )
    assert redactor.redact("Seen 3-10-26 and five beers a night.").text == (
        "Seen [date] and [substance use]."
    )
    assert redactor.redact("He sleeps 4 or 5 hours; he was arrested.").text == (
        "He sleeps 4 or 5 hours; he was [legal matter]."
    )


def test_only_sensitive_detections_grow(redactor: phimin.Redactor) -> None:
    catalogue: Catalogue = redactor.catalogue
    text = "seen 3 or 4/12/2026 and two or five beers a night"
    date = Detection(10, 19, "DATE", 0.9, "phimin.date.numeric")
    beers = Detection(text.index("five"), len(text), "SUBSTANCE_USE", 0.9, "SUB-002")
    grown = whole_phrases(text, [date, beers], catalogue)
    assert grown[0] == date
    assert text[grown[1].start : grown[1].end] == "two or five beers a night"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(AMOUNTS), min_size=1, max_size=3),
    st.lists(st.sampled_from(JOINTS), min_size=3, max_size=3),
    st.sampled_from(["five", "5", "a few", "several", "twelve"]),
    st.sampled_from(PHRASES),
)
def test_no_amount_is_left_hanging_before_a_wording(
    redactor: phimin.Redactor, amounts: list[str], joints: list[str], last: str, phrase: str
) -> None:
    lead = "".join(a + j for a, j in zip(amounts, joints, strict=False))
    text = f"Lately he has {lead}{last} {phrase} with friends."
    # (digits joined as a date writes them, "2-2-10" or "3/10/5", are a date, not amounts)
    assume(not regex.search(r"\d{1,2}([-/–])\d{1,2}\1\d{1,2}", text))
    out = redactor.redact(text).text
    assert out.startswith("Lately he has ")
    assert out.endswith(" with friends.")
    if "[substance use" in out:
        assert out == "Lately he has [substance use] with friends.", text
    assert not regex.search(r"(?:\d|\b(?:or|to|and))\s*-?\s*\[substance use", out), out


def test_a_tests_result_goes_with_what_was_tested(redactor: phimin.Redactor) -> None:
    cases = {
        "she tested positive for chlamydia again": "she [health condition] again",
        "she has the lynch syndrome mutation, like her dad": "she has the [genetic information],",
        "he is a carrier of brca2 and so is his son": "he is [genetic information] and so",
    }
    for text, start in cases.items():
        assert redactor.redact(text).text.startswith(start), text
