"""The word lists the name rules read, each once, from `phimin/data/name_words.yaml`.

Lists a pattern is built from are joined with `alternation`, so a pattern and the rule
that checks its words can never disagree about them.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources

import regex

from phimin._catalogue import shipped_yaml

__all__ = [
    "ACCENTED_NAMES",
    "AWARE_CUES",
    "BEFORE_A_THING",
    "BRACKET_KIN",
    "BRACKET_ROLES",
    "BRANDS",
    "BRAND_ALTERNATION",
    "CLIENT_CUES",
    "CONTACT_VERBS",
    "DOCTOR_TITLES",
    "FILLERS",
    "GREETINGS",
    "INITIAL_CUES",
    "INITIAL_NAMES",
    "INTRODUCTIONS",
    "KIN_ROLES",
    "MONTH_LEAD_WORDS",
    "NAME_MONTHS",
    "NICKNAME_FORMS",
    "NICKNAME_PREFIXES",
    "NON_NAME_WORDS",
    "NOT_AFTER_CUE",
    "NOT_AFTER_LIL",
    "NOT_NICKNAMES",
    "NOUN_NAMES",
    "PARTICLES",
    "PAST_TENSE_NAMES",
    "PERSON_VERBS",
    "PETS",
    "PLACE_KINDS",
    "PLURAL_RELATIONS",
    "POSTNOMINALS",
    "REGIONS_ABROAD",
    "RELATIONS",
    "ROLES",
    "ROLE_CUES",
    "SIGNATURE_CREDENTIALS",
    "SOCIAL_VERBS",
    "SPANISH_CLITICS",
    "SPANISH_MOTION",
    "SPANISH_PERSON_VERBS",
    "SPANISH_TIMES",
    "SPEECH_SLANG",
    "STATE_CODES",
    "STREET_NAMES",
    "STREET_TYPES",
    "SUBJECT_VERBS",
    "SURNAME_TITLES",
    "THING_PHRASES",
    "TITLES",
    "US_STATE_NAMES",
    "VEHICLE_NAMES",
    "VERBS_BEFORE_YOU",
    "WEAK_INTRODUCTIONS",
    "alternation",
]

_DATA = shipped_yaml(
    resources.files("phimin").joinpath("data").joinpath("name_words.yaml").read_text("utf-8"),
    "name_words.yaml",
)


def _words(key: str) -> tuple[str, ...]:
    return tuple(_DATA[key])


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """`words` longest first (an alternation tries them in order), ties in alphabetical
    order: a set's own order changes with each process's hash seed, and a pattern's text
    keys its facts in the cache (`pattern_facts`), so it must be the same every run."""
    return tuple(sorted(words, key=lambda word: (-len(word), word)))


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of `words` in their order, a space matching one space."""
    return "|".join("[ ]".join(regex.escape(part) for part in w.split(" ")) for w in words)


