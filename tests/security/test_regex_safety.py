"""Backtracking: every regex phimin runs on text finishes on input built to stall it.

For each pattern, adversarial strings are derived from its own structure: the parse
tree gives each repeated part and what precedes it, and the strings are long runs of
what the repeat accepts (single characters and whole repetitions), after that prefix,
ending in a character that makes the match fail. A chunk is at most a few thousand
characters, so runs of 1,500 do not flatter the patterns.

- Detection patterns (identifier, date, age, place specs, and every rule-pack regex
  and token pattern) run with a timeout that
  fails the text closed; here each must finish well inside it, or phimin would refuse
  ordinary-looking text. That a timeout fails closed is tested in
  test_fail_closed.py.
- Patterns that run without a timeout (the clinical guard, the protected-output
  pattern, restore's scanner over LLM output, pragmas) must finish too: a stall there
  would hang the run. The same bound serves as a hang detector.
"""

from __future__ import annotations

import re._constants as sre
import re._parser as sre_parse
from collections.abc import Iterator
from typing import Any

import pytest
import regex

import phimin
from phimin._detect.clinical import GUARD_PATTERNS
from phimin._detect.dates import AGE_SPECS, DATE_SPECS
from phimin._detect.identifiers import IDENTIFIER_SPECS
from phimin._detect.patterns import REGEX_TIMEOUT_SECONDS, compile_spec
from phimin._detect.places import PLACE_SPECS
from phimin._restore import _BRACKETED, _PLACEHOLDER, _scanner
from phimin._rulepacks import compile_rule_regex
from phimin.cli.pragmas import _PRAGMA

LENGTH = 1500
POOL = " -.aA1_'/:@#()[],+\t\nxZ09\u2019é\u00a0\u200b$&=!?;*|\\\"<{}%~"


def _category(cat: Any, ch: str) -> bool:
    word = ch.isalnum() or ch == "_"
    return {
        sre.CATEGORY_DIGIT: ch.isdigit(),
        sre.CATEGORY_NOT_DIGIT: not ch.isdigit(),
        sre.CATEGORY_WORD: word,
        sre.CATEGORY_NOT_WORD: not word,
        sre.CATEGORY_SPACE: ch.isspace(),
        sre.CATEGORY_NOT_SPACE: not ch.isspace(),
    }.get(cat, False)


def _in_set(items: Any, ch: str, ic: bool) -> bool:
    negate, hit = False, False
    for op, av in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            hit |= chr(av) == ch or (ic and chr(av).lower() == ch.lower())
        elif op is sre.RANGE:
            lo, hi = av
            hit |= any(lo <= ord(c) <= hi for c in {ch, ch.lower(), ch.upper()} if ic or c == ch)
        elif op is sre.CATEGORY:
            hit |= _category(av, ch)
    return hit != negate


def _accepted(seq: Any, ic: bool) -> list[str]:
    """Pool characters that can start a match of `seq`."""
    for op, av in seq:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue
        if op is sre.LITERAL:
            return [chr(av), chr(av).upper()] if ic else [chr(av)]
        if op is sre.NOT_LITERAL:
            return [c for c in POOL if ord(c) != av][:6]
        if op is sre.ANY:
            return ["a", "-", " "]
        if op is sre.IN:
            return [c for c in POOL if _in_set(av, c, ic)]
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            return _accepted(av[2], ic)
        if op is sre.SUBPATTERN:
            return _accepted(av[3], ic)
        if op is sre.ATOMIC_GROUP:
            return _accepted(av, ic)
        if op is sre.BRANCH:
            return [c for branch in av[1] for c in _accepted(branch, ic)]
        return []
    return []


def _witness(seq: Any, ic: bool, pick: int = 0) -> str:
    """A short string `seq` can match (the `pick`-th choice at each alternative)."""
    out = []
    for op, av in seq:
        if op is sre.LITERAL:
            out.append(chr(av))
        elif op is sre.NOT_LITERAL:
            out.append("a" if av != ord("a") else "b")
        elif op is sre.ANY:
            out.append("a")
        elif op is sre.IN:
            chars = [c for c in POOL if _in_set(av, c, ic)] or ["a"]
            out.append(chars[pick % len(chars)])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, body = av
            out.append(_witness(body, ic, pick) * (max(low, 1) if high else 0))
        elif op is sre.SUBPATTERN:
            out.append(_witness(av[3], ic, pick))
        elif op is sre.ATOMIC_GROUP:
            out.append(_witness(av, ic, pick))
        elif op is sre.BRANCH:
            out.append(_witness(av[1][pick % len(av[1])], ic, pick))
        elif op is sre.GROUPREF_EXISTS:
            out.append(_witness(av[1], ic, pick))
        elif op is sre.GROUPREF:
            out.append("-")
    return "".join(out)


def _repeats(seq: Any, ic: bool, before: str = "") -> Iterator[tuple[str, Any]]:
    """(what a match reads before it, its body) for each long or unbounded repeat."""
    for item in seq:
        op, av = item
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if av[1] is sre.MAXREPEAT or av[1] >= 8:
                yield before, av[2]
            yield from _repeats(av[2], ic, before)
        elif op is sre.SUBPATTERN:
            yield from _repeats(av[3], ic, before)
        elif op is sre.ATOMIC_GROUP:
            yield from _repeats(av, ic, before)
        elif op is sre.BRANCH:
            for branch in av[1][:6]:
                yield from _repeats(branch, ic, before)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from _repeats(av[1], ic, before)
        before += _witness([item], ic)


