"""Every pattern rule, with texts it must find and texts it must leave alone.

Positive cases check the raw detection (rule id and exact span) and that the
identifier is gone from the default output. Negative cases check that the rule does
not fire at all.
"""

from __future__ import annotations

import dataclasses
from unittest import mock

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import phimin
from phimin._detect import addresses
from phimin._detect.addresses import AddressRecognizer
from phimin._detect.base import lower_same_length
from phimin._detect.case import case_mode
from phimin._detect.dates import AGE_SPECS, DATE_SPECS
from phimin._detect.employers import EmployerRecognizer
from phimin._detect.identifiers import IDENTIFIER_SPECS
from phimin._detect.lexicon import load_lexicon
from phimin._detect.places import PLACE_SPECS, FacilityRecognizer
from phimin._normalize import normalize

ALL_SPECS = IDENTIFIER_SPECS + DATE_SPECS + AGE_SPECS + PLACE_SPECS

# (rule id, text, the span that must be found)
POSITIVE = [
    ("phimin.email", "Her email is maria.lopez@example.org if needed.", "maria.lopez@example.org"),
    ("phimin.email", "write to j_doe+notes@clinic.internal", "j_doe+notes@clinic.internal"),
    (
        "phimin.email.spelled",
        "it's maria dot lopez at gmail dot com",
        "maria dot lopez at gmail dot com",
    ),
    (
        "phimin.url.scheme",
        "see https://example.org/u/mlopez?id=3.",
        "https://example.org/u/mlopez?id=3",
    ),
    ("phimin.url.www", "her blog www.mariaswritings.net is public", "www.mariaswritings.net"),
    ("phimin.url.domain", "posted on mlopezart.com last night", "mlopezart.com"),
    ("phimin.ip.ipv4", "logged in from 192.168.14.201 twice", "192.168.14.201"),
    (
        "phimin.ip.ipv6",
        "device at 2001:db8:85a3::8a2e:370:7334 seen",
        "2001:db8:85a3::8a2e:370:7334",
    ),
    ("phimin.phone.nanp", "call her at (410) 555-2671 after 5", "(410) 555-2671"),
    ("phimin.phone.nanp", "cell 410.555.2671", "410.555.2671"),
    ("phimin.phone.nanp", "reach me on +1 410 555 2671 ext 22", "+1 410 555 2671 ext 22"),
    ("phimin.phone.international", "her mother in Mexico: +52 55 1234 5678", "+52 55 1234 5678"),
    ("phimin.phone.local", "call me at 555-2671 tonight", "555-2671"),
    ("phimin.phone.formatted", "dtr Paulina- 301- 555- 0147.", "301- 555- 0147"),
    ("phimin.phone.formatted", "son visited.(301 555 01477) after", "(301 555 01477)"),
    ("phimin.phone.pager", "Will follow. Pager 83554.", "83554"),
    ("phimin.phone.context", "Mobile: 0612 457 30 88", "0612 457 30 88"),
    ("phimin.phone.context", "could you call me on 462 1937? thanks", "462 1937"),
    ("phimin.phone.context", "941.286.5307 fax", "941.286.5307"),
    ("phimin.ssn.formatted", "SSN 523-61-8840 on file", "523-61-8840"),
    ("phimin.ssn.formatted", "his number is 523 61 8840", "523 61 8840"),
    ("phimin.ssn.labelled", "social security number 523618840", "523618840"),
    ("phimin.card", "paid with 4111 1111 1111 1111 today", "4111 1111 1111 1111"),
    ("phimin.iban", "IBAN GB82 WEST 1234 5698 7654 32 for refunds", "GB82 WEST 1234 5698 7654 32"),
    ("phimin.account.labelled", "account number 00123456789 at the credit union", "00123456789"),
    ("phimin.account.labelled", "routing # 021000021", "021000021"),
    ("phimin.mrn.labelled", "MRN: 0045821 admitted", "0045821"),
    ("phimin.mrn.labelled", "medical record number AB-448213", "AB-448213"),
    ("phimin.mrn.nearby", "my MRN on the clinic card says 00482913", "00482913"),
    ("phimin.health_plan.labelled", "Medicaid ID 88123456A on the card", "88123456A"),
    ("phimin.health_plan.labelled", "member id: XJH448812991", "XJH448812991"),
    ("phimin.health_plan.mbi", "Medicare card shows 1EG4-TE5-MK73", "1EG4-TE5-MK73"),
    ("phimin.license.labelled", "driver's license number D1234567 was suspended", "D1234567"),
    ("phimin.license.labelled", "NPI 1234567893", "1234567893"),
    ("phimin.license.dea", "prescriber AB1234563 signed", "AB1234563"),
    ("phimin.vehicle.plate", "license plate 7ABC123 was reported", "7ABC123"),
    ("phimin.vehicle.vin", "the VIN 1HGCM82633A004352 matched", "1HGCM82633A004352"),
    ("phimin.device.labelled", "pacemaker serial number PM448812X", "PM448812X"),
    ("phimin.device.imei", "phone IMEI 490154203237518 blocked", "490154203237518"),
    ("phimin.a_number.labelled", "her A-number is 123-456-789", "123-456-789"),
    ("phimin.a_number.format", "file A212345678 pending", "A212345678"),
    ("phimin.uscis.receipt", "receipt EAC2190123456 received", "EAC2190123456"),
    ("phimin.case_number.labelled", "case number 2023-CF-004512 set for hearing", "2023-CF-004512"),
    ("phimin.case_number.federal", "docket 1:21-cr-00123 was sealed", "1:21-cr-00123"),
    ("phimin.case_number.state", "charged under 21CR04512 last year", "21CR04512"),
    ("phimin.other_id.labelled", "claim number CLM-99812345 denied", "CLM-99812345"),
    ("phimin.other_id.hash_number", "form #448812 was signed", "#448812"),
    ("phimin.other_id.long_number", "his student number 20481197 is on the letter", "20481197"),
    ("phimin.other_id.code", "badge code XK44812Z issued", "XK44812Z"),
    ("phimin.date.numeric", "DOB 03/14/1987 confirmed", "03/14/1987"),
    ("phimin.date.numeric", "seen 14.03.87 in clinic", "14.03.87"),
    ("phimin.date.iso", "admitted 2023-03-14 overnight", "2023-03-14"),
    ("phimin.date.month_day", "FOUND ON FLOOR 7/22 BY HUSBAND", "7/22"),
    ("phimin.date.month_day", "swabs from 4/21-4/22 pending", "4/22"),
    ("phimin.date.month_year_numeric", "CABG 12/93 with stent", "12/93"),
    ("phimin.date.month_name_day", "her birthday is March 14th, 1987", "March 14th, 1987"),
    ("phimin.date.month_name_day", "on the date of july twenty-second", "july twenty-second"),
    ("phimin.date.day_month_name", "discharged on the 3rd of June", "the 3rd of June"),
    ("phimin.date.month_year", "started in September 2021 with us", "September 2021"),
    ("phimin.date.compact", "DOB 14-Mar-1987, seen today", "14-Mar-1987"),
    ("phimin.date.compact", "DOB 14Mar1987", "14Mar1987"),
    ("phimin.date.holiday_year", "came back Christmas 2023 sober", "Christmas 2023"),
    ("phimin.date.ordinal_day", "she said it's the 11th.", "the 11th"),
    ("phimin.date.numeric", "drawn on03/11/19 stable", "03/11/19"),
    ("phimin.date.holiday_year", "since Thanksgiving of 2021,", "Thanksgiving of 2021"),
    ("phimin.date.month_year", "since march of twenty twenty one", "march of twenty twenty one"),
    ("phimin.date.month_alone", "It happened in October at school.", "October"),
    ("phimin.date.month_in_context", "we moved out in may and", "may"),
    ("phimin.date.year", "MI in 1992 with stent", "1992"),
    ("phimin.date.year_apostrophe", "graduated in '09 from college", "'09"),
    ("phimin.date.history_year", "PMH: TURP 97, DM", "97"),
    ("phimin.age.years_old", "a 93-year-old widow lives alone", "93"),
    ("phimin.age.years_old", "91 yo F with dementia", "91"),
    ("phimin.age.label", "Age: 97", "97"),
    ("phimin.age.shorthand", "93M presents with low mood.", "93"),
    ("phimin.age.turned", "she turned 90 last spring", "90"),
    ("phimin.age.birthday", "her 100th birthday party", "100th"),
    ("phimin.age.decade", "a man in his late 90s", "90s"),
    ("phimin.age.words", "ninety-two years old and sharp", "ninety-two"),
    ("phimin.zip.after_state", "Baltimore, MD 21201", "21201"),
    ("phimin.zip.labelled", "zip code 02139 on the form", "02139"),
    ("phimin.zip.labelled", "her postcode is B0J 2H0 now", "B0J 2H0"),
    ("phimin.zip.labelled", "ZIP: 3962", "3962"),
    ("phimin.location.county", "grew up in Anne Arundel County", "Anne Arundel County"),
]

