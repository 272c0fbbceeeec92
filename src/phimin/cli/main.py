"""`redact`: strip PHI from text on its way to an LLM, or check files before a commit.

    redact < session.txt > safe.txt
    redact --check notes/*.md          # for pre-commit
    redact --vault client.vault < turn.txt | llm ... | redact --restore --vault client.vault

`main(argv) -> int` parses flags, merges the config file, runs one command and maps
every error to a documented exit code (`phimin.cli.exit_codes`). Help and usage
errors never load the model: the library is imported only inside the command path.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from phimin.cli.config import FORMATS, MAX_WORKERS, WORKERS_FROM, load_config
from phimin.cli.errors import ConfigError, OutputError, UsageError
from phimin.cli.exit_codes import ExitCode
from phimin.cli.settings import RedactorFactory, RedactorSpec, Settings, resolve
from phimin.cli.streams import Streams
from phimin.cli.version import tool_version

if TYPE_CHECKING:
    from phimin._redactor import Redactor

__all__ = ["RedactorFactory", "RedactorSpec", "build_parser", "entry", "main"]

_EPILOG = """\
exit codes: 0 success; 1 findings (check mode), or text left unrestored (--restore
--strict); 2 usage, configuration, input, model, output or vault error (a bad flag,
policy or config; an unreadable or non-UTF-8 input; a model that is not installed;
an -o, --report or baseline path that cannot be written, checked before any text is
written; no key, wrong key, damaged or missing vault); 3 internal error (a bug). On
any error output stops and nothing unredacted is written.

config: [tool.phimin] in pyproject.toml or a .phimin.toml, found from the working
directory upward (keys: policy, keep, model, format, threshold, baseline, quiet,
workers, workers_from, jsonl_fields); flags win.

jsonl: each line is a JSON object with a string "text" field. Every string value in
it, at any depth, is redacted, and the record's strings are one document: the same
person is the same placeholder in "text" and in "client_name". Keys, numbers, true,
false and null pass through. `--jsonl-fields text` redacts only the named top-level
fields (each record must have them) and passes every other field through UNCHANGED:
use it only when the other fields can never hold PHI (ids, roles, labels; a date is
PHI). A line that is not such an object, or nests deeper than 100 levels, stops the
run (exit 2).

check mode: allow a finding that is not PHI with `phimin: allow RULE_ID` on its line,
or accept the current findings with --update-baseline.

