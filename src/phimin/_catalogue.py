"""The rule catalogue: one record per detection rule, built-in or from a rule pack.

A record says what a rule finds (entity, category), what its evidence is (a model's
guess, a context cue, a format, a checksum, a word list, a name spread from another
finding, a rule pack's phrase), its score, the traits the pipeline acts on, and its
own cases (input and expected output) and `ok` texts, which the test suite runs. The
pipeline asks a detection's record about its traits, never its id's spelling.

Built-in records are data, one YAML file per rule family in `_detect/records/`, beside
the code that implements them; rule-pack records come from the packs. Light on
purpose: listing the rules loads no model and no NLP library.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import regex
import yaml

from phimin._derived import Fingerprint, derived
from phimin._detect.detection import Detection
from phimin._entities import ENTITIES
from phimin._errors import DetectionError, RulePackError
from phimin._findings import Category

if TYPE_CHECKING:
    from phimin._rulepacks import Rule, RuleSet

__all__ = [
    "BUILTIN_SOURCE",
    "Catalogue",
    "Evidence",
    "RuleCase",
    "RuleRecord",
    "Trait",
    "builtin",
    "builtin_records",
    "yaml_load",
]

BUILTIN_SOURCE = "built-in"
_SCHEMA = 1


class Evidence(str, enum.Enum):
    """What a rule's finding rests on."""

    MODEL = "model"  # the statistical NER model's guess
    CONTEXT = "context"  # a cue around it: a title, a label, "my son", "lives at"
    FORMAT = "format"  # its shape alone: an email, an ISO date, a URL
    CHECKSUM = "checksum"  # a shape whose check digit or registry validates it
    LIST = "list"  # a word list: census names, GeoNames cities
    PROPAGATION = "propagation"  # spread from a name or place found elsewhere in the text
    PHRASE = "phrase"  # a rule pack's phrase or pattern

    def __str__(self) -> str:
        return self.value


class Trait(str, enum.Enum):
    """What the pipeline does differently for a rule's findings."""

    # A guess from statistics or word shape alone: in an overlap it loses to evidence
    # from context, and inside a rule-pack match it is dropped (the rule generalizes it).
    GUESS = "guess"
    # Dropped inside a rule-pack match, like a guess ("referred by the DV advocate").
    YIELDS_TO_SENSITIVE = "yields_to_sensitive"
    # Dropped where it lies inside clinical content (a dose, a score, a lab value); a
    # model's guess is dropped where it touches clinical content at all.
    GUARDED = "guarded"
    # The finding is a year alone, however written: Safe Harbor keeps it as written.
    YEAR_ONLY = "year_only"
    # A place named in context: sought again everywhere in the document.
    LEARNT_PLACE = "learnt_place"
    # A facility's or venue's own name ("Sacred Heart", "cafe luna"), or a region abroad
    # ("santa ana"): never generalized to the state of a town that shares it.
    FACILITY = "facility"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class RuleCase:
    """An input and the output the default policy must give for it."""

    text: str
    expect: str


@dataclass(frozen=True, slots=True)
class RuleRecord:
    """One detection rule: what it finds, on what evidence, and its own test cases.

    `score` is the rule's usual score; `scores` names the other scores its code gives
    in particular situations (in all-lower-case text, after a checksum passed, ...).
    """

    id: str
    name: str
    entity: str
    category: Category
    evidence: Evidence
    score: float
    description: str
    source: str = BUILTIN_SOURCE  # "built-in", or the rule pack's file name
    scores: Mapping[str, float] = field(default_factory=dict, repr=False)
    traits: frozenset[Trait] = field(default_factory=frozenset)
    cases: tuple[RuleCase, ...] = field(default=(), repr=False)
    ok: tuple[str, ...] = field(default=(), repr=False)
    wording: str | None = None  # a rule pack's generalized wording

    def has(self, trait: Trait) -> bool:
        return trait in self.traits

    def at(self, start: int, end: int, score: float | None = None) -> Detection:
        """A detection of this rule over [start, end), at `score` or the rule's own."""
        return Detection(start, end, self.entity, self.score if score is None else score, self.id)

    def score_for(self, situation: str) -> float:
        """The score the record names for `situation` (KeyError if it names none)."""
        return self.scores[situation]

    @property
    def is_builtin(self) -> bool:
        return self.source == BUILTIN_SOURCE

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready summary (no cases): for `redact --list-rules --format json`."""
        return {
            "id": self.id,
            "name": self.name,
            "entity": self.entity,
            "category": self.category.value,
            "evidence": self.evidence.value,
            "score": self.score,
            "traits": sorted(t.value for t in self.traits),
            "source": self.source,
            "description": self.description,
        }


def yaml_load(text: str) -> Any:
    """Safe YAML, with libyaml's loader when it is installed (several times faster)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


