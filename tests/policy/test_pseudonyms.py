"""Keyed pseudonyms: the same value, the same placeholder, in every text and run with a key.

Library (`Redactor(pseudonym_key=...)`), the token's shape (re-redaction, restore), the
key file, and `redact --pseudonym-key-file`. Every identifier here is synthetic.
"""

from __future__ import annotations

import datetime
import io
import itertools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import regex

import phimin
from phimin._placeholders import PlaceholderBook
from phimin._pseudonyms import (
    KEYED_DIGITS,
    KeyedPlaceholderBook,
    PseudonymKey,
    read_pseudonym_key_file,
)
from phimin._restore import Ledger, is_placeholder, placeholder_literals, restore
from phimin.cli.exit_codes import ExitCode
from phimin.cli.main import main
from phimin.cli.settings import RedactorSpec
from phimin.cli.streams import Streams

KEY = "7c1e0a9d4b2f86e35d0c9a7b1e4f2a6c"  # 32 characters: a test key, never a real one
OTHER_KEY = b"\x01" * 32
NAME, PHONE, MRN = "Quillon Brackenridge", "410-862-5173", "MRN 00458213"
SECRETS = ("Quillon", "Brackenridge", "410-862-5173", "00458213")
KEYED = regex.compile(rf"\[([A-Z_]+)_([1-9]\d{{{KEYED_DIGITS - 1}}})\]")


def tokens(text: str, label: str = "PERSON") -> list[str]:
    return [m.group(0) for m in KEYED.finditer(text) if m.group(1) == label]


def no_phi(*texts: str) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text


@pytest.fixture(scope="module")
def keyed() -> phimin.Redactor:
    return phimin.Redactor(pseudonym_key=KEY)


@pytest.fixture(scope="module")
def other() -> phimin.Redactor:
    return phimin.Redactor(pseudonym_key=OTHER_KEY)


# --- the derivation ---------------------------------------------------------------------


def test_a_number_is_eighteen_digits_fixed_by_key_label_and_value() -> None:
    key = PseudonymKey.of(KEY)
    n = key.number("PERSON", ("quillon", "brackenridge"))
    assert 10**17 <= n < 10**18
    assert n == PseudonymKey.of(KEY.encode()).number("PERSON", ("quillon", "brackenridge"))
    assert n != PseudonymKey.of(OTHER_KEY).number("PERSON", ("quillon", "brackenridge"))
    assert n != key.number("PHONE", ("quillon", "brackenridge"))  # the label is part of it
    assert n != key.number("PERSON", ("quillonbrackenridge",))  # word boundaries count
    # Pinned: a change of derivation must be deliberate (a new version tag), because it
    # changes every pseudonym ever written with this key.
    assert PseudonymKey(b"k" * 32).number("PERSON", ("maria", "lopez")) == 259858475227658350


def test_distinct_values_get_distinct_numbers() -> None:
    key = PseudonymKey.of(KEY)
    numbers = {key.number("PERSON", (f"given{i}", f"family{i % 97}")) for i in range(20_000)}
    # 20,000 values in 9e17 numbers: a collision has odds of about 2e-10.
    assert len(numbers) == 20_000


@pytest.mark.parametrize("bad", [b"", b"short", "fifteen chars!!", "x" * 15])
def test_a_short_key_is_refused_without_echoing_it(bad: bytes | str) -> None:
    with pytest.raises(phimin.InputError, match="at least 16 bytes") as info:
        PseudonymKey.of(bad)
    if bad:
        assert str(bad if isinstance(bad, str) else bad.decode()) not in str(info.value)


def test_a_key_of_another_type_is_refused_and_never_shown() -> None:
    with pytest.raises(phimin.InputError, match="bytes or str"):
        PseudonymKey.of(1234567890123456789)  # type: ignore[arg-type]
    assert KEY not in repr(PseudonymKey.of(KEY))
    book = KeyedPlaceholderBook(PseudonymKey.of(KEY))
    assert KEY not in repr(book)
    assert KEY not in repr(RedactorSpec(pseudonym_key=KEY.encode()))


# --- the library ------------------------------------------------------------------------


def test_the_same_person_is_the_same_placeholder_in_every_text(
    keyed: phimin.Redactor,
) -> None:
    first = keyed.redact(f"{NAME} called from {PHONE}. {MRN}.").text
    second = keyed.redact(f"Met with Mr. {NAME.upper()} today; {MRN}, phone {PHONE}.").text
    third = keyed.redact(f"Dr. Lin reviewed {NAME}'s chart.").text
    no_phi(first, second, third)
    person = tokens(first)
    assert len(person) == 1
    assert tokens(second) == person
    assert person[0] in third
    assert tokens(first, "PHONE") == tokens(second, "PHONE") != []
    assert tokens(first, "MRN") == tokens(second, "MRN") != []


