"""Street addresses, US and international, as whole blocks.

An address is found from an anchor (a street line, a unit such as "Apt. 4", a P.O.
box, a military address, or a number after "lives at" / "address:") and grows over
what follows it on the same line after commas or on the next lines: units, a city,
a region, a postal code, a country. The whole block becomes one finding, so the
placeholder stands for the address and no piece of it is left behind.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from phimin._catalogue import RuleRecord, builtin
from phimin._detect.base import PhiminRecognizer
from phimin._detect.case import CaseMode, case_of
from phimin._detect.clinical import MEDICATIONS
from phimin._detect.dates import MONTH
from phimin._detect.detection import Detection
from phimin._detect.lines import finditer_by_line
from phimin._detect.patterns import REGEX_TIMEOUT_SECONDS
from phimin._detect.turn_answers import answered_ids
from phimin._detect.words import STREET_NAMES, STREET_TYPES, alternation
from phimin._errors import DetectionError
from phimin._lazy_regex import lazy

__all__ = ["AddressRecognizer"]

# Street types, English and common international ones (as words or word endings):
# `words.STREET_TYPES`, which the name rules read too ("Hope Street" is no one).
_STREET_TYPES = STREET_TYPES
_INTL_PREFIX = (
    r"rue|rua|r\.|avenida|avda\.?|av\.|calle|c/|(?-i:Via|VIA)|viale|vicolo|piazza|piazzetta|largo"
    r"|corso|ul\.|ulica|al\.|aleja|plac|pl\.|praça|travessa|camino|carrer|carretera|paseo"
    r"|rúa|strada|stradă|λεωφόρος|οδός|πλατεία|ulitsa|prospekt"
)
_INTL_SUFFIX = (
    r"straße|strasse|str\.|weg|gasse|platz|laan|straat|vej|gade|gatan|vägen|väg|katu|tie"
    r"|veien|vegen|terrasse|plads|allé|alle|brücke|bruecke|straeti|gata|stræde|u\.|utca|útja|út"
)
_WORD = r"[\p{Lu}][\p{L}\p{M}'’.-]*"
_ANY_WORD = r"\p{L}[\p{L}\p{M}'’.-]*"  # after a street prefix, lower case is fine too
_INNER_WORD = rf"(?:{_WORD}|\p{{Ll}}[\p{{Ll}}\p{{M}}.]{{2,}})"  # "Béla király útja"
_NOT_MONTH = rf"(?!(?i:{MONTH})\b)"
_PARTICLE = (
    r"(?:de|del|della|dei|do|da|dos|das|di|du|la|le|les|van|von|der|den|u|v|y|e|z|na|nad|pod)"
)
_NUMBER = r"\d{1,5}[a-zA-Z]?\.?"
_UNIT = (
    r"(?:apt\.?|apartment|suite|ste\.?|unit|box|postbox|p\.?[ ]?o\.?[ ]?box|psc|cmr|room|rm\.?"
    r"|floor|fl\.?|bldg\.?|building|\#)[ ]*\#?[ ]*\d{1,6}[a-z]?"
)

_NOT_A_STREET_NAME = (
    r"(?:in|on|the|a|an|of|to|for|and|or|at|my|his|her|their|our|your|us|them|times?|days?"
    r"|weeks?|months?|years?|miles?|blocks?|minutes?|hours?|down|up|from|across|along|off|by"
    r"|is|was|with|more|last|long|short|way|ways|big|little|good|bad|other|people|kids"
    r"|cars?|less|hundred|thousand|percent|dollars?|bucks|round|laps?|friends?|new|old)"
)
# A name many streets have, or a numbered street: "forty two maple", "1234 main", "12
# west 3rd" is no count of things.
_HOUSE_STREETS = (
    rf"(?:(?:north|south|east|west|n|s|e|w)[ ]+)?(?:{alternation(tuple(sorted(STREET_NAMES)))}"
    r"|\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|eleventh|twelfth)"
    # (or any street with its direction, as a city's grid says it: "2200 s kedzie", "1412
    # w fulton"; never "12 north of here")
    r"|(?:north|south|east|west|n|s|e|w)\.?[ ]+"
    rf"(?!{_NOT_A_STREET_NAME}(?![\w]))(?!(?:side|end|part|coast|shore)(?![\w]))[a-z][a-z'’-]{{2,20}}"
)

# A number in words, as a house number or a unit is said.
_SPOKEN = (
    r"(?:oh|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundred|thousand)"
)
# What a round hundred counts that is no street: "eighteen hundred calories".
_NOT_AFTER_HUNDRED = (
    r"(?:calories|cals|feet|foot|ft|meters|metres|yards|steps|words|square|sq|acres|bucks"
    r"|pesos|dollars|grams|milligrams|kids|students|people|hours|a|per|each|total|plus|so"
    r"|something|bill|rent|deductible|credit|score)"
)
# A numbered street past the twelfth, said in words: "thirty second", "nineteenth".
_SPOKEN_ORDINAL = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ -](?:first|second|third"
    r"|fourth|fifth|sixth|seventh|eighth|ninth)|(?:thir|four|fif|six|seven|eigh|nine)teenth"
    r"|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth"
)
# The other street of a corner: a word of a name, with its type or none ("king", "vine
# street"); no word of grammar ("my", "the").
_CORNER_NAME = (
    rf"(?!{_NOT_A_STREET_NAME}(?![\w]))\p{{L}}[\p{{L}}'’-]{{2,}}"
    r"(?:[ ]+(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr))?"
)
# Street types that are no everyday noun ("park", "view", "place", "court" are).
_SPOKEN_STREET_TYPES = (
    r"street|avenue|road|boulevard|blvd|lane|drive|terrace|circle|parkway|highway|trail|pike"
)
# Words that are no part of a street's name after a number: amounts, grammar, time.
# What follows a number that is an amount, a time or a measure, never a house number.
_AMOUNT_AFTER = (
    r"(?:years?|yrs?|months?|mos?|weeks?|wks?|days?|times?|hours?|hrs?|minutes?|mins?|x"
    r"|dollars?|bucks|cents?|grand|k|percent|pct|am|pm|a\.m|p\.m|o['’]?clock|tonight|today"
    r"|tomorrow|sharp|ish|mg|mcg|g|kg|lbs?|pounds?|miles?|mph|points?|degrees?|out|of|or|and"
    r"|to|on|in|at|by|for|now|right|a|an|the|milligrams?|units?|drinks?|pills?)"
)
# A distance said with its direction and what it is from, not a street: "we live at 12
# north of here", "she's at like 20 south of town" (miles or minutes, left unsaid).
_DISTANCE_AFTER = (
    r"(?:north|south|east|west)(?:east|west)?(?:ward)?[ ]+of(?![\w])"
)

_LONG_WORD = regex.compile(r"\p{L}{3,}")
_DIGIT = regex.compile(r"\d")


@dataclass(frozen=True, slots=True)
class _Anchor:
    """Where an address starts: one rule's pattern, and how to run and read it."""

    rule: RuleRecord
    pattern: regex.Pattern[str]
    # Reads a street's name from its capital letters alone: not run in capitals
    # ("HR 88 AVP. BP 104", "VIA ART LINE 96": capitals say nothing there).
    needs_case: bool = False
    # Cannot cross a line break and ends in a number: runs only on the lines that have
    # a digit (the whole pattern is spaces, words and numbers: the international one
    # tries every word of the text otherwise).
    one_line: bool = False
    # After a cue such as "is on", an address has a word of its own ("Koprivna 31"),
    # not only a dose or a time ("3L NC", "7am").
    needs_word: bool = False
    # Said in words: needs no digit ("forty four seventeen magnolia drive").
    spoken: bool = False
    # What every match holds on its line: the pattern runs only on the lines holding it.
    cue: regex.Pattern[str] | None = None


