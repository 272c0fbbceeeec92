"""What the name rules share: a chunk's tokens as arrays, spans of tokens, and the
tests a word must pass to be taken as part of a name."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex
from spacy.attrs import IDX, IS_SPACE, LENGTH, LOWER, SPACY
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS
from spacy.tokens import Doc

from phimin._catalogue import RuleRecord
from phimin._detect.case import CaseMode
from phimin._detect.clinical import MEDICATIONS, is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon
from phimin._detect.lines import finditer_by_line
from phimin._detect.words import (
    NON_NAME_WORDS,
    NOT_AFTER_CUE,
    PARTICLES,
    PERSON_VERBS,
    POSTNOMINALS,
    RELATIONS,
    ROLES,
    SPANISH_PERSON_VERBS,
    THING_PHRASES,
    TITLES,
)
from phimin._lazy_regex import lazy

__all__ = [
    "NAME_WORD",
    "PASTIMES",
    "SPOKEN_ADVERBS",
    "Span",
    "Tokens",
    "extend",
    "extend_back",
    "labels_an_id",
    "ok_after_cue",
    "okay_said",
    "opens_clause",
    "outside_things",
    "third_person_verb",
    "to_detections",
]

_NAME_TOKEN = regex.compile(r"^[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))*$")
# A name word in a pattern: a letter, then letters, apostrophes and hyphens.
NAME_WORD = r"\p{L}[\p{L}'’-]{1,30}"
_SENTENCE_END = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "]", ")", "-", "--"})
_CONTRACTION = regex.compile(r"['’](?:t|d|ll|re|ve|m)$", regex.IGNORECASE)
_PLURAL_ACRONYM = regex.compile(r"^[A-Z]{2,}s$")
_NOT_A_HYPHENATED_NAME = regex.compile(
    r"(?i)^(?:(?P<w>\p{L}+)-(?P=w)|\p{L}{1,2}-\p{L}+|\p{L}+-\p{L}{1,2}|mm-hmm|uh-huh|uh-uh|mm-mm)$"
)


# What follows a surname when a full name opens a clause ("tom banks said", "ryan
# burns is my boss", "jo fields and i"): the person's own verb, or grammar.
_AFTER_A_SURNAME = frozenset(
    "is was 's ’s has had and or but said says will would can could does did doesn't"
    " didn't won't can't isn't wasn't just never always also still really who from".split()
)
# Where and with whom, after a full name as often as after a verb ("emily marks at the
# desk helped me"): after these, only a verb of what people do for work or fun is one.
_PREPOSITIONS = frozenset(
    "at in on with for to from by near about after before around behind into out up".split()
)
# What a person does for a living or for fun ("oscar farms out past the county line",
# "colby swims at the y", "hector builds decks"): no thing, time or place does these.
PASTIMES = frozenset(
    """bakes cooks farms hikes builds rides sings paints knits sews crochets fishes hunts
    bowls golfs skates surfs swims dances teaches coaches preaches tutors babysits cleans
    mows welds weaves carves brews bartends waitresses volunteers""".split()
)
# A clause opens before a word: the line's start, a stop or a comma, or a word that
# opens a turn ("so emmy bakes", "and then tony sells").
_CLAUSE_OPENS = regex.compile(
    r"(?r)(?:^|[.!?;:,]|(?<![\w'’])(?:so|and|but|then|because|cause|like|um|uh|well|yeah"
    r"|now|plus|okay|ok|oh|also|anyway|honestly))[ \t]*$",
    regex.MULTILINE,
)


def opens_clause(text: str, start: int) -> bool:
    """Does a clause open at `start` ("so emmy bakes bread", not "i saw emmy fields")?"""
    return _CLAUSE_OPENS.search(text, max(0, start - 12), start) is not None


def third_person_verb(
    word: str, after: str | None, lexicon: NameLexicon, *, opens: bool = True
) -> bool:
    """Is `word`, an "-s" word after a first name, that person's verb, not a surname a
    census list also has? "emmy bakes bread", "oscar farms out past town": an everyday
    verb's third person, then what it is done to, which never follows a subject ("tom
    banks said", "ryan burns is"). Only where the name opens a clause (`opens`: an
    object's surname comes next, "i talked to jo fields yesterday"); before a preposition
    only a verb of work or play ("colby swims at the y", not "emily marks at the desk
    helped me"). `after` is the next word, lower case, or None at a clause's end (then
    the word is taken as a surname)."""
    if not opens or after is None or len(word) < 4:
        return False
    if not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    if lexicon.is_first_name(word) or not lexicon.is_plain_word(word):
        return False
    if after in _PREPOSITIONS:
        return word in PASTIMES
    return not (
        after in _AFTER_A_SURNAME
        or after in PERSON_VERBS
        or after in lexicon.verb_forms
        or (after.endswith("ed") and lexicon.is_plain_word(after))
    )


# A field's label, then a value that is a code: "NINO: QQ123456C", "partita iva:
# 01234567890", "nhs number: 485 777 3456" (at most four runs, one with a digit, at
# least six letters and digits in all), and nothing else on the line.
_ID_VALUE = regex.compile(
    r"[ \t]*:[ \t]*(?=[^\n]*\d)(?=(?:[^\w\n]*\w){6})[\w./#-]+(?:[ ][\w./#-]+){0,3}[ \t]*(?:\n|$)"
)


def labels_an_id(text: str, end: int) -> bool:
    """Is the word ending at `end` a field's label for an identifier ("NINO:
    QQ123456C")? Then it is no speaker, though some labels are given names too; a
    speaker says something ("MARIA: 7" is an answer: too short for a code)."""
    return _ID_VALUE.match(text, end) is not None


@dataclass(frozen=True, slots=True)
class Span:
    """A name found on tokens, before it becomes a detection."""

    start: int  # token index
    end: int  # token index, exclusive
    score: float
    rule: RuleRecord


class Tokens:
    """Per-chunk views of the tokens that the rules consult many times."""

    def __init__(self, doc: Doc, source: str, lexicon: NameLexicon, mode: CaseMode) -> None:
        """`source` is the text the doc was made from (doc.text would rebuild it)."""
        self.doc = doc
        self.source = source
        self.mode = mode
        self.lexicon = lexicon
        # Read the token attributes as arrays: a Token object per access costs more
        # than everything else the name rules do.
        # One list per attribute, not one per token: a list per token is a container
        # the garbage collector counts, and enough of them set off a full collection.
        columns = doc.to_array([IDX, LENGTH, LOWER, IS_SPACE, SPACY]).T.tolist()
        idx, lengths, lowers, spaces, trailing = columns
        strings = doc.vocab.strings
        self.idx: list[int] = idx
        self.text: list[str] = [source[i : i + n] for i, n in zip(idx, lengths, strict=True)]
        # "Dr." is one token: compare words without a trailing period.
        self.lower: list[str] = [
            strings[h].rstrip(".") if n > 1 else strings[h]
            for h, n in zip(lowers, lengths, strict=True)
        ]
        self.space: list[bool] = [bool(x) for x in spaces]
        self.ws: list[str] = [" " if x else "" for x in trailing]

    def __len__(self) -> int:
        return len(self.text)

    def wordlike(self, i: int) -> bool:
        return bool(_NAME_TOKEN.match(self.text[i])) and len(self.text[i]) >= 2

    def titlecase(self, i: int) -> bool:
        t = self.text[i]
        return t[:1].isupper() and not t.isupper()

    def allcaps(self, i: int) -> bool:
        t = self.text[i]
        return t.isupper() and len(t) >= 2

    def excluded(self, i: int) -> bool:
        w = self.lower[i]
        return (
            w in NON_NAME_WORDS
            or w in TITLES
            or w in RELATIONS
            or w in POSTNOMINALS
            or w in MEDICATIONS
            or w in PARTICLES
        )

    def candidate(self, i: int) -> bool:
        """Could token i be part of a name, judging by its shape and case?"""
        if i < 0 or i >= len(self) or not self.wordlike(i) or self.excluded(i):
            return False
        if self.mode == "mixed":
            if self.titlecase(i):
                return True
            return self.allcaps(i) and self.lexicon.is_clear_name(self.lower[i])
        return True

    def sentence_start(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.space[j]:
            if "\n" in self.text[j]:
                return True
            j -= 1
        if j < 0:
            return True
        return self.text[j] in _SENTENCE_END or "\n" in self.gap(j, i)

    def clinical(self, i: int) -> bool:
        """Ward vocabulary ("FOLEY", "MAE", "Aline placed"): never a name on weak evidence."""
        return is_clinical_term(self.lower[i])

    def known_or_rare(self, i: int) -> bool:
        """A lexicon name, or a word too rare to be everyday English."""
        w = self.lower[i]
        lex = self.lexicon
        if lex.is_name(w):
            return w not in lex.ambiguous or (self.mode == "mixed" and self.titlecase(i))
        return not lex.is_common_word(w) and not lex.is_spanish(w) and len(w) >= 3

    def accept_after_strong(self, i: int) -> bool:
        """After a title or an introduction: any name-shaped word that is not common."""
        if not self.candidate(i) or self.lower[i] in STOP_WORDS:  # "the doctor. And he ..."
            return False
        if self.mode == "mixed" and self.titlecase(i):
            return True
        return self.known_or_rare(i)

    def accept_after_medium(self, i: int) -> bool:
        """After a relation word, a greeting or at a speaker tag."""
        if not self.candidate(i):
            return False
        # A capitalized grammar word is a name only mid-sentence ("my son Will"), never
        # opening one ("THERAPIST: How ...").
        if self.lower[i] in STOP_WORDS and (self.mode != "mixed" or self.sentence_start(i)):
            return False
        w = self.lower[i]
        if self.mode == "mixed":
            return self.titlecase(i) and (
                not self.lexicon.is_common_word(w) or self.lexicon.is_name(w)
            )
        lex = self.lexicon
        spanish = lex.is_spanish(w) and not lex.is_first_name(w)  # "está", not "rafael"
        return (lex.is_clear_name(w) and not spanish) or (
            not lex.is_name(w)
            and not lex.is_common_word(w)
            and not lex.is_spanish(w)
            and not lex.is_verb_form(w)  # ("my sister forgave me")
            # ("my dad relapsed", "my brother reoffended": a verb's past no list has;
            # "my mom joked", "my son lied": a short verb's past a dictionary has)
            and not (w.endswith(("ed", "ing")) and (len(w) >= 6 or lex.is_plain_word(w)))
            and len(w) >= 3
        )

    def next_word(self, i: int) -> int:
        """Index of the next non-space token after i (len if none)."""
        j = i + 1
        while j < len(self) and self.space[j]:
            j += 1
        return j

    def prev_word(self, i: int) -> int:
        j = i - 1
        while j >= 0 and self.space[j]:
            j -= 1
        return j

    def gap(self, i: int, j: int) -> str:
        """The characters between the end of token i and the start of token j."""
        return self.source[self.idx[i] + len(self.text[i]) : self.idx[j]]

    def span_chars(self, start: int, end: int) -> tuple[int, int]:
        return self.idx[start], self.idx[end - 1] + len(self.text[end - 1])


# Adverbs of speech no word list has, said where a name could stand ("my dad lowkey
# drinks", "my wife sorta works", "my brother prolly knows").
SPOKEN_ADVERBS = frozenset(
    "lowkey highkey sorta kinda prolly probly def legit deadass ngl tbh".split()
)


def extend(t: Tokens, j: int, score: float, rule: RuleRecord) -> Span:
    """From name token j, take following name tokens: "Maria de la Cruz-Ortiz"."""
    end = j + 1
    k = j
    for _ in range(3):
        nxt = t.next_word(k)
        if nxt >= len(t):
            break
        gap = t.gap(k, nxt)
        if "\n" in gap or len(gap) > 1:
            break
        word = t.text[nxt]
        after = t.next_word(nxt)
        if word == "-" and gap == "" and after < len(t) and t.gap(nxt, after) == "":
            if not t.candidate(after):  # "KOVARIK- WRONG CHART": a dash ends the name
                break
            k = after
            end = k + 1
            continue
        if t.lower[nxt] in PARTICLES and t.candidate(t.next_word(nxt)) and t.mode == "mixed":
            k = t.next_word(nxt)
            end = k + 1
            continue
        if len(word) == 1 and word.isupper() and t.mode == "mixed" and _initial(t, nxt):
            k = nxt
            if k + 1 < len(t) and t.text[k + 1] == ".":
                k += 1
            end = k + 1
            continue
        lower = t.lower[nxt]
        if any(t.lower[w] == lower for w in range(j, k + 1)):
            break  # a name says no word twice: "my roommate sage burns sage"
        ok = t.candidate(nxt) and (
            (t.mode == "mixed" and t.titlecase(nxt))
            # "MR FOSTER RESTING": an English word that is no name ends it; so does what
            # a person does, a surname too or not ("father john said", "so ray told")
            or (
                t.known_or_rare(nxt)
                and (t.lexicon.is_name(lower) or not t.lexicon.is_english(lower))
                and lower not in PERSON_VERBS
                # (nor Spanish grammar a surname list has: "me llamo araceli pero me
                # dicen chely", "mi tío nacho sola no"; "maria del carmen" goes on)
                and not (
                    t.mode == "lower"
                    and lower in SPANISH_STOP_WORDS
                    and lower not in STOP_WORDS
                    and not t.lexicon.is_first_name(lower)
                )
                and not (t.mode == "lower" and lower in SPANISH_PERSON_VERBS)
                # ("doctor nguyen upped my dose": a verb, where a capital is no sign)
                and not (t.lexicon.is_verb_form(lower) and not t.lexicon.is_first_name(lower))
            )
        )
        if not ok:
            break
        k = nxt
        end = k + 1
    return Span(j, end, score, rule)


def _initial(t: Tokens, k: int) -> bool:
    """Is the capital letter at token k a middle initial ("Ella H. Brandvold", "John F
    Kennedy")? "I" and "A" are one only before a period or a capitalized word: "tell
    Priya Natarajan I said hi" ends the name at "I"."""
    if t.text[k] not in ("I", "A"):
        return True
    after = t.next_word(k)
    return after < len(t) and (t.text[after] == "." or (t.titlecase(after) and t.candidate(after)))


def extend_back(t: Tokens, j: int, score: float, rule: RuleRecord) -> Span:
    """From name token j, take the name word before it: "Dana Whitcomb, LCSW"."""
    start = j
    prev = t.prev_word(j)
    if (
        prev >= 0
        and t.candidate(prev)
        and ((t.mode == "mixed" and t.titlecase(prev)) or t.known_or_rare(prev))
    ):
        start = prev
    return Span(start, j + 1, score, rule)


def to_detections(t: Tokens, spans: Sequence[Span]) -> Iterator[Detection]:
    for s in spans:
        start, end = t.span_chars(s.start, s.end)
        # A possessive belongs to the sentence, not the name: "Maria's" -> "Maria".
        if t.source[end - 2 : end] in ("'s", "’s") and end - 2 > start:
            end -= 2
        yield s.rule.at(start, end, s.score)


def ok_after_cue(word: str, lexicon: NameLexicon) -> bool:
    """After "dr", an initial or before "aware": any word but grammar and charting."""
    if word.endswith("-") or _CONTRACTION.search(word) or _PLURAL_ACRONYM.match(word):
        return False
    if "-" in word and _NOT_A_HYPHENATED_NAME.match(word):
        return False  # "mm-hmm", "uh-huh", "and-and": speech, not "Jean-Luc"
    word = regex.sub(r"['’]s$", "", word)  # "dr. white's order"
    w = word.lower().strip("-.").replace("'", "").replace("’", "")
    if len(w) < 2 or w in STOP_WORDS or w in NOT_AFTER_CUE or w in NON_NAME_WORDS:
        return False
    if w in TITLES or w in ROLES or w in POSTNOMINALS or is_clinical_term(w):
        return False
    return lexicon.is_name(w) or not (lexicon.is_common_word(w) and lexicon.is_english(w))


def contraction(word: str) -> bool:
    """ "I'd", "we're": a contraction, never a name."""
    return _CONTRACTION.search(word) is not None


def plural_acronym(word: str) -> bool:
    """ "RNs", "MDs": a plural acronym, never a name."""
    return _PLURAL_ACRONYM.match(word) is not None


# What "okay" is cut to in speech ("kay? so what now", "k, see you then").
_OKAY_FORMS = frozenset({"kay", "k", "kk", "mkay"})
_ALONE_BEFORE = regex.compile(r"(?:^|[.!?,;:\n\]])[ \t]*$")
_ALONE_AFTER = regex.compile(r"[ \t]*(?:[.!?,;:\n]|$)")


def okay_said(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a short form of "okay" that is its whole clause ("kay? so what
    do i do", "kay, see you then"), not a name in one ("tell kay i said hi")?"""
    return (
        text[start:end].lower() in _OKAY_FORMS
        and _ALONE_BEFORE.search(text, max(0, start - 5), start) is not None
        and _ALONE_AFTER.match(text, end) is not None
    )


_THING_PHRASE = lazy(rf"(?i)(?<![\w'’-])(?:{THING_PHRASES})(?![\w'’-])")


def outside_things(text: str, found: Sequence[Detection]) -> list[Detection]:
    """The findings but those inside a thing named with a name's word: "we had mac and
    cheese" is dinner, no Mac; "a sloppy joe", "the lazy susan" (the `thing_phrases`
    list)."""
    things = [m.span() for m in finditer_by_line(_THING_PHRASE, text)] if found else []
    if not things:
        return list(found)
    return [d for d in found if not any(a <= d.start and d.end <= b for a, b in things)]
