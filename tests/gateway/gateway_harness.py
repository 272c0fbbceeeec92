"""What the gateway tests run on: loopback opened narrowly, servers in threads, a fake LLM.

The suite blocks every socket (conftest.py). The gateway is a network server, so its
tests must run it, and a fake upstream LLM for it to forward to, on this machine:
`loopback_only()` lets connections and name lookups through for 127.0.0.1 and ::1
only, records each address connected to, and puts the block back afterwards. Any
other address still raises.

`FakeUpstream` plays the OpenAI and Anthropic APIs. It records every request it
receives (path, headers, raw body) and answers by echoing the text it was sent: the
reply is "You said: " + the last user message, as the upstream received it (that is,
redacted), so a test knows exactly what the restored reply must be. The `model` field
picks a misbehaviour: "fail-500", "html-502", "slow" (does not answer until the
gateway hangs up), "broken-json" (a stream with an event that is not JSON), "drop" (a
stream whose connection is cut), "hang" (a stream that stops sending), "no-done" (a
stream that ends without its end event), "pause" (a stream that stops for longer than
`IMPATIENT`, then ends well), "tool" (a tool call carrying the text).

Timeouts. The tests run on shared, loaded machines, where this whole process (its
servers, the client, the garbage collector) can stall for seconds. So `running_gateway`
gives the gateway a read timeout no healthy reply can reach (`PATIENT`): a test of a
good reply must never end in "the upstream went silent" because the machine was busy.
A test of the timeout itself uses a short one (`IMPATIENT`) against an upstream that
never answers ("slow", "hang"), so it times out however slow the machine is.
"""

from __future__ import annotations

import _socket
import asyncio
import contextlib
import json
import socket
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

LOOPBACK = ("127.0.0.1", "::1")
PATIENT = 120.0  # seconds: the gateway's read timeout in the tests of good replies
IMPATIENT = 2.0  # seconds: the read timeout of the tests that need it to run out


class NetworkRefused(RuntimeError):
    pass


def _getaddrinfo(
    host: Any, port: Any, family: int = 0, type: int = 0, proto: int = 0, flags: int = 0
) -> list[Any]:
    """socket.getaddrinfo, from the C function the suite's block does not touch."""
    out = []
    for raw_af, raw_kind, number, name, address in _socket.getaddrinfo(
        host, port, family, type, proto, flags
    ):
        af: Any = raw_af
        kind: Any = raw_kind
        with contextlib.suppress(ValueError):
            af = socket.AddressFamily(raw_af)
        with contextlib.suppress(ValueError):
            kind = socket.SocketKind(raw_kind)
        out.append((af, kind, number, name, address))
    return out


def _create_connection(
    address: Any, timeout: Any = None, source_address: Any = None, **_: Any
) -> socket.socket:
    """socket.create_connection, connecting through the unpatched C method."""
    error: OSError | None = None
    for af, kind, number, _name, target in _getaddrinfo(
        address[0], address[1], 0, socket.SOCK_STREAM
    ):
        sock = socket.socket(af, kind, number)
        try:
            if timeout is not None and timeout is not getattr(
                socket, "_GLOBAL_DEFAULT_TIMEOUT", None
            ):
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            _socket.socket.connect(sock, target)
            return sock
        except OSError as exc:
            error = exc
            sock.close()
    raise error or OSError("no address to connect to")


def _host(address: Any) -> str:
    return str(address[0]) if isinstance(address, tuple) else str(address)


@contextlib.contextmanager
def loopback_only(connected: list[tuple[str, int]]) -> Iterator[None]:
    """Allow connections to 127.0.0.1 and ::1 only; append each (host, port) to `connected`."""

    def check(address: Any) -> None:
        if _host(address) not in LOOPBACK:
            raise NetworkRefused("only loopback is open in the gateway tests")
        connected.append((_host(address), int(address[1])))

    def connect(self: socket.socket, address: Any) -> None:
        check(address)
        _socket.socket.connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        check(address)
        return int(_socket.socket.connect_ex(self, address))

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if str(host) not in LOOPBACK:
            raise NetworkRefused("only loopback addresses are resolved in the gateway tests")
        return _getaddrinfo(host, port, *args, **kwargs)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
        check(address)
        return _create_connection(address, *args, **kwargs)

    saved = (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.getaddrinfo,
        socket.create_connection,
    )
    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo
    socket.create_connection = create_connection
    try:
        yield
    finally:
        (
            socket.socket.connect,
            socket.socket.connect_ex,
            socket.getaddrinfo,
            socket.create_connection,
        ) = saved


