"""The whole round trip, as a user runs it, over generated notes.

- `redact --vault v < note | redact --restore --vault v` gives the note back byte for
  byte: several dates in one year, repeated places, names, phone and record numbers,
  sensitive phrases and clinical numbers, through the same `main(argv)` the console
  script runs (in-process, with a fresh vault per note);
- with `shift-dates`, every date moves by one offset (a whole number of weeks), so
  every interval between two dates is kept, and restore gives the note back exactly.

Every name, number and place is invented for these tests.
"""

from __future__ import annotations

import copy
import datetime
import io
import itertools
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import phimin
from phimin._dateshift import parse_date
from phimin._policy import load_policy
from phimin._session import Session
from phimin.cli.exit_codes import ExitCode
from phimin.cli.main import main
from phimin.cli.settings import RedactorSpec
from phimin.cli.streams import Streams

SETTINGS = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# No two people share a first or a last name, and a name is always written whole, so
# each value has one surface (a part of a name would come back as the whole name).
FIRST = ["Maria", "Aisha", "Carlos", "Priya", "Daniel", "Fatima", "Wei", "Emily"]
LAST = ["Lopez", "Okafor", "Nguyen", "Patel", "Kowalski", "Brennan", "Garcia", "Smith"]
CITIES = ["Dayton", "Toledo", "Akron", "Columbus"]
# Facilities become their kind ("[middle school]", "[middle school #2]"): each comes back.
FACILITIES = [
    "Jefferson Middle School",
    "Lincoln Middle School",
    "Larchmont Memorial Hospital",
    # (a named water or park too: "[lake]", "[river]")
    "Green Lake",
    "Kickapoo River",
]
SENSITIVE = [
    "He drinks four or five beers a night.",
    "She was arrested last spring.",
    "He is on probation and sees his probation officer.",
    "She smokes weed most evenings.",
    "He drinks 10-12 beers a day on weekends.",
    "She is undocumented and afraid to drive.",
]
CLINICAL = [
    "GAD-7 was 12, down from 16.",
    "Sertraline 50 mg in the morning.",
    "We practiced grounding for 10 minutes.",
    "PHQ-9 of 14 today.",
]
TEMPLATES = [
    "{name} came in from {city} on {date}.",
    "Follow-up on {date} in {city}.",
    "{name} called from {phone} on {date}.",
    "Her brother {name} drove her to {city}.",
    "MRN {mrn} on file; next visit {date}.",
    "{name} was seen at {facility} on {date}.",
    "The counselor at {facility} called.",
]


@st.composite
def notes(draw: st.DrawFn) -> str:
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)),
            min_size=1,
            max_size=3,
            unique_by=(lambda p: p[0], lambda p: p[1]),
        )
    )
    year = draw(st.integers(2019, 2027))
    days = draw(
        st.lists(
            st.dates(datetime.date(year, 1, 1), datetime.date(year, 12, 31)),
            min_size=2,
            max_size=4,
            unique=True,
        )
    )
    values = {
        "name": [f"{first} {last}" for first, last in pairs],
        "city": draw(st.lists(st.sampled_from(CITIES), min_size=1, max_size=2, unique=True)),
        "facility": draw(
            st.lists(st.sampled_from(FACILITIES), min_size=1, max_size=2, unique=True)
        ),
        "date": [f"{d.month:02d}/{d.day:02d}/{d.year}" for d in days],
        "phone": [
            f"{draw(st.integers(201, 989))}-{draw(st.integers(200, 999))}-"
            f"{draw(st.integers(0, 9999)):04d}"
        ],
        "mrn": [str(draw(st.integers(1_000_000, 9_999_999)))],
    }
    sentences = draw(st.lists(st.sampled_from(TEMPLATES), min_size=3, max_size=7))
    lines = [
        t.format(**{k: draw(st.sampled_from(v)) for k, v in values.items()}) for t in sentences
    ]
    lines += draw(st.lists(st.sampled_from(SENSITIVE + CLINICAL), min_size=1, max_size=3))
    order = draw(st.permutations(lines))
    return "\n".join(order) + "\n"


