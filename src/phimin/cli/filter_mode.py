"""The filter: redact stdin or files to stdout, to `-o FILE`, or (asked for) in place.

Text and json stream: each redacted piece is written as soon as the library yields
it, and nothing else is ever written to the output. A file output (`-o`, or each
file with `--in-place`) goes to a temporary file that replaces the target only when
the whole input was redacted, so an error leaves no half-written file.

jsonl redacts each record as one document (`phimin.cli.records`): every string in it
by default, or those of the fields named by `--jsonl-fields`, with one placeholder
numbering per record. Records are redacted and written in groups of about
JSONL_GROUP_CHARS of input, so a short input refused anywhere writes nothing.
`--workers` detects the chunks of a long input (or of a long string in a record), and
the batches of one-string records, in parallel.

With `--vault FILE`, every input goes through one `phimin.Session` kept in the vault,
so placeholders continue from earlier runs. A session redacts whole texts, so each
input is read whole (text, json) and written once redacted; in jsonl each string of
each record is the session's next text, in order.

With `--one-session` (no vault), every input and every record of the run continues one
document state: one placeholder numbering and the names learnt carry over, in order,
as they would in a session; inputs still stream, and records go one by one (not
batched through the model).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from phimin._document import DocumentState
from phimin._errors import InputError
from phimin._findings import Finding, Redaction
from phimin._policy import Policy
from phimin._pseudonyms import SUBJECT_NEEDED, read_pseudonym_key_file
from phimin._redactor import Redactor
from phimin._session import Session
from phimin.cli.document import redact_document
from phimin.cli.errors import UsageError
from phimin.cli.explain import Explainer
from phimin.cli.output import DocumentWriter, JsonWriter, TextWriter, write_records
from phimin.cli.policy import policy_for
from phimin.cli.positions import Located, Locator
from phimin.cli.progress import counting, progress_for
from phimin.cli.records import parse_record, record_strings, redact_record
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

__all__ = ["JSONL_GROUP_CHARS", "run_filter"]

# jsonl records are redacted and written in groups from at least this much input:
# large enough to batch short records through the model, small enough to hold.
JSONL_GROUP_CHARS = 50_000


class _Run:
    """Everything one filter run shares: the redactor, policy, report and explainer."""

    def __init__(self, settings: Settings, io: Streams, factory: RedactorFactory) -> None:
        self.settings = settings
        self.io = io
        self.policy: Policy = policy_for(settings)
        check_readable(settings.inputs)  # before the model load, so a typo fails fast
        self.session: Session | None = None
        self.shared: DocumentState | None = None  # --one-session: the run's one state
        if settings.vault is not None:
            vault = open_vault(settings, create=True)  # before the model load, too
            # A session redacts with its Redactor's own policy, so that one carries it.
            spec = RedactorSpec(
                settings.model,
                settings.workers,
                self.policy,
                workers_from=settings.workers_from,
            )
            self.redactor: Redactor = factory(spec)
            self.session = Session(self.redactor, vault=vault)
        else:
            key = None
            if settings.pseudonym_key_file is not None:  # read before the model load, too
                key = read_pseudonym_key_file(settings.pseudonym_key_file)
                no_subject = settings.subject is None and settings.subject_field is None
                if self.policy.shift_dates and no_subject:
                    raise UsageError(SUBJECT_NEEDED + ": give --subject or --subject-field")
            self.redactor = factory(
                RedactorSpec(
                    settings.model,
                    settings.workers,
                    pseudonym_key=key,
                    workers_from=settings.workers_from,
                )
            )
        if settings.one_session:
            self.shared = self.redactor.new_state(settings.subject)
        self.report = (
            AuditReport(mode=settings.format, policy=self.policy.name, model=settings.model)
            if settings.report is not None
            else None
        )
        self.explainer = Explainer(io.stderr, self.policy) if settings.explain else None
        # records carry subjects (given only with a key: the settings checked that)
        self.subjects = settings.subject is not None or settings.subject_field is not None

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
        report = self.report
        with open_input(source, self.io.stdin) as handle:
            writer.begin(name)
            if report is not None:
                report.begin(name)
            # Each piece's findings go out with it (json and the report spool them):
            # nothing about a finding is kept once its window is written.
            state = self.shared
            if state is None and self.settings.subject is not None:
                state = self.redactor.new_state(self.settings.subject)
            for piece in redact_document(
                self.redactor, self.policy, self.text_blocks(handle, source), state=state
            ):
                writer.piece(piece.text, piece.located)
                self.record(name, piece.located)
                if report is not None:
                    report.findings(piece.located)
            writer.end()
        if report is not None:
            report.end()

    def whole_document(self, session: Session, source: str, writer: DocumentWriter) -> None:
        """Read the input whole, redact it as the session's next text, then write it."""
        name = display_name(source)
        with open_input(source, self.io.stdin) as handle:
            text = "".join(self.text_blocks(handle, source))
        result = session.redact(text)
        located = _locate(text, result.findings)
        writer.begin(name)
        writer.piece(result.text, located)
        writer.end()
        self.record(name, located)
        if self.report is not None:
            self.report.add(name, located)

    def jsonl(self, source: str, sink: BinaryIO) -> None:
        """One JSON object per line, each redacted as one document (see `records`).

        Records are read in groups from about JSONL_GROUP_CHARS of input; each group is
        redacted, then written. Memory holds one group, and a short input refused
        anywhere (invalid UTF-8, a bad line) writes nothing.
        """
        name = display_name(source)
        fields = self.settings.jsonl_fields
        group: list[_Record] = []
        size = 0
        with open_input(source, self.io.stdin) as handle:
            for number, line in _lines(self.text_blocks(handle, source)):
                if not line.strip():
                    continue
                record = parse_record(line, name, number, fields)
                subject = self.record_subject(record, f"{name}: line {number}")
                group.append(_Record(number, record, record_strings(record, fields), subject))
                size += len(line) + 1
                if size >= JSONL_GROUP_CHARS:
                    self.jsonl_group(name, group, sink)
                    group, size = [], 0
            self.jsonl_group(name, group, sink)

    def record_subject(self, record: dict[str, Any], where: str) -> str | None:
        """The record's subject: its --subject-field, or the run's --subject."""
        field = self.settings.subject_field
        if field is None:
            return self.settings.subject
        value = record.get(field)
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str) or not value.strip():
            raise InputError(
                f"{where} has no subject: its field {field!r} (named by --subject-field) "
                "is missing, blank or not a string or integer"
            )
        return value

    def jsonl_group(self, name: str, group: list[_Record], sink: BinaryIO) -> None:
        """Redact a group of records in order, then write them.

        A record with one string to redact goes through `Redactor.redact_many` with the
        others like it in the group, batched through the model (the same output as
        alone); a record with several is redacted string by string, as one document.
        With a vault, every string is the session's next text.
        """
        fields = self.settings.jsonl_fields
        batched: Iterator[Redaction] = iter(())
        alone = self.session is None and self.shared is None  # records are independent
        single = [item for item in group if len(item.strings) == 1]
        if alone and single:
            batched = self.redactor.redact_many(
                [item.strings[0] for item in single],
                policy=self.policy,
                subjects=[item.subject for item in single] if self.subjects else None,
            )
        done: list[dict[str, Any]] = []
        for item in group:
            found: list[Located] = []
            if alone and len(item.strings) == 1:
                redact = _replay(next(batched), found)
            else:
                redact = self.record_redactor(item.record, fields, found, item.subject)
            done.append(redact_record(item.record, fields, redact))
            if self.explainer is not None:
                for loc in found:
                    self.explainer.rows(f"{name}#{item.number}{loc.field or ''}", (loc,))
            if self.report is not None:
                self.report.add(name, found, record=item.number)
        write_records(sink, done)

    def record_redactor(
        self,
        record: dict[str, Any],
        fields: Collection[str] | None,
        found: list[Located],
        subject: str | None = None,
    ) -> Callable[[str, str], str]:
        """Redacts one record's strings as one document: one placeholder numbering.

        Findings are placed within their own string and appended to `found`.
        """
        session = self.session
        if session is not None:

            def through_session(pointer: str, text: str) -> str:
                result = session.redact(text)
                found.extend(_locate(text, result.findings, pointer))
                return result.text

            return through_session

        state = self.shared if self.shared is not None else self.redactor.new_state(subject)
        for text in record_strings(record, fields):
            # Placeholder-shaped text anywhere in the record keeps its number out of use.
            state.book.reserve_existing(text)

        def as_one_document(pointer: str, text: str) -> str:
            piece = self.redactor.redact_with_state(text, state, policy=self.policy)
            shift = piece.input_start  # the library's offsets run across the record (run)
            findings = tuple(
                dataclasses.replace(f, start=f.start - shift, end=f.end - shift)
                for f in piece.findings
            )
            found.extend(_locate(text, findings, pointer))
            return piece.text

        return as_one_document

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
            with atomic_output(path, like=path, what="--in-place") as sink:
                run.write_all((source,), sink)
    else:
        with output_target(settings.output, io.stdout) as sink:
            run.write_all(settings.inputs, sink)
    if run.explainer is not None:
        run.explainer.finish()
    if run.report is not None and settings.report is not None:
        run.report.write(settings.report)
    return 0


@dataclasses.dataclass(frozen=True, slots=True)
class _Record:
    """A jsonl record read and checked, with the strings it will have redacted."""

    number: int  # its line
    record: dict[str, Any]
    strings: list[str]
    subject: str | None = None  # whose record it is (a keyed date offset)


def _replay(result: Redaction, found: list[Located]) -> Callable[[str, str], str]:
    """The redactor of a record's one string, already redacted as `result`."""

    def redact(pointer: str, text: str) -> str:
        found.extend(_locate(text, result.findings, pointer))
        return result.text

    return redact


def _locate(
    text: str, findings: tuple[Finding, ...], field: str | None = None
) -> tuple[Located, ...]:
    """Findings of one whole text placed at line:col (in a jsonl record's `field`)."""
    locator = Locator()
    locator.feed(text)
    located = locator.locate(findings, len(text))
    if field is None:
        return located
    return tuple(dataclasses.replace(loc, field=field) for loc in located)


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