class Server:
    """An ASGI app served by uvicorn on 127.0.0.1 (a free port) in a thread of its own."""

    def __init__(self, app: Any) -> None:
        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="error", lifespan="on")
        self.server = uvicorn.Server(config)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self.server.serve())

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)

    @property
    def port(self) -> int:
        return int(self.server.servers[0].sockets[0].getsockname()[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def tasks(self) -> int:
        """How many tasks the server's event loop has (besides the one counting)."""

        async def count() -> int:
            return len(asyncio.all_tasks()) - 1

        return asyncio.run_coroutine_threadsafe(count(), self.loop).result(timeout=10)


def free_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- the fake upstream ----------------------------------------------------------------


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class FakeUpstream:
    """A stand-in for the OpenAI and Anthropic APIs; see the module's text."""

    received: list[Received] = field(default_factory=list)
    streams_closed: list[str] = field(default_factory=list)
    piece: int = 3  # characters per streamed delta: placeholders get split

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v1/chat/completions", self.chat, methods=["POST"]),
                Route("/v1/messages", self.messages, methods=["POST"]),
                Route("/v1/responses", self.responses, methods=["POST"]),
                Route("/v1/models", self.chat, methods=["GET", "POST"]),
            ]
        )

    async def _receive(self, request: Request) -> tuple[dict[str, Any], str]:
        body = await request.body()
        self.received.append(Received(request.url.path, dict(request.headers), body))
        document = json.loads(body)
        return document, str(document.get("model", ""))

    # --- what it says

    @staticmethod
    def reply_text(document: dict[str, Any]) -> str:
        """'You said: ' + the text of the last user message it received."""
        messages = document.get("messages") or document.get("input") or []
        if isinstance(messages, str):
            return "You said: " + messages
        for message in reversed(messages):
            if message.get("role") == "user":
                content = message["content"]
                if isinstance(content, str):
                    return "You said: " + content
                return "You said: " + "".join(p.get("text", "") for p in content)
        return "You said nothing."

    def pieces(self, text: str) -> list[str]:
        return [text[i : i + self.piece] for i in range(0, len(text), self.piece)]

    async def _misbehave(self, model: str, request: Request) -> Response | None:
        if model == "fail-500":
            body = {"error": {"message": "the model fell over", "type": "server_error"}}
            return JSONResponse(body, 500)
        if model == "html-502":
            return Response("<html>bad gateway</html>", 502, media_type="text/html")
        if model == "slow":  # no answer while the gateway waits (an hour at most)
            deadline = time.monotonic() + 3600
            while time.monotonic() < deadline and not await request.is_disconnected():
                await asyncio.sleep(0.05)
        return None

    def _stream(
        self, events: list[str], model: str, label: str, end: str | None
    ) -> StreamingResponse:
        async def body() -> AsyncIterator[str]:
            try:
                for i, event in enumerate(events):
                    if model == "broken-json" and i == 3:
                        yield "data: {this is not json\n\n"
                        return
                    if model == "drop" and i == 3:
                        raise ConnectionResetError("cut")  # uvicorn aborts the response
                    if model == "hang" and i == 3:
                        await asyncio.sleep(3600)  # until the gateway hangs up
                    if model == "pause" and i == 3:
                        await asyncio.sleep(IMPATIENT + 1)
                    yield event
                    await asyncio.sleep(0.001)
                if end is not None and model != "no-done":
                    yield end
            finally:
                self.streams_closed.append(label)

        return StreamingResponse(body(), media_type="text/event-stream")

    # --- OpenAI chat completions

    async def chat(self, request: Request) -> Response:
        document, model = await self._receive(request)
        bad = await self._misbehave(model, request)
        if bad is not None:
            return bad
        text = self.reply_text(document)
        tool = model == "tool" or model.endswith("-tool")
        arguments = json.dumps({"note": text, "n": 1})
        if not document.get("stream"):
            message: dict[str, Any] = {"role": "assistant", "content": None if tool else text}
            if tool:
                message["tool_calls"] = [_openai_call(arguments)]
            return JSONResponse(
                {
                    "id": "chatcmpl-1",
                    "object": "chat.completion",
                    "created": 1,
                    "model": model,
                    "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
            )
        deltas: list[dict[str, Any]] = [{"role": "assistant", "content": ""}]
        if tool:
            first = _openai_call("")
            deltas.append({"tool_calls": [{"index": 0, **first}]})
            deltas += [
                {"tool_calls": [{"index": 0, "function": {"arguments": p}}]}
                for p in self.pieces(arguments)
            ]
        else:
            deltas += [{"content": p} for p in self.pieces(text)]
        events = [_openai_chunk(model, d, None) for d in deltas]
        events.append(_openai_chunk(model, {}, "tool_calls" if tool else "stop"))
        return self._stream(events, model, "chat", "data: [DONE]\n\n")

    # --- Anthropic messages

    async def messages(self, request: Request) -> Response:
        document, model = await self._receive(request)
        bad = await self._misbehave(model, request)
        if bad is not None:
            return bad
        text = self.reply_text(document)
        tool = model == "tool" or model.endswith("-tool")
        if not document.get("stream"):
            block: dict[str, Any] = {"type": "text", "text": text}
            if tool:
                block = {
                    "type": "tool_use",
                    "id": "toolu_1",
                    "name": "save_note",
                    "input": {"note": text, "n": 1},
                }
            return JSONResponse(
                {
                    "id": "msg_1",
                    "type": "message",
                    "role": "assistant",
                    "model": model,
                    "content": [block],
                    "stop_reason": "end_turn",
                    "stop_sequence": None,
                    "usage": {"input_tokens": 1, "output_tokens": 1},
                }
            )
        start = {
            "type": "message_start",
            "message": {
                "id": "msg_1",
                "type": "message",
                "role": "assistant",
                "model": model,
                "content": [],
                "stop_reason": None,
                "stop_sequence": None,
                "usage": {"input_tokens": 1, "output_tokens": 0},
            },
        }
        events = [_sse("message_start", start)]
        if tool:
            arguments = json.dumps({"note": text, "n": 1})
            events.append(
                _sse(
                    "content_block_start",
                    {
                        "type": "content_block_start",
                        "index": 0,
                        "content_block": {
                            "type": "tool_use",
                            "id": "toolu_1",
                            "name": "save_note",
                            "input": {},
                        },
                    },
                )
            )
            deltas = [
                {"type": "input_json_delta", "partial_json": p} for p in self.pieces(arguments)
            ]
        else:
            events.append(
                _sse(
                    "content_block_start",
                    {
                        "type": "content_block_start",
                        "index": 0,
                        "content_block": {"type": "text", "text": ""},
                    },
                )
            )
            deltas = [{"type": "text_delta", "text": p} for p in self.pieces(text)]
        events += [
            _sse("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": d})
            for d in deltas
        ]
        events.append(_sse("content_block_stop", {"type": "content_block_stop", "index": 0}))
        events.append(
            _sse(
                "message_delta",
                {
                    "type": "message_delta",
                    "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                    "usage": {"output_tokens": 5},
                },
            )
        )
        return self._stream(
            events, model, "messages", _sse("message_stop", {"type": "message_stop"})
        )

    # --- OpenAI responses

    async def responses(self, request: Request) -> Response:
        document, model = await self._receive(request)
        bad = await self._misbehave(model, request)
        if bad is not None:
            return bad
        text = self.reply_text(document)
        item = {
            "id": "msg_1",
            "type": "message",
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "output_text", "text": text, "annotations": []}],
        }
        response = _openai_response(model, [item])
        response["instructions"] = document.get("instructions")
        if not document.get("stream"):
            return JSONResponse(response)
        pending = _openai_response(model, [])
        pending["status"] = "in_progress"
        events = [
            _sse(
                "response.created",
                {"type": "response.created", "sequence_number": 0, "response": pending},
            )
        ]
        empty = {**item, "status": "in_progress", "content": []}
        part = {"type": "output_text", "text": "", "annotations": []}
        where = {"item_id": "msg_1", "output_index": 0, "content_index": 0}
        events.append(
            _sse(
                "response.output_item.added",
                {
                    "type": "response.output_item.added",
                    "output_index": 0,
                    "item": empty,
                    "sequence_number": 0,
                },
            )
        )
        events.append(
            _sse(
                "response.content_part.added",
                {
                    "type": "response.content_part.added",
                    **where,
                    "part": part,
                    "sequence_number": 0,
                },
            )
        )
        events += [
            _sse(
                "response.output_text.delta",
                {
                    "type": "response.output_text.delta",
                    "item_id": "msg_1",
                    "output_index": 0,
                    "content_index": 0,
                    "delta": p,
                    "sequence_number": i + 1,
                    "logprobs": [],
                },
            )
            for i, p in enumerate(self.pieces(text))
        ]
        events.append(
            _sse(
                "response.output_text.done",
                {
                    "type": "response.output_text.done",
                    "item_id": "msg_1",
                    "output_index": 0,
                    "content_index": 0,
                    "text": text,
                    "sequence_number": 999,
                    "logprobs": [],
                },
            )
        )
        events.append(
            _sse(
                "response.content_part.done",
                {
                    "type": "response.content_part.done",
                    **where,
                    "part": {**part, "text": text},
                    "sequence_number": 999,
                },
            )
        )
        events.append(
            _sse(
                "response.output_item.done",
                {
                    "type": "response.output_item.done",
                    "output_index": 0,
                    "item": item,
                    "sequence_number": 999,
                },
            )
        )
        end = _sse(
            "response.completed",
            {"type": "response.completed", "sequence_number": 1000, "response": response},
        )
        return self._stream(events, model, "responses", end)


