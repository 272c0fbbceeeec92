"""Conversation: labelled dialogue snippets, and ACI-Bench name mentions.

A labelled set is YAML (`benchmarks/data/conversation_set.yaml`, written for phimin):
each snippet has an id, a class and a text with inline marks: `{surface|LABEL}` for
PHI that must be removed (LABEL an identifier such as PERSON, LOCATION, DATE, AGE,
ADDRESS, or a sensitive entity such as IMMIGRATION_STATUS), `{surface}` for words that
look like PHI but are not and must survive ("i {hope} so", "a {6/10}").

Scores, per class and overall:
- identifier recall: labelled identifier spans whose every word character was removed
  (a year kept inside "[date in 2024]" counts as removed, as Safe Harbor allows; so does
  an article or preposition inside the span, or a facility's, a park's or a water's
  generic noun: "on the [date]", "[location] river"; a facility's kind is mostly said
  again by its wording now, "[hospital]");
- sensitive recall: labelled sensitive spans that a change covers (at least one word
  character of the span is inside a change that generalized it);
- keep: keep spans none of whose word characters were changed.

ACI-Bench (`corpora.load_aci_bench`): every whole-word, any-case mention of the patient's
first or family name or the doctor's name (from the metadata) is a name mention;
recall counts mentions whose every word character was removed, per folder. A second
count takes only the mentions used as a name: a metadata name that the corpus uses as an
everyday word in a quarter of the other visits (`word_names`) counts after a title or
beside another of the visit's names only (`aci_name_uses`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks import corpora
from benchmarks.engines import Output
from benchmarks.scoring import Coverage

__all__ = [
    "DEFAULT_SET",
    "SENSITIVE_LABELS",
    "ClassScore",
    "Snippet",
    "aci_mentions",
    "aci_name_uses",
    "load_set",
    "parse_marked",
    "score_snippets",
    "word_names",
]

DEFAULT_SET = Path(__file__).resolve().parent / "data" / "conversation_set.yaml"
SENSITIVE_LABELS = frozenset(
    {
        "IMMIGRATION_STATUS",
        "REPRODUCTIVE_HEALTH",
        "SUBSTANCE_USE",
        "HIV_STI",
        "SEXUAL_ORIENTATION_GENDER_IDENTITY",
        "INTIMATE_PARTNER_VIOLENCE",
        "CRIMINAL_LEGAL",
        "GENETIC_INFORMATION",
    }
)
IDENTIFIER_LABELS = frozenset(
    {
        "PERSON",
        "LOCATION",
        "ADDRESS",
        "DATE",
        "AGE",
        "PHONE",
        "EMAIL",
        "URL",
        "IP",
        "MAC",
        "ID",
        "ORG",
    }
)
_MARK = re.compile(r"\{([^{}|]+)(?:\|([A-Z_]+))?\}")


@dataclass(frozen=True, slots=True)
class Snippet:
    ident: str
    kind: str  # the class
    text: str
    gold: tuple[tuple[int, int, str], ...]  # PHI spans and their labels
    keep: tuple[tuple[int, int], ...]  # spans that must survive


def parse_marked(marked: str) -> tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]:
    """The plain text of a marked snippet, its PHI spans and its keep spans."""
    parts: list[str] = []
    gold: list[tuple[int, int, str]] = []
    keep: list[tuple[int, int]] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(marked):
        before = marked[pos : m.start()]
        parts.append(before)
        length += len(before)
        surface, label = m.group(1), m.group(2)
        start, end = length, length + len(surface)
        if label is None:
            keep.append((start, end))
        else:
            if label not in IDENTIFIER_LABELS | SENSITIVE_LABELS:
                raise ValueError(f"unknown label {label!r}")
            gold.append((start, end, label))
        parts.append(surface)
        length = end
        pos = m.end()
    parts.append(marked[pos:])
    text = "".join(parts)
    if "{" in text or "}" in text:
        raise ValueError("unbalanced braces")
    return text, gold, keep


def load_set(path: Path = DEFAULT_SET) -> list[Snippet]:
    if not path.is_file():
        raise corpora.Skip(f"{path} not found")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    snippets = []
    for item in data["snippets"]:
        text, gold, keep = parse_marked(item["text"])
        snippets.append(Snippet(item["id"], item["class"], text, tuple(gold), tuple(keep)))
    return snippets


@dataclass
class ClassScore:
    identifiers: list[int] = field(default_factory=lambda: [0, 0])  # caught, total
    sensitive: list[int] = field(default_factory=lambda: [0, 0])
    keep: list[int] = field(default_factory=lambda: [0, 0])
    misses: Counter[str] = field(default_factory=Counter)

    def add(self, other: ClassScore) -> None:
        for mine, theirs in (
            (self.identifiers, other.identifiers),
            (self.sensitive, other.sensitive),
            (self.keep, other.keep),
        ):
            mine[0] += theirs[0]
            mine[1] += theirs[1]
        self.misses.update(other.misses)


def ratio(pair: Sequence[int]) -> float | None:
    return pair[0] / pair[1] if pair[1] else None


# Words inside a labelled span that need not be removed for it to count as caught: a
# preposition or article ("on the ninth" caught as "on the [date]"), and the generic
# noun after a facility's or a park's or a water's name ("mercy ridge hospital" as
# "[location] hospital", "the kickapoo river" as "the [location] river").
NOT_IDENTIFYING = frozenset(
    """the a an on in at of el la los las de del hospital clinic shelter church school
    college university community elementary middle high center apartments park river
    creek lake bay beach pond falls canyon mountains woods forest trail reservoir island
    springs valley hills harbor lagoon cemetery mission rec bridge""".split()
)
_WORDS = re.compile(r"\w+")


def _required(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of a labelled span that must be removed (all of them if all are generic)."""
    words = [m.span() for m in _WORDS.finditer(text, start, end)]
    kept = [(s, e) for s, e in words if text[s:e].lower() not in NOT_IDENTIFYING]
    return kept or [(start, end)]


