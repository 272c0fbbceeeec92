"""Properties: every structured identifier type, planted in random clinical text, is gone.

Numbers are built valid (check digits from python-stdnum where it has them), so each
looks exactly like the real thing. For every example: no character of the identifier
lies outside a finding that changed the text, the identifier does not appear in the
output, nor (for numbers of seven digits or more) do its digits in a row. Also:
redacting twice changes nothing, offsets are valid and the text outside findings is
untouched, and no Unicode text (surrogates aside: they are not text) makes phimin fail.
tests/api/test_properties.py covers SSN, phone, email and MRN in the same spirit.
"""

from __future__ import annotations

import io
import ipaddress
import itertools
import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from stdnum import iban, luhn
from stdnum.us import rtn, ssn

import phimin
from phimin._findings import Action
from phimin.cli.exit_codes import ExitCode
from phimin.cli.main import main
from phimin.cli.settings import RedactorSpec
from phimin.cli.streams import Streams

PER_TYPE = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
BROAD = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

FILLER = [
    "Client reports low mood and poor sleep.",
    "Sertraline 50 mg daily, PHQ-9 score 14.",
    "We practiced grounding for 10 minutes.",
    "Pain 6/10, improving since last Tuesday.",
    "GAD-7 was 12; no SI or HI.",
    "She will follow up in 2 weeks.",
    "[therapist] how has the week been ?",
    "[client] better , i think .",
    "Discussed values and the CBT worksheet.",
    "He says work has been stressful lately.",
]
DIGITS, UPPER = string.digits, string.ascii_uppercase


def digits(n: int) -> st.SearchStrategy[str]:
    return st.text(DIGITS, min_size=n, max_size=n)


def sep_groups(draw: st.DrawFn, value: str, sizes: list[int], seps: list[str]) -> str:
    sep = draw(st.sampled_from(seps))
    parts, i = [], 0
    for size in sizes:
        parts.append(value[i : i + size])
        i += size
    return sep.join(parts)


# --- one strategy per identifier type: (text to plant, the part that must be covered) --


@st.composite
def ssns(draw: st.DrawFn) -> tuple[str, str]:
    number = draw(digits(9).filter(ssn.is_valid))
    value = sep_groups(draw, number, [3, 2, 4], ["-", " "])
    label = draw(st.sampled_from(["SSN ", "SSN: ", "social security number ", "ss# ", ""]))
    return label + value, value


@st.composite
def phones(draw: st.DrawFn) -> tuple[str, str]:
    area = draw(st.sampled_from(["201", "212", "301", "410", "443", "617", "702", "919"]))
    exchange = draw(st.integers(200, 999).filter(lambda n: n % 100 != 11))
    line = draw(digits(4))
    style = draw(st.sampled_from(["({a}) {e}-{l}", "{a}-{e}-{l}", "{a}.{e}.{l}", "+1 {a} {e} {l}"]))
    value = style.format(a=area, e=exchange, l=line)
    return draw(st.sampled_from(["call ", "cell ", "phone: ", "", "fax "])) + value, value


@st.composite
def emails(draw: st.DrawFn) -> tuple[str, str]:
    user = draw(st.text(string.ascii_lowercase + DIGITS, min_size=2, max_size=10))
    user += draw(st.sampled_from(["", ".", "_", "+", "-"]))
    user += draw(st.text(string.ascii_lowercase, min_size=1, max_size=8))
    domain = draw(st.text(string.ascii_lowercase, min_size=3, max_size=10))
    tld = draw(st.sampled_from(["com", "org", "net", "edu", "io", "us", "co.uk", "health"]))
    value = f"{user}@{domain}.{tld}"
    return value, value


@st.composite
def mrns(draw: st.DrawFn) -> tuple[str, str]:
    value = draw(st.from_regex(r"[A-Z]{0,2}\d{6,10}", fullmatch=True))
    label = draw(st.sampled_from(["MRN ", "MRN: ", "MRN # ", "Medical record number ", "chart "]))
    return label + value, value


@st.composite
def cards(draw: st.DrawFn) -> tuple[str, str]:
    prefix, length = draw(st.sampled_from([("4", 16), ("51", 16), ("55", 16), ("37", 15)]))
    body = prefix + draw(digits(length - len(prefix) - 1))
    number = body + luhn.calc_check_digit(body)
    sizes = [4, 6, 5] if length == 15 else [4, 4, 4, 4]
    value = sep_groups(draw, number, sizes, [" ", "-", ""])
    return draw(st.sampled_from(["card ", "paid with ", "Visa ", ""])) + value, value


