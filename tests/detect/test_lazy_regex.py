"""Patterns compiled on first use behave as compiled ones, and none of phimin's is broken."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import phimin
from phimin._lazy_regex import LazyPattern, compile_all

_SOURCE = r"(?i)(?<![\w])(?P<word>[a-z]+)(?:[ ]+(?P<num>\d{1,3}))?"
_TEXTS = st.text(alphabet="ab Z0123 \n-", max_size=40)


def test_every_lazy_pattern_of_phimin_compiles() -> None:
    # Import every module, so every module-level pattern exists, then compile them all:
    # a syntax error in any of them fails here, not on the first text that needs it.
    for module in pkgutil.walk_packages(phimin.__path__, "phimin."):
        if module.name.startswith(("phimin.spark", "phimin.gateway")):
            continue  # optional extras; they make no lazy patterns of their own
        importlib.import_module(module.name)
    assert compile_all() >= 30


def test_a_broken_pattern_fails_when_first_used() -> None:
    broken = LazyPattern("(unclosed")
    with pytest.raises(regex.error):
        broken.search("text")


def test_it_compiles_once_and_keeps_it() -> None:
    pattern = LazyPattern(_SOURCE)
    assert "not compiled yet" in repr(pattern)
    first = pattern.compiled
    assert pattern.compiled is first
    assert "not compiled yet" not in repr(pattern)
    assert pattern.pattern == _SOURCE


@given(_TEXTS, st.integers(0, 45), st.integers(0, 45))
def test_same_results_as_a_compiled_pattern(text: str, pos: int, endpos: int) -> None:
    lazy, eager = LazyPattern(_SOURCE), regex.compile(_SOURCE)

    def spans(matches: object) -> list[tuple[int, int]]:
        return [m.span() for m in matches]  # type: ignore[attr-defined]

    def span(m: regex.Match[str] | None) -> tuple[int, int] | None:
        return None if m is None else m.span()

    assert span(lazy.search(text, pos, endpos)) == span(eager.search(text, pos, endpos))
    assert span(lazy.match(text, pos, endpos)) == span(eager.match(text, pos, endpos))
    assert span(lazy.fullmatch(text, pos, endpos)) == span(eager.fullmatch(text, pos, endpos))
    assert spans(lazy.finditer(text, pos, endpos)) == spans(eager.finditer(text, pos, endpos))
    assert lazy.findall(text, pos, endpos) == eager.findall(text, pos, endpos)
    assert lazy.sub("<\\g<word>>", text) == eager.sub("<\\g<word>>", text)
    assert lazy.sub(lambda m: m.group("word").upper(), text, 1) == eager.sub(
        lambda m: m.group("word").upper(), text, 1
    )
    assert lazy.split(text) == eager.split(text)
    partial = lazy.match(text, pos, partial=True)
    expected = eager.match(text, pos, partial=True)
    assert span(partial) == span(expected)
