"""Geographic subdivisions smaller than a state: ZIP codes, counties and named
facilities. Street addresses are in `addresses`; cities come from the gazetteer and
the NER model.

A five-digit number alone is not taken for a ZIP code (CPT codes such as 90837 are
five digits too): it needs a state before it or a "zip" label. Named facilities
("Larchmont Memorial Hospital", "St. Brigid", "transferred to KMH") are found by
`FacilityRecognizer`, which reads the words before a facility noun one by one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.base import PhiminRecognizer
from phimin._detect.case import CaseMode, case_of
from phimin._detect.clinical import is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.geography import FAMOUS_SITES, load_places
from phimin._detect.institutions import institutions
from phimin._detect.landmarks import landmarks
from phimin._detect.lexicon import NameLexicon, fold_accents
from phimin._detect.lines import finditer_by_line, finditer_in, lines_with, lines_with_words
from phimin._detect.named_venues import named_venues
from phimin._detect.patterns import PatternSpec
from phimin._detect.school_acronyms import school_acronyms, school_short_names
from phimin._detect.turn_answers import answered_places
from phimin._detect.words import (
    BRAND_ALTERNATION,
    BRANDS,
    FILLERS,
    PLACE_KINDS,
    SPANISH_TIMES,
    STATE_CODES,
    STREET_NAMES,
    TITLES,
    US_STATE_NAMES,
    alternation,
    longest_first,
)
from phimin._lazy_regex import lazy

__all__ = [
    "FACILITY_KINDS",
    "PLACE_SPECS",
    "FacilityRecognizer",
    "facility_kind",
    "without_kind",
]


_STATE_CODE = "(?:" + "|".join(STATE_CODES) + ")"
_STREET_TYPE = (
    r"street|avenue|ave|road|rd|lane|ln|drive|boulevard|blvd|way|terrace|parkway|pkwy|highway"
    r"|hwy|pike|trail|st\."
)
# Words that describe a street without naming it ("the main road", "a dirt road").
_PLAIN_STREET_WORDS = frozenset(
    """main same next dirt gravel paved back side busy quiet long short wrong right left other
    one-way private public country city town old new big little small narrow wide dark
    front bumpy steep windy icy first last nearest closest local whole entire memory fast
    slow bike bus carpool passing express toll high low""".split()
)


def _named_street(value: str) -> bool | None:
    """A street's own name, not its description: "marigold street", "old mill road"."""
    if value.lower() in _STREET_IDIOMS:
        return False
    words = value.lower().split()[:-1]  # without the street type
    if words and words[0] == "the":
        words = words[1:]
        # "the old mill road" names one; "the main road" describes one
        if all(w in _PLAIN_STREET_WORDS for w in words):
            return False
    if not words or any(w in STOP_WORDS for w in words):
        return False
    if value.lower().endswith("way") and len(words) == 1 and words[0] in _NOT_A_WAY:
        return False  # "we used to live way out", "to find way home"
    if value.lower().endswith("lane") and words[-1] in _ROAD_LANES:
        return False  # "cut me off in the turn lane": a lane of a road
    return None


# Streets only said as a figure of speech ("down memory lane").
_STREET_IDIOMS = frozenset({"memory lane", "easy street", "the high road", "the low road"})
# Lanes of a road, not a street named Lane: "cut me off in the turn lane".
_ROAD_LANES = frozenset(
    "turn left right fast slow bike bus carpool passing middle inside outside express hov exit"
    " far other wrong".split()
)
# Words before "way" that make it a manner or a distance, not a street.
_NOT_A_WAY = frozenset(
    "live lives lived living go goes went get gets got find make give lose pay work half long"
    " right wrong fair easy hard same other".split()
)


def _not_a_state(value: str) -> bool | None:
    """A part of town, not of a state or a country: "the north side of ohio" is no
    town's (the policy keeps a state)."""
    if value.lower() in load_places().not_below_state:
        return False
    return None


def _named_county(value: str) -> bool | None:
    words = value.lower().split()[:-1]
    if not words or any(w in STOP_WORDS or w in _PLAIN_STREET_WORDS for w in words):
        return False
    return None


# The UK's postcode areas (BX is the Royal Mail's non-geographic area).
_UK_AREAS = "|".join(
    sorted(
        """AB AL B BA BB BD BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH
        DL DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA
        KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO
        PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W
        WA WC WD WF WN WR WS WV YO ZE""".split(),
        key=len,
        reverse=True,
    )
)

_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday lunes martes miércoles"
    " miercoles jueves viernes sábado sabado domingo every".split()
)
_PLACE_GRAMMAR = frozenset(
    "origen nacimiento cerca lejos enfrente junto atrás atras detrás detras near past right"
    " left número numero".split()
)
# A house number said in Spanish after its street: "la calle hidalgo número ciento
# veinte", "número 1420", "número mil doscientos cuarenta".
_ES_NUMBER_WORD = (
    r"(?:mil|cien|ciento|doscientos|trescientos|cuatrocientos|quinientos|seiscientos"
    r"|setecientos|ochocientos|novecientos|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve"
    r"|diez|once|doce|trece|catorce|quince|dieci\p{L}+|veinti\p{L}+|veinte|treinta|cuarenta"
    r"|cincuenta|sesenta|setenta|ochenta|noventa|cero)"
)
_ES_HOUSE_NUMBER = (
    rf"(?:\d{{1,5}}[a-z]?|{_ES_NUMBER_WORD}(?:[ ]+(?:y[ ]+)?{_ES_NUMBER_WORD}){{0,5}})(?![\w])"
)
_SPANISH_NUMBERS = frozenset(
    "uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince"
    " veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa cien".split()
)
# A word of a place's name after its kind in Spanish: no grammar, in Spanish or English.
_PLACE_WORD = (
    r"(?!(?:"
    + alternation(
        longest_first(
            (STOP_WORDS | SPANISH_STOP_WORDS | _WEEKDAYS | _PLACE_GRAMMAR | SPANISH_TIMES)
            - {"san", "santa"}
            - _SPANISH_NUMBERS  # ("calle ocho")
        )
    )
    + r")(?![\w'’]))\p{L}[\p{L}'’-]*"
)

# A place's name after its kind in Spanish, which may hold its own article or "de" ("la
# colonia del valle", "el rancho los pinos"); after "de" or "del", no one's kin or a
# part of town ("el rancho de mi tío", "el barrio del abuelo", "la colonia del centro").
_SPANISH_KIN = (
    r"abuel[oa]s?|t[ií][oa]s?|pap[aá]|mam[aá]|padres?|madre|herman[oa]s?|prim[oa]s?|familia"
    r"|espos[oa]|novi[oa]|amig[oa]s?|vecin[oa]s?|patr[oó]n|centro|norte|sur|este|oeste|otr[oa]"
    r"|lado|pueblo|ma[ñn]ana|tarde|noche|semana|a[ñn]o|mes|d[ií]a|gente|casa|escuela|iglesia"
    r"|ciudad|trabajo"
)
_SPANISH_ARTICLE = (
    rf"(?:(?:del|de[ ]la|de[ ]los|de[ ]las|de)[ ]+(?!(?:{_SPANISH_KIN})(?![\w]))"
    r"|(?:la|las|los|el)[ ]+)"
)
# (nor the verb after it: "en el barrio de san sebastián vivíamos")
_PLACE_VERB = r"\p{L}+(?:íamos|iamos|ábamos|abamos|aron|ieron)(?![\w])"
_SPANISH_REST = (
    rf"{_PLACE_WORD}(?:[ ]+{_SPANISH_ARTICLE}?(?!{_PLACE_VERB}){_PLACE_WORD}){{0,2}}"
)
# (a name that opens with its article ends at a pause, not a verb: "el barrio la loma, y",
# not "en el barrio la gente es buena")
_SPANISH_NAME = (
    rf"(?:{_SPANISH_REST}|{_SPANISH_ARTICLE}{_SPANISH_REST}(?=[ ]*(?:[.,;!?]|$)|[ ]+{_PLACE_VERB}|[ ]+(?:y|pero"
    r"|porque|cuando|donde|en|a|al|de|con|desde|hasta|por|para|ahora|and|but|in|with|when|now"
    # (or a word of time or place after it: "vive en el barrio de tepito todavía")
    r"|todav[ií]a|tambi[eé]n|ya|hace|aqu[ií]|all[aá]|all[ií]|still|too"
    r"|since|for|because|so|until|where)(?![\w'’])))"
)

# Shops, schools and chapels Spanish names after their kind, the name with its own
# article ("la tortillería la esperanza", "el salón los arcos").
_SHOP_KINDS_ES = (
    r"tortiller[ií]a|taquer[ií]a|panader[ií]a|carnicer[ií]a|fruter[ií]a|paleter[ií]a"
    r"|lavander[ií]a|papeler[ií]a|zapater[ií]a|ferreter[ií]a|poller[ií]a|never[ií]a"
    r"|dulcer[ií]a|peluquer[ií]a|tienda|tiendita|abarrotes|fonda|cantina|restaurante"
    r"|sal[oó]n|est[eé]tica|escuela|escuelita|capilla|parroquia|llanter[ií]a|taller"
)
# What follows a shop's article and is no name of it: who is there, when, what is
# sold ("en la tienda la señora", "en la panadería el pan", "en la escuela los niños").
_SHOP_NOT_NAME = (
    r"se[ñn]ora|se[ñn]or|due[ñn][oa]|cajer[oa]|encargad[oa]|maestr[oa]s?|directora?"
    r"|gente|ni[ñn][oa]s|muchach[oa]s?|chav[oa]s|polic[ií]a|doctora?|jef[ea]|semana"
    r"|mes|a[ñn]o|d[ií]a|noche|tarde|ma[ñn]ana|vez|otra|otro|misma|mismo|pan|comida"
    r"|carne|leche|ropa|renta|luz|agua|verdad|primera|primero|[uú]ltima|[uú]ltimo|hora"
    r"|mayor[ií]a|mitad|fila|puerta|entrada|salida|cuenta|nueva|nuevo|mam[aá]|pap[aá]"
    r"|que|cual|dem[aá]s|mujeres|hombres|carros|perros|vecin[oa]s|polic[ií]as"
)

# Kinds of street in Spanish ("la calle hidalgo", "la privada de los pinos").
_STREET_KINDS_ES = (
    r"calle|avenida|privada|cerrada|calzada|callej[oó]n|andador|circuito|prolongaci[oó]n"
    r"|bulevar"
)
# What a number before it counts, no street's: "caminé por la calle tres horas".
_COUNTED = r"(?:veces|a[ñn]os|d[ií]as|horas|cuadras|semanas|meses|minutos)(?![\w])"
_MONTHS_ES = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre)"
)
# A verb after a shop's word, its article a pronoun: "la escuela la dejé", "el taller
# lo cerraron" (a past or imperfect ending no shop's name has).
_CLITIC_VERB = r"\p{L}+(?:é|ó|aron|ieron|eron|aba|aban|ían|amos|imos)(?![\w])"


# Where someone stays, a name before a kind of house ("we stayed at hope haven", "a bed
# at harbor light"); never someone's own ("at my mom's house", "at grandma house").
_SHELTER_KINDS = (
    r"haven|house|light|lodge|manor|commons|village|gardens|inn|refuge|center|centre|harbor"
    r"|harbour|home|shelter|towers|ranch"
)


# Words that make a house a place to eat or a kind of house, no one's shelter ("we took
# her to pizza house", "the coffee house", "a tree house").
_NOT_A_SHELTER_HOUSE = frozenset(
    """pizza coffee steak waffle pancake tea burger noodle sushi taco chicken bagel donut pie
    smoke ale beer wine chop curry pho ramen dumpling opera fun club frat tree boat bath
    guest dog green white open full ware play doll bounce haunted fire court school""".split()
)


def _no_chain(value: str) -> bool | None:
    """A chain's name places no one ("we dropped him off at waffle house"), nor does a
    house to eat at or play in ("took her to pizza house", "to the bounce house")."""
    lowered = value.lower().replace("’", "'")
    if lowered in BRANDS or lowered.split()[0] in _NOT_A_SHELTER_HOUSE:
        return False
    return None
_NOT_A_SHELTER_NAME = (
    r"the|a|an|my|his|her|our|their|your|this|that|some|one|grandma|grandpa|granny|nana|mom"
    r"|dad|mama|papa|aunt|auntie|uncle|tia|tía|abuela|friend|friends|group|halfway|foster"
    r"|nursing|sober|safe|care|boarding|rooming|trap|crack|frat|big|little|tiny|old|new"
)
# ...nor before a word a place's name ends with: what kind of house or park it is
# ("at coffee house", "the open house", "at skate park").
_NOT_A_HOME_NAME = frozenset(_NOT_A_SHELTER_NAME.split("|")) | frozenset(
    """open coffee fire court school white lake beach guest club tree bath boat fun full
    opera ware frat safe halfway sober group dog skate water trailer green hen ranch
    country summer winter town city dream play round home boyfriend girlfriend cousin sister
    brother neighbor neighbour son daughter baby wife husband parents family""".split()
)
_SPOKEN_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three"
    r"|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_RIDDEN = (
    r"take|takes|took|taking|ride|rides|rode|riding|catch|catches|caught|catching|on|off"
    r"|onto|to|transfer[ ]to|switch[ ]to|wait[ ]for|waiting[ ]for|waited[ ]for|missed"
)
_ORDINAL_WORD = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|\d{1,2}(?:st|nd|rd|th)"
)

# What follows "the north side of" and is no town: grammar, a building, a body, a
# state's or a town's own word ("the west side of town", "the south side of my face").
_NOT_A_TOWN_AFTER_PART = (
    r"the|a|an|my|his|her|our|their|your|this|that|these|those|it|me|him|us|them|you|town"
    r"|city|downtown|midtown|uptown|there|here|campus|state|county|country|island|lake"
    r"|river|building|house|road|street|highway|interstate|bridge|park|mall|hospital|school"
    r"|world|planet|map|globe|things|life|each|every|all|both|one|which|what|nowhere"
    r"|somewhere|anywhere|everywhere|hell|heaven|paradise"
)
# A town's first word when the name has two ("the east side of san antonio").
_TOWN_FIRST_WORDS = (
    r"san|santa|st|saint|new|fort|port|mount|el|la|los|las|lake|palm|grand|little|baton"
    r"|salt|kansas|oklahoma|long|corpus|des|sioux|cedar|green|rock|ann|virginia|jersey"
    r"|east|west|north|south"
)

