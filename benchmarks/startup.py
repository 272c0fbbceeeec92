"""Cold start: how long a short `redact` run takes, against the model's own floor.

    python benchmarks/startup.py [--runs 7] [--src PATH] [--baseline PATH] [--out FILE]

Every figure is one fresh Python process, timed from outside (wall clock, and the CPU
time the process used: user + system). Four commands run in turn, the first rotating
on each round so that no command always follows the same one:

- `floor`: the issue's floor. A process that loads the same spaCy model with only
  what its `ner` needs (every other component excluded, so never loaded) and runs one
  tiny doc, in phimin's environment: spaCy imports every registered factory's module
  while it builds a pipeline, and Presidio registers one, so this floor also imports
  all of Presidio (about 0.6 s here).
- `floor without Presidio's spaCy factory`: the same with Presidio's entry point
  hidden from spaCy, the model's own floor (no design that runs the model can start
  faster). phimin imports Presidio before the model, without the recognizers it does
  not use, so it pays less for Presidio than the first floor does; both are reported.
- `import phimin`: `python -c "import phimin"`.
- `redact --check`: the pre-commit check on a small draft (`examples/note_draft.md`,
  1 kB of placeholders and clinical content; exit 0).
- `redact < stdin`: a short transcript (`examples/session_transcript.txt`, 1.6 kB
  with invented identifiers) redacted from stdin to stdout.

Medians of `--runs` rounds (5 at least). Targets (issue 18): `redact --check` at most
1.3x the floor, `import phimin` at most 0.15 s. `--src PATH` measures another checkout
(its `src/` first on `PYTHONPATH`); `--baseline PATH` runs another checkout's
`redact --check` in the same rounds and reports each round's own difference, the
fairest before-and-after on a machine whose speed drifts.
phimin keeps what it derives from its data between runs (see `phimin._derived`): the
runs share a cache folder made for the benchmark and filled by a warm-up run first, and
`cold` repeats `redact --check` with that folder emptied before each run (a first run
after an install or an upgrade).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.engines import MODEL, machine_info, write_report

__all__ = ["Command", "Timing", "commands", "main", "measure", "report"]

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "startup.md"
DRAFT = ROOT / "examples" / "note_draft.md"
TRANSCRIPT = ROOT / "examples" / "session_transcript.txt"
MIN_RUNS = 5
TARGET_CHECK = 1.3  # x the floor
TARGET_IMPORT = 0.15  # seconds

TINY_DOC = "Client reports better sleep this week."
BARE_FLOOR = "floor without Presidio's spaCy factory"
BASELINE = "redact --check, baseline checkout"

# What `ner` needs: itself and any component it listens to (a shared tok2vec).
_FLOOR = """
import spacy
nlp = spacy.load({model!r}, exclude={excluded!r})
nlp({doc!r})
"""
# The same without Presidio's spaCy factory: Presidio registers one as an entry point, and
# spaCy imports every factory's module while it builds a pipeline, so the floor above
# also imports all of Presidio (its registry and every predefined recognizer) whenever
# Presidio is installed, as it is with phimin. phimin imports Presidio first, without
# the recognizers it does not use, so this is the model's own floor, shown beside it.
_BARE_FLOOR = (
    """
import catalogue
catalogue.AVAILABLE_ENTRY_POINTS = {{
    group: [e for e in eps if not e.value.startswith("presidio_analyzer")]
    for group, eps in dict(catalogue.AVAILABLE_ENTRY_POINTS).items()
}}
"""
    + _FLOOR
    # (a spaCy that finds its factories another way would import Presidio: say so)
    + """
import sys
if "presidio_analyzer" in sys.modules:
    raise SystemExit("Presidio was imported: this floor is not the model's own")
