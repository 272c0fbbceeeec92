"""Dates in every common written and spoken form, and ages of 90 and over.

Safe Harbor removes every date element but the year, so a full date, a month and day,
a month alone used as a date, a part of one ("the last week of june"), all count.
Relative time ("last Tuesday", "six months ago"), durations ("4 weeks") and weekdays are
not date elements and are left alone (a weekday said with its day goes with the day:
"monday the twelfth"; one counted back by weeks names one day: "two fridays ago"), as
are scores written like fractions ("pain 7/10").
"""

from __future__ import annotations

import regex

from phimin._catalogue import builtin
from phimin._detect.patterns import PatternSpec

__all__ = ["AGE_SPECS", "DATE_SPECS", "MONTH", "YEAR_WORDS", "plausible_numeric_date"]

MONTH = (  # a month's name or abbreviation, in lower case: use it under (?i)
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# A period belongs to an abbreviated month only: "Mar. 3", but "the 14th of march."
_MONTH_ABBR_DOT = rf"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\.|{MONTH})"
# "may" is a month only when it reads as one: capitalized, or lower case before an
# ordinal day ("may 2nd", "may the third"); "I may 2 times" and "1 may be" are not.
_MONTH_BEFORE_DAY = _MONTH_ABBR_DOT.replace(
    "|may|",
    # (lower-case "may" after a subject is the modal: "i may first try")
    "|(?-i:May|MAY)|(?<!(?<![\\w'’])(?:i|you|we|they|he|she|it|who|that|which|this|there|one)[ ])"
    "may(?=[ ]+(?:the[ ]+)?(?:\\d{1,2}(?:st|nd|rd|th)"
    "|(?:(?:twenty|thirty)[ -])?[a-z]+(?:th|st|nd|rd)\\b"
    "|\\d{1,2},?[ ]+(?:19|20)\\d{2}"
    # ("the retreat is may 14 to 17": a range of days)
    "|\\d{1,2}[ ]?(?:-|–|to|through|thru)[ ]?\\d{1,2}(?![\\w:])(?![ ]*(?:[ap]\\.?m|times|tabs?|pills?|drinks?"
    "|days|weeks|hours|minutes|people|miles|of)(?![\\w]))))|",
)
_MONTH_AFTER_DAY = _MONTH_ABBR_DOT.replace("|may|", "|(?-i:May|MAY)|(?<=of[ ]+)may|")
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_ORDINAL_UNITS = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
# Holidays that fall on one day (Thanksgiving and Easter on one day of their year).
_HOLIDAY = (
    r"christmas(?:[ ]+(?:day|eve))?|xmas|thanksgiving|easter(?:[ ]+sunday)?"
    r"|new[ ]+year'?s?(?:[ ]+(?:day|eve))|new[ ]+year'?s(?![ ]+(?:resolution|party|parties"
    r"|resolutions)(?![\w]))|halloween|valentine'?s?[ ]+day"
    r"|independence[ ]+day|(?:the[ ]+)?(?:fourth|4th)[ ]+of[ ]+july|memorial[ ]+day"
    r"|labor[ ]+day|mother'?s[ ]+day|father'?s[ ]+day|juneteenth"
    r"|(?:st\.?|saint)[ ]+patrick'?s[ ]+day|super[ ]+bowl[ ]+sunday"
    # "we went to the beach on mlk day", "she left good friday"
    r"|mlk[ ]+day|martin[ ]+luther[ ]+king(?:[ ]+jr\.?)?[ ]+day|presidents'?[ ]+day"
    r"|veterans'?[ ]+day|columbus[ ]+day|cinco[ ]+de[ ]+mayo|good[ ]+friday|palm[ ]+sunday"
    r"|ash[ ]+wednesday|black[ ]+friday|yom[ ]+kippur|rosh[ ]+hashanah"
    # in Spanish: "en nochebuena se fue", "el día de reyes fue cuando me corrió"
    r"|nochebuena|noche[ ]?vieja|(?:d[ií]a[ ]+de[ ]+)?(?:navidad|a[ñn]o[ ]+nuevo)"
    r"|d[ií]a[ ]+de[ ]+(?:los[ ]+)?reyes"
    r"|d[ií]a[ ]+de[ ]+(?:las[ ]+madres|la[ ]+madre|los[ ]+muertos|muertos|san[ ]+valent[ií]n"
    r"|acci[oó]n[ ]+de[ ]+gracias|la[ ]+independencia|la[ ]+candelaria|la[ ]+virgen"
    r"|todos[ ]+(?:los[ ]+)?santos)|d[ií]a[ ]+del[ ]+(?:padre|trabajo|ni[ñn]o|amor)"
)
# The Fourth of July said as the holiday (with no year after it).
_JULY_FOURTH = r"the[ ]+(?:fourth|4th)[ ]+of[ ]+july(?![\w'’-])(?!,?[ ]+(?:19|20)\d\d)"
# (a weekday or the week counted from one too: "the tuesday after easter", "the week
# before christmas", "the sunday before thanksgiving")
_HOLIDAY_OFFSET = (
    r"(?:day|night|morning|evening|weekend|week|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday)[ ]+(?:before|after|of)"
)
# ...or counted: "two days before thanksgiving", "a week after christmas" (one year's).
_HOLIDAY_COUNTED = (
    r"(?:a|one|two|three|four|five|six|seven|a[ ]few|a[ ]couple(?:[ ]of)?|\d{1,2})[ ]+"
    r"(?:days?|nights?|weeks?)[ ]+(?:before|after)"
)
_HOLIDAY_TRIGGER = (
    r"(?i)christmas|xmas|thanksgiving|easter|new|halloween|valentine|independence"
    r"|july|memorial|labor|mother|father|juneteenth|patrick|bowl|noche|navidad|nuevo|reyes"
    r"|madre|muertos|valent|gracias|independencia|candelaria|virgen|santos|padre|trabajo"
    r"|ni[ñn]o|amor|mlk|luther|president|veteran|columbus|de[ ]+mayo|(?:good|black)[ ]+friday"
    r"|palm[ ]+sunday|ash[ ]+wednesday|kippur|hashanah"
)
# A month's full name, "may" aside (a modal as often), and a day said as a plain number.
_MONTH_FULL = (
    r"(?:january|february|march|april|june|july|august|september|october|november|december)"
)
_CARDINAL_DAY = (
    r"(?:thirty(?:[- ]one)?|twenty(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|one|two|three|four|five|six|seven|eight|nine)"
)
_DAY_WORD = (
    rf"(?:{_ORDINAL_UNITS}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
    rf"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
    rf"|twenty[- ]{_ORDINAL_UNITS}|thirty[- ]first)"
)
# "'98", and "98'" as some notes write it after a month ("Jun 98'"); a foot mark is
# never written after a month name.
_YEAR_DIGITS = r"(?:(?:19|20)\d{2}|'\d{2}|\d{2}'(?!['\"]))"
# A four-digit year too early to be plausible ("June 3, 1788", a confused patient):
# after a month, a day and a comma it is still a year, and the month and day are dates.
_EARLY_YEAR = r",[ ]?1[0-8]\d{2}"
_DAY_SUFFIXED = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY_SHORT = (  # a weekday's name or its abbreviation: use it under (?i)
    # ("sat" and "sun" are words: abbreviated, only with their capital)
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|saturday|sunday|(?-i:Sat|Sun))\.?"
)
# The last day of a range said after a month's first day: "march 3-5", "june 2 to 10th",
# "may 14 through 17" (not an hour, "march 3 to 5 pm", nor a count, "3 to 5 times").
_RANGE_COUNTS = (
    r"(?:[ap]\.?m\.?|o['’]?clock|times|tabs?|pills?|drinks?|beers?|shots|days|weeks|months"
    r"|years|hours|hrs|minutes|mins|people|kids|guys|miles|mi|km|laps|reps|sets|pounds|lbs"
    r"|dollars|bucks|mg|of(?![ ]+(?:19|20)\d\d))(?![\w])"
)
_DAY_RANGE_END = (
    # (a count after the range makes none of it a date: "in march 3 to 5 people quit")
    rf"(?![ ]?(?:-|–|to|through|thru)[ ]?\d{{1,2}}[ ]*{_RANGE_COUNTS})"
    r"(?:[ ]?(?:-|–|to|through|thru)[ ]?(?:the[ ]+)?(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    r"(?![\w:/.-]))"
)
# A filler said before a day is found ("on the uh the fourteenth", "october um ninth").
_FILLER = r"(?:uh+|um+|uhm|er|erm|like|uh[ ]like|um[ ]like)"
# A month's number said aloud, and what follows a slash said between two numbers when
# they are no date ("six slash eight hours", "three slash four of the time").
_SAID_MONTH = r"(?:oh[ ]+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_NOT_SAID_DATE = (
    r"[ ]*(?:out[ ]of|of(?![ ]+(?:this|last|next)[ ]+year)|on[ ]+(?:the|a)[ ]+scale"
    r"|[ap]\.?m\.?(?![\w])|o['’]?clock|in[ ]+the[ ]+(?:morning|afternoon|evening|night)"
    r"|percent|%|ratio|split|odds|a[ ]+day|a[ ]+week|per"
    r"|(?:hours?|hrs?|days?|weeks?|months?|years?|times|people|kids|drinks|pills|mg|shifts?"
    r"|schedule|coverage|nights?|split|rotation"
    r"|minutes?|mins?|miles?|dollars|bucks|year[ -]?olds?)(?![\w]))"
)
# What two numbers said together count when they are no month and day: "the wedding was
# two three hundred people", "the judge gave me one two chances".
_COUNTED_AFTER = (
    r"[ ]+(?:hundred|thousand|grand|more|or|people|guests|jurors|charges|counts|chances"
    r"|things|feet|yards|inches)(?![\w])"
)
# What "the first", "the fifth" counts when it is no day: "the first time", "the 3rd floor".
_NOT_A_DAY = (
    r"time|times|floor|grade|one|ones|place|step|steps|week|weeks|session|sessions|try"
    r"|tries|thing|person|people|kid|kids|child|children|round|rounds|year|years"
    r"|month|months|day|days|chapter|level|page|question|questions|attempt|pregnancy|baby"
    r"|born|wife|husband|job|car|house|half|quarter|amendment|option|choice|part|line"
    r"|row|seat|team|string|base|period|hour|hours|minute|minutes|visit|dose|doses|trimester"
    r"|semester|class|cousin|floor|story|shift|shifts|inning|innings|game|games|lap|set"
    r"|ward|unit|street|avenue|district|precinct|patient|client|call|date|of[ ](?:many|them|us|those|these|all|my|his|her"
    r"|their|our|your|its|which)"
    # (a day of every month is no one's date: "rent's due the first of the month", "on
    # the fifteenth of every month")
    r"|of[ ]+(?:the|every|each)[ ]+month"
    # ("after the fourth things got bad" is a day then its clause; "the first things i
    # noticed" a count)
    r"|things(?![ ]+(?:got|get|went|go|started|fell|changed|calmed|settled|have|had|were"
    r"|kept|just|really)(?![\w]))"
)
# A day money comes or goes on is every month's, no one's date: "pay rent on the first",
# "i get my check on the third", "rent is due the fifth", "i get paid on the fifteenth"
# (not a check-up, nor a clause after it: "my rent went up and on the ninth he left";
# nor a payment or a debt, as often due once: "the payment plan starts the first", "i
# have to pay him back by the fifth").
# Read behind a day's "the" only: a look-behind tried at every character costs.
_MONEY_DAY = (
    r"(?<!(?<![\w])(?:rent|paycheck|checks?(?![ -]?ups?(?![\w]))|bills?|payday|ssi|ssdi"
    r"|benefits|stamps|ebt|deposits?|(?:get|gets|getting)[ ]paid)(?:['’]s)?"
    r"(?:[ ]+(?!(?:and|but|so|then|when|because|after|since)(?![\w]))[\w'’]{1,15}){0,4}[ ]+)"
)
# An hour said or written after "at": "at ten", "at 3", "at 9:30", "at noon".
_CLOCK_TIME = (
    r"(?:(?:1[0-2]|0?[1-9])(?::[0-5]\d)?(?:[ ]?[ap]\.?m\.?)?|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|eleven|twelve|noon|midnight)"
)
# Where a clause goes on after a day said alone ("the twelfth so", "the fifth at ten",
# "the ninth." "the fourth or the fifth"), and never a noun the ordinal counts ("the
# first night", "the fifth drink", "the fourth in line", "the fifth and final").
_ANY_DAY = (
    r"(?:(?:twenty|thirty)[ -])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
    r"|eighteenth|nineteenth|twentieth|thirtieth)|(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)"
)
_AFTER_DAY = (
    r"[ ]*(?:[.,;:!?)\"\n]|$)"
    r"|[ ]+(?:so|but|if|because|cause|cuz|when|then|right|okay|ok|anyway|instead|probably"
    r"|maybe|hopefully|again|too|though|yeah|um|uh|ish|or[ ]so|i[ ](?:think|guess|believe)"
    r"|at[ ]the[ ](?:latest|earliest)|no[ ]matter|for[ ]sure|is[ ]when|was[ ]when"
    r"|(?:and|or|but|so)[ ]+(?:i|we|he|she|they|you|it|my|his|her|their|then|that|i'm"
    r"|i've|i'll|i'd|he's|she's|we're|they're|it's|that's)"
    # "comes the seventeenth and stays a week" (not "the fourth and final")
    r"|and(?![ ]+(?:the[ ]+)?(?:only|final|last|next|most|least|best|worst|youngest|oldest"
    rf"|biggest|{_ANY_DAY})(?![\w]))"
    r"|for[ ](?:a|the|two|three)[ ](?:week|weekend|night|nights|days|month)"
    r"|in[ ]the[ ](?:morning|afternoon|evening)"
    # "the fourth or the fifth", "the fifth through the ninth"
    rf"|(?:and|or|to|through|thru|-)[ ]+(?:the[ ]+)?(?:{_ANY_DAY})(?![\w'’-])"
    # (the second a day too: not "the first or second session")
    r"(?=[ ]*(?:[.,;:!?)\"\n]|$)|[ ]+(?:of|at|and|or|so|but|if|because|when|then|i|we|he"
    r"|she|they|you|it|my|his|her|is|was|um|uh|for|i'm|i've|i'll|maybe|probably|right)(?![\w'’-]))"
    # "the fifth of march", "the first of next month" (not "the first of the month",
    # any month's: see `_NOT_A_DAY`)
    rf"|of[ ]+(?:{_MONTH_FULL}|may|(?:last|this|next|that)[ ]+month)"
    rf"|at[ ]+{_CLOCK_TIME}(?![\w'’-])(?![ ]*(?:laps?|miles?|points?|percent|%|pounds?|lbs?"
    r"|reps?|times|out[ ]of|of)(?![\w]))|at[ ]+the[ ]+(?!(?:time|same|end|top|bottom|start|beginning|finish"
    r"|front|back)(?![\w]))[a-z]+)(?![\w'’-])"
)
# ...and after "on the", "since the", "by the": also a clause's subject, a verb, a
# preposition ("on the first he called", "since the fifth i've been", "on the ninth at
# the courthouse").
_AFTER_DAY_WIDE = (
    rf"{_AFTER_DAY}|[ ]+(?:i|we|he|she|they|you|it|my|his|her|their|our|your|i've|i'd"
    r"|i'll|i'm|we're|we've|he's|she's|they're|it's|there|this|that|mom|dad|everything"
    r"|is|was|will|would|works|worked|came|comes"
    # "it was on the 23rd since he left", "on the 30th which was a friday"
    r"|since|which|while|where"
    # "after the fourth things got bad" (see `_NOT_A_DAY`)
    r"|things(?=[ ]+(?:got|get|went|go|started|fell|changed|calmed|settled|have|had|were"
    r"|kept|just|really)(?![\w]))"
    r"|at(?![ ]+(?:the[ ]+)?(?:time|least|most|end)(?![\w]))"
    r"|in(?![ ]+(?:a[ ]+row|line|the[ ]+(?:series|list|row|line|class)))|for|with|from"
    # "on the twenty third to see my dad" (after "on" or "by" only: not "far from the
    # first to cry")
    r"|after|before|until|till|like|last|next|this"
    r"|to(?<=(?<![\w'’])(?:on|by|until|till)[ ]+the[ ]+(?:(?:uh+|um+)[ ]+(?:the[ ]+)?)?[\w-]+"
    r"(?:[ ][\w-]+)?[ ]+to))(?![\w'’-])"
)
# A day of the month in Spanish words: "primero", "quince", "veintitrés", "treinta y uno".
_SPANISH_DAY = (
    r"(?:primero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce"
    r"|quince|diecis[eé]is|diecisiete|dieciocho|diecinueve|veinte|veintiuno|veintid[oó]s"
    r"|veintitr[eé]s|veinticuatro|veinticinco|veintis[eé]is|veintisiete|veintiocho|veintinueve"
    r"|treinta(?:[ ]y[ ]uno)?)"
)
_SPOKEN_NUMBER = (
    r"(?:oh|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundred|thousand|first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
    r"|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|\d{1,4})"
)
# A year said in words: "nineteen eighty seven", "twenty oh nine", "two thousand and ten".
YEAR_WORDS = (
    rf"(?:(?:nineteen|twenty)[- ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:[- ]{_UNITS})?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    rf"|eighteen|nineteen|oh[- ]{_UNITS})|two thousand(?:(?: and)? (?:twenty(?:[- ]{_UNITS})?"
    rf"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    rf"|{_UNITS}))?)"
)
_YEAR = rf"(?:{_YEAR_DIGITS}|{YEAR_WORDS})"
# A year said in Spanish words: "dos mil veinte", "mil novecientos noventa y dos".
_ES_UNITS = r"(?:uno|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)"
_ES_BELOW_100 = (
    r"(?:veinti(?:uno|d[oó]s|tr[eé]s|cuatro|cinco|s[eé]is|siete|ocho|nueve)|veinte|diez|once"
    r"|doce|trece|catorce|quince|dieci(?:s[eé]is|siete|ocho|nueve)"
    rf"|(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)(?:[ ]y[ ]{_ES_UNITS})?"
    rf"|{_ES_UNITS})"
)
SPANISH_YEAR_WORDS = rf"(?:(?:dos[ ]mil|mil[ ]novecientos)(?:[ ]{_ES_BELOW_100})?)"
_B = r"(?<![\w])"
_E = r"(?![\w])"

