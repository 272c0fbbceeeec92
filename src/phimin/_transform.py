"""Transform: what each finding's text becomes, and the output built in one pass.

Each action is a small Presidio anonymizer operator: `replace` gives a consistent
placeholder from the document's `PlaceholderBook`, `generalize` gives the minimum
necessary wording ("[date in 2021]", "90+", "[city in Maryland]", a rule's wording),
`remove` is Presidio's `Redact`, `keep` its `Keep`.

Everything this module writes is on a closed list (see `protected_pattern`), so
re-running detection on output can recognise it and leave it alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import regex
from presidio_anonymizer.operators import Keep, Operator, OperatorType, Redact

from phimin._detect.dates import SPANISH_YEAR_WORDS, YEAR_WORDS
from phimin._detect.geography import PlaceLexicon
from phimin._detect.places import FACILITY_KINDS, facility_kind
from phimin._findings import Action
from phimin._lazy_regex import lazy
from phimin._placeholders import WORDING_NUMBER_SEP, PlaceholderBook
from phimin._pseudonyms import NUMBER_PATTERN

__all__ = [
    "GeneralizeOperator",
    "PlaceholderBook",
    "PlaceholderOperator",
    "Replacement",
    "build_output",
    "generalize",
    "protected_pattern",
]

# ZIP3 areas of 20,000 people or fewer (HHS guidance, 2000 census): shown as 000.
_RESTRICTED_ZIP3 = frozenset(
    [
        "036",
        "059",
        "063",
        "102",
        "203",
        "556",
        "692",
        "790",
        "821",
        "823",
        "830",
        "831",
        "878",
        "879",
        "884",
        "890",
        "893",
    ]
)
_YEAR = regex.compile(r"(?<!\d)(19\d{2}|20\d{2})(?!\d)")


_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen".split()
    )
} | {
    w: 10 * n
    for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
# A year said in words at the end of a date, as the date rules read one (`YEAR_WORDS`).
_SPOKEN_YEAR = lazy(rf"(?i)(?<![\w]){YEAR_WORDS}[ .,]*$")
_SPANISH_YEAR = lazy(rf"(?i)(?<![\w]){SPANISH_YEAR_WORDS}[ .,]*$")
_SPANISH_NUMBERS = {
    w: n
    for n, w in enumerate(
        "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce"
        " quince dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós"
        " veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho"
        " veintinueve".split()
    )
} | {
    w: 10 * n
    for n, w in enumerate("treinta cuarenta cincuenta sesenta setenta ochenta noventa".split(), 3)
}
_UNACCENTED = {
    "un": "uno",
    "veintidos": "veintidós",
    "veintitres": "veintitrés",
    "dieciseis": "dieciséis",
    "veintiseis": "veintiséis",
}


def spoken_year(surface: str) -> str | None:
    """The year a date said in words ends with, in digits ("march third twenty twenty
    one" -> "2021"), or None."""
    m = _SPOKEN_YEAR.search(surface)
    if m is None:
        return _spanish_year(surface)
    words = [w for w in regex.split(r"[- ]+", m.group().strip(" .,").lower()) if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return str(2000 + sum(_NUMBER_WORDS[w] for w in words[2:]))
    return str(100 * _NUMBER_WORDS[words[0]] + sum(_NUMBER_WORDS[w] for w in words[1:]))


def _spanish_year(surface: str) -> str | None:
    """ "dos mil veinte" -> "2020", "mil novecientos noventa y dos" -> "1992"."""
    m = _SPANISH_YEAR.search(surface)
    if m is None:
        return None
    words = [_UNACCENTED.get(w, w) for w in m.group().strip(" .,").lower().split() if w != "y"]
    numbers = [_SPANISH_NUMBERS.get(w) for w in words[2:]]
    if any(n is None for n in numbers):  # (never: the pattern holds only these words)
        return None
    return str((2000 if words[0] == "dos" else 1900) + sum(n or 0 for n in numbers))


def generalize(
    entity: str,
    surface: str,
    *,
    wording: str | None,
    keep_year: bool,
    places: PlaceLexicon,
    year_only: bool = False,
    at_a_place: bool = False,
    state_follows: bool = False,
) -> str | None:
    """The minimum-necessary form of `surface`, or None if this entity has none.

    `year_only`: the finding is a year alone, however written ("1987", "'87", "MI 87"):
    with `keep_year` it stays as it is. `at_a_place`: the place was named after "at"
    ("seen at Hopkins"), where a city's name is as often a hospital's short name, or
    after "on" or "off", where it is a street ("the place on delancey"), or by a
    facility's rule ("go to Sacred Heart"): it becomes "[location]", never a city in
    some state, or the facility's kind when its name ends with one ("[hospital]").
    `state_follows`: a state is named right after it ("Dayton, Ohio"): "[location]".
    """
    if wording is not None:
        return wording
    if entity == "DATE" and keep_year and year_only:
        return surface
    if entity == "DATE":
        year = _YEAR.search(surface)
        if keep_year and year:
            return (
                year.group(1) if year.group(0) == surface.strip() else f"[date in {year.group(1)}]"
            )
        said = spoken_year(surface) if keep_year else None
        return f"[date in {said}]" if said else "[date]"
    if entity == "AGE":
        return "90+"
    if entity == "ZIP_CODE":
        if not regex.fullmatch(r"\d{5}(?:-\d{4})?", surface.strip()):
            return "[postal code]"  # not a US ZIP: its first digits say nothing safe
        digits = surface.strip()[:3]
        return f"[ZIP {'000' if digits in _RESTRICTED_ZIP3 else digits}xx]"
    if entity == "LOCATION":
        if at_a_place:  # a facility by its kind: "Larchmont Memorial Hospital", "[hospital]"
            kind = facility_kind(surface)
            return f"[{kind}]" if kind else "[location]"
        state = None if state_follows else places.state_of(surface.strip())
        return f"[city in {state}]" if state else "[location]"
    return None


class PlaceholderOperator(Operator):
    """replace: a consistent placeholder such as [PERSON_1]."""

    def operate(self, text: str, params: dict[str, Any] | None = None) -> str:
        assert params is not None
        book: PlaceholderBook = params["book"]
        return book.placeholder(params["entity"], text)

    def validate(self, params: dict[str, Any] | None = None) -> None:
        if not params or not isinstance(params.get("book"), PlaceholderBook):
            raise ValueError("PlaceholderOperator needs a 'book'")

    def operator_name(self) -> str:
        return "phimin_placeholder"

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize


class GeneralizeOperator(Operator):
    """generalize: the least specific wording that keeps the sentence readable; with
    `shift_dates`, a date moved by the document's offset (see `_dateshift`)."""

    def operate(self, text: str, params: dict[str, Any] | None = None) -> str:
        assert params is not None
        book: PlaceholderBook | None = params.get("book")
        if (
            params.get("shift_dates")
            and params["entity"] == "DATE"
            and not params.get("year_only", False)
            and book is not None
        ):
            shifted = book.shifted_date(text)
            if shifted is not None:
                return shifted
            # not readable as a real date: generalized as usual (fail closed)
        general = generalize(
            params["entity"],
            text,
            wording=params.get("wording"),
            keep_year=params.get("keep_year", True),
            places=params["places"],
            year_only=params.get("year_only", False),
            at_a_place=params.get("at_a_place", False),
            state_follows=params.get("state_follows", False),
        )
        if general is None:  # no general form: fall back to a placeholder
            return PlaceholderOperator().operate(text, params)
        if book is None:
            return general
        # Each distinct value behind one wording gets its own: "[date in 2026 #2]".
        return book.generalized(general, params["entity"], text)

    def validate(self, params: dict[str, Any] | None = None) -> None:
        if not params or "places" not in params:
            raise ValueError("GeneralizeOperator needs 'places'")

    def operator_name(self) -> str:
        return "phimin_generalize"

    def operator_type(self) -> OperatorType:
        return OperatorType.Anonymize


OPERATORS: dict[Action, Operator] = {
    Action.REPLACE: PlaceholderOperator(),
    Action.GENERALIZE: GeneralizeOperator(),
    Action.REMOVE: Redact(),
    Action.KEEP: Keep(),
}


@dataclass(frozen=True, slots=True)
class Replacement:
    start: int  # in the original text
    end: int
    new_text: str


def build_output(text: str, replacements: Sequence[Replacement]) -> str:
    """Apply sorted, non-overlapping replacements in one pass."""
    parts: list[str] = []
    pos = 0
    for r in replacements:
        if r.start < pos:
            raise ValueError("replacements overlap")  # resolve() guarantees they do not
        parts.append(text[pos : r.start])
        parts.append(r.new_text)
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)


def protected_pattern(
    wordings: Iterable[str], places: PlaceLexicon, labels: Iterable[str]
) -> regex.Pattern[str]:
    """Everything phimin writes into text, as one pattern: placeholders and wordings.

    Only labels phimin issues count: "[QUILLON_BRACKENRIDGE_1]" is not a placeholder.
    """
    states = sorted({s for states in places.city_states.values() for s in states})
    names = "|".join(regex.escape(label) for label in sorted(set(labels), key=len, reverse=True))
    # A second, third... distinct value behind a wording: "[date in 2026 #2]".
    nth = rf"(?:{regex.escape(WORDING_NUMBER_SEP)}\d{{1,7}})?"
    bracketed = [w for w in wordings if w.startswith("[") and w.endswith("]")]
    alternatives = [
        rf"\[(?:{names})_{NUMBER_PATTERN}\]",  # numbered per document, or keyed
        rf"\[date(?: in (?:19|20)\d{{2}})?{nth}\]",
        rf"\[location{nth}\]",
        rf"\[(?:{'|'.join(regex.escape(k) for k in sorted(FACILITY_KINDS))}){nth}\]",
        r"\[city in (?:" + "|".join(regex.escape(s) for s in states) + rf"){nth}\]",
        rf"\[ZIP \d{{3}}xx{nth}\]",
        rf"\[postal code{nth}\]",
        *(regex.escape(w[:-1]) + rf"{nth}\]" for w in sorted(bracketed, key=len, reverse=True)),
        *(regex.escape(w) for w in sorted(set(wordings) - set(bracketed), key=len, reverse=True)),
    ]
    return regex.compile("|".join(f"(?:{a})" for a in alternatives))
