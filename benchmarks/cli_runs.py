"""The `redact` command as a user runs it: memory on a dense line, and --workers' cost.

    python benchmarks/throughput.py --cli-dense [--cli-dense-mb 50]
    python benchmarks/throughput.py --workers-cli [--sizes 100000,2000000]

`--cli-dense` writes one line of `megabytes` MB dense with invented PHI (a name, a
phone number and a date every ~100 characters; names from the benchmark's invented
lists, phone numbers from a pool of 2,000, the way a practice's notes repeat the
same people) and runs `redact -q < line > out` under `/usr/bin/time -v`: its peak RSS
is the figure, checked against the 350 MB target. The output is then scanned: every
planted phone number and date must be gone. It also measures what the placeholder
book (one entry per distinct value, kept for the whole document so a value keeps its
placeholder) costs per distinct value. Needs no corpus.

`--workers-cli` times whole `redact` runs, model load and worker start-up included,
with `--workers 1`, `--workers 2` (default: workers start after 1,000,000 characters)
and `--workers 2 --workers-from 0` (workers start at once) on one line of a note and
on planted AnnoMI transcripts; the three outputs must be identical.
"""

from __future__ import annotations

import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.engines import machine_info

__all__ = ["DENSE_EVERY", "book_bytes_per_value", "cli_dense", "dense_line", "workers_cli"]

DENSE_EVERY = 100  # characters between planted identifiers (a name, a phone, a date)
PHONE_POOL = 2_000
TARGET_MB = 350

_FILLERS = (
    "talked about sleep and the week ahead",
    "reviewed the safety plan and coping skills",
    "said the new routine is helping a little",
    "asked about the homework from last session",
    "described a calmer week at work",
)


_PHONE = re.compile(r"\(?\b\d{3}\)?[ .-]\d{3}[.-]\d{4}\b")
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")

# Invented identifiers: a given name, a surname, and a phone number from a seeded RNG.
Names = tuple[Sequence[str], Sequence[str]]
PhoneMaker = Callable[[random.Random], str]


def dense_line(chars: int, names: Names, phone: PhoneMaker, seed: int = 7) -> str:
    """One line (no line break) with a name, a phone number and a date every ~100 chars."""
    rng = random.Random(seed)
    first, last = names
    phones = sorted({phone(rng) for _ in range(PHONE_POOL)})
    parts: list[str] = []
    size = 0
    while size < chars:
        sentence = (
            f"{rng.choice(first)} {rng.choice(last)} called {rng.choice(phones)} on "
            f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/{rng.randint(2015, 2025)} and "
            f"{rng.choice(_FILLERS)}. "
        )
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)[:chars].rstrip() + "."


def _time_v(argv: Sequence[str], stdin: Path, stdout: Path) -> tuple[int, float, float]:
    """(exit code, wall seconds, peak RSS in MB) of one process, by `/usr/bin/time -v`."""
    timer = shutil.which("time") or "/usr/bin/time"
    with stdin.open("rb") as source, stdout.open("wb") as sink:
        start = time.perf_counter()
        done = subprocess.run(
            [timer, "-v", *argv], stdin=source, stdout=sink, stderr=subprocess.PIPE, check=False
        )
        elapsed = time.perf_counter() - start
    err = done.stderr.decode("utf-8", "replace")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    return done.returncode, elapsed, (int(peak.group(1)) / 1024 if peak else float("nan"))


def book_bytes_per_value(count: int = 100_000) -> float:
    """Memory the placeholder book holds per distinct phone number (tracemalloc)."""
    from phimin._placeholders import PlaceholderBook

    book = PlaceholderBook()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(count):
        book.placeholder("PHONE_NUMBER", f"(415) {i // 10000 + 201:03d}-{i % 10000:04d}")
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return (after - before) / count


