"""jsonl records: read one line, name the strings to redact, put their redacted forms back.

A record is a JSON object on one line. By default every string value in it, at any
depth, is redacted; keys are left as they are, and numbers, booleans and null pass
through. `--jsonl-fields` narrows redaction to the named top-level fields (their
strings at any depth); every other field then passes through unchanged.

Strings are visited in the record's order, each named by its JSON Pointer (RFC 6901:
`/text`, `/messages/0/content`), so findings can say which string they are in.

A line is checked whole before any of it is redacted: invalid JSON, nesting deeper
than `MAX_DEPTH`, a string that is not valid Unicode (an escaped lone surrogate) or a
missing field is an `InputError` that names the line, never its content.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from typing import Any

from phimin._errors import InputError

__all__ = ["MAX_DEPTH", "parse_record", "record_strings", "redact_record"]

# Objects and arrays inside one another. Real records nest a few levels; this bound
# keeps every walk over a record (ours, and json's own encoder) far from Python's
# recursion limit.
MAX_DEPTH = 100

# (JSON Pointer of a string, the string) -> its redacted form
Redact = Callable[[str, str], str]


def parse_record(
    line: str, source: str, number: int, fields: Collection[str] | None
) -> dict[str, Any]:
    """The JSON object on `line`, checked for everything that would fail later."""
    where = f"{source}: line {number}"
    try:
        record = json.loads(line)
    except RecursionError:
        raise InputError(f"{where} is nested deeper than {MAX_DEPTH} levels") from None
    except ValueError:
        raise InputError(f"{where} is not valid JSON") from None
    if fields is None:
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f"{where} needs a JSON object with a string 'text' field")
    else:
        if not isinstance(record, dict):
            raise InputError(f"{where} needs a JSON object")
        missing = [name for name in fields if name not in record]
        if missing:
            raise InputError(f"{where} has no field {missing[0]!r} (named by --jsonl-fields)")
    _check_values(record, where)
    return record


def _check_values(record: dict[str, Any], where: str) -> None:
    """Refuse nesting beyond `MAX_DEPTH` and strings that cannot be written as UTF-8."""
    stack: list[tuple[object, int]] = [(record, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            _check_unicode(value, where)
            continue
        if isinstance(value, dict):
            children: list[object] = list(value.values())
            for key in value:
                _check_unicode(key, where)
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > MAX_DEPTH:
            raise InputError(f"{where} is nested deeper than {MAX_DEPTH} levels")
        stack.extend((child, depth + 1) for child in children)


def _check_unicode(text: str, where: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            f"{where} holds an escaped lone surrogate (\\ud800-\\udfff), which is not valid Unicode"
        ) from None


def redact_record(
    record: dict[str, Any], fields: Collection[str] | None, redact: Redact
) -> dict[str, Any]:
    """A copy of `record` with each selected string replaced by `redact(pointer, string)`.

    `fields` None selects every string; otherwise the strings under those top-level
    keys. Strings are visited in the record's order (empty ones are not: they hold
    nothing); keys and non-strings are kept.
    """
    return {
        key: _redact_value(value, "/" + _escape(key), redact)
        if fields is None or key in fields
        else value
        for key, value in record.items()
    }


def record_strings(record: dict[str, Any], fields: Collection[str] | None) -> list[str]:
    """The strings `redact_record` would redact, in the order it visits them."""
    found: list[str] = []

    def collect(pointer: str, text: str) -> str:
        found.append(text)
        return text

    redact_record(record, fields, collect)
    return found


def _redact_value(value: object, pointer: str, redact: Redact) -> object:
    # Recursion is bounded: `parse_record` refused anything deeper than MAX_DEPTH.
    if isinstance(value, str):
        return redact(pointer, value) if value else value  # "" holds nothing to redact
    if isinstance(value, dict):
        return {
            key: _redact_value(item, f"{pointer}/{_escape(key)}", redact)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_redact_value(item, f"{pointer}/{i}", redact) for i, item in enumerate(value)]
    return value


def _escape(key: str) -> str:
    """A key as one JSON Pointer reference token."""
    return key.replace("~", "~0").replace("/", "~1")