_BBAN = {  # country: (BBAN shape as (kind, length) runs)
    "DE": [("d", 18)],
    "GB": [("A", 4), ("d", 14)],
    "NL": [("A", 4), ("d", 10)],
    "AT": [("d", 16)],
    "IE": [("A", 4), ("d", 14)],
}


@st.composite
def ibans(draw: st.DrawFn) -> tuple[str, str]:
    country = draw(st.sampled_from(sorted(_BBAN)))
    bban = "".join(
        draw(st.text(DIGITS if kind == "d" else UPPER, min_size=n, max_size=n))
        for kind, n in _BBAN[country]
    )
    number = country + iban.calc_check_digits(country + "00" + bban) + bban
    assume(iban.is_valid(number))  # some countries add their own check digits
    value = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    value = draw(st.sampled_from([value, number]))
    return draw(st.sampled_from(["IBAN ", "wire to ", ""])) + value, value


@st.composite
def ips(draw: st.DrawFn) -> tuple[str, str]:
    if draw(st.booleans()):
        value = str(ipaddress.IPv4Address(draw(st.integers(1 << 24, (223 << 24) - 1))))
    else:
        value = str(ipaddress.IPv6Address(draw(st.integers(1 << 112, (1 << 128) - 1))))
    return draw(st.sampled_from(["IP ", "from ", "logged in from "])) + value, value


@st.composite
def urls(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.text(string.ascii_lowercase, min_size=4, max_size=12))
    tld = draw(st.sampled_from(["com", "org", "net", "info", "health", "co.uk"]))
    path = draw(st.sampled_from(["", "/", "/blog", "/u/" + name, "/p?id=42"]))
    value = draw(
        st.sampled_from(
            [
                f"https://{name}.{tld}{path}",
                f"http://www.{name}.{tld}{path}",
                f"www.{name}.{tld}{path}",
                f"{name}.{tld}{path or '/about'}",
            ]
        )
    )
    return draw(st.sampled_from(["see ", "her blog ", "site: "])) + value, value


_MBI_LETTER = "ACDEFGHJKMNPQRTUVWXY"


@st.composite
def mbis(draw: st.DrawFn) -> tuple[str, str]:
    def pick(kind: str) -> str:
        alphabet = {"C": "123456789", "A": _MBI_LETTER, "N": DIGITS, "X": _MBI_LETTER + DIGITS}
        return draw(st.sampled_from(alphabet[kind]))

    chars = [pick(k) for k in "CAXNAXNAANN"]
    value = "".join(chars)
    if draw(st.booleans()):
        value = f"{value[:4]}-{value[4:7]}-{value[7:]}"
    return draw(st.sampled_from(["Medicare ", "MBI ", "Medicare number "])) + value, value


@st.composite
def a_numbers(draw: st.DrawFn) -> tuple[str, str]:
    number = draw(digits(draw(st.sampled_from([8, 9]))))
    value = draw(
        st.sampled_from(
            [f"A{number}", f"A-{number}", f"A{number[:3]}-{number[3:6]}-{number[6:]}", number]
        )
    )
    label = "A# " if value == number else draw(st.sampled_from(["", "A-number ", "USCIS # "]))
    return label + value, value


