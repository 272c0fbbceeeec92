"""Records in and out of the CLI fail closed: a refused jsonl record is an input error
and leaves the records before it whole, `--format json` writes nothing for refused
input, and every string field of a jsonl record is redacted as one document.

(Found by a security review as B16, B21 and B22.) Every identifier is synthetic.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

import phimin
from phimin.cli import filter_mode
from phimin.cli.exit_codes import ExitCode
from phimin.cli.main import main
from phimin.cli.settings import RedactorSpec
from phimin.cli.streams import Streams

NAME, SSN, PHONE = "Quillon Brackenridge", "417-38-2906", "410-862-5173"
SECRETS = (NAME, "Quillon", "Brackenridge", SSN, PHONE)


@pytest.fixture(autouse=True)
def _scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no config file of the checkout; reports land here


def cli(redactor: phimin.Redactor, argv: list[str], stdin: bytes) -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()

    def factory(spec: RedactorSpec) -> Any:
        return redactor

    code = main(argv, streams=Streams(io.BytesIO(stdin), out, err), redactor_factory=factory)
    return code, out.getvalue(), err.getvalue()


def no_secrets(*blobs: str | bytes) -> None:
    for blob in blobs:
        data = blob.encode() if isinstance(blob, str) else blob
        for secret in SECRETS:
            assert secret.encode() not in data


# --- a deeply nested jsonl record is an input error, not an internal one (B16) ---


@pytest.mark.parametrize("depth", [100_000, 101])
def test_deeply_nested_jsonl_record_is_an_input_error(
    redactor: phimin.Redactor, depth: int
) -> None:
    nest = b"[" * depth + b'"' + NAME.encode() + b'"' + b"]" * depth
    record = b'{"text": "ok", "n": ' + nest + b"}\n"
    code, out, err = cli(redactor, ["--jsonl"], b'{"text": "fine"}\n' + record)
    assert (code, out) == (ExitCode.USAGE, b""), err  # a short input: nothing written
    assert "line 2 is nested deeper than 100 levels" in err
    no_secrets(err)


def test_records_before_a_refused_line_are_whole_and_redacted(
    redactor: phimin.Redactor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filter_mode, "JSONL_GROUP_CHARS", 80)  # write every two records
    good = [json.dumps({"text": f"Mr. {NAME} called on line {i}."}) for i in range(5)]
    bad = '{"text": "ok", "n": ' + "[" * 500 + "]" * 500 + "}"
    code, out, err = cli(redactor, ["--jsonl"], "\n".join([*good, bad, good[0]]).encode())
    assert code == ExitCode.USAGE, err
    written = [json.loads(line) for line in out.decode().splitlines()]
    assert written == [{"text": f"Mr. [PERSON_1] called on line {i}."} for i in range(4)]
    assert "line 6 is nested deeper" in err
    no_secrets(out, err)


# --- --format json writes nothing before its input is read (B21) ---


def test_json_output_is_empty_when_the_input_is_refused(redactor: phimin.Redactor) -> None:
    code, out, err = cli(redactor, ["--format", "json"], b"\xff" + NAME.encode())
    assert (code, out) == (ExitCode.USAGE, b"")
    assert "not valid UTF-8 (byte offset 0)" in err
    no_secrets(err)


def test_a_refused_second_file_leaves_the_first_object_whole(
    redactor: phimin.Redactor, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(f"{NAME} called.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xc3\x28" + PHONE.encode())
    code, out, err = cli(redactor, ["--format", "json", "a.txt", "b.txt"], b"")
    assert code == ExitCode.USAGE
    lines = out.decode().splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["text"] == "[PERSON_1] called.\n"
    no_secrets(out, err)


# --- every string field of a jsonl record is redacted (B22) ---


def test_jsonl_other_string_fields_are_not_passed_through_unredacted(
    redactor: phimin.Redactor,
) -> None:
    record = b'{"text": "Client called.", "client_name": "Quillon Brackenridge"}\n'
    code, out, err = cli(redactor, ["--jsonl"], record)
    assert code == ExitCode.OK, err
    assert json.loads(out) == {"text": "Client called.", "client_name": "[PERSON_1]"}


def test_a_record_is_one_document_across_its_fields(
    redactor: phimin.Redactor, tmp_path: Path
) -> None:
    record = {
        "client_name": NAME,
        "text": f"{NAME} said her SSN is {SSN}; call {PHONE}.",
        "messages": [{"role": "user", "content": f"Ask {NAME} about {PHONE}."}],
        "session": 4,
        "billable": False,
        "supervisor": None,
    }
    code, out, err = cli(
        redactor, ["--jsonl", "--report", "r.json", "--explain"], json.dumps(record).encode()
    )
    assert code == ExitCode.OK, err
    got = json.loads(out)
    assert got["client_name"] == "[PERSON_1]"
    assert got["text"].startswith("[PERSON_1] said")  # the same person: the same placeholder
    assert "[PHONE_1]" in got["text"]
    assert got["messages"] == [{"role": "user", "content": "Ask [PERSON_1] about [PHONE_1]."}]
    assert (got["session"], got["billable"], got["supervisor"]) == (4, False, None)
    report = (tmp_path / "r.json").read_text(encoding="utf-8")
    findings = json.loads(report)["documents"][0]["findings"]
    fields = {f["field"] for f in findings}
    assert fields == {"/client_name", "/text", "/messages/0/content"}
    strings = {
        "/client_name": record["client_name"],
        "/text": record["text"],
        "/messages/0/content": record["messages"][0]["content"],  # type: ignore[index]
    }
    for f in findings:  # offsets are within the string the finding is in
        assert strings[f["field"]][f["start"] : f["end"]] in (NAME, SSN, PHONE)
    assert "<stdin>#1/messages/0/content" in err
    no_secrets(out, report, err)


def test_placeholder_text_anywhere_in_the_record_keeps_its_number(
    redactor: phimin.Redactor,
) -> None:
    record = {"text": f"{NAME} called.", "quote": "She signed it [PERSON_1]."}
    code, out, err = cli(redactor, ["--jsonl"], json.dumps(record).encode())
    assert code == ExitCode.OK, err
    got = json.loads(out)
    assert got["quote"] == "She signed it [PERSON_1]."
    assert "[PERSON_1]" not in got["text"] and "[PERSON_" in got["text"]


def test_jsonl_fields_passes_the_other_fields_through_unchanged(
    redactor: phimin.Redactor,
) -> None:
    record = {"text": f"Call {NAME}.", "client_name": NAME, "n": 1}
    line = json.dumps(record).encode()
    code, out, err = cli(redactor, ["--jsonl", "--jsonl-fields", "text"], line)
    assert code == ExitCode.OK, err
    assert json.loads(out) == {"text": "Call [PERSON_1].", "client_name": NAME, "n": 1}
