"""The rule catalogue: every rule, built-in or from a pack, is a record with its own
cases and ok texts, and every case holds through the whole pipeline."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import phimin
from phimin._catalogue import BUILTIN_SOURCE, Catalogue, RuleCase, RuleRecord, builtin_records

RECORDS = phimin.rules()
BUILTIN = [r for r in RECORDS if r.is_builtin]
BUILTIN_CASES = [(r, c) for r in BUILTIN for c in r.cases]
BUILTIN_OK = [(r, t) for r in BUILTIN for t in r.ok]


def fires(redactor: phimin.Redactor, rule: RuleRecord, text: str) -> bool:
    """Did `rule` itself find something in `text` that the default policy acts on?"""
    threshold = redactor.policy.rule_for(rule.entity, rule.category).threshold
    return any(d.rule_id == rule.id and d.score >= threshold for d in redactor.detections(text))


def test_every_rule_has_a_record_with_cases_and_ok_texts() -> None:
    assert len(BUILTIN) >= 100
    assert len(RECORDS) > len(BUILTIN)  # the packs' rules are in the same catalogue
    for record in RECORDS:
        assert record.cases, f"{record.id} has no case"
        assert record.ok, f"{record.id} has no ok text"
        assert 0 < record.score <= 1
        assert record.entity in phimin.ENTITIES
    ids = [r.id for r in RECORDS]
    assert len(ids) == len(set(ids))


def test_records_say_what_the_pipeline_reads() -> None:
    catalogue = Catalogue(phimin.load_rule_packs())
    guesses = catalogue.with_trait(phimin.Trait.GUESS)
    assert {"phimin.ner.person", "phimin.name.gazetteer", "phimin.location.gazetteer"} <= guesses
    assert "phimin.name.title" not in guesses
    assert catalogue.with_trait(phimin.Trait.YEAR_ONLY) == {
        "phimin.date.year",
        "phimin.date.year_apostrophe",
        "phimin.date.history_year",
    }
    assert all(catalogue[i].entity == "DATE" for i in catalogue.with_trait(phimin.Trait.YEAR_ONLY))
    pack_rule = next(r for r in RECORDS if not r.is_builtin)
    assert pack_rule.evidence is phimin.Evidence.PHRASE and pack_rule.wording


@pytest.mark.parametrize(
    ("rule", "case"), BUILTIN_CASES, ids=[f"{r.id}-{i}" for i, (r, _) in enumerate(BUILTIN_CASES)]
)
def test_builtin_rule_case(redactor: phimin.Redactor, rule: RuleRecord, case: RuleCase) -> None:
    assert redactor.redact(case.text).text == case.expect
    assert fires(redactor, rule, case.text), f"{rule.id} did not fire"


@pytest.mark.parametrize(
    ("rule", "text"), BUILTIN_OK, ids=[f"{r.id}-ok{i}" for i, (r, _) in enumerate(BUILTIN_OK)]
)
def test_builtin_rule_leaves_ok_text_alone(
    redactor: phimin.Redactor, rule: RuleRecord, text: str
) -> None:
    assert not fires(redactor, rule, text)


def test_every_rule_id_phimin_emits_is_in_the_catalogue(redactor: phimin.Redactor) -> None:
    catalogue = Catalogue(redactor.rules)
    texts = [c.text for r in RECORDS for c in r.cases] + [t for r in RECORDS for t in r.ok]
    seen = {f.rule_id for text in texts for f in redactor.redact(text).findings}
    seen |= {d.rule_id for text in texts for d in redactor.detections(text)}
    assert seen and all(i in catalogue for i in seen), sorted(i for i in seen if i not in catalogue)
    # every built-in rule is reached by its own cases
    assert {r.id for r in BUILTIN} <= seen


def test_an_unrecorded_phimin_rule_fails_closed() -> None:
    catalogue = Catalogue()
    with pytest.raises(phimin.DetectionError, match=r"phimin\.name\.invented"):
        catalogue.get("phimin.name.invented")
    other = catalogue.get("acme.custom_recognizer", "PERSON")  # another program's rule
    assert other.traits == frozenset() and other.category is phimin.Category.IDENTIFIER


def test_builtin_records_are_read_once_and_shipped_as_data() -> None:
    assert builtin_records() is builtin_records()
    assert all(r.source == BUILTIN_SOURCE for r in builtin_records().values())


def test_list_rules_prints_every_rule_without_loading_the_model() -> None:
    code = (
        "import sys, phimin.cli.main as m; rc = m.main(['--list-rules']); sys.stdout.flush(); "
        "print(sorted(n for n in sys.modules if n.startswith(('en_core', 'spacy', 'presidio'))), "
        "file=sys.stderr); raise SystemExit(rc)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip() == "[]", "listing rules loads no model and no NLP library"
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["ID", "ENTITY", "CATEGORY", "SCORE", "SOURCE"]
    assert lines[-1] == f"{len(RECORDS)} rules"
    assert any(line.startswith("phimin.name.title ") for line in lines)
    assert any(line.split()[-1] == "immigration_status.yaml" for line in lines[1:-1])


def test_list_rules_as_json() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "phimin.cli", "--list-rules", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["id"] for r in rows] == [r.id for r in RECORDS]
    assert {"id", "entity", "category", "evidence", "score", "traits", "source"} <= set(rows[0])
