"""A place or a name given as the answer to what the last turn asked: "T: where did you
grow up?\\nC: fresno mostly", "T: what school does she go to?\\nC: roosevelt", "T: and
your daughter's name?\\nC: hope". Rules `phimin.location.answered` and
`phimin.name.answered`.

In a transcript the question says what the next turn's first words are: no cue is said
again before them ("where do you live?" -- "in sandy"), and a town or a first name that
is an everyday word has nothing else to tell it by. Only a question about where someone
lives, was born, works or goes, or about which school, hospital or church, or what a
person is called counts ("where do you feel that?", "where were we?", "where does that
come from?" ask for no place); and only the first words of the next turn, up to a pause
or a word of grammar, and never a state, a country or an everyday place ("home", "work",
"downtown").
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.clinical import MEDICATIONS, clinical_terms, is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.geography import load_places
from phimin._detect.lexicon import NameLexicon
from phimin._detect.names.clauses import name_word
from phimin._detect.words import PETS, RELATIONS

__all__ = ["answered_ids", "answered_names", "answered_places"]

ANSWERED_PLACE = builtin("phimin.location.answered")
ANSWERED_NAME = builtin("phimin.name.answered")
ANSWERED_ID = builtin("phimin.other_id.answered")

_PLACE_VERBS = (
    r"live|lives|living|lived|grow[ ]up|grew[ ]up|growing[ ]up|raised|born|stay|stays"
    r"|staying|stayed|work|works|working|worked|move|moved|moving|located|based|end[ ]up"
    r"|ended[ ]up|go[ ]to[ ]school|goes[ ]to[ ]school|went[ ]to[ ]school|go[ ]to[ ]church"
    r"|sleep|sleeping|slept|crash|crashing|deliver|delivered|buried|admitted|sent|take[ ]him"
    r"|take[ ]her|took[ ]him|took[ ]her|hang[ ]out|reside|resides"
)
_PLACE_KINDS = (
    r"town|city|neighborhood|neighbourhood|part[ ]of[ ]town|area|street|road|school|high"
    r"[ ]school|college|hospital|er|church|parish|clinic|shelter|county|apartments?"
    r"|complex|building|facility|program|rehab|nursing[ ]home|daycare|jail|prison"
    r"|store|restaurant|bar|park|base|unit|motel|hotel|campus|company|employer|firm"
    r"|pharmacy|practice|office|agency"
)
# The last turn's question (its end: a question mark and no more words).
_PLACE_QUESTION = regex.compile(
    r"(?i)(?:(?<![\w'’])where(?:['’]s|['’]d|[ ]+(?:do|does|did|are|is|was|were|would|will"
    r"|have|has|had|can|could))?[ ]+(?:\w+[ ]+){0,3}?(?:" + _PLACE_VERBS + r")(?![\w'’])"
    # "where are you from?", "where's your mom from originally?" (a person's)
    r"|(?<![\w'’])where(?:['’]s|[ ]+(?:are|is|was|were))[ ]+(?:you|he|she|they|your[ ]+\w+"
    r"|his[ ]+\w+|her[ ]+\w+|their[ ]+\w+)(?:[ ]+(?:originally|from|guys|all))*[ ]+from"
    r"|(?<![\w'’])(?:what|which)[ ]+(?:" + _PLACE_KINDS + r")(?![\w'’])"
    # "who's your employer?", "what's her school?" (the kind said as whose)
    r"|(?<![\w'’])(?:who|what)(?:['’]s|[ ]+is|[ ]+was)[ ]+(?:your|his|her|their)[ ]+(?:"
    + _PLACE_KINDS
    + r")(?![\w'’])"
    # "and the name of the school your son goes to", "name of her clinic?"
    r"|(?<![\w'’])name[ ]+of[ ]+(?:the|your|his|her|their|that)[ ]+(?:"
    + _PLACE_KINDS
    + r")(?![\w'’])"
    r"|(?<![\w'’])(?:de[ ]+)?d[oó]nde[ ]+(?:viv\w+|trabaj\w+|naci\w+|creci\w+|est[aá]\w*"
    r"|qued\w+|(?:eres|es|son|era|eran)(?![\w]))"
    r"|(?<![\w'’])en[ ]+qu[eé][ ]+(?:ciudad|pueblo|colonia|barrio|escuela|hospital|iglesia"
    r"|estado[ ]de)(?![\w]))"
    r"[^?\n]{0,60}\??[ \t]*$"
)
_NAME_QUESTION = regex.compile(
    r"(?i)(?:(?<![\w'’])(?:what['’]?s|what[ ]+(?:is|was))[ ]+(?:(?:your|his|her|their|the)"
    r"[ ]+(?P<whose>[\w'’ ]{1,30}?)['’]s|your|his|her|their)[ ]+(?:first[ ]+)?name"
    r"|(?<![\w'’])what[ ]+(?:do|does|did)[ ]+(?:you|they|people|everyone)[ ]+call"
    r"[ ]+(?:him|her|them)"
    r"|(?<![\w'’])c[oó]mo[ ]+se[ ]+llam(?:a|aba|an)(?:[ ]+(?:tu|su|el|la)[ ]+(?P<whose>\w+))?"
    r"|(?<![\w'’])c[oó]mo[ ]+te[ ]+llamas)"
    r"[^?\n]{0,40}\??[ \t]*$"
)
# The next turn: its speaker's tag, then fillers before the answer.
# ("C:", "speaker 2:", "[patient]"; as an export writes it, with its time and its
# diarized label or voice tag: "[00:12:36] Client:", "SPEAKER_01:" (read "SPEAKER 01"),
# "[SPEAKER_01]:", "Therapist (00:09):", "<v Client>")
_TAG = regex.compile(
    r"[ \t>]*(?:\[?\d{1,2}:\d\d(?::\d\d)?(?:[.,]\d+)?\][ \t]*)?"
    r"(?:\p{L}[\p{L}'’.-]{0,15}(?:[ ]\p{L}[\p{L}'’.-]*|[ ]\d{1,2})?"
    r"(?:[ ]?[(\[]\d{1,2}:\d\d(?::\d\d)?[)\]])?[ ]?:"
    r"|\[\p{L}[\p{L}_ -]{0,20}(?:[ ]\d{1,2})?\]:?|<v(?:\.[\w.-]+)*(?:[ \t][^<>\n]*)?>)?[ \t]*"
)
# The lines of an export's layout between one turn and the next: a blank line, a cue's
# timing ("00:00:04,600 --> 00:00:09,900"), its number or id before that timing, and a
# meeting tool's speaker line ("Speaker 2  0:07").
_TIMING_LINE = regex.compile(r"[^\n]*\d:\d\d[^\n]*-->[^\n]*")
_CUE_ID_LINE = regex.compile(r"[ \t]*(?:\d{1,6}|[\w-]{8,}/\d+-\d+)[ \t]*")
_SPEAKER_TIME_LINE = regex.compile(
    r"[ \t]*\p{L}[^\n:]{0,60}?(?:[ \t]{2,}|\t)\[?\d{1,2}:\d\d(?::\d\d)?\]?[ \t]*"
)


def next_turn(text: str, pos: int) -> tuple[int, int] | None:
    """The bounds of the first line from `pos` that holds speech, past an export's
    layout (blank lines, a cue's number and timing, a speaker's line with its time);
    None when the text ends first. A number alone is a cue's only before its timing
    ("8" may be the answer)."""
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if not (
            text[pos:end].isspace()
            or pos == end
            or _TIMING_LINE.fullmatch(text, pos, end)
            or _SPEAKER_TIME_LINE.fullmatch(text, pos, end)
            or (_CUE_ID_LINE.fullmatch(text, pos, end) and _timing_after(text, end))
        ):
            return pos, end
        if end == len(text):
            return None
        pos = end + 1
    return None


def _timing_after(text: str, end: int) -> bool:
    """Is the line after the one ending at `end` a cue's timing?"""
    nxt = text.find("\n", end + 1)
    return _TIMING_LINE.fullmatch(text, end + 1, len(text) if nxt < 0 else nxt) is not None


