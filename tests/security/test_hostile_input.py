"""Hostile input: bad UTF-8, NUL bytes, odd line breaks, one enormous line, placeholders.

Every identifier here is synthetic, written for this file.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import phimin
from phimin._findings import Action
from phimin.cli.exit_codes import ExitCode
from phimin.cli.main import main
from phimin.cli.settings import RedactorSpec
from phimin.cli.streams import BLOCK_BYTES, Streams

NAME, PHONE, SSN = "Quillon Brackenridge", "410-862-5173", "417-38-2906"
SECRETS = (NAME, "Brackenridge", PHONE, "4108625173", SSN, "417382906")
LINE = f"Mr. {NAME} called from {PHONE} (SSN {SSN}) on 03/14/2024."
FILLER = "We talked about sleep, work and the week ahead; it went fine."


def no_secrets(*blobs: str | bytes) -> None:
    for blob in blobs:
        data = blob.decode("utf-8", "replace") if isinstance(blob, bytes) else blob
        for secret in SECRETS:
            assert secret not in data


def cli(redactor: phimin.Redactor, argv: list[str], stdin: bytes = b"") -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()

    def factory(spec: RedactorSpec) -> Any:
        return redactor

    code = main(argv, streams=Streams(io.BytesIO(stdin), out, err), redactor_factory=factory)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- invalid UTF-8 ----------------------------------------------------------------------

GOOD = f"{LINE}\n".encode()
INVALID = {
    "lone continuation byte": b"\x80",
    "invalid start byte": b"\xff",
    "overlong slash": b"\xc0\xaf",
    "encoded surrogate": b"\xed\xa0\x80",
    "beyond U+10FFFF": b"\xf4\x90\x80\x80",
    "truncated at the end": b"\xe2\x82",
    "latin-1 name": "Brackenridge, Zoë".encode("latin-1"),
}


@pytest.mark.parametrize("where", ["start", "middle", "end"])
@pytest.mark.parametrize("bad", sorted(INVALID))
@pytest.mark.parametrize("argv", [[], ["--format", "jsonl"], ["--check", "-"]])
def test_invalid_utf8_exits_2_and_writes_nothing(
    redactor: phimin.Redactor, here: Path, bad: str, where: str, argv: list[str]
) -> None:
    body = b'{"text": "%s"}\n' % LINE.encode() if argv[-1:] == ["jsonl"] else GOOD
    data = {
        "start": INVALID[bad] + body * 3,
        "middle": body * 2 + INVALID[bad] + body,
        "end": body * 3 + INVALID[bad],
    }[where]
    code, out, err = cli(redactor, argv, data)
    assert code == ExitCode.USAGE
    assert out == b""
    assert "not valid UTF-8 (byte offset" in err
    no_secrets(err)


def test_invalid_utf8_after_streamed_output_leaves_only_redacted_text(
    redactor: phimin.Redactor, here: Path
) -> None:
    """Past the first stream window, output already written stays: it is redacted text."""
    valid = (GOOD + b"\n" * 4000) * 80  # ~ 330 KB, past the first stream window (cheap lines)
    code, clean, _ = cli(redactor, [], valid)
    assert code == ExitCode.OK
    code, out, err = cli(redactor, [], valid + b"\xff" + GOOD)
    assert code == ExitCode.USAGE
    assert out and clean.startswith(out) and len(out) < len(clean)
    no_secrets(out, err)
    code, out, err = cli(redactor, ["-o", "safe.txt"], valid + b"\xff")
    assert (code, out) == (ExitCode.USAGE, b"")
    assert not any(here.iterdir()), "no output file, not even a partial one"


def test_invalid_utf8_in_check_mode_is_reported_without_bytes(
    redactor: phimin.Redactor, here: Path
) -> None:
    (here / "bad.md").write_bytes(GOOD + b"\xff" + GOOD)
    (here / "good.md").write_bytes(GOOD)
    code, out, err = cli(redactor, ["--check", "bad.md", "good.md"])
    assert code == ExitCode.USAGE
    assert f"bad.md: not valid UTF-8 (byte offset {len(GOOD)})" in err
    assert b"good.md:1:" in out, "the readable file is still checked"
    no_secrets(out, err)


# --- NUL bytes, control characters and line breaks ----------------------------------------

BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", "\x00"]


def assert_unchanged_outside_findings(text: str, result: phimin.Redaction) -> None:
    """Every character outside a changing finding is in the output, in order, unchanged,
    and what replaced each finding is one line of phimin's own wording."""
    changed = [f for f in result.findings if f.action is not Action.KEEP]
    out, pos, last = result.text, 0, 0
    for f in changed:
        gap = text[last : f.start]
        assert out.startswith(gap, pos), f"text before offset {f.start} was altered"
        pos += len(gap)
        following = text[f.end : next((g.start for g in changed if g.start >= f.end), len(text))]
        end = out.find(following, pos) if following else len(out)
        replacement = out[pos:end]
        assert replacement and not any(b in replacement for b in BREAKS)
        pos, last = end, f.end
    assert out[pos:] == text[last:]


