"""Anthropic: `POST /v1/messages`.

Requests are redacted by `walk.Redacting`: the top-level `system`, every message's
text, tool-use inputs and tool-result contents; tool definitions pass as settings.
Replies: text blocks, thinking and tool-use inputs are restored. Streamed, each
content block is one stream of text with its own restorer (text deltas; a tool's
`partial_json`, restored as the inside of JSON; thinking deltas), finished by one
more delta event just before the block's `content_block_stop`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from phimin.gateway.sse import Event
from phimin.gateway.streams import Restorers

if TYPE_CHECKING:
    from phimin._session import Session
    from phimin.gateway.walk import Restoring

__all__ = ["MESSAGES_SETTINGS", "MessagesStream", "restore_message"]

MESSAGES_SETTINGS = frozenset(
    {
        "model",
        "max_tokens",
        "stream",
        "temperature",
        "top_p",
        "top_k",
        "tools",
        "tool_choice",
        "thinking",
        "service_tier",
        "inference_geo",
    }
)

# Delta type -> (its text field, restored as JSON?)
_DELTAS = {
    "text_delta": ("text", False),
    "input_json_delta": ("partial_json", True),
    "thinking_delta": ("thinking", False),
}


def restore_message(reply: dict[str, Any], restoring: Restoring) -> dict[str, Any]:
    content = reply.get("content")
    if isinstance(content, list):
        for block in content:
            if isinstance(block, dict):
                _restore_block(block, restoring)
    return reply


def _restore_block(block: dict[str, Any], restoring: Restoring) -> None:
    for field in ("text", "thinking"):
        if field in block:
            block[field] = restoring.text(block[field])
    if block.get("type") in ("tool_use", "server_tool_use") and "input" in block:
        block["input"] = restoring.value(block["input"])


def stream_error(message: str) -> Event:
    """An `error` event, which the Anthropic SDK raises as an `APIStatusError`."""
    body = {
        "type": "error",
        "error": {"type": "api_error", "message": f"phimin-gateway: {message}"},
    }
    return Event(json.dumps(body), "error")


class MessagesStream:
    """Rewrites Messages API events as they stream."""

    def __init__(self, session: Session, restoring: Restoring) -> None:
        self.restorers = Restorers(session)
        self._restoring = restoring
        self._kinds: dict[Any, str] = {}  # block index -> its delta type
        self.ended = False

    def feed(self, event: Event) -> list[Event]:
        if event.event == "ping":
            return [event]
        data = event.json_object()
        kind = data.get("type")
        out: list[Event] = []
        if kind == "error":
            return [event]
        if kind == "message_start" and isinstance(data.get("message"), dict):
            restore_message(data["message"], self._restoring)
        elif kind == "content_block_start" and isinstance(data.get("content_block"), dict):
            _restore_block(data["content_block"], self._restoring)
        elif kind == "content_block_delta" and isinstance(data.get("delta"), dict):
            delta, index = data["delta"], data.get("index")
            spec = _DELTAS.get(str(delta.get("type")))
            if spec is not None:
                field, as_json = spec
                self._kinds[index] = str(delta["type"])
                delta[field] = self.restorers.feed(index, delta.get(field), json=as_json)
        elif kind == "content_block_stop":
            out.extend(self._finish(data.get("index")))
        elif kind == "message_stop":
            for index in self.restorers.open_keys():
                out.extend(self._finish(index))
            self.ended = True
        out.append(
            Event(
                json.dumps(data, ensure_ascii=False, separators=(",", ":")), event.event, event.id
            )
        )
        return out

    def close(self, error: str | None) -> list[Event]:
        events = []
        for index in self.restorers.open_keys():
            events.extend(self._finish(index))
        if error is None and not self.ended:
            error = "the upstream's stream ended before message_stop"
        if error is not None:
            events.append(stream_error(error))
        return events

    def _finish(self, index: Any) -> list[Event]:
        rest = self.restorers.finish(index)
        kind = self._kinds.pop(index, None)
        if not rest or kind is None:
            return []
        field = _DELTAS[kind][0]
        data = {"type": "content_block_delta", "index": index, "delta": {"type": kind, field: rest}}
        return [Event(json.dumps(data, ensure_ascii=False), "content_block_delta")]
