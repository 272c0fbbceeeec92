"""Output formats: text, json and jsonl.

Writers receive redacted text only, with the findings of each piece. `text` streams
each piece as it is produced and drops the findings; `json` streams the text into a
JSON string and closes the object with the findings and summary once the document is
done, keeping the findings meanwhile in a spool (`phimin.cli.spool`), so neither holds
the document or its findings in memory. `jsonl` writes one redacted record per input
line, a group of records at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import BinaryIO, Protocol

from phimin.cli.positions import Located
from phimin.cli.spool import FindingSpool

__all__ = ["DocumentWriter", "JsonWriter", "TextWriter", "write_records"]


class DocumentWriter(Protocol):
    def begin(self, source: str | None) -> None: ...

    def piece(self, text: str, located: Sequence[Located] = ()) -> None: ...

    def end(self, located: Sequence[Located] = ()) -> None: ...


class TextWriter:
    """The redacted text, exactly (line endings as in the input)."""

    def __init__(self, sink: BinaryIO) -> None:
        self._sink = sink

    def begin(self, source: str | None) -> None:
        return None

    def piece(self, text: str, located: Sequence[Located] = ()) -> None:
        if text:
            self._sink.write(text.encode("utf-8"))
            self._sink.flush()

    def end(self, located: Sequence[Located] = ()) -> None:
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
        self._findings = FindingSpool()

    def begin(self, source: str | None) -> None:
        head = "{"
        if self._with_path:
            head += f'"path": {json.dumps(source, ensure_ascii=False)}, '
        self._head = head + '"text": "'
        self._findings.close()
        self._findings = FindingSpool()

    def piece(self, text: str, located: Sequence[Located] = ()) -> None:
        body = json.dumps(text, ensure_ascii=False)[1:-1] if text else ""
        if body or self._head:
            self._write(body)
        self._findings.add((loc.finding, loc.to_dict()) for loc in located)

    def end(self, located: Sequence[Located] = ()) -> None:
        spool = self._findings
        spool.add((loc.finding, loc.to_dict()) for loc in located)
        self._write('", "findings": ')
        for chunk in spool.chunks():
            self._sink.write(chunk.encode("utf-8"))
        summary = json.dumps(spool.counts.summary().to_dict(), ensure_ascii=False)
        self._write(f', "summary": {summary}}}\n')
        spool.close()
        self._findings = FindingSpool()

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