# Words of where someone lives, lived or moved, before "in" or "to" and a place.
_LIVED_IN = (
    r"live[sd]?|living|moved|moving|move|born|grew[ ]up|stay(?:s|ed|ing)?|reside[sd]?|residing"
)

PLACE_SPECS: tuple[PatternSpec, ...] = (
    PatternSpec(
        builtin("phimin.location.transit"),
        # "i take the number nine bus", "rode the 14 bus", "took the red line down": a
        # bus route or a train line by its number or colour, ridden or waited for (not
        # "a red line on the skin", "a ten minute bus ride")
        rf"(?i)(?<=(?<![\w'’])(?:{_RIDDEN})[ ]+the[ ]+)(?P<line>(?:number[ ]+)?"
        rf"(?:\d{{1,3}}[a-z]?|{_SPOKEN_NUMBER})[ ]+(?:bus|train|streetcar|trolley)"
        r"|(?:red|blue|green|orange|yellow|silver|purple|brown|pink|gold)[ ]+line)(?![\w'’-])",
        group="line",
        trigger=r"(?i)(?<![\w])(?:bus|train|streetcar|trolley|line)(?![\w])",
    ),
    PatternSpec(
        builtin("phimin.location.city_ward"),
        # "grew up in the fifth ward", "we're in the ninth ward with my aunt": a city's
        # ward by its number, where someone lives or is from (New Orleans, Houston)
        rf"(?i)(?<=(?<![\w'’])(?:in|from|to|out[ ]of|of)[ ]+the[ ]+)(?P<ward>(?:{_ORDINAL_WORD})"
        r"[ ]+ward)(?![\w'’-])",
        group="ward",
        trigger=r"(?i)(?<![\w])ward(?![\w])",
    ),
    PatternSpec(
        builtin("phimin.location.shelter"),
        r"(?i)(?<=(?<![\w'’])(?:stayed|stay|stays|staying|lived|placed|bed|room|spot|cot"
        r"|slept|sleeping|intake"
        # (or held, sent or treated there: "he's locked up in twin towers", "they took her
        # to sunrise house for detox", "a program at new dawn ranch")
        r"|locked[ ]up|program|detox|admitted|checked|sent|(?:took|drove|brought|dropped|sent)[ ]+"
        r"(?:him|her|me|us|them))[ ]+(?:at|in|into|to|over[ ]at|off[ ]at)[ ]+)"
        rf"(?!(?:{_NOT_A_SHELTER_NAME})[ ])(?P<place>\p{{L}}[\p{{L}}-]*(?:[ ](?!(?:{_NOT_A_SHELTER_NAME})[ ])"
        rf"\p{{L}}[\p{{L}}-]*)?[ ](?:{_SHELTER_KINDS}))(?![\w'’-])",
        group="place",
        validate=_no_chain,
        trigger=rf"(?i)(?<![\w'’])(?:{_SHELTER_KINDS})(?![\w'’-])",
    ),
    PatternSpec(
        builtin("phimin.location.prison"),
        # "he did eighteen months at sci greene", "my son's at fci elkton": a state or a
        # federal prison by its short name, the kind first (not "sci fi", "a sci class",
        # "usp grade" water)
        r"(?i)(?<![\w'’-])(?:sci|fci|usp|fmc|fpc)[ -](?!(?:fi|class|classes|major|teacher"
        r"|department|project|fair|museum|grade|standards?|verified|reference|and|or|is|was"
        r"|the|a|an|to|in|on|at|for)(?![\w'’-]))\p{L}[\p{L}'’-]+"
        r"(?:[ ](?:hill|river|valley|creek|rock|run|mountain|city|county|park|point|camp))?(?![\w'’-])",
        trigger=r"(?i)(?<![\w'’-])(?:sci|fci|usp|fmc|fpc)[ -]",
    ),
    PatternSpec(
        builtin("phimin.location.burial"),
        # "my dad is buried at holy cross", "she was laid to rest in oak hill": where
        # someone lies is a place by its own name (not "buried at sea", "in the yard")
        r"(?i)(?<![\w'’])(?:is|was|are|were|got|be|been|being|get|gets)[ ]+(?:buried"
        r"|laid[ ]to[ ]rest|interred)[ ]+(?:at|in|out[ ]at|over[ ]at|up[ ]at|down[ ]at)[ ]+"
        r"(?!(?:the|a|an|my|his|her|our|their|your|this|that|sea|home|back|there|here"
        r"|mexico|puerto|work|paperwork|homework|debt|bills|snow|laundry|emails|papers|stuff"
        r"|it|them|blankets|sand)(?![\w'’]))"
        r"(?P<place>\p{L}[\p{L}'’-]*(?:[ ]\p{L}[\p{L}'’-]*){0,2}?)"
        r"(?=[ ]*(?:[.,;!?]|$)|[ ]+(?:and|cemetery|memorial|next|with|by|where|near|so|but|i|we"
        r"|he|she|they|on|since|because|cause|right|now|today|in)(?![\w'’]))",
        group="place",
        trigger=r"(?i)buried|laid[ ]to[ ]rest|interred",
    ),
    PatternSpec(
        builtin("phimin.zip.after_state"),
        rf"(?<![\w]){_STATE_CODE}\.?,?[ ]{{1,2}}(?P<zip>\d{{5}}(?:-\d{{4}})?)(?![\w-])",
        group="zip",
    ),
    PatternSpec(
        builtin("phimin.zip.plus4"),
        # A ZIP+4 where what is before it says it is one: a state's name ("Salem, Oregon
        # 97301-1188", and a five-digit ZIP after a town and a state's name), its label
        # ("ZIP+4: 97214-3301"), or a town's name and a comma ending an address line
        # ("Bend, 97701-4412"); never a range ("10000-2000 cells") or an accession number.
        rf"(?<=(?<![\w])(?-i:{alternation(US_STATE_NAMES)}),?[ ]{{1,2}})\d{{5}}-\d{{4}}(?![\w-]|[.,]\d)"
        rf"|(?<=(?<![\w])\p{{Lu}}\p{{Ll}}{{2,}},[ ](?-i:{alternation(US_STATE_NAMES)})[ ]{{1,2}})\d{{5}}"
        r"(?![\w-]|[.,]\d|[ ]*(?:%|percent|dollars?|miles?|people))"
        r"|(?<=(?i:(?<![\w])zip[ ]?(?:\+|plus)[ ]?(?:4|four)(?:[ ]codes?)?)[ ]*(?:is|was|:|#)?[ ]*)"
        r"\d{5}-\d{4}(?![\w-]|[.,]\d)"
        r"|(?<=(?<![\w])(?!(?:Range|Ranges|Count|Counts|Total|Totals|Accession|Specimen|Sample|Lab"
        r"|Labs|Order|Orders|Case|Claim|Invoice|Ref|Reference|Batch|Lot|Policy|Account|Group"
        r"|Member|Serial|Ticket|Item|Model|Part|Code|Codes|Score|Scores|Dates|Years)[ ,])"
        r"\p{Lu}\p{Ll}{2,}(?:[ ]\p{Lu}\p{Ll}{2,}){0,2},[ ])\d{5}-\d{4}"
        r"(?=[ ]*[.;]?[ ]*(?:$|\n|USA(?![\w])))",
        trigger=r"\d{5}",
    ),
    PatternSpec(
        builtin("phimin.zip.labelled"),
        # After its label any postal code's shape counts ("ZIP: 3962", "postcode B0J 2H0",
        # "zip 60614-220"): the label says what it is.
        r"(?i)(?<![\w])(?:zip|zipcode|zip[ ]code|postal[ ]code|postcode|post[ ]code)s?[ ]*"
        rf"(?:is|are|were|was|:|#|no\.?)?[ ]*(?P<zip>(?=[A-Za-z]{{0,5}}\d)[A-Za-z\d]{{2,6}}"
        # (the second part in capitals, or a UK inward code in any case: "sw1a 0aa")
        rf"(?:[ -](?!{_STATE_CODE}(?![\w]))(?:(?-i:[A-Z\d]{{2,4}})|(?<=[A-Za-z]\w{{1,3}}[ ])\d[a-z]{{2}}))?"
        # (said digit by digit: "my zip is six oh six two three" reads "6 0 6 2 3")
        r"|\d(?:[ ,]+\d){4}(?![ ,]*\d))"
        r"(?![\w-])(?<=[\w]{3}|[\w][ -][\w]{2,}|\d)"
        # or its label after it: "we're in the 15213 zip code", "she's over in the 16146
        # area" (five digits, where someone is; not "the 10000 steps area")
        r"|(?<![\w.,/-])(?P<zip>\d{5})(?:[ ]+(?:zip(?:[ ]?codes?)?|zipcode|postal[ ]code)(?![\w])"
        r"|(?<=(?<![\w])(?:in|near|around|from|out[ ]of)[ ]+the[ ]+\d{5})[ ]+area(?![\w]))",
        group="zip",
        trigger=r"(?i)zip|postal|post[ ]?code|\d{5}[ ]+area",
    ),
    PatternSpec(
        builtin("phimin.zip.listed"),
        # "the zips were 90210 and 09865", "zip codes 21204, 21286 or 21093": every ZIP
        # in a list after its label, not only the first.
        r"(?<=(?:(?i:(?<![\w])(?:zip|zipcode|zip[ ]code|postal[ ]code|postcode)s?(?![\w]))"
        r"[^.;\n]{0,40}?"
        # or after a ZIP found where someone lived or after a state: "lived in 90210 and
        # 09865", "CA 90210, 10001 and 60614"
        rf"|(?i:(?<![\w])(?:{_LIVED_IN})[ ]+(?:in|to|near|at)[ ]+)|(?<![\w]){_STATE_CODE}\.?,?[ ]{{1,2}})"
        r"(?:\d{5}(?:-\d{4})?(?:,|,?[ ]+(?:and|or|&))[ ]+){1,6})"
        r"\d{5}(?:-\d{4})?(?![\w-])(?![ ]*(?:%|percent|dollars?|bucks|miles?|people|steps))",
    ),
    PatternSpec(
        builtin("phimin.zip.uk"),
        # "M1 1AA", "EC3M 5AD", "BX1 1LT": a UK postcode, in capitals: one of the postcode
        # areas, then the district, the sector and a unit (whose letters never hold C, I, K,
        # M, O or V).
        rf"(?<![\w-])(?:{_UK_AREAS})\d[A-Z\d]?[ ]?\d[ABD-HJLNP-UW-Z]{{2}}(?![\w-])"
        # (in lower case only where someone lives, moved or writes from: "moved from m1 1ae")
        r"|(?<=(?i:(?<![\w])(?:from|in|to|at|near|postcode|post[ ]code))[ ]+)"
        rf"(?i:(?:{_UK_AREAS})\d[A-Z\d]?[ ]?(?!\d(?:st|nd|rd|th)(?![\w]))\d[ABD-HJLNP-UW-Z]{{2}})(?![\w-])",
        trigger=r"(?i)\d[A-Z]{2}",
    ),
    PatternSpec(
        builtin("phimin.zip.where_lived"),
        # "he lived in 90210.", "we moved to 60614": a ZIP where someone lives or lived.
        rf"(?i)(?<=(?<![\w])(?:{_LIVED_IN})[ ]+(?:in|to|near|at)[ ]+)(?P<zip>\d{{5}}(?:-\d{{4}})?)(?![\w-])"
        r"(?![ ]*(?:%|percent|dollars?|miles?|people|steps))",
        group="zip",
    ),
    PatternSpec(
        builtin("phimin.location.county"),
        r"(?<![\w])(?:[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?|[A-Z]{3,}(?:[ ][A-Z]{3,})?)[ ]"
        r"(?:County|Parish|Borough|COUNTY|PARISH)(?![\w])",
        trigger=r"(?i)county|parish|borough",
    ),
    PatternSpec(
        builtin("phimin.location.county_spoken"),
        # "we just moved to jefferson county", "my family's from harlan county": a county
        # after a word of place, in any case.
        r"(?i)(?<=(?<![\w'’])(?:in|from|to|of|near|outside|at|moved[ ]to|out[ ]in|lives?[ ]in"
        r"|lived[ ]in|grew[ ]up[ ]in)[ ]+)(?:the[ ]+)?\p{L}[\p{L}'’.-]+(?:[ ]\p{L}[\p{L}'’.-]+)?"
        r"[ ]+(?:county|parish|borough)(?![\w])",
        validate=_named_county,
        trigger=r"(?i)county|parish|borough",
    ),
    PatternSpec(
        builtin("phimin.location.neighborhood"),
        # "we lived in boyle heights", "she grew up in rogers park", "my tía is in little
        # saigon": a neighborhood after a word of place, a name word and a word that
        # makes a place of it (or "little" before a country or a city).
        r"(?i)(?<=(?<![\w'’])(?:in|from|to|near|around|outside|moved[ ]to|out[ ]in|over[ ]in"
        r"|lives?[ ]in|lived[ ]in|grew[ ]up[ ]in|raised[ ]in)[ ]+)"
        r"(?:(?!(?:the|an?|my|his|her|their|our|your|this|that|some|state|national|city|county"
        r"|public|local|big|small|trailer|dog|water|amusement|theme|car|ball|skate|office"
        r"|business|industrial|mobile|these|those|one|any|every|each|no|what|which|new|full"
        r"|plain|clear|last|next|first|second|third|fourth|final|high|low|middle|certain"
        r"|another|other|same|whole|his|its"
        # (a number said, "from nine point one to seven point four": an a1c, no place)
        r"|zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty"
        r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)[ ])\p{L}[\p{L}'’-]+[ ]+)"
        r"(?:heights|park|hills|village"
        r"|gardens|terrace|springs|ridge|harbor|harbour|meadows|estates|acres|manor|commons"
        r"|slope|flats|hollow|grove|valley|point|woods|crossing|landing|glen|shores|pines"
        r"|oaks|lakes|quarter|junction|corners"
        # (a row of a town, not of seats or of a prison: "in skid row", not "in death row")
        r"|(?<!(?:death|front|back|corn|cane|bean|top|bottom|end|seat|one|two|three)[ ])row)"
        r"(?![\w'’-])"
        # "over in the pearl district", "grew up in the mission district": a district by
        # its name (not "the school district", "the business district")
        r"|(?<=(?<![\w'’])(?:in|from|to|near|around|outside|moved[ ]to|out[ ]in|over[ ]in"
        r"|lives?[ ]in|lived[ ]in|grew[ ]up[ ]in|raised[ ]in)[ ]+the[ ]+)"
        r"(?!(?:school|business|historic|financial|water|fire|sewer|congressional|police"
        r"|judicial|voting|shopping|entertainment|theater|theatre|warehouse|industrial|red[ ]light"
        r"|same|whole|other|new|old|next|central|federal|state|county|city|local|rural|urban"
        r"|\w+[ ]school)[ ])"
        r"\p{L}[\p{L}'’-]+[ ]+district(?![\w'’-])"
        # "he lives on the south side", "we grew up in the north end": a part of a town by
        # its direction (not "the east side of the building")
        r"|(?<=(?<![\w'’])(?:in|on|from|to|over[ ]on|over[ ]in|out[ ]on)[ ]+the[ ]+)"
        r"(?:north|south|east|west|upper[ ]east|upper[ ]west|lower[ ]east)[ -]?(?:side|end"
        r"|shore|bay|hills)"
        r"(?![\w'’-])(?![ ]+of(?![\w]))"
        r"|(?<=(?<![\w'’])(?:in|from|to|near|around|over[ ]in|out[ ]in)[ ]+)little[ ]+(?:saigon"
        r"|havana|italy|haiti|tokyo|india|armenia|manila|ethiopia|bangladesh|odessa|seoul"
        r"|korea|mexico|arabia|lebanon|kabul|yemen|guyana)(?![\w'’-])",
        # (each a whole word, or a direction's: "weekend" and "friend" hold no "end")
        trigger=r"(?i)(?:[ -]|(?<=north|south|east|west))(?:heights|park|hills|village|gardens"
        r"|terrace|springs|ridge|harbou?r|meadows|estates|acres|manor|commons|slope|flats"
        r"|hollow|district|grove|valley|point|woods|crossing|landing|glen|shores|pines|oaks"
        r"|lakes|quarter|junction|corners|row|side|end|shore|bay)(?![\w'’-])|little",
    ),
    PatternSpec(
        builtin("phimin.location.town_part"),
        # a town after the part of it: "my ex lives on the north side of flint", "we
        # moved to the east side of san antonio" (not "the east side of the building",
        # "the south side of my face", "the west side of town", "the north side of ohio")
        r"(?i)(?<=(?<![\w'’])(?:in|on|from|to|over[ ]on|over[ ]in|out[ ]on)[ ]+the[ ]+)"
        r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?[ -]?"
        r"(?:side|end|part)[ ]+of[ ]+"
        rf"(?P<town>(?!(?:{_NOT_A_TOWN_AFTER_PART})(?![\w'’-]))(?:(?:{_TOWN_FIRST_WORDS})[ ]+)?"
        r"\p{L}[\p{L}'’-]+(?:[ ]+(?:city|falls|springs|beach|heights|rapids|creek|hills))?)"
        r"(?![\w'’-])",
        group="town",
        validate=_not_a_state,
        trigger=r"(?i)(?:side|end|part)[ ]+of(?![\w'’-])",
    ),
    PatternSpec(
        builtin("phimin.location.san"),
        # "six years in san quentin", "my family is from santa ana": a place named for a
        # saint in Spanish or Portuguese, after a word of place (not "santa claus", "a
        # letter to santa for christmas").
        r"(?i)(?<=(?<![\w'’])(?:in|from|to|at|near|outside|around|of|left|leaving|back[ ]in"
        r"|en)[ ]+)(?:(?:san|santa|santo|são|sao)[ ]+(?!(?:claus|clause|and|or|for|to|at|in"
        r"|on|the|a|was|is|this|that|with|i|we|he|she|they)(?![\w]))\p{L}[\p{L}'’-]+"
        # (the name goes on after "de los", "del": "san juan de los lagos", "san josé de
        # las matas", "san luis río colorado")
        r"(?:[ ]+(?:de[ ]l(?:a|os|as)|de|del|la|los|las|el|do|da|dos)[ ]+(?!(?:mi|mis|tu|su"
        r"|sus|nuestra|nuestro|un|una)[ ])\p{L}[\p{L}'’-]+)?(?:[ ]+r[ií]o[ ]+\p{L}[\p{L}'’-]+)?"
        # or a town named for what it was, then "de" and its name: "villa de las flores",
        # "boca del río", "la villa de los santos", "nuestra señora de la paz" (not "la
        # villa de mi tío")
        r"|(?:la[ ]+)?(?:villa|ciudad|boca|puerto|valle|nuestra[ ]+señora|real|rancho)[ ]+"
        r"(?:de[ ]l(?:a|os|as)|de|del)[ ]+(?!(?:mi|mis|tu|su|sus|nuestra|nuestro|un|una|este"
        r"|esta|ese|esa)[ ])\p{L}[\p{L}'’-]+)(?![\w'’-])",
        trigger=r"(?i)san|sao|são|villa|ciudad|boca|puerto|valle|señora|real|rancho",
    ),
    PatternSpec(
        builtin("phimin.location.called"),
        # "a small village called san miguel el alto", "this town named xalapa": a place
        # named after the kind of place it is, to a pause or a word that goes on.
        # (the kind placed first goes too: "a little town in oaxaca called san juan")
        rf"(?i)(?<![\w'’])(?:{alternation(PLACE_KINDS)})(?:[ ]+(?:in|near|outside|by)[ ]+"
        r"\p{L}[\p{L}'’-]*(?:[ ]+\p{L}[\p{L}'’-]*)?)?[ ]+(?:called|named"
        r"|by[ ]the[ ]name[ ]of)[ ]+(?P<place>(?!(?:the|an?|that|this|it|me|him|her|us|them|to"
        r"|for|back|off|out|up|in|on|at|and|but|so|about|after|before|because|when|every|all)"
        r"(?![\w]))\p{L}[\p{L}'’-]*(?:[ ]+(?!(?:kind|kinda|near|in|on|at|by|and|but|so|where"
        r"|which|that|with|outside|about|just|like|because|when|after|before|for|i|we|he|she"
        r"|they|it|is|was|up|down|over|out|there|back|right|somewhere|or|if|then|now)(?![\w]))"
        r"\p{L}[\p{L}'’-]*){0,3})"
        # or said after it to be one: "we grew up in hope, it's a tiny little town"
        r"|(?<=(?<![\w'’])(?:in|from|near|outside)[ ]+)"
        rf"(?P<place>{_PLACE_WORD}(?:[ ]+{_PLACE_WORD}){{0,2}})[ ]*,?[ ]+"
        r"(?:(?:it['’]?s|which[ ]is|that['’]?s)[ ]+(?:a|this)[ ]+(?:[\w'’]+[ ]+){0,3}?"
        r"(?:town|village|city)(?![\w'’-])(?![ ]+(?:thing|mentality|vibe|feel|life)))"
        # or in Spanish: "un pueblito que se llama san juan de los lagos"
        rf"|(?<![\w'’])(?:{alternation(PLACE_KINDS)}|pueblito|ranchito|lugar|ciudad)[ ]+"
        rf"(?:(?:que[ ]+)?se[ ]+llam(?:a|aba)|llamad[oa])[ ]+(?P<place>{_SPANISH_NAME})",
        group="place",
        trigger=r"(?i)called|named|name[ ]of|town|village|city|llam",
    ),
    PatternSpec(
        builtin("phimin.location.spanish_kind"),
        # "mi hermana vive en la colonia roma", "somos del barrio san felipe", "del pueblo
        # de tlacolula", "on calle ocho": a place named after its kind in Spanish, to a
        # word of grammar in either language; "iglesia pentecostal el shaddai": a church,
        # its denomination and its name, whole.
        # (a neighbourhood's or a street's kind goes with its name: "colonia obrera")
        # (after "del" or "al" too, and with its own article or "de" inside the name:
        # "del barrio la loma", "al rancho los pinos", "la colonia del valle", "de la
        # sierra tarahumara")
        # (or with no article after "en", "de", "in", "from": "me crié en colonia obrera")
        r"(?i)(?<![\w'’])(?:(?:la|el|del|al|the|en|de|in|from)[ ]+(?P<place>(?:colonia|barrio|vecindad"
        rf"|fraccionamiento|rancho|ejido|sierra)[ ]+{_SPANISH_NAME})"
        r"|(?:(?:el|mi|su|nuestro)[ ]+pueblo[ ]+de|el[ ]+municipio[ ]+de|la[ ]+aldea[ ]+de)[ ]+"
        rf"(?P<place>{_PLACE_WORD}(?:[ ]+{_PLACE_WORD}){{0,2}})"
        # (a street's own article or a date its name: "avenida las américas", "privada de
        # los pinos", "calle 5 de mayo número 23"; its number said after it, "número" or
        # not: "avenida revolución mil doscientos")
        rf"|(?:la[ ]+)?(?P<place>(?:{_STREET_KINDS_ES})[ ]+(?:(?:\d{{1,2}}|{_ES_NUMBER_WORD})"
        rf"[ ]+de[ ]+{_MONTHS_ES}|(?:(?:(?:de[ ]+)?(?:la|las|los|el)|del)[ ]+"
        rf"(?!(?:{_SHOP_NOT_NAME})(?![\w])|{_CLITIC_VERB}))?{_PLACE_WORD}"
        rf"(?:[ ]+(?!{_COUNTED}){_PLACE_WORD})?)"
        rf"(?:[ ]+(?:n[uú]mero[ ]+)?{_ES_HOUSE_NUMBER})?(?![\w'’-]))(?![ ]+{_COUNTED})"
        r"|(?P<place>iglesia[ ]+(?:pentecostal|bautista|cat[oó]lica|cristiana|evang[eé]lica"
        rf"|adventista|metodista|apost[oó]lica)(?:[ ]+(?:el|la|de))?[ ]+{_PLACE_WORD}"
        rf"(?:[ ]+{_PLACE_WORD})?)"
        # a street known by its number, as "la 24" (calle 24): where a place is, "la
        # clínica de la 24", "la tienda de la 16"; and in English, "on la 24" (never
        # "a la 1", an hour)
        r"|(?<=(?<![\w'’])(?:cl[ií]nica|tienda|escuela|iglesia|parroquia|farmacia|mercado"
        # (and a chain's store: "la walmart de la 35", "el oxxo de la 10", looked for
        # behind "la" and a number only: a scan for every chain at every place is slow)
        r"|parque|taquer[ií]a|panader[ií]a|parada|esquina|clinic|store|church"
        rf"|{BRAND_ALTERNATION})[ ]+de[ ]+"
        r"|(?<![\w'’])(?:on|off)[ ]+)la[ ]+(?P<place>\d{1,3})(?![\w:.,/-]|[ ]+(?:horas?|hours?"
        r"|minutos|minutes|pm|am|de[ ]la[ ](?:mañana|tarde|noche))(?![\w])))"
        # a shop, a school or a chapel by its own name, its article first: "la tortillería
        # la esperanza", "trabajo en la taquería los compadres", "la carnicería el güero"
        # (not who or when is there: "en la tienda la señora", "en la escuela la semana")
        rf"|(?<![\w'’])(?P<place>(?:{_SHOP_KINDS_ES})[ ]+(?:la|el|los|las)[ ]+"
        rf"(?!(?:{_SHOP_NOT_NAME})(?![\w])|{_CLITIC_VERB}){_SPANISH_REST})(?=[ ]*(?:[.,;!?]|$)|[ ]+(?:y|pero"
        r"|porque|cuando|donde|en|a|al|de|con|desde|hasta|por|para|ahora|and|but|in|with|when"
        r"|now|since|for|because|so|until|where|los|todos|cada|toda|todo)(?![\w'’]))"
        # a school by its number: "estudió en la prepa 5", "la secundaria técnica 34"
        r"|(?<![\w'’])(?P<place>(?:prepa|preparatoria|secundaria|primaria|conalep|cbtis|cetis"
        r"|kinder|kínder)[ ]+(?:t[eé]cnica[ ]+|federal[ ]+)?(?:n[uú]mero[ ]+)?\d{1,3})"
        r"(?![\w:.,/-]|[ ]+(?:a[ñn]os|veces|horas?|d[ií]as|meses|semanas|grados?|de)(?![\w]))",
        group="place",
        trigger=r"(?i)colonia|barrio|vecindad|fraccionamiento|pueblo|municipio|rancho|ejido|aldea"
        r"|sierra"
        r"|calle|avenida|privada|cerrada|calzada|callej|andador|circuito|prolongaci|bulevar"
        r"|iglesia|la[ ]\d|er[ií]a[ ]|tienda|tiendita|fonda|cantina|capilla"
        r"|parroquia|escuela|prepa|secundaria|primaria|conalep|cbtis|cetis|k[ií]nder",
    ),
    PatternSpec(
        builtin("phimin.location.street"),
        # "the apartment on delancey street", "the park on orchard lane", "off old mill
        # road": a street named without its number (with one, it is an address).
        rf"(?i)(?<=(?<![\w'’])(?:on|off|at|by|near|down|up|along|from|to|onto|past|behind"
        # (and in Spanish: "cerca de whittier boulevard", "en la calle", "por")
        rf"|across|of|in|de|en|por|sobre)[ ]+)(?:the[ ]+|la[ ]+|el[ ]+)?"
        rf"(?:(?!(?:the|an?|on|off|at|by|near|in|of|to|from|and|or|my|his|her|their|our|your"
        rf"|this|that|is|was|el|la|los|las|de|del|en|mi|su|un|una)[ ])(?:\p{{L}}[\p{{L}}'’.-]*"
        rf"|\d{{1,3}}(?:st|nd|rd|th))[ ]+){{1,3}}?"
        # (not "drive thru", "drive-in", "the way in"; a street then "in" and its town is
        # one: "we grew up on quarry hollow road in a small town")
        rf"(?:{_STREET_TYPE})(?![\w'’-])(?![ -](?:thru|through)(?![\w]))"
        # (a road by its number is the route rule's, whole: "up county road 12")
        r"(?![ ]+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
        r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?![\w'’-])))"
        r"(?!(?<=(?<![\w])(?:drive|way))[ -]in(?![\w]))"
        # ("i'm on tiktok way too much", "on xbox way more": "way" says how much)
        r"(?!(?<=(?<![\w])way)[ ]+(?:too|more|less|better|worse|longer|harder|easier|bigger"
        r"|smaller|faster|slower|different|back|ahead|behind|before|after|past|over|off|out"
        r"|up|down|beyond|into|much|cooler|nicer|happier|calmer|worse)(?![\w]))",
        validate=_named_street,
        # (a word of its own: "st" and "rd" are in "just" and "word")
        trigger=rf"(?i)(?<![\w'’-])(?:{_STREET_TYPE})(?![\w'’-])",
    ),
    PatternSpec(
        builtin("phimin.location.route"),
        # "the target off route 9", "way out on county road 12", "right off exit 41",
        # "stuck on i 95": a road after a word that places someone or something on it (a
        # road said alone is kept: "took route 28 to get here", "the i-94 and the i-20 are
        # in the folder"), never a form ("the i 94 card", "my i 130 petition").
        # (its "i" read first, a literal, then the word before it)
        r"(?i)(?<=(?<![\w'’])(?:on|off|onto|along|near|by|past|at|behind|beside|from|of|via|to"
        r"|up|down)[ ]+(?:the[ ]+)?)"
        r"(?:(?<![\w'’-])i(?<=(?<![\w'’])(?:on|off|onto|take|took|taking|the|via|get[ ]on"
        r"|got[ ]on|hop[ ]on|past|near|from|down|up|along|exit|exits)[ ]i)[ ](?:[1-9]\d{1,2}(?![\w/:.,-])"
        r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four"
        r"|five|six|seven|eight|nine))?(?![\w'’-]))(?![ ]+(?:forms?|visas?|petitions?"
        r"|applications?|cards?|records?|paperwork|status|approvals?|receipts?|renewals?"
        r"|filings?|process|percent|%|times|minutes|hours|days|pounds)(?![\w]))"
        # (an old road's number with it: "the trailer park off old highway 61")
        r"|(?<![\w-])(?:(?:old|new)[ ]+)?(?:county[ ]road|state[ ](?:road|route|highway)|route"
        r"|rte\.?|highway"
        r"|hwy\.?|interstate|exit|us-"
        # an immigration form by its dash is no road: "her I-94 number", "the i-94 form",
        # "an i-94", "su i-94 es ..." (a road is driven on, not owned)
        # (nor said beside the papers it goes with: "the I-94 and the visa stamp")
        r"|(?<!(?:my|his|her|their|your|our|an|su|mi|tu|sus|mis|el|del|la)[ ])i-"
        r"(?<!(?:visas?|passports?|cbp|uscis|immigration|asylum|parole)[^\n.!?]{0,40}i-)"
        r"(?![^\n.!?]{0,40}(?:visas?|passports?|cbp|uscis|immigration|asylum|parole))"
        r"(?=\d{1,4}(?!\d)(?![ ]+(?:forms?|numbers?|no|records?|cards?|printouts?|petitions?"
        r"|applications?|receipts?|shows?|says)(?![\w]))))"
        r"[ ]?(?:\d{1,4}[a-z]?(?![\w/:-]|[.,]\d)"
        # a county road named by letters: "county road b", "county road kk"
        r"|(?<=county[ ]road[ ])(?![ai](?![\w]))[a-z]{1,2}(?![\w'’-])"
        # said in words: "county road nine", "route sixty six" (not "route two blocks down")
        r"|(?<=[a-z][ ])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
        r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three"
        r"|four|five|six|seven|eight|nine))?)(?![\w'’-])(?![ ]+(?:blocks?|miles?|minutes?"
        r"|hours?|times|more|of|exits?|lanes?|(?:and|or)[ ](?:one|two|three|four|five|six|seven"
        r"|eight|nine|ten))(?![\w]))))",
        trigger=r"(?i)route|rte|highway|hwy|interstate|exit|i-|us-|road"
        r"|(?<![\w'’])i[ ](?:[1-9]\d|[tfsen][a-z]+ty)",
    ),
)


