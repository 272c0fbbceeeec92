"""Names no list can hold, in slots only a person fills: letter pairs people go by
("me and tj went", "aj keeps calling"), everyday words someone is called ("moose said
he'd drive me", "i asked scout if she"), and a speaker's tag with a surname's initial
("dana w: ok", "Priya S.: can we talk").

A letter pair is a name only if people go by it (`initial_names` in `name_words.yaml`:
"tj", "aj", "kc"; never "pc", "er", "tv", "pt", "am") and only where no determiner
stands before it ("the dj played" is the job). An everyday word is a name only before
what a person alone does, or after telling or asking someone and then "if she", "and
he": "green beans", "a scout troop", "the tank was empty" stay words. Rules
`phimin.name.initials`, `phimin.name.word_nickname`, `phimin.name.initialled_speaker`.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.case import CaseMode
from phimin._detect.clinical import is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon
from phimin._detect.lines import finditer_by_line
from phimin._detect.names.clauses import SACRED_FIRST_NAMES, unlisted_name
from phimin._detect.names.nicknames import nickname_word
from phimin._detect.words import (
    BRANDS,
    FILLERS,
    INITIAL_NAMES,
    KIN_ROLES,
    NON_NAME_WORDS,
    PERSON_NOUNS,
    PETS,
    RELATIONS,
    ROLES,
    SPEECH_SLANG,
    TITLES,
    alternation,
    longest_first,
)
from phimin._lazy_regex import lazy

__all__ = [
    "event_hosts",
    "initialled_speakers",
    "letter_pair_names",
    "sacred_full_names",
    "word_nicknames",
]

INITIALS = builtin("phimin.name.initials")
WORD_NICKNAME = builtin("phimin.name.word_nickname")
EVENT_HOST = builtin("phimin.name.event_host")
INITIALLED_SPEAKER = builtin("phimin.name.initialled_speaker")
SACRED = builtin("phimin.name.sacred_full_name")

_KIN = alternation(longest_first(RELATIONS | KIN_ROLES))
_PAIRS = alternation(tuple(sorted(INITIAL_NAMES)))
# An Irish or French surname written in lower case ("o'brien", "d'souza"), never "o'clock"
# or an airport ("o'hare").
_APOSTROPHE_SURNAME = r"[od]['’](?!clock|hare(?![\w'’]))[a-z]{3,12}"
# Where a clause may open, and the words said before its subject ("and then tj said",
# "honestly kc has been", "yeah tk picked me up").
_OPENS = (
    r"(?:^|(?<=[.!?;:\]][ \t]{0,3})|(?<=,[ ])|(?<=\n[ \t]*))"
    r"(?:(?:so|and|then|um|uh|but|honestly|yeah|well|like|cause|because|okay|ok|oh|now"
    r"|plus|anyway|apparently|basically|i[ ]think|i[ ]guess|and[ ]then)[ ,]+){0,3}"
)
# Before a person: with, telling, asking, calling, going with, kin ("me and tj", "i
# told cj", "was texting rj", "went with tj", "my roommate jt").
_PERSON_BEFORE = (
    r"(?:(?:me|i)[ ]+(?:and|&|n)|(?:and|&|or|y)|with|without|(?:talk|talked|talking|spoke"
    r"|speak|lied|apologized|listen|listened|gave|give|sent|send|wrote|write|mad)[ ]+to"
    r"|told|tell|tells|telling|asked|ask|asks|asking|texted|text|texting|texts|called|call|calling|calls|emailed|messaged"
    r"|facetimed|invited|visited|met|saw|see|seen|miss|missed|love|loved|hugged|thanked"
    r"|warned|begged|promised|forgave|trust|blame|blamed|picked[ ]up|dropped[ ]off"
    rf"|(?:my|our|his|her|their)[ ]+(?:{_KIN}))"
)
# After a person: what only a person does, a pause, another name joined, a possessive.
_PERSON_AFTER_PAIR = (
    r"(?:(?:just|always|never|still|finally|really|even|actually|kinda|both|also)[ ]+){0,2}"
    # (being or having only as a person is: "jt was like whatever", "kc has been there
    # for me"; never "dj was booked", "tk is short for")
    r"(?:(?:was|is)[ ]+(?:like|so|always|never|my|mad|pissed|upset|drunk|high|the[ ]+one)"
    r"|has[ ]+been|had[ ]+(?:a|the|to|his|her)"
    r"|said|says|say|told|tells|texted|texts|called|calls|asked|asks|keeps|kept|thinks"
    r"|thought|came|comes|showed|shows|picked|wants|wanted|went|goes"
    r"|got|gets|moved|left|yelled|laughed|cried|likes|loves|hates|knows|knew|used|lives"
    r"|lived|does|did|doesn't|didn't|won't|can't|isn't|wasn't|hasn't|drove|took|brought"
    r"|needs|feels|felt|are|were|and|&|or|y)"
)
_LETTER_PAIR = lazy(
    rf"(?i)(?<![\w'’.@/-])(?P<name>{_PAIRS}|{_APOSTROPHE_SURNAME})"
    r"(?![\w@/-]|['’](?!s(?![\w'’])))"
)
_BEFORE_PAIR = lazy(rf"(?i)(?<![\w'’]){_PERSON_BEFORE}[ ,]+(?:(?:um|uh)[ ,]+)?\Z")
_OPENS_PAIR = lazy(rf"(?i){_OPENS}\Z")
_AFTER_PAIR = lazy(rf"(?i)(?:['’]s(?![\w'’])|,|[ ]+{_PERSON_AFTER_PAIR}(?![\w'’]))")
# A determiner or a word that makes the pair a thing ("the dj", "a cc", "my pj").
_THING_BEFORE = lazy(
    r"(?i)(?<![\w'’])(?:the|a|an|this|that|his|her|my|our|their|your|some|no|any|per|of"
    r"|in|on|at|by|from|for)[ ]+\Z"
)


def letter_pair_names(text: str, mode: CaseMode) -> Iterator[Detection]:
    """ "me and tj went", "aj keeps calling", "i told cj about it", "jd's place": a letter
    pair people go by, after what leads to a person or opening a clause before what a
    person does (never after a determiner: "the dj played"; in mixed case, where "TJ"
    is written with capitals and other rules read them, only in capitals after kin: "my
    son TJ")."""
    for m in _LETTER_PAIR.finditer(text):
        start, end = m.span("name")
        if mode == "mixed":
            # "My son TJ plays ball": in capitals, only right after kin
            if text[start:end].isupper() and _KIN_BEFORE.search(text[max(0, start - 40) : start]):
                yield INITIALS.at(start, end)
            continue
        if not text[start:end].islower():
            continue
        head = text[max(0, start - 40) : start]
        kin = _KIN_BEFORE.search(head) is not None
        if _OWNED.match(text, end) and not _DETERMINER_BEFORE.search(head):
            yield INITIALS.at(start, end)  # "we stayed at jd's place", "o'neil's mom"
            continue
        if _THING_BEFORE.search(head) and not kin:
            continue
        before = kin or _BEFORE_PAIR.search(head) is not None
        after = _AFTER_PAIR.match(text, end) is not None or (
            kin and _DOES_AFTER_KIN.match(text, end) is not None
        )
        if (before and (after or _PAUSE_OR_WORD.match(text, end))) or (
            after and _OPENS_PAIR.search(text[max(0, start - 60) : start]) is not None
        ):
            yield INITIALS.at(start, end)


# A possessive, then what a person has: "jd's place", "kc's mom", "o'neil's truck".
_OWNED = lazy(
    rf"(?i)['’]s[ ]+(?:(?:new|old|little|big)[ ]+)?(?:place|house|apartment|crib|room|car"
    rf"|truck|party|birthday|wedding|funeral|kids|baby|phone|number|girlfriend|boyfriend"
    rf"|wife|husband|{_KIN})(?![\w'’])"
)
_DETERMINER_BEFORE = lazy(
    r"(?i)(?<![\w'’])(?:the|a|an|this|that|my|your|his|her|our|their)[ ]+\Z"
)
_KIN_BEFORE = lazy(
    rf"(?i)(?<![\w'’])(?:my|our|his|her|their)[ ]+(?:{_KIN})(?:[ -]+in[ -]+law)?[ ]+\Z"
)
# After kin and the pair, what someone does, said in its third person or past ("my son
# tj plays ball", "my nephew dj skates", "my brother in law pj deals"; not "my son tj's").
_DOES_AFTER_KIN = lazy(
    r"(?i)[ ]+(?:(?:just|always|never|still|also|really|even|usually)[ ]+)?"
    r"[a-z]{2,}(?<!s)(?:s|ed)(?![\w'’])"
)
# After the pair, a pause, the end, or a word (not a noun the pair would qualify: "tj
# went", "told cj about it"; the pair before "pm", "card" is never reached here).
_PAUSE_OR_WORD = lazy(
    r"(?i)(?:[ ]*(?:[,.;!?]|$)|[ ]+(?:about|that|if|to|and|but|i|i'm|i'd|i'll|he|she|the"
    r"|back|again|yesterday|today|tomorrow|tonight|later|now|so|last|for|at|when|from|over|up"
    r"|how|what|whether)(?![\w'’]))"
)

# What only a person does, after a word someone is called at a clause's start: "moose
# texted me", "chip said he'd cover", "jazz came by with soup". Never what an office, a
# study or a body does too ("housing said", "research says", "daycare called me", "work
# keeps calling", "a rash showed up", "work was like a nightmare").
_HUMAN_DOES = (
    r"(?:(?:just|always|never|still|finally|really|even|actually|kinda|also)[ ]+){0,2}"
    r"(?:texted|texts|messaged|facetimed|snapchatted|yelled|apologized|promised|lied"
    r"|whispered|screamed|laughed|hugged|kissed|cried|smiled"
    r"|(?:keeps|kept)[ ]+(?:texting|bugging|begging|yelling|lying|crying|asking[ ]+me"
    r"|telling[ ]+me)"
    # being some way only a person is ("tink was pregnant", "ace is grounded"; never
    # "asleep", which a leg is, nor "at the party", where the food is)
    r"|(?:is|was)[ ]+(?:pregnant|drunk|sober|grounded|mad[ ]+at[ ]+(?:me|us))"
    r"|started[ ]+(?:kindergarten|preschool|daycare|first[ ]+grade|middle[ ]+school"
    r"|high[ ]+school|college)"
    r"|(?:has[ ]+been|keeps|kept|started)[ ]+(?:wetting|hitting|biting|kicking|bullying"
    r"|screaming|stealing|sneaking[ ]+out|acting[ ]+out|throwing[ ]+tantrums)"
    # (coming by with something or to do something: "rain came over the hill" is weather)
    r"|(?:came|comes)[ ]+(?:by|over)[ ]+(?:with|to[ ]+(?:see|help|check|drop|pick|get)|for"
    r"|last|yesterday|earlier|after|this|again)|picked[ ]+(?:me|us)[ ]+up"
    r"|(?:said|says|told[ ]+(?:me|us))[ ]+(?:he|she)(?:['’]d|['’]ll|['’]s)?"
    # quoting someone ("bean was like you need to stop"; never "work was like a
    # nightmare": a pronoun or a cry follows)
    r"|(?:was|is)[ ]+like[ ]+(?:you|you're|i|i'm|we|oh|yo|dude|bro|girl|no|yeah|why|what|look"
    r"|listen|whatever|stop|hey|seriously|omg|wait|nah)"
    # ("peaches goes you never listen": the spoken "goes" of quoting, before a pronoun
    # or a cry; never "the road goes on")
    r"|goes[ ]+(?:you|you're|i|i'm|oh|yo|dude|bro|girl|no|yeah|why|what|whatever|look"
    r"|listen|hey|stop|seriously)"
    # ("dumpling called me crying", "mouse stopped answering my calls", "tink moved back
    # in with her mom", "chip showed up at my job")
    r"|called[ ]+me[ ]+(?:crying|sobbing|screaming|yelling|drunk|begging)"
    r"|stopped[ ]+(?:answering|returning|talking[ ]+to|texting|calling)[ ]+(?:me|my)"
    r"|moved[ ]+(?:back[ ]+)?in[ ]+with[ ]+(?:me|us|her|his|their)"
    r"|showed[ ]+up[ ]+(?:at|to)[ ]+my"
    r"|(?:says|said)[ ]+i[ ]+(?:need|needed|have[ ]+to|gotta|owe)"
    r"|threw[ ]+a[ ]+(?:fit|tantrum)"
    r"|got[ ]+(?:arrested|suspended|expelled|evicted|jumped|stabbed|shot)"
    r"|(?:is|was)[ ]+(?:screaming|yelling)[ ]+at"
    # (being some way only a person is: "peanut was being really clingy")
    r"|(?:is|was)[ ]+being[ ]+(?:(?:really|so|super)[ ]+)?(?:clingy|mean|rude|shady|distant"
    r"|sweet|nice|a[ ]+brat|a[ ]+jerk)"
    r"|(?:has[ ]+been|keeps|kept)[ ]+sleeping[ ]+(?:in|on)[ ]+(?:my|our)"
    # using, locked up, out of rehab, a job got: "moose is using again", "duke is out of
    # rehab", "jojo got a job at the warehouse" (never "the leg is using")
    r"|(?:is|was)[ ]+(?:using[ ]+again|relapsing|locked[ ]+up|out[ ]+on[ ]+parole"
    r"|(?:out[ ]+of|back[ ]+in)[ ]+(?:rehab|jail|prison|juvie|detox))"
    r"|got[ ]+(?:a[ ]+job|fired|hired|promoted|engaged|deported|locked[ ]+up|out[ ]+of"
    r"[ ]+(?:rehab|jail|prison|juvie))"
    r"|(?:keeps|kept)[ ]+(?:saying|calling|promising|apologizing)"
    r"|came[ ]+(?:by|over)[ ]+and[ ]+(?:he|she)"
    r"|(?:was|is)[ ]+(?:crying|sobbing)[ ]+(?:when|and|because|cause|about)[ ]+(?:she|he|i))"
    r"(?![\w'’])"
)
# Two-letter given names that no list above has as a pair ("mo came by and he").
_SHORT_GIVEN = "mo|jo|bo|al|ed|ty|vi|cy|di|lu"
_WORD_SUBJECT = lazy(
    rf"(?im){_OPENS}(?P<name>[a-z][a-z'’]{{2,11}}|{_SHORT_GIVEN})[ ]+{_HUMAN_DOES}"
)
# A word opening a clause, being some way, then "he" or "she" doing what only a person
# does later in that sentence: "pip is fine now she called me", "boo was asleep when i
# got home and he woke up", "zee was at the party and she kept asking" (a thing's "she"
# comes after a determiner: "the car is fine now she runs great").
_WORD_THEN_PRONOUN = lazy(
    rf"(?im){_OPENS}(?P<name>[a-z][a-z'’]{{2,11}}|{_SHORT_GIVEN})[ ]+"
    # (being where or how a person is, not "pizza was cold", "music was loud")
    # (fine again only "now", after a pause: "pip is fine now she called me"; never
    # "pizza was fine and he called")
    r"(?:(?:is|was|seems|seemed)[ ]+(?:doing[ ]+)?(?:fine|okay|ok|alright|better)"
    r"(?:[ ]+now[ ]+|[ ]*,[ ]*(?:now[ ]+)?)"
    r"|(?:(?:is|was|seems|seemed)[ ]+(?:asleep|awake|home|here|there|back|upset|mad|pissed"
    r"|sick|gone|pregnant|in[ ]+the[ ]+hospital|out[ ]+of[ ]+town"
    r"|at[ ]+(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon"
    r"|midnight|night|\d)(?![\w'’]))(?:(?:the|my|his|her|our|their|a)[ ]+)?[a-z'’]+"
    r"(?:[ ]+(?:party|house|place))?)"
    r"|(?:has|had)[ ]+been[ ]+(?:good|great|okay|better|clean|sober|sick|quiet|weird|off))"
    r"(?:[ ]+[^.!?;\n]{0,30}?)??[ ,]+"
    r"(?:(?:now|and|but|so|when|then|because|cause|since|lately)[ ]+)?)(?:he|she)"
    r"(?:(?:['’]s|[ ]+is|[ ]+was)[ ]+(?:going[ ]+to[ ]+(?:meetings|church|school|work"
    r"|therapy|group)|been[ ]+(?:calling|texting|asking))"
    r"|[ ]+(?:just[ ]+|even[ ]+|finally[ ]+)?(?:called[ ]+me|texted|messaged|told[ ]+me"
    r"|asked[ ]+(?:me|about)|apologized|said[ ]+sorry|woke[ ]+up|kept[ ]+asking"
    r"|keeps[ ]+asking|hugged|promised|swore|cried|hung[ ]+up|stormed[ ]+out|walked[ ]+out"
    r"|blocked[ ]+me|yelled|screamed|started[ ]+crying|wouldn't[ ]+(?:talk|answer|eat|stop)"
    r"|won't[ ]+(?:talk|answer|eat|stop)|kept[ ]+(?:crying|calling|texting)))(?![\w'’])"
)
# Words a clause opens with bare that are no one: meals, weather, money, an event ("dinner
# was late and she called me", "traffic was bad so he texted").
_BARE_THINGS = frozenset(
    """dinner lunch breakfast brunch supper practice rehab detox group class session
    meeting traffic weather rain snow heat money food coffee everything nothing water
    power mail rent court church work school therapy lately today tonight yesterday
    morning night sleep mood appetite energy life""".split()
)


# Told, asked, texted someone, then "if she", "and he never", "but she": "i asked scout if
# she wanted", "i texted rusty and he never wrote back" (never "told stories about").
_WORD_OBJECT = lazy(
    r"(?i)(?<![\w'’])(?:told|asked|texted|called|messaged|begged|warned|reminded|promised"
    r"|thanked|forgave)[ ]+(?P<name>[a-z][a-z'’]{2,11})[ ]+(?:(?:if|whether)[ ]+(?:she|he"
    r"|they)|(?:and|but)[ ]+(?:she|he)(?:[ ]+(?:never|didn't|said|just|was|is|texted"
    r"|called|laughed|got|came|told|won't|wouldn't|doesn't|hung))?)(?![\w'’])"
)
# Two together, then what two people do: "me and tank used to work the same shift".
_PAIR_DONE = (
    r"(?:(?:just|always|never|still|both|finally|really)[ ]+)?(?:used[ ]+to[ ]+(?:work|hang"
    r"|date|live|skate|play|party|drink|smoke|run|ride|go)|broke[ ]+up|hung[ ]+out|hang[ ]+out"
    r"|grew[ ]+up|got[ ]+into[ ]+it|were[ ]+dating|dated|split[ ]+up|fought|argued|made[ ]+up"
    r"|went[ ]+(?:out|to[ ]+the|to[ ]+a|over[ ]+to)"
    r"|got[ ]+(?:in|into)[ ]+a[ ]+fight"
    r"|had[ ]+a[ ]+(?:(?:huge|big|bad|stupid|little)[ ]+)?fight|are[ ]+(?:fighting|together"
    r"|dating|not[ ]+talking))(?![\w'’])"
)
_WORD_PAIR = lazy(
    rf"(?i)(?<![\w'’])(?:me|i)[ ]+(?:and|&|n)[ ]+(?P<name>[a-z][a-z'’]{{2,11}})[ ]+{_PAIR_DONE}"
)
# The word first, at a clause's start, then what only two people do: "gator and i had a
# huge fight", "taco and me broke up".
_WORD_PAIR_FIRST = lazy(
    rf"(?im){_OPENS}(?P<name>[a-z][a-z'’]{{2,11}})[ ]+(?:and|&|n)[ ]+(?:i|me)[ ]+"
    r"(?:(?:just|always|never|still|finally|really)[ ]+)?(?:broke[ ]+up|split[ ]+up|fought"
    r"|argued|made[ ]+up|got[ ]+(?:in|into)[ ]+a[ ]+fight|were[ ]+dating|dated|used[ ]+to"
    r"[ ]+date|had[ ]+a[ ]+(?:(?:huge|big|bad|stupid|little)[ ]+)?fight)(?![\w'’])"
)
# Kin, then the word, then what a person does: "my brother ace just got out".
_WORD_KIN = lazy(
    rf"(?i)(?<![\w'’])(?:my|our|his|her|their)[ ]+(?:{_KIN})[ ]+"
    r"(?P<name>[a-z][a-z'’]{2,11})[ ]+(?:(?:just|finally|always|never)[ ]+)?"
    r"(?:got[ ]+(?:out|back|locked|arrested|married|sober|clean)|said|texted|told|called"
    r"|keeps|kept|came|asked|moved|lives|wants|thinks|showed[ ]+up|ate[ ]+(?:all|my)"
    r"|stole|borrowed|yelled|hit|left)(?![\w'’])"
)


def word_nicknames(text: str, lexicon: NameLexicon, mode: CaseMode) -> Iterator[Detection]:
    """ "moose said he'd drive me", "i asked scout if she", "me and tank used to work",
    "my brother ace just got out": an everyday word someone is called, in a slot only a
    person fills (never grammar, kin, an endearment, a role, a brand, slang or clinical
    vocabulary, nor a verb's or a plural's form: "work said", "i asked around if")."""
    if mode == "mixed":
        return
    for pattern in (
        _WORD_SUBJECT,
        _WORD_OBJECT,
        _WORD_PAIR,
        _WORD_PAIR_FIRST,
        _WORD_KIN,
        _WORD_THEN_PRONOUN,
    ):
        for m in finditer_by_line(pattern, text):
            word = m.group("name")
            if pattern in (_WORD_THEN_PRONOUN, _WORD_PAIR_FIRST) and word.lower() in _BARE_THINGS:
                continue
            opening = pattern in (_WORD_SUBJECT, _WORD_THEN_PRONOUN)
            if _called_word(word.lower(), lexicon) or (
                opening and _plural_called(word.lower(), lexicon)
            ):
                yield WORD_NICKNAME.at(*m.span("name"))


# Words a slot above holds that name no one: places and bodies people call or tell, and
# words that open a clause ("i told work if", "so everyone said", "maybe said").
_NOT_CALLED = frozenset(
    """work home school church court clinic office bank insurance pharmacy hospital police
    cops probation parole landlord company boss family everyone everybody nobody somebody
    god lord life universe karma brain body heart gut mind head therapy time history
    someone anyone anybody people guys girls kids folks maybe then there here what which
    who whoever this that these those one ones both each either neither all none""".split()
)


def _called_word(w: str, lexicon: NameLexicon) -> bool:
    """Could `w` be what someone is called: a noun or a name-shaped word, no grammar,
    role, kin, filler, brand or clinical term, no -ing, -ed or -ly form ("running said")
    and no plural ("cops said")."""
    w = w.replace("’", "'")
    return (
        nickname_word(w, lexicon)
        and w not in STOP_WORDS
        and w not in _NOT_CALLED
        and w not in NON_NAME_WORDS
        and w not in FILLERS
        and w not in SPEECH_SLANG
        and w not in ROLES
        and w not in TITLES
        and w not in BRANDS
        and w not in PETS
        and w not in PERSON_NOUNS  # ("landlady texted me", "cop yelled")
        and not is_clinical_term(w)
        and not w.endswith(("ed", "ly", "'s"))
        # (a verb's "-ing" form, never a noun that ends so: "running said", but
        # "dumpling was upset and she")
        and not (
            w.endswith("ing")
            and (len(w) <= 5 or lexicon.is_plain_word(w) or lexicon.is_verb_form(w))
        )
        and not (
            w.endswith("s")
            and not w.endswith("ss")
            and lexicon.is_english(w[:-1])
            and w not in _PLURAL_NICKNAMES
        )
    )


def _plural_called(w: str, lexicon: NameLexicon) -> bool:
    """A plural opening a clause before what only one person does is what someone is
    called ("waffles was like whatever", "sprinkles texted me"), when its singular could
    be ("waffle") and is no kind of person or thing the clause would be about ("cops",
    "kids", "meetings")."""
    if not w.endswith("s") or w.endswith("ss") or len(w) < 4:
        return False
    singular = w[:-1]
    return singular not in _BARE_THINGS and _called_word(singular, lexicon)


# Plurals that people are called ("pickles was like whatever", "peaches goes you never
# listen"): a pet name, never "cops said".
_PLURAL_NICKNAMES = frozenset(
    """pickles peaches bubbles cuddles giggles sprinkles skittles boots beans nuggets
    smalls biggs muggs nibbles snickers tootsies""".split()
)


# A turn's tag: a first name and a surname's initial, then a colon ("Dana W.: i'm
# here", "sam h: not really").
_INITIALLED_TAG = regex.compile(
    r"(?m)^[ \t>\[]*(?P<name>(?P<first>\p{L}[\p{L}'’-]+)[ ]\p{L}\.?)[ \t]*\]?:[ \t]+(?=.*\p{L}{2})"
)


def initialled_speakers(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "Dana W.: i'm here", "keisha b: yeah": a given name and an initial tagging a turn
    (never a field's name: "Vitamin D: low", "Plan B: call", "Part A: intake")."""
    if ":" not in text:
        return
    for m in _INITIALLED_TAG.finditer(text):
        first = m.group("first").lower()
        if (
            lexicon.is_first_name(first)
            and first not in STOP_WORDS
            and first not in NON_NAME_WORDS
            and first not in TITLES
            and first not in ROLES
            and first not in RELATIONS
            and first not in _FIELD_WORDS
            and not is_clinical_term(first)
        ):
            yield INITIALLED_SPEAKER.at(*m.span("name"))


# Given names a form or a note heads a field with ("Plan B:", "Will A:", "Art C:").
_FIELD_WORDS = frozenset(
    "bill page art will may mark grant rich sage chase major hope plan part type group "
    "section step class grade option vitamin hepatitis".split()
)


_SACRED_PAIR = lazy(
    rf"(?i)(?<![\w'’-])(?P<name>(?:{alternation(tuple(sorted(SACRED_FIRST_NAMES)))})[ ]+"
    r"(?P<surname>[a-z][a-z'’-]{2,20}))(?![\w'’-])"
)


def sacred_full_names(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "santa ramirez called", "jesus morales from my block": a holy word that is a first
    name, then a clear surname that is no first name nor English word ("santa rosa",
    "santa claus", "jesus christ", "santa barbara" are never one)."""
    for m in _SACRED_PAIR.finditer(text):
        surname = m.group("surname").lower()
        if (
            lexicon.is_clear_name(surname)
            and not lexicon.is_first_name(surname)
            and not lexicon.is_english(surname)
            and surname not in STOP_WORDS
            and surname not in NON_NAME_WORDS
        ):
            yield SACRED.at(*m.span("name"))


# Someone's event: "shonda's baby shower", "lorenzo's memorial", "i left wendell's
# retirement party" (a person's, never a place's: no one holds a shower at a town).
_EVENT_HOST = lazy(
    r"(?i)['’]s[ ]+"
    r"(?:(?:baby|bridal|surprise|birthday|retirement|going[- ]away|engagement|graduation"
    r"|wedding|sweet[ ]sixteen|welcome[ ]home|farewell|bachelor|bachelorette)[ ]+)?"
    r"(?:shower|party|funeral|wedding|memorial|graduation|housewarming|bachelorette"
    r"|quinceañera|quinceanera|quince|baptism|christening|bris|bar[ ]mitzvah|bat[ ]mitzvah"
    r"|sentencing|arraignment|trial|birthday|barbecue|bbq|cookout|reception|gender[ ]reveal"
    r"|wake|viewing|recital|anniversary|first[ ]communion|confirmation"
    r"|celebration[ ]of[ ]life)(?![\w'’])"
)
# The owner's name, read back from its "'s" (a window of 24 characters).
_OWNER = regex.compile(r"(?r)(?<![\w'’-])(\p{L}[\p{L}-]{1,20})\Z")
# Before the name, a word that makes it a thing's or a kind of person's ("the bride's
# shower", "a friend's wedding", "my cousin's quince").
_OWNER_BEFORE = lazy(
    r"(?i)(?<![\w'’])(?:the|a|an|my|his|her|our|their|your|this|that|some|every|each"
    r"|whose|one)[ ]+\Z"
)


def event_hosts(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "we went to shonda's baby shower", "lorenzo's memorial was hard": a given name, or a
    word shaped like one no list has, whose event it is (a place rule reads "to shonda's"
    as a shop). Never kin, a role or an everyday word ("my mom's birthday", "the
    church's party", "today's party", "mother's day")."""
    if "'s" not in text and "’s" not in text:
        return
    for event in _EVENT_HOST.finditer(text):
        m = _OWNER.search(text, max(0, event.start() - 24), event.start())
        if m is None:
            continue
        word = m.group(1)
        w = word.lower()
        if _OWNER_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if w in STOP_WORDS or w in NON_NAME_WORDS or w in RELATIONS or w in KIN_ROLES:
            continue
        if w in ROLES or w in TITLES or w in PERSON_NOUNS or is_clinical_term(w):
            continue
        if lexicon.is_first_name(w) or (
            lexicon.is_clear_name(w) and not lexicon.is_plain_word(w)
        ) or unlisted_name(word, lexicon):
            yield EVENT_HOST.at(*m.span(1))
