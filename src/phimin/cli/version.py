"""The installed phimin version, read without importing the library (and its model)."""

from __future__ import annotations

from importlib import metadata

__all__ = ["tool_version"]


def tool_version() -> str:
    try:
        return metadata.version("phimin")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "unknown"