# (rule id, text where that rule must not fire)
NEGATIVE = [
    ("phimin.date.holiday_year", "Christmas is hard for her every year."),
    ("phimin.date.ordinal_day", "moved to the 3rd floor; on the 2nd time she called"),
    ("phimin.email", "the @ sign and an email in general"),
    ("phimin.url.domain", "take 1 tab q.day and rest"),
    ("phimin.url.domain", "the file notes.txt was lost"),
    ("phimin.ip.ipv4", "version 1.2.3 of the app"),
    ("phimin.phone.nanp", "CPT 90837 and 90834 billed"),
    ("phimin.phone.nanp", "between 100 and 200 mg daily"),
    ("phimin.phone.local", "scored 12-2021 on the old form"),
    ("phimin.phone.formatted", "ranges 120-180 mg, then 1200 mg"),
    ("phimin.phone.formatted", "lot 301 555 01477 and (301 555 014770)"),
    ("phimin.phone.pager", "see page 12 of the workbook"),
    ("phimin.phone.context", "call me about the 12.10.2021 visit"),
    ("phimin.phone.context", "work hours 1 2 3 4 5 6"),
    ("phimin.phone.context", "1,234,567 people called"),
    ("phimin.ssn.formatted", "phone 410-555-2671 is not an SSN"),
    ("phimin.card", "order 4111 1111 1111 1112 is fake"),
    ("phimin.iban", "GB82 is just a code"),
    ("phimin.mrn.labelled", "the chart was reviewed in 2019"),
    ("phimin.mrn.nearby", "no MRN yet; she is 45 and takes 12.5 mg"),
    ("phimin.health_plan.labelled", "started Medicaid in 2019"),
    ("phimin.license.labelled", "her license was suspended last year"),
    ("phimin.vehicle.vin", "ABCDEFGHJKLMNPRST is not a vin"),
    ("phimin.device.imei", "490154203237517 fails the checksum"),
    ("phimin.a_number.format", "A1 rating on the test"),
    ("phimin.case_number.labelled", "in case 12 people come"),
    ("phimin.other_id.long_number", "weight 1,000,000 grams of nonsense"),
    ("phimin.other_id.long_number", "a dose of 3.1415926 units"),
    ("phimin.other_id.code", "PHQ-9 and GAD-7 and F41.1 and COVID-19"),
    ("phimin.date.numeric", "ratio 45/60/90 for the scale"),
    ("phimin.date.month_day", "pain 7/10 this morning"),
    ("phimin.date.month_day", "rated anxiety 6/10 at start of session, 3/10 at end"),
    ("phimin.date.month_day", "PHQ-9 score 14, GAD-7 12/21"),
    ("phimin.date.month_day", "take 1/2 tab at night"),
    ("phimin.date.month_day", "BP 120/80 and HR 72"),
    ("phimin.date.month_day", "CPAP 5/5 overnight, crackles 1/2 up"),
    ("phimin.date.month_year_numeric", "MoCA 26/30 and recalled 15/45 words"),
    ("phimin.date.month_name_day", "I may 2 times go"),
    ("phimin.date.day_month_name", "option 1 may be better"),
    ("phimin.date.month_in_context", "and may I ask about that"),
    ("phimin.date.month_alone", "we will march forward"),
    ("phimin.date.year", "takes 2000 mg of it"),
    ("phimin.date.year", "walked 2000 steps"),
    ("phimin.date.history_year", "PMH: CHF, EF 25, PPD 40"),
    ("phimin.age.years_old", "a 45-year-old man"),
    ("phimin.age.label", "age 45 at intake"),
    ("phimin.age.shorthand", "temp 99F this morning"),
    ("phimin.date.compact", "took 2 mar bars and 10 jun"),
    ("phimin.age.turned", "the score turned 95% positive"),
    ("phimin.zip.after_state", "CPT 90837 for the session"),
    ("phimin.zip.labelled", "zip ties x2, zip: 2 bags, zip code is ok"),
    ("phimin.location.county", "the county fair"),
]


