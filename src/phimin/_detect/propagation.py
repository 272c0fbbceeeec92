"""Once a name is established, find every other mention of it.

A note says "Dr. Healey aware" once and "healey" five times; a transcript says "my
son Will" once and "Will" throughout. Names found with strong evidence (a title, a
relation, a full name) are looked up again across the whole text. Names that are
also ordinary words are only matched with the same capitalization, and only in
mixed-case text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from typing import Any

import ahocorasick
import regex

from phimin._detect.base import Detection
from phimin._detect.lexicon import NameLexicon
from phimin._detect.names import NON_NAME_WORDS, POSTNOMINALS, TITLES, case_mode

__all__ = ["PROPAGATION_SCORE", "learn_names", "propagate_names"]

PROPAGATION_SCORE = 0.75
_MIN_EVIDENCE = 0.7
_WORD = regex.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")


def learn_names(
    text: str,
    detections: Iterable[Detection],
    lexicon: NameLexicon,
    known: MutableMapping[str, str | None],
) -> None:
    """Add names from strong PERSON detections to `known`.

    `known` maps a lower-case name to None (match in any case) or to the exact
    surface form that must match (for names that are also ordinary words).
    """
    for d in detections:
        if d.entity != "PERSON" or d.score < _MIN_EVIDENCE:
            continue
        surface = text[d.start : d.end]
        words = [
            w
            for w in _WORD.findall(surface)
            if w.lower() not in TITLES and w.lower() not in POSTNOMINALS
        ]
        if len(words) > 1:
            known.setdefault(" ".join(w.lower() for w in words), None)
        for w in words:
            lower = w.lower()
            if len(lower) < 3 or lower in NON_NAME_WORDS:
                continue
            if lexicon.is_clear_name(lower) or not (
                lexicon.is_name(lower) or lexicon.is_common_word(lower)
            ):
                known[lower] = None
            elif w[:1].isupper() and not w.isupper():
                known.setdefault(lower, w)


def propagate_names(text: str, known: MutableMapping[str, str | None]) -> list[Detection]:
    """Every whole-word mention of a known name in `text`."""
    if not known:
        return []
    mixed = case_mode(text) == "mixed"
    automaton: Any = ahocorasick.Automaton()
    for name, surface in known.items():
        if surface is None or mixed:
            automaton.add_word(name, (len(name), surface))
    if len(automaton) == 0:
        return []
    automaton.make_automaton()
    return list(_matches(text, automaton))


def _matches(text: str, automaton: Any) -> Iterator[Detection]:
    lowered = (
        text.lower()
        if text.isascii()
        else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    )
    for end_index, (length, surface) in automaton.iter(lowered):
        end = end_index + 1
        start = end - length
        if start > 0 and (lowered[start - 1].isalnum() or lowered[start - 1] in "_-"):
            continue
        if end < len(text) and (lowered[end].isalnum() or lowered[end] in "_"):
            continue
        if surface is not None and text[start:end] != surface:
            continue
        yield Detection(start, end, "PERSON", PROPAGATION_SCORE, "phimin.name.propagated")
