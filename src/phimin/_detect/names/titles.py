"""Names marked by what is written next to them: a title, a credential, a clinical role,
an initial. Rules `phimin.name.title`, `.doctor`, `.postnominal`, `.role`, `.initial`,
`.cued_initial`."""

from __future__ import annotations

from collections.abc import Iterator

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.case import CaseMode
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon, fold_accents
from phimin._detect.lines import finditer_by_line, finditer_in
from phimin._detect.names.tokens import (
    NAME_WORD,
    Span,
    Tokens,
    extend,
    extend_back,
    ok_after_cue,
    third_person_verb,
)
from phimin._detect.names.turns import HYPOCORISMS
from phimin._detect.words import (
    DOCTOR_TITLES,
    INITIAL_CUES,
    POSTNOMINALS,
    ROLE_CUES,
    SPANISH_TIMES,
    SURNAME_TITLES,
    alternation,
)
from phimin._lazy_regex import lazy

__all__ = [
    "doctors",
    "initials",
    "is_postnominal",
    "month_surnames",
    "postnominal_at",
    "roles",
    "title_at",
]

TITLE = builtin("phimin.name.title")
DOCTOR = builtin("phimin.name.doctor")
POSTNOMINAL = builtin("phimin.name.postnominal")
ROLE = builtin("phimin.name.role")
INITIAL = builtin("phimin.name.initial")
CUED_INITIAL = builtin("phimin.name.cued_initial")

# ("the doctor", "my primary care doctor", "her new heart doctor")
_DETERMINER_BEFORE = regex.compile(
    r"(?i)(?<![\w'’])(?:the|a|my|your|his|her|our|their|this|that|whose|new|old)"
    r"(?:[ ]+(?!(?:dr|doctor|mr|mrs|ms|miss)\b)[a-z]+){0,2}[ ]+$"
)
# Nouns after "doctor" that are surnames too: the doctor's things, not a name.
_DOCTORS_THINGS = frozenset(
    "bill bills house home office visit visits note notes order orders shopping who "
    "appointment appointments kit stuff".split()
)
# Hesitation between a title and the name in speech ("dr. uh patel", "mister, um, okafor",
# "doctor uh uh feldman"): the sounds only, never a word that could be the name.
_HESITATION = r"(?:(?:um+|uh+|uhm|er|erm|ah)(?:[ ]*,[ ]*|[ ]+)){1,3}"
_HESITATIONS = frozenset("um umm uh uhh uhm er erm ah".split())
_DOCTOR = lazy(
    rf"(?i)(?<![\w+/-])(?P<title>{alternation(DOCTOR_TITLES)})"
    rf"(?:\.[ ]*|[ ]+|[ ]*,[ ]*(?={_HESITATION}))"
    rf"(?:{_HESITATION})?"
    rf"(?P<initial>\p{{L}}\.?[ ]+(?=\p{{L}}{{2}}))?(?P<a>{NAME_WORD})"
    rf"(?:[ ]+(?:and|&)[ ]+(?!(?:dr|drs|doctor)\b)(?P<b>{NAME_WORD}))?"
)
_INITIAL_NAME = regex.compile(rf"(?<![\w.'’])\p{{L}}\.[ ]?(?P<name>{NAME_WORD})(?![\w'’])")
# "per d ross", "paged by j hale": in a lower-case note an initial with no period, after
# a word that names who did or said something.
_CUE_INITIAL_NAME = regex.compile(
    rf"(?i)(?<![\w])(?:{alternation(INITIAL_CUES)})[ ]+(?P<person>\p{{L}}[ ]"
    rf"(?P<name>{NAME_WORD}))(?![\w'’])"
)
_INITIAL_NAME_UPPER = regex.compile(
    # ("J. PALMIERI-PT": a role after a hyphen is not part of the surname)
    r"(?<![\w.'’/])\p{Lu}(?P<dot>\.)?[ ]"
    r"(?P<name>\p{Lu}[\p{Lu}'’]{1,30}(?:-\p{Lu}[\p{Lu}'’]{2,30})?)(?![\w'’])"
)
# "per md Haddad", "NP Lindgren", "HO OKONJO": a clinical role before a name. The roles
# are also abbreviations ("PA line", "MD aware"), so only a clear name follows.
_ROLE_NAME = lazy(
    rf"(?i)(?:(?<![\w/])|(?<=(?<![\w])w/))(?:{alternation(ROLE_CUES)})[ .]+(?P<a>{NAME_WORD})"
)
# What every line holding a _ROLE_NAME match holds: the role as a word, a space or a dot
# after it ("rn" is in "turn", "therapist" ends a speaker's tag).
_ROLE_CUE = lazy(rf"(?i)(?<![\w])(?:w/)?(?:{alternation(ROLE_CUES)})[ .]")
# Words after which "Frederick, MD" is a town and its state, not a physician.
_PLACE_PREPOSITIONS = frozenset("in from near outside around into toward towards".split())


