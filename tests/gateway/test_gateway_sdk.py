"""The gateway with the real `openai` and `anthropic` SDKs pointed at it.

A fake upstream on loopback records every byte it receives and echoes, as its reply,
the last user message it got (redacted). So each test checks two things exactly: no
planted identifier reached the upstream, in any form; and the reply the SDK returns is
"You said: " + the original message, whole, streamed, or inside a tool call.

Loopback only, and only for this module: see `gateway_harness.loopback_only`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anthropic
import httpx
import openai
import pytest
from gateway_harness import Rig, loopback_only, running_gateway

import phimin
from phimin._vault import load_key

SYSTEM = "You draft progress notes. The client is Imogen Delacroix (MRN 4471902)."
FIRST = "Imogen Delacroix reports better sleep. Her brother Rafael Delacroix drove her."
ANSWER = "Noted: Imogen Delacroix slept better; Rafael Delacroix drove."
LAST = "Please call Rafael Delacroix at 410-555-0199 or email imogen.d@example.org about the plan."
EXPECTED = "You said: " + LAST
# Every planted identifier, and the forms a leak could take.
PLANTED = [
    "Imogen",
    "Delacroix",
    "Rafael",
    "4471902",
    "410-555-0199",
    "4105550199",
    "555-0199",
    "imogen.d",
    "example.org",
]

CHAT = [
    {"role": "system", "content": SYSTEM},
    {"role": "user", "content": FIRST},
    {"role": "assistant", "content": ANSWER},
    {"role": "user", "content": LAST},
]
MESSAGES = CHAT[1:]


def leaks(raw: bytes) -> list[str]:
    """Planted identifiers in a body, as sent or with its JSON escapes decoded."""
    text = raw.decode("utf-8")
    decoded = json.dumps(json.loads(text), ensure_ascii=False)
    return [p for p in PLANTED if p.lower() in text.lower() or p.lower() in decoded.lower()]


@pytest.fixture(scope="module")
def connected() -> Iterator[list[tuple[str, int]]]:
    """Opens loopback for this module's servers and clients, and records every connect."""
    seen: list[tuple[str, int]] = []
    with loopback_only(seen):
        yield seen


@pytest.fixture(scope="module")
def rig(
    redactor: phimin.Redactor,
    connected: list[tuple[str, int]],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Rig]:
    audit = tmp_path_factory.mktemp("audit") / "audit.jsonl"
    with running_gateway(redactor, audit_path=audit, max_request_bytes=100_000) as running:
        yield running


@pytest.fixture(scope="module")
def oai(rig: Rig) -> openai.OpenAI:
    return openai.OpenAI(base_url=rig.base + "/v1", api_key="sk-test-key", max_retries=0)


@pytest.fixture(scope="module")
def claude(rig: Rig) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=rig.base, api_key="sk-ant-test-key", max_retries=0)


def last_received(rig: Rig, path: str) -> Any:
    received = rig.upstream.received[-1]
    assert received.path == path
    assert leaks(received.body) == []
    return received.json


def placeholders(text: str) -> list[str]:
    return re.findall(r"\[[A-Z][A-Z_]*_\d+\]", text)


# --- OpenAI chat completions -----------------------------------------------------------


def test_chat_is_redacted_as_one_session_and_restored(rig: Rig, oai: openai.OpenAI) -> None:
    reply = oai.chat.completions.create(model="echo", messages=CHAT)  # type: ignore[arg-type]
    assert reply.choices[0].message.content == EXPECTED
    sent = last_received(rig, "/v1/chat/completions")
    texts = [m["content"] for m in sent["messages"]]
    person = placeholders(texts[0])[0]  # the client, in the system prompt
    assert person in texts[1] and person in texts[2]  # the same placeholder in every turn
    assert placeholders(texts[1])[1] in texts[3]  # the brother, too
    assert sent["model"] == "echo"


def test_chat_stream_is_restored_as_it_streams(rig: Rig, oai: openai.OpenAI) -> None:
    stream = oai.chat.completions.create(model="echo", messages=CHAT, stream=True)  # type: ignore[call-overload]
    pieces = [c.choices[0].delta.content or "" for c in stream if c.choices]
    assert "".join(pieces) == EXPECTED
    assert len(pieces) > 10  # it streamed: the upstream sent 3 characters per event
    assert all("[" not in p for p in pieces)  # no piece of a placeholder reached the client
    last_received(rig, "/v1/chat/completions")


