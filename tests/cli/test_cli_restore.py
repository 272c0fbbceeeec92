"""`redact --restore`: streamed, placed by line:col, JSON kept JSON; `--one-session`.

Most tests build the vault by hand (no model); the one-session ones redact through
`main(argv)` in-process with the session's shared Redactor. Every value is synthetic.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_harness import Run

import phimin
from phimin._vault import Vault
from phimin.cli.exit_codes import ExitCode
from phimin.cli.main import main
from phimin.cli.restore_mode import SHOWN_LEFT, LineCounter
from phimin.cli.streams import Streams

NAME, QUOTED, PHONE = "Tamsin Okoro", 'Rufus "Ru" Vane', "555-201-4477"
SECRETS = (NAME, "Okoro", "Rufus", "Vane", PHONE, "03/14/2026", "Dayton")


@pytest.fixture
def vault(tmp_path: Path, key: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A vault as a session would leave it (written by hand: no model)."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "v"
    with Vault(path, key=key).transaction() as ledger:
        ledger.record_placeholder("[PERSON_1]", "PERSON", NAME)
        ledger.record_placeholder("[PERSON_2]", "PERSON", QUOTED)
        ledger.record_placeholder("[PHONE_1]", "PHONE_NUMBER", PHONE)
        ledger.record_wording("[date in 2026]", "03/14/2026")
        ledger.record_wording("[date in 2026 #2]", "04/02/2026")
        ledger.record_wording("[city in Ohio]", "Dayton")
    return path


class Reading(io.RawIOBase):
    """stdin that hands out fixed blocks and counts what was read."""

    def __init__(self, data: bytes, block: int) -> None:
        self._data, self._block, self.read_bytes = data, block, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        n = self._block if size < 0 else min(size, self._block)
        out = self._data[self.read_bytes : self.read_bytes + n]
        self.read_bytes += len(out)
        return out


class Watching(io.BytesIO):
    """stdout that notes how much input had been read at its first write."""

    def __init__(self, source: Reading) -> None:
        super().__init__()
        self._source = source
        self.read_at_first_write: int | None = None

    def write(self, data: Any) -> int:
        if self.read_at_first_write is None and data:
            self.read_at_first_write = self._source.read_bytes
        return super().write(data)


def restore_run(*argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.BytesIO(), io.StringIO()
    code = main(["--restore", "--vault", "v", *argv], streams=Streams(io.BytesIO(stdin), out, err))
    return code, out.getvalue().decode("utf-8"), err.getvalue()


def no_phi(*blobs: str) -> None:
    for blob in blobs:
        for secret in SECRETS:
            assert secret not in blob


# --- streaming ---------------------------------------------------------------------------


def test_restore_streams_its_input(vault: Path) -> None:
    line = "Plan for [PERSON_1]: call [PHONE_1] after [date in 2026 #2] in [city in Ohio].\n"
    data = (line * 4000).encode()  # ~300 KB, read in 4 KiB blocks
    stdin = Reading(data, 4096)
    stdout = Watching(stdin)
    err = io.StringIO()
    code = main(["--restore", "--vault", "v"], streams=Streams(stdin, stdout, err))  # type: ignore[arg-type]
    assert code == ExitCode.OK, err.getvalue()
    expected = f"Plan for {NAME}: call {PHONE} after 04/02/2026 in Dayton.\n" * 4000
    assert stdout.getvalue().decode() == expected
    assert stdout.read_at_first_write is not None
    assert stdout.read_at_first_write < len(data) // 10  # written long before the end
    assert err.getvalue() == "redact: restored 16000; left none\n"


# --- what was left, by place and reason ----------------------------------------------------


def test_left_tokens_are_placed_by_line_and_column_never_quoted(vault: Path) -> None:
    draft = "Plan for [PERSON_1].\nAsk [PERSON_9] and\n  [PERSON_1] about [date in 2027].\n"
    code, out, err = restore_run("--report", "r.json", stdin=draft.encode())
    assert code == ExitCode.OK
    assert out == f"Plan for {NAME}.\nAsk [PERSON_9] and\n  {NAME} about [date in 2027].\n"
    assert "redact: <stdin>:2:5: left [PERSON_9] (not_issued)\n" in err
    assert err.endswith("redact: restored 2; left not_issued: 1\n")
    report = json.loads(Path("r.json").read_text())
    assert report["mode"] == "restore"
    assert report["documents"][0]["left"] == [
        {"line": 2, "col": 5, "token": "[PERSON_9]", "reason": "not_issued"}
    ]
    assert report["summary"] == {
        "documents": 1,
        "restored": 2,
        "left": 1,
        "left_by_reason": {"not_issued": 1},
    }
    no_phi(err, Path("r.json").read_text())


def test_stderr_lists_the_first_items_then_counts_the_rest(vault: Path) -> None:
    draft = "".join(f"[PERSON_{n}]\n" for n in range(3, 3 + SHOWN_LEFT + 5))
    code, _, err = restore_run("--strict", stdin=draft.encode())
    assert code == ExitCode.FINDINGS
    assert err.count(": left [PERSON_") == SHOWN_LEFT
    assert "redact: <stdin>:1:1: left [PERSON_3] (not_issued)" in err
    assert "... and 5 more left (--report FILE lists them all)" in err


def test_keep_generalized_leaves_wordings_and_says_so(vault: Path) -> None:
    draft = "[PERSON_1] on [date in 2026] and [date in 2026 #2]\n"
    code, out, err = restore_run("--keep-generalized", stdin=draft.encode())
    assert code == ExitCode.OK
    assert out == f"{NAME} on [date in 2026] and [date in 2026 #2]\n"
    assert "<stdin>:1:15: left [date in 2026] (not_requested)" in err
    assert "left not_requested: 2 (generalized content kept" in err
    code, out, _ = restore_run(stdin=draft.encode())
    assert out == f"{NAME} on 03/14/2026 and 04/02/2026\n"


def test_quiet_prints_nothing_and_strict_still_counts(vault: Path) -> None:
    assert restore_run("-q", stdin=b"[PERSON_9]") == (ExitCode.OK, "[PERSON_9]", "")
    code, _, err = restore_run("-q", "--strict", stdin=b"[PERSON_9]")
    assert code == ExitCode.FINDINGS
    assert err == "redact: restored 0; left not_issued: 1\n"


@pytest.mark.parametrize(
    ("text", "offsets", "places"),
    [
        ("ab\ncd\n\nef", [0, 3, 4, 7, 8], [(1, 1), (2, 1), (2, 2), (4, 1), (4, 2)]),
        ("\r\nx", [2], [(2, 1)]),
    ],
)
def test_line_counter_places_offsets_as_text_streams(
    text: str, offsets: list[int], places: list[tuple[int, int]]
) -> None:
    counter = LineCounter()
    for i in range(0, len(text), 2):
        counter.feed(text[i : i + 2])
    assert [counter.place(o) for o in offsets] == places


# --- structured replies ----------------------------------------------------------------------


def test_format_json_restores_string_values_and_stays_json(vault: Path) -> None:
    reply = json.dumps(
        {"callee": "[PERSON_2]", "when": ["[date in 2026]"], "note": "ask [PERSON_9]", "n": 3},
        indent=2,
    )
    code, out, err = restore_run("--format", "json", stdin=reply.encode())
    assert code == ExitCode.OK
    assert json.loads(out) == {
        "callee": QUOTED,
        "when": ["03/14/2026"],
        "note": "ask [PERSON_9]",
        "n": 3,
    }
    assert out.count("\n") == reply.count("\n")  # the layout is kept
    assert "<stdin>:6:16: left [PERSON_9] (not_issued)" in err  # '  "note": "ask [PERSON_9]"
    code, out, _ = restore_run(stdin=reply.encode())  # as text, the quotes break it
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


def test_format_jsonl_restores_each_line(vault: Path) -> None:
    lines = [
        json.dumps({"to": "[PERSON_2]"}),
        json.dumps({"call": "[PHONE_1]", "who": "[PERSON_7]"}),
        "",
    ]
    code, out, err = restore_run("--jsonl", stdin="\r\n".join(lines).encode())
    assert code == ExitCode.OK
    got = out.split("\r\n")
    assert json.loads(got[0]) == {"to": QUOTED}
    assert json.loads(got[1]) == {"call": PHONE, "who": "[PERSON_7]"}
    assert got[2] == ""
    assert "<stdin>:2:" in err and "left [PERSON_7] (not_issued)" in err


@pytest.mark.parametrize(
    "reply",
    [
        '{"callee": "[PERSON_2]", "phone": "[PHONE_1]", "note": "call back',  # cut short
        "Call [PERSON_1] on [PHONE_1] tomorrow.",  # plain text, not JSON at all
        '{"callee": "[PERSON_1]"} {"again": "[PHONE_1]"}',  # two documents
    ],
)
def test_format_json_that_is_not_json_fails_closed(vault: Path, reply: str) -> None:
    """A JSON-mode reply cut short was restored as text and exited 0: now it stops with
    exit 2, says where the JSON broke, and writes nothing (the originals least of all)."""
    code, out, err = restore_run("--format", "json", stdin=reply.encode())
    assert code == ExitCode.USAGE
    assert out == ""
    assert err.startswith("redact: error: <stdin>: the input is not valid JSON: ")
    assert err.count("\n") == 1
    assert ("(plain text? restore it without --format)" in err) == reply.startswith("Call")
    no_phi(err)


def test_format_json_on_empty_input_says_it_is_empty(vault: Path) -> None:
    code, out, err = restore_run("--format", "json", stdin=b" \n")
    assert (code, out) == (ExitCode.USAGE, "")
    assert "redact: error: <stdin>: the input is empty, not JSON" in err


def test_format_json_writes_nothing_when_a_later_input_is_not_json(vault: Path) -> None:
    Path("good.json").write_text(json.dumps({"to": "[PERSON_1]"}), "utf-8")
    Path("cut.json").write_text('{"to": "[PHONE_1]", "n', "utf-8")
    code, out, err = restore_run("--format", "json", "good.json", "cut.json")
    assert (code, out) == (ExitCode.USAGE, "")
    assert "redact: error: cut.json: the input is not valid JSON" in err
    no_phi(err)
    code, _, _ = restore_run("--format", "json", "good.json", "cut.json", "-o", "out.json")
    assert code == ExitCode.USAGE and not Path("out.json").exists()


def test_format_json_and_jsonl_skip_a_byte_order_mark(vault: Path) -> None:
    bom = b"\xef\xbb\xbf"
    code, out, _ = restore_run("--format", "json", stdin=bom + b'{"to": "[PERSON_1]"}')
    assert (code, json.loads(out)) == (ExitCode.OK, {"to": NAME})
    code, out, _ = restore_run("--jsonl", stdin=bom + b'{"to": "[PERSON_1]"}\n')
    assert (code, json.loads(out)) == (ExitCode.OK, {"to": NAME})


def test_format_jsonl_stops_at_a_line_that_is_not_json(vault: Path) -> None:
    """The records before it were whole and are written; the broken one and all after it
    are not, and the run exits 2 naming the line."""
    lines = [json.dumps({"to": "[PERSON_1]"}), "", '{"call": "[PHONE_1]", "wh', "{}"]
    code, out, err = restore_run("--jsonl", stdin="\n".join(lines).encode())
    assert code == ExitCode.USAGE
    assert out.splitlines() == [json.dumps({"to": NAME}, ensure_ascii=False), ""]
    assert PHONE not in out
    assert "redact: error: <stdin>: a line is not valid JSON: " in err and "at line 3," in err
    no_phi(err)


# --- one session across records and files ------------------------------------------------------


def test_one_session_numbers_records_as_one_conversation(run: Callable[..., Run]) -> None:
    records = [
        {"role": "therapist", "text": "Hello Ms. Okoro. Is 555-201-4477 still good?"},
        {"role": "client", "text": "Yes. My brother Rufus Vane drove me."},
        {"role": "therapist", "text": "And how is Okoro at home, and Rufus Vane?"},
    ]
    stdin = "".join(json.dumps(r) + "\n" for r in records).encode()
    result = run("--jsonl", "--one-session", stdin=stdin)
    assert result.code == ExitCode.OK, result.err
    texts = [json.loads(line)["text"] for line in result.text.splitlines()]
    assert texts == [
        "Hello Ms. [PERSON_1]. Is [PHONE_1] still good?",
        "Yes. My brother [PERSON_2] drove me.",
        "And how is [PERSON_1] at home, and [PERSON_2]?",
    ]
    alone = run("--jsonl", stdin=stdin).text  # records on their own: each from 1
    assert json.loads(alone.splitlines()[1])["text"] == "Yes. My brother [PERSON_1] drove me."


def test_one_session_spans_files_and_places_findings_in_each(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(f"We saw {NAME} today.\n")
    (tmp_path / "b.txt").write_text(f"Rufus Vane and {NAME} came.\n")
    result = run("--one-session", "--format", "json", "a.txt", "b.txt")
    assert result.code == ExitCode.OK, result.err
    first, second = (json.loads(line) for line in result.text.splitlines())
    assert first["text"] == "We saw [PERSON_1] today.\n"
    assert second["text"] == "[PERSON_2] and [PERSON_1] came.\n"
    # Offsets, lines and columns are within each file.
    assert [(f["start"], f["line"], f["col"]) for f in second["findings"]] == [
        (0, 1, 1),
        (15, 1, 16),
    ]
    alone = run("--format", "json", "a.txt", "b.txt").text  # each file its own numbering
    assert json.loads(alone.splitlines()[1])["text"] == "[PERSON_1] and [PERSON_2] came.\n"


def test_redact_many_one_session(redactor: phimin.Redactor) -> None:
    texts = ["Maria Lopez called.", "Then Ben Okafor and Maria Lopez met.", "Ben Okafor left."]
    shared = [r.text for r in redactor.redact_many(texts, one_session=True)]
    assert shared == [
        "[PERSON_1] called.",
        "Then [PERSON_2] and [PERSON_1] met.",
        "[PERSON_2] left.",
    ]
    alone = [r.text for r in redactor.redact_many(texts)]
    assert alone[2] == "[PERSON_1] left."
    results = list(redactor.redact_many(texts, one_session=True))
    for text, result in zip(texts, results, strict=True):
        assert all(0 <= f.start < f.end <= len(text) for f in result.findings)
        assert {text[f.start : f.end] for f in result.findings} <= {"Maria Lopez", "Ben Okafor"}
