"""The filter: redact stdin or files to stdout, to `-o FILE`, or (asked for) in place.

Text and json stream: each redacted piece is written as soon as the library yields
it, and nothing else is ever written to the output. A file output (`-o`, or each
file with `--in-place`) goes to a temporary file that replaces the target only when
the whole input was redacted, so an error leaves no half-written file.

With `--vault FILE`, every input goes through one `phimin.Session` kept in the vault,
so placeholders continue from earlier runs. A session redacts whole texts, so each
input is read whole (text, json) and written once redacted; in jsonl each record is
the session's next text, in order. `--workers` still detects a long input's chunks in
parallel, but jsonl records are not batched then (each is one vault transaction).
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from phimin._errors import InputError
from phimin._findings import Finding, Redaction
from phimin._policy import Policy
from phimin._redactor import Redactor
from phimin._session import Session
from phimin.cli.document import redact_document
from phimin.cli.explain import Explainer
from phimin.cli.output import DocumentWriter, JsonWriter, TextWriter, write_record
from phimin.cli.policy import policy_for
from phimin.cli.positions import Located, Locator
from phimin.cli.progress import counting, progress_for
from phimin.cli.report import AuditReport
from phimin.cli.settings import RedactorFactory, RedactorSpec, Settings
from phimin.cli.streams import (
    Streams,
    atomic_output,
    check_readable,
    decode_utf8,
    display_name,
    input_size,
    open_input,
    output_target,
    read_blocks,
)
from phimin.cli.vault import open_vault

__all__ = ["run_filter"]


class _Run:
    """Everything one filter run shares: the redactor, policy, report and explainer."""

    def __init__(self, settings: Settings, io: Streams, factory: RedactorFactory) -> None:
        self.settings = settings
        self.io = io
        self.policy: Policy = policy_for(settings)
        check_readable(settings.inputs)  # before the model load, so a typo fails fast
        self.session: Session | None = None
        if settings.vault is not None:
            vault = open_vault(settings, create=True)  # before the model load, too
            # A session redacts with its Redactor's own policy, so that one carries it.
            spec = RedactorSpec(settings.model, settings.workers, self.policy)
            self.redactor: Redactor = factory(spec)
            self.session = Session(self.redactor, vault=vault)
        else:
            self.redactor = factory(RedactorSpec(settings.model, settings.workers))
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
        if self.session is not None:
            self.whole_document(self.session, source, writer)
            return
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

    def whole_document(self, session: Session, source: str, writer: DocumentWriter) -> None:
        """Read the input whole, redact it as the session's next text, then write it."""
        name = display_name(source)
        with open_input(source, self.io.stdin) as handle:
            text = "".join(self.text_blocks(handle, source))
        result = session.redact(text)
        located = _locate(text, result.findings)
        writer.begin(name)
        writer.piece(result.text)
        writer.end(located)
        self.record(name, located)
        if self.report is not None:
            self.report.add(name, located)

    def jsonl(self, source: str, sink: BinaryIO) -> None:
        """One JSON object per line; its "text" is redacted, other fields pass through.

        Records go through `Redactor.redact_many`, which batches short texts through
        the model; the records waiting for their batch are the only ones held. With a
        vault, each record is instead the session's next text, one at a time.
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
            session = self.session
            results: Iterator[Redaction]
            if session is None:
                results = self.redactor.redact_many(texts(handle), policy=self.policy)
            else:
                results = (session.redact(text) for text in texts(handle))
            for result in results:
                number, record, text = waiting.popleft()
                located = _locate(text, result.findings)
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
        with output_target(settings.output, io.stdout) as sink:
            run.write_all(settings.inputs, sink)
    if run.explainer is not None:
        run.explainer.finish()
    if run.report is not None and settings.report is not None:
        run.report.write(settings.report)
    return 0


def _locate(text: str, findings: tuple[Finding, ...]) -> tuple[Located, ...]:
    """Findings of one whole text placed at line:col."""
    locator = Locator()
    locator.feed(text)
    return locator.locate(findings, len(text))


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
