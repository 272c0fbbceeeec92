"""Names guessed from word lists and word shape alone, with no context to back them:
a census name that is no everyday word, a capitalized word no list knows. Rules
`phimin.name.gazetteer`, `phimin.name.proper_noun` (guesses: they lose to context in an
overlap, and inside clinical content or a rule-pack match they are dropped)."""

from __future__ import annotations

from collections.abc import Iterator

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.clinical import is_clinical_term
from phimin._detect.names.spanish import interjection_at
from phimin._detect.names.tokens import (
    Span,
    Tokens,
    contraction,
    extend,
    labels_an_id,
    okay_said,
    opens_clause,
    plural_acronym,
    third_person_verb,
)
from phimin._detect.words import (
    MONTH_LEAD_WORDS,
    NAME_MONTHS,
    NON_NAME_WORDS,
    NOUN_NAMES,
    PERSON_VERBS,
    PLACE_KINDS,
    RELATIONS,
    SPANISH_CLITICS,
    SPANISH_MOTION,
    SPANISH_PERSON_VERBS,
    SPANISH_TIMES,
    STREET_TYPES,
    SUBJECT_VERBS,
    TITLES,
    VEHICLE_NAMES,
)
from phimin._lazy_regex import lazy

__all__ = ["gazetteer", "proper_nouns", "repeated_surnames"]

GAZETTEER = builtin("phimin.name.gazetteer")
PROPER_NOUN = builtin("phimin.name.proper_noun")
REPEATED_SURNAME = builtin("phimin.name.repeated_surname")

# Internal capitals mark brands (TikTok, YouTube) unless they follow a name prefix
# (McDonald, DeShawn, LaToya, O'Brien).
_BRAND_CASE = regex.compile(
    r"^(?!(?:Mc|Mac|De|Da|Di|Du|La|Le|Van|Von|O['’])\p{Lu})\p{Lu}\p{Ll}+\p{Lu}"
)


def _rare_surname(t: Tokens, i: int) -> bool:
    w = t.lower[i]
    return (
        len(w) >= 4
        and w.isalpha()
        and t.known_or_rare(i)
        and not t.clinical(i)
        and not t.lexicon.is_english(w)
    )


def _score(t: Tokens, first: bool, pair: bool, opening: bool) -> float:
    """The record's score for a name word, by the text's case and what is around it."""
    s = GAZETTEER.score_for
    if t.mode == "mixed":
        if pair and first:
            return GAZETTEER.score
        if opening and not pair:
            return s("first_opening_sentence") if first else s("surname_opening_sentence")
        return s("first") if first else s("surname")
    prefix = "capitals" if t.mode == "upper" else "caseless"
    if pair and first:
        return s(f"{prefix}_pair")
    if first:
        return s(f"{prefix}_first")
    # A lone surname in a note without case ("MECH", "poss", "vue") is about one time
    # in a hundred a name: below every preset's threshold.
    return s("caseless_surname")


# Words before a noun ("the reed on my saxophone", "a carol", "el cristal").
_DETERMINERS = frozenset(
    "a an the this that these those some any no every each another such".split()
)
_SPANISH_DETERMINERS = frozenset("el la los las un una unos unas".split())
# The determiners before a thing more than before a person pointed at ("a", "no", not
# "this", "that").
_THING_DETERMINERS = frozenset("a an no some any every another such".split())
# Trades that are first names or surnames too, said with "a" of what someone does ("he
# is a mason", "she worked as a chandler").
_TRADES = frozenset(
    """mason sawyer chandler fletcher tanner cooper porter carter thatcher turner glazier
    cartwright mercer farrier wainwright""".split()
)
_SPANISH_POSSESSIVES = frozenset("mi mis tu tus su sus nuestra nuestro".split())


# Spanish words that make the next word a thing ("tengo dolores", "sin esperanza").
_SPANISH_QUANTIFIERS = frozenset(
    "tener tengo tiene tienes tenemos tenía tenia tienen perder pierdo pierde hay había habia"
    " sin mucha mucho muchos muchas poca poco"
    " pocos pocas más mas ningún ningun ninguna mismos mismas".split()
)


