"""Shared fixtures. Every test runs with sockets blocked: phimin never uses the network."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

import phimin


class NetworkBlocked(RuntimeError):
    pass


def _blocked(*args: Any, **kwargs: Any) -> Any:
    raise NetworkBlocked("a test tried to use the network")


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    """Block outbound connections and name lookups for the whole session."""
    saved = (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.getaddrinfo,
        socket.create_connection,
    )
    socket.socket.connect = _blocked  # type: ignore[method-assign]
    socket.socket.connect_ex = _blocked  # type: ignore[method-assign]
    socket.getaddrinfo = _blocked
    socket.create_connection = _blocked
    try:
        yield
    finally:
        (
            socket.socket.connect,
            socket.socket.connect_ex,
            socket.getaddrinfo,
            socket.create_connection,
        ) = saved


@pytest.fixture(scope="session")
def redactor() -> phimin.Redactor:
    """One model load for the whole test session."""
    return phimin.Redactor()


@pytest.fixture(scope="session")
def redact(redactor: phimin.Redactor) -> Any:
    """redact(text, **kw) -> output text."""

    def run(text: str, **kwargs: Any) -> str:
        return redactor.redact(text, **kwargs).text

    return run
