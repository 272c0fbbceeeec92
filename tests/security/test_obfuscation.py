"""Disguised identifiers: invisible characters, other digits, spacing, spelling, case.

Each identifier is disguised, embedded in a sentence and redacted. Then:
- the output, normalized the way phimin normalizes its input, holds neither the
  identifier nor (for numbers) its digits in a row, so a reader who undoes the disguise
  finds nothing;
- every letter and digit of the disguised identifier lies inside a finding that changed
  the text, so the offsets point at the original characters.
Every identifier here is synthetic, written for this file.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import phimin
from phimin._findings import Action
from phimin._normalize import normalize

SSN, PHONE, MRN = "417-38-2906", "410-862-5173", "48213977"
# A name the lexicon knows: in all-caps or all-lower text the lexicon is the evidence.
NAME_FIRST, NAME_LAST = "Dana", "Whitfield"
EMAIL = "q.brackenridge@example.org"

ZW = "\u200b"  # zero-width space
SHY = "\u00ad"  # soft hyphen
NBSP = "\u00a0"

_SCRIPTS = {
    "fullwidth": 0xFF10,
    "arabic-indic": 0x0660,
    "extended arabic-indic": 0x06F0,
    "devanagari": 0x0966,
    "bengali": 0x09E6,
    "thai": 0x0E50,
    "mathematical bold": 0x1D7CE,
    "mathematical monospace": 0x1D7F6,
}


def digits_in(script: str, text: str) -> str:
    base = _SCRIPTS[script]
    return "".join(chr(base + int(c)) if c.isdigit() else c for c in text)


def interleave(text: str, sep: str) -> str:
    return sep.join(text)


_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def spelled(digits: str, joiner: str = " ") -> str:
    return joiner.join(_WORDS[int(c)] for c in digits if c.isdigit())


def digits_only(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def assert_gone(redactor: phimin.Redactor, text: str, disguised: str, canonical: str) -> None:
    start = text.index(disguised)
    end = start + len(disguised)
    result = redactor.redact(text)
    seen = normalize(result.text).text
    assert canonical.casefold() not in seen.casefold(), f"{canonical!r} survives in {seen!r}"
    number = digits_only(canonical)
    if len(number) >= 5:
        assert number not in digits_only(seen), f"digits of {canonical!r} survive in {seen!r}"
    changed = [f for f in result.findings if f.action is not Action.KEEP]
    for i in range(start, end):
        if text[i].isalnum():
            assert any(f.start <= i < f.end for f in changed), (
                f"character {i} ({text[i]!r}) of the identifier is outside every finding"
            )


CASES: list[tuple[str, str, str]] = [
    # (sentence with {x}, disguised identifier, canonical identifier)
    ("SSN {x} on file.", SSN.replace("-", ZW + "-"), SSN),
    ("SSN {x} on file.", ZW.join(SSN), SSN),
    ("SSN {x} on file.", SSN.replace("-", SHY + "-"), SSN),
    ("SSN {x} on file.", SSN.replace("-", NBSP), SSN.replace("-", " ")),
    ("SSN {x} on file.", SSN.replace("-", "\u2011"), SSN),
    ("SSN {x} on file.", SSN.replace("-", "\u2212"), SSN),
    *(("SSN {x} on file.", digits_in(s, SSN), SSN) for s in _SCRIPTS),
    ("SSN {x} on file.", digits_in("fullwidth", SSN).replace("-", "\uff0d"), SSN),
    ("SSN {x} on file.", "4 1 7 - 3 8 - 2 9 0 6", SSN),
    ("SSN {x} on file.", "4 1 7 3 8 2 9 0 6", digits_only(SSN)),
    ("SSN {x} on file.", spelled(SSN), SSN),
    ("SSN {x} on file.", spelled(SSN).title(), SSN),
    ("SSN {x} on file.", spelled(SSN, "-"), SSN),
    ("SSN {x} on file.", spelled(SSN).upper(), SSN),
    ("my ssn is {x}, ok", digits_only(SSN), SSN),
    ("Call {x} tonight.", PHONE.replace("-", NBSP), PHONE.replace("-", " ")),
    ("Call {x} tonight.", PHONE.replace("-", "\u2013"), PHONE),
    ("Call {x} tonight.", PHONE.replace("-", "\u2009"), PHONE.replace("-", " ")),
    ("Call {x} tonight.", PHONE.replace("-", "\u3000"), PHONE.replace("-", " ")),
    ("Call {x} tonight.", "(410)\u202f862-5173", "410) 862-5173"),
    *(("Call {x} tonight.", digits_in(s, PHONE), PHONE) for s in _SCRIPTS),
    ("Call {x} tonight.", interleave(digits_only(PHONE), " "), digits_only(PHONE)),
    ("Call {x} tonight.", interleave(digits_only(PHONE), "\u2060"), digits_only(PHONE)),
    ("Call {x} tonight.", spelled(PHONE), PHONE),
    ("Call {x} tonight.", spelled(PHONE).replace("zero", "oh"), PHONE),
    ("MRN: {x} seen today.", ZW.join(MRN), MRN),
    ("MRN: {x} seen today.", digits_in("fullwidth", MRN), MRN),
    ("MRN: {x} seen today.", digits_in("devanagari", MRN), MRN),
    ("MRN: {x} seen today.", "\ufeff" + MRN, MRN),
    ("Write to {x} today.", EMAIL.replace("@", "\uff20"), EMAIL),
    ("Write to {x} today.", EMAIL.replace(".org", ZW + ".org"), EMAIL),
    ("Write to {x} today.", EMAIL.replace("@", " at ").replace(".", " dot "), EMAIL),
    ("Write to {x} today.", EMAIL.replace("@", " [at] ").replace(".", " [dot] "), EMAIL),
    ("Write to {x} today.", EMAIL.replace("a", "\u0430").replace("e", "\u0435"), EMAIL),
    (
        "Write to {x} today.",
        "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in EMAIL),
        EMAIL,
    ),
    ("Seen {x} last week.", digits_in("fullwidth", "03/14/2024"), "03/14"),
    ("Seen {x} last week.", digits_in("arabic-indic", "2024-03-14"), "03-14"),
    ("Address: {x}.", "4117 Larkspur\u00a0Terrace", "Larkspur"),
    ("Address: {x}.", digits_in("fullwidth", "4117") + " Larkspur Terrace", "Larkspur"),
]


def test_cases_are_well_formed() -> None:
    for template, disguised, canonical in CASES:
        assert "{x}" in template and disguised and canonical
        assert disguised != canonical or template.startswith("my ssn")


def _id(case: tuple[str, str, str]) -> str:
    return case[1].encode("ascii", "backslashreplace").decode()[:40]


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_disguised_identifier_is_removed(
    redactor: phimin.Redactor, case: tuple[str, str, str]
) -> None:
    template, disguised, canonical = case
    assert_gone(redactor, template.format(x=disguised), disguised, canonical)


NAME_CASES = [
    "{f} {l} called today; {f} was upset.",
    "{F} {L} CALLED TODAY; {F} WAS UPSET.",
    "[patient] my name is {lf} {ll} and i was upset",
    "{lf} {ll} called today; {lf} was upset.",
    "Mr. {l} called today.",
    "MR. {L} CALLED TODAY.",
    "Ms. {l_cyr} called today.",
    "Ms. {l_zw} called today.",
    "Ms. {l_shy} called today.",
    "Ms. {l_full} called today.",
    "{f_cyr} {l} called today.",
    "Dr. {l} aware; {ll} to call back.",
]


@pytest.mark.parametrize("template", NAME_CASES)
def test_names_in_any_case_or_disguise_are_removed(
    redactor: phimin.Redactor, template: str
) -> None:
    f, last = NAME_FIRST, NAME_LAST
    values = {
        "f": f,
        "l": last,
        "F": f.upper(),
        "L": last.upper(),
        "lf": f.lower(),
        "ll": last.lower(),
        "l_cyr": last.replace("a", "\u0430").replace("e", "\u0435").replace("c", "\u0441"),
        "f_cyr": f.replace("a", "\u0430"),
        "l_zw": last[:4] + ZW + last[4:],
        "l_shy": last[:5] + SHY + last[5:],
        "l_full": "".join(chr(ord(c) + 0xFEE0) for c in last),
    }
    text = template.format(**values)
    result = redactor.redact(text)
    seen = normalize(result.text).text.casefold()
    assert last.casefold() not in seen
    if "{f" in template or "{F" in template or "{lf" in template:
        assert f.casefold() not in seen
    changed = [x for x in result.findings if x.action is not Action.KEEP]
    for token in regex.finditer(r"\w+", text):
        if normalize(token.group()).text.casefold() in (last.casefold(), f.casefold()):
            assert any(x.start <= token.start() and token.end() <= x.end for x in changed)


# --- properties -------------------------------------------------------------------------

_INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"]
_SPACES = [" ", "\u00a0", "\u2007", "\u2009", "\u202f", "\u3000"]
_DASHES = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2212", "\uff0d"]


@st.composite
def disguised_number(draw: st.DrawFn, canonical: str) -> str:
    """`canonical` (digits and dashes) with each digit in some script, invisible
    characters sprinkled in, and dashes or spaces between the groups."""
    scripts = [None, *_SCRIPTS]
    out = []
    sep = draw(st.sampled_from(["dash", "space"]))
    for c in canonical:
        if c.isdigit():
            script = draw(st.sampled_from(scripts))
            out.append(c if script is None else digits_in(script, c))
        else:
            out.append(draw(st.sampled_from(_DASHES if sep == "dash" else _SPACES)))
        if draw(st.integers(0, 5)) == 0:
            out.append(draw(st.sampled_from(_INVISIBLE)))
    return "".join(out).rstrip("".join(_INVISIBLE))


PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY
@given(
    st.sampled_from(
        [("SSN {x} noted.", SSN), ("Call {x} tonight.", PHONE), ("cell {x}", "443-291-7765")]
    ).flatmap(lambda t: st.tuples(st.just(t), disguised_number(t[1])))
)
def test_any_mix_of_digit_scripts_and_invisible_characters_is_removed(
    redactor: phimin.Redactor, case: tuple[tuple[str, str], str]
) -> None:
    (template, canonical), disguised = case
    spaced = canonical.replace("-", " ")
    text = template.format(x=disguised)
    assert_gone(
        redactor, text, disguised, canonical if canonical in normalize(text).text else spaced
    )
