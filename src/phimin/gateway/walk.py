"""Redact a request document, and restore the values of a reply, through one session.

Redaction is *closed by default*: every string in the request is redacted, at any
depth, except

- the top-level parameters an endpoint names as settings (`model`, `temperature`,
  `tools`, ...: numbers, enums, and tool definitions written by the application);
- structural keys anywhere (`type`, `role`, `id`, `tool_call_id`, `signature`, ...);
- the name of a tool or function where it is called.

So a field no adapter knows about (a new API parameter, `metadata`, `user`) is
redacted rather than forwarded as it came. A tool call's `arguments` (a JSON document
in a string) is parsed and its values redacted, keeping it valid JSON; a number
inside a message or a tool's input is redacted as text when the redactor finds
something in it (an SSN typed as a number). Content that cannot be redacted (images,
audio, files, a document given as base64 or a URL) is refused, never forwarded.

Every string goes through the same `Session`, so a person is one placeholder across
the system prompt, the whole history and the tool results; the strings are redacted
as one document (see `Redacting.document`), so a name recognized anywhere in the
request is found everywhere in it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from phimin._findings import Action
from phimin.gateway.errors import GatewayError

if TYPE_CHECKING:
    from phimin._session import Session

__all__ = ["MAX_DEPTH", "Redacting", "Restoring"]

MAX_DEPTH = 64  # nesting of a request document; deeper is refused
# Between two texts redacted as one document: a line of its own, fenced by blank lines,
# so no sentence, name or address runs across it. The mark is a private-use character,
# which text does not hold (a request whose text does is redacted text by text); it
# must not be a symbol the model reads as part of the next sentence: after a line
# holding "⁂" or "* * *", a name opening the next paragraph was missed in trials.
_MARK = "\ue000"
_SEPARATOR = f"\n\n{_MARK}\n\n"

# Keys whose values are identifiers or settings, never free text, wherever they appear.
STRUCTURAL = frozenset(
    {
        "type",
        "role",
        "id",
        "tool_call_id",
        "tool_use_id",
        "call_id",
        "item_id",
        "signature",
        "cache_control",
        "index",
        "status",
        "encrypted_content",
        "data_encrypted",
    }
)
# Content a text redactor cannot see into: refused.
MEDIA_TYPES = frozenset(
    {"image", "image_url", "input_image", "input_audio", "audio", "file", "input_file", "video"}
)
MEDIA_KEYS = frozenset({"image_url", "input_audio", "file_data", "image_data"})
# A dict of one of these types (or with "arguments" or "parameters") names a tool.
TOOL_TYPES = frozenset(
    {
        "tool_use",
        "server_tool_use",
        "mcp_tool_use",
        "function",
        "function_call",
        "custom_tool_call",
        "mcp_call",
    }
)


class Redacting:
    """Redacts the strings of one request through `session`, counting what it found."""

    def __init__(self, session: Session, settings: Collection[str]) -> None:
        self._session = session
        self._settings = settings
        self.entities: Counter[str] = Counter()
        self.texts = 0
        self._collected: list[str] | None = None  # the texts, while collecting them
        self._pieces: Iterator[str] | None = None  # their redacted forms, while placing them

    def document(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """The request with every string redacted but the endpoint's settings.

        The texts are collected first (refusing what cannot be redacted before anything
        is), then redacted *joined*, as one document, one blank-line-fenced separator
        between them: a name in the third message ("my brother Rafael") is then also
        found where it stands bare in the first ("Rafael drove me"), or alone in a
        `name` field, and the model runs once for the request, not once per text. The
        result is cut at the separators and each piece put back in its place. If the
        separators did not all come through untouched (a finding spanned one, or a
        text holds the separator's mark), each text is redacted again on its own
        through the same session, which has now learnt every name in the request.
        """
        self._collected = []
        self._walk(body)
        texts, self._collected = self._collected, None
        if not texts:
            return dict(body)
        pieces = None if any(_MARK in t for t in texts) else self._joined(texts)
        if pieces is not None:
            self._pieces = iter(pieces)
            try:
                return self._walk(body)
            finally:
                self._pieces = None
        self.entities.clear()  # the joined pass only taught the session; count again
        return self._walk(body)

    def _joined(self, texts: list[str]) -> list[str] | None:
        result = self._session.redact(_SEPARATOR.join(texts))
        self.entities.update(f.entity for f in result.findings if f.action is not Action.KEEP)
        pieces = result.text.split(_SEPARATOR)
        if len(pieces) != len(texts):
            return None
        self.texts = len(texts)
        return pieces

    def _walk(self, body: Mapping[str, Any]) -> dict[str, Any]:
        return {
            key: value if key in self._settings else self._value(value, 1)
            for key, value in body.items()
        }

    def text(self, text: str) -> str:
        if not text.strip():
            return text
        if self._collected is not None:
            self._collected.append(text)
            return text
        if self._pieces is not None:
            return next(self._pieces)
        result = self._session.redact(text)
        self.texts += 1
        self.entities.update(f.entity for f in result.findings if f.action is not Action.KEEP)
        return result.text

    def _value(self, value: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise GatewayError(400, "too_deep", "the request nests too deeply")
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, int | float):
            return self._number(value)
        if isinstance(value, list):
            return [self._value(v, depth + 1) for v in value]
        if isinstance(value, dict):
            return self._object(value, depth)
        raise GatewayError(400, "bad_json", "the request holds a value JSON does not have")

    def _object(self, value: dict[str, Any], depth: int) -> dict[str, Any]:
        kind = value.get("type")
        if kind in MEDIA_TYPES or MEDIA_KEYS & value.keys() or _binary_document(value):
            raise GatewayError(
                400,
                "unsupported_content",
                "images, audio and files cannot be redacted; the gateway does not forward them",
            )
        tool = kind in TOOL_TYPES or "arguments" in value or value.get("role") == "function"
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key in STRUCTURAL or (key == "name" and tool and isinstance(item, str)):
                out[key] = item
            elif key == "arguments" and isinstance(item, str):
                out[key] = self._json_text(item, depth)
            else:
                out[key] = self._value(item, depth + 1)
        return out

    def _json_text(self, text: str, depth: int) -> str:
        """A JSON document in a string: its values redacted, its layout rewritten."""
        try:
            document = json.loads(text)
        except ValueError:
            return self.text(text)  # not JSON (a model's half-written call): plain text
        return json.dumps(self._value(document, depth + 1), ensure_ascii=False)

    def _number(self, number: float) -> float | str:
        text = json.dumps(number)
        redacted = self.text(text)
        return number if redacted == text else redacted


def _binary_document(value: Mapping[str, Any]) -> bool:
    """A document or content block whose source is base64, a URL or an uploaded file."""
    source = value.get("source")
    return isinstance(source, dict) and source.get("type") not in ("text", "content")


class Restoring:
    """Puts the originals back into a reply's values, counting what it restored."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self.restored = 0
        self.unrestored = 0

    def text(self, text: Any) -> Any:
        if not isinstance(text, str):
            return text
        report = self._session.restore_report(text)
        self._count(report.restored, len(report.unrestored))
        return report.text

    def json_text(self, text: Any) -> Any:
        """A JSON document in a string (a tool call's arguments), kept valid JSON."""
        if not isinstance(text, str):
            return text
        report = self._session.restore_json(text)
        self._count(report.restored, len(report.unrestored))
        return report.text

    def value(self, value: Any) -> Any:
        """A JSON value (a tool's input object), every string in it restored."""
        if isinstance(value, str):
            return self.text(value)
        if not isinstance(value, dict | list):
            return value
        return json.loads(self.json_text(json.dumps(value, ensure_ascii=False)))

    def _count(self, restored: int, unrestored: int) -> None:
        self.restored += restored
        self.unrestored += unrestored
