"""A school, a program or a jail by its own name, said bare after words that place
someone in one: "she's a junior at bronx science", "i did ninety days at teen
challenge", "he's living at new hope house", "i spent three weeks in the tombs".
Rule `phimin.location.unknown_place` (where someone is, was or was sent).

No list of schools, programs or jails: the cue says an institution follows (a year of
school at it, time done or spent there, its program, its bed, being sent or shipped to
it), and English puts a determiner before a kind of place ("at a halfway house", "in
the county jail"), so words said bare after the cue are a name, unless they are a kind
said bare in English ("at home", "at school", "in rehab", "at sea") or an everyday
kind after everyday words ("graduated from nursing school", "did time in county jail").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.clinical import is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.geography import FAMOUS_SITES, load_places
from phimin._detect.lexicon import NameLexicon
from phimin._detect.lines import finditer_by_line
from phimin._detect.words import BRANDS
from phimin._lazy_regex import lazy

__all__ = ["institutions"]

_UNKNOWN_PLACE = builtin("phimin.location.unknown_place")

_NUMBERISH = (
    r"(?:[\w'’-]+[ ]+){0,3}?(?:days?|weeks?|weekends?|nights?|months?|years?|time|bid|stint"
    r"|sentence|semesters?|summers?)"
)
# Words that say an institution follows: a year of school at it, time done there, its
# program or its bed, being sent, shipped or booked there.
_INSTITUTION_AT = lazy(
    r"(?i)(?<![\w'’])(?P<cue>"
    r"(?:freshman|sophomore|junior|senior)(?:[ ]+year)?[ ]+(?P<at1>at)"
    r"|(?:graduated|graduating|graduate|expelled|suspended)[ ]+from"
    r"|(?:kicked|dropped|flunked)[ ]+out[ ]+of"
    rf"|(?:did|do|doing|done|spent|spend|spending|served|serving|finished|finishing)[ ]+"
    rf"{_NUMBERISH}[ ]+(?P<at2>at|in|on|up[ ]at|over[ ]at|out[ ]at)"
    r"|(?:program|groups?|meetings|intake|court|hearing|arraignment"
    r"|(?:got|get|gets|have|had)[ ]+a[ ]+bed)[ ]+"
    r"(?P<at3>at|over[ ]at)"
    r"|(?:sent|shipped|transferred|moved|placed)[ ]+(?:me|him|her|us|them)"
    r"(?:[ ]+(?:up|down|off|over|out))?[ ]+to"
    r"|(?:shipped|sent)[ ]+(?:up|down|off|out)[ ]+to"
    r"|(?:got|get|gets|was|were|being|be)[ ]+(?:sent|shipped|transferred)(?:[ ]+(?:up|down|off"
    r"|over|out))?[ ]+to"
    # (getting into a school is said of many things, so only with a place's name in it:
    # "my brother got into boston latin"; not "got into trouble", "got into real estate")
    r"|(?P<into>got[ ]+(?:into|accepted[ ]+(?:to|at|into)))"
    r"|(?:booked|processed)[ ]+(?:at|into|in)"
    r"|made[ ]+(?:me|him|her|us|them)[ ]+go[ ]+to"
    r"|got[ ]+(?:me|him|her|us|them)[ ]+into"
    r"|(?:living|staying|lives|stays|stayed|lived|live|stay)[ ]+(?P<at4>at)"
    r"|(?:went|go|goes|going)[ ]+(?P<years>to)(?=[ ]+\p{L}[\p{L}'’-]*"
    r"(?:[ ]+\p{L}[\p{L}'’-]*){0,2}[ ]+for[ ]+(?:[\w'’-]+[ ]+){0,2}"
    r"(?:years?|semesters?|high[ ]school|middle[ ]school))"
    r")[ ]+(?P<name>\p{L}[\p{L}'’-]*(?:[ ]+\p{L}[\p{L}'’-]*){0,2}?)"
    r"(?=[ ]*(?:[.,;!?]|$)|[ ]+(?:for|again|now|when|after|before|since|until|till|last|this"
    r"|and|but|with|because|right|so|or|too|on|in|back|waiting|sophomore|junior|senior"
    r"|freshman|year|as|then|like|um|uh|i|he|she|we|they|which|where|anymore|yet|already"
    r"|from|to|during|while|once|twice|every|at|is|was|tuesdays?|mondays?|wednesdays?"
    r"|thursdays?|fridays?|saturdays?|sundays?|each|the|it|that|but|till|cause|by|basically"
    r"|actually|honestly|really|though|either|probably|maybe|anyway|whatever)(?![\w'’]))"
)
# Kinds of place said bare in English, no determiner before them: after the cue they
# are the kind, no name ("did a year at sea", "graduated from college", "spent a night
# in jail", "got him into rehab"); and the last word of an everyday kind ("nursing
# school", "county jail", "boot camp", "drug court").
_SAID_BARE = frozenset(
    """home work school church camp college university rehab detox jail prison court
    night bed class classes practice treatment juvie county state sea peace war rest ease
    random first last least most all once large length heart risk fault odds best worst
    trouble drugs it that this there here fights fighting debt shelter lockup pen
    penitentiary solitary custody hospital care therapy recovery residential inpatient
    outpatient lunch dinner breakfast recess detention mass temple service services
    training program meetings meeting group groups town city country hell heaven bars
    time times place places line lines service army navy marines military base office
    living hall halls grade grades law med grad nursing booking holding intake processing
    middle high elementary noon midnight morning evening one two three four five six seven
    eight nine ten eleven twelve icu ccu micu sicu nicu picu cvicu pacu er ed ir ct mri
    lab labs pathology radiology dialysis cath endoscopy triage pharmacy morgue blood""".split()
)
# Fellowships and programs by their letters, no place ("i went to aa for years").
_FELLOWSHIPS = frozenset("aa na ca ga oa ma sa al-anon alanon alateen nar-anon smart".split())
# Nicknames of jails said with "the" ("three weeks in the tombs", "sent him to the
# walls"): "the" before a kind is the kind ("in the hole", "in the county").
_THE_NICKNAMES = frozenset({"tombs", "walls"})


def _bare_kind(words: list[str], lexicon: NameLexicon) -> bool:
    """Words that are a kind of place, no name: a kind said bare ("rehab"), or a kind
    after everyday words ("nursing school", "county jail"; not "cook county",
    "lincoln high")."""
    if not any(w in _SAID_BARE for w in words):
        return False
    return all(w in _SAID_BARE or lexicon.is_common_word(w) for w in words)


def _bare_plural(words: list[str], lexicon: NameLexicon) -> bool:
    """Everyday words ending in a plural, which English says bare ("we were staying at
    cheap hotels", "spent nights at friends houses")."""
    return (
        words[-1].endswith("s")
        and not words[-1].endswith("'s")
        and all(lexicon.is_common_word(w) or lexicon.is_english(w) for w in words)
    )


def _a_name(words: list[str], cue_at: bool, lexicon: NameLexicon) -> bool:
    """Whether the bare words after an institution's cue are its name."""
    places = load_places()
    said = " ".join(words)
    if (
        any(w in STOP_WORDS for w in words)  # ("spent years in denial about it")
        or words[0] in _FELLOWSHIPS
        # (a name goes on with no past verb: "the program at na helped")
        or (len(words) > 1 and words[-1].endswith("ed") and lexicon.is_english(words[-1]))
        or said in places.not_below_state  # ("did two years in texas": a state)
        or said in places.cities  # (the gazetteer names the city, with its state)
        or said in FAMOUS_SITES
        or any(is_clinical_term(w) and lexicon.is_common_word(w) for w in words)
        or _bare_kind(words, lexicon)
        or _bare_plural(words, lexicon)
    ):
        return False
    if len(words) == 1 and (not cue_at or words[0].endswith("'s")):
        # (one word after "in" or "to" is a state or a thing unless no dictionary has
        # it: "in denial", "moved me to tears"; but "in dannemora"; and a home is
        # someone's: "a week at grandma's")
        return not (
            lexicon.is_common_word(words[0])
            or lexicon.is_english(words[0])
            or words[0].endswith("'s")
        )
    return " ".join(words) not in BRANDS  # ("took me to texas roadhouse")


def _placed_name(words: list[str], lexicon: NameLexicon) -> bool:
    """Two or three words, one a city's or a town's name or no everyday word, the
    others names or words ("boston latin", "bronx science"; not "real estate")."""
    places = load_places()
    return len(words) >= 2 and any(
        ((w in places.cities or w in places.towns) and not lexicon.is_plain_word(w))
        or not (lexicon.is_common_word(w) or lexicon.is_english(w))
        for w in words
    )


def institutions(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """A school, program or jail by its own name after words that place someone in one
    (`_INSTITUTION_AT`): "did eighteen months at sci forest", "he's living at mercy
    house", "she graduated from central catholic"."""
    for m in finditer_by_line(_INSTITUTION_AT, text):
        name = m.group("name")
        words = name.lower().replace("’", "'").split()
        start = m.start("name")
        if words[0] == "the":
            if len(words) == 2 and words[1] in _THE_NICKNAMES:
                yield _UNKNOWN_PLACE.at(start, m.end("name"))
            continue
        cue_at = m.group("cue").lower().endswith(" at")
        if m.group("into") is not None and not _placed_name(words, lexicon):
            continue
        if m.group("years") is not None and len(words) == 1:
            # (gone to for years, a word no everyday one nor a fellowship's letters:
            # "went to stuyvesant for two years"; not "went to counseling", "to aa")
            cue_at = not lexicon.is_common_word(words[0])
        if _a_name(words, cue_at, lexicon):
            yield _UNKNOWN_PLACE.at(start, m.end("name"))