_FACILITY_NOUN = lazy(
    r"(?i)(?<![\w])(?:hospital|hosp\.?|medical[ ]center|med[ ]center|med(?:ical)?[ ]ctr|clinic|health[ ]center"
    r"|health[ ]system|rehab(?:ilitation)?[ ](?:center|facility|hospital)|nursing[ ]home|hospice"
    r"|treatment[ ]center|recovery[ ]center|behavioral[ ]health|elementary|high[ ]school"
    # "he's in the rockland psychiatric center", "she's at los padrinos juvenile hall"
    r"|psychiatric[ ](?:center|hospital|institute)|juvenile[ ]hall"
    r"|middle[ ]school|university|college|academy|church|shelter|jail|prison"
    r"|correctional[ ](?:facility|center|institution)|penitentiary|detention[ ]center|campus|medical|rehab|memorial|apartments"
    r"|chapel|temple|mosque|synagogue|cathedral|ministries|baptist|tabernacle|ame|a\.m\.e\."
    r"|cemetery|mission|rec[ ]center|recreation[ ]center|community[ ]center|youth[ ]center"
    r"|methodist|lutheran|presbyterian|pentecostal|episcopal|fellowship|high(?![ ]+school)"
    r"|middle(?![ ]+school)"
    # "i hate it at maple grove assisted living", "hired at sunrise senior living", "at
    # the eastgate mall", "new bethel missionary baptist"
    r"|assisted[ ]living|senior[ ]living|mall|missionary[ ]baptist"
    # "my dad is at shady grove care center"
    r"|care[ ]cent(?:er|re)"
    # "i go to mercy family health now", "seen at eastside family medicine"
    r"|family[ ]health|family[ ]medicine|family[ ]practice|community[ ]health"
    # "my brother's at snake river correctional now"
    r"|correctional(?![ ]+(?:facility|center|institution|officers?|system|health))"
    r"|regional(?![ ]+(?:anesthesia|block|wall|lymph|nodes?|pain|enteritis|variation))"
    # "admitted at mercy general": a hospital's short name (not a post: "attorney general")
    r"|(?<!(?:attorney|surgeon|major|brigadier|lieutenant|consul|solicitor|postmaster"
    r"|inspector|secretary|governor|adjutant|dollar|in|of)[ ])general(?![ ]+(?:anesthesia"
    r"|surgery|practice|practitioner|population|public|health|medicine|hospital|idea|rule"
    r"|sense|knowledge|store|manager|contractor|education|assembly|counsel|election"
    r"|admission|ward|appearance|consent|condition|terms|exam|labor|labour)))(?![\w])"
)
# (a word starts after a space, or after ">", "(", "/" or a quote: "911>FULTON HOSPITAL")
_WORD_BEFORE = regex.compile(r"(?r)(?:^|(?<=[ \t>(/\"]))([\p{L}][\p{L}'’.&-]*)[ \t]+$")
# "St. Mary's", "Saint Agnes": a saint's name is a facility in a note.
# (In capitals, "ST" is sinus tachycardia: only "ST." with its period counts there.)
_SAINT = lazy(
    r"(?<![\w])(?:St\.?[ ]+(?P<name>\p{Lu}\p{Ll}[\p{L}'’-]*+)|Saint[ ]+(?P<name>\p{Lu}[\p{L}'’-]++)"
    r"|ST\.[ ]+(?P<name>\p{Lu}[\p{L}'’-]++)"
    # in lower-case speech, with its "'s" or a church or school after it ("st. anselm's",
    # "saint luke church"); not a feast or a herb ("st. patrick's day", "st. john's wort")
    r"|(?:st\.?|saint)[ ]+(?P<name>\p{Ll}[\p{Ll}-]+)(?=['’]s(?![\w]|[ ]+(?:day|wort|eve)(?![\w]))"
    r"|[ ]+(?:church|parish|cathedral|school|academy|hospital|chapel)(?![\w]))"
    # or where someone went or was: "where did you deliver? at st agnes, the one downtown"
    r"|(?<=(?<![\w'’])(?:at|to|from|into|in)[ ]+)(?:st\.?|saint)[ ]+(?P<name>\p{Ll}[\p{Ll}-]{2,})"
    r"(?![\w'’-])(?![ ]+(?:day|wort|eve)(?![\w]))"
    r")(?:'s|’s|'S)?"
    r"(?![ ]+(?i:day|wort|eve)(?![\w]))"  # (in any case: "St. John's Wort", "St Patrick's Day")
)
# Going to a school or a church, said just before a saint's name ("i went to st
# ignatius", "she's at saint agnes").
_SCHOOL_GOING = lazy(
    r"(?i)(?<![\w'’])(?:went|go|goes|going|attend|attends|attended|transferred|sent)[ ]+"
    r"(?:to[ ]+)?$|(?<![\w'’])at[ ]+$"
)
_SAINT_KIND = lazy(r"[ ]+(?:church|parish|cathedral|school|academy|hospital|chapel)(?![\w])")
# A venue named after its kind, at the place someone goes ("we met at cafe luna", "the
# pantry at our lady of guadalupe"): the name after the noun.
_VENUE = lazy(
    r"(?i)(?<=(?<![\w'’])(?:at|to|from|near|outside|by|behind|across[ ]from)[ ]+(?:the[ ]+)?)"
    r"(?:(?P<kind>cafe|café|caffe|club|pub|bar|diner|hotel|motel|taqueria|panaderia|bistro"
    r"|tavern|lounge|grill)[ ]+(?P<name>\p{L}[\p{L}'’-]+)"
    r"|our[ ]+lady[ ]+of[ ]+(?:the[ ]+)?(?P<name>\p{L}[\p{L}'’-]+)(?:[ ]+(?:help|grace|hope"
    r"|mercy|sorrows|peace|victory|lourdes|fatima|guadalupe))?"
    # a parish and its school by a name of the faith many share: "my kids go to
    # immaculate conception", "she's at holy cross" (not "to the holy spirit")
    r"|(?<!(?<![\w])the[ ]+)(?:immaculate[ ]+conception|holy[ ]+(?:family|cross|trinity|name|redeemer|rosary"
    r"|angels|innocents|child|apostles)|blessed[ ]+sacrament|christ[ ]+the[ ]+king"
    r"|queen[ ]+of[ ]+(?:peace|angels|apostles)|good[ ]+shepherd|precious[ ]+blood"
    r"|most[ ]+holy[ ]+(?:trinity|redeemer|rosary|name))(?![ ]+(?:of|in)(?![\w])))(?![\w'’-])"
)
# Where someone is, was or was sent, then a word and a pause or a word of time: the
# place's own name if no list knows the word (`FacilityRecognizer._unknown_places`).
# "my choir practice is at first baptist": a church by the name so many share, after a
# word that places it; "the walmart on route 9", "the applebee's off exit 12": a chain's
# store known by the street it is on.
_FIRST_CHURCH = lazy(
    r"(?i)(?<=(?<![\w'’])(?:at|to|from|attend|attends|attended|attending|joined|in)[ ]+)"
    r"first[ ]+(?:baptist|methodist|presbyterian|lutheran|congregational|christian"
    r"|united[ ]methodist|church)(?:[ ]+church)?(?![\w'’-])"
)
_CHAIN_ON_STREET = lazy(
    rf"(?i)(?<![\w'’-])(?P<chain>{BRAND_ALTERNATION})"
    r"(?:['’]s)?[ ]+(?:on|off|at[ ]the[ ]corner[ ]of)[ ]+(?=(?:route|rte|highway|hwy|exit"
    r"|interstate|i-|us-|county[ ]road|state[ ]route)(?![\w'’])|\d|(?:(?!the[ ]|a[ ])[\p{L}'’-]+[ ]+)"
    r"{1,2}(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|highway|hwy|parkway"
    r"|pkwy|pike|place|court|ct)(?![\w'’]))"
)
# A park, a river, a lake or a bay by its name, where someone goes or is: "fish in the
# kickapoo river", "walk around green lake", "drove out to bodega bay".
# (a name's word is no grammar: "go to lake tahoe" is no "go to" lake)
# (nor a word that places it: "walk around green lake" is "green")
_FEATURE_CUE = (
    r"in|at|to|around|along|by|near|from|on|into|across|past|behind|over|off|up|down|under"
    r"|outside|climbed|hiked|visited|walked|walk|hike"
)
_FEATURE_WORD = (
    rf"(?!(?:go|the|a|an|and|of|we|i|{_FEATURE_CUE})[ ])\p{{L}}[\p{{L}}'’-]+"
)
_FEATURE = lazy(
    rf"(?i)(?<![\w'’])(?:{_FEATURE_CUE})[ ]+(?:(?P<the>the[ ]+)?"
    rf"(?P<name>{_FEATURE_WORD}(?:[ ]{_FEATURE_WORD})??)[ ]+"
    r"(?P<kind>river|creek|lake|bay|park|beach|pond|falls|canyon|mountains?|woods|forest"
    r"|trail|reservoir|island|springs|valley|hills|harbor|harbour|lagoon|bayou|gorge|bridge"
    r"|state[ ]park|national[ ]park|square|plaza)"
    # (a park named after its water: "blue lake park", "mill creek trail")
    r"(?:[ ]+(?P<kind2>park|trail|beach|state[ ]park|national[ ]park))?"
    # (or the kind first: "near lake tahoe", "up mount rainier")
    r"|(?P<kind>lake|mount|mt\.?|camp|fort|ft\.?)[ ]+(?P<name>\p{L}[\p{L}'’-]+))(?![\w'’-])"
)
# Kinds of feature whose word before may be the body's ("the nasal bridge", "the tricuspid
# valley"): there a clinical word names no place.
_BODY_KINDS = frozenset(
    "bridge square plaza valley hills mountain mountains falls springs woods forest".split()
)
# Words that say what kind of park or water it is, or which, and name none.
_NOT_FEATURE_NAMES = frozenset(
    """dog skate water theme amusement trailer ball national state city county public local
    nearby neighborhood neighbourhood community big little small old new same nice deep
    dark other whole main back front next last first second school church hospital
    apartment our my his her their your this that these those some any every one two
    three near far north south east west upper lower middle high low open closed today
    tomorrow tonight yesterday week weekend weekends month year summer winter spring fall
    morning night day days house cabin trip town village duck ducks fish fishing frog turtle
    koi goose swan lily mill boat swimming ice farm""".split()
)
# Words a place's name ends with more than anything else's ("valley view", "otter crest",
# "hillcrest", "rosewood"): after a word of place and before a pause, the name of one.
# (not "run" or "landing": "a beer run", "a crash landing"; "view" only after "at": "in
# plain view")
_TOPONYM_HEADS = frozenset(
    """view vista crest ridge hills heights village gardens manor terrace commons pointe
    glen grove meadows oaks pines springs creek woods acres estates crossing crossings
    towers plaza lodge haven shores house""".split()
)
# (what may follow a place's name there: a pause, a word of time or grammar)
_PAUSE_AFTER = (
    r"for|again|now|when|after|before|since|until|last|this|and|but|with|because|yesterday"
    r"|today|tonight|right|all|till|or|so|twice|once|too|during|while|like|every|um|uh"
)
_BEEN_AT = lazy(
    # (a person is somewhere: "he's in", "she was at"; not "salt is in", "time to")
    r"(?i)(?:(?<=(?<![\w'’])(?:he|she|i|we|they|you|who))['’](?:s|m|re)"
    # (or one's own people: "my son's at stuyvesant", "her brother's in rikers")
    r"|(?<=(?<![\w'’])(?:son|daughter|kid|brother|sister|mom|dad|wife|husband|boyfriend"
    r"|girlfriend|cousin|nephew|niece|grandson|granddaughter|uncle|aunt))['’]s"
    r"|(?<![\w'’])(?:(?:he|she|i|we|they|you|who)[ ]+(?:was|were|is|am|are|been)|been|stayed"
    r"|stay|stays|staying|living|live|lives|lived|sent|went|go|goes|going|locked[ ]up|admitted"
    r"|transferred|work|working|works|worked|bid|stint"
    # (time spent there, or care had there: "spent a month at hazelden", "my detox at ...")
    r"|spent[ ]+(?:[\w'’-]+[ ]+){0,2}(?:days?|weeks?|months?|years?|nights?|time)"
    r"|detox|rehab|treatment|inpatient|residential))[ ]+(?P<cue>at|in|to"
    r"|into|over[ ]at|out[ ]at|up[ ]at|down[ ]at)[ ]+"
    # (or two words, the last one a place's name ends with: "she's at valley view now")
    rf"(?P<name>\p{{L}}{{4,}}|\p{{L}}{{3,}}[ ](?:{'|'.join(sorted(_TOPONYM_HEADS))}))"
    rf"(?=[ ]*(?:[.,;!?]|$)|[ ]+(?:{_PAUSE_AFTER})(?![\w'’]))"
)
_TOPONYM_ENDS = (
    "wood woods view side brook dale crest ridge vale haven mont green gate field moor"
    " shire wick"
).split()
# Everyday words made like those ("outside", "the outfield", "in dreamland").
_EVERYDAY_COMPOUNDS = frozenset(
    """outside inside beside bedside roadside poolside fireside ringside courtside graveside
    countryside downside upside offside topside backside flipside outfield infield midfield
    battlefield minefield airfield tailgate floodgate wintergreen interview preview preside
    subside cartridge porridge elongate frigate divagate unshaven firewood plywood hardwood
    softwood driftwood broadside blindside curbside centerfield leftfield rightfield wayside
    landside nearside""".split()
)
# The same in Spanish, a place after its article: "vivo en la villita", "crecí en el
# alamillo" (not "vivo en la casa", "está en la cárcel": everyday Spanish).
_LIVES_IN_SPANISH = lazy(
    r"(?i)(?<![\w'’])(?:(?:vivo|vives|vive|vivimos|viven|viv[ií]a|viv[ií]amos|viv[ií]an|crec[ií]"
    r"|creci[oó]|crecimos|nac[ií]|naci[oó]|me[ ]qued[oé]|se[ ]queda|se[ ]qued[oó]|nos"
    r"[ ]quedamos)[ ]+en"
    # (or said in English, the place's Spanish article kept: "we lived in la villita")
    r"|(?:live|lives|lived|living|grew[ ]up|raised|born|moved|moving|stay|stays|stayed"
    r"|staying)(?:[ ]+(?:out|over|up|down|back))?[ ]+(?:in|to))"
    r"[ ]+(?:la|el|los|las)[ ]+(?P<name>\p{L}{4,})(?![\w'’-])"
)
# Sounds and fillers of speech, never a place's name ("i'm going to um ...").
_SPOKEN_SOUNDS = FILLERS | frozenset(
    """um umm uh uhh uhm hmm hm mm mmm mhm mm-hmm uh-huh er erm ah eh huh oh ok okay yeah
    yep yup nah""".split()
)
_CONTRACTED = regex.compile(r"'(?:s|re|ll|ve|d|m)$|n't$")
# Slang for a kind of place, which no dictionary has: "he's in juvie again".
# (and a child's: "my son is in timeout now")
_KINDS_SAID_AS_NAMES = frozenset(
    {"juvie", "juvi", "detox", "lockup", "psych", "rehabs", "timeout", "preschool"}
)
_TRANSFER = lazy(
    r"(?i)(?<![\w])(?P<cue>transferred|transfered|tranfered|transfer|transferring|trans|tx|tx'?d"
    r"|admitted|readmitted|adm|sent|taken|brought|returned|discharged|dc'?d|d/c'?d|arrived"
    r"|arrival|referred|medflight|medflighted|presented|followed|retired|went|came|c/o"
    r"|go|goes|going|gone|headed|heading"
    # where a stay in hospital was: "ended up in the er at mercy", "the nicu at magee"
    r"|er|e\.r\.|icu|nicu|picu|inpatient|hospitalized|delivered)"
    r"[ ]+(?:back[ ]+)?(?:to|from|at|by|in|into)[ ]+(?:the[ ]+)?(?:\d{1,4}[ ]+)?"
    r"(?P<name>(?P<pious>(?:holy|good|sacred|mount|mt\.?)[ ]+)?\p{L}[\p{L}'’-]*(?<![-'’]))"
    r"(?:[ ]?\d{1,2}(?![\w/]))?"
)
# Everyday words that name a hospital after a stay in one ("the er at mercy", "admitted
# to providence"; not "went to mercy" alone), and the words of such a stay.
_HOSPITAL_NAMES = frozenset("mercy presby providence sinai samaritan magee".split())
_HOSPITAL_CUES = frozenset(
    "er e.r. icu nicu picu inpatient hospitalized delivered admitted readmitted transferred "
    "discharged medflighted taken".split()
)
# "to ashgrove 3", "ON ASHGROVE 5", "plan: ashgrove 2 when bed": a ward or building named
# by a word and a floor.
_WARD = regex.compile(
    r"(?i)(?<![\w])(?:to|from|on|at|in|into|transfer|transferred|transfered|plan[ ]*:)[ ]+"
    r"(?:the[ ]+)?"
    r"(?P<name>\p{L}[\p{L}'’-]{3,}(?<![-'’]))[ ]?\d{1,2}(?![\w/.:,-]\d|[\w/])"
)
# A denomination alone names no church: "the methodist church" is any of them.
_DENOMINATIONS = frozenset(
    "baptist methodist presbyterian lutheran adventist catholic episcopal pentecostal "
    "orthodox evangelical mormon".split()
)
_NAME_NOUNS = frozenset(
    {
        "memorial",
        "rehab",
        "regional",
        "high",
        "middle",
        "elementary",
        "apartments",
        "baptist",
        # (a denomination after a church's name is its name: "grace lutheran")
        "methodist",
        "lutheran",
        "presbyterian",
        "pentecostal",
        "episcopal",
        "tabernacle",
        "ministries",
        "general",
        "fellowship",
        "assisted living",
        "senior living",
        "care center",
        "care centre",
        "mall",
        "missionary baptist",
        "family health",
        "family medicine",
        "family practice",
        "community health",
        "correctional",
    }
)
# What a facility is, said after its name: the wording its name becomes ("Larchmont
# Memorial Hospital" -> "[hospital]", "sunrise recovery center" -> "[recovery center]"),
# which keeps what the model needs, a hospital or a school, and not which one. (Not a
# jail's, a prison's or a rehab's kind: the packs say those as their category, "[legal
# matter]", and the name alone goes.)
_KIND_WORDINGS: dict[str, str] = {
    **{
        kind: kind
        for kind in (
            "hospital clinic hospice university college academy church shelter chapel temple"
            " mosque synagogue cathedral cemetery mission"
        ).split()
    },
    **{
        kind: kind
        for kind in (
            "medical center",
            "health center",
            "health system",
            "nursing home",
            "high school",
            "middle school",
            "rec center",
            "recreation center",
            "community center",
            "youth center",
        )
    },
    # a park or a water by its name: "green lake" -> "[lake]" (not a kind that names
    # towns as often: "palm springs", "happy valley", "beverly hills")
    **{
        kind: kind
        for kind in (
            "lake river creek bay park beach pond trail reservoir island bridge square plaza"
            " lagoon bayou canyon forest harbor"
        ).split()
    },
    **{kind: kind for kind in "arena stadium ballroom fairgrounds".split()},
    "harbour": "harbor",
    "state park": "state park",
    "national park": "national park",
    "hosp": "hospital",
    "hosp.": "hospital",
    "med center": "medical center",
    "med ctr": "medical center",
    "medical ctr": "medical center",
}
_KIND_AT_END = regex.compile(
    r"(?i)(?:^|[ ])("
    + "|".join(
        regex.escape(k).replace(r"\ ", "[ ]+")
        for k in sorted(_KIND_WORDINGS, key=len, reverse=True)
    )
    + r")$"
)