def score_snippets(snippets: Sequence[Snippet], outputs: Sequence[Output]) -> dict[str, ClassScore]:
    """Scores per class, and under "all"."""
    scores: dict[str, ClassScore] = defaultdict(ClassScore)
    for snippet, out in zip(snippets, outputs, strict=True):
        score = scores[snippet.kind]
        every = Coverage(snippet.text, [(c.start, c.end) for c in out.changed], out.kept)
        sensitive_changes = [(c.start, c.end) for c in out.changed if c.sensitive]
        sensitive = Coverage(snippet.text, sensitive_changes)
        for start, end, label in snippet.gold:
            if label in SENSITIVE_LABELS:
                hit = sensitive.touched(start, end) or every.caught(start, end)
                score.sensitive[0] += hit
                score.sensitive[1] += 1
            else:
                hit = all(
                    every.caught(s, e, kept_counts=False)
                    for s, e in _required(snippet.text, start, end)
                )
                score.identifiers[0] += hit
                score.identifiers[1] += 1
            if not hit:
                score.misses[f"{label} in {snippet.ident}"] += 1
        for start, end in snippet.keep:
            intact = not every.touched(start, end)
            score.keep[0] += intact
            score.keep[1] += 1
            if not intact:
                score.misses[f"keep in {snippet.ident}"] += 1
    total = ClassScore()
    for s in scores.values():
        total.add(s)
    scores["all"] = total
    return dict(scores)


# --- ACI-Bench ------------------------------------------------------------------------


def aci_mentions(dialogue: corpora.Dialogue) -> list[tuple[int, int]]:
    """Every whole-word, any-case mention of a metadata name in the dialogue."""
    spans: set[tuple[int, int]] = set()
    for name in dialogue.names:
        pattern = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])", re.IGNORECASE)
        spans.update(m.span() for m in pattern.finditer(dialogue.text))
    return sorted(spans)