# Addresses are blocks: (rule id, text, the whole address that must be found).
ADDRESSES = [
    ("phimin.address.street", "she lives at 42 Elm Street, Apt 3B now", "42 Elm Street, Apt 3B"),
    ("phimin.address.street", "moved to 1600 n. oak park avenue", "1600 n. oak park avenue"),
    (
        "phimin.address.street",
        "Send it to 12 Main St\nSpringfield, IL 62704\nThanks",
        "12 Main St\nSpringfield, IL 62704",
    ),
    ("phimin.address.intl", "Sie wohnt in der Hauptstraße 5, Berlin.", "Hauptstraße 5, Berlin"),
    ("phimin.address.intl", "vive en Calle Mayor 14, Madrid", "Calle Mayor 14, Madrid"),
    (
        "phimin.address.number_first",
        "she moved to 17 Rue des Lilas, Nantes",
        "17 Rue des Lilas, Nantes",
    ),
    (
        "phimin.address.house_number",
        "His flat: 418 Vestrelia 62\n Apt. 17\n HOLMSLAND",
        "418 Vestrelia 62\n Apt. 17\n HOLMSLAND",
    ),
    ("phimin.address.po_box", "mail goes to P.O. Box 4471", "P.O. Box 4471"),
    (
        "phimin.address.military",
        "posted to PSC 4410, Box 2093\nAPO AE 09712",
        "PSC 4410, Box 2093\nAPO AE 09712",
    ),
    ("phimin.address.unit", "the shelter, Suite 12, on the second floor", "Suite 12"),
    (
        "phimin.address.corner",
        "we met at the corner of 5th Street and Elm Avenue.",
        "the corner of 5th Street and Elm Avenue",
    ),
    ("phimin.address.context", "his address: Koprivna 31, Lesnovo", "Koprivna 31, Lesnovo"),
]
NOT_ADDRESSES = [
    "walked 5 miles down the road",
    "3 times a day on the way",
    "took 2 Tylenol 500 for the headache",
    "in 2 weeks we will review the plan",
    "she lives at home with 2 kids",
    "PHQ-9 score 14, GAD-7 12",
    "Session 4 of 12 today.",
    "Seen on 3 Dec 2021 and 14 March 2020.",
    "Pt is on 3L NC, weaned off at 9am.",
    "output via foley 40 cc/hr overnight",
    "INSULIN GTT TO 4 U FOR FS 212. SBP 88 TO 97 VIA ART LINE 104.",
]


