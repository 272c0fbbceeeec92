"""The gateway when things go wrong: the upstream down, slow, failing, or breaking its
stream; redaction failing; a client that goes away mid-stream.

Each failure reaches the SDK as an error it raises (never a hang, never a partial reply
passed off as whole), nothing unredacted reaches the upstream, and nothing is left
behind: no open upstream stream, no stray task. Loopback only (see gateway_harness).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anthropic
import openai
import pytest
from gateway_harness import (
    IMPATIENT,
    Rig,
    free_port,
    loopback_only,
    running_gateway,
    wait_for,
)

import phimin
from phimin.gateway import Timeouts

LAST = "Call Rafael Delacroix at 410-555-0199 about the plan."
MESSAGES = [{"role": "user", "content": LAST}]


@pytest.fixture(scope="module")
def connected() -> Iterator[list[tuple[str, int]]]:
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
    with running_gateway(redactor, audit_path=audit) as running:
        yield running


@pytest.fixture(scope="module")
def impatient(
    redactor: phimin.Redactor,
    connected: list[tuple[str, int]],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Rig]:
    """A gateway with a short read timeout, for the upstreams that stop answering: the
    other tests' gateway waits long, so a busy machine never passes for a silent upstream."""
    audit = tmp_path_factory.mktemp("audit") / "audit.jsonl"
    with running_gateway(redactor, audit_path=audit, timeouts=Timeouts(read=IMPATIENT)) as running:
        yield running


@pytest.fixture(scope="module")
def oai(rig: Rig) -> openai.OpenAI:
    return openai.OpenAI(base_url=rig.base + "/v1", api_key="sk-test", max_retries=0, timeout=30)


@pytest.fixture(scope="module")
def oai_impatient(impatient: Rig) -> openai.OpenAI:
    return openai.OpenAI(
        base_url=impatient.base + "/v1", api_key="sk-test", max_retries=0, timeout=30
    )


@pytest.fixture(scope="module")
def claude(rig: Rig) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=rig.base, api_key="sk-test", max_retries=0, timeout=30)


def no_leak(rig: Rig) -> None:
    for received in rig.upstream.received:
        assert b"Rafael" not in received.body and b"555-0199" not in received.body


def last_outcome(rig: Rig) -> str | None:
    records = rig.audit()
    return str(records[-1]["outcome"]) if records else None


def drain(stream: Any, got: list[str]) -> None:
    for chunk in stream:
        if chunk.choices:
            got.append(chunk.choices[0].delta.content or "")


def read_all(claude: anthropic.Anthropic, model: str) -> str:
    with claude.messages.stream(model=model, max_tokens=8, messages=MESSAGES) as stream:  # type: ignore[arg-type]
        return "".join(stream.text_stream)


def test_upstream_down(
    redactor: phimin.Redactor, connected: list[tuple[str, int]], tmp_path: Path
) -> None:
    with running_gateway(redactor, upstream=f"http://127.0.0.1:{free_port()}") as rig:
        client = openai.OpenAI(base_url=rig.base + "/v1", api_key="sk-test", max_retries=0)
        with pytest.raises(openai.InternalServerError, match="cannot be reached") as caught:
            client.chat.completions.create(model="echo", messages=MESSAGES)  # type: ignore[arg-type]
        assert caught.value.status_code == 502
        claude = anthropic.Anthropic(base_url=rig.base, api_key="sk-test", max_retries=0)
        with pytest.raises(anthropic.InternalServerError, match="cannot be reached"):
            claude.messages.create(model="echo", max_tokens=8, messages=MESSAGES)  # type: ignore[arg-type]


def test_upstream_slow_times_out(impatient: Rig, oai_impatient: openai.OpenAI) -> None:
    with pytest.raises(openai.APIStatusError, match="did not answer in time") as caught:
        oai_impatient.chat.completions.create(model="slow", messages=MESSAGES)  # type: ignore[arg-type]
    assert caught.value.status_code == 504
    no_leak(impatient)


def test_upstream_500_passes_through_unrestored(
    rig: Rig, oai: openai.OpenAI, claude: anthropic.Anthropic
) -> None:
    with pytest.raises(openai.InternalServerError, match="the model fell over") as caught:
        oai.chat.completions.create(model="fail-500", messages=MESSAGES)  # type: ignore[arg-type]
    assert caught.value.status_code == 500
    with pytest.raises(anthropic.InternalServerError):
        claude.messages.create(model="fail-500", max_tokens=8, messages=MESSAGES)  # type: ignore[arg-type]
    assert rig.audit()[-1]["outcome"] == "upstream_error"
    no_leak(rig)


def test_upstream_error_that_is_not_json_is_wrapped(rig: Rig, oai: openai.OpenAI) -> None:
    with pytest.raises(openai.APIStatusError, match="not JSON") as caught:
        oai.chat.completions.create(model="html-502", messages=MESSAGES)  # type: ignore[arg-type]
    assert caught.value.status_code == 502