def test_chat_tool_call_arguments_are_restored(rig: Rig, oai: openai.OpenAI) -> None:
    reply = oai.chat.completions.create(model="tool", messages=CHAT)  # type: ignore[arg-type]
    call = reply.choices[0].message.tool_calls[0]  # type: ignore[index]
    assert json.loads(call.function.arguments) == {"note": EXPECTED, "n": 1}  # type: ignore[union-attr]
    stream = oai.chat.completions.create(model="tool", messages=CHAT, stream=True)  # type: ignore[call-overload]
    arguments = "".join(
        c.choices[0].delta.tool_calls[0].function.arguments or ""
        for c in stream
        if c.choices and c.choices[0].delta.tool_calls
    )
    assert json.loads(arguments) == {"note": EXPECTED, "n": 1}


def test_tool_history_is_redacted_and_tool_definitions_pass(rig: Rig, oai: openai.OpenAI) -> None:
    tools = [
        {
            "type": "function",
            "function": {
                "name": "save_note",
                "description": "Save a progress note to the chart.",
                "parameters": {"type": "object", "properties": {"note": {"type": "string"}}},
            },
        }
    ]
    history = [
        {"role": "user", "content": [{"type": "text", "text": FIRST}]},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_7",
                    "type": "function",
                    "function": {
                        "name": "save_note",
                        "arguments": json.dumps({"note": ANSWER, "mrn": 4471902}),
                    },
                }
            ],
        },
        {
            "role": "tool",
            "tool_call_id": "call_7",
            "content": "Saved for Imogen Delacroix, 410-555-0199.",
        },
        {
            "role": "user",
            "content": [{"type": "text", "text": "Thanks."}, {"type": "text", "text": LAST}],
        },
    ]
    reply = oai.chat.completions.create(model="echo", messages=history, tools=tools)  # type: ignore[arg-type]
    assert reply.choices[0].message.content == "You said: Thanks." + LAST
    sent = last_received(rig, "/v1/chat/completions")
    assert sent["tools"] == tools  # written by the application: passed as they are
    call = sent["messages"][1]["tool_calls"][0]
    assert (call["id"], call["function"]["name"]) == ("call_7", "save_note")
    arguments = json.loads(call["function"]["arguments"])  # still JSON, values redacted
    assert placeholders(arguments["note"]) and arguments["mrn"] != 4471902
    assert sent["messages"][2]["tool_call_id"] == "call_7"


def test_unknown_fields_are_redacted_not_forwarded_as_they_came(rig: Rig) -> None:
    body = {
        "model": "echo",
        "messages": MESSAGES,
        "user": "imogen.d@example.org",
        "metadata": {"client": "Imogen Delacroix"},
        "a_future_field": ["Rafael Delacroix"],
    }
    response = httpx.post(rig.base + "/v1/chat/completions", json=body, timeout=30)
    assert response.status_code == 200
    sent = last_received(rig, "/v1/chat/completions")
    assert sent["metadata"]["client"].startswith("[PERSON_")


# --- Anthropic messages ------------------------------------------------------------------


def test_messages_redacted_with_system_and_restored(rig: Rig, claude: anthropic.Anthropic) -> None:
    reply = claude.messages.create(model="echo", max_tokens=64, system=SYSTEM, messages=MESSAGES)  # type: ignore[arg-type]
    assert reply.content[0].text == EXPECTED  # type: ignore[union-attr]
    sent = last_received(rig, "/v1/messages")
    person = placeholders(sent["system"])[0]
    assert person in sent["messages"][0]["content"]


def test_messages_stream_is_restored(rig: Rig, claude: anthropic.Anthropic) -> None:
    system = [{"type": "text", "text": SYSTEM, "cache_control": {"type": "ephemeral"}}]
    with claude.messages.stream(
        model="echo", max_tokens=64, system=system, messages=MESSAGES
    ) as stream:  # type: ignore[arg-type]
        deltas = list(stream.text_stream)
    assert "".join(deltas) == EXPECTED
    assert all("[" not in d for d in deltas)
    sent = last_received(rig, "/v1/messages")
    assert sent["system"][0]["cache_control"] == {"type": "ephemeral"}