_FILLERS = frozenset(
    """um umm uh uhh oh ah eh well so like yeah yes yep mm hmm mhm okay ok it's its it was
    that's thats mostly originally probably actually honestly basically pues este bueno
    mmm ahh""".split()
)
_PLACE_PREPOSITIONS = frozenset(
    "in at on near by over out up down around outside en de a al cerca del the la el".split()
)
_WORD = regex.compile(r"\p{L}[\p{L}'’.-]*")
# What ends the answer after its words ("fresno mostly", "sandy but we moved").
_AFTER = frozenset(
    """mostly originally probably actually now still though too lately right anyway
    honestly basically area side way these days""".split()
)
# Answers that are no place's name.
_NOT_PLACES = frozenset(
    """home here there work school church hospital jail prison rehab downtown uptown
    outside inside around everywhere nowhere somewhere anywhere abroad overseas town city
    country state states house apartment place street shelter car bed room kitchen office
    clinic park mall store nearby online far close same different both all none nothing
    idk dunno yes no yeah sure okay good fine bad away back upstairs downstairs north south
    east west northeast northwest southeast southwest midwest countryside suburbs ghetto
    hood projects streets woods country city's base college university army navy marines
    military casa trabajo escuela aquí aqui allá alla acá aca lejos cerca pueblo rancho
    ciudad""".split()
)
# A kind said after a place's name ("brightwater warehouse", "the delmar plant").
_KIND_AFTER = frozenset(
    """warehouse warehouses plant factory store shop office offices building site branch
    location mall one""".split()
)
_PERSON_WORDS = frozenset(
    "i me my mine we our us you your he him his she her they them their it this that".split()
)
# Whose name it is: never a pet's or a thing's ("the dog's name?" -- "biscuit").
_NOT_WHOSE = PETS | frozenset(
    """dog dogs cat cats pet puppy kitten horse fish bird car truck boat company business
    school group app show book song movie band street medication med meds drug pill
    program agency clinic hospital church place team game""".split()
)


