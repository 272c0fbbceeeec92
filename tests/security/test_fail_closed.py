"""Fail closed: a fault in any stage stops the text, with a PhiminError or a non-zero exit.

Each stage of the pipeline is replaced, in turn, by one that raises an exception whose
message quotes the text (as a dependency's error might). The library must raise a
`PhiminError` subclass that does not quote it; the CLI must exit non-zero, with stdout
holding only a prefix of what a clean run writes (redacted text, never the input) and
nothing of the text on stderr. Every identifier here is synthetic, written for this file.
"""

from __future__ import annotations

import io
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import phimin
import phimin._detect.engine as engine_module
import phimin._detect.propagation as propagation_module
import phimin._detect.validators as validators_module
import phimin._redactor as redactor_module
from phimin._catalogue import Catalogue, Evidence, RuleRecord
from phimin._detect.patterns import PatternSpec, compile_spec
from phimin._detect.sensitive import SensitiveRecognizer
from phimin._findings import Action, Category
from phimin._placeholders import PlaceholderBook
from phimin._policy import Policy
from phimin._transform import OPERATORS
from phimin.cli.exit_codes import ExitCode
from phimin.cli.main import main
from phimin.cli.settings import RedactorSpec
from phimin.cli.streams import Streams

NAME, SSN, PHONE = "Quillon Brackenridge", "417-38-2906", "410-862-5173"
EMAIL, SITE = "q.brackenridge@example.org", "brackenridge-family.net"
SECRETS = (NAME, "Brackenridge", SSN, "417382906", PHONE, "4108625173", EMAIL, SITE)
LINE = (
    f"Mr. {NAME} (SSN {SSN}) called from {PHONE} on 03/14/2024; "
    f"write to {EMAIL} or see {SITE}. He crossed the border in 2019.\n"
)
FILLER = "We talked about sleep, work and the week ahead; it went fine.\n"
TEXT = LINE + FILLER * 3 + LINE
LONG = "".join(LINE if i % 8 == 0 else FILLER for i in range(64))  # ~5k characters
WINDOW = 2000  # small stream windows, so a CLI run writes several pieces


class Fault(RuntimeError):
    """What a dependency might raise: a message that quotes the text it was given."""


def exception_chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, its causes and contexts (all of them, suppressed or not)."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo += [e.__cause__, e.__context__]
        todo += list(getattr(e, "exceptions", ()))


def assert_quotes_nothing(exc: BaseException, *, whole_chain: bool = False) -> None:
    """The error (or, with whole_chain, every exception it links to) quotes no secret."""
    chain = list(exception_chain(exc)) if whole_chain else [exc]
    for e in chain:
        parts = [str(e), repr(e), *map(repr, e.args), *getattr(e, "__notes__", ())]
        for secret in SECRETS:
            for part in parts:
                assert secret not in part, f"{type(e).__name__} quotes the input"


def no_secrets(*blobs: str | bytes) -> None:
    for blob in blobs:
        data = blob.decode("utf-8", "replace") if isinstance(blob, bytes) else blob
        for secret in SECRETS:
            assert secret not in data


# --- the stages -------------------------------------------------------------------------

Target = Callable[[phimin.Redactor], tuple[Any, str]]


def _recognizer(name: str) -> Target:
    def target(r: phimin.Redactor) -> tuple[Any, str]:
        found = [x for x in r.engine.analyzer.registry.recognizers if x.name == name]
        assert len(found) == 1, f"no recognizer {name}"
        return found[0], "find"

    return target


def _module(module: Any, attr: str) -> Target:
    return lambda r: (module, attr)