def test_a_different_key_gives_different_placeholders(
    keyed: phimin.Redactor, other: phimin.Redactor
) -> None:
    text = f"{NAME} called from {PHONE}."
    mine, theirs = keyed.redact(text).text, other.redact(text).text
    assert tokens(mine) and tokens(theirs)
    assert tokens(mine) != tokens(theirs)
    assert tokens(mine, "PHONE") != tokens(theirs, "PHONE")


def test_without_a_key_numbering_is_per_text_as_before(redactor: phimin.Redactor) -> None:
    assert not redactor.keyed
    assert (
        redactor.redact(f"{NAME} called from {PHONE}.").text == "[PERSON_1] called from [PHONE_1]."
    )


def test_a_part_of_a_known_name_joins_it_within_a_text_but_not_across_texts(
    keyed: phimin.Redactor,
) -> None:
    together = keyed.redact(f"{NAME} arrived late. Quillon said the bus was slow.").text
    alone = keyed.redact("Quillon said the bus was slow again.").text
    no_phi(together, alone)
    full = tokens(together)
    assert len(set(full)) == 1 and len(full) == 2  # "Quillon" joined the full name
    assert tokens(alone) and tokens(alone)[0] != full[0]  # alone: the token of "quillon"
    assert tokens(alone) == tokens(keyed.redact("My son Quillon phoned.").text)


def test_two_people_in_one_text_keep_two_placeholders(keyed: phimin.Redactor) -> None:
    out = keyed.redact(f"{NAME} came with her brother Ottoline Vasquez-Reyes.").text
    assert "Ottoline" not in out
    assert len(set(tokens(out))) == 2


def test_redact_many_and_redact_stream_write_what_redact_writes(keyed: phimin.Redactor) -> None:
    texts = [f"{NAME} called from {PHONE}.", "No identifiers here.", f"Ask {NAME} again."]
    alone = [keyed.redact(t).text for t in texts]
    assert [r.text for r in keyed.redact_many(texts)] == alone
    streamed = "".join(p.text for p in keyed.redact_stream(iter(texts[0])))
    assert streamed == alone[0]


def test_a_state_from_new_state_is_keyed_and_a_plain_state_is_not(keyed: phimin.Redactor) -> None:
    assert isinstance(keyed.new_state().book, KeyedPlaceholderBook)
    plain = keyed.redact_with_state(f"{NAME} called.", phimin.DocumentState()).text
    assert plain == "[PERSON_1] called."
    assert tokens(keyed.redact_with_state(f"{NAME} called.", keyed.new_state()).text)


def test_keyed_output_is_left_alone_when_redacted_again(
    keyed: phimin.Redactor, redactor: phimin.Redactor
) -> None:
    out = keyed.redact(f"{NAME} called from {PHONE}. {MRN}.")
    for again in (keyed.redact(out.text), redactor.redact(out.text)):
        assert again.text == out.text
        assert again.findings == ()


def test_the_keyed_shape_is_a_placeholder_to_restore_and_never_a_per_text_number(
    keyed: phimin.Redactor,
) -> None:
    token = tokens(keyed.redact(f"{NAME} called.").text)[0]
    assert is_placeholder(token)
    assert placeholder_literals(f"see {token[1:-1]} and {token.lower()}") == {token}
    # A keyed placeholder no session issued is reported, not passed over in silence.
    result = restore(f"Plan for {token}.", Ledger())
    assert [u.reason for u in result.unrestored] == ["not_issued"]
    # Per-text numbering stays at seven digits or fewer; the keyed shape starts at 10**17.
    assert not is_placeholder("[PERSON_12345678]")
    assert not is_placeholder("[PERSON_012345678901234567]")  # a leading zero is not ours


def test_a_plain_book_never_issues_a_keyed_looking_number() -> None:
    book = PlaceholderBook()
    book.reserve_existing("[PERSON_1] [PERSON_2]")
    assert book.placeholder("PERSON", "Quillon Brackenridge") == "[PERSON_3]"


# --- the key file -----------------------------------------------------------------------


def write_key(path: Path, content: bytes, mode: int = 0o600) -> Path:
    path.write_bytes(content)
    path.chmod(mode)
    return path


