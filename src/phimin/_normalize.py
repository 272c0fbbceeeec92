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

from phimin._detect.lines import finditer_in, lines_with
from phimin._entities import ENTITIES
from phimin._errors import DetectionError
from phimin._lazy_regex import AnyPattern, lazy

__all__ = ["NormalizedText", "normalize"]

_TIMEOUT_SECONDS = 2.0  # per layer and text; linear patterns need milliseconds


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

# Anything but printable ASCII and ordinary line and tab characters: control characters
# (NUL, DEL) and every non-ASCII character get a look.
_SPECIAL = regex.compile(r"[^\t\n\x0b\x0c\r\x20-\x7e]")
_KEEP_CONTROLS = "\t\n\x0b\x0c\r"
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
    if category in ("Cf", "Mn", "Me"):  # zero-width, bidi controls, combining marks
        return ""
    if category == "Cc":  # NUL, DEL and other control characters hide nothing
        return c if c in _KEEP_CONTROLS else ""
    if category == "Zs":
        return " "
    if category in ("Zl", "Zp"):
        return "\n"
    digit = unicodedata.digit(c, None)  # Arabic-Indic, fullwidth, circled, superscript
    if digit is not None:
        return str(digit)
    folded = unicodedata.normalize("NFKC", c)
    if folded != c and folded.isascii() and len(folded) <= 3:
        return folded
    return c


def _word_is_disguised(word: str) -> bool:
    """True when every non-ASCII letter of the word is a Latin look-alike."""
    letters = [c for c in word if not c.isascii() and c.isalpha()]
    return bool(letters) and all(c in _CONFUSABLES for c in letters)


def _character_pieces(text: str) -> Iterator[tuple[int, int, str]]:
    done = 0  # words are handled whole; skip characters of a word already seen
    for m in _finditer(_SPECIAL, text):
        p = m.start()
        if p < done:
            continue
        start, end = p, p + 1
        if text[p].isalnum():  # the whole word around it, for look-alike letters
            before = _WORD_BEFORE.match(text, 0, p)
            after = _WORD_AFTER.match(text, p)
            start = before.start() if before else p
            end = max(after.end() if after else p, p + 1)  # "⑤" is alphanumeric, not \w
        word = text[start:end]
        homoglyphs = _word_is_disguised(word)
        for offset, c in enumerate(word):
            if c.isascii() and c.isprintable():
                continue
            mapped = _map_char(c, homoglyphs)
            if mapped != c:
                yield start + offset, start + offset + 1, mapped
        done = end


# --- layer 2: words glued together ------------------------------------------------

# "maria_lopez", "[QUILLON_BRACKENRIDGE_1]": underscores join words; "SSN417382906",
# "MRN0045821": a label glued to its number. Both are read apart.
_UNDERSCORE = regex.compile(r"(?<=[^\W_])_+(?=[^\W_])")
_GLUED_LABEL = regex.compile(
    # (never inside a longer code: "1AAAAAAA6PG100000" is a VIN, not "PG 100000")
    r"(?i)(?<![^\W_])(?:ssn|mrn|phone|tel|cell|fax|id|dob|acct|account|member|npi|dea|vin"
    r"|case|pager|pg|ext)(?=\d{4,})"
)
_FOUR_DIGITS = regex.compile(r"\d{4}")


# Emails, web addresses and paths keep their underscores ("j_doe@clinic.org"), and so
# do phimin's own placeholders ("[PERSON_1]"), a handle said after "at" ("follow me
# at sad_girl_fern": read apart, its last part would be a name) and a Skype name
# ("live:dana.w_1").
_KEEP_UNDERSCORES = lazy(
    r"[^\s\[\]()]*[@/][^\s\[\]()]*|www\.\S*|(?<![\w:])(?i:live):[^\s\[\]()]*"
    r"|(?<=(?<![\w])[Aa][Tt][ ])[A-Za-z0-9]+(?:_+[A-Za-z0-9]+)+|\[?(?:"
    + "|".join(sorted((info.label for info in ENTITIES.values()), key=len, reverse=True))
    + r")_\d{1,7}\]?"
)


def _glued_pieces(text: str) -> Iterator[tuple[int, int, str]]:
    if "_" in text:
        keep = [m.span() for m in _finditer(_KEEP_UNDERSCORES, text)]
        pieces = [
            (m.start(), m.end(), " ")
            for m in _finditer(_UNDERSCORE, text)
            if not any(s <= m.start() < e for s, e in keep)
        ]
    else:
        pieces = []
    # (the label's four digits are on its line: only lines holding four are scanned,
    # which finds the same, `lines.single_line`)
    lines = lines_with(_FOUR_DIGITS, text)
    pieces += [(m.end(), m.end(), " ") for m in _finditer(_GLUED_LABEL, text, lines)]
    yield from sorted(pieces)


# --- layer 3: digits spelled out ---------------------------------------------------

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
    # said in Spanish: "mi número es seis dos seis cinco ..."
    "cero": "0",
    "uno": "1",
    "dos": "2",
    "tres": "3",
    "cuatro": "4",
    "cinco": "5",
    "seis": "6",
    "siete": "7",
    "ocho": "8",
    "nueve": "9",
}
_DIGIT_WORD = (
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|cero|uno|dos|tres|cuatro|cinco"
    r"|seis|siete|ocho|nueve)"
)
# Four or more digit words in a row ("five five five one two one two") read as digits.
_DIGIT_WORD_RUN = regex.compile(rf"(?i)\b{_DIGIT_WORD}(?:[\s,.\-]+{_DIGIT_WORD}){{3,}}\b")
_ONE_DIGIT_WORD = regex.compile(rf"(?i)\b{_DIGIT_WORD}\b")


def _digit_word_pieces(text: str) -> Iterator[tuple[int, int, str]]:
    for run in _finditer(_DIGIT_WORD_RUN, text):
        for w in _ONE_DIGIT_WORD.finditer(text, run.start(), run.end()):
            yield w.start(), w.end(), _DIGIT_WORDS[w.group().lower()]


# --- layer 4: digits spaced apart --------------------------------------------------

# Seven or more single digits separated by spaces or commas (and optional dashes or
# dots): "5 2 3 - 6 1 - 8 8 4 0" reads "523-61-8840", "4, 1, 0, 8, ..." reads "4108...".
_SPACED_DIGITS = regex.compile(r"(?<![\w.])\d(?:(?: ?[-.,] ?| {1,2})\d){6,}(?![\w])")
_GAP_IN_RUN = regex.compile(r"[ ,]+")


def _spaced_digit_pieces(text: str) -> Iterator[tuple[int, int, str]]:
    for run in _finditer(_SPACED_DIGITS, text):
        for gap in _GAP_IN_RUN.finditer(text, run.start(), run.end()):
            yield gap.start(), gap.end(), ""


def _finditer(
    pattern: AnyPattern, text: str, lines: list[tuple[int, int]] | None = None
) -> list[regex.Match[str]]:
    """All matches (in `lines` only, for a pattern that cannot cross a line break), or
    DetectionError if the pattern takes too long (fail closed)."""
    try:
        if lines is not None:
            return list(finditer_in(pattern, text, lines, timeout=_TIMEOUT_SECONDS))
        return list(pattern.finditer(text, timeout=_TIMEOUT_SECONDS))
    except TimeoutError:
        raise DetectionError("normalization exceeded its time limit") from None


_LAYERS: tuple[Callable[[str], Iterator[tuple[int, int, str]]], ...] = (
    _character_pieces,
    _glued_pieces,
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
