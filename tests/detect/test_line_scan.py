"""Pattern specs that cannot cross a line break run only on the lines holding their
trigger, and find exactly what a scan of the whole text finds."""

from __future__ import annotations

import dataclasses

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import phimin
from phimin import _lazy_regex
from phimin._detect import addresses, employers, places
from phimin._detect.clinical import clinical_spans
from phimin._detect.dates import AGE_SPECS, DATE_SPECS
from phimin._detect.identifiers import IDENTIFIER_SPECS
from phimin._detect.lines import (
    derived_openings,
    derived_words,
    finditer_at_openings,
    finditer_by_line,
    finditer_from,
    finditer_in,
    lines_around,
    lines_with,
    lines_with_in,
    lines_with_words,
    single_line,
    split_alternation,
    whole_words,
    words_are_all,
)
from phimin._detect.literals import gate_fold
from phimin._detect.names import charting, clauses, kin
from phimin._detect.patterns import PatternRecognizerSet
from phimin._detect.places import PLACE_SPECS
from phimin._lazy_regex import LazyPattern

SPEC_LISTS = ((*DATE_SPECS, *AGE_SPECS), IDENTIFIER_SPECS, PLACE_SPECS)


@pytest.mark.parametrize(
    ("pattern", "one_line"),
    [
        (r"(?<![\w])\d+(?![\w])", True),
        (r"(?i)[a-z]+[ ]\d", True),
        (r"\bfoo\b", True),
        (r"a.b", True),  # "." without DOTALL stops at a line break
        (r"[^\n]+", True),
        (r"(?<=\n)a", True),  # a look-behind sees the whole text either way
        (r"(a)\1", True),
        (r"(?>a+)b", True),
        (r"\s", False),
        (r"\D", False),
        (r"\W", False),
        (r"[^a]", False),
        (r"[\d\n]", False),
        (r"(?:a|\n)", False),
        (r"(?s)a.b", False),
        (r"a(?s:.)b", False),
        (r"a$", True),  # each line is read one character past its break (finditer_in)
        (r"a\Z", True),
        (r"\Aa", True),  # "\A" and "^" never hold at an arbitrary pos
        (r"(?m)a$", True),
        (r"(?m)^a", True),  # "^" with MULTILINE: after a line break, as in the whole text
        (r"^a", True),
        (r"(?m)a(?-m:$)", False),  # a flag switched inside: not read
        (r"(?m)a(?=\s*$)", False),
        (r"a(?=[ ]*(?:[,\n]|$))", True),  # a look-ahead may read a line break last
        (r"a(?=\s)", True),
        (r"a(?=\s\w)", False),  # ...but nothing after it
        (r"a(?=\n$)", False),
        (r"a(?!\s\w)", False),
        (r"(?P<d>\d)|a(?P<d>b)", True),  # a group name given twice (`regex` allows it)
        (r"(?P<d>\d)|(?P<d>\s)", False),
        (r"(?P<d>a)|(?P<d>b)(?P=d)", False),  # a reference back: not read
        (r"(?=\s\w)a", False),  # a look-ahead that could look into the next line
        (r"x?", False),  # an empty match
        (r"\p{L}+[ ]\p{Lu}", True),  # a letter property never holds a line break
        (r"\P{L}+", False),  # its complement does
        (r"(?r)\d+", False),  # syntax only `regex` knows: not proved, runs whole
        (r"unbalanced(", False),
    ],
)
def test_single_line(pattern: str, one_line: bool) -> None:
    assert single_line(pattern) is one_line


def test_most_specs_run_line_by_line() -> None:
    specs = [s for specs in SPEC_LISTS for s in specs]
    assert sum(single_line(s.pattern) for s in specs) >= len(specs) * 0.8


@pytest.mark.parametrize(
    ("text", "ranges"),
    [
        ("a\nb1\nc\n", [(2, 5)]),
        ("1\n2\nx\n3", [(0, 4), (6, 7)]),  # neighbouring lines merge into one range
        ("no digits", []),
        ("12", [(0, 2)]),
    ],
)
def test_lines_with(text: str, ranges: list[tuple[int, int]]) -> None:
    assert lines_with(regex.compile(r"\d"), text) == ranges


