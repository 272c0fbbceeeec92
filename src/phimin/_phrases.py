"""Whole phrases: a sensitive span covers the whole phrase it generalizes, or none of it.

A rule-pack match that begins with an amount ("five beers a night", "12 beers a day")
can begin in the middle of one: "four or five beers a night", "10-12 beers a day",
"two to three drinks", "one and a half bottles". Generalizing from where the match
begins would leave "four or [substance use]": the amount half kept, the sentence cut,
and the LLM reading the words around it as if they meant something. So a sensitive
detection that begins with an amount is grown leftwards over the amounts joined to it
by "or", "to", "and", a dash or a slash, as many as there are ("three or four or five").

Only amounts are absorbed, and only when the detection itself begins with one: a
detection that begins with a word ("drinking") is left as found.

A test's result goes with what was tested: "tested positive for [brca1]", "the [lynch
syndrome] mutation" would leave the result beside the wording, so a genetic or an
HIV/STI finding is grown over "tested positive for", "a carrier of" just before it and
"mutation", "carrier", "positive" just after it ("diagnosed with", "result" and
"status" stay outside, as the packs' own wordings have them).

Every other finding is left as found. Offsets are those of the normalized text the
detections are in.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from phimin._catalogue import Catalogue
from phimin._detect.detection import Detection
from phimin._findings import Category
from phimin._lazy_regex import lazy

__all__ = ["whole_phrases"]

_UNITS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    "|fifteen|sixteen|seventeen|eighteen|nineteen"
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# One amount: digits, or a number in words, or a vague amount.
_AMOUNT = (
    rf"(?:\d{{1,4}}(?:[.,]\d{{1,2}})?|(?:{_TENS})(?:[- ](?:{_UNITS}))?|{_UNITS}|hundred|dozen"
    r"|half|a[ ]half|a[ ]few|a[ ]couple(?:[ ]of)?|couple|few|several)"
)
# The detection begins with an amount (a whole word).
_BEGINS = lazy(rf"(?i){_AMOUNT}(?![\w])")
# An amount and what joins it to the next one, ending where the detection begins.
_JOINED = lazy(rf"(?i)(?<![\w.,]){_AMOUNT}(?:[ \t]*[-–—/][ \t]*|[ \t]+(?:or|to|and)[ \t]+)\Z")
# Where a phrase may begin: not right after a dash or slash ("GAD-7 and five beers" keeps
# "GAD-7 and"), and a date is never part of one ("3/10/2026 and five beers").
_JOINT_BEFORE = regex.compile(r"[-–—/][ \t]*\Z")
# A date is two numbers of a day or a month and a year of two or four digits, in either
# order: "3/10/2026", "2026-03-10", "3-10-26"; "2-2-2-5 beers" ("two-two-two-five" once
# number words are read as digits) is a chain of amounts, not a date.
_DATE_LIKE = regex.compile(
    r"(?<!\d)(?:\d{1,2}[ \t]*[-–—/.][ \t]*\d{1,2}[ \t]*[-–—/.][ \t]*(?:\d{4}|\d{2})"
    r"|\d{4}[ \t]*[-–—/.][ \t]*\d{1,2}[ \t]*[-–—/.][ \t]*\d{1,2})(?!\d)"
)
_LOOK_BACK = 40  # characters: the longest amount and joint, with room

# What a test found, said around the finding (genetic and HIV/STI findings only).
_RESULT_ENTITIES = frozenset({"GENETIC_INFORMATION", "HIV_STI"})
_RESULT_BEFORE = lazy(
    r"(?i)(?<![\w'’])(?:tested|tests|test(?:ed)?[ ]came[ ]back|came[ ]back)[ ]+(?:positive"
    r"|negative)[ ]+for[ ]+\Z"
    r"|(?<![\w'’])(?:an?[ ]+)?carriers?[ ]+(?:of|for)[ ]+(?:the[ ]+)?\Z"
)
_RESULT_AFTER = lazy(
    r"(?i)[ ]+(?:mutations?|genes?|variants?|carriers?|positive|negative)(?![\w'’-])"
)
_RESULT_LOOK_BACK = 40


def whole_phrases(
    text: str, detections: Sequence[Detection], catalogue: Catalogue
) -> list[Detection]:
    """`detections`, each sensitive one that begins with an amount grown over the amounts
    joined to it on its left."""
    grown = [_grown(text, d) if _grows(d, text, catalogue) else d for d in detections]
    return [_with_result(text, d) if d.entity in _RESULT_ENTITIES else d for d in grown]


def _with_result(text: str, d: Detection) -> Detection:
    """A test's finding with the result said around it: "tested positive for brca1",
    "the lynch syndrome mutation"."""
    before = _RESULT_BEFORE.search(text, max(0, d.start - _RESULT_LOOK_BACK), d.start)
    after = _RESULT_AFTER.match(text, d.end)
    if before is None and after is None:
        return d
    return d.spanning(
        d.start if before is None else before.start(), d.end if after is None else after.end()
    )


def _grows(d: Detection, text: str, catalogue: Catalogue) -> bool:
    return (
        catalogue.get(d.rule_id, d.entity).category is Category.SENSITIVE
        and _BEGINS.match(text, d.start, d.end) is not None
    )


def _grown(text: str, d: Detection) -> Detection:
    """`d` from the leftmost start of its chain of joined amounts that is a clean
    beginning, or as found when there is none."""
    starts: list[int] = []
    start = d.start
    while (m := _JOINED.search(text, max(0, start - _LOOK_BACK), start)) is not None:
        start = m.start()
        starts.append(start)
    for begin in reversed(starts):
        if _JOINT_BEFORE.search(text, max(0, begin - _LOOK_BACK), begin) is None and (
            _DATE_LIKE.search(text, begin, d.start) is None
        ):
            return d.spanning(begin, d.end)
    return d
