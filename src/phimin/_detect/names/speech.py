"""Names in conversation: greetings and direct address, introductions, speaker turns,
spelled names. Rules `phimin.name.vocative`, `.leading_vocative`, `.opening_vocative`,
`.closing_vocative`, `.introduction`, `.introduction.weak`, `.speaker`, `.spelled`.

Speech-to-text writes few commas, so in text without case a name after a greeting is
also taken before the words a conversation goes on with ("hi keanu how was the
drive"), and a name that is also a verb taking "you" ("hope", "will") only before a
pause ("hi hope you're well" is a wish).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.case import CaseMode
from phimin._detect.clinical import is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon
from phimin._detect.lines import finditer_by_line, finditer_from
from phimin._detect.names.clauses import SEASONS, THINKING_VERBS, first_names_at, name_word
from phimin._detect.names.nicknames import nickname_word
from phimin._detect.names.spanish import interjection_at
from phimin._detect.names.tokens import Span, Tokens, extend, labels_an_id, okay_said
from phimin._detect.words import (
    FILLERS,
    GREETINGS,
    INTRODUCTIONS,
    NICKNAME_PREFIXES,
    NON_NAME_WORDS,
    NOT_NICKNAMES,
    PETS,
    PLACE_KINDS,
    RELATIONS,
    TITLES,
    VERBS_BEFORE_YOU,
    WEAK_INTRODUCTIONS,
)
from phimin._lazy_regex import lazy

__all__ = [
    "closing_vocatives",
    "greeting",
    "introductions",
    "leading_vocatives",
    "opening_vocatives",
    "speakers",
    "spelled_names",
    "turn_end_vocatives",
    "vocative_at",
]

VOCATIVE = builtin("phimin.name.vocative")
LEADING_VOCATIVE = builtin("phimin.name.leading_vocative")
INTRODUCTION = builtin("phimin.name.introduction")
WEAK_INTRODUCTION = builtin("phimin.name.introduction.weak")
SPEAKER = builtin("phimin.name.speaker")
OPENING_VOCATIVE = builtin("phimin.name.opening_vocative")
CLOSING_VOCATIVE = builtin("phimin.name.closing_vocative")
TURN_END_VOCATIVE = builtin("phimin.name.turn_end_vocative")
SPELLED = builtin("phimin.name.spelled")

_PHRASES_BY_FIRST_WORD: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
for _phrase, _weak in [(p, False) for p in INTRODUCTIONS] + [(p, True) for p in WEAK_INTRODUCTIONS]:
    _PHRASES_BY_FIRST_WORD.setdefault(_phrase[0], []).append((_phrase, _weak))
_SPEAKER_LINE = regex.compile(
    r"(?m)^[ \t>\[]*(?P<name>\p{L}[\p{L}'’-]+(?:[ ]\p{L}[\p{L}'’-]+)?)[ \t]*(?::(?!:)|\])"
)  # ("MyClass::toString" is code, no turn)
# A turn that speech-to-text ran on into the last one's line: "...to her. anneke: i do
# listen" (one word, after a sentence's end, in a transcript with speakers' tags).
_SPEAKER_MID_LINE = regex.compile(r"(?<=[.?!][ \t]{1,3})(?P<name>\p{L}[\p{L}'’-]+):(?=[ \t])")
_SAID = regex.compile(r"\p{L}{2}")  # a word after a speaker's tag
# First names that head a field in a form or a note ("Bill: paid", "Will: none on file").
_FIELD_NAMES = frozenset("bill page art will may mark grant rich sage chase major hope".split())
# What a speaker says of themselves or to the one they talk to (a field's value is not
# said in the first or second person).
_FIRST_PERSON = regex.compile(r"(?i)(?<![\w'’])(?:i|i'm|im|i've|i'd|my|me|we|you|you're)(?![\w'’])")
# A turn's tag, one letter too ("T:", "C:"): two or more make a transcript.
_TURN_TAGS = regex.compile(r"(?m)^[ \t>\[]*\p{L}[\p{L}'’.-]*(?:[ ]\p{L}[\p{L}'’.-]*)?[ \t]*:[ \t]")
_ADDRESSED = frozenset({"you", "your", "you're", "u"})
_PAUSE = frozenset({",", ".", "!", "?", ";", ":"})
# Words a conversation goes on with after a name in direct address ("hi keanu how was
# the drive", "dmitri what brings you in").
_GOES_ON = frozenset(
    """how what what's whats so are is you your you're i i'm it's its come good nice great
    thanks thank welcome long okay ok well let's lets have did do can could were was sorry
    take tell we we're please just it this glad before""".split()
)
# ...and these after a name that is no English word ("hey sean will you", not "hi hope
# will you").
_GOES_ON_AUXILIARY = frozenset("""will would should don't i'll i've""".split())
_MONTHS = frozenset({"january", "march", "april", "may", "june", "august"})
_SURE_INTRODUCTIONS = frozenset(
    tuple(p.split())
    for p in (
        "my name is",
        "my name 's",
        "name is",
        "name was",
        "name 's",
        "named",
        "goes by",
        "go by",
        "went by",
        "known as",
        "nicknamed",
        "me llamo",
        "se llama",
        "mi nombre es",
    )
)
# Saying what a name is: after these, any word that is no grammar, filler, describing
# word or clinical term is the name, though a list knows it as a place ("her name's
# brooklyn", "my daughter's name is london").
_NAME_IS = frozenset(
    tuple(p.split()) for p in ("my name is", "my name 's", "name is", "name was", "name 's")
)
# What someone is called by others ("she calls me mija", "he called her stupid"): an
# endearment or an insult there is no name.
_CALLED = frozenset({"call", "calls", "called"})
_PLACE_KINDS = frozenset(PLACE_KINDS)
_QUESTION_WORDS = frozenset({"how", "what", "what's"})
_MODALS = frozenset({"will", "may", "can", "must", "shall"})
# Months that are first names and no verb: after "hi" or "morning", the name.
_GREETED_MONTHS = frozenset({"june", "april", "august"})
_TO_YOU = frozenset({"you", "your", "you're", "u", "ya", "to", "so", "that", "it", "for", "we"})
# Words that end a goodbye without naming anyone ("see you later", "thanks again").
_CLOSING_WORDS = frozenset(
    "later soon then again now tomorrow today tonight everyone everybody guys all folks "
    "both".split()
)
_NOT_AT_TURN_END = _MONTHS | _CLOSING_WORDS
_WORD = r"[^\W\d_](?:[\w'’-]*[^\W_])?"
# Said to the one just named, as a comma is: "sky honey can you let your mom answer".
_ENDEARMENT = r"(?:honey|sweetie|sweetheart|baby|babe|hon|buddy|bud|kiddo|mija|mijo)"
# A turn's first words: a speaker tag or a line's start, and a word of discourse.
_TURN_START = (
    # (a speaker's tag may hold a number: "speaker 1: hunter you wanna share first")
    r"(?:^|(?<=\][ ]?)|(?<=^[ \t]*\p{L}{2,12}(?:[ ]\d{1,2})?[ ]?:[ ]?)|(?<=[.!?][ ]{1,3}))[ \t]*"
    r"(?:(?:okay|ok|so|alright|all[ ]right|well|now|um|uh|and|hey|right)[ ,]+){0,2}"
)
_ENDEARING = regex.compile(_ENDEARMENT)
# Words that open a turn before an endearment and name no one ("morning honey", "thanks
# baby", "come here buddy").
_NOT_ENDEARED = _GOES_ON | _CLOSING_WORDS | frozenset(
    """thanks yes yeah sure right look listen wait hold stop hi hey hello bye night morning
    goodnight oh ah aw aww alright sorry congrats congratulations easy careful relax calm
    hush shh enough go wow yep nope nah here there love night bless poor lord god damn shit
    dang gosh geez jeez lordy child mercy ayy mira andale orale ándele bueno pues ya oiga
    perdón perdon gracias hola adiós adios dios""".split()
)
# After "you": what the one just named is asked or told ("hunter you wanna share").
_ASKED = regex.compile(
    r"(?i)[ ]+(?:wanna|want[ ]to|gonna|going[ ]to|can|could|need[ ]to|have[ ]to|got[ ]to"
    r"|gotta|ready|okay|ok|good|doing|feeling|mind|still|remember|wanted)(?![\w'’])"
)
_OPENING = lazy(
    rf"(?im){_TURN_START}(?P<name>{_WORD})(?P<after>[ ]*,|[ ]+(?:what|what's|how|tell|can"
    r"|could|do|did|are|were|you|your|you're|i|i'm|let's|lets|good|nice|great|thanks|welcome"
    r"|it's|it|we|please|come|have|so|we're|we'll|we've|i'll|i've|you'll|you've"
    rf"|{_ENDEARMENT})(?![\w'’]))"
)
# A subject and its verb in one word: no noun, adjective or verb comes right before one
# at a turn's start ("okay bill we're gonna bump it"), but a verb of thinking does ("hope
# i'm not late", "guess we'll see").
_SUBJECT_CONTRACTIONS = frozenset(
    "i you're we're we'll we've i'll i've you'll you've i'm let's lets".split()
)
# Where _TURN_START can hold, and more: the text's start, after a line break, a colon or
# a bracket, and after [.!?:\]] and one to three spaces (each position of them).
_AFTER_TURN_MARK = regex.compile(r"[.!?:\]][ ]{1,3}|[\n:\]]")
_CLOSING = lazy(
    r"(?i)(?<![\w'’])(?:thanks|thank[ ]you(?:[ ]so[ ]much)?|bye|bye-bye|goodbye|good[ ]?bye"
    r"|take[ ]care|see[ ]you(?:[ ](?:next[ ](?:week|time)|tomorrow|later|soon|then|again"
    r"|around|monday|tuesday|wednesday|thursday|friday))?|(?:good|nice|great)[ ](?:to[ ])?"
    r"(?:see|seeing|meet|meeting)[ ]you(?:[ ]again|[ ]today)?|any(?:[ ]other)?[ ]questions"
    r"|welcome(?:[ ]back)?|sounds[ ]good|have[ ]a[ ](?:good|great|nice)[ ](?:one|day|night"
    r"|week|weekend)|for[ ]waiting|for[ ]listening|for[ ]sharing|for[ ]coming(?:[ ]in)?"
    r"|come(?:[ ]on)?[ ]in|have[ ]a[ ]seat|bless[ ]your[ ](?:heart|soul)|bless[ ]you)[ ,]+"
    rf"(?P<name>{_WORD})(?=[ ]*(?:[.!?,\n]|$|\[)|[ ]+\p{{L}}{{2,12}}[ ]?:"
    # (or before another closing: "thanks dawn see you next week")
    r"|[ ]+(?:see[ ]you|bye|take[ ]care|have[ ]a[ ](?:good|great|nice)|talk[ ](?:soon|later)"
    r"|good[ ]?night)(?![\w]))"
)
# A name that ends a turn after the words a sentence or a question ends with: "how was
# your week robin", "did you take your meds miles", "is that right iris?".
_TURN_END = lazy(
    r"(?i)(?<![\w'’])(?:you|it|okay|ok|right|thanks|today|tonight|now|yet|there|again|week"
    r"|weekend|time|then|too|though|yeah|yes|no|sure|please"
    # (or a question's verb that needs no object: "how did that feel destiny", "what do
    # you think ray", "how does that sound carter"; not "did you feel joy")
    r"|(?<=(?<![\w'’])(?:how|what)[ ]+(?:did|does|do|would|will|was|is|has|could|can)[ ]+"
    r"(?:that|it|this|you|he|she|they|we)[ ]+(?:really[ ]+|honestly[ ]+)?)"
    r"(?:feel|sound|think|mean|go|happen))[ ,]+"
    rf"(?P<name>{_WORD})(?=[ ]*(?:[.!?]|\n|$|\[)|[ ]+\p{{L}}{{2,12}}[ ]?:)"
)
_LETTERS = regex.compile(r"(?<![\w'’-])\p{L}(?:[ -]\p{L}){3,}(?![\w'’-])")
_SPELLING_CUE = regex.compile(
    r"(?i)(?<![\w])(?:spell|spelled|spells|spelling|name|that's|it's|it[ ]is|that[ ]is)"
)
# The last turn asked how to spell it: "[clinician] how do you spell the last name\n
# [patient] q u i l l" (the letters open the answer, after its speaker's tag).
_ASKED_SPELLING = regex.compile(r"(?i)(?<![\w])(?:spell|spelled|spelling)(?![\w])")
_OPENS_TURN = regex.compile(r"[ \t>]*(?:[\p{L}\d ]{1,20}:|\[[\p{L}_ -]{1,20}\])?[ \t]*$")


