"""Dates, ages and phone numbers said aloud in lower-case speech-to-text: where each is
one, and the ordinary words around them that never are.

The rule records (`records/dates.yaml`, `ages.yaml`, `identifiers.yaml`) hold a case
and an ok text for each form; these check the forms by kind: what follows a day said
alone ("the fifth drink" counts drinks), a holiday's one year against every year, an
age's verbs, and the digits of a phone said in pairs.
"""

from __future__ import annotations

import pytest

import phimin
from phimin._detect.identifiers import _not_a_count, _said_digits, _said_phone


def _found(redactor: phimin.Redactor, text: str, entity: str) -> list[str]:
    return [text[f.start : f.end] for f in redactor.redact(text).findings if f.entity == entity]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a clause goes on after the day: its subject, a verb, a preposition, the hour
        # (the day goes with its "the": "rent's due on [date]")
        ("since the fifth i've been sleeping on her couch", "the fifth"),
        ("on the ninth at the courthouse they read the order", "the ninth"),
        ("on the first he called me twice", "the first"),
        ("i'm away the fifteenth through the twentieth", "the fifteenth"),
        ("he starts the second, so we'll see", "the second"),
        ("we land the twenty second at noon", "the twenty second"),
        ("the week of the eighteenth is when it all fell apart", "the eighteenth"),
    ],
)
def test_a_day_said_alone_is_a_date(redactor: phimin.Redactor, text: str, day: str) -> None:
    assert day in _found(redactor, text, "DATE")


@pytest.mark.parametrize(
    "text",
    [
        # an ordinal counting what follows it
        "on the second morning she left",
        "from the first moment i saw him i knew",
        "around the fifth beer he gets mean",
        "on the first of the twelve steps you admit it",
        "after the first few weeks it got easier",
        "on the first and only date we went on",
        # a rank
        "i was the fifth at the door",
        "she's the fourth person to quit",
        "he was the second guy she dated",
        "henry the eighth had six wives",
        # a day of every month is no one's date
        "i'm paid on the fifteenth of the month",
        "rent is due the first of the month so that's stressful",
        "twice a month on the first and fifteenth",
    ],
)
def test_an_ordinal_that_counts_is_no_date(redactor: phimin.Redactor, text: str) -> None:
    assert _found(redactor, text, "DATE") == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # (a week or a weekday counted from it goes with it, as a day does)
        ("the week after christmas she stopped eating", "the week after christmas"),
        ("it was the tuesday after easter that she moved out", "the tuesday after easter"),
        ("el día de la independencia hubo una balacera", "día de la independencia"),
        ("since new year's day i haven't called him", "new year's day"),
        ("last halloween he got arrested", "halloween"),
        ("thanksgiving day he showed up and yelled", "thanksgiving day"),
    ],
)
def test_one_years_holiday_is_a_date(redactor: phimin.Redactor, text: str, day: str) -> None:
    assert _found(redactor, text, "DATE") == [day]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a part of one month, its words with it
        ("it happened the last week of june right after school", "the last week of june"),
        ("we split up the end of july", "the end of july"),
        ("a fines de marzo nos corrieron", "fines de marzo"),
        # a month said with an event after it ("in june we moved")
        ("in june we moved to the new place", "june"),
        # a weekday counted back by weeks
        ("two fridays ago she showed up drunk", "two fridays ago"),
        ("it was three weeks ago tuesday", "three weeks ago tuesday"),
        ("hace dos domingos fue la última vez", "hace dos domingos"),
        # a day's words: its month, a year said in words, "of march"
        ("the third of march two thousand nineteen was the day", "the third of march two thousand nineteen"),
        ("i'm paid on the fifteenth of march", "the fifteenth of march"),
        ("me pagan el día quince", "día quince"),
        ("mi mamá llega el quince de este mes", "quince"),
    ],
)
def test_a_date_said_in_its_words_is_whole(redactor: phimin.Redactor, text: str, date: str) -> None:
    assert _found(redactor, text, "DATE") == [date]


@pytest.mark.parametrize(
    "text",
    [
        "the first week of school is always rough",
        "by the end of the march my feet were bleeding",
        "it was last tuesday that she called",
        "two weeks ago we started the new meds",
        "hace dos semanas empecé la terapia",
        "the fifth week of treatment is the toughest",
        "this may help you sleep",
        "desde el día uno me trató mal",
        "le dije a julio que no viniera",
        # (a Spanish month alone stays, as the packs' records read it)
        "desde enero no me habla",
    ],
)
def test_a_time_that_is_no_date_element_stays(redactor: phimin.Redactor, text: str) -> None:
    assert _found(redactor, text, "DATE") == []