def test_a_key_file_equals_the_same_string_given_to_the_library(tmp_path: Path) -> None:
    path = write_key(tmp_path / "key", f"  {KEY}\r\n".encode())
    assert read_pseudonym_key_file(path) == KEY.encode()


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_a_key_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    path = write_key(tmp_path / "key", KEY.encode(), 0o644)
    with pytest.raises(phimin.InputError, match="chmod 600") as info:
        read_pseudonym_key_file(path)
    assert KEY not in str(info.value)


@pytest.mark.parametrize("content", [b"", b"\n", b"tooshort\n"])
def test_an_empty_or_short_key_file_is_refused(tmp_path: Path, content: bytes) -> None:
    with pytest.raises(phimin.InputError, match="at least 16 bytes"):
        read_pseudonym_key_file(write_key(tmp_path / "key", content))


def test_a_missing_key_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(phimin.InputError, match="cannot read the pseudonym key file"):
        read_pseudonym_key_file(tmp_path / "absent")


# --- the command line -------------------------------------------------------------------


class Run:
    def __init__(self, code: int, out: bytes, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    @property
    def text(self) -> str:
        return self.out.decode("utf-8")


@pytest.fixture
def run(
    keyed: phimin.Redactor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Run]:
    """run(*argv, stdin=b"", default_factory=False): the keyed Redactor when the key is KEY."""
    monkeypatch.chdir(tmp_path)
    specs: list[RedactorSpec] = []

    def factory(spec: RedactorSpec) -> Any:
        specs.append(spec)
        assert spec.pseudonym_key == KEY.encode(), "the key file reached the Redactor"
        return keyed

    def go(*argv: str, stdin: bytes = b"", default_factory: bool = False) -> Run:
        out, err = io.BytesIO(), io.StringIO()
        code = main(
            list(argv),
            streams=Streams(io.BytesIO(stdin), out, err),
            redactor_factory=None if default_factory else factory,
        )
        return Run(code, out.getvalue(), err.getvalue())

    return go


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    return write_key(tmp_path / "pseudonym.key", f"{KEY}\n".encode())


def test_cli_placeholders_agree_across_runs_files_and_the_library(
    run: Callable[..., Run], key_file: Path, tmp_path: Path, keyed: phimin.Redactor
) -> None:
    (tmp_path / "a.txt").write_text(f"{NAME} called from {PHONE}.\n")
    (tmp_path / "b.txt").write_text(f"Follow-up with {NAME}.\n")
    first = run("--pseudonym-key-file", str(key_file), "a.txt")
    second = run("--pseudonym-key-file", str(key_file), "b.txt")
    jsonl = run(
        "--jsonl", "--pseudonym-key-file", str(key_file), stdin=f'{{"text": "{NAME}"}}\n'.encode()
    )
    for result in (first, second, jsonl):
        assert result.code == ExitCode.OK, result.err
        no_phi(result.text, result.err)
    library = tokens(keyed.redact(f"{NAME} called.").text)
    assert tokens(first.text) == tokens(second.text) == tokens(jsonl.text) == library


def test_cli_default_factory_builds_a_keyed_redactor(
    run: Callable[..., Run], key_file: Path, keyed: phimin.Redactor
) -> None:
    result = run(
        "--pseudonym-key-file",
        str(key_file),
        stdin=f"{NAME} called.\n".encode(),
        default_factory=True,
    )
    assert result.code == ExitCode.OK, result.err
    assert tokens(result.text) == tokens(keyed.redact(f"{NAME} called.").text)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--vault", "v.vault"], "--pseudonym-key-file and --vault exclude each other"),
        (["--check", "a.txt"], "--check writes no text"),
        (["--restore", "--vault", "v.vault"], "--pseudonym-key-file applies to redaction"),
    ],
)
def test_cli_refuses_a_key_where_it_means_nothing(
    run: Callable[..., Run], key_file: Path, tmp_path: Path, argv: list[str], message: str
) -> None:
    (tmp_path / "a.txt").write_text(f"{NAME}\n")
    result = run("--pseudonym-key-file", str(key_file), *argv, stdin=f"{NAME}\n".encode())
    assert result.code == ExitCode.USAGE
    assert message in result.err
    assert result.out == b""


