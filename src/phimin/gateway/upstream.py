"""The upstream side: which headers travel, and an SSE response that cleans up after itself.

Headers: the client's own headers go upstream untouched (its API key, `anthropic-
version`, `OpenAI-Organization`, ...) except hop-by-hop headers, the body's framing
(the gateway sends its own, redacted body) and the gateway's own `X-Phimin-*`
headers (the session name and the gateway token never leave). The upstream's
headers come back the same way, without its framing and cookies.

`EventStream` relays an upstream event stream: it reads events, has the endpoint's
rewriter restore them, and writes them on. It listens for the client going away at
the same time; whatever ends the stream (the upstream's end, an upstream failure, a
client that disconnects, a cancelled task), the upstream response is closed, so its
connection is released, before the call returns.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping

import anyio
import httpx
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send

from phimin._errors import describe
from phimin.gateway.errors import GatewayError
from phimin.gateway.sse import Event, EventDecoder, encode
from phimin.gateway.streams import StreamRewriter

__all__ = ["EventStream", "reply_headers", "upstream_headers"]

log = logging.getLogger("phimin.gateway")

_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    }
)
_NOT_FORWARDED = _HOP_BY_HOP | {
    "host",
    "content-length",
    "content-type",
    "accept-encoding",
    "expect",
    "cookie",
}
_NOT_RETURNED = _HOP_BY_HOP | {"content-length", "content-encoding", "content-type", "set-cookie"}


def upstream_headers(headers: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    out = [
        (name, value)
        for name, value in headers
        if name.lower() not in _NOT_FORWARDED and not name.lower().startswith("x-phimin-")
    ]
    out.append(("content-type", "application/json"))
    return out


def reply_headers(headers: httpx.Headers, request_id: str) -> dict[str, str]:
    out = {
        name: value
        for name, value in headers.items()
        if name.lower() not in _NOT_RETURNED and not name.lower().startswith("x-phimin-")
    }
    out["x-phimin-request-id"] = request_id
    return out


class EventStream(Response):
    """Relays the upstream's events, restored, to the client; see the module's text."""

    def __init__(
        self,
        upstream: httpx.Response,
        rewriter: StreamRewriter,
        *,
        max_event_bytes: int,
        headers: Mapping[str, str],
        on_close: Callable[[str, float], None],
    ) -> None:
        self.status_code = 200
        self.background = None
        self.media_type = "text/event-stream"
        self.init_headers({**headers, "cache-control": "no-cache"})
        self._upstream = upstream
        self._rewriter = rewriter
        self._decoder = EventDecoder(max_event_bytes)
        self._on_close = on_close
        self._restore_s = 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        outcome = "client_disconnected"
        try:
            async with anyio.create_task_group() as group:

                async def watch() -> None:
                    while True:
                        message: Message = await receive()
                        if message["type"] == "http.disconnect":
                            group.cancel_scope.cancel()
                            return

                group.start_soon(watch)
                await send(
                    {"type": "http.response.start", "status": 200, "headers": self.raw_headers}
                )
                outcome = await self._relay(send)
                group.cancel_scope.cancel()
        except OSError:
            outcome = "client_disconnected"  # the client went away while we wrote
        finally:
            with anyio.CancelScope(shield=True):
                await self._upstream.aclose()
                self._on_close(outcome, self._restore_s * 1000)

    async def _relay(self, send: Send) -> str:
        error: str | None = None
        try:
            async for chunk in self._upstream.aiter_bytes():
                events = self._decoder.feed(chunk)
                if events:
                    await self._send(send, self._rewrite(events), more=True)
            if not self._decoder.finish():
                error = "the upstream's stream ended in the middle of an event"
        except GatewayError as exc:
            error = exc.message
        except httpx.TimeoutException:
            error = "the upstream went silent for longer than the read timeout"
        except httpx.HTTPError:
            error = "the connection to the upstream broke"
        except Exception as exc:  # a bug must not leave the client hanging or get text out
            log.error("stream rewrite failed: %s", describe(exc))
            error = "the reply could not be restored"
        final = self._rewriter.close(error)
        await self._send(send, [encode(e) for e in final], more=False)
        return "ok" if error is None and self._rewriter.ended else "stream_error"

    def _rewrite(self, events: list[Event]) -> list[bytes]:
        started = time.perf_counter()
        out = [encode(e) for event in events for e in self._rewriter.feed(event)]
        self._restore_s += time.perf_counter() - started
        return out

    @staticmethod
    async def _send(send: Send, pieces: list[bytes], *, more: bool) -> None:
        await send({"type": "http.response.body", "body": b"".join(pieces), "more_body": more})
