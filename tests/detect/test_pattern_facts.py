"""The facts a pattern's syntax tree proves (`phimin._detect.pattern_facts`) and the
scan that skips patterns by them: the same detections as a scan that knows nothing."""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from phimin._detect.dates import AGE_SPECS, DATE_SPECS
from phimin._detect.identifiers import IDENTIFIER_SPECS
from phimin._detect.lines import derived_words
from phimin._detect.literals import gate_fold
from phimin._detect.pattern_facts import min_digits, pattern_facts
from phimin._detect.patterns import PatternSpec, compile_spec, scan
from phimin._detect.places import PLACE_SPECS

SPECS: list[PatternSpec] = [*IDENTIFIER_SPECS, *DATE_SPECS, *AGE_SPECS, *PLACE_SPECS]


@pytest.mark.parametrize(
    ("pattern", "digits"),
    [
        (r"\d{3}-\d{2}-\d{4}", 9),
        (r"[0-9]{2}/[0-9]{2}", 4),
        (r"(?:\d{3}|x)", 0),  # a branch counts its fewest
        (r"(?:\d|\d\d)\d", 2),
        (r"\d?\d*", 0),
        (r"\d(?=\d{5})", 1),  # a look-ahead's digits are not in the match
        (r"(?<=\d{3})\d", 1),
        (r"[\d\s]{5}", 0),  # a class with more than digits
        (r"[^a-z]{4}", 0),
        (r"7{3}", 3),
        (r"(?i)MRN[:#]?\s*(\d{6,9})", 6),
        (r"\p{N}{4}", 0),  # `regex`-only syntax: nothing is assumed
    ],
)
def test_min_digits(pattern: str, digits: int) -> None:
    assert min_digits(pattern) == digits


def _texts() -> list[str]:
    texts = [case.text for spec in SPECS for case in spec.rule.cases]
    texts += [ok for spec in SPECS for ok in spec.rule.ok]
    return texts


TEXTS = _texts()


def test_every_match_of_a_record_case_holds_its_facts() -> None:
    facts = pattern_facts("test", [s.pattern for s in SPECS])
    digit = regex.compile(r"\d")
    checked = 0
    for spec in SPECS:
        known = facts[spec.pattern]
        compiled = regex.compile(spec.pattern)
        for text in TEXTS:
            for m in compiled.finditer(text):
                checked += 1
                assert len(digit.findall(m.group())) >= known.min_digits, spec.rule_id
                if known.words is not None:
                    assert any(w in m.group().lower() for w in known.words), spec.rule_id
                if known.single_line:
                    assert "\n" not in m.group(), spec.rule_id
    assert checked > 200, "the record cases reach the patterns"


@functools.lru_cache(maxsize=2)
def _compiled(with_facts: bool) -> list[Any]:
    """Every spec compiled once, gated by its facts or not (each example only scans:
    compiling them all again in one example outlasts Hypothesis's deadline)."""
    facts = pattern_facts("test", [s.pattern for s in SPECS]) if with_facts else None
    return [compile_spec(s, None if facts is None else facts[s.pattern]) for s in SPECS]


def _scan_all(text: str, with_facts: bool) -> list[tuple[str, int, int, float]]:
    return sorted((d.rule_id, d.start, d.end, d.score) for d in scan(_compiled(with_facts), text))


def test_the_gated_scan_finds_what_the_plain_scan_finds_on_every_case() -> None:
    text = "\n".join(TEXTS)
    found = _scan_all(text, with_facts=True)
    assert len(found) > 100
    assert found == _scan_all(text, with_facts=False)


@given(st.lists(st.sampled_from(TEXTS), min_size=1, max_size=6), st.sampled_from([" ", "\n"]))
def test_the_gated_scan_finds_what_the_plain_scan_finds_on_mixed_lines(
    pieces: list[str], sep: str
) -> None:
    text = sep.join(pieces)
    assert _scan_all(text, with_facts=True) == _scan_all(text, with_facts=False)


_TRIGGER_EXAMPLES = [
    "192.168.0.1",
    "10.0.0.255/24",
    "fe80::1ff:fe23:4567:890a",
    "2001:db8::8a2e:370:7334",
    "::1",
    "1::",
    "::ffff:10.0.0.1",
    "3c:22:fb:9a:01:7e",
    "A4-5E-60-C2-11-0D",
    "3c22.fb9a.017e",
    "see clinic-notes.example.org/a",
    "WWW.Example.CO.UK",
]


# Specs whose trigger is the label their look-behind reads on the match's line ("mac"
# before "a4 c3 f0 85 ac 2d"), not a part of the match: for them the line before the
# match's end must hold it.
# (and a payment handle's "to at", read behind the handle on its line)
_LABEL_TRIGGERS = {"phimin.device.mac", "phimin.device.mac_labelled", "phimin.other_id.handle_paid"}


