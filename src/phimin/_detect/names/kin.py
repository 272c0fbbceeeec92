"""Names tied to kin and relations: "my son Will", "my kids jack and carol", "the
Delacroix family", "Marguerite Brancati (daughter)". Rules `phimin.name.relation`,
`.relation_list`, `.family`, `.role_in_brackets`."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.case import CaseMode
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon
from phimin._detect.lines import finditer_by_line
from phimin._detect.names.tokens import (
    NAME_WORD,
    SPOKEN_ADVERBS,
    Span,
    Tokens,
    extend,
    ok_after_cue,
)
from phimin._detect.names.turns import HYPOCORISMS, spanish_diminutive
from phimin._detect.words import (
    BRACKET_KIN,
    BRACKET_ROLES,
    BRANDS,
    FILLERS,
    NICKNAME_PREFIXES,
    NOT_NICKNAMES,
    PERSON_VERBS,
    RELATIONS,
    alternation,
)
from phimin._lazy_regex import lazy

__all__ = ["family", "relation_at", "relation_list_at"]

RELATION = builtin("phimin.name.relation")
RELATION_LIST = builtin("phimin.name.relation_list")
FAMILY = builtin("phimin.name.family")
ROLE_IN_BRACKETS = builtin("phimin.name.role_in_brackets")

_KIN = lazy(
    rf"(?i)(?<![\w'’])(?:the[ ]+)?(?P<name>{NAME_WORD}(?:[ ]{NAME_WORD})?)"
    rf"(?:[ ]+family(?![\w])|[ ]*\((?:{alternation(BRACKET_KIN)}"
    rf"|(?P<role>{alternation(BRACKET_ROLES)}))\))"
)


def relation_at(t: Tokens, i: int, score: float) -> Span | None:
    """ "son, tom", "DAUGHTER-JOLENE", "proxy: Irene": the name after kin token i (a word
    of `RELATIONS`)."""
    j = _past_in_law(t, t.next_word(i))
    # (not "THERAPIST: How": a colon after a heading)
    skip = {",", "-", "--", "---", "="} | (set() if t.sentence_start(i) else {":"})
    while j < len(t) and t.text[j] in skip:
        j = t.next_word(j)
    if j < len(t) and t.lower[j] in ("named", "called"):
        j = t.next_word(j)
    if j >= len(t):
        return None
    if (
        (t.lower[i], t.lower[j]) in _SAYINGS
        and j == t.next_word(i)
        and (t.prev_word(i) < 0 or t.lower[t.prev_word(i)] not in _POSSESSIVES)
    ):
        return None  # "uncle sam takes half my paycheck" (not "my uncle sam")
    if len(t.lower[j]) <= 3 and t.lower[j] in SPANISH_STOP_WORDS:
        return None  # "mi abuela le dice", "mi hermana se fue": a pronoun, not "Le"
    if t.lower[j] in RELATIONS and j == t.next_word(i):
        return None  # "my baby mama keisha": the second kin word's name (`relation_at` there)
    nickname = _nickname(t, j)
    if nickname is not None:
        return Span(j, nickname + 1, score, RELATION)
    if _described(t, i) and not t.lexicon.is_clear_name(t.lower[j]):
        return None  # "lost the baby weight", "a sister city": kin as a describing word
    if t.lower[j] in SPOKEN_ADVERBS:
        return None  # "my dad lowkey drinks", "my wife sorta works": how, not who
    if _does_after_kin(t, j):
        return None  # "my grandma knits blankets": what she does, not what she is called
    if (
        _relation_name(t, j)
        or _appositive(t, j)
        or _kin_only_name(t, j)
        or _subject_after_kin(t, j)
        or _named_then_resumed(t, j)
    ):
        return _without_her_verb(t, extend(t, j, score, RELATION))
    return None


# Third persons the model's word classes lack ("vapes", "tweaks").
_MORE_THIRD_PERSONS = frozenset(
    "vapes tweaks snowboards skateboards babysits texts games streams rollerblades".split()
)
# After a verb said of someone, what comes next in that clause: a place, a time, an
# object ("tye swims at the y", "deb cooks way too much", "kai vapes in his room").
_AFTER_A_VERB = frozenset(
    """at in on with for to from by every all way too so the a an his her my their our
    your me him them us it like out up around twice daily nonstop constantly""".split()
)


def _third_person(t: Tokens, k: int) -> bool:
    """In speech, is token k a verb's third person ("plays", "bakes", "knits")? The
    model's verb, adjective and adverb classes hold its stem; a plural noun's do not."""
    if k >= len(t) or t.mode != "lower":
        return False
    w = t.lower[k]
    if len(w) < 4 or not w.endswith("s") or w.endswith(("ss", "'s", "’s", "us", "is")):
        return False
    return w in _MORE_THIRD_PERSONS or t.lexicon.is_plain_word(w)


def _does_after_kin(t: Tokens, j: int) -> bool:
    """ "my grandma knits blankets", "my aunt gambles away": right after kin, a verb's third
    person that is no first name (a surname list's "Gambles" is no sign)."""
    return (
        j == t.next_word(t.prev_word(j))
        and _third_person(t, j)
        and not t.lexicon.is_first_name(t.lower[j])
    )


def _without_her_verb(t: Tokens, span: Span) -> Span:
    """ "my granddaughter emmy bakes with me": a two-word name whose second word is a
    verb's third person with its place or object after it ends at the first word
    (not "my cousin chris banks said", where a person's verb follows the surname)."""
    second = t.next_word(span.start)
    if span.end != second + 1 or not _third_person(t, second):
        return span
    after = t.next_word(second)
    if after < len(t) and t.gap(second, after) == " " and t.lower[after] in _AFTER_A_VERB:
        return Span(span.start, span.start + 1, span.score, span.rule)
    return span


# Kin and a name said together for no one's kin: the government, a saint, a brand.
_SAYINGS = frozenset(
    {("uncle", "sam"), ("mother", "teresa"), ("uncle", "ben"), ("aunt", "jemima"),
     ("mother", "goose"), ("uncle", "tom")}
)
_POSSESSIVES = frozenset("my your his her our their mi".split())


# After a pause, words that take up the one just named: "my husband cash, yeah that's
# his real name", "my best friend cookie, she's been with me".
_RESUMED = frozenset(
    """he she they he's she's they're hes shes who who's yeah that's thats""".split()
)


# Without a pause, only a pronoun and its verb in one word takes a name up ("he's").
_TAKEN_UP = frozenset({"he", "she", "they"})
_ITS_VERB = frozenset({"'s", "’s", "'re", "’re"})


def _named_then_resumed(t: Tokens, j: int) -> bool:
    """In speech, after kin, a word then a pause and a pronoun or "yeah" that takes it up:
    the word is what the person is called ("my best friend cookie, she's been there"),
    unless it is grammar, a filler, an adverb, an endearment or a time ("my sister
    though, she", "my mom today, she")."""
    w = t.lower[j]
    if (
        t.mode == "upper"
        or (t.mode == "mixed" and not t.titlecase(j))  # ("My brother in law Chip he's")
        or not t.candidate(j)
        or w in STOP_WORDS
        or w in FILLERS
        or w in NOT_NICKNAMES
        or w.endswith("ly")
        or w in PERSON_VERBS  # ("my son says he's a girl now": what he says)
        or t.clinical(j)
        or t.gap(t.prev_word(j), j) != " "
    ):
        return False
    comma = t.next_word(j)
    after = t.next_word(comma) if comma < len(t) else len(t)
    if comma < len(t) and t.lower[comma] in _TAKEN_UP:
        # no pause, then "he's": "my uncle scooter he's been clean five years"
        verb = t.next_word(comma)
        return verb < len(t) and t.gap(comma, verb) == "" and t.lower[verb] in _ITS_VERB
    return comma < len(t) and t.text[comma] == "," and after < len(t) and t.lower[after] in _RESUMED


def _subject_after_kin(t: Tokens, j: int) -> bool:
    """ "my brother bubba got out", "my boss dre says": in speech, after kin, a word that
    is then the subject of what a person does: a first name, or a word that is neither
    English nor a filler."""
    w = t.lower[j]
    if t.mode != "lower" or not t.candidate(j) or w in STOP_WORDS or w in FILLERS:
        return False
    k = t.next_word(j)
    if k >= len(t) or t.gap(j, k) != " ":
        return False
    if t.lower[k] not in PERSON_VERBS and not _third_person(t, k):
        return False  # ("my uncle vic gambles away his checks": what he does)
    lex = t.lexicon
    return not t.clinical(j) and (
        lex.is_first_name(w) or (len(w) >= 3 and not lex.is_english(w) and not lex.is_spanish(w))
    )


def _past_in_law(t: Tokens, j: int) -> int:
    """The word after "in law" or "-in-law" when it starts at token j ("my brother in law
    chip"), else j."""
    k = j
    while k < len(t) and t.text[k] == "-":
        k = t.next_word(k)
    if k >= len(t) or t.lower[k] != "in":
        return j
    k = t.next_word(k)
    while k < len(t) and t.text[k] == "-":
        k = t.next_word(k)
    if k >= len(t) or t.lower[k] != "law":
        return j
    return t.next_word(k)


def _modal_name(t: Tokens, j: int) -> bool:
    """ "my brother will keeps calling", "my son will said": a modal that is a first name,
    before a verb's past or third person or a surname, which no modal comes before."""
    if t.lower[j] not in ("will", "may"):
        return False
    k = t.next_word(j)
    if k >= len(t) or t.gap(j, k) != " ":
        return False
    verb = t.lower[k]
    if verb in _NO_MODAL_BEFORE:
        return True  # "my sponsor will is strict", "talked to my boss will yesterday"
    if t.lexicon.is_name(verb) and not t.lexicon.is_english(verb):
        return True  # a surname no modal comes before: "my husband will ortiz came"
    return verb in PERSON_VERBS and (
        verb.endswith(("s", "ed", "n't")) or t.lexicon.is_verb_form(verb)
    )


# Words no modal comes before: a verb already conjugated, or a time.
_NO_MODAL_BEFORE = frozenset(
    "is was isn't wasn't has had hasn't hadn't yesterday today tonight".split()
)


def _described(t: Tokens, i: int) -> bool:
    """In lower-case text, is kin token i after an article ("the baby", "a sister")?"""
    prev = t.prev_word(i)
    return t.mode == "lower" and prev >= 0 and t.lower[prev] in ("the", "a", "an")


_LIST_AND = frozenset({"and", "&", "y"})  # ("mis hijos ana y luis")


def relation_list_at(t: Tokens, i: int, score: float) -> list[Span]:
    """ "my kids jack and carol", "the neighbors, Ray and Carol", "my sons jake, tyler and
    sam": names listed after a plural kin word (token i, a word of `PLURAL_RELATIONS`).

    Every word of the list must be a name as one after a singular kin word is
    (`_relation_name`), the list has two names at least and "and" before its last: one
    word that is no name spoils it ("my friends drink and smoke", "my kids school and
    daycare"), and so does a list that never closes ("my kids jack, the dog").
    """
    spans: list[Span] = []
    j = t.next_word(i)
    if j < len(t) and t.text[j] == "," and t.mode == "mixed":
        j = t.next_word(j)  # "the neighbors, Ray and Carol"
    closed = False
    while True:
        if j >= len(t) or not _relation_name(t, j):
            return []
        span = extend(t, j, score, RELATION_LIST)
        spans.append(span)
        if closed:
            return spans
        k = t.next_word(span.end - 1)
        comma = k < len(t) and t.text[k] == ","
        if comma:
            k = t.next_word(k)
        if k < len(t) and t.lower[k] in _LIST_AND:
            closed = True
            k = t.next_word(k)
        elif not comma:
            return []  # the list ends before an "and"
        j = k


_MONTH_NAMES = frozenset({"april", "may", "june", "august"})


def _nickname(t: Tokens, j: int) -> int | None:
    """ "my friend big mo", "my cousin lil kenji": a nickname's prefix and its name."""
    if t.lower[j] not in NICKNAME_PREFIXES:
        return None
    k = t.next_word(j)
    if k < len(t) and t.gap(j, k) == " " and t.candidate(k) and t.known_or_rare(k):
        return k
    return None


_PARTICLES = frozenset("out up off away down over".split())
# Spoken words that join clauses and no stop-word list has ("till", "cuz").
_JOINING_WORDS = frozenset("till til cause cuz cos coz tho".split())
# ...or its object: "my sister found me", "my roommate left us", "my dad sold his truck".
_OBJECTS = frozenset("me us him them my his our their your the a an this that".split())


def _particle_after(t: Tokens, j: int) -> bool:
    k = t.next_word(j)
    return k < len(t) and t.gap(j, k) == " " and t.lower[k] in _PARTICLES | _OBJECTS


def _kin_only_name(t: Tokens, j: int) -> bool:
    """ "aunt april", "my dad art": right after kin, a first name that is elsewhere a
    month or a clinical abbreviation (in mixed-case text, capitalized)."""
    w = t.lower[j]
    return (
        t.gap(t.prev_word(j), j) == " "
        and t.lexicon.is_first_name(w)
        and (w in _MONTH_NAMES or t.clinical(j))
        and (t.mode != "mixed" or t.titlecase(j))
        and not (w == "may" and _base_verb_after(t, j))  # ("my sister may come")
    )


def _base_verb_after(t: Tokens, j: int) -> bool:
    """Is the word after token j a verb's base form, as after a modal ("may come", "may
    be able", "may not")?"""
    k = t.next_word(j)
    if k >= len(t) or t.gap(j, k) != " ":
        return False
    verb = t.lower[k]
    if verb in ("be", "have", "not", "also", "just", "still", "never", "really", "even"):
        return True
    return (
        verb not in STOP_WORDS
        and t.lexicon.is_plain_word(verb)
        and not verb.endswith(("s", "ed", "ing", "n't"))
        and not t.lexicon.is_verb_form(verb)  # ("my aunt may said no")
    )


def _relation_name(t: Tokens, j: int) -> bool:
    """After "son", "wife", "dtr": a name, even one that is also a word ("son bill").

    Grammar words never are ("my son will be fine"); in mixed-case text the
    name must be capitalized.
    """
    if t.accept_after_medium(j):
        return True
    w = t.lower[j]
    short = w in HYPOCORISMS or spanish_diminutive(w, t.lexicon)
    if t.mode != "mixed" and t.candidate(j) and short:
        return True  # "mi tío nacho", "mi hermanito juanito": a short name lists lack
    return (
        t.mode != "mixed"
        and t.candidate(j)
        and t.lexicon.is_name(w)
        and (w not in STOP_WORDS or _modal_name(t, j))
        and w not in _JOINING_WORDS  # "see my mom till friday"
        # "mi hermana tiene", "a su papá cuando": Spanish, not a name
        and not (t.lexicon.is_spanish(w) and not t.lexicon.is_first_name(w))
        and not t.clinical(j)
        # "son bill" is a name; "daughter phoned", "SISTER, STATES" are verbs
        and not (w.endswith(("ed", "s", "ing")) and t.lexicon.is_plain_word(w))
        # nor is a verb before its particle or object: "let my daughter blow out the
        # candles", "my sister found me"
        and not (t.lexicon.is_plain_word(w) and _particle_after(t, j))
        # nor a verb's irregular form, unless a person's verb follows ("my sister went
        # home", "my son fell"; "my brother drew said no")
        and not (t.lexicon.is_verb_form(w) and not _person_verb_after(t, j))
    )


def _person_verb_after(t: Tokens, j: int) -> bool:
    """After token j, a person's verb ("drew said"), or a pause ("wife, rose, left"); at
    the end, a first name ("with love, grandma rose"; not "my brother left")."""
    k = t.next_word(j)
    if k >= len(t) or t.text[k] in (".", "!", "?", "\n"):
        return t.lexicon.is_first_name(t.lower[j])
    return t.text[k] in (",", "-", "--") or (t.gap(j, k) == " " and t.lower[k] in PERSON_VERBS)


def _appositive(t: Tokens, j: int) -> bool:
    """ "Nephew, Ed, phoned twice": a capitalized first name between commas after kin is
    that person's name, even one that is ward vocabulary elsewhere (ED)."""
    following = t.next_word(j)
    return (
        t.mode == "mixed"
        and t.titlecase(j)
        and t.text[t.prev_word(j)] == ","
        and following < len(t)
        and t.text[following] == ","
        and t.lexicon.is_first_name(t.lower[j])
    )


# Teams named in the plural of a word a surname list has too.
_TEAMS = frozenset({"laker", "knick", "sixer", "niner"})
# A family by its name in the plural: "babysat for the kowalskis", "the nguyens".
_PLURAL_FAMILY = lazy(r"(?i)(?<![\w'’])the[ ]+(?P<name>\p{L}{3,}?)(?:es|s)(?![\w'’-])")


def _plural_families(text: str, mode: CaseMode, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "we went over to the nguyens": a surname that is no everyday word, in the plural
    (not "the browns", "the davids")."""
    for m in finditer_by_line(_PLURAL_FAMILY, text):
        stem = m.group("name")
        name = stem.lower()
        if mode == "mixed" and not stem[:1].isupper():
            continue
        word = text[m.start("name") : m.end()].lower()
        if word in BRANDS:
            continue  # "the starbucks on jefferson": a chain
        if lexicon.is_english(word) or lexicon.is_common_word(word):
            continue  # "the class", "the bodies": a word's plural, not a family's
        if (
            name in lexicon.last
            and name not in _TEAMS
            and lexicon.is_clear_name(name)
            and not lexicon.is_first_name(name)
            and not lexicon.is_english(name)
        ):
            yield FAMILY.at(m.start("name"), m.end())


def family(text: str, mode: CaseMode, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "the DELACROIX FAMILY", "MARGUERITE BRANCATI (DAUGHTER)": a name tied to kin
    (or to a role written the same way: "(RESIDENT)"); "the kowalskis"."""
    yield from _plural_families(text, mode, lexicon)
    for m in finditer_by_line(_KIN, text):
        words = m.group("name").split()
        last = words[-1].lower()
        if mode == "mixed" and not words[-1][:1].isupper():
            continue  # "big family dinners": a word, not a name
        if mode == "lower" and not (lexicon.is_clear_name(last) or not lexicon.is_english(last)):
            continue  # "a broad family" in speech-recognition text
        if all(ok_after_cue(w, lexicon) for w in words):
            # "OWEN ZWOLINSKAYA (RESIDENT)": a role in brackets, as kin is written
            rule = ROLE_IN_BRACKETS if m.group("role") else FAMILY
            yield rule.at(m.start("name"), m.end("name"))
        elif (
            len(words) == 2
            and words[1][:1].isupper()
            and ok_after_cue(words[1], lexicon)
            # "CALL HALVORSEN FAMILY": a verb before the name (but "LARGE FAMILY":
            # an English word that is not clearly a name is an adjective)
            and (lexicon.is_clear_name(last) or not lexicon.is_english(last))
        ):
            start = m.end("name") - len(words[1])
            yield FAMILY.at(start, m.end("name"), FAMILY.score_for("after_a_verb"))