# Every wording a facility's kind becomes.
FACILITY_KINDS = frozenset(_KIND_WORDINGS.values())


def facility_kind(surface: str) -> str | None:
    """The kind a facility's name ends with, as its wording says it ("hospital" for
    "Larchmont Memorial Hospital"), or None ("mercy general", "first baptist")."""
    m = _KIND_AT_END.search(surface.strip())
    return None if m is None else _KIND_WORDINGS[" ".join(m.group(1).lower().split())]


def without_kind(surface: str) -> str:
    """A facility's name without the kind it ends with: "Larchmont Memorial"."""
    m = _KIND_AT_END.search(surface.rstrip())
    return surface if m is None or m.start() == 0 else surface[: m.start()].rstrip()


# Facility nouns that are everyday words too: never one in a note in capitals.
_SPOKEN_NOUNS = frozenset(
    {
        "high",
        "middle",
        "apartments",
        "baptist",
        "general",
        "mission",
        "assisted living",
        "senior living",
        "care center",
        "care centre",
        "mall",
        "missionary baptist",
    }
)
# Facility nouns whose names are any everyday words, describing words too.
_PLAIN_NAMED = frozenset(
    "apartments|mission|baptist|senior living|assisted living|care center|care centre".split("|")
)
# Names that many US streets share, which are everyday words too.
_STREET_NAMES = STREET_NAMES
# A state's one-word name is a street's too, after a shop on it ("the cafe on mississippi").
_STATE_STREETS = frozenset(n.lower() for n in US_STATE_NAMES if " " not in n)
# A numbered street said in words: "eighty second", "one twenty second", "thirty ninth".
_SPOKEN_ORDINAL = (
    r"(?:(?:(?:one|two)[ ])?(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ -]"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teenth|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth)"
)
_ORDINAL_STREET = regex.compile(
    rf"\d{{1,3}}(?:st|nd|rd|th)|{_SPOKEN_ORDINAL}|first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth|eleventh|twelfth"
)
# A place on a street, then the street's name alone: "a place on delancey", "the
# apartments on garfield" (an everyday word there is no street: "the house on fire"),
# and the cross street of a corner.
_ON_OFF = (" on ", " off ", " of ", " down ", " up ", " along ")
_DIGIT = regex.compile(r"\d")
# What happens on a street: "got jumped on", "a shooting on", "we parked on".
_HAPPENED_ON = (
    r"shot|shooting|stabbed|stabbing|robbed|mugged|jumped|arrested|busted|parked|parking"
    r"|crashed|wrecked|accident|wreck|crash|hanging[ ]out|hung[ ]out|hangs[ ]out|hang[ ]out"
    r"|sleeping|slept|camping|camped|panhandling|pulled[ ]over|broke[ ]down|killed|run[ ]over"
    r"|hit[ ]by[ ]a[ ](?:car|truck|bus)|flagged[ ]down"
)
# The street after "on": its name or number, its type, and a corner's cross street ("the
# shelter on fifth and main").
_STREET_AFTER_ON = (
    rf"(?P<street>{_SPOKEN_ORDINAL}|\p{{L}}[\p{{L}}'’-]+|\d{{1,3}}(?:st|nd|rd|th))(?![\w'’-])"
    r"(?:[ ]+(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive))?(?![\w'’-])"
    rf"(?:[ ]+(?:and|&)[ ]+(?:{_ORDINAL_STREET.pattern}|{'|'.join(sorted(_STREET_NAMES))})"
    r"(?![\w'’-])(?:[ ]+(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive))?(?![\w'’-]))?"
)
_PLACE_ON_STREET = lazy(
    r"(?i)(?<![\w'’])(?:(?:(?:the|a|that|this|our|my|her|his|their)[ ]+(?:[\p{L}'’-]+[ ]+)?"
    r"(?P<head>place|apartments?|house|building|store|shop|ymca|ywca|walmart|target|church|shelter"
    r"|club"
    r"|clinic|gym|bar|diner|motel|hotel|laundromat|library|pharmacy|cvs|walgreens|bodega"
    r"|deli|one|complex|projects|duplex|trailer|mcdonald['’]?s|school|office|spot|kroger"
    r"|safeway|costco|starbucks|dunkin|wawa|publix|aldi|bank|pantry|park|corner|station"
    r"|mosque|masjid|temple|synagogue|restaurant|salon|barbershop|daycare|cafe|hospital"
    r"|courthouse|planned[ ]parenthood|dmv|home|center|centre|mall|warehouse|factory|lot"
    r"|garage|care|bakery|condos?|townhouse|dispensary|yard|farm"
    rf"|{BRAND_ALTERNATION})(?:['’]s)?(?:[ ]+(?:over|down|up|out|right))?"
    # a chain with no article: "he took me to ihop on broadway"
    rf"|(?<=(?:to|at|from|by|near|behind)[ ]+)(?P<chain>{BRAND_ALTERNATION})(?:['’]s)?"
    # someone's home by whose it is: "two blocks from my mom's on pine" (checked in
    # `_kin_street`: "my dad's on state assistance" is what he is on)
    r"|(?P<kin>(?:my|her|his|our|their|your)[ ]+(?:mom|mother|mama|dad|father|papa|grandma"
    r"|grandmother|granny|nana|grandpa|aunt|auntie|tia|tía|uncle|tio|tío|cousin|sister"
    r"|brother|friend|buddy|ex|boyfriend|girlfriend|stepdad|stepmom|sponsor)['’]s)"
    # where someone is or lives: "over on ashland", "she lives on delancey"
    r"|over|down|lives?|lived|living|stay|stays|stayed|staying)[ ]+(?:on|off(?:[ ]of)?)"
    # a corner's first street ("the corner of fifth and maple"); a street gone along
    # ("the bus down halsted": a word no everyday list has)
    r"|corner[ ]+of|(?<=(?:bus|walk|walked|walking|drive|drove|driving|go|went|going|ride|rode)"
    r"[ ]+)(?:down|up|along))[ ]+"
    + _STREET_AFTER_ON
)
# Where something happened to someone, on a street by its name alone: "got jumped on
# halsted", "a shooting on cermak", "we parked on cermak" (its own pattern: the lines
# with these words are few).
# (from "on", the words before it looked behind to: "on" is rarer than where they begin)
_EVENT_ON_STREET = lazy(
    r"(?i)(?<![\w'’])(?:on|off(?:[ ]of)?)"
    rf"(?<=(?<![\w'’])(?:{_HAPPENED_ON})[ ]+(?:on|off|off[ ]of))[ ]+" + _STREET_AFTER_ON
)
# A corner said alone after where it is: "we met at fifth and market", "by 5th and elm".
_STREET_WORD = rf"(?:{_ORDINAL_STREET.pattern}|{'|'.join(sorted(_STREET_NAMES))})"
# (one of the two may be a name no everyday list has: "powell and thirty ninth")
_CORNER = lazy(
    # (or after "corner of": "jumped at the corner of fifth and wood")
    r"(?i)(?<![\w'’])(?:at|near|by|off|on|to|from|corner[ ]+of|intersection[ ]+of)[ ]+(?:like[ ]+)?"
    rf"(?P<street>(?P<first>{_STREET_WORD}|\p{{L}}[\p{{L}}-]+)(?:[ ]+(?:street|st|avenue|ave))?"
    rf"[ ]+(?:and|&)[ ]+(?P<cross>{_STREET_WORD}|\p{{L}}[\p{{L}}-]+)(?![\w'’-])"
    # (a cross street of two words: "72nd and cottage grove")
    r"(?:[ ]+(?:grove|park|hill|ridge|creek|valley|point|gardens|heights))?"
    r"(?:[ ]+(?:street|st|avenue|ave))?)(?![\w'’-])"
)
# What a shop, a shelter or a school is said to be "on" that is no street ("the store on
# sale", "the clinic on call"), of the words a name list has too.
_ON_SAYINGS = frozenset(
    """fire call duty sale campus top board foot point hand line record file edge guard alert
    deck staff trial strike stage camera tape speaker loan credit lease base land shore cue
    ice lock days nights holiday christmas easter lunch break meth high low cloud speed dial
    loop fleek site time hold track watch display air paper video tv radio phone demand
    average purpose vacation lockdown schedule probation parole welfare disability leave
    patrol tour order appointment rotation shift weekends sundays mondays fridays earth
    sight faith""".split()
)
_PAUSES = frozenset("like um uh so and yeah okay ok".split())
_WORD_AFTER = regex.compile(r"[ \t]+([\p{L}][\p{L}'’-]*)")
_PLACE_HEADS = frozenset({"place", "house", "home", "one", "spot", "corner", "park"})
_HOUSE_OF_CARE = regex.compile(r"(?i)(?:halfway|sober|group|recovery)[ ]+house")


