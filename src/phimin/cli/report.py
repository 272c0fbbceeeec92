"""`--report FILE`: an audit record of what was found and done, never the text.

One JSON file per run: the tool version, policy and model, then per document its
source (a path or `<stdin>`; in jsonl mode also `record_line`, the input line), each
finding's entity, category, rule id, action, line:col, offsets and score (and, in
check mode, what became of it), and counts per document and for the run.

The report is written when the run ends, but its findings arrive while the input
streams: each document is spooled as JSON (`phimin.cli.spool`) as its findings come,
and only counts stay in memory, so a long input's report costs disk, not memory.
The file is laid out as `json.dumps(..., indent=2)` would write it.
"""

from __future__ import annotations

import codecs
import json
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from phimin.cli.positions import Located
from phimin.cli.spool import MEMORY_BYTES, FindingSpool, SummaryCounts, indented
from phimin.cli.streams import atomic_output
from phimin.cli.version import tool_version

__all__ = ["REPORT_SCHEMA", "AuditReport"]

REPORT_SCHEMA = 1
_INDENT = 2


class AuditReport:
    def __init__(self, *, mode: str, policy: str, model: str | None) -> None:
        self._head: dict[str, object] = {
            "schema": REPORT_SCHEMA,
            "tool": f"phimin {tool_version()}",
            "mode": mode,
            "policy": policy,
            "model": model or "default",
        }
        # Lives as long as this object (closed by close(), or when collected).
        self._documents: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=MEMORY_BYTES)  # noqa: SIM115
        self._count = 0  # documents written to the spool
        self._run = SummaryCounts()
        self._open: tuple[dict[str, object], FindingSpool] | None = None

    # --- one document at a time, as it streams -----------------------------------------

    def begin(self, source: str, *, record: int | None = None) -> None:
        if self._open is not None:
            raise RuntimeError("the previous report document is still open")
        document: dict[str, object] = {"source": source}
        if record is not None:
            document["record_line"] = record
        self._open = (document, FindingSpool(indent=_INDENT, level=3))

    def findings(self, located: Sequence[Located], outcomes: Sequence[str] | None = None) -> None:
        if self._open is None:
            raise RuntimeError("no report document is open")
        spool = self._open[1]
        items = []
        for i, loc in enumerate(located):
            item = loc.to_dict()
            if outcomes is not None:
                item["check"] = outcomes[i]
            items.append((loc.finding, item))
            self._run.add(loc.finding)
        spool.add(items)

    def end(self) -> None:
        if self._open is None:
            raise RuntimeError("no report document is open")
        document, spool = self._open
        self._open = None
        pad = " " * (_INDENT * 3)  # the document's fields, inside "documents": [ { ...
        fields = [f"{pad}{json.dumps(k)}: {indented(v, _INDENT, 3)}" for k, v in document.items()]
        opening = (",\n" if self._count else "\n") + " " * (_INDENT * 2) + "{\n"
        text = opening + ",\n".join(fields) + f',\n{pad}"findings": '
        self._documents.write(text.encode("utf-8"))
        for chunk in spool.chunks():
            self._documents.write(chunk.encode("utf-8"))
        summary = indented(spool.counts.summary().to_dict(), _INDENT, 3)
        closing = f',\n{pad}"summary": {summary}\n' + " " * (_INDENT * 2) + "}"
        self._documents.write(closing.encode("utf-8"))
        spool.close()
        self._count += 1

    def add(
        self,
        source: str,
        located: Sequence[Located],
        *,
        record: int | None = None,
        outcomes: Sequence[str] | None = None,
    ) -> None:
        """A whole document at once."""
        self.begin(source, record=record)
        self.findings(located, outcomes)
        self.end()

    # --- the file ------------------------------------------------------------------------

    def chunks(self) -> Iterator[str]:
        """The report's JSON text, in pieces."""
        head = json.dumps(self._head, indent=_INDENT, ensure_ascii=False)
        yield head[: head.rindex("\n")] + ',\n  "documents": ['
        if self._count:
            self._documents.flush()
            self._documents.seek(0)
            decoder = codecs.getincrementaldecoder("utf-8")()
            while block := self._documents.read(1 << 16):
                yield decoder.decode(block)  # a character may span two blocks
            yield decoder.decode(b"", final=True) + "\n" + " " * _INDENT
        summary = {"documents": self._count, **self._run.summary().to_dict()}
        yield f'],\n  "summary": {indented(summary, _INDENT, 1)}\n}}\n'

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = json.loads("".join(self.chunks()))
        return data

    def write(self, path: Path) -> None:
        with atomic_output(path, what="--report") as handle:
            for chunk in self.chunks():
                handle.write(chunk.encode("utf-8"))
