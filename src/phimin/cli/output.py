"""Output formats: text, json and jsonl.

Writers receive redacted text only. `text` streams each piece as it is produced;
`json` streams the text into a JSON string and closes the object with the findings
and summary once the document is done, so neither holds the document in memory.
`jsonl` writes one redacted record per input line, a group of records at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import BinaryIO, Protocol

from phimin._findings import Summary
from phimin.cli.positions import Located

__all__ = ["DocumentWriter", "JsonWriter", "TextWriter", "summary_of", "write_records"]


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


def write_records(sink: BinaryIO, records: Iterable[Mapping[str, object]]) -> None:
    """jsonl: the records, one JSON object per line, in one write."""
    lines = [json.dumps(record, ensure_ascii=False) + "\n" for record in records]
    if lines:
        sink.write("".join(lines).encode("utf-8"))
        sink.flush()


def summary_of(located: Sequence[Located]) -> dict[str, object]:
    return Summary.of(tuple(loc.finding for loc in located)).to_dict()
