"""Streaming: windows tile the input, and the result equals one-shot redaction."""

from __future__ import annotations

import itertools

import pytest

import phimin

LINES = [
    "Client reports feeling better this week.",
    "Maria Lopez called 410-555-2671 about her appointment on 7/22.",
    "THERAPIST: How did the homework go?",
    "SSN 523-61-8840 was on the intake form.",
    "She lives at 42 Elm Street.",
    "Her son Will said he is fine.",
]


def test_stream_equals_one_shot_and_pieces_tile_the_input(redactor: phimin.Redactor) -> None:
    text = "\n".join(LINES[(i * 7) % len(LINES)] for i in range(2500))
    one_shot = redactor.redact(text)
    blocks = [text[i : i + 7000] for i in range(0, len(text), 7000)]
    pieces = list(redactor.redact_stream(blocks, window_chars=20_000))
    assert len(pieces) > 3
    assert "".join(p.text for p in pieces) == one_shot.text
    assert [f for p in pieces for f in p.findings] == list(one_shot.findings)
    assert pieces[0].input_start == 0
    assert pieces[-1].input_end == len(text)
    for before, after in itertools.pairwise(pieces):
        assert before.input_end == after.input_start
    for p in pieces:
        assert all(p.input_start <= f.start < f.end <= p.input_end for f in p.findings)


def test_a_window_too_small_to_emit_anything_is_refused_not_looped_on(
    redactor: phimin.Redactor,
) -> None:
    # Each window holds back its last 512 characters for the next one: a window of
    # that size or less could never emit, and would loop for ever on a long input.
    text = "\n".join(LINES * 6)
    for window in (64, 512):
        stream = redactor.redact_stream([text], window_chars=window)
        with pytest.raises(phimin.InputError, match="window_chars must be more than 512"):
            next(stream)
    pieces = list(redactor.redact_stream([text], window_chars=700))
    assert "".join(p.text for p in pieces) == redactor.redact(text).text