# Speech-to-text often drops the question mark ("[clinician] which city\n[patient]
# renton"): a line without one asks only where its question opens the turn or a clause,
# after a few words that lead in, and ends it soon after ("okay and where are you
# staying now", never "i don't know where she lives now"); or a "which" and its kind
# end the line ("and she's with which agency").
_LEAD_WORDS = frozenset(
    """and so okay ok alright um uh oh great good right now then also thanks thank you
    yeah yes well at in from to for the y""".split()
)

# "where he lives matters to you" states; "where does he live" asks.
_STATED = regex.compile(
    r"(?i)where(?![\w'’]|['’][sd]|[ ]+(?:do|does|did|are|is|was|were|would|will|have|has"
    r"|had|can|could)(?![\w'’]))"
)


def _asks_unmarked(text: str, line_start: int, m: regex.Match[str]) -> bool:
    """A question said with no question mark: it opens its turn or a clause and ends
    the line within a few words."""
    asked = text[m.start() : m.end()]
    if len(asked) > 100 or len(asked.split()) > 14 or _STATED.match(asked):
        return False
    if asked.lower().startswith("which ") and len(asked.split()) <= 4:
        return True  # ("and annika is with which agency": it ends the line, a question)
    tag = _TAG.match(text, line_start, m.start())
    before = text[tag.end() if tag else line_start : m.start()]
    lead = regex.split(r"[.,!;:]", before)[-1].lower().split()
    return all(w in _LEAD_WORDS for w in lead)