# A shop, and a street by or near it ("the pharmacy near burnside", "the safeway by
# powell"): a shop with its article, or a chain.
_SHOP_KINDS = (
    r"apartments?|store|shop|ymca|ywca|church|shelter|clinic|gym|bar|diner|motel|hotel"
    r"|laundromat|library|pharmacy|bodega|deli|complex|projects|duplex|school|office|bank"
    r"|pantry|station|mosque|masjid|temple|synagogue|restaurant|salon|barbershop|daycare|cafe"
    r"|hospital|courthouse|dmv|center|centre|mall|warehouse|factory"
)
_SHOP_BY_STREET = lazy(
    r"(?i)(?<=(?:(?<![\w'’])(?:the|a|that|this|our|my|her|his|their)[ ]+(?:[\p{L}'’-]+[ ]+)?"
    rf"(?:{_SHOP_KINDS})|(?<![\w'’-])(?:{BRAND_ALTERNATION}))(?:['’]s)?[ ]+)(?:by|near)[ ]+"
    rf"(?P<street>{_SPOKEN_ORDINAL}|\p{{L}}[\p{{L}}'’-]+|\d{{1,3}}(?:st|nd|rd|th))(?![\w'’-])"
    r"(?:[ ]+(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive))?(?![\w'’-])"
)


