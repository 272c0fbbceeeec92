"""The README's Python examples are doctests: each ```python block written as a
session (`>>>`) runs here, in order, sharing one namespace, as a reader would type them."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.M | re.S)


def _sessions() -> list[str]:
    return [b for b in _BLOCK.findall(README.read_text(encoding="utf-8")) if ">>>" in b]


def test_the_readme_has_doctests() -> None:
    assert len(_sessions()) >= 2


@pytest.mark.slow
def test_readme_examples_run_as_written() -> None:
    parser = doctest.DocTestParser()
    flags = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
    runner = doctest.DocTestRunner(optionflags=flags)
    namespace: dict[str, object] = {}
    for number, block in enumerate(_sessions(), 1):
        test = parser.get_doctest(block, namespace, f"README block {number}", str(README), 0)
        runner.run(test, clear_globs=False)
        namespace = test.globs
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} README example(s) failed (output above)"