def _spec_lists() -> list[PatternSpec]:
    """Every `PatternSpec` in a tuple of them at the top of a module of `phimin._detect`."""
    import importlib
    import pkgutil

    import phimin._detect

    found: list[PatternSpec] = []
    for module in pkgutil.walk_packages(phimin._detect.__path__, "phimin._detect."):
        for value in vars(importlib.import_module(module.name)).values():
            if (
                isinstance(value, tuple)
                and value
                and all(isinstance(x, PatternSpec) for x in value)
            ):
                found += value
    return found


def _record_views() -> list[str]:
    """The record texts as the specs read them: the detection view ("six six two one" is
    "6621" there) and lower-cased (as speech-to-text writes), each once."""
    from phimin._detect.base import lower_same_length
    from phimin._normalize import normalize

    seen = set(TEXTS)
    views = {v: None for t in TEXTS for v in (normalize(t).text, lower_same_length(t))}
    return [v for v in views if v not in seen]


VIEWS = _record_views()


def test_the_specs_checked_here_are_every_spec() -> None:
    assert {s.rule_id for s in _spec_lists()} == {s.rule_id for s in SPECS}


def _trigger_misses(spec: PatternSpec, texts: list[str]) -> tuple[int, list[str]]:
    """How many matches of `spec` the texts hold, and those whose trigger is missing:
    not in the match (nor, for a look-behind's label, on its line before its end), or no
    word of it (`lines.derived_words`, what the word search looks for) there either."""
    pattern, trigger = regex.compile(spec.pattern), regex.compile(spec.trigger)
    words = derived_words(spec.trigger, 2)
    checked, misses = 0, []
    for text in texts:
        for m in pattern.finditer(text):
            checked += 1
            start = m.start()
            if spec.rule_id in _LABEL_TRIGGERS and not trigger.search(m.group()):
                start = text.rfind("\n", 0, start) + 1
            if trigger.search(text, start, m.end()) is None:
                misses.append(f"{m.group()!r} does not hold {spec.trigger!r}")
            elif words is not None and not any(
                w in gate_fold(text[start : m.end()]) for w in words
            ):
                misses.append(f"{m.group()!r} holds none of {sorted(words)}")
    return checked, misses


def test_every_match_holds_its_spec_trigger() -> None:
    """A spec runs only on the lines holding its trigger (`PatternSpec.trigger`), found by
    its regex or by its words: a match without it would never be found. Every match of
    every spec on the record texts, their detection views and lower-cased, holds it."""
    checked = 0
    hidden: dict[str, list[str]] = {}
    for spec in SPECS:
        count, misses = _trigger_misses(spec, [*TEXTS, *VIEWS, *_TRIGGER_EXAMPLES])
        checked += count
        if misses:
            hidden[spec.rule_id] = misses
    assert not hidden, "a trigger hides these matches: " + "; ".join(
        f"{rule}: {', '.join(misses[:3])}" for rule, misses in hidden.items()
    )
    assert checked > 300
    # each spec is checked on some match (its own cases reach it)
    assert all(_trigger_misses(spec, [*TEXTS, *VIEWS])[0] for spec in SPECS)


def _every_line(spec: PatternSpec) -> PatternSpec:
    return dataclasses.replace(spec, trigger=r"(?s).")  # a trigger every line holds


def test_no_prefilter_hides_a_match_of_a_record_text() -> None:
    """The scan as the pattern sets run it (the specs' facts, their triggers, found by
    regex or through the word index) finds on every record text, view and all, what
    each spec's regex finds running over every line."""
    from phimin._detect.patterns import _WordIndex

    facts = pattern_facts("test", [s.pattern for s in SPECS])
    gated = [compile_spec(s, facts[s.pattern]) for s in SPECS]
    plain = [compile_spec(_every_line(s)) for s in SPECS]
    index = _WordIndex(gated)
    found = 0
    for text in [*TEXTS, *VIEWS, "\n".join([*TEXTS, *VIEWS])]:
        want = sorted((d.rule_id, d.start, d.end, d.score) for d in scan(plain, text))
        assert sorted((d.rule_id, d.start, d.end, d.score) for d in scan(gated, text)) == want
        assert (
            sorted((d.rule_id, d.start, d.end, d.score) for d in scan(gated, text, index)) == want
        )
        found += len(want)
    assert found > 400


@given(st.lists(st.sampled_from(TEXTS), min_size=1, max_size=6), st.sampled_from([" ", "\n"]))
def test_the_word_index_finds_what_word_by_word_search_finds(pieces: list[str], sep: str) -> None:
    from phimin._detect.patterns import _WordIndex

    text = sep.join(pieces)
    facts = pattern_facts("test", [s.pattern for s in SPECS])
    compiled = [compile_spec(s, facts[s.pattern]) for s in SPECS]
    indexed = list(scan(compiled, text, _WordIndex(compiled)))
    assert indexed == list(scan(compiled, text))