def run_cli(redactor: phimin.Redactor, argv: list[str], stdin: bytes) -> tuple[int, bytes, str]:
    def factory(spec: RedactorSpec) -> phimin.Redactor:
        if spec.policy is None or spec.policy == redactor.policy:
            return redactor
        shared = copy.copy(redactor)  # the same model and rules, another policy
        shared.policy = spec.policy
        return shared

    out, err = io.BytesIO(), io.StringIO()
    code = main(argv, streams=Streams(io.BytesIO(stdin), out, err), redactor_factory=factory)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHIMIN_VAULT_KEY", phimin.generate_vault_key())
    monkeypatch.delenv("PHIMIN_VAULT_KEY_FILE", raising=False)


@SETTINGS
@given(notes(), st.sampled_from(["safe-harbor", "shift-dates", "strict"]))
def test_redact_then_restore_gives_the_note_back_byte_for_byte(
    redactor: phimin.Redactor, key: None, note: str, policy: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        vault = str(Path(folder) / "note.vault")
        code, redacted, err = run_cli(
            redactor, ["--vault", vault, "--policy", policy], note.encode()
        )
        assert code == ExitCode.OK, err
        text = redacted.decode()
        for line in note.splitlines():
            for value in line.split():
                if value.count("-") == 2 and value[0].isdigit():
                    assert value.strip(".,") not in text  # phone numbers are gone
        code, back, err = run_cli(redactor, ["--restore", "--vault", vault], redacted)
        assert code == ExitCode.OK, err
        assert back == note.encode()
        assert err.endswith("; left none\n"), err


# --- shift-dates: intervals kept, restored exactly -------------------------------------------

DATE_FORMS = [
    lambda d: f"{d.month}/{d.day}/{d.year}",
    lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}",
    lambda d: d.strftime("%B %-d, %Y"),
    lambda d: d.strftime("%b %-d, %Y"),
    lambda d: d.isoformat(),
    lambda d: d.strftime("%A, %B %-d, %Y"),
]


@st.composite
def dated_notes(draw: st.DrawFn) -> tuple[str, list[datetime.date]]:
    days = draw(
        st.lists(
            st.dates(datetime.date(2015, 1, 1), datetime.date(2030, 12, 31)),
            min_size=2,
            max_size=6,
        )
    )
    lines = [
        f"Visit {i + 1} was on {draw(st.sampled_from(DATE_FORMS))(d)} as planned."
        for i, d in enumerate(days)
    ]
    return "\n".join(lines) + "\n", days


def _written(line: str) -> str:
    return line.split(" was on ", 1)[1].removesuffix(" as planned.")


def _read(written: str) -> datetime.date | None:
    parsed = parse_date(written)
    return None if parsed is None else parsed.date


@settings(max_examples=40, deadline=None)
@given(dated_notes())
def test_shift_dates_keeps_every_interval_and_restores_exactly(
    redactor: phimin.Redactor, case: tuple[str, list[datetime.date]]
) -> None:
    note, days = case
    session = Session(redactor, policy=load_policy("shift-dates"))
    redacted = session.redact(note).text
    originals = [_written(line) for line in note.splitlines()]
    shifted, kept_days = [], []
    for original, line, day in zip(originals, redacted.splitlines(), days, strict=True):
        written = _written(line)
        parsed = parse_date(written)
        if parsed is None:
            # Two different writings that shift to one ("Mar 20" and "March 20" both
            # to "May 9"): the second is generalized, or restore could not tell them
            # apart. Nothing else may fall back.
            assert "[date in " in written, line  # (a weekday before it may stay)
            same_day = _read(original)
            assert any(o != original and _read(o) == same_day for o in originals), line
            continue
        shifted.append(parsed.date)
        kept_days.append(day)
    days = kept_days
    offsets = {(s - d).days for s, d in zip(shifted, days, strict=True)}
    assert len(offsets) == 1  # one offset: every interval and the order are kept
    (offset,) = offsets
    assert offset % 7 == 0 and 7 <= abs(offset) <= 364
    for (a, b), (c, e) in zip(itertools.pairwise(days), itertools.pairwise(shifted), strict=True):
        assert (b - a) == (e - c)
    assert session.restore(redacted) == note
    assert session.restore_report(redacted).complete


