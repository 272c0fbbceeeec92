"""The gateway's parts on their own: SSE parsing, request redaction, stream rewriting,
error shapes, session file names, the audit record and the command line. No sockets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import anthropic
import httpx
import openai
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import phimin
from phimin._session import Session
from phimin.gateway.anthropic_api import MESSAGES_SETTINGS, MessagesStream
from phimin.gateway.audit import AuditLog, Record
from phimin.gateway.cli import main, parse, worker_app
from phimin.gateway.config import ConfigError, GatewayConfig
from phimin.gateway.errors import Flavor, GatewayError, error_body
from phimin.gateway.openai_api import CHAT_SETTINGS, ChatStream, ResponsesStream
from phimin.gateway.sessions import SessionStore
from phimin.gateway.sse import Event, EventDecoder, encode
from phimin.gateway.upstream import reply_headers, upstream_headers
from phimin.gateway.walk import Redacting, Restoring

SETTINGS = settings(max_examples=150, deadline=None)
NOTE = "Imogen Delacroix called from 410-555-0199; her brother Rafael Delacroix too."


# --- SSE ------------------------------------------------------------------------------------

EVENT_TEXT = st.lists(
    st.sampled_from(["a", "é", "😀", "\u2028", " ", ":", "{", '"', "\n", "data: x"]), max_size=12
).map("".join)
EVENTS = st.lists(
    st.builds(
        Event,
        data=EVENT_TEXT,
        event=st.none() | st.sampled_from(["message", "content_block_delta", "error"]),
    ),
    max_size=6,
)


@SETTINGS
@given(events=EVENTS, cuts=st.lists(st.integers(0, 400), max_size=10), crlf=st.booleans())
def test_sse_decoder_reassembles_events_split_anywhere(
    events: list[Event], cuts: list[int], crlf: bool
) -> None:
    wire = b": a comment\n" + b"".join(encode(e) for e in events)
    if crlf:
        wire = wire.replace(b"\n", b"\r\n")
    decoder = EventDecoder(max_bytes=10_000)
    got: list[Event] = []
    last = 0
    for cut in [*sorted({min(c, len(wire)) for c in cuts}), len(wire)]:
        got += decoder.feed(wire[last:cut])  # cuts fall inside UTF-8 characters and CRLFs too
        last = cut
    assert decoder.finish()
    assert got == events


def test_sse_decoder_limits_and_bad_input() -> None:
    with pytest.raises(GatewayError, match="too large"):
        EventDecoder(max_bytes=10).feed(b"data: " + b"x" * 20 + b"\n")
    with pytest.raises(GatewayError, match="too large"):
        EventDecoder(max_bytes=10).feed(b"data: " + b"x" * 20)
    with pytest.raises(GatewayError, match="UTF-8"):
        EventDecoder(max_bytes=100).feed(b"data: \xff\n\n")
    half = EventDecoder(max_bytes=100)
    half.feed(b"data: {")
    assert not half.finish()  # ended in the middle of an event
    assert "Imogen" not in repr(Event("Imogen"))


# --- request redaction ------------------------------------------------------------------------


@pytest.fixture
def session(redactor: phimin.Redactor) -> Session:
    return Session(redactor)


def test_every_string_is_redacted_but_settings_and_structure(session: Session) -> None:
    body = {
        "model": "claude-sonnet-4-5",  # a setting: the redactor would take "claude" for a name
        "messages": [
            {"role": "user", "name": "Imogen Delacroix", "content": NOTE},
            {
                "role": "assistant",
                "tool_calls": [
                    {
                        "id": "call_Imogen",
                        "type": "function",
                        "function": {
                            "name": "save_Imogen",
                            "arguments": json.dumps({"who": "Imogen Delacroix"}),
                        },
                    }
                ],
            },
            {
                "role": "tool",
                "tool_call_id": "call_Imogen",
                "content": "Saved for Rafael Delacroix.",
            },
        ],
        "user": "Imogen Delacroix",
        "new_field": {"deep": [{"x": "Rafael Delacroix", "phone": 4105550199, "ok": True}]},
        "tools": [{"type": "function", "function": {"name": "save_note", "description": "Imogen"}}],
    }
    redacting = Redacting(session, CHAT_SETTINGS)
    out = redacting.document(body)
    dumped = json.dumps(out)
    assert out["model"] == "claude-sonnet-4-5" and out["tools"] == body["tools"]
    call = out["messages"][1]["tool_calls"][0]
    assert call["id"] == "call_Imogen" and call["function"]["name"] == "save_Imogen"
    assert out["messages"][2]["tool_call_id"] == "call_Imogen"
    assert json.loads(call["function"]["arguments"]) == {"who": "[PERSON_1]"}
    for leaked in ("Rafael", "410-555", "4105550199", '"Imogen Delacroix"'):
        assert leaked not in dumped
    assert out["messages"][0]["name"] == "[PERSON_1]"  # a participant's name is text
    assert out["new_field"]["deep"][0]["phone"] == "[PHONE_1]"  # a number that is a phone
    assert out["new_field"]["deep"][0]["ok"] is True
    assert redacting.entities["PERSON"] >= 5 and redacting.entities["PHONE_NUMBER"] == 2
    # one session: the same people, the same placeholders, in every part
    assert out["user"] == "[PERSON_1]" and "[PERSON_2]" in out["messages"][2]["content"]


def test_arguments_that_are_not_json_are_redacted_as_text(session: Session) -> None:
    call = {"function": {"name": "f", "arguments": '{"phone": "410-555-0199'}}
    out = Redacting(session, CHAT_SETTINGS).document({"messages": [{"tool_calls": [call]}]})
    assert out["messages"][0]["tool_calls"][0]["function"]["arguments"] == '{"phone": "[PHONE_1]'


@pytest.mark.parametrize(
    "part",
    [
        {"type": "image_url", "image_url": {"url": "https://example.org/scan.png"}},
        {"type": "input_audio", "input_audio": {"data": "AAAA", "format": "wav"}},
        {"type": "file", "file": {"file_data": "JVBERi0=", "filename": "note.pdf"}},
        {"type": "input_image", "image_url": "data:image/png;base64,AAAA"},
        {"type": "input_file", "file_id": "file-1"},
        {"type": "image", "source": {"type": "url", "url": "https://example.org/x.png"}},
        {
            "type": "document",
            "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBE"},
        },
        {"type": "text", "text": "ok", "image_url": {"url": "https://example.org/x.png"}},
    ],
)
def test_content_that_cannot_be_redacted_is_refused(session: Session, part: dict[str, Any]) -> None:
    with pytest.raises(GatewayError, match="cannot be redacted") as caught:
        Redacting(session, MESSAGES_SETTINGS).document(
            {"messages": [{"role": "user", "content": [part]}]}
        )
    assert caught.value.status == 400


def test_text_documents_are_redacted(session: Session) -> None:
    document = {
        "type": "document",
        "source": {"type": "text", "media_type": "text/plain", "data": NOTE},
    }
    out = Redacting(session, MESSAGES_SETTINGS).document(
        {"messages": [{"role": "user", "content": [document]}]}
    )
    assert out["messages"][0]["content"][0]["source"]["data"].startswith("[PERSON_1] called")


def test_a_text_holding_the_separator_mark_is_redacted_on_its_own(session: Session) -> None:
    body = {
        "messages": [
            {"role": "user", "content": "My brother Rafael Delacroix \ue000 drove."},
            {"role": "user", "content": NOTE},
        ]
    }
    redacting = Redacting(session, CHAT_SETTINGS)
    out = redacting.document(body)
    assert out["messages"][0]["content"] == "My brother [PERSON_1] \ue000 drove."
    assert "[PERSON_1] too" in out["messages"][1]["content"]  # the same person, same placeholder
    assert redacting.texts == 2 and redacting.entities["PERSON"] == 3


class SeparatorEatingSession:
    """Redacts like a session, but its first (joined) answer loses a separator, as if a
    finding had spanned it."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.calls: list[str] = []

    def redact(self, text: str) -> phimin.Redaction:
        self.calls.append(text)
        result = self.session.redact(text)
        if len(self.calls) == 1:
            return phimin.Redaction(text=result.text.replace("\n\n\ue000\n\n", " ", 1), findings=())
        return result


