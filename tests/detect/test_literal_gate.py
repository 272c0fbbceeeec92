"""The literal gate skips a regex only on text it cannot match."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import phimin
from phimin._detect.literals import (
    LiteralGate,
    gate_fold,
    opening_spellings,
    required_literal_sets,
    required_literals,
)
from phimin._detect.sensitive import SensitiveRecognizer
from phimin._rulepacks import compile_rule_regex

RULES = phimin.load_rule_packs()
RULE_REGEXES = sorted({p for rule in RULES.rules for p in (*rule.regexes, *rule.negative_regexes)})


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"(?i)\bpartner\b", {"partner"}),
        (r"\b(?:blow|blew) (?:off|up)", {"blow off", "blow up", "blew off", "blew up"}),
        (r"\b(?:an? )?(?:STI|STD)s?\b", {"sti", "std"}),  # "a sti" contains "sti"
        (r"(?:is|am) \K(?:drunk|high)", {"is drunk", "is high", "am drunk", "am high"}),
        (r"\d+ (?:mg|mcg)\b", {" mg", " mcg"}),
        (r"(?<=\bwas )(?:deported|detained)", {"deported", "detained"}),
        (r"\b(?:\w+ ){0,3}relaps\w*", {"relaps"}),
        (r"(?:overdose|od)(?:d|ed)?", None),  # "od" is too short to gate on
        (r"\bfianc[eé]e?\b", None),  # a non-ASCII spelling: no gate
        (r"(?:sober){e<=1}", None),  # fuzzy matching is `regex`-only syntax
        (r"[[:alpha:]]+ clean", None),  # a POSIX class the standard parser misreads
        (r"(?V1)[[a-z]--[aeiou]]ober", None),
        (r"\bnot closed(", None),  # does not parse
        (r"\b\d{3}-\d{2}\b", None),  # no word at all
    ],
)
def test_required_literals(pattern: str, words: set[str] | None) -> None:
    found = required_literals(pattern)
    assert (None if found is None else set(found)) == words


@pytest.mark.parametrize(
    ("pattern", "sets"),
    [
        (r"the[ ]+(?:one|person)[ ]+who\b", [{"the"}, {"one", "person"}, {"who"}]),
        (r"\bfoot(?:ball)? \d+ yards", [{" yards"}, {"foot ", "football "}]),  # longest first
        (r"\bod\b", []),
    ],
)
def test_required_literal_sets(pattern: str, sets: list[set[str]]) -> None:
    found = required_literal_sets(pattern)
    assert [set(s) for s in found] == sets
    assert (found[0] if found else None) == required_literals(pattern)


@pytest.mark.parametrize(
    ("pattern", "openings"),
    [
        (r"(?i)(?<![\w])(?:is|was)[ ]+\w+", {"is ", "was "}),
        (r"saw|seen", {"saw", "seen"}),  # (the parser takes the "s" out of the choice)
        (r"call|calls|called", {"call"}),  # a text that begins "calls" begins "call"
        (r"(?:w/)?(?:np|pa)\b", {"w/np", "w/pa", "np", "pa"}),
        (r"(?:(?<!\w)|(?<=w/))rn\b", {"rn"}),  # a choice of look-arounds consumes nothing
        (r"(?:hang|live)[ ]with|talk[ ]to", {"hang with", "live with", "talk to"}),
        (r"\bcaf[eé]\b", {"cafe", "café"}),
        (r"\w+ed", None),
        (r"(?:x)?\d", None),  # a match may begin with a digit
        (r"a|\d", None),
        (r"(?:ab)*c", None),
        (r"foo\Kbar", None),  # "\K": the match begins at "bar"
        (r"\b", None),
        (r"(?r)abc", None),  # syntax only `regex` knows
    ],
)
def test_opening_spellings(pattern: str, openings: set[str] | None) -> None:
    found = opening_spellings(pattern)
    assert (None if found is None else set(found)) == openings


def test_fold_covers_every_character_ignorecase_equates_with_ascii() -> None:
    letter = regex.compile("[a-z]", regex.IGNORECASE)
    for cp in range(0x80, 0x30000):
        c = chr(cp)
        if letter.fullmatch(c):
            folded = gate_fold(c)
            assert folded.isascii() and regex.fullmatch(folded, c, regex.IGNORECASE), hex(cp)


def test_a_character_without_case_matches_itself_alone_ignoring_case() -> None:
    """An opening keeps such a character (`lines.derived_openings`): the folded text
    holds it wherever a case-blind pattern matches it."""
    from phimin._detect.lines import _folds_as_itself

    every = "".join(chr(cp) for cp in range(0x80, 0x10000) if not 0xD800 <= cp < 0xE000)
    caseless = [c for c in every if _folds_as_itself(c) and not c.isspace()]
    assert "’" in caseless and "é" not in caseless and "\u212a" not in caseless
    for c in caseless:
        assert regex.findall(regex.escape(c), every, regex.IGNORECASE) == [c], hex(ord(c))


def test_gate_finds_words_behind_unusual_case() -> None:
    gate = LiteralGate([r"\bsober\b", r"\bkicked\b", r"\d+"])
    assert gate.candidates("SO\u017fBER kept") == {2}  # "SOſBER" is not "sober"
    assert gate.candidates("he stayed \u017fOBER") == {0, 2}
    assert gate.candidates("\u212aICKED out") == {1, 2}
    assert gate.candidates("nothing here") == {2}


def _gated_rule_regexes() -> list[str]:
    return [p for p in RULE_REGEXES if required_literals(p) is not None]


GATED = _gated_rule_regexes()


def test_most_rule_regexes_are_gated() -> None:
    assert len(GATED) >= 0.9 * len(RULE_REGEXES)


def _standard(pattern: str) -> re.Pattern[str] | None:
    """The pattern on the standard engine (no \\K), for Hypothesis to draw matches from."""
    try:
        return re.compile(regex.sub(r"(?<!\\)((?:\\\\)*)\\K", r"\1", pattern), re.IGNORECASE)
    except re.error:  # a variable-width lookbehind: only `regex` compiles it
        return None


def _drawable() -> list[tuple[str, re.Pattern[str]]]:
    found = [(p, _standard(p)) for p in GATED]
    return [(p, plain) for p, plain in found if plain is not None]


DRAWABLE = _drawable()


def test_most_gated_rule_regexes_compile_on_the_standard_engine() -> None:
    assert len(DRAWABLE) >= 0.8 * len(GATED)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_every_string_a_rule_regex_matches_contains_a_required_word(data: st.DataObject) -> None:
    pattern, plain = data.draw(st.sampled_from(DRAWABLE))
    words = required_literals(pattern)
    assert words is not None
    text = data.draw(st.from_regex(plain))
    assume(compile_rule_regex(pattern).search(text) is not None)
    assert any(w in gate_fold(text) for w in words), (pattern, text)


_RECOGNIZERS = (SensitiveRecognizer(RULES), SensitiveRecognizer(RULES, gated=False))


def _sensitive_texts() -> list[str]:
    texts = [c.text for rule in RULES.rules for c in rule.cases]
    texts += [t for rule in RULES.rules for t in rule.ok]
    return texts


def test_gated_recognizer_finds_exactly_what_the_ungated_one_finds() -> None:
    gated, ungated = _RECOGNIZERS
    texts = _sensitive_texts()
    texts += [t.upper() for t in texts] + ["\n".join(texts)]
    for text in texts:
        assert sorted(gated._matches(text)) == sorted(ungated._matches(text))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_sensitive_texts()), min_size=1, max_size=6), st.data())
def test_gate_is_exact_on_mixed_rule_texts(parts: list[str], data: st.DataObject) -> None:
    sep = data.draw(st.sampled_from([" ", "\n", ". ", " and "]))
    text = sep.join(parts)
    if data.draw(st.booleans()):
        text = text.swapcase()
    gated, ungated = _RECOGNIZERS
    assert sorted(gated._matches(text)) == sorted(ungated._matches(text))