def greeting(t: Tokens, i: int) -> bool:
    """Is token i a greeting ("hi", "thanks", "thank you")?"""
    w = t.lower[i]
    return w in GREETINGS or (w == "thank" and i + 1 < len(t) and t.lower[t.next_word(i)] == "you")


def vocative_at(t: Tokens, i: int) -> Span | None:
    """ "hi Lorna,", "thanks, Will.", "hey dylan what's going on": the name after
    greeting token i, then a pause (or, in text without case, the talk going on)."""
    j = t.next_word(i)
    if t.lower[i] == "thank":
        j = t.next_word(j)
    if j < len(t) and t.text[j] == ",":
        j = t.next_word(j)
    if j >= len(t):
        return None
    medium = t.accept_after_medium(j)
    if not (medium or (t.mode != "mixed" and _spoken_vocative(t, j))):
        return None
    span = extend(t, j, VOCATIVE.score, VOCATIVE)
    after = t.next_word(span.end - 1)
    if after >= len(t) or t.text[after] in _PAUSE or "\n" in t.text[after]:
        return span
    label = t.next_word(after)
    if label < len(t) and t.text[label] == ":" and t.text[after].isalpha():
        return span  # the next speaker's label: "good morning rose pt: morning"
    w = t.lower[j]
    # ("hi hope you're well", "hey will you sign": a wish and a question, not a name)
    wish = w in VERBS_BEFORE_YOU and t.lower[after] in _TO_YOU
    if t.mode != "mixed" and t.lower[after] in _GOES_ON and not wish:
        return span
    if t.mode != "mixed" and t.lower[after] in _GOES_ON_AUXILIARY and not t.lexicon.is_english(w):
        return span
    return None


