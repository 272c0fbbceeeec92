"""Date shifting: every date moved by one offset, and written as it was written.

With a policy's `[dates] shift = true`, a date the policy generalizes becomes another
real date, moved by the document's (or session's) offset, in the same written form:
"March 3rd" -> "April 7th", "03/14/2026" -> "04/18/2026", "3/14" stays month/day,
"Tue, Mar 3, 2026" keeps its weekday, abbreviations, case, zero-padding and two-digit
years. Intervals and order between dates survive, so an LLM can reason about time;
years move with the date they belong to ("Dec 20, 2026" can become "Jan 24, 2027").

What is read (anything else is not shifted, and the caller falls back to the policy's
usual wording, `[date in 2026]`: fail closed):

- numeric, month first: 3/14/2026, 03-14-26, 3.14.2026; ISO 2026-03-14; 3/14; a month
  and a year, 3/2026, 12/93 (a second number above 31 is a year);
- with a month's name or abbreviation: March 3, Mar. 3rd, March the third, 3 March 2026,
  the 3rd of March, March 3rd, 2026, Tuesday, March 3, 14-Mar-2026, 14Mar26, March
  2026, Mar-26, 22-Oct. A weekday inside the date is rewritten for the new date.

Month-first numeric dates are read as the US writes them; a first number above 12
(14/3/2026) is not read at all rather than guessed. A date without a year is read in
`context_year` (the year of the last full date before it), or in a common year when
there is none, so "2/29" alone is not read. A month without a day moves from its 15th.

The offset is a whole number of weeks, never 0, at most 52 either way (`draw_offset`,
`keyed_offset`): a weekday written next to a date ("Monday, March 3" where only
"March 3" is the date) stays true, and so does every "last Tuesday" in the text.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
from dataclasses import dataclass

import regex

from phimin._lazy_regex import lazy

__all__ = [
    "DATE_SHAPE",
    "MAX_WEEKS",
    "ParsedDate",
    "draw_offset",
    "keyed_offset",
    "parse_date",
    "shift_date",
]

MAX_WEEKS = 52  # the offset is 1 to 52 weeks, either way
_COMMON_YEAR = 2001  # a year without a February 29th, for dates written without a year
# Domain separation and a version for the keyed offset (per key and subject): a change
# of derivation gets a new tag, never a silent change of every date shifted before.
_SUBJECT_TAG = b"phimin.dateshift.subject.v1\x00"

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_ABBREVIATIONS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ABBREVIATIONS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = (
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
)


def _day_words() -> dict[str, int]:
    words = {w: i + 1 for i, w in enumerate(_UNITS)}
    words.update({w: i + 10 for i, w in enumerate(_TEENS)})
    words["twentieth"] = 20
    words["thirtieth"] = 30
    for i, unit in enumerate(_UNITS):
        for sep in ("-", " "):
            words[f"twenty{sep}{unit}"] = 21 + i
    for sep in ("-", " "):
        words[f"thirty{sep}first"] = 31
    return words


_DAY_WORDS = _day_words()
_DAY_WORD_OF = {n: w for w, n in _DAY_WORDS.items() if " " not in w}  # hyphenated
_MONTH_NAMES = {name: i + 1 for i, name in enumerate(_MONTHS)}
_MONTH_NAMES.update({abbr: i + 1 for i, abbr in enumerate(_ABBREVIATIONS)})
_MONTH_NAMES["sept"] = 9
_WEEKDAY_NAMES = {name: i for i, name in enumerate(_WEEKDAYS)}
_WEEKDAY_NAMES.update({abbr: i for i, abbr in enumerate(_WEEKDAY_ABBREVIATIONS)})
_WEEKDAY_NAMES.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})

_MONTH = "(?:" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + ")"
_ABBR = "(?:sept|" + "|".join(_ABBREVIATIONS) + ")"
_WEEKDAY = "(?:" + "|".join(sorted(_WEEKDAY_NAMES, key=len, reverse=True)) + ")"
_DAY_WORD = "(?:" + "|".join(sorted(_DAY_WORDS, key=len, reverse=True)) + ")"
_DAY = rf"(?:(?P<d>\d{{1,2}})(?P<suf>st|nd|rd|th)?|(?P<dw>{_DAY_WORD}))"
_YEAR_AFTER_NAME = r"(?:(?P<y>\d{4})|'(?P<y2>\d{2}))"
_WEEKDAY_LEAD = rf"(?:(?P<wd>{_WEEKDAY})\.?(?:,[ ]*|[ ]+))?"

# Every form read, each matched against the whole date (case-insensitive).
_FORM_PATTERNS = (
    r"(?P<m>\d{1,2})(?P<sep>[/.-])(?P<d>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})",
    r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})",
    r"(?P<m>\d{1,2})/(?P<d>\d{1,2})",
    r"(?P<m>\d{1,2})[/-](?P<y>\d{4})",
    r"(?P<m>\d{1,2})/(?P<y>\d{2})",
    rf"{_WEEKDAY_LEAD}(?P<mn>{_MONTH})\.?[ ]+(?:the[ ]+)?{_DAY}"
    rf"(?:,?[ ]+(?:of[ ]+|in[ ]+)?{_YEAR_AFTER_NAME})?",
    rf"{_WEEKDAY_LEAD}(?:the[ ]+)?{_DAY}[ ]+(?:of[ ]+)?(?P<mn>{_MONTH})\.?"
    rf"(?:,?[ ]+{_YEAR_AFTER_NAME})?",
    rf"(?P<d>\d{{1,2}})[-/. ]?(?P<mn>{_ABBR})[-/. ]?(?P<y>\d{{4}}|\d{{2}})",
    rf"(?P<mn>{_MONTH})\.?,?[ ]+(?:of[ ]+)?{_YEAR_AFTER_NAME}",
    rf"(?P<mn>{_ABBR})[-/.](?P<y>\d{{4}}|\d{{2}})",
    rf"(?P<d>\d{{1,2}})[-/](?P<mn>{_ABBR})",
)
_FORMS = tuple(lazy(p, regex.IGNORECASE) for p in _FORM_PATTERNS)
_FIELDS = ("wd", "m", "mn", "d", "dw", "suf", "y", "y2")


def _unnamed(pattern: str, index: int) -> str:
    """A form's pattern with its group names made unique, to join it with the others."""
    named = regex.sub(r"\(\?P<(\w+)>", rf"(?P<\g<1>_{index}>", pattern)
    return regex.sub(r"\(\?P=(\w+)\)", rf"(?P=\g<1>_{index})", named)


