"""Offline: the CLI never opens a network connection, even one it would survive losing.

The suite's socket block (conftest.py) makes a connection fail; a library that catches
the failure (tldextract falls back to its bundled list) would still have tried. Here
every network attempt is *recorded*: a `sitecustomize.py` installs an audit hook in each
Python process (workers included) that logs and refuses socket creation, connection,
name lookup, and HTTP/FTP/SMTP connections. Where this user can create a network
namespace (`unshare -rn`), the run also happens with no interface but a downed loopback.
Every identifier here is synthetic.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import phimin

NOTE = (
    "Mr. Quillon Brackenridge writes from q.brackenridge@example.org and "
    "quillon.b@brackenridge-family.net; his blog is https://brackenridge-family.net/q "
    "and www.qbrackenridge.info, his site qbrackenridge.co.uk. Call 410-862-5173.\n"
)
SECRETS = ("Brackenridge", "brackenridge", "410-862-5173", "qbrackenridge")

SITECUSTOMIZE = '''\
"""Test harness: record and refuse every network attempt in this process."""
import os
import sys

_LOG = os.environ["PHIMIN_NET_LOG"]
# Reaching out: any of these is a failure of the test.
_EGRESS = (
    "socket.connect", "socket.sendto", "socket.sendmsg", "socket.getaddrinfo",
    "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo",
    "http.client.connect", "ftplib.connect", "smtplib.connect", "urllib.Request",
)
# Local only, refused too but merely noted (urllib3 probes IPv6 with a socket on import).
_LOCAL = ("socket.__new__", "socket.bind")


def _write(line):
    with open(_LOG, "a", encoding="utf-8") as f:
        f.write(f"{os.getpid()} {line}\\n")


def _hook(event, args):
    if event in _EGRESS or event in _LOCAL:
        _write(f"{'ATTEMPT' if event in _EGRESS else 'local'} {event}")
        raise OSError(101, f"network refused by phimin tests ({event})")


_write("hooked " + " ".join(getattr(sys, "orig_argv", sys.argv)).replace("\\n", " ")[:200])
sys.addaudithook(_hook)
'''

DRIVER = r"""
import io, json, os, sys
from phimin.cli.main import main
from phimin.cli.streams import Streams

note = open("note.txt", "rb").read()
runs = [
    ([], note),
    (["--format", "json", "--report", "report.json", "--explain"], note),
    (["--jsonl"], b"".join(json.dumps({"text": l}).encode() + b"\n" for l in note.decode().splitlines())),
    (["--check", "note.txt"], b""),
    (["--check", "--update-baseline", "note.txt"], b""),
    (["--vault", "client.vault"], note),
    (["--restore", "--vault", "client.vault"], b"Plan for [PERSON_1]: call [PHONE_1]."),
]
result = []
for argv, stdin in runs:
    out, err = io.BytesIO(), io.StringIO()
    code = main(argv, streams=Streams(io.BytesIO(stdin), out, err))
    result.append({"argv": argv, "code": code, "out": out.getvalue().decode(), "err": err.getvalue()})
with open("/proc/net/dev", encoding="ascii") as f:
    interfaces = sorted(line.split(":")[0].strip() for line in f.readlines()[2:])
print(json.dumps({"runs": result, "interfaces": interfaces}))
"""


def namespace_prefix() -> list[str] | None:
    """`unshare -rn` if this user may create a network namespace here, else None."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    probe = subprocess.run([unshare, "-rn", "true"], capture_output=True, check=False)
    return [unshare, "-rn", "--"] if probe.returncode == 0 else None


class Recorder:
    def __init__(self, root: Path) -> None:
        site = root / "site"
        site.mkdir()
        (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
        self.log = root / "net.log"
        self.log.touch()
        self.env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")])),
            "PHIMIN_NET_LOG": str(self.log),
            "PHIMIN_VAULT_KEY": phimin.generate_vault_key(),
            "PYTHONIOENCODING": "utf-8",
        }

    def lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines()

    def attempts(self) -> list[str]:
        return [line for line in self.lines() if " ATTEMPT " in line]

    def hooked_pids(self) -> set[str]:
        return {line.split()[0] for line in self.lines() if line.split()[1:2] == ["hooked"]}


def test_the_recorder_sees_an_attempt_a_library_would_swallow(tmp_path: Path) -> None:
    """The harness itself: a swallowed failure is still recorded, in a namespace too."""
    recorder = Recorder(tmp_path)
    code = (
        "import socket\n"
        "try:\n    socket.getaddrinfo('example.org', 443)\nexcept OSError:\n    pass\n"
        "print('survived')"
    )
    prefix = namespace_prefix() or []
    result = subprocess.run(
        [*prefix, sys.executable, "-c", code],
        env=recorder.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip() == "survived", result.stderr
    assert [a.split()[-1] for a in recorder.attempts()] == ["socket.getaddrinfo"]


def _run_driver(tmp_path: Path, prefix: list[str]) -> tuple[dict[str, object], Recorder]:
    recorder = Recorder(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    (work / "note.txt").write_text(NOTE, encoding="utf-8")
    result = subprocess.run(
        [*prefix, sys.executable, "-c", DRIVER],
        env=recorder.env,
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1]), recorder


def _assert_offline_run(state: dict[str, object], recorder: Recorder) -> None:
    runs = state["runs"]
    assert isinstance(runs, list)
    codes = [r["code"] for r in runs]
    assert codes == [0, 0, 0, 1, 0, 0, 0], [r["err"] for r in runs]
    first = runs[0]["out"]
    assert first.count("[EMAIL_") == 2 and first.count("[URL_") >= 3, first
    for r in runs[:-1]:
        for secret in SECRETS:
            assert secret not in r["out"] and secret not in r["err"]
    assert "Quillon Brackenridge" in runs[-1]["out"], "the restore run restored"
    assert recorder.attempts() == [], "a network attempt was made"
    assert len(recorder.hooked_pids()) >= 1


def test_cli_runs_in_a_network_namespace_without_interfaces(tmp_path: Path) -> None:
    prefix = namespace_prefix()
    if prefix is None:
        pytest.skip(
            "cannot create a network namespace here (`unshare -rn` refused); "
            "the recorded run without one is test_cli_runs_offline_with_every_attempt_recorded"
        )
    state, recorder = _run_driver(tmp_path, prefix)
    assert state["interfaces"] == ["lo"], "the namespace has only a (downed) loopback"
    _assert_offline_run(state, recorder)


@pytest.mark.slow
def test_cli_runs_offline_with_every_attempt_recorded(tmp_path: Path) -> None:
    """The same run on the host's network, where a connection could succeed."""
    state, recorder = _run_driver(tmp_path, [])
    _assert_offline_run(state, recorder)


@pytest.mark.slow
def test_console_script_with_workers_runs_offline(tmp_path: Path) -> None:
    """`redact --workers 2`: the worker processes are hooked and make no attempt either."""
    script = Path(sys.executable).with_name("redact")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "phimin.cli"]
    recorder = Recorder(tmp_path)
    long_note = NOTE + "We talked about sleep and the week ahead; it went fine.\n" * 300
    prefix = namespace_prefix() or []
    result = subprocess.run(
        [*prefix, *command, "--workers", "2", "--workers-from", "0", "-q"],  # start at once
        input=long_note.encode() * 3,
        env=recorder.env,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for secret in SECRETS:
        assert secret.encode() not in result.stdout + result.stderr
    assert result.stdout.count(b"[EMAIL_") == 6
    assert recorder.attempts() == []
    assert len(recorder.hooked_pids()) >= 3, "the parent and both workers were hooked"