def _spoken_vocative(t: Tokens, j: int) -> bool:
    """In text without case, after a greeting: a census name, even one that is also a
    word (not grammar), or a month no verb spells ("good morning june")."""
    month = t.lower[j] in _GREETED_MONTHS and t.wordlike(j)
    return (t.candidate(j) or month) and name_word(t.text[j], t.lexicon)


def _after_greeting(t: Tokens, i: int) -> bool:
    """Is token i the first after a greeting ("hi", "hello,", "good morning")?"""
    k = t.prev_word(i)
    while k >= 0 and t.text[k] in (",", "!", "."):
        k = t.prev_word(k)
    return k >= 0 and t.lower[k] in GREETINGS


def introductions(t: Tokens) -> Iterator[Span]:
    """ "my name is Quillon", "call me Bea", "I'm Maria": the name after an introduction."""
    mixed = t.mode == "mixed"
    for i, w in enumerate(t.lower):
        for phrase, weak in _PHRASES_BY_FIRST_WORD.get(w, ()):
            n = len(phrase)
            if tuple(t.lower[i : i + n]) != phrase:
                continue
            j = t.next_word(i + n - 1)
            if j >= len(t):
                continue
            if (phrase[0] in _CALLED or phrase[0] == "named") and t.lower[j] in NOT_NICKNAMES:
                continue  # ("called me honey", "named him executor")
            if n == 1 and t.prev_word(i) >= 0 and t.lower[t.prev_word(i)] in _PLACE_KINDS:
                continue  # "a town named xalapa": a place's name (`location.called`)
            if phrase[0] in ("se", "me") and t.lower[j] in SPANISH_STOP_WORDS:
                continue  # "¿cómo se llama tu hijo?": the question, not the name
            if (phrase in _NAME_IS or phrase[0] in ("name", "named")) and _a_pet(t, i):
                continue  # "the dog's name is biscuit": a pet's name is no one's
            if t.clinical(j) or (phrase[0] in _THINGS_CALLED_BY and _a_thing_called(t, i)):
                continue  # "a medicine called carafate", "something called gastritis"
            if weak:
                ok = t.candidate(j) and t.lexicon.is_clear_name(t.lower[j])
                if ok and mixed:
                    ok = t.titlecase(j)
                # "hi i'm priyanka", "hello this is oyelaran": after a greeting, any
                # name-shaped word that is not common English
                ok = ok or (_after_greeting(t, i) and t.accept_after_strong(j))
            else:
                ok = t.accept_after_strong(j) or (
                    # "my name is will ferraro", "a guy named hunter": after the surest
                    # introductions a first name is the name, even one that is a word
                    phrase in _SURE_INTRODUCTIONS
                    and t.wordlike(j)
                    and t.lexicon.is_first_name(t.lower[j])
                    # (no grammar but a modal that is a name: "a man named in the suit")
                    and (t.lower[j] not in STOP_WORDS or t.lower[j] in ("will", "may"))
                    and (not mixed or t.titlecase(j))
                )
            ok = ok or (phrase in _NAME_IS and _any_name(t, j))
            # "i'm will his son", "this is hope, her daughter": a first name, even a word,
            # then who the speaker is to someone
            ok = ok or (t.lexicon.is_first_name(t.lower[j]) and _kin_follows(t, j))
            # "i'm jordan i'll be your nurse", "this is dana, one of the residents": a
            # name no word is, then the speaker's role in the visit
            ok = ok or (weak and _introduced_role_follows(t, j))
            # "some guy named ace", "a girl named jax": after a person "named", whatever
            # word follows is what that person is called
            ok = ok or (phrase == ("named",) and _person_named(t, i, j))
            if not ok and not weak and t.lower[j] in NICKNAME_PREFIXES:
                # "we called him papa joe", "goes by lil kenji": the nickname whole
                k = t.next_word(j)
                if k < len(t) and t.gap(j, k) == " " and t.accept_after_strong(k):
                    rule = INTRODUCTION
                    score = rule.score if mixed else rule.score_for("caseless")
                    yield Span(j, k + 1, score, rule)
                continue
            if ok:
                rule = WEAK_INTRODUCTION if weak else INTRODUCTION
                yield extend(t, j, rule.score if mixed else rule.score_for("caseless"), rule)