def _openai_call(arguments: str) -> dict[str, Any]:
    return {
        "id": "call_1",
        "type": "function",
        "function": {"name": "save_note", "arguments": arguments},
    }


def _openai_chunk(model: str, delta: dict[str, Any], finish: str | None) -> str:
    chunk = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(chunk)}\n\n"


def _openai_response(model: str, output: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": "resp_1",
        "object": "response",
        "created_at": 1,
        "status": "completed",
        "model": model,
        "output": output,
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
        "usage": {
            "input_tokens": 1,
            "output_tokens": 1,
            "total_tokens": 2,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens_details": {"reasoning_tokens": 0},
        },
    }


def _sse(event: str, data: dict[str, Any]) -> str:
    return f"event: {event}\ndata: {json.dumps(data)}\n\n"


def wait_for(predicate: Callable[[], bool], seconds: float = 60.0) -> bool:
    """True as soon as `predicate` holds; False if it still does not after `seconds`
    (long: on a loaded machine the servers' threads may not run for a while)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


# --- a running gateway in front of a fake upstream ------------------------------------


@dataclass
class Rig:
    """A fake upstream, a gateway in front of it, and what they saw."""

    upstream: FakeUpstream
    upstream_server: Server
    gateway_server: Server
    app: Any
    audit_path: Any

    @property
    def gateway(self) -> Any:
        return self.app.state.gateway

    @property
    def base(self) -> str:
        return self.gateway_server.url

    def audit(self) -> list[dict[str, Any]]:
        if self.audit_path is None or not self.audit_path.exists():
            return []
        return [json.loads(line) for line in self.audit_path.read_text().splitlines()]


@contextlib.contextmanager
def running_gateway(redactor: Any, audit_path: Any = None, **config: Any) -> Iterator[Rig]:
    """A fake upstream and a gateway in front of it, both on loopback."""
    from phimin.gateway import GatewayConfig, Timeouts, create_app

    upstream = FakeUpstream()
    with Server(upstream.app()) as upstream_server:
        settings = {"timeouts": Timeouts(read=PATIENT), "audit_log": audit_path, **config}
        settings.setdefault("upstream", upstream_server.url)
        app = create_app(GatewayConfig(**settings), redactor=redactor)
        with Server(app) as gateway_server:
            yield Rig(upstream, upstream_server, gateway_server, app, audit_path)