@given(
    st.lists(
        st.sampled_from(["Aunt", "AUNT", "aun", "\u212aIN", "kin", "ſon", "SON", "x", "İ", "\n"]),
        max_size=12,
    ),
    st.lists(st.sampled_from([" ", "\n", "", "-"]), min_size=1, max_size=4),
)
def test_words_find_every_line_the_case_blind_pattern_finds(
    pieces: list[str], seps: list[str]
) -> None:
    # Found in the folded text, the words give every line a `(?i)` pattern of them
    # would (the Kelvin sign and the long s fold to ASCII letters in `regex`).
    text = "".join(p + seps[i % len(seps)] for i, p in enumerate(pieces))
    words = ["aunt", "kin", "son"]
    by_pattern = lines_with(regex.compile("(?i)aunt|kin|son"), text)
    by_words = lines_with_words(words, text)
    covered = {i for start, end in by_words for i in range(start, end)}
    assert all(i in covered for start, end in by_pattern for i in range(start, end))


@given(
    st.lists(
        st.sampled_from(["Aunt", "aun", "\u212aIN", "kin", "ſon", "SON", "x", "İ", "niece", "\n"]),
        max_size=12,
    ),
    st.lists(st.sampled_from([" ", "\n", "", "-"]), min_size=1, max_size=4),
)
def test_many_words_are_found_in_one_pass_as_one_by_one(pieces: list[str], seps: list[str]) -> None:
    from phimin._detect import lines

    text = "".join(p + seps[i % len(seps)] for i, p in enumerate(pieces))
    words = ["aunt", "kin", "son", "niece", "nephew", "uncle", "mom", "dad", "sis", "on"]
    assert len(words) > lines._FIND_AT_MOST  # the automaton's pass
    folded = gate_fold(text)
    starts = [i for w in words for i in range(len(text)) if folded.startswith(w, i)]
    assert lines_with_words(words, text) == lines_around(text, [(i, i + 1) for i in starts])


_PIECES = [
    "March 5th",
    "5 March 2021",
    "on 3/14/2022",
    "(415) 382-1947",
    "MRN: 12345678",
    "born 1/2/1990",
    "may",
    "the 4th",
    "Christmas 2019",
    "jan",
    "ZIP 02139",
    "MD 21201",
    "SSN 123-45-6789",
    "turned 93",
    "ninety",
    "www.example.org",
    "http://a.b/c",
    "1HGCM82633A004352",
    "192.168.0.1",
    "Essex County",
    "2020",
    "'19",
    "of",
    "",
]


BY_LINE = [PatternRecognizerSet(specs) for specs in SPEC_LISTS]
WHOLE = [PatternRecognizerSet(specs) for specs in SPEC_LISTS]
for _set in WHOLE:
    _set._specs = tuple(dataclasses.replace(c, single_line=False) for c in _set._specs)


def _both(text: str) -> tuple[list[object], list[object]]:
    by_line = [h for r in BY_LINE for h in r.find(text, None)]
    whole = [h for r in WHOLE for h in r.find(text, None)]
    return by_line, whole


def test_line_scan_on_a_note() -> None:
    by_line, whole = _both("\n".join(_PIECES))
    assert len(whole) >= 10
    assert by_line == whole


@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10),
    st.lists(st.sampled_from(["\n", "\r\n", "\n\n", " ", ", "]), min_size=1, max_size=10),
)
def test_line_scan_finds_what_a_whole_text_scan_finds(pieces: list[str], seps: list[str]) -> None:
    text = "".join(p + seps[i % len(seps)] for i, p in enumerate(pieces))
    by_line, whole = _both(text)
    assert by_line == whole


@pytest.mark.parametrize(
    ("text", "spans", "ranges"),
    [
        ("ab\ncd\nef", [(3, 4)], [(3, 6)]),
        ("ab\ncd\nef", [(1, 4)], [(0, 6)]),  # a span across a break takes both lines
        ("ab\ncd\nef", [(0, 1), (7, 8)], [(0, 3), (6, 8)]),
        ("ab\ncd\nef", [(0, 1), (3, 4)], [(0, 6)]),
        ("abc", [], []),
    ],
)
def test_lines_around(
    text: str, spans: list[tuple[int, int]], ranges: list[tuple[int, int]]
) -> None:
    assert lines_around(text, spans) == ranges


_CLINICAL_PIECES = [
    "sertraline 50 mg",
    "PHQ-9 score 14",
    "pain 7/10",
    "PSV 10/5",
    "seen 3/14",
    "1/2 NS",
    "BP 120/80",
    "F41.1",
    "twice daily",
    "Beck Depression Inventory",
    "met on 4/5",
    "billed 90837",
    "",
]