# Spanish words before a noun or an adjective, never before a person: a degree ("muy
# bonita", "tan blanca"), a place or state ("vivir en paz", "en cruz"), a possessive
# ("mi tierra", "su luz"), what recurs ("cada domingo", "todo rosa"), an adjective
# said before its noun ("una gran victoria").
_SPANISH_BEFORE_A_WORD = frozenset(
    "muy tan bien medio demasiado en cada todo toda todos todas otro otra cualquier gran"
    " mi mis tu tus su sus nuestro nuestra nuestros nuestras".split()
)
# Verbs of needing, wanting, seeking and having, whose object is a person only after
# "a" ("necesito paz", "busco luz"; "necesito a rosa" is someone).
_SPANISH_WANTING = frozenset(
    """necesito necesita necesitas necesitamos necesitan quiero quiere quieres queremos
    quieren busco busca buscas buscamos buscan tengo tiene tienes tenemos tienen pido pide
    pedimos deseo desea encuentro encontré siento""".split()
)
# After "de", the verb of a fixed phrase: "me dieron de alta", "la dan de alta".
_PEOPLE_NOUNS = frozenset("familia señora señor señorita muchacha muchacho niña niño".split())
_DE_PHRASE_VERBS = frozenset("dieron dio dan da dar dado dada den doy daban virgen".split())


def _spanish_word_in_place(t: Tokens, prev: int) -> bool:
    """A first name that is an everyday Spanish word ("paz", "blanca", "tierra"), said
    where only the word goes: after a word of degree, place or ownership ("en paz", "mi
    tierra"), in a fixed phrase after "de" ("dado de alta", "la virgen de guadalupe"), or
    after a Spanish noun it describes ("la blusa blanca", "el color rosa"); not after a
    verb, whose subject a name may be ("ya llegó rosa")."""
    if prev < 0:
        return False
    p = t.lower[prev]
    if p in _SPANISH_BEFORE_A_WORD or p in _SPANISH_WANTING:
        return True
    if p == "de":
        before = t.prev_word(prev)
        return before >= 0 and t.lower[before] in _DE_PHRASE_VERBS
    lex = t.lexicon
    return (
        lex.is_spanish(p)
        and p.endswith(("a", "o", "or", "ad"))  # a noun's ending ("blusa", "color", "pared")
        and not p.endswith(("ó", "ía"))  # (a verb's past: "llamó", "decía")
        and p not in SPANISH_STOP_WORDS
        and p not in SPANISH_TIMES
        and not lex.is_first_name(p)
        and p not in _PEOPLE_NOUNS  # ("la familia cruz", "la señora blanca")
        and p not in TITLES
        and p not in RELATIONS
        and _with_article(t, prev)
    )


def _with_article(t: Tokens, i: int) -> bool:
    """Is Spanish noun i said with its article ("la blusa", "el color", "una pared") or
    after "de" ("pinté la cocina de color rosa", "un vestido de seda blanca")?"""
    b = t.prev_word(i)
    return b >= 0 and (t.lower[b] in _SPANISH_DETERMINERS or t.lower[b] == "de")


def _spanish_noun_phrase(t: Tokens, prev: int, nxt: int) -> bool:
    """ "tengo dolores de cabeza", "sin esperanza": a Spanish first name that is a noun,
    used as one: "de" and a bare noun after it (not "dolores de la iglesia", a person
    from somewhere), or a word of having or amount before it."""
    if prev >= 0 and t.lower[prev] in _SPANISH_QUANTIFIERS:
        return True
    if nxt >= len(t) or t.lower[nxt] != "de":
        return False
    after = t.next_word(nxt)
    return after < len(t) and t.lower[after] not in _SPANISH_DETERMINERS | _SPANISH_POSSESSIVES


