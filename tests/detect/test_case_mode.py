"""How far capitals can be trusted in a text (`phimin._detect.case.case_mode`): a
transcript whose only capitals are its speakers' labels or the pronoun "I", or whose
sentences start in lower case, is lower-case speech, and the rules read its names and
places as such."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import phimin
from phimin._detect.case import SPEAKER_LABEL, _without_labels, case_mode


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("T: where did you grow up C: over by the river and then downtown", "lower"),
        ("CLIENT: yeah i think so. THERAPIST: okay so tell me more", "lower"),
        ("so I went out there and I think it was fine, I'm okay", "lower"),
        # typed in lower case but for a few words someone capitalized
        ("so i told Marcus no. then hope called", "lower"),
        ("we went to UCLA last year and my son hope loves it", "lower"),
        # a chart's headings are capitals of their own: the note stays what it is
        ("Client: Reports low mood. Plan: follow up next week.", "mixed"),
        ("NEURO: alert and oriented. CV: stable, no edema.", "mixed"),
        ("Pt alert. VSS. Cont to monitor.", "mixed"),
        ("NEURO: ALERT AND ORIENTED X3, MAE", "upper"),
        # typed speech with capitals of its own besides "I"
        ("CLIENT: Yeah, I think so. THERAPIST: Okay.", "mixed"),
    ],
)
def test_case_mode(text: str, mode: str) -> None:
    assert case_mode(text) == mode


def test_labelled_lower_case_speech_reads_names_and_places(redactor: phimin.Redactor) -> None:
    text = "C: so I moved to tucson with my sister hope and she's great"
    result = redactor.redact(text)
    assert "tucson" not in result.text
    assert "hope" not in result.text
    assert result.text.startswith("C: so I moved to ")


# Texts of speakers' labels, colons, spaces and words, where a label may sit anywhere.
_LABELLED = st.lists(
    st.sampled_from(
        ["T", "C", "CLIENT", "client", "Therapist", "speaker 2", "interviewer", "x", "Dr",
         ":", " ", "  ", "\t", "\n", "so", "I", "word", "wordT", "a:b", "12:30", "-"]
    ),
    max_size=30,
).map("".join)


@given(_LABELLED)
@settings(max_examples=300)
def test_labels_found_before_colons_are_the_labels_a_scan_finds(text: str) -> None:
    # (the labels are looked for only just before each colon, for speed: the text
    # left must be what removing every match of the pattern leaves)
    assert _without_labels(text) == SPEAKER_LABEL.sub("", text)
