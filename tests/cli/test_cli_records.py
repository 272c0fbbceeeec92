"""jsonl records without a model: parsing checks, which strings are redacted, and where.

Every value below is synthetic, written for these tests.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phimin._errors import InputError
from phimin.cli.records import MAX_DEPTH, parse_record, record_strings, redact_record

NAME = "Quillon Brackenridge"


def parse(line: str, fields: tuple[str, ...] | None = None) -> dict[str, Any]:
    return parse_record(line, "<stdin>", 7, fields)


def nested(depth: int) -> str:
    """A record whose "n" field holds arrays `depth` levels deep (the record is one more)."""
    return '{"text": "ok", "n": ' + "[" * depth + "]" * depth + "}"


@pytest.mark.parametrize(
    ("line", "fields", "message"),
    [
        ('{"text": "x",', None, "line 7 is not valid JSON"),
        ('["text"]', None, "line 7 needs a JSON object with a string 'text' field"),
        ('{"text": 5}', None, "needs a JSON object with a string 'text' field"),
        ('{"note": "x"}', ("text",), "has no field 'text' (named by --jsonl-fields)"),
        ('"text"', ("text",), "line 7 needs a JSON object"),
        (nested(100_000), None, f"nested deeper than {MAX_DEPTH} levels"),  # RecursionError
        (nested(MAX_DEPTH), None, f"nested deeper than {MAX_DEPTH} levels"),  # our bound
        ('{"text": "a", "k\\ud800": 1}', None, "lone surrogate"),
        ('{"text": "a", "b": ["\\udfff"]}', ("text",), "lone surrogate"),
        ('{"text": "' + "9" * 5000 + '"}', None, None),  # a long string is fine
        ('{"text": "a", "n": ' + "9" * 5000 + "}", None, "not valid JSON"),  # int too long
    ],
)
def test_a_bad_line_is_an_input_error_naming_the_line_not_its_content(
    line: str, fields: tuple[str, ...] | None, message: str | None
) -> None:
    if message is None:
        assert parse(line, fields)["text"] == "9" * 5000
        return
    with pytest.raises(InputError) as info:
        parse(line, fields)
    assert message in str(info.value)
    assert str(info.value).startswith("<stdin>: line 7 ")
    assert len(str(info.value)) < 120  # a message, never the line


def test_nesting_up_to_the_bound_is_accepted() -> None:
    record = parse(nested(MAX_DEPTH - 1))
    assert record["text"] == "ok"
    json.dumps(redact_record(record, None, lambda pointer, text: text))  # walks it whole


RECORD = {
    "id": 12,
    "text": f"Call {NAME}.",
    "client_name": NAME,
    "flags": [True, None, 3.5, "", {"note": "a/b", "a/b": "tilde~"}],
    "meta": {"clinic": "north"},
}


def test_every_string_value_is_redacted_in_order_keys_and_the_rest_kept() -> None:
    seen: list[str] = []

    def redact(pointer: str, text: str) -> str:
        seen.append(pointer)
        return f"<{len(seen)}>"

    out = redact_record(RECORD, None, redact)
    assert seen == ["/text", "/client_name", "/flags/4/note", "/flags/4/a~1b", "/meta/clinic"]
    assert out == {
        "id": 12,
        "text": "<1>",
        "client_name": "<2>",
        "flags": [True, None, 3.5, "", {"note": "<3>", "a/b": "<4>"}],
        "meta": {"clinic": "<5>"},
    }
    assert list(out) == list(RECORD)
    assert record_strings(RECORD, None) == [f"Call {NAME}.", NAME, "a/b", "tilde~", "north"]


def test_named_fields_alone_are_redacted_and_the_others_pass_through() -> None:
    out = redact_record(RECORD, ("text", "meta"), lambda pointer, text: pointer)
    assert out == {**RECORD, "text": "/text", "meta": {"clinic": "/meta/clinic"}}
    assert record_strings(RECORD, ("text",)) == [f"Call {NAME}."]
    assert RECORD["client_name"] == NAME  # the input record is not changed


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(st.text(), json_values, max_size=5))
def test_the_walk_visits_each_nonempty_string_once_and_changes_nothing_else(
    record: dict[str, Any],
) -> None:
    visited: list[str] = []

    def upper(pointer: str, text: str) -> str:
        visited.append(text)
        return text.upper()

    out = redact_record(record, None, upper)
    assert visited == record_strings(record, None)
    assert all(visited)

    def undo(value: object, original: object) -> None:
        if isinstance(original, str):
            assert value == original.upper()
        elif isinstance(original, dict):
            assert isinstance(value, dict) and list(value) == list(original)
            for key in original:
                undo(value[key], original[key])
        elif isinstance(original, list):
            assert isinstance(value, list) and len(value) == len(original)
            for item, was in zip(value, original, strict=True):
                undo(item, was)
        else:
            assert value == original  # the same number, bool or null

    undo(out, record)
