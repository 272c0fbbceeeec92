"""`redact --list-rules`: every detection rule as a table (or JSON lines), no model loaded.

Like `semgrep --list` or `sqlfluff rules`: id, entity, category, score and where the
rule comes from (`built-in` or its rule pack's file). With `--format json` or `jsonl`,
one JSON object per rule (its record without the test cases).
"""

from __future__ import annotations

import json

from phimin.cli.exit_codes import ExitCode
from phimin.cli.streams import Streams

__all__ = ["run_list_rules"]

_COLUMNS = ("id", "entity", "category", "score", "source")


def run_list_rules(io: Streams, output_format: str | None) -> int:
    import phimin

    records = phimin.rules()
    if output_format in ("json", "jsonl"):
        for record in records:
            io.stdout.write(json.dumps(record.to_dict()).encode("utf-8") + b"\n")
        io.stdout.flush()
        return ExitCode.OK
    rows = [(r.id, r.entity, r.category.value, f"{r.score:.2f}", r.source) for r in records]
    widths = [max(len(c), *(len(row[i]) for row in rows)) for i, c in enumerate(_COLUMNS)]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [tuple(c.upper() for c in _COLUMNS), *rows]
    ]
    io.stdout.write(("\n".join(lines) + f"\n{len(rows)} rules\n").encode("utf-8"))
    io.stdout.flush()
    return ExitCode.OK