def _a_pet(t: Tokens, i: int) -> bool:
    """Does phrase token i ("name", "named") say an animal's name: "the dog's name
    is", "my cat is named", "a puppy named"?"""
    k = t.prev_word(i)
    if k >= 0 and t.lower[k] in ("'s", "’s", "is", "was", "'", "’"):
        k = t.prev_word(k)
    return k >= 0 and t.lower[k] in PETS


# What a thing is said to be called by ("a cream called", "something named").
_THINGS_CALLED_BY = frozenset({"called", "named"})
# Things that are called something, never a person: "a medicine called carafate".
_CALLED_THINGS = frozenset(
    """something medicine medication medications drug drugs pill pills cream creams
    ointment gel spray inhaler shot injection vaccine supplement vitamin condition disease
    disorder syndrome infection procedure surgery test scan exercise exercises technique
    skill therapy program app apps book show movie song game diet device product thing
    stuff""".split()
)


def _a_thing_called(t: Tokens, i: int) -> bool:
    """Is "called" or "named" (token i) said of a thing: "a medicine called", "something
    called", "this cream called"?"""
    k = t.prev_word(i)
    if k >= 0 and t.lower[k] in ("one", "once"):  # "we can try one called phexxi"
        return True
    return k >= 0 and t.lower[k] in _CALLED_THINGS