@given(
    st.lists(st.sampled_from(_CLINICAL_PIECES), min_size=1, max_size=8),
    st.lists(st.sampled_from(["\n", " ", "; ", "\n\n"]), min_size=1, max_size=8),
    st.lists(st.tuples(st.integers(0, 200), st.integers(1, 12)), max_size=4),
)
def test_guard_near_spans_finds_every_guard_span_touching_them(
    pieces: list[str], seps: list[str], near: list[tuple[int, int]]
) -> None:
    text = "".join(p + seps[i % len(seps)] for i, p in enumerate(pieces))
    near = [(s, min(s + n, len(text))) for s, n in near if s < len(text)]
    full = clinical_spans(text)
    local = clinical_spans(text, near)
    assert set(local) <= set(full)
    touching = {(s, e) for s, e in full if any(s < b and a < e for a, b in near)}
    assert touching <= set(local)


@given(
    st.lists(st.sampled_from([*_CLINICAL_PIECES, "PAIN 7", "x", "4"]), min_size=1, max_size=8),
    st.lists(st.sampled_from(["\n", " ", "; ", "\n\n"]), min_size=1, max_size=8),
)
def test_guards_skipping_lines_by_words_and_digits_find_what_each_pattern_finds(
    pieces: list[str], seps: list[str]
) -> None:
    from phimin._detect.clinical import GUARD_PATTERNS

    text = "".join(p + seps[i % len(seps)] for i, p in enumerate(pieces))
    plain = sorted(m.span() for p in GUARD_PATTERNS for m in p.compiled.finditer(text))
    assert clinical_spans(text) == plain


def test_guards_skip_lines_without_their_digits() -> None:
    from phimin._detect.clinical import _guard_facts

    assert sum(f.min_digits > 0 for f in _guard_facts()) >= len(_guard_facts()) // 2
    assert clinical_spans("so my pain was bad and i rated it high\n") == []


def test_artifacts_read_as_arrays_match_the_tokens(redactor: phimin.Redactor) -> None:
    engine = redactor.engine.nlp_engine
    doc = engine.language("Ana Ruiz saw Dr. Lee on 3/14.\nIt’s fine — İstanbul trip.")
    artifacts = engine._doc_to_nlp_artifact(doc, "en")
    assert artifacts.tokens_indices == [t.idx for t in doc]
    assert artifacts.lemmas == [t.lower_ for t in doc]
    assert engine._doc_to_nlp_artifact(engine.language(""), "en").lemmas == []


def test_guard_near_every_line_is_the_whole_guard() -> None:
    text = "\n".join(_CLINICAL_PIECES)
    full = clinical_spans(text)
    assert len(full) >= 8
    assert clinical_spans(text, [(i, i + 1) for i in range(len(text))]) == full


# The name and place rules that run by line, each with the cue every match holds (read
# from the pattern itself, or given).
CUED_RULES = [
    (kin._KIN, None),
    (clauses._KIN_APPOSITIVE, clauses._KIN_APPOSITIVE_CUE),
    (clauses._COMPANION, clauses._COMPANION_CUE),
    (clauses._FROM_SOMEWHERE, None),
    (charting._AWARE, None),
    (charting._CALLED_CUE, None),
    (places._ACRONYM_DEPARTMENT, places._DEPARTMENT),
    (places._FACILITY_NOUN, None),
    (clauses._THE_ONE_WHO, None),  # (by the rarest of its words: "the", "one", "who")
]
_CUED_PIECES = [
    "the Okafor family",
    "ROSA DIAZ (DAUGHTER)",
    "NP Jen Lowe aware",
    "dr ames made aware",
    "Ana Ruiz called",
    "tom bexley came in",
    "RMH EW",
    "to SHMC ER",
    "BWH cath lab",
    "family",
    "(",
    "aware",
    "kwame, that's my boyfriend",
    "so autumn my youngest",
    "Chance is my oldest",
    "robin and i went",
    "me and dawn, and carol",
    "she and destiny got",
    "miles's mom",
    "Pat from my building checks on me",
    "um dawn from the pharmacy called",
    "THERAPIST: ",
    "Larchmont Memorial Hospital",
    "at lakeview high",
    "smoke was the one who introduced us",
    "dre's the only one who calls",
    "the one",
    "who",
    "my",
    "and",
    "",
]