TITLES = frozenset(_words("titles"))
# A street's type, as a regex alternation: "Street", "Ave", "Heights" (`addresses`).
STREET_TYPES = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|way"
    r"|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|square|sq|trail|trl|alley|route|rte"
    r"|loop|pike|turnpike|plaza|crescent|expressway|expy|freeway|fwy|crossroad|crossing"
    r"|gateway|greens?|points?|forks?|islands?|courts?|gardens|grove|hill|hills|row|walk"
    r"|mews|close|ridge|view|heights|park|parks|junction|landing|station|mall|commons"
    r"|cliffs?|dam|mill|club|streets|roads|lanes|drives|ways|squares|str\.?|sq"
)
# Months that are first names too ("May Chen called"), and the words that make one of
# them the month ("in May Brown moved out").
NAME_MONTHS = frozenset({"april", "may", "june", "august"})
MONTH_LEAD_WORDS = frozenset(
    "in since until till by during last next early late mid of from before after through".split()
)
# A first name -> its short forms that are no prefix of it ("philippa" -> "pip").
NICKNAME_FORMS: dict[str, tuple[str, ...]] = {
    entry.split()[0]: tuple(entry.split()[1:]) for entry in _words("nickname_forms")
}
DOCTOR_TITLES = _words("doctor_titles")
SURNAME_TITLES = frozenset(_words("surname_titles"))
ROLES = frozenset(_words("roles"))
ROLE_CUES = _words("role_cues")
BRACKET_ROLES = _words("bracket_roles")
POSTNOMINALS = frozenset(_words("postnominals"))
SIGNATURE_CREDENTIALS = _words("signature_credentials")
RELATIONS = frozenset(_words("relations"))
PLURAL_RELATIONS = frozenset(_words("plural_relations"))
BRACKET_KIN = _words("bracket_kin")
GREETINGS = frozenset(_words("greetings"))
INTRODUCTIONS = tuple(tuple(p.split()) for p in _words("introductions"))
WEAK_INTRODUCTIONS = tuple(tuple(p.split()) for p in _words("weak_introductions"))
PARTICLES = frozenset(_words("particles"))
NON_NAME_WORDS = frozenset(_words("non_name_words"))
NOT_AFTER_CUE = frozenset(_words("not_after_cue"))
SUBJECT_VERBS = frozenset(_words("subject_verbs"))
CONTACT_VERBS = _words("contact_verbs")
AWARE_CUES = _words("aware_cues")
SOCIAL_VERBS = _words("social_verbs")
CLIENT_CUES = _words("client_cues")
INITIAL_CUES = _words("initial_cues")
INITIAL_NAMES = frozenset(_words("initial_names"))
NICKNAME_PREFIXES = frozenset(_words("nickname_prefixes"))
VERBS_BEFORE_YOU = frozenset(_words("verbs_before_you"))
PERSON_VERBS = frozenset(_words("person_verbs"))
KIN_ROLES = frozenset(_words("kin_roles"))
NOUN_NAMES = frozenset(_words("noun_names"))
BEFORE_A_THING = frozenset(_words("before_a_thing"))
NOT_NICKNAMES = frozenset(_words("not_nicknames"))
NOT_AFTER_LIL = frozenset(_words("not_after_lil"))
PLACE_KINDS = _words("place_kinds")
PAST_TENSE_NAMES = frozenset(_words("past_tense_names"))
BRANDS = frozenset(_words("brands"))
# The chains as one regex alternation, the longest first ("dollar general" before
# "dollar"), for every pattern that names them.
BRAND_ALTERNATION = alternation(longest_first(BRANDS))
FILLERS = frozenset(_words("fillers"))
SPEECH_SLANG = frozenset(_words("speech_slang"))
SPANISH_MOTION = frozenset(_words("spanish_motion"))
SPANISH_TIMES = frozenset(_words("spanish_times"))
SPANISH_PERSON_VERBS = frozenset(_words("spanish_person_verbs"))
ACCENTED_NAMES = frozenset(_words("accented_names"))
REGIONS_ABROAD = _words("regions_abroad")
PETS = frozenset(_words("pets"))
# Words for a person that name no one ("sis", "cop", "landlady"): never a name said bare.
PERSON_NOUNS = frozenset(_words("person_nouns"))
VEHICLE_NAMES = frozenset(_words("vehicle_names"))
# Things named with a name's word ("mac and cheese", "a sloppy joe"), as one regex
# alternation, the longest first.
THING_PHRASES = alternation(longest_first(_words("thing_phrases")))
# Names many towns give a street: said alone, "a place on maple", "we live at 42 elm".
STREET_NAMES = frozenset(
    """main mlk broadway market broad central grand state division elm oak maple pine cedar
    birch walnut chestnut spruce cherry willow magnolia sycamore poplar hickory locust juniper
    dogwood laurel washington lincoln jefferson madison monroe jackson adams garfield grant
    franklin kennedy roosevelt wilson harrison alder ash aspen beech cypress fir hemlock
    linden mulberry palm redwood sequoia""".split()
)

STATE_CODES = tuple(  # the 50 states, DC and the territories
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP".split()
)
# The fifty states' names (and the District's), as they are written.
US_STATE_NAMES = tuple(
    """Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida
    |Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland
    |Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada
    |New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma
    |Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah
    |Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|District of Columbia""".replace(
        "\n    ", ""
    ).split("|")
)
# Spanish object pronouns, which come before a verb ("me van a", "se fue", "le dan");
# not "la", "lo", "los", "las", which are articles too ("con la rosa").
SPANISH_CLITICS = frozenset("me te se nos os le les".split())
