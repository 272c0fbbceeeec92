"""Properties over random clinical text: planted identifiers never survive, output is
stable under a second redaction, and findings point into the input."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import phimin

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

FILLER = [
    "Client reports low mood and poor sleep.",
    "Sertraline 50 mg daily, PHQ-9 score 14.",
    "We practiced grounding for 10 minutes.",
    "She will follow up in 2 weeks.",
    "Pain 6/10, improving since last Tuesday.",
    "Discussed CBT homework and values.",
    "He says work has been stressful.",
    "[doctor] how are you feeling today ?",
    "[patient] better , i think .",
    "GAD-7 was 12; no SI or HI.",
]


@st.composite
def ssns(draw: st.DrawFn) -> str:
    area = draw(st.integers(1, 899).filter(lambda a: a != 666))
    group = draw(st.integers(1, 99))
    serial = draw(st.integers(1, 9999))
    sep = draw(st.sampled_from(["-", " "]))
    return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"


@st.composite
def phones(draw: st.DrawFn) -> str:
    area = draw(st.integers(201, 989))
    exchange = draw(st.integers(200, 999))
    line = draw(st.integers(0, 9999))
    style = draw(st.sampled_from(["({a}) {e}-{l}", "{a}-{e}-{l}", "{a}.{e}.{l}", "+1 {a} {e} {l}"]))
    return style.format(a=area, e=exchange, l=f"{line:04d}")


@st.composite
def emails(draw: st.DrawFn) -> str:
    alphabet = string.ascii_lowercase + string.digits
    user = draw(st.text(alphabet, min_size=2, max_size=12))
    dot = draw(st.sampled_from(["", ".", "_"]))
    user2 = draw(st.text(alphabet, min_size=1, max_size=8))
    domain = draw(st.text(string.ascii_lowercase, min_size=3, max_size=10))
    tld = draw(st.sampled_from(["com", "org", "net", "edu", "io", "us"]))
    return f"{user}{dot}{user2}@{domain}.{tld}"


@st.composite
def mrns(draw: st.DrawFn) -> tuple[str, str]:
    number = draw(st.from_regex(r"[A-Z]{0,2}\d{6,10}", fullmatch=True))
    label = draw(st.sampled_from(["MRN", "MRN:", "MRN #", "Medical record number", "mrn"]))
    return f"{label} {number}", number


def _embed(draw: st.DrawFn, planted: str) -> str:
    before = draw(st.lists(st.sampled_from(FILLER), max_size=3))
    after = draw(st.lists(st.sampled_from(FILLER), max_size=3))
    lead = draw(st.sampled_from(["Call ", "Number: ", "", "contact ", "(", "It is "]))
    return " ".join([*before, f"{lead}{planted}.", *after])


@st.composite
def notes_with_identifier(draw: st.DrawFn) -> tuple[str, str]:
    kind = draw(st.sampled_from(["ssn", "phone", "email", "mrn"]))
    if kind == "ssn":
        value = draw(ssns())
        return _embed(draw, f"SSN {value}"), value
    if kind == "phone":
        value = draw(phones())
        return _embed(draw, value), value
    if kind == "email":
        value = draw(emails())
        return _embed(draw, value), value
    labelled, value = draw(mrns())
    return _embed(draw, labelled), value


@SETTINGS
@given(notes_with_identifier())
def test_planted_identifier_never_survives(
    redactor: phimin.Redactor, case: tuple[str, str]
) -> None:
    text, value = case
    out = redactor.redact(text).text
    assert value not in out
    digits = "".join(c for c in value if c.isdigit())
    if len(digits) >= 7:
        assert digits not in "".join(c for c in out if c.isdigit())


@SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [
                *FILLER,
                "Her mother Rosa Diaz called 410-555-2671.",
                "Seen 03/14/2021 at 42 Elm Street.",
                "SSN 523-61-8840.",
            ]
        ),
        min_size=1,
        max_size=8,
    )
)
def test_redacting_twice_changes_nothing(redactor: phimin.Redactor, parts: list[str]) -> None:
    once = redactor.redact(" ".join(parts)).text
    assert redactor.redact(once).text == once


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_unicode_gives_valid_offsets(redactor: phimin.Redactor, text: str) -> None:
    result = redactor.redact(text)
    for f in result.findings:
        assert 0 <= f.start < f.end <= len(text)
    assert isinstance(result.text, str)