_ANCHORS: tuple[_Anchor, ...] = (
    _Anchor(
        builtin("phimin.address.street"),
        regex.compile(
            rf"(?i)(?<![\w.,/-])\d{{1,6}}[a-z]?(?:-\d{{1,4}})?[ ]+(?:\d{{1,5}}[ ]+)?(?:[nsew]\.?[ ]+)?"
            rf"(?:(?!(?:in|on|the|a|an|of|to|for|and|or|at|my|his|her|their|our|your|times?"
            rf"|days?|weeks?|months?|years?|mg|mcg|ml|miles?|km|blocks?|minutes?|hours?|down|up"
            rf"|from|across|along|off|by|is|was|with|units?|doses?|tabs?|pills?|people|kids|cars?"
            # a clause after an age or a count: "at 42 she still drives"
            rf"|i|he|she|we|they|you|it|still|just|also|never|always|really|only|even|then"
            rf"|so|but|when|if|that|this|there|who|now|usually|sometimes)"
            rf"(?![\w]))[\p{{L}}0-9][\p{{L}}0-9'.-]*[ ]+){{1,3}}(?:{_STREET_TYPES})\.?(?![\w])"
        ),
    ),
    _Anchor(
        builtin("phimin.address.intl"),
        regex.compile(
            rf"(?<![\w.,/-])(?:\d{{1,6}}[ ]+){{0,2}}"
            rf"(?:(?i:{_INTL_PREFIX})[ ]+{_ANY_WORD}(?:[ ]+{_ANY_WORD}){{0,4}}"
            rf"|{_WORD}(?:[ ]+(?:{_WORD}|{_PARTICLE})){{0,3}}[ ]*(?i:{_INTL_SUFFIX})"
            rf"|\p{{L}}+(?i:{_INTL_SUFFIX}))"
            rf"[ ]+{_NUMBER}(?![\w])"
        ),
        needs_case=True,
        one_line=True,
    ),
    _Anchor(
        builtin("phimin.address.number_first"),
        # "17 Rue des Lilas", "41 Avenue des Pins Verts": the number before the street.
        regex.compile(
            rf"(?<![\w.,/-])(?:\d{{1,6}}[ ]+){{1,2}}(?i:{_INTL_PREFIX}|avenue|boulevard|route|chemin"
            rf"|place|allée|impasse|quai)[ ]+{_ANY_WORD}(?:[ ]+{_ANY_WORD}){{0,4}}?"
            rf"(?=[ ]*(?:,|\n|$|[.?!](?:\s|$)|[ ]+(?i:apt|suite|unit)))"
        ),
    ),
    _Anchor(
        builtin("phimin.address.corner"),
        regex.compile(
            r"(?i)the[ ]corner[ ]of[ ]+[\p{L}\d][^\n,?!]{2,60}?[ ]and[ ]+"
            r"[\p{L}\d][^\n,?!]{1,60}?(?=[ ]*(?:,|\n|$|[.?!](?:\s|$)))"
            # said without "corner", a numbered street on one side: "by whitmore and 5th",
            # "at 3rd and pine" (not "3rd and 4th grade")
            r"|(?<=(?<![\w])(?:at|by|on|near|off|past)[ ]+(?:the[ ]+)?)"
            # (the word after "and" a street's, not the sentence going on: "on the 9th
            # and then", "the 21st and she")
            r"(?:\d{1,3}(?:st|nd|rd|th)[ ]+(?:and|&)[ ]+(?!(?:then|than|the|that|this|they"
            r"|them|she|her|his|its|was|were|are|and|but|you|your|our|their|what|when|who|how"
            r"|not|now|just|also|after|before|since|got|had|has|have|did|went|came)(?![\w]))"
            r"\p{L}{3,}|\p{L}{3,}[ ]+(?:and|&)[ ]+"
            r"\d{1,3}(?:st|nd|rd|th))(?![\w])(?![ ]+(?:grade|period|floor|place|base|time"
            r"|quarter|year|trimester|birthday|anniversary|street|st|avenue|ave)(?![\w]))"
        ),
        cue=regex.compile(r"(?i)the[ ]corner[ ]of|\d(?:st|nd|rd|th)"),  # (either branch)
    ),
    _Anchor(
        builtin("phimin.address.spoken"),
        # "forty four seventeen magnolia drive apartment two b", "at twelve oak lane": a
        # house number in words (two words at least, or one after "at"/"on"/"live at"),
        # one to three words, a street type, and a unit said the same way.
        regex.compile(
            rf"(?i)(?:(?<![\w'’-]){_SPOKEN}(?:[ -]{_SPOKEN}){{1,4}}"
            rf"|(?<=(?<![\w])(?:at|on|is)[ ]){_SPOKEN})"
            rf"(?:[ ]+(?!{_NOT_A_STREET_NAME}(?![\w]))\p{{L}}[\p{{L}}'’.-]*){{1,3}}"
            rf"[ ]+(?:{_SPOKEN_STREET_TYPES})(?![\w'’-])"
            # (a road by its number: "ninety one county road twelve")
            rf"(?:(?<=road|highway|route)[ ]+(?:\d{{1,4}}|{_SPOKEN}(?:[ -]{_SPOKEN})?)(?![\w'’-]))?"
            rf"(?:[ ]+(?:apartment|apt|unit|suite|number)[ ]+{_SPOKEN}(?:[ -]{_SPOKEN})?"
            r"(?:[ ]+[a-h](?![\w]))?)?"
            # where someone lives, a house number and a name many streets have, said
            # without its type: "i live at forty two maple", "we're at 1234 main now"
            # (the cue read first, a literal, and left out of the match by `\K`)
            rf"|(?<![\w'’])(?:(?:live|lives|lived|living|stay|stays|stayed|staying|moved)[ ]+"
            # ("i'm over at twenty one twenty one magnolia", "the office is at one fifteen
            # south main")
            rf"(?:at|on|to)|(?:i'm|we're|she's|he's|they're)[ ]+(?:(?:over|down|up|out|still"
            rf"|now)[ ]+)?at|(?:office|shop|store|building|clinic|church|school|it)[ ]+is[ ]+at"
            rf"|it's[ ]+at|address[ ]is|address's"
            # ("my place is at sixty one elm", "her house is 42 oak", "the apartment at
            # 1412 w fulton")
            rf"|(?:place|house|apartment|home|trailer)(?:['’]s|[ ]is|(?=[ ]+at))(?:[ ]+at)?)[ ]+\K(?:\d{{1,5}}"
            rf"|{_SPOKEN}(?:[ -]{_SPOKEN}|(?<=hundred)[ ]and[ ]{_SPOKEN}){{0,4}})[ ]+"
            # (after a round hundred any street's name: "we live at thirty three hundred
            # michigan", not "i'm at eighteen hundred calories")
            rf"(?:{_HOUSE_STREETS}|(?<=hundred[ ]+)(?!{_NOT_A_STREET_NAME}(?![\w]))"
            rf"(?!{_AMOUNT_AFTER}(?![\w]))(?!{_NOT_AFTER_HUNDRED}(?![\w]))\p{{L}}[\p{{L}}'’-]{{2,}})(?![\w'’-])"
            rf"(?:[ ]+(?:street|st|avenue|ave|road|rd|drive|dr|court|ct|place|way|lane|ln|circle"
            rf"|boulevard|blvd|terrace|loop)(?![\w'’-]))?"
            rf"(?:[ ]+(?:apartment|apt|unit|suite|number)[ ]+{_SPOKEN}(?:[ -]{_SPOKEN})?"
            r"(?:[ ]+[a-h](?![\w]))?)?"
            r"(?=[ ]*(?:[.,;:!?]|$)|[ ]+(?:and|but|so|now|with|since|for|in|near|by|right"
            r"|across|apartment|apt|unit|till|until|then|when|because|was|is|were|had|has)(?![\w]))"
            # a block by its hundreds, said where something happened or someone lives:
            # "on the twenty six hundred block of division", "the 4800 block of pine"
            rf"|(?<![\w'’-])(?:\d{{1,3}}00|{_SPOKEN}(?:[ -]{_SPOKEN}){{0,2}}[ ]hundred)"
            rf"[ ]+block[ ]+of[ ]+(?!{_NOT_A_STREET_NAME}(?![\w]))\p{{L}}[\p{{L}}'’.-]+"
            rf"(?:[ ]+(?:{_SPOKEN_STREET_TYPES}|st|ave|rd|dr|blvd)(?![\w'’-]))?"
            # a corner, one of its streets a numbered one or a name many streets have:
            # "the corner of fifth and maple", "on the corner of king and sixth" (not "the
            # corner of my eye and", "the corner of happy and healthy")
            rf"|(?<![\w'’-])(?:the[ ]+)?corner[ ]+of[ ]+(?:(?:{_HOUSE_STREETS}|{_SPOKEN_ORDINAL})"
            rf"[ ]+(?:and|&)[ ]+{_CORNER_NAME}|{_CORNER_NAME}[ ]+(?:and|&)[ ]+"
            rf"(?:{_HOUSE_STREETS}|{_SPOKEN_ORDINAL}))(?![\w'’-])"
        ),
        spoken=True,
    ),
    _Anchor(
        builtin("phimin.address.house_number"),
        # "418 Vestrelia 62": a house number, capitalized words, a number ("3 Dec 2021"
        # is a date).
        regex.compile(
            rf"(?<![\w.,/-])\d{{1,6}}[ ]+(?:\d{{1,5}}[ ]+)?{_NOT_MONTH}{_WORD}"
            rf"(?:[ ]+(?:{_INNER_WORD}|{_PARTICLE})){{0,3}}"
            rf"[ ]+{_NUMBER}(?![\w])"
        ),
        needs_case=True,
    ),
    _Anchor(
        builtin("phimin.address.po_box"),
        regex.compile(
            r"(?i)(?<![\w])(?:p\.?[ ]?o\.?[ ]?box|postbox|post office box)[ ]+\d{1,6}(?![\w])"
        ),
    ),
    _Anchor(
        builtin("phimin.address.military"),
        regex.compile(
            r"(?i)(?<![\w])(?:(?:psc|cmr|unit)[ ]+\d{3,5},?[ ]+box[ ]+\d{3,5}"
            r"|(?:apo|fpo|dpo)[ ]+(?:aa|ae|ap)[ ]+\d{5}"
            r"|(?:usns|usnv|uss|uscgc)[ ]+\p{L}[\p{L}'-]+)(?![\w])"
        ),
    ),
    _Anchor(
        builtin("phimin.address.unit"),
        regex.compile(
            r"(?i)(?<![\w])(?:apt\.?|apartment)[ ]*\#?[ ]*\d{1,6}[a-z]?(?![\w])"
            # a suite alone is an office's door, in any of a thousand buildings: "my
            # appointment is in suite 300" stays; listed after a place or with a town
            # after it, it is an address's part: "the shelter, Suite 12", "Suite 210,
            # Salem" (after a street, the address's segments take it)
            r"|(?:(?<=,[ ]*)|(?<![\w]))(?:suite|ste\.?)[ ]*\#?[ ]*\d{1,6}[a-z]?(?![\w])"
            r"(?:(?<=,[ ]*\w+[ ]*\#?[ ]*\d{1,6}[a-z]?)|(?=,[ ]*(?-i:\p{Lu})))"
        ),
    ),
    _Anchor(
        builtin("phimin.address.context"),
        # After an address cue, a stretch that starts with a number or a capital and has
        # a digit before the line ends: "his address: Koprivna 31, Lesnovo".
        regex.compile(
            r"(?i)(?:address(?:[ ]is)?|lives?[ ](?:at|on)|lived[ ](?:at|on)|located[ ]at"
            r"|meet[ ](?:you|me)[ ]at|sent[ ]to|moved[ ]to|arrived[ ]at|off[ ]at|enter[ ]on"
            r"|corner[ ]of|address[ ]to|address[ ]with|address\?[ ]it[ ]is|mail[ ]to|is[ ]at"
            r"|is[ ]on|return[ ]to)[ :]+"
            # (not through a duration: "moved to Boston 3 years ago"; not a date: "is on
            # March 14th", "is on Monday the 3rd")
            rf"(?!(?:{MONTH}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
            # (a number only before a word, and no amount: "is at 4 dollars", "is at 7
            # percent", "is at 10 tonight")
            rf"(?P<addr>(?:(?-i:\p{{Lu}})|\d[\d\p{{L}}/-]*(?:[ ,]+\d[\d\p{{L}}/-]*)*[ ,]+(?!{_AMOUNT_AFTER}(?![\w])|{_DISTANCE_AFTER})(?=\p{{L}}))"
            r"(?:(?!\d+[ ]?(?:years?|yrs?|months?|mos?|weeks?|wks?"
            r"|days?|times?|hours?|hrs?|minutes?|mins?|x)\b)[^\n.?!]){0,60}?)"
            r"(?=[ ]*(?:[\n.?!]|$|,[ ]|[ ]+(?:in|for|after|last|with|and|or|but)[ ]))"
        ),
        needs_case=True,
        needs_word=True,
    ),
)