def address_hits(text: str) -> list[tuple[str, str]]:
    return [(h.rule_id, text[h.start : h.end]) for h in AddressRecognizer().find(text, None)]


@pytest.mark.parametrize(("rule_id", "text", "span"), ADDRESSES, ids=[a[0] for a in ADDRESSES])
def test_address_blocks(redactor: phimin.Redactor, rule_id: str, text: str, span: str) -> None:
    assert (rule_id, span) in address_hits(text)
    assert redactor.redact(text).text.count("[ADDRESS_1]") == 1


@pytest.mark.parametrize("text", NOT_ADDRESSES)
def test_not_addresses(text: str) -> None:
    assert address_hits(text) == []


FACILITIES = [
    ("transferred from Larchmont Memorial Hospital", "Larchmont Memorial Hospital"),
    ("TO LARCHMONT HOSPITAL ER", "LARCHMONT HOSPITAL"),
    ("presented to mount carmel hospital", "mount carmel hospital"),
    ("PRESENTED TO U OF KY MED CENTER", "U OF KY MED CENTER"),
    ("?move to St. Brigid's on friday", "St. Brigid's"),
    ("TRANSFERRED TO KMH FOR EVAL", "KMH"),
    ("transfer to ashgrove 2 today", "ashgrove 2"),
    ("went to Memorial Hospital", "Memorial Hospital"),  # one of many, but a hospital's name
    ("PLAN: MOVE TO ASHGROVE 4 TOMORROW", "ASHGROVE 4"),
    ("WAS SENT TO HOLY FAMILY FOR IMAGING", "HOLY FAMILY"),
    ("transferred from Good Shepherd for rehab", "Good Shepherd"),
    # A hospital's acronym after a word of place; a state's university; a regional.
    ("PT WAS SEEN AT HFMC LAST WEEK", "HFMC"),
    ("second opinion at MGH in the spring", "MGH"),
    ("came into shmc by ambulance", "shmc"),
    ("came from university of oregon hospital today", "university of oregon hospital"),
    ("TAKEN TO FULTON REGIONAL WHERE LABS DRAWN", "FULTON REGIONAL"),
    ("CALLED 911>FULTON HOSPITAL", "FULTON HOSPITAL"),
    ("found down-> RMH EW today", "RMH"),
    ("pt transferred to 412 ashgrove.", "ashgrove"),
    ("c/o to ashgrove if stable", "ashgrove"),
    ("PLAN: ASHGROVE 2 ONCE A BED OPENS", "ASHGROVE 2"),
    # (in a note written in lower case, a capital marks the name)
    (
        "resp: lungs clear, sats good on room air, no distress overnight. " * 6
        + "she can name Fulton General Hospital as the place.",
        "Fulton General Hospital",
    ),
]
NOT_FACILITIES = [
    "admitted to the State Hospital",
    "she was admitted to the hospital yesterday",
    "sent to rehab, transferred to icu, taken to OR",
    "the community mental health clinic",
    "on neo 2 and lasix 40, in room 12, on day 3, at week 6, scored 14 on PHQ 9",
    "moved to Boston 3 years ago; went to church on Sunday 2 times",
    # Bleeds, hormones, states and shorthand shaped like a hospital's acronym.
    "withdrawal from ETOH, bleed from SDH, in ICH, back to USOH, breathing in synch",
    "moved to OH last year, then to NH; started on NPH, seen at night",
    "regional anesthesia block placed; regional wall motion normal",
    "plan: lasix 20 iv, cxr 2 views, levo 2 mcg. PLAN: NEURO 2 HOURLY, ABX 7 DAYS",
]