STAGES: dict[str, Target] = {
    "normalization": _module(redactor_module, "normalize"),
    "chunking": _module(redactor_module, "chunk_spans"),
    "spacy model": lambda r: (r.engine.nlp_engine.language, "pipe"),
    "presidio analyzer": lambda r: (r.engine.analyzer, "analyze"),
    "identifier patterns": _recognizer("IdentifierRecognizer"),
    "date and age patterns": _recognizer("DateAgeRecognizer"),
    "address patterns": _recognizer("AddressRecognizer"),
    "name rules": _recognizer("NameRecognizer"),
    "ner recognizer": _recognizer("NerRecognizer"),
    "city gazetteer": _recognizer("CityRecognizer"),
    "rule packs": lambda r: (
        next(
            x for x in r.engine.analyzer.registry.recognizers if isinstance(x, SensitiveRecognizer)
        ),
        "_matches",
    ),
    "domain validator (tldextract)": _module(validators_module, "_offline_tld_extractor"),
    "evidence combining": _module(engine_module, "combine_evidence"),
    "clinical guard": _module(engine_module, "clinical_spans"),
    "protected spans": lambda r: (r.engine, "protected_spans"),
    "name learning": _module(propagation_module, "learn_names"),
    "place learning": _module(propagation_module, "learn_places"),
    "name propagation": _module(propagation_module, "propagate_names"),
    "name growing": _module(propagation_module, "grow_names"),
    "names in lists": _module(propagation_module, "coordinated_names"),
    "policy decision": _module(Policy, "rule_for"),
    "rule catalogue": _module(Catalogue, "get"),
    "overlap resolution": _module(redactor_module, "resolve"),
    "placeholder book": _module(PlaceholderBook, "placeholder"),
    "transform replace": lambda r: (OPERATORS[Action.REPLACE], "operate"),
    "transform generalize": lambda r: (OPERATORS[Action.GENERALIZE], "operate"),
    "output building": _module(redactor_module, "build_output"),
}


class Injector:
    """Replace one stage with a wrapper that counts calls and raises on call `fail_at`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, redactor: phimin.Redactor) -> None:
        self.monkeypatch = monkeypatch
        self.redactor = redactor
        self.calls = 0

    def install(self, stage: str, fail_at: int | None = 1) -> None:
        owner, attr = STAGES[stage](self.redactor)
        original = getattr(owner, attr)
        unbound = isinstance(owner, type)  # a method patched on its class

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if fail_at is not None and self.calls >= fail_at:
                raise Fault(f"cannot handle {LINE!r}")
            return original(*args, **kwargs)

        self.monkeypatch.setattr(owner, attr, wrapper if not unbound else _method(wrapper))


def _method(wrapper: Callable[..., Any]) -> Callable[..., Any]:
    def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        return wrapper(self, *args, **kwargs)

    return method


@pytest.fixture
def inject(monkeypatch: pytest.MonkeyPatch, redactor: phimin.Redactor) -> Injector:
    return Injector(monkeypatch, redactor)


def test_every_stage_is_reached_by_the_sample_text(
    redactor: phimin.Redactor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without this, a stage the text never reaches would make its fault test vacuous."""
    for stage in STAGES:
        with monkeypatch.context() as m:
            counter = Injector(m, redactor)
            counter.install(stage, fail_at=None)
            out = redactor.redact(TEXT).text
            assert counter.calls > 0, f"{stage} was not reached"
        no_secrets(out)


# --- the library ------------------------------------------------------------------------

APIS: dict[str, Callable[[phimin.Redactor], object]] = {
    "redact": lambda r: r.redact(TEXT),
    "redact_with_state": lambda r: r.redact_with_state(TEXT, phimin.DocumentState()),
    "redact_stream": lambda r: list(r.redact_stream([TEXT[:100], TEXT[100:]])),
    "session": lambda r: phimin.Session(r).redact(TEXT),
}


@pytest.mark.parametrize("api", sorted(APIS))
@pytest.mark.parametrize("stage", sorted(STAGES))
def test_a_fault_in_any_stage_raises_a_phimin_error_that_quotes_nothing(
    redactor: phimin.Redactor, inject: Injector, stage: str, api: str
) -> None:
    inject.install(stage)
    with pytest.raises(phimin.PhiminError) as info:
        APIS[api](redactor)
    assert inject.calls >= 1
    assert_quotes_nothing(info.value)


