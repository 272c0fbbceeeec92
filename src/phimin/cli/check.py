"""`redact --check PATH...`: report PHI in files, for pre-commit; exit 1 if any.

Each finding the policy would change (action other than keep) and that scores at
least `--threshold` is reported as `path:line:col: RULE_ID ENTITY (category)`, never
with its text, unless a `phimin: allow RULE_ID` pragma on its line or the baseline
allows it, or it is phimin's own name or repository URL (in the hook's configuration).
Unused pragmas are reported too: a stale pragma would silently allow a future finding
on its line. All files share one Redactor (one model load).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from phimin._errors import InputError
from phimin._findings import Action, Finding
from phimin._policy import Policy
from phimin._redactor import Redactor
from phimin.cli.baseline import Baseline, Entry
from phimin.cli.document import redact_document
from phimin.cli.errors import ConfigError
from phimin.cli.exit_codes import ExitCode
from phimin.cli.explain import Explainer
from phimin.cli.policy import policy_for
from phimin.cli.positions import Located
from phimin.cli.pragmas import PRAGMA_HELP, Pragma, PragmaScanner
from phimin.cli.progress import counting, progress_for
from phimin.cli.report import AuditReport
from phimin.cli.settings import RedactorFactory, RedactorSpec, Settings
from phimin.cli.streams import (
    STDIN,
    Streams,
    check_readable,
    decode_utf8,
    display_name,
    input_size,
    open_input,
    read_blocks,
)

__all__ = ["Outcome", "run_check"]


class Outcome:
    """What check mode made of one finding (as written in the report)."""

    REPORTED = "reported"
    PRAGMA = "allowed-by-pragma"
    BASELINE = "allowed-by-baseline"
    BELOW_THRESHOLD = "below-threshold"
    KEPT = "kept-by-policy"
    OWN_NAME = "phimin-itself"


# The tool's own name and repository, as its hook configuration writes them ("id:
# phimin", "name: phimin (PHI in note drafts)", ".phimin-baseline.json", "repo:
# https://github.com/phimin/phimin"): never a person or a patient's URL, so the README's
# `.pre-commit-config.yaml`, committed beside the drafts, passes its own hook.
_OWN_NAMES = frozenset({"phimin", "https://github.com/phimin/phimin"})


def _is_own_name(text: str) -> bool:
    """Whether a finding's text is phimin's name or its repository's URL, as written."""
    return text.casefold().removesuffix("/").removesuffix(".git") in _OWN_NAMES


@dataclass(frozen=True)
class FileResult:
    name: str
    key: str
    located: tuple[Located, ...]
    outcomes: tuple[str, ...]
    unused: tuple[tuple[Pragma, str], ...]

    def problems(self) -> list[str]:
        lines: list[tuple[int, int, str]] = []
        for loc, outcome in zip(self.located, self.outcomes, strict=True):
            if outcome == Outcome.REPORTED:
                f = loc.finding
                lines.append((loc.line, loc.col, f"{f.rule_id} {f.entity} ({f.category.value})"))
        for pragma, rule_id in self.unused:
            lines.append(
                (
                    pragma.line,
                    pragma.col,
                    f"unused pragma 'phimin: allow {rule_id}' (no such finding on this line)",
                )
            )
        return [f"{self.name}:{line}:{col}: {text}" for line, col, text in sorted(lines)]