@pytest.mark.parametrize(
    ("content", "mode", "message"),
    [
        (KEY.encode(), 0o644, "readable by others"),
        (b"short\n", 0o600, "at least 16 bytes"),
        (None, 0o600, "cannot read the pseudonym key file"),
    ],
)
def test_cli_bad_key_file_exits_2_before_reading_input(
    run: Callable[..., Run], tmp_path: Path, content: bytes | None, mode: int, message: str
) -> None:
    path = tmp_path / "k"
    if content is not None:
        write_key(path, content, mode)
    result = run("--pseudonym-key-file", str(path), stdin=f"{NAME} called.\n".encode())
    assert result.code == ExitCode.USAGE
    assert message in result.err
    assert result.out == b""
    assert KEY not in result.err


# --- keyed date shifting: one offset per person ------------------------------------------

VISIT = f"{NAME} was admitted on 03/14/2026 and discharged on 03/21/2026. Seen again 04/25/2026."
DAY = regex.compile(r"\b(\d\d)/(\d\d)/(\d{4})\b")


def shifted_days(text: str) -> list[datetime.date]:
    return [datetime.date(int(y), int(m), int(d)) for m, d, y in DAY.findall(text)]


@pytest.fixture(scope="module")
def shifting() -> phimin.Redactor:
    return phimin.Redactor("shift-dates", pseudonym_key=KEY)


def test_a_person_s_dates_move_together_in_every_call_batch_and_redactor(
    shifting: phimin.Redactor,
) -> None:
    alone = shifting.redact(VISIT, subject="patient-0001").text
    again = phimin.Redactor("shift-dates", pseudonym_key=KEY.encode()).redact(
        VISIT, subject="patient-0001"
    )
    batch = [r.text for r in shifting.redact_many([VISIT] * 3, subject="patient-0001")]
    no_phi(alone)
    assert again.text == alone and batch == [alone] * 3
    days = shifted_days(alone)
    true = [datetime.date(2026, 3, 14), datetime.date(2026, 3, 21), datetime.date(2026, 4, 25)]
    assert len(days) == 3 and days != true
    assert [b - a for a, b in itertools.pairwise(days)] == [
        b - a for a, b in itertools.pairwise(true)
    ], "intervals survive"
    assert len({d - t for d, t in zip(days, true, strict=True)}) == 1, "one offset"


def test_two_people_under_one_key_get_their_own_offsets(shifting: phimin.Redactor) -> None:
    subjects = [f"patient-{i:04d}" for i in range(24)]
    results = list(shifting.redact_many([VISIT] * len(subjects), subjects=subjects))
    firsts = [shifted_days(r.text)[0] for r in results]
    # One true date known for one person says nothing about another person's offset.
    assert len(set(firsts)) > 12
    again = [shifting.redact(VISIT, subject=s).text for s in subjects[:4]]
    assert again == [r.text for r in results[:4]], "per-text subjects, as redact writes"
    other = phimin.Redactor("shift-dates", pseudonym_key=OTHER_KEY)
    theirs = [shifted_days(other.redact(VISIT, subject=s).text)[0] for s in subjects]
    assert theirs != firsts, "another key, other offsets"


def test_a_subject_given_to_new_state_decides_a_stream_and_a_state(
    shifting: phimin.Redactor,
) -> None:
    alone = shifting.redact(VISIT, subject="patient-0002").text
    streamed = "".join(
        p.text
        for p in shifting.redact_stream(iter([VISIT[:30], VISIT[30:]]), subject="patient-0002")
    )
    state = shifting.new_state("patient-0002")
    assert streamed == alone
    assert shifting.redact_with_state(VISIT, state).text == alone


def test_keyed_shifting_without_a_subject_is_refused_before_any_work(
    shifting: phimin.Redactor,
) -> None:
    for call in (
        lambda: shifting.redact("No dates in this one."),
        lambda: list(shifting.redact_stream(iter(["No dates."]))),
        lambda: list(shifting.redact_many(["No dates."])),
        lambda: list(shifting.redact_many([VISIT, VISIT], subjects=["patient-0001", None])),
        lambda: shifting.redact_with_state(VISIT, shifting.new_state()),  # the book refuses
    ):
        with pytest.raises(phimin.InputError, match="needs the subject") as info:
            call()
        no_phi(str(info.value))
    # Without date shifting a keyed Redactor needs no subject, and takes one.
    plain = phimin.Redactor(pseudonym_key=KEY)
    assert plain.redact(VISIT).text == plain.redact(VISIT, subject="patient-0001").text


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda r: r.redact("x", subject=""), "non-blank str"),
        (lambda r: r.redact("x", subject="p" * 257), "at most 256"),
        (lambda r: r.redact("x", subject=12345), "a subject is a str"),
        (lambda r: list(r.redact_many(["a", "b"], subjects=["p-1"])), "too few"),
        (lambda r: list(r.redact_many(["a"], subjects=["p-1", "p-2"])), "too many"),
        (lambda r: list(r.redact_many(["a"], subjects=["p-1"], subject="p-1")), "goes without"),
        (lambda r: list(r.redact_many(["a"], subjects=["p-1"], one_session=True)), "one subject"),
        (lambda r: list(r.redact_stream(["a"], state=r.new_state(), subject="p")), "carries"),
    ],
)
def test_subject_mistakes_are_refused_without_quoting_it(
    shifting: phimin.Redactor, call: Callable[[phimin.Redactor], object], message: str
) -> None:
    with pytest.raises(phimin.InputError, match=message) as info:
        call(shifting)
    assert "p-1" not in str(info.value) and "ppp" not in str(info.value)


