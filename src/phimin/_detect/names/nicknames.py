"""Nicknames: what people are called, said as they are named ("everybody calls my
brother bam bam", "she goes by jo", "refers to boyfriend only as Cornbread") or with a
nickname's prefix ("lil tee got jumped", "big reg").

A nickname is often an everyday noun ("peanut", "scooter"), so it is taken only where
the words around it name someone: never an endearment, an insult, a time or a word that
describes ("called me honey", "called me trash", "called him tuesday", "called me
stupid", "called her back": the lists in `name_words.yaml`, `not_nicknames`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.clinical import is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon
from phimin._detect.lines import finditer_by_line
from phimin._detect.words import (
    FILLERS,
    KIN_ROLES,
    NON_NAME_WORDS,
    NOT_AFTER_LIL,
    NOT_NICKNAMES,
    PERSON_VERBS,
    RELATIONS,
    TITLES,
    alternation,
    longest_first,
)
from phimin._lazy_regex import lazy

__all__ = ["asked_who", "named_as", "named_first", "nickname_word", "pointed_at", "prefixed"]

NAMED_AS = builtin("phimin.name.nickname")
ASKED_WHO = builtin("phimin.name.asked_who")
PREFIXED = builtin("phimin.name.nickname_prefix")

_WORD = r"[^\W\d_](?:[\w'’-]*[^\W_])?"
_PERSON = (
    rf"(?:me|him|her|them|us|(?:(?:my|our|his|her|their|the|a)[ ]+)?"
    rf"(?:{alternation(longest_first(RELATIONS | KIN_ROLES))}))"
)
# The nickname: one word, doubled ("bam bam", "pop pop"), or after "big"/"lil".
_NICK = rf"(?P<name>(?:(?:big|lil['’]?|little)[ ]+)?(?P<word>{_WORD})(?:[ ]+(?P=word))?)"
_NAMED = lazy(
    rf"(?i)(?<![\w'’-])(?:"
    rf"(?P<verb>call|calls|called|calling|nicknamed|nicknames|named)[ ]+{_PERSON}"
    rf"|refer(?:s|red|ring)?[ ]+to[ ]+{_PERSON}(?:[ ]+(?:only|just|always|mostly))?[ ]+as"
    rf"|(?:know|knows|knew|known)[ ]+{_PERSON}(?:[ ]+(?:only|just|always|mostly))?[ ]+as"
    r"|known[ ]+to[ ]+(?:everyone|everybody|people|us|them|most|all)[ ]+as"
    r"|(?P<by>(?:goes|go|going|went|gone)[ ]+by)(?:[ ]+the[ ]+name(?:[ ]+of)?)?"
    r"|aka|a\.k\.a\.?|also[ ]+known[ ]+as"
    r"|nickname(?:['’]s|[ ]+is|[ ]+was|[ ]+for[ ]+(?:me|him|her)[ ]+(?:is|was))"
    # in Spanish: "a mi hermana le dicen la güera", "mi abuela le dice paloma"
    r"|(?P<es>(?:le|les|me|te|nos|lo)[ ]+(?:dicen|dice|decimos|decían|decian|decía|decia"
    r"|llaman|llama|llamamos|llamaban|llamaba)(?:[ ]+(?P<article>la|el))?)"
    rf")[ ]+(?:(?:just|only|always)[ ]+)?{_NICK}(?![\w'’-])"
)
# Said first: "bubba is what we all call my older brother".
_NAMED_FIRST = lazy(
    rf"(?i)(?:^|(?<=[.!?,:;][ ]*)|(?<=(?<![\w'’])(?:so|and|but|oh|like|um|yeah)[ ]+))"
    rf"{_NICK}(?:[ ]+(?:is|was|'s|’s)|,?[ ]+(?:that's|that’s|thats|that[ ]is))[ ]+"
    r"(?:(?:just[ ]+|only[ ]+)?what[ ]+(?:we|they|everybody"
    r"|everyone|people|you|i|she|he|the[ ]+(?:kids|family|guys|girls))"
    r"(?:[ ]+all)?[ ]+(?:call|calls|called|used[ ]to[ ]call)[ ]+(?:me|him|her|them|us|my|our"
    r"|his|their|the)"
    # "patience is my daughter's name": the name, then whose it is
    r"|(?:my|his|her|our|their)[ ]+(?:\p{L}+[ ]+)?\p{L}+?['’]?s[ ]+(?:real[ ]+|first[ ]+)?"
    r"(?:name|nickname))(?![\w'’-])"
)
# "called" is as often a call made: before a word that is also a verb, adjective or
# adverb it names someone only as a habit ("my grandma always called me peanut").
_PHONED = frozenset({"called", "calling"})
_HABIT = lazy(
    r"(?i)(?<![\w'’])(?:always|used[ ]to|would|never|still|everybody|everyone|they[ ]all"
    r"|we[ ]all|people|stop|quit|keeps|keep|kept)(?![\w'’])"
)
# ...or with why or where the name was given: "they called him ghost in the unit", "we
# called him red cause of his hair" (a call made goes on with "back", a time, "about").
_WHY_CALLED = lazy(
    r"(?i)[ ]+(?:cause|because|'cause|’cause|cuz|since|for[ ]short|back[ ]then|growing[ ]up"
    r"|as[ ]a[ ]kid|in[ ]front[ ]of|in[ ](?:the[ ])?(?:unit|army|navy|marines|service|school"
    r"|high[ ]school|the[ ]neighborhood|the[ ]hood|the[ ]family|the[ ]band|the[ ]crew))(?![\w'’])"
)
_PERSON_VERBS = alternation(tuple(sorted(PERSON_VERBS)))
# "lil tee got jumped", "says reggie or big reg": not "a big deal", "the lil one".
_PREFIXED = lazy(
    rf"(?i)(?<![\w'’-])(?<!(?<![\w'’])(?:a|an|the|my|his|her|our|their|your|that|this|so|too"
    rf"|very|really|pretty|such|how|some|no|one|real|kinda|kind[ ]of)[ ]+)"
    # (the word may be said twice: "lil ray ray that's my cousin")
    rf"(?P<name>(?P<prefix>lil['’]?|big)[ ]+(?P<word>{_WORD})(?:[ ]+(?P=word))?)(?![\w'’-])"
    rf"(?=[ ]*(?:[.,;:!?]|$)|[ ]+(?:and|or|from|was|is|'s|’s|had|has|got|gets|just|that's"
    rf"|thats|who|who's"
    # (and what a street name does: "big mike runs that corner", "lil t sells")
    rf"|runs|ran|owns|sells|sold|deals|dealt"
    rf"|{_PERSON_VERBS})(?![\w'’-]))"
)


# Adjectives and adverbs by their ending ("worthless", "selfish", "constantly"): said
# of someone, never what they are called.
_DESCRIPTIVE_ENDINGS = ("less", "ful", "ous", "ive", "ing", "ed", "able", "ible", "ish", "ic", "ly")


def nickname_word(word: str, lexicon: NameLexicon, *, clinical: bool = True) -> bool:
    """Could `word` be what someone is called: no grammar, endearment, insult, time or
    descriptive word, no kin word or title (with `clinical`, no clinical term). Everyday
    nouns can ("peanut", "scooter")."""
    w = word.lower().replace("’", "'")
    return not (
        len(w) < 2
        or w in STOP_WORDS
        or w in NOT_NICKNAMES
        or w in RELATIONS
        or w in KIN_ROLES
        or w in TITLES
        or (
            len(w) > 5
            and w.endswith(_DESCRIPTIVE_ENDINGS)
            and lexicon.is_english(w)
            # (a noun in "-ing" no verb makes is a pet name: "dumpling", "pudding")
            and not (
                w.endswith("ing") and not (lexicon.is_plain_word(w) or lexicon.is_verb_form(w))
            )
        )
        or (clinical and is_clinical_term(w))
    )


def _spanish_nickname(w: str, lexicon: NameLexicon, article: str | None) -> bool:
    """After "le dicen": with "la" or "el" any word but grammar ("la güera", "el flaco");
    bare, a first name or a word no Spanish list has ("paloma", not "mentiras")."""
    if w in SPANISH_STOP_WORDS or len(w) < 3:
        return False
    return article is not None or lexicon.is_first_name(w) or not lexicon.is_spanish(w)


# Someone else going by a name ("she goes by bird at school", "my son goes by tank"),
# where "we go by bus" and "i go by feel" are ways.
_SOMEONE_GOES = lazy(
    rf"(?i)(?<![\w'’-])(?:she|he|they|who|{alternation(tuple(sorted(RELATIONS | KIN_ROLES)))})"
    r"[ ]+(?:(?:now|just|only|mostly|still|always|usually)[ ]+)?$"
)


def named_as(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "my grandma always called me peanut", "everybody calls my brother bam bam", "she
    goes by jo now", "refers to boyfriend only as Cornbread"."""
    for m in finditer_by_line(_NAMED, text):
        word = m.group("word")
        if not nickname_word(word, lexicon):
            continue
        if m.group("es") and not _spanish_nickname(word.lower(), lexicon, m.group("article")):
            continue  # "me dice que", "le dice mentiras": what is said, not a name
        if m.group("by") and not (
            lexicon.is_first_name(word.lower())
            or not lexicon.is_english(word.lower())
            or _SOMEONE_GOES.search(text, max(0, m.start() - 40), m.start()) is not None
        ):
            continue  # "we go by bus", "go by feel": a way, not a name
        if (
            (m.group("verb") or "").lower() in _PHONED
            and lexicon.is_plain_word(word.lower())
            and m.group("word") == m.group("name")
            and not _HABIT.search(text, max(0, m.start() - 30), m.start())
            and not _WHY_CALLED.match(text, m.end())
        ):
            continue  # "he called his sponsor instead": a call made, unless a habit
        yield NAMED_AS.at(*m.span("name"))


