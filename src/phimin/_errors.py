"""One exception base, one subclass per cause.

Messages never quote the text being redacted: they name the stage, the rule or the
file, and give offsets at most.
"""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from pathlib import Path

__all__ = [
    "DetectionError",
    "InputError",
    "ModelError",
    "PhiminError",
    "PolicyError",
    "RulePackError",
    "VaultError",
    "describe",
]


def describe(exc: BaseException) -> str:
    """Where an unexpected exception came from, without its message (which may quote text).

    Used where phimin turns a failure into its own error: the original exception is
    dropped from the chain (a traceback or `logging.exception` would print it), so
    this names its type and the innermost source line instead.
    """
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return type(exc).__name__
    last = frames[-1]
    return f"{type(exc).__name__} at {Path(last.filename).name}:{last.lineno} in {last.name}"


class PhiminError(Exception):
    """Base class of every error phimin raises on purpose."""


class InputError(PhiminError):
    """The input cannot be processed (not text, not UTF-8, ...)."""


class ModelError(PhiminError):
    """The spaCy model is missing or cannot be loaded."""


class PolicyError(PhiminError):
    """A policy file or preset is invalid."""


class DetectionError(PhiminError):
    """A detection stage failed; nothing from the affected text may be emitted."""


class VaultError(PhiminError):
    """The vault cannot be used: no key, wrong key, damaged file, or I/O failure.

    Messages name the problem, never the vault's contents, the key or the path.
    """


class RulePackError(PhiminError):
    """One or more rule packs are invalid. Every problem is listed at once."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{count} problem(s) in rule packs:\n{lines}")
