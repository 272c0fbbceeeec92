"""OpenAI: `POST /v1/chat/completions` and `POST /v1/responses`.

Requests are redacted by `walk.Redacting` (every string but the settings named here).
Replies: a completion's message text, refusal and each tool call's arguments are
restored; streamed, each choice's text and each tool call's arguments are one
stream of text with its own restorer, finished in the chunk that carries the
choice's `finish_reason` (or in one more chunk before `[DONE]`). The Responses API's
output text, refusals, function-call arguments and reasoning summaries are restored
the same way; its `*.done` events and the final `response.completed` carry whole
values and are restored whole.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from phimin.gateway.sse import Event
from phimin.gateway.streams import Restorers

if TYPE_CHECKING:
    from phimin._session import Session
    from phimin.gateway.walk import Restoring

__all__ = [
    "CHAT_SETTINGS",
    "RESPONSES_SETTINGS",
    "ChatStream",
    "ResponsesStream",
    "restore_chat",
    "restore_response",
]

CHAT_SETTINGS = frozenset(
    {
        "model",
        "stream",
        "stream_options",
        "temperature",
        "top_p",
        "n",
        "max_tokens",
        "max_completion_tokens",
        "presence_penalty",
        "frequency_penalty",
        "logit_bias",
        "logprobs",
        "top_logprobs",
        "seed",
        "tools",
        "functions",
        "tool_choice",
        "function_call",
        "parallel_tool_calls",
        "response_format",
        "modalities",
        "reasoning_effort",
        "service_tier",
        "store",
        "verbosity",
        "prompt_cache_key",
    }
)
RESPONSES_SETTINGS = frozenset(
    {
        "model",
        "stream",
        "stream_options",
        "temperature",
        "top_p",
        "top_logprobs",
        "max_output_tokens",
        "max_tool_calls",
        "tools",
        "tool_choice",
        "parallel_tool_calls",
        "text",
        "reasoning",
        "store",
        "previous_response_id",
        "conversation",
        "truncation",
        "service_tier",
        "include",
        "background",
        "prompt_cache_key",
    }
)


def _event(data: dict[str, Any], like: Event) -> Event:
    return Event(json.dumps(data, ensure_ascii=False, separators=(",", ":")), like.event, like.id)


def stream_error(message: str) -> Event:
    """An error the OpenAI SDK raises as `APIError` in the middle of a stream."""
    body = {"message": f"phimin-gateway: {message}", "type": "api_error", "code": "stream_error"}
    return Event(json.dumps({"error": body}))


# --- chat completions ---------------------------------------------------------------


def restore_chat(reply: dict[str, Any], restoring: Restoring) -> dict[str, Any]:
    for choice in _dicts(reply.get("choices")):
        message = choice.get("message")
        if isinstance(message, dict):
            _restore_message(message, restoring)
    return reply


def _restore_message(message: dict[str, Any], restoring: Restoring) -> None:
    for field in ("content", "refusal", "reasoning_content"):
        if field in message:
            message[field] = restoring.text(message[field])
    for call in _dicts(message.get("tool_calls")):
        function = call.get("function")
        if isinstance(function, dict) and "arguments" in function:
            function["arguments"] = restoring.json_text(function["arguments"])
        custom = call.get("custom")
        if isinstance(custom, dict) and "input" in custom:
            custom["input"] = restoring.text(custom["input"])
    legacy = message.get("function_call")
    if isinstance(legacy, dict) and "arguments" in legacy:
        legacy["arguments"] = restoring.json_text(legacy["arguments"])


class ChatStream:
    """Rewrites `chat.completion.chunk` events as they stream."""

    def __init__(self, session: Session) -> None:
        self.restorers = Restorers(session)
        self._last: dict[str, Any] = {}
        self.ended = False

    def feed(self, event: Event) -> list[Event]:
        if event.data.strip() == "[DONE]":
            self.ended = True
            return [*self._flush(), event]
        data = event.json_object()
        if "error" in data:  # the upstream's own error, as it sent it
            return [event]
        self._last = {k: data[k] for k in ("id", "object", "created", "model") if k in data}
        for choice in _dicts(data.get("choices")):
            self._choice(choice)
        return [_event(data, event)]

    def close(self, error: str | None) -> list[Event]:
        events = self._flush()
        if error is None and not self.ended:
            error = "the upstream's stream ended before [DONE]"
        if error is not None:
            events.append(stream_error(error))
        return events

    def _choice(self, choice: dict[str, Any]) -> None:
        index = choice.get("index", 0)
        delta = choice.get("delta")
        if not isinstance(delta, dict):
            delta = {}
            choice["delta"] = delta
        for field in ("content", "refusal", "reasoning_content"):
            if field in delta:
                delta[field] = self.restorers.feed((index, field), delta[field])
        for call in _dicts(delta.get("tool_calls")):
            function = call.get("function")
            if isinstance(function, dict) and "arguments" in function:
                tool = (index, "tool", call.get("index", 0))
                function["arguments"] = self.restorers.feed(tool, function["arguments"], json=True)
        if choice.get("finish_reason") is not None:
            for key in self.restorers.open_keys():
                if isinstance(key, tuple) and key[0] == index:
                    _put_rest(delta, key, self.restorers.finish(key))

    def _flush(self) -> list[Event]:
        """One more chunk per choice whose text the restorers still hold."""
        by_choice: dict[Any, dict[str, Any]] = {}
        for key in self.restorers.open_keys():
            if not isinstance(key, tuple):  # pragma: no cover - keys are all tuples
                continue
            rest = self.restorers.finish(key)
            if rest:
                _put_rest(by_choice.setdefault(key[0], {}), key, rest)
        return [
            _event(
                {
                    **self._last,
                    "object": "chat.completion.chunk",
                    "choices": [{"index": index, "delta": delta, "finish_reason": None}],
                },
                Event(""),
            )
            for index, delta in by_choice.items()
        ]


def _put_rest(delta: dict[str, Any], key: tuple[Any, ...], rest: str) -> None:
    """Append a restorer's last text to a chunk's delta (made if the chunk has none)."""
    if not rest:
        return
    if key[1] != "tool":
        before = delta.get(key[1])
        delta[key[1]] = (before if isinstance(before, str) else "") + rest
        return
    calls = delta.setdefault("tool_calls", [])
    for call in _dicts(calls):
        function = call.get("function")
        if call.get("index", 0) == key[2] and isinstance(function, dict):
            function["arguments"] = str(function.get("arguments") or "") + rest
            return
    calls.append({"index": key[2], "function": {"arguments": rest}})


# --- responses ----------------------------------------------------------------------


def restore_response(reply: dict[str, Any], restoring: Restoring) -> dict[str, Any]:
    """A Responses API `response` object: output items, and the echoed instructions."""
    if "instructions" in reply:
        reply["instructions"] = restoring.value(reply["instructions"])
    for item in _dicts(reply.get("output")):
        _restore_item(item, restoring)
    if "output_text" in reply:
        reply["output_text"] = restoring.text(reply["output_text"])
    return reply


def _restore_item(item: dict[str, Any], restoring: Restoring) -> None:
    kind = item.get("type")
    if kind == "function_call" and "arguments" in item:
        item["arguments"] = restoring.json_text(item["arguments"])
    elif kind == "custom_tool_call" and "input" in item:
        item["input"] = restoring.text(item["input"])
    for part in _dicts(item.get("content")) + _dicts(item.get("summary")):
        _restore_part(part, restoring)


def _restore_part(part: dict[str, Any], restoring: Restoring) -> None:
    for field in ("text", "refusal"):
        if field in part:
            part[field] = restoring.text(part[field])


# Streamed deltas: event type -> the field holding the text, and whether it is JSON.
_RESPONSE_DELTAS = {
    "response.output_text.delta": False,
    "response.refusal.delta": False,
    "response.reasoning_summary_text.delta": False,
    "response.reasoning_text.delta": False,
    "response.function_call_arguments.delta": True,
    "response.custom_tool_call_input.delta": False,
}
# The event that ends each stream of deltas, and the field with the whole value.
_RESPONSE_DONE = {
    "response.output_text.done": ("response.output_text.delta", "text"),
    "response.refusal.done": ("response.refusal.delta", "refusal"),
    "response.reasoning_summary_text.done": ("response.reasoning_summary_text.delta", "text"),
    "response.reasoning_text.done": ("response.reasoning_text.delta", "text"),
    "response.function_call_arguments.done": (
        "response.function_call_arguments.delta",
        "arguments",
    ),
    "response.custom_tool_call_input.done": ("response.custom_tool_call_input.delta", "input"),
}
_RESPONSE_OBJECTS = (
    "response.created",
    "response.in_progress",
    "response.completed",
    "response.incomplete",
    "response.failed",
    "response.queued",
)


class ResponsesStream:
    """Rewrites Responses API events as they stream."""

    def __init__(self, session: Session, restoring: Restoring) -> None:
        self.restorers = Restorers(session)
        self._restoring = restoring
        self.ended = False

    def feed(self, event: Event) -> list[Event]:
        data = event.json_object()
        kind = data.get("type")
        if kind == "error":
            return [event]
        if kind in _RESPONSE_DELTAS:
            key = (kind, data.get("item_id"), data.get("output_index"), data.get("content_index"))
            data["delta"] = self.restorers.feed(key, data.get("delta"), json=_RESPONSE_DELTAS[kind])
            return [_event(data, event)]
        out: list[Event] = []
        if kind in _RESPONSE_DONE:
            delta_kind, field = _RESPONSE_DONE[kind]
            key = (
                delta_kind,
                data.get("item_id"),
                data.get("output_index"),
                data.get("content_index"),
            )
            rest = self.restorers.finish(key)
            if rest:
                extra = {k: v for k, v in data.items() if k not in (field, "type")}
                out.append(_event({"type": delta_kind, **extra, "delta": rest}, event))
            if field == "arguments":
                data[field] = self._restoring.json_text(data.get(field))
            else:
                data[field] = self._restoring.text(data.get(field))
        elif kind in ("response.output_item.added", "response.output_item.done"):
            if isinstance(data.get("item"), dict):
                _restore_item(data["item"], self._restoring)
        elif kind in (
            "response.content_part.added",
            "response.content_part.done",
            "response.reasoning_summary_part.added",
            "response.reasoning_summary_part.done",
        ):
            if isinstance(data.get("part"), dict):
                _restore_part(data["part"], self._restoring)
        elif kind in _RESPONSE_OBJECTS and isinstance(data.get("response"), dict):
            restore_response(data["response"], self._restoring)
            if kind not in ("response.created", "response.in_progress"):
                self.ended = True
        out.append(_event(data, event))
        return out

    def close(self, error: str | None) -> list[Event]:
        events = []
        for key in self.restorers.open_keys():
            rest = self.restorers.finish(key)
            if rest and isinstance(key, tuple):
                kind, item_id, output_index, content_index = key
                events.append(
                    Event(
                        json.dumps(
                            {
                                "type": kind,
                                "item_id": item_id,
                                "output_index": output_index,
                                "content_index": content_index,
                                "delta": rest,
                            }
                        ),
                        kind,
                    )
                )
        if error is None and not self.ended:
            error = "the upstream's stream ended before the response completed"
        if error is not None:
            body = {
                "type": "error",
                "code": "stream_error",
                "message": f"phimin-gateway: {error}",
                "param": None,
            }
            events.append(Event(json.dumps(body), "error"))
        return events


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
