"""Run phimin's fuzz harnesses, one after the other, and print what they found.

    python fuzz/run.py --seconds 60                  # every harness, 60 s each
    python fuzz/run.py --seconds 300 --only cli      # one harness
    python fuzz/run.py --seconds 300 --record        # also update fuzz/RESULTS.md

Each harness runs under libFuzzer (atheris) in its own process, from a fresh corpus
seeded with synthetic inputs. The summary gives executions, crashes and leaks per
harness; inputs behind findings are kept in --artifacts (outside the repository by
default) and never printed. Exit status: 0 if nothing was found, 1 otherwise.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
HARNESSES = {"cli": HERE / "fuzz_cli.py", "rules": HERE / "fuzz_rules.py"}
sys.path.insert(0, str(HERE))
from seeds import cli_seeds, rules_seeds  # noqa: E402

SEEDS = {"cli": cli_seeds, "rules": rules_seeds}
# libFuzzer limits: inputs up to 8 KiB; one input may take 60 s before it counts as a hang.
LIBFUZZER = ["-max_len=8192", "-timeout=60", "-rss_limit_mb=4096", "-print_final_stats=1"]
_EXECUTED = re.compile(r"stat::number_of_executed_units:\s*(\d+)")
_DONE = re.compile(r"Done (\d+) runs")


def run_one(name: str, seconds: int, artifacts: Path, work: Path) -> dict[str, object]:
    harness = HARNESSES[name]
    corpus = work / f"corpus-{name}"
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(SEEDS[name]()):
        (corpus / f"seed-{i}").write_bytes(seed)
    stats = work / f"stats-{name}.json"
    env = {
        **os.environ,
        "PHIMIN_FUZZ_STATS": str(stats),
        "PHIMIN_FUZZ_ARTIFACTS": str(artifacts / name),
        "OMP_NUM_THREADS": "1",
    }
    command = [
        sys.executable,
        str(harness),
        str(corpus),
        f"-max_total_time={seconds}",
        f"-artifact_prefix={artifacts / name}{os.sep}",
        *LIBFUZZER,
    ]
    (artifacts / name).mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    log = work / f"libfuzzer-{name}.log"
    with log.open("wb") as sink:
        proc = subprocess.run(command, stdout=sink, stderr=subprocess.STDOUT, env=env, check=False)
    elapsed = time.monotonic() - started
    text = log.read_text(encoding="utf-8", errors="replace")
    counted = json.loads(stats.read_text(encoding="utf-8")) if stats.exists() else {}
    executed = _EXECUTED.findall(text) or _DONE.findall(text)
    executions = int(executed[-1]) if executed else int(counted.get("executions", 0))
    # libFuzzer itself stops on what the harness cannot catch (a hang, memory, a signal).
    aborted = proc.returncode != 0
    return {
        "harness": name,
        "seconds": round(elapsed),
        "executions": executions,
        "crashes": int(counted.get("crashes", 0)) + (1 if aborted else 0),
        "leaks": int(counted.get("leaks", 0)),
        "outcomes": counted.get("outcomes", {}),
        "findings": counted.get("findings", []),
        "libfuzzer_exit": proc.returncode,
        "log": str(log),
    }


def summary(results: Sequence[dict[str, object]]) -> str:
    lines = [f"{'harness':<8} {'seconds':>8} {'executions':>11} {'crashes':>8} {'leaks':>6}"]
    for r in results:
        lines.append(
            f"{r['harness']!s:<8} {r['seconds']!s:>8} {r['executions']!s:>11} "
            f"{r['crashes']!s:>8} {r['leaks']!s:>6}"
        )
        for f in r["findings"]:  # type: ignore[attr-defined]
            lines.append(f"  {f['kind']} x{f['count']}: {f['detail']}  [first input: {f['input']}]")
        if r["libfuzzer_exit"]:
            lines.append(f"  libFuzzer stopped with status {r['libfuzzer_exit']}; see {r['log']}")
    return "\n".join(lines)


def _commit() -> str:
    """The commit fuzzed (short hash, "+" when the checkout had changes), or "-"."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=HERE.parent,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src", "rules"],
            cwd=HERE.parent,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "-"
    return head + ("+" if dirty else "")


def record(results: Sequence[dict[str, object]], seconds: int) -> None:
    """Append the counts (never inputs) to fuzz/results.json and rewrite fuzz/RESULTS.md."""
    from phimin import __version__

    path = HERE / "results.json"
    history = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    stamp = time.strftime("%Y-%m-%d", time.gmtime())
    commit = _commit()
    for r in results:
        history.append(
            {
                "date": stamp,
                "phimin": __version__,
                "commit": commit,
                "harness": r["harness"],
                "seconds": r["seconds"],
                "executions": r["executions"],
                "crashes": r["crashes"],
                "leaks": r["leaks"],
                "outcomes": r["outcomes"],
                # what and where (file:line, flags), never the input
                "distinct": [f"{f['kind']}: {f['detail']}" for f in r["findings"]],  # type: ignore[attr-defined]
            }
        )
    path.write_text(json.dumps(history, indent=2) + "\n", encoding="utf-8")
    rows = "\n".join(
        f"| {h['date']} | {h.get('commit', '-')} | {h['harness']} | {h['seconds']} | "
        f"{h['executions']} | "
        f"{h['crashes']} | {h['leaks']} | {'; '.join(h.get('distinct', [])) or '-'} |"
        for h in history
    )
    (HERE / "RESULTS.md").write_text(
        "# Fuzzing results\n\n"
        "Counts only: inputs behind findings are never committed (they may hold the\n"
        "planted canaries). Crashes and leaks count inputs; each distinct finding is\n"
        "named by where it happened. Recorded by `python fuzz/run.py --seconds N\n"
        "--record`; the same figures are in `results.json`. Each row is one run, on\n"
        "the date and at the commit shown; the test suite does not fuzz, and does not\n"
        "repeat these figures as its own.\n\n"
        "| date | commit | harness | seconds | executions | crashes | leaks | distinct findings |\n"
        "|------|--------|---------|--------:|-----------:|--------:|------:|-------------------|\n"
        f"{rows}\n",
        encoding="utf-8",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="per harness (default 60)")
    parser.add_argument("--only", choices=sorted(HARNESSES), action="append", help="harness")
    parser.add_argument("--artifacts", type=Path, help="where finding inputs go (default: temp)")
    parser.add_argument("--record", action="store_true", help="update fuzz/RESULTS.md")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("atheris") is None:
        print("atheris is not installed: pip install 'phimin[fuzz]'", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="phimin-fuzz-"))
    artifacts = args.artifacts or work / "findings"
    results = []
    for name in args.only or sorted(HARNESSES):
        print(f"fuzzing {name} for {args.seconds} s ...", flush=True)
        results.append(run_one(name, args.seconds, artifacts, work))
    print(summary(results))
    print(f"finding inputs (if any): {artifacts}")
    if args.record:
        record(results, args.seconds)
    return 1 if any(r["crashes"] or r["leaks"] for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