def _business(m: regex.Match[str]) -> bool:
    """A shop, a shelter, a clinic or a chain, not just any place ("the house on fire";
    "the halfway house on stark" is one)."""
    head = m.group("head") or m.group("chain")
    if head is None:
        return False
    return head.lower() not in _PLACE_HEADS or _HOUSE_OF_CARE.search(m.group()) is not None


def _toponym_compound(word: str, lexicon: NameLexicon) -> bool:
    """A word made of a word and a place's ending ("hillcrest", "rosewood", "riverside"),
    not an everyday one made so ("outside", "dreamland")."""
    if word in _EVERYDAY_COMPOUNDS:
        return False
    for end in _TOPONYM_ENDS:
        stem = word[: -len(end)]
        if (
            word.endswith(end)
            and len(stem) >= 3
            and stem not in STOP_WORDS
            and (lexicon.is_english(stem) or lexicon.is_common_word(stem))
        ):
            return True
    return False


# After someone's home ("my mom's on ..."), only names that are a street's and
# nothing a person is on: trees, presidents, numbered streets ("my dad's on state
# assistance", "my mom's on grant money", "my sister's on xanax" are not streets).
_KIN_STREETS = frozenset(
    """elm oak maple pine cedar birch walnut chestnut spruce cherry willow magnolia sycamore
    poplar hickory locust juniper dogwood laurel alder aspen beech cypress hemlock linden
    mulberry redwood washington lincoln jefferson madison monroe garfield""".split()
)
# (and the phrase ends after the street: "on pine, by the school", not "on pine needles")
_PHRASE_GOES_ON = regex.compile(
    r"[ ]+(?!(?:and|but|so|or|near|by|in|with|where|right|now|off|past|across|is|was|that"
    r"|which|for|to|from|like|and|um|uh|the|a|an|i|we|he|she|they|it|you|street|st|avenue"
    r"|ave|road|rd|drive|dr|boulevard|blvd|lane)(?![\w'’]))\p{L}"
)


def _kin_street(word: str, text: str, end: int) -> bool:
    """ "from my mom's on pine": a street's name after someone's home, never what
    someone is on, and the phrase ends there (or goes on with a street's type)."""
    if not (word in _KIN_STREETS or _ORDINAL_STREET.fullmatch(word)):
        return False
    return _PHRASE_GOES_ON.match(text.lower(), end) is None


def _street_word(word: str) -> bool:
    return word in _STREET_NAMES or _ORDINAL_STREET.fullmatch(word) is not None