def _any_name(t: Tokens, j: int) -> bool:
    """Token j, after "name is": a word that can be a name, whatever else it is."""
    w = t.lower[j]
    return (
        _callable(t, j)
        and w not in FILLERS
        and not t.lexicon.is_plain_word(w)
        and (t.mode != "mixed" or t.titlecase(j))
    )


def _callable(t: Tokens, j: int) -> bool:
    """Could token j be what someone is called: a word, no grammar, no clinical word?"""
    return t.candidate(j) and t.wordlike(j) and t.lower[j] not in STOP_WORDS and not t.clinical(j)


_NAMED_PEOPLE = frozenset(
    "guy girl man woman lady dude kid boy friend someone somebody person chick fella dealer"
    " cousin neighbor coworker".split()
)


def _person_named(t: Tokens, i: int, j: int) -> bool:
    """Is token i "named" after a person ("some guy named"), and token j a word that can
    be what that person is called (no grammar, no clinical word)?"""
    before = t.prev_word(i)
    return (
        before >= 0
        and t.lower[before] in _NAMED_PEOPLE
        and _callable(t, j)
        and len(t.lower[j]) >= 2
    )


_WHOSE = frozenset({"his", "her", "their", "your", "the", "her's"})


def _kin_follows(t: Tokens, j: int) -> bool:
    """Is name token j followed by whose kin the speaker is ("his son", ", her daughter")?"""
    k = t.next_word(j)
    if k < len(t) and t.text[k] == ",":
        k = t.next_word(k)
    kin = t.next_word(k) if k < len(t) else len(t)
    return k < len(t) and t.lower[k] in _WHOSE and kin < len(t) and t.lower[kin] in RELATIONS


