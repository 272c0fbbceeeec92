"""The filter: redact stdin or files to stdout, to `-o FILE`, or (asked for) in place.

Text and json stream: each redacted piece is written as soon as the library yields
it, and nothing else is ever written to the output. A file output (`-o`, or each
file with `--in-place`) goes to a temporary file that replaces the target only when
the whole input was redacted, so an error leaves no half-written file.
"""

from __future__ import annotations

import contextlib
import json
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from phimin._errors import InputError
from phimin._policy import Policy
from phimin._redactor import Redactor
from phimin.cli.document import redact_document
from phimin.cli.explain import Explainer
from phimin.cli.output import DocumentWriter, JsonWriter, TextWriter, write_record
from phimin.cli.policy import policy_for
from phimin.cli.positions import Located, Locator
from phimin.cli.progress import counting, progress_for
from phimin.cli.report import AuditReport
from phimin.cli.settings import RedactorFactory, Settings
from phimin.cli.streams import (
    Streams,
    atomic_output,
    check_readable,
    decode_utf8,
    display_name,
    input_size,
    open_input,
    read_blocks,
)

__all__ = ["run_filter"]


class _Run:
    """Everything one filter run shares: the redactor, policy, report and explainer."""

    def __init__(self, settings: Settings, io: Streams, factory: RedactorFactory) -> None:
        self.settings = settings
        self.io = io
        self.policy: Policy = policy_for(settings)
        check_readable(settings.inputs)  # before the model load, so a typo fails fast
        self.redactor: Redactor = factory(settings.model)
        self.report = (
            AuditReport(mode=settings.format, policy=self.policy.name, model=settings.model)
            if settings.report is not None
            else None
        )
        self.explainer = Explainer(io.stderr, self.policy) if settings.explain else None

    def record(self, source: str, located: tuple[Located, ...], record: int | None = None) -> None:
        if self.explainer is not None and located:
            label = source if record is None else f"{source}#{record}"
            self.explainer.rows(label, located)

    def text_blocks(self, handle: BinaryIO, source: str) -> Iterator[str]:
        progress = progress_for(
            display_name(source),
            input_size(handle),
            enabled=self.io.stderr_is_tty and not self.settings.quiet,
            stream=self.io.stderr,
        )
        try:
            yield from decode_utf8(counting(read_blocks(handle), progress), source)
        finally:
            progress.close()

    def document(self, source: str, writer: DocumentWriter) -> None:
        name = display_name(source)
        with open_input(source, self.io.stdin) as handle:
            writer.begin(name)
            located: list[Located] = []
            for piece in redact_document(
                self.redactor, self.policy, self.text_blocks(handle, source)
            ):
                writer.piece(piece.text)
                located.extend(piece.located)
                self.record(name, piece.located)
            writer.end(located)
        if self.report is not None:
            self.report.add(name, located)

    def jsonl(self, source: str, sink: BinaryIO) -> None:
        """One JSON object per line; its "text" is redacted, other fields pass through.

        Records go through `Redactor.redact_many`, which batches short texts through
        the model; the records waiting for their batch are the only ones held.
        """
        name = display_name(source)
        waiting: deque[tuple[int, dict[str, object], str]] = deque()

        def texts(handle: BinaryIO) -> Iterator[str]:
            for number, line in _lines(self.text_blocks(handle, source)):
                if line.strip():
                    record, text = _parse_record(line, name, number)
                    waiting.append((number, record, text))
                    yield text

        with open_input(source, self.io.stdin) as handle:
            for result in self.redactor.redact_many(texts(handle), policy=self.policy):
                number, record, text = waiting.popleft()
                locator = Locator()
                locator.feed(text)
                located = locator.locate(result.findings, len(text))
                write_record(sink, {**record, "text": result.text})
                self.record(name, located, number)
                if self.report is not None:
                    self.report.add(name, located, record=number)

    def write_all(self, sources: tuple[str, ...], sink: BinaryIO) -> None:
        if self.settings.format == "jsonl":
            for source in sources:
                self.jsonl(source, sink)
            return
        writer: DocumentWriter
        if self.settings.format == "json":
            writer = JsonWriter(sink, with_path=len(sources) > 1)
        else:
            writer = TextWriter(sink)
        for source in sources:
            self.document(source, writer)


def run_filter(settings: Settings, io: Streams, factory: RedactorFactory) -> int:
    run = _Run(settings, io, factory)
    if settings.in_place:
        for source in settings.inputs:
            path = Path(source)
            with atomic_output(path, like=path) as sink:
                run.write_all((source,), sink)
    else:
        with _target(settings.output, io.stdout) as sink:
            run.write_all(settings.inputs, sink)
    if run.explainer is not None:
        run.explainer.finish()
    if run.report is not None and settings.report is not None:
        run.report.write(settings.report)
    return 0


@contextlib.contextmanager
def _target(output: Path | None, stdout: BinaryIO) -> Iterator[BinaryIO]:
    if output is None:
        yield stdout
    else:
        with atomic_output(output) as sink:
            yield sink


def _lines(blocks: Iterator[str]) -> Iterator[tuple[int, str]]:
    """Numbered lines (1-based, without the line break) from a stream of text blocks."""
    number = 0
    partial: list[str] = []  # pieces of the line not yet ended (a list: no quadratic joins)
    for block in blocks:
        parts = block.split("\n")
        if len(parts) == 1:
            partial.append(block)
            continue
        partial.append(parts[0])
        lines = ["".join(partial), *parts[1:-1]]
        partial = [parts[-1]] if parts[-1] else []
        for line in lines:
            number += 1
            yield number, line
    if partial:
        yield number + 1, "".join(partial)


def _parse_record(line: str, source: str, number: int) -> tuple[dict[str, object], str]:
    try:
        record = json.loads(line)
    except ValueError:
        raise InputError(f"{source}: line {number} is not valid JSON") from None
    text = record.get("text") if isinstance(record, dict) else None
    if not isinstance(text, str):
        raise InputError(f"{source}: line {number} needs a JSON object with a string 'text' field")
    return record, text