def adversarial(pattern: str, ignore_case: bool = False) -> list[str]:
    """Strings built from `pattern`'s structure to make it work hard (deterministic)."""
    ic = ignore_case or pattern.startswith("(?i)")
    try:
        seq = list(sre_parse.parse(pattern, sre_parse.SRE_FLAG_IGNORECASE if ic else 0))
    except (sre_parse.error, ValueError):  # syntax of the regex module only
        seq = None
    found: set[str] = set()
    ends = ("!", "\n")
    if seq is None:  # syntax only the regex module knows: generic runs
        for unit in ("a", "1", "-", " ", "a-", "1 ", "a.", "_1", "[a_1"):
            found.update(unit * (LENGTH // len(unit)) + end for end in ends)
        return sorted(found)
    whole = _witness(seq, ic)
    for before, body in _repeats(seq, ic):
        units = {_witness(body, ic, k) for k in range(3)} | set(_accepted(body, ic)[:8])
        for unit in sorted(u for u in units if u)[:10]:
            run = unit * max(1, LENGTH // len(unit))
            for end in ends:
                found.update({before + run + end, run + end, f"{whole} {run}{end}"})
    for k in range(3):
        w = _witness(seq, ic, k) or "a"
        found.add((w + " ") * max(1, LENGTH // (len(w) + 1)))
    return sorted(found)


def assert_bounded(
    name: str,
    compiled: regex.Pattern[str],
    strings: list[str],
    timeout: float = REGEX_TIMEOUT_SECONDS,
) -> None:
    assert strings, f"no adversarial strings for {name}"
    for s in strings:
        try:
            for _ in compiled.finditer(s, timeout=timeout):
                pass
        except TimeoutError:
            pytest.fail(f"{name} stalls on {s[:40]!r}... ({len(s)} characters)")


SPECS = {s.rule_id: s for s in (*IDENTIFIER_SPECS, *DATE_SPECS, *AGE_SPECS, *PLACE_SPECS)}


def test_the_generator_finds_a_known_catastrophic_pattern() -> None:
    """Without this the sweep could pass by never building a hard string."""
    slow = regex.compile(r"(?i)\bzero(?:(?:[ ,.]|\s)+(?:one|two))+\b")
    with pytest.raises(pytest.fail.Exception, match="stalls"):
        assert_bounded("nested", slow, adversarial(slow.pattern), timeout=0.2)
    slow = regex.compile(r"(?i)(?<![\w])cross(?:[^\w\n]+[\w'-]+){0,3}?[^\w\n]+border")
    with pytest.raises(pytest.fail.Exception, match="stalls"):
        assert_bounded("gap", slow, adversarial(slow.pattern), timeout=0.2)


@pytest.mark.parametrize("rule_id", sorted(SPECS))
def test_detection_pattern_finishes_on_adversarial_input(rule_id: str) -> None:
    compiled = compile_spec(SPECS[rule_id])
    strings = adversarial(SPECS[rule_id].pattern)
    assert_bounded(rule_id, compiled.pattern, strings)
    if compiled.context is not None:
        assert_bounded(
            f"{rule_id} context", compiled.context, adversarial(compiled.context.pattern)
        )


def _rule_patterns() -> dict[str, regex.Pattern[str]]:
    """Every regex of the shipped rule packs (token patterns included), and negatives."""
    found = {}
    for rule in phimin.load_rule_packs().rules:
        for i, pattern in enumerate(rule.regexes):
            found[f"{rule.id} regex #{i + 1}"] = compile_rule_regex(pattern)
        for i, pattern in enumerate(rule.negative_regexes):
            found[f"{rule.id} negative #{i + 1}"] = compile_rule_regex(pattern)
    return found


def test_rule_pack_patterns_finish_on_adversarial_input() -> None:
    patterns = _rule_patterns()
    assert len(patterns) > 50
    for name, compiled in patterns.items():
        assert_bounded(name, compiled, adversarial(compiled.pattern, ignore_case=True))


def _wordings() -> tuple[str, ...]:
    return tuple(sorted(phimin.load_rule_packs().wordings | {"[date in 2021]", "[location]"}))


UNGUARDED = {
    **{f"clinical guard #{i + 1}": (lambda p=p: p) for i, p in enumerate(GUARD_PATTERNS)},
    "restore placeholder shapes": lambda: _PLACEHOLDER,
    "restore bracketed literals": lambda: _BRACKETED,
    "restore scanner with wordings": lambda: _scanner(_wordings()),
    "check-mode pragma": lambda: _PRAGMA,
}


@pytest.mark.parametrize("name", sorted(UNGUARDED))
def test_patterns_without_a_timeout_finish_on_adversarial_input(name: str) -> None:
    compiled = UNGUARDED[name]()
    strings = adversarial(compiled.pattern)
    if isinstance(compiled, regex.Pattern):
        assert_bounded(name, compiled, strings)
        return
    for s in strings:  # the standard library's re has no timeout: it must simply return
        compiled.findall(s)


def test_protected_output_pattern_finishes_on_adversarial_input(
    redactor: phimin.Redactor,
) -> None:
    protected = redactor.engine.protected_regex
    strings = adversarial(protected.pattern)
    strings += ["[" + "A_" * 700 + "1", "[" + "A" * 1400 + "_", "[date in " * 150, "[ZIP " * 300]
    assert_bounded("protected output", protected, strings)