def test_a_lost_separator_falls_back_to_text_by_text(session: Session) -> None:
    eating = SeparatorEatingSession(session)
    texts = ["Rafael Delacroix drove.", NOTE, "Thanks."]
    body = {"messages": [{"role": "user", "content": t} for t in texts]}
    out = Redacting(eating, CHAT_SETTINGS).document(body)  # type: ignore[arg-type]
    assert eating.calls[1:] == texts  # the joined pass, then each text on its own
    assert [m["content"] for m in out["messages"]] == [
        "[PERSON_1] drove.",  # bare at the start: found, the joined pass taught the name
        "[PERSON_2] called from [PHONE_1]; her brother [PERSON_1] too.",
        "Thanks.",
    ]


def test_too_deep_is_refused(session: Session) -> None:
    deep: Any = "x"
    for _ in range(80):
        deep = [deep]
    with pytest.raises(GatewayError, match="too deeply"):
        Redacting(session, CHAT_SETTINGS).document({"messages": deep})


def test_restoring_keeps_json_valid(session: Session) -> None:
    redacted = session.redact(
        'Path C:\\Users\\imogen\\"notes" at imogen.d@example.org; Dr. Rafael Delacroix'
    ).text
    restoring = Restoring(session)
    arguments = restoring.json_text(json.dumps({"who": redacted}))
    assert json.loads(arguments)["who"] == session.restore(redacted) != redacted
    assert restoring.value({"who": [redacted], "n": 1}) == {
        "who": [session.restore(redacted)],
        "n": 1,
    }
    assert restoring.restored >= 4 and restoring.unrestored == 0
    assert restoring.text(None) is None


