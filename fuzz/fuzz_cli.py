"""Fuzz `redact`'s entry point, `main(argv)`, in-process with fuzzed stdin bytes.

One Redactor is loaded once. Each input picks a flag combination, may have a canary
identifier (synthetic) planted at a fuzzed position, and runs through `main`. Findings:

- crash: any exception out of `main`, exit 3 (internal error), an exit 2 on input
  that is valid UTF-8 (and, in jsonl mode, valid records), or output that is not
  UTF-8;
- leak: the planted canary (or its digits in a row) in the redacted text (stdout; for
  json the "text" field), or anything of it on stderr.

Run it through `python fuzz/run.py`, or directly: `python fuzz/fuzz_cli.py -max_total_time=60`.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["phimin"]):
    import phimin
    import phimin._redactor
    import phimin.cli.check
    import phimin.cli.document
    import phimin.cli.filter_mode
    import phimin.cli.output
    import phimin.cli.positions
    import phimin.cli.pragmas
    import phimin.cli.streams
    from phimin.cli.main import main
    from phimin.cli.streams import Streams

from _common import Stats, where

FLAGS: list[list[str]] = [
    [],
    ["--format", "json"],
    ["--format", "jsonl"],
    ["--check", "-"],
    ["--policy", "strict"],
    ["--explain"],
    ["--keep", "substance_use", "--format", "json"],
]
# (label, value): the label makes the value unmistakable, as in a real note.
CANARIES: list[tuple[str, str]] = [
    ("SSN ", "417-38-2906"),
    ("call ", "410-862-5173"),
    ("email ", "q.brackenridge@example.org"),
    ("MRN ", "48213977"),
    ("DOB ", "03/14/1987"),
    ("Mr. ", "Quillon Brackenridge"),
]
EMPTY_DIR = Path(tempfile.mkdtemp(prefix="phimin-fuzz-cwd-"))
STATS = Stats("cli")
REDACTOR = phimin.Redactor()


def _factory(spec: object) -> phimin.Redactor:
    return REDACTOR


def _forms(value: str) -> list[str]:
    digits = "".join(c for c in value if c.isdigit())
    return [value] + ([digits] if len(digits) >= 7 and "/" not in value else [])


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    flags = FLAGS[fdp.ConsumeIntInRange(0, len(FLAGS) - 1)]
    which = fdp.ConsumeIntInRange(0, len(CANARIES))  # len(CANARIES): plant nothing
    at = fdp.ConsumeIntInRange(0, 4096)
    body = original = fdp.ConsumeBytes(fdp.remaining_bytes())
    canary = CANARIES[which] if which < len(CANARIES) else None
    if canary is not None:
        at = min(at, len(body))
        body = body[:at] + f" {canary[0]}{canary[1]} .".encode() + body[at:]
    stdin = body
    jsonl = "jsonl" in flags
    if jsonl and _valid_utf8(body):
        stdin = json.dumps({"text": body.decode("utf-8"), "n": 1}).encode()
    out, err = io.BytesIO(), io.StringIO()
    STATS.executed()
    try:
        streams = Streams(io.BytesIO(stdin), out, err)
        code = main(flags, streams=streams, redactor_factory=_factory, cwd=EMPTY_DIR)
    except BaseException as exc:
        STATS.finding("crash", data, f"main raised {where(exc)} with {flags}")
        return
    STATS.outcome(f"exit {int(code)}")
    stdout, stderr = out.getvalue(), err.getvalue()
    if code == 3:
        STATS.finding("crash", data, f"exit 3 with {flags}: {_first_line(stderr)}")
        return
    if code == 2 and _valid_utf8(body):
        STATS.finding("crash", data, f"exit 2 on valid UTF-8 with {flags}: {_first_line(stderr)}")
        return
    try:
        text = stdout.decode("utf-8")
    except UnicodeDecodeError:
        STATS.finding("crash", data, f"stdout is not UTF-8 with {flags}")
        return
    if canary is None or code not in (0, 1):
        return
    shown = text
    if flags[:2] == ["--format", "json"] or "json" in flags[-1:]:
        try:
            shown = json.loads(text)["text"]
        except (ValueError, KeyError, TypeError):
            STATS.finding("crash", data, f"json output does not parse with {flags}")
            return
    elif jsonl:
        shown = "".join(json.loads(line)["text"] for line in text.splitlines() if line.strip())
    # A leak is the canary seen more often in the output than in the input before it was
    # planted (fuzzed text may spell it too, glued where no detector can see it). Digits
    # in a row count only for numbers that phimin never keeps a part of (not dates).
    before = original.decode("utf-8", "replace")
    for form in _forms(canary[1]):
        if form.isdigit():
            out_n, in_n = _digits(shown).count(form), _digits(before).count(form)
        else:
            out_n, in_n = shown.count(form), before.count(form)
        if out_n > in_n or form in stderr:
            STATS.finding("leak", data, f"{canary[0].strip()} canary survived with {flags}")
            return


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:160] if text.strip() else ""


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
