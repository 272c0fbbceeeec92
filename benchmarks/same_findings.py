"""Does a change alter what phimin finds? Snapshot every corpus's findings, then compare.

    python benchmarks/same_findings.py snapshot OUT.json [--data PATH] [--limit N]
    python benchmarks/same_findings.py compare BEFORE.json AFTER.json [--same NEW=OLD ...]
        [--out REPORT.md] [--note TEXT ...]

`snapshot` redacts every text of every corpus in ../shared/data (PhysioNet, synth,
AnnoMI, counsel_chat, ACI-Bench) with the `safe-harbor` and `strict` presets and writes,
per text, its findings (offsets, entity, category, rule id, action, score) and a digest
of the output text. Keep snapshots outside the repository: offsets into the corpora are
not PHI, but they belong with the data. `compare` reports every text whose findings or
output changed; `--same NEW=OLD` counts a rule id of the later snapshot as an id of the
earlier one (a rule a refactor renamed, or split out of another), so a rename alone is
not a change. Exit code 0 when identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import phimin
from benchmarks import corpora
from benchmarks.engines import machine_info

POLICIES = ("safe-harbor", "strict")


def corpus_texts(
    root: Path, limit: int | None, only: Sequence[str] = ()
) -> Iterator[tuple[str, list[str]]]:
    loaders = {
        "physionet": lambda: [d.text for d in corpora.load_physionet(root, limit)],
        "synth": lambda: [d.text for d in corpora.load_synth(root, limit)],
        "annomi": lambda: corpora.load_annomi_sessions(root, limit),
        "counsel": lambda: corpora.load_counsel_answers(root, limit),
        "aci_bench": lambda: [d.text for d in corpora.load_aci_bench(root, limit=limit)],
    }
    for name, load in loaders.items():
        if only and name not in only:
            continue
        try:
            yield name, load()
        except corpora.Skip as skip:
            print(f"skipped {name}: {skip}", file=sys.stderr)


def _row(f: phimin.Finding) -> list[object]:
    score = round(f.score, 4)
    return [f.start, f.end, f.entity, f.category.value, f.rule_id, f.action.value, score]


def snapshot(out: Path, root: Path, limit: int | None, only: Sequence[str] = ()) -> int:
    redactor = phimin.Redactor()
    result: dict[str, object] = {"machine": machine_info(), "corpora": {}}
    for name, texts in corpus_texts(root, limit, only):
        started = time.perf_counter()
        per_policy = {}
        for policy in POLICIES:
            rows = []
            for r in redactor.redact_many(texts, policy=policy):
                rows.append(
                    {
                        "output": hashlib.sha256(r.text.encode("utf-8")).hexdigest()[:16],
                        "findings": [_row(f) for f in r.findings],
                    }
                )
            per_policy[policy] = rows
        result["corpora"][name] = per_policy  # type: ignore[index]
        seconds = time.perf_counter() - started
        print(f"{name}: {len(texts)} texts, {seconds:.0f} s", file=sys.stderr)
    out.write_text(json.dumps(result), encoding="utf-8")
    return 0


def compare(
    before: Path,
    after: Path,
    renames: dict[str, str],
    only_common: bool = False,
    out: Path | None = None,
    notes: Sequence[str] = (),
) -> int:
    a_all = json.loads(before.read_text(encoding="utf-8"))
    b_all = json.loads(after.read_text(encoding="utf-8"))
    a, b = a_all["corpora"], b_all["corpora"]
    lines: list[str] = []

    def say(line: str) -> None:  # to stdout and, with `out`, to the report
        lines.append(line)
        sys.stdout.write(line + "\n")

    changed = 0
    texts = 0
    kinds: Counter[str] = Counter()
    for name in sorted(set(a) & set(b)) if only_common else sorted(set(a) | set(b)):
        if name not in a or name not in b:
            say(f"{name}: only in one snapshot")
            changed += 1
            continue
        for policy in POLICIES:
            for i, (x, y) in enumerate(zip(a[name][policy], b[name][policy], strict=True)):
                texts += 1
                old = x["findings"]
                later = [[*f[:4], renames.get(f[4], f[4]), *f[5:]] for f in y["findings"]]
                if old == later and x["output"] == y["output"]:
                    continue
                changed += 1
                gone = [f for f in old if f not in later]
                new = [f for f in later if f not in old]
                for f in gone:
                    kinds[f"- {f[2]} {f[4]} {f[5]}"] += 1
                for f in new:
                    kinds[f"+ {f[2]} {f[4]} {f[5]}"] += 1
                if not gone and not new:
                    kinds["output text differs, findings equal"] += 1
                if changed <= 20:
                    say(f"{name} [{policy}] text {i}: -{gone} +{new}")
    say(f"{texts} text-policy pairs compared; {changed} differ")
    for kind, n in kinds.most_common(40):
        say(f"  {n:5d}  {kind}")
    if out is not None:
        out.write_text(_report(before, after, a_all, b_all, lines, notes), encoding="utf-8")
    return 0 if changed == 0 else 1


def _report(
    before: Path,
    after: Path,
    a: dict[str, object],
    b: dict[str, object],
    lines: list[str],
    notes: Sequence[str],
) -> str:
    """A Markdown record of one comparison: what was compared, where, and the outcome.
    (Offsets and rule ids only: the snapshots hold no text of the corpora.)"""

    def machine(snapshot: dict[str, object]) -> str:
        info = snapshot.get("machine") or {}
        return ", ".join(f"{k} {v}" for k, v in info.items())  # type: ignore[attr-defined]

    sizes = {name: len(v["safe-harbor"]) for name, v in b["corpora"].items()}  # type: ignore[attr-defined]
    return "\n".join(
        [
            "# Same findings: one snapshot of every corpus against another",
            "",
            "Generated by `python benchmarks/same_findings.py compare BEFORE AFTER --out FILE`;"
            " do not edit by hand.",
            "",
            f"- before: `{before.name}`: {machine(a)}",
            f"- after: `{after.name}`: {machine(b)}",
            f"- texts per corpus: {', '.join(f'{k} {v}' for k, v in sizes.items())};"
            f" policies {', '.join(POLICIES)}",
            "",
            "Per text and policy, the findings (offsets, entity, category, rule id, action,"
            " score) and a SHA-256 of the output text are compared.",
            "",
            *(f"- {note}" for note in notes),
            *([""] if notes else []),
            "```",
            *lines,
            "```",
            "",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot")
    snap.add_argument("out", type=Path)
    snap.add_argument("--data", type=Path, default=None)
    snap.add_argument("--limit", type=int, default=None)
    snap.add_argument("--only", default="", help="comma-separated corpora (default: all)")
    cmp_ = sub.add_parser("compare")
    cmp_.add_argument("before", type=Path)
    cmp_.add_argument("after", type=Path)
    cmp_.add_argument("--same", action="append", default=[], metavar="NEW=OLD")
    cmp_.add_argument(
        "--common", action="store_true", help="compare only the corpora in both snapshots"
    )
    cmp_.add_argument("--out", type=Path, default=None, help="also write a Markdown report")
    cmp_.add_argument("--note", action="append", default=[], help="a line for the report")
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        only = [p for p in args.only.split(",") if p]
        return snapshot(args.out, corpora.data_root(args.data), args.limit, only)
    renames = dict(r.split("=", 1) for r in args.same)
    return compare(args.before, args.after, renames, args.common, args.out, args.note)


if __name__ == "__main__":
    raise SystemExit(main())
