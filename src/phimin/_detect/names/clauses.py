"""Names known by the part they play in a clause, in speech with or without capitals:
the subject of what a person does ("so will said", "grace texted me"), a name said to
be kin ("kwame, that's my boyfriend", "chance is my oldest"), a name described by its
age ("dmitri is a 47-year-old male"). Rules `phimin.name.subject`,
`phimin.name.kin_appositive`, `phimin.name.age_description`.

Names that are also words ("hope", "grace", "will") are taken only where the word
cannot be meant: before a verb only a person does ("hope said", not "hope is"), and
only at the start of a clause ("my hope is" is the word).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from typing import Any

import ahocorasick
import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.case import CaseMode, case_mode
from phimin._detect.clinical import MEDICATIONS, is_clinical_term, looks_clinical
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon
from phimin._detect.lines import finditer_by_line, finditer_from, whole_words
from phimin._detect.literals import gate_fold
from phimin._detect.names.nicknames import nickname_word
from phimin._detect.names.tokens import PASTIMES
from phimin._detect.words import (
    BEFORE_A_THING,
    BRANDS,
    KIN_ROLES,
    NICKNAME_PREFIXES,
    NON_NAME_WORDS,
    NOUN_NAMES,
    PAST_TENSE_NAMES,
    PERSON_NOUNS,
    PERSON_VERBS,
    PETS,
    PLACE_KINDS,
    PLURAL_RELATIONS,
    POSTNOMINALS,
    RELATIONS,
    ROLES,
    SPEECH_SLANG,
    SUBJECT_VERBS,
    TITLES,
    VERBS_BEFORE_YOU,
    alternation,
    longest_first,
)
from phimin._lazy_regex import AnyPattern, lazy
from phimin._short_forms import is_nickname

__all__ = [
    "SACRED_FIRST_NAMES",
    "SEASONS",
    "SUBJECT_WORDS",
    "THINKING_VERBS",
    "age_descriptions",
    "companions",
    "described_noun",
    "doers",
    "favorite_thing",
    "first_names_at",
    "from_somewhere",
    "kin_appositives",
    "name_part",
    "name_word",
    "named_between_commas",
    "objects",
    "past_tense_verb",
    "presented",
    "questions",
    "role_appositives",
    "subjects",
    "the_one_who",
    "thing_at",
    "thing_called",
    "thing_does",
]

SUBJECT = builtin("phimin.name.subject")
KIN_APPOSITIVE = builtin("phimin.name.kin_appositive")
AGE_DESCRIPTION = builtin("phimin.name.age_description")
PRESENTED = builtin("phimin.name.presented")
OBJECT = builtin("phimin.name.object")
QUESTION = builtin("phimin.name.question")
COMPANION = builtin("phimin.name.companion")
FROM_SOMEWHERE = builtin("phimin.name.from_somewhere")

# Where a clause starts: a line, a speaker tag, the end of a sentence, or a comma; then
# at most three words of discourse ("so", "and then", "honestly", "um").
# after a word that opens a clause: "do you think sage needed", "because grace said"
_CLAUSE_WORDS = (
    r"(?:think|thought|guess|know|knew|feel|felt|wish|said|says|because"
    r"|since|when|if|that|until|while|after|before|whether|what|how|why|hope|bet|swear"
    r"|heard|noticed|realized|figured|pray|wonder|worried|glad|afraid|scared)"
)
_CLAUSE_START = (
    r"(?:^|(?<=[.!?;:\]][ \t]{0,3})|(?<=,[ ])"
    rf"|(?<=(?<![\w'’]){_CLAUSE_WORDS}[ ]))[ \t]*"
    r"(?:(?:so|and|then|um|uh|but|honestly|yeah|yes|well|like|cause|because|okay|ok|alright"
    r"|oh|now|plus|anyway|see|apparently|basically|no)[ ,]+){0,3}"
)
# What _CLAUSE_START's look-behinds hold after (a match of this ends where a clause may
# start, or, after [.!?;:\]], anywhere in its spaces), but the words that open a clause,
# which `_subject_starts` reads from the runs of word characters.
_CLAUSE_MARK = regex.compile(r"[.!?;:\]][ \t]{0,3}|,[ ]|\n")
_CLAUSE_WORD_SET = frozenset(_CLAUSE_WORDS[3:-1].split("|"))
_WORD = r"[^\W\d_](?:[\w'’-]*[^\W_])?"
_MONTHS = frozenset({"april", "may", "june", "august", "march", "january"})
# A hesitation said before the name ("me and uh dre went", "i texted, um, jojo"): the
# sounds only, never a word that could be the name.
_HESITATION = r"(?:(?:um+|uh+|uhm|er|erm)(?:[ ]*,[ ]*|[ ]+)){0,3}"
# Seasons that are names too, as often the season: "summer is coming", "winter was hard".
_SEASONS = frozenset({"summer", "winter", "autumn", "spring"})
# What a person does and nothing else: after a name that is also a word, only these.
_BASE_FORMS = frozenset({"say", "hit", "quit", "just", "always", "never", "still"})
# After "is", "was", "doesn't": what only a person does or is.
_PERSON_AFTER = lazy(
    r"(?i)[ ]+(?:(?:so|really|like|just|still|always|never|kinda|pretty|super)[ ]+)?"
    r"(?:crying|yelling|screaming|drinking|using|texting|calling|sleeping|lying|cheating"
    r"|dating|fighting|talking|hitting|mad|upset|angry|pissed|sad|scared|worried|jealous"
    r"|pregnant|drunk|high|sober|clean|lonely|depressed|furious|annoyed|the[ ]one[ ]who"
    r"|care|listen|understand|answer|call|text|talk|believe|remember|get[ ]it|want[ ]to"
    r"|know[ ]how|able[ ]to[ ](?:come|make[ ]it|go|visit|stay|help|talk|call|get|join|attend)"
    r"|coming|late|sick|asleep|awake|banging|knocking|begging|threatening|harassing"
    r"|stalking|bugging|nagging|following[ ]me|blowing[ ]up[ ]my"
    # (at a gathering only people go to: "rich was at the party", "kat is at the wedding")
    r"|at[ ](?:the|a|my|his|her|our|their|your)[ ](?:party|wedding|funeral|reunion|baby[ ]shower"
    r"|shower|barbecue|bbq|cookout|sleepover|concert|game)"
    r"|\d{1,3}(?![\d/.:%,]\d|[\d/:%]|[ ]?(?:percent|%|mg|kg|lbs?|pounds|points?"
    r"|out[ ]of|/)))(?![\w'’])"
)
# What only people do: a word no name list knows is a name before these alone.
_HUMAN_VERBS = frozenset(
    "said says say told tells asked asks texted texts called calls emailed messaged yelled "
    "yells screamed laughed laughs smiled hugged promised promises apologized agreed "
    "disagreed wants wanted thinks thought knows knew hates hated loves loved likes liked "
    "decided lied mentioned explained whispered shouted replied answered drove drives "
    "walked graduated cheated threatened blamed blames stormed slammed kicked pushed "
    "grabbed hit hits doesn't didn't won't wouldn't can't couldn't isn't wasn't".split()
)
# (and "fell", which only a person does before "asleep": "so hope fell asleep on me")
_WEAK_VERBS = SUBJECT_VERBS | frozenset(
    "doesn't didn't won't wouldn't can't couldn't isn't wasn't hasn't hadn't keeps needs "
    "knows thinks feels gets got fell".split()
)
# What a chart says a client did, which no thing does ("Hope presented tearful", "Faith
# states she is fine"): a person's verbs too, after a name that opens a sentence.
_CHART_VERBS = frozenset(
    """presented presents states stated describes described shares shared verbalized
    verbalizes expressed expresses acknowledged acknowledges participated declined
    requested requests tolerated""".split()
)
_ACTS = PERSON_VERBS | _CHART_VERBS | PASTIMES
# What no institution, thing or time does ("work called me" is the workplace).
_ONLY_PEOPLE_DO = frozenset(
    "texted texts messaged facetimed snapchatted dm'd dmed hugged kissed cried laughed "
    "smiled apologized apologizes whispered".split()
)
_SUBJECT_VERBS = _ACTS | _WEAK_VERBS
_SUBJECT = lazy(
    # (two names joined: "so jack and ray came over")
    rf"(?im){_CLAUSE_START}(?P<name>{_WORD})(?:[ ]+(?:and|&)[ ]+(?P<other>{_WORD}))?[ ]+"
    r"(?:(?:just|always|never|still|finally|really|also|even|literally|actually|kinda"
    r"|basically|totally|then|kind[ ]of|sort[ ]of|sorta)[ ]+){0,2}"
    rf"(?P<verb>{alternation(tuple(sorted(_SUBJECT_VERBS)))})(?![\w'’])"
)
# Every character a _SUBJECT match holds after its clause start is one of these (words,
# spaces, commas, "&"): a clause start is worth trying only where one of its verbs comes
# before the next other character (".", ":", a line break, a bracket...).
_NOT_IN_SUBJECT = regex.compile(r"[^\w'’\- \t,&]")
_RUN = regex.compile(r"[\w'’]+")  # each verb is one run (checked by a test)
_RUN_CHAR = regex.compile(r"[\w'’]")
_KIN = alternation(tuple(sorted(RELATIONS | KIN_ROLES)))
# "smoke was the one who introduced us": a word that opens a clause said to be the
# person who did something is what that person is called.
_THE_ONE_WHO = lazy(
    rf"(?im){_CLAUSE_START}(?P<name>{_WORD})(?:[ ]+(?:is|was)|['’]s)[ ]+(?:(?:always|really"
    r"|actually|literally|basically)[ ]+)?the[ ]+(?:only[ ]+)?(?:one|person|guy|girl)"
    # ("herrera's the only one at work who knows")
    r"(?:[ ]+(?:at|in|from|on|here|there)(?:[ ]+(?:the[ ]+)?[\w'’]+)?)?[ ]+who(?![\w'’])"
)
# Words that open a turn before a name ("so ji-woo is my oldest", "um dawn from the
# pharmacy called").
_OPENERS = frozenset(
    {"so", "and", "but", "well", "um", "uh", "oh", "like", "yeah", "okay", "now", "nah", "no"}
)
_OPENER = alternation(tuple(sorted(_OPENERS)))
# ("bubba my older brother he's been checking on me")
# (and the kind of worker or officer: "my case worker", "my probation officer")
_KIN_DESCRIBED = (
    r"(?:(?:older|younger|little|big|baby|twin|late|other|new|old|case|social|youth"
    r"|probation|parole|victim|peer)[ ]+)?"
)
# ("cash is my little brother")
_MY_KIN = rf"(?:my|our|his|her|their|mi)[ ]+{_KIN_DESCRIBED}(?P<kin>{_KIN})(?![\w'’-])"
_PLURAL_KIN = alternation(tuple(sorted(PLURAL_RELATIONS)))
# After kin, a pronoun that takes up the one just named ("... my youngest she's four").
_RESUMED = (
    r"(?=(?P<resumed>[ ]+(?:(?:um|uh|like|yeah|so)[ ]+)?(?:he|she|they|he's|she's|they're"
    r"|who|who's)(?![\w'’])))?"
)
_KIN_APPOSITIVE = lazy(
    rf"(?im){_CLAUSE_START}(?P<name>{_WORD}(?:[ ]{_WORD})?)"
    r"(?:[ ]*,[ ]*(?:(?:that's|thats|he's|she's|they're|who's)[ ]+)?"
    r"|[ ]+(?:is|was|'s|’s|that's|thats|who's)[ ]+(?:like[ ]+)?)"
    rf"{_MY_KIN}{_RESUMED.replace('resumed', 'taken_up')}"
    # "autumn my youngest starts school": one name and no pause at all
    rf"|{_CLAUSE_START}(?:(?:{_OPENER})[ ]+)?"
    # ("dmitri my husband's brother keeps calling": kin of kin)
    rf"(?P<bare>{_WORD})[ ]+(?:my|our|mi)[ ]+(?:(?:{_KIN})['’]s[ ]+)?{_KIN_DESCRIBED}(?:{_KIN})"
    r"(?![\w'’-])"
    # ("chase my ex um he still has the kids": a pronoun takes up the one named)
    rf"{_RESUMED}"
    # "hope and faith are my twin sisters": two names said to be kin
    # ("tomasz and agnieszka my parents they don't speak english": no verb between)
    rf"|{_CLAUSE_START}(?P<first>{_WORD})[ ]+(?:and|&|y)[ ]+(?P<second>{_WORD})[ ]+"
    rf"(?:(?:are|were|son|eran)[ ]+)?(?:my|our|mis|nuestros|nuestras)[ ]+{_KIN_DESCRIBED}"
    rf"(?:{_PLURAL_KIN})(?![\w'’-])"
)
# What every match of _KIN_APPOSITIVE holds ("my sister"): it runs only on the lines
# holding this, a cheaper scan than its own (`lines.finditer_by_line`).
_KIN_APPOSITIVE_CUE = lazy(
    rf"(?i)(?:my|our|his|her|their|mi|mis|nuestros|nuestras)[ ]+"
    rf"(?:(?:{_KIN})['’]s[ ]+)?{_KIN_DESCRIBED}(?:{_KIN}|{_PLURAL_KIN})(?![\w'’-])"
)
# Kin or the one meant, then "is" or "was" ("my sponsor is", "the middle one was"): what
# every `_KIN_IS_NAMED` match opens with, and the lines it runs on.
_KIN_IS = (
    rf"(?:(?:my|our|his|her|their|your)[ ]+(?:best[ ]+)?{_KIN_DESCRIBED}(?:{_KIN})"
    r"|the[ ]+(?:oldest|youngest|middle[ ]one|older[ ]one|younger[ ]one|landlord|landlady"
    r"|baby|new[ ]guy|new[ ]girl))[ ]+(?:is|was)[ ]"
)
_KIN_IS_CUE = lazy(rf"(?i){_KIN_IS}")
_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|a[ ]hundred|hundred)(?:[ -](?:one|two|three|four|five|six|seven|eight"
    r"|nine))?"
)
_AGE_DESCRIPTION = lazy(
    rf"(?i)(?<![\w'’-])(?P<name>{_WORD}(?:[ ]{_WORD})?)[ ]+(?:is|was|'s|’s)[ ]+an?[ ]+"
    rf"(?:\d{{1,3}}|{_NUMBER_WORDS})[ -]+(?:years?|yrs?|months?|weeks?)[ -]+old(?![\w])"
)
# Letters, with one apostrophe after a name's prefix (O'Brien, D'Angelo) or hyphens
# between parts (Ji-woo); never a contraction ("it's", "you're").
_NAME_SHAPE = regex.compile(r"^(?:[od]'|[^\W\d_]+-)?[^\W\d_]+(?:-[^\W\d_]+)*$")
# A clinician dictating: "patient is lorna fitch", "today i'm seeing marisol yates",
# "next is gideon platt", "patient , otis brandt ." (the name, then a pause or the date of
# birth).
_PRESENTED = lazy(
    r"(?i)(?<![\w'’])(?:patient(?:'s[ ]name)?(?:[ ]+is)?|(?:the[ ])?next(?:[ ]patient)?[ ]+is"
    r"|(?:i'm|i[ ]am|we're|we[ ]are|i'll[ ]be|we'll[ ]be)[ ]+seeing"
    r"|today[ ]+(?:i'm|we're)[ ]+seeing|seeing|patient[ ]name(?:[ ]is)?|name[ ]is|this[ ]is)"
    r"[ ]*[,:]?[ ]+"
    rf"(?P<first>{_WORD})(?:[ ]+(?P<last>{_WORD}))?"
    r"(?=[ ]*(?:[.,;:?!]|\n|$|[ ]+(?:date[ ]of[ ]birth|dob|born|mrn|medical[ ]record|is[ ]an?[ ]"
    r"|who[ ]is|here[ ]for|presenting|for[ ]a|age[ ]|a[ ]\d)))"
)
_MODAL_NAMES = frozenset({"will", "may"})
SEASONS = frozenset({"summer", "winter", "autumn", "spring", "fall"})
# Verbs of thinking or saying before a clause ("hope i'm not late", "hope the nurse comes").
THINKING_VERBS = frozenset(
    "hope guess bet wish trust swear mean say think figure pray promise believe know feel"
    " suppose".split()
)
_NOT_SEEN_PEOPLE = _MONTHS | SEASONS  # ("i love summer", "i miss may")
_NOT_LET = _NOT_SEEN_PEOPLE | frozenset({"hope", "faith", "grace", "chance", "love", "joy"})
# Telling, asking, calling someone, then what was said: "i told mark i'm not going",
# "i asked june if she could", "texted will that".
_OBJECT = lazy(
    r"(?i)(?<![\w'’])(?:told|tell|tells|asked|ask|asks|texted|text|texts|called|call|calls"
    r"|emailed|messaged|warned|promised|begged|reminded|thanked|dm'd|dmed)(?:[ ]*,[ ]*|[ ]+)"
    + _HESITATION
    # (a speaker's tag ends the turn too: "when you told will [patient] um")
    + rf"(?P<name>{_WORD})(?=[ ]*(?:[,.;!?\[]|$)|[ ]+(?:i|i'm|i'd|i'll|that|if|to|about|he|she"
    r"|we|they|it|it's|not|no|yes|how|what|when|why|so|because|cause|and|but|last|yesterday|today"
    r"|tonight|again|back|earlier|later|this[ ](?:morning|afternoon|evening|week|weekend)"
    # what was sent or said to them ("i emailed priyanka the forms", "told gus my side")
    r"|the|my|everything|those)"
    r"(?![\w'’]))"
)
# Seeing, loving, living with someone, then where, when or a new clause: "i saw faith
# at church", "i love frank but", "she moved in with ray last year".
_SOCIAL_OBJECT = lazy(
    r"(?i)(?<![\w'’])(?:saw|seen|met|meet|visited|visit|love|loves|loved|miss|misses|missed"
    r"|hugged|married|marry|divorced|dating|dated|ran[ ]into|run[ ]into|(?:hang|hangs|hung"
    r"|hanging|live|lives|lived|living|stay|stays|stayed|staying|moved[ ]in|broke[ ]up|went"
    r"[ ]out|fight|fought|fighting|argue|argued|arguing|spoke|speak|speaking|talk|talked"
    r"|talking)[ ]with|(?:talk|talked|talking|spoke|speak|speaking|listen|listened)[ ]to"
    # ("hanging out with tash all weekend")
    r"|(?:hang|hangs|hung|hanging|chill|chilled|chilling)[ ]out[ ]with"
    r"|(?:heard|hear|hearing)[ ]from|(?:worried|worry|worrying|thinking)[ ]about"
    # going somewhere or being with someone, trusting or blaming them: "i went with hope
    # to the store", "the kids are with crystal this weekend", "i don't trust mark"
    r"|(?:went|go|goes|going|came|come|coming|left|are|is|was|were|been)[ ]with"
    r"|trust|trusted|trusting|blame|blamed|blaming|forgive|forgave|forgiven"
    r"|(?:yelled|yell|yelling|mad|snapped)[ ]at"
    # ("i apologized to wendell for yelling", "i lied to marisol about it")
    r"|(?:apologized|apologize|apologizing|lied|lie|lying)[ ]to|(?:picked|pick|picking|dropped|drop"
    r"|dropping)[ ]up|go[ ]see|went[ ]to[ ]see|drove|drive|driving)[ ]+"
    # (not "in": "i saw hope in her eyes", "i love summer in the city")
    rf"(?P<name>{_WORD})(?=[ ]*(?:[,.;!?]|$)|[ ]+(?:at|on|but|and|yesterday|today|tonight"
    r"|last|this|again|since|after|before|so|because|cause|anymore|every|all|about|lately"
    r"|from|to|off|up|over|home|too|he|she|they|he's|she's|they're"
    # for how long ("we stayed with grace for a while"; not "lived with hope for the
    # future")
    r"|for[ ]+(?:a[ ]+(?:while|bit|week|month|year|few|couple)|awhile|now|(?:a[ ]+)?(?:few"
    r"|couple|two|three|four|five|six|some)[ ]+(?:of[ ]+)?(?:days|weeks|months|years|nights)"
    # for what was done ("i apologized to wendell for yelling")
    r"|yelling|lying|cheating|being|leaving|hitting|screaming|ignoring|forgetting|missing"
    r"|saying|snapping|blowing[ ]up)"
    r")(?![\w'’]))"
)
# A month's name that is a first name, seen, told or spoken to as a person: "when's the
# last time you saw april", "i said something mean to may at dinner" (a month is never
# seen or spoken to; "i miss may", "i love june" are left: the month is missed too).
_MONTH_OBJECT = lazy(
    r"(?i)(?<![\w'’])(?:saw|seen|met|visited|hugged|told|asked|texted|thanked|(?:talk|talked"
    r"|talking|spoke|speak|lied|mean|nice|rude|apologized|apologize|listen|listened|wrote"
    r"|write|yelled|yell)(?:[ ]+[a-z]+){0,2}?[ ]+(?:to|at))[ ]+(?P<name>april|may|june|august)"
    r"(?=[ ]*(?:[,.;!?\[]|$)|[ ]+(?:at|about|but|yesterday|today|tonight|again|when|because"
    r"|cause|he|she|they|i|we|and[ ](?!(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december)(?![\w]))|\p{L}{2,12}[ ]?:)(?![\w'’]))"
)
# Letting someone do something or down: "i let river down again", "why i let penny talk
# to me like that", "let june know".
_LET_OBJECT = lazy(
    rf"(?i)(?<![\w'’])(?:let|lets|letting)[ ]+(?P<name>{_WORD})[ ]+(?:down|talk|treat|walk"
    r"|speak|get[ ]away|know|borrow|use|drive|stay|move[ ]in|in|back[ ]in|yell|push|hit|control"
    r"|take|have|see|decide|come[ ]over|sleep[ ]over|win)(?![\w'’])"
)
# What is given, taken or put somewhere as a thing ("i gave cash the ...").
_NOT_GIVEN = frozenset({"bill", "penny", "sage", "charity"})
# Everyday nouns that are names of children, no census first name ("journey", "ocean").
_WORD_NAMES = (NOUN_NAMES - {"charity", "sage", "chance", "story"}) | frozenset(
    {"meadow", "colt", "bear", "journey"}
)
# Names that are what is taken as often as anyone ("it takes patience", "take may off").
_TAKEN_AS_THINGS = (
    NOUN_NAMES
    - {"journey", "river", "sky", "storm", "ocean", "willow", "raven", "phoenix", "rose", "lily"}
) | _MONTHS | SEASONS | frozenset(
    {"will", "cash", "bill", "mark", "chance", "over", "care", "art", "chase", "grant", "page"}
)
# A pronoun for a person that takes up the month just said: "worried about june she's".
_TAKEN_UP = regex.compile(r"[ ]+(?:she|he|she's|he's)(?![\w'’])")
# Giving someone a thing: "i gave misty the keys", "i owe june an apology" (a thing is
# never given a thing; "give hope a chance" is the word).
_PERSON_PLACES = (
    r"(?:doctor|doctor's|dentist|er|hospital|pediatrician|appointment|appointments|movies|park"
    r"|practice|school|daycare|preschool|bed|therapist|therapy|counseling|zoo|clinic"
    r"|dad's|mom's|grandma's|grandpa's|jail|camp|class|soccer|dance|church)"
)
_HANDED_OBJECT = lazy(
    # (or told, asked or promised a thing: "i told will the truth", "i asked grace a
    # favor"; no thing is told anything)
    r"(?i)(?<![\w'’])(?:(?:gave|give|gives|giving|bought|buy|buying|lent|lend|lending|owe|owed"
    r"|owes|handed|hand|sent|send|showed|wrote|told|tell|tells|asked|ask|asks|promised"
    r"|reminded)[ ]+"
    rf"(?P<name>{_WORD})[ ]+(?:my|the|a|an|his|her|their|our|some|twenty|ten|fifty|money"
    r"|rides?)(?![\w'’])(?![ ]+(?:chance|try|shot|go|rest|break|second)(?![\w'’]))"
    # Taking, driving or putting someone where only a person goes: "i took cash to the
    # pediatrician", "i picked up april from practice", "i tucked meadow in", "i woke
    # heaven up for school" (not "took cash to the bank").
    r"|(?:took|take|takes|taking|drove|drive|drives|driving|brought|bring"
    r"|walked|walk|put|(?:picked|pick|picking)(?:[ ]+up)?|(?:dropped|drop|dropping)(?:[ ]+off)?"
    r")[ ]+(?P<name>" + _WORD + r")(?:[ ]+(?:up|off|back|home|early|late))?[ ]+(?:to|at|from)"
    r"[ ]+(?:(?:the|her|his|their|my|our)[ ]+)?" + _PERSON_PLACES + r"(?![\w'’])"
    r"|(?:tucked|tuck|tucking)[ ]+(?P<name>" + _WORD + r")[ ]+in(?![\w'’])"
    r"|(?:woke|wake|waking)[ ]+(?P<name>" + _WORD + r")[ ]+up(?![\w'’])"
    # ("my ex tried to take journey", "they'll take journey from me")
    r"|(?:take|takes|took|taking)[ ]+(?P<taken>" + _WORD + r")(?=[ ]*(?:[,.;!?]|$)"
    r"|[ ]+(?:from[ ]+(?:me|us|him|her)|away)(?![\w'’])))"
)
# Where only a person is meant by a word that describes ("rocky", "misty"), or by a
# first name that is no English word ("skye"): alone after a preposition (or after
# what one feels about someone), then a pause or a new clause ("because of rocky we
# got evicted", "i waited for misty", "i'm so proud of skye"; not "for sunny days").
_AFTER_IT = (
    r"(?=[ ]*(?:[,.;!?]|$)|[ ]+(?:i|i'm|we|he|she|they|but|so|because"
    r"|again|anymore|too|lately|yesterday|today|tonight|since)(?![\w'’]))"
)
_ALONE_WORDS = frozenset("rocky misty rusty sunny dusty sandy stormy".split())
# (not after "to" or "from": "it went from cloudy to sunny.")
_ALONE_BEFORE = regex.compile(r"(?ri)(?<![\w'’])(?:of|for|about|with|at|without)[ ]+\Z")
_AFTER_ALONE = lazy(_AFTER_IT)
_FELT_OBJECT = lazy(
    r"(?i)(?<![\w'’])(?:because|proud|scared|afraid|jealous|sick|tired|ashamed|instead"
    r"|custody|care|thinking|thought)[ ]+of[ ]+(?P<name>" + _WORD + ")" + _AFTER_IT
)
# Someone with "me" or "I", or someone's things: "robin and i went", "me and dawn",
# "miles's mom", "iris's birthday".
_AND_I = r"(?:and|&)[ ]+(?:i|me|myself)(?![\w'’])"
_ME_AND = rf"(?:me|i)[ ]+(?:and|&|n)(?:[ ]*,[ ]*|[ ]+){_HESITATION}"
_THEY_AND = r"(?:he|she|him|her|they|them)[ ]+(?:and|&)[ ]+"
_OWNS = (
    rf"['’]s[ ]+(?:{_KIN}|house|place|car|birthday|phone|room|wedding|funeral"
    r"|party|apartment|school|job|kids|baby|mom's|dad's"
    # (what was someone's doing: "it was summer's idea", "that's rich's fault")
    r"|idea|fault|decision|choice|turn|truck|dog|couch)(?![\w'’])"
)
# (not after what asks about people: "what jack and i did")
# (nor a time: "the report was due in may and i told my boss")
_NOT_A_COMPANION = (BEFORE_A_THING - {"what", "which", "whose"}) | {
    "in",
    "by",
    "until",
    "till",
    "since",
    "during",
    "through",
    "before",
    "after",
    "last",
    "next",
    "early",
    "late",
    "mid",
    "all",
}
_COMPANION = lazy(
    # (not a noun after a determiner or a word of time: "last spring and i")
    # or a thing had or lost: "i have some hope and i will", "just have faith and i")
    # ("there's still hope and i": the shared list of words before a thing)
    rf"(?i)(?<!(?<![\w'’])(?:{alternation(tuple(sorted(_NOT_A_COMPANION)))})[ ]+)"
    rf"(?<![\w'’])(?:(?P<name>{_WORD})[ ]+{_AND_I}"
    # (and a second name: "me and dawn and carol went")
    rf"|{_ME_AND}(?P<name>{_WORD})(?:[ ]*,?[ ]+(?:and|&)[ ]+(?P<second>{_WORD}))?"
    r"(?![\w'’])"
    # another person and a name, then what the two did: "she and destiny got into a fight"
    rf"|{_THEY_AND}(?P<name>{_WORD})(?=[ ]+(?:got|get|are|were"
    r"|went|go|have|had|came|come|started|broke|fight|fought|argue|argued|used|live|lived|moved"
    r"|left|stopped|split|don't|didn't|haven't|hadn't|aren't|weren't|never|always|still|both)"
    r"(?![\w'’]))"
    rf"|(?P<name>{_WORD})(?P<owned>{_OWNS}))"
)
# What every match of _COMPANION holds, one part of each branch ("and i", "me and",
# "she and", "'s mom"): it runs only on the lines holding one.
_COMPANION_CUE = lazy(rf"(?i){_AND_I}|{_ME_AND}|{_THEY_AND}|{_OWNS}")
# A question about someone: "is august still doing the night feeds", "did will call".
_QUESTION = lazy(
    r"(?i)(?<![\w'’])(?:is|was|does|did|has|had|will|would|can|could|should)[ ]+"
    rf"(?P<name>{_WORD})[ ]+(?:still|ever|even|really|going|gonna|coming|doing|getting|taking"
    r"|helping|staying|living|working|feeling|know|think|want|need|feel|say|said|call|called"
    r"|text|come|go|live|work|like|mind|agree|understand|react|respond|handle|seem|act|behave"
    r"|find|hear|see|meet|leave|tell|sleep|eat|cry|talk|ask|visit"
    # ("was april in the room": where the one asked about was)
    r"|(?P<where>in|at|with|there|home|here))(?![\w'’])"
)
# After a question's name that is as often a thing ("is will still valid"), what only a
# person is asked: doing something, or going on doing it ("is hope still living with you").
_GOING_ON = frozenset({"still", "ever", "even", "really"})
_ASKED_DOING = regex.compile(
    r"[ ]+(?:living|staying|working|coming|going|seeing|calling|texting|talking|drinking"
    r"|using|dating|sleeping|with|at|in|mad|upset|around|here|there"
    # ("did will ever call you back", "has grace even apologized")
    r"|call|text|visit|apologize|apologized|answer|answered|called|texted|visited)(?![\w'’])"
)
# Someone known by where they are from, then what they did: "pat from my building checks
# on me", "um dawn from the pharmacy called", "jess from group said".
_FROM_SOMEWHERE = lazy(
    rf"(?im){_CLAUSE_START}(?:(?:{_OPENER})[ ]+)?"
    # ("wojciech at the front desk let me in")
    rf"(?P<name>{_WORD})[ ]+(?P<prep>from|at)[ ]+(?:work|church|school|group|class|hr"
    r"|next[ ]door|upstairs|downstairs|(?:the|my|our|her|his|their)[ ]+[\w'’-]+)"
    r"(?:[ ]+[\w'’-]+){0,2}?[ ]+"
    rf"(?P<verb>{alternation(tuple(PERSON_VERBS))})(?![\w'’-])"
)
# First names a chart writes as an abbreviation (antiretroviral therapy, a feeding tube,
# "mae" for moves all extremities), and what only a person does to them.
_ABBREVIATED_NAMES = frozenset({"art", "peg", "mae"})
# First names that are holy words, which the name rules leave alone as words ("jesus,
# that hurt", "santa came"): a name only where only a person stands ("jesus from work
# gave me a ride", "santa ramirez called").
SACRED_FIRST_NAMES = frozenset({"jesus", "santa"})
_SAYING_VERBS = frozenset("said says told tells asked asks texted yelled screamed".split())
# What every match of _FROM_SOMEWHERE holds (" from ", " at "): it runs only on the lines
# holding this, a fraction of those holding one of its verbs (`lines.finditer_by_line`).
_FROM_SOMEWHERE_CUE = lazy(r"(?i)[ ](?:from|at)[ ]")
# First names that are as often the thing that comes from somewhere ("the bill from the
# hospital came", "hope from my family keeps me going").
_THINGS_FROM = frozenset("bill hope faith grace joy art chance will may mark rose help".split())
# What no bill, hope or will from somewhere does ("bill from my meeting called me", "mark
# from work texted"), where the thing "came" or "says" ("the bill from the er came").
_ONLY_SENDERS_DO = _ONLY_PEOPLE_DO | frozenset(
    "called calls asked asks told tells yelled emailed promised hugged apologized".split()
)
_PRONOUNS = frozenset(
    "i you he she it we they this that who which what there here one someone somebody "
    "everyone everybody anyone anybody nobody".split()
)


_VOWEL = regex.compile(r"[aeiouy]")


def unlisted_name(word: str, lexicon: NameLexicon, *, mixed: bool = False) -> bool:
    """A short name or nickname no list may have ("dre", "jojo", "tavi"): a lower-case
    word shaped like a name that no English, Spanish or clinical list knows and that is
    no slang or grammar, or a form the nickname table knows ("kat", "rob"). Only a slot
    that holds a person makes it a name ("me and dre went", "jojo keeps texting me");
    "me and work", "me and anxiety" are words."""
    w = word.lower()
    if mixed and not (word[:1].isupper() and word[1:].islower()):
        return False  # in a note with capitals: "called STAT", "will visit tonoc"
    if not (w.isalpha() and 3 <= len(w) <= 10) or is_clinical_term(w):
        return False
    if is_nickname(w) and w not in STOP_WORDS and not lexicon.is_plain_word(w):
        return True  # a form first names are called by, a word too ("kat", "rob", "jojo")
    return (
        _NAME_SHAPE.match(w) is not None
        and w not in SPEECH_SLANG
        and w not in NICKNAME_PREFIXES  # ("lil", "big")
        and _VOWEL.search(w) is not None  # (not "ppl")
        and w not in _PRONOUNS
        and w not in NON_NAME_WORDS
        and w not in MEDICATIONS
        and w not in BRANDS  # ("fedex keeps texting me")
        and w not in PETS
        and nickname_word(w, lexicon)
        and not lexicon.is_english(w)
        and not lexicon.is_plain_word(w)
        and not lexicon.is_spanish(w)
        and not _plural_of_a_word(w, lexicon)
    )


def _plural_of_a_word(w: str, lexicon: NameLexicon) -> bool:
    """ "classes", "buddies", "coworkers": an everyday noun's plural, which the English
    list (base forms) lacks, or a word made of a short prefix and one ("coworker",
    "roomie" is not: no English word ends it)."""
    forms = [w]
    if w.endswith("s"):
        forms.append(w[:-1])
    if w.endswith("es"):
        forms.append(w[:-2])
    if w.endswith("ies"):
        forms.append(w[:-3] + "y")
    return any(
        (form != w and lexicon.is_english(form))
        or any(len(form) - i >= 4 and lexicon.is_english(form[i:]) for i in (1, 2, 3))
        for form in forms
    )


def _does_what_people_do(text: str, verb: str, end: int) -> bool:
    """After a subject no list knows, what only a person does: a verb of saying or
    texting ("dre texted me"), or keeps doing or is ("jojo keeps texting me", "tavi was
    at the party"); not "is" or "has" alone ("oet is 4")."""
    if verb in _HUMAN_VERBS:
        return True
    return verb in _BEING_OR_KEEPING and _PERSON_AFTER.match(text, end) is not None


_BEING_OR_KEEPING = frozenset("is was keeps kept".split())
# What two people did together, after "me and dre", "dre and i" ("me and dre went",
# "jojo and i broke up", "me and tavi still talk").
_PAIR_DID = regex.compile(
    r"[ ]+(?:(?:just|always|never|still|both|kinda|finally|really|used[ ]to)[ ]+)?"
    r"(?:went|go|got|get|are|were|have|had|came|come|started|broke|fight|fought|argue"
    r"|argued|live|lived|moved|left|stopped|split|talk|talked|talks|hang|hung|met|hooked"
    r"|dated|grew|drove|walked|ate|watched|played|don't|didn't|haven't|hadn't|aren't"
    r"|weren't|used)(?![\w'’])"
)


def _ward_word_name(w: str, lexicon: NameLexicon) -> bool:
    """A first name that ward notes also use as a word ("amber" urine, an "aline"), not
    short or shaped like a clinical term: where the context rules the word out ("i
    asked amber if"), the name."""
    return (
        len(w) >= 4 and lexicon.is_first_name(w) and not looks_clinical(w) and w not in MEDICATIONS
    )


def name_word(
    word: str,
    lexicon: NameLexicon,
    *,
    plain: bool = True,
    modal: bool = False,
    surname: bool = False,
) -> bool:
    """Could `word` be a name here: a census first name, a surname that is no word, or a
    word too rare to be English; never grammar, a contraction, a title, a kin word, a
    heading or a clinical term. With `plain=False`, not a verb, adjective or adverb
    either ("hope", "grace"); with `modal`, the modals that are names ("will", "may")
    count, where the context rules the modal out ("will said", "will, my husband"); with
    `surname`, any census surname does (where the context leaves nothing else)."""
    w = word.lower().replace("’", "'")
    if (
        len(w) < 2
        or not _NAME_SHAPE.match(w)
        or (w in STOP_WORDS and not (modal and w in _MODAL_NAMES))
        or w in _PRONOUNS
        or w in NON_NAME_WORDS - _MONTHS
        or w in TITLES
        or w in RELATIONS
        or w in POSTNOMINALS
        or (is_clinical_term(w) and not (modal and _ward_word_name(w, lexicon)))
    ):
        return False
    if not plain and lexicon.is_plain_word(w):
        return False
    parts = w.split("-")  # "ji-woo", "min-jun", "mary-kate"
    if len(parts) > 1:
        return (
            len(set(parts)) == len(parts)
            and not lexicon.is_common_word(w)
            and all(name_part(p, lexicon) for p in parts)
        )
    if lexicon.is_first_name(w):
        return w not in SPANISH_STOP_WORDS  # ("ella", "nada" in a Spanish sentence)
    if lexicon.is_english(w):  # "bowels moved": a surname that is also a word
        return surname and lexicon.is_name(w)
    if lexicon.is_spanish(w):  # "está", "tiene": Spanish, not a name no list knows
        return False
    if lexicon.is_clear_name(w) or (surname and lexicon.is_name(w)):
        return True
    return len(w) >= 3 and not (lexicon.is_name(w) or lexicon.is_common_word(w))


def _subject_starts(text: str) -> list[int]:
    """The positions _SUBJECT may match from, ascending: where a clause may start
    (`_CLAUSE_MARK`, a word that opens a clause and a space, and the text's start) with
    one of its verbs, as a whole run of word characters read case-blind (`gate_fold`),
    before the clause runs into a character no match holds. Trying it there alone
    (`lines.finditer_from`) finds what a scan finds."""
    folded = gate_fold(text)
    if len(folded) != len(text):  # (folding keeps every length; were it ever not so)
        return list(range(len(text)))
    verbs = []
    starts = {0}
    # Each verb or clause word where it is a whole run of word characters (the
    # look-behind's "(?<![\w'’])": a run starts there), read case-blind: the words are
    # found in the folded text in one pass, and a find with a run character on either
    # side is inside a longer run ("is" in "this"). (A fold to ASCII letters reads no
    # context; each word's characters are run characters.)
    for last, (size, verb, clause) in _start_words().iter(folded):
        start, end = last - size + 1, last + 1
        if (start and _RUN_CHAR.match(text, start - 1)) or _RUN_CHAR.match(text, end):
            continue
        if verb:
            verbs.append(start)
        if clause and text.startswith(" ", end):  # ("said" is both)
            starts.add(end + 1)
    for m in _CLAUSE_MARK.finditer(text):
        start, end = m.span()
        starts.update(range(start + 1, end + 1) if text[start] in ".!?;:]" else (end,))
    if not verbs:
        return []
    stops = [m.start() for m in _NOT_IN_SUBJECT.finditer(text)]
    stops.append(len(text))
    kept = []
    i = j = 0  # the first stop, and the first verb, at or after each start
    for start in sorted(starts):
        while stops[i] < start:
            i += 1
        while j < len(verbs) and verbs[j] < start:
            j += 1
        if j == len(verbs):
            break
        if verbs[j] < stops[i]:
            kept.append(start)
    return kept


@functools.cache
def _start_words() -> Any:
    """An automaton of the subject verbs and the clause words: each gives its length and
    whether it is one and the other."""
    automaton = ahocorasick.Automaton()
    for word in _SUBJECT_VERBS | _CLAUSE_WORD_SET:
        automaton.add_word(word, (len(word), word in _SUBJECT_VERBS, word in _CLAUSE_WORD_SET))
    automaton.make_automaton()
    return automaton


# Nouns for a person that the census also lists as names ("Guy"), and what points at one.
_PERSON_NOUNS = frozenset("guy dude girl kid man lady boy woman chick".split())
_POINTING = frozenset("that this the a some one every each no any".split())


def _name_and_nickname(word: str, other: str, lexicon: NameLexicon) -> bool:
    """ "dre and peanut came by": a name no dictionary has beside what someone is called
    (not two everyday words: "salt and pepper came over"), both plain lower-case words
    (not a ward note's "SOCIAL-son & daughter came")."""
    if not all(w.isalpha() and w.islower() for w in (word, other)):
        return False

    def rare(w: str) -> bool:
        return (
            len(w) >= 3
            and nickname_word(w, lexicon)
            and not (lexicon.is_english(w) or lexicon.is_spanish(w))
        )

    return (rare(word) and nickname_word(other, lexicon)) or (
        rare(other) and nickname_word(word, lexicon)
    )


# "found" in a chart's passive: "aline found to be positional", "pt found down".
_FOUND_PASSIVE = regex.compile(
    r"[ ]+(?:to[ ]+(?:be|have)|down|unresponsive|on[ ]+the[ ]+floor)(?![\w'’])"
)


def subjects(
    text: str, lexicon: NameLexicon, *, mode: CaseMode | None = None
) -> Iterator[Detection]:
    """ "so will said", "grace texted me", "kwame wants to move": a name that opens a
    clause before a verb of what people do."""
    mixed = (mode or case_mode(text)) == "mixed"  # (the caller has it: `mode`)
    for m in finditer_from(_SUBJECT, text, _subject_starts(text)):
        word = m.group("name")
        w = word.lower()
        verb = m.group("verb").lower()
        # ("will said": a modal never comes before a verb's past or third person)
        modal = verb in _ACTS and verb not in _BASE_FORMS
        other = m.group("other")
        if other is not None and verb in PERSON_VERBS and _name_and_nickname(word, other, lexicon):
            yield SUBJECT.at(m.start("name"), m.end("name"))
            yield SUBJECT.at(m.start("other"), m.end("other"))
            continue
        unlisted = False
        if not name_word(word, lexicon, modal=modal) and not (
            # "blessing texted me": before what only a person does, a word the name
            # lists hold is the name, though it is a word too
            verb in _ONLY_PEOPLE_DO and lexicon.is_name(w) and _called_word(w, lexicon)
        ) and not (
            # "art said no", "peg told me": a first name that is a chart's abbreviation
            # too, before saying, which no therapy or tube does
            verb in _SAYING_VERBS and w in _ABBREVIATED_NAMES and lexicon.is_first_name(w)
        ):
            # "jojo keeps texting me", "dre said no": a nickname no list has, before
            # what only a person does
            if other is not None or not (
                unlisted_name(word, lexicon, mixed=mixed)
                and _does_what_people_do(text, verb, m.end("verb"))
            ):
                continue
            unlisted = True
        if verb in _CHART_VERBS and text.startswith(" itself", m.end("verb")):
            continue  # ("an opening presented itself": a thing)
        if verb in PASTIMES and (w in NOUN_NAMES or w in _MONTHS | _SEASONS):
            continue  # ("hope builds slowly", "summer rides": a thing's verb, or a noun)
        if verb == "found" and _FOUND_PASSIVE.match(text, m.end("verb")):
            continue  # ("aline found to be positional": a device a chart found so)
        if other is None and thing_does(text, w, verb, m.end("verb")):
            continue  # "hope keeps me going", "bill came in the mail": a thing
        if w in _PERSON_NOUNS and _word_before(text, m.start("name")) in _POINTING:
            continue  # "that guy kinda said": a person pointed at, no Guy
        if not mixed and w in PERSON_NOUNS:
            continue  # "so sis texted me", "guard yelled at me": no one named
        if w in BRANDS:
            continue  # "walgreens called about my refill": the store
        if unlisted:
            yield SUBJECT.at(m.start("name"), m.end("name"))
            continue
        known = lexicon.is_name(w)
        clear = lexicon.is_clear_name(w) or not known
        # "hope is", "faith can", "june was": the word as often as the name, unless
        # what follows is what a person does or is ("hope was crying", "grace doesn't
        # care", "rose is mad at me")
        if (
            verb not in _ACTS
            and not (clear and w not in _MONTHS | _SEASONS)
            and not (
                lexicon.is_first_name(w)
                and w not in _MONTHS | _SEASONS  # ("june has 30 days", "summer is coming")
                and _PERSON_AFTER.match(text, m.end("verb"))
            )
        ):
            continue
        # A word no list knows is a name only before what people alone do ("kwame
        # texted"): in a chart "uop dropped", "oet is", "mivf started" are not people.
        if not known and "-" not in w and verb not in _HUMAN_VERBS:
            continue
        if other is None:
            yield SUBJECT.at(m.start("name"), m.end("name"))
        elif verb in PERSON_VERBS and all(
            lexicon.is_first_name(n.lower()) and name_word(n, lexicon, modal=True)
            for n in (word, other)
        ):  # both first names, before what people do ("salt and pepper" never came over)
            yield SUBJECT.at(m.start("name"), m.end("name"))
            yield SUBJECT.at(m.start("other"), m.end("other"))


# What only a person (or a pet) keeps doing or has been doing, and what only a person
# does to someone: "april's been staying with us", "storm keeps hitting his sister",
# "colt keeps running off", "storm hit his sister" (a month, a storm or the rain does
# none of it: "april's been a hard month", "storm keeps knocking the power out").
_DOING = (
    r"(?:hitting|kicking|punching|biting|pushing|bullying|teasing|wetting|yelling|screaming"
    r"|crying|lying|stealing|sneaking|cutting|sleeping|ignoring|ghosting|begging|whining"
    r"|staying[ ]with|running[ ]off|running[ ]away|acting[ ]out|having[ ]tantrums"
    r"|having[ ]a[ ]hard[ ]time|doing[ ](?:better|worse|great|okay|ok)|bullied|suspended"
    r"|(?:sweet|rude)[ ]to[ ](?:me|us|him|her))"
)
# The first word of what a _DOER match says is done ("crying", "staying", "hit"):
# every match holds one, at most `_DOER_REACH` characters after it starts.
_DONE_WORDS = frozenset(
    """hitting kicking punching biting pushing bullying teasing wetting yelling screaming
    crying lying stealing sneaking cutting sleeping ignoring ghosting begging whining
    staying running acting having doing bullied suspended sweet rude hit
    kicked punched bit pushed slapped hugged scratched pinched""".split()
)
_DOING_AT = regex.compile(rf"(?i){_DOING}(?![\w'’])")
_HIT_VERBS = frozenset(
    "hit kicked punched bit pushed slapped bullied hugged scratched pinched".split()
)
_HIT_WHOM = regex.compile(r"(?i)[ ]+(?:his|her|my|me|him|us)(?![\w'’])")
# Before what is done, read backwards from it: the doer and how long ("april's been",
# "storm keeps", "august has been really"), or the doer alone before a blow.
_DOER_BEFORE = regex.compile(
    rf"(?ri)(?<![\w'’-])(?P<name>{_WORD})(?:['’]s[ ]+been|[ ]+(?:keeps|kept|is|was|has"
    r"[ ]+been|had[ ]+been|won't[ ]+stop|started|always|just))[ ]+"
    r"(?:(?:so|always|just|really|still)[ ]+)?\Z"
)
_HITTER_BEFORE = regex.compile(rf"(?ri)(?<![\w'’-])(?P<name>{_WORD})[ ]+\Z")
# How far before what is done its doer may start ("august has been really").
_DOER_REACH = 60
# Where a clause opens (`_CLAUSE_START`), read at one place: the place itself, after
# the discourse words before it.
_OPENS_AT = lazy(rf"(?im){_CLAUSE_START}")
_DISCOURSE_BEFORE = regex.compile(
    r"(?ri)(?<![\w'’])(?:so|and|then|um|uh|but|honestly|yeah|yes|well|like|cause|because|okay"
    r"|ok|alright|oh|now|plus|anyway|see|apparently|basically|no)[ ,]+$"
)


def _opens_clause(text: str, start: int) -> bool:
    """Does a clause open at `start` (`_CLAUSE_START`: at most three discourse words
    after a line's or a sentence's start, a comma or a word opening a clause)?"""
    at = start
    for _ in range(4):
        m = _OPENS_AT.match(text, at)
        if m is not None and m.end() == start:
            return True
        before = _DISCOURSE_BEFORE.search(text, max(0, at - 20), at)
        if before is None:
            return False
        at = before.start()
    return False


_DOER_WORDS = _WORD_NAMES | {"cash"}  # ("cash keeps hitting his sister")


def doers(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "april's been staying with us", "storm keeps hitting his sister": a first name,
    or an everyday word children are named ("storm", "meadow"), doing what only a person
    does, even a month's name."""
    for start, end in whole_words(_DONE_WORDS, text):
        low = max(0, start - _DOER_REACH)
        before = None
        if text[start:end].lower() in _HIT_VERBS and _HIT_WHOM.match(text, end):
            before = _HITTER_BEFORE.search(text, low, start)
        if before is None and _DOING_AT.match(text, start):
            before = _DOER_BEFORE.search(text, low, start)
        if before is None:
            continue
        word = before.group("name")
        w = word.lower()
        if not (
            w in _DOER_WORDS or (lexicon.is_first_name(w) and name_word(word, lexicon, modal=True))
        ):
            continue
        if _opens_clause(text, before.start("name")):  # not "the storm hit his truck"
            yield SUBJECT.at(*before.span("name"))


def the_one_who(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "smoke was the one who introduced us", "dre's the only one who calls": a name,
    or any word that names no kind of person, said to be the one who did a thing."""
    for m in finditer_by_line(_THE_ONE_WHO, text):
        word = m.group("name")
        w = word.lower()
        if name_word(word, lexicon, modal=True) or (
            _called_word(w, lexicon)
            and w not in _PRONOUNS
            and w not in ROLES
            and not w.endswith("ing")
            and not (w.endswith("s") and lexicon.is_english(w))  # "cops was the one who"
        ):
            yield SUBJECT.at(m.start("name"), m.end("name"))


def name_part(part: str, lexicon: NameLexicon) -> bool:
    """A part of a hyphenated given name: a first name ("mary-kate"), a short syllable
    the name lists know ("ji-woo", "min-jun": each is also a word somewhere), or a
    word too rare to be English. Never grammar ("so-so", "x-ray", "co-op")."""
    if part in STOP_WORDS or len(part) < 2:
        return False
    if lexicon.is_first_name(part) or (len(part) <= 3 and lexicon.is_name(part)):
        return True
    return not lexicon.is_english(part) and not lexicon.is_common_word(part)


# After kin, what that person did: "pat my caseworker came out thursday"; after a verb
# of thinking, only with where the person is from between ("hope my mentor from church
# said": "hope my mentor said" is as often "i hope").
_KIN_THEN_DID = lazy(
    r"(?P<from>[ ]+from[ ]+(?:the[ ]+)?[\w'’]+)?[ ]+"
    rf"(?:{alternation(tuple(sorted(PERSON_VERBS)))}|came|went|showed|drove|brought)(?![\w'’-])"
)
# First names that are also verbs taking a person ("call my brother" needs no list:
# "call" is no name).
_VERBS_BEFORE_KIN = VERBS_BEFORE_YOU | frozenset(
    "sue rob bill pat jack drew chase grant bob nick rush sly dodge page hunter".split()
)


def _kin_then_did(text: str, end: int, *, thinking: bool) -> bool:
    """After kin at `end`, what that person did makes the word before it a name ("pat my
    caseworker came out"); after a verb of thinking only with where the person is from
    between ("hope my mentor from church said", but "hope my sister came")."""
    m = _KIN_THEN_DID.match(text, end)
    return m is not None and (not thinking or m.group("from") is not None)


# "my sponsor is ray", "the landlord was bob", "the middle one is destiny": kin or the
# one meant, then the name it is, ending the clause.
_KIN_IS_NAMED = lazy(
    rf"(?i)(?<![\w'’-]){_KIN_IS}[ ]*(?:named[ ]+|called[ ]+)?"
    rf"(?P<name>{_WORD})"
    r"(?=[ ]*(?:[.,;:?!]|\n|$)|[ ]+(?:and|but|so|who|he|she|they|i|by[ ]the[ ]way|btw"
    r"|though|too|actually|right|now|from|at|(?:he|she|they)['’](?:s|ll|d|re))(?![\w'’]))"
)
# Adjectives said of someone that are first names too ("my dad is frank", "my boss is
# rich", "he's rusty"): after "is", the adjective.
_NAMES_THAT_DESCRIBE = frozenset(
    """frank rich rusty sunny happy young sandy gay sweet free honest earnest sharp bright
    noble merry jolly dusty misty stormy rocky brown gray grey black white green gentle
    lucky major ginger sage early late strong clean sober""".split()
)


def kin_named(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "my sponsor is ray", "my caseworker is faith", "the oldest is river": kin said
    to be a first name, which is the name even where it is a word too; never what
    describes someone ("my dad is frank", "my ex was rich")."""
    for m in finditer_by_line(_KIN_IS_NAMED, text, _KIN_IS_CUE):
        word = m.group("name")
        w = word.lower()
        if (
            lexicon.is_first_name(w)
            and w not in _NAMES_THAT_DESCRIBE
            and name_word(word, lexicon, modal=True)
        ):
            yield KIN_APPOSITIVE.at(*m.span("name"))


def kin_appositives(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "tomasz, that's my boyfriend", "chance is my oldest", "honestly will, my
    husband,": a name said to be kin."""
    for m in finditer_by_line(_KIN_APPOSITIVE, text, _KIN_APPOSITIVE_CUE):
        if m.group("first") is not None:
            pair = ("first", "second")
            # (both first names, accents or none: "salt and pepper are my babies" are none)
            words = [_unaccented(m.group(g)) for g in pair]
            if all(name_word(w, lexicon, modal=True) and lexicon.is_first_name(w) for w in words):
                for g in pair:
                    yield KIN_APPOSITIVE.at(*m.span(g))
            continue
        group = "name" if m.group("bare") is None else "bare"
        last = _LAST_WORD.search(text, max(0, m.end() - 20), m.end())
        role = last.group().lower() if last is not None else ""
        if role in KIN_ROLES - RELATIONS and _ROLE_OF_A_THING.match(text, m.end()):
            continue  # "violet is my favorite color", "autumn is my favorite season"
        if role in ("favorite", "favourite") and m.group(group).lower() in _TIME_NAMES:
            continue  # "summer is my favorite": the season
        words = m.group(group).split()
        if len(words) == 2 and words[0].lower() in _OPENERS:
            words = words[1:]
        if (
            group == "bare"
            and words[0].lower() in _VERBS_BEFORE_KIN
            and not m.group("resumed")
            and not _kin_then_did(text, m.end(), thinking=words[0].lower() in THINKING_VERBS)
        ):
            continue  # "hope my sister calls", "sue my ex": a verb, then its object
        # (a first name that is also a word is the name here: "frank is my brother")
        if all(
            name_word(w, lexicon, modal=True)
            or (lexicon.is_first_name(w.lower()) and w.lower() not in STOP_WORDS)
            # ("ignatius my grandpa used to say"; never "saffron my favorite spice")
            or (lexicon.is_given_noun(w.lower()) and role in RELATIONS)
            for w in words
        ) or (
            len(words) == 1
            and (
                _set_off(text, m, group)
                or (group == "bare" and m.group("resumed"))
                or (group == "name" and m.group("taken_up"))
                # "cash is my little brother": said to be one's kin, a word is a name
                # (never a role: "the coach is my boss" is "the coach")
                or (group == "name" and m.group("kin").lower() in RELATIONS)
            )
            and _called_word(words[0], lexicon)
        ):
            yield KIN_APPOSITIVE.at(m.end(group) - len(" ".join(words)), m.end(group))
    for m in finditer_by_line(_JOINED_KIN, text, _KIN_APPOSITIVE_CUE):
        word = m.group("name")
        w = word.lower()
        if w in _VERBS_BEFORE_KIN or not lexicon.is_first_name(w):
            continue  # ("and call my sister", "with sue my ex"? a verb: left)
        # (English kin after it: a Spanish grammar word that is a name is the name, "and
        # dan her husband")
        if name_word(word, lexicon, modal=True) or (
            w in SPANISH_STOP_WORDS and w not in STOP_WORDS and not is_clinical_term(w)
        ):
            yield KIN_APPOSITIVE.at(m.start("name"), m.end("name"))


# Someone joined to the talk by "and" or "with", then whose kin they are, mid-sentence:
# "my sister came and dan her husband too", "me and kayla my ex went", "i went with
# marco his brother" (a first name only: "me and work my boss" is no one).
_JOINED_KIN = lazy(
    rf"(?i)(?<![\w'’])(?:and|&|with|brought|invited)[ ]+(?P<name>{_WORD})[ ]+"
    rf"(?:my|our|her|his|their)[ ]+{_KIN_DESCRIBED}(?:{_KIN})(?![\w'’-])"
)


# What "my favorite", "my best", "my oldest" describe when no one is meant: "violet is
# my favorite color", "summer is my favorite season", "this is my best work".
_ROLE_OF_A_THING = lazy(
    r"(?i)[ ]+(?:colou?rs?|seasons?|food|foods|movies?|films?|shows?|songs?|bands?|books?"
    r"|places?|holidays?|things?|parts?|times?|days?|months?|games?|teams?|sports?|subjects?"
    r"|class(?:es)?|animals?|restaurants?|drinks?|snacks?|flavou?rs?|words?|numbers?|singers?"
    r"|artists?|actors?|characters?|memor(?:y|ies)|spots?|rooms?|stores?|meals?|desserts?"
    r"|candy|cereal|toys?|outfits?|dress|shirt|hobb(?:y|ies)|flowers?|smells?|sounds?|weather"
    r"|work|year|option|bet|guess|shot|feature|quality|qualities|trait)(?![\w'’-])"
)
_LAST_WORD = regex.compile(r"(?r)[\w'’-]+")
_FAVORITE_THING = lazy(
    r"(?i)[ ]+(?:is|was|are|were|['’]s)[ ]+(?:(?:probably|definitely|always|still)[ ]+)?"
    r"(?:my|our|his|her|their|your)[ ]+(?:all[ ]time[ ]+)?(?:least[ ]+)?(?:favorite|favourite"
    r"|fave|best|worst)"
)


def favorite_thing(text: str, end: int) -> bool:
    """Is the word ending at `end` said to be one's favorite thing ("violet is my
    favorite color", "summer's my least favorite season")?"""
    m = _FAVORITE_THING.match(text, end)
    return m is not None and _ROLE_OF_A_THING.match(text, m.end()) is not None


def _unaccented(word: str) -> str:
    """ "lucía" -> "lucia": the census lists names without accents."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# "is it okay if summer the nursing student sits in", "ask ravi the interpreter": a name,
# then "the" and the role of someone in the room.
_ROLE_APPOSITIVE = lazy(
    rf"(?i)(?<![\w'’-])(?P<name>{_WORD})[ ]+the[ ]+(?:[a-z]+[ ]+)?(?:student|intern|resident"
    r"|nurse|aide|chaplain|interpreter|translator|volunteer|tech|medic|scribe|fellow|social"
    r"[ ]worker|case[ ]manager|peer[ ](?:specialist|counselor|mentor|advocate)|advocate|doula"
    r"|midwife|pharmacist)(?![\w'’-])"
)


def role_appositives(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "is it okay if summer the nursing student sits in": a first name, then who that
    person is in the room; not a verb before its object ("bill the insurance", "hope
    the nurse comes back")."""
    for m in finditer_by_line(_ROLE_APPOSITIVE, text):
        word = m.group("name")
        w = word.lower()
        if (
            (lexicon.is_first_name(w) or not lexicon.is_english(w))
            and name_word(word, lexicon)
            and w not in _VERBS_BEFORE_KIN
            and w not in THINKING_VERBS
        ):
            yield KIN_APPOSITIVE.at(*m.span("name"))


# "the girl from my class, harper, invited me", "my boss at the shop, vic, is cool": who
# someone is, then a first name set off by commas.
_PERSON_THEN_NAME = lazy(
    r"(?i)(?<![\w'’-])(?:girl|guy|boy|man|woman|lady|dude|kid|friend|bestie|boss|coworker"
    r"|co-worker|teacher|neighbou?r|roommate|classmate|manager|supervisor|sponsor|coach"
    r"|counselor|therapist|landlord|landlady|girlfriend|boyfriend|partner|husband|wife"
    r"|cousin|uncle|aunt|nephew|niece|brother|sister|son|daughter)(?![\w'’-])"
    r"(?:[ ]+[\w'’]+){0,4}?[ ]*,[ ]*(?P<name>[^\W\d_][\w'’-]*)[ ]*,[ ]"
)


def named_between_commas(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "the girl from my class, harper, invited me": after who someone is, a first name
    set off by commas (not a word of talk: "my boss, honestly, is", "my friend, anyway,")."""
    for m in finditer_by_line(_PERSON_THEN_NAME, text):
        word = m.group("name")
        w = word.lower()
        if (
            w not in _NOT_CALLED
            and not w.endswith("ly")
            and name_word(word, lexicon, surname=True)
        ):
            yield KIN_APPOSITIVE.at(*m.span("name"))


# "flaco, my cousin from back home, we grew up": kin set off by commas on both sides.
_SET_OFF = lazy(r"[ ]*,[ ]*(?:my|our|his|her|their|mi)[ ]+[\w'’]+(?:[ ]+[\w'’]+){0,4}?[ ]*,")
# Words that open a turn before a pause and never name anyone.
_NOT_CALLED = frozenset(
    """anyway anyways honestly yeah yes no okay ok well so like basically again also plus
    then now sometimes lately today yesterday tonight bueno pues oye mira claro entonces
    ahora bien vale ya si sí growing christmas thanksgiving easter birthday summer winter
    spring fall weekends""".split()
)


def _set_off(text: str, m: regex.Match[str], group: str) -> bool:
    """Is the word of `group` followed by kin between commas ("flaco, my cousin, ...")?"""
    return group == "name" and _SET_OFF.match(text, m.end(group)) is not None


def _called_word(word: str, lexicon: NameLexicon) -> bool:
    """A word that can be what someone is called (`nicknames.nickname_word`), and no
    filler, heading, Spanish grammar or adverb opening a turn ("anyway", "bueno")."""
    w = word.lower()
    return (
        nickname_word(w, lexicon)
        and len(w) >= 3
        and _NAME_SHAPE.match(w.replace("’", "'")) is not None  # ("she's my mom's sister")
        and w not in SPANISH_STOP_WORDS
        and w not in _NOT_CALLED
        and w not in NON_NAME_WORDS
        and not w.endswith("ly")
    )


def age_descriptions(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "dmitri is a 47-year-old male", "so ana was a 31 year old": a person introduced
    by age, as a clinician presents a patient."""
    for m in finditer_by_line(_AGE_DESCRIPTION, text):
        words = m.group("name").split()
        while words and not name_word(words[0], lexicon):  # "so dmitri is", "patient ana"
            words = words[1:]
        if words and all(name_word(w, lexicon) for w in words):
            start = m.end("name") - len(" ".join(words))
            yield AGE_DESCRIPTION.at(start, m.end("name"))


def presented(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "patient is lorna fitch .", "today i'm seeing marisol yates", "next is gideon
    hill , uh , date of birth": a clinician presenting a patient by name."""
    for m in finditer_by_line(_PRESENTED, text):
        first = m.group("first")
        if _PET_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "his kitten's name is luna": a pet's name
        if not (lexicon.is_first_name(first.lower()) and name_word(first, lexicon)):
            continue
        end = m.end("first")
        last = m.group("last")
        if (
            last is not None
            and last.lower() not in STOP_WORDS
            and (lexicon.is_name(last.lower()) or name_word(last, lexicon))
        ):
            end = m.end("last")
        elif last is not None:
            continue  # "this is martha's sister", "patient is john feeling": not a name alone
        yield PRESENTED.at(m.start("first"), end)


# Before "name is": an animal's ("the dog's name is biscuit").
_PET_BEFORE = regex.compile(
    rf"(?i)(?<![\w'’])(?:{alternation(longest_first(PETS))})"
    r"(?:['’]s|[ ]+(?:is|was))?[ ]+$"
)
_NAMED_PLACE = lazy(rf"(?i)(?<![\w'’])(?:{alternation(PLACE_KINDS)})[ ]+(?:called|named)[ ]+$")
# A thing said to be called something: "a medicine called", "we can try one called".
_NAMED_THING = lazy(
    r"(?i)(?<![\w'’])(?:one|something|medicine|medication|drug|pill|cream|gel|spray|inhaler"
    r"|shot|vaccine|supplement|condition|disease|syndrome|procedure|test|exercise|technique"
    r"|app|program|book|show|movie|song|game|diet|device)[ ]+(?:called|named)[ ]+$"
)


def thing_called(text: str, start: int) -> bool:
    """Is the word at `start` what a thing is called ("a medicine called carafate", "we
    can try one called phexxi")?"""
    return _NAMED_THING.search(text, max(0, start - 30), start) is not None


def objects(
    text: str, lexicon: NameLexicon, *, mode: CaseMode | None = None
) -> Iterator[Detection]:
    """ "i told mark i'm not going", "i asked june if she could": a name told or asked;
    "i saw faith at church", "she moved in with ray last year": someone seen, loved or
    lived with."""
    mixed = (mode or case_mode(text)) == "mixed"  # (the caller has it: `mode`)
    for m in finditer_by_line(_OBJECT, text):
        word = m.group("name")
        w = word.lower()
        if _NAMED_PLACE.search(text, max(0, m.start() - 30), m.start("name")):
            continue  # "a little town called tlacolula": a place's name (`location.called`)
        if _NAMED_THING.search(text, max(0, m.start() - 30), m.start("name")):
            continue  # "we can try one called phexxi": a thing's name
        if unlisted_name(word, lexicon, mixed=mixed) or (name_word(word, lexicon, modal=True) and (
            lexicon.is_first_name(w)
            # "i finally texted babajide back": a word no list knows
            or (
                len(w) >= 4
                and any(c in "aeiouy" for c in w)  # not "mgmt"
                and not (lexicon.is_name(w) or lexicon.is_common_word(w) or lexicon.is_spanish(w))
            )
        )):
            yield OBJECT.at(m.start("name"), m.end("name"))
    for m in finditer_by_line(_SOCIAL_OBJECT, text):
        word = m.group("name")
        w = word.lower()
        if w in _NOT_SEEN_PEOPLE:
            if _TAKEN_UP.match(text, m.end("name")):
                yield OBJECT.at(*m.span("name"))  # "i'm worried about june she's not eating"
        elif (lexicon.is_first_name(w) and name_word(word, lexicon, modal=True)) or (
            # "hanging out with tash all weekend": a nickname or a name no first-name
            # list has, where no English word is
            unlisted_name(word, lexicon, mixed=mixed)
            or (lexicon.is_clear_name(w) and name_word(word, lexicon) and not lexicon.is_english(w))
        ):
            yield OBJECT.at(*m.span("name"))
    for start, end in first_names_at(_LET_OBJECT, text, lexicon, _NOT_LET, modal=True):
        yield OBJECT.at(start, end)
    for m in finditer_by_line(_MONTH_OBJECT, text):
        yield OBJECT.at(*m.span("name"))
    for m in finditer_by_line(_HANDED_OBJECT, text):
        group = "name" if m.group("name") is not None else "taken"
        w = m.group(group).lower()
        if group == "taken" and (
            w in _TAKEN_AS_THINGS or (lexicon.is_plain_word(w) and w not in _WORD_NAMES)
        ):
            continue  # "it takes patience", "take art", "take misty": a thing taken
        if w not in _NOT_GIVEN and (
            (lexicon.is_first_name(w) and name_word(w, lexicon, modal=True)) or w in _WORD_NAMES
        ):  # ("i gave journey a bath", "i put ocean to bed": a word given a thing)
            yield OBJECT.at(*m.span(group))
    for start, end in whole_words(_ALONE_WORDS, text):
        if (
            _ALONE_BEFORE.search(text, max(0, start - 10), start)
            and _AFTER_ALONE.match(text, end)
            and lexicon.is_first_name(text[start:end].lower())
        ):
            yield OBJECT.at(start, end)
    for m in finditer_by_line(_FELT_OBJECT, text):
        # "because of skye i'm stuck": a first name that is no English word
        w = m.group("name").lower()
        if (
            lexicon.is_first_name(w)
            and name_word(w, lexicon)
            and not lexicon.is_english(w)
            and w not in _NOT_SEEN_PEOPLE
            and w not in _ALONE_WORDS  # (found above)
        ):
            yield OBJECT.at(*m.span("name"))


def first_names_at(
    pattern: AnyPattern,
    text: str,
    lexicon: NameLexicon,
    words: frozenset[str],
    *,
    modal: bool = False,
) -> Iterator[tuple[int, int]]:
    """Spans of `pattern`'s group "name" that hold a census first name that can be a
    name here (`name_word`) and is none of `words` (months, seasons, "later")."""
    for m in finditer_by_line(pattern, text):
        word = m.group("name")
        w = word.lower()
        if w not in words and lexicon.is_first_name(w) and name_word(word, lexicon, modal=modal):
            yield m.span("name")


def questions(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "is august still doing the night feeds", "did will call you": a question asked
    about someone by name."""
    for m in finditer_by_line(_QUESTION, text):
        word = m.group("name")
        w = word.lower()
        follow = text[m.start("name") + len(word) : m.end()].strip().lower()
        if w in SEASONS or (
            w in _THINGS_FROM
            and (
                m.group("where") is not None
                or (follow in _GOING_ON and _ASKED_DOING.match(text, m.end()) is None)
            )
        ):
            continue  # "did summer go by fast", "is will still valid": a time, a thing
        if m.group("where") is not None and not _opens_question(text, m.start()):
            continue  # "urine is amber with chunks", "has aline in place": said, not asked
        if name_word(word, lexicon, modal=True) and lexicon.is_first_name(w):
            yield QUESTION.at(m.start("name"), m.end("name"))


_QUESTION_OPENERS = frozenset(
    "so and but um uh okay ok well how when why what where then now".split()
)


def _opens_question(text: str, start: int) -> bool:
    """Does a question start at `start`: at a line's or a sentence's start, after a
    speaker's label, or after a word that opens one ("so was dolly in the room")?"""
    line = text[text.rfind("\n", 0, start) + 1 : start].rstrip()
    if not line or line[-1] in ".?!:,;]":
        return True
    last = line.rsplit(None, 1)[-1].lower()
    return last in _QUESTION_OPENERS


def from_somewhere(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "pat from my building checks on me", "dawn from the pharmacy called": a first name
    said with where the person is from, then what they did; or a word no English list
    knows, a nickname ("flaco from work keeps asking")."""
    for m in finditer_by_line(_FROM_SOMEWHERE, text, _FROM_SOMEWHERE_CUE):
        word = m.group("name")
        w = word.lower()
        if w in _THINGS_FROM and m.group("verb").lower() not in _ONLY_SENDERS_DO:
            continue
        if (
            lexicon.is_first_name(w)
            and (name_word(word, lexicon, modal=True) or w in SACRED_FIRST_NAMES)
        ) or (
            m.group("prep") == "from"  # ("felt misgendered at the pharmacy and went")
            and len(w) >= 3
            and _NAME_SHAPE.match(w)
            and w not in STOP_WORDS
            and w not in SPANISH_STOP_WORDS
            and w not in _PRONOUNS
            and not lexicon.is_english(w)
            and not lexicon.is_common_word(w)
        ):
            yield FROM_SOMEWHERE.at(*m.span("name"))


def companions(
    text: str, lexicon: NameLexicon, *, mode: CaseMode | None = None
) -> Iterator[Detection]:
    """ "robin and i went", "me and dawn", "miles's mom": a first name beside "me" or
    "I", or owning what people own."""
    mixed = (mode or case_mode(text)) == "mixed"  # (the caller has it: `mode`)
    for m in finditer_by_line(_COMPANION, text, _COMPANION_CUE):
        for group in ("name", "second"):
            word = m.group(group)
            if word is None or described_noun(text, m.start(group), lexicon):
                continue
            if (
                lexicon.is_first_name(word.lower())
                and name_word(word, lexicon, modal=True)
                and not past_tense_verb(word, _word_before(text, m.start(group)))
                and not _verb_of_a_noun(text, word, m.start(group))
            ) or (
                # "me and dre went", "jojo and i broke up": a nickname no list has,
                # then what the two did ("me and work are" is no one: a word)
                m.group("owned") is None
                and unlisted_name(word, lexicon, mixed=mixed)
                and _PAIR_DID.match(text, m.end()) is not None
            ):
                yield COMPANION.at(m.start(group), m.end(group))



_DETERMINERS = frozenset("the a an this that my your his her our their".split())


def _verb_of_a_noun(text: str, word: str, start: int) -> bool:
    """ "the sun rose and i was still awake", "the water rose and we": a name that is a
    verb's past (`PAST_TENSE_NAMES`) after a determiner and a noun is that noun's verb
    (never after kin or a role: "my friend rose and i", "the nurse rose and i")."""
    if word.lower() not in PAST_TENSE_NAMES:
        return False
    noun = _determined_word(text, start)
    return noun is not None and noun not in PERSON_NOUNS


def described_noun(text: str, start: int, lexicon: NameLexicon) -> bool:
    """A word after a determiner and a describing word: "in the left lane and i", "my
    little joy and i"; not a name said after one ("the one jack and i"), nor after kin
    or a role ("my sister sky")."""
    word = _determined_word(text, start)
    return word is not None and lexicon.is_english(word) and not lexicon.is_first_name(word)


def _determined_word(text: str, start: int) -> str | None:
    """The word right before `start`, lower-cased, where a determiner stands before it and
    it is no grammar word, kin or role ("the sun", "my little"; not "my sister", "the
    nurse"), else None."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return None
    word = before.group(1).lower()
    if (
        _word_before(text, before.start(1)) not in _DETERMINERS
        or word in STOP_WORDS
        or word in RELATIONS
        or word in KIN_ROLES
        or word in ROLES
    ):
        return None
    return word


_WORD_BEFORE = regex.compile(r"(?r)([\w'’]+)[ ]+$")
# Words a verb's subject can be ("it rose", "she drew").
SUBJECT_WORDS = frozenset(
    "i you he she it we they who that which this there one what everyone someone nobody "
    "something nothing everything i'll".split()
)


def _word_before(text: str, start: int) -> str:
    """The word before `start`, in lower case ("" if none)."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return before.group(1).lower() if before else ""


def past_tense_verb(word: str, before: str) -> bool:
    """ "the bread actually rose and i": a name that is a verb's past (`PAST_TENSE_NAMES`),
    after an adverb or a subject (`before`, in lower case), is the verb."""
    return word.lower() in PAST_TENSE_NAMES and (before in SUBJECT_WORDS or before.endswith("ly"))


# What a thing, a time or a letter does as a person does too, told by what follows the
# verb: an idiom of what keeps someone going ("hope keeps me going", "faith got me
# through it", "patience gives me peace"), what comes in the mail or with time ("the
# bill came in the mail", "joy comes in the morning"), and a season or a month that
# comes, hits or passes ("when winter hits,", "summer came and went").
_KEEPS_GOING = lazy(
    r"(?i)[ ]+(?:me|us|you|him|her|them)[ ]+(?:going|through|sane|alive|grounded|strong|calm"
    r"|hopeful|motivated|moving|afloat|together|focused|positive|steady|centered|anchored"
    r"|out[ ]of[ ]bed|up[ ]in[ ]the[ ]morning|(?:(?:some|a[ ]little|so[ ]much)[ ]+)?(?:strength"
    r"|peace|comfort|purpose|meaning|courage|energy|hope|a[ ]reason|something[ ]to[ ]look"
    r"[ ]forward[ ]to))(?![\w'’])"
)
# What a feeling or a virtue finds: its way ("hope found a way", "faith finds its way").
_FINDS_A_WAY = regex.compile(r"(?i)[ ]+(?:a|its|their|her|his|my|your|our)[ ]+way(?![\w'’])")
_SUSTAINING = frozenset(
    """keeps kept keep got gets get helps helped help carried carries carry pulled pulls
    brought brings gives gave give""".split()
)
_COMES_AS_A_THING = lazy(
    r"(?i)[ ]+(?:(?:today|yesterday)[ ]+)?(?:in[ ]+the[ ]+(?:mail|post|morning|end)"
    r"|with[ ]+(?:time|age|practice|experience)|from[ ]+(?:within|god|above|inside)"
    r"|and[ ]+(?:went|goes|go|gone))(?![\w'’])"
)
_ARRIVING = frozenset("came comes come arrived arrives".split())
# (and a verb whose subject is plural, which someone who leaves is not: "autumn leaves
# make me think of my grandma", "autumn leaves remind me of school")
_LEAVES_OF_A_SEASON = lazy(
    r"(?i)(?:[ ]*(?:[,.;!?]|$)|[ ]+(?:are|were|turn|turned|turning|fall|fell|falling|change"
    r"|changed|changing|everywhere|on|in|make|remind|look|smell|crunch|blow|pile|cover"
    r"|always[ ]+(?:make|remind|look|smell))(?![\w'’]))"
)
_TIME_PASSES = lazy(
    r"(?i)(?:[ ]*(?:[,.;!?]|$)|[ ]+(?:and[ ]+(?:went|goes|go|gone)|around|along|early|late"
    r"|fast|quickly|so[ ]+fast|too[ ]+soon|again)(?![\w'’]))"
)
_TIME_VERBS = frozenset(
    "came comes hit hits arrived arrives passed started starts ended ends".split()
)
_TIME_NAMES = SEASONS | _MONTHS | {"dawn"}
# Weather that keeps people indoors: "rain kept us in", "the snow keeps me home".
_WEATHER = frozenset("rain snow storm wind fog hail sleet heat".split())
_KEPT_INSIDE = regex.compile(
    r"[ ]+(?:us|me|everyone|everybody|them|the[ ]+kids)[ ]+(?:in|inside|indoors|home)(?![\w'’])"
)


def thing_does(text: str, word: str, verb: str, end: int) -> bool:
    """Is `word`, before `verb` ending at `end`, a thing, a time or a letter doing what
    a person does too ("hope keeps me going", "the bill came in the mail", "when winter
    hits,"), not someone ("hope kept calling me", "summer came over")?"""
    w, v = word.lower(), verb.lower()
    if v in _ARRIVING and _COMES_AS_A_THING.match(text, end) is not None:
        return True
    if w in NOUN_NAMES and v in _SUSTAINING and _KEEPS_GOING.match(text, end) is not None:
        return True
    if w in NOUN_NAMES and v in ("found", "finds") and _FINDS_A_WAY.match(text, end):
        return True  # "hope found a way in": the word
    if w in _TIME_NAMES and v == "leaves" and _LEAVES_OF_A_SEASON.match(text, end):
        return True  # "autumn leaves are so pretty": the season's leaves
    if w in _WEATHER and v in ("kept", "keeps", "keep") and _KEPT_INSIDE.match(text, end):
        return True  # "rain kept us in all weekend": the weather
    return w in _TIME_NAMES and v in _TIME_VERBS and _TIME_PASSES.match(text, end) is not None


_VERB_NEXT = regex.compile(
    r"[ ]+(?:(?:just|always|still|really|finally|also|even|never)[ ]+)?([\w'’]+)"
)


def thing_at(text: str, word: str, end: int) -> bool:
    """`thing_does` for `word` ending at `end`, reading the verb after it."""
    m = _VERB_NEXT.match(text, end)
    return m is not None and thing_does(text, word, m.group(1), m.end(1))