def test_cued_rules_run_by_line() -> None:
    text = "\n".join(_CUED_PIECES)
    for pattern, trigger in CUED_RULES:
        assert single_line(pattern.pattern)
        assert trigger is not None or derived_words(pattern.pattern) is not None
        found = [m.span() for m in finditer_by_line(pattern, text, trigger)]
        assert found and found == [m.span() for m in pattern.finditer(text)]


@given(
    st.lists(st.sampled_from(_CUED_PIECES), min_size=1, max_size=10),
    st.lists(st.sampled_from(["\n", " ", ", ", "\n\n", "-"]), min_size=1, max_size=10),
)
def test_cued_rules_by_line_find_what_a_whole_text_scan_finds(
    pieces: list[str], seps: list[str]
) -> None:
    text = "".join(p + seps[i % len(seps)] for i, p in enumerate(pieces))
    for pattern, trigger in CUED_RULES:
        by_line = [m.span() for m in finditer_by_line(pattern, text, trigger)]
        assert by_line == [m.span() for m in pattern.finditer(text)]


def test_glued_labels_are_read_on_the_lines_with_four_digits() -> None:
    from phimin._normalize import _FOUR_DIGITS, _GLUED_LABEL, normalize

    # The by-line scan is exact only for a pattern that cannot cross a line break.
    assert single_line(_GLUED_LABEL.pattern)
    assert lines_with(_FOUR_DIGITS, "a\nMRN12\nx 2024\n") == [(8, 15)]
    text = "SSN417382906\nid12 and MRN0045821\nPG100000 ext 12\nfax5551234"
    assert (
        normalize(text).text == "SSN 417382906\nid12 and MRN 0045821\nPG 100000 ext 12\nfax 5551234"
    )


@given(
    st.lists(
        st.sampled_from([*_PIECES, "MEMBER ID 44", "Harbour Park", "Sept", "xmas"]), max_size=8
    ),
    st.lists(st.sampled_from(["\n", " ", ", "]), min_size=1, max_size=4),
)
def test_trigger_words_find_every_line_the_trigger_finds(
    pieces: list[str], seps: list[str]
) -> None:
    from phimin._detect.patterns import _trigger_lines

    text = "".join(p + seps[i % len(seps)] for i, p in enumerate(pieces))
    for recognizer in BY_LINE:
        for compiled in recognizer._specs:
            covered = {i for s, e in _trigger_lines(compiled, text) for i in range(s, e)}
            exact = lines_with(compiled.trigger, text)
            assert all(i in covered for s, e in exact for i in range(s, e))


@pytest.mark.parametrize(
    ("trigger", "alone"),
    [
        (r"(?i)jan|feb|mar", True),
        (r"(?i)the[ ]", True),
        (r"(?i)\.(?:com|org)", True),
        (r"(?i)\d(?:st|nd|rd|th)", False),  # its words are in "the", "first", "and"
        (r"(?i)the[ ]+(?:first|second)", False),  # a repeat: more than one spelling
        (r"(?i)(?<![\w])jan", False),  # what it reads around the word counts too
        (r"(?i)(?:jan(?=\d))", False),
        (r"\d", False),  # no word
    ],
)
def test_words_are_all(trigger: str, alone: bool) -> None:
    assert words_are_all(trigger, 2) is alone


@pytest.mark.parametrize(
    ("pattern", "branches"),
    [
        (r"(?i)jan|\d", [r"(?i)jan", r"(?i)\d"]),
        (r"\d|ninet|hundred", [r"\d", "ninet", "hundred"]),
        (r"[|]|x", [r"[|]", "x"]),
        (r"\||x", [r"\|", "x"]),
        (r"[]|]|y", [r"[]|]", "y"]),
        (r"[^]|]x|y", [r"[^]|]x", "y"]),
        (r"a(?:b|c)", None),
        (r"(?i)(?:jan|feb)", None),
        (r"(a|b", None),
    ],
)
def test_split_alternation(pattern: str, branches: list[str] | None) -> None:
    assert split_alternation(pattern) == branches


def test_a_trigger_split_into_branches_finds_the_lines_the_trigger_finds() -> None:
    from phimin._detect.patterns import _trigger_lines, compile_spec, trigger_parts

    split = [s for specs in SPEC_LISTS for s in specs if len(trigger_parts(s.trigger)) > 1]
    assert len(split) >= 3
    text = "\n".join(
        ["mac address a4:c3:f0", "the stomach", "ninety one", "he is 9 and 10", "x", "101", ""]
    )
    for spec in split:
        compiled = compile_spec(spec)
        assert _trigger_lines(compiled, text) == lines_with(compiled.trigger, text), spec.rule_id


