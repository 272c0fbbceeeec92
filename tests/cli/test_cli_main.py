"""`redact` through `main(argv)` in-process, with the session's Redactor (one model load).

Every identifier below is synthetic, written for these tests.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_harness import Run

import phimin
from phimin.cli.exit_codes import ExitCode
from phimin.cli.settings import RedactorSpec

NAME, PHONE = "Dana Whitfield", "555-201-3344"
NOTE = f"Session with {NAME} on 03/14/2024.\nCall him at {PHONE} before Friday.\n"
CLEAN = "Client reports better sleep.\nPHQ-9 is 9, down from 14. Continue sertraline 50 mg.\n"
SENSITIVE = "She has been undocumented since 2019.\n"  # the immigration rule pack
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def calls() -> list[str | None]:
    return []


@pytest.fixture
def check_spec(calls: list[str | None]) -> Callable[[RedactorSpec, phimin.Redactor], None]:
    """Every Redactor asked for here is the default one: default model, policy, 1 worker."""

    def check(spec: RedactorSpec, _: phimin.Redactor) -> None:
        calls.append(spec.model)
        assert spec.model is None, "tests use the default model"
        assert (spec.workers, spec.policy) == (1, None)

    return check


def no_phi(*texts: str) -> None:
    for text in texts:
        for secret in (NAME, "Whitfield", PHONE, "03/14/2024"):
            assert secret not in text


# --- the filter -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "stdin", "expect"),
    [
        ([], NOTE, ["[PERSON_1]", "[PHONE_1]", "[date in 2024]"]),
        (["-"], NOTE.replace("\n", "\r\n"), ["[PERSON_1] on [date in 2024].\r\nCall him"]),
        (["--policy", "strict"], NOTE, ["[PHONE_1]"]),
        ([], "", []),
        ([], CLEAN, [CLEAN]),
        ([], SENSITIVE, ["She has been [immigration"]),
        (["--keep", "immigration_status"], SENSITIVE, [SENSITIVE]),
        (
            ["--keep", "IMMIGRATION-STATUS", "--keep", "identifier"],
            NOTE + SENSITIVE,
            [NAME, SENSITIVE],
        ),
    ],
)
def test_filter_stdin_to_stdout(
    run: Callable[..., Run], argv: list[str], stdin: str, expect: list[str]
) -> None:
    result = run(*argv, stdin=stdin.encode())
    assert result.code == ExitCode.OK, result.err
    assert result.err == ""
    for part in expect:
        assert part in result.text
    if "identifier" not in argv:
        no_phi(result.text)
    if not stdin:
        assert result.out == b""


def test_json_format_gives_text_findings_and_summary(run: Callable[..., Run]) -> None:
    result = run("--format", "json", stdin=NOTE.encode())
    assert result.code == ExitCode.OK
    data = json.loads(result.out)
    assert set(data) == {"text", "findings", "summary"}
    no_phi(result.text)
    phone = next(f for f in data["findings"] if f["entity"] == "PHONE_NUMBER")
    assert NOTE[phone["start"] : phone["end"]] == PHONE
    assert (phone["line"], phone["col"]) == (2, 13)
    assert data["summary"]["total"] == len(data["findings"])


def test_jsonl_redacts_every_string_and_keeps_the_record_shape(run: Callable[..., Run]) -> None:
    records = [
        {"id": 1, "text": f"Call {NAME} at {PHONE}.", "meta": {"clinic": "north", "who": NAME}},
        {"id": 2, "text": CLEAN, "seen": [f"{PHONE}", 3, None, True]},
        {"id": 3, "text": f"{NAME} again."},
    ]
    stdin = "\n".join(json.dumps(r) for r in records) + "\n\n"
    result = run("--jsonl", stdin=stdin.encode())
    assert result.code == ExitCode.OK, result.err
    lines = [json.loads(line) for line in result.text.splitlines()]
    assert [r["id"] for r in lines] == [1, 2, 3]
    assert lines[0] == {
        "id": 1,
        "text": "Call [PERSON_1] at [PHONE_1].",
        "meta": {"clinic": "north", "who": "[PERSON_1]"},
    }
    assert lines[1] == {"id": 2, "text": CLEAN, "seen": ["[PHONE_1]", 3, None, True]}
    assert lines[2]["text"] == "[PERSON_1] again."  # each record numbers on its own
    no_phi(result.text)


def test_jsonl_one_string_records_batched_write_what_records_redacted_alone_write(
    run: Callable[..., Run],
) -> None:
    texts = [f"Call {NAME} at {PHONE}.", CLEAN, f"{NAME} on 03/14/2024 said [PERSON_1] hi."]
    records = []
    for i, text in enumerate(texts):  # one-string records (batched) between others
        records += [{"n": i, "text": text}, {"id": f"r-{i}", "text": text}]
    stdin = "".join(json.dumps(r) + "\n" for r in records)
    result = run("--jsonl", stdin=stdin.encode())
    assert result.code == ExitCode.OK, result.err
    lines = [json.loads(line) for line in result.text.splitlines()]
    assert [r.get("n", r.get("id")) for r in lines] == [0, "r-0", 1, "r-1", 2, "r-2"]
    for batched, alone in zip(lines[::2], lines[1::2], strict=True):
        assert batched["text"] == alone["text"]
    assert "[PERSON_1] hi" in lines[4]["text"] and "[PERSON_2] on" in lines[4]["text"]
    no_phi(result.text)


def test_jsonl_fields_redacts_only_the_named_fields(run: Callable[..., Run]) -> None:
    record = {"id": "a-1", "text": f"Call {NAME}.", "note": f"Call {NAME}.", "n": 2}
    result = run("--jsonl", "--jsonl-fields", "note", stdin=json.dumps(record).encode())
    assert result.code == ExitCode.OK, result.err
    assert json.loads(result.out) == {**record, "note": "Call [PERSON_1]."}


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        ([], b"Call Dana Whitfield\n\xc3\x28 tail", "not valid UTF-8 (byte offset 20)"),
        (["--jsonl"], b'{"id": 1}\n', "line 1 needs a JSON object"),
        (["--jsonl"], b'{"text": "Dana Whitfield"}\n{"text": "x",\n', "line 2 is not valid JSON"),
        (
            ["--jsonl", "--jsonl-fields", "note"],
            b'{"text": "Dana Whitfield"}\n',
            "line 1 has no field 'note' (named by --jsonl-fields)",
        ),
        (["--policy", "no-such-policy"], NOTE.encode(), "no preset or policy file"),
        (["--keep", "no_such_thing"], NOTE.encode(), "unknown entity or category"),
        (["missing.txt"], b"", "cannot read missing.txt"),
    ],
)
def test_input_and_config_errors_exit_2_and_write_no_text(
    run: Callable[..., Run], argv: list[str], stdin: bytes, message: str
) -> None:
    result = run(*argv, stdin=stdin)
    assert result.code == ExitCode.USAGE
    assert message in result.err
    no_phi(result.err)
    assert b"Whitfield" not in result.out


def test_output_file_and_in_place(run: Callable[..., Run], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(NOTE)
    (tmp_path / "b.txt").write_text(CLEAN)
    result = run("a.txt", "b.txt", "-o", "out.txt")
    assert (result.code, result.out) == (ExitCode.OK, b"")
    written = (tmp_path / "out.txt").read_text()
    assert written.endswith(CLEAN) and "[PHONE_1]" in written
    assert (tmp_path / "a.txt").read_text() == NOTE  # never edited unless asked
    (tmp_path / "a.txt").chmod(0o640)
    result = run("--in-place", "a.txt")
    assert (result.code, result.out) == (ExitCode.OK, b"")
    rewritten = (tmp_path / "a.txt").read_text()
    no_phi(rewritten)
    assert "[PHONE_1]" in rewritten
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o640


def test_many_files_load_the_model_once(
    run: Callable[..., Run], calls: list[str | None], tmp_path: Path
) -> None:
    names = []
    for i in range(4):
        (tmp_path / f"n{i}.txt").write_text(NOTE)
        names.append(f"n{i}.txt")
    result = run("--format", "json", *names)
    assert result.code == ExitCode.OK
    documents = [json.loads(line) for line in result.text.splitlines()]
    assert [d["path"] for d in documents] == names
    assert all("[PERSON_1]" in d["text"] for d in documents)  # placeholders per document
    assert calls == [None]


def test_report_and_explain_never_hold_text(run: Callable[..., Run], tmp_path: Path) -> None:
    result = run("--report", "audit.json", "--explain", stdin=NOTE.encode())
    assert result.code == ExitCode.OK
    report = (tmp_path / "audit.json").read_text()
    no_phi(report, result.err)
    data = json.loads(report)
    findings = data["documents"][0]["findings"]
    assert {f["entity"] for f in findings} >= {"PERSON", "PHONE_NUMBER", "DATE"}
    assert all(
        {"line", "col", "rule_id", "action", "score", "category"} <= set(f) for f in findings
    )
    assert data["summary"]["total"] == len(findings)
    assert "phimin.phone.nanp" in result.err and "2:13" in result.err
    assert "finding(s) explained" in result.err


def test_config_file_applies_and_flags_win(run: Callable[..., Run], tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.phimin]\nformat = "json"\nkeep = ["immigration_status"]\n'
    )
    result = run(stdin=SENSITIVE.encode())
    assert json.loads(result.out)["text"] == SENSITIVE
    result = run("--format", "text", "--keep", "identifier", stdin=SENSITIVE.encode())
    assert result.text.startswith("She has been [immigration")


# --- fail closed ------------------------------------------------------------------------


class FailingAfter:
    """A Redactor with small stream windows that breaks after `good` pieces.

    Input arrives in 100-character blocks, so a long text makes many windows.
    """

    def __init__(self, inner: phimin.Redactor, good: int, error: Exception) -> None:
        self.inner, self.good, self.error = inner, good, error

    def redact_stream(self, pieces: Iterable[str], **kwargs: Any) -> Iterator[Any]:
        small = (p[i : i + 100] for p in pieces for i in range(0, len(p), 100))
        stream = self.inner.redact_stream(small, window_chars=700, **kwargs)
        for i, piece in enumerate(stream):
            if i == self.good:
                raise self.error
            yield piece


LONG = "".join(f"Line {i}: {NAME} called from {PHONE}.\n" for i in range(60))


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (RuntimeError(f"crashed near {NAME} {PHONE}"), ExitCode.INTERNAL),
        (phimin.DetectionError("a detection stage failed"), ExitCode.INTERNAL),
        (phimin.InputError("bad input"), ExitCode.USAGE),
    ],
)
def test_an_error_mid_stream_stops_output_and_leaks_nothing(
    run: Callable[..., Run], error: Exception, code: int
) -> None:
    result = run(stdin=LONG.encode(), wrap=lambda r: FailingAfter(r, 2, error))
    assert result.code == code
    assert result.err.startswith("redact: error:")
    no_phi(result.text, result.err)
    written = result.text
    assert written, "the pieces redacted before the error were written"
    assert written.count("\n") < LONG.count("\n"), "output stopped at the error"
    assert LONG.startswith(written.replace("[PERSON_1]", NAME).replace("[PHONE_1]", PHONE))


def test_a_failed_run_leaves_no_output_file(run: Callable[..., Run], tmp_path: Path) -> None:
    result = run(
        "-o",
        "out.txt",
        stdin=LONG.encode(),
        wrap=lambda r: FailingAfter(r, 1, RuntimeError("x")),
    )
    assert result.code == ExitCode.INTERNAL
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_line_col_stay_right_across_stream_windows(run: Callable[..., Run]) -> None:
    result = run(
        "--format", "json", stdin=LONG.encode(), wrap=lambda r: FailingAfter(r, 10**6, Exception())
    )
    assert result.code == ExitCode.OK
    data = json.loads(result.out)
    phones = [f for f in data["findings"] if f["entity"] == "PHONE_NUMBER"]
    assert len(phones) == 60
    for i, f in enumerate(phones):
        assert LONG[f["start"] : f["end"]] == PHONE
        assert f["line"] == i + 1
        assert f["col"] == LONG.splitlines()[i].index(PHONE) + 1
    assert data["text"].count("[PHONE_1]") == 60
    no_phi(data["text"])


# --- check mode -------------------------------------------------------------------------

PRAGMA_NOTE = f"Pharmacy line {PHONE} (not the client)  <!-- phimin: allow phimin.phone.nanp -->\n"


@pytest.mark.parametrize(
    ("content", "argv", "code", "expect"),
    [
        (CLEAN, [], ExitCode.OK, []),
        (
            NOTE,
            [],
            ExitCode.FINDINGS,
            [
                "d.md:1:14: phimin.name.gazetteer PERSON (identifier)",
                "d.md:2:13: phimin.phone.nanp PHONE_NUMBER (identifier)",
                "phimin: allow RULE_ID",
            ],
        ),
        (PRAGMA_NOTE, [], ExitCode.OK, []),
        (
            CLEAN.replace("sleep.", "sleep. # phimin: allow phimin.phone.nanp"),
            [],
            ExitCode.FINDINGS,
            ["d.md:1:32: unused pragma 'phimin: allow phimin.phone.nanp'"],
        ),
        (NOTE, ["--threshold", "0.95"], ExitCode.OK, []),
        (NOTE, ["--policy", "substance-use-treatment"], ExitCode.FINDINGS, ["PHONE_NUMBER"]),
        (NOTE, ["--quiet"], ExitCode.FINDINGS, ["d.md:2:13:"]),
    ],
)
def test_check(
    run: Callable[..., Run],
    tmp_path: Path,
    content: str,
    argv: list[str],
    code: int,
    expect: list[str],
) -> None:
    (tmp_path / "d.md").write_text(content)
    result = run("--check", *argv, "d.md")
    assert result.code == code, result.text + result.err
    for part in expect:
        assert part in result.text
    if code == ExitCode.OK:
        assert result.out == b""
    if "--quiet" in argv:
        assert "phimin: allow" not in result.text
    no_phi(result.text, result.err)


def test_check_baseline_accepts_known_findings_only(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    (tmp_path / "notes").mkdir()
    draft = tmp_path / "notes" / "d.md"
    draft.write_text(NOTE)
    result = run("--check", "--update-baseline", "notes/d.md")
    assert result.code == ExitCode.OK
    assert "baseline .phimin-baseline.json updated" in result.err
    baseline = (tmp_path / ".phimin-baseline.json").read_text()
    no_phi(baseline)
    data = json.loads(baseline)
    assert {e["file"] for e in data["entries"]} == {"notes/d.md"}
    assert {e["rule_id"] for e in data["entries"]} >= {"phimin.name.gazetteer", "phimin.phone.nanp"}

    assert run("--check", "notes/d.md").code == ExitCode.OK
    draft.write_text(NOTE + "Her sister Odalys Fenwick visited.\n")
    result = run("--check", "notes/d.md")
    assert result.code == ExitCode.FINDINGS
    assert result.text.splitlines()[0].startswith("notes/d.md:3:12: ")
    assert result.text.count("notes/d.md:") == 1
    # The same text in another file is not covered by this file's entries.
    (tmp_path / "notes" / "e.md").write_text(NOTE)
    assert run("--check", "notes/e.md").code == ExitCode.FINDINGS


def test_check_reports_unreadable_files_and_still_checks_the_rest(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    (tmp_path / "bad.md").write_bytes(b"caf\xe9\n")
    (tmp_path / "d.md").write_text(NOTE)
    result = run("--check", "bad.md", "d.md", "--report", "r.json")
    assert result.code == ExitCode.USAGE
    assert "bad.md: not valid UTF-8" in result.err
    assert "d.md:2:13: phimin.phone.nanp" in result.text
    report = json.loads((tmp_path / "r.json").read_text())
    checks = [f["check"] for f in report["documents"][0]["findings"]]
    assert "reported" in checks


def test_check_with_a_named_baseline_that_is_missing_exits_2(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    (tmp_path / "d.md").write_text(CLEAN)
    result = run("--check", "--baseline", "nope.json", "d.md")
    assert result.code == ExitCode.USAGE
    assert "nope.json not found" in result.err


def test_examples_draft_is_clean_and_transcript_is_not(run: Callable[..., Run]) -> None:
    draft = run("--check", str(EXAMPLES / "note_draft.md"))
    assert draft.code == ExitCode.OK, draft.text
    transcript = run("--check", str(EXAMPLES / "session_transcript.txt"))
    assert transcript.code == ExitCode.FINDINGS
    entities = {line.split()[2] for line in transcript.text.splitlines() if ".txt:" in line}
    assert {"PERSON", "PHONE_NUMBER", "DATE"} <= entities


def test_examples_speech_transcript_loses_its_identifiers_and_keeps_the_rest(
    run: Callable[..., Run],
) -> None:
    """examples/asr_transcript.txt: lower-case speech, as a scribe writes it."""
    result = run(stdin=(EXAMPLES / "asr_transcript.txt").read_bytes())
    assert result.code == ExitCode.OK
    out = result.text
    for planted in (
        "sky came",
        "marcus",
        "round rock",
        "autumn",
        "jefferson",
        "big mo",
        "five one two",
        "william",
        "four four two",
    ):
        assert planted not in out, planted
    for kept in (
        "i hope they call back will you let me know",
        "my phq-9 was a 14",
        "yeah i will",
        "on saturday",
    ):
        assert kept in out, kept
