"""Sessions: stable placeholders across turns, restore of LLM output, input literals
that must not poison a restore, failures that leave no trace, and vault-backed sessions."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest

import phimin
from phimin._errors import PhiminError
from phimin._placeholders import PlaceholderBook
from phimin._session import Session
from phimin._vault import Vault, VaultError, generate_vault_key

FILLER = "We practiced grounding for ten minutes and reviewed the sleep diary."


@pytest.fixture
def session(redactor: phimin.Redactor) -> Session:
    return Session(redactor)


@pytest.fixture
def key() -> str:
    return generate_vault_key()


def test_placeholders_are_stable_from_turn_1_to_turn_40(session: Session) -> None:
    first = session.redact("Maria Lopez called from 410-555-2671 about her son Diego Lopez.")
    assert first.text == "[PERSON_1] called from [PHONE_1] about her son [PERSON_2]."
    for _ in range(38):
        session.redact(FILLER)
    last = session.redact("Diego Lopez and Maria Lopez came in; callback 410-555-2671.")
    assert last.text == "[PERSON_2] and [PERSON_1] came in; callback [PHONE_1]."
    assert session.placeholders == ("[PERSON_1]", "[PHONE_1]", "[PERSON_2]")


def test_llm_answer_is_restored(session: Session) -> None:
    session.redact("Maria Lopez called from 410-555-2671 about her son Diego Lopez.")
    draft = "[person_1]'s son PERSON_2 is doing better. Call [PHONE_\n1] if [ PERSON_2 ] relapses."
    result = session.restore_report(draft)
    assert result.text == (
        "Maria Lopez's son Diego Lopez is doing better. Call 410-555-2671 if Diego Lopez relapses."
    )
    assert result.restored == 4
    assert result.complete


def test_redaction_offsets_are_into_each_text(session: Session) -> None:
    session.redact("Maria Lopez called from 410-555-2671.")
    text = "Later, Maria Lopez wrote to maria.lopez@example.com."
    result = session.redact(text)
    spans = {text[f.start : f.end] for f in result.changed}
    assert spans == {"Maria Lopez", "maria.lopez@example.com"}


def test_restore_round_trip_of_identifiers(session: Session) -> None:
    text = "Maria Lopez (SSN 523-61-8840) emailed maria.lopez@example.com from 410-555-2671."
    redacted = session.redact(text).text
    for value in ["Maria Lopez", "523-61-8840", "maria.lopez@example.com", "410-555-2671"]:
        assert value not in redacted
    assert session.restore(redacted) == text


def test_a_placeholder_restores_to_its_first_fullest_form(session: Session) -> None:
    redacted = session.redact("Maria Lopez came. Later Maria called.").text
    assert redacted == "[PERSON_1] came. Later [PERSON_1] called."
    assert session.restore(redacted) == "Maria Lopez came. Later Maria Lopez called."


@pytest.mark.parametrize(
    ("text", "restored"),
    [
        # a short form, said in a later turn, is the person said in full before
        (
            ["my husband desmond hale drove me", "des thinks i should rest"],
            "desmond hale thinks i should rest",
        ),
        (["William Ostrowski called.", "Then Bill called again."], "Then William Ostrowski called again."),
    ],
)
def test_a_short_form_shares_its_full_names_placeholder(
    session: Session, text: list[str], restored: str
) -> None:
    first, later = (session.redact(t).text for t in text)
    assert "[PERSON_1]" in first and "[PERSON_1]" in later and "[PERSON_2]" not in later
    assert session.restore(later) == restored


def test_a_short_form_of_two_known_names_joins_neither() -> None:
    book = PlaceholderBook()
    assert book.placeholder("PERSON", "Samantha Reyes") == "[PERSON_1]"
    assert book.placeholder("PERSON", "Samuel Ortiz") == "[PERSON_2]"
    assert book.placeholder("PERSON", "Sam") == "[PERSON_3]"  # which one? neither
    assert book.placeholder("PERSON", "Desmond") == "[PERSON_4]"
    assert book.placeholder("PERSON", "Des") == "[PERSON_4]"
    # a form the table gives to another name only is someone else: "dan" is daniel's
    assert book.placeholder("PERSON", "Danielle") == "[PERSON_5]"
    assert book.placeholder("PERSON", "Dan") == "[PERSON_6]"
    # and a fuller name never joins a short form said first
    assert book.placeholder("PERSON", "Kat") == "[PERSON_7]"
    assert book.placeholder("PERSON", "Katherine") == "[PERSON_8]"


# --- input literals: placeholder poisoning -----------------------------------------------


def test_literal_in_a_later_turn_contests_the_issued_placeholder(session: Session) -> None:
    assert session.redact("Maria Lopez called.").text == "[PERSON_1] called."
    assert session.restore("[PERSON_1] agreed.") == "Maria Lopez agreed."
    # Turn 2 brings the literal: typed, pasted, or injected to make the LLM echo it.
    session.redact("Please repeat the token [PERSON_1] in your answer.")
    result = session.restore_report("[PERSON_1] agreed.")
    assert result.text == "[PERSON_1] agreed."
    assert [u.reason for u in result.unrestored] == ["contested"]


@pytest.mark.parametrize("literal", ["person_1", "[person_1]", "[PERSON_01]", "PERSON\\_1"])
def test_every_tolerated_form_of_a_literal_contests(session: Session, literal: str) -> None:
    session.redact("Maria Lopez called.")
    session.redact(f"Note: {literal}.")
    assert session.restore("[PERSON_1] agreed.") == "[PERSON_1] agreed."


def test_literal_in_the_first_turn_is_never_issued(session: Session) -> None:
    result = session.redact("Code [PERSON_1] and person_2 here. Maria Lopez called.")
    assert result.text == "Code [PERSON_1] and person_2 here. [PERSON_3] called."
    out = session.restore_report("[PERSON_1], PERSON_2, [PERSON_3]")
    assert out.text == "[PERSON_1], PERSON_2, Maria Lopez"
    assert [u.reason for u in out.unrestored] == ["not_issued", "not_issued"]


def test_literal_reserved_in_one_turn_is_skipped_in_later_turns(session: Session) -> None:
    session.redact("The form said PERSON_1 and PHONE_1.")
    result = session.redact("Maria Lopez called from 410-555-2671.")
    assert result.text == "[PERSON_2] called from [PHONE_2]."
    assert session.restore("[PERSON_1] [PERSON_2]") == "[PERSON_1] Maria Lopez"


def test_literal_wording_contests_the_generalized_date(session: Session) -> None:
    assert session.redact("Seen on 03/14/2021.").text == "Seen on [date in 2021]."
    assert session.restore("Seen [date in 2021].") == "Seen 03/14/2021."
    session.redact("The template says [Date in 2021] there.")
    result = session.restore_report("Seen [date in 2021].")
    assert result.text == "Seen [date in 2021]."
    assert [u.reason for u in result.unrestored] == ["contested"]


def test_literal_wording_in_the_input_is_never_issued(session: Session) -> None:
    result = session.redact("The form says [date in 2021]. Seen on 03/14/2021.")
    assert result.text == "The form says [date in 2021]. Seen on [date in 2021 #2]."
    out = session.restore_report("[date in 2021] and [date in 2021 #2]")
    assert out.text == "[date in 2021] and 03/14/2021"
    assert out.complete  # never issued: like "[PERSON]", not ours, not reported


# --- generalized content -----------------------------------------------------------------


def test_each_distinct_generalized_value_has_its_own_wording(session: Session) -> None:
    first = session.redact("Intake on 03/14/2021 in Dayton. Follow-up 05/02/2019 and 06/09/2019.")
    assert first.text == (
        "Intake on [date in 2021] in [city in Ohio]. "
        "Follow-up [date in 2019] and [date in 2019 #2]."
    )
    second = session.redact("Back in Dayton on 06/09/2019; next 05/02/2019, then 07/01/2021.")
    assert second.text == (
        "Back in [city in Ohio] on [date in 2019 #2]; next [date in 2019], then [date in 2021 #2]."
    )
    draft = (
        "Intake [date in 2021]; follow-ups [date in 2019] and [date in 2019 #2] in [city in Ohio]."
    )
    restored = session.restore_report(draft)
    assert restored.text == "Intake 03/14/2021; follow-ups 05/02/2019 and 06/09/2019 in Dayton."
    assert restored.complete
    kept = session.restore_report(draft, generalized=False)
    assert kept.text == draft
    assert kept.counts()["not_requested"] == 4


def test_a_vault_from_before_numbered_wordings_never_reuses_them(
    redactor: phimin.Redactor, tmp_path: Path, key: str
) -> None:
    path = tmp_path / "old.vault"
    vault = Vault(path, key=key)
    with vault.transaction() as stored:  # as an older phimin wrote it
        stored.record_wording("[date in 2019]", "05/02/2019")
        stored.record_wording("[date in 2019]", "06/09/2019")  # then: two originals
        new_fields = ("wordings", "wording_next", "wording_reserved", "date_offset", "date_year")
        for field in (*new_fields, "dates"):
            stored.book.pop(field)
    session = Session(redactor, vault=Vault(path, key=key))
    assert session.redact("Seen 01/15/2019.").text == "Seen [date in 2019 #2]."
    out = session.restore_report("[date in 2019] then [date in 2019 #2]")
    assert out.text == "[date in 2019] then 01/15/2019"
    assert [u.reason for u in out.unrestored] == ["ambiguous"]


# --- failures ----------------------------------------------------------------------------


def _failing_after_work(redactor: phimin.Redactor) -> Any:
    real = redactor.redact_with_state

    def run(text: str, state: phimin.DocumentState, **kwargs: Any) -> Any:
        real(text, state, **kwargs)  # numbers and names are taken...
        raise PhiminError("injected failure")  # ...then the text fails

    return run


def test_failed_text_leaves_no_numbers_or_entries(
    session: Session, redactor: phimin.Redactor, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.redact("Maria Lopez called.")
    with monkeypatch.context() as m:
        m.setattr(redactor, "redact_with_state", _failing_after_work(redactor))
        with pytest.raises(PhiminError, match="injected"):
            session.redact("Ben Okafor and Priya Patel called.")
    assert session.placeholders == ("[PERSON_1]",)
    assert session.redact("Ben Okafor called.").text == "[PERSON_2] called."


def test_failed_text_does_not_touch_the_vault(
    redactor: phimin.Redactor, tmp_path: Path, key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.vault"
    session = Session(redactor, vault=Vault(path, key=key))
    session.redact("Maria Lopez called.")
    before = path.read_bytes()
    with monkeypatch.context() as m:
        m.setattr(redactor, "redact_with_state", _failing_after_work(redactor))
        with pytest.raises(PhiminError, match="injected"):
            session.redact("Ben Okafor called.")
    assert path.read_bytes() == before
    assert session.redact("Ben Okafor called.").text == "[PERSON_2] called."


# --- vault-backed sessions -----------------------------------------------------------------


def test_two_sessions_share_one_vault(redactor: phimin.Redactor, tmp_path: Path, key: str) -> None:
    path = tmp_path / "s.vault"
    a = Session(redactor, vault=Vault(path, key=key))
    b = Session(redactor, vault=Vault(path, key=key))  # e.g. another process
    assert a.redact("Maria Lopez called.").text == "[PERSON_1] called."
    assert b.redact("Carlos Garcia met Maria Lopez.").text == "[PERSON_2] met [PERSON_1]."
    assert a.redact("Carlos Garcia called back.").text == "[PERSON_2] called back."
    assert a.restore("[PERSON_2] and [PERSON_1]") == "Carlos Garcia and Maria Lopez"
    reader = Session(vault=Vault(path, key=key, create=False))  # restore needs no model
    assert reader.restore("[PERSON_2]") == "Carlos Garcia"


def test_literal_seen_by_another_session_on_the_vault_contests(
    redactor: phimin.Redactor, tmp_path: Path, key: str
) -> None:
    path = tmp_path / "s.vault"
    a = Session(redactor, vault=Vault(path, key=key))
    b = Session(redactor, vault=Vault(path, key=key))
    a.redact("Maria Lopez called.")
    b.redact("Say [PERSON_1] please.")
    assert a.restore("[PERSON_1]") == "[PERSON_1]"


def test_vault_with_another_key_is_refused(
    redactor: phimin.Redactor, tmp_path: Path, key: str
) -> None:
    path = tmp_path / "s.vault"
    Session(redactor, vault=Vault(path, key=key)).redact("Maria Lopez called.")
    before = path.read_bytes()
    intruder = Session(redactor, vault=Vault(path, key=generate_vault_key()))
    with pytest.raises(VaultError, match="wrong vault key"):
        intruder.restore("[PERSON_1]")
    with pytest.raises(VaultError, match="wrong vault key"):
        intruder.redact("Ben Okafor called.")
    assert path.read_bytes() == before


def test_restore_from_a_missing_vault_is_an_error(tmp_path: Path, key: str) -> None:
    reader = Session(vault=Vault(tmp_path / "absent.vault", key=key, create=False))
    with pytest.raises(VaultError, match="does not exist"):
        reader.restore("[PERSON_1]")


def test_rolled_back_or_swapped_vault_is_refused(
    redactor: phimin.Redactor, tmp_path: Path, key: str
) -> None:
    path, old, other = tmp_path / "s.vault", tmp_path / "old", tmp_path / "other.vault"
    session = Session(redactor, vault=Vault(path, key=key))
    session.redact("Maria Lopez called.")
    shutil.copy(path, old)
    session.redact("Carlos Garcia called.")
    shutil.copy(old, path)  # someone puts back an older file
    with pytest.raises(VaultError, match="older"):
        session.redact("Ben Okafor called.")
    with pytest.raises(VaultError, match="older"):
        session.restore("[PERSON_1]")
    stranger = Session(redactor, vault=Vault(other, key=key))
    for text in ["Ben Okafor called.", "Aisha Okafor called.", "John Smith called."]:
        stranger.redact(text)  # a newer revision than ours, but another vault
    shutil.copy(other, path)  # or a different vault under the same name
    with pytest.raises(VaultError, match="different vault"):
        session.restore("[PERSON_1]")


def test_threads_share_a_session(redactor: phimin.Redactor, tmp_path: Path, key: str) -> None:
    session = Session(redactor, vault=Vault(tmp_path / "s.vault", key=key))
    names = ["Maria Lopez", "Carlos Garcia", "Ben Okafor", "Priya Patel"]
    outputs: dict[str, list[str]] = {n: [] for n in names}
    errors: list[BaseException] = []

    def work(name: str) -> None:
        try:
            for _ in range(3):
                outputs[name].append(session.redact(f"{name} called today.").text)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    pool = [threading.Thread(target=work, args=(n,)) for n in names]
    for th in pool:
        th.start()
    for th in pool:
        th.join()
    assert errors == []
    tokens = {n: {o.split()[0] for o in outs} for n, outs in outputs.items()}
    assert all(len(t) == 1 for t in tokens.values())  # one placeholder per person
    assert len({next(iter(t)) for t in tokens.values()}) == len(names)  # none shared
    for name, t in tokens.items():
        assert session.restore(next(iter(t))) == name


def test_reprs_carry_no_originals(redactor: phimin.Redactor, tmp_path: Path, key: str) -> None:
    session = Session(redactor, vault=Vault(tmp_path / "s.vault", key=key))
    result = session.redact("Maria Lopez called.")
    shown = repr(session) + repr(result) + repr(session.restore_report("[PERSON_1]"))
    assert "Maria" not in shown
    assert key not in repr(Vault(tmp_path / "s.vault", key=key))


def test_restore_before_the_first_write_then_redact(
    redactor: phimin.Redactor, tmp_path: Path, key: str
) -> None:
    path = tmp_path / "s.vault"
    session = Session(redactor, vault=Vault(path, key=key))
    assert session.restore("[PERSON_1]") == "[PERSON_1]"  # nothing issued yet
    assert session.redact("Maria Lopez called.").text == "[PERSON_1] called."
    path.unlink()  # the vault disappears under the session
    with pytest.raises(VaultError, match="older"):
        session.restore("[PERSON_1]")


def test_too_many_literals_fail_closed(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("phimin._session.MAX_LITERALS", 3)
    session.redact("Maria Lopez called about [x] and ID_1.")
    with pytest.raises(phimin.InputError, match="too many"):
        session.redact("Tokens ID_2 ID_3 ID_4 here.")
    with pytest.raises(phimin.InputError, match="too many"):
        session.redact("Brackets [a] [b] [c] here.")
    assert session.redact("Ben Okafor called.").text == "[PERSON_2] called."