@pytest.mark.parametrize("brk", BREAKS, ids=[repr(b) for b in BREAKS])
def test_line_breaks_and_nul_are_kept_byte_for_byte(redactor: phimin.Redactor, brk: str) -> None:
    text = brk.join([LINE, FILLER, "", LINE, FILLER + brk + brk + LINE]) + brk
    result = redactor.redact(text)
    assert_unchanged_outside_findings(text, result)
    no_secrets(result.text)
    for b in BREAKS:
        assert result.text.count(b) == text.count(b)


def test_mixed_line_breaks_through_the_cli(redactor: phimin.Redactor, here: Path) -> None:
    text = "".join(f"{LINE}{b}{FILLER}{b}" for b in BREAKS * 3)
    code, out, err = cli(redactor, [], text.encode())
    assert code == ExitCode.OK and err == ""
    assert out.decode() == redactor.redact(text).text
    assert_unchanged_outside_findings(text, redactor.redact(text))
    for b in BREAKS:
        assert out.count(b.encode()) == text.encode().count(b.encode())


def test_identifiers_beside_nul_and_controls_are_found(redactor: phimin.Redactor) -> None:
    text = f"\x00Mr. {NAME} called\x1b[0m {PHONE}\x07; SSN\t{SSN}\x00\x00"
    result = redactor.redact(text)
    no_secrets(result.text)
    assert_unchanged_outside_findings(text, result)


def test_a_multibyte_character_split_across_read_blocks(
    redactor: phimin.Redactor, here: Path
) -> None:
    lead = ("x" * (BLOCK_BYTES - 1)).encode()
    data = lead + f"é {LINE}\n".encode()  # é straddles the first block boundary
    code, out, err = cli(redactor, [], data)
    assert code == ExitCode.OK, err
    assert out.startswith(lead + "é ".encode())
    no_secrets(out)


# --- text that looks like phimin's own output --------------------------------------------

LOOKALIKES = [
    "[PERSON_1]",
    "[PERSON_2]",
    "[PHONE_1]",
    "[SSN_1]",
    "[date in 2020]",
    "[date]",
    "[city in Maryland]",
    "[location]",
    "[ZIP 212xx]",
    "[postal code]",
    "90+",
    "[immigration status]",
    "[immigration matter]",
]


def test_lookalikes_are_left_alone_and_never_reused(redactor: phimin.Redactor) -> None:
    text = " ".join(LOOKALIKES) + f" -- {LINE} {NAME} again."
    result = redactor.redact(text)
    assert result.text.startswith(" ".join(LOOKALIKES) + " -- ")
    changed = [f for f in result.findings if f.action is not Action.KEEP]
    assert all(f.start >= text.index(" -- ") for f in changed), "a lookalike was redacted"
    assert "[PERSON_3]" in result.text and "[PHONE_2]" in result.text
    assert "[SSN_2]" in result.text
    assert result.text.count("[PERSON_1]") == 1 and result.text.count("[PHONE_1]") == 1
    no_secrets(result.text)


