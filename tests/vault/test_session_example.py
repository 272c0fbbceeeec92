"""examples/llm_roundtrip.py, run with its fake LLM: nothing original reaches the LLM,
everything comes back in the draft, and a vault file works across two runs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import phimin
from phimin._session import Session
from phimin._vault import KEY_ENV, generate_vault_key

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "llm_roundtrip.py"
ORIGINALS = ["Imogen Delacroix", "Rafael Delacroix", "555-301-7728", "07/19/2024"]


@pytest.fixture(scope="module")
def example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("llm_roundtrip", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["llm_roundtrip"] = module
    spec.loader.exec_module(module)
    return module


def test_roundtrip_with_the_fake_llm(example: ModuleType, redactor: phimin.Redactor) -> None:
    seen: list[str] = []

    def spy(system: str, prompt: str) -> str:
        seen.append(system + prompt)
        return example.fake_llm(system, prompt)

    prompt, draft, restoration = example.roundtrip(Session(redactor), example.TURNS, spy)
    for original in ORIGINALS:
        assert original not in seen[0]
        assert original not in prompt
        assert original not in draft
    assert "Imogen Delacroix's sleep" in restoration.text
    assert "brother Rafael Delacroix" in restoration.text
    assert "555-301-7728" in restoration.text
    assert "07/19/2024" in restoration.text  # generalized, and restored exactly
    assert restoration.complete
    _, _, kept = example.roundtrip(Session(redactor), example.TURNS, spy, generalized=False)
    assert "[date in 2024]" in kept.text
    assert kept.counts()["not_requested"] == 1


def test_main_with_a_vault_twice(
    example: ModuleType,
    redactor: phimin.Redactor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(phimin, "_default_redactor", lambda: redactor)
    monkeypatch.setenv(KEY_ENV, generate_vault_key())
    monkeypatch.delenv("PHIMIN_LLM", raising=False)
    vault = tmp_path / "client.vault"
    assert example.main(["--vault", str(vault)]) == 0
    first = capsys.readouterr()
    assert example.main(["--vault", str(vault)]) == 0  # same vault, run 2
    second = capsys.readouterr()
    assert first.out == second.out  # same placeholders, same restored draft
    restored = first.out.split("=== restored ===")[1]
    for original in ORIGINALS:
        assert original in restored
        assert original.encode() not in vault.read_bytes()
    assert "restored 5; left none" in first.err


def test_main_reports_a_wrong_key_cleanly(
    example: ModuleType,
    redactor: phimin.Redactor,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(phimin, "_default_redactor", lambda: redactor)
    vault = tmp_path / "client.vault"
    monkeypatch.setenv(KEY_ENV, generate_vault_key())
    assert example.main(["--vault", str(vault)]) == 0
    monkeypatch.setenv(KEY_ENV, generate_vault_key())
    capsys.readouterr()
    assert example.main(["--vault", str(vault)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "wrong vault key" in captured.err


def test_unknown_llm_kind_is_refused(example: ModuleType) -> None:
    with pytest.raises(SystemExit, match="fake, openai or anthropic"):
        example.pick_llm({"PHIMIN_LLM": "carrier-pigeon", "PHIMIN_LLM_MODEL": "x"})
    with pytest.raises(SystemExit, match="PHIMIN_LLM_MODEL"):
        example.pick_llm({"PHIMIN_LLM": "openai"})
    assert example.pick_llm({}) is example.fake_llm


def test_main_refuses_an_unreadable_transcript_cleanly(
    example: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing or non-UTF-8 --transcript is one line and exit 2, not a traceback whose
    UnicodeDecodeError would show a byte of the note."""
    latin1 = tmp_path / "session.txt"
    latin1.write_bytes("CLIENT: Jos\u00e9 Arbelo called.\n".encode("latin-1"))
    for path in (tmp_path / "missing.txt", latin1):
        assert example.main(["--transcript", str(path)]) == 2
        captured = capsys.readouterr()
        assert captured.out == "" and "cannot read --transcript" in captured.err
        assert "Arbelo" not in captured.err and "0xe9" not in captured.err