# --- stream rewriting ----------------------------------------------------------------------------


def cut(text: str, cuts: list[int]) -> list[str]:
    points = sorted({min(c, len(text)) for c in cuts})
    return [text[a:b] for a, b in zip([0, *points], [*points, len(text)], strict=True)]


@pytest.fixture(scope="module")
def conversation(redactor: phimin.Redactor) -> tuple[Session, str]:
    session = Session(redactor)
    redacted = session.redact(NOTE).text
    return session, f"Summary: {redacted.lower()} PERSON_2 said [PERSON_9]."


def chat_chunk(delta: dict[str, Any], finish: str | None = None, index: int = 0) -> Event:
    choice = {"index": index, "delta": delta, "finish_reason": finish}
    return Event(json.dumps({"id": "c", "object": "chat.completion.chunk", "choices": [choice]}))


@SETTINGS
@given(
    cuts=st.lists(st.integers(0, 120), max_size=12),
    tool_cuts=st.lists(st.integers(0, 160), max_size=12),
)
def test_chat_stream_restores_any_split_and_keeps_choices_apart(
    conversation: tuple[Session, str], cuts: list[int], tool_cuts: list[int]
) -> None:
    session, reply = conversation
    arguments = json.dumps({"note": reply})
    rewriter = ChatStream(session)
    events = [chat_chunk({"content": p}) for p in cut(reply, cuts)]
    events += [chat_chunk({"content": p}, index=1) for p in cut(reply, cuts[::-1])]
    events += [
        chat_chunk({"tool_calls": [{"index": 0, "function": {"arguments": p}}]}, index=2)
        for p in cut(arguments, tool_cuts)
    ]
    events.append(chat_chunk({}, "stop"))
    out = [e for event in events for e in rewriter.feed(event)]
    out += rewriter.feed(Event("[DONE]")) + rewriter.close(None)
    texts: dict[int, str] = {0: "", 1: "", 2: ""}
    for event in out[:-1]:
        for choice in json.loads(event.data)["choices"]:
            delta = choice["delta"]
            texts[choice["index"]] += delta.get("content") or ""
            for call in delta.get("tool_calls", []):
                texts[choice["index"]] += call["function"]["arguments"]
    expected = session.restore(reply)
    assert texts[0] == expected and texts[1] == expected
    assert json.loads(texts[2]) == {"note": expected}
    assert out[-1].data == "[DONE]" and rewriter.ended
    assert "Imogen Delacroix" in expected and "[PERSON_9]" in expected  # not issued: left