@pytest.mark.parametrize(
    "text",
    [
        "christmas is always sad since dad died",
        "we never celebrate thanksgiving",
        "thanksgiving we usually order pizza",
        "the christmas party at work was awkward",
    ],
)
def test_a_holiday_talked_about_is_no_date(redactor: phimin.Redactor, text: str) -> None:
    assert _found(redactor, text, "DATE") == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("my grandmother's going to be ninety in the fall", "ninety"),
        ("he's well over ninety and still drives", "ninety"),
        ("my grandpa is like ninety-ish", "ninety-ish"),
        ("my grandmother is ninety plus and still gardens", "ninety plus"),
        ("she's a supercentenarian, the paper said", "supercentenarian"),
        ("she died at the age of ninety six", "ninety six"),
        # the forms people say in a session
        ("she's ninety one", "ninety one"),
        ("my grandma turns a hundred in the spring", "a hundred"),
        # (a one-word label goes whole: its number is less than two thirds of it)
        ("my ninety-three-year-old grandma fell again", "ninety-three-year-old"),
        ("client: ninety-two-year-old grandpa and me in one room", "ninety-two-year-old"),
        ("she just turned ninety", "ninety"),
        ("he's like ninety five now", "ninety five"),
        ("tiene noventa y dos años", "noventa y dos"),
        # whoever, then the age; a name between; the verbs of getting there
        ("my grandpa at ninety two still mows the lawn", "ninety two"),
        ("my aunt rosa is ninety two", "ninety two"),
        ("my grandma is going on ninety", "ninety"),
        # close to a hundred is 90 and over: the word goes too ("almost ninety" is 89)
        ("she's close to a hundred", "close to a hundred"),
        ("my grandpa is almost a hundred and still tells jokes", "almost a hundred"),
        ("my grandma is almost ninety", "ninety"),
        ("grandma just hit ninety this year", "ninety"),
        ("she celebrated her hundredth", "hundredth"),
        ("mi abuela ya tiene noventa y ocho", "noventa y ocho"),
        # some age of 90 and over; a person by what they are; the age reached in Spanish
        ("my great grandma's ninety some and still plays cards", "ninety some"),
        ("the lady i clean for is ninety six", "ninety six"),
        ("my great aunt's about to be a hundred", "a hundred"),
        ("he lived till ninety one and never saw a doctor", "ninety one"),
        ("mi abuela ya cumplió los noventa", "noventa"),
        ("mi tío ya va para los noventa y cinco", "noventa y cinco"),
        ("mi abuelo murió a los noventa y tres", "noventa y tres"),
    ],
)
def test_an_age_of_ninety_and_over_is_found(redactor: phimin.Redactor, text: str, age: str) -> None:
    assert _found(redactor, text, "AGE") == [age]


@pytest.mark.parametrize(
    "text",
    [
        "i feel like i'm a hundred years old",
        "he looks ninety years old with all the stress",
        "she's over ninety percent sure",
        "i'm ninety days clean today",
        "the ninety minute session helped",
        "ninety nine times out of a hundred",
        "i feel ninety",
        "she's eighty nine",
        "i've told her a hundred times",
        "in the nineties we lived in ohio",
        "he just hit ninety on the highway",
        "he scored his hundredth goal",
        "my client score was ninety",
        "mi abuela tiene noventa y ocho nietos",
        "i saw my mom at ninety one main street",
        "my brother is like ninety nine percent sure",
        # a thing's age; the decade; days counted
        "the house is almost a hundred years old",
        "we live in a hundred-year-old farmhouse",
        "the old guy at the store charged me ninety bucks",
        "en los noventa vivíamos en tijuana",
        "cumplió los noventa días sin tomar",
    ],
)
def test_an_amount_or_a_feeling_is_no_age(redactor: phimin.Redactor, text: str) -> None:
    assert _found(redactor, text, "AGE") == []


@pytest.mark.parametrize(
    ("said", "number"),
    [
        ("8 0 8 5 5 5 nineteen twelve", "8085551912"),
        ("nine one seven double 5 5 2 8 8 1", "9175552881"),
        ("3 1 2, 5 5 5, forty four eighteen", "3125554418"),
        ("6 1 7 8 hundred twenty two thirty one", "6178002231"),
        ("six four six triple five oh one nine two", "6465550192"),
    ],
)
def test_a_phone_said_in_pairs_reads_as_its_digits(said: str, number: str) -> None:
    assert _said_digits(said) == number
    assert _said_phone(said) is None  # a phone's shape: no verdict against it