# After "i'm jordan": the speaker's role in the visit ("i'll be your nurse tonight", "one
# of the residents", "i'm the social worker", "i'll be doing your intake").
_ROLE_SAID = regex.compile(
    r"[ ]*,?[ ]*(?:and[ ]+)?(?:i['’]?ll[ ]+be[ ]+(?:your|doing[ ]+your|taking[ ]+care|with[ ]+you"
    r"|seeing[ ]+you|working[ ]+with[ ]+you)"
    r"|i['’]?m[ ]+(?:your|the|one[ ]+of[ ]+the|a|an|on[ ]+the)|one[ ]+of[ ]+the|your|the)"
    r"(?:[ ]+[\w'’]+){0,2}?[ ]+(?:nurses?|doctors?|residents?|interns?|fellows?|attending"
    r"|therapists?|counselou?rs?|social[ ]+workers?|case[ ]+managers?|chaplains?|pa|np|rn"
    r"|nurse[ ]+practitioners?|psychiatrists?|physicians?|surgeons?|tech|technicians?|aides?"
    r"|students?|pharmacists?|dietitians?|coordinators?|providers?|clinicians?|midwi(?:fe|ves)"
    r"|interpreters?|intake|team|care|today|tonight)(?![\w'’])"
)


# A caller saying where they call from: "it's benedikt from the front desk", "this is
# grace from dr. lee's office", "it's tomasz from billing" (never "it's nothing from the
# school": no name-shaped word; "it's mostly from the stress": no office calls).
_CALLING_FROM = regex.compile(
    r"[ ]*,?[ ]+(?:calling[ ]+)?from[ ]+(?:the[ ]+|your[ ]+|(?:dr\.?|doctor)[ ]+[\w'’-]+['’]s[ ]+)?"
    r"(?:front[ ]+desk|office|clinic|practice|pharmacy|billing|scheduling|insurance|lab"
    r"|radiology|daycare|bank|agency|county|probation|court|hospital|school[ ]+office"
    r"|(?:[\w'’-]+[ ]+){0,2}(?:office|clinic|pharmacy|health|medical|pediatrics|dental"
    r"|insurance|services|center|centre|program))(?![\w'’])"
)


def _introduced_role_follows(t: Tokens, j: int) -> bool:
    """Is the word at j, after "i'm" or "this is", a name no everyday word is, followed by
    what the speaker does here ("i'm jordan i'll be your nurse")? ("i'm sorry i'll be
    your nurse" is no one: a plain word is never the name here.) Or a name-shaped word or
    a first name, then where a caller calls from ("it's benedikt from the front desk")."""
    w = t.lower[j]
    lex = t.lexicon
    end = t.idx[j] + len(t.text[j])
    if (
        (t.accept_after_strong(j) or (lex.is_first_name(w) and t.candidate(j)))
        and w not in STOP_WORDS
        and _CALLING_FROM.match(t.source, end) is not None
    ):
        return True
    if not (t.candidate(j) and lex.is_name(w)) or lex.is_plain_word(w) or w in STOP_WORDS:
        return False
    return _ROLE_SAID.match(t.source, end) is not None


def leading_vocatives(t: Tokens) -> Iterator[Span]:
    """ "Summer, can you say more?": a name, a comma, then talk addressed to "you"."""
    # Only a word before a comma: the word before each comma (spaces between), ascending.
    for comma, token in enumerate(t.text):
        if token != ",":
            continue
        i = t.prev_word(comma)
        if i < 0:
            continue
        w = t.lower[i]
        if not t.lexicon.is_name(w) or w in STOP_WORDS:  # set lookups first: cheap
            continue
        if not t.candidate(i) or t.clinical(i) or (t.mode == "mixed" and not t.titlecase(i)):
            continue
        if i > 0 and t.text[i - 1] in ("-", "–") and t.gap(i - 1, i) == "":
            continue  # "your knee x-ray, you know": the end of a word
        if t.mode != "mixed" and not (t.lexicon.is_first_name(w) or t.lexicon.is_clear_name(w)):
            continue  # "good, okay and can you walk": no case, a word that is a surname too
        if not t.sentence_start(i):
            continue
        if t.mode == "lower" and okay_said(t.source, *t.span_chars(i, i + 1)):
            continue  # "kay, see you then": "okay"
        following = []
        k = comma
        for _ in range(4):
            k = t.next_word(k)
            if k >= len(t):
                break
            following.append(t.lower[k])
        if _ADDRESSED & set(following):
            yield Span(i, i + 1, LEADING_VOCATIVE.score, LEADING_VOCATIVE)


