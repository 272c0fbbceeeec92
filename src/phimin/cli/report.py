"""`--report FILE`: an audit record of what was found and done, never the text.

One JSON file per run: the tool version, policy and model, then per document its
source (a path or `<stdin>`; in jsonl mode also `record_line`, the input line), each
finding's entity, category, rule id, action, line:col, offsets and score (and, in
check mode, what became of it), and counts per document and for the run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from phimin._findings import Finding, Summary
from phimin.cli.positions import Located
from phimin.cli.streams import atomic_output
from phimin.cli.version import tool_version

__all__ = ["REPORT_SCHEMA", "AuditReport"]

REPORT_SCHEMA = 1


class AuditReport:
    def __init__(self, *, mode: str, policy: str, model: str | None) -> None:
        self._head: dict[str, object] = {
            "schema": REPORT_SCHEMA,
            "tool": f"phimin {tool_version()}",
            "mode": mode,
            "policy": policy,
            "model": model or "default",
        }
        self._documents: list[dict[str, object]] = []
        self._all: list[Finding] = []

    def add(
        self,
        source: str,
        located: Sequence[Located],
        *,
        record: int | None = None,
        outcomes: Sequence[str] | None = None,
    ) -> None:
        findings = []
        for i, loc in enumerate(located):
            item = loc.to_dict()
            if outcomes is not None:
                item["check"] = outcomes[i]
            findings.append(item)
        document: dict[str, object] = {"source": source}
        if record is not None:
            document["record_line"] = record
        document["findings"] = findings
        document["summary"] = Summary.of(tuple(loc.finding for loc in located)).to_dict()
        self._documents.append(document)
        self._all.extend(loc.finding for loc in located)

    def to_dict(self) -> dict[str, object]:
        return {
            **self._head,
            "documents": self._documents,
            "summary": {
                "documents": len(self._documents),
                **Summary.of(tuple(self._all)).to_dict(),
            },
        }

    def write(self, path: Path) -> None:
        text = json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"
        with atomic_output(path, what="--report") as handle:
            handle.write(text.encode("utf-8"))