@pytest.mark.parametrize(("text", "span"), FACILITIES)
def test_facilities(redactor: phimin.Redactor, text: str, span: str) -> None:
    recognizer = FacilityRecognizer(redactor.engine.lexicon)
    found = [text[h.start : h.end] for h in recognizer.find(text, None)]
    assert span in found


@pytest.mark.parametrize("text", NOT_FACILITIES)
def test_not_facilities(redactor: phimin.Redactor, text: str) -> None:
    assert list(FacilityRecognizer(redactor.engine.lexicon).find(text, None)) == []


def detections(redactor: phimin.Redactor, text: str) -> list[tuple[str, str]]:
    norm = normalize(text).text
    (found,) = redactor.engine.detect([norm])
    return [(d.rule_id, norm[d.start : d.end]) for d in found]


def raw_rule_hits(redactor: phimin.Redactor, text: str, rule_id: str) -> list[str]:
    """Spans a single pattern rule proposes, before evidence is combined."""
    norm = normalize(text).text
    for recognizer in redactor.engine.analyzer.registry.recognizers:
        specs = getattr(recognizer, "specs", ())
        if any(s.rule_id == rule_id for s in specs):
            return [
                norm[h.start : h.end] for h in recognizer.find(norm, None) if h.rule_id == rule_id
            ]
    raise AssertionError(f"no recognizer has rule {rule_id}")


def test_every_pattern_rule_has_positive_and_negative_cases() -> None:
    # Every rule's record in the catalogue carries its own cases and ok texts (run by
    # tests/detect/test_rule_catalogue.py); the pattern rules here are all in it.
    records = {r.id: r for r in phimin.rules()}
    for spec in ALL_SPECS:
        record = records[spec.rule_id]
        assert record.cases, spec.rule_id
        assert record.ok, spec.rule_id


@pytest.mark.parametrize(("rule_id", "text", "span"), POSITIVE, ids=[p[0] for p in POSITIVE])
def test_rule_finds(redactor: phimin.Redactor, rule_id: str, text: str, span: str) -> None:
    assert span in raw_rule_hits(redactor, text, rule_id)
    output = redactor.redact(text, policy="strict").text
    if rule_id.startswith("phimin.age."):  # ages of 90 and over become "90+"
        assert output == text.replace(span, "90+", 1)
    else:
        assert span not in output


@pytest.mark.parametrize(("rule_id", "text"), NEGATIVE, ids=[n[0] for n in NEGATIVE])
def test_rule_leaves_alone(redactor: phimin.Redactor, rule_id: str, text: str) -> None:
    assert rule_id not in {r for r, _ in detections(redactor, text)}


EMPLOYERS = [
    ("She works at Hollister Freight in the warehouse.", "Hollister Freight"),
    ("RETIRED FROM KMH. WIDOWED.", "KMH"),
    ("He works at the Bank of America branch.", "Bank of America"),
]
NOT_EMPLOYERS = [
    "She works at home most days.",
    "He works at night and sleeps all day.",
    "works at least 40 hours",
]