# Before "miss", a subject or what comes between it and its verb: "i miss summer",
# "we really miss her", "i'll miss grace" (the verb; "you miss hill?" asks a name).
# (not after "did", "will", "so", "to": "did miss brown call?", "so miss jackson said")
_BEFORE_THE_VERB_MISS = regex.compile(
    r"(?i)(?<![\w'’])(?:i|we|they|he|she|i'll|we'll|they'll|i'd|we'd|don't|didn't"
    r"|doesn't|won't|wouldn't|really|still|just|always|never|totally|kinda|sometimes"
    r"|already|definitely)[ ]+$"
)


def miss_the_verb(text: str, start: int) -> bool:
    """Is "miss" at `start` the verb ("i miss summer"), not a title ("hi miss brown")?"""
    return (
        text[start : start + 4].lower() == "miss"
        and _BEFORE_THE_VERB_MISS.search(text, max(0, start - 20), start) is not None
    )


def title_at(t: Tokens, i: int, score: float) -> Span | None:
    """ "Dr. Okafor", "MR FOSTER", "mister thompson", "Mrs. March": the name after title
    token i (a word of `TITLES`)."""
    w = t.lower[i]
    if w == "miss" and miss_the_verb(t.source, t.idx[i]):
        return None  # "i miss summer", "we still miss grace": the verb
    j = t.next_word(i)
    if j < len(t) and t.text[j] == ".":
        j = t.next_word(j)
    j = _past_hesitation(t, j)
    if w == "nurse" and j < len(t) and t.lower[j] == "practitioner":
        j = t.next_word(j)  # "nurse practitioner rodriguez"
    if j < len(t) and _role_then_word(t, i, j):
        return None  # "the coach benched me", "el doctor ayer me dijo": the role, a word
    if j < len(t) and (
        t.accept_after_strong(j)
        or _surname_after(t, w, j)
        or _role_surname_after(t, w, j)
        or _month_surname(t, w, j)
        or _first_name_after(t, w, j)
        or _accented_surname(t, j)
    ):
        return extend(t, j, score, TITLE)
    if j < len(t) and _initial_after(t, w, j):
        return Span(j, j + 1, score, TITLE)
    return None


_ROLE_DETERMINERS = frozenset("the a an my his her our their your el la mi su tu".split())


def _role_then_word(t: Tokens, i: int, j: int) -> bool:
    """In speech, a title after a determiner is a role ("the coach", "el doctor"); then a
    verb's past or a Spanish time word that no given-name list has is what follows it,
    no name ("the coach benched me", "hablé con el doctor ayer"; not "la doctora
    martínez")."""
    prev = t.prev_word(i)
    if t.mode != "lower" or prev < 0 or t.lower[prev] not in _ROLE_DETERMINERS:
        return False
    w, lex = t.lower[j], t.lexicon
    if lex.is_first_name(w):
        return False
    after = t.next_word(j)
    # ("my father mows the lawn", "the coach yells at us": a verb's third person)
    third = after < len(t) and t.ws[j] == " " and third_person_verb(w, t.lower[after], lex)
    return (w.endswith("ed") and lex.is_plain_word(w)) or w in SPANISH_TIMES or third


