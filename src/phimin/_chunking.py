"""Cut long text into chunks on turn and paragraph boundaries, with overlap.

Each chunk after the first starts `overlap` characters (or more) before the end of
the previous one, at a word boundary, so any identifier shorter than the overlap that
crosses a cut lies whole inside one chunk. Detections found twice in an overlap are
merged later.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CHUNK_CHARS", "OVERLAP_CHARS", "Chunk", "chunk_spans"]

CHUNK_CHARS = 6000
OVERLAP_CHARS = 256

# Preferred cut points, best first: a blank line, a line break, a sentence end, a space.
_CUTS = ("\n\n", "\n", ". ", "? ", "! ", " ")


@dataclass(frozen=True, slots=True)
class Chunk:
    start: int
    end: int


def _cut_before(text: str, limit: int, floor: int) -> int:
    """The best cut point in text[floor:limit] (an index just after the separator)."""
    for sep in _CUTS:
        i = text.rfind(sep, floor, limit)
        if i >= 0:
            return i + len(sep)
    return limit


def _word_start_before(text: str, limit: int, floor: int) -> int:
    i = limit
    while i > floor and not text[i - 1].isspace():
        i -= 1
    return i if i > floor else limit


def chunk_spans(text: str, size: int = CHUNK_CHARS, overlap: int = OVERLAP_CHARS) -> list[Chunk]:
    """Chunks covering `text`; consecutive chunks share at least `overlap` characters."""
    if size <= 2 * overlap:
        raise ValueError("chunk size must be more than twice the overlap")
    n = len(text)
    chunks: list[Chunk] = []
    start = 0
    while True:
        if n - start <= size:
            chunks.append(Chunk(start, n))
            return chunks
        end = _cut_before(text, start + size, start + size // 2)
        chunks.append(Chunk(start, end))
        next_start = _word_start_before(text, end - overlap, start + 1)
        start = max(next_start, start + 1)