def test_shift_dates_in_a_vault_session_share_one_offset_across_runs(
    redactor: phimin.Redactor, key: None, tmp_path: Path
) -> None:
    vault = str(tmp_path / "v")
    first = "Intake on March 3rd, 2026; labs 3/10/2026.\n"
    second = "Follow-up on 03/17/2026, then March 31st.\n"
    outs = []
    for note in (first, second):
        code, out, err = run_cli(
            redactor, ["--vault", vault, "--policy", "shift-dates"], note.encode()
        )
        assert code == ExitCode.OK, err
        outs.append(out.decode())
    dates = [parse_date(w, context_year=2026) for w in _dates(outs[0]) + _dates(outs[1])]
    assert all(d is not None for d in dates)
    got = [d.date for d in dates if d is not None]
    real = [datetime.date(2026, 3, 3), datetime.date(2026, 3, 10), datetime.date(2026, 3, 17)]
    assert len({(g - r).days for g, r in zip(got, real, strict=False)}) == 1
    reply = f"Summary: {outs[0].strip()} {outs[1].strip()}\n"
    code, back, err = run_cli(redactor, ["--restore", "--vault", vault], reply.encode())
    assert back.decode() == f"Summary: {first.strip()} {second.strip()}\n"
    assert err == "redact: restored 4; left none\n"
    # A date the LLM computed in shifted time is reported by place, never restored.
    code, back, err = run_cli(redactor, ["--restore", "--vault", vault], b"Next: 12/24/2031.\n")
    assert back == b"Next: 12/24/2031.\n"
    assert "<stdin>:1:7: left DATE (unknown_date)" in err


def _dates(text: str) -> list[str]:
    from phimin._dateshift import DATE_SHAPE

    return [m.group(0) for m in DATE_SHAPE.finditer(text)]


def test_shift_dates_still_makes_ages_of_90_and_over_90_plus(redactor: phimin.Redactor) -> None:
    session = Session(redactor, policy=load_policy("shift-dates"))
    # (13 days apart: the offset is whole weeks, so one date never shifts onto the other)
    note = "Mr. Osei Brannock, aged 93, was seen on 3/14/2026 and again on 3/27/2026."
    out = session.redact(note).text
    assert "aged 90+" in out and "93" not in out
    assert "3/14/2026" not in out and "3/27/2026" not in out
    # "90+" is no token (it reads as text), so it stays; the rest comes back.
    assert session.restore(out) == note.replace("aged 93", "aged 90+")


def test_the_readme_round_trip_example(
    redactor: phimin.Redactor, key: None, tmp_path: Path
) -> None:
    """README, "The round trip": the note, the prompt, the draft and what comes back."""
    vault = str(tmp_path / "client.vault")
    note = (
        "Imogen Delacroix was seen in Toledo on 03/03/2026 and again on 03/17/2026.\n"
        "She drinks four or five beers a night. Her sister Ines lives in Toledo too.\n"
    )
    code, prompt, err = run_cli(redactor, ["--vault", vault], note.encode())
    assert code == ExitCode.OK, err
    assert prompt.decode() == (
        "[PERSON_1] was seen in [city in Ohio] on [date in 2026] and again on "
        "[date in 2026 #2].\n"
        "She drinks [substance use]. Her sister [PERSON_2] lives in [city in Ohio] too.\n"
    )
    draft = (
        "[Person_1] was seen on [date in 2026] and two weeks later on\n"
        "[date in 2026 #2]; she reports [substance use]. Next visit [date in 2026 #3].\n"
    )
    code, back, err = run_cli(redactor, ["--restore", "--vault", vault], draft.encode())
    assert code == ExitCode.OK, err
    assert back.decode() == (
        "Imogen Delacroix was seen on 03/03/2026 and two weeks later on\n"
        "03/17/2026; she reports four or five beers a night. Next visit [date in 2026 #3].\n"
    )
    assert err == (
        "redact: <stdin>:2:60: left [date in 2026 #3] (not_issued)\n"
        "redact: restored 4; left not_issued: 1\n"
    )
    code, back, err = run_cli(redactor, ["--restore", "--vault", vault], prompt)
    assert back == note.encode()
