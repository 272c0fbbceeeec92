"""Structured Safe Harbor identifiers: numbers, codes and addresses of the internet.

Most numbers in a clinical note are not identifiers (doses, labs, scores, codes), so a
bare number is only an identifier when its shape is unmistakable (an SSN with dashes,
a card number that passes Luhn, an email) or a label says so ("MRN:", "member ID",
"A#"). Labels are matched case-insensitively; the span is the identifier only.
"""

from __future__ import annotations

import functools
import itertools
from importlib import resources

import regex
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    EmailRecognizer,
    IpRecognizer,
)
from spacy.lang.en.stop_words import STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect import validators as v
from phimin._detect.clinical import is_clinical_term
from phimin._detect.dates import plausible_numeric_date
from phimin._detect.patterns import PatternSpec
from phimin._detect.spoken import (
    LETTER_WORD,
    MAIL_SERVICE,
    SAID_JOIN,
    SPANISH_NUMBER_WORD,
    SPOKEN_EMAIL_SPECS,
)
from phimin._detect.words import STATE_CODES, US_STATE_NAMES, alternation

__all__ = ["IDENTIFIER_SPECS"]

# What may sit between a label and its value: "MRN: 123", "MRN # 123", "MRN is 123".
_SEP = r"[ \t]*(?:(?:is|was|es|era|=|:|#|no\.?|number|num\.?)[ \t]*){0,3}[ \t]*"
# An identifier value: starts alphanumeric, has a digit, 5-24 characters (so a bare
# year after a label, "Medicaid 2019", is not taken for a member id).
_GROUP = r"[ ](?=[A-Za-z]{0,3}\d)[A-Za-z0-9]{2,6}(?![A-Za-z]{2})"
# (after a short first group the rest may be one run: "w 44719203", said letter by digit)
_LAST_GROUP = r"[ ](?=[A-Za-z]{0,3}\d)[A-Za-z0-9]{2,14}(?![A-Za-z]{2})"
# Where a labelled number's last lone letter or digit ends it: the line's end,
# punctuation, or a word that is no count's noun ("NI number AA 12 34 56 B is on the
# letter", "Medicare 2123 45670 1 on file"; never "MRN 448213 2 times").
_TAIL_END = (
    r"(?=[ ]*(?:[.,;:!?)]|\r?\n|$)|[ ]+(?:is|was|on|in|at|for|from|and|or|but|so|if|when"
    r"|because|please|which|that|to|as|with|expires?|expired|i|he|she|they|we|you|it)(?![\w'’-]))"
)
# (no "a" or "i" as the last letter: words)
_TAIL = rf"(?:[ ](?:[B-HJ-Zb-hj-z]|(?-i:A)|\d){_TAIL_END})"
_VALUE = (
    # (from a word's start: "case number 24-1187" is never "ber 24"; never a date and
    # its clock, as a scribe's header writes them: "Encounter: 2025-06-02 09:40")
    r"(?P<id>(?<![A-Za-z0-9])(?!\d{4}-\d\d-\d\d(?![\w-]))"
    r"(?:(?=[A-Za-z0-9-]{0,24}\d)[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){4,23}"
    # read in groups, as a card prints it: "W228 4410 73" (each group with a digit)
    rf"(?:{_GROUP}){{0,3}}{_TAIL}?"
    # a short first group, then others, five digits in all: "W228 4410 73", "AB 1234 5678"
    rf"|(?=(?:[A-Za-z ]{{0,6}}\d){{5}})(?:[A-Za-z]{{1,3}}|[A-Za-z]{{0,2}}\d[A-Za-z0-9]{{0,3}})"
    rf"(?:(?:{_GROUP}){{1,3}}|{_LAST_GROUP}){_TAIL}?))(?![\w-]|:\d)"
)


_NUMBER_WORD = (
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundred)"
)

# Where something read aloud (a web path, a number's last letters) comes to its end: the
# line's end, punctuation, or a word that starts a new clause ("... kids if you want").
_CLAUSE_WORD = (
    r"(?:if|and|so|but|because|cause|cuz|or|then|when|you|i|i'm|i've|i'd|i'll|he|she|they"
    r"|we|it|it's|that's|please|okay|ok|yeah|um|uh|like|right)"
)
_NATURAL_END = rf"(?=[ ]*(?:[.,;:!?)]|\r?\n|$)|[ ]+{_CLAUSE_WORD}(?![\w'’]))"

# A web path's part read aloud ("jay dash r"), and the words no path of words holds.
_PATH_PART = r"[a-z0-9]{1,40}(?:[ ](?:dash|underscore|dot)[ ][a-z0-9]{1,40})*"
_NOT_IN_PATH = (
    rf"(?:{_CLAUSE_WORD}|slash|dot|dash|underscore|is|was|are|were|be|been|has|had|have|do|does|did"
    r"|said|says|where|who|what|which|that|this|there|here|to|on|in|at|with|about|from|by"
    r"|me|him|her|them|us|not|just|too|also|now|again|went|got|get|go|goes|see|saw|look)"
)

# Words no domain said aloud holds as its second word.
_NOT_IN_DOMAIN = r"(?:at|dot|punto|arroba|the|a|an|and|or|to|of|in|on|for|my|his|her|their|your)"
# Words said before "at" that are no email's name: "i looked at webmd dot com", "she
# was good at psychology today dot com" (besides English stop words: "me at", "him at").
_NOT_EMAIL_NAMES = STOP_WORDS | frozenset(
    """look looks looked looking stare stares stared staring glare glared laugh laughed
    laughing yell yelled yelling scream screamed screaming arrive arrived arriving aim
    aimed point pointed shot snapped smiled waved met meet stay stayed staying live lived
    living work works worked working volunteer volunteered volunteering intern interned
    interning job good bad great better worse best worst mad angry upset pissed home
    school still even online there here sign signed check checked""".split()
)


# A phone's extension, in digits or read out: "ext 214", "extension two one four",
# "extension number two fourteen".
_EXTENSION_NUMBER = (
    r"(?:(?<=(?i:ext|ext\.|extension))[ ](?:number|is|\#))?(?:[ ]?\d{1,5}(?![\w])"
    # (words only after "ext" or "extension": "x two" is a letter and a number)
    r"|(?<=(?i:ext|ext\.|extension|number|is|\#))"
    rf"[ ]{_NUMBER_WORD}(?:[ ]{_NUMBER_WORD}){{0,4}}(?![\w]))"
)
_EXTENSION = rf"(?:[ ]?,?[ ]?(?i:x|ext\.?|extension){_EXTENSION_NUMBER})"
_SAID_EXTENSION = rf"(?:[ ]?,?[ ]?(?i:ext\.?|extension){_EXTENSION_NUMBER})"
_EXTENSION_TAIL = regex.compile(rf"(?i){_EXTENSION}$")


# A plate in two or three groups, three digits and a letter at least: "7KLM 421", "ABC
# 123", "7 KLM 42".
_PLATE = (
    # (its groups apart by a dash too: "B-KM 4821", "AB-123-CD")
    r"(?P<id>(?<![A-Za-z0-9])(?=(?:[A-Za-z -]{0,5}\d){3})(?=[0-9 -]{0,5}[A-Za-z])"
    # (its last group with a digit: "my plate is 7KLM 421 if they ask")
    r"[A-Za-z0-9]{1,4}(?:[ -][A-Za-z0-9]{1,4})?[ -](?:(?=[A-Za-z]{0,3}\d)[A-Za-z0-9]{1,4}"
    # (or capitals last, as France, Spain and Italy print theirs: "AB-123-CD", "4821 KLM")
    r"|(?<=\d[ -])(?-i:[A-Z]{1,3})))(?![\w-])"
)
_UNIT_GROUP = regex.compile(
    # (and a garment's size on its tag: "the tag says 100 XL")
    r"(?i)(?<![\w])(?:mg|mcg|ml|cc|mm|cm|in|ft|lbs?|oz|kg|g|am|pm|min|hrs?|x|by|of|to|xs|xl|xxl"
    r"|xxxl|pcs|ct)(?![\w])"
)


# What a tag or a label says, never a plate's letters: "the tag says 100 percent cotton".
_PLATE_VERBS = frozenset(
    "says said reads read shows showed costs cost size sized price priced marked".split()
)


def _no_unit_in_plate(value: str) -> bool | None:
    """No measure or time in a plate's groups, and no word of the sentence: "plate 100
    mg", "plate 2 ft 6 in", "put the plate at 350"."""
    words = (g for g in regex.split(r"[ -]", value.lower()) if g.isalpha())
    plain = any(w in STOP_WORDS or w in _PLATE_VERBS for w in words)
    return False if plain or _UNIT_GROUP.search(value) else None


def _plate_letters(value: str) -> bool | None:
    """A plate's letters are no word or ward abbreviation: "HR72 NSR", "GA28 WKS" are
    readings."""
    letters = regex.split(r"[\d -]+", value.lower())
    plain = any(w in STOP_WORDS or is_clinical_term(w) or w in _PLATE_NOT for w in letters)
    return False if plain else None


# Ward letters a reading pairs with a number in capitals ("HR72 NSR", "RR18 REG")
_PLATE_NOT = frozenset(
    {"hr", "rr", "bp", "ga", "sr", "st", "nsr", "bpm", "wks", "hrs", "min", "reg", "abg", "vbg",
     "ivp", "pca", "prn", "sbp", "dbp", "map", "cvp", "fio", "peep", "sat", "sao", "spo", "amp"}
)


def _grouped_vin(value: str) -> bool | None:
    """The groups joined are a VIN (`validators.valid_vin`)."""
    return v.valid_vin(regex.sub(r"[ -]", "", value))


def _licence_birth(value: str) -> bool:
    """A British licence's month (51-62 for a woman) and day are a real birth's."""
    number = regex.sub(r"[ ]", "", value)[5:11]
    month, day = int(number[1:3]) % 50, int(number[3:5])
    return 1 <= month <= 12 and 1 <= day <= 31


# A national number after its label: five digits at least, in up to five groups, with
# its last lone letter or digit ("JT 48 21 93 C").
_NATIONAL_VALUE = (
    rf"(?P<id>(?=(?:[A-Za-z ./-]{{0,4}}\d){{5}})[A-Za-z0-9]{{1,12}}"
    rf"(?:[ ./-](?=[A-Za-z]{{0,3}}\d)[A-Za-z0-9]{{1,12}}){{0,4}}{_TAIL}?)(?![\w]|[./-]\w)"
)


def _labelled(rule_id: str, labels: str) -> PatternSpec:
    """An identifier after one of its labels ("MRN: 123", "member ID is X81")."""
    return PatternSpec(
        builtin(rule_id), rf"(?i)(?<![\w])(?:{labels})(?![\w]){_SEP}{_VALUE}", group="id"
    )


_NANP = (
    # (a word glued before it, a typo, only one that comes before a number: "call me at
    # is415-555-0132"; its groups then split as a phone's are)
    r"(?:(?<![\w+])|(?<=(?<![\w])(?i:is|at|on|me|to|number|phone|cell|call|text|mobile|tel))"
    r"(?=[2-9]\d{2}([-.])[2-9]\d{2}\1\d{4}(?![\w])))"
    # (not the end of a longer number read in groups: "1234 567890 1234")
    r"(?!(?<=\d[ .-])[2-9]\d{5}[ .-])"
    # a country code before it, "+1 ", "001 ", or another glued by its separator: "91-415-555-0132"
    r"(?:(?:\+?1|001)[ .-]?|\+?[2-9]\d{0,2}-(?=[2-9]\d{2}-)|\+?[2-9]\d{0,2}\.(?=[2-9]\d{2}\.))?"
    r"(?:[2-9]\d{2}[ .-]?[2-9]\d{2}[ .-]?"
    # (after an area code in brackets its groups may stand apart, as a transcript spaces
    # them: "( 412 ) 555 - 0177")
    r"|\([ ]?[2-9]\d{2}[ ]?\)[ ]?[.-]?[ ]?[2-9]\d{2}(?:[ ]?[.-][ ]?|[ ])?)\d{4}"
    rf"{_EXTENSION}?(?![\w])"
)
# A country code glued before a North American number, left out when it is validated.
_COUNTRY_PREFIX = regex.compile(r"^\+?[2-9]\d{0,2}[-.](?=[2-9]\d{2}[-.])")
_PHONE_CONTEXT = tuple(
    """phone cell cellphone call called text texted mobile tel telephone number reach
    contact voicemail pager home work fax desk office landline whatsapp messages message
    answering registered dial dialed ring mob cel celular movil móvil telefono teléfono
    telefone handy portable""".split()
)
# Any grouping of 7-15 digits, with or without a country code: a phone number only
# where the words around it say so ("Mobile: 0612 457 30 88", "call me on 462 1937").
_DIGIT_GROUPS = (
    # (a country code in brackets, "(+41) 22 730 5989"; spaces inside them, "( 800 ) 123-4567")
    # (not from a clock's seconds: "Participant 00:00:39 626 555 0148")
    r"(?<![\w+./-])(?<!\d[,:])(?:\(\+\d{1,3}\)|(?:\+|00)?(?:\([ ]?\d{1,4}[ ]?\)|\d{1,4}))"
    r"(?:(?:[ .-]|[ ]?\(0\)[ ]?)?(?:\([ ]?\d{1,4}[ ]?\)|\d{1,5})){1,6}"
    # (a lone digit after it then a word is a count: "call 555-123-4567 2 times")
    rf"{_EXTENSION}?(?![\w]|[.,/]\d)(?<![ ]\d(?=[ ]+[A-Za-z]))"
)


# A ZIP+4 after a state or its label is no phone, though a phone is named near it
# ("Bend, OR 97701-4412, phone ...").
_NOT_A_ZIP_PLUS4 = (
    rf"(?!(?<=(?<![\w])(?:(?-i:{'|'.join(STATE_CODES)})\.?|(?-i:{alternation(US_STATE_NAMES)})),?[ ]{{1,2}}"
    r"|(?i:(?<![\w])zip(?:[ ]?code)?(?:[ ]?(?:\+|plus)[ ]?(?:4|four))?)[ ]*(?:is|:|#)?[ ]*)"
    r"\d{5}-\d{4}(?![\w-]|[.,]\d))"
)


_SOCIAL_CONTEXT = tuple(
    """ig insta instagram tiktok twitter handle snap snapchat account follow follows
    following followed dm dms username user profile youtube twitch discord posted posts
    post page threads bluesky facebook fb reddit tagged tag venmo cashapp zelle""".split()
)


def _valid_phone(value: str) -> bool | None:
    """`validators.valid_phone` on the number without its extension (read out in words,
    phonenumbers would not parse it)."""
    return v.valid_phone(_COUNTRY_PREFIX.sub("", _EXTENSION_TAIL.sub("", value)))