@pytest.mark.parametrize(("text", "span"), EMPLOYERS)
def test_employers(text: str, span: str) -> None:
    assert span in [
        text[h.start : h.end] for h in EmployerRecognizer(load_lexicon()).find(text, None)
    ]


@pytest.mark.parametrize("text", NOT_EMPLOYERS)
def test_not_employers(text: str) -> None:
    assert list(EmployerRecognizer(load_lexicon()).find(text, None)) == []


# Whole outputs: the label is right and the sentence keeps its punctuation.
OUTPUTS = [
    ("We met on the fourteenth of march.", "We met on [date]."),
    ("Seen Mar. 3, 2022 and on 3 Dec 2021.", "Seen [date in 2022] and on [date in 2021]."),
    ("She lives at 12 Oak St. Then she left.", "She lives at [ADDRESS_1]. Then she left."),
    ("Lives at 418 Vestrelia 62.", "Lives at [ADDRESS_1]."),
    ("Email ann.lee@example.org today.", "Email [EMAIL_1] today."),
    (
        "Lives at Koprivna 31, Lesnovo. My address is Via Roma 12, Milano.",
        "Lives at [ADDRESS_1]. My address is [ADDRESS_2].",
    ),
    ("Send it to 508 ul. Wierzbowa 27.", "Send it to [ADDRESS_1]."),  # lower-case prefixes
    ("Prescriber DEA PG0000000.", "Prescriber DEA [LICENSE_1]."),  # PG is also a pager label
    # a field's label is no entity; a verb opening the sentence is not the name it reaches
    ("Driver's license D5520918 was scanned.", "Driver's license [LICENSE_1] was scanned."),
    ("Plate 7KQR204 on the sedan.", "Plate [VEHICLE_ID_1] on the sedan."),
    ("Call Baker at 410-555-0143.", "Call [PERSON_1] at [PHONE_1]."),
]


@pytest.mark.parametrize(("text", "expected"), OUTPUTS)
def test_outputs(redactor: phimin.Redactor, text: str, expected: str) -> None:
    assert redactor.redact(text).text == expected


# Date forms of ward notes: a month/year glued to a word, a year after a period, two
# dates joined by a slash, an implausible year after a month and day, a range of days,
# and a two-digit year with a trailing apostrophe after a month or in a history list.
# (rule id, text, the span that must be found)
WARD_DATES = [
    ("phimin.date.month_year_numeric", "s/p ankle fx6/95, then ORIF", "6/95"),
    ("phimin.date.numeric", "3/27.96  resp: clear bilat", "3/27.96"),
    ("phimin.date.numeric", "CHEMO GIVEN 08/22/08/23 THEN HOME", "08/22/08/23"),
    ("phimin.date.month_name_day", "insists it is june 4, 1812 today", "june 4, 1812"),
    ("phimin.date.day_month_name", "night shift 5->6 dec, 95 summary", "5->6 dec, 95"),
    ("phimin.date.day_month_name", "away 6-7 Oct for a wedding", "6-7 Oct"),
    ("phimin.date.month_year", "last drank in june 11' per wife", "june 11'"),
    ("phimin.date.year_apostrophe", "PMH:\n HTN.\n TIA 83'.\n APPY 91'.", "83'"),
    ("phimin.date.year_apostrophe", "PMH:\n HTN.\n TIA 83'.\n APPY 91'.", "91'"),
    ("phimin.date.year_apostrophe", "PSH: knee scope in 04' c/b DVT", "04'"),
    # two digits after a diagnosis in capitals, or after "in"/"and", in a history list
    ("phimin.date.history_year", "PMH: TURP 97, AAA REPAIR 03, DM", "97"),
    ("phimin.date.history_year", "PMH: TURP 97, AAA REPAIR 03, DM", "03"),
    ("phimin.date.history_year", "PMHx stroke in 99 and 05 with L weakness", "05"),
]

