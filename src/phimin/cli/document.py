"""One document through the redactor, streamed: input blocks in, redacted pieces out.

`redact_document` yields each redacted piece with its findings placed at line:col,
only after the library has produced it. If anything raises, the generator stops and
the caller writes nothing more: no text reaches an output before it is redacted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from phimin._document import DocumentState
from phimin._policy import Policy
from phimin._redactor import Redactor
from phimin.cli.positions import Fingerprinter, Located, Locator

__all__ = ["Piece", "redact_document"]


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    located: tuple[Located, ...]


def redact_document(
    redactor: Redactor,
    policy: Policy,
    blocks: Iterable[str],
    *,
    fingerprint: Fingerprinter | None = None,
    observers: Iterable[Callable[[str], None]] = (),
    state: DocumentState | None = None,
) -> Iterator[Piece]:
    """Redact a stream of text blocks as one document (placeholders consistent throughout).

    With `state` (`--one-session`), the document continues that state's numbering; its
    findings are still placed, and their offsets given, within this document.
    """
    locator = Locator(fingerprint)
    base = state.offset if state is not None else 0
    watchers = tuple(observers)

    def fed() -> Iterator[str]:
        for block in blocks:
            locator.feed(block)
            for watch in watchers:
                watch(block)
            yield block

    # The redactor makes the document's state (keyed placeholders if it has a key),
    # unless the run shares one.
    for piece in redactor.redact_stream(fed(), policy=policy, state=state):
        findings = piece.findings
        if base:
            findings = tuple(replace(f, start=f.start - base, end=f.end - base) for f in findings)
        yield Piece(piece.text, locator.locate(findings, piece.input_end - base))
