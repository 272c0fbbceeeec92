"""Throughput benchmark (issue 4): phimin, vanilla Presidio and bare spaCy NER, one process.

    python benchmarks/throughput.py [--sizes 10000,50000,200000,1000000] [--repeats 3]
        [--data PATH] [--seed 7]
    python benchmarks/throughput.py --profile [--profile-chars 50000] [--lower]  # where time goes
    python benchmarks/throughput.py --cli [--cli-mb 20]   # peak RSS of `redact < file`
    python benchmarks/throughput.py --workers [--sizes 50000,200000]  # 1 worker vs 2
    python benchmarks/throughput.py --cli-dense [--cli-dense-mb 50]  # one line dense with PHI
    python benchmarks/throughput.py --workers-cli [--sizes 100000,2000000]  # redact, start-up in
    python benchmarks/throughput.py --lower [--sizes 50000,200000]  # the same, lower-cased

Long transcripts are AnnoMI sessions joined (`THERAPIST:` / `CLIENT:` lines, sessions
in a seeded order, cycled past the corpus size) with synthetic identifiers planted at
a known rate: one invented phone number, SSN or name every ~2,000 characters. Each
size is redacted by phimin (`Redactor.redact`), by vanilla Presidio (analyzer +
anonymizer, same model, default recognizers) and by the bare spaCy NER pass (the
floor of any design that runs the model over every word), alternating the order on
each repeat. Writes benchmarks/results/throughput.md and throughput.png. With
`--lower` the transcripts are lower-cased first, as speech-to-text writes them (where
phimin's name model reads the text instead of the general one): `throughput_lower.*`.

spaCy refuses texts longer than `nlp.max_length` (1,000,000): it is raised for the
bare pass and for Presidio. Presidio at 1 M is skipped when the 50 k -> 200 k scaling
predicts more than ten minutes for one run.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import json
import math
import os
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: python benchmarks/throughput.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpora
from benchmarks.cli_runs import cli_dense, workers_cli
from benchmarks.engines import (
    PeakRss,
    PhiminTool,
    PresidioTool,
    bare_ner,
    machine_info,
    make_tldextract_offline,
)
from benchmarks.scoring import Coverage
from phimin._detect.base import lower_same_length

__all__ = ["Planted", "main", "plant"]

RESULTS = Path(__file__).resolve().parent / "results"
SIZES = (10_000, 50_000, 200_000, 1_000_000)
PRESIDIO_BUDGET_S = 600.0
PLANT_EVERY = 2_000
TOOLS = ("phimin", "Presidio", "spaCy NER")

# Invented for this benchmark: common US given names and surnames, freely combined.
# fmt: off
_FIRST = (
    "Maria", "James", "Aisha", "Robert", "Linh", "Daniel", "Priya", "Thomas", "Keisha",
    "Michael", "Elena", "David", "Fatima", "Kevin", "Grace", "Carlos", "Hannah", "Joseph",
    "Mei", "Andre", "Olivia", "Samuel", "Rosa", "Brian",
)
_LAST = (
    "Okafor", "Lindqvist", "Delgado", "Whitfield", "Nakamura", "Brennan", "Castillo",
    "Hargrove", "Patel", "Kowalski", "Abernathy", "Mendoza", "Sorensen", "Fitzgerald",
    "Adeyemi", "Galloway", "Tran", "Holloway", "Rasmussen", "Quintero", "Blackwood", "Iverson",
)
# fmt: on
_AREA_CODES = (206, 212, 303, 312, 404, 415, 503, 512, 617, 702, 713, 919)
_TEMPLATES = {
    "phone": (
        "CLIENT: You can reach me at {} if anything changes.",
        "THERAPIST: The front desk number is {}, call if you need to reschedule.",
    ),
    "ssn": (
        "CLIENT: The insurance form wants my social, it is {}.",
        "THERAPIST: I have your social security number as {} on the intake sheet.",
    ),
    "name": (
        "CLIENT: My name is {} and my doctor referred me.",
        "CLIENT: I talked with my brother {} about it last night.",
        "THERAPIST: I will send the summary to {} at the clinic.",
    ),
}


@dataclass(frozen=True, slots=True)
class Planted:
    text: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end, kind) of each planted identifier

    def prefix(self, size: int) -> Planted:
        """The first `size` characters or fewer, cut at a line end."""
        if size >= len(self.text):
            return self
        cut = self.text.rfind("\n", 0, size) + 1 or size
        return Planted(self.text[:cut], tuple(s for s in self.spans if s[1] <= cut))


def _phone(rng: random.Random) -> str:
    import phonenumbers

    while True:
        area, exchange, line = rng.choice(_AREA_CODES), rng.randint(201, 989), rng.randint(0, 9999)
        if exchange == 555:
            continue
        number = f"{area}{exchange:03d}{line:04d}"
        if phonenumbers.is_valid_number(phonenumbers.parse(number, "US")):
            style = rng.randrange(3)
            if style == 0:
                return f"({area}) {exchange:03d}-{line:04d}"
            return f"{area}{'-.'[style - 1]}{exchange:03d}{'-.'[style - 1]}{line:04d}"


def _ssn(rng: random.Random) -> str:
    area = rng.choice([a for a in range(100, 666) if a != 666])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


_MAKERS: dict[str, Callable[[random.Random], str]] = {"phone": _phone, "ssn": _ssn, "name": _name}


def plant(sessions: Sequence[str], size: int, seed: int = 7, every: int = PLANT_EVERY) -> Planted:
    """Sessions in a seeded order (cycled) with an invented identifier every `every` chars."""
    if not sessions:
        raise corpora.Skip("no AnnoMI sessions to build transcripts from")
    rng = random.Random(seed)
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    length = since = 0
    kinds = ("phone", "ssn", "name")
    order: list[str] = []
    while length < size:
        if not order:
            order = list(sessions)
            rng.shuffle(order)
        for line in order.pop().splitlines(keepends=True):
            parts.append(line)
            length += len(line)
            since += len(line)
            if since >= every:
                kind = kinds[len(spans) % 3]
                value = _MAKERS[kind](rng)
                template = rng.choice(_TEMPLATES[kind])
                at = length + template.index("{}")
                spans.append((at, at + len(value), kind))
                planted = template.format(value) + "\n"
                parts.append(planted)
                length += len(planted)
                since = 0
            if length >= size:
                break
    return Planted("".join(parts), tuple(spans))


# --- measuring -------------------------------------------------------------------------


@dataclass
class Cell:
    seconds: list[float] = field(default_factory=list)
    peak_rss: int = 0
    rss_before: int = 0
    recall: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (caught, planted)
    note: str = ""

    def rate(self, chars: int) -> float | None:
        return chars / statistics.median(self.seconds) if self.seconds else None

    def best(self, chars: int) -> float | None:
        """The fastest run: on a shared machine, the least disturbed one."""
        return chars / min(self.seconds) if self.seconds else None


def planted_recall(doc: Planted, changed: Sequence[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    cov = Coverage(doc.text, changed)
    out: dict[str, tuple[int, int]] = {}
    for start, end, kind in doc.spans:
        caught, total = out.get(kind, (0, 0))
        out[kind] = (caught + cov.caught(start, end), total + 1)
    return out


class Bench:
    """The three tools, loaded once and warmed up."""

    def __init__(
        self,
        max_chars: int,
        phimin_tool: PhiminTool | None = None,
        presidio_tool: PresidioTool | None = None,
    ) -> None:
        make_tldextract_offline()
        self.phimin = phimin_tool or PhiminTool()
        self.presidio = presidio_tool or PresidioTool()
        self.presidio.set_max_length(max_chars + 1)
        self.nlp = bare_ner(max_length=max_chars + 1)
        warm = "CLIENT: My name is Maria Okafor, call me at (415) 382-1947 on 3/14.\n" * 20
        for tool in TOOLS:
            self.call(tool, warm)

    def call(self, tool: str, text: str) -> Sequence[tuple[int, int]]:
        if tool == "phimin":
            return [(c.start, c.end) for c in self.phimin.run(text).changed]
        if tool == "Presidio":
            return [(c.start, c.end) for c in self.presidio.run(text).changed]
        self.nlp(text)
        return []

    def measure(self, tool: str, doc: Planted, cell: Cell) -> None:
        rss = PeakRss()
        with rss.measure():
            cell.rss_before = cell.rss_before or rss.peak_bytes
            start = time.perf_counter()
            changed = self.call(tool, doc.text)
            cell.seconds.append(time.perf_counter() - start)
        cell.peak_rss = max(cell.peak_rss, rss.peak_bytes)
        if tool != "spaCy NER" and not cell.recall:
            cell.recall = planted_recall(doc, changed)


def presidio_estimate(results: dict[int, dict[str, Cell]], size: int) -> float | None:
    """Seconds for one Presidio run at `size`, from the two largest sizes measured."""
    measured = sorted(s for s, cells in results.items() if cells["Presidio"].seconds and s < size)
    if not measured:
        return None
    big = measured[-1]
    t_big = statistics.median(results[big]["Presidio"].seconds)
    exponent = 1.0
    if len(measured) >= 2:
        small = measured[-2]
        t_small = statistics.median(results[small]["Presidio"].seconds)
        exponent = max(1.0, math.log(t_big / t_small) / math.log(big / small))
    return t_big * (size / big) ** exponent


def run_sizes(bench: Bench, docs: dict[int, Planted], repeats: int) -> dict[int, dict[str, Cell]]:
    results: dict[int, dict[str, Cell]] = {}
    for size, doc in sorted(docs.items()):
        cells = {tool: Cell() for tool in TOOLS}
        results[size] = cells
        skip_presidio = False
        estimate = presidio_estimate(results, size)
        if estimate is not None and estimate > PRESIDIO_BUDGET_S:
            skip_presidio = True
            cells["Presidio"].note = (
                f"skipped: one run estimated at {estimate / 60:.0f} min (> 10 min) "
                "from the 50 k -> 200 k scaling"
            )
        presidio_repeats = repeats
        if estimate is not None and not skip_presidio and estimate * repeats > PRESIDIO_BUDGET_S:
            presidio_repeats = 1
            cells["Presidio"].note = f"1 run only (estimated {estimate:.0f} s per run)"
        for r in range(repeats):
            order = TOOLS[r % 3 :] + TOOLS[: r % 3]  # alternate who goes first
            for tool in order:
                if tool == "Presidio" and (skip_presidio or r >= presidio_repeats):
                    continue
                bench.measure(tool, doc, cells[tool])
                print(
                    f"{len(doc.text):>9,} chars  {tool:<9} run {r + 1}: "
                    f"{cells[tool].seconds[-1]:7.2f} s",
                    file=sys.stderr,
                    flush=True,
                )
    return results


# --- reporting -------------------------------------------------------------------------


def _rate(x: float | None) -> str:
    return "n/a" if x is None else f"{x / 1000:,.1f} k"


def _ratio(a: float | None, b: float | None) -> str:
    return "n/a" if a is None or b is None else f"{a / b:.2f}x"


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB" if n else "n/a"


def _recall(cell: Cell) -> str:
    if not cell.recall:
        return "n/a"
    caught = sum(c for c, _ in cell.recall.values())
    total = sum(t for _, t in cell.recall.values())
    parts = ", ".join(f"{k} {c}/{t}" for k, (c, t) in sorted(cell.recall.items()))
    return f"{caught / total:.3f} ({parts})"


def report(
    docs: dict[int, Planted],
    results: dict[int, dict[str, Cell]],
    argv: Sequence[str],
    repeats: int,
    load: tuple[float, float] | None = None,
) -> str:
    info = machine_info()
    rows = []
    best = []
    raw = []
    for size, cells in sorted(results.items()):
        n = len(docs[size].text)
        p, v, f = (cells[t].rate(n) for t in TOOLS)
        rows.append(
            f"| {n:,} | {len(docs[size].spans)} | {_rate(p)} | {_rate(v)} | {_rate(f)} | "
            f"{_ratio(p, v)} | {_ratio(p, f)} | {_recall(cells['phimin'])} | "
            f"{_recall(cells['Presidio'])} |"
        )
        p, v, f = (cells[t].best(n) for t in TOOLS)
        best.append(
            f"| {n:,} | {_rate(p)} | {_rate(v)} | {_rate(f)} | {_ratio(p, v)} | {_ratio(p, f)} |"
        )
        raw.append(
            f"| {n:,} | "
            + " | ".join(
                (" / ".join(f"{s:.2f}" for s in cells[t].seconds) or "-")
                + (f" ({cells[t].note})" if cells[t].note else "")
                for t in TOOLS
            )
            + " | "
            + " | ".join(f"{_mb(cells[t].rss_before)} -> {_mb(cells[t].peak_rss)}" for t in TOOLS)
            + " |"
        )
    lines = [
        "# Throughput: phimin, vanilla Presidio and bare spaCy NER",
        "",
        "Generated by `python benchmarks/throughput.py"
        + (" " + " ".join(argv) if argv else "")
        + "`; do not edit by hand.",
        "",
        "Machine: "
        + ", ".join(f"{k} {v}" for k, v in info.items())
        + (
            f"; load average {load[0]:.1f} at the start, {load[1]:.1f} at the end (a shared "
            "machine: other work ran alongside, so compare the same-run ratios)"
            if load
            else ""
        )
        + ".",
        "",
        f"Input: AnnoMI sessions joined as `SPEAKER: text` lines (seeded order, cycled), with an "
        f"invented phone number, SSN or name planted every ~{PLANT_EVERY:,} characters. "
        f"Medians of {repeats} runs per tool and size, run in one process, the order of the "
        "tools rotating on each repeat. chars/s in thousands.",
        "",
        "- phimin: `Redactor()` default policy, `.redact(text)`.",
        "- Presidio: `AnalyzerEngine` on `SpacyNlpEngine` (same model, every component), default "
        "recognizers, `.analyze` + `AnonymizerEngine.anonymize`; `nlp.max_length` raised above "
        "the input size; `tldextract` on its bundled snapshot (offline).",
        "- spaCy NER: `spacy.load` with only `ner` enabled, `nlp(text)`, `max_length` raised: the "
        "floor for any design that runs the model over every word.",
        "",
        "| chars | planted | phimin chars/s | Presidio chars/s | spaCy NER chars/s | "
        "phimin/Presidio | phimin/NER | phimin recall of planted | Presidio recall of planted |",
        "|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        "Best run of each tool (the least disturbed by other work on a shared machine):",
        "",
        "| chars | phimin chars/s | Presidio chars/s | spaCy NER chars/s | phimin/Presidio | "
        "phimin/NER |",
        "|---|---|---|---|---|---|",
        *best,
        "",
        "Seconds per run, and resident memory of the process before the first run -> peak "
        "during any run (psutil, sampled every 20 ms; the process holds both pipelines):",
        "",
        "| chars | phimin s | Presidio s | spaCy NER s | RSS phimin | RSS Presidio | RSS NER |",
        "|---|---|---|---|---|---|---|",
        *raw,
        "",
        *targets(docs, results),
        "![throughput against length](throughput.png)",
        "",
    ]
    return "\n".join(lines)


def targets(docs: dict[int, Planted], results: dict[int, dict[str, Cell]]) -> list[str]:
    def rate(size: int, tool: str) -> float | None:
        cells = results.get(size)
        return cells[tool].rate(len(docs[size].text)) if cells else None

    lines = ["Issue 4 targets (same machine, same run):", ""]
    for size in sorted(results):
        p, f = rate(size, "phimin"), rate(size, "spaCy NER")
        if p and f:
            lines.append(
                f"- {size:,}: phimin at {p / f:.0%} of bare NER (target >= 80%)"
                + (
                    f"; {p / v:.2f}x Presidio"
                    if (v := rate(size, "Presidio"))
                    else "; Presidio not run"
                )
            )
    lines.append("- Presidio targets: >= 1.3x at 50 k, >= 3x at 200 k.")
    small, large = min(results), max(results)
    ps, pl = rate(small, "phimin"), rate(large, "phimin")
    if ps and pl and small != large:
        lines.append(
            f"- phimin at {large:,} vs {small:,}: {pl / ps:.0%} of the small-input rate "
            "(target: within 20%, i.e. >= 80%)."
        )
    return [*lines, ""]


def plot(docs: dict[int, Planted], results: dict[int, dict[str, Cell]], path: Path) -> None:
    """Throughput against length, and the ratios (steadier on a shared machine)."""
    if importlib.util.find_spec("matplotlib") is None:
        print("matplotlib is not installed: no plot (pip install '.[bench]')", file=sys.stderr)
        return
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def rates(tool: str) -> dict[int, float]:
        out = {}
        for size, cells in sorted(results.items()):
            rate = cells[tool].rate(len(docs[size].text))
            if rate:
                out[len(docs[size].text)] = rate
        return out

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), dpi=120)
    for tool, marker in zip(TOOLS, "os^", strict=True):
        points = rates(tool)
        if points:
            left.plot(list(points), [y / 1000 for y in points.values()], marker=marker, label=tool)
    left.set_ylabel("throughput (thousand chars/s, median)")
    left.set_title("Throughput against input length")
    phimin = rates("phimin")
    for other, marker in (("Presidio", "s"), ("spaCy NER", "^")):
        base = rates(other)
        shared = [n for n in phimin if n in base]
        if shared:
            right.plot(
                shared,
                [phimin[n] / base[n] for n in shared],
                marker=marker,
                label=f"phimin / {other}",
            )
    right.axhline(1.0, color="grey", linewidth=0.8)
    right.set_ylabel("throughput ratio (same run)")
    right.set_title("phimin relative to Presidio and to bare NER")
    for ax in (left, right):
        ax.set_xscale("log")
        ax.set_xlabel("input length (characters, log scale)")
        ax.set_ylim(bottom=0)
        ax.grid(True, alpha=0.3)
        ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def to_json(docs: dict[int, Planted], results: dict[int, dict[str, Cell]]) -> str:
    """The raw figures (no text), to re-plot or compare runs."""
    return json.dumps(
        {
            "machine": machine_info(),
            "sizes": {
                str(len(docs[size].text)): {
                    tool: {
                        "seconds": cell.seconds,
                        "rss_before_bytes": cell.rss_before,
                        "peak_rss_bytes": cell.peak_rss,
                        "planted_recall": {k: list(v) for k, v in cell.recall.items()},
                        "note": cell.note,
                    }
                    for tool, cell in cells.items()
                }
                for size, cells in sorted(results.items())
            },
        },
        indent=1,
    )


# --- extra modes -----------------------------------------------------------------------


def profile(doc: Planted, out: Path, top_n: int = 30, *, lower: bool = False) -> str:
    """cProfile of phimin on one text; function names only (no text)."""
    tool = PhiminTool()
    tool.run(doc.text[:5000])
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    tool.run(doc.text)
    profiler.disable()
    elapsed = time.perf_counter() - start
    sections = []
    for key in ("tottime", "cumulative"):
        buffer = io.StringIO()
        stats = pstats.Stats(profiler, stream=buffer)
        stats.sort_stats(key).print_stats(top_n)
        body = re.sub(r"/\S*/site-packages/", "", buffer.getvalue())
        body = re.sub(r"/\S*/src/phimin/", "phimin/", body)
        body = body.replace(str(corpora.REPO_ROOT) + "/", "")
        body = body[body.find("   ncalls") :]
        sections.append(f"## Sorted by {key}\n\n```\n{body.rstrip()}\n```\n")
    text = (
        f"# Where phimin's time goes\n\nGenerated by `python benchmarks/throughput.py --profile "
        f"--profile-chars {len(doc.text) // 1000 * 1000}{' --lower' if lower else ''}`; "
        f"cProfile over one `Redactor.redact` of {len(doc.text):,} "
        f"{'lower-cased ' if lower else ''}characters "
        f"({elapsed:.1f} s under the profiler).\n\n" + "\n".join(sections)
    )
    out.write_text(text, encoding="utf-8")
    return text


def cli_rss(doc: Planted, megabytes: int, out: Path) -> str:
    """Peak RSS of `redact < file` on an input of `megabytes` MB, or a skip message."""
    executable = Path(sys.executable).with_name("redact")
    if importlib.util.find_spec("phimin.cli") is None or not executable.exists():
        return "skipped: the `redact` CLI (phimin.cli) is not available yet."
    timer = shutil.which("time") or "/usr/bin/time"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.txt"
        with path.open("w", encoding="utf-8") as handle:
            written = 0
            while written < megabytes * 2**20:
                handle.write(doc.text)
                written += len(doc.text.encode("utf-8"))
        with path.open("rb") as stdin:
            start = time.perf_counter()
            done = subprocess.run(
                [timer, "-v", str(executable)],
                stdin=stdin,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                check=False,
            )
            elapsed = time.perf_counter() - start
    stderr = done.stderr.decode("utf-8", "replace")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    peak_mb = int(peak.group(1)) / 1024 if peak else float("nan")
    text = (
        "# CLI memory on a large input\n\n"
        "Generated by `python benchmarks/throughput.py --cli`.\n\n"
        f"Machine: {', '.join(f'{k} {v}' for k, v in machine_info().items())}.\n\n"
        f"`redact < input` on {written / 2**20:.1f} MB of planted AnnoMI text: exit code "
        f"{done.returncode}, {elapsed:.0f} s wall ({written / elapsed / 1000:,.1f} k chars/s), "
        f"peak RSS {peak_mb:,.0f} MB (`/usr/bin/time -v`; target < 1 GB).\n"
    )
    out.write_text(text, encoding="utf-8")
    return text


# --- worker processes ------------------------------------------------------------------


def _median_seconds(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def workers_bench(
    sessions: Sequence[str], sizes: Sequence[int], repeats: int, seed: int, out: Path
) -> str:
    """One worker against two, on one long document and on a batch of records.

    The same texts go through `Redactor(workers=1)` and `Redactor(workers=2)` in this
    process (each worker process loads its own model); the outputs must be identical.
    Vanilla Presidio runs on the same documents for the "2x Presidio" ratio.
    """
    import phimin

    make_tldextract_offline()
    longest = plant(sessions, max(sizes), seed)
    docs = {size: longest.prefix(size) for size in sizes}
    records = [s for s in sessions if s.strip()][:400]
    batch_chars = sum(len(r) for r in records)
    presidio = PresidioTool()
    presidio.set_max_length(max(sizes) + 1)
    load_start = os.getloadavg()[0]
    rows = []
    with phimin.Redactor(workers=1) as one, phimin.Redactor(workers=2) as two:
        warm = "CLIENT: My name is Maria Okafor, call me at (415) 382-1947.\n" * 200
        for tool in (one, two):
            tool.redact(warm)
        presidio.run(warm)
        for size, doc in sorted(docs.items()):
            if one.redact(doc.text).text != two.redact(doc.text).text:
                raise SystemExit(f"workers changed the output at {size} chars")
            t1 = _median_seconds(lambda d=doc: one.redact(d.text), repeats)
            t2 = _median_seconds(lambda d=doc: two.redact(d.text), repeats)
            tp = _median_seconds(lambda d=doc: presidio.run(d.text), repeats)
            n = len(doc.text)
            rows.append(
                f"| one document, {n:,} chars | {n / t1 / 1000:,.1f} k | {n / t2 / 1000:,.1f} k "
                f"| {t1 / t2:.2f}x | {n / tp / 1000:,.1f} k | {tp / t2:.2f}x |"
            )
            print(rows[-1], file=sys.stderr, flush=True)
        texts_one = [r.text for r in one.redact_many(records)]
        if texts_one != [r.text for r in two.redact_many(records)]:
            raise SystemExit("workers changed the output of the batch")
        t1 = _median_seconds(lambda: list(one.redact_many(records)), repeats)
        t2 = _median_seconds(lambda: list(two.redact_many(records)), repeats)
        tp = _median_seconds(lambda: [presidio.run(r) for r in records], repeats)
        rows.append(
            f"| batch of {len(records)} records, {batch_chars:,} chars | "
            f"{batch_chars / t1 / 1000:,.1f} k | {batch_chars / t2 / 1000:,.1f} k | {t1 / t2:.2f}x "
            f"| {batch_chars / tp / 1000:,.1f} k | {tp / t2:.2f}x |"
        )
    text = "\n".join(
        [
            "# Worker processes: one against two",
            "",
            "Generated by `python benchmarks/throughput.py --workers`; do not edit by hand.",
            "",
            f"Machine: {', '.join(f'{k} {v}' for k, v in machine_info().items())}; load "
            f"average {load_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end.",
            "",
            "`Redactor(workers=N)` detects the chunks of a long document (6,000 characters, "
            "overlapping) in N spawned processes; `redact_many` sends each batch of records to "
            "them while the parent finishes the previous batch. Outputs with 1 and 2 workers "
            f"were checked identical. Medians of {repeats} runs; chars/s in thousands. The "
            "batch is AnnoMI sessions, one record each (the shape of `redact --jsonl`).",
            "",
            "| input | 1 worker | 2 workers | speed-up | Presidio | 2 workers / Presidio |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
            "Issue 4 target: two workers >= 1.6x one worker on this 2-core machine, and >= 2x "
            "vanilla Presidio at 50 k chars.",
            "",
        ]
    )
    out.write_text(text, encoding="utf-8")
    return text


# --- entry point -----------------------------------------------------------------------


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--data", type=Path, default=None, help="corpora root (../shared/data)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=RESULTS, help="results directory")
    parser.add_argument("--profile", action="store_true", help="profile phimin on one text")
    parser.add_argument("--profile-chars", type=int, default=50_000, help="its length")
    parser.add_argument("--cli", action="store_true", help="peak RSS of the CLI on a big input")
    parser.add_argument("--cli-mb", type=int, default=20)
    parser.add_argument("--workers", action="store_true", help="one worker against two")
    parser.add_argument(
        "--cli-dense", action="store_true", help="peak RSS of the CLI on one line dense with PHI"
    )
    parser.add_argument("--cli-dense-mb", type=int, default=50)
    parser.add_argument("--lower", action="store_true", help="lower-case the transcripts")
    parser.add_argument(
        "--workers-cli", action="store_true", help="redact with one and two workers, start-up in"
    )
    args = parser.parse_args(argv)
    try:
        args.sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",")})
    except ValueError:
        parser.error("--sizes takes comma-separated integers")
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Exit codes: 0 done, 2 bad arguments, 3 data absent (skipped)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    redact = Path(sys.executable).with_name("redact")
    if args.cli_dense:  # invented text only: needs no corpus
        args.out.mkdir(parents=True, exist_ok=True)
        out = args.out / "throughput_cli_dense.md"
        print(cli_dense(redact, args.cli_dense_mb, out, (_FIRST, _LAST), _phone))
        return 0
    try:
        sessions = corpora.load_annomi_sessions(corpora.data_root(args.data))
    except corpora.Skip as skip:
        print(f"skipped: {skip}")
        return 3
    args.out.mkdir(parents=True, exist_ok=True)
    if args.profile:
        doc = plant(sessions, args.profile_chars, args.seed)
        name = "throughput_profile"
        if args.profile_chars != 50_000:
            name += f"_{args.profile_chars // 1000}k"
        if args.lower:
            doc = Planted(lower_same_length(doc.text), doc.spans)
            name += "_lower"
        print(profile(doc, args.out / f"{name}.md", lower=args.lower))
        return 0
    if args.workers:
        sizes = [s for s in args.sizes if s <= 200_000] or [200_000]
        print(
            workers_bench(
                sessions, sizes, args.repeats, args.seed, args.out / "throughput_workers.md"
            )
        )
        return 0
    if args.workers_cli:
        sizes = [s for s in args.sizes if s >= 50_000] or [100_000, 2_000_000]
        longest = plant(sessions, max(sizes), args.seed)
        docs = {"one line of a note": "Call Dana Whitfield at 410-555-2671 about Friday.\n"}
        for size in sizes:
            text = longest.prefix(size).text
            docs[f"{len(text):,} chars of transcript"] = text
        out = args.out / "throughput_workers_cli.md"
        print(workers_cli(redact, docs, args.repeats, out))
        return 0
    if args.cli:
        print(
            cli_rss(
                plant(sessions, 1_000_000, args.seed), args.cli_mb, args.out / "throughput_cli.md"
            )
        )
        return 0
    longest = plant(sessions, max(args.sizes), args.seed)
    if args.lower:  # offsets hold: lower_same_length keeps every character's place
        longest = Planted(lower_same_length(longest.text), longest.spans)
    docs = {size: longest.prefix(size) for size in args.sizes}
    bench = Bench(max(len(d.text) for d in docs.values()))
    load_start = os.getloadavg()[0]
    results = run_sizes(bench, docs, args.repeats)
    text = report(docs, results, argv, args.repeats, (load_start, os.getloadavg()[0]))
    name = "throughput_lower" if args.lower else "throughput"
    (args.out / f"{name}.md").write_text(text, encoding="utf-8")
    (args.out / f"{name}.json").write_text(to_json(docs, results) + "\n", encoding="utf-8")
    plot(docs, results, args.out / f"{name}.png")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