def test_a_subject_without_a_key_is_refused_and_never_shown(redactor: phimin.Redactor) -> None:
    with pytest.raises(phimin.InputError, match="only with a pseudonym key"):
        redactor.redact(VISIT, subject="patient-0001")
    state = phimin.Redactor(pseudonym_key=KEY).new_state("patient-0001")
    state.book.placeholder("PERSON", NAME)
    assert "patient-0001" not in repr(state.book)
    no_phi(repr(state.book), repr(PlaceholderBook()))


def test_cli_shifts_dates_per_subject_and_refuses_a_key_without_one(
    run: Callable[..., Run], key_file: Path, shifting: phimin.Redactor
) -> None:
    key = ("--pseudonym-key-file", str(key_file), "--policy", "shift-dates")
    refused = run(*key, stdin=VISIT.encode())
    assert refused.code == ExitCode.USAGE and "--subject" in refused.err
    assert refused.out == b""
    given = run(*key, "--subject", "patient-0001", stdin=VISIT.encode())
    assert given.code == ExitCode.OK, given.err
    assert given.text.rstrip("\n") == shifting.redact(VISIT, subject="patient-0001").text
    no_phi(given.text, given.err)
    assert "patient-0001" not in given.err


def test_cli_jsonl_takes_each_record_s_subject_from_a_field(
    run: Callable[..., Run], key_file: Path, shifting: phimin.Redactor
) -> None:
    records = [{"pid": "patient-0001", "text": VISIT}, {"pid": 7, "text": VISIT}]
    records.append({"pid": "patient-0001", "text": VISIT})
    stdin = "".join(json.dumps(r) + "\n" for r in records).encode()
    key = ("--jsonl", "--pseudonym-key-file", str(key_file), "--policy", "shift-dates")
    mine = shifting.redact(VISIT, subject="patient-0001").text
    # Only "text": records batched through redact_many; every string: one by one.
    for fields in (("--jsonl-fields", "text"), ()):
        result = run(*key, *fields, "--subject-field", "pid", stdin=stdin)
        assert result.code == ExitCode.OK, result.err
        out = [json.loads(line) for line in result.text.splitlines()]
        assert out[0]["text"] == out[2]["text"] == mine
        assert out[1]["text"] == shifting.redact(VISIT, subject="7").text != mine
    missing = run(*key, "--subject-field", "who", stdin=stdin)
    assert missing.code == ExitCode.USAGE and "'who'" in missing.err
    assert missing.out == b"" and "patient-0001" not in missing.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--subject", "p-1"], "--subject goes with --pseudonym-key-file"),
        (["--jsonl", "--subject-field", "pid"], "--subject-field goes with --pseudonym-key-file"),
        (["--KEY", "--subject-field", "pid"], "applies to --format jsonl only"),
        (["--KEY", "--jsonl", "--subject", "p", "--subject-field", "pid"], "exclude each other"),
        (["--KEY", "--jsonl", "--one-session", "--subject-field", "pid"], "use --subject"),
        (["--KEY", "--subject", " "], "non-blank"),
    ],
)
def test_cli_subject_flag_mistakes_exit_2_before_reading_input(
    run: Callable[..., Run], key_file: Path, argv: list[str], message: str
) -> None:
    argv = [
        a
        for flag in argv
        for a in (["--pseudonym-key-file", str(key_file)] if flag == "--KEY" else [flag])
    ]
    result = run(*argv, stdin=VISIT.encode())
    assert result.code == ExitCode.USAGE
    assert message in result.err
    assert result.out == b""