@given(
    st.lists(st.sampled_from(["the 4th", "on the", "1st", "this", "x", "th\n", "4", "st"])),
    st.lists(st.sampled_from(["\n", " ", ""]), min_size=1, max_size=3),
)
def test_lines_with_in_the_word_lines_are_the_trigger_lines(
    pieces: list[str], seps: list[str]
) -> None:
    text = "".join(p + seps[i % len(seps)] for i, p in enumerate(pieces))
    trigger = regex.compile(r"(?i)\d(?:st|nd|rd|th)")
    near = lines_with_words(["st", "nd", "rd", "th"], text)
    assert lines_with_in(trigger, text, near) == lines_with(trigger, text)


def test_a_trigger_more_than_its_words_scans_only_its_own_lines() -> None:
    from phimin._detect.patterns import _trigger_lines, compile_spec

    (spec,) = [s for s in DATE_SPECS if s.rule_id == "phimin.date.ordinal_day"]
    compiled = compile_spec(spec)
    assert not compiled.narrowed  # (a regex that opens with a digit: searched as it is)
    text = "so the thing is\nthat was on the 3rd.\nand then the rest\n"
    assert _trigger_lines(compiled, text) == [(16, 37)]  # not the lines with "th"
    (spec,) = [s for s in PLACE_SPECS if s.rule_id == "phimin.location.street"]
    compiled = compile_spec(spec)
    assert compiled.narrowed  # (it opens with a look-behind: its words' lines first)
    text = "i just walked\nthe place on elm street\nfirst of all\n"
    assert _trigger_lines(compiled, text) == [(14, 38)]  # not "just", "first"


_ON_A_LINE_PIECES = [
    "a place on delancey",
    "she lives ON Ashland",
    "the ymca off elm st",
    "transferred to lakeside 4",
    "on 5 north",
    "per NP Lindgren",
    "w/rn abernathy",
    "the therapist. dana",
    "turn left",
    "therapist:",
    "x",
    "",
]


@given(
    st.lists(st.sampled_from(_ON_A_LINE_PIECES), min_size=1, max_size=8),
    st.lists(st.sampled_from(["\n", " ", ", ", "\n\n", " on "]), min_size=1, max_size=5),
)
def test_place_streets_wards_and_roles_by_line_find_what_a_whole_scan_finds(
    pieces: list[str], seps: list[str]
) -> None:
    from phimin._detect.names import titles

    text = "".join(p + seps[i % len(seps)] for i, p in enumerate(pieces))
    on_off = lines_with_words(places._ON_OFF, text)
    assert [m.span() for m in finditer_in(places._PLACE_ON_STREET, text, on_off)] == [
        m.span() for m in places._PLACE_ON_STREET.finditer(text)
    ]
    digits = lines_with(places._DIGIT, text)
    assert [m.span() for m in finditer_in(places._WARD, text, digits)] == [
        m.span() for m in places._WARD.finditer(text)
    ]
    by_line = finditer_by_line(titles._ROLE_NAME, text, titles._ROLE_CUE)
    assert [m.span() for m in by_line] == [m.span() for m in titles._ROLE_NAME.finditer(text)]


# Rules whose words are short ("tx", "rn", "po"): by line all the same, and address
# anchors by line where their words allow.
SHORT_CUED = [employers._CUE, places._TRANSFER, charting._SIGNATURE_CREDENTIAL]
_SHORT_PIECES = [
    "works at Acme Corp",
    "CEO of Ridley's",
    "transferred to Mount Carmel",
    "tx'd from Good Shepherd",
    "linda harrow rn",
    "Dana Whitcomb, LCSW",
    "forty four seventeen magnolia drive apartment two b",
    "at twelve oak lane",
    "PSC 1234, Box 5678",
    "APO AE 09012",
    "apt 4b",
    "Suite 200",
    "P.O. Box 77",
    "the corner of 5th and Main,",
    "at 3rd and pine",
    "by Whitmore and 5TH",
    "his address: Koprivna 31, Lesnovo",
    "rn",
    "",
]


def test_short_cued_rules_run_by_line() -> None:
    for pattern in SHORT_CUED:
        assert single_line(pattern.pattern)
        assert derived_words(pattern.pattern, 2) is not None