# redact_many prepares (normalizes and chunks) its texts before detection starts.
DETECTION_ON = sorted(set(STAGES) - {"normalization", "chunking"})


@pytest.mark.parametrize("stage", DETECTION_ON)
def test_a_fault_in_a_batch_raises_a_phimin_error_that_quotes_nothing(
    redactor: phimin.Redactor, inject: Injector, stage: str
) -> None:
    inject.install(stage)
    with pytest.raises(phimin.PhiminError) as info:
        list(redactor.redact_many([FILLER, TEXT, FILLER]))
    assert inject.calls >= 1
    assert_quotes_nothing(info.value)


def test_a_stream_stops_at_the_fault_and_what_came_before_is_redacted(
    redactor: phimin.Redactor, inject: Injector
) -> None:
    clean = list(redactor.redact_stream(small_pieces([LONG]), window_chars=WINDOW))
    assert len(clean) >= 3
    inject.install("overlap resolution", fail_at=2)
    got: list[phimin.RedactedPiece] = []
    stream = redactor.redact_stream(small_pieces([LONG]), window_chars=WINDOW)
    with pytest.raises(phimin.PhiminError):
        got.extend(stream)
    assert 1 <= len(got) < len(clean)
    assert [p.text for p in got] == [p.text for p in clean[: len(got)]]
    no_secrets(*(p.text for p in got))


# --- regex timeouts ---------------------------------------------------------------------

# Nested quantifiers over the same characters: exponential on a run that cannot match.
SLOW_PATTERN = r"(?<![\w])(?:\d|\d\d)+[a-x](?![\w])"
SLOW_INPUT = f"{NAME} SSN {SSN}. Code " + "1" * 60 + "y."


