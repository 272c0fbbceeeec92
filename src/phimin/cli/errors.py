"""Errors of the command line itself (the library's errors live in `phimin._errors`)."""

from __future__ import annotations

__all__ = ["ConfigError", "OutputError", "UsageError"]


class UsageError(Exception):
    """A flag or a combination of flags is wrong (exit 2, with the usage line)."""


class ConfigError(Exception):
    """A configuration file or a baseline is invalid (exit 2)."""


class OutputError(Exception):
    """An output (-o, --in-place, --report, a baseline) cannot be written (exit 2).

    Checked before any input is read, so no text goes out first; the message names the
    flag, the path and the problem.
    """
