"""The words an identifier is read out loud in: letters said as words ("x-ray juliet",
"equis jota"), digits in Spanish, what joins the groups ("slash", "guion"), and the mail
services an address said aloud ends at ("jane dot doe at gmail").

`identifiers` builds its spoken rules from these; the rule here finds an email address
said without its ".com", where nothing else would ("my email is j doe two three at
yahoo").
"""

from __future__ import annotations

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.patterns import PatternSpec

__all__ = [
    "LETTER_WORD",
    "MAIL_SERVICE",
    "SAID_JOIN",
    "SPANISH_NUMBER_WORD",
    "SPOKEN_EMAIL_SPECS",
]

# A letter said as a word: the NATO alphabet, and the Spanish letters' names that are
# no everyday word ("de", "ese", "a" are: never a letter here).
LETTER_WORD = (
    r"(?:alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett?|kilo|lima"
    r"|mike|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|whisky"
    r"|x[ -]?ray|yankee|zulu"
    r"|equis|jota|ka|ele|eme|ene|efe|erre|hache|zeta|uve|ge|pe|ce|be|ve|cu"
    # (as Mexican Spanish says r, s, ñ, t, y: "ce ere dos siete nueve")
    r"|ere|ese|eñe|te|i[ ]griega)"
)

# A digit or a number said in Spanish ("dos cuatro cinco", "doble siete").
SPANISH_NUMBER_WORD = (
    r"(?:cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce"
    r"|quince|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)"
)

# What is said between the groups of a number read out ("two three slash four four").
SAID_JOIN = r"(?:dash|hyphen|slash|guion|guión|diagonal)"

# The mail services people give an address at: said after "at" they make it one, with
# or without its ".com" ("mi correo es jane punto doe arroba gmail").
_MAIL_SERVICE = (
    r"(?:g[ ]?mail|google[ ]?mail|yahoo|y[ ]?mail|hotmail|outlook|aol|icloud|proton(?:[ ]?mail)?"
    r"|live|msn|comcast|verizon|att|sbcglobal|bellsouth|gmx|zoho|yandex)"
)
MAIL_SERVICE = _MAIL_SERVICE  # (typed after an "@" too: "dana.w@outlook")
_MAIL_END = r"(?:com|net|org|mx|es|me|co)"
# One word of an address's name said aloud, and what joins two: "jane dot doe", "j doe
# two three", "mike underscore t".
_NAME_PART = r"[a-z0-9]{1,30}"
_NAME_JOIN = r"(?:[ ](?:dot|punto|underscore|guion[ ]bajo|dash|guion)[ ]|[._-]|[ ])"
# The words before it that say an address follows: "my email is", "email me at", "mi
# correo es", "her email's like".
_EMAIL_CUE = (
    r"(?:e-?mail(?:[ ]address)?|correo(?:[ ]electr[oó]nico)?)"
    r"(?:(?:['’]s|[ ]*(?:[ ]is|[ ]was|[ ]es|[ ]era|[ ]it's|[ ]its|:))(?:[ ]+(?:like|um|uh|just"
    r"|still|now|actually))*|[ ]+(?:me|her|him|them|us)[ ]+at)"
)
# Words that, said after the cue and before "at", are no address's name ("my email is
# down at work", "email me back at gmail").
_NOT_NAME = (
    r"(?:is|was|not|down|back|up|out|over|here|there|me|her|him|them|us|it|that|this|the|a"
    r"|an|my|his|your|their|our|and|or|but|so|still|just|only|also|always|never|stuck|on"
    r"|in|at|to|from|for|with|by|through|via|what|where|which|something|somewhere)"
)

_AT = regex.compile(r"(?i)[ ](?:at|arroba)[ ]")
# What an address said aloud holds besides its words: its joins, its numbers said.
_SAID_PART = regex.compile(
    r"dot|punto|underscore|guion|bajo|dash|zero|oh|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    rf"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|{SPANISH_NUMBER_WORD}"
)


# What an inbox is, said before "at": "my email is mostly spam at yahoo", "email me at
# work at outlook".
_INBOX_WORDS = frozenset(
    """work home school spam junk trash inbox broken blocked locked hacked new old full
    personal private main other same""".split()
)


def _a_name(value: str) -> bool | None:
    """An address's name, not words of the sentence said before "at" ("my email is
    hacked at yahoo", "my email is mostly spam at yahoo"): a plain word of the name is
    no grammar word, no "-ly", "-ed" or "-ing" form, nothing an inbox is."""
    name = _AT.split(value, maxsplit=1)[0].lower()
    for word in name.split():
        if _SAID_PART.fullmatch(word):
            continue
        plain = word in STOP_WORDS or word in _INBOX_WORDS
        if plain or (len(word) >= 5 and word.endswith(("ly", "ed", "ing"))):
            return False
    return None


SPOKEN_EMAIL_SPECS: tuple[PatternSpec, ...] = (
    PatternSpec(
        builtin("phimin.email.service_spoken"),
        # "my email is j doe two three at yahoo", "email me at jdoe at gmail": an address
        # said aloud after its cue, to a mail service, with or without its ".com"...
        rf"(?i)(?<![\w]){_EMAIL_CUE}[ ]+(?P<id>(?!{_NOT_NAME}(?![\w'’]))"
        rf"{_NAME_PART}(?:{_NAME_JOIN}(?!{_NOT_NAME}[ ])(?!at[ ]){_NAME_PART}){{0,5}}"
        rf"[ ](?:at|arroba)[ ]{_MAIL_SERVICE}(?:[ ](?:dot|punto)[ ]{_MAIL_END})?)(?![\w'’@.-])"
        # ...or with no cue, a name whose parts a dot or an underscore joins: "jane dot
        # doe at gmail"
        rf"|(?<![\w'’.@-])(?P<id>{_NAME_PART}(?:[ ](?:dot|punto|underscore)[ ]|[._])"
        rf"{_NAME_PART}(?:{_NAME_JOIN}{_NAME_PART}){{0,3}}"
        rf"[ ](?:at|arroba)[ ]{_MAIL_SERVICE}(?:[ ](?:dot|punto)[ ]{_MAIL_END})?)(?![\w'’@.-])",
        group="id",
        validate=_a_name,
        trigger=rf"(?i)[ ](?:at|arroba)[ ]{_MAIL_SERVICE}",
    ),
)
