"""Errors of the command line itself (the library's errors live in `phimin._errors`)."""

from __future__ import annotations

__all__ = ["ConfigError", "UsageError"]


class UsageError(Exception):
    """A flag or a combination of flags is wrong (exit 2, with the usage line)."""


class ConfigError(Exception):
    """A configuration file or a baseline is invalid (exit 2)."""