vault: `redact --vault FILE` redacts through a session kept in FILE (encrypted), so a
placeholder means the same value in every run with that vault: run it once per turn
or per note. It reads each input whole (no streaming; memory grows with the input);
in jsonl, each string of each record is the next text of the session, in order.
--check does not take a vault: it writes no text. `redact --restore
--vault FILE` puts the originals back into text written from redacted text (an LLM's
draft), streamed, loads no model, and reports what it left by line:col and reason
(never a value) on stderr; placeholders, generalized wordings ([date in 2026 #2])
and shifted dates all come back exactly unless --keep-generalized. The key comes
from --vault-key-file, else $PHIMIN_VAULT_KEY, else the file named by
$PHIMIN_VAULT_KEY_FILE; make one with --new-vault-key and keep it apart from the vault.
"""


class _ParserExit(Exception):
    def __init__(self, status: int) -> None:
        self.status = status


class _Parser(argparse.ArgumentParser):
    """argparse that reports instead of exiting, so `main` can return a code."""

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self._print_message(message)
        raise _ParserExit(status)

    def error(self, message: str) -> NoReturn:
        raise UsageError(message + self._guess(message))

    def _guess(self, message: str) -> str:
        """ " (did you mean --policy?)" for a misspelt flag (`--polcy`), else "".

        Only flags are compared and echoed: an unknown *value* never is, since argparse
        lists positional text here too and a note's words could be among it.
        """
        prefix = "unrecognized arguments: "
        if not message.startswith(prefix):
            return ""
        flags = [w for w in message[len(prefix) :].split() if w.startswith("--")]
        known = [o for a in self._actions for o in a.option_strings if o.startswith("--")]
        for flag in flags:
            close = difflib.get_close_matches(flag.split("=", 1)[0], known, n=1, cutoff=0.75)
            if close:
                return f" (did you mean {close[0]}?)"
        return ""


def _score(value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a number from 0 to 1") from None
    if not 0 <= score <= 1:
        raise argparse.ArgumentTypeError("must be a number from 0 to 1")
    return score


def _workers(value: str) -> int:
    try:
        workers = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"must be a whole number from 1 to {MAX_WORKERS}"
        ) from None
    if not 1 <= workers <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_WORKERS}")
    return workers


def _chars(value: str) -> int:
    try:
        chars = int(value.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number of characters") from None
    if chars < 0:
        raise argparse.ArgumentTypeError("must be a whole number of characters")
    return chars


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="redact",
        description=(
            "Strip protected health information (PHI) from clinical text before it goes to an "
            "LLM. Reads stdin or FILEs and writes the redacted text to stdout."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="inputs ('-' or none: stdin)")
    out = parser.add_argument_group("output")
    out.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE, not stdout")
    out.add_argument(
        "--in-place", action="store_true", help="rewrite each FILE with its redacted text"
    )
    out.add_argument(
        "--format",
        choices=FORMATS,
        help="text (default); json: {text, findings, summary}; "
        "jsonl: one JSON object per line, every string value in it redacted",
    )
    out.add_argument("--jsonl", action="store_true", help="same as --format jsonl")
    out.add_argument(
        "--jsonl-fields",
        action="append",
        metavar="NAME[,NAME...]",
        help="jsonl: redact only these top-level fields (their strings at any depth); "
        "every other field passes through unchanged (default: redact every string)",
    )
    out.add_argument(
        "--report", type=Path, metavar="FILE", help="write an audit record (JSON, no text) to FILE"
    )
    out.add_argument(
        "--explain", action="store_true", help="table of each finding and why on stderr (no text)"
    )
    out.add_argument("-q", "--quiet", action="store_true", help="no progress bar or hints")
    pol = parser.add_argument_group("policy")
    pol.add_argument(
        "--policy", metavar="NAME|FILE", help="preset (safe-harbor, strict, ...) or a TOML file"
    )
    pol.add_argument(
        "--keep",
        action="append",
        metavar="CATEGORY",
        help="keep an entity or category, e.g. substance_use (repeatable)",
    )
    pol.add_argument("--model", metavar="NAME", help="installed spaCy model (name or path)")
    pol.add_argument("--config", type=Path, metavar="FILE", help="use this config file")
    pol.add_argument(
        "--pseudonym-key-file",
        type=Path,
        metavar="PATH",
        help="keyed placeholders: with the secret key in this file (mode 600, at least 16 "
        "bytes), the same value gets the same placeholder in every run, file and record",
    )
    pol.add_argument(
        "--subject",
        metavar="ID",
        help="with --pseudonym-key-file: whose text the input is, for a policy that shifts "
        "dates (each person's dates move by the offset the key derives for them). Use an "
        "opaque id, not a name or MRN: command lines are visible to other local users",
    )
    pol.add_argument(
        "--subject-field",
        metavar="FIELD",
        help="jsonl with --pseudonym-key-file: each record's subject is in this top-level "
        "field (a string or an integer), as --subject is for a whole input",
    )
    out.add_argument(
        "--one-session",
        action="store_true",
        help="all inputs, and every record of --jsonl, are one session (one conversation): "
        "a person is the same placeholder in all of them, and a name recognized in one is "
        "found in the later ones (default: each input, and each record, numbers its own)",
    )
    speed = parser.add_argument_group("speed")
    speed.add_argument(
        "--workers",
        type=_workers,
        metavar="N",
        help=f"detect in N worker processes (1-{MAX_WORKERS}, default 1; each loads the model): "
        "the chunks of a long input (or of a long jsonl string) run in parallel; same output. "
        f"The workers start only once the run has read --workers-from characters "
        f"(default {WORKERS_FROM:,}): below that, starting them costs more time than they "
        "save, and the input is redacted in this process",
    )
    speed.add_argument(
        "--workers-from",
        type=_chars,
        metavar="CHARS",
        help="with --workers: characters read before the workers start "
        f"(default {WORKERS_FROM:,}; 0: at once)",
    )
    chk = parser.add_argument_group("check mode (pre-commit)")
    chk.add_argument("--check", action="store_true", help="report findings in PATHs; exit 1 if any")
    chk.add_argument(
        "--threshold",
        type=_score,
        metavar="SCORE",
        help="report only findings scoring at least SCORE (on top of the policy's thresholds)",
    )
    chk.add_argument(
        "--baseline",
        type=Path,
        metavar="FILE",
        help="accepted findings (default .phimin-baseline.json, if present)",
    )
    chk.add_argument(
        "--update-baseline",
        action="store_true",
        help="record the current findings of PATHs in the baseline and exit 0",
    )
    vlt = parser.add_argument_group(
        "vault (one conversation across runs, and restoring LLM output)"
    )
    vlt.add_argument(
        "--vault",
        type=Path,
        metavar="FILE",
        help="redact through the session in this encrypted vault (created if missing), so "
        "[PERSON_1] stays the same person in every run; reads each input whole",
    )
    vlt.add_argument(
        "--vault-key-file",
        type=Path,
        metavar="PATH",
        help="file holding the vault key (mode 600); default $PHIMIN_VAULT_KEY, "
        "else the file named by $PHIMIN_VAULT_KEY_FILE",
    )
    vlt.add_argument(
        "--restore",
        action="store_true",
        help="with --vault: put the originals back into FILEs or stdin (an LLM's draft), "
        "streamed; no model. What is left is listed on stderr by line:col and reason "
        "(never text; --report FILE: all of it as JSON). --format json: the input is one "
        "JSON document, whose string values are restored; jsonl: one per line",
    )
    vlt.add_argument(
        "--keep-generalized",
        action="store_true",
        help="with --restore: leave generalized wordings ([date in 2026], [city in Ohio], "
        "[substance use]) as written; by default they come back exactly, as identifiers do",
    )
    # Restoring generalized content used to need --sensitive; it is the default now.
    vlt.add_argument("--sensitive", action="store_true", help=argparse.SUPPRESS)
    vlt.add_argument(
        "--strict",
        action="store_true",
        help="with --restore: exit 1 if anything was left unrestored",
    )
    vlt.add_argument(
        "--new-vault-key",
        action="store_true",
        help="print a new vault key and exit (with -o FILE: write a new key file, mode 600)",
    )
    parser.add_argument(
        "--list-rules",
        action="store_true",
        help="list every detection rule (id, entity, category, score, source) and exit; "
        "with --format json, one JSON object per rule",
    )
    parser.add_argument("--version", action="version", version=f"redact (phimin {tool_version()})")
    return parser


@functools.lru_cache(maxsize=2)
def _cached_redactor(model: str | None) -> Redactor:
    from phimin._redactor import Redactor

    return Redactor() if model is None else Redactor(model=model)


def _default_factory(spec: RedactorSpec) -> Redactor:
    """The shared in-process Redactor of a model, or a new one a run owns (workers, policy)."""
    if spec.workers == 1 and spec.policy is None and spec.pseudonym_key is None:
        return _cached_redactor(spec.model)
    from phimin._model_name import DEFAULT_MODEL
    from phimin._redactor import Redactor

    return Redactor(
        spec.policy,
        model=spec.model or DEFAULT_MODEL,
        workers=spec.workers,
        pseudonym_key=spec.pseudonym_key,
        workers_from=spec.workers_from,
    )


class _Owned:
    """Builds a run's redactors and closes them when it ends (stopping worker processes)."""

    def __init__(self, factory: RedactorFactory) -> None:
        self._factory = factory
        self._made: list[Redactor] = []

    def __call__(self, spec: RedactorSpec) -> Redactor:
        redactor = self._factory(spec)
        self._made.append(redactor)
        return redactor

    def close(self) -> None:
        while self._made:
            redactor = self._made.pop()
            # The exit code already tells how the run went; a pool that will not shut
            # down cleanly (after a crash or Ctrl-C) must not turn it into a traceback.
            with contextlib.suppress(Exception):
                redactor.close()


def main(
    argv: Sequence[str] | None = None,
    *,
    streams: Streams | None = None,
    redactor_factory: RedactorFactory | None = None,
    cwd: Path | None = None,
) -> int:
    """Run `redact` with `argv`; return the exit code (see `phimin.cli.exit_codes`)."""
    io = streams or Streams.from_sys()
    factory = _Owned(redactor_factory or _default_factory)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except _ParserExit as stop:
        return stop.status
    except UsageError as exc:
        parser.print_usage(io.stderr)
        return _fail(io.stderr, str(exc), ExitCode.USAGE)
    if args.list_rules:
        from phimin.cli.list_rules import run_list_rules

        try:
            return run_list_rules(io, args.format or ("jsonl" if args.jsonl else None))
        except BrokenPipeError:
            return ExitCode.BROKEN_PIPE
        except Exception as exc:
            return _library_error(io.stderr, exc)
    try:
        settings = resolve(args, load_config(args.config, cwd or Path.cwd()))
        return _run(settings, io, factory)
    except UsageError as exc:
        parser.print_usage(io.stderr)
        return _fail(io.stderr, str(exc), ExitCode.USAGE)
    except (ConfigError, OutputError) as exc:
        return _fail(io.stderr, str(exc), ExitCode.USAGE)
    except BrokenPipeError:
        return ExitCode.BROKEN_PIPE
    except KeyboardInterrupt:
        return _fail(io.stderr, "interrupted; output stopped", ExitCode.INTERRUPTED)
    except Exception as exc:
        return _library_error(io.stderr, exc)
    finally:
        factory.close()


def _run(settings: Settings, io: Streams, factory: RedactorFactory) -> int:
    if settings.new_vault_key:
        from phimin.cli.vault import run_new_vault_key

        return run_new_vault_key(settings, io)
    from phimin.cli.preflight import check_outputs

    check_outputs(settings)  # before any input is read: no text goes out, then a failure
    _hint_at_a_terminal(settings, io)
    if settings.restore:
        from phimin.cli.restore_mode import run_restore

        return run_restore(settings, io)
    if settings.check:
        from phimin.cli.check import run_check

        return run_check(settings, io, factory)
    from phimin.cli.filter_mode import run_filter

    return run_filter(settings, io, factory)


def _hint_at_a_terminal(settings: Settings, io: Streams) -> None:
    """`redact` run alone at a prompt waits for stdin: say so, rather than seem to hang."""
    from phimin.cli.streams import STDIN, TERMINAL_HINT, is_terminal

    if settings.show_info and STDIN in settings.inputs and is_terminal(io.stdin):
        io.stderr.write(TERMINAL_HINT)
        io.stderr.flush()


def _library_error(stderr: TextIO, exc: Exception) -> int:
    """Map an error to its exit code. Library messages never quote input text."""
    from phimin._errors import (
        DetectionError,
        InputError,
        ModelError,
        PhiminError,
        PolicyError,
        RulePackError,
        VaultError,
    )

    if isinstance(exc, (InputError, PolicyError, RulePackError, ModelError, VaultError)):
        return _fail(stderr, f"{exc}; output stopped", ExitCode.USAGE)
    if isinstance(exc, (DetectionError, PhiminError)):
        return _fail(stderr, f"{exc}; output stopped", ExitCode.INTERNAL)
    # Anything else is a bug. Its message may come from deep inside a dependency and
    # could quote text, so only its type is shown.
    return _fail(
        stderr,
        f"internal error ({type(exc).__name__}); output stopped, nothing more was written. "
        "Please report it (without the input).",
        ExitCode.INTERNAL,
    )


def _fail(stderr: TextIO, message: str, code: ExitCode) -> int:
    try:
        stderr.write(f"redact: error: {message}\n")
        stderr.flush()
    except (OSError, ValueError):  # stderr gone: the exit code still tells
        pass
    return code


def entry() -> None:
    """Console-script entry point."""
    raise SystemExit(main())