def shipped_yaml(text: str, name: str) -> Any:
    """`yaml_load(text)` for a file phimin ships (a rule pack, a rule record), parsed once
    and then read from phimin's cache under the hash of its text (`phimin._derived`):
    parsing the packs took longer than loading the spaCy model's NER. Only phimin's own
    files come here; a user's pack is parsed on every load and never written to disk.
    The value is shared within a process: callers read it and never change it."""
    fingerprint = Fingerprint(f"yaml-{name}").versions("PyYAML").text(text)
    return derived(fingerprint, lambda: yaml_load(text), _same, _same)


def _same(value: Any) -> Any:
    return value


# --- built-in records ----------------------------------------------------------------

_BUILTIN_ID = regex.compile(r"^phimin(?:\.[a-z][a-z0-9_]*){1,3}$")
_RECORD_KEYS = {
    "id",
    "name",
    "entity",
    "evidence",
    "score",
    "scores",
    "traits",
    "description",
    "cases",
    "ok",
}


@functools.cache
def builtin_records() -> Mapping[str, RuleRecord]:
    """Every built-in rule's record, by id (read once per process)."""
    folder = resources.files("phimin").joinpath("_detect").joinpath("records")
    problems: list[str] = []
    records: dict[str, RuleRecord] = {}
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    for file in files:
        try:
            raw = shipped_yaml(file.read_text(encoding="utf-8"), f"record-{file.name}")
        except yaml.YAMLError as exc:
            problems.append(f"{file.name}: not valid YAML ({exc})")
            continue
        for record in _parse_family(raw, file.name, problems):
            if record.id in records:
                problems.append(f"{file.name}: rule id {record.id} is defined twice")
            records[record.id] = record
    if problems:  # a defect of phimin itself: the tests read every record
        raise RulePackError(problems)
    return MappingProxyType(dict(sorted(records.items())))


def builtin(rule_id: str) -> RuleRecord:
    """The built-in record `rule_id` (for the code that implements it)."""
    return builtin_records()[rule_id]


def _parse_family(raw: Any, where: str, problems: list[str]) -> Iterator[RuleRecord]:
    if not isinstance(raw, Mapping) or raw.get("schema") != _SCHEMA:
        problems.append(f"{where}: must be a mapping with 'schema: {_SCHEMA}'")
        return
    rules = raw.get("rules")
    if not isinstance(rules, list):
        problems.append(f"{where}: 'rules' must be a list")
        return
    for n, item in enumerate(rules, 1):
        record = _parse_record(item, f"{where} rule #{n}", problems)
        if record is not None:
            yield record