@pytest.mark.parametrize(
    ("model", "reason"),
    [
        ("broken-json", "not JSON"),
        ("drop", "broke"),
        ("no-done", "ended before"),
        ("hang", "went silent"),
    ],
)
def test_broken_openai_stream_ends_in_an_sdk_error(
    request: pytest.FixtureRequest, model: str, reason: str
) -> None:
    impatient = model == "hang"  # only the hang needs the read timeout to run out
    rig: Rig = request.getfixturevalue("impatient" if impatient else "rig")
    oai: openai.OpenAI = request.getfixturevalue("oai_impatient" if impatient else "oai")
    stream = oai.chat.completions.create(model=model, messages=MESSAGES, stream=True)  # type: ignore[call-overload]
    got: list[str] = []
    with pytest.raises(openai.APIError, match=reason):
        drain(stream, got)
    text = "".join(got)
    assert ("You said: " + LAST).startswith(text)  # what came before the break, came restored
    assert wait_for(lambda: rig.gateway.active_streams == 0)
    # the stream's record is written as it closes, just after the count goes down
    assert wait_for(lambda: last_outcome(rig) == "stream_error")
    no_leak(rig)


def test_a_stream_that_pauses_is_waited_for(rig: Rig, oai: openai.OpenAI) -> None:
    """A pause longer than the impatient timeout (as a busy machine makes one) is no
    silence to the tests' gateway: the stream ends whole, with its `response.completed`."""
    with oai.responses.stream(model="pause", input=LAST) as stream:
        events = list(stream)
        assert [e.message for e in events if e.type == "error"] == []
        final = stream.get_final_response()
    deltas = [e.delta for e in events if e.type == "response.output_text.delta"]
    assert "".join(deltas) == "You said: " + LAST == final.output_text
    assert wait_for(lambda: last_outcome(rig) == "ok")
    no_leak(rig)


@pytest.mark.parametrize("model", ["broken-json", "drop", "no-done"])
def test_broken_anthropic_stream_ends_in_an_sdk_error(
    rig: Rig, claude: anthropic.Anthropic, model: str
) -> None:
    with pytest.raises(anthropic.APIStatusError, match="phimin-gateway"):
        read_all(claude, model)
    assert wait_for(lambda: rig.gateway.active_streams == 0)


def test_client_that_disconnects_mid_stream_leaves_nothing_behind(
    redactor: phimin.Redactor, connected: list[tuple[str, int]], tmp_path: Path
) -> None:
    """The upstream hangs after three events; the client reads one and goes away.

    The gateway must notice the client going (its read timeout here is 60 s, so only
    the disconnect can end the stream in time), close the upstream stream (the fake
    upstream sees its stream end), and keep no task or stream open.
    """
    audit = tmp_path / "audit.jsonl"
    with running_gateway(redactor, audit_path=audit, timeouts=Timeouts(read=60.0)) as rig:
        client = openai.OpenAI(base_url=rig.base + "/v1", api_key="sk-test", max_retries=0)
        client.chat.completions.create(model="echo", messages=MESSAGES)  # type: ignore[arg-type]
        baseline = rig.gateway_server.tasks()
        stream = client.chat.completions.create(model="hang", messages=MESSAGES, stream=True)  # type: ignore[call-overload]
        next(iter(stream))
        assert rig.gateway.active_streams == 1
        stream.close()  # the client disconnects
        assert wait_for(lambda: rig.upstream.streams_closed == ["chat"], seconds=20)
        assert wait_for(lambda: rig.gateway.active_streams == 0, seconds=20)
        assert wait_for(lambda: rig.gateway_server.tasks() <= baseline, seconds=20)
        assert rig.audit()[-1]["outcome"] == "client_disconnected"


class ExplodingRedactor:
    """Stands in for a Redactor whose detection fails."""

    def redact_with_state(self, *args: object, **kwargs: object) -> object:
        raise RuntimeError("the model broke while reading Rafael Delacroix")


def test_redaction_failure_refuses_and_sends_nothing(connected: list[tuple[str, int]]) -> None:
    with running_gateway(ExplodingRedactor()) as rig:
        client = openai.OpenAI(base_url=rig.base + "/v1", api_key="sk-test", max_retries=0)
        with pytest.raises(openai.InternalServerError, match="redaction failed") as caught:
            client.chat.completions.create(model="echo", messages=MESSAGES)  # type: ignore[arg-type]
        assert "Rafael" not in json.dumps(caught.value.body)
        claude = anthropic.Anthropic(base_url=rig.base, api_key="sk-test", max_retries=0)
        with pytest.raises(anthropic.InternalServerError, match="redaction failed"):
            claude.messages.create(model="echo", max_tokens=8, messages=MESSAGES)  # type: ignore[arg-type]
        assert rig.upstream.received == []


def test_logs_hold_no_text(rig: Rig, oai: openai.OpenAI, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    oai.chat.completions.create(model="echo", messages=MESSAGES)  # type: ignore[arg-type]
    with pytest.raises(openai.APIError):
        for _ in oai.chat.completions.create(model="broken-json", messages=MESSAGES, stream=True):  # type: ignore[call-overload]
            pass
    assert "Rafael" not in caplog.text and "555-0199" not in caplog.text
    assert "sk-test" not in caplog.text