# (not "at first and second glance": two small ordinals are a count)
_SMALL_ORDINALS = frozenset({"first", "second", "third", "fourth"})
_NOT_STREETS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays
    thursdays fridays saturdays sundays holidays january february march april
    may june july august september october november december weekends weekdays bus car train
    foot bike phone email mail text cab taxi uber plane noon midnight tomorrow tonight home
    work school church campus town""".split()
)
# In lower-case speech a facility's name is everyday words ("hollis creek elementary",
# "cedar house shelter"): they count after a word that places it ("at", "to", "the").
_SPOKEN_CUES = frozenset("at to from in into near by the attend attends attended attending".split())
# "University of Oregon Hospital": the state or city names this hospital.
_UNIVERSITY_OF = lazy(
    r"(?i)(?:(?<![\w])(?:university|univ\.?)[ ]+of[ ]+(?:the[ ]+)?\p{L}[\p{L}'’-]*(?<![-'’])"
    # ("per U Maryland md", "U of Michigan": a state's university, its capital U said)
    rf"|(?<![\w])(?-i:U)(?:\.[ ]?|[ ]+)(?:of[ ]+)?(?-i:{'|'.join(US_STATE_NAMES)}))"
    r"(?P<hospital>[ ]+(?:hospital|hosp\.?|medical[ ]center|med(?:ical)?[ ]ctr|medical[ ]system"
    r"|health[ ]system))?(?![\w])"
)
# "seen at MGH", "came into RMH", "w/u by SHMC": a hospital's acronym (ending in H for
# hospital or MC for medical center) after a word of place. Hormones, bleeds and
# hypertrophies share the shape and are named here; states (OH, NH) may stay.
_HOSPITAL_ACRONYM = regex.compile(
    r"(?i)(?<![\w])(?:at|to|into|from|in|@|by|leave|left|leaving)[ ]+(?:the[ ]+)?"
    r"(?P<name>\p{L}{1,4}h|\p{L}{2,4}mc)(?![\w'’/-])"
)
# "RMH EW", "to SHMC ER", "BWH cath lab": the acronym before a hospital's department.
_ACRONYM_DEPARTMENT = regex.compile(
    r"(?i)(?<![\w'’/-])(?P<name>\p{L}{1,4}h|\p{L}{2,4}mc)[ ]+(?:ew|er|ed|cath[ ]lab)(?![\w])"
)
_DEPARTMENT = regex.compile(r"(?i)[ ](?:ew|er|ed|cath[ ]lab)(?![\w])")  # in every match above
_NOT_A_HOSPITAL = frozenset(
    """etoh ich sah ivh sdh edh bph lvh rvh pah pph gih ugih lgih siadh acth tsh fsh lh pth adh
    ldh mch nph ph rh hh bh mh dh uh ah eh oh nh ch sh th wh kh ach bch synch usoh soh""".split()
)
# Where in town a school or a hospital is, said as its name: "from central high", "at
# west middle", "to north regional".
_COMPASS_NAMES = frozenset(
    """north south east west northern southern eastern western central northeast
    northwest southeast southwest""".split()
)
# Words that belong in a facility's name though they are ordinary English.
_NAME_WORDS = frozenset(
    """of holy cross mercy sacred heart good samaritan sinai trinity providence grace
    baptist methodist presbyterian lutheran adventist catholic episcopal jewish union
    memorial general shriners st st. saint mount mt mt.""".split()
)
_GENERIC = frozenset(
    """the a an this that local state community general county city psychiatric children's
    childrens veterans university private public my his her their our your outside other
    previous prior same new old nearby area regional mental health medical
    behavioral inpatient outpatient rehab day night walk-in urgent primary care its any
    some every last next first second psych detox methadone family free transfer osh ed
    er icu floor unit main home high middle elementary law med nursing of and homeless
    women's womens domestic youth teen emergency overnight animal bible sunday grad
    graduate summer boarding charter catholic christian religious beauty trade driving
    dental art music dance language cooking swim junior senior big little small nice
    good bad new old best worst favorite same memory respite child skilled adult elder
    critical intensive continuing palliative foster personal independent""".split()
)


# In Spanish the noun comes first: "la escuela benito juárez", "la iglesia san josé",
# "la clínica santa rosa", then its name (kinds of school or church may come between).
_SPANISH_FACILITY = lazy(
    r"(?i)(?<![\w'’])(?:escuela|colegio|iglesia|parroquia|cl[ií]nica|preparatoria|prepa|primaria"
    r"|secundaria|templo|capilla"
    # (nouns English shares or that name things too, only after a Spanish article: "al
    # hospital san rafael", "la farmacia guadalupe"; not "the hospital bill")
    r"|(?<=(?<![\w'’])(?:el|al|del)[ ]+)(?:hospital|asilo|rancho|mercado|parque|sanatorio)"
    r"|(?<=(?<![\w'’])(?:la|una)[ ]+)(?:farmacia|tienda|panader[ií]a|taquer[ií]a))"
    r"(?:[ ]+(?:primaria|secundaria|preparatoria|elemental|cat[oó]lica|cristiana|bautista"
    r"|evang[eé]lica|pentecostal|comunitaria|general(?:[ ]de)?))?[ ]+"
    # (a saint's name may come after "de": "la parroquia de santa cecilia")
    r"(?:de[ ]+(?=(?:san|santa|santo|nuestra)[ ]))?"
    r"(?P<name>(?:(?P<saint>san|santa|santo|nuestra[ ]se[ñn]ora[ ]de(?:[ ]la|[ ]los)?)[ ]+)?"
    r"\p{L}[\p{L}'’-]*(?:[ ]+\p{L}[\p{L}'’-]*){0,2})"
)
# Kinds a facility's name may hold between its name and its noun: "grace community
# church", "mercy family health center", "calvary christian academy".
_KIND_IN_NAME = frozenset({"community", "family", "christian", "bible", "regional", "medical"})
# A children's hospital known by the word after "children's": "she was at children's
# mercy", "they sent us to children's national" (not "children's books").
_CHILDRENS = lazy(
    r"(?i)(?<![\w'’])(?:at|to|from|in|into)[ ]+(?P<name>children['’]?s[ ]+"
    rf"(?:{'|'.join(sorted(_NAME_WORDS - {'of', 'st', 'st.', 'mt', 'mt.', 'mount', 'saint'}))}"
    r"|national))(?![\w'’-])"
)
# A hospital's pious name, where someone is or goes: "got my meds at good sam", "he was
# in sacred heart" (not "a holy cross on a chain", "in good heart").
_PIOUS_HOSPITAL = regex.compile(
    r"(?i)(?<=(?<![\w'’])(?:at|to|from|into|in)[ ]+)(?:(?:sacred|holy|mount|mt\.?)[ ]+(?:heart"
    r"|cross|shepherd|samaritan|sam|redeemer|trinity|sinai)|good[ ]+(?:sam|samaritan|shepherd))"
    r"(?![\w'’-])"
)
# (every match holds one of these)
_PIOUS_GATES = ("sacred", "holy", "mount", "mt", "good s")
# A hospital called by its town, county or founder and "general": "at mass general", "to
# sf general", "cook county general", "sutter general" (not "in general", "the general
# idea", "at a general meeting": the words before it are checked, `_general_hospitals`).
_TOWN_WORD = (
    r"(?!(?:at|to|from|in|into|the|a|an|my|his|her|our|their|this|that|your)(?![\w'’]))"
    r"[\p{L}][\p{L}.'’]*"
)
_GENERAL_HOSPITAL = regex.compile(
    r"(?i)(?<=(?<![\w'’])(?:at|to|from|into|in)[ ]+(?:the[ ]+)?)"
    rf"(?P<town>{_TOWN_WORD}(?:[ ]{_TOWN_WORD}){{0,2}})[ ]+general(?![\w'’-])"
    r"(?:[ ]+(?:hospital|medical[ ]center))?"
)
# States said short before "general" ("mass general").
_STATE_SHORT = frozenset({"mass", "mass.", "penn", "conn", "wash", "minn", "mich"})
_FACILITY = builtin("phimin.location.facility")
_BARE_STREET = builtin("phimin.location.street_bare")
_UNIVERSITY = builtin("phimin.location.university")
_SAINT_NAME = builtin("phimin.location.saint")
_TRANSFERRED = builtin("phimin.location.transfer")
_ACRONYM = builtin("phimin.location.acronym")
_VENUE_NAME = builtin("phimin.location.venue")
_UNKNOWN_PLACE = builtin("phimin.location.unknown_place")
_FEATURE_NAME = builtin("phimin.location.feature")
_WARD_FLOOR = builtin("phimin.location.transfer.ward")


class FacilityRecognizer(PhiminRecognizer):
    """Hospitals, clinics, schools, shelters and jails by name (a quasi-identifier)."""

    ENTITIES = ("LOCATION",)

    def __init__(self, lexicon: NameLexicon) -> None:
        super().__init__()
        self.lexicon = lexicon

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Detection]:
        # (a sight millions visit locates no one, whichever rule read it: "i went to
        # graceland with my mom", "we visited the lincoln memorial")
        return [
            d
            for d in self._find(text, case_of(text, nlp_artifacts))
            if text[d.start : d.end].lower().removeprefix("the ") not in FAMOUS_SITES
        ]

    def _find(self, text: str, mode: CaseMode) -> Iterator[Detection]:
        yield from self._named(text, mode)
        yield from self._universities(text, mode)
        yield from self._saints(text)
        yield from self._transfers(text)
        yield from self._acronyms(text, mode)
        yield from self._wards(text)
        yield from self._bare_streets(text)
        yield from self._venues(text)
        yield from self._unknown_places(text)
        yield from self._features(text)
        yield from self._spanish_facilities(text)
        yield from school_acronyms(text, self.lexicon)
        yield from school_short_names(text, self.lexicon)
        yield from institutions(text, self.lexicon)
        yield from named_venues(text)
        yield from landmarks(text, self.lexicon)
        yield from answered_places(text, self.lexicon)
        for m in finditer_by_line(_CHILDRENS, text):
            yield _FACILITY.at(*m.span("name"))
        yield from self._pious_hospitals(text)
        yield from self._general_hospitals(text)
        for m in finditer_by_line(_FIRST_CHURCH, text):
            yield _FACILITY.at(*m.span())
        for m in finditer_by_line(_CHAIN_ON_STREET, text):
            yield _FACILITY.at(*m.span("chain"))

    def _features(self, text: str) -> Iterator[Detection]:
        """ "fish in the kickapoo river", "walk around green lake", "drove out to bodega
        bay": a park or a water by its name. After "the", a name no dictionary has or a
        census name ("the hudson river", not "the big river"); with no article, any
        word that is not a kind or a which ("green lake", not "dog park")."""
        lex = self.lexicon
        for m in finditer_by_line(_FEATURE, text):
            words = m.group("name").lower().split()
            # (a clinic's word before a water or a park is its name: "blue lake", "swan
            # island"; before a bridge or a square it may be the body's: "the nasal bridge")
            clinical = m.group("kind").lower() in _BODY_KINDS
            if any(
                w in STOP_WORDS or w in _NOT_FEATURE_NAMES or (clinical and is_clinical_term(w))
                for w in words
            ):
                continue
            if m.group("the") is not None and all(
                lex.is_plain_word(w) and not lex.is_name(w) for w in words
            ):
                continue  # "in the rushing river": a described water
            # The kind goes too, said again as the finding's wording: "green lake" ->
            # "[lake]" (`facility_kind`); "lake tahoe" -> "[location]".
            start = min(m.start("name"), m.start("kind"))
            if text[start : m.end()].lower() in FAMOUS_SITES:
                continue  # "we went to the grand canyon": a sight, it locates no one
            yield _FEATURE_NAME.at(start, m.end())

    def _unknown_places(self, text: str) -> Iterator[Detection]:
        """ "he's in rikers again", "doing time at attica", "i was at harborview for a
        week": where someone is, was or was sent, a word no English, Spanish or name list
        has is that place's own name; so is a word made like a place's ("she's at
        hillcrest now", "at rosewood"), and two words ending as one's ("at valley view
        now", "we lived at otter crest")."""
        for m in (*finditer_by_line(_BEEN_AT, text), *finditer_by_line(_LIVES_IN_SPANISH, text)):
            words = m.group("name").lower().split()
            if " ".join(words).replace("’", "'") in BRANDS:
                continue  # "i went to walgreens yesterday": a chain names no place alone
            if len(words) == 2:
                if self._two_word_place(*words) and not (
                    words[1] == "view" and not m.group("cue").lower().endswith("at")
                ):
                    yield _UNKNOWN_PLACE.at(m.start("name"), m.end("name"))
                continue
            word = words[0]
            lex = self.lexicon
            if _toponym_compound(word, lex) or not (
                word in STOP_WORDS
                or word in _KINDS_SAID_AS_NAMES
                or lex.is_english(word)
                or lex.is_common_word(word)
                or lex.is_spanish(word)
                or lex.is_name(word)
                or is_clinical_term(word)
            ):
                yield _UNKNOWN_PLACE.at(m.start("name"), m.end("name"))

    def _general_hospitals(self, text: str) -> Iterator[Detection]:
        """ "at mass general", "to sf general": a hospital by its town and "general"."""
        places = load_places()
        for start, end in lines_with_words((" general",), text):
            for m in _GENERAL_HOSPITAL.finditer(text, start, end):
                words = m.group("town").lower().split()
                town = " ".join(words)
                if any(w in STOP_WORDS or is_clinical_term(w) for w in words):
                    continue
                if (
                    town in places.cities
                    or town in places.not_below_state
                    or town in _STATE_SHORT
                    or words[-1] == "county"
                    or (len(town) <= 3 and town.isalpha() and not self.lexicon.is_english(town))
                    or (
                        len(words) == 1
                        and self.lexicon.is_name(town)
                        and not self.lexicon.is_plain_word(town)
                        and not self.lexicon.is_first_name(town)
                    )
                ):
                    yield _FACILITY.at(m.start("town"), m.end())

    def _pious_hospitals(self, text: str) -> Iterator[Detection]:
        """ "at good sam", "in sacred heart": a hospital's pious name of two words."""
        # (each gated line read on its own: no search for the cue words first)
        for start, end in lines_with_words(_PIOUS_GATES, text):
            for m in _PIOUS_HOSPITAL.finditer(text, start, end):
                yield _FACILITY.at(*m.span())

    def _two_word_place(self, first: str, second: str) -> bool:
        """ "valley view", "otter crest": a name word and a word a place's name ends with
        (not "grandma house", "dog park")."""
        if second not in _TOPONYM_HEADS:
            return False
        return not (
            first in STOP_WORDS
            or first in _NOT_FEATURE_NAMES
            or first in _GENERIC
            or first in _NOT_A_HOME_NAME
            or first.endswith(("ly", "'s", "’s"))
            or is_clinical_term(first)
            or self.lexicon.is_verb_form(first)
            or (first.endswith("ing") and self.lexicon.is_english(first))
        )

    def _venues(self, text: str) -> Iterator[Detection]:
        """ "at cafe luna", "at our lady of guadalupe": a venue named after its kind (the
        name no everyday word or grammar: "at the bar tonight", "at the club with")."""
        for m in finditer_by_line(_VENUE, text):
            word = (m.group("name") or "").lower()  # (none in a parish's: "holy cross")
            lex = self.lexicon
            if m.group("kind") is not None and (
                word in STOP_WORDS
                or word in _NOT_STREETS
                or (lex.is_common_word(word) and not lex.is_clear_name(word))
            ):
                continue
            yield _VENUE_NAME.at(m.start(), m.end())

    def _bare_streets(self, text: str) -> Iterator[Detection]:
        """ "a place on delancey", "the ymca on elm": a street said by its name alone."""
        # (every match holds " on ", " off ", "corner of " or a way gone along, and no
        # line break)
        on_lines = lines_with_words(_ON_OFF, text)
        for m in finditer_in(_PLACE_ON_STREET, text, on_lines):
            word = m.group("street").lower()
            if word in STOP_WORDS or word in _NOT_STREETS:
                continue
            if m.group("kin") is not None and not _kin_street(word, text, m.end()):
                continue
            if self._street_name(word, text, m.end(), business=_business(m)):
                yield _BARE_STREET.at(m.start("street"), m.end())
        for m in finditer_in(_EVENT_ON_STREET, text, on_lines):
            word = m.group("street").lower()
            if word in STOP_WORDS or word in _NOT_STREETS or not self._street_of_event(word):
                continue
            if self._street_name(word, text, m.end(), business=False):
                yield _BARE_STREET.at(m.start("street"), m.end())
        yield from self._streets_by_shops(text)

        for m in finditer_by_line(_CORNER, text):
            first, cross = m.group("first").lower(), m.group("cross").lower()
            if first in _SMALL_ORDINALS and cross in _SMALL_ORDINALS:
                continue
            streets = [_street_word(w) for w in (first, cross)]
            other = cross if streets[0] else first
            if all(streets) or (
                any(streets)
                and (
                    self._cross_name(other)
                    # beside a numbered street, a noun: "at third and pike", "72nd and
                    # cottage grove" (not "at first and foremost", "on fifth and i")
                    or (
                        _ORDINAL_STREET.fullmatch(cross if streets[1] else first) is not None
                        and self._street_noun(other)
                    )
                )
            ):
                yield _BARE_STREET.at(*m.span("street"))

    def _street_name(self, word: str, text: str, end: int, *, business: bool) -> bool:
        """A street's name said alone after a place on it: a common street name, an
        ordinal, a clear census name, a word no everyday list has; after a shop, a
        state's name ("the cafe on mississippi") or a word said as a street's."""
        lex = self.lexicon
        return bool(
            word in _STREET_NAMES
            or _ORDINAL_STREET.fullmatch(word)
            or (word in _STATE_STREETS and business)
            or lex.is_clear_name(word)
            or not (lex.is_common_word(word) or lex.is_spanish(word) or len(word) < 4)
            or (business and self._street_said(word, text, end))
        )

    def _street_of_event(self, word: str) -> bool:
        """Where something happened, a street's name and not whom or what it happened on
        ("jumped on halsted"; not "jumped on jake", "od'd on xanax", "busted on camera")."""
        if word in _STREET_NAMES or _ORDINAL_STREET.fullmatch(word):
            return word not in _SMALL_ORDINALS
        return not (
            self.lexicon.is_first_name(word)
            or is_clinical_term(word)
            or word.replace("’", "'") in BRANDS
            or word in _ON_SAYINGS
            # (nor a plural: "sleeping on couches")
            or (word.endswith("s") and self.lexicon.is_english(word[:-1]))
            or (word.endswith("es") and self.lexicon.is_english(word[:-2]))
        )

    def _streets_by_shops(self, text: str) -> Iterator[Detection]:
        """ "the pharmacy near burnside", "the corner store by maple": a shop by or near
        a street said by its name alone (only lines with " by " or " near " are read)."""
        for m in finditer_in(_SHOP_BY_STREET, text, lines_with_words((" by ", " near "), text)):
            word = m.group("street").lower()
            if word in STOP_WORDS or word in _NOT_STREETS:
                continue
            if self._street_name(word, text, m.end(), business=True):
                yield _BARE_STREET.at(m.start("street"), m.end())

    def _street_said(self, word: str, text: str, end: int) -> bool:
        """After a shop or a shelter and "on", a name that is also a word ("the laundromat
        on sandy", "the fred meyer on stark"): no saying with "on" ("on call", "on
        fire"), and no noun after it that the word would describe ("on sandy soil")."""
        if word in _ON_SAYINGS or not self.lexicon.is_name(word):
            return False
        if (word.endswith("s") and self.lexicon.is_english(word[:-1])) or (
            word.endswith("es") and self.lexicon.is_english(word[:-2])
        ):
            return False  # a plural: "the hotel on points", "slept on couches"
        after = _WORD_AFTER.match(text, end)
        if after is None:
            return True
        nxt = after.group(1).lower()
        return (
            nxt in STOP_WORDS
            or nxt in _PAUSES
            or self.lexicon.is_verb_form(nxt)
            or (nxt.endswith(("ing", "ed")) and self.lexicon.is_english(nxt))
        )

    def _street_noun(self, word: str) -> bool:
        """A noun a street may be named by: no grammar, no verb, adjective or adverb."""
        return not (
            len(word) < 3
            or word in STOP_WORDS
            or word in _NOT_STREETS
            or word in _PAUSES
            or self.lexicon.is_plain_word(word)
            or is_clinical_term(word)
        )

    def _cross_name(self, word: str) -> bool:
        """A street's own name beside a common one: a surname or a word no everyday list
        has ("powell", "glisan", "chavez"), never an everyday word ("home and main")."""
        lex = self.lexicon
        return (
            len(word) >= 4
            and word not in STOP_WORDS
            and not lex.is_common_word(word)
            and not lex.is_english(word)
            and not lex.is_spanish(word)
        ) or (lex.is_clear_name(word) and not lex.is_first_name(word))

    def _named(self, text: str, mode: CaseMode) -> Iterator[Detection]:
        """The name words before a facility noun: "Larchmont Memorial Hospital"."""
        for m in finditer_by_line(_FACILITY_NOUN, text):  # (only lines with its nouns)
            start = m.start()
            words = 0
            kind = start  # where a kind word between name and noun began
            kinds = 0
            while words < 5:
                w = _WORD_BEFORE.search(text, max(0, kind - 64), kind)  # bounded: no rescans
                if w is not None and w.group(1).lower() in _KIND_IN_NAME and kinds < 2:
                    kind, kinds = w.start(1), kinds + 1  # "grace community church"
                    continue
                if w is None or not self._name_word(w.group(1), mode):
                    break
                start, words = w.start(1), words + 1
                kind = start
            spoken_noun = m.group().lower() in _SPOKEN_NOUNS
            if m.group().lower() == "general" and not self._hospital_name(text[start : m.start()]):
                start, words = m.start(), 0  # "Physical Exam General:", a heading
            if spoken_noun and (mode == "upper" or (mode == "lower" and words)):
                # "SATS HIGH", "bp high": in a ward note these are no schools; in
                # lower case only after a word that places a name ("at lakeview high")
                start, words = m.start(), 0
            plain = _GENERIC | _DENOMINATIONS  # "the local methodist church" names none
            name = text[start : m.start()].strip()
            if mode == "lower" and all(x.lower().strip(".") in plain for x in name.split()):
                # (no name word before it, or a denomination alone: "zion" is in a
                # dictionary, so "mount zion baptist church" is everyday words after "to")
                # (an apartment complex is named with everyday words: "maple crest")
                noun = m.group().lower()
                # (a home's name may be any words: "sunrise senior living", "shady grove
                # care center")
                plain_ok = not spoken_noun or noun in _PLAIN_NAMED
                start, words = self._spoken_name(
                    text, m.start(), plain=plain_ok, pious=noun in ("general", "baptist")
                )
                name = text[start : m.start()].strip()
            if words and not all(x.lower().strip(".") in plain for x in name.split()):
                # "Frederick Memorial", "Baltimore Rehab": the noun is part of the name.
                # "Larchmont Memorial Hospital": the kind goes too, said again by its
                # wording ("[hospital]", `facility_kind`)
                noun = " ".join(m.group().lower().split())
                whole = noun in _NAME_NOUNS or noun in _KIND_WORDINGS
                yield _FACILITY.at(start, m.end() if whole else start + len(name))

    def _hospital_name(self, name: str) -> bool:
        """Words that can name a hospital before "general": pious names and words no
        dictionary has ("Tufts", "Massachusetts"), not a heading ("Physical Exam")."""
        lex = self.lexicon
        words = [w.lower().strip(".") for w in name.split()]
        return all(w in _NAME_WORDS or not lex.is_english(w) for w in words)

    def _spoken_name(
        self, text: str, noun: int, *, plain: bool, pious: bool = False
    ) -> tuple[int, int]:
        """(start, words) of everyday words naming a facility in lower-case speech, after a
        word that places it: "at hollis creek elementary"; (noun, 0) if there are none.
        Without `plain`, no verb, adjective or adverb ("to right middle lobe"). With
        `pious`, a hospital's pious name alone will do ("at mercy general")."""
        start, words = noun, 0
        while words < 3:
            w = _WORD_BEFORE.search(text, max(0, start - 64), start)
            if w is not None and words and w.group(1).lower() == "new":
                start, words = w.start(1), words + 1  # "new hope baptist", "new life church"
                continue
            if w is None or not self._spoken_word(w.group(1)):
                break
            lower = w.group(1).lower()
            if (
                not plain
                and self.lexicon.is_plain_word(lower)
                and lower not in _NAME_WORDS
                and lower not in _COMPASS_NAMES
            ):
                break
            start, words = w.start(1), words + 1
        cue = _WORD_BEFORE.search(text, max(0, start - 64), start)
        name = text[start:noun].lower().split()
        if (
            words
            and cue is not None
            and cue.group(1).lower() in _SPOKEN_CUES
            and not all(
                (x in _NAME_WORDS and not pious) or x in _GENERIC or x in _DENOMINATIONS
                for x in name
            )
        ):
            return start, words
        return noun, 0

    def _spoken_word(self, word: str) -> bool:
        lower = word.lower()
        return (
            len(lower) >= 3
            and lower not in STOP_WORDS
            and lower not in _GENERIC
            and lower not in _SPOKEN_CUES
            and not lower.endswith("ly")
            and not is_clinical_term(lower)
        )

    def _spanish_facilities(self, text: str) -> Iterator[Detection]:
        """ "la escuela benito juárez", "la iglesia san josé": a school, church or clinic
        named after its noun, as Spanish says it; the name runs over names, or any word
        after a saint's title ("la escuela de mi hijo" names no one)."""
        for m in finditer_by_line(_SPANISH_FACILITY, text):
            end = m.start("name")
            words = list(regex.finditer(r"\S+", m.group("name")))
            saint = m.group("saint")
            if saint is not None:  # the saint's one name: "santa rosa" (not "ayer" after)
                words = words[: len(saint.split()) + 1]
                if len(words) <= len(saint.split()):
                    continue  # "la iglesia santa" and nothing after
                end = m.start("name") + words[-1].end()
            for w in words:
                if saint is not None or not self._person_word(w.group().lower()):
                    break
                end = m.start("name") + w.end()
            if end > m.start("name"):
                yield _FACILITY.at(m.start("name"), end)

    def _person_word(self, word: str) -> bool:
        """A word that names someone: a census name, or no Spanish or English word."""
        lex = self.lexicon
        if word in STOP_WORDS or word in SPANISH_STOP_WORDS or word in SPANISH_TIMES:
            return False  # (nor a time: "fuimos al parque ayer")
        plain = fold_accents(word)  # ("juárez", "josé")
        if lex.is_spanish(word) or lex.is_spanish(plain):
            return lex.is_clear_name(plain)  # ("ayer" is yesterday, a surname too)
        return lex.is_name(plain) or not (lex.is_common_word(plain) or len(word) < 3)

    @staticmethod
    def _universities(text: str, mode: CaseMode) -> Iterator[Detection]:
        for m in _UNIVERSITY_OF.finditer(text):
            # (in lower case only with "hospital" or "medical center" after it)
            if mode != "mixed" or m.group()[:1].isupper() or m.group("hospital"):
                yield _UNIVERSITY.at(m.start(), m.end())

    def _saints(self, text: str) -> Iterator[Detection]:
        places = load_places()
        for m in _SAINT.finditer(text):
            said = m.group().lower()
            if not m.group().isupper() and (
                said in places.cities
                or (
                    said in places.towns
                    and _SCHOOL_GOING.search(text, max(0, m.start() - 16), m.start()) is None
                )
            ):
                continue  # "moved to st. paul": the gazetteer's, with its state (in
                # capitals the gazetteer takes few: "TO GO TO ST. MARY" stays a saint's;
                # a small town's name is a saint's school or church where someone goes or
                # went: "i went to st ignatius", not "i pray to saint anthony")
            name = m.group("name").lower().rstrip("'’s")
            # A saint's own name is often a word ("st. mark's", "saint rose church", "St.
            # Peter"): a capital, the "'s" or the church after it says it is one.
            said_as_saint = (
                m.group().endswith(("'s", "’s", "'S"))
                or _SAINT_KIND.match(text, m.end()) is not None
                or (  # "St. Rose", not "12 Oak St. Then she left"
                    m.group()[:1].isupper()
                    and name not in STOP_WORDS
                    and (self.lexicon.is_first_name(name) or not self.lexicon.is_plain_word(name))
                )
            )
            if said_as_saint:
                if not is_clinical_term(name):
                    yield _SAINT_NAME.at(m.start(), m.end())
            elif not (self.lexicon.is_plain_word(name) or is_clinical_term(name)):
                yield _SAINT_NAME.at(m.start(), m.end())

    def _transfers(self, text: str) -> Iterator[Detection]:
        for m in finditer_by_line(_TRANSFER, text, shortest=2):  # (lines with its words)
            # "transferred to Mount Carmel", "from Good Shepherd": a hospital's pious name.
            name = m.group("name")
            if name.lower().rstrip(".") in TITLES:  # "referred by Dr. May": a person follows
                continue
            if name.lower().replace("’", "'") in BRANDS:
                continue  # "went to walmart on friday": a chain names no place alone
            hospital = (
                name.lower() in _HOSPITAL_NAMES and m.group("cue").lower() in _HOSPITAL_CUES
            )
            if m.group("pious") or hospital or (self._unusual(name) and not self._spanish_noun(name)):
                yield _TRANSFERRED.at(m.start("name"), m.end())

    def _spanish_noun(self, word: str) -> bool:
        """A Spanish everyday word in lower case that no name list has: "we went to the
        playa", "back to the rancho" (not "transferred to Loma Linda" in capitals)."""
        lower = word.lower()
        return word == lower and self.lexicon.is_spanish(lower) and not self.lexicon.is_name(lower)

    def _acronyms(self, text: str, mode: CaseMode) -> Iterator[Detection]:
        for m in (
            *_HOSPITAL_ACRONYM.finditer(text),
            *finditer_by_line(_ACRONYM_DEPARTMENT, text, _DEPARTMENT),
        ):
            if self._hospital_acronym(m.group("name"), mode):
                yield _ACRONYM.at(m.start("name"), m.end("name"))

    def _wards(self, text: str) -> Iterator[Detection]:
        for m in finditer_in(_WARD, text, lines_with(_DIGIT, text)):  # (a digit, one line)
            if self._unusual(m.group("name")) and not self.lexicon.is_common_word(
                m.group("name").lower()
            ):
                yield _WARD_FLOOR.at(m.start("name"), m.end())

    def _hospital_acronym(self, word: str, mode: CaseMode) -> bool:
        lower = word.lower()
        if (mode != "lower" and not word.isupper()) or lower in _NOT_A_HOSPITAL:
            return False
        return word.upper() not in STATE_CODES and self._unusual(word)

    def _unusual(self, word: str) -> bool:
        """Not a word of English, the clinic or the generic list: a place's own name (nor
        a word of speech, "going to um ...", nor a contraction, "came in that's")."""
        lower = word.lower().replace("’", "'")
        base = _CONTRACTED.sub("", lower)
        return (
            len(word) >= 2
            and lower not in STOP_WORDS
            and base not in STOP_WORDS
            and lower not in _SPOKEN_SOUNDS
            and not is_clinical_term(lower)
            and not self.lexicon.is_english(lower)
            and not (base != lower and self.lexicon.is_english(base))
            and lower not in _GENERIC
        )

    def _name_word(self, word: str, mode: CaseMode) -> bool:
        lower = word.lower()
        if lower in _NAME_WORDS or (len(word) == 1 and word.isupper()):  # "U OF KY"
            return True
        if lower in STOP_WORDS or is_clinical_term(lower):
            return False
        if len(lower) > 3 and lower.endswith("."):
            return False  # a sentence's end: "to Lincoln Middle School. Jefferson Middle"
        base, apostrophe, _ = lower.replace("’", "'").partition("'")
        if apostrophe and base in STOP_WORDS:
            return False  # a pronoun and its verb: "he's lutheran", "that's general"
        if apostrophe and self.lexicon.is_english(base) and not self.lexicon.is_first_name(base):
            return False  # whose it is: "my kid's high school", "my cousin's church"
        if mode == "lower" and word[:1].isupper():
            return True  # a capital stands out in a lower-case note
        if mode == "mixed":
            return word[:1].isupper()
        if mode == "upper":
            return not (self.lexicon.is_common_word(lower) and self.lexicon.is_plain_word(lower))
        return not self.lexicon.is_english(lower)
