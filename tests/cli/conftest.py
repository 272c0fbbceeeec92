"""What the `redact` tests share: `run` (`main(argv)` in-process, with the session's one
Redactor, in a scratch directory) and `key` (a fresh vault key in the environment).

A test module that must hold every Redactor asked for to a rule (only the default
policy, one worker) overrides the `check_spec` fixture; `run` applies it to each
RedactorSpec it serves with the shared Redactor.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cli_harness import Run, SpecCheck

import phimin
from phimin.cli.main import main
from phimin.cli.settings import RedactorSpec
from phimin.cli.streams import Streams


@pytest.fixture
def check_spec() -> SpecCheck | None:
    """Nothing is asked of a RedactorSpec here; a module overrides this to assert."""
    return None


@pytest.fixture
def run(
    redactor: phimin.Redactor,
    check_spec: SpecCheck | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[..., Run]:
    """run(*argv, stdin=b"", wrap=None, make=None) in a scratch directory (no stray config).

    `wrap(redactor)` stands in for the shared Redactor (a failing one, say); `make(spec)`
    builds the Redactor itself, and `check_spec` is then not applied.
    """
    monkeypatch.chdir(tmp_path)

    def go(
        *argv: str,
        stdin: bytes = b"",
        wrap: Callable[[Any], Any] | None = None,
        make: Callable[[RedactorSpec], Any] | None = None,
    ) -> Run:
        specs: list[RedactorSpec] = []

        def factory(spec: RedactorSpec) -> Any:
            specs.append(spec)
            if make is not None:
                return make(spec)
            if check_spec is not None:
                check_spec(spec, redactor)
            return wrap(redactor) if wrap else redactor

        out, err = io.BytesIO(), io.StringIO()
        code = main(
            list(argv), streams=Streams(io.BytesIO(stdin), out, err), redactor_factory=factory
        )
        return Run(code, out.getvalue(), err.getvalue(), specs)

    return go


@pytest.fixture
def key(monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh key in PHIMIN_VAULT_KEY (and no key file from the environment)."""
    value: str = phimin.generate_vault_key()
    monkeypatch.setenv("PHIMIN_VAULT_KEY", value)
    monkeypatch.delenv("PHIMIN_VAULT_KEY_FILE", raising=False)
    return value
