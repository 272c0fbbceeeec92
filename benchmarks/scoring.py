"""Span arithmetic for the benchmarks: coverage of gold spans, overlap, word characters.

A gold span is *caught* when every word character in it (`\\w`) lies inside a span
the tool changed, and not in a part the tool deliberately kept (the year phimin keeps
in "[date in 2021]" under a Safe Harbor policy). Punctuation and spaces do not count,
so "Smith," caught as "Smith" is caught.

Reports never quote input text at length: strings shown are lower-cased, cut to a
few words, and only listed when seen at least `MIN_COUNT` times, so what appears
is recurring wording (common words, labels, abbreviations), not a one-off identifier.
On corpora without PHI labels (where a removed name or number is likely real, e.g. a
therapist signing an answer) such strings are counted under a description instead
(`withheld`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "MIN_COUNT",
    "Coverage",
    "Tally",
    "context_word",
    "merge",
    "overlaps",
    "shape",
    "short_form",
    "top",
    "withheld",
]

MIN_COUNT = 3  # a string is listed only if seen this often (no one-off identifiers)
_WORD = re.compile(r"\w")
_WORD_RUN = re.compile(r"\w+")


def merge(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint union of half-open intervals."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if end <= start:
            continue
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


class Coverage:
    """Which characters of one text a tool changed (minus the parts it kept)."""

    def __init__(
        self,
        text: str,
        changed: Iterable[tuple[int, int]],
        kept: Iterable[tuple[int, int]] = (),
        exempt: Iterable[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        self._changed = merge(changed)
        self._starts = [s for s, _ in self._changed]
        self._kept = merge(kept)
        self._kept_starts = [s for s, _ in self._kept]
        self._exempt = merge(exempt)  # need not be removed (a country inside an address)
        self._exempt_starts = [s for s, _ in self._exempt]

    def _inside(self, pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]

    def removed(self, pos: int) -> bool:
        return self._inside(pos, self._changed, self._starts) and not self._inside(
            pos, self._kept, self._kept_starts
        )

    def word_positions(self, start: int, end: int) -> list[int]:
        return [m.start() for m in _WORD.finditer(self.text, start, end)]

    def caught(self, start: int, end: int, *, kept_counts: bool = True) -> bool:
        """Every word character of text[start:end] was removed (True if it has none).

        With `kept_counts=False` a deliberately kept part (a year) counts as removed:
        "[date in 1995]" catches the date "3/9/1995" as Safe Harbor means it.
        """
        positions = [
            p
            for p in self.word_positions(start, end)
            if not self._inside(p, self._exempt, self._exempt_starts)
        ]
        if kept_counts:
            return all(self.removed(p) for p in positions)
        return all(self._inside(p, self._changed, self._starts) for p in positions)

    def touched(self, start: int, end: int) -> bool:
        """At least one word character of text[start:end] was removed."""
        return any(self.removed(p) for p in self.word_positions(start, end))

    def removed_word_chars(self, excluding: Sequence[tuple[int, int]] = ()) -> int:
        """Word characters removed, but for those inside `excluding` (gold spans)."""
        spans = merge(excluding)
        starts = [s for s, _ in spans]
        return sum(
            sum(
                1
                for p in self.word_positions(s, e)
                if self.removed(p) and not self._inside(p, spans, starts)
            )
            for s, e in self._changed
        )

    def word_chars(self) -> int:
        return sum(1 for _ in _WORD.finditer(self.text))


def overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def short_form(text: str, max_words: int = 3, max_chars: int = 30) -> str:
    """Lower-cased, whitespace-collapsed, at most a few words: a word-level label."""
    words = text.lower().split()
    form = " ".join(words[:max_words]) + (" …" if len(words) > max_words else "")
    return form[:max_chars]


def shape(text: str) -> str:
    """How a span is written: case pattern and word count ("lower 1w", "Title 2w")."""
    words = _WORD_RUN.findall(text)
    if not words:
        return "punct"
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if not letters:
        kind = "digits"
    elif all(w.isupper() for w in letters):
        kind = "UPPER" if any(len(w) > 1 for w in letters) else "initial"
    elif all(w.islower() for w in letters):
        kind = "lower"
    elif all(w[:1].isupper() for w in letters):
        kind = "Title"
    else:
        kind = "mixed"
    if letters and len(letters) < len(words):
        kind += "+digits"
    return f"{kind} {len(words)}w"


def context_word(text: str, start: int, forbidden: Sequence[tuple[int, int]]) -> str:
    """The word just before `start`, lower-cased, or "" (also if it is itself gold PHI)."""
    i = start
    while i > 0 and not text[i - 1].isalnum():
        if text[i - 1] == "\n":
            return "⏎"
        i -= 1
    j = i
    while j > 0 and text[j - 1].isalnum():
        j -= 1
    if j == i or overlaps(j, i, forbidden):
        return ""
    return text[j:i].lower()


@functools.lru_cache(maxsize=2)
def _census(kind: str) -> frozenset[str]:
    """Given ("first") or family ("last") names from the `names` package (US Census 1990)."""
    try:
        import names
    except ImportError:  # pragma: no cover - phimin depends on it
        return frozenset()
    folder = Path(names.__file__).parent
    parts = ("dist.male.first", "dist.female.first") if kind == "first" else ("dist.all.last",)
    found: set[str] = set()
    for part in parts:
        path = folder / part
        if path.is_file():
            found.update(line.split()[0].lower() for line in path.read_text().splitlines() if line)
    return frozenset(found)


_IDENTIFIER_LIKE = re.compile(r"\d{3}|@|://|www\.|\.(?:com|org|net|edu|gov)\b", re.I)


def withheld(surface: str, entity: str = "") -> str | None:
    """Why a removed or predicted string is not listed (None: it may be listed).

    A recurring string a tool removed may be a real name or number (a therapist signing
    answers, a name the gold standard left unlabelled), so anything that looks like one
    is counted under a description instead of shown:
    - numbers of three or more digits, web and mail addresses;
    - census given names: capitalized, or in any case unless a very common word
      (wordfreq Zipf >= 4.5: "may", "will" stay visible);
    - for PERSON, capitalized census surnames unless very common words (Zipf >= 5.2:
      "Like", "Oh" stay visible, "Smith" does not);
    - capitalized rare words (Zipf < 4), which covers most surnames and places, except
      ALL-CAPS words of up to four letters (abbreviations: MAE, NGT, PEG).
    """
    if _IDENTIFIER_LIKE.search(surface):
        return "number or address"
    words = [w for w in _WORD_RUN.findall(surface) if any(c.isalpha() for c in w)]
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - phimin depends on it
        return "word" if words else None
    for word in words:
        lower = word.lower()
        capitalized = word[:1].isupper()
        frequency = zipf_frequency(lower, "en")
        if lower in _census("first") and (capitalized or frequency < 4.5):
            return "given name"
        if entity == "PERSON" and capitalized and lower in _census("last") and frequency < 5.2:
            return "surname"
        # A short ALL-CAPS word is an abbreviation far more often than a name (MAE, NGT).
        short_caps = word.isupper() and len(word) <= 4
        if capitalized and frequency < 4.0 and not short_caps:
            return "rare capitalized word"
    return None


def top(counter: Counter[str], n: int = 10, min_count: int = MIN_COUNT) -> list[tuple[str, int]]:
    return [(k, c) for k, c in counter.most_common() if c >= min_count][:n]


@dataclass
class Tally:
    """Counts for one label: gold spans, caught; predictions, correct."""

    gold: int = 0
    caught: int = 0
    predicted: int = 0
    correct: int = 0
    misses: Counter[str] = field(default_factory=Counter)

    @property
    def recall(self) -> float | None:
        return self.caught / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None
