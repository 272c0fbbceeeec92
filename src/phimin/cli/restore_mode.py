"""`redact --restore --vault FILE`: put the originals back into text an LLM wrote.

The vault is read once (one consistent snapshot for the run) and each input, read
whole, is restored with phimin's restore rules (tolerant of what LLMs do to
placeholders, never guessing; see `phimin.Session.restore`). No model is loaded: this
reads the vault's ledger directly rather than through a `Session`, which would import
the redaction pipeline. The restored text goes to stdout or `-o FILE`; stderr gets one
line of counts (`restored N; left <reason>: <count>, ...`), never a value.
"""

from __future__ import annotations

from collections import Counter

from phimin._restore import REASONS, restore
from phimin.cli.exit_codes import ExitCode
from phimin.cli.settings import Settings
from phimin.cli.streams import (
    Streams,
    check_readable,
    decode_utf8,
    open_input,
    output_target,
    read_blocks,
)
from phimin.cli.vault import open_vault

__all__ = ["run_restore", "summary_line"]


def run_restore(settings: Settings, io: Streams) -> int:
    check_readable(settings.inputs)
    ledger = open_vault(settings, create=False).read()
    restored = 0
    left: Counter[str] = Counter()
    # Restored text holds the originals: a new -o file is readable by its owner only.
    with output_target(settings.output, io.stdout, new_mode=0o600) as sink:
        for source in settings.inputs:
            with open_input(source, io.stdin) as handle:
                text = "".join(decode_utf8(read_blocks(handle), source))
            result = restore(text, ledger, sensitive=settings.sensitive)
            sink.write(result.text.encode("utf-8"))
            sink.flush()
            restored += result.restored
            left.update(result.counts())
    incomplete = sum(left.values()) > 0
    if settings.show_info or (settings.strict and incomplete):
        io.stderr.write(summary_line(restored, left, sensitive=settings.sensitive))
        io.stderr.flush()
    return ExitCode.FINDINGS if settings.strict and incomplete else ExitCode.OK


def summary_line(restored: int, left: Counter[str], *, sensitive: bool) -> str:
    """`redact: restored 3; left not_issued: 1` (counts by reason only)."""
    parts = [f"{reason}: {left[reason]}" for reason in REASONS if left[reason]]
    line = f"redact: restored {restored}; left {', '.join(parts) if parts else 'none'}"
    if left["not_requested"] and not sensitive:
        line += " (--sensitive restores generalized content)"
    return line + "\n"