def _used_as_a_word(t: Tokens, i: int) -> bool:
    """In lower-case speech, a first name that is also an English word after a
    determiner ("the reed", "a carol"), or a verb, adjective or adverb anywhere: the
    word; so is a name listed as an everyday noun ("crystal clear"). Any other name that
    is a noun stays a name ("helen", "sarah": WordNet lists the people)."""
    w = t.lower[i]
    prev = t.prev_word(i)
    if prev >= 0 and t.lower[prev] in _DETERMINERS:
        # ("my husband is a mason": a trade that no English list has, being a name; not
        # a Spanish word after an English article: the Spanish list holds "janet",
        # "susan", "maria" too, and "we paged this susan twice" is someone)
        return (
            t.lexicon.is_english(w)
            or (t.lower[prev] in ("a", "an") and w in _TRADES)
            # ("there's no consuelo in it": a Spanish word after an article or "no" that
            # points at no one, where "this susan" is someone)
            # (the everyday Spanish noun, not a name English text uses as often: "a maria")
            or (
                t.lower[prev] in _THING_DETERMINERS
                and t.lexicon.is_spanish(w)
                and not t.lexicon.is_common_word(w)
            )
            or w in VEHICLE_NAMES  # "drives a mercedes", "the sienna": the car
        )
    if prev >= 0 and t.lower[prev] in _SPANISH_DETERMINERS:
        return t.lexicon.is_spanish(w)
    if (
        prev >= 0
        and t.lower[prev] in SPANISH_CLITICS
        and t.lexicon.is_spanish(w)
        and not _listed_with_me(t, prev, i)
    ):
        return True  # "el bus me deja en", "se rosa": a verb after its clitic
    if t.lexicon.is_spanish(w) and (
        _spanish_noun_phrase(t, prev, t.next_word(i)) or _spanish_word_in_place(t, prev)
    ):
        return True
    return t.lexicon.is_plain_word(w) or w in NOUN_NAMES


def _listed_with_me(t: Tokens, prev: int, i: int) -> bool:
    """English "me", then a name and "and": the speaker listed with others ("me kevin
    and roberto went"), no Spanish clitic before its verb ("me deja")."""
    nxt = t.next_word(i)
    return t.lower[prev] == "me" and nxt < len(t) and t.lower[nxt] in ("and", "&")


# After a capitalized "Will" mid-sentence, the words that make it the modal of a quoted
# question ("she asked, Will you come?").
_SUBJECT_PRONOUNS = frozenset("i you he she it we they this that there".split())


# After the modal: a verb's base form or what stands between ("It Will be fine").
_AFTER_MODAL = frozenset(
    "be not never always probably definitely likely also still just have try go come get"
    " make need do see call take keep start stop help feel follow continue return attend"
    " contact discuss review monitor schedule reassess consider benefit require remain".split()
)
_BEFORE_MODAL = _SUBJECT_PRONOUNS | frozenset("who which client patient pt writer".split())


def _modal_question(t: Tokens, i: int, nxt: int) -> bool:
    """Is a capitalized "Will" the modal: a quoted question ("Will you"), after a
    subject ("It Will be"), or before a verb ("Will try")?"""
    prev = t.prev_word(i)
    return (
        (nxt < len(t) and t.lower[nxt] in _SUBJECT_PRONOUNS | _AFTER_MODAL)
        or (prev >= 0 and t.text[prev] in (":", '"', "“", "'", "‘", ","))
        or (prev >= 0 and t.lower[prev] in _BEFORE_MODAL)
    )


def _capitalized_word_name(t: Tokens, i: int) -> bool:
    """In mixed-case text, a first name that is also a word ("Will", "Hope", "Summer"),
    capitalized in mid-sentence: "see Will on Tuesday", "Session with Summer"."""
    w = t.lower[i]
    if len(w) < 3 or not t.titlecase(i) or not t.lexicon.is_first_name(w):
        return False  # (the cheap tests first: most tokens fail one)
    nxt = t.next_word(i)
    return (
        (w not in STOP_WORDS or (w == "will" and not _modal_question(t, i, nxt)))
        and t.candidate(i)
        and not t.clinical(i)
        and not t.sentence_start(i)
        and not (nxt < len(t) and t.titlecase(nxt))  # "Grace Fellowship", "Hope Street"
    )


def _surname_after_word_name(t: Tokens, i: int) -> int:
    """In mixed-case text, a first name that is also a word or a month, capitalized
    before a capitalized surname no word is: "May Chen called", "June Park was seen",
    "Will Ferraro reports", "Hope Okafor" (else "Hope Street", "Grace Baptist", "May
    Day", "May I": the word). The surname's index, or 0."""
    w = t.lower[i]
    if len(w) < 3 or not t.titlecase(i) or not t.lexicon.is_first_name(w):
        return 0
    if w in _PLACE_OPENERS:
        return 0  # "Santo Domingo", "San Lorenzo": a place
    nxt = t.next_word(i)
    if nxt >= len(t) or t.ws[i] != " " or not t.titlecase(nxt) or not t.candidate(nxt):
        return 0
    surname = t.lower[nxt]
    if surname in STOP_WORDS or t.clinical(nxt) or _names_a_place_or_time(surname):
        return 0
    if not t.lexicon.is_name(surname) or t.lexicon.is_plain_word(surname):
        return 0  # ("Grace Alone", "Hope Against": an adverb, a preposition)
    prev = t.prev_word(i)
    if prev >= 0 and t.lower[prev] in MONTH_LEAD_WORDS and w in NAME_MONTHS:
        return 0  # "in June Lopez moved out": the month, then someone
    return nxt


