"""Shared fixtures. Every test runs with sockets blocked: phimin never uses the network."""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import settings

import phimin

# CI replays the same examples on every run, so a red build is reproducible and not a
# draw of the dice; a developer's run explores new examples each time. Neither has a
# deadline: how long an example takes is the shared machine's noise (a property test run
# alone compiles the patterns its first example needs), and speed is the benchmarks'.
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# What phimin derives from its word lists is kept between runs (`phimin._derived`): the
# tests, and every process they start, use a folder of their own, not the user's.
if "PHIMIN_CACHE_DIR" not in os.environ:
    os.environ["PHIMIN_CACHE_DIR"] = _cache = tempfile.mkdtemp(prefix="phimin-tests-cache-")
    atexit.register(shutil.rmtree, _cache, ignore_errors=True)


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


# --- how much the property tests and fuzzers exercised ------------------------------------

_EXAMPLES = {"tests": 0, "passing": 0, "failing": 0}


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Count the examples each Hypothesis test ran, from Hypothesis's own statistics."""
    from hypothesis.statistics import collector

    outer = collector.value  # Hypothesis's pytest plugin's own callback

    def note(stats: dict[str, Any]) -> None:
        statuses = [
            case.get("status")
            for key, phase in stats.items()
            if key.endswith("-phase") and isinstance(phase, dict)
            for case in phase.get("test-cases", [])
        ]
        _EXAMPLES["tests"] += 1
        _EXAMPLES["passing"] += statuses.count("valid")
        _EXAMPLES["failing"] += statuses.count("interesting")
        if outer is not None:
            outer(stats)

    with collector.with_value(note):
        yield


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """What this run measured, and nothing it did not (fuzzing runs on its own)."""
    write = terminalreporter.write_line
    if _EXAMPLES["tests"]:
        write(
            f"hypothesis: {_EXAMPLES['passing']} examples passed and "
            f"{_EXAMPLES['failing']} failed, in {_EXAMPLES['tests']} property tests"
        )
