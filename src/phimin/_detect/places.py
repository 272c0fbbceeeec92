"""Geographic subdivisions smaller than a state: street addresses, ZIP codes,
counties and named facilities. Cities come from the gazetteer and the NER model.

A five-digit number alone is not taken for a ZIP code (CPT codes such as 90837 are
five digits too): it needs a state before it or a "zip" label.
"""

from __future__ import annotations

from phimin._detect.patterns import PatternSpec

__all__ = ["PLACE_SPECS", "STATE_CODES"]

STATE_CODES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "DC",
    "PR",
    "GU",
    "VI",
    "AS",
    "MP",
]

_STATE_CODE = "(?:" + "|".join(STATE_CODES) + ")"
_STREET_SUFFIX = (
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl"
    r"|way|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|square|sq|trail|trl|alley"
    r"|route|rte|loop|pike|turnpike|plaza|crescent|expressway|expy|freeway|fwy)"
)
# Words that cannot be part of a street name: they mark a quantity or a phrase
# ("walked 5 miles down the road", "3 times a day").
_NOT_STREET_WORD = (
    r"(?:in|on|the|a|an|of|to|for|and|or|at|my|his|her|their|our|your|times?|days?"
    r"|weeks?|months?|years?|mg|mcg|ml|miles?|km|blocks?|minutes?|hours?|down|up|from"
    r"|across|along|off|by|is|was|with|units?|doses?|tabs?|pills?|people|kids|cars?)"
)
_STREET_WORD = rf"(?!{_NOT_STREET_WORD}(?![\w]))[a-z0-9][a-z0-9'.-]*"
_UNIT = r"(?:,?[ ]+(?:apt|apartment|unit|suite|ste|fl|floor|rm|room|bldg|building|\#)\.?[ ]*\#?[ ]*[a-z0-9-]{1,6})?"

PLACE_SPECS: tuple[PatternSpec, ...] = (
    PatternSpec(
        "phimin.address.street",
        "STREET_ADDRESS",
        rf"(?i)(?<![\w.,/-])\d{{1,6}}[a-z]?(?:-\d{{1,4}})?[ ]+(?:[nsew]\.?[ ]+)?"
        rf"(?:{_STREET_WORD}[ ]+){{1,3}}{_STREET_SUFFIX}\.?(?![\w]){_UNIT}",
        0.8,
    ),
    PatternSpec(
        "phimin.address.po_box",
        "STREET_ADDRESS",
        r"(?i)(?<![\w])p\.?[ ]?o\.?[ ]+box[ ]+\d{1,6}(?![\w])",
        0.9,
    ),
    PatternSpec(
        "phimin.zip.after_state",
        "ZIP_CODE",
        rf"(?<![\w]){_STATE_CODE}\.?,?[ ]{{1,2}}(?P<zip>\d{{5}}(?:-\d{{4}})?)(?![\w-])",
        0.9,
        group="zip",
    ),
    PatternSpec(
        "phimin.zip.labelled",
        "ZIP_CODE",
        r"(?i)(?<![\w])(?:zip|zipcode|zip[ ]code|postal[ ]code)[ ]*(?:is|:|#)?[ ]*(?P<zip>\d{5}(?:-\d{4})?)(?![\w-])",
        0.95,
        group="zip",
    ),
    PatternSpec(
        "phimin.location.county",
        "LOCATION",
        r"(?<![\w])(?:[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?|[A-Z]{3,}(?:[ ][A-Z]{3,})?)[ ]"
        r"(?:County|Parish|Borough|COUNTY|PARISH)(?![\w])",
        0.85,
        trigger=r"(?i)county|parish|borough",
    ),
    PatternSpec(
        "phimin.location.facility",
        "LOCATION",
        r"(?<![\w])(?P<name>(?:St\.?[ ]|Saint[ ])?[A-Z][a-z]+(?:'s)?(?:[ ][A-Z][a-z]+(?:'s)?){0,3})[ ]"
        r"(?:Hospital|Medical[ ]Center|Clinic|Health[ ]Center|Health[ ]System|Rehab"
        r"|Rehabilitation[ ]Center|Nursing[ ]Home|Hospice|Treatment[ ]Center|Recovery[ ]Center"
        r"|Behavioral[ ]Health|Elementary|High[ ]School|Middle[ ]School|University|College"
        r"|Academy|Church|Shelter|Jail|Prison|Correctional[ ]Facility|Detention[ ]Center)(?![\w])",
        0.8,
        validate=lambda name: not _generic_facility(name),
        invalid_score=None,
        group="name",
        trigger=r"(?i)hospital|center|clinic|rehab|home|hospice|school|elementary|university|college|academy|church|shelter|jail|prison|facility",
    ),
    PatternSpec(
        "phimin.location.facility_caps",
        "LOCATION",
        r"(?<![\w])(?P<name>[A-Z]{3,}(?:[ ][A-Z]{3,}){0,2})[ ](?:HOSPITAL|MEDICAL[ ]CENTER|CLINIC"
        r"|REHAB|NURSING[ ]HOME|HOSPICE|UNIVERSITY)(?![\w])",
        0.8,
        validate=lambda name: not _generic_facility(name),
        invalid_score=None,
        group="name",
        trigger=r"HOSPITAL|CENTER|CLINIC|REHAB|HOME|HOSPICE|UNIVERSITY",
    ),
)

# Words that make a facility name generic rather than identifying.
_GENERIC_FACILITY_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "local",
        "state",
        "community",
        "general",
        "county",
        "city",
        "psychiatric",
        "children's",
        "childrens",
        "veterans",
        "university",
        "private",
        "public",
        "my",
        "his",
        "her",
        "their",
        "our",
        "your",
        "outside",
        "other",
        "previous",
        "prior",
        "same",
        "new",
        "old",
        "nearby",
        "area",
        "regional",
        "memorial",
        "mental",
        "health",
        "medical",
        "behavioral",
        "inpatient",
        "outpatient",
        "rehab",
        "day",
        "night",
        "walk-in",
        "urgent",
        "primary",
        "care",
        "his",
        "her",
        "its",
        "any",
        "some",
        "every",
        "last",
        "next",
        "first",
        "second",
        "psych",
        "detox",
        "methadone",
        "family",
        "free",
        "transfer",
        "osh",
        "ed",
        "er",
        "icu",
        "floor",
        "unit",
        "main",
        "home",
        "high",
        "middle",
        "elementary",
        "law",
        "med",
        "nursing",
    ]
)


def _generic_facility(name: str) -> bool:
    words = [w.lower() for w in name.replace("St.", "").split()]
    return all(w in _GENERIC_FACILITY_WORDS for w in words)
