"""Date shifting: every form read is written back the same way, moved by the offset.

The module on its own (no model): a date read and written again with its own day is
the text it was; moved, it reads back as the moved day in the same form; what cannot
be read (a day-first date, February 29th without a leap year, a weekday that is not
the date's) is refused, never guessed.
"""

from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phimin._dateshift import (
    DATE_SHAPE,
    MAX_WEEKS,
    draw_offset,
    keyed_offset,
    parse_date,
    shift_date,
)

SETTINGS = settings(max_examples=300, deadline=None)

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def unpadded(text: str) -> str:
    return re.sub(r"(?<!\d)0(\d)(?!\d)", r"\1", text)


def ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# Each form: how to write a day, and whether the text says its day and its year.
FORMS = {
    "m/d/yyyy": (lambda d: f"{d.month}/{d.day}/{d.year}", True, True),
    "mm/dd/yyyy": (lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}", True, True),
    "m-d-yy": (lambda d: f"{d.month}-{d.day}-{d.year % 100:02d}", True, True),
    "iso": (lambda d: d.isoformat(), True, True),
    "m/d": (lambda d: f"{d.month}/{d.day}", True, False),
    "Month d": (lambda d: f"{MONTHS[d.month - 1]} {d.day}", True, False),
    "Month dth": (lambda d: f"{MONTHS[d.month - 1]} {ordinal(d.day)}", True, False),
    "Mon. d, yyyy": (lambda d: f"{MONTHS[d.month - 1][:3]}. {d.day}, {d.year}", True, True),
    "MONTH D, YYYY": (lambda d: f"{MONTHS[d.month - 1].upper()} {d.day}, {d.year}", True, True),
    "d Month yyyy": (lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}", True, True),
    "the dth of month": (lambda d: f"the {ordinal(d.day)} of {MONTHS[d.month - 1]}", True, False),
    "Weekday, Month d, yyyy": (
        lambda d: f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}, {d.year}",
        True,
        True,
    ),
    "dd-Mon-yyyy": (lambda d: f"{d.day:02d}-{MONTHS[d.month - 1][:3]}-{d.year}", True, True),
    "Month yyyy": (lambda d: f"{MONTHS[d.month - 1]} {d.year}", False, True),
    "m/yyyy": (lambda d: f"{d.month}/{d.year}", False, True),
}
DAYS = st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2045, 12, 31))
OFFSETS = st.integers(-MAX_WEEKS, MAX_WEEKS).filter(bool).map(lambda w: 7 * w)


@SETTINGS
@given(DAYS, st.sampled_from(sorted(FORMS)), OFFSETS)
def test_a_date_moves_by_the_offset_in_its_own_form(
    day: datetime.date, form: str, offset: int
) -> None:
    write, has_day, _ = FORMS[form]
    text = write(day)
    parsed = parse_date(text, context_year=day.year)
    assert parsed is not None, text
    assert parsed.written(parsed.date) == text  # read, then written again: the same
    if not has_day:
        day = day.replace(day=15)  # a month alone moves from its middle
    assert parsed.date == day
    result = shift_date(text, offset, context_year=day.year)
    moved = day + datetime.timedelta(days=offset)
    if "yy" in form.replace("yyyy", "") and not 1950 <= moved.year <= 2049:
        # A two-digit year moved out of the century it is read in would read back as
        # another century: not shifted, so the caller generalizes it (fail closed).
        assert result is None, text
        return
    assert result is not None, text
    shifted, _ = result
    again = parse_date(shifted, context_year=moved.year)
    assert again is not None, shifted
    if has_day:
        assert again.date == moved, (text, shifted)
    else:
        assert (again.date.year, again.date.month) == (moved.year, moved.month)
    # The same written form (a two-digit number of 10 or more says nothing of padding).
    expected = write(again.date)
    if shifted != expected:
        assert unpadded(shifted) == unpadded(expected), (text, shifted)
        padding = [text[a] == "0" for name, a, _ in parsed.fields if name in ("m", "d")]
        assert not any(padding), (text, shifted)
    assert shifted != text or not has_day


def test_examples_keep_their_form() -> None:
    cases = {
        "March 3rd": "April 7th",
        "03/14/2026": "04/18/2026",
        "3/14": "4/18",
        "3/14/26": "4/18/26",
        "MARCH 3RD": "APRIL 7TH",
        "Sept. 3": "Oct. 8",
        "march the third": "april the seventh",
        "the twenty first of March": "the twenty fifth of April",
        "Tue, Mar 3, 2026": "Tue, Apr 7, 2026",
        "14Mar26": "18Apr26",
        "Jun '98": "Jul '98",
    }
    for text, expected in cases.items():
        result = shift_date(text, 35, context_year=2026)
        assert result is not None, text
        assert result[0] == expected, text


def test_years_move_with_the_date() -> None:
    assert shift_date("Dec 20, 2026", 35, context_year=None) == (
        "Jan 24, 2027",
        parse_date("Dec 20, 2026"),
    )
    result = shift_date("12/20/99", 14)
    assert result is not None and result[0] == "1/3/00"


@pytest.mark.parametrize(
    "text",
    [
        "14/3/2026",  # day first: not guessed
        "2/29",  # no year said, and the common year has no February 29th
        "Monday, March 3, 2026",  # March 3, 2026 is a Tuesday
        "March",  # a month alone is no date
        "on the 11th",
        "13/40",
        "2026",
        "four twelve eighty eight",
    ],
)
def test_what_cannot_be_read_is_refused(text: str) -> None:
    assert shift_date(text, 7) is None


def test_february_29th_reads_in_a_leap_context_year() -> None:
    result = shift_date("2/29", 7, context_year=2028)
    assert result is not None and result[0] == "3/7"


def test_offsets_are_whole_weeks_never_zero_at_most_a_year() -> None:
    drawn = {draw_offset() for _ in range(2000)}
    assert all(d % 7 == 0 and d != 0 and abs(d) <= 7 * MAX_WEEKS for d in drawn)
    assert min(drawn) < 0 < max(drawn)
    assert keyed_offset(b"k" * 16, "p-1") == keyed_offset(b"k" * 16, "p-1")
    by_key = {keyed_offset(bytes([i]) * 16, "p-1") for i in range(200)}
    by_subject = {keyed_offset(b"k" * 16, f"p-{i}") for i in range(200)}
    for keyed in (by_key, by_subject):  # 104 possible offsets: most are taken
        assert len(keyed) > 50 and all(d % 7 == 0 and d != 0 for d in keyed)
    # Pinned: a change of derivation must come with a new tag, since it moves every
    # date shifted with the key before.
    assert keyed_offset(b"k" * 32, "p-001") == -49


def test_date_shape_finds_dates_in_a_reply() -> None:
    text = "Seen 4/18/2026 and April 7th, 2027; pain 7/10; call 555-0101 at 3:30."
    found = [m.group(0) for m in DATE_SHAPE.finditer(text)]
    assert found == ["4/18/2026", "April 7th, 2027", "7/10"]