def speakers(text: str, mode: CaseMode, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "MARIA: I feel stuck", "[tracy] ok", "Ana:hi": a name that opens a turn."""
    tags = list(_SPEAKER_LINE.finditer(text))
    if tags and ":" in text[tags[0].end() - 1 : tags[0].end()]:
        yield from _mid_line_speakers(text, lexicon)
    # (two turns tagged or more, one-letter tags too, "T:", "C:": a transcript)
    transcript = len(_TURN_TAGS.findall(text, 0, 4000)) > 1
    for m in tags:
        words = m.group("name").split()
        first = words[0].lower()
        lowered = [w.lower() for w in words]
        if any(
            w in NON_NAME_WORDS or w in TITLES or is_clinical_term(w) or "-" in w for w in lowered
        ):
            continue
        rare = (
            mode == "mixed"
            and words[0][:1].isupper()
            and not any(lexicon.is_common_word(w) or lexicon.is_english(w) for w in lowered)
            and not lexicon.is_name(first)
        )
        # a speaker then says something ("Loopback: 127.0.0.1" is a field and its value);
        # a field's name is an English word no given-name list has ("Sender: me")
        said = text[m.end() : text.find("\n", m.end()) % (len(text) + 1)]
        if not _SAID.search(said) or (
            len(words) == 1 and lexicon.is_english(first) and not lexicon.is_first_name(first)
        ):
            continue
        if labels_an_id(text, m.end("name")):
            continue  # "NINO: QQ123456C": a field's label and its code, no speaker
        if (
            lexicon.is_clear_name(first)
            or rare
            # in a transcript (two turns tagged or more), or before what someone says of
            # themselves, a first name that is a word too is the speaker's ("joy: not
            # great honestly", "grace: i don't know"), never a field's name
            or (
                (transcript or _FIRST_PERSON.search(said))
                and len(words) == 1
                # (not a note's heading in capitals: "FE: 2.3L in", "CV: stable")
                and (len(first) > 3 or not words[0].isupper())
                and lexicon.is_first_name(first)
                and first not in _FIELD_NAMES
            )
        ):
            yield SPEAKER.at(m.start("name"), m.end("name"))


def _mid_line_speakers(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """In a transcript with speakers' tags, a tag run on after a sentence's end: a first
    name, or a word no English, Spanish or clinical list has ("anneke", not "note")."""
    for m in _SPEAKER_MID_LINE.finditer(text):
        w = m.group("name").lower()
        if w in NON_NAME_WORDS or w in TITLES or is_clinical_term(w):
            continue
        if m.group("name").isupper():
            continue  # "... wean ntg. PALN: bubble echo": a ward note's heading
        if lexicon.is_first_name(w) or not (
            lexicon.is_english(w)
            or lexicon.is_common_word(w)
            or lexicon.is_spanish(w)
            or len(w) < 3
        ):
            yield SPEAKER.at(*m.span("name"))


# Names said as an exclamation, and what follows one: "jesús, qué susto", "jesús mío",
# "jesús bendito", "jesús, maría y josé" (not "jesús, qué haces aquí", asked of him).
_EXCLAIMED_NAMES = frozenset({"jesús", "jesus"})
_EXCLAIMED = regex.compile(
    r"(?i)[ ]*,?[ ]*(?:m[ií]o|bendito|santo|sacramentado|mar[ií]a[ ]+y[ ]+jos[eé]"
    r"|qu[eé][ ]+(?:susto|miedo|horror|coraje|verg[üu]enza|barbaridad|pena|tristeza"
    r"|cosa|cosas|feo|horrible|bárbaro|barbaro))(?![\p{L}])"
)


def opening_vocatives(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "dmitri, what happened", "okay max let's pick up", "therapist: Destiny what was":
    a name that opens a turn, then talk to the one named."""
    for m in finditer_from(_OPENING, text, _turn_starts(text)):
        word = m.group("name")
        w = word.lower()
        endeared = _ENDEARING.fullmatch(m.group("after").strip()) is not None
        comma = m.group("after").strip() == "," or endeared
        if w in _MONTHS and not comma:
            continue  # "june i think we moved": the month
        if okay_said(text, m.start("name"), m.end("name")):
            continue  # "kay, see you then": "okay"
        if (
            endeared
            and nickname_word(w, lexicon)
            and w not in _NOT_ENDEARED
            and w not in NON_NAME_WORDS  # ("ay mija", "oye mijo": no name)
        ):
            # "sky honey can you let your mom answer", "bubba baby come here": what
            # someone is called, then a word of endearment to them
            yield OPENING_VOCATIVE.at(m.start("name"), m.end("name"))
            continue
        if not (lexicon.is_first_name(w) or lexicon.is_clear_name(w)):
            continue  # a rare word opening a line is as often shorthand as a name
        if interjection_at(text, m.start("name"), m.end("name"), lexicon):
            continue  # "mira, yo no quiero problemas": Spanish "look", before Spanish
        if w in _EXCLAIMED_NAMES and _EXCLAIMED.match(text, m.end("name")) is not None:
            continue  # "jesús, qué susto me diste", "jesús bendito": an exclamation
        # a name that is also a verb or an adjective only before a comma, or a question
        # word no verb or modal comes before ("so will how did it go")
        after = m.group("after").strip().lower()
        wh = after in _QUESTION_WORDS
        # (not a verb of thinking, nor a season: "summer we're off")
        subject = (
            after in _SUBJECT_CONTRACTIONS
            # "hunter you wanna share first": "you" and what the one named is asked to do
            or (after == "you" and _ASKED.match(text, m.end()) is not None)
        ) and w not in THINKING_VERBS | SEASONS
        # "hope come sit down": no verb comes before "come" but a modal ("will come")
        asked = after == "come" and w not in _MODALS | SEASONS
        if name_word(word, lexicon, plain=comma or wh or subject or asked, modal=wh):
            yield OPENING_VOCATIVE.at(m.start("name"), m.end("name"))


def _turn_starts(text: str) -> list[int]:
    """Every position where a turn may start (`_TURN_START`), ascending: _OPENING is tried
    there alone (`lines.finditer_from`), not at every character."""
    starts = {0}
    for m in _AFTER_TURN_MARK.finditer(text):
        starts.update(range(m.start() + 1, m.end() + 1))
    return sorted(starts)


def closing_vocatives(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "see you next week faith", "alright thanks elijah", "any questions dmitri?": a
    name that ends a turn after a thanks, a goodbye or a question."""
    for m in finditer_by_line(_CLOSING, text):
        word = m.group("name")
        w = word.lower()
        # (a surname alone is a name here too: "thanks for waiting river")
        named = name_word(word, lexicon, plain=False, surname=True) or name_word(word, lexicon)
        if w not in _MONTHS and w not in _CLOSING_WORDS and named:
            yield CLOSING_VOCATIVE.at(m.start("name"), m.end("name"))


def turn_end_vocatives(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "how was your week robin?", "is that right iris": a first name that ends a turn,
    after the word a question or a statement ends with."""
    for start, end in first_names_at(_TURN_END, text, lexicon, _NOT_AT_TURN_END):
        yield TURN_END_VOCATIVE.at(start, end)


def spelled_names(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "his name is arjun, a r j u n": a name spelled out letter by letter (not an
    everyday word spelled, forwards or backwards: "spell world backwards, d l r o w")."""
    for m in _LETTERS.finditer(text):
        letters = {c.lower() for c in m.group() if c.isalpha()}
        line_start = text.rfind("\n", 0, m.start()) + 1
        cue = _SPELLING_CUE.search(text, max(line_start, m.start() - 45), m.start())
        if cue is None and line_start > 0 and _OPENS_TURN.match(text, line_start, m.start()):
            last_line = text.rfind("\n", 0, line_start - 1) + 1
            cue = _ASKED_SPELLING.search(text, last_line, line_start)
        if cue is not None and letters - {"a", "i"} and not _spelled_word(m.group(), lexicon):
            yield SPELLED.at(m.start(), m.end())


def _spelled_word(spelled: str, lexicon: NameLexicon) -> bool:
    """Do the letters spell an everyday word that is no name, forwards or backwards?"""
    word = "".join(c for c in spelled.lower() if c.isalpha())
    return any(
        len(w) >= 3
        and lexicon.is_english(w)
        and lexicon.is_common_word(w)
        and not lexicon.is_first_name(w)
        and not lexicon.is_clear_name(w)
        for w in (word, word[::-1])
    )