"""
)


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    argv: tuple[str, ...]
    stdin: Path | None = None
    expect: tuple[int, ...] = (0,)
    cold: bool = False  # empty the derived-data folder before each run
    pythonpath: str | None = None  # another checkout's src/, first on PYTHONPATH


@dataclass(frozen=True, slots=True)
class Timing:
    wall: float
    cpu: float


def excluded_for_ner(model: str = MODEL) -> list[str]:
    """The components of `model` that its `ner` does not need (read once, here)."""
    import spacy

    nlp = spacy.load(model)
    needed = {"ner"}
    for name, component in nlp.pipeline:
        listeners = getattr(component, "listener_map", None) or {}
        if "ner" in listeners:
            needed.add(name)
    return [name for name in nlp.component_names if name not in needed]


def commands(
    python: str, redact: Sequence[str], excluded: Sequence[str], baseline: Path | None = None
) -> list[Command]:
    floor = _FLOOR.format(model=MODEL, excluded=list(excluded), doc=TINY_DOC)
    bare = _BARE_FLOOR.format(model=MODEL, excluded=list(excluded), doc=TINY_DOC)
    cmds = [
        Command("floor", (python, "-c", floor)),
        Command(BARE_FLOOR, (python, "-W", "ignore", "-c", bare)),
        Command("import phimin", (python, "-c", "import phimin")),
        Command("redact --check", (*redact, "--check", "-q", str(DRAFT))),
        Command("redact < stdin", (*redact, "-q"), stdin=TRANSCRIPT),
        Command("redact --check, cold", (*redact, "--check", "-q", str(DRAFT)), cold=True),
    ]
    if baseline is not None:  # the same check from another checkout, in the same rounds
        check = (*redact, "--check", "-q", str(DRAFT))
        return [*cmds, Command(BASELINE, check, pythonpath=str(baseline / "src"))]
    return cmds


def _run(command: Command, env: dict[str, str], cache: Path) -> Timing:
    if command.cold:
        shutil.rmtree(cache, ignore_errors=True)
    if command.pythonpath is not None:  # its own derived data: a cold run empties ours
        own = cache.with_name(cache.name + "-baseline")
        env = {**env, "PYTHONPATH": command.pythonpath, "PHIMIN_CACHE_DIR": str(own)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(command.stdin or os.devnull, "rb") as source:
        done = subprocess.run(
            command.argv,
            stdin=source,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            check=False,
        )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in command.expect:
        # stderr is phimin's own message (never input text); the inputs are invented.
        raise SystemExit(
            f"{command.name} exited {done.returncode}: "
            f"{done.stderr.decode('utf-8', 'replace')[-400:]}"
        )
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def compile_bytecode(python: str, env: dict[str, str]) -> Path:
    """Byte-compile the phimin that `env` imports, as `pip install` does; its folder.

    Python reads bytecode even where it is told not to write any
    (`PYTHONDONTWRITEBYTECODE`, set on some machines, this one included): without this
    step an editable checkout there compiles phimin's 70-odd modules from source on
    every run, a cost an installed phimin never pays.
    """
    found = subprocess.run(
        [python, "-c", "import phimin, os; print(os.path.dirname(phimin.__file__))"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    package = Path(found.stdout.strip())
    subprocess.run([python, "-m", "compileall", "-q", str(package)], env=env, check=True)
    return package


def measure(
    cmds: Sequence[Command], runs: int, env: dict[str, str], cache: Path
) -> dict[str, list[Timing]]:
    """`runs` rounds; in each, every command once, the first rotating by round."""
    timings: dict[str, list[Timing]] = {c.name: [] for c in cmds}
    warm = [c for c in cmds if not c.cold]
    for c in warm:  # fill the OS page cache and phimin's derived-data folder
        _run(c, env, cache)
    for i in range(runs):
        order = list(cmds[i % len(cmds) :]) + list(cmds[: i % len(cmds)])
        for c in order:
            timings[c.name].append(_run(c, env, cache))  # a cold run fills it again
        done = ", ".join(f"{k} {v[-1].wall:.2f} s" for k, v in timings.items())
        print(f"round {i + 1}/{runs}: {done}", file=sys.stderr, flush=True)
    return timings


def _median(values: Sequence[float]) -> float:
    return statistics.median(values)


def report(
    timings: dict[str, list[Timing]],
    runs: int,
    loads: tuple[tuple[float, ...], tuple[float, ...]],
    src: str,
    excluded: Sequence[str],
    baseline: Path | None = None,
) -> str:
    wall = {k: _median([t.wall for t in v]) for k, v in timings.items()}
    cpu = {k: _median([t.cpu for t in v]) for k, v in timings.items()}
    floor_wall, floor_cpu = wall["floor"], cpu["floor"]
    rows = []
    for name, runs_of in timings.items():
        low = min(t.wall for t in runs_of)
        high = max(t.wall for t in runs_of)
        ratio = "" if name == "import phimin" else f"{wall[name] / floor_wall:.2f}x"
        cpu_ratio = "" if name == "import phimin" else f"{cpu[name] / floor_cpu:.2f}x"
        rows.append(
            f"| {name} | **{wall[name]:.2f} s** | {ratio} | {low:.2f}-{high:.2f} s "
            f"| {cpu[name]:.2f} s | {cpu_ratio} |"
        )
    # Each round's own ratio, then their median: the floor and the check of one round
    # ran seconds apart, so a machine that speeds up or slows down between rounds moves
    # both (a ratio of the two medians can pair a slow floor with a fast check).
    check = _median(
        [c.wall / f.wall for c, f in zip(timings["redact --check"], timings["floor"], strict=True)]
    )
    check_cpu = _median(
        [c.cpu / f.cpu for c, f in zip(timings["redact --check"], timings["floor"], strict=True)]
    )
    imported = wall["import phimin"]
    verdict_check = "met" if check <= TARGET_CHECK else "NOT met"
    verdict_import = "met" if imported <= TARGET_IMPORT else "NOT met"
    load_text = (
        f"{' / '.join(f'{x:.2f}' for x in loads[0])} before, "
        f"{' / '.join(f'{x:.2f}' for x in loads[1])} after (1 / 5 / 15 min)"
    )
    return "\n".join(
        [
            "# Cold start: short runs against the model's floor",
            "",
            "Generated by `python benchmarks/startup.py`; do not edit by hand.",
            "",
            f"Machine: {', '.join(f'{k} {v}' for k, v in machine_info().items())}.",
            f"Load average: {load_text}.",
            f"Code measured: {src}.",
            "",
            f"Each figure is a fresh process; medians of {runs} rounds, the commands "
            "alternating (the first rotates each round). Wall time as a user waits for it, "
            "and the CPU time the process used (user + system), which other work on a "
            "shared machine disturbs less. The floor loads the same model with only what "
            f"its `ner` needs (excluded: {', '.join(excluded) or 'nothing'}) and runs one "
            "tiny doc. phimin's derived data (word lists, rule-pack checks) are read from "
            "its cache folder, filled by a warm-up run; `cold` empties that folder before "
            "each run, as on the first run after an install. phimin's bytecode is compiled "
            "before the first run (`compileall`), as `pip install` does.",
            "",
            "| command | wall (median) | / floor | wall (min-max) | CPU (median) | CPU / floor |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
            f"- `redact --check` / floor, the median of each round's own ratio: "
            f"**{check:.2f}x** wall, {check_cpu:.2f}x CPU (target <= {TARGET_CHECK}x: "
            f"{verdict_check}; the table's ratio of medians pairs different rounds).",
            f"- `import phimin`: **{imported:.3f} s** (target <= {TARGET_IMPORT} s: "
            f"{verdict_import}).",
            f"- Against the model's own floor (Presidio's spaCy factory not imported, "
            f"{wall[BARE_FLOOR]:.2f} s): `redact --check` is "
            f"**{wall['redact --check'] / wall[BARE_FLOOR]:.2f}x**; the floor above spends "
            f"{wall['floor'] - wall[BARE_FLOOR]:.2f} s importing Presidio, which phimin avoids.",
            *_against_baseline(timings, baseline),
            "",
        ]
    )


def _against_baseline(timings: dict[str, list[Timing]], baseline: Path | None) -> list[str]:
    if baseline is None or BASELINE not in timings:
        return []
    pairs = list(zip(timings["redact --check"], timings[BASELINE], strict=True))
    wall = _median([b.wall - c.wall for c, b in pairs])
    cpu = _median([b.cpu - c.cpu for c, b in pairs])
    share = _median([(b.cpu - c.cpu) / b.cpu for c, b in pairs])
    return [
        f"- Against the baseline checkout ({baseline.resolve().name}), `redact --check` in "
        f"the same rounds, each round's own difference: **{wall:.2f} s** wall, "
        f"{cpu:.2f} s CPU less ({share:.0%} of the baseline's CPU time)."
    ]


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help=f"rounds (at least {MIN_RUNS})")
    parser.add_argument("--src", type=Path, default=None, help="another checkout to measure")
    parser.add_argument(
        "--baseline",
        type=Path,
        default=None,
        help="a checkout whose `redact --check` runs in the same rounds, to compare",
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--json", type=Path, default=None, help="also write the raw timings")
    parser.add_argument(
        "--tiny", action="store_true", help="one round, for the test suite (not a figure)"
    )
    args = parser.parse_args(argv)
    if args.runs < MIN_RUNS and not args.tiny:
        parser.error(f"--runs must be at least {MIN_RUNS}")
    if args.tiny:
        args.runs = 1
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv))
    python = sys.executable
    script = Path(python).with_name("redact")
    redact = (str(script),) if script.exists() else (python, "-m", "phimin.cli")
    env = dict(os.environ)
    src = "this checkout"
    if args.src is not None:
        root = args.src.resolve()
        env["PYTHONPATH"] = os.pathsep.join([str(root / "src"), env.get("PYTHONPATH", "")])
        src = f"the checkout at {root}"
    excluded = excluded_for_ner()
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        env["PHIMIN_CACHE_DIR"] = str(cache)
        cmds = commands(python, redact, excluded, args.baseline)
        compile_bytecode(python, env)
        if args.baseline is not None:
            compile_bytecode(python, {**env, "PYTHONPATH": str(args.baseline / "src")})
        loads_before = os.getloadavg()
        timings = measure(cmds, args.runs, env, cache)
        loads_after = os.getloadavg()
    text = report(timings, args.runs, (loads_before, loads_after), src, excluded, args.baseline)
    if args.json is not None:
        raw = {k: [[t.wall, t.cpu] for t in v] for k, v in timings.items()}
        args.json.write_text(json.dumps(raw) + "\n", encoding="utf-8")
    write_report(args.out, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
