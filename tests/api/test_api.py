"""The public contract: names, frozen findings without text, summary, policies."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest

import phimin
from sample_packs import QUOKKA_PACK

NOTE = (
    "Maria Lopez (DOB 03/14/1987, MRN 0045821) called from 410-555-2671. "
    "Maria said her sister Ana Lopez drove her. She is 12 weeks pregnant. "
    "Sertraline 50 mg daily; PHQ-9 score 14."
)


def test_module_level_redact_matches_a_redactor(redactor: phimin.Redactor) -> None:
    assert phimin.redact(NOTE).text == redactor.redact(NOTE).text


def test_redaction_text_and_findings(redactor: phimin.Redactor) -> None:
    result = redactor.redact(NOTE)
    assert result.text.startswith(
        "[PERSON_1] (DOB [date in 1987], MRN [MRN_1]) called from [PHONE_1]."
    )
    assert "[PERSON_1] said her sister [PERSON_2] drove her." in result.text
    assert "Sertraline 50 mg daily; PHQ-9 score 14." in result.text
    assert isinstance(result.findings, tuple)
    assert all(isinstance(f, phimin.Finding) for f in result.findings)
    entities = {f.entity for f in result.findings}
    assert {"PERSON", "DATE", "MRN", "PHONE_NUMBER"} <= entities


def test_finding_is_frozen_and_holds_no_text(redactor: phimin.Redactor) -> None:
    finding = redactor.redact(NOTE).findings[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.start = 3  # type: ignore[misc]
    assert {f.name for f in dataclasses.fields(finding)} == {
        "start",
        "end",
        "entity",
        "category",
        "score",
        "rule_id",
        "action",
    }
    assert "Maria" not in repr(finding) and "Maria" not in str(finding.to_dict())
    assert isinstance(finding.action, str) and finding.action in {
        "remove",
        "replace",
        "generalize",
        "keep",
    }
    assert finding.category in {"identifier", "quasi_identifier", "sensitive"}


def test_offsets_point_into_the_input(redactor: phimin.Redactor) -> None:
    for f in redactor.redact(NOTE).findings:
        assert 0 <= f.start < f.end <= len(NOTE)
        assert NOTE[f.start : f.end].strip() == NOTE[f.start : f.end]


def test_summary_counts_by_entity_category_action(redactor: phimin.Redactor) -> None:
    result = redactor.redact(NOTE)
    summary = result.summary
    assert summary.total == len(result.findings)
    assert sum(summary.by_entity.values()) == summary.total
    assert sum(summary.by_category.values()) == summary.total
    assert sum(summary.by_action.values()) == summary.total
    assert summary.by_entity["PERSON"] >= 3
    assert summary.to_dict()["by_category"]["sensitive"] >= 1


def test_consistent_placeholders_within_a_document(redactor: phimin.Redactor) -> None:
    text = "Call 410-555-2671. Her mother Rosa called. (410) 555 2671 again; Rosa too."
    out = redactor.redact(text).text
    assert out.count("[PHONE_1]") == 2 and "[PHONE_2]" not in out
    assert out.count("[PERSON_1]") == 2


def test_separate_calls_do_not_share_state(redactor: phimin.Redactor) -> None:
    assert redactor.redact("Her mother Rosa called.").text == "Her mother [PERSON_1] called."
    assert redactor.redact("Her father Luis called.").text == "Her father [PERSON_1] called."


def test_placeholder_numbers_in_the_input_are_not_reused(redactor: phimin.Redactor) -> None:
    out = redactor.redact("Seen with [PERSON_1]. Her mother Rosa called.").text
    assert out == "Seen with [PERSON_1]. Her mother [PERSON_2] called."


def test_presets_and_keep(redactor: phimin.Redactor) -> None:
    text = "He drinks a fifth of vodka daily since March 2019."
    assert phimin.preset_names() == [
        "safe-harbor",
        "shift-dates",
        "strict",
        "substance-use-treatment",
    ]
    default = redactor.redact(text)
    kept = redactor.redact(text, policy=phimin.load_policy().keeping("substance_use"))
    preset = redactor.redact(text, policy="substance-use-treatment")
    assert "vodka" not in default.text
    assert "vodka" in kept.text and kept.text == preset.text
    assert "[date in 2019]" in kept.text
    assert "[date]" in redactor.redact(text, policy="strict").text
    assert any(
        f.action == phimin.Action.KEEP and f.entity == "SUBSTANCE_USE" for f in kept.findings
    )


def test_policy_errors_are_clear(tmp_path: object) -> None:
    with pytest.raises(phimin.PolicyError, match="no preset or policy file"):
        phimin.load_policy("no-such-preset")
    with pytest.raises(phimin.PolicyError, match="unknown entity or category"):
        phimin.load_policy().keeping("everything")


def test_policy_from_file(tmp_path, redactor: phimin.Redactor) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.toml"
    path.write_text(
        'schema = 1\nname = "mine"\n[default]\naction = "remove"\nthreshold = 0.5\n'
        '[entities.PHONE_NUMBER]\naction = "keep"\nthreshold = 0.5\n',
        encoding="utf-8",
    )
    policy = phimin.load_policy(path)
    out = redactor.redact("Rosa's cell is 410-555-2671, SSN 523-61-8840.", policy=policy).text
    assert out == "'s cell is 410-555-2671, SSN ."
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\n[default]\naction = "shred"\n', encoding="utf-8")
    with pytest.raises(phimin.PolicyError, match="action must be one of"):
        phimin.load_policy(bad)


def test_non_text_input_is_an_input_error(redactor: phimin.Redactor) -> None:
    with pytest.raises(phimin.InputError):
        redactor.redact(b"bytes")  # type: ignore[arg-type]


def test_empty_and_whitespace(redactor: phimin.Redactor) -> None:
    assert redactor.redact("").text == ""
    assert redactor.redact("  \n\t ").text == "  \n\t "


def test_newlines_are_preserved(redactor: phimin.Redactor) -> None:
    text = "Line one, Rosa.\r\nLine two\rLine three\n\nend"
    out = redactor.redact(text).text
    assert out.count("\r\n") == 1 and out.count("\r") == 2 and out.endswith("\n\nend")


def test_redactor_is_thread_safe(redactor: phimin.Redactor) -> None:
    texts = [f"Her mother Rosa called 410-555-26{n:02d} on 3/{n % 28 + 1}/2020." for n in range(24)]
    expected = [redactor.redact(t).text for t in texts]
    results: dict[int, str] = {}

    def work(i: int) -> None:
        results[i] = redactor.redact(texts[i]).text

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [results[i] for i in range(len(texts))] == expected


def test_missing_model_is_a_model_error() -> None:
    with pytest.raises(phimin.ModelError, match="not installed"):
        phimin.Redactor(model="no_such_model_xyz")


# --- one argument where a list is taken: never read letter by letter ---------------------



def test_a_pack_folder_given_alone_as_a_string_is_one_folder(tmp_path: Path) -> None:
    (tmp_path / "tst.yaml").write_text(QUOKKA_PACK, encoding="utf-8")
    assert [p.entity for p in phimin.load_rule_packs(str(tmp_path)).packs] == ["TEST_MATTER"]
    redactor = phimin.Redactor(rules=str(tmp_path))
    assert redactor.redact("We saw a quokka sighting.").text == "We saw a [test matter]."


def test_one_category_to_keep_given_as_a_string_is_one_name() -> None:
    redactor = phimin.Redactor(keep="substance_use")
    assert redactor.policy == phimin.Redactor(keep=["substance_use"]).policy


def test_redact_many_refuses_one_string(redactor: phimin.Redactor) -> None:
    with pytest.raises(phimin.InputError, match="list of texts"):
        list(redactor.redact_many("Call Ottoline at 555-0134."))