# What may follow an address, segment by segment: a unit, a city, a region, a postal
# code, a country. Each segment comes after a comma, a line break or a space.
_SEPARATOR = regex.compile(r"(?:[ \t]*[,\n][ \t>?]*)+|[ ]+")
_CITY_WORD = r"\(?[\p{Lu}][\p{L}\p{M}\u2206'’.()-]*|nan"
_SEGMENT = lazy(
    rf"(?:(?i:{_UNIT})"
    # (a sentence ends after "Lesnovo.": only an abbreviation's period, "Ft. Wayne", goes on)
    rf"|(?:{_CITY_WORD})(?:(?<!\p{{L}}{{4}}\.)[ ]+(?:{_CITY_WORD}|{_PARTICLE})){{0,4}}"
    rf"(?:,?[ ]+[A-Z]{{2}})?(?:,?[ ]+(?:\d{{3,6}}(?:[ -]\d{{2,4}})?|[A-Z]\d[A-Z][ ]?\d[A-Z]\d))?"
    rf"|[A-Z]{{2}}\.?,?[ ]+\d{{5}}(?:-\d{{4}})?"
    rf"|\d{{4,6}}(?:-\d{{3,4}})?"
    rf"|\d{{2,3}}(?=[ ]*\n))"
    rf"(?=[ ]*(?:[,\n]|$|[.?!](?:\s|$))|[ ]+(?:\p{{L}}|[(\d+]))"
)
# After a comma, a lower-case place name ("..., sé, portugal") runs to a comma or the end.
_LOWER_SEGMENT = lazy(
    r"\p{Ll}[\p{L}\p{M}'’.()-]*(?:[ ]+\p{L}[\p{L}\p{M}'’.()-]*){0,3}(?:[ ]+\d{3,6})?"
    r"(?=[ ]*(?:,|\n|$|[.?!](?:\s|$)))"
)
_MAX_SEGMENTS = 6
_UNIT_ONLY = lazy(rf"(?i:{_UNIT})")
_STREET_END = lazy(rf"(?i)(?:{_STREET_TYPES})\.?$")
_NOT_CITY = lazy(
    r"(?i)^(?:mobile|desk|fax|phone|tel|email|e-mail|name|dear|hi|hello|thanks|regards|the|i"
    r"|we|she|he|they|and|or|but|then|so|which|who|where|when|because|if|it|this|that|my|her"
    r"|his|their|our|your|a|an|to|in|on|at|for|with|from|of|was|is|are|had|has|have"
    # (speech going on after a comma: "the corner of fifth and maple, by the gas station")
    r"|by|near|next|across|behind|like|um|uh|you|right|just)\b"
)