def _after_place_article(t: Tokens, i: int) -> bool:
    """In mixed-case text, a capitalized word after a capitalized Spanish article or a
    saint's title names a place: "El Salvador", "La Paz", "Los Alamos", "Santo
    Domingo", "San Lorenzo"."""
    prev = t.prev_word(i)
    return (
        prev >= 0
        and t.titlecase(prev)
        and t.ws[prev] == " "
        and t.lower[prev] in _PLACE_OPENERS
        and t.titlecase(i)
    )


_PLACE_OPENERS = frozenset("el la los las san santo santa".split())
_STREET_TYPE_WORD = lazy(rf"(?i)(?:{STREET_TYPES})")


def _names_a_place_or_time(word: str) -> bool:
    """A street's type (`words.STREET_TYPES`), a settlement's kind, a facility's, a
    body of water or land, or a time: after a first name that is a word, the place or
    the day is meant ("Hope Street", "Grace Baptist", "Hope Lodge", "May Day")."""
    return (
        word in _PLACE_OR_TIME_WORDS
        or word in PLACE_KINDS
        or _STREET_TYPE_WORD.fullmatch(word) is not None
    )


# What the street types and settlement kinds leave out (the facility nouns of `places`,
# which imports these rules, are written out here).
_PLACE_OR_TIME_WORDS = frozenset(
    """center centre house hall school academy college university hospital clinic church
    chapel temple ministries baptist lake river valley county bay beach springs lodge
    fellowship methodist lutheran catholic presbyterian episcopal pentecostal community
    creek mountain day night week weekend month year morning evening holiday break""".split()
)


# Words before a state or a country named as where someone is from or went ("to" only
# after a word of moving: "moved back to georgia", not "talked to georgia").
_PLACE_BEFORE = frozenset("from in near outside across visiting en de".split())
_COMPASS = frozenset("north south east west northern southern eastern western".split())
_MOVED = frozenset(
    "moved move moving back went go going drove flew trip relocated came returned".split()
)


def _said_as_a_place(t: Tokens, i: int, regions: frozenset[str]) -> bool:
    if t.lower[i] not in regions:
        return False
    prev = t.prev_word(i)
    if prev >= 0 and t.lower[prev] in _COMPASS:  # "grew up in west virginia"
        prev = t.prev_word(prev)
    if prev < 0:
        return False
    if t.lower[prev] == "to":
        before = t.prev_word(prev)
        return before >= 0 and t.lower[before] in _MOVED
    return t.lower[prev] in _PLACE_BEFORE