# Text shaped like a date of any form read here, found anywhere (in a restored reply:
# the dates a session did not write). Bounded and linear.
DATE_SHAPE = lazy(
    r"(?<![\w/.-])(?:"
    + "|".join(_unnamed(p, i) for i, p in enumerate(_FORM_PATTERNS))
    + r")(?![\w/]|[.-]\d)",
    regex.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date read from text: the day it names, and how to write another day the same way.

    `has_day`/`has_year`: whether the text said them (a month and year alone is read
    as its 15th; a date without a year, in the context year).
    """

    text: str
    date: datetime.date
    has_day: bool
    has_year: bool
    fields: tuple[tuple[str, int, int], ...]  # (field name, start, end) in `text`, in order

    def written(self, day: datetime.date) -> str:
        """`day` written in this date's form."""
        # A month or day written "03" pads; "10" says nothing, but its neighbour may.
        padded = any(
            self.text[start] == "0" and end - start == 2
            for name, start, end in self.fields
            if name in ("m", "d")
        )
        parts = []
        pos = 0
        for name, start, end in self.fields:
            old = self.text[start:end]
            parts.append(self.text[pos:start])
            if name in ("m", "d"):
                value = day.month if name == "m" else day.day
                parts.append(f"{value:02d}" if padded and len(old) == 2 else str(value))
            else:
                around = self.text[start - 1 : start] + self.text[end : end + 1]
                parts.append(_render(name, old, day, around))
            pos = end
        parts.append(self.text[pos:])
        return "".join(parts)


def parse_date(text: str, *, context_year: int | None = None) -> ParsedDate | None:
    """`text` (one whole date, as found) read into a real date, or None."""
    if len(text) > 64:
        return None
    for form in _FORMS:
        m = form.fullmatch(text)
        parsed = _parsed(text, m, context_year) if m is not None else None
        if parsed is not None:
            return parsed
    return None


def shift_date(
    text: str, days: int, *, context_year: int | None = None
) -> tuple[str, ParsedDate] | None:
    """`text` moved by `days` and written in its own form, with what was read; or None."""
    parsed = parse_date(text, context_year=context_year)
    if parsed is None:
        return None
    try:
        moved = parsed.date + datetime.timedelta(days=days)
    except OverflowError:
        return None
    if parsed.has_year and not 1000 <= moved.year <= 9999:
        return None
    out = parsed.written(moved)
    # What is written must read back as the moved date: never a date written wrong.
    again = parse_date(out, context_year=moved.year)
    # (the whole year: a two-digit year moved across the century it is read in, "1-1-50"
    # back a week, would read as 2049)
    if again is None or _key(again) != _key_of(parsed, moved):
        return None
    return out, parsed


def _key(parsed: ParsedDate) -> tuple[int, ...]:
    d = parsed.date
    return (d.month, d.day if parsed.has_day else 0, d.year if parsed.has_year else -1)


def _key_of(parsed: ParsedDate, moved: datetime.date) -> tuple[int, ...]:
    return (
        moved.month,
        moved.day if parsed.has_day else 0,
        moved.year if parsed.has_year else -1,
    )


def _parsed(text: str, m: regex.Match[str], context_year: int | None) -> ParsedDate | None:
    groups = {name: m.group(name) for name in _FIELDS if name in m.re.groupindex}
    if groups.get("m") is not None:
        month = int(groups["m"])
    elif groups.get("mn") is not None:
        month = _MONTH_NAMES[groups["mn"].casefold()]
    else:  # pragma: no cover - every form names its month
        return None
    day: int | None = None
    if groups.get("d") is not None:
        day = int(groups["d"])
    elif groups.get("dw") is not None:
        day = _DAY_WORDS[" ".join(groups["dw"].casefold().split())]
    year: int | None = None
    raw_year = groups.get("y") or groups.get("y2")
    if raw_year is not None:
        year = int(raw_year)
        if len(raw_year) == 2:
            if groups.get("m") is not None and groups.get("d") is None and year <= 31:
                return None  # "3/14": a month and a day (read by the form before)
            year += 2000 if year < 50 else 1900
    if not 1 <= month <= 12:
        return None
    has_day = day is not None
    try:
        date = datetime.date(
            year if year is not None else (context_year or _COMMON_YEAR),
            month,
            day if day is not None else 15,
        )
    except ValueError:
        return None
    weekday = groups.get("wd")
    if weekday is not None and (
        not has_day or _WEEKDAY_NAMES[weekday.casefold()] != date.weekday()
    ):
        return None  # a weekday that is not this date's: the text is not what we think
    fields = tuple(
        sorted(
            ((name, m.start(name), m.end(name)) for name, value in groups.items() if value),
            key=lambda f: f[1],
        )
    )
    return ParsedDate(text, date, has_day, year is not None, fields)


def _cased(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _render(name: str, old: str, day: datetime.date, around: str) -> str:
    """Field `name`, written as `old` was (between the characters `around`), for `day`."""
    if name == "y":
        return f"{day.year:04d}" if len(old) == 4 else f"{day.year % 100:02d}"
    if name == "y2":
        return f"{day.year % 100:02d}"
    if name == "suf":
        return _cased(_suffix(day.day), old)
    if name == "mn":
        folded = old.casefold()
        # "May" is a full name and an abbreviation: short where it is glued to
        # numbers or dashes ("01-May-2000") or has a period ("May. 3").
        short = any(c.isdigit() or c in ".-/" for c in around)
        if folded in _MONTHS and not (folded == "may" and short):
            word = _MONTHS[day.month - 1]
        elif folded == "sept" and day.month == 9:
            word = "sept"
        else:
            word = _ABBREVIATIONS[day.month - 1]
        return _cased(word, old)
    if name == "wd":
        folded = old.casefold()
        names = _WEEKDAYS if folded in _WEEKDAYS else _WEEKDAY_ABBREVIATIONS
        return _cased(names[day.weekday()], old)
    if name == "dw":
        word = _DAY_WORD_OF[day.day]
        return _cased(word.replace("-", " ") if " " in old.strip() else word, old)
    raise ValueError(f"unknown date field {name}")  # pragma: no cover


def _suffix(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def draw_offset() -> int:
    """A random offset in days: a whole number of weeks, 1 to `MAX_WEEKS`, either way."""
    return _weeks(secrets.randbelow(2 * MAX_WEEKS))


def keyed_offset(secret: bytes, subject: str) -> int:
    """The offset of every document about `subject` redacted with this pseudonym key.

    HMAC-SHA256 of the subject (its UTF-8 bytes, exactly as given) under the key: every
    batch, task and job with the key moves one person's dates together, and two people's
    by unrelated offsets, with no shared state.
    """
    digest = hmac.new(secret, _SUBJECT_TAG + subject.encode("utf-8"), hashlib.sha256).digest()
    return _weeks(int.from_bytes(digest[:16], "big") % (2 * MAX_WEEKS))


def _weeks(index: int) -> int:
    """0 .. 2*MAX_WEEKS-1 -> -MAX_WEEKS..-1, 1..MAX_WEEKS weeks, in days (never 0)."""
    weeks = index - MAX_WEEKS
    return 7 * (weeks + 1 if weeks >= 0 else weeks)