@pytest.mark.parametrize(
    "said",
    [
        "twenty thirty",  # a count, two numbers
        "five thirty six fifteen",  # two clock times
        "one five five nineteen twelve",  # seven digits from a 1: no local number
    ],
)
def test_what_is_no_phone_shape_is_dropped(said: str) -> None:
    assert _said_phone(said) is False


def test_a_count_is_no_identifier() -> None:
    assert _not_a_count("987654321") is False
    assert _not_a_count("1234567") is False
    assert _not_a_count("4412907") is None


def test_a_phone_said_in_pairs_needs_a_phone_word(redactor: phimin.Redactor) -> None:
    text = "we counted eight oh eight five five five nineteen twelve sheep"
    assert _found(redactor, text, "PHONE_NUMBER") == []
    text = "my cell is eight oh eight five five five nineteen twelve"
    assert _found(redactor, text, "PHONE_NUMBER") == [
        "eight oh eight five five five nineteen twelve"
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a range goes whole: its last day is the same month's ("[date]-5" said the 5th)
        ("we're at the lake august 11-14 with her folks", "august 11-14"),
        ("the conference is may 6 to 8", "may 6 to 8"),
        ("detox 6/1-6/5 then straight to iop", "6/1-6/5"),
        # a weekday said with its date goes with it, short or with a bare ordinal
        ("the hearing's tuesday june 3rd", "tuesday june 3rd"),
        ("so thurs the 9th i finally told him", "thurs the 9th"),
        ("my last day is fri 28th", "fri 28th"),
        # a date of birth after a pause said aloud
        ("date of birth is, hmm, hold on... seven three sixty eight", "seven three sixty eight"),
    ],
)
def test_a_range_a_weekday_and_a_paused_birth_date_are_dates(
    redactor: phimin.Redactor, text: str, date: str
) -> None:
    assert date in _found(redactor, text, "DATE")


@pytest.mark.parametrize(
    "text",
    [
        # a count after a range: none of it is a date
        "we march 4 to 6 miles every morning",
        # fractions in a range run back or jump months
        "she takes 1/4-1/2 of a pill",
        "goes from 1/3-2/3 of the dose",
        # a share of things counted, and a day the world knows as its event
        "made 7/8 meetings this month",
        "the 9/11 memorial was packed",
        "post-9/11 security makes me panic",
        # a birthday talked about, or one of every year
        "my birthday is always a mess",
        "what do you normally do on your birthday",
        "i hate my anniversary",
        "on my birthday we always get tacos",
        # a weekday and what an ordinal counts
        "friday 4th period is study hall",
    ],
)
def test_a_count_a_share_or_a_day_talked_about_is_no_date(
    redactor: phimin.Redactor, text: str
) -> None:
    assert _found(redactor, text, "DATE") == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("uncle's ninety-eighth is next month", "ninety-eighth"),
        ("mi tía ya tiene noventa y cuatro, y sola", "noventa y cuatro"),
    ],
)
def test_a_kins_ordinal_and_a_bare_spanish_age_are_ages(
    redactor: phimin.Redactor, text: str, age: str
) -> None:
    assert age in _found(redactor, text, "AGE")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a hesitation or a restart before the day
        ("it's on the uh the nineteenth at the county building", "nineteenth"),
        ("she got evicted november um sixth", "november um sixth"),
        ("the lease is up the um twenty eighth of this month", "twenty eighth"),
        ("they rescheduled it for the 12th", "the 12th"),
        # a day opening the sentence, then who did what
        ("the twenty fourth my brother showed up drunk", "the twenty fourth"),
        # a month and its day as a plain number after a past that dates, or a clause
        ("she was released dec twelve and came straight here", "dec twelve"),
        ("yeah march nine he stopped answering", "march nine"),
        # a month taken back for another's day
        ("it was june no july sixth", "june"),
        # spoken numbers with the slash or dash a date is written with
        ("she passed on eight slash nineteen", "eight slash nineteen"),
        ("my quit date's three dash twenty", "three dash twenty"),
        ("the surgery is seven fourteen at eight", "seven fourteen"),
        # in Spanish, a day said alone after a past that dates it
        ("se fue el diecinueve y no ha vuelto", "diecinueve"),
        # in a note: a day written first, a dash date after its label, an ISO date and
        # its hour after a space
        ("last contact 26/2 per collateral", "26/2"),
        ("DOS: 11-07 pt tearful", "11-07"),
        ("call logged 2023-10-02 14:35 by front desk", "2023-10-02 14:35"),
    ],
)
def test_round_four_date_forms_are_found(redactor: phimin.Redactor, text: str, date: str) -> None:
    assert any(date in found for found in _found(redactor, text, "DATE"))