def word_names(dialogues: Sequence[corpora.Dialogue], share: float = 0.25) -> frozenset[str]:
    """Metadata names that the dialogues use as everyday words: a name found, as a whole
    word in any case, in at least `share` of the dialogues whose metadata does not hold
    it (a family name like an adjective is said in most visits that are not that
    family's). Decided from the corpus alone, with no list of phimin's."""
    names = {n.lower() for d in dialogues for n in d.names}
    found: dict[str, int] = defaultdict(int)
    strangers: dict[str, int] = defaultdict(int)
    for dialogue in dialogues:
        own = {n.lower() for n in dialogue.names}
        words = set(re.findall(r"\w+", dialogue.text.lower()))
        for name in names - own:
            strangers[name] += 1
            found[name] += name in words
    return frozenset(n for n in names if strangers[n] and found[n] / strangers[n] >= share)


_TITLE_BEFORE = re.compile(
    r"\b(?:dr|doctor|mr|mrs|ms|miss|mister)\.?\s+(?:(?P<first>\w+)\s+)?$", re.IGNORECASE
)


def aci_name_uses(dialogue: corpora.Dialogue, word_like: frozenset[str]) -> list[tuple[int, int]]:
    """The mentions used as a name: every mention, except that a name in `word_like`
    counts only right after a title, or after a title and another of the visit's names
    ("mister good", "mrs jane good"). Beside a first name alone it is still the word:
    "thanks jane good seeing you"."""
    others = {n.lower() for n in dialogue.names}
    text = dialogue.text
    uses = []
    for start, end in aci_mentions(dialogue):
        title = _TITLE_BEFORE.search(text[max(0, start - 40) : start])
        if text[start:end].lower() not in word_like or (
            title and (title["first"] is None or title["first"].lower() in others)
        ):
            uses.append((start, end))
    return uses


def aci_recall(
    dialogues: Sequence[corpora.Dialogue],
    outputs: Iterable[Output],
    word_like: frozenset[str] | None = None,
) -> tuple[dict[str, list[int]], Counter[str]]:
    """Caught and total name mentions per folder (and "all"), and missed-mention shapes;
    with `word_like`, only the mentions used as a name (`aci_name_uses`)."""
    per_folder: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    missed: Counter[str] = Counter()
    for dialogue, out in zip(dialogues, outputs, strict=True):
        cov = Coverage(dialogue.text, [(c.start, c.end) for c in out.changed], out.kept)
        spans = aci_mentions(dialogue) if word_like is None else aci_name_uses(dialogue, word_like)
        for start, end in spans:
            caught = cov.caught(start, end)
            for key in (dialogue.folder, "all"):
                per_folder[key][0] += caught
                per_folder[key][1] += 1
            if not caught:
                missed[_context(dialogue.text, start, end)] += 1
    return dict(per_folder), missed


_TITLE_WORDS = frozenset("dr dr. doctor mr mr. mrs mrs. ms ms. miss mister".split())
_GREETING_WORDS = frozenset("hi hey hello morning afternoon evening thanks thank bye".split())


def _context(text: str, start: int, end: int) -> str:
    """Where a missed mention stands, as a shape with no word of the corpus in it
    ("after a greeting, before a pause"): the report may hold figures and shapes only."""
    before = text[max(0, start - 25) : start].split()
    after = text[end : end + 2].strip()[:1]
    prev = before[-1].lower() if before else ""
    if not before or prev.endswith(("]", ":")):
        where = "at a turn's start"
    elif prev in _TITLE_WORDS:
        where = "after a title"
    elif prev in _GREETING_WORDS:
        where = "after a greeting"
    elif prev in {",", ".", "?", "!"}:
        where = "after a pause"
    else:
        where = "mid-sentence"
    return where + (", before a pause" if after in {",", ".", "?", "!"} else "")


def yaml_dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
