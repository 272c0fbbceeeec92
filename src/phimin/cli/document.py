"""One document through the redactor, streamed: input blocks in, redacted pieces out.

`redact_document` yields each redacted piece with its findings placed at line:col,
only after the library has produced it. If anything raises, the generator stops and
the caller writes nothing more: no text reaches an output before it is redacted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

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
) -> Iterator[Piece]:
    """Redact a stream of text blocks as one document (placeholders consistent throughout)."""
    locator = Locator(fingerprint)
    watchers = tuple(observers)

    def fed() -> Iterator[str]:
        for block in blocks:
            locator.feed(block)
            for watch in watchers:
                watch(block)
            yield block

    # The redactor makes the document's state: keyed placeholders if it has a key.
    for piece in redactor.redact_stream(fed(), policy=policy):
        yield Piece(piece.text, locator.locate(piece.findings, piece.input_end))