def _parse_record(raw: Any, where: str, problems: list[str]) -> RuleRecord | None:
    if not isinstance(raw, Mapping):
        problems.append(f"{where}: a rule must be a mapping")
        return None
    rule_id = str(raw.get("id", ""))
    where = f"{where} ({rule_id})"
    before = len(problems)
    problems.extend(f"{where}: unknown key {k!r}" for k in sorted(set(raw) - _RECORD_KEYS))
    if not _BUILTIN_ID.match(rule_id):
        problems.append(f"{where}: id must look like phimin.family.name")
    entity = str(raw.get("entity", ""))
    if entity not in ENTITIES:
        problems.append(f"{where}: unknown entity {entity!r}")
    try:
        evidence = Evidence(raw.get("evidence"))
        traits = frozenset(Trait(t) for t in raw.get("traits") or ())
    except ValueError as exc:
        problems.append(f"{where}: {exc}")
        return None
    scores = {"": raw.get("score"), **dict(raw.get("scores") or {})}
    for situation, score in scores.items():
        if not isinstance(score, (int, float)) or isinstance(score, bool) or not 0 < score <= 1:
            problems.append(f"{where}: score {situation or 'score'} must be a number in (0, 1]")
    cases = tuple(RuleCase(str(c["text"]), str(c["expect"])) for c in raw.get("cases") or ())
    ok = tuple(str(t) for t in raw.get("ok") or ())
    if len(problems) > before:
        return None
    return RuleRecord(
        id=rule_id,
        name=str(raw.get("name") or rule_id.rsplit(".", 1)[-1].replace("_", " ")),
        entity=entity,
        category=ENTITIES[entity].category,
        evidence=evidence,
        score=float(scores.pop("")),
        description=" ".join(str(raw.get("description", "")).split()),
        scores=MappingProxyType({k: float(v) for k, v in scores.items()}),
        traits=traits,
        cases=cases,
        ok=ok,
    )


# --- the whole catalogue ---------------------------------------------------------------


def pack_record(rule: Rule) -> RuleRecord:
    """A rule pack's rule as a catalogue record."""
    return RuleRecord(
        id=rule.id,
        name=rule.name,
        entity=rule.entity,
        category=rule.category,
        evidence=Evidence.PHRASE,
        score=rule.score,
        description=rule.description,
        source=rule.source,
        cases=rule.cases,
        ok=rule.ok,
        wording=rule.generalize_to,
    )


# A record for an id the catalogue does not know (a custom recognizer's): no trait,
# so nothing about it is relaxed. The tests check phimin's own ids are all known.
def _unknown(rule_id: str, entity: str) -> RuleRecord:
    info = ENTITIES.get(entity)
    return RuleRecord(
        id=rule_id,
        name=rule_id,
        entity=entity,
        category=info.category if info else Category.IDENTIFIER,
        evidence=Evidence.CONTEXT,
        score=1.0,
        description="not in the catalogue",
        source="unknown",
    )


class Catalogue:
    """Built-in records and the records of a set of rule packs, by id."""

    def __init__(self, packs: RuleSet | None = None) -> None:
        records = dict(builtin_records())
        for rule in packs.rules if packs is not None else ():
            records[rule.id] = pack_record(rule)
        self._records: Mapping[str, RuleRecord] = MappingProxyType(records)

    def __getitem__(self, rule_id: str) -> RuleRecord:
        return self._records[rule_id]

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._records

    def __iter__(self) -> Iterator[RuleRecord]:
        return iter(self._records.values())

    def __len__(self) -> int:
        return len(self._records)

    def get(self, rule_id: str, entity: str = "") -> RuleRecord:
        """The record of `rule_id`; a trait-less stand-in for another program's rule.

        A phimin rule id with no record is a defect of phimin: the text fails (closed)
        rather than be judged by the wrong traits.
        """
        record = self._records.get(rule_id)
        if record is not None:
            return record
        if rule_id.startswith("phimin."):
            raise DetectionError(f"rule {rule_id} has no record in the rule catalogue")
        return _unknown(rule_id, entity)

    def with_trait(self, trait: Trait) -> frozenset[str]:
        return frozenset(r.id for r in self if r.has(trait))


def rule_records(records: Iterable[RuleRecord]) -> tuple[RuleRecord, ...]:
    """Built-in rules first, then pack rules, each by id."""
    return tuple(sorted(records, key=lambda r: (not r.is_builtin, r.source, r.id)))