def _lines(text: str) -> list[tuple[int, int]]:
    """Each line's start and end."""
    spans = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _answers(
    text: str, question: regex.Pattern[str]
) -> Iterator[tuple[regex.Match[str], int, int]]:
    """Each question a line ends with, and the next line's bounds after its speaker's tag
    and its fillers."""
    lines = _lines(text)
    for i, (start, end) in enumerate(lines[:-1]):
        m = question.search(text, start, end)
        if m is None:
            continue
        if text.find("?", m.start(), end) < 0 and not _asks_unmarked(text, start, m):
            continue
        answer = next_turn(text, lines[i + 1][0])
        if answer is None:
            continue
        a_start, a_end = answer
        tag = _TAG.match(text, a_start, a_end)
        pos = tag.end() if tag else a_start
        yield m, pos, a_end


def _words_from(text: str, pos: int, end: int) -> list[tuple[int, int, str]]:
    """The words from `pos` to the line's end, up to the first pause, as (start, end,
    lower-case word)."""
    words = []
    while pos < end:
        m = _WORD.match(text, pos, end)
        if m is None:
            break
        words.append((m.start(), m.end(), m.group().lower().rstrip(".")))
        pos = m.end()
        if pos < end and text[pos] not in " \t":
            break  # a pause (",", "?", "."): the answer ends
        while pos < end and text[pos] in " \t":
            pos += 1
    return words


