"""The restorers of one streamed reply: one per stream of text in it.

A streamed reply interleaves several streams of text: the choices of an OpenAI
completion, the content blocks of an Anthropic message, each tool call's arguments.
Each gets its own `StreamRestorer` (a placeholder split across two events of the same
stream is joined; two streams never mix), made on first use and finished when its
stream ends. Arguments of a tool call are the inside of a JSON string, so their
restorer escapes the originals it puts back.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any, Protocol

from phimin.gateway.sse import Event

if TYPE_CHECKING:
    from phimin._restore import StreamRestorer
    from phimin._session import Session

__all__ = ["Restorers", "StreamRewriter"]


class StreamRewriter(Protocol):
    """Rewrites a reply's events as they arrive; `close` ends the stream."""

    restorers: Restorers
    ended: bool  # the upstream's stream reached its own end event

    def feed(self, event: Event) -> list[Event]: ...

    def close(self, error: str | None) -> list[Event]:
        """Events that end the stream: what the restorers still hold, then an error
        event if `error` is given or the upstream's stream ended before its end."""
        ...


class Restorers:
    """Stream restorers by key, made on first use, counted when finished."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._open: dict[Hashable, StreamRestorer] = {}
        self.restored = 0
        self.unrestored = 0

    def feed(self, key: Hashable, text: Any, *, json: bool = False) -> Any:
        """`text` restored as far as decided (a non-string is returned as it is)."""
        if not isinstance(text, str):
            return text
        restorer = self._open.get(key)
        if restorer is None:
            restorer = self._session.stream_restorer(json=json)
            self._open[key] = restorer
        return restorer.feed(text)

    def finish(self, key: Hashable) -> str:
        """What the restorer of `key` still holds, restored; the stream is over."""
        restorer = self._open.pop(key, None)
        if restorer is None:
            return ""
        rest = restorer.finish()
        self.restored += restorer.restored
        self.unrestored += len(restorer.unrestored)
        return rest

    def open_keys(self) -> list[Hashable]:
        return list(self._open)