@functools.lru_cache(maxsize=1)
def _public_sites() -> frozenset[str]:
    """The public sites of `phimin/data/public_sites.txt` (lower case)."""
    text = resources.files("phimin").joinpath("data").joinpath("public_sites.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() for w in line.split("#", 1)[0].split())


_BARE_HOST = regex.compile(r"(?i)(?:www\d{0,3}\.)?([a-z0-9.-]+)")


def _not_a_public_site(value: str) -> bool | None:
    """A bare domain's public suffix holds (`validators.valid_domain`), and it is no public
    site named bare: "telehealth via doxy.me", "she read it on webmd.com" name nobody;
    "reddit.com/u/moonbeam_22", "healingwithmara.net" are someone's."""
    bare = _BARE_HOST.fullmatch(value)
    if bare is not None and bare.group(1).lower() in _public_sites():
        return False
    return v.valid_domain(value)


def _no_public_www(value: str) -> bool | None:
    """No public site named bare with its "www." ("www.webmd.com"); any other is taken."""
    bare = _BARE_HOST.fullmatch(value)
    return False if bare is not None and bare.group(1).lower() in _public_sites() else None


_EMAIL_AT = regex.compile(r"(?i)[ ]?(?:\(at\)|\[at\]|\{at\}| at | arroba |@)[ ]?")


def _valid_iban_tail(value: str) -> bool:
    """An IBAN whose check digits hold, or one with a capital after it ("... 8816 X")."""
    if v.valid_iban_loose(value):
        return True
    head, _, tail = value.rpartition(" ")
    return bool(head) and tail.isalpha() and v.valid_iban_loose(head)


_DIAL_GROUP = regex.compile(r"[ .-]+")


def _valid_international(value: str) -> bool | None:
    """A + number as phonenumbers reads it; one dialled with 00 for the +, the same, unless
    its groups are all clock times ("0030 1400 2200" are hours of a 24-hour chart); one
    dialled from the US with 011, as phonenumbers reads it with its + ("011 44 ...")."""
    if value.startswith("011"):
        return v.valid_phone("+" + value[3:].lstrip(" .-"))
    if not value.startswith("00"):
        return v.valid_phone(value)
    groups = _DIAL_GROUP.split(value)
    if all(_clock(g) for g in groups):
        return False
    return v.valid_phone("+" + value[2:])


def _clock(group: str) -> bool:
    return len(group) == 4 and int(group[:2]) < 24 and int(group[2:]) < 60


def _valid_trunk(value: str) -> bool:
    """A number abroad with its trunk 0 (`valid_phone_abroad`), unless its groups of four
    are all hours of a 24-hour chart: "0800 120 1400" is a glucose log."""
    fours = [g for g in _DIAL_GROUP.split(value) if len(g) == 4]
    if len(fours) >= 2 and all(_clock(g) for g in fours):
        return False
    return v.valid_phone_abroad(value)


def _spelled_email_name(value: str) -> bool | None:
    """An email said aloud has a name before its "at", never a plain word such as
    "looked", "me" or "meeting" ("i looked at webmd dot com" is a visit, not an
    address)."""
    parts = _EMAIL_AT.split(value)
    name = parts[0].strip().lower() if len(parts) > 1 else ""
    # (nor a verb's "-ing" form: "we're meeting at planned parenthood dot org")
    plain = name in _NOT_EMAIL_NAMES or (len(name) >= 6 and name.endswith("ing"))
    return False if plain else None


def _comma_phone(value: str) -> bool | None:
    """A US number phonenumbers finds valid (or only possible), its groups joined."""
    return v.valid_phone(v.digits(value))


def _phone_digits(value: str) -> bool | None:
    """7 to 15 digits, and not shaped like a date."""
    count = len(v.digits(value.split("x", maxsplit=1)[0]))
    if not 7 <= count <= 15 or plausible_numeric_date(value) or _ISO_DATE.fullmatch(value):
        return False
    return None


_ISO_DATE = regex.compile(r"(?:19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])")


def _not_a_count(value: str) -> bool | None:
    """Not a count up or down ("one two three four five six seven", "ten nine eight ...
    two one" read out as digits): each digit one more, or one less, than the last."""
    number = v.digits(value)
    steps = {int(b) - int(a) for a, b in itertools.pairwise(number)}
    return False if len(number) >= 5 and steps in ({1}, {-1}) else None


# A phone number said as people say one: digits, "double five", and pairs said as
# numbers ("nineteen twelve", "forty four eighteen", "eight hundred").
_UNIT_WORDS = {
    w: n for n, w in enumerate("zero one two three four five six seven eight nine".split())
}
_UNIT_WORDS["oh"] = 0
_UNIT_WORDS["niner"] = 9  # (as a radio reads it: "nine one niner")
_TEEN_WORDS = {
    w: n
    for n, w in enumerate(
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(),
        10,
    )
}
_TENS_WORDS = {
    w: n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
_PHONE_UNIT = r"(?:\d|zero|oh|one|two|three|four|five|six|seven|eight|niner|nine)"
_PHONE_PAIR = (
    # (and hundreds of them: "twelve hundred", "thirty one hundred" are 1200, 3100)
    r"(?:(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ -](?:one|two|three|four"
    r"|five|six|seven|eight|nine))[ ]hundred(?![\w])"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four"
    rf"|five|six|seven|eight|nine|[1-9])(?![\w]))?|(?:double|triple)[ ]{_PHONE_UNIT}"
    rf"|{_PHONE_UNIT}[ ]hundred)"
)
_PHONE_TOKEN = rf"(?:{_PHONE_PAIR}|\d{{2,4}}|{_PHONE_UNIT})(?![\w'’])"
# A phone's digits said in Spanish, one by one or two at a time ("tres uno dos, cuarenta
# y cuatro, veintidós").
_ES_UNIT_VALUES = {
    w: i for i, w in enumerate("cero uno dos tres cuatro cinco seis siete ocho nueve".split())
}
_ES_PAIR_VALUES = {
    **{
        w: 10 + i
        for i, w in enumerate(
            """diez once doce trece catorce quince dieciséis diecisiete dieciocho
            diecinueve""".split()
        )
    },
    "dieciseis": 16,
    **{
        w: 20 + i
        for i, w in enumerate(
            """veinte veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis
            veintisiete veintiocho veintinueve""".split()
        )
    },
    "veintidos": 22,
    "veintitres": 23,
    "veintiseis": 26,
}
_ES_TENS_VALUES = {
    w: 30 + 10 * i
    for i, w in enumerate("treinta cuarenta cincuenta sesenta setenta ochenta noventa".split())
}
_ES_PHONE_UNIT = r"(?:\d|cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)"
_ES_PHONE_PAIR = (
    r"(?:(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)(?:[ ]y[ ](?:uno|dos"
    r"|tres|cuatro|cinco|seis|siete|ocho|nueve)(?![\w]))?|diez|once|doce|trece|catorce|quince"
    r"|dieci(?:s[eé]is|siete|ocho|nueve)|veinti(?:uno|d[oó]s|tr[eé]s|cuatro|cinco|s[eé]is"
    r"|siete|ocho|nueve)|veinte)"
)
_ES_PHONE_TOKEN = rf"(?:{_ES_PHONE_PAIR}|\d{{2,4}}|{_ES_PHONE_UNIT})(?![\w'’])"
_ES_PHONE_CONTEXT = (
    "teléfono",
    "telefono",
    "número",
    "numero",
    "celular",
    "cel",
    "llámame",
    "llamame",
    "llamar",
    "márcale",
    "marcale",
    "marcar",
)
_ES_WORD = regex.compile(r"\d+|\p{L}+")


def _said_digits_spanish(value: str) -> str:
    """The digits of a phone said in Spanish: "tres uno dos cuarenta y cuatro" is 31244."""
    out: list[str] = []
    joined = False  # after a ten's "y": "cuarenta y cuatro" is 44, "veinte, cuatro" 204
    for word in _ES_WORD.findall(value.lower()):
        if word == "y":
            joined = bool(out) and out[-1] in {str(v) for v in _ES_TENS_VALUES.values()}
            continue
        if word in _ES_UNIT_VALUES and joined:
            out[-1] = out[-1][0] + str(_ES_UNIT_VALUES[word])
        elif word.isdigit():
            out.append(word)
        elif word in _ES_UNIT_VALUES:
            out.append(str(_ES_UNIT_VALUES[word]))
        elif word in _ES_PAIR_VALUES:
            out.append(str(_ES_PAIR_VALUES[word]))
        elif word in _ES_TENS_VALUES:
            out.append(str(_ES_TENS_VALUES[word]))
        joined = False
    return "".join(out)


def _said_phone_spanish(value: str) -> bool | None:
    """Seven, eight (a Mexican city's) or ten digits."""
    return None if len(_said_digits_spanish(value)) in (7, 8, 10) else False


_PHONE_WORD = regex.compile(r"(?i)\d+|[a-z]+")


# A group of a phone said partly in digits, and what may join two groups said.
_MIXED_TOKEN = rf"(?:{_PHONE_PAIR}|\d{{7}}|\d{{2,4}}|{_PHONE_UNIT})(?![\w'’])"
_MIXED_JOIN = r"(?:[ ]?[,.-]?[ ]+(?:(?:and[ ]+)?then[ ]+|and[ ]+|um[ ]+|uh[ ]+)?|-)"


def _said_digits(value: str) -> str:
    """The digits of a number said aloud: "eight oh eight double five nineteen twelve"
    is 80855 1912."""
    out: list[str] = []
    words = _PHONE_WORD.findall(value.lower())
    i = 0
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word.isdigit() and nxt == "hundred":
            out.append(f"{word}00")
            i += 1
        elif word.isdigit():
            out.append(word)
        elif word in ("double", "triple") and nxt:
            unit = nxt if nxt.isdigit() else str(_UNIT_WORDS.get(nxt, ""))
            out.append(unit * (2 if word == "double" else 3))
            i += 1
        elif word in _UNIT_WORDS and nxt == "hundred":
            out.append(f"{_UNIT_WORDS[word]}00")
            i += 1
        elif word in _UNIT_WORDS:
            out.append(str(_UNIT_WORDS[word]))
        elif word in _TEEN_WORDS and nxt == "hundred":  # "twelve hundred": 1200
            out.append(f"{_TEEN_WORDS[word]}00")
            i += 1
        elif word in _TEEN_WORDS:
            out.append(str(_TEEN_WORDS[word]))
        elif word in _TENS_WORDS:
            unit = _UNIT_WORDS.get(nxt) if not nxt.isdigit() else int(nxt)
            third = words[i + 2] if i + 2 < len(words) else ""
            if unit is not None and 1 <= unit <= 9 and third == "hundred" and not nxt.isdigit():
                out.append(f"{_TENS_WORDS[word]}{unit}00")  # "thirty one hundred": 3100
                i += 2
            elif unit is not None and 1 <= unit <= 9 and len(nxt) <= 5:
                out.append(f"{_TENS_WORDS[word]}{unit}")
                i += 1
            else:
                out.append(f"{_TENS_WORDS[word]}0")
        i += 1
    return "".join(out)


def _said_phone(value: str) -> bool | None:
    """Seven digits, ten, or eleven from a 1, shaped as a North American number."""
    return _phone_number_said(_said_digits(value))


def _phone_number_said(number: str) -> bool | None:
    """`_said_phone` on the digits said."""
    if len(number) == 11 and number.startswith("1"):
        number = number[1:]
    if len(number) == 10:
        return None if number[0] in "23456789" and number[3] in "23456789" else False
    if len(number) == 7:
        return None if number[0] in "23456789" else False
    return False


def _said_phone_abroad(value: str) -> bool | None:
    """`_said_phone`, or ten or eleven digits from a trunk 0, as a British or an Irish
    number is said ("oh seven seven double oh nine ..."), and no count ("two three four,
    um, five six seven eight")."""
    number = _said_digits(value)
    if number[:1] == "0" and number[1:2] not in ("", "0") and len(number) in (10, 11):
        return None
    if _not_a_count(number) is False:
        return False
    return _phone_number_said(number)


# What is said between the groups of a phone read with pauses: "four one five uh eight
# two two uh three oh nine one", "three one two five five five like two two one eight".
_FILLER = r"(?:uh+|um+|uhm|er+|erm|hmm+|like|so|and|then|and[ ]then|wait|sorry|okay|ok)"
# (or a dash said, "five five five dash two one two", or a pause written "...")
_PAUSE = (
    rf"(?:[ ]?[,.]?[ ]+{_FILLER}[ ]?[,.]?[ ]+|[ ]+(?:dash|hyphen)[ ]+|[ ]?(?:\.{{2,3}}|…)[ ]*)"
)
_PAUSED_JOIN = rf"(?:{_PAUSE}|[ ]?[,.]?[ ]+|-)"
_PAUSED_TOKEN = rf"(?:{_PHONE_PAIR}|\d{{7}}|\d{{2,4}}|{_PHONE_UNIT})(?![\w'’])"
_PAUSE_IN = regex.compile(rf"(?i){_PAUSE}")


def _paused_phone(value: str) -> bool | None:
    """A pause said in it (a filler, a dash said, "..."), and `_said_phone_abroad`; or so
    before a last pause, a number or two said after the phone taken with it ("five five
    five, uh, oh one four two, and two more things": better "[PHONE] more things" than
    the phone left).
    """
    if not _PAUSE_IN.search(value):
        return False
    if _said_phone_abroad(value) is None:
        return None
    pauses = list(_PAUSE_IN.finditer(value))
    for pause in reversed(pauses[-2:]):
        head, tail = value[: pause.start()], value[pause.end() :]
        if len(_said_digits(tail)) <= 2 and _PAUSE_IN.search(head):
            return _said_phone_abroad(head)
    return False


# What one says to take back the digits just said and say them again: "five five five
# two one, no, two three ...", "eight oh, sorry, eight one four", "i mean", "scratch that".
_CORRECTION = (
    r"(?:[ ]?[,.]?[ ]+(?:uh+|um+)){0,2}[ ]?[,.]?[ ]+(?:no[ ]wait|wait[ ]no|wait|no|nope|sorry"
    r"|i[ ]mean|actually|scratch[ ]that|my[ ]bad|oops|hold[ ]on|correction)"
    r"(?:[ ]?[,.]?[ ]+(?:uh+|um+|no|sorry|wait|i[ ]mean|it['’]s))*[ ]?[,.]?[ ]+"
)
_CORRECTION_IN = regex.compile(rf"(?i){_CORRECTION}")
# (the detection view joins a group said to the next: "five oh three, two one two" reads
# "503212")
# (atomic, and one way only to read a lone digit, "0" the unit's and no run's: a run of
# "0 , 0 , 0" is read once, not once per way)
_CORRECTED_TOKEN = rf"(?>(?:{_PHONE_PAIR}|\d{{2,11}}|{_PHONE_UNIT})(?![\w'’]))"


def _corrected_phone(value: str) -> bool | None:
    """A phone said, a correction, then its last digits said again ("five five five two
    one, no, two three four four six one" is 555 2234461): the digits before the last
    correction, less the one to five taken back, then those after, are a phone said
    (`_said_phone_abroad`'s), and the correction restates one digit at least."""
    marks = list(_CORRECTION_IN.finditer(value))
    if not marks:
        return False
    head = _said_digits(value[: marks[-1].start()])
    tail = _said_digits(value[marks[-1].end() :])
    if len(head) < 2 or len(tail) < 2:
        return False
    for back in range(1, min(len(head), 7) + 1):
        number = head[: len(head) - back] + tail
        if len(number) in (7, 10, 11) and _said_phone_abroad(number) is None:
            return None
    return False


# Words around a phone said aloud besides the usual: "the clinic line is ...".
_SAID_PHONE_CONTEXT = (*_PHONE_CONTEXT, "line", "hotline", "area", "code", "emergencies")


# A word of an extension said: "extension four oh two", "extension twenty two ninety".
_EXTENSION_WORD = rf"(?:{_PHONE_PAIR}|{_PHONE_UNIT})(?![\w'’])"


def _extension_digits(value: str) -> bool | None:
    """Two to five digits said: "extension two" or "extension one" is a count."""
    return None if 2 <= len(_said_digits(value)) <= 5 else False


# A word or a run of a number said after "plus" (the view reads "four four seven seven
# ..." as "447700...").
_PLUS_TOKEN = rf"(?:{_PHONE_PAIR}|\d{{1,15}}|{_PHONE_UNIT})(?![\w'’])"
# A ten said before a run of digits: the view reads "sixty three nine one ..." as "sixty
# 39174...", the unit joined to the run after it.
_TENS_BEFORE_RUN = regex.compile(
    r"(?i)(?<![\w])(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ ]+(?=\d{4})"
)


def _said_plus_phone(value: str) -> bool | None:
    """The digits said after "plus" are a valid number with that "+" (or a possible one of
    ten digits at least), read either way a ten before a run of digits may be ("plus sixty
    39174..." is +63 917...)."""
    said = value.split(None, 1)[1]
    joined = _TENS_BEFORE_RUN.sub(lambda m: str(_TENS_WORDS[m.group(1).lower()]), said)
    for candidate in (_said_digits(said), _said_digits(joined)):
        valid = v.valid_phone("+" + candidate) if 8 <= len(candidate) <= 15 else False
        # (only possible, ten digits at least: a number in a range kept for fiction)
        if valid is True or (valid is None and len(candidate) >= 10):
            return True
    return False


_COMPACT_GROUPS = regex.compile(r"\d{3},[ ]+\d{3},[ ]+\d{4}")


def _said_grouped_phone(value: str) -> bool | None:
    """Three groups said apart, of three, three and four digits, shaped as a North
    American number: "four one two, nine nine one, oh eight eight four"."""
    if _COMPACT_GROUPS.fullmatch(value):
        return False  # "412, 555, 0198" typed: a phone only where a word says so
    groups = [_said_digits(g) for g in value.split(",")]
    if [len(g) for g in groups] != [3, 3, 4]:
        return False
    return _said_phone("".join(groups))


# A number read out as no amount is said: letters then a digit ("f c two two"), five
# digits one by one ("four four one nine two", "44192" in the view), not "thirty five
# hundred" or "1500".
_READ_OUT = (
    rf"(?:(?:[a-z][ ,]+){{1,3}}(?:\d|{_NUMBER_WORD})(?![\w])|(?:{_PHONE_UNIT}[ ,-]+){{4}}{_PHONE_UNIT}"
    r"(?![\w])|\d{5,}(?![\w])"
    # (or digits then two letters: "two four d r one one nine two")
    rf"|(?:{_PHONE_UNIT}|\d+)(?:[ ,-]+{_PHONE_UNIT}){{0,3}}[ ,-]+[a-z][ ,]+[a-z](?![\w]))"
)
# Labels of a number a client reads out, and what such a number is said in: digits,
# number words, single letters ("w as in william"), "dash".
_SPOKEN_ID_LABELS = (
    r"(?:member|policy|subscriber|group|account|medicaid|medicare|insurance|claim|case"
    r"|confirmation|reference|license|licence|chart|record|badge|student|employee|tracking"
    r"|prescription|rx|routing|inmate|booking|docket|doc|offender|probation|visa|patient"
    r"|application|social[ ]security|social|service|serial|client|customer|participant"
    r"|tenant|voucher|ticket|order|ebt|snap|wic|card|benefits?|housing|unemployment"
    r"|disability|ssi|ssdi|authorization|auth|citation|warrant|registration|file|report"
    r"|incident"
    # "the cause number is ...", "his federal register number", "her d o c number", "my
    # worker id", "the device id is d four four ..."; "member i d" said letter by letter
    r"|cause|register|jail|prisoner|worker|device|d[ ]o[ ]c)[ ](?:id|i[ ]d|number|no\.?|num\.?)"
    # "it's docket four four one nine two", "the restraining order case is r o two four
    # ..." (its value a number read out: "the case is in family court" holds none)
    rf"|(?:docket|(?<=(?:my|his|her|their|the|order|custody|court)[ ])case(?=[ ]+(?:is|was)[ ]))"
    rf"(?=(?:[ ]+(?:is|was))?[ ]+{_READ_OUT})"
    r"|(?:license[ ]|licence[ ])?plates?"
    r"(?:[ ]number)?|vin(?:[ ]number)?|tag[ ]number|mrn|id[ ]number|(?:account|card|acct)[ ](?:number[ ])?ending[ ]in"
    # "my ebt card number", "his car's plate number"
    r"|(?:ebt|snap|wic|benefits|insurance|medicaid|medicare|library|bus|id)[ ]card[ ]number"
    # "my id is delta echo four four ...", "the policy's p as in peter ...", "my dl is f as
    # in frank ...", "serial is x j nine two two ..." (never serial sevens, a mental status
    # exam's: "serial sevens ninety three eighty six")
    # (their digits alone are no amount: "the policy is 1500 a month")
    r"|(?<=(?:my|his|her|their|your|the)[ ])(?:id|policy|dl|(?:driver['’]?s[ ])?licen[cs]e)"
    r"(?!(?:['’]s|[ ]+(?:is|was|like|um|uh))*[ ]+\$?\d{1,5}(?:[.,]\d+)?(?![\w]))"
    r"|serial(?![ ]+(?:[37]['’]?s|sevens|threes)(?![\w]))"
    # "the tag is t as in tom, k l, nine nine two": a car's tag
    r"|(?<=(?:the|my|his|her|their|your|car['’]s|truck['’]s)[ ])tags?(?=[ ]+(?:is|was|are|were|says|reads)[ ])"
    # "my pin is 4471", "the gate code is 2291", "the door code is x7k2": a code of one's own
    r"|pin(?:[ ](?:number|code))?|(?:gate|door|access|alarm|lock|lockbox|locker|entry|building"
    r"|garage|security|confirmation|verification|member|patient|client)[ ]code|passcode"
    # "el número de mi caso es dos cuatro cinco ocho uno"
    r"|n[uú]mero[ ]de[ ](?:(?:mi|su|tu|la|el)[ ])?(?:caso|expediente|seguro(?:[ ]social)?"
    r"|aseguranza|miembro|p[oó]liza|cliente|cuenta|reo|recluso|placa|matr[ií]cula|licencia)"
    # "mi seguro social es ...", "mi número es ...": one's own number, said in Spanish
    r"|(?:(?<=(?:mi|su|tu)[ ])n[uú]mero)|seguro[ ]social"
    # "la placa es siete ka ele eme cuatro dos uno", "las placas del carro son ...", "la
    # matrícula es ..."
    r"|(?:placas?|matr[ií]culas?)(?:[ ](?:del|de[ ](?:mi|su|tu))[ ](?:carro|coche|auto|troca"
    r"|camioneta|cami[oó]n))?"
)
# (digits said in Spanish too: "dos cuatro cinco ocho uno", "doble siete")
_SPOKEN_DIGIT = (
    rf"(?:(?:double[ ]|triple[ ]|doble[ ])?(?:\d+|{_NUMBER_WORD}|{SPANISH_NUMBER_WORD}))(?![\w])"
)
_SPOKEN_ID_TOKEN = (
    # (a letter as a word: "x-ray juliet", "equis jota"; "w as in william", "x as in x-ray")
    rf"(?:{_SPOKEN_DIGIT}|{SAID_JOIN}|{LETTER_WORD}(?![\w-])"
    r"|[a-z](?:[ ]as[ ]in[ ][a-z]+(?:-[a-z]+)?)?(?![\w])"
    # a group of two or three letters right before digits: "24 cr 1187", "abc 1234" (not
    # a word of the sentence: "medical record number is 554213", "número de caso es 24")
    r"|(?!(?:is|was|its|now|new|and|the|for|are|um|uh|on|in|at|to|of|my|his|her|our|es|era"
    r"|el|la|los|las|de|del|mi|su|tu|un|una|que|con|por|son)(?![\w]))"
    # (or a dash said between: "cv dash two three dash four five six")
    rf"[a-z]{{2,3}}(?=[ ,-]+(?:(?:dash|hyphen)[ ]+)?{_SPOKEN_DIGIT}))"
)
# Letters said after a number's last digit, where it ends: "four two one k l m" (not "a"
# or "i", words)
# (with a pause or "as in" too: "four four two, k as in kilo, l m")
_SPOKEN_LAST_LETTERS = (
    rf"(?:,?[ ](?:{LETTER_WORD}|[b-hj-z](?:[ ]as[ ]in[ ][a-z]+(?:-[a-z]+)?)?)(?![\w-])){{1,3}}"
    rf"{_NATURAL_END}"
)


# Where people are found by a handle, said before it in speech.
_PLATFORMS = (
    r"(?:ig|insta|instagram|snap|snapchat|tiktok|venmo|cash[ ]?app|twitter|threads|discord"
    r"|skype(?:[ ](?:id|name))?|kik|telegram"
    # "my youtube is jennycooks412", "his xbox is darkwolf99"
    r"|youtube(?:[ ]channel)?|twitch|reddit|bluesky|pinterest|soundcloud|roblox|xbox|psn"
    r"|steam|paypal|onlyfans"
    r"|username|user[ ]name|(?:handle|screen[ ]name|gamer[ ]?tag|(?<=(?:my|his|her|their|your)[ ])tag"
    # ("my login is jdoe44", "screen name: bluefox22")
    r"|login|log-in|user[ ]?id)(?=[ ]+(?:is|was)[ ]|['’]s[ ]|:[ ]"
    # (or right before a name with a join or a digit: "user id mara.k92")
    r"|[ ](?=[a-z][a-z0-9]*[._-]?[a-z0-9]*\d)))"
    r"(?:['’]s)?(?::(?=[ ]))?"
)
_HANDLE_PART = r"[a-z0-9]{1,30}"
# (the detection view reads "kayla_b99" as "kayla b99": a space before a part with a digit)
# (a Discord name's tag said after it: "shadowfox hashtag four four one two")
_HANDLE_JOIN = r"(?:[ ](?:dot|underscore|dash|hashtag|pound)[ ]|[._-]|[ ](?=[a-z]{0,3}\d))"
# Who one is on a platform, said before one's handle: "on snap i'm kayla bear ninety nine",
# "on tiktok he's ...", "i'm on discord as ...".
_ON_IT_AS = r"(?:i['’]m|im|i[ ]am|he['’]s|she['’]s|they['’]re|as)"
# Words no handle said aloud is made of: "the discord server has 4 channels".
_HANDLE_GLUE = (
    r"(?:has|have|had|is|are|was|were|the|and|of|with|for|to|in|on|about|like|got|gets"
    # (a rank or a count said of one's account: "on xbox i'm level ninety nine")
    r"|says|said|level|lvl|rank|ranked|top|number|streak|streaks|day|days|only|just|over|up)(?![\w])"
)
# What someone has online of their own, said before its address.
_OWN_SITE = (
    r"(?:blog|site|website|web[ ]site|page|podcast|channel|shop|store|newsletter|portfolio"
    r"|substack)"
)
# What follows a handle's part where the handle goes on: a join, a digit, or numbers said.
_HANDLE_SIGNAL = rf"(?:[._-]|[ ](?:dot|underscore|dash|hashtag|pound)[ ]|[ ]?[a-z]{{0,3}}\d|[ ]{_NUMBER_WORD}[ ]{_NUMBER_WORD}(?![\w]))"


# A handle said as plain words after its platform, up to a pause: "find me on tiktok at
# sad girl sabrina", "his gamertag is dark wolf seven", "mi insta es la flaca rosita".
_SAID_HANDLE_WORD = r"[a-z][a-z0-9]{0,29}(?![\w'’@.-])"
# (where a handle said aloud ends: a clause word, or a word that goes on about it)
_HANDLE_END = (
    rf"(?:{_NATURAL_END}|(?=[ ]+(?:on|now|too|lol|haha|though|tho|add|follow|dm|hit|look"
    r"|search|there|bro|y|pero|porque|si|ahí)(?![\w'’])))"
)
# Words no handle said aloud is made of: what one says of an account, a time, a place.
_NOT_HANDLE_WORDS = frozenset(
    """like private public empty dead down full new old gone banned locked hacked deleted
    blocked broken suspended deactivated toxic cringe boring funny messy wild crazy dumb
    stupid weird fake cute annoying great good bad fine trash garbage drama memes meme pics
    photos videos video selfies posts post stuff everything nothing af lol lmao rn tbh
    honestly anyway night noon midnight morning afternoon evening work home school church
    lunch dinner breakfast party beach gym weekend weekends today tonight tomorrow
    yesterday christmas thanksgiving birthday graduation monday tuesday wednesday thursday
    friday saturday sunday mostly basically literally actually really super pretty kinda
    sorta totally lowkey highkey mine hers his theirs ours yours okay ok yeah yes no nope
    same different fun mad angry depressing depressed muy es mi su tu lo
    que de en con por para un una sensitive lowercase uppercase caps capitals letters
    numbers spaces word words random long short hard easy simple complicated embarrassing
    cringey kind sort week weeks month months year years ago stolen pictures picture food
    clips reels reel stories story content recipes music songs""".split()
)
_HANDLE_LEADS = frozenset({"the", "la", "el", "lil", "big"})
_NUMBER_WORDS = frozenset(
    """zero oh one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
    seventy eighty ninety hundred""".split()
)


# A platform by its name alone, where a word after it says what of it: "his twitch name",
# "my username on tiktok".
_PLATFORM_NAME = (
    r"(?:ig|insta|instagram|snap|snapchat|tiktok|twitter|threads|discord|skype|kik|telegram"
    r"|youtube|twitch|reddit|bluesky|pinterest|soundcloud|roblox|xbox|psn|steam|venmo"
    r"|cash[ ]?app|paypal|facebook|fb|onlyfans)"
)
# What one calls the name one goes by there: "my tiktok handle is ...", "her twitch name".
# (the platform before "name" or "tag" looked behind for: a scan from each "name" is
# faster than one from each word)
_HANDLE_NAMED = (
    rf"(?:handle|user[ ]?name|gamer[ ]?tag|screen[ ]name"
    rf"|(?<=(?<![\w]){_PLATFORM_NAME}[ ]+)(?:name|tag))"
)


def _named_handle(value: str) -> bool | None:
    """`_said_handle`, and no grammar word at all: two words said after "my handle is"
    are a handle ("sad beans"), not "hard to spell" or "my first name"."""
    if any(w in STOP_WORDS and w not in _NUMBER_WORDS for w in value.lower().split()):
        return False
    return _said_handle(value)


def _paid_handle(value: str) -> bool | None:
    """Words said after a payment app and "to at" or "from at" ("venmo'd me from at big
    mike two two"): no word of what one says of an account or a time ("to at least two
    people", "from at home"), no grammar word but "the" first."""
    words = value.lower().split()
    for i, word in enumerate(words):
        if word in _NOT_HANDLE_WORDS or (word in STOP_WORDS and word not in _NUMBER_WORDS
                                         and not (i == 0 and word == "the")):
            return False
    return None


def _said_handle(value: str) -> bool | None:
    """Words that can be a handle said aloud: no word of what one says of an account
    ("my insta is private now", "on snapchat at midnight"), no "-ly", "-ed" or "-ing"
    word, no number first, one grammar word at most and never first or last ("danny does
    makeup"), and "the" first only before a number ("the real kev eighty")."""
    words = value.lower().split()
    first, last = words[0], words[-1]
    numbered = last in _NUMBER_WORDS or last.isdigit()
    if first in _NUMBER_WORDS or (first == "the" and not numbered):
        return False
    if first in _HANDLE_LEADS and not numbered and len(words) < 3:
        return False
    # ("the" a lead first only: "loose on the door" holds two grammar words)
    plain = [
        w
        for i, w in enumerate(words)
        if w in STOP_WORDS and w not in _NUMBER_WORDS and not (i == 0 and w in _HANDLE_LEADS)
    ]
    if len(plain) > 1 or first in plain or last in plain:
        return False
    for word in words:
        if word in _NOT_HANDLE_WORDS or (len(word) >= 5 and word.endswith(("ly", "ed", "ing"))):
            return False
    return None


_SPOKEN_DIGITS = regex.compile(rf"(?i)\d|(?<![\w])(?:{_NUMBER_WORD}|{SPANISH_NUMBER_WORD})(?![\w])")
_RADIO_LETTERS = regex.compile(rf"(?i)(?<![\w-]){LETTER_WORD}(?![\w-])")
_SPOKEN_LETTERS = regex.compile(rf"(?i)(?<![\w-])(?:{LETTER_WORD}|[a-z])(?![\w-])")


# Long words said after a platform and "at" that are a time or a place, not a handle.
_TIME_WORDS = frozenset(
    """thanksgiving christmastime christmas graduation everything everywhere somewhere
    halloween wednesday nighttime lunchtime dinnertime breakfast afternoon midnight
    workplace restaurant basketball""".split()
)


def _no_time_word(value: str) -> bool | None:
    return False if value.lower() in _TIME_WORDS else None


def _spoken_id_labelled(value: str) -> bool | None:
    """`_spoken_id`, or after its label two digits and three letters, as a plate is said
    ("the plate was seven a b c two"), five letters and a digit ("s a d g r l two"), or a
    code of letters and digits ("x7k2")."""
    if regex.fullmatch(r"(?i)[a-z0-9]{4,10}", value) and not value.isdigit():
        return None
    digits = max(len(_SPOKEN_DIGITS.findall(value)), len(_said_digits(value)))
    letters = len(_SPOKEN_LETTERS.findall(value))
    # (or a vanity plate spelled, five letters and a digit: "s a d g r l two")
    if (digits >= 2 and letters >= 3) or (digits >= 1 and letters >= 5):
        return None
    return _spoken_id(value)


def _spoken_id(value: str) -> bool | None:
    """A number read aloud holds four digits or number words at least ("w as in william
    four four two nine one"), or three and as many letters, as a plate does ("k l m seven
    four two"), so "a two" or "the one" after a label is no identifier."""
    # (a pair said as a number is two digits: "forty one seventy" is 4170)
    digits = max(len(_SPOKEN_DIGITS.findall(value)), len(_said_digits(value)))
    letters = len(_SPOKEN_LETTERS.findall(value))
    # (two letters said as a radio says them are read out with care: "x ray yankee two
    # nine one")
    radio = len(_RADIO_LETTERS.findall(value))
    return None if digits >= 4 or (digits >= 3 and (letters >= 3 or radio >= 2)) else False


# What a MAC address is called before it.
_MAC_LABEL = (
    r"(?:macs?(?:[ ]address(?:es)?)?|(?:hardware|physical|wi-?fi|bluetooth|ethernet)[ ]address(?:es)?"
    r"|serial(?:[ ]number)?|s/n|device[ ](?:id|serial)|device)"
)


def _ip_host(value: str) -> bool:
    """Its host a valid IPv4 address, and a port or a path after it."""
    host = regex.split(r"[:/]", value, maxsplit=1)
    return len(host) == 2 and bool(host[1]) and v.valid_ip(host[0])


def _ipv6_host(value: str) -> bool:
    """A valid IPv6 address (a zone and a prefix length allowed: "fe80::1%eth0",
    "2001:db8::/64") that looks like one: five groups or more, a group of four ("2001::1",
    "fe80::1"), one of three with a letter and a digit in it ("db8::5"), or "::" first
    ("::1"). Never short groups of digits alone, a clock time typed with a colon too
    many ("10::30") or a ratio ("3:1::2"), nor short words ("add::", "A::B" in code)."""
    if not v.valid_ip(value):
        return False
    address = value.split("/", 1)[0].split("%", 1)[0]
    groups = [group for group in address.split(":") if group]
    if address.startswith("::"):
        return groups == ["1"] or any(len(g) >= 3 or not g.isdigit() for g in groups)
    if len(groups) >= 5 or any(len(g) == 4 for g in groups):
        return True
    has_letter = any(not g.isdigit() for g in groups)
    return has_letter and any(c.isdigit() for c in address) and any(len(g) == 3 for g in groups)


def _bracketed_ipv6(value: str) -> bool:
    """The address inside the brackets is a valid IPv6 one."""
    return ":" in value and v.valid_ip(value[1 : value.index("]")])


_CLOCK_TYPO = regex.compile(r"(?:[01]?\d|2[0-3])::[0-5]\d")


def _ipv6_short(value: str) -> bool:
    """A valid IPv6 address `_ipv6_host` leaves, short groups of digits ("1::", "2::1"),
    taken where a word says IP ("IP 1::", "logged in from 1::1"): never a clock time
    typed with a colon too many ("10::30")."""
    address = value.split("/", 1)[0].split("%", 1)[0]
    return (
        v.valid_ip(value)
        and not _ipv6_host(value)
        and _CLOCK_TYPO.fullmatch(address) is None
    )


def _mac_digits(value: str) -> bool | None:
    """Twelve hex digits (after its label a MAC may hold no letter)."""
    hexes = regex.sub(r"[^0-9A-Fa-f]", "", value)
    return None if len(hexes) == 12 and v.mac_of_one(hexes) else False


_TLDS = r"com|org|net|edu|gov|io|co|us|info|biz|me|ly|app|health|care|online|ca|uk"
# A dot typed or written out in an address: ".", " (dot) ", "[dot]".
_LOOSE_DOT = r"(?:[ ]?[(\[]dot[)\]][ ]?|\.)"
# What every match of Presidio's IP patterns holds: two digits about a dot (IPv4); a hex
# digit before a colon, or two colons (each form of IPv6).
# The part every match of each holds, as one character class where it can be (an IPv4
# inside an IPv6 one: the colons before its dotted tail).
_IP_TRIGGERS = {
    "IPv4": r"\d\.\d",
    "IPv6": r"[0-9A-Fa-f:]:",
    "IPv4_mapped": r"::",
    "IPv4_embedded": r"[0-9A-Fa-f]:",
}

# What a wallet of Base58 characters holds (one trigger for both wallet rules: their
# lines are found once).
_WALLET_TRIGGER = r"\w{26}|\.eth"
# A software version is no IPv4 address, however many parts: "version 10.4.2.1 of the
# EHR", "build 3.2.0.14".
_NOT_A_VERSION = (
    r"(?<!(?i:(?<![\w])(?:version|ver|build|release|firmware|rev|revision|ios|android|macos)"
    r"\.?[ ]?))"
)
# The last digits of a number said after its label: "my ssn ends in 4471", "the account
# number ends in two two nine eight", "card ending 0914", "last four are ...".
_LAST_DIGITS_LABEL = (
    r"(?:ssn|social(?:[ ]security)?(?:[ ]number)?|account[ ]number|acct(?:[ ]number)?|card|ebt"
    r"|member[ ]id|policy(?:[ ]number)?|routing(?:[ ]number)?|id(?:[ ]number)?|tarjeta|cuenta"
    # a card by its brand: "visa ending 4242", "amex last four 8431" (a year is a visa's
    # term, not its digits: "her visa ending in 2026")
    r"|(?:visa|master[ ]?card|amex|discover|debit[ ]card|credit[ ]card)(?![ ]+(?:ends|ending|ended)"
    r"(?:[ ]+in)?[ :]+(?:19|20)\d\d(?![\w])))"
)
# (number words reach the patterns as digits: "two two nine eight" is read "2 2 9 8")
_LAST_DIGITS = rf"(?:\d(?:,?[ -]?\d){{3}}|{_NUMBER_WORD}(?:,?[ ]{_NUMBER_WORD}){{3}})"

IDENTIFIER_SPECS: tuple[PatternSpec, ...] = (
    *SPOKEN_EMAIL_SPECS,
    PatternSpec(
        builtin("phimin.other_id.last_digits"),
        # (in Spanish too: "el seguro social de mi hijo termina en cuatro cinco seis siete",
        # "los últimos cuatro son ...")
        rf"(?i)(?<![\w]){_LAST_DIGITS_LABEL}(?![\w])[^\n.?!]{{0,30}}?(?<![\w])(?:ends|ending|ended"
        r"|termina|terminan|terminaba)"
        rf"(?:[ ]+(?:in|with|en|con))?[ :]+(?P<id>{_LAST_DIGITS})(?![\w])"
        # ("last four" or "last 4": "SSN last 4: 6789", "checking acct last 4 5521")
        rf"|(?<![\w])last[ ](?:four|4)(?:[ ]digits)?"
        rf"(?:[ ]of[ ](?:(?:my|his|her|their|the)[ ]+)?{_LAST_DIGITS_LABEL}|[ ]+{_LAST_DIGITS_LABEL})?"
        rf"(?:[ ]+(?:are|is|were|was))?[ :]+(?P<id>{_LAST_DIGITS})(?![\w])"
        r"|(?<![\w])(?:los[ ])?[uú]ltimos[ ]cuatro(?:[ ](?:n[uú]meros|d[ií]gitos))?(?:[ ]de[ ](?:mi|su|tu"
        rf"|el)[ ]+(?:seguro[ ])?{_LAST_DIGITS_LABEL})?(?:[ ]+(?:son|eran|es))?[ :]+(?P<id>{_LAST_DIGITS})(?![\w])",
        group="id",
        trigger=r"(?i)end|last|termina|ltimos",
    ),
    # --- internet ---------------------------------------------------------------
    PatternSpec(
        builtin("phimin.email"),
        EmailRecognizer.PATTERNS[0].regex,
        validate=v.valid_email,
        trigger="@",
    ),
    PatternSpec(
        builtin("phimin.email.loose"),
        # An address typed loosely: its "@" glued to a mail service with no ".com"
        # ("dana.w@outlook"), or spaced, its dots written out ("dana (dot) w @ outlook
        # (dot) com", "kline @ yahoo.com"); never a plain word as its name ("works @
        # google.com").
        rf"(?i)(?<![\w.@+-])[a-z0-9][\w+-]{{0,40}}(?:{_LOOSE_DOT}[a-z0-9][\w+-]{{0,40}}){{0,3}}"
        rf"(?:@(?:{MAIL_SERVICE})(?![\w@-]|\.[a-z0-9])"
        rf"|(?:[ ]@[ ]?|@[ ])(?:(?:{MAIL_SERVICE})(?:{_LOOSE_DOT}[a-z]{{2,6}}){{0,2}}(?![\w@.-])"
        rf"|[a-z0-9][a-z0-9-]{{0,40}}(?:{_LOOSE_DOT}[a-z0-9][a-z0-9-]{{0,40}}){{0,3}}"
        rf"{_LOOSE_DOT}(?:{_TLDS})(?![\w@.-])))",
        validate=_spelled_email_name,
        trigger="@",
    ),
    PatternSpec(
        builtin("phimin.email.spelled"),
        # (the word runs are possessive: what follows each starts with a space or a
        # bracket, so giving characters back could never help; it halves the scan)
        # (no verb as its name: "her shop is at lunabakes dot net" is a site)
        r"(?i)(?<![\w'’])(?!(?:is|was|it's|its|are|were|be|been|live|lives|stay|stays)[ ]at[ ])"
        # (a name spelled, "d r e w at", or a letter after it, "mikey g at"; never a word
        # of the sentence before the letters: "my email is d r e w")
        r"(?!(?:is|was|it's|its|it|email|emails|email's|address|me|to|the|my|his|her|their"
        r"|your|our|um|uh|like|and|so|yeah|oh|that's|thats|just|be|are|called|named|send|sent"
        r"|write|use|at|\w+'s)[ ][a-z0-9][ ])"
        # (letters spelled before a name too, "l m ortiz at", a name spelled whole, "j a s
        # m i n e dot r at"; "a" or "i" only before another letter: alone they are words)
        r"(?:(?:[b-hj-z0-9]|[ai](?=[ ][a-z0-9][ ]))[ ](?=[\w.+-]{1,64}[ ])){0,15}"
        r"[\w.+-]{1,64}+(?:[ ]?(?:\(dot\)|\[dot\]|\{dot\}| dot | punto | underscore | dash"
        r" | guion bajo | guion )[ ]?[\w+-]{1,64}+){0,3}(?:[ ][a-z0-9](?![\w])){0,15}"
        # numbers said after the name: "dani dot reyes eighty eight at gmail dot com"
        rf"(?:[ ](?:{_NUMBER_WORD}|\d{{1,4}})(?![\w])){{0,3}}"
        # (in Spanish "arroba" and "punto": "marisela punto vega arroba hotmail punto com")
        # (or "@" with a dot in brackets after it: "jo.b@clinic[dot]org")
        r"[ ]?(?:\(at\)|\[at\]|\{at\}| at | arroba |@(?=[\w.-]{1,120}[ ]?[\[({]dot[\])}]))[ ]?[\w-]{1,63}"
        # (a domain of two words said apart: "dlee at northside legal dot org")
        rf"(?:[ ](?!{_NOT_IN_DOMAIN}(?![\w]))[\w-]{{2,63}}(?=[ ](?:dot|punto)[ ]))?"
        r"(?:[ ]?(?:\(dot\)|\[dot\]|\{dot\}| dot | punto |\.)[ ]?[\w-]{1,63}){0,3}"
        r"(?:[ ]?(?:\(dot\)|\[dot\]|\{dot\}| dot | punto )[ ]?|(?<=\))\.|(?<=\])\.|(?<=\w)\.)"
        r"(?:com|org|net|edu|gov|us|io|co|mx|me|uk|ca|info|biz)(?![\w])(?![ ]slash(?![\w]))",
        validate=_spelled_email_name,
        # ("\x7b" is "{": spelled so, the trigger's words are read, see `trigger_parts`)
        trigger=r"(?i)dot|punto|\(at\)|\[at\]|\x7bat\x7d|[ ]at[ ][\w-]+\.(?:com|org|net|edu|gov|us|io|co)\b",
    ),
    PatternSpec(
        builtin("phimin.url.spoken"),
        # "gofundme dot com slash f slash help dash for dash dami", "tiktok dot com slash
        # at jaydenmoves": a web address read aloud with its path (a site's name alone,
        # "tiktok dot com", names nobody).
        r"(?i)(?<![\w])(?:www[ ]dot[ ])?[a-z0-9-]{2,63}(?:[ ]dot[ ][a-z0-9-]{2,63})?[ ]dot[ ]"
        # (a link page's short host too: "linktr dot ee slash beatsbydre44")
        r"(?:com|org|net|io|co|me|tv|us|edu|gov|ly|gg|info|biz|ee|app|xyz|link|bio|page|site|art"
        r"|shop|blog|ai|dev|to)"
        rf"(?:[ ]slash[ ](?:at[ ])?{_PATH_PART})+"
        # a path of words, "slash help the ortiz kids", to its natural end (five words
        # at most; a path that runs on into a sentence keeps its first word only)
        rf"(?:(?:[ ](?!{_NOT_IN_PATH}(?![\w'’])){_PATH_PART}){{1,4}}{_NATURAL_END})?"
        r"(?![\w])",
        trigger=r"(?i)[ ]slash[ ]",
    ),
    PatternSpec(
        builtin("phimin.url.spoken_own"),
        # "my blog healingwithtess dot com", "her shop is at lunabakes dot net": a site of
        # someone's own read aloud, after what it is (a site alone, "psychology dot com",
        # names nobody).
        # ("the website is dre beats dot com"; not "the website 988lifeline dot org", a
        # public one)
        rf"(?i)(?<![\w])(?:(?:my|his|her|their|our|your)[ ]+{_OWN_SITE}(?:[ ]+(?:is|was|it's|its"
        rf"|called|at|on))*|the[ ]+{_OWN_SITE}(?:[ ]+(?:is|was|it's))+)[ ]+"
        # (no "dot" as its name: "my page is mostly dot dot dot online")
        r"(?P<url>(?:www[ ]dot[ ])?(?:(?!dot[ ])[a-z0-9-]{2,30}[ ]){0,2}(?!dot[ ])[a-z0-9-]{2,63}"
        r"(?:[ ]dot[ ](?!dot[ ])[a-z0-9-]{2,63})?"
        r"[ ]dot[ ](?:com|org|net|io|co|me|tv|us|edu|blog|info|biz|art|shop|design|site|xyz|app"
        r"|page|studio|dev|ai|photo|photography|online|store|space|life))(?![\w])"
        # or a page of one's own on a host, its name first whoever says it: "it's on
        # sadpoems dot wordpress dot com", "jaybuilds dot github dot io"
        r"|(?<![\w])(?P<url>(?:www[ ]dot[ ])?[a-z0-9-]{2,63}(?=[ ]dot[ ])[ ]dot[ ](?:wordpress"
        r"|blogspot|tumblr|substack|wixsite|weebly|github|bandcamp|carrd|neocities|square"
        r"|myshopify)[ ]dot[ ](?:com|io|co|org|site|net))(?![\w])",
        group="url",
        trigger=r"(?i)[ ]dot[ ]",
    ),
    PatternSpec(
        builtin("phimin.url.www_spoken"),
        # "a website www dot mariasbakes dot com": "www" read aloud makes it an address
        # ("www" said as its letters too: "w w w dot", "dub dub dub dot", "double u double u
        # double u dot", "triple w dot")
        r"(?i)(?<![\w])(?:www|w[ ]w[ ]w|dub(?:ya)?[ ]dub(?:ya)?[ ]dub(?:ya)?"
        r"|double[ ]?u[ ]double[ ]?u[ ]double[ ]?u|triple[ ](?:w|double[ ]?u))"
        r"[ ](?:dot|punto)[ ][a-z0-9-]{2,63}(?:[ ](?:dot|punto)[ ][a-z0-9-]{2,63})"
        r"{0,2}?[ ](?:dot|punto)[ ](?:com|org|net|io|co|me|tv|us|edu|gov|info|biz|art|shop"
        r"|blog|mx)(?![\w])",
        trigger=r"(?i)www[ ]|w[ ]w[ ]w|dub|double[ ]?u|triple[ ]",
    ),
    PatternSpec(
        builtin("phimin.url.scheme"),
        # (an IPv6 host in its brackets: "http://[2001:db8::1]:8443/admin")
        r"(?i)(?<![\w])(?:https?|ftp)://(?:\[[0-9a-f:.]{2,45}\](?::\d{1,5})?(?:/[^\s<>\"'\]\[(){}]*)?"
        r"|[^\s<>\"'\]\[(){}]+)(?<![.,;:!?])",
        trigger=r"://",
    ),
    PatternSpec(
        builtin("phimin.url.www"),
        r"(?i)(?<![\w./])www\d{0,3}\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d{1,5})?"
        r"(?:/[^\s<>\"'\]\[(){}]*)?(?<![.,;:!?])",
        validate=_no_public_www,
        trigger=r"(?i)www",
    ),
    PatternSpec(
        builtin("phimin.url.domain"),
        r"(?i)(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,4}"
        rf"(?:{_TLDS})"
        # (a country's suffix after it: "clinic.com.au", "google.co.il")
        r"(?:(?<=\.(?:com|org|net|edu|gov|co|ac))\.[a-z]{2}(?![\w-]))?"
        r"(?::\d{1,5})?(?:/[^\s<>\"'\]\[(){}]*)?(?<![.,;:!?])(?![\w@-])",
        validate=_not_a_public_site,
        trigger=rf"(?i)\.(?:{_TLDS})",  # (in every match: a dot, then the domain's end)
    ),
    *(
        PatternSpec(
            builtin(f"phimin.ip.{p.name.lower()}"),
            (_NOT_A_VERSION if p.name == "IPv4" else "") + p.regex,
            validate=_ipv6_host if p.name == "IPv6" else v.valid_ip,
            trigger=_IP_TRIGGERS[p.name],
        )
        for p in IpRecognizer.PATTERNS
        # (an IPv4 address inside an IPv6 one goes whole: "::ffff:192.0.2.1")
        if p.name in ("IPv4", "IPv6", "IPv4_mapped", "IPv4_embedded")
    ),
    PatternSpec(
        builtin("phimin.ip.spoken"),
        # "my ip is 192 dot 168 dot 1 dot 5": an IPv4 address read out
        r"(?i)(?<![\w.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
        r"(?:[ ]+dot[ ]+(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\w.])",
        trigger=r"(?i)\d[ ]+dot[ ]+\d",
    ),
    PatternSpec(
        builtin("phimin.ip.ipv6_cued"),
        next(p.regex for p in IpRecognizer.PATTERNS if p.name == "IPv6"),
        validate=_ipv6_short,
        context=("ip", "ipv6", "from", "address", "addr", "host", "server", "logged", "login"),
        needs_context=True,
        trigger=_IP_TRIGGERS["IPv6"],
    ),
    PatternSpec(
        builtin("phimin.ip.ipv6_unspecified"),
        # "::" alone is an address only with a prefix length ("::/0", the default route)
        # or after "=" or "ipv6" ("src=::"); a "::" between words is a separator.
        r"(?i)(?:(?<=[=])|(?<=(?<![\w])ipv6[ ]{1,3}))::(?![\w:/])"
        r"|(?<![\w:])::/(?:12[0-8]|1[01]\d|[1-9]?\d)(?![\w:/.])",
        validate=v.valid_ip,
        trigger=r"::",
    ),
    PatternSpec(
        builtin("phimin.url.ipv6_port"),
        # "[2001:db8::1]:8443", "[fe80::2]/admin": an IPv6 address in brackets with a
        # port or a path after it is a web address, taken whole
        r"(?i)(?<![\w/\[])\[(?P<ip>[0-9a-f:.]{2,45})\](?=[:/][\w])(?::\d{1,5})?"
        r"(?:/[^\s<>\"'\]\[(){}]*)?(?<![.,;:!?])(?![\w:])",
        validate=_bracketed_ipv6,
        trigger=r"\][:/]",
    ),
    PatternSpec(
        builtin("phimin.url.ip"),
        # "10.0.0.5:8080/intake/form": an IPv4 address with a port or a path is a web
        # address, taken whole
        r"(?<![\w.:/-])(?:\d{1,3}\.){3}\d{1,3}(?=[:/][\w])(?::\d{1,5})?"
        r"(?:/[^\s<>\"'\]\[(){}]*)?(?<![.,;:!?])(?![\w:])",
        validate=_ip_host,
        trigger=r"\d\.\d{1,3}[:/]",
    ),
    # --- phone and fax ----------------------------------------------------------
    PatternSpec(
        builtin("phimin.phone.nanp"),
        _NANP,
        validate=_valid_phone,
        context=_PHONE_CONTEXT,
    ),
    PatternSpec(
        builtin("phimin.phone.extension"),
        # "five five five two one two three extension two one four", "555-2123 ext 214":
        # a number with its extension read after it is a phone, whatever words are near.
        r"(?<![\w+./-])(?:(?:\+?1[ .-]?)?(?:\(\d{3}\)|\d{3})[ .-]?)?\d{3}[ .-]?\d{4}"
        rf"{_SAID_EXTENSION}(?![\w])",
        validate=_phone_digits,
        trigger=r"(?i)ext",
    ),
    PatternSpec(
        builtin("phimin.phone.extension_said"),
        # "and then extension three one", "just ask for extension 2290": an extension said
        # apart from its phone (or with no phone) is a line of the person's own desk (never
        # "an extension of two weeks", "the extension is ten days").
        # (a joint's range is no phone: "knee extension 10", "flexion 110, extension 5")
        r"(?i)(?:(?<![\w])(?<!(?:flexion|knee|hip|elbow|wrist|lumbar|cervical|trunk|neck|leg|back"
        r"|spine|spinal|triceps?|full|active|passive|terminal|finger|thumb|toe)[ ]{1,2})"
        r"(?<!flex(?:ion|ed)?[^\n]{0,40})"
        rf"(?:ext\.?|extension)(?![a-z])(?:[ ]+(?:number|is|was|\#|no\.?|um|uh))*"
        rf"[ ]*(?P<id>\d{{2,5}}|{_EXTENSION_WORD}(?:[ ]+{_EXTENSION_WORD}){{0,4}})(?![\w'’-])"
        # ("x" for it after a line or a desk: "my direct line is x 4471")
        r"|(?<=(?:line|desk|office|phone|number)(?:[ ]+(?:is|was))?[ ]+)x[ ]?(?P<id>\d{3,5})"
        r"(?![\w'’-]|[.,]\d))"
        r"(?![ ]+(?:days?|weeks?|months?|hours?|minutes?|more|extra|years?|feet|foot|inch(?:es)?"
        r"|cords?|pages?|times?|dollars?|bucks|percent|of|on|degrees?|deg|reps?|sets?|seconds?"
        r"|secs?|pounds?|lbs?|kg|x)(?![\w])|°)",
        group="id",
        validate=_extension_digits,
        trigger=r"(?i)ext|x[ ]?\d",
    ),
    PatternSpec(
        builtin("phimin.phone.international"),
        # (its country code in brackets too: "(+44) (20) 7946 0958"; or dialled from
        # abroad with 00 for the +, its code apart: "0033 6 41 27 88 05"; a group of one
        # digit among the rest: "+30 21 0 4478123")
        # (or dialled from the US, 011 for the +: "011 52 55 4187 2290")
        # (after a label's colon too, "Tel: 0049 221 ...", never a clock's: "00:39 0044")
        r"(?<![\w+(])(?:\+[1-9]\d{0,2}|\(\+[1-9]\d{0,2}\)|(?<![\d.,/-][ ]?)(?<!\d:[ ]?)00[1-9]\d{0,2}(?=[ .-])"
        r"|(?<![\d.,/-][ ]?)(?<!\d:[ ]?)011[ .-]?[2-9]\d{0,2}(?=[ .-]))"
        r"[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}|[ .-]\d(?!\d)){1,4}(?![\w])",
        validate=_valid_international,
        trigger=r"\+|00[1-9]|011[ .-]?[2-9]",
    ),
    PatternSpec(
        builtin("phimin.phone.trunk"),
        # a number abroad in its country's own format, its trunk 0 first: "0918 264
        # 3071", "0 (542) 318 27 64", "0312-447-19-20" (valid there, by phonenumbers);
        # its pairs apart by spaces only after an area in brackets: "0600 124 58 91" is
        # an hour and vital signs, "0 120 130 45 67" a list of counts
        r"(?<![\w+.,/:()-])0(?:\d{3}(?P<s1>[ .-])\d{3}(?P=s1)\d{4}|\d{3}(?P<s2>[.-])\d{3}(?P=s2)\d{2}"
        r"(?P=s2)\d{2}|-\d{3}-\d{3}-\d{2}-\d{2}|[ -]?\(\d{3}\)[ ]?\d{3}[ .-]?(?:\d{4}|\d{2}[ .-]\d{2}))"
        r"(?![\w]|[.,/-]\d)",
        validate=_valid_trunk,
    ),
    PatternSpec(
        builtin("phimin.phone.context"),
        _NOT_A_ZIP_PLUS4 + _DIGIT_GROUPS,
        validate=_phone_digits,
        context=_PHONE_CONTEXT,
        needs_context=True,
    ),
    PatternSpec(
        builtin("phimin.phone.comma_groups"),
        # "call me at 503, 555, 1212", "my cell is 541, 555, 0199": a US number in three
        # groups with commas between, as a transcript writes one said with pauses, right
        # after what says phone (never a list of scores: "503, 555, 1212 points").
        r"(?i)(?<=(?<![\w'’])(?:(?:call|text|reach|ring)(?:[ ]+(?:me|him|her|us|them))?"
        r"(?:[ ]+back)?[ ]+(?:at|on)|(?:(?:my|his|her|their|the|your|our)[ ]+)?(?:cell(?:[ ]?phone)?"
        r"|phone|mobile|landline|home[ ]phone|work[ ]phone|number)(?:[ ]+number)?"
        r"(?:[ ]+(?:is|was)|['’]s|[ ]*:)?),?[ ]{1,3})"
        r"(?P<id>\(?[2-9]\d{2}\)?,[ ]?[2-9]\d{2},[ ]?\d{4})"
        r"(?![\w]|[.,]?[ ]?\d|[ ]*(?:%|percent|dollars?|points?|steps|mg|ml|miles?))",
        group="id",
        validate=_comma_phone,
        trigger=r"\d{3}\)?,[ ]?\d{3},[ ]?\d{4}",
    ),
    PatternSpec(
        builtin("phimin.phone.spoken"),
        # "her number's eight oh eight five five five nineteen twelve", "nine one seven
        # double five five two eight eight one": a phone said with pairs of digits as
        # numbers, or a digit said twice, where a word around it says phone (seven digits,
        # or ten).
        # ("niner" as a radio reads nine marks it too: "nine one niner eight two ...")
        rf"(?i)(?<![\w'’-])(?=(?:{_PHONE_TOKEN}[ ,.-]+){{0,13}}(?:{_PHONE_PAIR}|niner)(?![\w'’]))"
        rf"{_PHONE_TOKEN}(?:[ ]?[,.-]?[ ]+{_PHONE_TOKEN}|-{_PHONE_TOKEN}){{2,13}}(?![\w'’-])",
        validate=_said_phone_abroad,
        context=_SAID_PHONE_CONTEXT,
        needs_context=True,
        trigger=r"(?i)teen|ty|ten|eleven|twelve|double|triple|hundred|niner",
    ),
    PatternSpec(
        builtin("phimin.phone.spoken_spanish"),
        # "mi celular es tres uno dos, cuarenta y cuatro, veintidós, diez, quince", "el
        # teléfono es cincuenta y dos treinta y tres diecinueve cuarenta y ocho": a phone
        # said in Spanish with pairs of digits as numbers, where a word around it says
        # phone (seven, eight or ten digits).
        rf"(?i)(?<![\w'’-])(?=(?:{_ES_PHONE_TOKEN}[ ,.-]+){{0,13}}{_ES_PHONE_PAIR}(?![\w'’]))"
        rf"{_ES_PHONE_TOKEN}(?:[ ]?[,.-]?[ ]+{_ES_PHONE_TOKEN}){{3,13}}(?![\w'’-])",
        validate=_said_phone_spanish,
        context=(*_PHONE_CONTEXT, *_ES_PHONE_CONTEXT),
        needs_context=True,
        trigger=r"(?i)diez|once|doce|trece|catorce|quince|dieci|veint|enta",
    ),
    PatternSpec(
        builtin("phimin.phone.said_grouped"),
        # "seven two four, eight eight one, twenty three forty": a number said in words in
        # its three groups, a pause after the area code and after the exchange, is a phone
        # wherever it is said (the question was a turn ago); counting aloud is not ("one
        # two three, four five six, seven eight nine ten" starts with a 1).
        rf"(?i)(?<![\w'’-])(?<!(?:{_PHONE_UNIT}|ty|teen|ten|eleven|twelve|hundred),?[ ])"
        rf"{_PHONE_TOKEN}(?:[ ]+{_PHONE_TOKEN}){{0,2}},[ ]+"
        rf"{_PHONE_TOKEN}(?:[ ]+{_PHONE_TOKEN}){{0,2}},[ ]+{_PHONE_TOKEN}(?:[ ]+{_PHONE_TOKEN}){{0,3}}"
        r"(?![\w'’-]|,?[ ]+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d)(?![\w]))",
        validate=_said_grouped_phone,
        # (what every group ends in, before its pause)
        trigger=r"(?i)(?:\d|zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
        r"|twelve|teen|ty|hundred),[ ]",
    ),
    PatternSpec(
        builtin("phimin.phone.said_mixed"),
        # "area code five oh three then 555 0142", "call me at five oh three 555 0142": a
        # phone said partly in words and partly in digits, or after "area code", its
        # groups maybe joined by "then" or "and" (seven digits, ten, or eleven from a 1).
        rf"(?i)(?<![\w])area[ ]code[ ]+(?:is[ ]+)?(?P<id>{_MIXED_TOKEN}(?:{_MIXED_JOIN}{_MIXED_TOKEN}){{2,13}}"
        rf")(?![\w'’-])"
        # (without it, a digit said as a word and a group of digits among them)
        rf"|(?<![\w'’-])(?=(?:{_MIXED_TOKEN}{_MIXED_JOIN}){{0,13}}(?:\d{{3,4}}|\d{{7}})(?![\w]))"
        rf"(?=(?:{_MIXED_TOKEN}{_MIXED_JOIN}){{0,13}}(?:zero|oh|one|two|three|four|five|six"
        r"|seven|eight|nine|double|triple)(?![\w]))"
        # (two tokens when one is seven digits: "eight hundred 4429910", a number said
        # "eight hundred, four four two ...")
        rf"(?P<id>{_MIXED_TOKEN}(?:{_MIXED_JOIN}{_MIXED_TOKEN}){{2,13}}"
        rf"|{_PHONE_PAIR}{_MIXED_JOIN}\d{{7}})(?![\w'’-])",
        group="id",
        validate=_said_phone,
        context=_SAID_PHONE_CONTEXT,
        needs_context=True,
        trigger=r"(?i)\d{3}|area[ ]code",
    ),
    PatternSpec(
        builtin("phimin.phone.said_paused"),
        # "four one five uh eight two two uh three oh nine one", "eight oh eight, um, four
        # four two, seven seven one oh": a phone said with a filler in a pause between its
        # groups (which leaves each group too short to read as one number), where a word
        # around it says phone (seven digits, ten, or a trunk 0's ten or eleven).
        # (a pause at least among its joins: the first found, lazily, then the rest)
        rf"(?i)(?<![\w'’-])(?=[\dzotfsend]){_PAUSED_TOKEN}(?:{_PAUSED_JOIN}{_PAUSED_TOKEN}){{0,12}}?"
        rf"{_PAUSE}{_PAUSED_TOKEN}(?:{_PAUSED_JOIN}{_PAUSED_TOKEN}){{0,12}}(?![\w'’-])",
        validate=_paused_phone,
        context=_SAID_PHONE_CONTEXT,
        needs_context=True,
        trigger=rf"(?i)[ ,](?:{_FILLER}|dash|hyphen)[ ,]|\.\.|…",
    ),
    PatternSpec(
        builtin("phimin.phone.said_corrected"),
        # "five five five two one no two three four four six one", "three one two, eight
        # oh, sorry, eight one four, two two nine oh": a phone said, a slip taken back and
        # its last digits said again, where a word around it says phone (the digits as
        # corrected are a phone; "two, no, three drinks" is a count).
        rf"(?i)(?<![\w'’-])(?=[\dzotfsend]){_CORRECTED_TOKEN}(?:{_PAUSED_JOIN}{_CORRECTED_TOKEN}){{0,12}}?"
        rf"{_CORRECTION}{_CORRECTED_TOKEN}(?:{_PAUSED_JOIN}{_CORRECTED_TOKEN}){{0,12}}(?![\w'’-])",
        validate=_corrected_phone,
        context=_SAID_PHONE_CONTEXT,
        needs_context=True,
        trigger=r"(?i)[ ,.](?:no|nope|sorry|wait|mean|actually|scratch|bad|oops|hold|correction)[ ,.]",
    ),
    PatternSpec(
        builtin("phimin.phone.said_plus"),
        # "plus four four seven seven oh oh nine ...", "plus sixty three nine one seven ...":
        # a number abroad said with its "+" as "plus", its country code maybe a pair said
        # as a number (valid where phonenumbers reads it so; "two plus two", "plus 1500 in
        # fees" are sums).
        rf"(?i)(?<![\w])plus[ ]+{_PLUS_TOKEN}(?:[ ]?[,.]?[ ]+{_PLUS_TOKEN}){{0,14}}(?![\w'’-])",
        validate=_said_plus_phone,
        trigger=r"(?i)plus[ ]",
    ),
    PatternSpec(
        builtin("phimin.phone.formatted"),
        # 3-3-4 digits however separated ("301- 555- 0147", "410/555/0199"), valid or not,
        # and in brackets with a digit too many, "(301 555 01477)": a phone mistyped.
        r"(?<![\w+/-])\(?\d{3}\)?(?:[ .-]{1,2}|/)\d{3}(?:[ .-]{1,2}|/)(?:\d{4}|(?<=\(\d{3}[ ]\d{3}[ ])"
        r"\d{5}\))(?![\w]|[-/]\d)",
        context=_PHONE_CONTEXT,
    ),
    PatternSpec(
        builtin("phimin.phone.pager"),
        r"(?i)(?<![\w])(?:pg|pgr|pager|beeper|page)\.?(?:[ ]*(?:\#|no\.?|number))?[ :#]*"
        r"(?P<id>\d{4,7})(?![\w])",
        group="id",
    ),
    PatternSpec(
        builtin("phimin.phone.local"),
        r"(?<![\w.-])[2-9]\d{2}-\d{4}(?![\w]|-\d)",
        context=_PHONE_CONTEXT,
    ),
    # --- government and financial numbers ---------------------------------------
    PatternSpec(
        builtin("phimin.ssn.formatted"),
        r"(?<![\w.-])\d{3}([- .])\d{2}\1\d{4}(?![\w]|[-.]\d)",
        validate=v.valid_ssn,
        context=("ssn", "social", "security", "ss#", "soc"),
    ),
    PatternSpec(
        builtin("phimin.ssn.odd_groups"),
        # nine digits split once after the area, "417-308825": an SSN (or an ITIN,
        # "927-781406") typed with a dash missing (the SSA's or the IRS's rules must hold:
        # not "150-450000", a range of counts)
        r"(?<![\w.,/-])\d{3}-\d{6}(?![\w]|[-.,/]\d)",
        validate=v.valid_tax_id,
    ),
    PatternSpec(
        builtin("phimin.ssn.last_four"),
        # "last four of my social is 6621": a partial SSN still points at one person.
        r"(?i)(?<![\w])last[ ](?:four|4)(?:[ ]digits)?[ ]of[ ](?:my|his|her|their|your|the)[ ]"
        # (a pause after it too: "last four of my social, oh eight, two two")
        r"(?:social(?:[ ]security(?:[ ]number)?)?|ssn|ss\#)[ ]*(?:is|was|are|:|=|,)?[ ]*"
        # (asked, then answered after the next speaker's label, in digits or words:
        # "last four of your social / client: four four one nine")
        r"(?:[/?.,]?[ ]*\p{L}{2,12}(?:[ ]\d)?[ ]?:[ ]*(?:(?:um|uh|it's|its|yeah)[ ,]+){0,3})?"
        # (a pause between its pairs: "six six, two one")
        rf"(?P<id>\d(?:,?[ ,.-]?\d){{3}}|{_NUMBER_WORD}(?:[ ,]+{_NUMBER_WORD}){{3}})(?![\w])",
        group="id",
        trigger=r"(?i)last[ ]",
    ),
    _labelled(
        "phimin.ssn.labelled",
        r"ssn|ss\#|soc(?:ial)?(?:[ ]sec(?:urity)?)?(?:[ ]?(?:number|no|\#))?"
        r"|(?:n[uú]mero[ ]de[ ])?seguro[ ]social",
    ),
    PatternSpec(
        builtin("phimin.account.aba_grouped"),
        # a routing number printed 4-4-1, "2140-5391-1", its ABA check digit holding
        r"(?<![\w.,/-])\d{4}-\d{4}-\d(?![\w]|[-.,/]\d)",
        validate=v.valid_aba_routing,
    ),
    PatternSpec(
        builtin("phimin.other_id.national_grouped"),
        # a national number in its printed groups, its check digit holding: a Canadian
        # SIN 3-3-3, "572 319 465" (Luhn), an Aadhaar 4-4-4, "4831 7265 9025" (Verhoeff)
        # (Australia's TFN and ACN 3-3-3 too, its ABN 2-3-3-3, "51 738 162 904")
        r"(?<![\w.,/:-])(?:\d{3}(?P<s3>[ -])\d{3}(?P=s3)\d{3}|\d{4}(?P<s4>[ :-])\d{4}(?P=s4)\d{4}"
        r"|\d{2}[ ]\d{3}[ ]\d{3}[ ]\d{3})"
        r"(?![\w]|[-.,/:]\d|[ ]\d)",
        validate=v.valid_national_grouped,
    ),
    PatternSpec(
        builtin("phimin.other_id.national_printed"),
        # a national number in its own country's printed groups, its check holding
        # (`validators.valid_national_printed`): a CPF "689.763.528-66", a RUT
        # "78.778.932-3", a CNIC "31809-6792908-1", a carte vitale "2 85 07 75 114 482 08",
        # a BC PHN "9436 450 306", an Australian Medicare "2793 34628 5", an Emirates ID
        # "784-1985-4821937-1"
        r"(?<![\w.,/:-])(?:\d{3}\.\d{3}\.\d{3}-\d{2}|\d{1,2}\.\d{3}\.\d{3}-[\dkK]|\d{5}-\d{7}-\d"
        r"|[12](?:[ ]\d{2}){3}[ ]\d{3}[ ]\d{3}[ ]\d{2}|9\d{3}[ ]\d{3}[ ]\d{3}"
        r"|[2-6]\d{3}[ ]\d{5}[ ]\d(?:[ ]\d)?|784-\d{4}-\d{7}-\d)"
        r"(?![\w]|[-.,/:]\d|[ ]\d)",
        validate=v.valid_national_printed,
        # (what each shape holds: its dots, its long dashed group, its pairs, its groups)
        trigger=r"\d\.\d{3}\.\d|\d-\d{7}-\d|\d[ ]\d\d[ ]\d\d[ ]\d\d[ ]|\d{4}[ ]\d{3,5}[ ]\d",
    ),
    PatternSpec(
        builtin("phimin.other_id.lower_code"),
        # an Italian codice fiscale or an Indian PAN typed in small letters, as a
        # transcript writes what was read out: "cf bnclne92c45f205r", "pan no. khept8578f"
        # (its check letter, or its holder letter, holding)
        r"(?i)(?<![\w@#$.-])(?:[a-z]{6}\d{2}[a-z]\d{2}[a-z]\d{3}[a-z]|[a-z]{5}\d{4}[a-z])(?![\w-])",
        validate=v.valid_lower_code,
        trigger=r"(?i)[a-z]\d{4}[a-z]|[a-z]\d\d[a-z]\d\d[a-z]",
    ),
    PatternSpec(
        builtin("phimin.other_id.es_dni"),
        # a Spanish DNI, seven or eight digits and its check letter, "48291736-Q" (the
        # letter set has no I, O, U: "1000000u" is a rate of units)
        r"(?i)(?<![\w.,/-])\d{7,8}-?[A-HJ-NP-TV-Z](?![\w])",
        validate=v.valid_dni,
    ),
    PatternSpec(
        builtin("phimin.other_id.birth_number"),
        # a national number built on the birth date: Korean, "850317-2648193"; Swedish,
        # "19850317-4826" (the date real, the Swedish check digit holding)
        r"(?<![\w.,/-])(?:\d{6}-[1-8]\d{6}|(?:19|20)\d{6}[-+]\d{4})(?![\w]|[-.,/]\d)",
        validate=v.valid_birth_number,
    ),
    PatternSpec(
        builtin("phimin.other_id.uk_nino"),
        # a British National Insurance number, in pairs or whole, in either case:
        # "JK 40 21 77 C", "jk402177c" (its two letters as HMRC issues them)
        r"(?i)(?<![\w])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
        r"(?:[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}|[ ]?\d{3}[ ]\d{3})[ ]?[A-D](?![\w])",
        # (six digits and a letter: a code of capitals, not "ab 12 34 56 c" in a list)
        trigger=r"\d\d[ ]?\d\d",
    ),
    PatternSpec(
        builtin("phimin.card"),
        CreditCardRecognizer.PATTERNS[0].regex,
        validate=v.valid_card,
    ),
    PatternSpec(
        builtin("phimin.other_id.card_shaped"),
        # Four groups of four digits, as a card prints them, whatever its checksum: an
        # account's number ("9876-5432-1987-6543").
        # (or 4-6-5 and 4-6-4, as American Express and Diners Club print theirs)
        r"(?<![\w.,/-])\d{4}(?P<sep>[ -])(?:\d{4}(?P=sep)\d{4}(?P=sep)\d{4}|\d{6}(?P=sep)\d{4,5})"
        r"(?![\w-]|[.,]\d)",
    ),
    PatternSpec(
        builtin("phimin.iban"),
        # (a short last group after a space holds a digit, or is capitals, "...0200 000M
        # UR": a word after it is left, "... 8816 to pay"; a capital after it goes too)
        r"(?i)(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}"
        r"(?:[A-Z0-9]{1,3}|[ ](?:(?=[A-Z]{0,2}\d)[A-Z0-9]{1,3}|(?-i:[A-Z]{1,3})))?(?![\w])",
        validate=_valid_iban_tail,
    ),
    _labelled(
        "phimin.account.labelled",
        r"(?:bank[ ]|checking[ ]|savings[ ]|credit[ ]card[ ]|debit[ ]card[ ])?"
        r"(?:account|acct)|a/c[ ]?(?:\#|no\.?|number)|routing|aba|card[ ]ending(?:[ ]in)?",
    ),
    PatternSpec(
        builtin("phimin.card.masked"),
        # A number printed masked but for its last digits, as a receipt or a portal shows
        # it: "**** **** **** 1111", "XXXX-XXXX-4471", "mastercard x0004", "card *8431".
        # (two masked groups at least: a ward note's "**** 0315" is a divider and a time)
        r"(?i)(?<![\w*•])(?:[*•]{2,4}|x{4})(?:[ -](?:[*•]{2,4}|x{4})){1,2}[ -]?(?P<id>\d{4})"
        r"(?![\w*])"
        r"|(?<![\w])(?:visa|master[ ]?card|amex|discover|card|acct|account)[ ]?(?:ending[ ]?)?"
        r"[x*•](?P<id>\d{4})(?![\w])",
        group="id",
        trigger=r"(?i)[*•x]\d{4}|[*•x]{2}[ -]?\d",
    ),
    PatternSpec(
        builtin("phimin.card.security_code"),
        # the three or four digits on a card's back, after their label: "cvv 123", "CVC:
        # 4471" (never a bare three digits)
        r"(?i)(?<![\w])(?:cvv2?|cvc2?|cid|card[ ]security[ ]code)(?:[ ]*(?:is|was|:|\#|code))*[ ]*"
        r"(?P<id>\d{3,4})(?![\w]|[.,/]\d)",
        group="id",
        trigger=r"(?i)cvv|cvc|cid|security[ ]code",
    ),
    PatternSpec(
        builtin("phimin.health_plan.pharmacy"),
        # A pharmacy benefit card's lines, in its capitals: "BIN 610014 PCN ADV RxGrp
        # RX4471" (a PCN may be letters alone; "bin" in small letters is a box, so only
        # "rx bin" then)
        r"(?<![\w])(?:(?-i:BIN)|(?i:rx[ ]?bin))[ ]*(?:[:#][ ]*)?(?P<id>\d{6})(?![\w])"
        r"|(?<![\w])(?:(?-i:PCN)|(?i:rx[ ]?pcn))[ ]*(?:[:#][ ]*)?(?P<id>(?-i:[A-Z0-9]{2,10}))(?![\w])",
        group="id",
        trigger=r"(?i)bin|pcn",
    ),
    PatternSpec(
        builtin("phimin.account.swift"),
        # A bank's SWIFT/BIC code after its label, bank, country, place (branch): "SWIFT
        # DEUTDEFF", "BIC: NWBKGB2L", "swift code is BOFAUS3N" (capitals, as a bank prints
        # it; after a small "swift" alone it holds a digit: "a swift RESPONSE" is a word)
        r"(?<![\w])(?:(?-i:SWIFT|BIC)|(?i:swift|bic)[ ]?(?:code|number|no\.?|\#|:))"
        r"[ ]*(?:is[ ]|:|\#)?[ ]*(?P<id>[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)(?![\w])"
        r"|(?<![\w])(?i:swift|bic)[ ]+(?P<id>(?=[A-Z]{0,10}\d)[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)(?![\w])",
        group="id",
        trigger=r"(?i)swift|bic",
    ),
    PatternSpec(
        builtin("phimin.account.bank_code"),
        # a bank branch's code after its label, as the routing number is: a British sort
        # code, "sort code 20-45-18", an Australian BSB, "BSB 062-184"
        r"(?i)(?<![\w])(?:sort[ ]code|bsb(?:[ ](?:number|no\.?))?)(?:[ ]*(?:is|was|:|\#))*[ ]*"
        r"(?P<id>\d{2}-\d{2}-\d{2}|\d{2}[ ]\d{2}[ ]\d{2}|\d{3}-?\d{3})(?![\w]|[-.,/]\d|[ ]\d)",
        group="id",
        trigger=r"(?i)sort[ ]code|bsb",
    ),
    PatternSpec(
        builtin("phimin.account.upi"),
        # an Indian UPI address, a name at a bank's handle: "dani48@okaxis", "9845217736@ybl"
        r"(?i)(?<![\w.@+-])[a-z0-9][\w.-]{1,40}@(?:ok(?:axis|hdfcbank|icici|sbi)|ybl|ibl|axl|apl"
        r"|paytm|upi|axisbank|hdfcbank|icici|sbi|kotak|yesbank|jupiteraxis|fbl)(?![\w@-]|\.[a-z])",
        trigger=r"(?i)@(?:ok|ybl|ibl|axl|apl|paytm|upi|axis|hdfc|icici|sbi|kotak|yes|jupiter|fbl)",
    ),
    # --- health records and plans -----------------------------------------------
    _labelled(
        "phimin.mrn.labelled",
        r"mrn|mr|med(?:ical)?[ ]rec(?:ord)?s?|chart|patient[ ]id|pt[ ]id|patient"
        r"|hospital[ ]number|unit[ ]number|encounter(?:[ ]id)?|fin",
    ),
    PatternSpec(
        builtin("phimin.mrn.nearby"),
        # "my MRN on the clinic card says 00482913": the label a few words before.
        r"(?i)(?<![\w])(?:mrn|medical[ ]record(?:[ ]number)?|chart[ ]number)(?![\w])[^\n\d]{1,40}?"
        r"(?P<id>\d[\d-]{4,14}\d)(?![\w-])",
        group="id",
    ),
    _labelled(
        "phimin.health_plan.labelled",
        r"(?:member|subscriber|beneficiary|policy|group|plan|insurance|insurer)[ ]?(?:id|identification)?"
        # a card's abbreviations: "Grp#: 774412", "mbr id XKW88451"
        r"|(?:grp|mbr)(?:[ ]?id)?"
        r"|medicaid(?:[ ]id)?|medicare(?:[ ]id)?|mbi|hicn|medi-cal|masshealth|tricare"
        r"|n[uú]mero[ ]de[ ](?:(?:mi|su|tu)[ ])?(?:seguro|aseguranza|miembro|p[oó]liza)"
        r"|bcbs|blue[ ]cross(?:[ ]blue[ ]shield)?|aetna|cigna|humana|united(?:healthcare)?",
    ),
    PatternSpec(
        builtin("phimin.health_plan.mbi"),
        # Medicare Beneficiary Identifier: 11 characters, letters without S, L, O, I, B, Z.
        # (in small letters too, as typed: "3hk7-pn2-ty58")
        r"(?i)(?<![\w])[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]"
        r"[AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}(?![\w])",
    ),
    # --- licences, certificates, vehicles, devices -------------------------------
    _labelled(
        "phimin.license.labelled",
        # (never a unit's "dL": "glucose mg/dL 95-105")
        r"(?:driver'?s?[ ])?licen[cs]e|(?<!/)dl|cdl|permit|certificate|cert|registration"
        r"|npi|dea|state[ ]id|passport|lic",
    ),
    PatternSpec(
        builtin("phimin.license.dea"),
        # (a space may follow the letters: the detection view splits "PG0000000", as PG
        # is also a pager label)
        # (every registrant letter in use: A-H, J-M, P-U, X; "KT4012340" is a mid-level practitioner's)
        r"(?<![\w])[A-HJ-MP-UX][A-Z9][ ]?\d{7}(?![\w])",
        validate=v.valid_dea,
    ),
    PatternSpec(
        builtin("phimin.license.uk_driving"),
        # a British driving licence number, in either case and however spaced: five
        # letters of the surname (9 for none), the birth year's decade, month (+50 for a
        # woman), day and year, initials, a digit, two check characters, maybe the issue:
        # "WHITL 752146 RJ9TK 03", "whitl752146rj9tk"
        r"(?i)(?<![\w])[A-Z][A-Z9]{4}[ ]?\d[0156]\d[ ]?\d{3}[ ]?[A-Z9]{2}\d[A-Z0-9]{2}(?:[ ]?\d{2})?"
        r"(?![\w])",
        validate=_licence_birth,
    ),
    PatternSpec(
        builtin("phimin.license.npi_grouped"),
        # an NPI printed 4-3-3, "1457-302-986", its Luhn check (over 80840) holding (not
        # a run of measures: "1000 250 500 ml")
        r"(?<![\w.,/-])[12]\d{3}(?P<sep>[ -])\d{3}(?P=sep)\d{3}(?![\w]|[-.,/]\d|[ ]\d)",
        validate=v.valid_npi_grouped,
    ),
    PatternSpec(
        builtin("phimin.vehicle.plate"),
        rf"(?i)(?<![\w])(?:(?:licen[cs]e[ ])?plates?|tag[ ]number|registration[ ]plate)(?![\w])"
        rf"{_SEP}(?:{_VALUE}|{_PLATE})",
        group="id",
        validate=_no_unit_in_plate,
    ),
    PatternSpec(
        builtin("phimin.vehicle.plate_abroad"),
        # a plate after its name in the languages clients drive in, or after one's "tag":
        # "placa ABC-12-34", "matrícula 4821 KLM", "plaque AB-123-CD", "targa AB 123 CD",
        # "nummernschild B-KM 4821", "his tag is XYZ 4821" (letters and three digits at
        # least: "la matrícula cuesta 4500" is a school's fee)
        r"(?i)(?<![\w])(?:(?:placas?|matr[ií]culas?)(?:[ ](?:del|de[ ](?:mi|su|tu|la))[ ](?:carro"
        r"|coche|auto|troca|camioneta|cami[oó]n|moto))?|targa|plaque(?:[ ]d['’]immatriculation)?"
        r"|immatriculation|nummernschild|kennzeichen|rego"
        r"|(?<=(?:my|his|her|their|your|our|the|car['’]s|truck['’]s)[ ])tags?)(?![\w])"
        rf"(?:[ ]+(?:reads|read|says|said))?{_SEP}{_PLATE}",
        group="id",
        validate=_no_unit_in_plate,
        trigger=r"(?i)placa|matr|targa|plaque|immatric|nummernschild|kennzeichen|rego|tag",
    ),
    PatternSpec(
        builtin("phimin.vehicle.vanity_plate"),
        # a vanity plate said after its name, in capitals, letters alone: "vanity plate SAD
        # GRL", "her personalized plate says 'LUVMYPUP'"
        r"(?<![\w])(?i:vanity|personali[sz]ed|custom)[ ](?i:plates?|tags?)"
        r"(?:[ ]+(?i:says|said|reads|read|is|was)|[ ]*:)?[ ]+[\"'“‘]?"
        r"(?P<id>(?=[A-Z0-9 -]{0,15}[A-Z])[A-Z0-9]{2,8}(?:[ -][A-Z0-9]{1,7})?)(?![\w])",
        group="id",
        trigger=r"(?i)vanity|personali[sz]ed|custom",
    ),
    PatternSpec(
        builtin("phimin.vehicle.uk_plate"),
        # "my car reg is AB51 ABC", "number plate BD62XYZ", "reg A123 BCD", "ABC 123D": a
        # British registration in any of its three shapes, after its label
        r"(?i)(?<![\w])(?:reg(?:istration)?(?:[ ](?:number|no\.?|mark|plate))?|number[ ]plates?"
        r"|(?:licen[cs]e[ ])?plates?)(?![\w])"
        rf"{_SEP}(?P<id>(?:[A-Z]{{2}}\d{{2}}[ -]?[A-Z]{{3}}|[A-Z]\d{{1,3}}[ -]?[A-Z]{{3}}"
        r"|[A-Z]{3}[ -]?\d{1,3}[A-Z]))(?![\w-])",
        group="id",
        validate=_no_unit_in_plate,
        trigger=r"(?i)reg|plate",
    ),
    PatternSpec(
        builtin("phimin.vehicle.uk_plate_shaped"),
        # a British registration of today's shape without its label, in capitals: two
        # region letters, the age in two digits (10-29, 51-79; "MS04", "HC03" are a drug
        # and a gas with an O typed as 0), three letters, "KD64 RWN", "PY19-LTE"
        r"(?<![\w-])[A-HJ-PR-Y]{2}(?:[12]\d|5[1-9]|[67]\d)[ -]?[A-HJ-PR-Z]{3}(?![\w-])",
        validate=_plate_letters,
        trigger=r"[A-Z]\d\d[ -]?[A-Z]",
    ),
    PatternSpec(
        builtin("phimin.vehicle.vin"),
        r"(?i)(?<![\w])(?=[A-HJ-NPR-Z0-9]{0,16}\d)[A-HJ-NPR-Z0-9]{17}(?![\w])",
        validate=v.valid_vin,
        context=("vin", "vehicle", "car", "truck"),
    ),
    PatternSpec(
        builtin("phimin.vehicle.vin_grouped"),
        # "vin number 1HGCM 82633 A004352": a VIN read out in groups, as a transcript
        # writes the pauses, where a word says vehicle (its 17 characters joined hold as one).
        r"(?i)(?<![\w-])(?=[A-HJ-NPR-Z]{0,13}\d)(?=(?:[A-HJ-NPR-Z0-9][ -]?){16}[A-HJ-NPR-Z0-9](?![\w-]))"
        # (each group with a digit: "the plate was ABC 123" is words and a plate)
        r"(?=[0-9 -]{0,19}[A-HJ-NPR-Z])(?=[A-HJ-NPR-Z]{0,13}\d)[A-HJ-NPR-Z0-9]{2,14}"
        r"(?:[ -](?=[A-HJ-NPR-Z]{0,13}\d)[A-HJ-NPR-Z0-9]{2,14}){1,4}(?![\w-])",
        validate=_grouped_vin,
        context=("vin", "vehicle", "car", "truck", "van", "title", "registration"),
        needs_context=True,
    ),
    _labelled(
        "phimin.device.labelled",
        # (not serial sevens or threes, a mental status exam: "serial 7s 93 86 79")
        r"serial(?![ ]+(?:[37]['’]?s|sevens|threes)(?![\w]))|s/n|sn|device[ ](?:id|serial)|model|imei|meid|udi|lot|implant[ ]id|pacemaker",
    ),
    PatternSpec(
        builtin("phimin.device.udi_gs1"),
        # A device's UDI as GS1 prints it under the barcode, taken whole: its device
        # code (01), then dates (11, 17), lot (10) and serial (21): "(01)00643169007222
        # (17)260131(21)A1B2C3" (the serial is the one device a person carries).
        r"(?<![\w)])\(01\)[ ]?\d{14}(?:[ ]?\((?:10|11|17|21)\)[ ]?[A-Za-z0-9-]{1,20}){0,4}(?![\w(])",
        trigger=r"\(01\)",
    ),
    PatternSpec(
        builtin("phimin.device.imei"),
        r"(?<![\w-])\d{15}(?![\w-])",
        validate=v.valid_imei,
    ),
    # --- immigration and legal numbers ------------------------------------------
    _labelled(
        "phimin.a_number.labelled",
        r"a-?number|a\#|alien[ ](?:registration[ ])?(?:number|no|\#)|uscis(?:[ ]number)?"
        # "my resident number is ...", "her green card number", "his a number is ..." (a
        # number of one's own, said: not "a number of things")
        r"|(?:permanent[ ])?resident(?:[ ]card)?[ ](?:number|no|\#)|green[ ]card[ ](?:number|no|\#)"
        r"|(?<=(?<![\w])(?:my|his|her|their|your|our|the)[ ])a[ ]number",
    ),
    PatternSpec(
        builtin("phimin.a_number.format"),
        r"(?<![\w-])A[- ]?\d{3}[- ]?\d{3}[- ]?\d{2,3}(?![\w-])",
    ),
    PatternSpec(
        builtin("phimin.uscis.receipt"),
        r"(?<![\w])(?:EAC|WAC|LIN|SRC|NBC|MSC|IOE|YSC)\d{10}(?![\w])",
    ),
    _labelled(
        "phimin.case_number.labelled",
        # (in Spanish: "el número de mi caso es ...", "mi expediente")
        r"n[uú]mero[ ]de[ ](?:(?:mi|su|tu)[ ])?(?:caso|expediente|reo|recluso|preso)|expediente"
        r"|(?:court[ ])?case|docket|cause|indictment|citation|ticket|warrant|booking"
        r"|inmate|doc(?=[ ]?(?:\#|number|no\b))|prisoner|probation|parole",
    ),
    PatternSpec(
        builtin("phimin.case_number.federal"),
        r"(?i)(?<![\w])\d{1,2}:\d{2}-(?:cr|cv|mj|mc|bk|po|sw)-\d{3,6}(?:-[a-z]{2,4})?(?![\w])",
    ),
    PatternSpec(
        builtin("phimin.case_number.state"),
        r"(?i)(?<![\w])\d{2,4}-?(?:CR|CF|CM|CV|DR|FA|JV|TR|MM|MI|FE|DV|CJ|JD)-?\d{3,8}(?![\w])",
    ),
    PatternSpec(
        builtin("phimin.other_id.national_labelled"),
        # A national, tax or health number of another country after its label:
        # "Aadhaar: 2345 6789 0123", "NHS number 943 476 5919", "PhilHealth no.
        # 12-048219376-4" (its labels in capitals alone are `national_capitals`').
        r"(?i)(?<![\w])(?:social[ ]insurance(?:[ ]number)?"
        r"|national[ ]insurance|nhs|aadhaa?r|pesel"
        r"|personnummer|health[ ]card|ohip|medicare[ ]card|national[ ]id(?:entity)?"
        r"|citizen(?:ship)?[ ]id|identity[ ]card|id[ ]card|tax[ ](?:file[ ])?(?:id|number)"
        r"|codice[ ]fiscale|carte[ ]vitale|cedula|cédula|dni|curp"
        # "umid 0111-4821937-6", "cpr-nummer 140785-4821"
        # (a branch for each first letter: the engine tries fewer at each word)
        r"|p(?:hil[ ]?(?:health|sys)|hic|ag-?ibig|ersonal[ ]health[ ]number)|umid|gsis|sss[ ](?:number|no)"
        r"|emirates[ ]id|c(?:pr[- ]?(?:nummer|number|no)|nic)|nric|ird[ ](?:number|no)"
        r"|r(?:esident[ ]registration(?:[ ]number)?|ut[ ](?:chileno|number|no))"
        r"|employer[ ]identification(?:[ ]number)?|steuer(?:-?id|nummer))(?![\w])"
        rf"{_SEP}{_NATIONAL_VALUE}",
        group="id",
    ),
    PatternSpec(
        builtin("phimin.other_id.national_capitals"),
        # The same after a label in capitals ("sin", "pan", "tin", "run", "nin" in small
        # letters are words): "SIN 046 454 286", "CPF 123.456.789-09", "my TFN is 123 456
        # 782", British Columbia's PHN, the Philippines' TIN, SSS, CRN, PSN, Chile's RUT
        # and RUN, Pakistan's CNIC, Nigeria's NIN and BVN, Korea's RRN, a US employer's
        # EIN, New Zealand's IRD, Singapore's NRIC. (Case-sensitive labels first: the
        # engine finds them quickly.)
        r"(?<![\w])(?:SIN|NI|PAN|TFN|NIE|NIF|BSN|CPF|RFC|NIR|PPS|NINO|CHI|PHN|TIN|SSS|CRN|PSN"
        r"|UMID|RUT|RUN|CNIC|NIN|BVN|RRN|EIN|FEIN|IRD|NRIC)(?![\w])"
        rf"(?i:{_SEP}{_NATIONAL_VALUE})",
        group="id",
    ),
    _labelled(
        "phimin.other_id.migrant_labelled",
        # The papers an immigrant client carries, after their names in English or Spanish:
        # "matricula consular 48213907", "clave de elector ...", "su nss es 51 84 40 2547
        # 1", "visa foil number K7731902", "her i-94 number is 482710396A2", "mi dpi es
        # 2381 90455 0101", "mi identidad es 0801-1990-12345" (a value holds a digit and
        # five characters: "the i-94 form", "no tengo identidad" stay).
        r"matr[ií]cula[ ]consular|n[uú]mero[ ]de[ ]matr[ií]cula|clave[ ]de[ ]elector"
        r"|credencial(?:[ ](?:para[ ]votar|del[ ]ine|de[ ]elector))?|cic|ocr|nss|imss"
        r"|visa[ ](?:foil|control)(?:[ ]number)?|(?:visa[ ])?foil[ ]number|visa[ ]number"
        r"|n[uú]mero[ ]de[ ](?:la[ ])?visa|i-?94(?:[ ]record)?(?:[ ](?:number|no))?"
        r"|admission[ ](?:record[ ])?number|ead(?:[ ]card)?[ ](?:number|no|\#)"
        r"|work[ ]permit(?:[ ]card)?[ ](?:number|no|\#)|dpi|cui"
        r"|(?:n[uú]mero[ ]de[ ]|tarjeta[ ]de[ ])?identidad",
    ),
    PatternSpec(
        builtin("phimin.other_id.mx_nss"),
        # A Mexican IMSS number (NSS), eleven digits, whole or as the card prints them
        # 2-2-2-4-1: "su nss es 51 84 40 2547 1 según el patrón" (its last lone digit is
        # part of it, whatever word follows).
        r"(?i)(?<![\w])(?:nss|imss|n[uú]mero[ ]del[ ]imss)(?:[ ]del[ ]imss)?"
        r"(?:[ ]*(?:is|was|es|era|=|:|\#|number|no\.?|n[uú]mero))*[ ]*"
        r"(?P<id>\d{2}(?P<sep>[ -]?)\d{2}(?P=sep)\d{2}(?P=sep)\d{4}(?P=sep)\d)(?![\w]|[-.,/]\d)",
        group="id",
        trigger=r"(?i)nss|imss",
    ),
    PatternSpec(
        builtin("phimin.other_id.sv_dui"),
        # El Salvador's Documento Único de Identidad, eight digits and a check digit: "my
        # DUI is 04567891-2", "mi dui es 03829174-5" (only that shape: "the dui was 15000
        # dollars" is a fine, "dui in 2019" a charge).
        r"(?i)(?<![\w])(?:dui|documento[ ][uú]nico(?:[ ]de[ ]identidad)?)"
        r"(?:[ ](?:card|number|no\.?|\#|n[uú]mero))?(?:[ ]*(?:is|was|es|era|=|:|\#))*[ ]*"
        r"(?P<id>\d{8}-?\d)(?![\w]|[-.,/]\d)",
        group="id",
        trigger=r"(?i)dui|documento",
    ),
    PatternSpec(
        builtin("phimin.other_id.sin_said"),
        # A Canadian SIN after "sin" in lower case, as speech-to-text writes it: "my sin is
        # 046 454 286" (nine digits, its Luhn check holding: "a sin 100 times over", "sin
        # 20 años" stay words).
        r"(?i)(?<![\w])(?:sin|social[ ]insurance)(?:[ ](?:card[ ])?(?:number|no\.?|\#))?"
        r"(?:[ ]*(?:is|was|es|era|=|:|\#))*[ ]*"
        r"(?P<id>\d{3}(?P<sep>[ -]?)\d{3}(?P=sep)\d{3})(?![\w]|[-.,/]\d|[ ]\d)",
        group="id",
        validate=v.valid_sin_said,
        trigger=r"(?i)sin|insurance",
    ),
    PatternSpec(
        builtin("phimin.other_id.cedula_labelled"),
        # A Latin American cédula after its label and the country's name: "mi cédula
        # dominicana es 001-5260181-1", "cédula de ciudadanía 1.023.456.789", "c.c.
        # 52.318.904", "cedula venezolana V-18.456.293" (thousands dotted, or 3-7-1).
        r"(?i)(?<![\w])(?:c[eé]dula(?:[ ]de[ ](?:identidad|ciudadan[ií]a|extranjer[ií]a))?"
        r"(?:[ ](?:dominicana|colombiana|venezolana|paname[ñn]a|costarricense|ecuatoriana"
        r"|nicarag[uü]ense|paraguaya|uruguaya|chilena|peruana))?|c\.[ ]?[ci]\.)"
        r"(?:[ ](?:number|no\.?|\#|n[uú]mero))?(?:[ ]*(?:is|was|es|era|=|:|\#))*[ ]*"
        r"(?P<id>(?:[ve][ -]?)?(?:\d{1,3}(?:\.\d{3}){1,3}|\d{3}-\d{7}-\d|\d{6,11}))"
        r"(?![\w]|[-.,/]\d)",
        group="id",
        trigger=r"(?i)c[eé]dula|c\.[ ]?[ci]\.",
    ),
    PatternSpec(
        builtin("phimin.other_id.mx_code"),
        # A Mexican CURP, RFC or voter key in either case, its check digit (or its birth
        # date) holding: "curp pelj920708hjcrps00", "mi rfc es goma850314k73".
        r"(?i)(?<![\w])(?:[a-z]{4}\d{6}[hm][a-z]{5}[a-z0-9]\d|[a-z&ñ]{3,4}\d{6}[a-z0-9]{3}"
        r"|[a-z]{6}\d{8}[hm]\d{3})(?![\w])",
        validate=v.valid_mx_code,
        trigger=r"(?i)[a-z]\d{6}",
    ),
    PatternSpec(
        builtin("phimin.other_id.crypto_wallet"),
        # A Bitcoin address (its checksum holds) or an Ethereum one: a wallet is one
        # person's account.
        r"(?<![\w])(?:(?:bc1|[13])[a-zA-HJ-NP-Z0-9]{25,59}|0x[0-9a-fA-F]{40})(?![\w])",
        validate=v.valid_crypto_wallet,
        trigger=r"bc1|[13][a-zA-HJ-NP-Z0-9]{25}|0x[0-9a-fA-F]{40}",
    ),
    PatternSpec(
        builtin("phimin.other_id.crypto_base58"),
        # A wallet of another coin in Base58Check, its checksum holding: Litecoin "L...",
        # Dogecoin "D...", Tron "T..." (any version byte); or an ENS name, "dani48.eth"
        r"(?<![\w.])(?:[1-9A-HJ-NP-Za-km-z]{26,35}|[a-z0-9][a-z0-9-]{2,62}\.eth)(?![\w]|\.[\w])",
        validate=v.valid_base58check,
        trigger=_WALLET_TRIGGER,
    ),
    PatternSpec(
        builtin("phimin.other_id.crypto_cued"),
        # A wallet with no checksum (Solana's, 32-44 Base58 characters, letters of both
        # cases and a digit) where a word says wallet: "my solana wallet is Estc..."
        r"(?<![\w.])(?=[1-9A-HJ-NP-Za-km-z]{0,43}\d)(?=[1-9A-HJ-NP-Za-km-z]{0,43}[a-z])"
        r"(?=[1-9A-HJ-NP-Za-km-z]{0,43}[A-Z])[1-9A-HJ-NP-Za-km-z]{32,44}(?![\w])",
        context=("wallet", "solana", "sol", "phantom", "crypto", "usdt", "usdc", "coin",
                 "coins", "address", "send", "sent", "nft", "token", "tokens"),
        needs_context=True,
        trigger=_WALLET_TRIGGER,
    ),
    # --- anything else that is unmistakably a number for one thing -------------
    _labelled(
        "phimin.other_id.labelled",
        r"id|identification|reference|ref|confirmation|claim|authorization|auth"
        r"|employee[ ]id|student[ ]id|badge|case[ ]manager[ ]id",
    ),
    PatternSpec(
        builtin("phimin.other_id.spoken"),
        # "my member id is w as in william four four two nine one", "the plate is seven k
        # l m four two one", "claim number is ninety one dash four four seven two": a
        # labelled number read aloud, letters, digits and number words, to its last digit.
        rf"(?i)(?<![\w])(?:{_SPOKEN_ID_LABELS})(?:['’]s(?![\w]))?"
        r"(?:,?[ ]+(?:is|was|are|were|it's|its|it|reads|says|said|changed|now|new|like|um|uh|es"
        r"|era|son|el|=|:|\#"
        # "the vin starts one h g c": what it starts or ends with
        r"|(?:starts|started|begins|began|ends)(?:[ ]+(?:with|in))?"
        # "the reference number they gave me is ...", "the case number that she sent was"
        r"|(?:that[ ]+|which[ ]+)?(?:they|she|he|you|i|we|the[ ]+\w+|my[ ]+\w+)[ ]+(?:gave|sent"
        r"|told|got|assigned|issued|wrote|mailed|texted|emailed)(?:[ ]+(?:me|us|her|him|them"
        r"|down))?(?=[ ]+(?:is|was|it's|says|said|reads)[ ])"
        # "the plate on his car was seven k z r four four one"
        r"|on[ ]+(?:his|her|my|the|their|our|your)[ ]+(?:car|truck|van|suv|bike|motorcycle)"
        # "the case number from child protective services is ...": who gave it
        r"|(?:from|with|for|at|on|in)[ ]+(?:[a-z'’]+[ ]+){0,3}?[a-z'’]+"
        r"(?=[ ]+(?:is|was|it's|says|said|reads)[ ])))*"
        # (or one run of four digits or more: "my badge number is 4170"; not a year alone)
        rf",?[ ]+(?P<id>(?!(?:19|20)\d\d(?![\w]))\d{{4,}}(?![\w])"
        # (or a code of letters and digits: "the door code is x7k2", a parcel's "tracking
        # number is 1z999aa10123456784")
        r"|(?=[a-z]{0,3}\d)(?=[a-z0-9]{0,23}[a-z])(?=(?:[a-z]*\d){2})[a-z0-9]{4,24}(?![\w'’-])"
        rf"|(?:{_SPOKEN_ID_TOKEN}[ ,-]+)+{_SPOKEN_DIGIT}"
        # letters after a last dash, where the number ends: "... four four two dash a b"
        rf"(?:[ ]?(?:[ ]dash|[ ]hyphen|-)[ ]?[a-z](?:[ ][a-z]){{0,2}}(?![\w]){_NATURAL_END}"
        rf"|{_SPOKEN_LAST_LETTERS})?)"
        r"(?![\w])",
        group="id",
        validate=_spoken_id_labelled,
        trigger=rf"(?i){_SPOKEN_ID_LABELS}",
    ),
    PatternSpec(
        builtin("phimin.other_id.spoken_letters"),
        # "um x j h four four seven two nine one zero": letters spelled out, then four
        # digits or more, read from a card (no "a" or "i": they are words).
        rf"(?i)(?<![\w'’])(?:[b-hj-np-z][ ,]+){{2,4}}{_SPOKEN_DIGIT}(?:[ ,-]+{_SPOKEN_DIGIT})*",
        validate=_spoken_id,
        # (the look-behind left out: the same lines or more, found in less time)
        trigger=r"(?i)[b-hj-np-z][ ,]+[b-hj-np-z][ ,]",
    ),
    PatternSpec(
        builtin("phimin.other_id.handle_spoken"),
        # "her snap is jessie dot b two", "my venmo is at marco-ruiz-7", "on instagram at
        # lil underscore ray": a handle said aloud after its platform, joined by "dot",
        # "underscore" or a dash, or holding a number (one bare word is left: "my snap
        # is private").
        # (or who one is there: "on snap i'm moonchild dot seven", "add me on snap,
        # moonchild dot seven")
        rf"(?i)(?<![\w])(?:{_PLATFORMS})(?:[ ]+(?:is|was|it's|its|name[ ]is|handle[ ]is|{_ON_IT_AS})"
        r"|,)?"
        rf"[ ]+(?:at[ ]+)?(?P<id>(?!(?:at|is|was)[ ]|{_NUMBER_WORD}(?![\w]))(?=[a-z0-9]*[a-z])"
        # (two words may come before the join: "lil dre underscore official", "sad girl dot
        # exe", "baby girl kay two zero zero six")
        # (no verb or grammar word among them: "the discord server has 4,821 members")
        rf"(?:(?!{_HANDLE_GLUE}){_HANDLE_PART}[ ](?={_HANDLE_PART}(?:[ ]{_HANDLE_PART})?{_HANDLE_SIGNAL})){{0,2}}"
        rf"(?!{_HANDLE_GLUE})(?={_HANDLE_PART}{_HANDLE_SIGNAL})"
        rf"{_HANDLE_PART}(?:{_HANDLE_JOIN}{_HANDLE_PART})*"
        rf"(?:[ ](?:{_NUMBER_WORD}|\d{{1,4}})(?![\w])){{0,4}})(?![\w@.-])",
        group="id",
        trigger=rf"(?i)(?<![\w]){_PLATFORMS}",  # (a word: "ig" is in "thing", "right")
    ),
    PatternSpec(
        builtin("phimin.other_id.handle_said"),
        # "find me on tiktok at sad girl sabrina", "his gamertag is dark wolf seven", "mi
        # insta es la flaca rosita": a handle said as plain words after its platform, to a
        # pause; two words or more after "at", after "is" three or a number said last.
        rf"(?i)(?<![\w])(?:{_PLATFORMS})(?:[ ]+(?:me|her|him|them|us))?"
        r"(?:(?:[ ]+(?:is|was|it's|its|es|era|name[ ]is|handle[ ]is))*[ ]+at[ ]+"
        rf"(?P<id>{_SAID_HANDLE_WORD}(?:[ ]{_SAID_HANDLE_WORD}){{1,3}}?){_HANDLE_END}"
        r"|(?:(?:[ ]+(?:is|was|it's|its|es|era|name[ ]is|handle[ ]is))+[ ]+"
        # (or after a pause where one was told to follow: "follow her on twitter, it's
        # coffee and chaos")
        r"|(?<=(?<![\w])(?:follow|add|find)[ ]+(?:me|her|him|them|us)[ ]+on[ ]+[a-z]+(?:[ ]app)?)"
        r",[ ]+(?:it['’]s|its)[ ]+)"
        rf"(?P<id>(?=(?:{_SAID_HANDLE_WORD}[ ]){{2,3}}[a-z0-9]+{_HANDLE_END}"
        rf"|(?:{_SAID_HANDLE_WORD}[ ]){{1,3}}{_NUMBER_WORD}{_HANDLE_END})"
        rf"{_SAID_HANDLE_WORD}(?:[ ]{_SAID_HANDLE_WORD}){{1,3}}?){_HANDLE_END})",
        group="id",
        validate=_said_handle,
        trigger=rf"(?i)(?<![\w]){_PLATFORMS}",
    ),
    PatternSpec(
        builtin("phimin.other_id.handle_named"),
        # "my tiktok handle is sad beans", "her twitch name is lazy otter", "my username on
        # there is blue heron forty two": two plain words or more after what says they are
        # the name one goes by; or after a platform, when one says it is one word ("his
        # discord is frost wolf all one word").
        rf"(?i)(?<![\w]){_HANDLE_NAMED}(?:[ ]+(?:on|for)[ ]+(?:there|it|that|{_PLATFORM_NAME}))?"
        rf"[ ]+(?:is|was|it['’]s)[ ]+(?P<id>{_SAID_HANDLE_WORD}(?:[ ]{_SAID_HANDLE_WORD}){{1,3}}?)"
        rf"{_HANDLE_END}"
        rf"|(?<![\w]){_PLATFORM_NAME}[ ]+(?:is|was|it['’]s)[ ]+"
        rf"(?P<id>{_SAID_HANDLE_WORD}(?:[ ]{_SAID_HANDLE_WORD}){{1,3}}?)"
        r"(?=,?[ ]+(?:all[ ]+)?(?:one[ ]+word|no[ ]+spaces?)(?![\w]))",
        group="id",
        validate=_named_handle,
        # (what every match holds: a word that names a handle, or the platform's name)
        trigger=rf"(?i)handle|name|gamer|tag|(?<![\w]){_PLATFORM_NAME}(?![\w])",
    ),
    PatternSpec(
        builtin("phimin.other_id.handle_paid"),
        # "he venmo'd me from at big mike two two", "send the rent on venmo to at the real
        # dev": a payment handle said after "to at" or "from at", which only a handle
        # follows (not "to at least two people").
        r"(?i)(?<=(?<![\w])(?:venmo|cash[ ]?app|zelle|paypal)(?:['’]?d|ed)?(?![\w])[^.\n]{0,30}?"
        r"(?<![\w])(?:to|from)[ ]+at[ ]+)"
        # (joined as said: "at luis dash carmona dash eight")
        rf"(?P<id>{_SAID_HANDLE_WORD}(?:[ ]{_SAID_HANDLE_WORD}){{0,5}}?){_HANDLE_END}",
        group="id",
        validate=_paid_handle,
        trigger=r"(?i)(?:to|from)[ ]+at[ ]",
    ),
    PatternSpec(
        builtin("phimin.other_id.handle_underscore"),
        # "it's at luna underscore dreams", "at big underscore sad underscore dan": a handle
        # said aloud after "at" with an underscore in it, on whatever platform.
        rf"(?i)(?<![\w])at[ ]+(?P<id>(?=[a-z0-9]*[a-z]){_HANDLE_PART}"
        # (or written with them: "at sad_girl_fern")
        rf"(?:[ ](?:underscore|dot)[ ]{_HANDLE_PART}|_{_HANDLE_PART})*(?:[ ]underscore[ ]|_)"
        rf"{_HANDLE_PART}(?:[ ](?:underscore|dot)[ ]{_HANDLE_PART}|_{_HANDLE_PART})*"
        rf"(?:[ ](?:{_NUMBER_WORD}|\d{{1,4}})(?![\w])){{0,3}})(?![\w@.-])"
        r"(?![ ]+at[ ])",  # (not an email's name: "dani underscore b at gmail dot com")
        group="id",
        trigger=r"(?i)underscore|_",
    ),
    PatternSpec(
        builtin("phimin.other_id.handle_word"),
        # "my tiktok is at tonydoesrecovery": one long word after a platform and "at" (not
        # a time: "on snapchat at thanksgiving")
        rf"(?i)(?<![\w])(?:{_PLATFORMS})(?:[ ]+(?:is|was|it's|its|name[ ]is|handle[ ]is))?"
        r"[ ]+at[ ]+(?P<id>[a-z][a-z0-9]{9,29})(?![\w@.'’-])",
        group="id",
        validate=_no_time_word,
        trigger=rf"(?i)(?<![\w]){_PLATFORMS}",
    ),
    PatternSpec(
        builtin("phimin.other_id.tag_shaped"),
        # "i play online with xxdarkwolf99", "added shadowreaper77 on xbox": letters, then
        # two to four digits, said where people play or talk online.
        # (not a word and a year: "summer2019")
        r"(?i)(?<![\w@#$.-])[a-z][a-z_]{4,24}(?:\d{2,3}|(?!19|20)\d{4})(?![\w.-])",
        context=(
            "play", "played", "playing", "plays", "game", "games", "gaming", "online", "xbox",
            "playstation", "ps4", "ps5", "discord", "fortnite", "roblox", "minecraft", "squad",
            "server", "lobby", "twitch", "stream", "streams", "tag", "gamertag", "username",
            "handle", "added", "add", "dm", "dms", "messaged", "follow", "follows",
        ),
        needs_context=True,
    ),
    PatternSpec(
        builtin("phimin.other_id.handle"),
        # "@sadgirlsnacks", "her ig is @marisol.bakes": a social-media handle (not an
        # email's "@", which has a word before it).
        # (with a small letter: in a note in capitals "@HOME", "@MGH" mean "at"; from a
        # letter on and three long: "@20mcg", "@4pm", "@nd" are a rate, a time, "and")
        # (Venmo's handles take hyphens: "@marco-ruiz-7")
        r"(?<![\w@.+-])@(?=[\w.-]{0,29}[a-z])[A-Za-z_](?:[A-Za-z0-9_.-]{1,28}[A-Za-z0-9_])"
        r"(?![\w@]|\.[A-Za-z])",
        # (a word of social media near it: alone, "@home", "@rest" mean "at")
        context=_SOCIAL_CONTEXT,
        trigger="@",
    ),
    PatternSpec(
        builtin("phimin.other_id.discord_tag"),
        # a gamer's name with its four-digit tag, as Discord and Battle.net print it:
        # "nightowl#4821", where people play or talk online ("room#4412" is a room)
        r"(?<![\w@#.-])[A-Za-z][\w.]{1,31}\#\d{4}(?![\w])",
        context=(*_SOCIAL_CONTEXT, "battle.net", "battletag", "battle", "gamertag", "game",
                 "gaming", "play", "plays", "played", "playing", "server", "online", "add",
                 "added"),
        needs_context=True,
        trigger=r"\#\d{4}",
    ),
    PatternSpec(
        builtin("phimin.other_id.handle_mixed_case"),
        # a username written in mixed case after its name: "her gamertag is xXsadgirlXx",
        # "username: LunaRae" (a capital inside the word, after a small letter)
        r"(?<![\w])(?i:user[ ]?name|user[ ]?id|login|log-in|screen[ ]name|gamer[ ]?tag"
        r"|psn(?:[ ]id)?|xbox[ ](?:tag|name)|steam[ ](?:name|id))"
        r"(?:[ ]+(?i:is|was)|['’]s|[ ]*:)?[ ]+"
        r"(?P<id>(?=[A-Za-z0-9_.]{0,29}[a-z][A-Z])[A-Za-z][A-Za-z0-9_.]{2,29})(?![\w@.-])",
        group="id",
        trigger=r"(?i)user|log|screen|gamer|psn|xbox|steam",
    ),
    PatternSpec(
        builtin("phimin.other_id.skype"),
        # A Skype name as Skype writes a newer one, "live:" glued to it: "skype:
        # live:dana.w_1", "live:.cid.4f2a91" (a colon then no space: "we live: two kids" is
        # a sentence)
        r"(?i)(?<![\w:])live:(?=[\w.-]{0,40}[a-z0-9])\.?[a-z0-9][\w.-]{1,40}(?<![.-])(?![\w])",
        trigger=r"(?i)live:[\w.]",
    ),
    PatternSpec(
        builtin("phimin.other_id.cashtag"),
        # "my cashapp is $tmoney4", "cash app dollar sign t money four": a Cash App
        # name, written or said, near the app's name (alone "$tmoney" is rare; "$5" no name).
        # (said, "dollar sign" is its "$": "my cashtag is [ID]", not "dollar sign [ID]")
        r"(?i)(?<![\w$])(?P<id>\$[a-z][a-z0-9_]{1,19})(?![\w])"
        r"|(?<=(?:cash[ ]?app|cash[ ]?tag)[^.\n]{0,20}?)(?P<id>dollar[ ]sign[ ](?:[a-z0-9]+[ ]){0,3}"
        r"[a-z0-9]+)"
        r"(?=[ ]*(?:[.,;!?]|$)|[ ]+(?:if|and|so|please|when|or|thanks|for|to|by|today"
        r"|tonight|now)(?![\w]))"
        # (or the app named after it: "she goes by dollar sign lily pad on cash app")
        r"|(?<![\w])(?P<id>dollar[ ]sign[ ](?!(?:is|was|and|or|on|in)[ ])(?:[a-z0-9]+[ ]){0,3}?"
        r"[a-z0-9]+)(?=[ ]+on[ ]+(?:cash[ ]?app|venmo)(?![\w]))",
        group="id",
        context=("cash", "cashapp", "cashtag", "app", "venmo", "send", "sent", "pay", "paid"),
        needs_context=True,
        trigger=r"(?i)\$[a-z]|dollar[ ]sign",
    ),
    PatternSpec(
        builtin("phimin.other_id.handle_shaped"),
        # "@john_gmail", "@janedoe42": a handle with an underscore or a digit needs no word
        # of social media near it (from a letter on: "@4pm", "@20mcg" are no handles).
        # (in capitals with an underscore too, or from one: "@_RIO_MAR77")
        r"(?<![\w@.+-])@(?=[A-Za-z0-9_.]{0,29}[_\d])(?=[\w.-]{0,29}[a-z]|[A-Z0-9_.]{0,29}_)"
        r"[A-Za-z_][A-Za-z0-9_.-]{1,28}[A-Za-z0-9_](?![\w@]|\.[A-Za-z])",
        trigger="@",
    ),
    PatternSpec(
        builtin("phimin.device.mac_labelled"),
        # "MAC: 00:11:22:33:44:55", "hardware address is 00-1a-...", "device id
        # aabb.ccdd.eeff": after its label a MAC needs no letter among its digits, and may
        # be written in Cisco's dotted form
        rf"(?i)(?<=(?<![\w]){_MAC_LABEL}(?![\w])[ ]*(?:(?:is|was|were|are|=|:|\#|no\.?|number)[ ]*){{0,2}})"
        r"(?:(?:[0-9a-f]{2}(?P<sep>[:-])(?:[0-9a-f]{2}(?P=sep)){4}[0-9a-f]{2}"
        r"|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})(?![\w:-]|\.[0-9a-z])"
        # twelve hex digits run together after a MAC's own label: "mac 3c22fb9a104e"
        # (after "serial" or "device" such a run is a serial, `device.labelled`'s)
        r"|[0-9a-f]{12}(?![\w:.-])(?<=[a-f]\d{0,11})(?<=(?<![\w])(?:macs?(?:[ ]address)?"
        r"|(?:hardware|physical|wi-?fi|bluetooth|ethernet)[ ]address)[ ]*(?:(?:is|was|=|:|\#)[ ]*){0,2}"
        r"[0-9a-f]{12}))",
        validate=_mac_digits,
        trigger=rf"(?i){_MAC_LABEL}",
    ),
    PatternSpec(
        builtin("phimin.device.mac"),
        # "3c:22:fb:9a:01:7e", "A4-5E-60-C2-11-0D", "3c22.fb9a.017e": a MAC address.
        r"(?i)(?<![\w:.-])(?:[0-9a-f]{2}(?P<sep>[:-])(?:[0-9a-f]{2}(?P=sep)){4}[0-9a-f]{2}"
        r"|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}"
        # read out in pairs after its label: "the mac address was a4 c3 f0 85 ac 2d"
        r"|(?<=mac(?:[ ]address)?(?:[ ]+(?:is|was|it's|=|:))?[ ]+)[0-9a-f]{2}(?:[ ][0-9a-f]{2}){5})"
        r"(?![\w:-]|\.[0-9a-z])",
        validate=v.valid_mac,
        # (in the separated forms: "3c:22", "22.fb"; the pairs read out follow "mac" on
        # their line)
        trigger=r"(?i)[0-9a-f]{2}[:.-][0-9a-f]{2}|mac",
    ),
    PatternSpec(
        builtin("phimin.other_id.hash_number"),
        r"(?<![\w&])\#[ ]?\d{4,}(?![\w])",
    ),
    PatternSpec(
        builtin("phimin.other_id.long_number"),
        # (not the digits of a memory test, read out spaced and joined in the detection
        # view: "digits backward: 5 8 2 9 1 4 7", "he repeated 3 9 1 7 4 8 2")
        r"(?<![\w.,/$-])(?=\d{7})(?<!(?i:(?<![\w])(?:digit[ ]span|digits|forwards?|backwards?|repeat(?:ed|s)?"
        r"|recalled))[^\n\d]{0,12}(?:\d{1,2}[^\n\d]{1,4})?)\d{7,}(?![\w,/%]|[.-]\d)",
        validate=_not_a_count,
    ),
    PatternSpec(
        builtin("phimin.other_id.code_lower"),
        # a passport's or a card's number typed in small letters, one to three letters
        # then six to nine digits: "rk4817263", "Tqa0571934" (in capitals it is a code,
        # above; a word is never glued to six digits)
        r"(?<![\w@#$.-])(?=[A-Z]{0,2}[a-z])[A-Za-z]{1,3}\d{6,9}(?![\w-])",
        trigger=r"[a-z]\d{6}",
    ),
    PatternSpec(
        builtin("phimin.other_id.code"),
        # (not settings and amounts such as 600X12 or 1000U, nor an ISO date and time)
        r"(?<![\w-])(?!\d+[XU]\d*(?![\w-]))(?!\d{4}-\d{2}-\d{2}T\d)(?=[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])"
        r"[A-Z0-9]+(?:-[A-Z0-9]+)*(?![\w-])",
    ),
)