@given(
    st.lists(st.sampled_from(_SHORT_PIECES + _CUED_PIECES), min_size=1, max_size=10),
    st.lists(st.sampled_from(["\n", " ", ", ", "\n\n", ". "]), min_size=1, max_size=6),
)
def test_short_cued_rules_and_address_anchors_by_line_find_what_a_whole_scan_finds(
    pieces: list[str], seps: list[str]
) -> None:
    text = "".join(p + seps[i % len(seps)] for i, p in enumerate(pieces))
    for pattern in SHORT_CUED:
        by_line = [m.span() for m in finditer_by_line(pattern, text, shortest=2)]
        assert by_line == [m.span() for m in pattern.finditer(text)]
    for anchor in addresses._ANCHORS:
        by_line = [m.span() for m in finditer_by_line(anchor.pattern, text, anchor.cue)]
        assert by_line == [m.span() for m in anchor.pattern.finditer(text)]


_ANCHORED = [
    r"\w+$",
    r"(?m)\w+$",
    r"\w\Z",
    r"^\w",
    r"(?m)^\w+",
    r"\Aa",
    r"a(?=[ ]*$)",
    r"(?i)b(?=[ ]*(?:[,.]|$))",
    r"x(?![ ]*$)",
    r"(?m)(?:^|(?<=[.][ ]))a\w*(?=,|$)",
    r"a(?=[ ]*(?:[,\n]|$))",
    r"b(?![ ]*\n)",
    r"(?i)a(?=[ ]?(?:\s|$))",
    r"(?i)(?:ab|x)(?=[ ]*(?:[.\n]|$|,[ ]|[ ]+b[ ]))",
]


@given(st.text(alphabet="abxAB ,.\n", max_size=40), st.data())
def test_anchored_patterns_by_line_find_what_a_whole_scan_finds(
    text: str, data: st.DataObject
) -> None:
    # Every line on its own, or runs of lines: the finest and coarser cuts.
    lines = [m.span() for m in regex.finditer(r"[^\n]*\n|[^\n]+$", text)]
    if data.draw(st.booleans()) and lines:
        lines = [(lines[0][0], lines[-1][1])]
    for source in _ANCHORED:
        pattern = regex.compile(source)
        assert single_line(source), source
        by_line = [m.span() for m in finditer_in(pattern, text, lines)]
        assert by_line == [m.span() for m in pattern.finditer(text)], source


_TURN_PIECES = [
    "THERAPIST:",
    "CLIENT: ",
    "[tracy]",
    "] ",
    "logan, what happened",
    "okay max let's",
    "so Destiny what was",
    "Al,",
    "bo how",
    ".",
    "?",
    "!",
    ":",
    "  ",
    "",
]


@given(
    st.lists(st.sampled_from(_TURN_PIECES), min_size=1, max_size=10),
    st.lists(st.sampled_from(["\n", " ", "", ". ", "?   ", ":\t"]), min_size=1, max_size=6),
)
def test_opening_vocatives_tried_at_turn_starts_find_what_a_whole_scan_finds(
    pieces: list[str], seps: list[str]
) -> None:
    from phimin._detect.literals import standard_tree
    from phimin._detect.names import speech

    assert standard_tree(speech._OPENING.pattern.replace(r"\p{L}", "a")).getwidth()[0] > 0
    text = "".join(p + seps[i % len(seps)] for i, p in enumerate(pieces))
    whole = [m.span() for m in speech._OPENING.finditer(text)]
    assert {start for start, _ in whole} <= set(speech._turn_starts(text))
    tried = finditer_from(speech._OPENING, text, speech._turn_starts(text))
    assert [m.span() for m in tried] == whole


_CLAUSE_PIECES = [
    "so will said",
    "Grace texted me",
    "kwame wants to move",
    "because hope WAS crying",
    "and then, um, jack and ray came over",
    "i think sage needed",
    "honestly she just never called",
    "ſam ASKED",
    "it's; dana doesn't care",
    "] bo told",
    "THİNK sam said",  # (a dotted capital I, a Kelvin sign: folded as the patterns fold)
    "thinK jo WAS crying",
    "’think al said",
    "that said bo said",
    ":",
    ".",
    "\t",
    "",
]