class AddressRecognizer(PhiminRecognizer):
    ENTITIES = ("STREET_ADDRESS",)

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Detection]:
        digits = any(c.isdigit() for c in text)
        found = list(self._find(text, case_of(text, nlp_artifacts), digits=digits))
        # (a number read out after the last turn asked for it by its label)
        return found + list(answered_ids(text)) if digits else found

    def _find(self, text: str, mode: CaseMode, *, digits: bool = True) -> Iterator[Detection]:
        upper = mode == "upper"
        lines = _digit_lines(text) if digits else []
        for anchor in _ANCHORS:
            if (upper and anchor.needs_case) or not (digits or anchor.spoken):
                continue
            pattern = anchor.pattern
            try:
                if anchor.one_line:
                    matches = [
                        m
                        for start, end in lines
                        for m in pattern.finditer(text, start, end, timeout=REGEX_TIMEOUT_SECONDS)
                    ]
                else:  # (only the lines with its words, where that finds the same)
                    matches = list(
                        finditer_by_line(pattern, text, anchor.cue, timeout=REGEX_TIMEOUT_SECONDS)
                    )
            except TimeoutError as exc:
                raise DetectionError(
                    f"pattern {anchor.rule.id} exceeded {REGEX_TIMEOUT_SECONDS}s"
                ) from exc
            for m in matches:
                start, end = m.span("addr") if "addr" in pattern.groupindex else m.span()
                if start < 0 or end <= start:
                    continue
                end = _grow(text, end)
                if text[end - 1] == "." and (end == len(text) or text[end].isspace()):
                    end -= 1  # the sentence's period, even after "St.": "[ADDRESS_1]."
                candidate = text[start:end]
                if (anchor.spoken or _plausible(candidate)) and (
                    not anchor.needs_word or _LONG_WORD.search(candidate)
                ):
                    yield anchor.rule.at(start, end)


