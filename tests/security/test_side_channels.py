"""No side channels: canary identifiers never reach logs, warnings, errors or artifacts.

Unique synthetic canaries (a name, phone, SSN, email, MRN and street address) are
planted in every input. Each output channel other than the redacted text itself is
collected (library exceptions and reprs, every logger at DEBUG including Presidio's,
warnings, `--explain` on stderr, the `--report` file, `--check` output, the baseline,
the vault's bytes and its error messages, restore counts, crash output, JSON findings)
and searched for every canary and its digits-only form.
"""

from __future__ import annotations

import io
import json
import logging
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import phimin
import phimin._redactor as redactor_module
from phimin.cli.exit_codes import ExitCode
from phimin.cli.main import main
from phimin.cli.settings import RedactorSpec
from phimin.cli.streams import Streams

CANARIES = {
    "name": "Quillon Brackenridge",
    "surname": "Brackenridge",
    "phone": "410-862-5173",
    "ssn": "417-38-2906",
    "email": "q.brackenridge@example.org",
    "mrn": "48213977",
    "address": "4117 Larkspur Terrace",
    "street": "Larkspur",
}
NOTE = (
    "Mr. Quillon Brackenridge (MRN 48213977) lives at 4117 Larkspur Terrace.\n"
    "Call 410-862-5173 or write to q.brackenridge@example.org; SSN 417-38-2906.\n"
    "Quillon Brackenridge reports better sleep. PHQ-9 is 9, down from 14.\n"
)


def forms() -> Iterator[str]:
    for value in CANARIES.values():
        yield value
        digits = "".join(c for c in value if c.isdigit())
        if len(digits) >= 7:
            yield digits


def assert_clean(channel: str, blob: str | bytes) -> None:
    data = blob if isinstance(blob, bytes) else blob.encode("utf-8", "surrogatepass")
    for form in forms():
        for encoded in (form.encode("utf-8"), form.encode("utf-16-le")):
            assert encoded not in data, f"a canary reached {channel}"


def test_canaries_are_detected_so_the_search_means_something(redactor: phimin.Redactor) -> None:
    out = redactor.redact(NOTE).text
    assert_clean("the redacted text", out)
    for value in CANARIES.values():
        assert value in NOTE