@pytest.mark.parametrize(
    "text",
    [
        # fillers before an ordinal that counts
        "on the uh first try it didn't work",
        "the um fifth step is where i'm stuck",
        "they set me up for the second round",
        # an ordinal opening a sentence as a rank, a month before a count
        "the fifth she poured was the one that did it",
        "the first he said was sorry",
        "march two i mean march is always rough",
        "so june ten of them had dropped out",
        # a rating or a count said with slash or dash
        "honestly it was six slash ten today",
        "i'd say a seven slash ten",
        "i sleep like five dash seven hours",
        "he works twelve slash seven shifts",
        # a corrected month that is no month
        "we march no matter the weather",
        # a day the world knows by its numbers, said as the event
        "during 9/11 i was in second grade",
        "9/11 changed how my dad saw everything",
        "after 9/11 everybody in my town enlisted",
        # a grade or a stage
        "grade 2/3 fatigue on the new med",
        "stage 3/4 pressure wound on the heel",
        # a measure written like a date
        "wound 14/3 cm at widest",
        # a Spanish rank or count after a past
        "llegó el primero a la meta",
        "ganó el veinte por ciento",
        # a romantic date talked about
        "the date was at ten thirty and he never showed",
        "our date was two hours long",
    ],
)
def test_round_four_ordinary_words_stay(redactor: phimin.Redactor, text: str) -> None:
    assert _found(redactor, text, "DATE") == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("mi abuela ya anda en sus noventas", "noventas"),
        ("her age is ninety three and she still gardens", "ninety three"),
    ],
)
def test_round_four_ages_are_found(redactor: phimin.Redactor, text: str, age: str) -> None:
    assert age in _found(redactor, text, "AGE")


@pytest.mark.parametrize(
    "text",
    [
        "the truck turned 90 degrees and tipped",
        "she turned 95 minutes of waiting into a nap",
        "it will be 97 out this afternoon",
        "en los noventa vivíamos en guadalajara",
        "en sus noventa minutos de clase se duerme",
    ],
)
def test_round_four_amounts_are_no_age(redactor: phimin.Redactor, text: str) -> None:
    assert _found(redactor, text, "AGE") == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a day and a month with a dot after each, as European notes write them
        ("last contact 11.12. by phone", "11.12."),
        ("vom 3.3. bis jetzt keine panikattacken", "3.3."),
        ("we saw him 05.01. and again 19.01.", "19.01."),
        # a month's and a day's numbers after what a court, a death or a yearly date sets
        ("i go before the judge three eleven", "three eleven"),
        ("the sobriety date's eight twenty three so i'm close", "eight twenty three"),
        ("my mom's birthday was nine four and i forgot", "nine four"),
    ],
)
def test_round_five_date_forms_are_found(redactor: phimin.Redactor, text: str, date: str) -> None:
    assert date in _found(redactor, text, "DATE")


@pytest.mark.parametrize(
    "text",
    [
        # a decimal ending a sentence, an hour, a version
        "her potassium came back 3.4.",
        "we went up to 12.5. on the dose",
        "i was up at 10.10. again",
        # an hour after what moves a court's day; a span counted after a birthday
        "the hearing got pushed to four fifteen",
        "my birthday was two three weeks ago",
        # a fraction, a mark, a day the world knows
        "she's in the top 1/3 of her class",
        "he scored 3/4 on the test",
        "since 9/11 she's been afraid of crowds",
        # a day money comes or goes on each month
        "the bills go out on the first",
        "me depositan el quince de cada mes",
    ],
)
def test_round_five_ordinary_words_stay(redactor: phimin.Redactor, text: str) -> None:
    assert _found(redactor, text, "DATE") == []


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("my great uncle is creeping up on a hundred", "creeping up on a hundred"),
        ("she's in her mid nineties and sharp as ever", "nineties"),
    ],
)
def test_round_five_ages_are_found(redactor: phimin.Redactor, text: str, age: str) -> None:
    assert age in _found(redactor, text, "AGE")


@pytest.mark.parametrize(
    "text",
    [
        "in her nineties fashion phase she wore chokers",
        "he's in his 90s music era again",
        "the truck is closing in on a hundred thousand miles",
    ],
)
def test_round_five_decades_and_amounts_are_no_age(redactor: phimin.Redactor, text: str) -> None:
    assert _found(redactor, text, "AGE") == []
