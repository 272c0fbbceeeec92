"""What one run of `redact` will do: flags merged over the config file, checked once.

Flags win over the config file. Combinations that make no sense are usage errors
here, before any input is read, any vault is opened or the model is loaded.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from phimin.cli.baseline import DEFAULT_BASELINE
from phimin.cli.config import WORKERS_FROM, FileConfig
from phimin.cli.errors import UsageError
from phimin.cli.streams import STDIN

if TYPE_CHECKING:
    from phimin._policy import Policy
    from phimin._redactor import Redactor

__all__ = ["RedactorFactory", "RedactorSpec", "Settings", "resolve"]


@dataclass(frozen=True)
class RedactorSpec:
    """The Redactor a run needs.

    `policy` is None when the run passes its policy with every call (filter, check);
    a vault run sets it, because a `Session` redacts with its Redactor's own policy.
    """

    model: str | None = None
    workers: int = 1
    policy: Policy | None = None
    # keyed placeholders (--pseudonym-key-file); a secret, so never in a repr
    pseudonym_key: bytes | None = field(default=None, repr=False)
    workers_from: int = WORKERS_FROM  # characters read before the workers start


# Builds the one Redactor of a run. The run closes it (stopping any worker processes)
# when it ends, whether it succeeded or not.
RedactorFactory = Callable[[RedactorSpec], "Redactor"]

# Flags that only redaction uses: refused with --restore and --new-vault-key when given
# on the command line (config-file values for them are simply not used there).
# (--report, --format and --jsonl serve --restore too; --new-vault-key refuses them.)
_REDACTION_FLAGS = (
    ("policy", "--policy"),
    ("keep", "--keep"),
    ("model", "--model"),
    ("workers", "--workers"),
    ("workers_from", "--workers-from"),
    ("explain", "--explain"),
    ("check", "--check"),
    ("update_baseline", "--update-baseline"),
    ("threshold", "--threshold"),
    ("baseline", "--baseline"),
    ("in_place", "--in-place"),
    ("one_session", "--one-session"),
    ("jsonl_fields", "--jsonl-fields"),
    ("pseudonym_key_file", "--pseudonym-key-file"),
    ("subject", "--subject"),
    ("subject_field", "--subject-field"),
)


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
    workers: int = 1
    workers_from: int = WORKERS_FROM
    vault: Path | None = None
    vault_key_file: Path | None = None
    restore: bool = False
    keep_generalized: bool = False  # --restore: leave generalized wordings as written
    strict: bool = False
    new_vault_key: bool = False
    # jsonl: the top-level fields to redact; None redacts every string in the record.
    jsonl_fields: tuple[str, ...] | None = None
    # keyed placeholders: the same value, the same placeholder in every run with the key
    pseudonym_key_file: Path | None = None
    # every input and record of the run is one session: one placeholder numbering
    one_session: bool = False
    # with a key: whose text the input is (--subject), or the jsonl field that says so
    subject: str | None = field(default=None, repr=False)
    subject_field: str | None = None

    @property
    def show_info(self) -> bool:
        return not self.quiet


def resolve(args: argparse.Namespace, config: FileConfig) -> Settings:
    if args.new_vault_key:
        return _new_vault_key(args, config)
    _check_vault_flags(args)
    check = bool(args.check or args.update_baseline)
    inputs = tuple(args.files) or ((STDIN,) if not check else ())
    fmt = "jsonl" if args.jsonl else (args.format or config.get("format") or "text")
    if args.jsonl and args.format not in (None, "jsonl"):
        raise UsageError("--jsonl is --format jsonl; give one of them")
    if args.restore:
        # A config file's format is for redaction: restore writes text unless asked.
        fmt = "jsonl" if args.jsonl else (args.format or "text")

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

    _check_subject_flags(args, fmt)
    jsonl_fields = _jsonl_fields(args.jsonl_fields, fmt)
    if jsonl_fields is None and fmt == "jsonl":
        jsonl_fields = config.get("jsonl_fields")

    baseline_value = args.baseline or config.get("baseline")
    baseline = Path(baseline_value) if baseline_value else Path(DEFAULT_BASELINE)
    threshold = args.threshold if args.threshold is not None else config.get("threshold")
    workers = args.workers if args.workers is not None else config.get("workers")
    workers_from = args.workers_from
    if workers_from is None:
        workers_from = config.get("workers_from")
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
        workers=1 if args.restore else int(workers or 1),
        workers_from=WORKERS_FROM if workers_from is None else int(workers_from),
        vault=args.vault,
        vault_key_file=args.vault_key_file,
        restore=bool(args.restore),
        keep_generalized=bool(args.keep_generalized),
        strict=bool(args.strict),
        jsonl_fields=jsonl_fields,
        pseudonym_key_file=args.pseudonym_key_file,
        one_session=bool(args.one_session),
        subject=args.subject,
        subject_field=args.subject_field,
    )


def _check_subject_flags(args: argparse.Namespace, fmt: str) -> None:
    """--subject and --subject-field name whose text it is, for a keyed date offset."""
    for flag, value in (("--subject", args.subject), ("--subject-field", args.subject_field)):
        if value is None:
            continue
        if args.pseudonym_key_file is None:
            raise UsageError(f"{flag} goes with --pseudonym-key-file (it picks a keyed offset)")
        if not value.strip():
            raise UsageError(f"{flag} needs a non-blank value")
    if args.subject_field is not None:
        if fmt != "jsonl":
            raise UsageError("--subject-field applies to --format jsonl only")
        if args.subject is not None:
            raise UsageError("--subject and --subject-field exclude each other; give one")
        if args.one_session:
            raise UsageError("--one-session is one conversation about one person: use --subject")


def _jsonl_fields(values: list[str] | None, fmt: str) -> tuple[str, ...] | None:
    """`--jsonl-fields a,b --jsonl-fields c` as ("a", "b", "c"); None when not given."""
    if values is None:
        return None
    if fmt != "jsonl":
        raise UsageError("--jsonl-fields applies to --format jsonl only")
    names = [name.strip() for value in values for name in value.split(",")]
    if not all(names):
        raise UsageError("--jsonl-fields takes field names separated by commas, e.g. text,summary")
    return tuple(dict.fromkeys(names))


def _check_vault_flags(args: argparse.Namespace) -> None:
    if args.vault_key_file is not None and args.vault is None:
        raise UsageError("--vault-key-file goes with --vault FILE")
    if args.restore:
        if args.vault is None:
            raise UsageError("--restore needs --vault FILE (the vault the text was redacted with)")
        given = _given(args, _REDACTION_FLAGS)
        if given:
            raise UsageError(f"{given[0]} applies to redaction, not --restore")
        if args.keep_generalized and args.sensitive:
            raise UsageError(
                "--sensitive (restore generalized content, the default now) and "
                "--keep-generalized contradict each other; give one"
            )
        return
    for flag in ("sensitive", "keep_generalized", "strict"):
        if getattr(args, flag):
            raise UsageError(f"--{flag.replace('_', '-')} applies to --restore only")
    if args.vault is not None and (args.check or args.update_baseline):
        raise UsageError(
            "--check reports findings and writes no text, so there is nothing to record in "
            "a vault; drop --vault"
        )
    if args.one_session:
        if args.vault is not None:
            raise UsageError("--vault keeps one session already; drop --one-session")
        if args.check or args.update_baseline:
            raise UsageError("--check writes no text; --one-session does not apply")
    if args.pseudonym_key_file is not None:
        if args.vault is not None:
            raise UsageError(
                "--pseudonym-key-file and --vault exclude each other: a vault numbers one "
                "conversation and restores it; a key makes placeholders agree across runs"
            )
        if args.check or args.update_baseline:
            raise UsageError("--check writes no text; --pseudonym-key-file does not apply")


def _new_vault_key(args: argparse.Namespace, config: FileConfig) -> Settings:
    others = (
        ("files", "FILE"),
        ("vault", "--vault"),
        ("vault_key_file", "--vault-key-file"),
        ("restore", "--restore"),
        ("sensitive", "--sensitive"),
        ("keep_generalized", "--keep-generalized"),
        ("strict", "--strict"),
        ("format", "--format"),
        ("jsonl", "--jsonl"),
        ("report", "--report"),
        *_REDACTION_FLAGS,
    )
    given = _given(args, others)
    if given:
        raise UsageError(f"--new-vault-key prints a key and does nothing else; drop {given[0]}")
    return Settings(
        inputs=(),
        output=args.output,
        in_place=False,
        policy=None,
        keep=(),
        model=None,
        format="text",
        report=None,
        explain=False,
        quiet=bool(args.quiet or config.get("quiet")),
        check=False,
        threshold=None,
        baseline=None,
        baseline_required=False,
        update_baseline=False,
        config=config.path,
        new_vault_key=True,
    )


def _given(args: argparse.Namespace, flags: tuple[tuple[str, str], ...]) -> list[str]:
    return [flag for dest, flag in flags if getattr(args, dest) not in (None, False, [])]


def _refuse_overwriting_input(output: Path, files: list[str]) -> None:
    if not output.exists():
        return
    for name in files:
        if name != STDIN and os.path.exists(name) and os.path.samefile(name, output):
            raise UsageError(f"-o {output} is also an input; use --in-place to rewrite a file")
