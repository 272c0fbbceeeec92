"""A normalized view of the input, for detection, with offsets that map back.

Identifiers are disguised in practice and on purpose: zero-width characters inside a
number, non-breaking spaces, fullwidth or Arabic-Indic digits, Cyrillic letters that
look Latin, digits spelled out or spaced apart. Detection runs on a view where these
are undone; every span found there maps back to the original text, widened (never
narrowed) to cover whole original characters.

Each layer is a list of segments; a layer with nothing to change is the identity and
costs one regex scan.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex

__all__ = ["NormalizedText", "normalize"]


@dataclass(frozen=True, slots=True)
class _Segment:
    norm_start: int
    norm_end: int
    orig_start: int
    orig_end: int
    identity: bool


class _Layer:
    """One rewrite of a text, with the map from its offsets back to its source."""

    __slots__ = ("_segments", "_starts", "source_length", "text")

    def __init__(self, source: str, pieces: Iterable[tuple[int, int, str]]) -> None:
        parts: list[str] = []
        segments: list[_Segment] = []
        pos = 0  # in source
        npos = 0  # in output
        for start, end, replacement in pieces:
            if start > pos:
                segments.append(_Segment(npos, npos + start - pos, pos, start, True))
                parts.append(source[pos:start])
                npos += start - pos
            if replacement:
                segments.append(_Segment(npos, npos + len(replacement), start, end, False))
                parts.append(replacement)
                npos += len(replacement)
            pos = end
        if pos < len(source):
            segments.append(_Segment(npos, npos + len(source) - pos, pos, len(source), True))
            parts.append(source[pos:])
        self.text = "".join(parts)
        self.source_length = len(source)
        # Only segments with output characters take part in the map; characters that
        # were removed lie between two of them and are covered by any span across them.
        self._segments = segments
        self._starts = [s.norm_start for s in segments]

    def start_to_source(self, p: int) -> int:
        if p >= len(self.text):
            return self.source_length
        seg = self._segments[bisect.bisect_right(self._starts, p) - 1]
        return seg.orig_start + (p - seg.norm_start) if seg.identity else seg.orig_start

    def end_to_source(self, p: int) -> int:
        if p <= 0:
            return 0
        seg = self._segments[bisect.bisect_left(self._starts, p) - 1]
        return seg.orig_start + (p - seg.norm_start) if seg.identity else seg.orig_end


class NormalizedText:
    """The detection view of a text and the map back to the original offsets."""

    __slots__ = ("_layers", "original", "text")

    def __init__(self, original: str, layers: list[_Layer]) -> None:
        self.original = original
        self._layers = layers
        self.text = layers[-1].text if layers else original

    @property
    def is_identity(self) -> bool:
        return not self._layers

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalized text to the smallest covering original span."""
        for layer in reversed(self._layers):
            start, end = layer.start_to_source(start), layer.end_to_source(end)
        return start, max(start, end)


# --- layer 1: characters -------------------------------------------------------------

# Latin look-alikes from Cyrillic, Greek and letter-like symbols (Unicode confusables,
# the subset that maps to a single ASCII letter).
_CONFUSABLES: dict[str, str] = dict(
    zip(
        "АВЕЅІЈКМНОРСТХУаеіјоѕрсхуԁһӏԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοϲνаɑ",
        "ABESIJKMHOPCTXYaeijospcxydhlqwABEZHIKMNOPTYXocvaa",
        strict=True,
    )
)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033"

_NON_ASCII = regex.compile(r"[^\x00-\x7f]")
_WORD_BEFORE = regex.compile(r"(?r)\w*")  # matched backwards from a position
_WORD_AFTER = regex.compile(r"\w*")


def _map_char(c: str, homoglyphs: bool) -> str:
    if homoglyphs and c in _CONFUSABLES:
        return _CONFUSABLES[c]
    if c in _DASHES:
        return "-"
    if c in _SINGLE_QUOTES:
        return "'"
    if c in _DOUBLE_QUOTES:
        return '"'
    category = unicodedata.category(c)
    if category == "Cf":  # zero-width and bidi controls
        return ""
    if category == "Zs":
        return " "
    if category in ("Zl", "Zp"):
        return "\n"
    if category == "Nd":
        return str(unicodedata.decimal(c))
    folded = unicodedata.normalize("NFKC", c)
    if folded != c and folded.isascii() and len(folded) <= 3:
        return folded
    return c


def _word_is_disguised(word: str) -> bool:
    """True when every non-ASCII letter of the word is a Latin look-alike."""
    letters = [c for c in word if not c.isascii() and c.isalpha()]
    return bool(letters) and all(c in _CONFUSABLES for c in letters)


def _character_pieces(text: str) -> Iterator[tuple[int, int, str]]:
    if text.isascii():
        return
    done = 0  # words are handled whole; skip characters of a word already seen
    for m in _NON_ASCII.finditer(text):
        p = m.start()
        if p < done:
            continue
        start = _WORD_BEFORE.match(text, 0, p).start() if text[p].isalnum() else p  # type: ignore[union-attr]
        end = _WORD_AFTER.match(text, p).end() if text[p].isalnum() else p + 1  # type: ignore[union-attr]
        word = text[start:end]
        homoglyphs = _word_is_disguised(word)
        for offset, c in enumerate(word):
            if c.isascii():
                continue
            mapped = _map_char(c, homoglyphs)
            if mapped != c:
                yield start + offset, start + offset + 1, mapped
        done = end


# --- layer 2: digits spelled out ---------------------------------------------------

_DIGIT_WORDS = {
    "zero": "0",
    "oh": "0",
    "o": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
# Four or more digit words in a row ("five five five one two one two") read as digits.
_DIGIT_WORD_RUN = regex.compile(rf"(?i)\b{_DIGIT_WORD}(?:(?:[ ,.\-]|\s)+{_DIGIT_WORD}){{3,}}\b")
_ONE_DIGIT_WORD = regex.compile(rf"(?i)\b{_DIGIT_WORD}\b")


def _digit_word_pieces(text: str) -> Iterator[tuple[int, int, str]]:
    for run in _DIGIT_WORD_RUN.finditer(text):
        for w in _ONE_DIGIT_WORD.finditer(text, run.start(), run.end()):
            yield w.start(), w.end(), _DIGIT_WORDS[w.group().lower()]


# --- layer 3: digits spaced apart --------------------------------------------------

# Seven or more single digits separated by spaces (and optional dashes or dots):
# "5 2 3 - 6 1 - 8 8 4 0" reads "523-61-8840".
_SPACED_DIGITS = regex.compile(r"(?<![\w.])\d(?:(?: ?[-.] ?| {1,2})\d){6,}(?![\w])")
_SPACE_IN_RUN = regex.compile(r" +")


def _spaced_digit_pieces(text: str) -> Iterator[tuple[int, int, str]]:
    for run in _SPACED_DIGITS.finditer(text):
        for gap in _SPACE_IN_RUN.finditer(text, run.start(), run.end()):
            yield gap.start(), gap.end(), ""


_LAYERS: tuple[Callable[[str], Iterator[tuple[int, int, str]]], ...] = (
    _character_pieces,
    _digit_word_pieces,
    _spaced_digit_pieces,
)


def normalize(text: str) -> NormalizedText:
    """Build the detection view of `text`."""
    layers: list[_Layer] = []
    current = text
    for make_pieces in _LAYERS:
        pieces = list(make_pieces(current))
        if pieces:
            layer = _Layer(current, pieces)
            layers.append(layer)
            current = layer.text
    return NormalizedText(text, layers)
