"""What one run of `redact` will do: flags merged over the config file, checked once.

Flags win over the config file. Combinations that make no sense are usage errors
here, before any input is read or the model is loaded.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from phimin.cli.baseline import DEFAULT_BASELINE
from phimin.cli.config import FileConfig
from phimin.cli.errors import UsageError
from phimin.cli.streams import STDIN

if TYPE_CHECKING:
    from phimin._redactor import Redactor

__all__ = ["RedactorFactory", "Settings", "resolve"]

# Builds the one Redactor of a run from a model name (None: the default model).
RedactorFactory = Callable[[str | None], "Redactor"]


@dataclass(frozen=True)
class Settings:
    inputs: tuple[str, ...]
    output: Path | None
    in_place: bool
    policy: str | None
    keep: tuple[str, ...]
    model: str | None
    format: str
    report: Path | None
    explain: bool
    quiet: bool
    check: bool
    threshold: float | None
    baseline: Path | None
    baseline_required: bool  # named by flag or config: it must exist unless being written
    update_baseline: bool
    config: Path | None

    @property
    def show_info(self) -> bool:
        return not self.quiet


def resolve(args: argparse.Namespace, config: FileConfig) -> Settings:
    check = bool(args.check or args.update_baseline)
    inputs = tuple(args.files) or ((STDIN,) if not check else ())
    fmt = "jsonl" if args.jsonl else (args.format or config.get("format") or "text")
    if args.jsonl and args.format not in (None, "jsonl"):
        raise UsageError("--jsonl is --format jsonl; give one of them")

    if args.in_place:
        if args.output is not None:
            raise UsageError("--in-place and -o/--output exclude each other")
        if not args.files or STDIN in args.files:
            raise UsageError("--in-place needs file names (stdin cannot be edited in place)")
        if fmt == "json":
            raise UsageError("--in-place works with --format text or jsonl, not json")
    if args.output is not None:
        _refuse_overwriting_input(args.output, args.files)

    if check:
        if not inputs:
            raise UsageError("--check needs at least one PATH")
        if args.output is not None or args.in_place:
            raise UsageError("--check reads files and writes no text; drop -o/--in-place")
        if args.update_baseline and STDIN in inputs:
            raise UsageError("--update-baseline needs file names, not stdin")
        if args.format not in (None, "text") or args.jsonl:
            raise UsageError("--check prints path:line:col lines; --format does not apply")
        fmt = "text"
    else:
        if args.threshold is not None:
            raise UsageError("--threshold applies to --check only")
        if args.baseline is not None:
            raise UsageError("--baseline applies to --check only")

    baseline_value = args.baseline or config.get("baseline")
    baseline = Path(baseline_value) if baseline_value else Path(DEFAULT_BASELINE)
    threshold = args.threshold if args.threshold is not None else config.get("threshold")
    return Settings(
        inputs=inputs,
        output=args.output,
        in_place=bool(args.in_place),
        policy=args.policy or config.get("policy"),
        keep=tuple(args.keep) if args.keep else tuple(config.get("keep") or ()),
        model=args.model or config.get("model"),
        format=fmt,
        report=args.report,
        explain=bool(args.explain),
        quiet=bool(args.quiet or config.get("quiet")),
        check=check,
        threshold=threshold if check else None,
        baseline=baseline if check else None,
        baseline_required=bool(baseline_value),
        update_baseline=bool(args.update_baseline),
        config=config.path,
    )


def _refuse_overwriting_input(output: Path, files: list[str]) -> None:
    if not output.exists():
        return
    for name in files:
        if name != STDIN and os.path.exists(name) and os.path.samefile(name, output):
            raise UsageError(f"-o {output} is also an input; use --in-place to rewrite a file")