def test_a_lookalike_beside_an_identifier_does_not_shield_it(redactor: phimin.Redactor) -> None:
    for text in (
        f"[PERSON_1] {PHONE}",
        f"[date in 2020]{SSN}",
        f"SSN {SSN}[PHONE_1]",
        f"[immigration status] Mr. {NAME}",
        f"[PHONE_1], {PHONE}, [PHONE_2]",
    ):
        no_secrets(redactor.redact(text).text)


def test_session_literals_are_reserved_and_contested(redactor: phimin.Redactor) -> None:
    """A literal in a later turn contests the issued placeholder, in any tolerated form."""
    forms = ["[person_1]", "PERSON_1", "[ PERSON_1 ]", "\\[PERSON\\_1\\]", "[PERSON_1's]"]
    for form in forms:
        session = phimin.Session(redactor)
        assert session.redact(f"{NAME} called.").text == "[PERSON_1] called."
        session.redact(f"A letter signed {form} arrived.")
        report = session.restore_report("[PERSON_1] will call back.")
        assert report.text == "[PERSON_1] will call back."
        assert [u.reason for u in report.unrestored] == ["contested"], form


def test_restore_of_hostile_llm_output_is_bounded_and_quotes_nothing(
    redactor: phimin.Redactor,
) -> None:
    session = phimin.Session(redactor)
    session.redact(f"{LINE} {NAME} again.")
    hostile = (
        "[PERSON_" * 2000
        + "PERSON_1 " * 500
        + "[" * 3000
        + "\\[" * 1000
        + "_1]" * 1000
        + "[PERSON_99999999]"
        + "[PERSON_01] [PERSON_1a] [PERSON_11]"
    )
    report = session.restore_report(hostile)
    assert report.restored == 499  # the first PERSON_1 is glued to a "[PERSON_"
    for u in report.unrestored:
        assert u.token.startswith("[") and u.reason in ("not_issued", "contested", "ambiguous")
    no_secrets(repr(report), json.dumps([u.to_dict() for u in report.unrestored]))
    assert report.text.count(NAME) == report.restored


# --- one enormous line --------------------------------------------------------------------

PEAK_RSS = """\
import resource, subprocess, sys
with open(sys.argv[1], "rb") as stdin, open(sys.argv[2], "wb") as stdout:
    code = subprocess.run(sys.argv[3:], stdin=stdin, stdout=stdout).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


@pytest.mark.slow
def test_a_20_mb_single_line_streams_with_bounded_memory(tmp_path: Path) -> None:
    """20 MB without one line break: windows and chunks must cut inside the line.

    The filler is dots (cheap for the model, so the run takes seconds, not an hour);
    identifiers every 256 KiB cross many windows. Peak RSS is a generous sanity bound.
    """
    planted = f" {LINE} "
    section = planted + "." * (256 * 1024 - len(planted))
    text = section * 80
    assert "\n" not in text and len(text.encode()) == 20 * 1024 * 1024
    source, target = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_text(text, encoding="utf-8")
    probe = tmp_path / "peak.py"
    probe.write_text(PEAK_RSS, encoding="utf-8")
    command = [sys.executable, "-m", "phimin.cli", "-q"]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, str(probe), str(source), str(target), *command],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    peak_kib, code = map(int, result.stdout.split())
    assert code == 0, result.stderr
    out = target.read_text(encoding="utf-8")
    safe = " Mr. [PERSON_1] called from [PHONE_1] (SSN [SSN_1]) on [date in 2024]. "
    assert out == text.replace(planted, safe)
    assert peak_kib < 1024 * 1024, f"peak RSS {peak_kib // 1024} MiB for a 20 MB line"