def gazetteer(t: Tokens, regions: frozenset[str] = frozenset()) -> Iterator[Span]:
    """A census name that is no everyday word ("Marchetti"), with the surname after a
    first name ("Maria Lopez"); never a state or country said as a place ("from
    virginia"), which Safe Harbor keeps."""
    lex = t.lexicon
    mode = t.mode
    # The words the loop reads further: a state or country, a clear name, or in mixed
    # case a first name (`_capitalized_word_name`); it passes any other untouched.
    read = {
        w
        for w in set(t.lower)
        if w in regions or lex.is_clear_name(w) or (mode == "mixed" and lex.is_first_name(w))
    }
    for i in range(len(t)):
        w = t.lower[i]
        if w not in read:
            continue
        if _said_as_a_place(t, i, regions) or (mode == "mixed" and _after_place_article(t, i)):
            continue
        if not lex.is_clear_name(w):
            if mode == "mixed" and _capitalized_word_name(t, i):
                yield Span(i, i + 1, GAZETTEER.score_for("word_name_capitalized"), GAZETTEER)
            elif mode == "mixed" and (surname := _surname_after_word_name(t, i)):
                yield Span(i, surname + 1, GAZETTEER.score_for("capitals_pair"), GAZETTEER)
            continue
        if not t.candidate(i) or t.clinical(i):
            continue
        if labels_an_id(t.source, t.span_chars(i, i + 1)[1]):
            continue  # "partita iva: 01234567890": a field's label
        if mode == "lower" and interjection_at(t.source, *t.span_chars(i, i + 1), lex):
            continue  # "mira yo no sé": a Spanish interjection
        if mode == "lower" and okay_said(t.source, *t.span_chars(i, i + 1)):
            continue  # "kay? so what now": "okay"
        first = lex.is_first_name(w)
        if mode == "lower" and lex.is_spanish(w) and not first:
            continue  # "hay que tener", "pero": Spanish that a surname list also has
        nxt = t.next_word(i)
        pair = (
            nxt < len(t)
            and t.ws[i] == " "
            and t.candidate(nxt)
            and (
                # (not grammar that is also a surname: "hey sean will you", "hi dominic
                # how are you")
                (
                    lex.is_name(t.lower[nxt])
                    and t.lower[nxt] not in STOP_WORDS
                    and t.lower[nxt] not in SPANISH_STOP_WORDS  # ("esperanza pero ella")
                    # (nor a Spanish word of time that a surname list has: "a rosa ayer")
                    and t.lower[nxt] not in SPANISH_TIMES
                    # (nor what a person does: "so john said", "RAY TOLD HER")
                    and t.lower[nxt] not in PERSON_VERBS
                    and t.lower[nxt] not in SPANISH_PERSON_VERBS  # ("efraín toma mucho")
                    and not _verb_after_name(t, nxt)
                    and not _pair_does(t, i, nxt)
                )
                or (mode == "mixed" and t.titlecase(nxt))
                # "MARY KOWALCZYK": in a note in capitals, a first name, then a
                # word no list knows (lower-case text is too often another language)
                or (mode == "upper" and first and _rare_surname(t, nxt))
            )
        )
        if mode == "mixed" and not (t.titlecase(i) or t.allcaps(i)):
            continue
        if w in lex.rare_first and not (
            pair and lex.is_clear_name(t.lower[nxt]) and t.lower[nxt] not in lex.rare_first
        ):
            # alone, or before a word ("vue flow", "spiro indep"): a chart's word, an
            # abbreviation, a typo more often than a name few children were given
            continue
        if pair and mode == "lower" and t.lower[nxt] in lex.ambiguous and _used_as_a_word(t, i):
            pair = False  # "crystal clear", "holly bush": the word, then another word
        if pair and mode == "lower" and lex.is_spanish(t.lower[nxt]) and _used_as_a_word(t, i):
            pair = False  # "un mercedes viejo", "una rosa blanca": a thing, then what it is like
        if (
            pair
            and mode != "mixed"
            and t.lower[nxt] in _GREETING_WORDS
            and not (t.prev_word(i) >= 0 and t.lower[t.prev_word(i)] in TITLES)
        ):
            pair = False  # "hey rosalind good to see you", "so marguerite tell me": no surname
            # (after a title the surname it may be: "i'm doctor scott good")
        spanish = lex.is_spanish(w) and w in SPANISH_STOP_WORDS  # "ella", "nada", "esta"
        if (
            mode == "lower"
            and not pair
            and (_used_as_a_word(t, i) or spanish)
            and not (
                first
                and (_personal_a(t, i) or _time_after(t, i))
                # ("me dieron de alta ayer": the phrase, its time after)
                and not (lex.is_spanish(w) and _spanish_word_in_place(t, t.prev_word(i)))
            )
        ):
            continue
        if mode != "mixed" and not first and not pair and _first_name_before(t, i):
            # "jonah feldstein runs the group": a first name a word too, then a surname
            # no word is (the loop reads no such first name itself)
            yield Span(t.prev_word(i), i + 1, _score(t, True, True, False), GAZETTEER)
            continue
        score = _score(t, first, pair, mode == "mixed" and t.sentence_start(i))
        end = nxt + 1 if pair and first else i + 1
        yield Span(i, end, score, GAZETTEER)


# After a verb, its object or particle, which a surname is not followed by: "keisha
# left me", "corinne come on in", "nina grew up".
_AFTER_A_VERB = frozenset(
    "me him her us them you it out up on in back over here there down off away".split()
)


# ...and after a verb's third person, where and when it is done, or what to.
_AFTER_THIRD_PERSON = frozenset(
    "at with for to from every all way too so the a an his my their our your like".split()
)


