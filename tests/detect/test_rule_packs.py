"""Every rule's own cases, run through the whole pipeline, and the loader's checks."""

from __future__ import annotations

from pathlib import Path

import pytest

import phimin
from phimin._rulepacks import iter_cases

RULES = phimin.load_rule_packs()
CASES = list(iter_cases(RULES.rules))
OK_TEXTS = [(rule, text) for rule in RULES.rules for text in rule.ok]

EXPECTED_PACKS = {
    "IMMIGRATION_STATUS",
    "REPRODUCTIVE_HEALTH",
    "SUBSTANCE_USE",
    "HIV_STI",
    "SEXUAL_ORIENTATION_GENDER_IDENTITY",
    "INTIMATE_PARTNER_VIOLENCE",
    "CRIMINAL_LEGAL",
    "GENETIC_INFORMATION",
}


def test_one_pack_per_sensitive_category() -> None:
    assert {p.entity for p in RULES.packs} == EXPECTED_PACKS


@pytest.mark.parametrize(
    ("rule", "case"), CASES, ids=[f"{r.id}-{i}" for i, (r, _) in enumerate(CASES)]
)
def test_rule_case(redactor: phimin.Redactor, rule: phimin.Rule, case: phimin.RuleCase) -> None:
    result = redactor.redact(case.text)
    assert result.text == case.expect
    assert any(f.rule_id == rule.id for f in result.findings), f"{rule.id} did not fire"


@pytest.mark.parametrize(
    ("rule", "text"), OK_TEXTS, ids=[f"{r.id}-ok{i}" for i, (r, _) in enumerate(OK_TEXTS)]
)
def test_rule_leaves_ok_text_alone(redactor: phimin.Redactor, rule: phimin.Rule, text: str) -> None:
    result = redactor.redact(text)
    assert not [f for f in result.findings if f.rule_id == rule.id]


def test_broken_pack_lists_every_problem_at_once(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        """
schema: 2
pack: bad
entity: lower_case
generalize_to: "No Brackets"
rules:
  - id: bad id
    score: 7
    regex: ["(unclosed"]
    surprise: true
""",
        encoding="utf-8",
    )
    (tmp_path / "worse.yaml").write_text("[not, a, mapping]", encoding="utf-8")
    with pytest.raises(phimin.RulePackError) as info:
        phimin.load_rule_packs([tmp_path])
    problems = "\n".join(info.value.problems)
    for expected in (
        "'schema' must be 1",
        "UPPER_SNAKE_CASE",
        "generalize_to must be",
        "id must look like",
        "score must be",
        "invalid regex",
        "unknown key 'surprise'",
        "needs at least one case",
        "worse.yaml: a pack must be a mapping",
    ):
        assert expected in problems
    assert len(info.value.problems) >= 9


def test_duplicate_rule_ids_across_packs_are_rejected(tmp_path: Path) -> None:
    pack = """
schema: 1
pack: {name}
entity: {entity}
generalize_to: "[a matter]"
rules:
  - id: DUP-001
    phrases: [zzzz]
    cases: [{{text: "zzzz", expect: "[a matter]"}}]
    ok: ["nothing"]
"""
    (tmp_path / "a.yaml").write_text(pack.format(name="a", entity="AAA"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(pack.format(name="b", entity="BBB"), encoding="utf-8")
    with pytest.raises(phimin.RulePackError, match="DUP-001 is also in"):
        phimin.load_rule_packs([tmp_path])


def test_token_patterns_allow_gaps(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(
        """
schema: 1
pack: t
entity: TEST_TOKENS
generalize_to: "[border matter]"
rules:
  - id: TOK-001
    tokens:
      - [[crossed, crossing], {gap: 3}, [border]]
    cases: [{text: "x", expect: "x"}]
    ok: ["y"]
""",
        encoding="utf-8",
    )
    rules = phimin.load_rule_packs([tmp_path])
    redactor = phimin.Redactor(rules=rules)
    out = redactor.redact("He crossed the southern border at night.").text
    assert out == "He [border matter] at night."
    assert redactor.redact("The border of the map was crossed out.").text == (
        "The border of the map was crossed out."
    )
