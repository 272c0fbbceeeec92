"""`redact --vault`, `--restore`, `--new-vault-key` and `--workers` through `main(argv)`.

In-process with the session's Redactor (one model load). Every identifier is synthetic,
written for these tests. The console script itself is run in test_cli_process.py.
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_harness import Run

import phimin
from phimin._chunking import CHUNK_CHARS
from phimin.cli import main as cli_main
from phimin.cli.exit_codes import ExitCode
from phimin.cli.main import main
from phimin.cli.settings import RedactorSpec
from phimin.cli.streams import Streams

NAME, SISTER, PHONE, DATE = "Dana Whitfield", "Odalys Fenwick", "555-201-3344", "03/14/2024"
TURN1 = f"THERAPIST: Welcome back, {NAME}. Is {PHONE} still your number?\n"
TURN2 = f"CLIENT: Yes. My sister {SISTER} drove me on {DATE}. Dana is fine.\n"
# What an LLM might write from the redacted turns: case changed, brackets dropped.
DRAFT = "Progress note: [person_1]'s sleep improved; PERSON_2 drove her. Call [PHONE_1].\n"
RESTORED = f"Progress note: {NAME}'s sleep improved; {SISTER} drove her. Call {PHONE}.\n"
SECRETS = (NAME, "Whitfield", SISTER, "Fenwick", PHONE, DATE)


def no_phi(*blobs: str | bytes) -> None:
    for blob in blobs:
        data = blob.encode() if isinstance(blob, str) else blob
        for secret in SECRETS:
            assert secret.encode() not in data


@pytest.fixture
def check_spec() -> Callable[[RedactorSpec, phimin.Redactor], None]:
    """The shared Redactor applies the default policy: only that may be asked of it."""

    def check(spec: RedactorSpec, redactor: phimin.Redactor) -> None:
        assert spec.policy is None or spec.policy == redactor.policy
        assert spec.workers == 1

    return check


# --- a conversation across runs, and its restore -----------------------------------------


def test_two_runs_share_placeholders_and_the_draft_comes_back(
    run: Callable[..., Run], key: str, tmp_path: Path
) -> None:
    first = run("--vault", "v", stdin=TURN1.encode())
    assert first.code == ExitCode.OK, first.err
    assert first.text == "THERAPIST: Welcome back, [PERSON_1]. Is [PHONE_1] still your number?\n"
    second = run("--vault", "v", stdin=TURN2.encode())
    assert second.code == ExitCode.OK, second.err
    assert "[PERSON_2] drove me on [date in 2024]. [PERSON_1] is fine." in second.text
    assert first.specs[0].policy is not None, "a session redacts with its Redactor's policy"

    back = run("--restore", "--vault", "v", stdin=DRAFT.encode())
    assert back.code == ExitCode.OK, back.err
    assert back.text == RESTORED
    assert back.err == "redact: restored 3; left none\n"
    assert back.specs == [], "restoring never builds a Redactor"

    vault = (tmp_path / "v").read_bytes()
    no_phi(vault, first.text, second.text, first.err, second.err, back.err)
    assert (tmp_path / "v").stat().st_mode & 0o777 == 0o600


def test_json_report_and_explain_in_vault_mode_hold_no_text(
    run: Callable[..., Run], key: str, tmp_path: Path
) -> None:
    run("--vault", "v", stdin=TURN1.encode())
    result = run(
        "--vault", "v", "--format", "json", "--report", "r.json", "--explain", stdin=TURN2.encode()
    )
    assert result.code == ExitCode.OK, result.err
    data = json.loads(result.out)
    assert "[PERSON_1] is fine." in data["text"]
    spans = {TURN2[f["start"] : f["end"]] for f in data["findings"]}
    assert {SISTER, DATE, "Dana"} <= spans
    sister = next(f for f in data["findings"] if TURN2[f["start"] : f["end"]] == SISTER)
    assert (sister["line"], sister["col"]) == (1, TURN2.index(SISTER) + 1)
    report = (tmp_path / "r.json").read_text()
    assert json.loads(report)["summary"]["total"] == len(data["findings"])
    no_phi(data["text"], report, result.err)


def test_jsonl_records_continue_the_session_in_order(
    run: Callable[..., Run], key: str, tmp_path: Path
) -> None:
    run("--vault", "v", stdin=TURN1.encode())
    records = [
        {"id": 1, "text": f"{SISTER} called.", "meta": "kept", "contact": [PHONE]},
        {"id": 2, "text": "Client reports better sleep."},
        {"id": 3, "text": f"Then {NAME} and {SISTER} met."},
    ]
    stdin = "".join(json.dumps(r) + "\n" for r in records)
    result = run("--vault", "v", "--jsonl", stdin=stdin.encode())
    assert result.code == ExitCode.OK, result.err
    lines = [json.loads(line) for line in result.text.splitlines()]
    assert lines == [
        {"id": 1, "text": "[PERSON_2] called.", "meta": "kept", "contact": ["[PHONE_1]"]},
        {"id": 2, "text": "Client reports better sleep."},
        {"id": 3, "text": "Then [PERSON_1] and [PERSON_2] met."},
    ]
    back = run("--restore", "--vault", "v", stdin=lines[2]["text"].encode())
    assert back.text == records[2]["text"]
    no_phi((tmp_path / "v").read_bytes())


def test_files_in_one_run_are_one_conversation(
    run: Callable[..., Run], key: str, tmp_path: Path
) -> None:
    (tmp_path / "t1.txt").write_text(TURN1)
    (tmp_path / "t2.txt").write_text(TURN2)
    result = run("--vault", "v", "t1.txt", "t2.txt", "-o", "out.txt")
    assert (result.code, result.out) == (ExitCode.OK, b"")
    written = (tmp_path / "out.txt").read_text()
    assert written.count("[PERSON_1]") == 2 and "[PERSON_2]" in written
    (tmp_path / "draft.txt").write_text(DRAFT)
    back = run("--restore", "--vault", "v", "draft.txt", "-o", "restored.txt")
    assert (back.code, back.out) == (ExitCode.OK, b"")
    assert (tmp_path / "restored.txt").read_text() == RESTORED
    assert (tmp_path / "restored.txt").stat().st_mode & 0o777 == 0o600  # it holds originals


@pytest.mark.parametrize(
    ("argv", "text", "code", "out", "err"),
    [
        ([], "Seen [date in 2024].\n", 0, f"Seen {DATE}.\n", "left none"),
        (
            ["--keep-generalized"],
            "Seen [date in 2024].\n",
            0,
            "Seen [date in 2024].\n",
            "left not_requested: 1",
        ),
        (["--sensitive"], "Seen [date in 2024].\n", 0, f"Seen {DATE}.\n", "left none"),
        (
            ["--strict"],
            "[PERSON_1] and [PERSON_9].\n",
            1,
            f"{NAME} and [PERSON_9].\n",
            "not_issued: 1",
        ),
        (["--strict", "-q"], "[PERSON_9]\n", 1, "[PERSON_9]\n", "restored 0; left not_issued: 1"),
        (["--strict", "-q"], "[PERSON_1]\n", 0, f"{NAME}\n", ""),
        ([], "", 0, "", "restored 0; left none"),
    ],
)
def test_restore_counts_what_it_left_and_strict_fails_on_it(
    run: Callable[..., Run],
    key: str,
    argv: list[str],
    text: str,
    code: int,
    out: str,
    err: str,
) -> None:
    run("--vault", "v", stdin=(TURN1 + TURN2).encode())
    result = run("--restore", "--vault", "v", *argv, stdin=text.encode())
    assert result.code == code
    assert result.text == out
    assert err in result.err
    if not err:
        assert result.err == ""
    no_phi(result.err)


# --- vault errors: exit 2, nothing on stdout, no model load, nothing revealed ------------


def _damage(path: Path) -> None:
    blob = bytearray(path.read_bytes())
    blob[-20] ^= 0xFF
    path.write_bytes(bytes(blob))


@pytest.mark.parametrize("mode", ["redact", "restore"])
@pytest.mark.parametrize(
    ("problem", "message"),
    [
        ("wrong key", "wrong vault key"),
        ("no key", "no vault key: set PHIMIN_VAULT_KEY"),
        ("damaged", "vault is damaged or was modified"),
        ("not a vault", "not a phimin vault"),
        ("key file open to others", "readable by others"),
    ],
)
def test_vault_problems_exit_2_and_write_nothing(
    run: Callable[..., Run],
    key: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    mode: str,
    problem: str,
    message: str,
) -> None:
    vault_name = f"{NAME.replace(' ', '_')}.vault"  # a vault named after its client
    assert run("--vault", vault_name, stdin=TURN1.encode()).code == ExitCode.OK
    path = tmp_path / vault_name
    before = path.read_bytes()
    extra: list[str] = []
    if problem == "wrong key":
        monkeypatch.setenv("PHIMIN_VAULT_KEY", phimin.generate_vault_key())
    elif problem == "no key":
        monkeypatch.delenv("PHIMIN_VAULT_KEY")
    elif problem == "damaged":
        _damage(path)
    elif problem == "not a vault":
        path.write_bytes(TURN1.encode())
    else:
        keyfile = tmp_path / "key"
        keyfile.write_text(key)
        keyfile.chmod(0o644)
        extra = ["--vault-key-file", "key"]
    argv = ["--restore"] if mode == "restore" else []
    result = run(*argv, "--vault", vault_name, *extra, stdin=TURN2.encode())
    assert result.code == ExitCode.USAGE
    assert result.out == b""
    assert message in result.err
    assert result.specs == [], "the model is not loaded for a vault that cannot be used"
    assert "Whitfield" not in result.err, "the vault's path is never shown"
    no_phi(result.err)
    assert key not in result.err
    if problem not in ("damaged", "not a vault"):
        assert path.read_bytes() == before


def test_restore_from_a_missing_vault_is_an_error_not_an_empty_result(
    run: Callable[..., Run], key: str
) -> None:
    result = run("--restore", "--vault", "missing.vault", stdin=DRAFT.encode())
    assert (result.code, result.out) == (ExitCode.USAGE, b"")
    assert "vault file does not exist" in result.err
    assert "redact --vault run wrote: check the path" in result.err
    assert "missing.vault" not in result.err  # a vault's name often names its client


def test_a_key_file_flag_wins_over_the_environment(
    run: Callable[..., Run], key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyfile = tmp_path / "k"
    assert run("--new-vault-key", "-q", "-o", "k").code == ExitCode.OK
    monkeypatch.setenv("PHIMIN_VAULT_KEY_FILE", "/nonexistent/key")
    assert run("--vault", "v", "--vault-key-file", "k", stdin=TURN1.encode()).code == 0
    # Without the flag, PHIMIN_VAULT_KEY (another key) is used: the wrong key.
    assert run("--restore", "--vault", "v", stdin=b"x").code == ExitCode.USAGE
    back = run("--restore", "--vault", "v", "--vault-key-file", str(keyfile), stdin=DRAFT.encode())
    assert back.code == ExitCode.OK
    assert NAME in back.text


# --- --new-vault-key ---------------------------------------------------------------------


def test_new_vault_key_prints_a_key_and_guidance(run: Callable[..., Run]) -> None:
    result = run("--new-vault-key")
    assert result.code == ExitCode.OK
    printed = result.text.strip()
    assert len(base64.urlsafe_b64decode(printed)) == 32
    assert "apart from the vault" in result.err and printed not in result.err
    assert run("--new-vault-key").text.strip() != printed
    assert run("--new-vault-key", "-q").err == ""


def test_new_vault_key_file_is_private_and_never_overwritten(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    result = run("--new-vault-key", "-o", "vault.key")
    assert (result.code, result.out) == (ExitCode.OK, b"")
    path = tmp_path / "vault.key"
    assert path.stat().st_mode & 0o777 == 0o600
    saved = path.read_text()
    assert len(base64.urlsafe_b64decode(saved.strip())) == 32
    again = run("--new-vault-key", "-o", "vault.key")
    assert again.code == ExitCode.USAGE
    assert "never overwritten" in again.err
    assert path.read_text() == saved


# --- --workers ---------------------------------------------------------------------------


class Closing:
    """Stands in for a Redactor: counts close() calls; optionally fails on use."""

    def __init__(self, inner: phimin.Redactor, fail: bool = False) -> None:
        self.inner, self.fail, self.closed = inner, fail, 0

    def redact_stream(self, pieces: Any, **kwargs: Any) -> Iterator[Any]:
        if self.fail:
            raise phimin.DetectionError("a detection stage failed")
        yield from self.inner.redact_stream(pieces, **kwargs)

    def redact_many(self, texts: Any, **kwargs: Any) -> Iterator[Any]:
        return self.inner.redact_many(texts, **kwargs)

    def redact_with_state(self, text: str, state: Any, **kwargs: Any) -> Any:
        return self.inner.redact_with_state(text, state, **kwargs)

    def close(self) -> None:
        self.closed += 1


@pytest.mark.parametrize("fail", [False, True])
def test_workers_reach_the_redactor_which_is_closed_at_exit(
    run: Callable[..., Run], redactor: phimin.Redactor, tmp_path: Path, fail: bool
) -> None:
    made: list[Closing] = []

    def make(spec: RedactorSpec) -> Closing:
        made.append(Closing(redactor, fail))
        return made[-1]

    result = run("--workers", "3", stdin=TURN1.encode(), make=make)
    assert result.code == (ExitCode.INTERNAL if fail else ExitCode.OK)
    assert [s.workers for s in result.specs] == [3]
    assert [c.closed for c in made] == [1]
    (tmp_path / ".phimin.toml").write_text("workers = 2\n")
    result = run("--jsonl", stdin=b'{"text": "x"}\n', make=make)
    assert [s.workers for s in result.specs] == [2]
    assert run("--workers", "1", stdin=b"x", make=make).specs[0].workers == 1  # flag wins


def test_the_default_factory_builds_a_pool_only_when_asked(
    monkeypatch: pytest.MonkeyPatch, redactor: phimin.Redactor, tmp_path: Path
) -> None:
    built: list[dict[str, Any]] = []

    class FakeRedactor(Closing):
        def __init__(self, policy: Any = None, **kwargs: Any) -> None:
            super().__init__(redactor)
            built.append({"policy": policy, **kwargs, "self": self})

    monkeypatch.setattr("phimin._redactor.Redactor", FakeRedactor)
    monkeypatch.setattr(cli_main, "_cached_redactor", lambda model: redactor)
    monkeypatch.chdir(tmp_path)
    out, err = io.BytesIO(), io.StringIO()
    code = main(["--workers", "2"], streams=Streams(io.BytesIO(TURN1.encode()), out, err))
    assert code == ExitCode.OK, err.getvalue()
    assert [(b["workers"], b["policy"], b["self"].closed) for b in built] == [(2, None, 1)]
    assert b"[PERSON_1]" in out.getvalue()
    out = io.BytesIO()
    assert main([], streams=Streams(io.BytesIO(TURN1.encode()), out, err)) == ExitCode.OK
    assert len(built) == 1, "one worker: the shared in-process Redactor"


@pytest.fixture(scope="module")
def pooled() -> Iterator[phimin.Redactor]:
    """A Redactor with two worker processes: the one pool startup of this file."""
    with phimin.Redactor(workers=2) as pool:
        yield pool


LONG = "".join(
    f"Line {i}: {NAME} called {PHONE} on {DATE}; her sister {SISTER} came too.\n"
    if i % 7 == 0
    else f"Line {i}: the client described a calmer week and better sleep.\n"
    for i in range(700)
)


@pytest.mark.slow
@pytest.mark.parametrize("argv", [["--format", "json"], ["--jsonl"]])
def test_two_workers_write_what_one_worker_writes(
    run: Callable[..., Run], pooled: phimin.Redactor, argv: list[str]
) -> None:
    assert pooled.workers == 2
    if "--jsonl" in argv:
        lines = LONG.splitlines()[:300]
        stdin = "".join(json.dumps({"n": i, "text": t}) + "\n" for i, t in enumerate(lines))
    else:
        stdin = LONG
        assert len(stdin) > 6 * CHUNK_CHARS  # several chunks, detected in parallel
    one = run(*argv, stdin=stdin.encode())
    # The run closes what the factory gives it; the pool itself lives for the module.
    two = run(*argv, "--workers", "2", stdin=stdin.encode(), make=lambda spec: Closing(pooled))
    assert one.code == two.code == ExitCode.OK, one.err + two.err
    assert two.specs[0].workers == 2
    assert two.out == one.out
    assert b"[PERSON_2]" in two.out
    no_phi(two.out)