def _first_name_before(t: Tokens, i: int) -> bool:
    """Is the word before surname i a first name that is also a noun ("jonah", "noah",
    "peter")? Not a verb, adjective or grammar ("i hope feldstein", "will nguyen"), and
    only before a surname no English word is."""
    b = t.prev_word(i)
    if b < 0 or t.ws[b] != " " or not t.candidate(b):
        return False
    w = t.lower[b]
    lex = t.lexicon
    return (
        lex.is_first_name(w)
        and not lex.is_clear_name(w)  # (a clear one the pair has taken already)
        and w not in STOP_WORDS
        and w not in PERSON_VERBS
        and (not _used_as_a_word(t, b) or _noun_name_first(t, b))
        and not lex.is_english(t.lower[i])
        and not lex.is_common_word(t.lower[i])
    )


# Before a first name that is a noun too, what makes it the noun or the verb ("the
# grace period", "i hope", "so much joy").
_BEFORE_NOUN_OR_VERB = _DETERMINERS | _SUBJECT_PRONOUNS | frozenset(
    "my your his her our their its much more less no some any such what to".split()
)


def _noun_name_first(t: Tokens, b: int) -> bool:
    """A first name that is a noun too ("grace", "joy", "faith"), before a surname no
    word is and after no word that makes it the noun or a verb: "i hope grace abernathy
    calls", "so joy feldstein said" (not "the grace okafor paid", "i hope feldstein")."""
    if t.lower[b] not in NOUN_NAMES:
        return False
    prev = t.prev_word(b)
    return prev < 0 or t.lower[prev] not in _BEFORE_NOUN_OR_VERB


def _verb_after_name(t: Tokens, k: int) -> bool:
    """Is surname-list word k, right after a first name, that person's verb? An
    irregular past a surname list also has ("tyrell found him", "tasha held my hand",
    as `extend` refuses it), or an everyday verb before its object or particle
    ("corinne come on in"); never a first name ("mary rose", "john drew")."""
    w = t.lower[k]
    lex = t.lexicon
    if lex.is_first_name(w):
        return False
    if w in lex.verb_forms or (w.endswith("ed") and lex.is_verb_form(w)):
        return True
    after = t.next_word(k)
    if after >= len(t) or not lex.is_plain_word(w):
        return False
    if t.mode == "lower" and w.endswith("s") and not w.endswith("ss"):
        # a verb's third person before its place, time or object: "deb cooks way too
        # much", "teo gambles away his checks", "cheo bakes with me"
        return t.lower[after] in _AFTER_A_VERB | _AFTER_THIRD_PERSON or (
            t.ws[k] == " "
            and third_person_verb(
                w, t.lower[after], lex, opens=opens_clause(t.source, t.idx[t.prev_word(k)])
            )
        )  # ("marcus cooks dinner", "tony sells cars": the verb's object)
    return w in lex.ambiguous and t.lower[after] in _AFTER_A_VERB


_HESITATIONS = frozenset("um umm uh uhh uhm er erm".split())
_JOINED = frozenset({"me", "i", "you", "he", "she", "him", "her", "them", "we", "us"})
# What two people named do or are, after a full name ("me and tom brown went", "me and
# lisa long are close"): then the word between was the surname.
_PAIR_VERBS = PERSON_VERBS | frozenset(
    "are were have go get got went both still always never used talk fight argue".split()
)


def _pair_does(t: Tokens, i: int, k: int) -> bool:
    """Is word k, after a first name joined to a pronoun ("me and kenji talk every day",
    "you and dana fight"), the two people's verb, not a surname? A plural subject takes
    the plain form of a verb, an everyday word a surname list may also have; not a
    first name ("me and mary rose went") nor a word the pair's verb follows ("me and
    tom brown went")."""
    a = t.prev_word(i)
    while a >= 0 and (t.lower[a] in _HESITATIONS or t.text[a] == ","):
        a = t.prev_word(a)  # ("me and, um, kenji talk every day")
    b = t.prev_word(a) if a >= 0 else -1
    after = t.next_word(k)
    return (
        b >= 0
        and t.lower[a] in ("and", "&", "n")
        and t.lower[b] in _JOINED
        and t.lexicon.is_plain_word(t.lower[k])
        and not t.lexicon.is_first_name(t.lower[k])
        and not (after < len(t) and t.lower[after] in _PAIR_VERBS)
    )