# A month name standing alone is a date element only where it reads as one: "in March",
# "last October". "May" and "march" need that context even when capitalized.
_MONTH_CONTEXT = (
    r"(?:in|since|until|till|through|thru|by|during|from|before|after|last|next|this"
    r"|early|late|mid|of|around|between|end[ ]of|beginning[ ]of|start[ ]of)"
)
_FULL_MONTH = r"(?:January|February|April|June|July|August|September|October|November|December)"
_MONTH_SPANISH = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre)"
)
_WEEKDAY_SPANISH = r"(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bados?|domingos?)"
_FEW = r"(?:a|one|two|three|four|five|six|a[ ]couple(?:[ ]of)?|\d)"


_NUMERIC_DATE = regex.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})")


# Two more forms some notes use: a year after a period ("4/18.96") and two month/day
# dates joined by a slash ("09/14/09/15": from one day to the next).
_DOTTED_YEAR = regex.compile(r"(\d{1,2})/(\d{1,2})\.\d{2}")
_DAY_PAIR = regex.compile(r"(\d{2})/(\d{2})/(\d{2})/(\d{2})")


def plausible_numeric_date(value: str) -> bool:
    """m/d/y or d/m/y with a real month and day (and a plausible four-digit year)."""
    m = _NUMERIC_DATE.fullmatch(value.strip())
    if m is None:
        return False
    a, b, year = int(m.group(1)), int(m.group(3)), m.group(4)
    month_first = 1 <= a <= 12 and 1 <= b <= 31
    day_first = 1 <= b <= 12 and 1 <= a <= 31
    if not (month_first or day_first):
        return False
    return not (len(year) == 4 and not 1800 <= int(year) <= 2100)


_ISO_MONTH = regex.compile(r"((?:19|20)\d\d)-(\d\d)")


def _not_a_year_span(value: str) -> bool | None:
    """An ISO month ("2024-03") that is no span of two years, its second year's last two
    digits after the first ("2008-09", "2010-11": a season or a school year)."""
    m = _ISO_MONTH.fullmatch(value)
    if m is None:
        return None
    return False if int(m.group(2)) == (int(m.group(1)) + 1) % 100 else None


def _month_day(month: str, day: str) -> bool:
    return 1 <= int(month) <= 12 and 1 <= int(day) <= 31


def _plausible_date_form(value: str) -> bool:
    """A full numeric date, a date with its year after a period, or a pair of dates."""
    if plausible_numeric_date(value):
        return True
    dotted = _DOTTED_YEAR.fullmatch(value)
    if dotted is not None:
        return _month_day(dotted[1], dotted[2]) or _month_day(dotted[2], dotted[1])
    pair = _DAY_PAIR.fullmatch(value)
    return pair is not None and _month_day(pair[1], pair[2]) and _month_day(pair[3], pair[4])


_MD_RANGE = regex.compile(r"(\d{1,2})/(\d{1,2})[ ]?[-–][ ]?(\d{1,2})/(\d{1,2})")


def _forward_day_range(value: str) -> bool:
    """Two month/day dates a stay or an absence runs between: the second after the
    first, within about six weeks ("4/2-4/9", "12/28-1/3"); a range of fractions goes
    back ("1/4-1/2": from a quarter up to a half) or jumps months ("1/2-3/4")."""
    m = _MD_RANGE.fullmatch(value)
    if m is None:
        return False
    m1, d1, m2, d2 = (int(g) for g in m.groups())
    if m1 == m2:
        return d1 < d2
    # (into the next month, its day before the first's: "3/29-4/4", "12/28-1/3"; a
    # jump of a month and more, "1/3-2/3", is two fractions)
    return m2 == m1 % 12 + 1 and d2 < d1


# Days the world knows by their numbers, said as the event and not as anyone's date:
# "post-9/11", "a 9/11 first responder", "since 9/11 happened", "the 1/6 riot" (a
# look-behind read at the date's end; "seen 9/11 for follow-up" stays a date).
_EVENT_DATE = (
    r"(?:(?<=(?i:post|pre)[- ])(?:9/11|1/6)"
    # "i was in new york during 9/11", "after 9/11 my dad enlisted", "9/11 really messed
    # me up" (a visit "after 9/11" is no event: a note's "f/u after 9/11 labs" stays)
    r"|(?<=(?<![\w])(?i:during|remember|remembered|watched|watching|survived|witnessed)[ ]+)9/11"
    r"|(?<=(?<![\w])(?i:after|since|before)[ ]+)9/11(?=,?[ ]+(?i:my|everything|everyone"
    r"|everybody|people|america|the[ ]+(?:country|world|war)|we[ ]+all|things)(?![\w]))"
    # "since 9/11 he's been anxious", "ever since 9/11 i can't fly": what it did to
    # someone after the attacks (not "seen 9/11 he was fine": a visit's word before it)
    r"|(?<=(?<![\w])(?i:ever[ ]+since|since)[ ]+)9/11(?=,?[ ]+(?i:i|he|she|they|we)(?:['’](?:s|ve|m|re))?"
    r"[ ]+(?i:been|has|have|had|can['’]?t|couldn['’]?t|won['’]?t|gets?|got|is|was|are|were|never"
    r"|always|started|hates?|hated|fears?|feared)(?![\w]))"
    # "the 4/20 stuff", "4/20 culture": the day the world smokes on, not anyone's date
    r"|(?<![\w/])4/20(?=[ ]+(?i:stuff|culture|crowd|thing|things|vibes?|jokes?|memes?|weed|smokers?)(?![\w]))"
    r"|(?<![\w/])9/11(?=[ ]+(?i:(?:really|kind[ ]of|kinda|totally|just|honestly)[ ]+)?"
    r"(?:changed|messed|affected|traumatized|scared|shook|broke|ruined|hit|made|was[ ]+(?:so|really|a|the|when)"
    r"|stuff|footage|thing|trauma|ptsd|day[ ]+itself)(?![\w]))"
    r"|(?:9/11|7/7|1/6)(?=[ ]+(?i:happened|attacks?|first[ ]responders?|responders?|fire[ ]?fighters?"
    r"|rescue|recovery[ ]workers?|cleanup|widows?|memorial|museum|victims?"
    r"|survivors?|families|era|generation|commission|hijackers?|terrorists?|terrorism|truthers?"
    r"|conspirac(?:y|ies)|riots?|insurrection|rioters|bombings?|anniversary)(?![\w])))"
)


