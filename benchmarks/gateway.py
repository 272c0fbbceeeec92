"""Gateway load benchmark (issue 16): concurrent conversations through `phimin-gateway`.

    python benchmarks/gateway.py [--conversations 32] [--turns 5] [--workers 1,2]
        [--out benchmarks/results/gateway.md]

A fake upstream LLM (this script, `--serve-upstream PORT`, in its own process) answers
at once: "You said: " + the last user message it received, whole (JSON) or streamed
(SSE, 8 characters per event). It refuses (422) any request that holds one of the
planted identifiers, so a leak cannot pass unnoticed.

`--conversations` clients run at once, each a conversation of `--turns` turns with its
own invented client (name, sister, two phone numbers, MRN): every turn sends the whole
history, as chat tools do, alternating the OpenAI chat and Anthropic messages APIs,
streamed and not. Each reply must come back restored exactly ("You said: " + the
original message) and hold no other conversation's identifiers: placeholders never
cross between conversations. The same requests are first sent straight to the fake
upstream (identifiers and all) to give the baseline latency; the gateway's added
latency is the difference of the percentiles. Peak RSS is the gateway's, with its
worker processes, sampled every 50 ms. Writes benchmarks/results/gateway.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: python benchmarks/gateway.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.engines import machine_info, write_report

__all__ = ["Conversation", "conversations", "main"]

RESULTS = Path(__file__).resolve().parent / "results"
HOST = "127.0.0.1"
FIRSTS = [
    "Imogen",
    "Rafael",
    "Odalys",
    "Tobiah",
    "Marisol",
    "Keziah",
    "Anselm",
    "Briony",
    "Caspian",
    "Delphine",
    "Evander",
    "Fenella",
    "Gideon",
    "Honora",
    "Isidore",
    "Jessamy",
]
SISTERS = [
    "Wilhelmina",
    "Cordelia",
    "Philippa",
    "Rosalind",
    "Genevieve",
    "Ottoline",
    "Clementine",
    "Perpetua",
    "Araminta",
    "Seraphina",
    "Lavinia",
    "Henrietta",
    "Euphemia",
    "Theodora",
    "Millicent",
    "Bernadette",
]
LASTS = ["Delacroix", "Varga", "Lindqvist", "Okafor"]
TURNS = [
    "My name is {name} and my number is {phone}. Sleep has been poor for weeks.",
    "{name} again. My sister {sister} drove me today; her cell is {phone2}.",
    "This is {name}, MRN {mrn}. The worry log helped a little this week.",
    "{name} here: can {sister} join the next session? Reach me at {phone}.",
    "Thanks. {name} signing off until next Tuesday.",
]


@dataclass(frozen=True)
class Conversation:
    """One invented client and the turns of a conversation about them."""

    number: int
    first: str
    last: str
    sister: str
    phone: str
    phone2: str
    mrn: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    def identifiers(self) -> list[str]:
        return [self.first, self.last, self.sister, self.phone, self.phone2, self.mrn]

    def own(self) -> list[str]:
        """Strings only this conversation has (first names and surnames are each shared
        with other conversations; the full names are not)."""
        return [self.name, f"{self.sister} {self.last}", self.phone, self.phone2, self.mrn]

    def user_text(self, turn: int) -> str:
        return TURNS[turn % len(TURNS)].format(
            name=self.name,
            first=self.first,
            last=self.last,
            sister=f"{self.sister} {self.last}",
            phone=self.phone,
            phone2=self.phone2,
            mrn=self.mrn,
        )

    @property
    def system(self) -> str:
        return f"You draft progress notes for a therapist. Client: {self.name}, MRN {self.mrn}."


def conversations(count: int) -> list[Conversation]:
    out = []
    for i in range(count):
        out.append(
            Conversation(
                number=i,
                first=FIRSTS[i % len(FIRSTS)],
                last=LASTS[(i // len(FIRSTS)) % len(LASTS)],
                sister=SISTERS[i % len(SISTERS)],
                phone=f"410-555-{1000 + i:04d}",
                phone2=f"443-555-{2000 + i:04d}",
                mrn=f"{7300000 + 17 * i}",
            )
        )
    return out


def planted(count: int) -> list[str]:
    """Every identifier the conversations plant (what the upstream must never see)."""
    found = {s for c in conversations(count) for s in c.identifiers()}
    return sorted(found | {p.replace("-", "") for p in found if "-" in p})


# --- the fake upstream (its own process) ------------------------------------------------


def serve_upstream(port: int, count: int) -> None:
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response, StreamingResponse
    from starlette.routing import Route

    secrets = [s.lower() for s in planted(count)]

    def echo(document: dict[str, Any]) -> str:
        for message in reversed(document.get("messages", [])):
            if message.get("role") == "user":
                return "You said: " + str(message["content"])
        return "You said nothing."

    async def body(request: Request) -> tuple[dict[str, Any] | None, Response | None]:
        raw = await request.body()
        if request.headers.get("x-bench-direct") != "1":
            lowered = raw.decode("utf-8").lower()
            if any(s in lowered for s in secrets):
                return None, JSONResponse({"error": {"message": "leak"}}, 422)
        return json.loads(raw), None

    def stream(events: list[str]) -> StreamingResponse:
        async def gen() -> AsyncIterator[str]:
            for event in events:
                yield event

        return StreamingResponse(gen(), media_type="text/event-stream")

    async def chat(request: Request) -> Response:
        document, refused = await body(request)
        if document is None:
            return refused  # type: ignore[return-value]
        text = echo(document)
        if not document.get("stream"):
            message = {"role": "assistant", "content": text}
            return JSONResponse(
                {
                    "id": "c",
                    "object": "chat.completion",
                    "created": 1,
                    "model": "m",
                    "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                }
            )
        chunks = [{"content": text[i : i + 8]} for i in range(0, len(text), 8)]
        events = [
            "data: "
            + json.dumps(
                {
                    "id": "c",
                    "object": "chat.completion.chunk",
                    "created": 1,
                    "model": "m",
                    "choices": [{"index": 0, "delta": d, "finish_reason": None}],
                }
            )
            + "\n\n"
            for d in chunks
        ]
        events.append(
            "data: "
            + json.dumps(
                {
                    "id": "c",
                    "object": "chat.completion.chunk",
                    "created": 1,
                    "model": "m",
                    "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
                }
            )
            + "\n\ndata: [DONE]\n\n"
        )
        return stream(events)

    async def messages(request: Request) -> Response:
        document, refused = await body(request)
        if document is None:
            return refused  # type: ignore[return-value]
        text = echo(document)
        if not document.get("stream"):
            return JSONResponse(
                {
                    "id": "m",
                    "type": "message",
                    "role": "assistant",
                    "model": "m",
                    "content": [{"type": "text", "text": text}],
                    "stop_reason": "end_turn",
                    "usage": {},
                }
            )

        def sse(kind: str, data: dict[str, Any]) -> str:
            return f"event: {kind}\ndata: {json.dumps({'type': kind, **data})}\n\n"

        events = [
            sse(
                "message_start",
                {
                    "message": {
                        "id": "m",
                        "type": "message",
                        "role": "assistant",
                        "content": [],
                        "model": "m",
                        "usage": {},
                    }
                },
            ),
            sse("content_block_start", {"index": 0, "content_block": {"type": "text", "text": ""}}),
        ]
        events += [
            sse(
                "content_block_delta",
                {"index": 0, "delta": {"type": "text_delta", "text": text[i : i + 8]}},
            )
            for i in range(0, len(text), 8)
        ]
        events += [
            sse("content_block_stop", {"index": 0}),
            sse("message_delta", {"delta": {"stop_reason": "end_turn"}, "usage": {}}),
            sse("message_stop", {}),
        ]
        return stream(events)

    app = Starlette(
        routes=[
            Route("/v1/chat/completions", chat, methods=["POST"]),
            Route("/v1/messages", messages, methods=["POST"]),
        ]
    )
    uvicorn.run(app, host=HOST, port=port, log_level="error", access_log=False)


# --- the load -----------------------------------------------------------------------------


@dataclass
class Phase:
    """What one pass of all conversations measured."""

    seconds: dict[tuple[int, int], float] = field(default_factory=dict)  # (conversation, turn)
    requests: int = 0
    exact: int = 0
    crossed: int = 0  # replies holding another conversation's identifiers
    refused: int = 0  # requests the upstream refused as leaks (or that failed)
    wall: float = 0.0


def _request(
    conv: Conversation, turn: int, history: list[dict[str, str]]
) -> tuple[str, dict[str, Any], bool]:
    user = conv.user_text(turn)
    messages = [*history, {"role": "user", "content": user}]
    stream = (conv.number + turn) % 2 == 0
    if (conv.number + turn // 2) % 2 == 0:
        body = {
            "model": "m",
            "stream": stream,
            "messages": [{"role": "system", "content": conv.system}, *messages],
        }
        return "/v1/chat/completions", body, stream
    body = {
        "model": "m",
        "max_tokens": 256,
        "stream": stream,
        "system": conv.system,
        "messages": messages,
    }
    return "/v1/messages", body, stream


def _reply(path: str, raw: bytes, stream: bool) -> str:
    if not stream:
        document = json.loads(raw)
        if path == "/v1/chat/completions":
            return str(document["choices"][0]["message"]["content"])
        return "".join(b["text"] for b in document["content"])
    text = []
    for block in raw.decode("utf-8").split("\n\n"):
        for line in block.splitlines():
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            data = json.loads(line[6:])
            if "error" in data and path == "/v1/chat/completions":
                raise RuntimeError("stream error")
            if path == "/v1/chat/completions":
                text += [c["delta"].get("content") or "" for c in data.get("choices", [])]
            elif data.get("type") == "content_block_delta":
                text.append(data["delta"].get("text", ""))
            elif data.get("type") == "error":
                raise RuntimeError("stream error")
    return "".join(text)


async def run_phase(base: str, convs: list[Conversation], turns: int, direct: bool) -> Phase:
    import httpx

    phase = Phase()
    others = {c.number: [s for o in convs if o.number != c.number for s in o.own()] for c in convs}
    headers = {"x-bench-direct": "1"} if direct else {}
    limits = httpx.Limits(max_connections=len(convs) + 4)
    async with httpx.AsyncClient(
        base_url=base, timeout=300, limits=limits, trust_env=False
    ) as client:

        async def converse(conv: Conversation) -> None:
            history: list[dict[str, str]] = []
            for turn in range(turns):
                path, body, stream = _request(conv, turn, history)
                started = time.perf_counter()
                response = await client.post(path, json=body, headers=headers)
                raw = await response.aread()
                phase.seconds[conv.number, turn] = time.perf_counter() - started
                phase.requests += 1
                expected = "You said: " + conv.user_text(turn)
                try:
                    if response.status_code != 200:
                        raise RuntimeError(f"status {response.status_code}")
                    reply = _reply(path, raw, stream)
                except (RuntimeError, ValueError, KeyError):
                    phase.refused += 1
                    reply = expected  # keep the conversation going
                else:
                    phase.exact += reply == expected
                    phase.crossed += any(s in reply for s in others[conv.number])
                history += [
                    {"role": "user", "content": conv.user_text(turn)},
                    {"role": "assistant", "content": reply},
                ]

        started = time.perf_counter()
        await asyncio.gather(*(converse(c) for c in convs))
        phase.wall = time.perf_counter() - started
    return phase


# --- processes ------------------------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _wait(url: str, seconds: float = 180) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2, trust_env=False).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not come up")


class RssSampler:
    """Peak RSS of a process and its children, sampled in a thread."""

    def __init__(self, pid: int) -> None:
        import threading

        import psutil

        self._process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.wait(0.05):
            try:
                tree = [self._process, *self._process.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                pass

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Run:
    workers: int
    direct: Phase
    gateway: Phase
    peak_rss: int
    load: float  # the machine's 1-minute load average after the gateway phase


def bench(workers: int, count: int, turns: int, upstream: str) -> Run:
    port = _free_port()
    argv = [
        sys.executable,
        "-c",
        "from phimin.gateway.cli import entry; entry()",
        "--upstream",
        upstream,
        "--listen",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
    ]
    gateway = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(f"http://{HOST}:{port}/healthz")
        convs = conversations(count)
        asyncio.run(run_phase(f"http://{HOST}:{port}", convs[:2], 1, direct=False))  # warm up
        direct = asyncio.run(run_phase(upstream, convs, turns, direct=True))
        with RssSampler(gateway.pid) as rss:
            through = asyncio.run(run_phase(f"http://{HOST}:{port}", convs, turns, direct=False))
        return Run(workers, direct, through, rss.peak, os.getloadavg()[0])
    finally:
        gateway.terminate()
        gateway.wait(timeout=60)


# --- report -----------------------------------------------------------------------------------


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _ms(values: list[float]) -> str:
    return f"{_pct(values, 0.5) * 1000:.0f} / {_pct(values, 0.99) * 1000:.0f} ms"


def report(runs: list[Run], count: int, turns: int) -> str:
    info = machine_info()
    lines = [
        "# Gateway load benchmark",
        "",
        f"`python benchmarks/gateway.py --conversations {count} --turns {turns}`; "
        f"{info['date']}, {info['cpu']}, {info['cores']} cores (shared with other work: "
        f"**provisional figures**), Python {info['python']}, phimin {info['phimin']}.",
        "",
        f"{count} conversations at once, {turns} turns each (the whole history sent every "
        "turn), alternating OpenAI chat and Anthropic messages, streamed and not. The fake "
        "upstream answers at once, so the added latency is all the gateway's: redaction "
        "(the request's texts as one document), forwarding, restore.",
        "",
        "| workers | requests | restored exactly | crossed conversations | refused or failed "
        "| direct p50 / p99 | gateway p50 / p99 | added p50 / p99 | requests/s | peak RSS "
        "| load avg |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        d, g = run.direct, run.gateway
        added = [g.seconds[k] - d.seconds[k] for k in g.seconds if k in d.seconds]
        lines.append(
            f"| {run.workers} | {g.requests} | {g.exact} | {g.crossed} | {g.refused} "
            f"| {_ms(list(d.seconds.values()))} | {_ms(list(g.seconds.values()))} | {_ms(added)} "
            f"| {g.requests / g.wall:.1f} | {run.peak_rss / 2**20:,.0f} MB | {run.load:.1f} |"
        )
    lines += [
        "",
        '- *restored exactly*: the reply equals "You said: " + the original message, '
        "character for character. *crossed*: a reply holding an identifier of another "
        "conversation. *refused or failed*: the upstream saw a planted identifier (it "
        "answers 422), or a request failed.",
        "- Latency is per request, to the last byte of the reply, with "
        f"{count} requests in flight. *Added* is, request by request, the time through "
        "the gateway less the time of the same request sent straight to the fake upstream "
        "(the percentiles of those differences). The load generator, the fake upstream and "
        "the gateway share the machine's cores, so the direct times include queueing in "
        "the generator too; mean gateway latency "
        + ", ".join(
            f"{statistics.mean(r.gateway.seconds.values()) * 1000:.0f} ms ({r.workers} w)"
            for r in runs
        )
        + ".",
        "- Peak RSS is the gateway's processes together (one model each). *Load avg* is "
        "the machine's 1-minute load average just after the run: above the core count, "
        "other work was competing for the cores.",
        '- Each person is named one way throughout ("Imogen Delacroix", never "Imogen" '
        "alone), so that exactness can be checked character for character: phimin gives a "
        "name's shorter forms the same placeholder, which restores to the fullest form.",
        "",
    ]
    return "\n".join(lines)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conversations", type=int, default=32)
    parser.add_argument("--turns", type=int, default=5)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--out", type=Path, default=RESULTS / "gateway.md")
    parser.add_argument("--serve-upstream", type=int, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.serve_upstream is not None:
        serve_upstream(args.serve_upstream, args.conversations)
        return 0
    port = _free_port()
    upstream = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--serve-upstream",
            str(port),
            "--conversations",
            str(args.conversations),
        ],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    try:
        _wait(f"http://{HOST}:{port}/v1/messages")
        runs = [
            bench(int(w), args.conversations, args.turns, f"http://{HOST}:{port}")
            for w in args.workers.split(",")
        ]
    finally:
        upstream.terminate()
        upstream.wait(timeout=30)
    text = report(runs, args.conversations, args.turns)
    write_report(args.out, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
