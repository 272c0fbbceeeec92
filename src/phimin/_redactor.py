"""The pipeline, top to bottom: normalize, chunk, detect, decide, resolve, transform.

`Redactor` loads the model and the rule packs once and can be shared between threads.
Each call works on its own `_Document` state (placeholder numbering, names learnt),
so nothing about one text leaks into the handling of another, unless the caller
passes the same state on purpose (a conversation, see `Session`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar, cast

import regex

from phimin._catalogue import Trait
from phimin._chunking import CHUNK_CHARS, OVERLAP_CHARS, Chunk, chunk_spans
from phimin._detect.base import Detection
from phimin._detect.engine import DetectionEngine
from phimin._detect.propagation import spread
from phimin._detect.words import STATE_CODES, US_STATE_NAMES
from phimin._document import DocumentState, RedactedPiece, Replaced, check_text
from phimin._errors import InputError, PhiminError, describe
from phimin._findings import Action, Finding, Redaction
from phimin._nlp import DEFAULT_MODEL, load_model
from phimin._normalize import NormalizedText, normalize
from phimin._parallel import ParallelDetector, check_main_module
from phimin._phrases import whole_phrases
from phimin._policy import Policy, load_policy
from phimin._pseudonyms import SUBJECT_NEEDED, KeyedPlaceholderBook, PseudonymKey, check_subject
from phimin._resolve import Candidate, resolve
from phimin._restore import placeholder_literals
from phimin._rulepacks import RuleSet, load_rule_packs
from phimin._transform import OPERATORS, Replacement, build_output

_T = TypeVar("_T")

__all__ = ["DocumentState", "RedactedPiece", "Redactor", "Replaced"]

# Streaming: text is processed in windows of this many characters; the last
# `_WINDOW_TAIL` characters of a window are held back and processed again with the
# next window, so nothing near a window's end is judged without its right context.
WINDOW_CHARS = 200_000
# A place named after "at" ("seen at Hopkins"): as often a hospital as a city.
# A place named after "at" may be a hospital's short name; after "on" or "off", a street
# ("the place on delancey"): either way no city in some state.
_AT_A_PLACE = regex.compile(r"(?i)(?:^|(?<![\w]))(?:at|@|on|off)[ ]+$")
# A state named right after a place ("Dayton, Ohio", "dayton oh"): the place becomes
# "[location]", as "[city in Ohio], Ohio" says the state twice, and "[city in Ohio],
# Texas" (another Dayton) would say something false.
_STATE_AFTER = regex.compile(
    r"[ ]*,?[ ]*(?:(?i:" + "|".join(regex.escape(n) for n in US_STATE_NAMES) + r")"
    r"|(?:" + "|".join(STATE_CODES) + r")\.?)(?![\w])"
)
BATCH_CHARS = 50_000  # redact_many: characters of short texts detected together
_WINDOW_TAIL = 2 * OVERLAP_CHARS


class Redactor:
    """Redacts text by a policy. Loads the spaCy model and rule packs once.

    `policy` is a `Policy`, a preset name ("safe-harbor", "strict", ...), or a path to a
    TOML policy file. `model` is an installed spaCy model (package name or path).
    `rules` overrides the rule packs (paths, or a loaded `RuleSet`). With
    `pseudonym_key` (a secret, bytes or str), placeholders are keyed: the same value
    gets the same placeholder in every text redacted with that key (`_pseudonyms`);
    a policy that shifts dates then needs each text's `subject` (whose text it is), and
    moves that person's dates by an offset derived from the key and the subject.
    `workers=N` detects in N processes; they start at once, or with `workers_from=C`
    only once the Redactor has been given C characters (in the background; until they
    are ready, detection runs in-process), since a start costs more than a short input
    saves.
    """

    def __init__(
        self,
        policy: Policy | str | Path | None = None,
        model: str = DEFAULT_MODEL,
        *,
        rules: RuleSet | str | Path | Iterable[str | Path] | None = None,
        keep: str | Sequence[str] = (),
        workers: int = 1,
        pseudonym_key: bytes | str | None = None,
        workers_from: int = 0,
    ) -> None:
        if workers > 1:
            check_main_module()  # a script without its __main__ guard fails before any load
        self.rules = rules if isinstance(rules, RuleSet) else load_rule_packs(rules)
        # A policy may name the entities of the packs in use, not only phimin.ENTITIES.
        self._rule_entities = {p.entity: p.category for p in self.rules.packs}
        base = load_policy(policy, rule_entities=self._rule_entities)
        if isinstance(keep, str):  # one name ("substance_use"), not its letters
            keep = (keep,)
        self.policy = base.keeping(*keep) if keep else base
        self._pseudonyms = None if pseudonym_key is None else PseudonymKey.of(pseudonym_key)
        self.model_name = model
        self.engine = DetectionEngine(load_model(model), self.rules)
        self.catalogue = self.engine.catalogue
        self._parallel = (
            ParallelDetector(model, self.rules, workers, start_after=workers_from)
            if workers > 1
            else None
        )

    @property
    def workers(self) -> int:
        return self._parallel.workers if self._parallel else 1

    @property
    def keyed(self) -> bool:
        """True when placeholders are keyed pseudonyms rather than numbered per text."""
        return self._pseudonyms is not None

    def new_state(self, subject: str | None = None) -> DocumentState:
        """A fresh document state whose placeholders this Redactor's key decides (if any).

        Pass it to `redact_stream` or `redact_with_state`; a state made otherwise numbers
        its placeholders 1, 2, 3... whatever the key. `subject` (with a key only) names
        whose text it is: shifted dates move by that person's keyed offset.
        """
        if self._pseudonyms is None:
            if subject is not None:
                raise InputError(
                    "a subject matters only with a pseudonym key (it picks the keyed date "
                    "offset); without one, each document or session draws its own"
                )
            return DocumentState()
        return DocumentState(book=KeyedPlaceholderBook(self._pseudonyms, subject))

    def _check_subject(self, policy: Policy, subject: str | None) -> None:
        """Refuse, before any work, a keyed date shift that would have no subject."""
        if subject is not None:
            check_subject(subject)
        elif self._pseudonyms is not None and policy.shift_dates:
            raise InputError(SUBJECT_NEEDED)

    def close(self) -> None:
        """Stop worker processes, if any. The Redactor works in-process afterwards."""
        if self._parallel is not None:
            self._parallel.close()
            self._parallel = None

    def __enter__(self) -> Redactor:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- public API ------------------------------------------------------------------

    def redact(
        self,
        text: str,
        *,
        policy: Policy | str | Path | None = None,
        subject: str | None = None,
    ) -> Redaction:
        """Redact one text. Raises `PhiminError` subclasses; never returns partial text.

        `subject` (with a pseudonym key): whose text it is, for the keyed date offset.
        """
        check_text(text)
        effective = self._policy(policy)
        self._check_subject(effective, subject)
        state = self.new_state(subject)
        piece = self._window(_reserved(state, text), final=True, state=state, policy=effective)
        return Redaction(text=piece.text, findings=piece.findings)

    def redact_stream(
        self,
        pieces: Iterable[str],
        *,
        policy: Policy | str | Path | None = None,
        state: DocumentState | None = None,
        window_chars: int = WINDOW_CHARS,
        subject: str | None = None,
    ) -> Iterator[RedactedPiece]:
        """Redact a document arriving in pieces; yields output as windows complete.

        Each yielded `RedactedPiece` is final: `.text` is the redacted form of
        input[`.input_start`:`.input_end`] (join the `.text`s for the whole output) and
        `.findings` are the findings in that range, in document offsets. Memory is
        bounded by `window_chars`, not by the document. Names learnt in one window carry
        forward to later ones; placeholders stay consistent throughout. `subject` is as
        for `redact` (with `state`, give it to `new_state` instead).
        """
        if window_chars <= _WINDOW_TAIL:  # nothing could ever be emitted before the end
            raise InputError(f"window_chars must be more than {_WINDOW_TAIL}")
        effective = self._policy(policy)
        if state is None:
            self._check_subject(effective, subject)
            state = self.new_state(subject)
        elif subject is not None:
            raise InputError("a state carries its subject already: give it to new_state")
        buffer = ""
        for piece in pieces:
            check_text(piece)
            buffer += piece
            while len(buffer) >= window_chars:
                out, buffer = self._emit(buffer, state, effective)
                yield out
        yield self._window(_reserved(state, buffer), final=True, state=state, policy=effective)

    def redact_many(
        self,
        texts: Iterable[str],
        *,
        policy: Policy | str | Path | None = None,
        batch_chars: int = BATCH_CHARS,
        one_session: bool = False,
        subject: str | None = None,
        subjects: Iterable[str | None] | None = None,
    ) -> Iterator[Redaction]:
        """Redact many texts, in order, batching them through the model.

        By default the texts are independent: each gets its own placeholders, as with
        `redact` (`[PERSON_1]` is whoever comes first in that text). With `one_session`,
        they are the turns of one conversation: one numbering and the names learnt carry
        from each text to the next, as in a `Session` (without its restore ledger).
        Offsets are into each text either way. Batching lets spaCy work on many short
        texts at once; with worker processes, the next batch is detected while this one
        is finished in the parent.

        With a pseudonym key, `subject` names whose texts these all are, or `subjects`
        (one per text, in order, same length) whose each is: for the keyed date offset.
        A text whose subject is missing where one is needed fails the call (at its batch).
        """
        if isinstance(texts, str):  # each letter would be a text of its own
            raise InputError("redact_many takes a list of texts; for one text use redact")
        effective = self._policy(policy)
        if subjects is not None and (subject is not None or one_session):
            raise InputError(
                "subjects (one per text) goes without subject and one_session "
                "(one session is about one subject)"
            )
        shared = self.new_state(subject) if one_session else None
        checked = (
            (t, self._subject_of(effective, s)) for t, s in _with_subjects(texts, subject, subjects)
        )
        pending: tuple[list[_Prepared], Callable[[], list[list[Detection]]]] | None = None
        for batch in _batches(checked, batch_chars):
            started = (batch, self._start_detection([t for p in batch for t in p.chunk_texts]))
            if pending is not None:
                yield from self._finish_batch(*pending, effective, shared)
            pending = started
        if pending is not None:
            yield from self._finish_batch(*pending, effective, shared)

    def _start_detection(self, chunk_texts: list[str]) -> Callable[[], list[list[Detection]]]:
        if self._parallel is not None and self._parallel.wants(chunk_texts):
            return self._parallel.submit(chunk_texts).result
        detected = self.engine.detect(chunk_texts)
        return lambda: detected

    def _finish_batch(
        self,
        batch: list[_Prepared],
        detections: Callable[[], list[list[Detection]]],
        policy: Policy,
        shared: DocumentState | None = None,
    ) -> Iterator[Redaction]:
        detected = detections()
        start = 0
        for prepared in batch:
            n = len(prepared.chunk_texts)
            state = shared if shared is not None else self.new_state(prepared.subject)
            base = state.offset
            _reserve(state, prepared.text, prepared.view.text)
            run = functools.partial(
                self._finish, prepared, detected[start : start + n], True, state, policy, None
            )
            piece = _guarded(run)
            start += n
            findings = piece.findings
            if base:  # a shared state's offsets run across the texts
                findings = tuple(
                    replace(f, start=f.start - base, end=f.end - base) for f in piece.findings
                )
            yield Redaction(text=piece.text, findings=findings)

    def redact_with_state(
        self,
        text: str,
        state: DocumentState,
        *,
        policy: Policy | str | Path | None = None,
    ) -> RedactedPiece:
        """Redact `text` as the next part of a document or conversation."""
        check_text(text)
        prepared = _reserved(state, text)
        return self._window(prepared, final=True, state=state, policy=self._policy(policy))

    def _subject_of(self, policy: Policy, subject: str | None) -> str | None:
        self._check_subject(policy, subject)
        return subject

    # --- the pipeline ----------------------------------------------------------------

    def _policy(self, policy: Policy | str | Path | None) -> Policy:
        if policy is None:
            return self.policy
        return load_policy(policy, rule_entities=self._rule_entities)

    def _emit(self, buffer: str, state: DocumentState, policy: Policy) -> tuple[RedactedPiece, str]:
        """Process a full window, emit up to a line break before its tail, keep the rest.

        A line longer than half a window is cut inside, after a space if there is one:
        memory stays bounded on a single-line input, and the text before the cut was
        still judged with `_WINDOW_TAIL` characters of context after it.
        """
        prepared = _reserved(state, buffer)
        limit = len(buffer) - _WINDOW_TAIL
        cut = buffer.rfind("\n", 0, limit)
        if cut <= limit // 2:
            cut = buffer.rfind(" ", limit // 2, limit)
        cut = cut + 1 if cut > limit // 2 else limit
        before = state.offset
        piece = self._window(prepared, final=False, state=state, policy=policy, emit_until=cut)
        return piece, buffer[state.offset - before :]

    def _window(
        self,
        prepared: _Prepared,
        *,
        final: bool,
        state: DocumentState,
        policy: Policy,
        emit_until: int | None = None,
    ) -> RedactedPiece:
        def run() -> RedactedPiece:
            detections = self._detect_chunks(prepared.chunk_texts)
            return self._finish(prepared, detections, final, state, policy, emit_until)

        return _guarded(run)

    def _detect_chunks(self, chunk_texts: list[str]) -> list[list[Detection]]:
        if self._parallel is not None and self._parallel.wants(chunk_texts):
            return self._parallel.detect(chunk_texts)
        return self.engine.detect(chunk_texts)

    def _finish(
        self,
        prepared: _Prepared,
        chunk_detections: Sequence[list[Detection]],
        final: bool,
        state: DocumentState,
        policy: Policy,
        emit_until: int | None,
    ) -> RedactedPiece:
        text, view = prepared.text, prepared.view
        detections = self._document_detections(prepared, chunk_detections, state)
        candidates = self._decide(view.to_original, detections, policy)
        resolved = resolve(candidates)
        end = len(text)
        if not final and emit_until is not None:
            end = emit_until
            for c in resolved:  # never cut through a finding
                if c.start < end < c.end:
                    end = c.start
            resolved = [c for c in resolved if c.end <= end]
        replacements, findings = self._transform(text, view.text, resolved, state, policy)
        out = build_output(text[:end], replacements)
        base = state.offset
        state.offset += end
        return RedactedPiece(
            out,
            tuple(
                Finding(
                    f.start + base, f.end + base, f.entity, f.category, f.score, f.rule_id, f.action
                )
                for f in findings
            ),
            input_start=base,
            input_end=base + end,
        )

    def _document_detections(
        self, prepared: _Prepared, chunk_detections: Sequence[list[Detection]], state: DocumentState
    ) -> list[Detection]:
        """The chunks' detections in document offsets, with names and places spread and
        sensitive phrases whole."""
        norm = prepared.view.text
        detections = [
            d.shifted(chunk.start)
            for chunk, found in zip(prepared.chunks, chunk_detections, strict=True)
            for d in found
        ]
        spreaded = spread(
            norm,
            detections,
            known_names=state.known_names,
            known_places=state.known_places,
            lexicon=self.engine.lexicon,
            catalogue=self.catalogue,
            protected=self.engine.protected_spans(norm),
        )
        # "four or five beers a night": never "four or [substance use]".
        return whole_phrases(norm, spreaded, self.catalogue)

    def detections(self, text: str) -> list[Detection]:
        """What every rule found in `text`, each on its own (before duplicates are dropped,
        evidence is combined, the policy decides and overlaps are resolved), in offsets of
        its normalized view: for testing a rule, or seeing why a finding has the rule id
        it has. Slower than `redact`; not for production use."""
        check_text(text)

        def run() -> list[Detection]:
            prepared = _prepare(text)
            found = list(self.engine.iter_detect(prepared.chunk_texts, every_rule=True))
            return self._document_detections(prepared, found, DocumentState())

        return _guarded(run)

    def _decide(
        self,
        to_original: Callable[[int, int], tuple[int, int]],
        detections: Iterable[Detection],
        policy: Policy,
    ) -> list[Candidate]:
        candidates = []
        seen: set[tuple[int, int, str]] = set()
        for d in sorted(detections, key=lambda d: -d.score):
            key = (d.start, d.end, d.entity)
            if key in seen:  # the same detection from two overlapping chunks
                continue
            seen.add(key)
            record = self.catalogue.get(d.rule_id, d.entity)
            rule = policy.rule_for(d.entity, record.category)
            if d.score < rule.threshold:
                continue
            start, end = to_original(d.start, d.end)
            candidates.append(
                Candidate(
                    start,
                    end,
                    d.start,
                    d.end,
                    d.entity,
                    record.category,
                    d.score,
                    record,
                    rule.action,
                )
            )
        return candidates

    def _transform(
        self,
        text: str,
        norm: str,
        resolved: Sequence[Candidate],
        state: DocumentState,
        policy: Policy,
    ) -> tuple[list[Replacement], list[Finding]]:
        replacements = []
        findings = []
        for c in resolved:
            action = c.action
            if action is not Action.KEEP:
                surface = norm[c.norm_start : c.norm_end]
                new_text = OPERATORS[action].operate(
                    surface,
                    {
                        "book": state.book,
                        "entity": c.entity,
                        "places": self.engine.places,
                        "wording": c.rule.wording,
                        "keep_year": policy.keep_year,
                        "shift_dates": policy.shift_dates,
                        "year_only": c.rule.has(Trait.YEAR_ONLY),
                        "at_a_place": c.rule.has(Trait.FACILITY)
                        or _AT_A_PLACE.search(text, max(0, c.start - 6), c.start) is not None,
                        "state_follows": _STATE_AFTER.match(text, c.end) is not None,
                    },
                )
                if new_text == text[c.start : c.end]:
                    action = Action.KEEP  # already at the minimum necessary level
                else:
                    replacements.append(Replacement(c.start, c.end, new_text))
                    if state.replaced is not None:
                        state.replaced.append(
                            Replaced(
                                c.start + state.offset,
                                c.end + state.offset,
                                c.entity,
                                action,
                                new_text,
                            )
                        )
            findings.append(
                Finding(c.start, c.end, c.entity, c.category, c.score, c.rule_id, action)
            )
        return replacements, findings


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A text made ready for detection: its normalized view, cut into chunks."""

    text: str
    view: NormalizedText
    chunks: tuple[Chunk, ...]
    chunk_texts: list[str]
    subject: str | None = None  # whose text it is (redact_many with a key)


