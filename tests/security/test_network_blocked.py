from __future__ import annotations

import socket

import pytest


def test_sockets_are_blocked_for_the_whole_suite() -> None:
    with pytest.raises(RuntimeError, match="network"):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(RuntimeError, match="network"):
        socket.getaddrinfo("example.com", 443)