DATE_SPECS: tuple[PatternSpec, ...] = (
    PatternSpec(
        builtin("phimin.date.numeric"),
        # (glued to a word too: "drawn on03/11/19", "OVERDOSE-4/7/21"). Also "4/18.96",
        # and a pair of dates "09/14/09/15" (two digits each, both a real month and day).
        # (never a version after its word: "version 3.4.12", "ios 17.4.1", "v2.3.1")
        r"(?<![\d/.:])(?<!\d-)(?<!(?i:version|ver\.?|v|release|build|update|firmware|patch|ios"
        r"|android|python|app)[ ]?)(?:\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})"
        r"|(?<![\w-])(?:\d{1,2}/\d{1,2}\.\d{2}|\d{2}/\d{2}/\d{2}/\d{2}))(?![\w/%]|[.-]\d)",
        validate=_plausible_date_form,
    ),
    PatternSpec(
        builtin("phimin.date.day_month_dotted"),
        # "seen 03.04.", "last contact 11.12. by phone", "seit 12.01. schläft sie besser":
        # a day and a month with a dot after each and no year, as German and other
        # European notes and speech write them. Both in two digits it is a date but after
        # an hour's, a price's or a version's word ("up at 11.11.", "paid 12.10.")...
        r"(?<![\w.,:/$€£-])(?:(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])\."
        r"(?<!(?<![\w])(?i:at|um|by|gegen|ab|paid|pay|cost|costs|price|version|ver|v|section"
        r"|chapter|step|level|page|ios|app|update|was[ ]at)[ ]{1,3}\d\d\.\d\d\.)"
        # ...a one-digit day or month only after a word that dates it ("seen 3.4.", "seit
        # 3.4.", "since 7.2."; not a decimal ending a sentence, "the hemoglobin was 12.5.",
        # "we bumped the dose to 2.5."; nor German "am", a US note's morning: "hct this
        # am 30.9.", "K this AM 3.1")...
        r"|(?:3[01]|[12]\d|0?[1-9])\.(?:1[0-2]|0?[1-9])\."
        r"(?<=(?<![\w])(?i:seen|seit|vom|since|dated|visit|visited|admitted|discharged|contact"
        r"|termin|datum|until|till|bis|born|geboren)[ ]{1,3}:?[ ]{0,2}\d{1,2}\.\d{1,2}\.)"
        # (its last dot left off after a word that dates a visit: "seen 03.04 by the
        # locum", "vom 3.4 bis heute"; not after "until", an hour's as often)
        r"|(?:3[01]|[12]\d|0?[1-9])\.(?:1[0-2]|0?[1-9])(?![\w]|[.,]\d)"
        r"(?<=(?<![\w])(?i:seen|seit|vom|dated|visit|visited|admitted|discharged|termin|datum"
        r"|born|geboren)[ ]{1,3}:?[ ]{0,2}\d{1,2}\.\d{1,2})"
        # ...or after another such date, in a list: "seen 3.4. and 17.4."
        r"|(?:3[01]|[12]\d|0?[1-9])\.(?:1[0-2]|0?[1-9])\."
        r"(?<=(?<![\d.])\d{1,2}\.\d{1,2}\.(?:,[ ]{0,3}|[ ]{1,3}(?:and|und|or|oder|bis|to|&|-)"
        r"[ ]{1,3})\d{1,2}\.\d{1,2}\.))"
        # (never the start of a longer number or a date with its year: `numeric` reads it)
        r"(?![\w]|\.?\d)",
    ),
    PatternSpec(
        builtin("phimin.date.iso"),
        # (an ISO time may follow: "2024-03-14T10:30:00Z" is the date and its hour, taken
        # whole with its fraction of a second and its offset, "2023-11-02T08:05:09.25-04:00")
        r"(?<![\w/.-])(?:19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])"
        r"(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?(?:Z|[+-][01]\d(?::?[0-5]\d)?)?"
        r"(?![\w:+-]|\.\d)|(?=T\d{2}:\d{2})"
        # (or after a space, "2024-03-04 10:00": whole, so no phone number is read in it)
        r"|[ ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\w:]|[.,]\d)|(?![\w/]|[.-]\d))",
    ),
    PatternSpec(
        builtin("phimin.date.month_day"),
        # 7/22 without a year. Score-like fractions (pain 7/10) are dropped by the
        # clinical guard; most of the rest are dates in notes.
        # A trailing slash with no year after it is a date cut short: "seen on 3/14/",
        # at a line's or a sentence's end, or after a word that dates a visit; elsewhere
        # it is a vent setting ("PSV 5/5/ with", "Bipap 10/5/.40").
        # A weekday before it goes with it ("Friday 3/8", "Tues 4/16"). Glued to a comma
        # after a word too ("discharged,03/14", "today is,5/21,"), not after a number
        # ("2,3/4").
        # a month and day joined by a dash after a visit's label, both with two digits:
        # "DOS: 03-04", "seen 11-02" (not "3-4 times": a count)
        r"(?<![\w/.-])(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w/-]|[.,:]\d)"
        r"(?<=(?<![\w])(?i:dos|seen|appt|visit|admitted|adm|discharged|d/c|dc|dated|doa|dod"
        r"|f/u|on)[ ]{0,3}:?[ ]{1,3}\d\d-\d\d)|"
        rf"(?<![\w/]|(?<!\p{{L}}),|\d:|\d\.)"
        # (a grade or stage is no date: "grade 3/4 nausea", "stage 1/2 pressure injury")
        r"(?<!(?<![\w])(?i:grade|grades|stage|stages|class|level|tier|type|gen|size)[ ]+)"
        rf"(?:(?i:{_WEEKDAY_SHORT}),?[ ]+)?"
        r"(?:(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])"
        # a day written first where it cannot be a month, after a word that dates it:
        # "seen 14/03", "DOS 27/1" (a US note's "PSV 15/5", "PA 28/11" are pressures;
        # never "24/7", "a 24/7 hotline": every hour of every day)
        r"|(?<=(?<![\w])(?i:seen|dos|dated|visit|admitted|discharged|d/c|born|dob|since|until"
        r"|till|contact|contacted|appt|appointment|f/u|due|called|phoned)[ ]{0,3}:?[ ]{1,3})"
        r"(?!24/7(?![\d]))(?:1[3-9]|2\d|3[01])/(?:0[1-9]|1[0-2]|[1-9])(?![ ]*(?:pts?|points?|marks?|cm|mm|in|ft"
        r"|kg|lbs?|ml|mg|units?|[x×])(?![\w])))"
        r"(?![\w]|[.,]\d|/(?![.,;:!?)]?(?:\r?\n|\Z)|[.,;:!?)][ \t]"
        # ("labs drawn 3/14/ per pt", "note signed 3/14/ by")
        r"|[ \t](?<=(?i:seen|dated|since|until|till|as[ ]of|visit|admitted|discharged|drawn"
        r"|collected|signed|done|dob|dos|born|died)"
        r"[ ]+(?:on[ ]+)?\d{1,2}/\d{1,2}/[ \t])))"
        # (not a share of things counted: "attended 10/12 groups", "made 5/6 meetings")
        r"(?![ ]+(?:of[ ]+(?:the|my|his|her)[ ]+)?(?:groups|meetings|sessions|classes|modules"
        r"|doses|pills|tabs|days|nights|weeks|items|questions|assignments|appointments|visits"
        r"|shifts|tries|attempts|criteria|symptoms|answers|games|shots|urine|uds|screens"
        # (nor a fraction or a mark: "the 2/3 majority", "the 1/2 marathon", "a 1/4 cup",
        # "she got 4/5 on the quiz")
        r"|majority|minority|marathon|tab|tablet|pill|cups?|teaspoons?|tsp|tbsp|strength|split"
        r"|on[ ]+(?:the|a|an|my|his|her|their|that|this)[ ]+(?:quiz|test|exam|midterm|final"
        r"|assignment|essay|paper|worksheet|homework|rubric))(?![\w]))"
        # (nor a day the world knows by its numbers, said as the event: "post-9/11", "a
        # 9/11 first responder", "since 9/11 happened", "the 1/6 riot")
        rf"(?<!{_EVENT_DATE})",
    ),
    PatternSpec(
        builtin("phimin.date.month_day_range"),
        # "inpatient 4/2-4/9", "away 6/3 - 6/7": two month/day dates, the second after the
        # first and within weeks of it. Not guarded: a range of fractions, "1/4-1/2 a
        # tab", is never a forward run of days ("1/4" then "1/2" goes back).
        r"(?<![\w/.,:-])(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])[ ]?[-–][ ]?"
        r"(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?![\w/%]|[.,]\d)"
        # (nor a share of something: "1/2-1/3 of a tab", "1/4-1/2 strength")
        r"(?![ ]+(?:of|an?|the|tabs?|tablets?|pills?|cups?|doses?|strength|way|up)(?![\w]))",
        validate=_forward_day_range,
        trigger=r"\d/\d{1,2}[ ]?[-–][ ]?\d",
    ),
    PatternSpec(
        builtin("phimin.date.month_year_numeric"),
        # 12/93, 8/84: a month and a two-digit year (a "day" above 31 can only be a year).
        # Glued to a word too ("wrist fx3/98"), but not to a single letter or a times
        # sign ("T3/45", "x2/60", "600x12/40").
        r"(?<![\d_/,]|\d:|\d\.|\d[xX]|(?<![A-Za-z])[A-Za-z])"
        r"(?:1[0-2]|0?[1-9])/(?:3[2-9]|[4-9]\d)(?![\w/%]|[.,]\d)",
    ),
    PatternSpec(
        builtin("phimin.date.month_name_day"),
        # (a weekday before it goes with it, "thursday march 12th", "mon, jan 12"; and the
        # last day of a range in one month, "march 3-5", "may 14 to 17": the "-5" is a
        # day of March too)
        rf"(?i){_B}(?:{_WEEKDAY_SHORT},?[ ]+)?{_MONTH_BEFORE_DAY}[ ]+(?:the[ ]+)?(?:{_DAY}|{_DAY_WORD}"
        # (a hesitation before the day: "october um ninth", "april the uh fourth")
        rf"|(?<=[a-z.][ ]+(?:the[ ]+)?)(?:uh+|um+|uhm|erm?)[ ]+(?:the[ ]+)?(?:{_DAY_SUFFIXED}|{_DAY_WORD})"
        rf"(?![ ]+(?:{_NOT_A_DAY})(?![\w])))"
        rf"{_DAY_RANGE_END}?"
        rf"(?:,?[ ]+(?:of[ ]+|in[ ]+)?{_YEAR}|{_EARLY_YEAR})?{_E}",
        trigger=r"(?i)jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
    ),
    PatternSpec(
        builtin("phimin.date.month_cardinal_day"),
        # "we talked on march twenty", "born on june three", "it was april fifteen when":
        # a month then its day as a plain number, after a word that dates (not "in march
        # twenty people came", "by june ten of them", "may" a modal).
        rf"(?i)(?<![\w])(?:on|since|until|till|by|before|after|from|born|is|was|it's|'s"
        rf"|due|through|thru|as[ ]of|starting|dated"
        # ("i was admitted feb twenty", "got out october nine": a past that dates)
        rf"|admitted|discharged|arrested|released|seen|started|quit|moved|left|died|passed"
        rf"|relapsed|out|home|married|divorced|sober|clean)[ ]+"
        rf"(?P<date>(?:{_MONTH_FULL}|(?:jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)[ ]+"
        rf"{_CARDINAL_DAY})(?![\w'’-])(?![ ]+(?:{_NOT_A_DAY}|{_SPOKEN_NUMBER}|percent|dollars"
        rf"|bucks|pounds|mg|of|or|out|more|less|and[ ]+(?:a|an|one|two|three)|hundred"
        # (a range's "to", not a place's: "admitted jan four to the psych unit")
        rf"|to(?![ ]+(?:the|a|an|my|his|her|their|our)(?![\w])))(?![\w]))"
        # opening a clause, then who did what: "july nineteen i had my first seizure",
        # "um october three he moved out" (a count goes on otherwise: "march two of them")
        rf"|(?<![\w])(?P<date>{_MONTH_FULL}(?<=(?:^|\n|[.!?,][ ]|(?<![\w])(?:so|and|then|um|uh"
        rf"|like|okay|well|yeah)[ ])[ ]*[a-z]+)[ ]+{_CARDINAL_DAY})(?=,?[ ]+(?:i|he|she|we|they"
        rf"|my|mom|dad)[ ]+(?!(?:and|or|mean|think|guess|know|dunno|don't|forget|forgot)(?![\w]))[a-z])"
        # with its year after it the month and day need no word before: "march fourteen
        # twenty twenty four", "june three, 2019" (a count has no year after it)
        # (or its short name: "nov twenty eight twenty twenty five")
        rf"|(?<![\w])(?P<date>(?:{_MONTH_FULL}|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)"
        rf"[ ]+{_CARDINAL_DAY},?[ ]+{_YEAR})(?![\w'’-])",
        group="date",
        trigger=r"(?i)jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec",
    ),
    PatternSpec(
        builtin("phimin.date.day_month_name"),
        # (a range of days too: "6-7 Oct", "11->12 aug, 97", "the 3rd to 5th of May")
        # (the Fourth of July is a holiday: a date where `holiday_event` reads one, not
        # "the fourth of july fireworks scare my dog")
        rf"(?i){_B}(?!(?:the[ ]+)?(?:fourth|4th)[ ]+of[ ]+july(?![\w'’-])(?!,?[ ]+(?:19|20)\d\d))"
        rf"(?:the[ ]+)?(?:{_DAY}[ ]?(?:-{{1,2}}>?|to|through|thru|&|and)[ ]?(?:the[ ]+)?)?"
        rf"(?:{_DAY}|{_DAY_WORD})[ ]+(?:of[ ]+)?{_MONTH_AFTER_DAY}"
        rf"(?:,?[ ]+{_YEAR}|,[ ]?\d{{2}}(?![\w/:])|{_EARLY_YEAR})?{_E}",
        trigger=r"(?i)jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
    ),
    PatternSpec(
        builtin("phimin.date.holiday_year"),
        # "Christmas 2023", "Thanksgiving of 2021": a holiday with its year is a day.
        rf"(?i){_B}(?:{_HOLIDAY}),?[ ]+(?:of[ ]+|in[ ]+)?{_YEAR}{_E}",
        trigger=_HOLIDAY_TRIGGER,
    ),
    PatternSpec(
        builtin("phimin.date.holiday_event"),
        # "sober since christmas eve", "admitted on new year's day", "around labor day
        # weekend": a holiday said as the day something happened is a month and a day
        # (not "christmas is hard for her", "the holidays").
        # One year's holiday is a day too: "last christmas", "this past thanksgiving"; and
        # one said first, then what happened ("christmas eve he proposed"; not "christmas
        # we always go to my aunt's", "every christmas"). ("over thanksgiving" is the
        # days around it, as the packs read it: a season, not a day.)
        # (not after "every year": "every year two days before christmas i get sick",
        # "every week before easter i panic")
        rf"(?i)(?:(?<![\w])(?<!(?<![\w])(?:every|each)[ ]+(?:year|week|month|time)[ ]+"
        rf"(?:[\w'’]+[ ]+){{0,3}})"
        rf"(?:on|at|since|after|before|around|until|till|by|through|last"
        # (not "para", what is for a holiday: "para navidad no tenemos dinero")
        rf"|this[ ]+past|this|that|next|it[ ]+was|en|desde|hasta|antes[ ]+de"
        # "mi papá murió el día de navidad", "se fue el día de reyes": "el" after a past
        # said in Spanish (not "el día de las madres es difícil", a holiday talked about)
        rf"|el(?<=(?<![\w])(?:\p{{L}}{{2,}}[óé]|fue|fui|vino|hizo|tuvo|estuvo|dijo)[ ]+el)"
        rf"|despu[eé]s[ ]+de"
        # "my anniversary is valentine's day", "her due date's christmas eve"
        rf"|(?:birthday|anniversary|wedding|hearing|court[ ]date|due[ ]date|funeral"
        rf"|sobriety[ ]date|release[ ]date"
        # "my last drink was new year's eve", "the overdose was easter sunday"
        rf"|drink|relapse|overdose|arrest|accident|miscarriage|clean[ ]date|quit[ ]date"
        # "the fight was new year's day", "his stroke was easter sunday"
        rf"|fight|crash|wreck|attack|seizure|surgery|breakup|divorce|stroke|assault|eviction"
        rf"|shooting|incident|diagnosis|discharge|admission|release|wake|burial)"
        rf"(?:['’]s|[ ]+is|[ ]+was)(?:[ ]+on)?)[ ]+"
        rf"|(?:(?<![^\n])|(?<=[.!?,;:][ ]*)|(?<=(?<![\w])(?:and|so|but|then|um|uh|like|yeah"
        rf"|well|el)[ ]+))"
        rf"(?=(?:{_HOLIDAY})(?:[ ]+(?:day|eve|morning|night|weekend))?[ ]+(?:(?:i|he|she|they|we"
        rf"|my|his|her|our|their|mom|dad|you|me|se|nos|le|lo|la|mi|él|ella|ellos|yo)[ ]+"
        rf"(?!(?:always|usually|never|normally|often|sometimes|don't|do|just|like|love|hate|get"
        rf"|go|siempre|nunca)(?![\w])"
        # (nor what the speaker does each year, a present after a pronoun: "el día de
        # muertos le pongo su altar", "navidad la paso con mi hermana")
        rf"|(?<=(?<![\w])(?:se|nos|le|les|lo|los|la|las|me|te|yo)[ ]+)\p{{L}}{{2,}}o(?![\w]))"
        # "el día de la independencia hubo una balacera", "el día del padre me llamó"
        rf"|(?:hubo|fue|pas[oó]|naci[oó]|muri[oó]|me|te|les)(?![\w])"
        # "easter sunday is when i told her", "new year's eve was the night he left",
        # "valentine's day was the last good day we had", "el día de reyes fue cuando ..."
        rf"|(?:is|was)[ ]+(?:when|the[ ]+(?:day|night|last|first))(?![\w])"
        # (not what happens every year: "thanksgiving is when everyone fights", "christmas
        # is when he always drinks")
        rf"(?<!is[ ]+when(?=[ ]+[\w'’]{{1,15}}[ ]+(?:always|usually|never|normally|often"
        rf"|\p{{L}}{{2,14}}s(?<!was|ss))(?![\w])))"
        rf"|fue[ ]+cuando))"
        # "got sober memorial day two years back", "thanksgiving last year": one year's
        rf"|(?<![\w])(?=(?:{_HOLIDAY})(?:[ ]+(?:day|eve|morning|night|weekend))?[ ]+"
        rf"(?:(?:[\w-]+[ ]+)?(?:years?|yrs?)[ ]+(?:ago|back)|(?:of[ ]+)?(?:last|this[ ]+past)[ ]+year)(?![\w]))"
        # "he left us christmas eve", "we broke up new year's eve": a holiday ending the
        # clause after what happened (a thing done to someone, a particle, a past tense),
        # not after what is felt of it or done with it ("i hated christmas", "we hosted
        # thanksgiving", "we skipped easter").
        rf"|(?<=(?<![\w'’])(?:us|me|him|them|up|out|off|down|away|back|home|again"
        rf"|(?!(?:lov|hat|lik|enjoy|dread|celebrat|skipp|miss|ruin|host|cancel|cancell|plann"
        rf"|survive|spend|mention|discuss|talk|want|need|prefer|decorat|cook)ed(?![\w]))"
        rf"\p{{L}}{{2,12}}ed"
        # (or a past said otherwise: "my husband left valentine's day", "she died easter")
        rf"|left|died|came|went|lost|fell|quit|broke|took|met|ran|shot|stole|drove|flew|woke"
        rf"|threw|fought|caught|relapsed|od['’]d)[ ]+)"
        rf"(?=(?:{_HOLIDAY})(?:[ ]+(?:day|eve|morning|night|weekend))?(?:[ ]*(?:[.,;!?]|$)"
        rf"|[ ]+(?:and|so|but|when|because)(?![\w])))"
        # "the day after christmas", "the night before thanksgiving": the date is the whole
        # of it (what the offset counts from is one day)
        # (not what comes every year: "every week before christmas", "every year two days
        # before christmas")
        rf"|(?<![\w])(?<!(?<![\w])(?:every|each|cada)[ ]+(?:year[ ]+|a[ñn]o[ ]+)?(?:\w+[ ]+){{0,2}})"
        rf"(?=(?:(?:the[ ]+)?{_HOLIDAY_OFFSET}|{_HOLIDAY_COUNTED})[ ]+(?:{_HOLIDAY})))"
        # (taken whole: "christmas eve every year" is never "christmas" before "eve")
        rf"(?P<day>(?>(?:(?:(?:the[ ]+)?{_HOLIDAY_OFFSET}|{_HOLIDAY_COUNTED})[ ]+)?(?:{_HOLIDAY})"
        rf"(?:[ ]+(?:weekend|morning|night|day|eve))?))"
        rf"(?![\w'’-])(?!,?[ ]+(?:of[ ]+|in[ ]+)?{_YEAR}{_E})"  # (then `holiday_year`)
        # (a season named for it is no day: "it was christmas break", "since easter time")
        rf"(?![ ]+(?:time|season|break|vacation|holidays?|shopping|party|parties)(?![\w]))"
        # (nor what is done every year: "en navidad siempre vamos", "on easter we always")
        rf"(?![ ]+(?:(?:we|i|they|he|she|you|is|are|was)[ ]+)?(?:always|usually|siempre|every|each|cada)(?![\w]))",
        group="day",
        trigger=_HOLIDAY_TRIGGER,
    ),
    PatternSpec(
        builtin("phimin.date.compact"),
        # 14-Mar-1987, 14Mar1987, 14/MAR/87: day, abbreviated month, year in one token.
        r"(?i)(?<![\w/.-])(?:3[01]|[12]\d|0?[1-9])[-/. ]?(?:jan|feb|mar|apr|may|jun|jul|aug"
        r"|sept?|oct|nov|dec)[-/. ]?(?:19|20)?\d{2}(?![\w/]|[.-]\d)",
        trigger=r"(?i)jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
    ),
    PatternSpec(
        builtin("phimin.date.month_year"),
        rf"(?i){_B}{_MONTH_ABBR_DOT},?[ ]+(?:of[ ]+)?{_YEAR}{_E}",
        trigger=r"(?i)jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
    ),
    PatternSpec(
        builtin("phimin.date.ordinal_day"),
        # "it's the 11th.", "drawn on the 3rd and": a day of the month on its own (not
        # "the 3rd floor", "the 2nd time").
        r"(?i)(?<![\w])(?:on|it'?s|is|was|since|by|until|till|from|before|after)[ ]+"
        r"(?P<day>the[ ]+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))"
        r"(?=[ ]*(?:[.,;:!?)\"\n]|$)|[ ]+(?:at|and|or|when|we|she|he|they|i|for|but|so"
        r"|because|after|before)\b)"
        # a weekday, then its day in digits: "her funeral's friday 17th", "wed. 3rd at
        # noon" (not "friday 3rd period", "sat 2nd row": what the ordinal counts)
        rf"|(?<![\w])(?P<day>(?:{_WEEKDAY}|(?:mon|tues?|wed|thurs?|fri|sat|sun)\.?),?[ ]+"
        rf"{_DAY_SUFFIXED})(?![\w'’-])(?![ ]+(?:{_NOT_A_DAY}|period|row|grade|place|inning"
        r"|quarter|round|overall)(?![\w]))",
        group="day",
        trigger=r"(?i)\d(?:st|nd|rd|th)",
    ),
    PatternSpec(
        builtin("phimin.date.spoken_day"),
        # "on the ninth", "moved to the 21st", "starts the first", "thursday the 8th", "the
        # twenty third": a day of the month said alone (not "the first time", "the fifth
        # floor", "the 2nd grade"). What follows a day is where a clause goes on, never a
        # noun the ordinal counts ("on the first night", "by the fifth drink"): see
        # `_AFTER_DAY`. "the first/second/third" only after a word of time.
        # (a weekday before the day goes with it: "monday the twelfth" names the date)
        # (never in the Fourth of July, a holiday: `holiday_event` reads it)
        rf"(?i)(?<![\w])(?!(?:[\w'’]+[ ]+){{0,2}}{_JULY_FOURTH})"
        # (a weekday's "the first", "the second", "the third" a date only where a clause
        # goes on after it: "monday the second i got out", not "monday the second group")
        # ("sun the 8th", "thurs the 12th": a weekday said short, in any case)
        rf"(?:(?P<day>(?:{_WEEKDAY}|(?:mon|tues?|wed|thurs?|fri|sat|sun)\.?),?[ ]+the[ ]+"
        rf"(?:(?:first|second|third|1st|2nd|3rd)"
        rf"(?={_AFTER_DAY_WIDE})|(?!(?:first|second|third|1st|2nd|3rd)(?![\w]))"
        rf"(?:{_DAY_WORD}|{_DAY_SUFFIXED})))"
        # (not a day of every month: "twice a month on the first and fifteenth")
        rf"|(?<!(?<![\w])(?:twice|once|times|every|each)[ ]+(?:a[ ]+)?month[ ]+)"
        rf"(?:on|by|until|till|since|from|before|after|starts?|starting|begins?"
        rf"|due|moved[ ]to|pushed[ ]to|changed[ ]to|set[ ]for|scheduled[ ]for|around|about"
        # ("they scheduled it for the 4th", "we moved it to the ninth")
        rf"|(?:scheduled|rescheduled|set|booked|moved|pushed|changed)[ ]+(?:it|that|me|him|her"
        rf"|us|them|mine)[ ]+(?:for|to)"
        # "the night of the fifth", "the week of the twentieth"
        rf"|(?:night|morning|evening|afternoon|weekend|week)[ ]of"
        # (a filler or a restart between: "on the uh the fourteenth", "on um the ninth")
        # ("i'm going in the twenty-ninth for the biopsy", "she's coming in the 3rd"; not
        # "he came in the third", a place)
        rf"|(?:go|goes|going|come|comes|coming)[ ]+in"
        rf"|through|thru|as[ ]of|now[ ]and)[ ]+(?:{_FILLER}[ ]+)?{_MONEY_DAY}(?P<day>the"
        rf"[ ]+(?:{_FILLER}[ ]+(?:the[ ]+)?)?(?:{_DAY_WORD}|{_DAY_SUFFIXED}))(?={_AFTER_DAY_WIDE})"
        # "the seventeenth she came home": a day opening the sentence, then who did what
        # (not the first three, a rank as often: "the first she said was no")
        rf"|(?P<day>the(?<=(?:^|\n|[.!?][ ]|(?<![\w])(?:so|and|then|um|uh|okay|well)[ ])[ ]*the)"
        # (nor "the fifth he bought lasted two days": a bottle)
        rf"[ ]+(?!(?:first|second|third|fifth|1st|2nd|3rd)(?![\w]))"
        rf"(?:{_DAY_WORD}|{_DAY_SUFFIXED}))(?=,?[ ]+(?:i|he|she|we|they|mom|dad"
        rf"|(?:my|his|her|our|their)[ ]+[a-z]+)[ ]+"
        # (never what was said: "the fourth she said that" counts times)
        rf"(?:\p{{L}}{{2,12}}ed(?<!said|asked|mentioned|repeated)|came|went|left|got|called|took"
        rf"|had|was|were|is"
        rf"|found|ran|fell|broke|lost|quit|died|moved|started|texted)(?![\w'’-])"
        # (not the ordinal's noun left unsaid: "the fifth she poured was the one")
        rf"(?![ ]+(?:[\w'’]+[ ]+)?(?:was|is|were)(?![\w'’-])))"
        # "i go back to work the fifteenth", "he gets out the first and"
        rf"|(?:back|work|off|leave|leaves|leaving|return|returns|returning|arrive|arrives"
        rf"|arriving|ends|ending|out|again|home)[ ]+(?P<day>the[ ]+"
        rf"(?:{_DAY_WORD}|{_DAY_SUFFIXED}))(?={_AFTER_DAY})"
        # "it's the twelfth", "so the fourteenth is when he comes home": any day but the
        # first three (a rank as often: "she was the first to go"), where a clause
        # goes on after it (not "he pleaded the fifth", "i'm the fourth of five")
        rf"|(?=the[ ]){_MONEY_DAY}"
        # (nor the second of every month's days: "twice a month on the first and the
        # fifteenth")
        rf"(?<!(?<![\w])(?:twice|once|times|every|each)[ ]+(?:a[ ]+)?month[ ]+on[ ]+the[ ]+"
        rf"[a-z0-9]{{1,12}}[ ]+(?:and|or)[ ]+)"
        rf"(?<!(?<![\w])(?:plead|pleads|pleaded|pleading|take|takes|took|taking|i'm|i[ ]am"
        # (nor an ordinal said for what it counts: "knocked out in the fifth", "the end of
        # the ninth", "she skipped to the fourth", "for the fifth")
        rf"|in|of|to|at|for|into|with|you're|we're|they're|he's|she's"
        rf"|(?:i|he|she|we|they|you)[ ]+(?:was|were|is|are)|henry|louis|richard|edward|george|charles"
        rf"|pope|king|queen)[ ]+)(?P<day>the[ ]+"
        rf"(?!(?:first|second|third|1st|2nd|3rd)(?![\w]))(?:{_DAY_WORD}|{_DAY_SUFFIXED}))"
        # (a day said in two words or past the tenth, then "is", "was": "the twenty
        # third is his birthday", "the 4th was the worst"; not "the fifth was better", a
        # rank as often)
        rf"(?={_AFTER_DAY}|(?<!(?<![\w])the[ ]+(?:fourth|fifth|sixth|seventh|eighth|ninth|tenth))"
        rf"[ ]+(?:is|was|will[ ]be)(?![\w'’-]))"
        # "from the 3rd to the 10th", "between the fifth and the twelfth": the range's
        # second day, after a first one ("between the fifth" is the first's: below)
        rf"|(?<=(?<![\w])(?:from|between)[ ]+the[ ]+(?:{_DAY_WORD}|{_DAY_SUFFIXED})[ ]+)"
        rf"(?:to|till|until|through|thru|and)[ ]+(?P<day>the[ ]+(?:{_DAY_WORD}|{_DAY_SUFFIXED}))"
        rf"(?={_AFTER_DAY_WIDE})"
        rf"|between[ ]+(?P<day>the[ ]+(?:{_DAY_WORD}|{_DAY_SUFFIXED}))(?=[ ]+and[ ]+the[ ]+"
        rf"(?:{_DAY_WORD}|{_DAY_SUFFIXED})(?:{_AFTER_DAY_WIDE}))"
        # "my birthday's the thirtieth": a dated event's day, any ordinal
        rf"|(?:birthday|anniversary|appointment|hearing|court[ ]date|due[ ]date|surgery"
        rf"|wedding|funeral|graduation|sobriety[ ]date|release[ ]date|court)(?:['’]s|[ ]+is|[ ]+was)"
        rf"[ ]+(?:on[ ]+)?(?P<day>the[ ]+(?:{_DAY_WORD}|{_DAY_SUFFIXED}))"
        # "the fourth or the fifth of last month", "the first of next month": a day of a
        # month said by where it lies from now, or the first of two such days
        rf"|(?P<day>the[ ]+(?:{_FILLER}[ ]+(?:the[ ]+)?)?(?:{_DAY_WORD}|{_DAY_SUFFIXED}))(?=(?:[ ]+(?:or|and|to|through|thru)"
        rf"[ ]+(?:the[ ]+)?(?:{_DAY_WORD}|{_DAY_SUFFIXED}))?[ ]+of[ ]+(?:last|this|next|that)"
        r"[ ]+month(?![\w]))"
        # "she's coming in the fifth at ten": a day, then the hour something happens
        rf"|(?P<day>the[ ]+(?!(?:first|second|third|1st|2nd|3rd)(?![\w]))"
        rf"(?:{_DAY_WORD}|{_DAY_SUFFIXED}))(?=[ ]+at[ ]+{_CLOCK_TIME}(?![\w'’-])"
        r"(?![ ]*(?:laps?|miles?|points?|percent|%|pounds?|lbs?|reps?|times|out[ ]of|of)(?![\w]))))"
        rf"(?![\w'’-])(?![ ]+(?:{_NOT_A_DAY})(?![\w]))",
        group="day",
        # (every branch has "the", then the day: lines of speech nearly all hold "the ")
        trigger=rf"(?i)the[ ]+(?:{_FILLER}[ ]+)?(?:{_DAY_WORD}|{_DAY_SUFFIXED})",
    ),
    PatternSpec(
        builtin("phimin.date.month_year_full"),
        # "until 11/2026", "Last seen 08/2027", "3/2024": a month and a four-digit year.
        r"(?<![\d/.-])(?:0?[1-9]|1[0-2])[/-](?:19|20)\d{2}(?![\d/]|[.-]\d)",
    ),
    PatternSpec(
        builtin("phimin.date.month_year_compact"),
        # "Jan-2025", "MAR-24", "sept/2023": an abbreviated month and a year, joined.
        r"(?i)(?<![\w/.-])(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[-/.]"
        r"(?:(?:19|20)\d{2}|\d{2})(?![\w/]|[.-]\d)"
        # and an ISO year and month, "labs from 2024-03" (not a span of years, "the
        # 2008-09 season": see `_not_a_year_span`)
        r"|(?<![\w/.:-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?![\w/:]|[.-]\d)",
        validate=_not_a_year_span,
        trigger=r"(?i)jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|(?:19|20)\d\d-[01]\d",
    ),
    PatternSpec(
        builtin("phimin.date.spanish"),
        # "el quince de agosto", "nací el 12 de diciembre del noventa", "el primero de
        # mayo": a day and a month said in Spanish (a year in digits or words after it
        # goes with it and is kept by the wording; "del noventa" stays).
        rf"(?i)(?<![\w])(?P<date>(?:\d{{1,2}}|{_SPANISH_DAY})[ ]+de[ ]+(?:enero|febrero|marzo"
        r"|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
        # with its year, kept by the wording ("[date in 2020]"): "de dos mil veinte"
        rf"(?:[ ]+del?[ ]+(?:(?:19|20)\d{{2}}|{SPANISH_YEAR_WORDS}))?)"
        r"(?![\w])"
        # the first day of a range in one month: "del dos al nueve de marzo", "entre el 2
        # y el 9 de mayo" (the second day is read above)
        rf"|(?<![\w])(?:del|de|desde[ ]el|entre[ ]el)[ ]+(?P<date>(?:\d{{1,2}}|{_SPANISH_DAY}))"
        rf"(?=[ ]+(?:al|a|hasta[ ]el|y[ ]el)[ ]+(?:\d{{1,2}}|{_SPANISH_DAY})[ ]+de[ ]+"
        rf"{_MONTH_SPANISH}(?![\w]))"
        # "mi cita es el martes quince", "el viernes 3": a weekday and its day of the month
        rf"|(?<=(?<![\w])el[ ]+)(?P<date>(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado"
        rf"|domingo)[ ]+(?:\d{{1,2}}|{_SPANISH_DAY}))(?![\w])(?![ ]+(?:de|horas?|minutos?|a[ñn]os|d[ií]as|semanas|meses|veces)(?![\w]))"
        # "me pagan el día quince", "llega el quince de este mes": a day of the month said
        # alone ("desde el día uno" is from the first day of anything)
        rf"|(?<=(?<![\w])el[ ]+)(?P<date>d[ií]a[ ]+(?!uno(?![\w]))(?:\d{{1,2}}|{_SPANISH_DAY})"
        rf"(?:[ ]+de[ ]+{_MONTH_SPANISH})?)(?![\w])(?![ ]+(?:de[ ]+(?!{_MONTH_SPANISH}|este"
        r"|el)|horas?|minutos?|a[ñn]os|d[ií]as|semanas|meses|veces|que)(?![\w]))"
        # (not "el quince de cada mes", "pago la renta el primero de cada mes": a day of
        # every month is no one's date)
        rf"|(?<=(?<![\w])el[ ]+)(?P<date>(?:\d{{1,2}}|{_SPANISH_DAY}))[ ]+de[ ]+(?:este"
        r"|el[ ]+otro|el[ ]+pr[oó]ximo|el[ ]+siguiente)[ ]+mes(?![\w])"
        # a day said alone after a past that dates it: "llegó el quince y se fue el
        # veinte", "me dieron de alta el 9." (not "llegó el primero", a rank; nor a count
        # or a thing after the number: "ganó el veinte por ciento")
        rf"|(?<![\w])(?:lleg[oó]|llegaron|vino|vinieron|volvi[oó]|regres[oó]|sali[oó]"
        rf"|se[ ]fue|se[ ]fueron|se[ ]muri[oó]|naci[oó]|muri[oó]|falleci[oó]|empec[eé]|empez[oó]"
        rf"|me[ ]dieron[ ]de[ ]alta|me[ ]internaron|me[ ]operaron|lo[ ]arrestaron|la[ ]arrestaron"
        rf"|nos[ ]mudamos|se[ ]mud[oó]|me[ ]mud[eé])[ ]+el[ ]+"
        rf"(?P<date>(?!(?:uno|primero)(?![\w]))(?:3[01]|[12]\d|0?[1-9]|{_SPANISH_DAY}))(?![\w])"
        r"(?=[ ]*(?:[.,;!?]|$)|[ ]+(?:y|pero|cuando|porque|que|a[ ]las|en[ ]la|en[ ]la"
        r"|entonces|o[ ]el|ya|como|más[ ]o[ ]menos|creo)(?![\w]))"
        # a birth date said as its numbers, "del" between: "doce del cuatro del noventa",
        # "el 3 del 11 del 2001" (the second "del" and a year make it a date)
        rf"|(?<![\w])(?P<date>(?:\d{{1,2}}|{_SPANISH_DAY})[ ]+del[ ]+(?:\d{{1,2}}|uno|dos|tres"
        r"|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)[ ]+del?[ ]+(?:(?:19|20)?\d{2}"
        rf"|{SPANISH_YEAR_WORDS}|{_ES_BELOW_100}))(?![\w])"
        # the month, then its day: "en marzo, el veintiocho", "in march, el 28" (not "en
        # marzo el doce de mis compañeros", a count)
        rf"|(?<![\w])(?P<date>(?:{_MONTH_SPANISH}|{_FULL_MONTH}|march|may)[ ]*,?[ ]+el[ ]+"
        rf"(?:d[ií]a[ ]+)?(?:\d{{1,2}}|{_SPANISH_DAY}))(?![\w])(?![ ]+(?:de|del|por|horas?"
        r"|minutos?|a[ñn]os|d[ií]as|semanas|meses|veces)(?![\w]))"
        # a month and its year: "en febrero del noventa", "desde abril del 2016", "in
        # march de dos mil veinte" (a month said alone, "cada diciembre", is no one's date)
        # (the word before read behind the month: a look-behind first is tried everywhere)
        rf"|(?<![\w])(?P<date>{_MONTH_SPANISH}"
        r"(?<=(?<![\w])(?:en|de|desde|hasta|para|in|since|by)[ ]+\p{L}+)"
        rf"[ ]+del?[ ]+(?:(?:19|20)\d{{2}}|{SPANISH_YEAR_WORDS}"
        rf"|(?:setenta|ochenta|noventa)(?:[ ]y[ ]{_ES_UNITS})?))(?![\w])",
        group="date",
        trigger=r"(?i)(?<![\w])del?[ ]|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado"
        r"|domingo|d[ií]a[ ]|[ ,]el[ ]",
    ),
    PatternSpec(
        builtin("phimin.date.day_month_compact"),
        # "22-Oct", "14-Mar", "3/jan": a day and an abbreviated month with no year.
        r"(?i)(?<![\w/.-])(?:3[01]|[12]\d|0?[1-9])[-/](?:jan|feb|mar|apr|may|jun|jul|aug"
        r"|sept?|oct|nov|dec)(?![\w/]|[.-]\d)",
        trigger=r"(?i)jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
    ),
    PatternSpec(
        builtin("phimin.date.spoken_birth_date"),
        # "date of birth four twelve eighty eight", "dob ten seventeen nineteen ninety": a
        # date of birth said as numbers.
        rf"(?i)(?<![\w])(?:(?:date[ ]of[ ]birth|birth[ ]?date|d[ .]?o[ .]?b|birthday(?:[ ]is|[ ]was|['’]s)?"
        rf"|born(?:[ ]on)?)(?:[ ]+(?:for[ ]+me|please|again))?[ ]*(?:[:?,]|[.…—-]{{1,3}})?"
        # (the answer in the next turn too: "what's your date of birth?\nC: four twelve
        # eighty")
        rf"(?:(?:[ ]+|[ ]*\n[ ]*)(?:is|it's|its|um|umm|uh|uhh|er|erm|ah|hmm+|hm|okay|ok|well"
        # ("let me think...", "hold on", "one sec": a pause said while it is recalled)
        rf"|let[ ]me[ ](?:think|see|check)|hold[ ]on|one[ ]sec(?:ond)?|you[ ]know|i[ ]think"
        rf"|oh(?![ ]+{_SPOKEN_NUMBER}(?![\w'’-]))|so|yeah|like|sure|\[patient\]|\[client\]"
        rf"|\p{{L}}{{1,12}}(?:[ ]\d)?[ ]?:"
        # (the name first where both were asked: "your name and date of birth\n[patient]
        # harriet okafor, seven nine fifty two": words and a comma opening the answer)
        rf"|(?<=\n[ ]*(?:\[\p{{L}}+\][ ]*|\p{{L}}{{1,12}}(?:[ ]\d)?[ ]?:[ ]*)?)"
        rf"\p{{L}}{{2,15}}(?:[ ]\p{{L}}{{2,15}}){{0,2}}(?=,))(?:[,]|[.…—-]{{1,3}})?)*"
        rf"[ ]+(?P<date>{_SPOKEN_NUMBER}(?:(?:[ -]+|[ ]slash[ ]){_SPOKEN_NUMBER}){{1,7}})(?![\w'’-])"
        # (not a span counted: "my birthday was two three years ago", "born two three weeks
        # early")
        r"(?![ ]+(?:years?|yrs?|weeks?|days?|months?|hours?|minutes?|times|hundred|thousand)"
        r"(?![\w]))"
        # ...or said first: "three nine seventy one is my birthday"
        rf"|(?<![\w'’-])(?P<date>{_SPOKEN_NUMBER}(?:[ -]+{_SPOKEN_NUMBER}){{2,5}})(?:[ ]+(?:is|was|'s)"
        rf"|[ ]*,?[ ]+(?:that's|thats|that[ ]is|that[ ]was))[ ]+(?:my|his|her|their|your)[ ]+(?:birthday|date[ ]of[ ]birth|dob|birth[ ]?date)(?![\w]))",
        group="date",
        trigger=r"(?i)birth|dob|d\.o\.b|born",
    ),
    PatternSpec(
        builtin("phimin.date.spoken_numbers_visit"),
        # "my appointment on four twelve", "the surgery's on oh five nine": a visit's date
        # said as its month's and day's numbers after "on" (not "at four fifteen", "for
        # three thirty", an hour).
        rf"(?i)(?<![\w])(?:appointment|appt|visit|follow[- ]?up|surgery|procedure|scan|mri"
        rf"|biopsy|hearing|court[ ]date|colonoscopy|ultrasound)(?:['’]s|[ ]+(?:is|was))?"
        rf"[ ]+on[ ]+(?P<date>(?:oh[ ]+)?(?:one|two|three|four|five|six|seven|eight|nine"
        rf"|ten|eleven|twelve)[ -]+(?:oh[ ]+)?{_CARDINAL_DAY})(?![\w'’-])"
        # (nor an hour's words after it: "on four fifteen pm", "on nine thirty sharp")
        r"(?![ ]*(?:[ap]\.?m\.?|o['’]?clock|sharp|in[ ]the[ ]+(?:morning|afternoon|evening)"
        r"|tonight|today|tomorrow)(?![\w]))"
        # (with no "on", only where its hour follows: "my appointment is six twelve at
        # nine"; "my appointment is ten thirty" is the hour)
        rf"|(?<![\w])(?:appointment|appt|visit|follow[- ]?up|surgery|procedure|scan|mri"
        rf"|biopsy|hearing|court[ ]date|ultrasound)(?:['’]s|[ ]+(?:is|was))[ ]+"
        rf"(?P<date>{_SAID_MONTH}[ -]+(?:oh[ ]+)?{_CARDINAL_DAY})(?=[ ]+at[ ]+"
        rf"(?:{_CLOCK_TIME})(?![\w'’-]))"
        # a day a court, a death or a yearly date sets, said as its month's and day's
        # numbers: "i have court on four fifteen", "he died ten twelve", "our anniversary
        # is four twenty six" (an hour is said after "at", not after these)...
        rf"|(?<![\w])(?:(?:court|hearing|sentencing|arraignment|trial)(?:['’]s|[ ]+(?:is|was))?"
        rf"[ ]+on(?:[ ]+the)?"
        rf"|(?:anniversary|funeral|wedding|graduation|(?:sobriety|clean|quit|due)[ ]date)"
        rf"(?:['’]s|[ ]+(?:is|was))(?:[ ]+on)?|died|passed[ ]away)"
        rf"[ ]+(?P<date>{_SAID_MONTH}[ -]+(?:oh[ ]+)?{_CARDINAL_DAY})(?![\w'’-])"
        rf"(?![ ]*(?:[ap]\.?m\.?|o['’]?clock|sharp|at|in[ ]the|tonight|today|tomorrow|pm)(?![\w]))"
        rf"(?!{_NOT_SAID_DATE}|{_COUNTED_AFTER})"
        # ...and after what moves or sets a court's day, one no round minute ("the hearing
        # got moved to five nineteen", "i go before the judge three eleven"; "the hearing
        # got moved to three thirty" is the hour)
        rf"|(?<![\w])(?:court|hearing|sentencing|arraignment|trial|surgery|judge)(?:['’]s)?"
        rf"(?:[ ]+(?:is|was|got|gets|been|now|again|moved|pushed|changed|rescheduled|scheduled"
        rf"|set|to|for|on|the)){{0,4}}[ ]+"
        rf"(?P<date>{_SAID_MONTH}[ -]+(?!(?:oh[ ]+)?(?:five|ten|fifteen|thirty|twenty(?:[- ]five)?)"
        rf"(?![\w'’-]|[ -]{_UNITS}(?![\w])))(?:oh[ ]+)?{_CARDINAL_DAY})(?![\w'’-])"
        rf"(?![ ]*(?:[ap]\.?m\.?|o['’]?clock|sharp|at|in[ ]the|tonight|today|tomorrow|pm)(?![\w]))"
        rf"(?!{_NOT_SAID_DATE}|{_COUNTED_AFTER})"
        # ...or after "the date": "the date on the letter was three four", "her due date's
        # ten nine" (not "the date was at ten thirty")
        rf"|(?<![\w])date(?:[ ]+on[ ]+(?:the|my|his|her|their)[ ]+\w+)?(?:['’]s|[ ]+(?:is|was))"
        rf"[ ]+(?:like[ ]+|um[ ]+|uh[ ]+)?(?P<date>{_SAID_MONTH}[ -]+(?:oh[ ]+)?{_CARDINAL_DAY})"
        rf"(?![\w'’-])(?![ ]*(?:[ap]\.?m\.?|o['’]?clock|sharp|at|in[ ]the|tonight|pm)(?![\w]))"
        rf"(?!{_NOT_SAID_DATE})"
        # a month's and a day's numbers said with the slash or dash a date is written
        # with: "discharged on six slash twelve", "the date was ten dash three"; after a
        # word that dates it any day, with none a slash whose second number is no
        # rating's ("a seven slash ten", "like two slash three of them" stay)
        rf"|(?<![\w])(?:on|dated|since|until|till|by|from|date(?:['’]s|[ ]+is|[ ]+was)"
        rf"|it[ ]+was|it['’]s|dob(?:[ ]+is)?|born)[ ]+(?P<date>{_SAID_MONTH}[ ]+(?:slash|dash)"
        # (a rating after "it was": "it was six slash ten")
        rf"[ ]+(?:oh[ ]+)?(?!(?<=(?:it[ ]+was|it['’]s)[ ]+\w+[ ]+\w+[ ]+)(?:ten|five)(?![\w-]))"
        rf"{_CARDINAL_DAY})(?![\w'’-])(?!{_NOT_SAID_DATE})"
        rf"|(?<![\w'’-])(?P<date>{_SAID_MONTH}"
        rf"(?<!(?<![\w])(?:a|an|like|rate|rated|rating|score|scored|give|gave|maybe|about"
        rf"|around|was|is|it's|of|at|for|me|him|her)[ ]+(?:oh[ ]+)?[a-z]+)[ ]+slash[ ]+(?:oh[ ]+)?(?!(?:ten|five|four|three|two|one)(?![\w-]))"
        rf"{_CARDINAL_DAY})(?![\w'’-])(?!{_NOT_SAID_DATE})",
        group="date",
        trigger=r"(?i)appointment|appt|visit|follow|surgery|procedure|scan|mri|biopsy|hearing"
        r"|court|colonoscopy|ultrasound|[ ](?:slash|dash)[ ]|date|sentencing|arraignment|trial"
        r"|anniversary|funeral|wedding|graduation|died|passed[ ]away|judge",
    ),
    PatternSpec(
        builtin("phimin.date.part_of_month"),
        # "the last week of june", "the end of march", "mid-may", "late august": a part of
        # one month is a date element, and its words go with it; in Spanish too: "a fines
        # de marzo", "a principios de abril", "la última semana de junio".
        rf"(?i)(?<![\w'’-])(?:(?:the[ ]+)?(?:(?:first|second|third|fourth|last|final)[ ]+"
        r"(?:week|weekend|two[ ]weeks|few[ ]days|couple[ ](?:of[ ])?(?:days|weeks))|end|beginning"
        r"|start|middle)[ ]+of[ ]+(?:january|february|march|april|may|june|july|august|september"
        r"|october|november|december)(?![ ]+madness(?![\w]))"
        r"|(?:early|late)[ ]+(?:january|february|april|june|july|august|september|october"
        r"|november|december)|mid[ -]?(?:january|february|march|april|may|june|july|august"
        rf"|september|october|november|december)){_E}(?:,?[ ]+(?:of[ ]+)?{_YEAR}{_E})?"
        r"|(?<![\w])(?:(?:fines|finales|principios|inicios|mediados)[ ]+de"
        rf"|(?:la[ ]+)?(?:primera|segunda|tercera|cuarta|[uú]ltima)[ ]+semana[ ]+de)[ ]+{_MONTH_SPANISH}"
        rf"(?:[ ]+del?[ ]+(?:(?:19|20)\d{{2}}|{SPANISH_YEAR_WORDS}))?{_E}",
        trigger=r"(?i)jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|enero|abril|agosto"
        r"|diciembre",
    ),
    PatternSpec(
        builtin("phimin.date.weekday_counted"),
        # "two fridays ago", "three weeks ago tuesday", "a week ago sunday", "the friday
        # before last", "hace dos viernes": a weekday counted back by weeks names one day
        # as surely as its date (a weekday alone, "last tuesday", does not).
        rf"(?i)(?<![\w'’-])(?:{_FEW}[ ]+weeks?[ ]+ago[ ]+(?:this[ ]+|last[ ]+|on[ ]+)?{_WEEKDAY}"
        rf"|(?:two|three|four|five|six|a[ ]couple(?:[ ]of)?|\d)[ ]+{_WEEKDAY}s[ ]+ago"
        rf"|{_WEEKDAY}[ ]+{_FEW}[ ]+weeks?[ ]+ago|(?:the[ ]+|that[ ]+)?{_WEEKDAY}[ ]+before[ ]+last"
        rf"|{_WEEKDAY_SPANISH}[ ]+de[ ]+hace[ ]+(?:una|dos|tres|cuatro|\d)[ ]+semanas?"
        rf"|hace[ ]+(?:dos|tres|cuatro|\d)[ ]+{_WEEKDAY_SPANISH})"
        r"(?:[ ]+(?:night|morning|afternoon|evening))?(?![\w'’-])",
        trigger=r"(?i)ago|last|hace",
    ),
    PatternSpec(
        builtin("phimin.date.month_word"),
        # A month that is never an everyday word, in any case ("september is always the
        # worst month"): january, february, september to december, july.
        r"(?i)(?<![\w'’-])(?:january|february|july|september|october|november|december)(?![\w'’-])"
        r"(?<!(?<![\w])(?:fourth|4th)[ ]+of[ ]+july)",
        trigger=r"(?i)uary|july|ember|tober",
    ),
    PatternSpec(
        builtin("phimin.date.month_alone"),
        rf"{_B}{_FULL_MONTH}{_E}",
        trigger=r"[A-Z]",
    ),
    PatternSpec(
        builtin("phimin.date.month_in_context"),
        # ("the march" is a walk: "by the end of the march")
        rf"(?i){_B}{_MONTH_CONTEXT}[ ]+(?:the[ ]+(?!march|may))?(?:early[ ]|late[ ]|mid-?)?"
        rf"(?P<month>january|february|march|april|may|june|july|august|september|october"
        rf"|november|december|sept)(?![\w'])(?<!(?<![\w])(?:fourth|4th)[ ]+of[ ]+july)"
        # ("this may be", "this may help": the modal; "in may i relapsed", "in june we
        # moved" are the month)
        r"(?!(?<=may)[ ]+(?:be|have|not|want|need|also|still|just|well)\b)"
        r"(?!(?<=(?<![\w])this[ ]+may)(?![ ]*(?:[.,;:!?]|$)|[ ]+(?:is|was|will|and|or|so|but"
        r"|too|already|i|i'm|we|we're|he|she|they|my|our)(?![\w'])))"
        r"(?!(?<=march)[ ]+(?:on|in|to|down|up|through|into|for|against|with)\b)"
        # a month of a year said by where it is from now, whatever comes before it: "it
        # was june of last year", "march of this year he left" (not "the march of last
        # year", a walk)
        r"|(?<![\w'’])(?<!(?<![\w])the[ ]+)(?P<month>january|february|march|april|june|july"
        r"|august|september|october|november|december|sept)(?=,?[ ]+of[ ]+(?:last|this|that"
        r"|next|the[ ]+same|the[ ]+following)[ ]+year(?![\w]))"
        # a month said, then taken back for another's day: "march no april second", "june
        # i mean july fourth", "may like may fifth" (a slip that tells the month too)
        r"|(?<![\w'’])(?P<month>january|february|march|april|may|june|july|august|september"
        r"|october|november|december|sept)(?=,?[ ]+(?:no|nope|sorry|wait|or|actually|like|uh|um"
        r"|i[ ]mean|i[ ]think|no[ ]wait)(?:[ ]*,)?[ ]+(?:january|february|march|april|may|june"
        rf"|july|august|september|october|november|december|sept)[ ]+(?:the[ ]+)?(?:{_DAY_WORD}"
        rf"|{_DAY_SUFFIXED}|(?:3[01]|[12]\d|0?[1-9])(?![\w:.])(?![ ]+(?:{_RANGE_COUNTS}|{_NOT_A_DAY}))))",
        group="month",
        trigger=r"(?i)jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
    ),
    PatternSpec(
        builtin("phimin.date.year"),
        # A year alone is kept by the Safe Harbor policy; stricter policies remove it.
        # Not a clock time: "@ 2000", "at 1930" (a year ending 60-99 cannot be one), or a
        # shift, "1900-0700", "0700->1930", whose other end is no year.
        r"(?<![\w/.,$#]|(?<!(?<![\w-])(?:19|20)\d\d)-)(?:19\d{2}|20[0-4]\d)(?![\w/%]|[.,]\d|[ ]?(?:mg|mcg|ml|cc|units?|kcal"
        r"|calories|steps|dollars|people|patients|hours|hrs|minutes|mins|miles|feet|ft)\b)"
        r"(?![ ]?(?:-|->|>>|to)[ ]?(?:[01]\d|2[0-4])[0-5]\d(?!\d)(?<![ -](?:19|20)\d\d))"
        r"(?<!(?:@|~|(?<![\w])(?i:at|approx|aprox|until|due))[ ]?(?:19|20)[0-5]\d)"
        r"(?<!(?<!\d)(?!19|20)(?:[01]\d|2[0-3])[0-5]\d[ ]?(?:-|->|>>|to)[ ]?\d{4})",
    ),
    PatternSpec(
        builtin("phimin.date.year_apostrophe"),
        # Also "98'" as history lists write it ("PSH: appy 98'. tonsils 71'."): after a
        # word, below a history heading with no other heading between (a foot or degree
        # mark, "HOB 30'", "walked 40'", "10-15'", is not in a history list).
        # (The lookbehinds come after the digits: they run only where a year stands.)
        r"(?<![\w'])'\d{2}(?![\w'])"
        r"|(?<![\w'])\d{2}'(?![\w'\"])(?<=(?<![\w])[A-Za-z][\w/]*\w[ ]+\d{2}')"
        r"(?<!(?<![\w])(?i:from|of|about|approx|than)[ ]+\d{2}')"
        r"(?<=(?i:(?<![\w])(?:pmhx?|pshx?|hx|h/o|history|past[ ]medical|past[ ]surgical))"
        r"(?:[ ]*:)?[^:]{0,300}\d{2}')",
        trigger=r"'\d|\d'",
    ),
    PatternSpec(
        builtin("phimin.date.history_year"),
        # "PMH: TURP 97, AAA 03", "stroke in 99 and 05": a two-digit year after a diagnosis or
        # procedure written in capitals (not a lab, a vital or a setting), or after
        # "in"/"and", below a history heading on the same line.
        r"(?<![\w'/.,-])\d{2}(?![\w'%/-]|[.,]\d|[ ]?(?:mg|mcg|ml|cc|units?|l|lpm|mm|cm|hrs?|hours?"
        r"|days?|min|mins|minutes|x|times|%|pk|packs?|yrs?|years?)\b)"
        r"(?<=(?<![\w])(?:[A-Z]{2,6}|in|and)[ ]+\d{2})"
        r"(?<!(?<![\w])(?:EF|HR|BP|RR|NA|CR|BUN|PLT|WBC|HCT|HGB|INR|PTT|PT|SAT|SATS|BMI|PEEP|PS"
        r"|PSV|CPAP|TV|VT|RATE|CVP|MAP|SBP|DBP|GCS|PH|LDL|HDL|TSH|AST|ALT|CK|CPK|BS|FS|FSBS|BG"
        r"|TEMP|PAP|PCWP|CI|SV|SVR|UO|IVF|NS|GTT|PRBC|FFP|ICU|MICU|CCU|SICU|ROOM|RM|BED|AGE|YO"
        r"|LOS|DAY|POD|HD|PPD|PK|AM|PM|MAX|MIN|AT|IN|AND|TO|OF|ON|BY|UP|OR|IS|AS|WITH|FROM|THE"
        r"|THAN|OVER|UNDER|ABOUT|WAS|WERE|TODAY)[ ]+\d{2})"
        r"(?<=(?i:(?<![\w])(?:pmhx?|pshx?|hx|h/o|history|past[ ]medical|past[ ]surgical))"
        r"(?:[ ]*:)?[^:\n]{0,300}\d{2})",
    ),
)