def _digit_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that has a digit, without its line break."""
    found = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if _DIGIT.search(line):
            found.append((start, end))
        start = end + 1
    return found


def _grow(text: str, end: int) -> int:
    """Extend an address over the units, city, region, postal code that follow."""
    after_unit = False
    for _ in range(_MAX_SEGMENTS):
        if text[end : end + 2] == ". ":
            break
        sep = _SEPARATOR.match(text, end)
        if sep is None or sep.group().count("\n") > 2:
            break
        seg = _SEGMENT.match(text, sep.end())
        if seg is None and "," in sep.group():
            seg = _LOWER_SEGMENT.match(text, sep.end())
        if seg is None or _NOT_CITY.match(seg.group()):
            break
        gap = sep.group()
        if "\n" in gap.replace("\n", "", 1) and not _looks_postal(seg.group()):
            break  # across a blank line, only a postal code (with its country) joins
        if (
            gap.strip() == ""
            and "\n" not in gap
            and not (after_unit or _looks_postal(seg.group()) or _STREET_END.search(seg.group()))
        ):
            break  # same line, no comma: a unit, a postal code, a street type, or a city after a unit
        after_unit = _UNIT_ONLY.fullmatch(seg.group()) is not None
        end = seg.end()
        if text[end - 1] == "." and (end == len(text) or text[end].isspace()):
            end -= 1  # the sentence's full stop, not part of the place
    return end


# Words that make a number-word-number run a dose or a setting, not an address.
_DOSE_WORDS = MEDICATIONS | frozenset(
    """peep ps psv cpap bipap fio2 liter liters ml mg mcg cc tv rate am pm hr hrs x""".split()
)


def _plausible(candidate: str) -> bool:
    """Has a digit and a letter, and is not a dose or a setting ("2 Tylenol 500",
    "PS 10 PEEP 5")."""
    if not any(c.isdigit() for c in candidate) or not any(c.isalpha() for c in candidate):
        return False
    words = {w.lower().strip(".,") for w in candidate.split()}
    return not (words & _DOSE_WORDS)


def _looks_postal(segment: str) -> bool:
    return any(c.isdigit() for c in segment)
