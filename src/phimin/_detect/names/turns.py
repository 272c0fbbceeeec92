"""First names in lower-case speech that only the clause around them tells from a word:
a name said to be a child's age or doing what only a person does ("colt's only six",
"bubba's been sleeping on our couch"), a child named after "my little one" ("my little
one journey starts kindergarten"), a name set beside who that person is ("miller the guy
from the warehouse keeps asking"), a name called out in a quoted turn ("and i'm like
pepper you gotta stop"), and a Spanish turn that ends calling someone ("lo siento mucho
rosa", "cálmate beto"). Rules `phimin.name.subject`, `.kin_appositive`,
`.opening_vocative` and `.turn_end_vocative`.

A name that is also a word ("journey", "pepper", "reign") is taken here because a given
name list has it (`given_name`) and what follows is said of people alone; a word no list
has ("bubba") only where no English or Spanish list has it either.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.clinical import is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon, fold_accents, given_name_shares
from phimin._detect.lines import finditer_by_line, finditer_in, lines_with_words
from phimin._detect.names.nicknames import nickname_word
from phimin._detect.words import (
    FILLERS,
    KIN_ROLES,
    NON_NAME_WORDS,
    NOT_NICKNAMES,
    PETS,
    RELATIONS,
    ROLES,
    TITLES,
    VERBS_BEFORE_YOU,
    alternation,
)
from phimin._lazy_regex import lazy

__all__ = [
    "HYPOCORISMS",
    "aged_or_acting",
    "given_name",
    "guy_from",
    "little_ones",
    "quoted_address",
    "spanish_diminutive",
    "spanish_turn_ends",
    "spanish_verb_form",
]

SUBJECT = builtin("phimin.name.subject")
KIN_APPOSITIVE = builtin("phimin.name.kin_appositive")
OPENING_VOCATIVE = builtin("phimin.name.opening_vocative")
TURN_END_VOCATIVE = builtin("phimin.name.turn_end_vocative")

_WORD = r"[^\W\d_](?:[\w'’-]*[^\W_])?"
# Given names that are also words, and given to enough children to be a name here:
# "journey", "reign", "colt", "brooklyn" (a share of a year's births, halved).
_GIVEN_SHARE = 0.004


def given_name(word: str) -> bool:
    """Was `word` given to enough US children since 1950 to be a first name, though it
    is a word too ("journey", "reign", "pepper")?"""
    return given_name_shares().get(word.lower(), 0.0) >= _GIVEN_SHARE


# Words that are never what a person is called here: animals (a pet's doings are no
# one's), seasons, weather, and what opens a turn.
_NEVER = PETS | frozenset(
    """baby babies summer winter spring fall autumn rain snow sun weather storm wind sky
    god lord jesus christ everything everyone everybody nobody somebody someone anyone
    anybody nothing something life work school church court jail rent money time today
    tomorrow yesterday tonight""".split()
)


def _person_word(word: str, lexicon: NameLexicon, *, words: bool) -> bool:
    """Could `word` be a person's name here: a first name that is no grammar, kin word,
    title or clinical term; with `words`, a given name that is also a word ("journey")
    or a word no English or Spanish list has ("bubba")."""
    w = word.lower().replace("’", "'")
    if (
        len(w) < 3
        or not w.isalpha()
        or w in STOP_WORDS
        or w in SPANISH_STOP_WORDS
        or w in NON_NAME_WORDS
        or w in NOT_NICKNAMES
        or w in _NEVER
        or w in ROLES
        or w in FILLERS
        or w in _INTERJECTIONS
        or not nickname_word(w, lexicon)
    ):
        return False
    if lexicon.is_first_name(w) and not lexicon.is_plain_word(w):
        return True
    if not words:
        return False
    if given_name(w):
        return True
    return not (
        lexicon.is_english(w)
        or lexicon.is_spanish(w)
        or lexicon.is_plain_word(w)
        or is_clinical_term(w)
        or w.endswith("ly")
    )


# Interjections of chat and speech that no list has ("i'm like omg what").
_INTERJECTIONS = frozenset(
    """omg idk smh wtf ugh eww huh umm ummm hmm hmmm pfft tbh lmao lmfao bruh yikes welp
    meh duh nah yall y'all aww awww""".split()
)