# Fractions, ranges, vent settings, feet and degrees that must stay.
NOT_WARD_DATES = [
    "HOB 30'. AMBULATED 40' WITH PT. HR 70-80'",
    "PMH: CAD\nNEURO: HOB 30'. walked 50' x2",
    "PSH: fall from 20' as a child, X 15' drop",
    "AC 600x12/40% and PS 10/5/40%, PEEP 5",
    "placed on 14/8/45% at noon, weaned to 8/5/35%",  # rate/PEEP/FiO2, not a date
    "x3/45 and T4/52 then 700X14/50",
    "ABG 7.38/42/88/24, PO2 72/7.31, q 24/06/12/18 schedule",
    "3-5 times a day, 4-6 hours, 2-3 may help",
    "take 1/2 tab, crackles 1/3-1/2 up, CPAP 5/5, PSV 10/5",
    # numbers after a vital, a lab, a setting or a word of English in a history list
    "PMH: CHF EF 25, COPD, PPD 40, HR DOWN TO 58, IV PLACED WITH 18 GAUGE, NPH 20 UNITS",
    # clock times shaped like years: after "at" or "@", and shifts from one time to another
    "SBP 88/52 at 2000, FUROSEMIDE @2000 AND @ 1930, SEEN ~ 2015",
    "NURSING NOTE 1900-0700. NPN 0700->1930: NEURO INTACT. NOTE FOR 1900 - 0730",
]


@pytest.mark.parametrize(
    ("text", "safe_harbor"),
    [
        ("PSH: appy 98'. tonsils 71'.", "PSH: appy 98'. tonsils 71'."),
        ("PMH: TURP 97, AAA REPAIR 03, DM", "PMH: TURP 97, AAA REPAIR 03, DM"),
        ("PMH: CVA 1983, MI 4/2/1991", "PMH: CVA 1983, MI [date in 1991]"),
        # a year ending in 60-99 is no clock time, and a range of years is two years
        ("MI at 1992, worked there 1990-2004", "MI at 1992, worked there 1990-2004"),
    ],
)
def test_safe_harbor_keeps_a_year_however_written(
    redactor: phimin.Redactor, text: str, safe_harbor: str
) -> None:
    assert redactor.redact(text).text == safe_harbor
    assert "[date]" in redactor.redact(text, policy="strict").text


def test_strict_removes_years_next_to_clock_words(redactor: phimin.Redactor) -> None:
    # Only a number that can be a time of day (hh 19-20, mm 00-59) after "at" is one.
    # (Each distinct year is its own wording, so that restore brings each one back.)
    text = "MI at 1992, worked there 1990-2004, CABG 2001-2003"
    assert redactor.redact(text, policy="strict").text == (
        "MI at [date], worked there [date #2]-[date #3], CABG [date #4]-[date #5]"
    )


@pytest.mark.parametrize(("rule_id", "text", "span"), WARD_DATES)
def test_ward_date_forms(redactor: phimin.Redactor, rule_id: str, text: str, span: str) -> None:
    assert span in raw_rule_hits(redactor, text, rule_id)
    assert span not in redactor.redact(text, policy="strict").text


@pytest.mark.parametrize("text", NOT_WARD_DATES)
def test_not_ward_dates(redactor: phimin.Redactor, text: str) -> None:
    assert [r for r, _ in detections(redactor, text) if r.startswith("phimin.date.")] == []
    assert "[date" not in redactor.redact(text, policy="strict").text


# The clinical guard: every pattern scans on its own, so one guard span cannot hide
# another that starts inside it ("up 1/4" and the range "1/4-1/3"); and the
# antecubital site of a line ("R AC", "left AC") is not the assist-control vent mode.
@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("lungs: rales at bases up 1/4-1/3. sat 95% on 3L", "1/4-1/3", None),
        ("PICC placed in L AC 10/14, art line in R radial", None, "10/14"),
        ("IV in the left AC 2/19 per night RN", None, "2/19"),
        ("vent on AC 14/5 overnight, weaned in am", "AC 14/5", None),
        ("bolus of 1/2 NS 500 ml given", "1/2 NS", None),
        ("IV fluids changed to D5 1/2 overnight", "D5 1/2", None),
    ],
)
def test_clinical_guard_spans(
    redactor: phimin.Redactor, text: str, kept: str | None, gone: str | None
) -> None:
    out = redactor.redact(text, policy="strict").text
    if kept is not None:
        assert kept in out
    if gone is not None:
        assert gone not in out and "[date" in out


# The international street anchor runs only on lines with a digit: the same addresses
# as a scan of the whole text, wherever the line is.
_INTL_PIECES = [
    "Ulica Kwiatowa 12",
    "Hauptstraße 7a",
    "Via Roma 3",
    "rua das Flores 88",
    "Kastanienweg 4",
    "we met at noon",
    "Room 5",
    "",
    "1999",
    "she moved. Calle Mayor 15, 2nd",
]