def test_a_pattern_that_times_out_fails_the_text(
    redactor: phimin.Redactor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from phimin._detect import patterns

    recognizer = next(
        x for x in redactor.engine.analyzer.registry.recognizers if x.name == "IdentifierRecognizer"
    )
    rule = RuleRecord(
        "test.backtracking", "slow", "OTHER_ID", Category.IDENTIFIER, Evidence.FORMAT, 0.9, ""
    )
    slow = compile_spec(PatternSpec(rule, SLOW_PATTERN))
    monkeypatch.setattr(recognizer, "_specs", (*recognizer._specs, slow))
    monkeypatch.setattr(patterns, "REGEX_TIMEOUT_SECONDS", 0.05)
    with pytest.raises(phimin.DetectionError, match=r"test\.backtracking") as info:
        redactor.redact(SLOW_INPUT)
    assert_quotes_nothing(info.value, whole_chain=True)


PACK = """\
schema: 1
pack: test_backtracking
entity: IMMIGRATION_STATUS
generalize_to: "[immigration matter]"
rules:
  - id: TST-001
    regex: ['(?:\\w|\\w\\w)+[!?]']
    cases: [{text: "abc!", expect: "[immigration matter]"}]
    ok: ["nothing here"]
"""


def test_a_rule_pack_regex_that_times_out_fails_the_text(
    redactor: phimin.Redactor, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from phimin._detect import sensitive

    (tmp_path / "slow.yaml").write_text(PACK, encoding="utf-8")
    slow = SensitiveRecognizer(phimin.load_rule_packs([tmp_path / "slow.yaml"]))
    registry = redactor.engine.analyzer.registry
    swapped = [slow if isinstance(x, SensitiveRecognizer) else x for x in registry.recognizers]
    monkeypatch.setattr(registry, "recognizers", swapped)
    monkeypatch.setattr(sensitive, "REGEX_TIMEOUT_SECONDS", 0.05)
    with pytest.raises(phimin.DetectionError, match="TST-001") as info:
        redactor.redact(f"{NAME} wrote " + "a" * 60 + ".")
    assert_quotes_nothing(info.value, whole_chain=True)
    assert "aaaaa" not in redactor.redact("aaaaa!").text


# --- the command line -------------------------------------------------------------------


def small_pieces(pieces: Iterable[str], size: int = 500) -> Iterator[str]:
    """Re-cut a stream into short pieces: a window is as long as what arrived when full."""
    for piece in pieces:
        for i in range(0, len(piece), size):
            yield piece[i : i + size]


class SmallWindows:
    """The session's Redactor, streaming in small windows (several pieces per input)."""

    def __init__(self, redactor: phimin.Redactor) -> None:
        self._redactor = redactor

    def __getattr__(self, name: str) -> Any:
        return getattr(self._redactor, name)

    def redact_stream(self, pieces: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("window_chars", WINDOW)
        return self._redactor.redact_stream(small_pieces(pieces), **kwargs)

    def close(self) -> None:  # the shared Redactor outlives the run
        return None


class FailingSink(io.BytesIO):
    """A stdout that fails (disk full) after `limit` writes."""

    def __init__(self, limit: int, error: OSError) -> None:
        super().__init__()
        self.limit, self.error, self.writes = limit, error, 0

    def write(self, data: Any) -> int:
        self.writes += 1
        if self.writes > self.limit:
            raise self.error
        return super().write(data)


def run_cli(
    redactor: phimin.Redactor,
    argv: list[str],
    stdin: bytes,
    stdout: io.BytesIO | None = None,
) -> tuple[int, bytes, str]:
    out, err = stdout if stdout is not None else io.BytesIO(), io.StringIO()

    def factory(spec: RedactorSpec) -> Any:
        return SmallWindows(redactor)

    code = main(argv, streams=Streams(io.BytesIO(stdin), out, err), redactor_factory=factory)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def cli_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no stray config files
    return tmp_path


CLI_STAGES = [
    "normalization",
    "spacy model",
    "identifier patterns",
    "name rules",
    "rule packs",
    "name propagation",
    "policy decision",
    "overlap resolution",
    "transform replace",
    "output building",
]
CLI_FORMATS = ("text", "json")


@pytest.fixture(scope="module")
def clean_runs(
    redactor: phimin.Redactor, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[bytes, dict[str, int]]]:
    """Per format: a clean run's stdout, and how often each stage was called in it."""
    runs = {}
    with pytest.MonkeyPatch.context() as m:
        m.chdir(tmp_path_factory.mktemp("clean"))
        counters = {}
        for stage in CLI_STAGES:
            counters[stage] = Injector(m, redactor)
            counters[stage].install(stage, fail_at=None)
        for fmt in CLI_FORMATS:
            before = {stage: c.calls for stage, c in counters.items()}
            code, out, _ = run_cli(redactor, ["--format", fmt], LONG.encode())
            assert code == ExitCode.OK
            no_secrets(out)
            runs[fmt] = (out, {s: c.calls - before[s] for s, c in counters.items()})
    return runs


@pytest.mark.parametrize("fmt", CLI_FORMATS)
@pytest.mark.parametrize("stage", CLI_STAGES)
def test_cli_stops_mid_stream_with_only_redacted_text_written(
    redactor: phimin.Redactor,
    inject: Injector,
    cli_dir: Path,
    clean_runs: dict[str, tuple[bytes, dict[str, int]]],
    stage: str,
    fmt: str,
) -> None:
    clean, calls = clean_runs[fmt]
    assert calls[stage] >= 2, f"{stage} was called {calls[stage]} time(s)"
    inject.install(stage, fail_at=calls[stage] // 2 + 1)  # halfway through the input
    code, out, err = run_cli(redactor, ["--format", fmt], LONG.encode())
    assert code == ExitCode.INTERNAL
    assert clean.startswith(out), "stdout holds something a clean run would not write"
    assert len(out) < len(clean)
    assert err.startswith("redact: error:")
    no_secrets(out, err)


@pytest.mark.parametrize("stage", ["spacy model", "overlap resolution", "rule packs"])
def test_cli_jsonl_and_check_fail_closed(
    redactor: phimin.Redactor, inject: Injector, cli_dir: Path, stage: str
) -> None:
    records = b"".join(
        b'{"text": "' + LINE.strip().encode() + b'", "n": %d}\n' % i for i in range(3)
    )
    inject.install(stage)
    code, out, err = run_cli(redactor, ["--format", "jsonl"], records)
    assert code == ExitCode.INTERNAL
    assert out == b""
    no_secrets(out, err)
    (cli_dir / "note.md").write_text(TEXT, encoding="utf-8")
    code, out, err = run_cli(redactor, ["--check", "note.md"], b"")
    assert code == ExitCode.INTERNAL
    assert out == b""
    no_secrets(out, err)


def test_cli_output_file_is_not_written_on_a_fault(
    redactor: phimin.Redactor, inject: Injector, cli_dir: Path
) -> None:
    inject.install("overlap resolution", fail_at=3)
    code, out, err = run_cli(redactor, ["-o", "safe.txt"], LONG.encode())
    assert code == ExitCode.INTERNAL
    assert out == b""
    assert sorted(p.name for p in cli_dir.iterdir()) == []
    no_secrets(err)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (OSError(28, "No space left on device"), ExitCode.INTERNAL),
        (BrokenPipeError(32, "Broken pipe"), ExitCode.BROKEN_PIPE),
    ],
)
def test_cli_output_write_failure_stops_the_run(
    redactor: phimin.Redactor, cli_dir: Path, error: OSError, code: int
) -> None:
    _, clean, _ = run_cli(redactor, [], LONG.encode())
    sink = FailingSink(2, error)
    got, _, err = run_cli(redactor, [], LONG.encode(), stdout=sink)
    assert got == code
    assert sink.writes == 3, "no write is attempted after the failed one"
    assert clean.startswith(sink.getvalue()) and sink.getvalue()
    no_secrets(err)


def test_cli_internal_error_shows_only_its_type(
    redactor: phimin.Redactor, monkeypatch: pytest.MonkeyPatch, cli_dir: Path
) -> None:
    """An error outside the library's guard (a bug in the CLI) is reported by type only."""
    from phimin.cli import document

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError(LINE)

    monkeypatch.setattr(document.Locator, "locate", broken)
    code, out, err = run_cli(redactor, [], LONG.encode())
    assert code == ExitCode.INTERNAL
    assert "internal error (KeyError)" in err
    no_secrets(out, err)


# --- worker processes -------------------------------------------------------------------


@pytest.mark.slow
def test_worker_failures_fail_the_text(tmp_path: Path) -> None:
    """A regex timeout inside a worker, and a worker killed outright, both fail the text."""
    (tmp_path / "slow.yaml").write_text(PACK, encoding="utf-8")
    rules = phimin.load_rule_packs([tmp_path / "slow.yaml"])
    text = (FILLER * 100 + f"{NAME} wrote " + "a" * 60 + ".\n") * 3
    with phimin.Redactor(rules=rules, workers=2) as parallel:
        assert parallel._parallel is not None
        with pytest.raises(phimin.DetectionError, match="TST-001") as info:
            parallel.redact(text)  # the pattern times out (2 s) inside a worker
        assert_quotes_nothing(info.value, whole_chain=True)
        assert "[immigration matter]" in parallel.redact(FILLER * 200 + "abc!\n").text
        pids = list(parallel._parallel._pool._processes)
        os.kill(pids[0], signal.SIGKILL)
        with pytest.raises(phimin.DetectionError, match="stopped unexpectedly") as info:
            parallel.redact(LONG * 3)
        assert_quotes_nothing(info.value, whole_chain=True)