_VIN = "ABCDEFGHJKLMNPRSTUVWXYZ" + DIGITS
_VIN_VALUE = {
    **{str(i): i for i in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHT = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


@st.composite
def vins(draw: st.DrawFn) -> tuple[str, str]:
    chars = [draw(st.sampled_from(_VIN)) for _ in range(17)]
    chars[0] = draw(st.sampled_from("12345JKLSVWYZ"))
    chars[12:] = list(draw(digits(5)))
    total = sum(_VIN_VALUE[c] * w for c, w in zip(chars, _VIN_WEIGHT, strict=True))
    chars[8] = "X" if total % 11 == 10 else str(total % 11)
    value = "".join(chars)
    return draw(st.sampled_from(["VIN ", "car VIN ", "the truck ", ""])) + value, value


@st.composite
def imeis(draw: st.DrawFn) -> tuple[str, str]:
    body = draw(digits(14))
    value = body + luhn.calc_check_digit(body)
    return draw(st.sampled_from(["IMEI ", "phone IMEI ", "device "])) + value, value


@st.composite
def deas(draw: st.DrawFn) -> tuple[str, str]:
    first = draw(st.sampled_from("ABFGMPRX"))
    second = draw(st.sampled_from(UPPER))
    d = [int(c) for c in draw(digits(6))]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    value = f"{first}{second}{''.join(map(str, d))}{check}"
    return draw(st.sampled_from(["DEA ", "DEA number ", "DEA# "])) + value, value


@st.composite
def npis(draw: st.DrawFn) -> tuple[str, str]:
    body = draw(st.sampled_from("12")) + draw(digits(8))
    value = body + luhn.calc_check_digit("80840" + body)
    return draw(st.sampled_from(["NPI ", "NPI: ", "provider NPI "])) + value, value


@st.composite
def accounts(draw: st.DrawFn) -> tuple[str, str]:
    if draw(st.booleans()):
        body = draw(st.sampled_from(["0", "1", "2", "3"])) + draw(digits(7))
        value = body + rtn.calc_check_digit(body)
        label = draw(st.sampled_from(["routing ", "routing number ", "ABA "]))
    else:
        value = draw(digits(draw(st.integers(8, 12))))
        label = draw(st.sampled_from(["account ", "acct # ", "checking account ", "a/c "]))
    return label + value, value


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@st.composite
def dates(draw: st.DrawFn) -> tuple[str, str]:
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    year = draw(st.integers(1930, 2029))
    name = _MONTHS[month - 1 if month < 5 else month - 2] if month != 5 else "May"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(day if day < 20 else day % 10, "th")
    value = draw(
        st.sampled_from(
            [
                f"{month}/{day}/{year}",
                f"{month:02d}/{day:02d}/{year % 100:02d}",
                f"{month:02d}-{day:02d}-{year}",
                f"{year}-{month:02d}-{day:02d}",
                f"{name} {day}, {year}",
                f"{name} {day}{suffix}, {year}",
                f"{day} {name} {year}",
                f"{name[:3]}. {day}, {year}",
                f"the {day}{suffix} of {name}",
                f"{name} {day}{suffix}",
                f"{day}.{month}.{year}",
            ]
        )
    )
    return draw(st.sampled_from(["on ", "DOB ", "seen ", "admitted "])) + value, value


@st.composite
def ages(draw: st.DrawFn) -> tuple[str, str]:
    age = str(draw(st.integers(90, 119)))
    text = draw(
        st.sampled_from(
            [
                f"a {age}-year-old",
                f"{age} years old",
                f"aged {age}",
                f"age: {age}",
                f"turned {age}",
                f"{age} y/o",
                f"{age} yo",
                f"her {age}th birthday",
            ]
        )
    )
    return text, age


STRATEGIES = {
    "ssn": ssns(),
    "phone": phones(),
    "email": emails(),
    "mrn": mrns(),
    "credit card": cards(),
    "iban": ibans(),
    "ip address": ips(),
    "url": urls(),
    "medicare mbi": mbis(),
    "a-number": a_numbers(),
    "vin": vins(),
    "imei": imeis(),
    "dea": deas(),
    "npi": npis(),
    "account or routing": accounts(),
    "date": dates(),
    "age 90+": ages(),
}


@st.composite
def notes(draw: st.DrawFn, kind: str) -> tuple[str, int, int, str]:
    planted, core = draw(STRATEGIES[kind])
    before = " ".join(draw(st.lists(st.sampled_from(FILLER), max_size=3)))
    after = " ".join(draw(st.lists(st.sampled_from(FILLER), max_size=3)))
    lead = draw(st.sampled_from(["", "Note: ", "She said ", "(", "Per chart, "]))
    head = f"{before} {lead}".lstrip()
    text = f"{head}{planted}. {after}".rstrip()
    start = len(head) + planted.rindex(core)
    return text, start, start + len(core), core


def assert_removed(result: phimin.Redaction, text: str, start: int, end: int, core: str) -> None:
    changed = [f for f in result.findings if f.action is not Action.KEEP]
    for i in range(start, end):
        if text[i].isalnum():
            assert any(f.start <= i < f.end for f in changed), (
                f"{text[i]!r} at {i} of the identifier is left in place"
            )
    shown = result.text.replace("90+", "")  # what an age of 90 and over becomes
    if core.isdigit():  # an age: "98" may be part of a kept year ("[date in 1980]")
        assert re.search(rf"(?<!\d){core}(?!\d)", shown) is None
    else:
        assert core not in shown
    number = "".join(c for c in core if c.isdigit())
    if len(number) >= 7:
        assert number not in "".join(c for c in shown if c.isdigit())


@pytest.mark.parametrize("kind", sorted(STRATEGIES))
@PER_TYPE
@given(data=st.data())
def test_planted_identifier_of_every_type_never_survives(
    redactor: phimin.Redactor, kind: str, data: st.DataObject
) -> None:
    text, start, end, core = data.draw(notes(kind))
    assert_removed(redactor.redact(text), text, start, end, core)


@BROAD
@given(
    st.lists(st.sampled_from(sorted(STRATEGIES)), min_size=1, max_size=4).flatmap(
        lambda kinds: st.tuples(*(notes(k) for k in kinds))
    )
)
@example(  # an age's digits inside a kept year are not the age
    parts=(("a 98-year-old.", 2, 4, "98"), ("on 1/1/1980.", 3, 11, "1/1/1980"))
)
def test_many_identifiers_in_one_text_are_removed_and_a_second_pass_keeps_the_first(
    redactor: phimin.Redactor, parts: tuple[tuple[str, int, int, str], ...]
) -> None:
    text, spans, offset = "", [], 0
    for part, start, end, core in parts:
        spans.append((offset + start, offset + end, core))
        text += part + "\n"
        offset = len(text)
    result = redactor.redact(text)
    for start, end, core in spans:
        assert_removed(result, text, start, end, core)
    assert_valid_offsets(result, text)
    # A second pass never touches what the first one wrote. (It may still take a word
    # left in place for a name: the model reads the new context differently.)
    again = redactor.redact(result.text)
    written = redactor.engine.protected_spans(result.text)
    for f in again.findings:
        if f.action is not Action.KEEP:
            assert not any(s < f.end and f.start < e for s, e in written), (
                "output was redacted again"
            )


def assert_valid_offsets(result: phimin.Redaction, text: str) -> None:
    """Offsets point into the input; changing findings do not overlap; the text between
    them is copied unchanged, in order."""
    changed = [f for f in result.findings if f.action is not Action.KEEP]
    for f in result.findings:
        assert 0 <= f.start < f.end <= len(text)
    for a, b in itertools.pairwise(changed):
        assert a.end <= b.start
    pos = 0
    for gap_start, gap_end in zip(
        [0] + [f.end for f in changed], [f.start for f in changed] + [len(text)], strict=True
    ):
        gap = text[gap_start:gap_end]
        found = result.text.find(gap, pos)
        assert found >= 0, "text outside the findings was changed"
        pos = found + len(gap)


@pytest.fixture(scope="module")
def empty_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working directory with no config file in it (nor, in a temp tree, above it)."""
    return tmp_path_factory.mktemp("no-config")


ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=400)


@BROAD
@given(ANY_TEXT, st.sampled_from(["", " Call 410-862-5173.", " SSN 417-38-2906 "]))
def test_no_unicode_text_makes_the_library_fail(
    redactor: phimin.Redactor, text: str, planted: str
) -> None:
    whole = text + planted
    result = redactor.redact(whole)
    assert_valid_offsets(result, whole)
    for value in ("410-862-5173", "417-38-2906"):
        assert value not in result.text


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ANY_TEXT, st.sampled_from([[], ["--format", "json"], ["--check", "-"]]))
def test_no_unicode_text_makes_the_cli_fail(
    redactor: phimin.Redactor, empty_dir: Path, text: str, argv: list[str]
) -> None:
    out, err = io.BytesIO(), io.StringIO()

    def factory(spec: RedactorSpec) -> phimin.Redactor:
        return redactor

    data = text.encode("utf-8")
    streams = Streams(io.BytesIO(data), out, err)
    code = main(argv, streams=streams, redactor_factory=factory, cwd=empty_dir)
    assert code in (ExitCode.OK, ExitCode.FINDINGS), err.getvalue()
    out.getvalue().decode("utf-8")  # output is valid UTF-8
    if not argv:
        assert out.getvalue().decode() == redactor.redact(text).text