def cli_dense(redact: Path, megabytes: int, out: Path, names: Names, phone: PhoneMaker) -> str:
    """Peak RSS of `redact` on one line of `megabytes` MB dense with PHI."""
    chars = megabytes * 10**6
    first, last = names
    line = dense_line(chars, names, phone)
    phones = len(_PHONE.findall(line))
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "line.txt", Path(tmp) / "out.txt"
        source.write_text(line, encoding="utf-8")
        del line
        code, elapsed, peak = _time_v([str(redact), "-q"], source, target)
        redacted = target.read_text(encoding="utf-8")
    left_phones = len(_PHONE.findall(redacted))
    left_dates = len(_DATE.findall(redacted))
    left_names = sum(redacted.count(f" {name} called") for name in last)
    placeholders = len(re.findall(r"\[(?:PERSON|PHONE)_\d+\]", redacted))
    per_value = book_bytes_per_value()
    verdict = "met" if peak < TARGET_MB and code == 0 else "NOT met"
    text = "\n".join(
        [
            "# CLI memory on one long line dense with PHI",
            "",
            "Generated by `python benchmarks/throughput.py --cli-dense`; do not edit by hand.",
            "",
            f"Machine: {', '.join(f'{k} {v}' for k, v in machine_info().items())}.",
            "",
            f"`redact -q < line` on one line of {chars:,} characters (no line break) with an "
            f"invented name, phone number and date every ~{DENSE_EVERY} characters "
            f"({phones:,} phone numbers planted, drawn from a pool of up to {PHONE_POOL:,}; "
            f"{len(first)} x {len(last)} invented names).",
            "",
            "| measure | value |",
            "|---|---|",
            f"| exit code | {code} |",
            f"| wall time | {elapsed:,.0f} s ({chars / elapsed / 1000:,.1f} k chars/s) |",
            f"| peak RSS (`/usr/bin/time -v`) | **{peak:,.0f} MB** (target < {TARGET_MB} MB: "
            f"{verdict}) |",
            f"| placeholders written (`[PERSON_n]`, `[PHONE_n]`) | {placeholders:,} |",
            f"| planted phone numbers left in the output | {left_phones} |",
            f"| planted dates left in the output | {left_dates} |",
            f"| planted names left (`<surname> called`) | {left_names} |",
            "",
            "Memory does not grow with the findings: each window's findings leave with its "
            "text. What does grow is the placeholder book, one entry per *distinct* value "
            "for the whole document (the same number must get the same placeholder on page "
            f"1 and page 900): {per_value:,.0f} bytes per distinct phone number (tracemalloc, "
            "100,000 numbers added to a `PlaceholderBook`), so a document with a million "
            f"distinct identifiers would hold about {per_value * 1e6 / 2**20:,.0f} MB more.",
            "",
        ]
    )
    out.write_text(text, encoding="utf-8")
    return text


def _median(run: Callable[[], float], repeats: int) -> float:
    return statistics.median(run() for _ in range(repeats))


def workers_cli(redact: Path, docs: dict[str, str], repeats: int, out: Path) -> str:
    """Whole `redact` runs (start-up included) with one worker and with two."""
    configs = (
        ("--workers 1", ["--workers", "1"]),
        ("--workers 2", ["--workers", "2"]),
        ("--workers 2 --workers-from 0", ["--workers", "2", "--workers-from", "0"]),
    )
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, text in docs.items():
            source = Path(tmp) / "in.txt"
            source.write_text(text, encoding="utf-8")
            seconds: dict[str, float] = {}
            outputs: dict[str, bytes] = {}
            for name, flags in configs:
                target = Path(tmp) / f"out{len(outputs)}.txt"

                def run(
                    flags: list[str] = flags, source: Path = source, target: Path = target
                ) -> float:
                    code, elapsed, _ = _time_v([str(redact), "-q", *flags], source, target)
                    if code != 0:
                        raise SystemExit(f"redact {' '.join(flags)} exited {code}")
                    return elapsed

                seconds[name] = _median(run, repeats)
                outputs[name] = target.read_bytes()
                print(f"{label}: {name}: {seconds[name]:.1f} s", file=sys.stderr, flush=True)
            if len(set(outputs.values())) != 1:
                raise SystemExit(f"the outputs differ with workers on {label}")
            one, lazy, eager = (seconds[name] for name, _ in configs)
            rows.append(
                f"| `redact`, {label} | {one:.1f} s | {lazy:.1f} s ({one / lazy:.2f}x) "
                f"| {eager:.1f} s ({one / eager:.2f}x) |"
            )
    text = "\n".join(
        [
            "# Worker processes from the command line, start-up included",
            "",
            "Generated by `python benchmarks/throughput.py --workers-cli`; do not edit by hand.",
            "",
            f"Machine: {', '.join(f'{k} {v}' for k, v in machine_info().items())}.",
            "",
            "Wall time of whole `redact -q < input > output` runs: Python start, model load, "
            "worker start-up and redaction. `--workers 2` starts its workers only after "
            "1,000,000 characters (in the background; until they are ready the parent "
            "redacts in-process); `--workers-from 0` starts them at once, as `--workers 2` "
            f"did before. Medians of {repeats} run(s); the outputs were checked identical. "
            "Speed-ups are against `--workers 1`.",
            "",
            "| input | --workers 1 | --workers 2 | --workers 2 --workers-from 0 |",
            "|---|---|---|---|",
            *rows,
            "",
        ]
    )
    out.write_text(text, encoding="utf-8")
    return text