def test_messages_tool_use_and_results(rig: Rig, claude: anthropic.Anthropic) -> None:
    history = [
        {"role": "user", "content": FIRST},
        {
            "role": "assistant",
            "content": [
                {"type": "text", "text": "Saving."},
                {
                    "type": "tool_use",
                    "id": "toolu_7",
                    "name": "save_note",
                    "input": {"note": ANSWER},
                },
            ],
        },
        {
            "role": "user",
            "content": [
                {
                    "type": "tool_result",
                    "tool_use_id": "toolu_7",
                    "content": [{"type": "text", "text": "Saved for Imogen Delacroix."}],
                },
                {"type": "text", "text": LAST},
            ],
        },
    ]
    reply = claude.messages.create(model="tool", max_tokens=64, messages=history)  # type: ignore[arg-type]
    assert reply.content[0].input == {"note": EXPECTED, "n": 1}  # type: ignore[union-attr]
    sent = last_received(rig, "/v1/messages")
    block = sent["messages"][1]["content"][1]
    assert (block["id"], block["name"]) == ("toolu_7", "save_note")
    with claude.messages.stream(model="tool", max_tokens=64, messages=history) as stream:  # type: ignore[arg-type]
        final = stream.get_final_message()
    assert final.content[0].input == {"note": EXPECTED, "n": 1}  # type: ignore[union-attr]
    last_received(rig, "/v1/messages")


# --- OpenAI responses --------------------------------------------------------------------


def test_responses_whole_and_streamed(rig: Rig, oai: openai.OpenAI) -> None:
    reply = oai.responses.create(model="echo", instructions=SYSTEM, input=LAST)
    assert reply.output_text == EXPECTED
    assert reply.instructions == SYSTEM  # echoed back by the upstream redacted, restored here
    sent = last_received(rig, "/v1/responses")
    assert placeholders(sent["instructions"])
    with oai.responses.stream(model="echo", input=LAST) as stream:
        events = list(stream)
        # The SDK hands a stream's `error` event on as an event, and only then finds no
        # `response.completed`: name the gateway's error, if any, before that.
        assert [e.message for e in events if e.type == "error"] == []
        final = stream.get_final_response()
    deltas = [e.delta for e in events if e.type == "response.output_text.delta"]
    assert "".join(deltas) == EXPECTED and final.output_text == EXPECTED
    last_received(rig, "/v1/responses")


def test_responses_that_continue_upstream_state_need_a_named_session(
    rig: Rig, oai: openai.OpenAI
) -> None:
    before = len(rig.upstream.received)
    with pytest.raises(openai.BadRequestError, match="X-Phimin-Session"):
        oai.responses.create(model="echo", input=LAST, previous_response_id="resp_1")
    assert len(rig.upstream.received) == before


# --- refusals: never forwarded -----------------------------------------------------------


def test_images_are_refused_not_forwarded(
    rig: Rig, oai: openai.OpenAI, claude: anthropic.Anthropic
) -> None:
    before = len(rig.upstream.received)
    image = {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}
    with pytest.raises(openai.BadRequestError, match="cannot be redacted"):
        oai.chat.completions.create(model="echo", messages=[{"role": "user", "content": [image]}])  # type: ignore[list-item]
    block = {
        "type": "image",
        "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="},
    }
    with pytest.raises(anthropic.BadRequestError, match="cannot be redacted"):
        claude.messages.create(
            model="echo", max_tokens=8, messages=[{"role": "user", "content": [block]}]
        )  # type: ignore[list-item]
    assert len(rig.upstream.received) == before


