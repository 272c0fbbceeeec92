"""The document-level stage of detection: learn names and places, spread and grow them.

A chunk's recognizers see only their chunk. This stage sees the whole document (and
what a session learnt from earlier texts): a note says "Dr. Marchetti aware" once and
"marchetti" five times; a transcript says "my son Will" once and "Will" throughout.
Names found with strong evidence (a title, a relation, a full name) and places named
in context are learnt and looked up again across the whole text (names that are also
ordinary words only with the same capitalization, and only in mixed-case text); each
name then grows over neighbouring name words, and words listed with a name join it.
`spread` runs the stage; the functions it calls are its steps.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, MutableMapping, Sequence
from typing import Any

import ahocorasick
import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS

from phimin._catalogue import Catalogue, RuleRecord, Trait, builtin
from phimin._detect.base import Detection, SpanFence, lower_same_length
from phimin._detect.case import CaseMode, case_mode
from phimin._detect.clinical import is_clinical_term
from phimin._detect.lexicon import NameLexicon
from phimin._detect.names.clauses import name_part, name_word, thing_at
from phimin._detect.names.tokens import opens_clause, third_person_verb
from phimin._detect.patterns import REGEX_TIMEOUT_SECONDS
from phimin._detect.places import without_kind
from phimin._detect.words import (
    BEFORE_A_THING,
    MONTH_LEAD_WORDS,
    NAME_MONTHS,
    NON_NAME_WORDS,
    NOUN_NAMES,
    PERSON_VERBS,
    POSTNOMINALS,
    RELATIONS,
    SPANISH_PERSON_VERBS,
    SPANISH_TIMES,
    TITLES,
    VERBS_BEFORE_YOU,
    alternation,
)
from phimin._errors import DetectionError
from phimin._findings import Category
from phimin._short_forms import first_letter_forms, is_nickname, nicknames_of

__all__ = [
    "coordinated_names",
    "grow_names",
    "learn_names",
    "learn_places",
    "learn_short_forms",
    "propagate_names",
    "spread",
]

_PROPAGATED_NAME = builtin("phimin.name.propagated")
_PROPAGATED_PLACE = builtin("phimin.location.propagated")
_COORDINATED = builtin("phimin.name.coordinated")
_MIN_EVIDENCE = 0.7
# A name guessed with less (the gazetteer's, the name model's) lists others in speech.
_WEAK_EVIDENCE = 0.5


def spread(
    text: str,
    detections: list[Detection],
    *,
    known_names: MutableMapping[str, str | None],
    known_places: MutableMapping[str, str | None],
    lexicon: NameLexicon,
    catalogue: Catalogue,
    protected: Sequence[tuple[int, int]],
) -> list[Detection]:
    """The chunks' detections, with every name and place learnt sought across `text`.

    `known_names` and `known_places` carry what was learnt between the windows of one
    document or the texts of one session; `protected` is text phimin itself wrote.
    """
    learn_names(text, detections, lexicon, known_names)
    learn_short_forms(known_names, lexicon)
    learn_places(text, detections, known_places, catalogue)
    mode = case_mode(text)  # (worked out once: each step below reads it)
    propagated = (
        [
            d
            for d in propagate_names(text, known_names, mode=mode)
            if not _used_as_a_word(text, d, lexicon)
        ]
        + propagate_word_names(text, known_names, mode=mode)
        + propagate_names(text, known_places, _PROPAGATED_PLACE, mode=mode)
    )
    # A learnt word inside phimin's own output or a rule-pack match stays as it is.
    sensitive = [
        (d.start, d.end)
        for d in detections
        if catalogue.get(d.rule_id, d.entity).category is Category.SENSITIVE
    ]
    fenced = SpanFence([*protected, *sensitive])
    # (a facility's name met where it was learnt adds nothing, and would hide the rule
    # that found it: "go to Sacred Heart" stays a facility's name, no town's)
    spans = {
        (d.start, d.end)
        for d in detections
        if catalogue.get(d.rule_id, d.entity).has(Trait.FACILITY)
    }
    found = detections + [
        d
        for d in propagated
        if (d.start, d.end) not in spans and not fenced.overlaps(d.start, d.end)
    ]
    found = grow_names(text, found, lexicon, mode=mode)
    return found + [
        d
        for d in coordinated_names(text, found, lexicon, mode=mode)
        if not fenced.overlaps(d.start, d.end)
    ]


_WORD = regex.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")
# An article, a determiner or a word of having just before a word ("the grace", "some
# hope", "have faith"), and the same in Spanish ("la esperanza", "sin ningún consuelo").
_ENGLISH_DETERMINER_BEFORE = regex.compile(
    rf"(?ri)(?<![\w'’])(?:{alternation(tuple(sorted(BEFORE_A_THING)))})[ ]+$"
)
_SPANISH_DETERMINER_BEFORE = regex.compile(
    r"(?ri)(?<![\w'’])(?:el|la|los|las|un|una|unos|unas|mi|tu|su|mis|tus|sus|ningún|ningun"
    r"|tener|tengo|tiene|tienes|tenemos|tienen|perder|pierdo|pierde|hay|con|de"
    r"|ninguna|sin|mucha|mucho|muchos|muchas|poca|poco|mismos|mismas|mismo|misma|tanta|tanto"
    r"|tantos|tantas)[ ]+$"
)


# Words before a word that describes ("not sunny", "i'm flaca"); never "is" or "was",
# before which a name is asked about ("is dolores coming").
_STATE_BEFORE = regex.compile(
    r"(?ri)(?<![\w'’])(?:not|so|too|very|i['’]m|im|it['’]s|its|real|really|pretty|kinda|been"
    r"|being|feel|feels|felt|stay|stayed|looks|looked|get|gets|getting|got)[ ]+$"
)


# A modal verb that is a name too, asking or saying what someone will do: "Will you",
# "May I", never "Will said".
_MODALS = frozenset({"will", "may", "can", "should", "might", "must"})
_PRONOUN_AFTER = regex.compile(r"(?i)[ ]+(?:you|i|he|she|we|they|it|there|this|that)(?![\w'’])")


def _used_as_a_word(text: str, d: Detection, lexicon: NameLexicon) -> bool:
    """A learnt name met again as the everyday word it also is: "mi hija esperanza ... no
    pierdo la esperanza", "my sister faith ... just have faith". Only names that are as
    often a thing ("faith", "hope") or an everyday Spanish word ("esperanza", "dolores"):
    "does the karen seem" stays a person."""
    word = text[d.start : d.end].lower()
    if " " in word:
        return False
    if thing_at(text, word, d.end):
        return True  # "hope keeps me going", "the bill came in the mail"
    if word in _MODALS and _PRONOUN_AFTER.match(text, d.end) is not None:
        return True  # "Will said yes ... Will you call him?", "may i ask"
    window = max(0, d.start - 12)
    spanish = lexicon.is_spanish(word)
    if (word in NOUN_NAMES or word in VERBS_BEFORE_YOU) and _ENGLISH_DETERMINER_BEFORE.search(
        text, window, d.start
    ) is not None:
        return True
    # a describing word said of something or someone: "it's not sunny at all", "i'm
    # flaca for real now"
    if (
        spanish or (lexicon.is_plain_word(word) and lexicon.is_common_word(word))
    ) and _STATE_BEFORE.search(text, window, d.start) is not None:
        return True
    return spanish and _SPANISH_DETERMINER_BEFORE.search(text, window, d.start) is not None


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
        lowered = [w.lower() for w in words]
        if len(words) > 1 and all(
            lexicon.is_english(w) and not lexicon.is_first_name(w) for w in lowered
        ):
            continue  # a heading the model took for a name ("Female Admit Age: 69")
        if len(words) > 1:
            known.setdefault(" ".join(lowered), None)
        for w in words:
            lower = w.lower()
            if len(lower) < 3 or lower in NON_NAME_WORDS or is_clinical_term(lower):
                continue
            if lexicon.is_english(lower) and not lexicon.is_name(lower):
                continue  # an English word found once as a name is not sought everywhere
            if lexicon.is_clear_name(lower) or not (
                lexicon.is_name(lower) or lexicon.is_common_word(lower)
            ):
                known[lower] = None
            elif (w[:1].isupper() and not w.isupper()) or w.islower():
                # (a lower-case one is sought only where it stands as a person: below)
                known.setdefault(lower, w)


def learn_short_forms(known: MutableMapping[str, str | None], lexicon: NameLexicon) -> None:
    """Add the short forms of learnt first names to `known`: a session says "my husband
    desmond" once and "des" after, "dashiell" then "dash", "alejandra" then "ale".

    A short form is the name's first three to five letters, with at least one letter
    left over, or a form it is known by that is no prefix ("philippa" -> "pip",
    "william" -> "bill": `_short_forms.nicknames_of`). One that is an everyday word or
    a word-like syllable ("dash", "des", "ale") is learnt as a word-name, sought only
    where it stands as a person ("des thinks", "i told dash", "i did ask you, ness");
    one no dictionary has ("desm") or a first name that is no common word ("thad") is
    sought everywhere.
    """
    for name, surface in list(known.items()):
        if surface is not None or not name.isalpha() or not lexicon.is_first_name(name):
            continue
        for short in (*first_letter_forms(name), *sorted(nicknames_of(name))):
            if short in known or short in STOP_WORDS or short in NON_NAME_WORDS:
                continue
            if short in TITLES or is_clinical_term(short):
                continue
            common = lexicon.is_common_word(short) or lexicon.is_plain_word(short)
            if (lexicon.is_first_name(short) and not common) or (
                len(short) >= 4 and not common and not lexicon.is_name(short)
            ):
                known[short] = None  # ("thad", "desm": anywhere, as the name is)
            else:
                # ("dash", "pip", "chr": only where a person stands, never "chr 7")
                known[short] = short


def propagate_names(
    text: str,
    known: MutableMapping[str, str | None],
    rule: RuleRecord = _PROPAGATED_NAME,
    *,
    mode: CaseMode | None = None,
) -> list[Detection]:
    """Every whole-word mention of a known name (or place) in `text` (`mode`: its
    `case_mode`, when the caller has it)."""
    if not known:
        return []
    mixed = (mode or case_mode(text)) == "mixed"
    automaton: Any = ahocorasick.Automaton()
    for name, surface in known.items():
        if surface is None or (mixed and not surface.islower()) or surface.isupper():
            automaton.add_word(name, (len(name), surface))
    if len(automaton) == 0:
        return []
    automaton.make_automaton()
    return [rule.at(start, end) for start, end in _matches(text, automaton)]


# Where a learnt name that is also a word is the person again in lower-case speech: it
# opens a clause before what a person does ("june might not make it", "will just
# nodded"), or it is told, asked, seen or met ("i told june").
_VERB_AFTER = alternation(
    tuple(sorted(PERSON_VERBS | {"might", "would", "could", "should", "can't", "won't"}))
)
_WORD_NAME_PLACES = (
    r"(?:(?<=^|[.!?;:\]][ \t]{{0,3}}|,[ ]|(?<![\w'’])(?:so|and|but|because|cause|that|then"
    r"|um|uh|like|think|said|when|if)[ ]){name}(?=(?:[ ]+(?:just|still|never|always|really"
    r"|even|finally|kinda|also|kind[ ]of|sort[ ]of)){{0,2}}[ ]+(?:{verbs})(?![\w'’]))"
    r"|(?<=(?<![\w'’])(?:told|tell|asked|ask|texted|text|called|call|with|saw|see|love|miss"
    r"|about)[ ]){name}(?![\w'’-])"
    # said to them, closing the turn: "i did ask you, ness", "thanks, des."
    r"|(?<=\w,[ ]){name}(?=[ \t]*[.!?]?[ \t]*$))"
)


def propagate_word_names(
    text: str, known: MutableMapping[str, str | None], *, mode: CaseMode | None = None
) -> list[Detection]:
    """A learnt name that is also a word ("june", "will", "grace", found once with
    strong evidence: "my sister june") where it stands as a person: in lower-case text
    as written, in mixed-case text capitalized ("Desmond Hale came in. Des said no",
    "William ... then Bill called"; the lower-case word there is matched as it was
    learnt, by `propagate_names`)."""
    words = tuple(
        sorted(name for name, surface in known.items() if surface is not None and " " not in name)
    )
    mode = mode or case_mode(text)
    if not words or mode == "upper":
        return []
    try:
        found = list(_word_name_pattern(words).finditer(text, timeout=REGEX_TIMEOUT_SECONDS))
        if mode == "mixed":  # capitalized in mid-sentence: "Later Des said"
            found += _mid_sentence_pattern(words).finditer(text, timeout=REGEX_TIMEOUT_SECONDS)
    except TimeoutError as exc:  # fail closed, as every pattern does
        raise DetectionError("finding learnt names exceeded its time limit") from exc
    # ("my sister hope ... hope keeps me going": the word)
    return [
        _PROPAGATED_NAME.at(m.start(), m.end())
        for m in found
        if (mode == "lower" or _capitalized(m.group()))
        and not thing_at(text, m.group(), m.end())
    ]


@functools.lru_cache(maxsize=32)
def _mid_sentence_pattern(words: tuple[str, ...]) -> regex.Pattern[str]:
    """These learnt names capitalized after a word in mid-sentence ("Later Des said",
    "ask Kat about it"): in mixed-case text, the capital says a name."""
    names = "|".join(regex.escape(w[:1].upper() + w[1:]) for w in words)
    return regex.compile(rf"(?<=[\p{{Ll}},][ ])(?:{names})(?![\w'’-])")


def _capitalized(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower()


@functools.lru_cache(maxsize=32)
def _word_name_pattern(words: tuple[str, ...]) -> regex.Pattern[str]:
    """The pattern for these learnt names, compiled once per set of names (a session's
    windows and texts share it)."""
    names = "|".join(regex.escape(w) for w in words)
    return regex.compile("(?im)" + _WORD_NAME_PLACES.format(name=f"(?:{names})", verbs=_VERB_AFTER))


def learn_places(
    text: str,
    detections: Iterable[Detection],
    known: MutableMapping[str, str | None],
    catalogue: Catalogue,
) -> None:
    """Add places named in context (a facility word, "transferred to": rules with the
    `learnt_place` trait) to `known`; short acronyms keep their case."""
    for d in detections:
        if d.entity != "LOCATION" or not catalogue.get(d.rule_id).has(Trait.LEARNT_PLACE):
            continue
        # "ashgrove 3": the ward's name, without its floor
        # ("Larchmont Memorial Hospital": its name, which is said alone too)
        named = without_kind(text[d.start : d.end])
        surface = " ".join(w for w in named.split()[:3] if not w.isdigit())
        if len(surface.strip(".")) < 2 or "." in surface or is_clinical_term(surface.lower()):
            continue
        # "KMH" matches KMH only; "Ashgrove" matches in any case.
        known[surface.lower()] = surface if len(surface) <= 4 and surface.isupper() else None


def _matches(text: str, automaton: Any) -> Iterator[tuple[int, int]]:
    lowered = lower_same_length(text)
    for end_index, (length, surface) in automaton.iter(lowered):
        end = end_index + 1
        start = end - length
        if start > 0 and (lowered[start - 1].isalnum() or lowered[start - 1] in "_-"):
            continue
        if end < len(text) and (lowered[end].isalnum() or lowered[end] in "_"):
            continue
        if surface is not None and text[start:end] != surface:
            continue
        yield start, end


# A name word: letters, with inner apostrophes (O'Brien) but not a possessive 's.
_NAME_WORD = r"[^\W\d_]+(?:['’](?!s(?!\w))[^\W\d_]+)*"
_WORD_BEFORE = regex.compile(rf"(?r)(?<![\w'’-])({_NAME_WORD})(?:[ ]|-)$")
# (a hyphen may end the name, as in "Irene Wasilewski- 301-...", but not join another word)
_WORD_AFTER = regex.compile(rf"^(?:[ ]|-)({_NAME_WORD})(?![\w]|-\w|['’](?!s(?!\w)))")
_INITIAL_BEFORE = regex.compile(r"(?r)(?<![\w.])\p{Lu}\.?[ ]$")
_INITIAL_AFTER = regex.compile(r"[ ]\p{Lu}\.?(?=[ ])")
_WINDOW = 64  # longest name word looked at, in characters
# (nor, in Spanish, what a person does or the word for a family: "el flaco anda en",
# "la familia cruz")
_STOP_GROWING = (
    TITLES
    | POSTNOMINALS
    | NON_NAME_WORDS
    | STOP_WORDS
    | RELATIONS
    | SPANISH_TIMES
    | SPANISH_PERSON_VERBS
    | frozenset({"familia", "familias"})
)


def grow_names(
    text: str,
    detections: Iterable[Detection],
    lexicon: NameLexicon,
    *,
    mode: CaseMode | None = None,
) -> list[Detection]:
    """Widen each PERSON detection over neighbouring name words.

    "Tomasz Novak": the lexicon knows Novak, the model saw an organization, and the
    first name would be left in the text. A neighbouring word joins the name when it
    has a name's case and is a known name or too rare to be an everyday word.
    """
    mode = mode or case_mode(text)
    grown = []
    for d in detections:
        if d.entity != "PERSON":
            grown.append(d)
            continue
        start, end = _hyphen_parts(text, d.start, d.end, lexicon)
        for _ in range(2):
            # A middle initial ("Ella H. Brandvold") joins with the word beyond it.
            # Searched in a short window: a failed reverse search would otherwise scan
            # back to the start of the text, once per name (quadratic on long input).
            initial = (
                _INITIAL_BEFORE.search(text, max(0, start - 4), start) if mode == "mixed" else None
            )
            limit = initial.start() if initial else start
            m = _WORD_BEFORE.search(text, max(0, limit - _WINDOW), limit)
            if m is None or not (
                _joins(m.group(1), mode, lexicon)
                or (mode == "mixed" and _word_first_name_before(text, m, lexicon))
            ):
                break
            start = m.start(1)
        for k in range(2):
            initial = _INITIAL_AFTER.match(text, end) if mode == "mixed" else None
            offset = initial.end() if initial else end
            m = _WORD_AFTER.match(text[offset : offset + 64])
            if m is None or not (
                _joins(m.group(1), mode, lexicon)
                or (k == 0 and mode == "lower" and _rare_surname(m.group(1), lexicon))
            ):
                break
            if mode == "lower" and _verb_after(text, start, offset + m.end(1), m.group(1), lexicon):
                break  # "emmy bakes bread": her verb, though a surname list has "bakes"
            end = offset + m.end(1)
        found = d if (start, end) == (d.start, d.end) else d.spanning(start, end)
        # (in lower-case speech only: in a note, "Jordan Taylor and Sam" is two people)
        grown.extend(_split_listed(text, found, lexicon) if mode == "lower" else [found])
    return grown


_NEXT_WORD = regex.compile(r"[ ]+([^\W\d_][\w'’]*)")


def _verb_after(text: str, start: int, end: int, word: str, lexicon: NameLexicon) -> bool:
    """Is `word`, after a name that opens a clause at `start`, the person's verb before
    its object ("emmy bakes bread", "brody skates at the park"), not a surname ("tom
    banks said", "i talked to jo fields yesterday")?"""
    nxt = _NEXT_WORD.match(text, end)
    return third_person_verb(
        word.lower(),
        nxt.group(1).lower() if nxt else None,
        lexicon,
        opens=opens_clause(text, start),
    )


# Names listed: "the kids are ava liam and noah" ("and", and a word after).
_LIST_GOES_ON = regex.compile(r"[ ]+(?:and|y|&)[ ]+(\p{L}+)")


def _split_listed(text: str, d: Detection, lexicon: NameLexicon) -> list[Detection]:
    """Two first names in a list are two people: "ava liam and noah" -> "ava", "liam"
    (so the model sees three), never a surname ("john smith and jane"), nor a name
    before "and" and no name ("jordan taylor and his wife"). (A double first name is
    split too, "mary ann and joe": both parts still go.)"""
    words = list(regex.finditer(r"\S+", text[d.start : d.end]))
    then = _LIST_GOES_ON.match(text, d.end)
    if len(words) != 2 or then is None:
        return [d]
    first, second = (w.group().lower() for w in words)
    if not all(lexicon.is_first_name(w) for w in (first, second, then.group(1).lower())):
        return [d]
    return [
        d.spanning(d.start, d.start + words[0].end()),
        d.spanning(d.start + words[1].start(), d.end),
    ]


_PART_BEFORE = regex.compile(r"(?r)(?<![\w'’-])([^\W\d_]+)-$")
_PART_AFTER = regex.compile(r"-([^\W\d_]+)(?![\w'’-])")


def _hyphen_parts(text: str, start: int, end: int, lexicon: NameLexicon) -> tuple[int, int]:
    """A name goes whole: "Ji-woo", "mary-kate" when a rule found one part of it."""
    before = _PART_BEFORE.search(text, max(0, start - 20), start)
    if before is not None and name_part(before.group(1).lower(), lexicon):
        start = before.start(1)
    after = _PART_AFTER.match(text, end)
    if after is not None and name_part(after.group(1).lower(), lexicon):
        end = after.end(1)
    return start, end


def _joins(word: str, mode: str, lexicon: NameLexicon) -> bool:
    lower = word.lower()
    if lower in _STOP_GROWING or len(word) < 2 or is_clinical_term(lower):
        return False
    if mode == "mixed" and not (word[:1].isupper() and not word.isupper()):
        return False
    if mode == "upper" and not word.isupper():
        return False
    if mode != "mixed":
        return lexicon.is_clear_name(lower) and lower not in SPANISH_STOP_WORDS
    return lexicon.is_clear_name(lower) or not (
        lexicon.is_name(lower) or lexicon.is_common_word(lower)
    )


def _word_first_name_before(text: str, m: regex.Match[str], lexicon: NameLexicon) -> bool:
    """In mixed-case text, a capitalized first name that is also a word or a month,
    right before a found surname: "May Brown called", "Hope Nguyen is 16" (never a month
    after a word of time: "In May Brown moved out")."""
    word, start = m.group(1), m.start(1)
    lower = word.lower()
    if not _capitalized(word) or not lexicon.is_first_name(lower):
        return False
    if (lower in _STOP_GROWING and lower not in ("may", "will")) or is_clinical_term(lower):
        return False
    before = _MONTH_WORD_BEFORE.search(text, max(0, start - 12), start)
    return lower not in NAME_MONTHS or before is None


_MONTH_WORD_BEFORE = regex.compile(
    rf"(?ri)(?<![\w'’])(?:{alternation(tuple(sorted(MONTH_LEAD_WORDS)))})[ ]+$"
)


def _rare_surname(word: str, lexicon: NameLexicon) -> bool:
    """In lower-case speech, right after a name, a word no list has, English, Spanish or
    names: the surname ("my therapist was dana whitcombe")."""
    lower = word.lower()
    return (
        len(lower) >= 4
        and lower.isalpha()  # ("we're", "y'all")
        and lower not in _STOP_GROWING
        and not is_clinical_term(lower)
        and not lexicon.is_name(lower)
        and not lexicon.is_common_word(lower)
        and not lexicon.is_english(lower)
        and not lexicon.is_verb_form(lower)  # ("doctor nguyen upped my dose")
        and not lexicon.is_spanish(lower)
    )


# "Olwenna, Janet and Kevin", "Pellegrasso and Wilson": a word in a list with a name.
# ("y": speech switches to Spanish, "ana y beto vinieron")
_LIST_BEFORE = regex.compile(
    rf"(?r)(?<=^|[:,.?!][ ]{{1,2}}|\n[ \t]*|(?<![\w])(?:and|or|&|y)[ ])({_NAME_WORD})"
    r"(?:,[ ]|[ ](?:and|or|&|y)[ ])$"
)
# (a list ends at a pause, or at what two or more people did or were: "ellie and jordan
# but only", "tony and gus were there", "beto y ana vinieron")
_LIST_AFTER = regex.compile(
    rf"^(?:,[ ](?:and[ ]|y[ ])?|[ ](?:and|or|&|y)[ ])({_NAME_WORD})(?=,|[ ](?:and|or|&|y)[ ]"
    r"|[.;:!?\n]|$|[ ](?:but|both|were|are|came|went|left|got|showed|vinieron|fueron"
    r"|llegaron|estaban|están|se)(?![\w'’]))"
)
_LIST_ROUNDS = 8  # a list grows one word a side per round from the names found in it


def coordinated_names(
    text: str,
    detections: Sequence[Detection],
    lexicon: NameLexicon,
    *,
    mode: CaseMode | None = None,
) -> list[Detection]:
    """Words listed with a strongly found name that could be names themselves.

    In mixed-case text a capitalized word that is a clear name or too rare to be an
    everyday one; in lower-case speech a census first name ("me and dawn and carol
    went"); joined by "and", "or", "&" or a comma that lists: "Her kids: Olwenna,
    Janet, Kevin" (the comma after a colon or before another list word), not "Janet,
    Medicaid called back". Not in all-capital notes, where lists are of ward words.
    """
    mode = mode or case_mode(text)
    if mode == "upper":
        return []
    # Nothing already found is taken over (but a weaker guess that it is a name, a
    # lone surname-list word at a sentence's start, is no bar).
    fence = SpanFence(
        (d.start, d.end)
        for d in detections
        if d.entity != "PERSON" or d.score >= _COORDINATED.score
    )
    added: dict[tuple[int, int], Detection] = {}
    frontier = [
        (d.start, d.end) for d in detections if d.entity == "PERSON" and d.score >= _MIN_EVIDENCE
    ]
    # In speech without capitals, a name guessed with less evidence ("ana", "ellie" from
    # the gazetteer or the name model) lists a name no everyday word is: "ana y beto
    # vinieron", "i invited ellie and jordan but" (never "ana and hope came": the word).
    weak = (
        {
            (d.start, d.end)
            for d in detections
            if d.entity == "PERSON" and _WEAK_EVIDENCE <= d.score < _MIN_EVIDENCE
        }
        if mode == "lower"
        else set()
    )
    frontier.extend(weak)
    for _ in range(_LIST_ROUNDS):
        found = [
            span
            for start, end in frontier
            for span in _neighbours(text, start, end)
            if span not in added
            and not fence.overlaps(*span)
            and _listed(text[span[0] : span[1]], mode, lexicon)
            and (
                (start, end) not in weak
                or not lexicon.is_plain_word(text[span[0] : span[1]].lower())
            )
        ]
        if not found:
            break
        for span in found:
            added[span] = _COORDINATED.at(*span)
        frontier = found
    return list(added.values())


def _listed(word: str, mode: str, lexicon: NameLexicon) -> bool:
    """A census first name, a clear name no English or Spanish word is ("beto"), or a
    form the nickname table knows that is no everyday word ("lalo")."""
    if mode == "mixed":
        return _joins(word, mode, lexicon)
    w = word.lower()
    if (
        is_nickname(w)
        and not is_clinical_term(w)  # ("pearl, mae, sedated": moves all extremities)
        and w not in STOP_WORDS
        and w not in SPANISH_STOP_WORDS
        and not (lexicon.is_plain_word(w) or lexicon.is_english(w) or lexicon.is_spanish(w))
    ):
        return True
    return (
        lexicon.is_first_name(w)
        or (lexicon.is_clear_name(w) and not lexicon.is_english(w) and not lexicon.is_spanish(w))
    ) and name_word(word, lexicon)


def _neighbours(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    before = _LIST_BEFORE.search(text, max(0, start - _WINDOW), start)
    if before is not None:
        yield before.span(1)
    after = _LIST_AFTER.match(text[end : end + _WINDOW])
    if after is not None:
        yield end + after.start(1), end + after.end(1)
