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
from phimin._detect.geography import load_places
from phimin._detect.lexicon import NameLexicon
from phimin._detect.lines import finditer_in, whole_words
from phimin._detect.words import STATE_CODES
from phimin._lazy_regex import lazy

__all__ = ["school_acronyms", "school_short_names"]

SCHOOL_ACRONYM = builtin("phimin.location.school_acronym")
SCHOOL_SHORT = builtin("phimin.location.school_short")

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


# A college said short after a word that places someone there: a town's or a state's
# name and "state", "tech", "cc", "community" or "poly" ("she's at michigan state",
# "he's finishing at lincoln tech", "i'm at austin cc", "my daughter goes to lane
# community", "he got into cal poly"). No "the" before it: "the garden state", "the
# lone star state" are a state's nickname.
_SHORT = lazy(
    # (a team played is no school attended: "we lost to michigan state", "fell to iowa
    # state", "a win over penn state")
    r"(?i)(?<![\w'’])(?<!(?:lost|lose|loses|losing|fell|falls|fall|tied|ties|compared|next"
    r"|close)[ ]+)(?:at|to|into|from|out[ ]of|attends?|attended|attending|goes[ ]to|go[ ]to"
    r"|went[ ]to|going[ ]to|transferred[ ]to|transfer[ ]to|back[ ]to)[ ]+"
    r"(?P<name>(?P<words>\p{L}[\p{L}'’.-]+(?:[ ]+\p{L}[\p{L}'’.-]+)?)[ ]+"
    r"(?:state|tech|cc|community|poly)(?:[ ]+(?:college|university|u))?)(?![\w'’-])"
    # (not the state's own office or a thing of it: "from iowa state police", "at ohio
    # state parks", "to texas state prison")
    r"(?![ ]+(?:police|patrol|troopers?|prison|pen|penitentiary|parks?|line|lines|fair"
    r"|capitol|building|hospital|highway|route|road|office|agency|board|court|college"
    r"|university|center|centre|service|services|standards?|tax|taxes|law|laws"
    r"|government|department|dept|level|support|desk|team|company|companies|jobs?|stocks?"
    r"|industry|sector|guy|guys|call|game|games|fans?|football|basketball|baseball|team"
    r"|season|tickets?|jersey|hoodie|shirt|hat)(?![\w'’-]))"
)
# Names of the UC and SUNY campuses and the like after their system's name: "uc davis",
# "suny new paltz", "cal state fullerton", "penn state behrend".
_SYSTEM = lazy(
    r"(?i)(?<![\w'’])(?:uc|suny|cuny|cal[ ]state|penn[ ]state)[ ]+"
    r"(?P<campus>\p{L}[\p{L}'’-]+(?:[ ]+\p{L}[\p{L}'’-]+)?)(?![\w'’-])"
)
# Words before "state" or "community" that say which state or community, and name no
# town ("back to normal state", "at steady state", "from black community").
_NOT_SCHOOL_WORDS = frozenset(
    """normal steady natural resting baseline current previous original stable calm relaxed
    mental emotional physical altered dream sober manic free home police welfare nanny red
    blue swing solid liquid gas gaseous fragile weird good bad black white deaf gay queer
    lgbt lgbtq recovery sober church faith online local whole entire same other big small
    high low tech hi geek nail vet pharmacy lab surgical ultrasound radiology med medical
    dental computer repair support info help desk ed grad law""".split()
)


# Words before a state's nickname, no school's: "from the garden state", "in this great
# state".
_NICKNAME_OPENERS = frozenset("the a an this that our your their great old".split())


def _school_town(words: str, lexicon: NameLexicon) -> bool:
    """Words that name a place or a school of their own: a town's, a state's, a county's
    name, or words no dictionary has ("hennepin", "penn"); never a word that says which
    kind or whose."""
    places = load_places()
    lowered = words.lower()
    parts = lowered.split()
    if any(
        w in STOP_WORDS or w in SPANISH_STOP_WORDS or w in _NOT_SCHOOL_WORDS or is_clinical_term(w)
        for w in parts
    ):
        return False
    if lowered in places.cities or lowered in places.towns or lowered in places.not_below_state:
        return True
    return all(not (lexicon.is_english(w) or lexicon.is_common_word(w)) for w in parts)


def school_short_names(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """A college by a town's or a state's name and a short kind, after a word that
    places someone there ("at iowa state", "to ivy tech"); and a campus after its
    system's name ("uc davis", "suny new paltz")."""
    lowered = text.lower()
    if any(k in lowered for k in ("state", "tech", "cc", "community", "poly")):
        for m in _SHORT.finditer(text):
            words = m.group("words")
            last = words.split()[-1]
            if _school_town(words, lexicon):
                yield SCHOOL_SHORT.at(*m.span("name"))
            elif (
                words != last
                and words.split()[0].lower() not in _NICKNAME_OPENERS
                and _school_town(last, lexicon)
            ):
                # (the word before says whose: "he's at [his] [iowa state]")
                yield SCHOOL_SHORT.at(m.end("words") - len(last), m.end("name"))
    if any(k in lowered for k in ("uc ", "suny", "cuny", "state ")):
        for m in _SYSTEM.finditer(text):
            end = _campus_end(m, lexicon)
            if end is not None:
                yield SCHOOL_SHORT.at(m.start(), end)


def _campus_end(m: regex.Match[str], lexicon: NameLexicon) -> int | None:
    """Where a campus's name after its system's ends: both words if they name a town
    ("suny new paltz"), the first if it names one or is no word ("penn state behrend"),
    or None ("uc and", "suny is")."""
    places = load_places()
    campus = m.group("campus").lower()
    first = campus.split()[0]
    if campus in places.cities or campus in places.towns:
        return m.end("campus")
    if first in STOP_WORDS or is_clinical_term(first):
        return None
    if first in places.cities or first in places.towns or not (
        lexicon.is_english(first) or lexicon.is_common_word(first)
    ):
        return m.start("campus") + len(first)
    return None