@SETTINGS
@given(cuts=st.lists(st.integers(0, 120), max_size=12))
def test_messages_stream_restores_any_split(
    conversation: tuple[Session, str], cuts: list[int]
) -> None:
    session, reply = conversation
    rewriter = MessagesStream(session, Restoring(session))
    events = [
        Event(
            json.dumps(
                {
                    "type": "content_block_start",
                    "index": 0,
                    "content_block": {"type": "text", "text": ""},
                }
            ),
            "content_block_start",
        )
    ]
    events += [
        Event(
            json.dumps(
                {
                    "type": "content_block_delta",
                    "index": 0,
                    "delta": {"type": "text_delta", "text": p},
                }
            ),
            "content_block_delta",
        )
        for p in cut(reply, cuts)
    ]
    events.append(
        Event(json.dumps({"type": "content_block_stop", "index": 0}), "content_block_stop")
    )
    events.append(Event(json.dumps({"type": "message_stop"}), "message_stop"))
    out = [e for event in events for e in rewriter.feed(event)] + rewriter.close(None)
    text = "".join(
        json.loads(e.data)["delta"]["text"] for e in out if e.event == "content_block_delta"
    )
    assert text == session.restore(reply)
    stop = next(i for i, e in enumerate(out) if e.event == "content_block_stop")
    assert all(e.event != "content_block_delta" for e in out[stop:])  # all text before the stop


def test_responses_stream_flushes_before_done(conversation: tuple[Session, str]) -> None:
    session, reply = conversation
    rewriter = ResponsesStream(session, Restoring(session))
    where = {"item_id": "m", "output_index": 0, "content_index": 0}
    events = [
        Event(json.dumps({"type": "response.output_text.delta", **where, "delta": p}))
        for p in cut(reply, [5, 17, 18, 40])
    ]
    events.append(Event(json.dumps({"type": "response.output_text.done", **where, "text": reply})))
    events.append(Event(json.dumps({"type": "response.completed", "response": {"output": []}})))
    out = [e for event in events for e in rewriter.feed(event)] + rewriter.close(None)
    data = [json.loads(e.data) for e in out]
    deltas = "".join(d["delta"] for d in data if d["type"] == "response.output_text.delta")
    expected = session.restore(reply)
    assert deltas == expected
    assert next(d for d in data if d["type"] == "response.output_text.done")["text"] == expected


def test_a_stream_without_its_end_closes_with_an_error(conversation: tuple[Session, str]) -> None:
    session, _ = conversation
    chat = ChatStream(session)
    chat.feed(chat_chunk({"content": "[PERS"}))
    events = chat.close(None)
    assert (
        json.loads(events[0].data)["choices"][0]["delta"]["content"] == "[PERS"
    )  # held, then flushed
    assert "error" in json.loads(events[-1].data) and not chat.ended
    messages = MessagesStream(session, Restoring(session))
    assert json.loads(messages.close("boom")[-1].data)["type"] == "error"
    with pytest.raises(GatewayError, match="not JSON"):
        ChatStream(session).feed(Event("{nope"))


# --- errors, headers, sessions, audit, command line -------------------------------------------


def test_error_bodies_match_what_each_sdk_reads() -> None:
    openai_body = error_body(Flavor.OPENAI, 404, "not_served", "x")
    assert openai_body["error"]["message"] == "phimin-gateway: x"
    anthropic_body = error_body(Flavor.ANTHROPIC, 413, "too_large", "x")
    assert anthropic_body == {
        "type": "error",
        "error": {"type": "request_too_large", "message": "phimin-gateway: x"},
    }
    either = error_body(Flavor.EITHER, 404, "not_served", "x")
    assert either["type"] == "error" and either["error"]["message"] == "phimin-gateway: x"


