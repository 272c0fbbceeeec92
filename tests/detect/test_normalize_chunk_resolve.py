"""The normalized view maps back exactly; chunks overlap; overlaps resolve safely."""

from __future__ import annotations

import itertools

import regex
from hypothesis import given
from hypothesis import strategies as st

import phimin
from phimin._catalogue import Catalogue
from phimin._chunking import chunk_spans
from phimin._detect.base import SpanFence
from phimin._findings import Action, Category
from phimin._normalize import normalize
from phimin._resolve import Candidate, resolve

DIGITS = regex.compile(r"\d[\d-]+\d")


def test_disguised_digits_are_found_and_map_back() -> None:
    cases = {
        "SSN 5 2 3 - 6 1 - 8 8 4 0 ok": "5 2 3 - 6 1 - 8 8 4 0",
        "num \uff15\uff12\uff13-61-8840": "\uff15\uff12\uff13-61-8840",
        "12\u200b3-45\u200b-6789": "12\u200b3-45\u200b-6789",
        "\u0665\u0662\u0663-\u0666\u0661-8840": "\u0665\u0662\u0663-\u0666\u0661-8840",
        "call five five five two six seven one": "five five five two six seven one",
        "mi número es seis dos seis cinco cinco cero uno": "seis dos seis cinco cinco cero uno",
    }
    for text, original in cases.items():
        view = normalize(text)
        m = DIGITS.search(view.text)
        assert m is not None, text
        s, e = view.to_original(*m.span())
        assert text[s:e] == original


def test_a_label_inside_a_longer_code_is_not_read_apart() -> None:
    assert normalize("MRN0045821").text == "MRN 0045821"
    # a VIN that holds "PG" and digits stays one code
    assert normalize("VIN 1AAAAAAA6PG100000.").text == "VIN 1AAAAAAA6PG100000."


def test_homoglyph_names_are_read_as_latin() -> None:
    view = normalize("Dr. \u0420\u043e\u0455\u0430 Smith")  # Cyrillic look-alikes
    assert view.text == "Dr. Posa Smith"
    genuine = normalize("Иван пришёл")  # genuine Cyrillic stays as it is
    assert genuine.text == "Иван пришёл"


def test_ascii_text_is_its_own_view() -> None:
    assert normalize("plain text 123").is_identity


@given(st.text(max_size=200))
def test_any_span_maps_inside_the_original(text: str) -> None:
    view = normalize(text)
    n = len(view.text)
    for s in range(0, n + 1, max(1, n // 7 or 1)):
        for e in range(s, n + 1, max(1, n // 5 or 1)):
            a, b = view.to_original(s, e)
            assert 0 <= a <= b <= len(text)


def test_chunks_cover_the_text_and_overlap() -> None:
    text = ("A line of session talk here. " * 40 + "\n") * 30
    chunks = chunk_spans(text, 3000, 200)
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    for a, b in itertools.pairwise(chunks):
        assert b.start <= a.end - 200 and b.start > a.start
        assert a.end - a.start <= 3000


def test_identifiers_across_every_chunk_boundary_are_found(redactor: phimin.Redactor) -> None:
    # Plant an SSN, a phone and a name straddling each cut point of a long text.
    filler = "We talked about sleep and the week ahead and it went fine. "
    text = filler * 400
    cuts = [c.end for c in chunk_spans(text)][:-1]
    assert len(cuts) >= 3
    planted = "Her mother Rosa Diaz called 410-555-2671, SSN 523-61-8840. "
    for cut in reversed(cuts):
        for shift in (-40, -20, -5):
            at = cut + shift
            text = text[:at] + planted + text[at:]
    out = redactor.redact(text).text
    for secret in ("Rosa", "Diaz", "410-555-2671", "523-61-8840"):
        assert secret not in out
    assert out.count("[SSN_1]") == 3 * len(cuts)


def _c(
    s: int,
    e: int,
    entity: str,
    cat: Category,
    score: float,
    action: Action = Action.REPLACE,
    rule_id: str | None = None,
) -> Candidate:
    rule = Catalogue().get(rule_id or f"r.{entity}", entity)
    return Candidate(s, e, s, e, entity, cat, score, rule, action)


def test_resolve_prefers_the_covering_finding() -> None:
    out = resolve(
        [
            _c(0, 10, "ORGANIZATION", Category.IDENTIFIER, 0.6),
            _c(0, 5, "PERSON", Category.IDENTIFIER, 0.9),
        ]
    )
    assert [(c.start, c.end, c.entity) for c in out] == [(0, 10, "ORGANIZATION")]


def test_resolve_unions_partial_overlaps() -> None:
    out = resolve(
        [
            _c(0, 10, "PERSON", Category.IDENTIFIER, 0.9),
            _c(5, 17, "LOCATION", Category.QUASI_IDENTIFIER, 0.8, Action.GENERALIZE),
            _c(20, 25, "DATE", Category.QUASI_IDENTIFIER, 0.8, Action.GENERALIZE),
        ]
    )
    assert [(c.start, c.end, c.entity) for c in out] == [(0, 17, "PERSON"), (20, 25, "DATE")]


def test_resolve_prefers_context_over_a_guess_and_the_surer_guess() -> None:
    quasi, ident, gen = Category.QUASI_IDENTIFIER, Category.IDENTIFIER, Action.GENERALIZE
    # "at Larchmont Memorial": the facility rule beats the model's PERSON guess ...
    facility = _c(0, 16, "LOCATION", quasi, 0.8, gen, "phimin.location.facility")
    model = _c(0, 16, "PERSON", ident, 0.75, rule_id="phimin.ner.person")
    assert [c.rule_id for c in resolve([model, facility])] == ["phimin.location.facility"]
    # ... a title beats a city guess, and between two guesses the higher score wins.
    title = _c(0, 9, "PERSON", ident, 0.9, rule_id="phimin.name.title")
    city = _c(0, 9, "LOCATION", quasi, 0.75, gen, "phimin.location.gazetteer")
    name = _c(0, 9, "PERSON", ident, 0.65, rule_id="phimin.name.gazetteer")
    assert [c.rule_id for c in resolve([city, title])] == ["phimin.name.title"]
    assert [c.rule_id for c in resolve([name, city])] == ["phimin.location.gazetteer"]


def test_kept_findings_never_shadow_changing_ones() -> None:
    out = resolve(
        [
            _c(0, 30, "SUBSTANCE_USE", Category.SENSITIVE, 0.9, Action.KEEP),
            _c(12, 18, "PERSON", Category.IDENTIFIER, 0.8),
            _c(40, 50, "SUBSTANCE_USE", Category.SENSITIVE, 0.9, Action.KEEP),
        ]
    )
    assert [(c.start, c.end, c.action) for c in out] == [
        (12, 18, Action.REPLACE),
        (40, 50, Action.KEEP),
    ]


_SPAN = st.tuples(st.integers(0, 100), st.integers(1, 12)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(_SPAN, max_size=10), _SPAN)
def test_fence_overlap_agrees_with_a_plain_scan(
    spans: list[tuple[int, int]], q: tuple[int, int]
) -> None:
    expected = any(s < q[1] and q[0] < e for s, e in spans)
    assert SpanFence(spans).overlaps(*q) is expected
