"""The facts a pattern's syntax tree proves (`phimin._detect.pattern_facts`) and the
scan that skips patterns by them: the same detections as a scan that knows nothing."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from phimin._detect.dates import AGE_SPECS, DATE_SPECS
from phimin._detect.identifiers import IDENTIFIER_SPECS
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


def _scan_all(text: str, with_facts: bool) -> list[tuple[str, int, int, float]]:
    facts = pattern_facts("test", [s.pattern for s in SPECS]) if with_facts else None
    compiled = [compile_spec(s, None if facts is None else facts[s.pattern]) for s in SPECS]
    return sorted((d.rule_id, d.start, d.end, d.score) for d in scan(compiled, text))


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
# before "a4 c3 f0 85 ac 2d"), not a part of the match.
_LABEL_TRIGGERS = {"phimin.device.mac", "phimin.device.mac_labelled"}


def test_every_match_holds_its_spec_trigger() -> None:
    # A spec runs only on the lines holding its trigger: every match must hold one (or
    # its line, before its end, the label its look-behind reads).
    checked = 0
    for spec in SPECS:
        compiled, trigger = regex.compile(spec.pattern), regex.compile(spec.trigger)
        for text in [*TEXTS, *_TRIGGER_EXAMPLES]:
            for m in compiled.finditer(text):
                checked += 1
                if spec.rule_id in _LABEL_TRIGGERS and not trigger.search(m.group()):
                    line_start = text.rfind("\n", 0, m.start()) + 1
                    assert trigger.search(text, line_start, m.end()), (spec.rule_id, m.group())
                else:
                    assert trigger.search(m.group()), (spec.rule_id, m.group())
    assert checked > 200


@given(st.lists(st.sampled_from(TEXTS), min_size=1, max_size=6), st.sampled_from([" ", "\n"]))
def test_the_word_index_finds_what_word_by_word_search_finds(pieces: list[str], sep: str) -> None:
    from phimin._detect.patterns import _WordIndex

    text = sep.join(pieces)
    facts = pattern_facts("test", [s.pattern for s in SPECS])
    compiled = [compile_spec(s, facts[s.pattern]) for s in SPECS]
    indexed = list(scan(compiled, text, _WordIndex(compiled)))
    assert indexed == list(scan(compiled, text))