# Where a clause starts, read back from a name: a line's start, a pause, a word that
# opens a clause ("i don't think reign", "and kobe's").
_CLAUSE_BEFORE = regex.compile(
    r"(?i)(?:^|[.!?;:,\]\n][ ]{0,3}|(?<![\w'’])(?:so|and|but|then|um|uh|well|like|cause"
    r"|because|yeah|okay|ok|oh|now|honestly|plus|think|thought|guess|know|feel|said|says"
    r"|that|if|when|since|until|while|mean|swear|bet|worried|afraid|glad|scared)[ ])"
    r"(?:(?:so|and|but|then|um|uh|like|honestly|i[ ]mean|yeah)[ ]+){0,2}$"
)


def _opens_clause(text: str, start: int) -> bool:
    return _CLAUSE_BEFORE.search(text, max(0, start - 32), start) is not None


_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|\d{1,2})"
)
# After "'s", "is", "was", "has been": a child's age, then a pause or a new clause
# ("colt's only six he doesn't get it"), or what only a person is or does. (The match
# starts at the copula; the name is read back from it.)
_AGED_OR_ACTING = lazy(
    r"(?i)(?<=[^\W\d_])(?:['’]s|[ ]+(?:is|was|has|had))[ ]+"
    r"(?:(?:been|so|really|still|always|kinda|pretty|super)[ ]+){0,2}"
    r"(?:(?:only|just|almost|barely|already|turning|gonna[ ]be|going[ ]to[ ]be)[ ]+"
    rf"(?P<age>{_NUMBER})(?:[ ]+(?:years?[ ]old|and[ ]a[ ]half))?"
    rf"|(?P<aged>{_NUMBER})[ ]+years?[ ]old)"
    r"(?=[ ]*(?:[.,!?;]|$)|[ ]+(?:he|she|they|and|so|but|i|we|you|now|too|already)(?![\w'’]))"
    r"|(?:['’]s|[ ]+(?:is|was|has|had))[ ]+(?:(?:been|so|really|just|still|always|like"
    r"|kinda|pretty|super)[ ]+){0,2}"
    r"(?P<acts>crying|yelling|screaming|drinking|texting|lying|cheating|dating|fighting"
    r"|mad|upset|angry|pissed|jealous|pregnant|drunk|sober|lonely|depressed|furious"
    r"|annoyed|grounded|suspended|(?:sleeping|crashing|staying)[ ]+(?:on|at|with|over|in)"
    r"|living[ ]+with|acting[ ]+(?:out|up|weird|different|like)|in[ ]+(?:jail|rehab"
    r"|kindergarten|preschool|daycare|(?:first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth)[ ]+grade)|on[ ]+probation|ready(?:[ ]+(?:to|for))?"
    r"|not[ ]+ready|scared[ ]+of|afraid[ ]+of)(?![\w'’])"
)
# Every match holds one of these: the pattern runs only on the lines holding one.
_AGED_OR_ACTING_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty 0 1 2 3 4 5 6 7 8 9 crying yelling screaming
    drinking texting lying cheating dating fighting mad upset angry pissed jealous
    pregnant drunk sober lonely depressed furious annoyed grounded suspended sleeping
    crashing staying living acting jail rehab kindergarten preschool daycare grade
    probation ready scared afraid""".split()
)
_NAME_BEFORE = regex.compile(rf"(?r)(?<![\w'’-])({_WORD})$")


def aged_or_acting(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "colt's only six he doesn't get it", "bubba's been sleeping on our couch", "i
    don't think reign is ready": a name opening a clause, said to be a child's age or
    to do or be what only a person does or is."""
    ranges = lines_with_words(_AGED_OR_ACTING_WORDS, text)
    for m in finditer_in(_AGED_OR_ACTING, text, ranges):
        named = _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if named is None:
            continue
        word = named.group(1)
        if not _opens_clause(text, named.start(1)):
            continue
        # ("ready": only a first name or a given name, never a word no list has)
        ready = (m.group("acts") or "").lower().startswith("ready")
        if _person_word(word, lexicon, words=True) and (
            not ready or lexicon.is_first_name(word.lower()) or given_name(word)
        ):
            yield SUBJECT.at(*named.span(1))


