"""The detection engine: Presidio's AnalyzerEngine over phimin's recognizers.

One spaCy pass (`nlp.pipe`, NER only) produces the NLP artifacts for a batch of
chunks; Presidio runs every recognizer on each chunk. Afterwards, per chunk:
evidence for the same span and entity is combined, anything inside text phimin
itself wrote is dropped, and what the rules' records allow to be overruled is:
guesses inside a rule-pack match, guarded findings inside clinical content.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from typing import Any

import regex
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from spacy.language import Language

from phimin._catalogue import Catalogue, Evidence, RuleRecord, Trait
from phimin._detect.addresses import AddressRecognizer
from phimin._detect.base import Detection, detection_of
from phimin._detect.clinical import clinical_spans
from phimin._detect.dates import AGE_SPECS, DATE_SPECS
from phimin._detect.employers import EmployerRecognizer
from phimin._detect.geography import CityRecognizer, PlaceLexicon, load_places
from phimin._detect.identifiers import IDENTIFIER_SPECS
from phimin._detect.kept_facts import keep_new_facts
from phimin._detect.lexicon import NameLexicon, load_lexicon
from phimin._detect.names import NameRecognizer, StudentNameRecognizer
from phimin._detect.ner import NerRecognizer
from phimin._detect.patterns import PatternRecognizerSet
from phimin._detect.places import PLACE_SPECS, FacilityRecognizer
from phimin._detect.sensitive import SensitiveRecognizer
from phimin._detect.words import BRANDS, TITLES
from phimin._entities import ENTITIES, placeholder_label
from phimin._errors import DetectionError, PhiminError, describe
from phimin._findings import Category
from phimin._nlp import PhiminNlpEngine
from phimin._rulepacks import RuleSet
from phimin._transform import protected_pattern

__all__ = ["DetectionEngine"]


class _NoContextEnhancer(ContextAwareEnhancer):
    """phimin's recognizers weigh their own context; skip Presidio's second pass."""

    def __init__(self) -> None:
        super().__init__(
            context_similarity_factor=0.0,
            min_score_with_context_similarity=0.0,
            context_prefix_count=0,
            context_suffix_count=0,
        )

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: Any,
        recognizers: Any,
        context: Any = None,
    ) -> list[RecognizerResult]:
        return raw_results


def combine_evidence(detections: Sequence[Detection]) -> list[Detection]:
    """Same span, same entity from different rules: independent evidence (noisy-or)."""
    grouped: dict[tuple[int, int, str], list[Detection]] = {}
    for d in detections:
        grouped.setdefault((d.start, d.end, d.entity), []).append(d)
    combined = []
    for group in grouped.values():
        best = max(group, key=lambda d: d.score)
        if len(group) == 1:
            combined.append(best)
            continue
        miss = 1.0
        for d in {d.rule_id: d for d in sorted(group, key=lambda d: d.score)}.values():
            miss *= 1.0 - d.score
        combined.append(
            Detection(best.start, best.end, best.entity, round(1.0 - miss, 4), best.rule_id)
        )
    return combined


def _outside(d: Detection, protected: Sequence[tuple[int, int]]) -> Detection | None:
    """Trim a detection off phimin's own output at its edges; drop it if inside."""
    start, end = d.start, d.end
    for s, e in protected:
        if e <= start or s >= end:
            continue
        if s <= start and end <= e:
            return None
        if s <= start < e:
            start = e
        elif s < end <= e:
            end = s
    if start >= end:
        return None
    if (start, end) == (d.start, d.end):
        return d
    return d.spanning(start, end)


def _clashes(d: Detection, rule: RuleRecord, start: int, end: int) -> bool:
    """Does clinical content at [start, end) rule out guarded detection d?

    A guess of the model that touches clinical content at all ("Completed the Beck
    Depression Inventory" as an organization) is dropped; other guarded detections
    only when they lie inside it.
    """
    if rule.evidence is Evidence.MODEL:
        return start < d.end and d.start < end
    return start <= d.start and d.end <= end


_BRAND_GUESSES = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})
_POSSESSIVE = regex.compile(r"['’]s(?![\w])")
_WORD_BEFORE = regex.compile(r"([\w]+)\.?[ \t]+$")


def _brand(chunk: str, d: Detection) -> bool:
    """Is a guessed person, place or organization a chain ("met at applebee's", "olive garden"), not
    someone's name after a title ("mr mcdonald")?"""
    said = chunk[d.start : d.end].lower().replace("’", "'")
    if said not in BRANDS:
        tail = _POSSESSIVE.match(chunk, d.end)
        if tail is None or said + "'s" not in BRANDS:
            return False
    before = _WORD_BEFORE.search(chunk, max(0, d.start - 20), d.start)
    return before is None or before.group(1).lower() not in TITLES