_AGE_NUMBER = r"(?P<age>9\d|1[01]\d)"
# What a number of 90 and over measures when it is no age ("he turned 90 degrees").
_NOT_AGE_UNIT = (
    r"°|degrees?|grados|mph|km/?h|miles?|millas|pounds?|lbs?|libras|kilos?|kg|percent|%"
    r"|minutes?|mins?|seconds?|secs?|dollars?|bucks|times|feet|ft|meters?|yards?|laps"
    # ("it will be 95 out tomorrow": the weather)
    r"|out(?:side)?(?![ ]+of)|today|tomorrow|tonight|this[ ]+week"
)
_SPANISH_UNITS = r"(?:uno|una|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)"
_SPANISH_AGE = (
    rf"(?:noventa(?:[ ]y[ ]{_SPANISH_UNITS})?|cien"
    rf"|ciento[ ](?:{_SPANISH_UNITS}|diez|once|doce|trece|catorce|quince)|9\d|1[01]\d)"
)
# Ninety to a hundred and nineteen, in words.
# ("ninety-something", "ninety plus", "ninety-ish": some age of 90 and over)
# ("ninety some", "ninety-odd": some age of 90 and over too)
_AGE_SPOKEN = (
    rf"(?:ninety(?:[- ]{_UNITS}|[- ](?:something|ish|plus|some|odd)|ish)?|(?:a|one)[ ]hundred(?:[ ](?:and[ ])?"
    rf"(?:{_UNITS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    rf"|nineteen)|[- ](?:something|ish|plus))?)"
)
# Close to a hundred is 90 and over, and the word that says so goes with it ("almost a
# hundred" -> "90+"; not "almost ninety", which is 89).
_HEDGED_HUNDRED = (
    r"(?:almost|nearly|close[ ]to|pushing|about|around|going[ ]on|over|past|well[ ]over"
    # ("she's closing in on a hundred", "he's creeping up on a hundred")
    r"|well[ ]past|closing[ ]in[ ]on|creeping[ ]up[ ]on|knocking[ ]on|getting[ ]on[ ]for)"
    r"[ ]+(?:a|one)[ ]hundred(?![ -](?:and[ ])?(?:something|ish|plus|one|two"
    r"|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen)(?![\w]))"
)
# What an age in words is never said of: a thing ("the house is ninety years old", "a
# hundred-year-old oak").
_AGE_THING = (
    r"(?:house|home|building|church|tree|oak|barn|bridge|farmhouse|car|truck|piano|recipe"
    r"|tradition|painting|photo|picture|quilt|bottle|whiskey|wine|theater|theatre|hotel"
    r"|school|company|business|store|shop|restaurant|town|city|law|rule|book|clock|table"
    r"|furniture|dress|ring|bible|letter|letters|mansion|cabin|apartment|place|land)"
)
# Who is that old: a kin word (or a neighbour, a client), and a pronoun or "who".
_AGE_KIN = (
    r"(?:mom|mother|dad|father|grandma|grandmother|granny|nana"
    r"|grandpa|grandfather|grandad|granddad|great[ ]grandma|great[ ]grandpa|aunt|auntie|uncle"
    r"|husband|wife|mama|papa|abuela|abuelo|abuelita|abuelito|neighbor|neighbour|patient"
    r"|(?:mother|father|grandmother|grandfather)[- ]in[- ]law"
    r"|sister|brother|cousin|godmother|godfather|tía|tia|tío|tio|friend"
    # (step-kin, what grandparents are called, and kin said together: "my stepdad is
    # ninety", "memaw's ninety one", "my parents are both ninety")
    r"|step[- ]?(?:mom|mother|dad|father)|stepmom|stepdad|great[- ](?:aunt|uncle)"
    # ("grams" only after "my": "protein 30 grams 95." is a weight)
    r"|gramps|(?<=(?:my|our|his|her)[ ])grams?|memaw|meemaw|mawmaw|pawpaw|papaw|pop[- ]?pop"
    r"|oma|opa|bubbe|zayde"
    r"|nonna|nonno|lola|lolo|parents|grandparents|folks|in[- ]laws"
    r"|client|resident)"
)
# (or someone pointed at by where they live: "the old man next door is like ninety nine")
_AGE_SUBJECT = (
    rf"(?:she|he|they|i|you|who|{_AGE_KIN}"
    # (a title and a name: "mrs lopez is ninety one")
    r"|(?:mrs|mr|ms|miss|mister|do[ñn]a|don)\.?[ ]+[a-z]+(?:[ ]+[a-z]+)??"
    r"|(?:man|woman|lady|guy|gentleman|couple)[ ]+(?:next[ ]door|upstairs|downstairs"
    r"|down[ ]the[ ](?:street|hall|road)|across[ ]the[ ](?:street|hall))"
    # "the lady i clean for is ninety six", "this old guy at church is like ninety", "our
    # landlord's ninety one"
    r"|(?<=(?<![\w])(?:the|this|that|our|my|his|her|their|an?)[ ]+(?:old[ ]+|older[ ]+"
    r"|sweet[ ]+|little[ ]+)?)(?:lady|man|woman|guy|gentleman|fella|landlord|landlady"
    r"|veteran|vet)(?:[ ]+(?:i|we)[ ]+(?:clean|care|cook|work|sit|drive|shop|visit|help"
    r"|live)(?:[ ]+(?:for|with|next[ ]to|by))?|[ ]+(?:at|from)[ ]+(?:church|work|the[ ]+\w+))?)"
)
# A name said after a kin word, before its age: "my aunt rosa is ninety two", "our
# neighbor mrs lee is ninety six" (one or two words, none a word of the sentence).
_NOT_A_NAME = (
    r"(?:is|was|has|had|have|does|did|said|says|told|tells|thinks|thought|knows|wants"
    r"|and|or|but|who|that|which|when|because|if|so|just|also|still|now|then|here|there|too"
    r"|today|really|always|never|would|could|should|might|will|can|in|on|at|of|for|with|to"
    r"|from|by|the|a|an|my|his|her|their|our|your|it|this|what|how|like|about|almost|only)"
)
_KIN_NAMED = (
    # (not a client's or a patient's: "my client score was ninety" is a score)
    rf"(?!(?:client|patient|resident)(?![\w])){_AGE_KIN}"
    r"[ ]+(?:(?:mrs|mr|ms|miss|dr|do[ñn]a|don|se[ñn]ora)\.?[ ]+)?"
    rf"(?!{_NOT_A_NAME}[ ])[a-z]+(?:[ ]+(?!{_NOT_A_NAME}[ ])[a-z]+)?"
    r"(?:[ ]+(?:is|was|just[ ]turned|turned|turns|will[ ]be|is[ ]turning))"
)
# Who is that old in Spanish: "mi abuela ya tiene noventa y ocho".
_SPANISH_KIN = (
    r"(?:abuel[ao]s?|abuelit[ao]|bisabuel[ao]|tatarabuel[ao]|mam[aá]|pap[aá]|madre|padre"
    r"|t[ií][ao]|suegr[ao]|vecin[ao]|madrina|padrino|esposo|esposa|marido"
    # (the old man, the old lady, the señora who lives below)
    r"|viejit[ao]|ancian[ao]|se[ñn]ora|se[ñn]or|do[ñn]a)"
)
_ORDINAL_UNITS = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
# Ninetieth to a hundred and nineteenth, in words: "her ninety seventh birthday".
_AGE_ORDINAL_SPOKEN = (
    rf"(?:ninetieth|ninety[- ]{_ORDINAL_UNITS}|(?:(?:a|one)[ ])?hundredth|(?:a|one)[ ]hundred"
    rf"[ ](?:and[ ])?(?:{_ORDINAL_UNITS}|tenth|eleventh|twelfth|thirteenth|fourteenth"
    rf"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth))"
)
_AGE_WORDS = rf"(?P<age>ninety(?:[- ]{_UNITS})?|(?:a|one)[ ]hundred(?:[ ](?:and[ ])?\w+)?)"
# Not an age but a feeling: "i feel ninety years old", "he looks like he's a hundred".
_AGE_FEELING = (
    r"(?<!(?<![\w])(?:feel|feels|felt|feeling|look|looks|looked|looking|act|acts|acted|acting"
    r"|sound|sounds)[ ]+(?:like[ ]+)?(?:(?:i'm|i[ ]am|he's|she's|they're|you're|we're|i|he|she"
    # ("i felt like i was ninety years old", "look like a hundred-year-old")
    r"|they|you|we)[ ]+(?:(?:was|were|am|is|are)[ ]+)?)?(?:(?:about|like|an?)[ ]+)?)"
)