def test_header_filters() -> None:
    sent = dict(
        upstream_headers(
            [
                ("Authorization", "Bearer k"),
                ("x-api-key", "k2"),
                ("Host", "gw"),
                ("Content-Length", "9"),
                ("X-Phimin-Session", "Imogen"),
                ("X-Phimin-Token", "t"),
                ("Connection", "keep-alive"),
                ("anthropic-version", "2023-06-01"),
                ("Cookie", "a=b"),
            ]
        )
    )
    assert sent == {
        "Authorization": "Bearer k",
        "x-api-key": "k2",
        "anthropic-version": "2023-06-01",
        "content-type": "application/json",
    }
    back = reply_headers(
        httpx.Headers(
            {
                "x-request-id": "r",
                "content-length": "5",
                "content-encoding": "gzip",
                "set-cookie": "a=b",
            }
        ),
        "id1",
    )
    assert back == {"x-request-id": "r", "x-phimin-request-id": "id1"}


def test_session_file_names_are_keyed_hashes(redactor: phimin.Redactor, tmp_path: Path) -> None:
    store = SessionStore(redactor, tmp_path, b"k" * 32)
    name = store.file_name("Imogen Delacroix")
    assert name == store.file_name("Imogen Delacroix") and "Imogen" not in name
    assert name != store.file_name("Imogen Delacroix ")
    assert name != SessionStore(redactor, tmp_path, b"j" * 32).file_name("Imogen Delacroix")
    for bad in ("", "x" * 257, "a\nb", "../../etc/passwd\x00"):
        with pytest.raises(GatewayError, match="X-Phimin-Session"):
            store.file_name(bad)
    assert str(store.open("../../etc/passwd")._vault.path.parent) == str(tmp_path)  # type: ignore[union-attr]
    with pytest.raises(GatewayError, match="vault-dir"):
        SessionStore(redactor, None, None).open("x")


def test_audit_record_holds_counts_only(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    log = AuditLog(path)
    log.write(Record("rid", "/v1/messages", entities={"PERSON": 2}, texts=3, status=200))
    log.close()
    line = json.loads(path.read_text())
    assert set(line) == {
        "time",
        "request_id",
        "endpoint",
        "stream",
        "named_session",
        "status",
        "outcome",
        "texts",
        "entities",
        "restored",
        "unrestored",
        "latency_ms",
    }
    assert line["entities"] == {"PERSON": 2}
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--upstream", "ftp://example.org"], "http:// or https://"),
        (["--upstream", "https://api.openai.com/v1"], "without /v1"),
        (["--upstream", "http://api.example.org"], "in clear"),
        (["--upstream", "https://a.example.org", "--listen", "0.0.0.0:8787"], "--allow-remote"),
        (
            ["--upstream", "https://a.example.org", "--listen", "0.0.0.0:8787", "--allow-remote"],
            "token",
        ),
        (["--upstream", "https://a.example.org", "--listen", "8787"], "HOST:PORT"),
        (["--upstream", "https://a.example.org", "--workers", "0"], "--workers"),
        (["--upstream", "https://a.example.org", "--vault-dir", "/nonexistent/x"], "--vault-dir"),
    ],
)
def test_command_line_refusals(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ConfigError, match=message):
        parse(argv)
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_command_line_remote_needs_tls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHIMIN_GATEWAY_TOKEN", "a-token-of-sixteen-or-more")
    argv = ["--upstream", "https://a.example.org", "--listen", "0.0.0.0:8787", "--allow-remote"]
    with pytest.raises(ConfigError, match="--tls-cert and --tls-key"):
        parse(argv)
    options = parse([*argv, "--tls-cert", "c.pem", "--tls-key", "k.pem"])
    assert options.config.token == "a-token-of-sixteen-or-more"
    assert "a-token" not in repr(options.config)


