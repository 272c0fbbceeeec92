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
        # an export's layout is the tool's: its header, timings, voice tags, diarized
        # labels, speakers' lines and a scribe's header leave lower-case speech lower
        (
            "WEBVTT\n\nNOTE Auto transcript\n\n00:00:01.200 --> 00:00:04.800\n"
            "<v Dana Whitfield>so how was the drive in from fairhaven\n\n"
            "00:00:05.100 --> 00:00:07.950\n<v Marcus Oyelaran>not bad about forty minutes",
            "lower",
        ),
        ("SPEAKER_01: it was fine i guess we drove out to bakersfield", "lower"),
        ("SPEAKER 00: okay\nSPEAKER 01: we drove out to bakersfield on saturday", "lower"),
        (
            "Dana Whitfield  2:14\nso this week i tried the sleep thing\n\n"
            "[10:02 AM] Okafor, Chidi (Clinician)\nthat's normal did you keep the diary",
            "lower",
        ),
        (
            "Visit date: 03/14/2025\nPatient: Harold Ketchum\nProvider: Samira Haddad, MD\n\n"
            "Doctor: how have you been since we changed the blood thinner\n"
            "Patient: okay no bleeding my gums are fine",
            "lower",
        ),
        ('{"start": 3.9, "speaker": "Rosa Delgado", "text": "good actually we drove"}', "lower"),
        # ...but typed prose under the same layout stays mixed
        (
            "00:00:01.200 --> 00:00:04.800\n<v Dana Whitfield>So, how was the drive in?\n\n"
            "00:00:05.100 --> 00:00:07.950\n<v Marcus Oyelaran>Not bad. About forty minutes.",
            "mixed",
        ),
        ("Patient: Alert and oriented.\nPlan: Recheck in two weeks.", "mixed"),
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
