"""Properties of sessions over random synthetic notes.

- restore(redact(x).text) == x for every restorable finding: identifiers and
  generalized dates alike (several dates in one year each have their own wording), and
  with generalized=False the dates are left, each reported;
- no original value (nor its case-folded, digits-only or UTF-16 form) is in the vault's
  bytes, and a session with another key can read nothing;
- numbering rebuilt from a ledger is the numbering that wrote it.
"""

from __future__ import annotations

import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import phimin
from phimin._redactor import DocumentState
from phimin._restore import Ledger
from phimin._session import Session, _rebuild
from phimin._vault import Vault, VaultError, generate_vault_key

SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Names the detector finds whole in these templates; no two people share a first or a
# last name, so each planted value has exactly one surface (the property's premise).
FIRST = ["Maria", "John", "Aisha", "Wei", "Carlos", "Emily", "Priya", "Fatima", "Daniel"]
LAST = ["Lopez", "Smith", "Okafor", "Nguyen", "Patel", "Kowalski", "Garcia", "Brennan"]
TEMPLATES = [
    "{name} called the clinic from {phone}.",
    "Today {name} reports poor sleep since {date}.",
    "We met {name}'s mother on {date}.",
    "SSN on file for {name}: {ssn}.",
    "Please email {name} at {email} about the plan.",
    "Her sister {name} joined the session on {date}.",
    "Callback number {phone}, ask for {name}.",
    "We practiced grounding for 10 minutes.",
    "GAD-7 was 12; no SI or HI.",
]


@st.composite
def notes(draw: st.DrawFn) -> tuple[list[str], dict[str, list[str]]]:
    """A few turns of a session, and the planted values by kind."""
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)),
            min_size=1,
            max_size=3,
            unique_by=(lambda p: p[0], lambda p: p[1]),
        )
    )
    years = draw(st.lists(st.integers(1990, 2024), min_size=1, max_size=3))
    area = draw(st.integers(1, 899).filter(lambda a: a != 666))
    values = {
        "name": [f"{first} {last}" for first, last in pairs],
        "date": list(
            dict.fromkeys(
                f"{draw(st.integers(1, 12)):02d}/{draw(st.integers(1, 28)):02d}/{y}" for y in years
            )
        ),
        "phone": [
            f"{draw(st.integers(201, 989))}-{draw(st.integers(200, 999))}-{draw(st.integers(0, 9999)):04d}"
        ],
        "ssn": [f"{area:03d}-{draw(st.integers(1, 99)):02d}-{draw(st.integers(1, 9999)):04d}"],
        "email": [
            draw(st.text(string.ascii_lowercase, min_size=3, max_size=8))
            + "@"
            + draw(st.text("qrstuvwxyz", min_size=3, max_size=8))
            + ".org"
        ],
    }
    turns = []
    for _ in range(draw(st.integers(1, 3))):
        sentences = draw(st.lists(st.sampled_from(TEMPLATES), min_size=1, max_size=4))
        turns.append(
            " ".join(
                t.format(**{k: draw(st.sampled_from(v)) for k, v in values.items()})
                for t in sentences
            )
        )
    return turns, values


def forms(value: str) -> set[bytes]:
    """Ways a value could sit in a file: as typed, folded, digits only, in UTF-16."""
    texts = {value, value.casefold(), "".join(c for c in value if c.isdigit())}
    texts |= {w for w in value.casefold().split() if len(w) > 3}
    out = set()
    for t in texts:
        if len(t) >= 4:
            out |= {t.encode(), t.encode("utf-16-le"), t.encode("utf-16-be")}
    return out


@SETTINGS
@given(notes())
def test_restore_inverts_redact_for_restorable_findings(
    redactor: phimin.Redactor, case: tuple[list[str], dict[str, list[str]]]
) -> None:
    turns, values = case
    session = Session(redactor)
    for turn in turns:
        redacted = session.redact(turn).text
        for kind in ("phone", "ssn", "email"):
            assert values[kind][0] not in redacted
        assert session.restore(redacted) == turn
        plain = session.restore_report(redacted, generalized=False)
        identifiers_back = plain.text
        for date in values["date"]:
            assert date not in identifiers_back  # not restored unless asked
        assert {u.reason for u in plain.unrestored} <= {"not_requested"}
        assert plain.counts()["not_requested"] == sum(turn.count(d) for d in values["date"])


@SETTINGS
@given(notes())
def test_vault_bytes_hold_no_original_and_other_keys_read_nothing(
    redactor: phimin.Redactor, case: tuple[list[str], dict[str, list[str]]]
) -> None:
    turns, values = case
    key = generate_vault_key()
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "s.vault"
        session = Session(redactor, vault=Vault(path, key=key))
        redacted = [session.redact(t).text for t in turns]
        blob = b"".join(p.read_bytes() for p in Path(d).iterdir())
        for planted in values.values():
            for value in planted:
                for form in forms(value):
                    assert form not in blob
        other = Session(redactor, vault=Vault(path, key=generate_vault_key()))
        with pytest.raises(VaultError, match="wrong vault key"):
            other.restore(redacted[0])
        reader = Session(vault=Vault(path, key=key, create=False))
        assert [reader.restore(r) for r in redacted] == turns


# --- numbering rebuilt from a ledger (no model needed) ------------------------------------

SURFACES = st.one_of(
    st.tuples(
        st.just("PERSON"),
        st.lists(
            st.sampled_from(["Ana", "Ruiz", "Dr.", "Mr", "O'Neil", "Ana-Maria", "ana", "’s", "x"]),
            min_size=1,
            max_size=3,
        ).map(" ".join),
    ),
    st.tuples(
        st.sampled_from(["PHONE_NUMBER", "EMAIL_ADDRESS", "OTHER_ID"]),
        st.text(string.ascii_letters + string.digits + " -.()@", min_size=1, max_size=14),
    ),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(SURFACES, max_size=15), st.lists(st.integers(1, 6), max_size=4))
def test_rebuilt_numbering_matches_the_original(
    calls: list[tuple[str, str]], reserved: list[int]
) -> None:
    live = DocumentState()
    literals = {f"[PERSON_{n}]" for n in reserved} | {f"[PHONE_{n}]" for n in reserved}
    half = len(calls) // 2
    for entity, surface in calls[:half]:
        live.book.placeholder(entity, surface)
    live.book.reserve_existing(" ".join(sorted(literals)))  # a literal arrives mid-session
    for entity, surface in calls[half:]:
        live.book.placeholder(entity, surface)
    ledger = Ledger(book=live.book.snapshot(), literals=literals)
    rebuilt = _rebuild(ledger)
    assert rebuilt.book.entries() == live.book.entries()
    for entity, surface in [*calls, ("PERSON", "Zed Quill"), ("PHONE_NUMBER", "555-0100-77")]:
        assert rebuilt.book.placeholder(entity, surface) == live.book.placeholder(entity, surface)