def answered_places(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """The place a turn gives where the last asked where someone lives, was born, works
    or goes, or which school, hospital or church."""
    if "\n" not in text:
        return
    places = load_places()
    for _, pos, end in _answers(text, _PLACE_QUESTION):
        words = _words_from(text, pos, end)
        k = 0
        while k < len(words) and words[k][2] in _FILLERS:
            k += 1
        while k < len(words) and words[k][2] in _PLACE_PREPOSITIONS:
            k += 1
        name = _answer_words(words, k)
        # ("the big one", "the new ones": which one, no name)
        after = k + len(name)
        if not name or (after < len(words) and words[after][2] in {"one", "ones"}):
            continue
        while len(name) > 1 and name[-1][2] in _KIND_AFTER:
            name.pop()  # ("the brightwater warehouse": the name, not its kind)
        lower = [w[2] for w in name]
        phrase = " ".join(lower)
        if (
            phrase in places.not_below_state
            or lower[0] in _PERSON_WORDS
            or all(w in _NOT_PLACES or _clinical(w, places.cities) for w in lower)
            or (
                len(lower) == 1
                and lexicon.is_plain_word(phrase)
                and phrase not in places.cities
                and phrase not in places.towns
                and not lexicon.is_name(phrase)
            )
            or all(_everyday(w, lexicon, places.cities) for w in lower)
        ):
            continue
        yield ANSWERED_PLACE.at(name[0][0], name[-1][1])


def _everyday(word: str, lexicon: NameLexicon, cities: frozenset[str]) -> bool:
    """A common word that is no town's or person's name: an answer of these alone says
    what kind, not which ("construction mostly", "public school", "child protective
    services"; not "renton", "pellucid analytics")."""
    word = word.removesuffix("'s").removesuffix("’s")
    return lexicon.is_common_word(word) and word not in cities and not lexicon.is_clear_name(word)


def _answer_words(words: list[tuple[int, int, str]], k: int) -> list[tuple[int, int, str]]:
    """The answer's words from the `k`th: up to a word of grammar or four words, an "and"
    or "of" between two kept ("cascadia tire and lube", "tri county family services";
    "bank of the west" ends at "the")."""
    name: list[tuple[int, int, str]] = []
    for i in range(k, min(len(words), k + 4)):
        w = words[i][2]
        joins = (
            w in {"and", "of", "&"}
            and len(name) >= 1
            and i + 1 < len(words)
            and words[i + 1][2] not in STOP_WORDS
            and words[i + 1][2] not in _AFTER
        )
        if not joins and (w in STOP_WORDS or w in SPANISH_STOP_WORDS or w in _AFTER):
            break
        name.append(words[i])
    return name


def _clinical(word: str, cities: frozenset[str]) -> bool:
    """Ward vocabulary or a drug; a word that only ends like a diagnosis counts for no
    city's name ("tacoma", "gastonia" are not "-oma", "-ia")."""
    if word in cities:
        return word in clinical_terms() or word in MEDICATIONS
    return is_clinical_term(word)


def answered_names(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """The name a turn gives where the last asked what someone is called."""
    if "\n" not in text:
        return
    for q, pos, end in _answers(text, _NAME_QUESTION):
        whose = (q.group("whose") or "").lower().split()
        if whose and whose[-1] in _NOT_WHOSE:
            continue
        words = _words_from(text, pos, end)
        k = 0
        while k < len(words) and words[k][2] in _FILLERS:
            k += 1
        if (
            k < len(words)
            and words[k][2] in {"his", "her"}
            and words[k + 1 : k + 3]
            and (words[k + 1][2] == "name")
        ):
            k += 3 if k + 2 < len(words) and words[k + 2][2] == "is" else 2
        if k >= len(words):
            continue
        start, stop, first = words[k]
        if first in RELATIONS or not (
            name_word(text[start:stop], lexicon, modal=True)
            or (lexicon.is_first_name(first) and first not in STOP_WORDS)
        ):
            continue
        # (a surname after: "maria lopez")
        if (
            k + 1 < len(words)
            and name_word(text[words[k + 1][0] : words[k + 1][1]], lexicon, surname=True)
            and text[stop : words[k + 1][0]].strip() == ""
        ):
            stop = words[k + 1][1]
        yield ANSWERED_NAME.at(start, stop)


# The last turn asked for a number by its label, which is where the line ends or a few
# words before ("what's the case number", "zip code", "and your member id is on the
# card"); never "what number would you give it" (a rating: too few digits anyway).
_ID_QUESTION = regex.compile(
    r"(?im)(?<![\w'’])(?:zip(?:[ ]?code)?|postal[ ]code|(?:case|member|policy|account|claim"
    r"|group|license|licence|plate|confirmation|reference|record|chart|mrn|social|ssn"
    r"|medicaid|medicare|insurance|subscriber)[ ]+(?:number|id|no)|member[ ]+id|mrn|ssn"
    r"|id[ ]+number|social[ ]+security)(?![\w'’])[^\n\d]{0,40}$"
)
# The answer: fillers that read it out, then letters and digits to the first word.
# ("it says wxp 448 2201 7", "24 cr 01187", "98057")
_ID_ANSWER = regex.compile(
    r"(?i)(?:(?:it|it's|its|says|is|um|uh|oh|yeah|yes|sure|okay|ok|so|the|my|number|that's"
    r"|reads|hold[ ]on|let[ ]me[ ]see)[ ,.]+){0,4}"
    r"(?P<id>(?:[b-df-hj-np-tv-z]{1,4}[ -])?\d[\da-z]*(?:[ -](?:[\da-z]*\d[\da-z]*"
    r"|[b-df-hj-np-tv-z]{1,3}(?=[ -]\d)))*)(?![\w-])"
)


def answered_ids(text: str) -> Iterator[Detection]:
    """The number a turn reads out where the last asked for it by its label: "[clinician]
    zip code\n[patient] 98057", "what's the case number?\n24 cr 01187". The label on
    the line before says what it is, as "zip code 98057" on one line does."""
    if "\n" not in text or not any(c.isdigit() for c in text):
        return
    for q in _ID_QUESTION.finditer(text):  # (one pass: only lines that ask)
        answer = next_turn(text, q.end() + 1) if q.end() < len(text) else None
        if answer is None:
            continue
        a_start, a_end = answer
        tag = _TAG.match(text, a_start, a_end)
        m = _ID_ANSWER.match(text, tag.end() if tag else a_start, a_end)
        if m is None:
            continue
        value = m.group("id")
        digits = sum(c.isdigit() for c in value)
        # (five digits or more, or four with letters: "1980" alone is a year)
        if digits >= 5 or (digits == 4 and any(c.isalpha() for c in value)):
            yield ANSWERED_ID.at(m.start("id"), m.end("id"))