class _Checker:
    def __init__(self, settings: Settings, io: Streams, factory: RedactorFactory) -> None:
        self.settings = settings
        self.io = io
        self.policy: Policy = policy_for(settings)
        self.baseline = _baseline(settings)
        check_readable(settings.inputs)  # a typo'd path fails before the model loads
        self.redactor: Redactor = factory(
            RedactorSpec(settings.model, settings.workers, workers_from=settings.workers_from)
        )
        self.explainer = Explainer(io.stderr, self.policy) if settings.explain else None

    def blocking(self, f: Finding) -> bool:
        threshold = self.settings.threshold
        return f.action is not Action.KEEP and (threshold is None or f.score >= threshold)

    def check(self, source: str) -> FileResult:
        name = display_name(source)
        baseline = self.baseline
        key = baseline.key(source) if baseline is not None and source != STDIN else name
        updating = self.settings.update_baseline

        own: set[tuple[int, int]] = set()  # spans that are phimin's name or URL, no more

        def fingerprint(f: Finding, text: str) -> str | None:
            if _is_own_name(text):
                own.add((f.start, f.end))
                return None
            if baseline is None or not self.blocking(f):
                return None
            if updating or baseline.knows(key, f.rule_id):
                return baseline.fingerprint(text)
            return None

        scanner = PragmaScanner()
        located: list[Located] = []
        with open_input(source, self.io.stdin) as handle:
            progress = progress_for(
                name,
                input_size(handle),
                enabled=self.io.stderr_is_tty and not self.settings.quiet,
                stream=self.io.stderr,
            )
            try:
                blocks = decode_utf8(counting(read_blocks(handle), progress), source)
                for piece in redact_document(
                    self.redactor,
                    self.policy,
                    blocks,
                    fingerprint=fingerprint,
                    observers=(scanner.feed,),
                ):
                    located.extend(piece.located)
                    if self.explainer is not None and piece.located:
                        self.explainer.rows(name, piece.located)
            finally:
                progress.close()
        pragmas = scanner.finish()
        outcomes = tuple(
            Outcome.OWN_NAME
            if (loc.finding.start, loc.finding.end) in own
            else self._outcome(loc, key, pragmas)
            for loc in located
        )
        unused = tuple(
            (p, rule_id) for line in sorted(pragmas) for p in pragmas[line] for rule_id in p.unused
        )
        return FileResult(name, key, tuple(located), outcomes, unused)

    def _outcome(self, loc: Located, key: str, pragmas: dict[int, list[Pragma]]) -> str:
        f = loc.finding
        if f.action is Action.KEEP:
            return Outcome.KEPT
        if not self.blocking(f):
            return Outcome.BELOW_THRESHOLD
        for pragma in pragmas.get(loc.line, ()):
            if f.rule_id in pragma.rule_ids:
                pragma.used.add(f.rule_id)
                return Outcome.PRAGMA
        if self.baseline is not None and self.baseline.allows(key, f.rule_id, loc.fingerprint):
            return Outcome.BASELINE
        return Outcome.REPORTED


def run_check(settings: Settings, io: Streams, factory: RedactorFactory) -> int:
    checker = _Checker(settings, io, factory)
    results: list[FileResult] = []
    unreadable = 0
    for source in settings.inputs:
        try:
            results.append(checker.check(source))
        except InputError as exc:  # report it, check the other files, fail at the end
            unreadable += 1
            io.stderr.write(f"redact: error: {exc}\n")
    if checker.explainer is not None:
        checker.explainer.finish()
    if settings.report is not None:
        report = AuditReport(mode="check", policy=checker.policy.name, model=settings.model)
        for r in results:
            report.add(r.name, r.located, outcomes=r.outcomes)
        report.write(settings.report)
    if settings.update_baseline:
        if unreadable:
            io.stderr.write("redact: error: baseline not written: some files could not be read\n")
            return ExitCode.USAGE
        return _update_baseline(checker, results, io.stderr)
    problems = [line for r in results for line in r.problems()]
    out = io.stdout
    for line in problems:
        out.write((line + "\n").encode("utf-8"))
    if problems and settings.show_info:
        out.write(_hint(results).encode("utf-8"))
    out.flush()
    if unreadable:
        return ExitCode.USAGE
    return ExitCode.FINDINGS if problems else ExitCode.OK


def _baseline(settings: Settings) -> Baseline | None:
    path = settings.baseline
    if path is None:
        return None
    if path.exists():
        return Baseline.load(path)
    if settings.update_baseline:
        return Baseline.create(path)
    if settings.baseline_required:
        raise ConfigError(f"baseline {path} not found (create it with --update-baseline)")
    return None


def _update_baseline(checker: _Checker, results: Sequence[FileResult], stderr: TextIO) -> int:
    baseline = checker.baseline
    assert baseline is not None  # created by _baseline when updating
    entries = [
        Entry(r.key, loc.finding.rule_id, loc.finding.entity, loc.fingerprint)
        for r in results
        for loc, outcome in zip(r.located, r.outcomes, strict=True)
        if outcome in (Outcome.REPORTED, Outcome.BASELINE) and loc.fingerprint is not None
    ]
    updated = baseline.replacing((r.key for r in results), entries)
    updated.write()
    if checker.settings.show_info:
        stderr.write(
            f"redact: baseline {baseline.path} updated: {len(updated.entries)} entries "
            f"({len(entries)} from {len(results)} file(s) checked now)\n"
        )
    return ExitCode.OK


def _hint(results: Sequence[FileResult]) -> str:
    findings = sum(r.outcomes.count(Outcome.REPORTED) for r in results)
    files = sum(1 for r in results if Outcome.REPORTED in r.outcomes)
    unused = sum(len(r.unused) for r in results)
    lines = []
    if findings:
        lines += [
            f"phimin: {findings} possible PHI finding(s) in {files} file(s); "
            "the matched text is not shown.",
            "  Rewrite or remove them. If one is not PHI, allow it with a comment on its line:",
            f"    {PRAGMA_HELP}",
            "  or accept every current finding: redact --check --update-baseline FILE...",
        ]
    if unused:
        lines.append(
            f"phimin: {unused} unused pragma(s): remove them, or they would allow a future "
            "finding on their line."
        )
    return "\n".join(lines) + "\n"
