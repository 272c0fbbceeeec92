"""The result of one `redact` run in the tests (`run` in conftest.py gives these)."""

from __future__ import annotations

from collections.abc import Callable

import phimin
from phimin.cli.settings import RedactorSpec

__all__ = ["Run", "SpecCheck"]

SpecCheck = Callable[[RedactorSpec, phimin.Redactor], None]


class Run:
    """One run: its exit code, stdout (bytes), stderr, and each RedactorSpec it asked for."""

    def __init__(self, code: int, out: bytes, err: str, specs: list[RedactorSpec]) -> None:
        self.code, self.out, self.err, self.specs = code, out, err, specs

    @property
    def text(self) -> str:
        return self.out.decode("utf-8")