def test_command_line_defaults_and_vault_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHIMIN_VAULT_KEY", phimin.generate_vault_key())
    options = parse(["--upstream", "http://127.0.0.1:11434", "--vault-dir", str(tmp_path)])
    assert (options.host, options.port, options.workers) == ("127.0.0.1", 8787, 1)
    assert options.config.vault_key is not None and len(options.config.vault_key) == 32
    monkeypatch.delenv("PHIMIN_VAULT_KEY")
    assert main(["--upstream", "http://127.0.0.1:1", "--vault-dir", str(tmp_path)]) == 2
    assert main(["--help"]) == 0
    with pytest.raises(ConfigError, match="vault key"):
        GatewayConfig(upstream="http://127.0.0.1:1", vault_dir=tmp_path)


def test_sdks_import_and_construct_without_any_network() -> None:
    """Runs with the suite's block in place (this module never opens loopback): a connect
    or a name lookup at import or construction would raise."""
    openai.OpenAI(base_url="http://127.0.0.1:9/v1", api_key="sk-x")
    anthropic.Anthropic(base_url="http://127.0.0.1:9", api_key="sk-x")
    openai.AsyncOpenAI(base_url="http://127.0.0.1:9/v1", api_key="sk-x")


def test_worker_processes_build_their_app_from_the_parents_arguments(
    redactor: phimin.Redactor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHIMIN_GATEWAY_ARGV", json.dumps(["--upstream", "http://127.0.0.1:9"]))
    monkeypatch.setattr("phimin._redactor.Redactor", lambda **_: redactor)
    app = worker_app()  # the model loads here, so a failure is the worker's exit code
    assert app.state.gateway.config.upstream == "http://127.0.0.1:9"
    assert app.state.gateway.redactor is redactor


def test_benchmark_conversations_keep_their_identifiers_apart() -> None:
    """The load benchmark's check of crossed conversations relies on this."""
    import sys

    root = str(Path(__file__).resolve().parents[2])
    if root not in sys.path:
        sys.path.insert(0, root)
    from benchmarks import gateway as bench

    convs = bench.conversations(32)
    for conv in convs:
        others = [s for o in convs if o is not conv for s in o.own()]
        texts = [conv.system] + [conv.user_text(t) for t in range(5)]
        assert not [s for s in others if any(s in t for t in texts)]
        assert all(s in " ".join(texts) for s in conv.own())
    chat = 'data: {"choices": [{"index": 0, "delta": {"content": "You"}}]}\n\ndata: [DONE]\n\n'
    assert bench._reply("/v1/chat/completions", chat.encode(), True) == "You"


def test_messages_stream_with_several_blocks(conversation: tuple[Session, str]) -> None:
    session, reply = conversation
    arguments = json.dumps({"note": reply})
    rewriter = MessagesStream(session, Restoring(session))

    def event(kind: str, **data: Any) -> Event:
        return Event(json.dumps({"type": kind, **data}), kind)

    events = [event("content_block_start", index=0, content_block={"type": "text", "text": ""})]
    events += [
        event("content_block_delta", index=0, delta={"type": "text_delta", "text": p})
        for p in cut(reply, [3, 11, 12, 30])
    ]
    events += [
        event("content_block_stop", index=0),
        event(
            "content_block_start",
            index=1,
            content_block={"type": "tool_use", "id": "t", "name": "save", "input": {}},
        ),
    ]
    events += [
        event("content_block_delta", index=1, delta={"type": "input_json_delta", "partial_json": p})
        for p in cut(arguments, [5, 9, 21, 22, 50])
    ]
    events += [event("content_block_stop", index=1), event("message_stop")]
    out = [e for ev in events for e in rewriter.feed(ev)] + rewriter.close(None)
    deltas = [json.loads(e.data) for e in out if e.event == "content_block_delta"]
    text = "".join(d["delta"].get("text", "") for d in deltas if d["index"] == 0)
    tool = "".join(d["delta"].get("partial_json", "") for d in deltas if d["index"] == 1)
    expected = session.restore(reply)
    assert text == expected and json.loads(tool) == {"note": expected}
    assert rewriter.ended and out[-1].event == "message_stop"
