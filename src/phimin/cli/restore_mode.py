"""`redact --restore --vault FILE`: put the originals back into text an LLM wrote.

The vault is read once (one consistent snapshot for the run) and each input is
restored with phimin's restore rules (tolerant of what LLMs do to placeholders, never
guessing; see `phimin.Session.restore`): identifiers, generalized wordings and shifted
dates alike, unless `--keep-generalized`. No model is loaded: this reads the vault's
ledger directly rather than through a `Session`, which would import the redaction
pipeline.

- text (default) streams: the input is read in blocks and each restored piece is
  written once decided (`StreamRestorer`), so memory does not grow with the input.
- `--format json`: each input is one JSON document (an LLM's JSON-mode reply, a tool
  call's arguments), read whole; its string values are restored and the output is
  valid JSON whenever the input was (`restore_json`).
- `--format jsonl`: one JSON document per line, each restored that way, streamed.

What was left is reported by place and reason, never by text: on stderr one line per
item (`redact: draft.md:3:14: left [PERSON_9] (not_issued)`, at most `SHOWN_LEFT`
of them) and one line of counts; with `--report FILE`, all of them as JSON. The token
named is phimin's own form (a placeholder, a wording, or `DATE` for a date the session
did not write), never an original.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

from phimin._errors import InputError
from phimin._restore import REASONS, Ledger, StreamRestorer, Unrestored, restore_json
from phimin.cli.exit_codes import ExitCode
from phimin.cli.settings import Settings
from phimin.cli.streams import (
    Streams,
    atomic_output,
    check_readable,
    decode_utf8,
    display_name,
    open_input,
    output_target,
    read_blocks,
)
from phimin.cli.vault import open_vault
from phimin.cli.version import tool_version

__all__ = ["SHOWN_LEFT", "LineCounter", "run_restore", "summary_line"]

SHOWN_LEFT = 20  # items left that stderr lists one by one; --report lists them all
RESTORE_REPORT_SCHEMA = 1


@dataclass(frozen=True, slots=True)
class Left:
    """One token left in the text: where (1-based line and column, in characters) and why."""

    line: int
    col: int
    token: str
    reason: str
    record: int | None = None  # jsonl: the input line of the record

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"line": self.line, "col": self.col}
        if self.record is not None:
            data["record_line"] = self.record
        data.update(token=self.token, reason=self.reason)
        return data


class LineCounter:
    """Turns offsets into line:col while text streams past, keeping only what it must.

    `feed` the input in order; `place` offsets in increasing order; `forget` up to an
    offset no later `place` will ask for before.
    """

    def __init__(self) -> None:
        self._text = ""
        self._base = 0  # offset of self._text[0]
        self._line = 1  # line at _base
        self._line_start = 0  # offset where that line starts

    def feed(self, text: str) -> None:
        self._text += text

    def place(self, offset: int) -> tuple[int, int]:
        self._advance(offset)
        return self._line, offset - self._line_start + 1

    def forget(self, offset: int) -> None:
        self._advance(offset)

    def _advance(self, offset: int) -> None:
        cut = offset - self._base
        if cut < 0 or cut > len(self._text):
            raise ValueError("offset out of order with the stream")
        breaks = self._text.count("\n", 0, cut)
        if breaks:
            self._line += breaks
            self._line_start = self._base + self._text.rfind("\n", 0, cut) + 1
        self._text = self._text[cut:]
        self._base = offset


@dataclass
class _Tally:
    """What one run restored and left, by input."""

    restored: int = 0
    left: Counter[str] = field(default_factory=Counter)
    documents: list[dict[str, object]] = field(default_factory=list)
    shown: int = 0


def run_restore(settings: Settings, io: Streams) -> int:
    check_readable(settings.inputs)
    ledger = open_vault(settings, create=False).read()
    generalized = not settings.keep_generalized
    tally = _Tally()
    # Every JSON input is read, checked and restored before a byte is written: one that
    # is not JSON (a reply cut short) stops the run with nothing on stdout.
    documents = (
        [_whole_json(source, io, ledger, generalized) for source in settings.inputs]
        if settings.format == "json"
        else []
    )
    # Restored text holds the originals: a new -o file is readable by its owner only.
    with output_target(settings.output, io.stdout, new_mode=0o600) as sink:
        for index, source in enumerate(settings.inputs):
            name = display_name(source)
            if documents:
                text, restored, left = documents[index]
                sink.write(text.encode("utf-8"))
                sink.flush()
            else:
                restored, left = _streamed(settings, source, io, ledger, sink)
            tally.restored += restored
            tally.left.update(item.reason for item in left)
            tally.documents.append(_document(name, restored, left))
            if settings.show_info:
                _show(io.stderr, name, left, tally)
    incomplete = sum(tally.left.values()) > 0
    if settings.show_info and tally.shown > SHOWN_LEFT:
        more = tally.shown - SHOWN_LEFT
        hint = "" if settings.report is not None else " (--report FILE lists them all)"
        io.stderr.write(f"redact: ... and {more} more left{hint}\n")
    if settings.show_info or (settings.strict and incomplete):
        io.stderr.write(summary_line(tally.restored, tally.left, generalized=generalized))
        io.stderr.flush()
    if settings.report is not None:
        _write_report(settings, tally)
    return ExitCode.FINDINGS if settings.strict and incomplete else ExitCode.OK


def _streamed(
    settings: Settings, source: str, io: Streams, ledger: Ledger, sink: BinaryIO
) -> tuple[int, list[Left]]:
    """One text or JSON-lines input, restored and written piece by piece as it is read."""
    generalized = not settings.keep_generalized
    with open_input(source, io.stdin) as handle:
        if settings.format == "jsonl":
            return _json_lines(handle, source, ledger, generalized, sink)
        return _text(handle, source, ledger, generalized, sink)


def _text(
    handle: BinaryIO, source: str, ledger: Ledger, generalized: bool, sink: BinaryIO
) -> tuple[int, list[Left]]:
    """Stream one text input through a restorer, writing each decided piece at once."""
    restorer = StreamRestorer(ledger, generalized=generalized)
    lines = LineCounter()
    left: list[Left] = []
    seen = 0  # restorer.unrestored already placed

    def place() -> None:
        nonlocal seen
        for item in restorer.unrestored[seen:]:
            line, col = lines.place(item.start)
            left.append(Left(line, col, item.token, item.reason))
        seen = len(restorer.unrestored)

    for block in decode_utf8(read_blocks(handle), source):
        lines.feed(block)
        out = restorer.feed(block)
        if out:
            sink.write(out.encode("utf-8"))
            sink.flush()
        place()
        lines.forget(restorer.emitted)  # nothing before it is reported any more
    out = restorer.finish()
    if out:
        sink.write(out.encode("utf-8"))
        sink.flush()
    place()
    return restorer.restored, left


def _whole_json(
    source: str, io: Streams, ledger: Ledger, generalized: bool
) -> tuple[str, int, list[Left]]:
    """One JSON input restored (not yet written), or `InputError` if it is not JSON.

    `restore_json` restores text that is not JSON as plain text, which suits a tool
    call's partial arguments; `--format json` promises JSON out, so input that is not
    JSON (truncated, or plain text) fails closed here instead.
    """
    with open_input(source, io.stdin) as handle:
        text = "".join(decode_utf8(read_blocks(handle), source)).removeprefix(_BOM)
    _check_json(text, source)
    result = restore_json(text, ledger, generalized=generalized)
    return result.text, result.restored, _placed(text, result.unrestored)


_BOM = "\ufeff"  # a UTF-8 byte order mark some Windows tools write: no text, dropped


def _check_json(text: str, source: str, line: int | None = None) -> None:
    """Raise `InputError` naming where `text` stops being JSON (a place, never the text).

    `redact: reply.json: the input is not valid JSON: unterminated string starting at
    line 1, column 56 (cut short?)`; for `--jsonl` the line is the record's.
    """
    try:
        json.loads(text)
    except RecursionError:
        problem = "it is nested too deeply"
    except json.JSONDecodeError as exc:  # its message is fixed words, never the input
        if not text.strip():
            raise InputError(f"{display_name(source)}: the input is empty, not JSON") from None
        row = line if line is not None else exc.lineno
        problem = f"{exc.msg.lower().removesuffix(' at')} at line {row}, column {exc.colno}"
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated"):
            problem += " (cut short?)"
        elif exc.pos == len(text) - len(text.lstrip()):  # "Call [PERSON_1] at ..."
            problem += " (plain text? restore it without --format)"
    else:
        return
    record = "a line" if line is not None else "the input"
    raise InputError(f"{display_name(source)}: {record} is not valid JSON: {problem}")


def _json_lines(
    handle: BinaryIO, source: str, ledger: Ledger, generalized: bool, sink: BinaryIO
) -> tuple[int, list[Left]]:
    """Each line one JSON document, restored on its own (line breaks pass as they are)."""
    restored = 0
    left: list[Left] = []
    for number, read, ending in _lines(decode_utf8(read_blocks(handle), source)):
        line = read.removeprefix(_BOM) if number == 1 else read
        if line.strip():  # a blank line passes as it is; any other must be JSON
            _check_json(line, source, number)
        result = restore_json(line, ledger, generalized=generalized)
        sink.write((result.text + ending).encode("utf-8"))
        sink.flush()
        restored += result.restored
        left.extend(
            Left(number, col, item.token, item.reason, record=number)
            for _, col, item in _positions(line, result.unrestored)
        )
    return restored, left


def _placed(text: str, unrestored: tuple[Unrestored, ...]) -> list[Left]:
    return [Left(line, col, u.token, u.reason) for line, col, u in _positions(text, unrestored)]


def _positions(
    text: str, unrestored: tuple[Unrestored, ...]
) -> Iterator[tuple[int, int, Unrestored]]:
    counter = LineCounter()
    counter.feed(text)
    for item in sorted(unrestored, key=lambda u: u.start):
        line, col = counter.place(item.start)
        yield line, col, item


def _lines(blocks: Iterator[str]) -> Iterator[tuple[int, str, str]]:
    """(number, line, its line break) from a stream of blocks; the break is kept as read."""
    number = 0
    partial = ""
    for block in blocks:
        partial += block
        while True:
            cut = partial.find("\n")
            if cut < 0:
                break
            line, partial = partial[: cut + 1], partial[cut + 1 :]
            number += 1
            body = line[:-1]
            ending = "\r\n" if body.endswith("\r") else "\n"
            yield number, body.removesuffix("\r"), ending
    if partial:
        yield number + 1, partial, ""


def _show(stderr: TextIO, name: str, left: list[Left], tally: _Tally) -> None:
    for item in left:
        tally.shown += 1
        if tally.shown <= SHOWN_LEFT:
            stderr.write(
                f"redact: {name}:{item.line}:{item.col}: left {item.token} ({item.reason})\n"
            )


def _document(name: str, restored: int, left: list[Left]) -> dict[str, object]:
    counts = Counter(item.reason for item in left)
    return {
        "source": name,
        "restored": restored,
        "left": [item.to_dict() for item in left],
        "left_by_reason": {reason: counts[reason] for reason in REASONS if counts[reason]},
    }


def _write_report(settings: Settings, tally: _Tally) -> None:
    assert settings.report is not None
    report = {
        "schema": RESTORE_REPORT_SCHEMA,
        "tool": f"phimin {tool_version()}",
        "mode": "restore",
        "generalized": not settings.keep_generalized,
        "documents": tally.documents,
        "summary": {
            "documents": len(tally.documents),
            "restored": tally.restored,
            "left": sum(tally.left.values()),
            "left_by_reason": {r: tally.left[r] for r in REASONS if tally.left[r]},
        },
    }
    with atomic_output(settings.report, what="--report") as handle:
        handle.write((json.dumps(report, indent=2) + "\n").encode("utf-8"))


def summary_line(restored: int, left: Counter[str], *, generalized: bool) -> str:
    """`redact: restored 3; left not_issued: 1` (counts by reason only)."""
    parts = [f"{reason}: {left[reason]}" for reason in REASONS if left[reason]]
    line = f"redact: restored {restored}; left {', '.join(parts) if parts else 'none'}"
    if left["not_requested"] and not generalized:
        line += " (generalized content kept, as --keep-generalized asks)"
    if left["unknown_date"]:
        line += " (dates were shifted: a date the session did not write is in shifted time)"
    return line + "\n"
