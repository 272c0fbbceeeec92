"""Findings kept out of memory until they are written: for `--format json` and `--report`.

Both write a document's findings after its text (json) or after the whole run
(report), so the findings of a long input must be kept somewhere until then. A
`FindingSpool` keeps them as JSON in an anonymous temporary file (in memory up to
`MEMORY_BYTES`, then on disk, deleted when closed or when the process ends), and only
their counts in memory, so a run's memory does not grow with its findings. Findings
hold offsets, rule ids and counts, never text: the spool holds no PHI.
"""

from __future__ import annotations

import codecs
import json
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import IO

from phimin._findings import Finding, Summary

__all__ = ["MEMORY_BYTES", "FindingSpool", "SummaryCounts", "indented"]

MEMORY_BYTES = 1 << 20  # a spool stays in memory up to this size, then goes to a file


class SummaryCounts:
    """Counts of findings by entity, category and action, as `Summary` has them."""

    def __init__(self) -> None:
        self._entity: Counter[str] = Counter()
        self._category: Counter[str] = Counter()
        self._action: Counter[str] = Counter()
        self.total = 0

    def add(self, finding: Finding) -> None:
        self._entity[finding.entity] += 1
        self._category[finding.category.value] += 1
        self._action[finding.action.value] += 1
        self.total += 1

    def summary(self) -> Summary:
        return Summary(
            by_entity=_frozen(self._entity),
            by_category=_frozen(self._category),
            by_action=_frozen(self._action),
            total=self.total,
        )


def _frozen(counter: Counter[str]) -> Mapping[str, int]:
    return MappingProxyType(dict(sorted(counter.items())))


class FindingSpool:
    """A JSON array of finding objects, written out later; counts kept in memory.

    `indent` and `level` give the array's layout as `json.dumps(..., indent=indent)`
    would write it at that nesting level (None: on one line).
    """

    def __init__(self, *, indent: int | None = None, level: int = 0) -> None:
        # Lives as long as this object (closed by close(), or when collected).
        self._file: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=MEMORY_BYTES)  # noqa: SIM115
        self._indent = indent
        self._level = level
        self.counts = SummaryCounts()

    def add(self, items: Iterable[tuple[Finding, Mapping[str, object]]]) -> None:
        """Append findings, each with the JSON object that describes it."""
        for finding, item in items:
            text = indented(item, self._indent, self._level + 1)
            separator = "," if self.counts.total else ""
            if self._indent is not None:
                separator += "\n" + " " * (self._indent * (self._level + 1))
            elif self.counts.total:
                separator += " "
            self._file.write((separator + text).encode("utf-8"))
            self.counts.add(finding)

    def chunks(self, size: int = 1 << 16) -> Iterator[str]:
        """The array, in pieces of text (the spool is read back from its start)."""
        if not self.counts.total:
            yield "[]"
            return
        yield "["
        self._file.flush()
        self._file.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        while block := self._file.read(size):
            yield decoder.decode(block)
        yield decoder.decode(b"", final=True)
        if self._indent is not None:
            yield "\n" + " " * (self._indent * self._level)
        yield "]"

    def close(self) -> None:
        self._file.close()


def indented(value: object, indent: int | None, level: int) -> str:
    """`json.dumps(value, indent=indent)` as it appears nested `level` deep."""
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    if indent is None or level == 0:
        return text
    return text.replace("\n", "\n" + " " * (indent * level))