# "my little one journey starts kindergarten", "our baby girl nova just turned two".
_LITTLE_ONE = lazy(
    r"(?i)(?<![\w'’])(?:my|our|his|her|their)[ ]+(?:little|baby|youngest|oldest|middle"
    r"|big|other)[ ]+(?:one|girl|boy)[ ]+"
    rf"(?P<name>{_WORD})[ ]+(?P<next>{_WORD})"
)
_LITTLE = frozenset("little baby youngest oldest middle big other".split())
_VERBISH = regex.compile(r"(?i)^(?:\p{L}+(?:s|ed)|is|was|has|had|just|still|got|gets|turned)$")


def little_ones(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "my little one journey starts kindergarten": a child named after "my little
    one", then what the child does (not "my little one still wets the bed")."""
    for m in finditer_in(_LITTLE_ONE, text, lines_with_words(_LITTLE, text)):
        word, after = m.group("name"), m.group("next").lower()
        if _person_word(word, lexicon, words=True) and (
            _VERBISH.match(after) is not None and after not in STOP_WORDS - {"is", "was", "has"}
        ):
            yield KIN_APPOSITIVE.at(*m.span("name"))


# "miller the guy from the warehouse keeps asking", "tasha the lady next door".
_GUY_FROM = lazy(
    rf"(?i)(?<![\w'’-])(?P<name>{_WORD})[ ]+the[ ]+(?:(?:old|older|young|new|other|crazy"
    r"|nice|little)[ ]+)?(?:guy|girl|man|woman|lady|dude|kid|boy|chick|fella|neighbor"
    r"|neighbour)[ ]+(?:from|at|who|that|next[ ]door|down[ ]the|upstairs|downstairs"
    r"|across)(?![\w'’])"
)
# Every match holds one of these: the pattern runs only on the lines holding one.
_WHICH_ONE = frozenset(
    "guy girl man woman lady dude kid boy chick fella neighbor neighbour".split()
)
# Verbs said before someone pointed at ("ask the guy from", "remember the girl who").
_VERBS_BEFORE_SOMEONE = VERBS_BEFORE_YOU | frozenset(
    """ask asked tell told call called text texted see saw met meet know knew like liked
    love loved hate hated remember remembered find found fire fired sue blame trust
    thank pay paid hire hired help kill hit punch date dated marry married follow
    followed watch watched grab grabbed bill rob pat jack mark drew chase grant nick
    sue hunter page hope will""".split()
)


def guy_from(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "miller the guy from the warehouse keeps asking": a name opening a clause, then
    which person that is; not a verb before whom it names ("ask the guy from work")."""
    for m in finditer_in(_GUY_FROM, text, lines_with_words(_WHICH_ONE, text)):
        word = m.group("name")
        w = word.lower()
        if w in _VERBS_BEFORE_SOMEONE or not _opens_clause(text, m.start()):
            continue
        named = lexicon.is_first_name(w) or lexicon.is_clear_name(w) or given_name(w)
        if (named and _person_word(word, lexicon, words=True)) or (
            named
            and lexicon.is_clear_name(w)
            and nickname_word(w, lexicon)
            and len(w) >= 3
            and w not in STOP_WORDS
            and w not in _NEVER
            and w not in ROLES
        ):
            yield KIN_APPOSITIVE.at(*m.span("name"))


_KIN = alternation(tuple(sorted(RELATIONS | KIN_ROLES)))
# A turn quoted: "and i'm like pepper you gotta stop", "my mom goes kayla come here".
# (The match starts at "like" or the verb; who speaks is read back from there.)
_QUOTED = lazy(
    r"(?i)(?<![\w'’])(?P<verb>like|goes|went|yelled|yells|screamed|screams)[ ]+"
    rf"(?P<name>{_WORD})[ ,]+(?P<next>you|you're|youre|your|ya|stop|please|don't|dont|come"
    r"|get|put|quit|knock|cut|calm|chill|listen|look|what|what's|why|where|are|can|could"
    r"|give|leave|go|i|i'm|we|let's|enough|seriously)(?![\w'’])"
)
_SPEAKS_LIKE = regex.compile(
    r"(?ri)(?<![\w'’])(?:i['’]?m|i[ ]was|he['’]s|she['’]s|he[ ]was|she[ ]was|they['’]re"
    rf"|they[ ]were|we['’]re|we[ ]were|(?:{_KIN})['’]s|(?:{_KIN})[ ]was)[ ]+(?:just[ ]+|all[ ]+)?$"
)
_SPEAKS = regex.compile(rf"(?ri)(?<![\w'’])(?:i|he|she|(?:{_KIN}))[ ]+$")
# What a quoted turn opens with and calls no one ("i'm like okay you win", "i'm like
# dude stop"): discourse, endearments, oaths.
_NOT_CALLED_OUT = frozenset(
    """okay ok alright yeah yes yep nope nah no sure fine right well wow whoa dang damn
    gosh geez jeez man dude bro bruh girl boy babe baby honey sweetie buddy bud kiddo
    mija mijo mami papi amor lord god jesus christ listen look wait hold stop hey yo
    hello seriously really literally please come what why where how who when oh ugh
    ay oye mira bueno pues""".split()
)


def quoted_address(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "and i'm like pepper you gotta stop": a name called out in a quoted turn, then
    what the one called is told or asked."""
    for m in finditer_by_line(_QUOTED, text):
        speaks = _SPEAKS_LIKE if m.group("verb").lower() == "like" else _SPEAKS
        if speaks.search(text, max(0, m.start() - 40), m.start()) is None:
            continue
        word = m.group("name")
        w = word.lower()
        if w in _NOT_CALLED_OUT or w in VERBS_BEFORE_YOU:
            continue  # ("i'm like hope you're happy": a wish)
        if _person_word(word, lexicon, words=True) or (
            lexicon.is_first_name(w)
            and nickname_word(w, lexicon)
            and w not in STOP_WORDS
            and w not in _NEVER
        ):
            yield OPENING_VOCATIVE.at(*m.span("name"))


# A Spanish turn that ends calling someone: "lo siento mucho rosa", "gracias lupe",
# "no te preocupes memo", "cálmate beto", "ya basta chuy". (Read back from each turn's
# end: the last word, then what is said before it.)
_TURN_END_MARK = regex.compile(r"[ ]*(?:[.!?]+|\n|$)")
_LAST_WORD = regex.compile(r"(?r)(?<![\p{L}'’-])(\p{L}[\p{L}-]*\p{L})[ ]*$")
_SAID_BEFORE = regex.compile(
    r"(?ri)(?<![\p{L}'’])(?:lo[ ]siento(?:[ ]mucho)?|perdón|perdon|perdóname|perdoname"
    r"|gracias(?:[ ]por[ ]todo)?|no[ ]te[ ]preocupes|no[ ]se[ ]preocupe|cálmate|calmate"
    r"|tranquil[oa]|ya[ ]basta|basta|te[ ]quiero(?:[ ]mucho)?|te[ ]amo|no[ ]sé|ay[ ]no"
    r"|cuídate|cuidate|ten[ ]cuidado|adiós|adios|hasta[ ]luego|nos[ ]vemos|buenas[ ]noches"
    r"|buenos[ ]días|buenos[ ]dias|felicidades|ánimo|animo|ven[ ]acá|ven[ ]aca"
    r"|ándale[ ]pues|andale[ ]pues|por[ ]favor|de[ ]nada|qué[ ]pasó|que[ ]paso"
    r"|cómo[ ]estás|como[ ]estas)[ ]*,?[ ]+$"
)


# What every line holding a match holds: a word of what is said before the name.
_SPANISH_CUES = frozenset(
    """gracias siento perd preocup calma tranquil basta quiero amo cuida adi vemos buen
    ánimo animo favor nada pasó paso estás estas felicidades acá aca andale ándale cálm
    sé cuíd""".split()
)


def _turn_ends(text: str, ranges: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The last word before each line's or sentence's end, in `ranges` (whole lines)."""
    for low, high in ranges:
        at = low
        for m in _TURN_END_MARK.finditer(text, low, high):
            if m.start() > at:
                last = _LAST_WORD.search(text, max(at, m.start() - 40), m.start())
                if last is not None:
                    yield last.span(1)
            at = m.end()
            if at >= high:
                break


def spanish_turn_ends(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "lo siento mucho rosa", "no te preocupes memo": a Spanish turn's last word, a
    name called after what is said to that person; never an endearment ("mija",
    "amor"), a title ("señora") or a word a Spanish list has ("gordo")."""
    for start, end in _turn_ends(text, lines_with_words(_SPANISH_CUES, text)):
        if _SAID_BEFORE.search(text, max(0, start - 40), start) is None:
            continue
        word = text[start:end]
        w = word.lower()
        if (
            len(w) < 3
            or w in SPANISH_STOP_WORDS
            or w in STOP_WORDS
            or w in NON_NAME_WORDS
            or w in NOT_NICKNAMES
            or w in TITLES
            or w in RELATIONS
            or is_clinical_term(w)
            or spanish_verb_form(w, lexicon)
        ):
            continue
        first = lexicon.is_first_name(fold_accents(w))
        plain_first = first and not lexicon.is_plain_word(w) and w not in _ENDEARMENTS
        if (
            w in HYPOCORISMS
            or plain_first
            or (
                (lexicon.is_clear_name(w) or w in HYPOCORISMS or not lexicon.is_name(w))
                and not lexicon.is_spanish(w)
                and not (lexicon.is_english(w) and not lexicon.is_name(w))
            )
        ):
            yield TURN_END_VOCATIVE.at(start, end)


# Endearments the name lists also hold ("gracias nena").
_ENDEARMENTS = frozenset("nena nene chiquita chiquito reina rey cielo vida linda lindo".split())
# Spanish short forms of given names, which other lists hold as words ("memo", "paco").
HYPOCORISMS = frozenset(
    """memo beto chuy lupe nacho paco pepe lalo toño chela chelo pancho lencho chente
    neto tito tavo rigo fito goyo poncho quique kike chema chepe licha lucha meche
    pili rocío chayo chayito lupita juanita chucho chencho tere cuca lety xime maru
    moncho""".split()
)

# A Spanish first name's diminutive: "juan" -> "juanito", "ana" -> "anita", "marisol" ->
# "marisolita", "carlos" -> "carlitos" (name lists hold few of them).
_DIMINUTIVE = regex.compile(r"^(?P<stem>\p{L}{2,}?)(?:c)?it(?P<end>[oa])(?P<plural>s?)$")


def spanish_diminutive(word: str, lexicon: NameLexicon) -> bool:
    """Is `word` a diminutive of a first name ("juanito", "anita", "carlitos"), and no
    everyday Spanish word ("poquito", "bonita", "chiquita")?"""
    w = fold_accents(word.lower())
    m = _DIMINUTIVE.match(w)
    if m is None or lexicon.is_spanish(word.lower()) or lexicon.is_english(w):
        return False
    stem = m.group("stem")
    forms = (stem, stem + m.group("end"), stem + "e", stem + m.group("end") + m.group("plural"))
    return any(len(f) >= 3 and lexicon.is_first_name(f) for f in forms)


# Spanish verb forms the name model mistakes for names: a first person plural
# ("vamos", "comamos"), and an imperative with its pronoun ("vámonos", "apúrate",
# "siéntate", "ándale": an accent its pronoun moved back).
_PLURAL_FIRST = regex.compile(r"(?i)^\p{L}{2,}(?:amos|emos|imos|ámonos|émonos|monos)$")
_CLITIC_IMPERATIVE = regex.compile(
    r"(?i)^\p{L}*[áéíóú]\p{L}*(?:me|te|se|le|lo|la|nos|les|los|las|mela|melo|selo|sela)$"
)


def spanish_verb_form(word: str, lexicon: NameLexicon) -> bool:
    """Is `word` a Spanish verb with the shape of one ("vámonos", "comamos", "apúrate"),
    and no first name ("ángela")?"""
    w = word.lower()
    if lexicon.is_first_name(fold_accents(w)):
        return False
    if _PLURAL_FIRST.match(w):
        return (
            w.endswith("monos")
            or lexicon.is_spanish(w)
            or not w.isascii()
            or not (lexicon.is_name(w) or lexicon.is_english(w))
        )
    return _CLITIC_IMPERATIVE.match(w) is not None
