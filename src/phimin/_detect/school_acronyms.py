"""A college or school by its letters, where someone studies: "my son got into ucla",
"i dropped out of osu", "two classes at pcc this term", "mi prima estudia en la uo".
Rule `phimin.location.school_acronym` (a quasi-identifier, like a school's name).

Mostly no list of schools: the letters are no word of English or Spanish, no clinical
abbreviation and no state's code, they follow a word that places someone there, and a
word of schooling is said near them ("classes", "freshman", "scholarship",
"estudia"). "seen at er", "to icu", "back at aa" stay. A short list of universities
known by their letters alone ("she's at ucla now", "my surgery at ohsu") needs no word
of schooling.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.clinical import is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon
from phimin._detect.lines import finditer_in, whole_words
from phimin._detect.words import STATE_CODES
from phimin._lazy_regex import lazy

__all__ = ["school_acronyms"]

SCHOOL_ACRONYM = builtin("phimin.location.school_acronym")

_AT_SCHOOL = lazy(
    r"(?i)(?<![\w'’])(?:at|into|to|from|out[ ]of|attend|attends|attended|attending|of"
    r"|en(?:[ ]la|[ ]el)?|a[ ]la)[ ]+(?:the[ ]+)?(?P<name>[a-z]{2,5})(?![\w'’-])"
)
# Words of schooling that place the letters in a school ("at pcc" beside "classes").
_SCHOOLING = regex.compile(
    r"(?i)(?<![\w])(?:class|classes|semester|freshman|sophomore|junior[ ]year|senior[ ]year"
    r"|degree|majoring|scholarship|graduated|enrolled|dropped[ ]out|got[ ]into|campus|dorm"
    r"|college|university|estudia|estudio|estudiar|universidad|prereqs?|tuition"
    r"|financial[ ]aid|professor)(?![\w])"
)
_NEAR = 60  # characters either side a word of schooling is looked for
_WORD_GOES_ON = regex.compile(r"[\w'’-]")
# Letters of schooling that name no school ("into ged classes", "at hs", "ap classes").
_SCHOOLING_LETTERS = frozenset("ged gpa ap ib esl iep hs ms pe ot pt sat act ta ra".split())


# Letters of universities and their hospitals known by them alone, which need no word
# of schooling beside them ("she's at ucla now", "my surgery at ohsu").
_KNOWN = frozenset(
    """ucla usc nyu lsu osu ucsd ucsf ucsb ucdavis uci ucr unlv utep utsa fiu fsu ucf usf
    asu uva unc vcu gwu cuny suny umass uconn ohsu upenn umich umd uiuc unm uab uams utmb
    uthscsa tcu smu byu""".split()
)


# How far before the letters the word placing someone there may start ("out of the ").
_PLACING_REACH = 24


def _letters(word: str, lexicon: NameLexicon) -> bool:
    """Letters that stand for a name: no word, no clinical abbreviation, no state, no
    letters of schooling itself. (Frequent words may be letters: "ucla" is.)"""
    w = word.lower()
    return not (
        w in STOP_WORDS
        or w in SPANISH_STOP_WORDS
        or w.upper() in STATE_CODES
        or is_clinical_term(w)
        or w in _SCHOOLING_LETTERS
        or lexicon.is_english(w)
        or lexicon.is_spanish(w)
        or lexicon.is_name(w)
    )


def school_acronyms(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """Letters naming a school, after a word that places someone there, near a word
    of schooling (in the same sentence or the next, not anywhere in a long note)."""
    # (from each word of schooling, the letters near it: such words are rare, the words
    # that place someone before letters are in every line)
    seen: set[int] = set()
    # (`finditer_in` over the whole text: tried only where one of the words begins)
    for school in finditer_in(_SCHOOLING, text, [(0, len(text))]):
        start = max(0, school.start() - _NEAR)
        for m in _AT_SCHOOL.finditer(text, start, school.end() + _NEAR):
            letters = m.group("name")
            if m.start("name") in seen or _WORD_GOES_ON.match(text, m.end()):
                continue  # (the window's end cut a word: "go to pra|ctice")
            seen.add(m.start("name"))
            if (letters.islower() or letters.isupper()) and _letters(letters, lexicon):
                yield SCHOOL_ACRONYM.at(*m.span("name"))
    # (each known one where it is a whole word, and the word placing someone before it)
    for start, end in whole_words(_KNOWN, text):
        letters = text[start:end]
        if start in seen or not (letters.islower() or letters.isupper()):
            continue
        placed = _AT_SCHOOL.search(text, max(0, start - _PLACING_REACH), end)
        while placed is not None and placed.start("name") < start:
            placed = _AT_SCHOOL.search(text, placed.start() + 1, end)
        if placed is not None and placed.span("name") == (start, end):
            seen.add(start)
            yield SCHOOL_ACRONYM.at(start, end)
