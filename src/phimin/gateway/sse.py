"""Server-sent events: read the upstream's stream event by event, write events back.

The decoder follows the HTML living standard's parsing rules (lines end in CR, LF or
CRLF; `data` lines join with LF; a line starting with ":" is a comment; an empty line
ends an event) and is fed bytes as they arrive, in pieces of any size: an event split
across network reads, or a UTF-8 character split across them, comes out whole.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from typing import Any

from phimin.gateway.errors import GatewayError

__all__ = ["Event", "EventDecoder", "encode"]

_EOL = re.compile(r"\r\n|\r|\n")  # only these end a line (not U+2028 and the like)


@dataclass(frozen=True, slots=True)
class Event:
    """One event: its `event` name (None when the stream gave none) and its data."""

    data: str
    event: str | None = None
    id: str | None = None

    def __repr__(self) -> str:  # the data is model output: never in a log or a traceback
        return f"Event(event={self.event!r}, data=<{len(self.data)} chars>)"

    def json_object(self) -> dict[str, Any]:
        """The data as a JSON object; an upstream that sent anything else is a 502."""
        try:
            data = json.loads(self.data)
        except ValueError:
            raise GatewayError(
                502, "upstream_bad_stream", "the upstream sent an event that is not JSON"
            ) from None
        if not isinstance(data, dict):
            raise GatewayError(
                502, "upstream_bad_stream", "the upstream sent an event that is not an object"
            )
        return data


class EventDecoder:
    """Bytes in, complete events out. `max_bytes` bounds one event (and one line)."""

    def __init__(self, max_bytes: int) -> None:
        self._max = max_bytes
        self._utf8 = codecs.getincrementaldecoder("utf-8")("strict")
        self._buffer = ""
        self._event: str | None = None
        self._id: str | None = None
        self._data: list[str] = []
        self._size = 0
        self._after_cr = False

    def feed(self, chunk: bytes) -> list[Event]:
        try:
            text = self._utf8.decode(chunk)
        except UnicodeDecodeError:
            raise GatewayError(
                502, "upstream_bad_stream", "the upstream sent invalid UTF-8"
            ) from None
        if self._after_cr and text.startswith("\n"):
            text = text[1:]  # the LF of a CRLF split across reads
        self._after_cr = False
        self._buffer += text
        events: list[Event] = []
        while True:
            cut = _line_end(self._buffer)
            if cut is None:
                break
            line, rest = self._buffer[: cut[0]], self._buffer[cut[1] :]
            if self._buffer[cut[0]] == "\r" and cut[1] == len(self._buffer):
                self._after_cr = True  # a lone CR at the end: a LF may follow in the next read
            self._buffer = rest
            event = self._line(line)
            if event is not None:
                events.append(event)
        if len(self._buffer) > self._max:
            raise GatewayError(502, "upstream_bad_stream", "an upstream event is too large")
        return events

    def finish(self) -> bool:
        """True when the stream ended between events (nothing half-received)."""
        try:
            self._utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
        return not self._buffer and not self._data and self._event is None

    def _line(self, line: str) -> Event | None:
        if not line:
            if not self._data and self._event is None:
                return None
            event = Event("\n".join(self._data), self._event, self._id)
            self._data, self._event, self._size = [], None, 0
            return event
        if line.startswith(":"):
            return None
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "data":
            self._size += len(value) + 1
            if self._size > self._max:
                raise GatewayError(502, "upstream_bad_stream", "an upstream event is too large")
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._id = value
        return None  # "retry" and unknown fields are ignored, as the standard says


def _line_end(text: str) -> tuple[int, int] | None:
    """(end of the first line, start of the next), or None if no line is complete."""
    match = _EOL.search(text)
    return None if match is None else (match.start(), match.end())


def encode(event: Event) -> bytes:
    """The wire form of `event` (data lines split on line breaks, as the standard reads)."""
    lines = []
    if event.event is not None:
        lines.append(f"event: {event.event}")
    if event.id is not None:
        lines.append(f"id: {event.id}")
    lines.extend(f"data: {part}" for part in _EOL.split(event.data))
    return ("\n".join(lines) + "\n\n").encode("utf-8")