def yields_to_sensitive(rule: RuleRecord) -> bool:
    """Is a finding of `rule` overridden by a rule-pack match around it?"""
    return rule.has(Trait.GUESS) or rule.has(Trait.YIELDS_TO_SENSITIVE)


class DetectionEngine:
    """Loaded once per `Redactor`; `detect` is safe to call from several threads."""

    def __init__(self, nlp: Language, rules: RuleSet) -> None:
        self.nlp_engine = PhiminNlpEngine(nlp)
        self.lexicon: NameLexicon = load_lexicon(nlp)
        self.places: PlaceLexicon = load_places()
        self.rules = rules
        self.catalogue = Catalogue(rules)
        recognizers = [
            PatternRecognizerSet(IDENTIFIER_SPECS, name="IdentifierRecognizer"),
            PatternRecognizerSet(DATE_SPECS + AGE_SPECS, name="DateAgeRecognizer"),
            PatternRecognizerSet(PLACE_SPECS, name="PlaceRecognizer"),
            AddressRecognizer(),
            FacilityRecognizer(self.lexicon),
            EmployerRecognizer(self.lexicon),
            NameRecognizer(self.lexicon, self.places.cities, self.places.not_below_state),
            NerRecognizer(self.places, self.lexicon),
            StudentNameRecognizer(self.lexicon, self.places.not_below_state),
            CityRecognizer(self.places, self.lexicon),
            SensitiveRecognizer(rules),
        ]
        registry = RecognizerRegistry(recognizers=recognizers, supported_languages=["en"])
        self.analyzer = AnalyzerEngine(
            registry=registry,
            nlp_engine=self.nlp_engine,
            supported_languages=["en"],
            context_aware_enhancer=_NoContextEnhancer(),
            default_score_threshold=0.0,
        )
        labels = {placeholder_label(e) for e in ENTITIES} | {
            placeholder_label(e) for e in rules.entities
        }
        self.protected = protected_pattern(rules.wordings, self.places, labels)
        self._model_lock = threading.Lock()

    def detect(self, chunks: Sequence[str], batch_size: int = 8) -> list[list[Detection]]:
        """Detections per chunk, in chunk coordinates. Raises DetectionError on failure."""
        return list(self.iter_detect(chunks, batch_size))

    def iter_detect(
        self, chunks: Sequence[str], batch_size: int = 8, *, every_rule: bool = False
    ) -> Iterator[list[Detection]]:
        """Detections per chunk. With `every_rule`, what each rule found on its own, before
        Presidio drops duplicates and evidence for one span is combined (for tracing)."""
        failure = None
        try:
            with self._model_lock:
                artifacts = list(self.nlp_engine.artifacts(chunks, batch_size=batch_size))
            for chunk, nlp_artifacts in zip(chunks, artifacts, strict=True):
                if every_rule:
                    results = [
                        r
                        for recognizer in self.analyzer.registry.recognizers
                        for r in recognizer.analyze(chunk, [], nlp_artifacts)
                    ]
                    detections = [detection_of(r) for r in results]
                else:
                    results = self.analyzer.analyze(chunk, "en", nlp_artifacts=nlp_artifacts)
                    detections = combine_evidence([detection_of(r) for r in results])
                kept = self._filter(chunk, detections)
                keep_new_facts()  # what the patterns' syntax said, for the next run
                yield kept
        except PhiminError:
            raise
        except Exception as exc:  # fail closed: any failure stops this text
            failure = describe(exc)
        if failure is not None:  # raised outside the handler: no chained message
            raise DetectionError(f"detection failed: {failure}")

    def _filter(self, chunk: str, detections: list[Detection]) -> list[Detection]:
        protected = [m.span() for m in self.protected.finditer(chunk)]
        rules = [self.catalogue.get(d.rule_id, d.entity) for d in detections]
        near = [
            (d.start, d.end) for d, r in zip(detections, rules, strict=True) if r.has(Trait.GUARDED)
        ]
        guarded = clinical_spans(chunk, near) if near else []
        sensitive = [
            (d.start, d.end)
            for d, r in zip(detections, rules, strict=True)
            if r.category is Category.SENSITIVE
        ]
        kept = []
        for found, rule in zip(detections, rules, strict=True):
            d = _outside(found, protected)
            if d is None:
                continue
            if yields_to_sensitive(rule) and any(s <= d.start and d.end <= e for s, e in sensitive):
                continue  # a guess inside a rule-pack match: the rule generalizes it
            if rule.has(Trait.GUARDED) and any(_clashes(d, rule, s, e) for s, e in guarded):
                continue
            if rule.has(Trait.GUESS) and d.entity in _BRAND_GUESSES and _brand(chunk, d):
                continue  # a chain restaurant or shop names no one
            kept.append(d)
        return kept

    def protected_spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self.protected.finditer(text)]

    @property
    def protected_regex(self) -> regex.Pattern[str]:
        return self.protected