def _prepare(text: str, subject: str | None = None) -> _Prepared:
    view = normalize(text)
    chunks = tuple(chunk_spans(view.text, CHUNK_CHARS, OVERLAP_CHARS))
    return _Prepared(text, view, chunks, [view.text[c.start : c.end] for c in chunks], subject)


def _with_subjects(
    texts: Iterable[str], subject: str | None, subjects: Iterable[str | None] | None
) -> Iterator[tuple[str, str | None]]:
    """Each text with its subject: `subject` for all, or the next of `subjects`."""
    if subjects is None:
        for text in texts:
            yield text, subject
        return
    missing = object()
    them = iter(subjects)
    for text in texts:
        one = next(them, missing)
        if one is missing:
            raise InputError("subjects must give one subject per text: too few")
        yield text, cast("str | None", one)
    if next(them, missing) is not missing:
        raise InputError("subjects must give one subject per text: too many")


def _batches(
    texts: Iterable[tuple[str, str | None]], batch_chars: int
) -> Iterator[list[_Prepared]]:
    batch: list[_Prepared] = []
    size = 0
    for text, subject in texts:
        check_text(text)
        batch.append(_guarded(functools.partial(_prepare, text, subject)))
        size += len(text)
        if size >= batch_chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _guarded(run: Callable[[], _T]) -> _T:
    """Run a pipeline step; any unexpected failure becomes a PhiminError that quotes
    nothing (raised outside the handler, so the original is not chained to it)."""
    try:
        return run()
    except PhiminError:
        raise
    except Exception as exc:  # fail closed, and say where without quoting text
        failure = describe(exc)
    raise PhiminError(f"redaction failed: {failure}")


def _reserved(state: DocumentState, text: str) -> _Prepared:
    """`text` made ready for detection, its placeholder numbers reserved in `state`
    (`_reserve`), from one normalization for both."""
    prepared = _guarded(functools.partial(_prepare, text))
    _reserve(state, text, prepared.view.text)
    return prepared


def _reserve(state: DocumentState, text: str, view: str) -> None:
    """Never issue a number the input already uses, in any form an LLM would read as
    ours ("[person_1]", "PERSON_1", "[ PERSON_1 ]"), disguised or not (`view`: the
    text's normalized view)."""

    def literals() -> set[str]:
        found = placeholder_literals(text)
        return found | placeholder_literals(view) if view != text else found

    state.book.reserve_existing(" ".join(sorted(_guarded(literals))))
    state.book.reserve_wordings(text)  # "[date in 2026]" typed in the input, likewise