@pytest.fixture
def captured() -> Iterator[list[str]]:
    """Every log record (all loggers, DEBUG and up) and every warning, as text."""
    lines: list[str] = []

    class Grab(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(f"{record.name} {record.getMessage()} {record.exc_text or ''}")
            if record.exc_info and record.exc_info[1] is not None:
                lines.append(repr(record.exc_info[1]))

    handler = Grab(level=logging.DEBUG)
    names = [None, *logging.root.manager.loggerDict, "presidio-analyzer", "presidio-anonymizer"]
    loggers = [logging.getLogger(n) for n in names]
    saved = [(lg, lg.level, lg.disabled) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
        lg.disabled = False
        lg.addHandler(handler)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield lines
        lines.extend(f"{w.category.__name__} {w.message}" for w in caught)
    for lg, level, disabled in saved:
        lg.removeHandler(handler)
        lg.setLevel(level)
        lg.disabled = disabled


def test_library_calls_log_and_warn_nothing_of_the_text(
    redactor: phimin.Redactor, captured: list[str], tmp_path: Path
) -> None:
    logging.getLogger("presidio-analyzer").debug("capture check")
    assert any("capture check" in line for line in captured), "the log capture is live"
    result = redactor.redact(NOTE)
    pieces = list(redactor.redact_stream([NOTE[:40], NOTE[40:]]))
    batch = list(redactor.redact_many([NOTE, NOTE]))
    session = phimin.Session(redactor, vault=phimin.Vault(tmp_path / "v", key=KEY))
    session.redact(NOTE)
    report = session.restore_report("[PERSON_1] and [PERSON_7] and [date in 1999] PERSON_1")
    for channel, blob in {
        "logs and warnings": "\n".join(captured),
        "finding reprs": repr(result) + repr(result.findings) + repr(result.summary),
        "finding dicts": json.dumps([f.to_dict() for f in result.findings]),
        "summary": json.dumps(result.summary.to_dict()),
        "piece findings": repr([p.findings for p in pieces]),
        "batch reprs": repr(batch),
        "session repr": repr(session),
        "placeholders": repr(session.placeholders),
        "restore report": repr(report) + json.dumps([u.to_dict() for u in report.unrestored]),
        "restore counts": json.dumps(report.counts()),
        "vault repr": repr(phimin.Vault(tmp_path / "v", key=KEY)),
        "ledger repr": repr(phimin.Vault(tmp_path / "v", key=KEY).read()),
        "vault bytes": (tmp_path / "v").read_bytes(),
    }.items():
        assert_clean(channel, blob)
    assert report.restored >= 1 and CANARIES["name"] in report.text  # restoring did happen


KEY = phimin.generate_vault_key()


def test_library_errors_quote_nothing(redactor: phimin.Redactor, tmp_path: Path) -> None:
    errors: list[BaseException] = []
    for call in (
        lambda: redactor.redact(NOTE.encode()),  # type: ignore[arg-type]
        lambda: redactor.redact(NOTE + "\ud800"),
        lambda: list(redactor.redact_stream([NOTE, b"x"])),  # type: ignore[list-item]
        lambda: phimin.Vault(tmp_path / "v", key=CANARIES["phone"]),
        lambda: phimin.Vault(tmp_path / "missing", key=KEY, create=False).read(),
        lambda: phimin.Session(redactor).redact(NOTE.encode()),  # type: ignore[arg-type]
    ):
        with pytest.raises(phimin.PhiminError) as info:
            call()
        errors.append(info.value)
    session = phimin.Session(redactor, vault=phimin.Vault(tmp_path / "v", key=KEY))
    session.redact(NOTE)
    blob = (tmp_path / "v").read_bytes()
    (tmp_path / "v").write_bytes(blob[:-1] + bytes([blob[-1] ^ 1]))  # always a change
    with pytest.raises(phimin.VaultError) as info:
        session.restore("[PERSON_1]")
    errors.append(info.value)
    with pytest.raises(phimin.VaultError) as info:
        phimin.Vault(tmp_path / "v", key=phimin.generate_vault_key()).read()
    errors.append(info.value)
    for error in errors:
        assert_clean(f"{type(error).__name__}", f"{error} {error!r} {error.args!r}")


# --- the command line -------------------------------------------------------------------


class Cli:
    def __init__(self, redactor: phimin.Redactor, root: Path) -> None:
        self.redactor, self.root = redactor, root
        self.stderr: list[str] = []

    def __call__(self, *argv: str, stdin: bytes = b"", tty: bool = False) -> tuple[int, bytes]:
        out, err = io.BytesIO(), io.StringIO()

        def factory(spec: RedactorSpec) -> Any:
            return self.redactor

        code = main(
            list(argv),
            streams=Streams(io.BytesIO(stdin), out, err, stderr_is_tty=tty),
            redactor_factory=factory,
        )
        self.stderr.append(err.getvalue())
        return code, out.getvalue()


@pytest.fixture
def cli(redactor: phimin.Redactor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PHIMIN_VAULT_KEY", KEY)
    monkeypatch.delenv("PHIMIN_VAULT_KEY_FILE", raising=False)
    return Cli(redactor, tmp_path)


def test_every_cli_artifact_and_stream_is_free_of_canaries(
    cli: Cli, tmp_path: Path, captured: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "note.md").write_text(NOTE, encoding="utf-8")
    (tmp_path / "other.md").write_text(NOTE.replace("\n", "\r\n"), encoding="utf-8")
    stdout: dict[str, bytes] = {}

    code, stdout["text"] = cli("--explain", "--report", "report.json", stdin=NOTE.encode())
    assert code == ExitCode.OK
    assert "finding(s) explained" in cli.stderr[-1]
    code, stdout["json"] = cli("--format", "json", "note.md", "other.md", tty=True)
    assert code == ExitCode.OK
    findings = [d["findings"] for d in map(json.loads, stdout["json"].splitlines())]
    assert findings and all(findings)
    records = "".join(json.dumps({"text": line, "id": 1}) + "\n" for line in NOTE.splitlines())
    code, stdout["jsonl"] = cli(
        "--jsonl", "--explain", "--report", "r2.json", stdin=records.encode()
    )
    assert code == ExitCode.OK

    code, stdout["check"] = cli("--check", "--explain", "--report", "r3.json", "note.md")
    assert code == ExitCode.FINDINGS
    assert b"note.md:1:" in stdout["check"]
    code, stdout["baseline"] = cli("--check", "--update-baseline", "note.md", "other.md")
    assert code == ExitCode.OK
    code, stdout["check with baseline"] = cli("--check", "note.md")
    assert code == ExitCode.OK

    code, stdout["vault"] = cli(
        "--vault", "client.vault", "--report", "r4.json", stdin=NOTE.encode()
    )
    assert code == ExitCode.OK
    draft = b"Plan: [PERSON_1] and [person_9], PERSON_1's sleep, [date in 1999]."
    code, restored = cli("--restore", "--vault", "client.vault", "--strict", stdin=draft)
    assert code == ExitCode.FINDINGS and CANARIES["name"].encode() in restored  # it restores
    monkeypatch.setenv("PHIMIN_VAULT_KEY", phimin.generate_vault_key())
    code, stdout["wrong key"] = cli("--vault", "client.vault", stdin=NOTE.encode())
    assert code == ExitCode.USAGE
    monkeypatch.setenv("PHIMIN_VAULT_KEY", KEY)
    vault = tmp_path / "client.vault"
    vault.write_bytes(vault.read_bytes()[:-3] + b"\x00\x00\x00")
    code, stdout["damaged vault"] = cli("--restore", "--vault", "client.vault", stdin=draft)
    assert code == ExitCode.USAGE

    def crash(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(NOTE)  # an internal error that quotes the text

    monkeypatch.setattr(redactor_module, "resolve", crash)
    code, stdout["crash"] = cli(stdin=NOTE.encode())
    assert code == ExitCode.INTERNAL
    code, stdout["crash json"] = cli("--format", "json", stdin=NOTE.encode())
    assert code == ExitCode.INTERNAL

    for name, blob in stdout.items():
        if name in ("json",):
            for doc in map(json.loads, blob.splitlines()):
                assert_clean(
                    "json findings", json.dumps(doc["findings"]) + json.dumps(doc["summary"])
                )
        assert_clean(f"stdout of the {name} run", blob)
    for i, err in enumerate(cli.stderr):
        assert_clean(f"stderr of run {i}", err)
    artifacts = [p for p in tmp_path.iterdir() if p.name not in ("note.md", "other.md")]
    assert {"report.json", "r2.json", "r3.json", "r4.json", ".phimin-baseline.json"} <= {
        p.name for p in artifacts
    }
    for path in artifacts:
        assert_clean(path.name, path.read_bytes())
    assert_clean("logs and warnings", "\n".join(captured))