AGE_SPECS: tuple[PatternSpec, ...] = (
    PatternSpec(
        builtin("phimin.age.years_old"),
        rf"(?i){_B}{_AGE_FEELING}{_AGE_NUMBER}(?:[ -]?(?:years?|yrs?|y)[ -]?(?:old|o{_E}|/o)"
        rf"|[ ]years?[ ]of[ ]age{_E}|[ -]?y\.?o\.?{_E}"
        # ("97yrs", "97 yoa": a note's shorthand; no one's span of years runs past 90)
        rf"|[ -]?y/o|[ -]?(?:yrs?|yoa){_E})",
        group="age",
    ),
    PatternSpec(
        builtin("phimin.age.shorthand"),
        # "93M presents", "a 91 y.o.F", "pt is 95F": age and sex, at the start of a
        # sentence or after an article or "pt" (not a temperature: "temp 99F").
        rf"(?<=(?:^|[.!?\n][ ]*|(?<![\w])(?:an?|pt|patient|client|is|this)[ ]+)){_AGE_NUMBER}"
        r"[ ]?(?:M|F|yo[mf]|y/o[mf]|yom|yof)(?![\w])",
        group="age",
    ),
    PatternSpec(
        builtin("phimin.age.label"),
        # ("at the age of ninety two", "aged ninety seven": in words too)
        # ("her age is ninety two", "mom's age: 94")
        rf"(?i){_B}(?:age[ds]?|aged|age[ ]of|age[ ]+(?:is|was)|age['’]s)[ :]*(?:{_AGE_NUMBER}(?![\w+])"
        rf"(?![ ]*(?:{_NOT_AGE_UNIT}|days?|weeks?|months?)(?![\w]))"
        rf"|(?P<age>{_AGE_SPOKEN})(?![\w'’-])(?![ ]+(?:percent|degrees?|dollars?|pounds?|days?"
        r"|weeks?|months?|minutes?|miles?|times)(?![\w])))"
        # a note's kin and the age set off after it: "Grandfather, 96, moved", "Mother (92)"
        # (with "now" or "age" between, or none in a list: "father, now 97,", "Mom 95, Dad
        # 98")
        rf"|(?i:(?<![\w]){_AGE_KIN}(?:,[ ]*|[ ]*\(|(?<!patient|client|resident)[ ]+)"
        r"(?:(?:now|currently|age|aged)[ ]+)?)"
        rf"{_AGE_NUMBER}(?=[ ]*[,);]|[ ]*\.(?![\d]))"
        # said in words, set off by commas: "my grandma, ninety four, still lives alone"
        rf"|(?i:(?<![\w]){_AGE_KIN},[ ]*(?:(?:now|currently|age|aged)[ ]+)?)"
        rf"(?i:(?P<age>{_AGE_SPOKEN}))(?=[ ]*,)"
        # ...after anyone named, set off as well: "mrs. okafor, ninety one, still walks",
        # "our neighbor's dad, ninety four, lives alone" (in words, as an age is said; a
        # note's "pulse, 95, regular" is a rate)
        rf"|(?i:(?<=(?<![\w])\p{{L}}[\p{{L}}'’.]*,[ ]*)(?:(?:now|age|aged)[ ]+)?)"
        rf"(?i:(?P<age>{_AGE_SPOKEN}))(?=[ ]*,[ ]*\p{{L}})",
        group="age",
        trigger=r"(?i)\d|ninet|hundred",
    ),
    PatternSpec(
        builtin("phimin.age.turned"),
        rf"(?i){_B}(?:turn(?:ed|s|ing)?|will[ ]be|is[ ]now)[ ]+{_AGE_NUMBER}(?![\w+%])"
        # (an amount turned or reached is no age: "turned 90 degrees", "will be 95 percent")
        rf"(?![ ]*(?:{_NOT_AGE_UNIT})(?![\w]))",
        group="age",
    ),
    PatternSpec(
        builtin("phimin.age.birthday"),
        # (the ordinal's ending goes too: "her 90+ birthday", not "her 90+th")
        rf"(?i){_B}(?P<age>(?:9\d|1[01]\d)(?:st|nd|rd|th)|{_AGE_ORDINAL_SPOKEN})[ ]+birthday"
        # "she celebrated her hundredth", "for his ninetieth we all went": the birthday
        # unsaid, after what is done for one (not "his hundredth game")
        r"|(?<=(?<![\w])(?:celebrat(?:e|ed|es|ing)|for|at|since|after|before|until|till|throw"
        r"|threw|throwing|plan|planned|planning|had|have|has)[ ]+(?:her|his|my|their|your|our)[ ]+)"
        rf"(?P<age>(?:9\d|1[01]\d)(?:st|nd|rd|th)|{_AGE_ORDINAL_SPOKEN})"
        r"(?=[ ]*(?:[.,;!?]|$)|[ ]+(?:party|celebration|bash|and|so|but|we|she|he|i|they"
        r"|this|last|next)(?![\w]))"
        # ...or a kin's, said alone: "grandma's ninety-sixth", "nana's 95th party" (not
        # "grandpa's 95th percentile": what the ordinal counts goes on after it)
        rf"|(?<=(?<![\w]){_AGE_KIN}['’]s[ ]+)"
        rf"(?P<age>(?:9\d|1[01]\d)(?:st|nd|rd|th)|{_AGE_ORDINAL_SPOKEN})"
        r"(?=[ ]*(?:[.,;!?]|$)|[ ]+(?:party|celebration|bash|dinner|and|so|but|we|she|he|i"
        r"|they|is|was|will|last|next|this|on|in|coming)(?![\w]))"
        # ...or before when it is: "her 95th was last weekend", "his ninetieth is in june"
        r"|(?<=(?<![\w])(?:her|his|my|their|your|our)[ ]+)"
        rf"(?P<age>(?:9\d|1[01]\d)(?:st|nd|rd|th)|{_AGE_ORDINAL_SPOKEN})"
        r"(?=[ ]+(?:is|was|will[ ]be|'s|’s)[ ]+(?:last|next|this|on|coming[ ]up|in|tomorrow"
        r"|today|yesterday)(?![\w]))",
        group="age",
        trigger=r"(?i)\d|ninet|hundred",
    ),
    PatternSpec(
        builtin("phimin.age.decade"),
        r"(?i)\b(?:in|into)[ ]+(?:his|her|their|my|your)[ ]+(?:late[ ]|early[ ]|mid[ -])?"
        r"(?P<age>90s|nineties|100s)(?![\w])"
        # (not the decade's things: "in his nineties album phase", "in my 90s grunge era")
        r"(?![ ]+(?:albums?|music|phase|era|style|fashion|movies?|films?|shows?|bands?|songs?"
        r"|sitcoms?|tv|cartoons?|look|vibes?|aesthetic|rock|grunge|hip[ ]hop|rap|r&b|pop|kid"
        r"|nostalgia|playlists?|stuff|clothes|hair|haircut|jeans|phase)(?![\w]))"
        # in Spanish, whose decade it is: "mi abuela está en sus noventas", "ya anda en sus
        # noventa y tantos" ("en los noventa" is the decade of the century: it stays)
        r"|(?<![\w])(?:en|a)[ ]+sus[ ]+(?:(?:primeros|últimos|ultimos|tempranos)[ ]+)?"
        r"(?P<age>noventas?(?:[ ]+y[ ]+tantos)?|cien(?:[ ]+y[ ]+tantos)?)(?![\w])"
        r"(?![ ]+(?:minutos|horas|d[ií]as|semanas|meses|pesos|d[oó]lares|kilos|por[ ]ciento"
        r"|veces|metros|millas|grados)(?![\w]))",
        group="age",
        trigger=r"(?i)90s|ninet|100s|sus[ ]+(?:\w+[ ]+)?(?:noventa|cien)",
    ),
    PatternSpec(
        builtin("phimin.age.spoken"),
        # "she's ninety four", "my great aunt is ninety six", "grandma turned a hundred and
        # one", "he's 104", "passed at ninety seven": a person's age of 90 and over said
        # without "years old" (not an amount: "ninety dollars", "104 degrees").
        # (not a feeling: "i feel like i'm ninety")
        rf"(?i)(?<![\w])(?<!(?:feel|feels|felt|feeling|look|looks|act|acts)[ ]like[ ])"
        rf"(?:{_AGE_SUBJECT}(?:(?:['’](?:s|m|re)|[ ]+(?:is|are|am))[ ]+(?:going[ ]to|gonna)[ ]be"
        rf"|['’](?:s|m|re)|['’](?:ll|d)[ ]be|[ ]+(?:is|are|am|was|were|will[ ]be|would[ ]be"
        rf"|gonna[ ]be|going[ ]to[ ]be|turned|turns|turning|just[ ]turned|is[ ]turning)"
        # "my great aunt's about to be a hundred"
        rf"|(?:['’]s|[ ]+(?:is|was))[ ]+about[ ]to[ ]be)"
        rf"|(?:passed|died|passed[ ]away)"
        # ("she'll turn ninety in june": the bare verb after a modal or "to")
        rf"(?:[ ]+\w+){{0,3}}?[ ]+at|turned|turns|turning"
        rf"|(?<=(?:['’]ll|will|to|gonna|would|'d|’d)[ ]+)turn"
        rf"|lived[ ](?:to|till|until|past)(?:[ ]be)?"
        rf"|made[ ]it[ ](?:to|past)"
        # "that makes me ninety two": a birth year's sum
        rf"|makes[ ](?:me|her|him|them)"
        # "at ninety three she still drives": an age, then whoever is that old
        rf"|at(?=[ ]+(?:{_AGE_SPOKEN}|9\d|1[01]\d)[ ,]+(?:she|he|i|they|you|my|his|her|mom|dad"
        rf"|grandma|grandpa|nana)[ ])"
        # "my grandpa at ninety two still mows the lawn": whoever, then the age
        rf"|{_AGE_KIN}[ ]+at(?=[ ]+(?:{_AGE_SPOKEN}|9\d|1[01]\d)[ ,]+(?:still|is|was|has|had"
        r"|can|could|does|did|drives|drove|lives|lived|walks|walked|works|worked|goes|went"
        r"|cooks|gardens|keeps|knows|remembers|and|who)[ ])"
        # "grandma just hit ninety" (a person: "he hit ninety on the highway" is a speed)
        rf"|(?:{_AGE_KIN}|she|he)(?:['’]s|[ ]+(?:has|had))?(?:[ ]+(?:just|finally))?"
        r"[ ]+(?:hit|reached)"
        rf"(?=[ ]+(?:{_AGE_SPOKEN}|9\d|1[01]\d)(?:[ ]*(?:[.,;!?]|$)|[ ]+(?:this|last|in|and|so"
        r"|but|yesterday|today|recently)(?![\w])))"
        rf"|{_KIN_NAMED})"
        # ("she's pushing a hundred", "he's well over ninety": 90 and over all the same)
        rf"[ ]+(?:(?:just|like|now|only|both)[ ]+)?(?:(?P<age>{_HEDGED_HUNDRED})"
        rf"|(?:(?:just|almost|nearly|about|like|now|only|pushing|over|past|well[ ]over"
        rf"|well[ ]past|going[ ]on|close[ ]to|around)[ ]+)?(?P<age>(?:{_AGE_SPOKEN}|9\d|1[01]\d)"
        rf"(?:[ ]and[ ]a[ ]half)?))(?![\w'’-])"
        # (nor a part of a longer amount: "ninety nine percent")
        rf"(?![ -]{_UNITS}(?![\w]))"
        r"(?![ ]*(?:%|percent|degrees?|dollars?|bucks|cents|pounds?|lbs?|kilos?|kg|minutes?"
        r"|mins?|hours?|hrs?|days?|weeks?|miles?|mg|times|over|out[ ]of|k\b|thousand|million"
        r"|calories|steps|pages|points|mph|yards?|yds|feet|ft|meters?|laps|reps"
        # (nor "a hundred percent" said short: "i'm 100 sure", "he's 100 done with it")
        r"|(?:sure|certain|serious|honest|done|ready|committed|confident|positive|real)(?![\w])))",
        group="age",
        trigger=r"(?i)ninet|hundred|9\d|1[01]\d",
    ),
    PatternSpec(
        builtin("phimin.age.asked"),
        # "how old are you now? speaker 2: ninety one and a half": an age of 90 and over
        # given as the answer to how old someone is, in the same turn or the next ("how
        # old's your grandmother?\nC: she's ninety two", "what's her age now? ninety
        # six", "¿cuántos años tiene su mamá?\nC: noventa y dos").
        r"(?i)(?<![\w])(?:how[ ]old(?:[ ]+(?:are|is|was|were)|['’]s|(?=[ ]*[?]))"
        r"|what['’]?s[ ]+(?:his|her|their|your)[ ]+age|what[ ]+age[ ]+(?:is|was|are)"
        r"|cu[aá]ntos[ ]+a[ñn]os[ ]+(?:tiene|tenía|tenia|ten[ií]a|cumpli[oó])"
        r"|qu[eé][ ]+edad[ ]+(?:tiene|tenía|tenia))"
        # (never a thing's age: "how old is the house?")
        rf"(?![ ]+(?:the|your|his|her|their|my|this|that|our)[ ]+{_AGE_THING}(?![\w]))"
        # (what is asked of, to the question's end: "is your grandma now", "was she when
        # she passed")
        r"[^?\n.]{0,48}?[ ]*[?.,]?"
        # (a turn's label between: "\nC:", " speaker 2:", "\nCLIENT:")
        r"(?:[ ]*\n?[ ]*\p{L}{1,12}(?:[ ]\d)?[ ]?:)?(?:[ ]+(?:um|uh|oh|well|like|i'm|im|i[ ]am"
        r"|she's|he's|shes|hes|she'll[ ]be|he'll[ ]be|she[ ]turned|he[ ]turned|just|almost|nearly"
        r"|gonna[ ]be|about|tiene|ya|casi|como),?)*"
        rf"[ ]+(?P<age>(?:{_AGE_SPOKEN}|{_SPANISH_AGE})(?:[ ]and[ ]a[ ]half)?)(?![\w'’-])"
        r"(?![ ]*(?:%|percent|degrees?|dollars?|pounds?|lbs?|minutes?|days?|weeks?|months?"
        r"|thousand|grand|miles|k(?![\w])|d[ií]as|meses|semanas|pesos|mil(?![\w])))",
        group="age",
        trigger=r"(?i)how[ ]old|age|a[ñn]os|edad",
    ),
    PatternSpec(
        builtin("phimin.age.spanish"),
        # "mi abuela tiene noventa y tres años", "murió a los 96 años", "cumple cien años":
        # an age of 90 and over said in Spanish.
        # (said between languages too: "my abuela has noventa y siete años")
        rf"(?i)(?<![\w])(?:tiene|tenía|tenia|cumplió|cumplio|cumple|va[ ]a[ ]cumplir"
        rf"|a[ ]los|has|is|was|turned|turns|turning)[ ]+(?:casi[ ]+|ya[ ]+|like[ ]+|about[ ]+"
        rf"|almost[ ]+)?(?P<age>{_SPANISH_AGE})"
        # (not "cien años de historia"; in English too: "my grandma is like noventa y
        # siete years old")
        r"(?:[ ]+(?:años|years)(?![\w])(?![ ]+de[ ])"
        # a birthday needs no "años": "mi abuelo cumple noventa y uno el ocho de diciembre",
        # "my abuela just turned noventa y uno"
        r"|(?<=(?:cumple|cumplió|cumplio|cumplir|turned|turns|turning)[ ]+(?:casi[ ]+|ya[ ]+"
        r"|like[ ]+|about[ ]+|almost[ ]+)?[\w ]{2,20})"
        rf"(?![\w])(?![ ]+y[ ]+{_SPANISH_UNITS}(?![\w]))"
        r"(?![ ]+(?:días|dias|meses|semanas|años|de|days|weeks|months|percent|por[ ]ciento"
        rf"|dollars|d[oó]lares)(?![\w]))(?![ ]*(?:{_NOT_AGE_UNIT})(?![\w])))"
        # "mi abuela de noventa y tres años": kin, and how old, as what describes them
        rf"|(?<![\w]){_SPANISH_KIN}[ ]+de[ ]+(?P<age>{_SPANISH_AGE})(?:[ ]+años(?![\w])"
        # ...or with no "años", before what comes next: "mi abuelita de 93 todavía cocina"
        r"|(?=[ ]*(?:[.,;!?]|$)|[ ]+(?:todav[ií]a|y|pero|que|ya|a[uú]n|vive|sigue|se|and|but"
        r"|still)(?![\w])))"
        # whose age it is needs no "años": "mi abuela ya tiene noventa y ocho"
        # ("la viejita de abajo ya tiene noventa y seis": where they are from, between)
        rf"|(?<![\w]){_SPANISH_KIN}(?:[ ]+del?(?:[ ]+\w+){{1,2}}?)?(?:[ ]+(?:ya|casi|como|que))*"
        r"[ ]+(?:tiene|tenía|tenia"
        rf"|va[ ]a[ ]tener)[ ]+(?:casi[ ]+|ya[ ]+|como[ ]+)?(?P<age>{_SPANISH_AGE})"
        rf"(?![ ]+y[ ]+{_SPANISH_UNITS}(?![\w]))"
        r"(?=[ ]*(?:[.,;!?]|$)|[ ]+(?:y|pero|ya|todav[ií]a|a[uú]n|and|but|so|now|still"
        r"|de[ ]edad)(?![\w]))"
        # "ya tiene noventa y nueve", "casi tiene cien": the age said without whose it is,
        # "ya" or "casi" before it, the clause ending after it (not "ya tiene noventa días")
        rf"|(?<![\w])(?:ya|casi)[ ]+(?:tiene|ten[ií]a|cumpli[oó]|cumple)[ ]+(?:casi[ ]+)?"
        rf"(?P<age>{_SPANISH_AGE})(?![ ]+y[ ]+{_SPANISH_UNITS}(?![\w]))"
        r"(?=[ ]*(?:[.,;!?]|$)|[ ]+(?:y|pero|ya|todav[ií]a|a[uú]n|and|but|so|now|still"
        r"|de[ ]edad)(?![\w]))"
        # "ya cumplió los noventa", "va para los noventa y cinco", "murió a los noventa y
        # tres": the age reached, with no "años" (not "cumplí los noventa días", nor the
        # decade: "en los noventa")
        r"|(?<![\w])(?:cumpli[oó]|cumple|cumplir[aá]?|va[ ]a[ ]cumplir|va[ ]para|iba[ ]para"
        r"|anda[ ](?:en|por)|lleg[oó][ ]a|llega[ ]a|llegar[aá]?[ ]a|pas[oó][ ]de|pasa[ ]de"
        r"|(?:se[ ])?muri[oó][ ]a|falleci[oó][ ]a|vivi[oó][ ]hasta)[ ]+(?:ya[ ]+|casi[ ]+)?"
        rf"los[ ]+(?P<age>{_SPANISH_AGE})(?![\w])(?![ ]+y[ ]+{_SPANISH_UNITS}(?![\w]))"
        r"(?![ ]+(?:d[ií]as|meses|semanas|minutos|horas|pesos|d[oó]lares|kilos|grados|por[ ]ciento"
        r"|a[ñn]os[ ]+de)(?![\w]))",
        group="age",
        trigger=r"(?i)años|cumpl|tiene|ten[ií]a|tener|turn|years|de[ ](?:9|1[01]|noventa|cien)"
        r"|los[ ](?:9|1[01]|noventa|cien)",
    ),
    PatternSpec(
        builtin("phimin.age.term"),
        # "my great grandmother is a nonagenarian", "a centenarian": the word is the age.
        r"(?i)(?<![\w])(?:super[ -]?)?(?:nonagenarian|centenarian)s?(?![\w])",
        trigger=r"(?i)narian",
    ),
    PatternSpec(
        builtin("phimin.age.words"),
        # A one-word label goes whole: "a ninety-two-year-old widow" -> "a 90+ widow" (its
        # number is less than two thirds of it); said in words apart, the number goes
        # ("ninety two years old" -> "90+ years old"). Never a thing's age ("the house is
        # ninety years old", "a hundred-year-old oak").
        rf"(?i){_B}(?<!(?<![\w]){_AGE_THING}[ ]+(?:is|was|['’]s)[ ]+(?:like[ ]+|about[ ]+"
        rf"|almost[ ]+|nearly[ ]+|over[ ]+)?){_AGE_FEELING}"
        rf"(?:(?P<age>(?:ninety(?:-{_UNITS})?|(?:a|one)[ -]hundred(?:-(?:and-)?[a-z]+)?)"
        rf"-years?-olds?)(?![\w-])|(?:(?P<age>{_HEDGED_HUNDRED})|{_AGE_WORDS})[ -]+years?[ -]+"
        rf"(?:old|young|of[ ]age)(?![\w]))(?![ ]+{_AGE_THING}(?![\w]))",
        group="age",
        trigger=r"(?i)ninety|hundred",
    ),
)