# Words said to someone just named, which surname lists also have: "hey rosalind good
# to see you", "bartholomew nice to meet you", "so marguerite tell me more".
# (and what is asked of them: "corinne come sit down", "jamal look at this")
_GREETING_WORDS = frozenset(
    "good nice great glad tell thanks thank welcome come look listen wait hang sit".split()
)


def _time_after(t: Tokens, i: int) -> bool:
    """A Spanish word of time right after token i ("con la rosa ayer"): said of a
    person met or spoken with, where a surname list would have taken it for a surname."""
    k = t.next_word(i)
    return k < len(t) and t.lower[k] in SPANISH_TIMES


def _personal_a(t: Tokens, i: int) -> bool:
    """Spanish marks a person as a verb's object with "a": "la vi a rosa", "llamé a
    luz" (a Spanish verb, "a", then token i)."""
    a = t.prev_word(i)
    if a < 0 or t.lower[a] != "a":
        return False
    verb = t.prev_word(a)
    return (
        verb >= 0
        and t.lexicon.is_spanish(t.lower[verb])
        and t.lower[verb] not in SPANISH_MOTION  # ("voy a rosa", "fuimos a paz"): a place
        # (nor English grammar a Spanish list has too: "my husband is a mason")
        and not (t.lower[verb] in STOP_WORDS and t.lower[verb] not in SPANISH_STOP_WORDS)
    )


def proper_nouns(t: Tokens, places: frozenset[str]) -> Iterator[Span]:
    """Mid-sentence capitalized words that are neither English nor known: "Ingvild".

    Only in mixed-case text, and never at the start of a sentence, where a capital says
    nothing (and rare clinical words would be taken for names), unless a verb follows.
    """
    if t.mode != "mixed":
        return
    lex = t.lexicon
    for i in range(len(t)):
        w = t.lower[i]
        if (
            len(w) < 3
            or not t.titlecase(i)
            or _BRAND_CASE.match(t.text[i])
            or plural_acronym(t.text[i])
            or contraction(t.text[i])
            or is_clinical_term(w)
            or not t.candidate(i)
            or lex.is_name(w)
            or lex.is_common_word(w)
            or lex.is_english(w)
            or w in places
        ):
            continue
        if t.sentence_start(i):
            # At a sentence start only as the subject of a verb: "Ingvild is ...".
            nxt = t.next_word(i)
            if nxt >= len(t) or t.lower[nxt] not in SUBJECT_VERBS:
                continue
        yield extend(t, i, PROPER_NOUN.score, PROPER_NOUN)


def repeated_surnames(t: Tokens) -> Iterator[Span]:
    """ "frank ortiz is my parole officer and ortiz says he'll come": in speech without
    capitals, a surname said after a first name and then alone in the same stretch of
    talk is that person's both times (the second mention shows the pair was one name,
    though the first name is a word too: "frank", "ray"). Only a surname that is no
    first name nor everyday word ("whitfield", not "brown" or "long")."""
    if t.mode == "mixed":
        return
    lex = t.lexicon
    places: dict[str, list[int]] = {}
    for i, w in enumerate(t.lower):
        places.setdefault(w, []).append(i)  # (each word's tests run once, below)
    seen = {
        w: at
        for w, at in places.items()
        if len(at) > 1
        and len(w) >= 3
        and w not in STOP_WORDS
        and lex.is_clear_name(w)
        and not lex.is_first_name(w)
        and w not in SPANISH_STOP_WORDS
        and w not in NON_NAME_WORDS
        and not lex.is_plain_word(w)
    }
    score = REPEATED_SURNAME.score
    for at in seen.values():
        paired = [i for i in at if _first_name_just_before(t, i)]
        if not paired or len(paired) == len(at) or t.clinical(at[0]):
            continue
        for i in at:
            start = t.prev_word(i) if i in paired else i
            yield Span(start, i + 1, score, REPEATED_SURNAME)


def _first_name_just_before(t: Tokens, i: int) -> bool:
    """Is the word right before token i a first name ("frank| ortiz"), no grammar or verb?"""
    b = t.prev_word(i)
    if b < 0 or t.ws[b] != " " or not t.candidate(b):
        return False
    w = t.lower[b]
    return (
        t.lexicon.is_first_name(w)
        and w not in STOP_WORDS
        and w not in PERSON_VERBS
        and w not in SPANISH_STOP_WORDS
    )
