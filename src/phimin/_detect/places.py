"""Geographic subdivisions smaller than a state: ZIP codes, counties and named
facilities. Street addresses are in `addresses`; cities come from the gazetteer and
the NER model.

A five-digit number alone is not taken for a ZIP code (CPT codes such as 90837 are
five digits too): it needs a state before it or a "zip" label.
"""

from __future__ import annotations

from phimin._detect.patterns import PatternSpec

__all__ = ["PLACE_SPECS", "STATE_CODES"]

STATE_CODES = tuple(  # the 50 states, DC and the territories
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP".split()
)

_STATE_CODE = "(?:" + "|".join(STATE_CODES) + ")"
PLACE_SPECS: tuple[PatternSpec, ...] = (
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
    """the a an this that local state community general county city psychiatric children's
    childrens veterans university private public my his her their our your outside other
    previous prior same new old nearby area regional memorial mental health medical
    behavioral inpatient outpatient rehab day night walk-in urgent primary care his her
    its any some every last next first second psych detox methadone family free transfer
    osh ed er icu floor unit main home high middle elementary law med nursing""".split()
)


def _generic_facility(name: str) -> bool:
    words = [w.lower() for w in name.replace("St.", "").split()]
    return all(w in _GENERIC_FACILITY_WORDS for w in words)
