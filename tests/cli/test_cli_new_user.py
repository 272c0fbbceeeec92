"""Rough edges a new user met on a first afternoon with `redact`, each with its answer.

A clinic's IT person and a developer tried every command of the README in turn; these
are the mistakes whose message was unclear. Each answer is one line, says what to do,
and never quotes input text. Names and numbers are invented for these tests.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_harness import Run

import phimin
from phimin.cli.exit_codes import ExitCode
from phimin.cli.main import main
from phimin.cli.policy import check_policy
from phimin.cli.streams import Streams

NAME, PHONE = "Ottoline Brackwater", "555-404-1187"
NOTE = f"Client {NAME} called from {PHONE} on 02/09/2025.\n"


def no_phi(*texts: str | bytes) -> None:
    for text in texts:
        data = text.encode() if isinstance(text, str) else text
        for secret in (NAME, "Brackwater", PHONE, "02/09/2025"):
            assert secret.encode() not in data


@pytest.mark.parametrize(
    ("given", "meant"),
    [("stict", "strict"), ("safe-harbour", "safe-harbor"), ("Safe_Harbor", "safe-harbor")],
)
def test_a_misspelt_preset_gets_a_suggestion_before_the_model_loads(
    run: Callable[..., Run], given: str, meant: str
) -> None:
    result = run("--policy", given, stdin=NOTE.encode())
    assert result.code == ExitCode.USAGE
    assert f"(did you mean {meant!r}?)" in result.err
    assert result.out == b"" and result.specs == []


def test_a_policy_value_that_is_not_a_name_is_never_echoed() -> None:
    """Text pasted into --policy by mistake is not repeated back, with or without a guess."""
    assert check_policy(None) is None and check_policy("strict") == "strict"
    assert check_policy("my-practice.toml") == "my-practice.toml"  # load_policy reads it
    pasted = f"{NAME} strict"
    with pytest.raises(phimin.PolicyError) as caught:  # no guess, and the text hidden
        check_policy(pasted)
    no_phi(str(caught.value))
    assert "did you mean" not in str(caught.value)
    with pytest.raises(phimin.PolicyError) as again:
        phimin.load_policy(pasted)
    assert str(again.value) == str(caught.value)  # one message, from the library


def test_a_misspelt_flag_gets_a_suggestion(run: Callable[..., Run]) -> None:
    result = run("--polcy", "strict", stdin=NOTE.encode())
    assert result.code == ExitCode.USAGE
    assert "(did you mean --policy?)" in result.err
    assert result.out == b"" and result.specs == []
    assert "did you mean" not in run("--frobnicate", stdin=NOTE.encode()).err
    assert "(did you mean --explain?)" in run("--explian=yes", stdin=NOTE.encode()).err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_input_is_named_with_the_command_that_converts_it(
    run: Callable[..., Run], encoding: str
) -> None:
    data = NOTE.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    result = run(stdin=data)
    assert result.code == ExitCode.USAGE
    assert "UTF-16" in result.err and "iconv -f UTF-16 -t UTF-8" in result.err
    assert result.out == b""
    no_phi(result.err)
    # bytes that are merely invalid keep the offset message
    assert "byte offset 0" in run(stdin=b"\xff\xff" + NOTE.encode()).err


@pytest.mark.parametrize("mode", [(), ("--check",)])
def test_a_folder_given_as_input_says_to_name_its_files(
    run: Callable[..., Run], tmp_path: Path, mode: tuple[str, ...]
) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "visit.md").write_text(NOTE, encoding="utf-8")
    result = run(*mode, "drafts/")
    assert result.code == ExitCode.USAGE
    assert "drafts/: it is a folder; name the files in it (e.g. drafts/*.md)" in result.err
    assert result.out == b"" and result.specs == []
    no_phi(result.err)


def test_restore_with_a_folder_for_a_vault_says_so(
    run: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHIMIN_VAULT_KEY", phimin.generate_vault_key())
    (tmp_path / "vaults").mkdir()
    result = run("--restore", "--vault", "vaults", stdin=b"[PERSON_1] called.\n")
    assert result.code == ExitCode.USAGE
    assert "the vault path is a folder, not a file" in result.err
    assert "IsADirectoryError" not in result.err and result.out == b""


def test_check_mode_fails_on_a_missing_path_before_the_model_loads(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    (tmp_path / "visit.md").write_text(NOTE, encoding="utf-8")
    result = run("--check", "visit.md", "vist.md")
    assert result.code == ExitCode.USAGE
    assert "cannot read vist.md" in result.err
    assert result.out == b"" and result.specs == []


class _Terminal(io.BytesIO):
    """stdin at a prompt: each read returns one typed line; `read(n)` would wait for a
    Ctrl-D to end the block and a second one to end the input."""

    def isatty(self) -> bool:
        return True

    def read1(self, size: int = -1) -> bytes:
        line = self.readline()
        return line[:size] if size >= 0 else line

    def read(self, size: int | None = -1) -> bytes:
        raise AssertionError("a terminal is read line by line, so one Ctrl-D ends it")


def test_at_a_terminal_redact_says_it_waits_and_one_ctrl_d_ends_the_input(
    redactor: phimin.Redactor,
) -> None:
    out, err = io.BytesIO(), io.StringIO()
    typed = _Terminal(NOTE.encode() + b"Plan: sertraline 50 mg.\n")
    code = main([], streams=Streams(typed, out, err), redactor_factory=lambda _: redactor)
    assert code == ExitCode.OK
    assert err.getvalue().startswith("redact: reading the text you type or paste; end it with")
    assert out.getvalue().endswith(b"Plan: sertraline 50 mg.\n")
    no_phi(out.getvalue(), err.getvalue())
    quiet = io.StringIO()
    main(
        ["-q"],
        streams=Streams(_Terminal(NOTE.encode()), io.BytesIO(), quiet),
        redactor_factory=lambda _: redactor,
    )
    assert quiet.getvalue() == ""


@pytest.mark.parametrize(
    ("data", "says"),
    [
        # an image or a word-processor file given by mistake: no text at all
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + NOTE.encode(), "binary data, not text"),
        # a note an older Windows editor saved: "Renée" in Windows-1252
        (f"Client Ren\xe9e {NAME}\n".encode("cp1252"), "iconv -f WINDOWS-1252 -t UTF-8"),
    ],
)
def test_input_that_is_not_text_says_what_it_is_and_what_to_do(
    run: Callable[..., Run], data: bytes, says: str
) -> None:
    """Both were "not valid UTF-8 (byte offset N); convert the file to UTF-8 first"."""
    result = run(stdin=data)
    assert result.code == ExitCode.USAGE
    assert says in result.err and result.out == b""
    assert result.err.count("\n") == 1
    no_phi(result.err)


# --- round 3: the pre-commit check on the files a practice really commits ---------------

LOCAL_HOOK = """\
repos:
  - repo: local
    hooks:
      - id: phimin
        name: phimin (PHI in note drafts)
        entry: redact --check
        language: system
        types: [text]
        exclude: (^|/)\\.phimin-baseline\\.json$
        require_serial: true
