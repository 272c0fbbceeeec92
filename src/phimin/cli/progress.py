"""A progress bar on stderr, only on a terminal and only for inputs that take a while.

The bar counts input bytes (against the file size when it is known) and never shows
text. It appears after `delay` seconds, so short inputs print nothing; it is off
when stderr is not a terminal or with --quiet. tqdm (already a dependency of spaCy)
draws it; it is imported only when a bar may be shown.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import Any, Protocol, TextIO

__all__ = ["Progress", "progress_for"]

DELAY_SECONDS = 1.0


class Progress(Protocol):
    def update(self, n: int) -> None: ...

    def close(self) -> None: ...


class _Silent:
    def update(self, n: int) -> None:
        return None

    def close(self) -> None:
        return None


class _Bar:
    def __init__(self, bar: Any) -> None:
        self._bar = bar

    def update(self, n: int) -> None:
        self._bar.update(n)

    def close(self) -> None:
        self._bar.close()


def progress_for(
    label: str,
    total: int | None,
    *,
    enabled: bool,
    stream: TextIO,
    delay: float = DELAY_SECONDS,
) -> Progress:
    """A bar for one input (`label` is its display name), or a silent stand-in."""
    if not enabled:
        return _Silent()
    tqdm = importlib.import_module("tqdm").tqdm  # untyped; imported only when shown

    bar = tqdm(
        total=total,
        desc=label,
        unit="B",
        unit_scale=True,
        unit_divisor=1024,
        file=stream,
        delay=delay,
        leave=False,
        dynamic_ncols=True,
    )
    return _Bar(bar)


def counting(blocks: Iterable[bytes], progress: Progress) -> Iterator[bytes]:
    """Pass blocks through, counting their bytes on `progress`."""
    for block in blocks:
        yield block
        progress.update(len(block))