@given(
    st.lists(st.sampled_from(_INTL_PIECES), min_size=1, max_size=8),
    st.sampled_from(["\n", "\r\n", "\n\n", " "]),
)
def test_one_line_anchors_find_what_a_whole_text_scan_finds(pieces: list[str], sep: str) -> None:
    text = sep.join(pieces)
    recognizer = AddressRecognizer()
    mode = case_mode(text)
    by_line = list(recognizer._find(text, mode))
    anchors = tuple(dataclasses.replace(a, one_line=False) for a in addresses._ANCHORS)
    assert anchors != addresses._ANCHORS, "some anchor runs by line"
    with mock.patch.object(addresses, "_ANCHORS", anchors):
        whole = list(recognizer._find(text, mode))
    assert by_line == whole


_EMAIL_PIECES = [
    "ana",
    "b.lee",
    "x_1",
    "at",
    "(at)",
    "[dot]",
    "dot",
    "gmail",
    "com",
    "org",
    "co",
    ".",
    "+",
    "-",
]


@given(
    st.lists(st.sampled_from(_EMAIL_PIECES), min_size=1, max_size=12), st.sampled_from([" ", ""])
)
def test_possessive_spelled_email_matches_as_the_backtracking_one(
    pieces: list[str], sep: str
) -> None:
    spec = next(s for s in IDENTIFIER_SPECS if s.rule_id == "phimin.email.spelled")
    backtracking = regex.compile(spec.pattern.replace("}+", "}"))
    text = sep.join(pieces)
    possessive = regex.compile(spec.pattern)
    assert [m.span() for m in possessive.finditer(text)] == [
        m.span() for m in backtracking.finditer(text)
    ]


@given(
    st.text(alphabet=st.characters(), max_size=40)
    | st.sampled_from(["ΣΑΣ ΟΔΟΣ", "İstanbul", "ÅSA"])
)
def test_lower_same_length_keeps_offsets(text: str) -> None:
    lowered = lower_same_length(text)
    assert len(lowered) == len(text)
    assert lowered == "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def test_only_a_us_zip_keeps_its_first_three_digits(redactor: phimin.Redactor) -> None:
    # Safe Harbor's three-digit rule is about US ZIP areas; another country's code
    # says nothing safe in its first digits.
    # (two distinct codes: two wordings, so restore can tell them apart)
    text = "zip code 02139, later postcode B0J 2H0, then ZIP: 3962"
    assert redactor.redact(text).text == (
        "zip code [ZIP 021xx], later postcode [postal code], then ZIP: [postal code #2]"
    )


@pytest.mark.parametrize(
    ("word", "name"),
    [
        *[("raúl", True), ("rocío", True), ("martínez", True), ("josé", True)],
        *[("está", False), ("corazón", False), ("allí", False), ("león", False)],
    ],
)
def test_accented_names_are_looked_up_as_the_census_spells_them(word: str, name: bool) -> None:
    """Only the accented spellings the name words list: "está" folds into "esta", a
    first name too, and stays a word."""
    assert load_lexicon().is_name(word) is name


def test_a_facility_never_runs_over_a_sentence_end(redactor: phimin.Redactor) -> None:
    text = "My daughter goes to Lincoln Middle School. Jefferson Middle School called."
    found = [
        text[h.start : h.end] for h in FacilityRecognizer(redactor.engine.lexicon).find(text, None)
    ]
    assert found == ["Lincoln Middle School", "Jefferson Middle School"]


@pytest.mark.parametrize(
    "text",
    [
        "oye beto ven acá\nsome english line\nMIRA rosa, y yo y chuy fuimos",
        "diego  y   yo ya no hablamos\nórale, lupe\nandale pues",
        "no spanish here at all, just a line about mira and yoyo",
    ],
)
def test_spanish_patterns_gated_by_their_words_find_what_a_line_scan_finds(text: str) -> None:
    from phimin._detect.lines import finditer_by_line
    from phimin._detect.names import spanish

    for pattern, words in (
        (spanish._CALLED_TO, spanish._CALLED_TO_WORDS),
        (spanish._WITH_ME, spanish._WITH_ME_WORDS),
    ):
        gated = [m.span() for m in spanish._in_lines_with(pattern, words, text)]
        assert gated == [m.span() for m in finditer_by_line(pattern, text)]
