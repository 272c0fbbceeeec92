"""Output formats: text, json and jsonl.

Writers receive redacted text only. `text` streams each piece as it is produced;
`json` streams the text into a JSON string and closes the object with the findings
and summary once the document is done, so neither holds the document in memory.
`jsonl` writes one redacted record per input line, in groups.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import BinaryIO, Protocol

from phimin._findings import Summary
from phimin.cli.positions import Located

__all__ = ["DocumentWriter", "JsonWriter", "RecordWriter", "TextWriter", "summary_of"]


class DocumentWriter(Protocol):
    def begin(self, source: str | None) -> None: ...

    def piece(self, text: str) -> None: ...

    def end(self, located: Sequence[Located]) -> None: ...


class TextWriter:
    """The redacted text, exactly (line endings as in the input)."""

    def __init__(self, sink: BinaryIO) -> None:
        self._sink = sink

    def begin(self, source: str | None) -> None:
        return None

    def piece(self, text: str) -> None:
        if text:
            self._sink.write(text.encode("utf-8"))
            self._sink.flush()

    def end(self, located: Sequence[Located]) -> None:
        return None


class JsonWriter:
    """`{"text": ..., "findings": [...], "summary": {...}}`, one object (line) per document.

    With several inputs, each object also has a "path" field naming its input. The
    object's head is written with the first redacted piece (or at the end of an empty
    document), so an input refused before any piece leaves nothing on the output.
    """

    def __init__(self, sink: BinaryIO, *, with_path: bool) -> None:
        self._sink = sink
        self._with_path = with_path
        self._head = ""  # written with the next write; set by `begin`

    def begin(self, source: str | None) -> None:
        head = "{"
        if self._with_path:
            head += f'"path": {json.dumps(source, ensure_ascii=False)}, '
        self._head = head + '"text": "'

    def piece(self, text: str) -> None:
        body = json.dumps(text, ensure_ascii=False)[1:-1] if text else ""
        if body or self._head:
            self._write(body)

    def end(self, located: Sequence[Located]) -> None:
        findings = json.dumps([loc.to_dict() for loc in located], ensure_ascii=False)
        summary = json.dumps(summary_of(located), ensure_ascii=False)
        self._write(f'", "findings": {findings}, "summary": {summary}}}\n')

    def _write(self, text: str) -> None:
        head, self._head = self._head, ""
        self._sink.write((head + text).encode("utf-8"))
        self._sink.flush()


class RecordWriter:
    """jsonl: one JSON object per line, held until `hold_chars` of input are behind them.

    Records are written in groups, so a short input refused anywhere (invalid UTF-8, a
    bad line) writes nothing, as a text input shorter than one redaction window does.
    """

    def __init__(self, sink: BinaryIO, *, hold_chars: int) -> None:
        self._sink = sink
        self._hold_chars = hold_chars
        self._held: list[bytes] = []
        self._chars = 0  # input characters behind the held records

    def record(self, record: Mapping[str, object], input_chars: int) -> None:
        self._held.append((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        self._chars += input_chars
        if self._chars >= self._hold_chars:
            self.flush()

    def flush(self) -> None:
        if self._held:
            self._sink.write(b"".join(self._held))
            self._sink.flush()
        self._held, self._chars = [], 0


def summary_of(located: Sequence[Located]) -> dict[str, object]:
    return Summary.of(tuple(loc.finding for loc in located)).to_dict()