"""


def test_the_hook_configuration_passes_its_own_check(run: Callable[..., Run]) -> None:
    """`types: [text]` hands the `.pre-commit-config.yaml` itself to the hook: "id:
    phimin", "name: phimin (...)" and ".phimin-baseline" were three PERSON findings, so
    the first commit of the README's snippet failed on the snippet."""
    Path(".pre-commit-config.yaml").write_text(LOCAL_HOOK, encoding="utf-8")
    Path(".phimin.toml").write_text('policy = "strict"\nkeep = ["substance_use"]\n')
    Path("remote.yaml").write_text(  # the other snippet: the hook fetched from its repository
        "repos:\n  - repo: https://github.com/phimin/phimin\n    rev: main\n"
        "    hooks:\n      - id: phimin\n", encoding="utf-8"
    )
    result = run("--check", ".pre-commit-config.yaml", ".phimin.toml", "remote.yaml")
    assert (result.code, result.out) == (ExitCode.OK, b""), result.text


@pytest.mark.parametrize(
    ("line", "where"),
    [
        # a person beside the tool's name is still a person
        (f"phimin flagged {NAME} in the draft.\n", "1:16:"),
        # the word is only passed over as itself, not inside a longer name
        ("Her cousin Phimin Ostrova called.\n", "1:12:"),
        # nor another address on the same host
        ("Her page: https://github.com/ostrova-phimin/journal\n", "1:11:"),
    ],
)
def test_only_the_word_phimin_itself_is_passed_over(
    run: Callable[..., Run], line: str, where: str
) -> None:
    Path("draft.md").write_text(line, encoding="utf-8")
    result = run("--check", "-q", "draft.md")
    assert result.code == ExitCode.FINDINGS
    assert f"draft.md:{where}" in result.text
    no_phi(result.out)


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_a_byte_order_mark_takes_no_column(run: Callable[..., Run], ending: str) -> None:
    """Notepad's "UTF-8 with BOM": editors show the name at column 6 of line 1, and
    phimin said 7 (the invisible mark counted); later lines were right already."""
    text = f"Call {NAME} today.{ending}Then call {NAME} again.{ending}"
    Path("bom.md").write_bytes(b"\xef\xbb\xbf" + text.encode())
    result = run("--check", "-q", "bom.md")
    assert result.code == ExitCode.FINDINGS
    places = [line.split(": ")[0] for line in result.text.splitlines() if line.startswith("bom")]
    assert places[0] == "bom.md:1:6" and places[-1] == "bom.md:2:11", places
    no_phi(result.out)


@pytest.mark.parametrize("pattern", ["drafts/*.md", "drafts/visit-[0-9].md", "drafts/**/*.md"])
def test_a_quoted_pattern_says_the_shell_expands_it(run: Callable[..., Run], pattern: str) -> None:
    """`redact --check 'drafts/*.md'` said only "No such file or directory"."""
    Path("drafts").mkdir()
    Path("drafts/visit.md").write_text(NOTE, encoding="utf-8")
    result = run("--check", pattern)
    assert result.code == ExitCode.USAGE and result.out == b"" and result.specs == []
    assert f"cannot read {pattern}: No such file or directory; redact does not expand" in result.err
    assert "leave it unquoted so the shell does" in result.err
    no_phi(result.err)