def _past_hesitation(t: Tokens, j: int) -> int:
    """The first token from j on that is not a hesitation or its comma ("mister, uh,
    okafor" reads on to "okafor"); j itself when none follows, so that "mr. um" alone
    names nobody."""
    k = j
    if k < len(t) and t.text[k] == "," and _hesitation_at(t, t.next_word(k)):
        k = t.next_word(k)
    seen = 0
    while _hesitation_at(t, k) and seen < 3:
        seen += 1
        k = t.next_word(k)
        if k < len(t) and t.text[k] == ",":
            k = t.next_word(k)
    return k if seen else j


def _hesitation_at(t: Tokens, k: int) -> bool:
    return k < len(t) and t.lower[k] in _HESITATIONS


# Titles before a surname's initial alone: "dr. k", "ms. b" (not "miss": "i miss u").
_INITIAL_TITLES = frozenset("dr doctor mr mrs ms mx mister prof professor".split())


def _initial_after(t: Tokens, title: str, j: int) -> bool:
    """ "i see dr. k on tuesdays", "my social worker ms. b", "Dr. K": one letter after a
    personal title, on its line, is what that person is called (never "a" or "i", which
    are words; in mixed case a capital: not a note's "MR d/t", "alt ms.\np:")."""
    word = t.text[j]
    end = t.idx[j] + 1
    return (
        title in _INITIAL_TITLES
        and len(word) == 1
        and word.isalpha()
        and word.lower() not in ("a", "i")
        and (t.mode != "mixed" or word.isupper())
        and "\n" not in t.gap(t.prev_word(j), j)
        and not (end < len(t.source) and (t.source[end] in "/-" or t.source[end].isdigit()))
    )


_MONTH_NAMES = frozenset({"january", "march", "april", "may", "june", "august"})

# "Dan May", "Sarah June", "Tom August": in mixed case a month (or "Will", "May" the
# modals) with a capital after a census first name is that person's surname; never a
# date ("Sarah June 5", "Tom August of 2019") nor a modal and its verb ("Dan May come",
# "Will May come?", a first name that is a word).
_MONTH_SURNAME = lazy(
    r"(?<![\w'’.-])(?P<first>\p{Lu}\p{Ll}{1,20})[ ](?P<last>January|March|April|May|June|August"
    r"|Will)(?![\w'’-])"
    r"(?![ ]*,?[ ]*(?:\d|the[ ]+\d|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
    r"|eighteenth|nineteenth|twentieth|twenty|thirtieth|thirty|of|through|thru|til|until|to"
    r"|-)(?![\w])|(?:and|or|to|through)[ ]+(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December)(?![\w])))"
)
_MONTH_SURNAME_CUE = lazy(r"[ ](?:January|March|April|May|June|August|Will)(?![\w'’-])")
_MODAL_SURNAMES = frozenset({"may", "will"})
# Base verbs and what comes between a modal and its verb: "Dan May come", "Will May not".
_AFTER_MODAL = frozenset(
    "be have not also still never just really probably actually already come go get want "
    "need call see say take make do try ask tell help know feel think let start stop stay "
    "leave bring give send show sign talk join visit keep pick drop use move work live "
    "return attend meet pay drive walk run eat sleep change find hear look mean put "
    "wait write read speak stop text email reach".split()
)
_NOT_FIRST = (
    frozenset(
        "sunday monday tuesday wednesday thursday friday saturday will may can could would "
        "should must might shall".split()
    )
    | _MONTH_NAMES
)
MONTH_SURNAME = builtin("phimin.name.month_surname")