# "this guy smoke from the block keeps coming around", "this girl peaches who works
# there": a person pointed at, then what they go by, then where from or who they are.
_THIS_GUY = lazy(
    rf"(?i)(?<![\w'’-])(?:this|that|some|a|the|one)[ ]+(?:guy|dude|girl|lady|kid|man|woman"
    rf"|boy|chick|homie|homeboy|friend)[ ]+(?P<name>(?P<word>{_WORD}))[ ]+(?:from|who|who's"
    r"|that's|thats|keeps|kept|used[ ]to|always|said|says)(?![\w'’-])"
)


def pointed_at(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "this guy smoke from the block keeps coming around": what a person pointed at goes
    by (not a word that describes or does: "this guy kinda", "some kid yelling")."""
    for m in finditer_by_line(_THIS_GUY, text):
        word = m.group("word")
        w = word.lower()
        if (
            nickname_word(word, lexicon)
            and len(w) >= 3
            and not w.endswith(("ing", "ly", "ed"))
            and w not in NON_NAME_WORDS
            and w not in FILLERS
            and not lexicon.is_spanish(w)
        ):
            yield NAMED_AS.at(*m.span("name"))


def named_first(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "bubba is what we all call my older brother": the nickname, then who it names."""
    for m in finditer_by_line(_NAMED_FIRST, text):
        if nickname_word(m.group("word"), lexicon):
            yield NAMED_AS.at(*m.span("name"))


def prefixed(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "lil tee got jumped", "big mo said": a nickname's prefix before a word that is a
    nickname ("lil": any but "bit", "sis"...; "big": a first name or no English word)."""
    for m in finditer_by_line(_PREFIXED, text):
        w = m.group("word").lower()
        if not nickname_word(w, lexicon, clinical=False) or w in NOT_AFTER_LIL:
            continue
        if m.group("prefix").lower() == "big" and not (
            lexicon.is_first_name(w) or not lexicon.is_english(w)
        ):
            continue
        yield PREFIXED.at(*m.span("name"))


# "who's g money?" / "that's my brother's friend": who a name is, asked and answered,
# across a speaker's tag.
_KIN_ANSWER = alternation(longest_first(RELATIONS | KIN_ROLES))
_ASKED_WHO = lazy(
    rf"(?i)(?<![\w'’-])who(?:['’]s|s|[ ]+is|[ ]+was)[ ]+(?P<name>{_WORD}(?:[ ]+{_WORD})??)"
    r"[ ]*[?.,]*[ \t]*(?:\n[ \t]*)?(?:(?:\[[^\]\n]{1,20}\]|[\w-]{1,20}:)[ \t]*)?"
    r"(?:(?:oh|um|uh|yeah|so|well)[ ,]+)*"
    r"(?:that['’]?s|he['’]?s|she['’]?s|they['’]re|it['’]s)[ ]+(?:just[ ]+)?(?:my|our|his|her"
    r"|their)[ ]+(?:[\w'’]+['’]s[ ]+)?(?:(?:older|younger|little|big|best|old|new)[ ]+)?"
    rf"(?:{_KIN_ANSWER})(?![\w'’-])"
)


def asked_who(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "who's g money? / that's my brother's friend", "who is tito? he's my uncle": a
    name asked about, then said to be kin or a friend (not "who's that?", "who's
    calling?": grammar, or a verb or an adjective no given-name list has)."""
    for m in _ASKED_WHO.finditer(text):
        words = [w.lower() for w in m.group("name").split()]
        if any(w in STOP_WORDS or w in NON_NAME_WORDS or w in FILLERS for w in words):
            continue
        if len(words) == 1 and (
            lexicon.is_plain_word(words[0]) and not lexicon.is_first_name(words[0])
        ):
            continue
        if all(nickname_word(w, lexicon) or len(w) == 1 for w in words):
            yield ASKED_WHO.at(*m.span("name"))