@given(
    st.lists(st.sampled_from(_CLAUSE_PIECES), min_size=1, max_size=8),
    st.lists(st.sampled_from(["\n", " ", ", ", ". ", "?  ", ": ", " - "]), min_size=1, max_size=6),
)
def test_subjects_tried_at_clause_starts_find_what_a_whole_scan_finds(
    pieces: list[str], seps: list[str]
) -> None:
    from phimin._detect.names import clauses

    text = "".join(p + seps[i % len(seps)] for i, p in enumerate(pieces))
    tried = finditer_from(clauses._SUBJECT, text, clauses._subject_starts(text))
    assert [m.span() for m in tried] == [m.span() for m in clauses._SUBJECT.finditer(text)]


def test_each_subject_verb_is_one_run_of_word_characters() -> None:
    from phimin._detect.names import clauses

    assert all(clauses._RUN.fullmatch(v) for v in clauses._SUBJECT_VERBS)


def _patterns_with_openings() -> list[LazyPattern]:
    import phimin._detect.engine  # noqa: F401 - every detection module makes its patterns

    return [p for p in _lazy_regex._made if derived_openings(p.pattern) is not None]


def test_many_patterns_are_tried_only_where_a_match_can_begin() -> None:
    from phimin._detect.names import clauses, speech

    with_openings = _patterns_with_openings()
    assert len(with_openings) >= 30
    assert {speech._TURN_END, clauses._QUESTION, clauses._SOCIAL_OBJECT} <= set(with_openings)


# Texts where matches begin: the openings, cased and glued in odd ways, then names.
_OPENING_PIECES = [
    "thanks robin.",
    "how was your week robin",
    "is august still doing",
    "did will call",
    "i saw dana yesterday",
    "talked to Sam because",
    "transferred to Mercy 3",
    "at cafe luna,",
    "at the café Luna",
    "we met at Club Nine and",
    "NP Jen Lowe",
    "w/rn Ana",
    "THANKS JO.",
    "\u212aIM",  # (a Kelvin sign: "KIM", as case-blind matching reads it)
    "\u017fAW dana",
    "me and dawn",
    "robin’s mom",
    "miles's car",
    "she & i",
    "called him Smoke.",
    "ok ray",
    "right iris?",
    "you",
    "Thanks",
    "is",
    "xis will",
    "dr",
    "",
]


@given(
    st.lists(st.sampled_from(_OPENING_PIECES), min_size=1, max_size=10),
    st.lists(st.sampled_from(["\n", " ", ", ", ". ", "?", "-", ""]), min_size=1, max_size=6),
)
def test_patterns_tried_at_their_openings_find_what_a_whole_scan_finds(
    pieces: list[str], seps: list[str]
) -> None:
    text = "".join(p + seps[i % len(seps)] for i, p in enumerate(pieces))
    for pattern in _patterns_with_openings():
        whole = [m.span() for m in pattern.finditer(text)]
        openings = derived_openings(pattern.pattern)
        assert openings is not None
        tried = finditer_at_openings(pattern, text, openings, [(0, len(text))])
        assert [m.span() for m in tried] == whole, pattern.pattern
        assert [m.span() for m in finditer_by_line(pattern, text)] == whole, pattern.pattern
        assert lines_with(pattern, text) == _lines_searched(pattern, text)
        if single_line(pattern.pattern):  # every other line: the matches that start there
            lines = lines_around(text, [(m.start(), m.start() + 1) for m in _LINE.finditer(text)])
            some = lines_around(text, [(a, a + 1) for a, _ in _each_line(text)[::2]])
            inside = [(a, b) for a, b in whole if any(s <= a < e for s, e in some)]
            assert [m.span() for m in finditer_in(pattern, text, some)] == inside
            assert [m.span() for m in finditer_in(pattern, text, lines)] == whole


_LINE = regex.compile(r"[^\n]*\n?")


def _lines_searched(trigger: LazyPattern, text: str) -> list[tuple[int, int]]:
    """`lines_with` as a search from the end of each match's last line finds them."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    while (m := trigger.search(text, pos)) is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end + 1
        if ranges and ranges[-1][1] == start:
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
        pos = end
    return ranges


def _each_line(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _LINE.finditer(text) if m.end() > m.start()]


def test_whole_words_are_found_in_any_case_and_never_inside_a_word() -> None:
    text = "the Rose QUARTER, quarterly, head-quarter, quarter's\nİ quarter"
    found = [text[a:b] for a, b in whole_words(frozenset({"quarter"}), text)]
    # (a letter that grows when lower-cased keeps the others' offsets)
    assert found == ["QUARTER", "quarter"]