def month_surnames(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "Dan May", "Sarah June": a month or a modal that is a surname after a first name,
    in mixed case (`_MONTH_SURNAME`); the first name and the surname together."""
    if _MONTH_SURNAME_CUE.search(text) is None:
        return
    for m in finditer_by_line(_MONTH_SURNAME, text):
        first = m.group("first").lower()
        if (
            first in _NOT_FIRST
            or first in STOP_WORDS
            or not lexicon.is_first_name(first)
            or lexicon.is_plain_word(first)
        ):
            continue
        if m.group("last").lower() in _MODAL_SURNAMES:
            after = regex.match(r"[ ]+([a-z]+)", text[m.end() : m.end() + 24])
            if after is not None and after.group(1) in _AFTER_MODAL:
                continue
        yield MONTH_SURNAME.at(m.start(), m.end())


# "don chuy", "ayer fui con don rigo": an honorific that is also an English first name
# ("uncle don"), so no title: only a word no English list knows after it is a name.
SPANISH_HONORIFICS = frozenset({"don"})


def honorific_at(t: Tokens, i: int, score: float) -> Span | None:
    j = t.next_word(i)
    if j >= len(t) or t.gap(i, j) != " " or not t.candidate(j):
        return None
    w = t.lower[j]
    lex = t.lexicon
    if (lex.is_common_word(w) and w not in HYPOCORISMS) or w in STOP_WORDS or len(w) < 3:
        return None  # ("don memo": a short name a word list has too)
    return extend(t, j, score, TITLE)


def _accented_surname(t: Tokens, j: int) -> bool:
    """ "la doctora martínez", "el señor ramírez": after a title, a surname the census
    writes without its accents (alone, "martínez" is also an everyday Spanish word)."""
    w = t.lower[j]
    folded = fold_accents(w)
    return (
        folded != w
        and t.candidate(j)
        and w not in SPANISH_STOP_WORDS
        and folded in t.lexicon.last
        and (t.mode != "mixed" or t.titlecase(j))
    )


def _month_surname(t: Tokens, title: str, j: int) -> bool:
    """ "Mrs. March", "Dr. May", "mister june": after a personal title, a month that is
    also a name is that name."""
    return (
        title in SURNAME_TITLES
        and t.lower[j] in _MONTH_NAMES
        and (t.mode != "mixed" or t.titlecase(j))
    )


def _surname_after(t: Tokens, title: str, j: int) -> bool:
    """ "MR FOSTER", "dr. frost": after a personal title, a lexicon surname counts even
    when it is also a word (without capitals, nothing else tells them apart)."""
    w = t.lower[j]
    return (
        title in SURNAME_TITLES
        and t.mode != "mixed"
        and t.candidate(j)
        and t.lexicon.is_name(w)
        and w not in STOP_WORDS
        and not t.clinical(j)
    )


# Titles of a post, said before a surname as often as before a given name ("coach
# brown", "detective price", "judge young").
_POST_TITLES = frozenset(
    """coach officer detective det judge pastor nurse sergeant sgt captain capt professor
    prof doctor reverend rev""".split()
)
# What a person says or wants, which no "detective work" or "coach class" does.
_SPOKE = frozenset(
    """said says told tells asked asks called calls texted emailed wants wanted thinks
    thought knows knew yelled agreed promised""".split()
)


def _role_surname_after(t: Tokens, title: str, j: int) -> bool:
    """ "coach brown said", "i think judge young wants": after the title of a post, a
    surname that is also a word ("brown", "price", "wise"), when what follows is what a
    person says or wants (not "detective work takes time", "coach class was full")."""
    w = t.lower[j]
    k = t.next_word(j)
    return (
        title in _POST_TITLES
        and t.mode != "mixed"
        and k < len(t)
        and t.lower[k] in _SPOKE
        and t.candidate(j)
        and w in t.lexicon.last
        and w not in STOP_WORDS
        and not t.clinical(j)
    )


# Titles said before a given name: "pastor mike", "coach ray", "nurse joy".
_FIRST_NAME_TITLES = frozenset(
    "pastor father fr rev reverend rabbi imam coach nurse officer miss".split()
)


def _first_name_after(t: Tokens, title: str, j: int) -> bool:
    """ "pastor mike", "officer rich": after a title said before a given name, a census
    first name counts even when it is also a word (without capitals, only the title
    tells); never grammar ("coach will call", "nurse may come")."""
    w = t.lower[j]
    return (
        title in _FIRST_NAME_TITLES
        and t.mode != "mixed"
        and t.candidate(j)
        and t.lexicon.is_first_name(w)
        and w not in STOP_WORDS
        and not t.clinical(j)
    )


def is_postnominal(t: Tokens, i: int) -> bool:
    """Is token i a credential written as one ("LCSW", ", md"), not a state ("MD 21201")?"""
    return t.lower[i] in POSTNOMINALS and _postnominal_marker(t, i) and not _state_code(t, i)


def postnominal_at(t: Tokens, i: int, score: float) -> Span | None:
    """ "Dana Whitcomb, LCSW": the name before credential token i (`is_postnominal`);
    a signature's inverted name whole ("Smith, John A., MD")."""
    inverted = _inverted_name_before(t, i)
    if inverted is not None:
        return Span(inverted, t.prev_word(i), score, POSTNOMINAL)
    j = t.prev_word(i)
    if j >= 0 and t.text[j] == ",":
        j = t.prev_word(j)
    if j >= 0 and t.accept_after_strong(j):
        return extend_back(t, j, score, POSTNOMINAL)
    return None


def _inverted_name_before(t: Tokens, i: int) -> int | None:
    """Where "Surname, Given I.," or "Surname, Given," (a first name) ends at credential
    token i, in mixed case: the surname's token."""
    k = t.prev_word(i)
    if t.mode != "mixed" or k < 0 or t.text[k] != ",":
        return None
    k = t.prev_word(k)
    initial = k >= 0 and regex.fullmatch(r"\p{Lu}\.?", t.text[k]) is not None
    if initial:
        k = t.prev_word(k)  # the middle initial
    given = k
    comma = t.prev_word(given) if given >= 0 else -1
    surname = t.prev_word(comma) if comma >= 0 else -1
    if not (
        surname >= 0
        and t.text[comma] == ","
        and t.titlecase(given)
        and t.candidate(given)
        and t.titlecase(surname)
        and t.candidate(surname)
        and (t.lexicon.is_first_name(t.lower[given]) or initial)
    ):
        return None
    before = t.prev_word(surname)
    if before >= 0 and t.lower[before] in _PLACE_PREPOSITIONS:
        return None  # "in Towson, Baltimore, MD": places
    return surname


def _postnominal_marker(t: Tokens, i: int) -> bool:
    # "MD" etc. count after a name only when written as a credential (upper case,
    # or preceded by a comma), not as the word "do" or "ma".
    word = t.text[i]
    if word.lower() in ("do", "ma", "pa"):
        return word.isupper() and t.mode != "upper"
    return word.isupper() or t.text[t.prev_word(i)] == ","


def _state_code(t: Tokens, i: int) -> bool:
    # "Baltimore, MD 21201": a two-letter state before a ZIP code, not a degree;
    # "lives in Frederick, MD": a state after a place word.
    j = t.next_word(i)
    if j < len(t) and t.text[j].isdigit() and len(t.text[j]) in (5, 9, 10):
        return True
    if len(t.text[i]) != 2:
        return False
    k = t.prev_word(i)
    if k >= 0 and t.text[k] == ",":
        k = t.prev_word(k)
    k = t.prev_word(k) if k >= 0 else -1
    return k >= 0 and t.lower[k] in _PLACE_PREPOSITIONS


_SPANISH_ARTICLE_BEFORE = regex.compile(r"(?i)(?<![\w'’])(?:el|la|al|del|mi|su|tu)[ ]+$")


def doctors(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "dr marchetti", "DR.VALLANCOURT", "Drs Abbott and Ferris": in every case style."""
    for m in _DOCTOR.finditer(text, overlapped=True):  # ("doctor doctor cooper")
        # (where the hit starts, the name word): "Dr B Lowe", "Dr. o malley": the
        # initial (or the O of O'Malley) goes with the name.
        names = [(m.start("initial") if m.group("initial") else m.start("a"), m.span("a"))]
        if m.group("b"):
            names.append((m.start("b"), m.span("b")))
        spelled_out = m.group("title").lower().startswith("doctor")
        if miss_the_verb(text, m.start("title")):
            continue  # "i miss summer": the verb
        for lead, (start, whole_end) in names:
            end = whole_end
            if text.endswith(("'s", "’s"), start, end) and end - start > 3:
                end -= 2  # "dr kowalski's office called": the name, not its possessive
            word = text[start:end]
            if not ok_after_cue(word, lexicon):
                continue
            # "my doctor told me", "3+ MR. Given": after the spelled-out word or a
            # courtesy title that is also an abbreviation, only a clear name.
            if m.group("title").lower() in ("mr", "ms") and not (
                lexicon.is_clear_name(word.lower()) or not lexicon.is_plain_word(word.lower())
            ):
                continue  # "3+ MR. Given": mitral regurgitation, then a verb
            lower = word.lower()
            if spelled_out and lower in SPANISH_STOP_WORDS:
                continue  # "me llevó al doctor porque": Spanish grammar after the noun
            if (
                spelled_out
                and lower in SPANISH_TIMES
                and not lexicon.is_first_name(lower)
                and _SPANISH_ARTICLE_BEFORE.search(text, max(0, m.start() - 12), m.start())
            ):
                continue  # "hablé con el doctor ayer": a Spanish word after the noun
            if spelled_out and lexicon.is_verb_form(lower) and not lexicon.is_clear_name(lower):
                continue  # "my family care doctor gave me": the verb
            if spelled_out and not (
                lexicon.is_clear_name(lower)
                or not lexicon.is_common_word(lower)
                # "doctor cooper", "doctor hill": a surname that is also a noun, not a
                # thing a doctor has ("doctor bill", "doctor house")
                # ("the doctor gave me", "my doctor long ago": with a determiner the
                # word is the noun, not the title)
                or (
                    lexicon.is_name(lower)
                    and lower not in _DOCTORS_THINGS
                    and not _DETERMINER_BEFORE.search(text, max(0, m.start() - 30), m.start())
                )
            ):
                continue
            yield DOCTOR.at(lead, end)


def initials(text: str, mode: CaseMode, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "E. HARTLEY AWARE", "per d. lindqvist", "J SMITH ORDERED", "per d ross": an
    initial and a surname."""
    pattern = _INITIAL_NAME_UPPER if mode == "upper" else _INITIAL_NAME
    for m in pattern.finditer(text):
        name = m.group("name")
        if not ok_after_cue(name, lexicon):
            continue
        # Capital notes write "L ARM", "T MAX", "R/T": without a period, only a
        # surname that is no ordinary word counts.
        if (
            mode == "upper"
            and not m.group("dot")
            and not (
                lexicon.is_clear_name(name.lower()) and not lexicon.is_plain_word(name.lower())
            )
        ):
            continue
        yield INITIAL.at(m.start(), m.end("name"))
    if mode != "lower":
        return
    for m in finditer_in(_CUE_INITIAL_NAME, text, [(0, len(text))]):  # (where a cue begins)
        name = m.group("name").lower()
        if (
            ok_after_cue(name, lexicon)
            and lexicon.is_clear_name(name)
            and not lexicon.is_plain_word(name)
        ):
            yield CUED_INITIAL.at(m.start("person"), m.end())


def roles(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "per NP Lindgren", "RN Abernathy": a clear name after a clinical role."""
    for m in finditer_by_line(_ROLE_NAME, text, _ROLE_CUE):
        word = m.group("a")
        lower = word.lower()
        if ok_after_cue(word, lexicon) and (
            lexicon.is_clear_name(lower)
            or not (lexicon.is_english(lower) or lexicon.is_common_word(lower))
        ):
            yield ROLE.at(m.start("a"), m.end("a"))