def test_other_paths_and_methods_are_refused(
    rig: Rig, oai: openai.OpenAI, claude: anthropic.Anthropic
) -> None:
    before = len(rig.upstream.received)
    with pytest.raises(openai.NotFoundError, match="not served"):
        oai.models.list()
    with pytest.raises(openai.NotFoundError, match="not served"):
        oai.embeddings.create(model="echo", input="Imogen Delacroix")
    with pytest.raises(anthropic.NotFoundError, match="not served"):
        claude.messages.count_tokens(model="echo", messages=MESSAGES)  # type: ignore[arg-type]
    response = httpx.get(rig.base + "/v1/chat/completions", timeout=30)
    assert response.status_code == 405 and "error" in response.json()
    assert len(rig.upstream.received) == before


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        ({"content-type": "text/plain"}, b'{"model": "echo", "messages": []}', 415),
        ({"content-type": "application/x-www-form-urlencoded"}, b"messages=Imogen", 415),
        ({}, b'{"model": "echo", "messages": []}', 415),
        ({"content-type": "application/json"}, b'{"model": "echo", "messages": [', 400),
        ({"content-type": "application/json"}, b'["Imogen Delacroix"]', 400),
        ({"content-type": "application/json"}, b"\xff\xfe{}", 400),
        ({"content-type": "application/json"}, b'{"model": "\\ud800", "messages": []}', 400),
        (
            {"content-type": "application/json"},
            b'{"messages": ' + b"[" * 200 + b"]" * 200 + b"}",
            400,
        ),
        ({"content-type": "application/json"}, b'{"messages": "' + b"x" * 200_000 + b'"}', 413),
    ],
)
def test_bad_requests_are_refused_not_forwarded(
    rig: Rig, headers: dict[str, str], body: bytes, status: int
) -> None:
    before = len(rig.upstream.received)
    for path in ("/v1/chat/completions", "/v1/messages"):
        response = httpx.post(rig.base + path, content=body, headers=headers, timeout=30)
        assert response.status_code == status
        error = response.json()["error"]
        assert error["message"].startswith("phimin-gateway: ")
        assert "Imogen" not in response.text
    assert len(rig.upstream.received) == before


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b'{"model": "echo", "messages": [', "the body is not valid JSON (at character"),
        (b"\xff\xfe{\x00}\x00", "the body is not UTF-8"),
        (b'{"messages": "Imogen \xe9"}', "the body is not UTF-8"),
    ],
)
def test_a_bad_body_is_named_for_what_is_wrong_with_it(rig: Rig, body: bytes, says: str) -> None:
    """Not UTF-8 and not JSON are told apart, and neither quotes the body."""
    response = httpx.post(
        rig.base + "/v1/chat/completions",
        content=body,
        headers={"content-type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 400
    assert says in response.json()["error"]["message"] and "Imogen" not in response.text


def test_a_body_that_starts_with_a_byte_order_mark_is_redacted_and_answered(rig: Rig) -> None:
    """A UTF-8 BOM (PowerShell 5 and Notepad write one) is skipped, not refused: it holds
    no text, and what follows is redacted as any other body."""
    before = len(rig.upstream.received)
    said = "Imogen Delacroix missed her session"
    body = {"model": "echo", "messages": [{"role": "user", "content": said}]}
    response = httpx.post(
        rig.base + "/v1/chat/completions",
        content=b"\xef\xbb\xbf" + json.dumps(body).encode("utf-8"),
        headers={"content-type": "application/json; charset=utf-8"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    assert len(rig.upstream.received) == before + 1
    sent = rig.upstream.received[-1].body
    assert b"Imogen" not in sent and b"Delacroix" not in sent and b"\xef\xbb\xbf" not in sent
    assert response.json()["choices"][0]["message"]["content"] == "You said: " + said


# --- headers, audit, network ---------------------------------------------------------------


def test_client_auth_headers_go_upstream_untouched_and_phimin_headers_do_not(rig: Rig) -> None:
    headers = {
        "authorization": "Bearer sk-live-abc",
        "x-api-key": "sk-ant-xyz",
        "anthropic-version": "2023-06-01",
        "x-phimin-token": "not-forwarded-token",
    }
    response = httpx.post(
        rig.base + "/v1/messages",
        json={"model": "echo", "max_tokens": 8, "messages": MESSAGES},
        headers=headers,
        timeout=30,
    )
    assert response.status_code == 200
    assert response.headers["x-phimin-request-id"]
    received = rig.upstream.received[-1].headers
    assert received["authorization"] == "Bearer sk-live-abc"
    assert received["x-api-key"] == "sk-ant-xyz"
    assert received["anthropic-version"] == "2023-06-01"
    assert not [h for h in received if h.startswith("x-phimin")]


def test_audit_log_has_counts_and_latencies_never_text_or_keys(
    rig: Rig, oai: openai.OpenAI
) -> None:
    oai.chat.completions.create(model="echo", messages=CHAT)  # type: ignore[arg-type]
    records = rig.audit()
    assert records, "one line per request"
    last = records[-1]
    assert last["endpoint"] == "/v1/chat/completions" and last["status"] == 200
    assert last["entities"]["PERSON"] >= 5 and last["entities"]["PHONE_NUMBER"] == 1
    assert last["restored"] >= 3 and last["unrestored"] == 0
    assert set(last["latency_ms"]) == {"redact", "upstream", "restore", "total"}
    raw = rig.audit_path.read_text()
    assert [p for p in PLANTED if p in raw] == []
    assert "sk-" not in raw and "You said" not in raw
    assert {r["endpoint"] for r in records} >= {"/v1/chat/completions", "/v1/messages", "other"}


def test_clients_connected_only_to_the_gateway_and_it_only_to_the_upstream(
    rig: Rig, connected: list[tuple[str, int]]
) -> None:
    ports = {rig.gateway_server.port, rig.upstream_server.port}
    assert connected, "the connections were recorded"
    assert {port for _, port in connected} <= ports


def test_healthz(rig: Rig) -> None:
    response = httpx.get(rig.base + "/healthz", timeout=30)
    assert response.status_code == 200 and response.json() == {"status": "ok"}


# --- sessions kept across requests ---------------------------------------------------------


@pytest.fixture(scope="module")
def vault_rig(
    redactor: phimin.Redactor,
    connected: list[tuple[str, int]],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Rig, Path]]:
    folder = tmp_path_factory.mktemp("vaults")
    key = load_key(phimin.generate_vault_key())  # the 32 bytes, from the text form

    with running_gateway(redactor, vault_dir=folder, vault_key=key) as running:
        yield running, folder


def test_named_session_keeps_placeholders_across_requests(vault_rig: tuple[Rig, Path]) -> None:
    rig, folder = vault_rig
    client = openai.OpenAI(
        base_url=rig.base + "/v1",
        api_key="sk-test",
        max_retries=0,
        default_headers={"X-Phimin-Session": "client Imogen Delacroix / 2026"},
    )
    client.chat.completions.create(model="echo", messages=[{"role": "user", "content": FIRST}])
    first = placeholders(last_received(rig, "/v1/chat/completions")["messages"][0]["content"])
    # A later request that names only the brother: the session remembers him.
    reply = client.chat.completions.create(
        model="echo", messages=[{"role": "user", "content": LAST}]
    )
    assert reply.choices[0].message.content == EXPECTED
    second = placeholders(last_received(rig, "/v1/chat/completions")["messages"][0]["content"])
    assert second[0] == first[1]  # Rafael Delacroix: the same placeholder in both requests
    files = sorted(p.name for p in folder.iterdir() if p.suffix == ".vault")
    assert len(files) == 1 and re.fullmatch(r"[0-9a-f]{40}\.vault", files[0])
    other = client.with_options(default_headers={"X-Phimin-Session": "another client"})
    other.chat.completions.create(model="echo", messages=[{"role": "user", "content": LAST}])
    assert len([p for p in folder.iterdir() if p.suffix == ".vault"]) == 2


def test_a_session_vault_another_key_wrote_is_named_and_nothing_is_sent(
    vault_rig: tuple[Rig, Path],
) -> None:
    """Was "redaction failed (VaultError)": now the vault's own fixed words say why."""
    from phimin._vault import Vault

    rig, folder = vault_rig
    session_id = "client from before the key changed"
    path = folder / f"{rig.gateway.store.file_name(session_id)}.vault"
    with Vault(path, key=phimin.generate_vault_key()).transaction() as ledger:
        ledger.record_placeholder("[PERSON_1]", "PERSON", "Imogen Delacroix")
    before = len(rig.upstream.received)
    response = httpx.post(
        rig.base + "/v1/chat/completions",
        json={"model": "echo", "messages": MESSAGES},
        headers={"X-Phimin-Session": session_id},
        timeout=60,
    )
    assert response.status_code == 500
    message = response.json()["error"]["message"]
    assert message == "phimin-gateway: the session's vault cannot be used: wrong vault key"
    assert "Imogen" not in response.text and len(rig.upstream.received) == before
    path.unlink()


def test_session_header_without_a_vault_is_refused(rig: Rig) -> None:
    before = len(rig.upstream.received)
    client = openai.OpenAI(
        base_url=rig.base + "/v1",
        api_key="sk-test",
        max_retries=0,
        default_headers={"X-Phimin-Session": "abc"},
    )
    with pytest.raises(openai.BadRequestError, match="vault-dir"):
        client.chat.completions.create(model="echo", messages=MESSAGES)  # type: ignore[arg-type]
    assert len(rig.upstream.received) == before


def test_gateway_token_is_required_and_never_forwarded(
    redactor: phimin.Redactor, connected: list[tuple[str, int]]
) -> None:
    token = "a-long-gateway-token-1234"
    with running_gateway(redactor, token=token) as rig:
        bare = openai.OpenAI(base_url=rig.base + "/v1", api_key="sk-test", max_retries=0)
        with pytest.raises(openai.AuthenticationError, match="X-Phimin-Token"):
            bare.chat.completions.create(model="echo", messages=MESSAGES)  # type: ignore[arg-type]
        assert rig.upstream.received == []
        good = bare.with_options(default_headers={"X-Phimin-Token": token})
        reply = good.chat.completions.create(model="echo", messages=MESSAGES)  # type: ignore[arg-type]
        assert reply.choices[0].message.content == EXPECTED
        assert token not in rig.upstream.received[-1].headers.values()
