"""Names in conversation: greetings and direct address, introductions, speaker turns.
Rules `phimin.name.vocative`, `.leading_vocative`, `.introduction`,
`.introduction.weak`, `.speaker`."""

from __future__ import annotations

from collections.abc import Iterator

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.case import CaseMode
from phimin._detect.clinical import is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon
from phimin._detect.names.tokens import Span, Tokens, extend
from phimin._detect.words import (
    GREETINGS,
    INTRODUCTIONS,
    NON_NAME_WORDS,
    TITLES,
    WEAK_INTRODUCTIONS,
)

__all__ = ["greeting", "introductions", "leading_vocatives", "speakers", "vocative_at"]

VOCATIVE = builtin("phimin.name.vocative")
LEADING_VOCATIVE = builtin("phimin.name.leading_vocative")
INTRODUCTION = builtin("phimin.name.introduction")
WEAK_INTRODUCTION = builtin("phimin.name.introduction.weak")
SPEAKER = builtin("phimin.name.speaker")

_PHRASES_BY_FIRST_WORD: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
for _phrase, _weak in [(p, False) for p in INTRODUCTIONS] + [(p, True) for p in WEAK_INTRODUCTIONS]:
    _PHRASES_BY_FIRST_WORD.setdefault(_phrase[0], []).append((_phrase, _weak))
_SPEAKER_LINE = regex.compile(
    r"(?m)^[ \t>\[]*(?P<name>\p{L}[\p{L}'’-]+(?:[ ]\p{L}[\p{L}'’-]+)?)[ \t]*[:\]]"
)
_ADDRESSED = frozenset({"you", "your", "you're", "u"})


def greeting(t: Tokens, i: int) -> bool:
    """Is token i a greeting ("hi", "thanks", "thank you")?"""
    w = t.lower[i]
    return w in GREETINGS or (w == "thank" and i + 1 < len(t) and t.lower[t.next_word(i)] == "you")


def vocative_at(t: Tokens, i: int) -> Span | None:
    """ "hi Lorna,", "thanks, Will.": the name after greeting token i, then a pause."""
    j = t.next_word(i)
    if t.lower[i] == "thank":
        j = t.next_word(j)
    if j < len(t) and t.text[j] == ",":
        j = t.next_word(j)
    if j >= len(t) or not t.accept_after_medium(j):
        return None
    span = extend(t, j, VOCATIVE.score, VOCATIVE)
    after = t.next_word(span.end - 1)
    if after >= len(t) or t.text[after] in {",", ".", "!", "?", ";", ":"} or "\n" in t.text[after]:
        return span
    return None


def introductions(t: Tokens) -> Iterator[Span]:
    """ "my name is Quillon", "call me Bea", "I'm Maria": the name after an introduction."""
    mixed = t.mode == "mixed"
    for i, w in enumerate(t.lower):
        for phrase, weak in _PHRASES_BY_FIRST_WORD.get(w, ()):
            n = len(phrase)
            if tuple(t.lower[i : i + n]) != phrase:
                continue
            j = t.next_word(i + n - 1)
            if j >= len(t):
                continue
            if weak:
                ok = t.candidate(j) and t.lexicon.is_clear_name(t.lower[j])
                if ok and mixed:
                    ok = t.titlecase(j)
            else:
                ok = t.accept_after_strong(j)
            if ok:
                rule = WEAK_INTRODUCTION if weak else INTRODUCTION
                yield extend(t, j, rule.score if mixed else rule.score_for("caseless"), rule)


def leading_vocatives(t: Tokens) -> Iterator[Span]:
    """ "Summer, can you say more?": a name, a comma, then talk addressed to "you"."""
    for i in range(len(t)):
        w = t.lower[i]
        if not t.lexicon.is_name(w) or w in STOP_WORDS:  # set lookups first: cheap
            continue
        comma = t.next_word(i)
        if comma >= len(t) or t.text[comma] != ",":
            continue
        if not t.candidate(i) or t.clinical(i) or (t.mode == "mixed" and not t.titlecase(i)):
            continue
        if not t.sentence_start(i):
            continue
        following = []
        k = comma
        for _ in range(4):
            k = t.next_word(k)
            if k >= len(t):
                break
            following.append(t.lower[k])
        if _ADDRESSED & set(following):
            yield Span(i, i + 1, LEADING_VOCATIVE.score, LEADING_VOCATIVE)


def speakers(text: str, mode: CaseMode, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "MARIA: I feel stuck", "[tracy] ok", "Ana:hi": a name that opens a turn."""
    for m in _SPEAKER_LINE.finditer(text):
        words = m.group("name").split()
        first = words[0].lower()
        lowered = [w.lower() for w in words]
        if any(
            w in NON_NAME_WORDS or w in TITLES or is_clinical_term(w) or "-" in w for w in lowered
        ):
            continue
        rare = (
            mode == "mixed"
            and words[0][:1].isupper()
            and not any(lexicon.is_common_word(w) or lexicon.is_english(w) for w in lowered)
            and not lexicon.is_name(first)
        )
        if lexicon.is_clear_name(first) or rare:
            yield SPEAKER.at(m.start("name"), m.end("name"))
