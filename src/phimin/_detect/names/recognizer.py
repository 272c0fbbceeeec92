"""`NameRecognizer`: every name rule family run over one chunk, in a fixed order.

The rules that read tokens one at a time (a title, a credential, a kin word or a
greeting before or after a name) share one pass; the rules that read the text (a
doctor's title glued to a name, charting shorthand) run after it. The order is
part of the contract: when two rules find the same span with the same score,
Presidio keeps the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc

from phimin._detect import turn_answers  # (a module: it imports these rules' clauses)
from phimin._detect.base import PhiminRecognizer
from phimin._detect.case import case_of
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon
from phimin._detect.names import (
    apodos,
    charting,
    clauses,
    exports,
    guesses,
    kin,
    nicknames,
    slots,
    spanish,
    speech,
    titles,
    turns,
)
from phimin._detect.names.tokens import Span, Tokens, outside_things, to_detections
from phimin._detect.words import (
    GREETINGS,
    PLURAL_RELATIONS,
    POSTNOMINALS,
    RELATIONS,
    TITLES,
)

__all__ = ["NameRecognizer"]

# Every word a branch of `_spans`' loop starts from (`titles.is_postnominal` needs one of
# POSTNOMINALS, `speech.greeting` one of GREETINGS or "thank"): most tokens are none.
_CUES = (
    TITLES
    | titles.SPANISH_HONORIFICS
    | POSTNOMINALS
    | RELATIONS
    | PLURAL_RELATIONS
    | GREETINGS
    | {"thank"}
)


class NameRecognizer(PhiminRecognizer):
    """Rule-based PERSON detection on spaCy tokens, with the name lexicon."""

    ENTITIES = ("PERSON",)

    def __init__(
        self,
        lexicon: NameLexicon,
        places: frozenset[str] = frozenset(),
        regions: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__()
        self.lexicon = lexicon
        self.places = places  # lower-case place names: left to the place recognizers
        self.regions = regions  # states and countries ("virginia", "georgia")

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Detection]:
        doc: Doc | None = getattr(nlp_artifacts, "tokens", None)
        if doc is None or len(doc) == 0:
            return []
        last = doc[-1]
        if last.idx + len(last.text_with_ws) != len(text):  # not this text's doc
            text = doc.text
        toks = Tokens(doc, text, self.lexicon, case_of(text, nlp_artifacts))
        mode, lex = toks.mode, self.lexicon
        spans = sorted(self._spans(toks), key=lambda s: (s.start, -s.end))
        found = [
            *to_detections(toks, spans),
            *speech.speakers(text, mode, lex),
            *slots.initialled_speakers(text, lex),
            *exports.export_speakers(text, lex),
            *exports.cue_split_names(text, lex),
            *titles.doctors(text, lex),
            *titles.initials(text, mode, lex),
            *charting.aware(text, lex),
            *kin.family(text, mode, lex),
            *charting.cues(text, lex),
            *titles.roles(text, lex),
            *charting.signatures(text, lex),
            *charting.social_notes(text, lex),
        ]
        if mode == "upper":  # a note in capitals is charting, not conversation
            return outside_things(text, spanish.surname_tails(text, found, lex))
        every = [
            *found,
            *speech.opening_vocatives(text, lex),
            *speech.closing_vocatives(text, lex),
            *speech.spelled_names(text, lex),
            *titles.month_surnames(text, lex),
            *clauses.subjects(text, lex, mode=mode),
            *clauses.doers(text, lex),
            *clauses.kin_appositives(text, lex),
            *clauses.kin_named(text, lex),
            *clauses.role_appositives(text, lex),
            *clauses.named_between_commas(text, lex),
            *clauses.age_descriptions(text, lex),
            *clauses.presented(text, lex),
            *clauses.objects(text, lex, mode=mode),
            *clauses.questions(text, lex),
            *clauses.companions(text, lex, mode=mode),
            *clauses.from_somewhere(text, lex),
            *clauses.the_one_who(text, lex),
            *spanish.spanish_people(text, lex),
            *spanish.kin_of(text, lex),
            *apodos.spanish_nicknames(text),
            *nicknames.named_as(text, lex),
            *nicknames.named_first(text, lex),
            *nicknames.pointed_at(text, lex),
            *nicknames.prefixed(text, lex),
            *nicknames.asked_who(text, lex),
            *slots.letter_pair_names(text, mode),
            *slots.word_nicknames(text, lex, mode),
            *slots.sacred_full_names(text, lex),
            *slots.event_hosts(text, lex),
            *speech.turn_end_vocatives(text, lex),
            *turns.aged_or_acting(text, lex),
            *turns.little_ones(text, lex),
            *turns.guy_from(text, lex),
            *turns.quoted_address(text, lex),
            *turns.spanish_turn_ends(text, lex),
            *turn_answers.answered_names(text, lex),
        ]
        return outside_things(text, spanish.surname_tails(text, every, lex))

    def _spans(self, t: Tokens) -> Iterator[Span]:
        mixed = t.mode == "mixed"
        title = titles.TITLE.score if mixed else titles.TITLE.score_for("caseless")
        postnominal = (
            titles.POSTNOMINAL.score if mixed else titles.POSTNOMINAL.score_for("caseless")
        )
        relation = kin.RELATION.score if mixed else kin.RELATION.score_for("caseless")
        listed = kin.RELATION_LIST.score if mixed else kin.RELATION_LIST.score_for("caseless")
        for i, w in enumerate(t.lower):
            if w not in _CUES:
                continue  # none of the branches below can start here
            span: Span | None = None
            if w in TITLES:
                span = titles.title_at(t, i, title)
                if span is None and w in RELATIONS:  # "my probation officer will said"
                    span = kin.relation_at(t, i, relation)
            elif w in titles.SPANISH_HONORIFICS:
                span = titles.honorific_at(t, i, title)
            elif titles.is_postnominal(t, i):
                span = titles.postnominal_at(t, i, postnominal)
            elif w in RELATIONS:
                span = kin.relation_at(t, i, relation)
            elif w in PLURAL_RELATIONS:
                yield from kin.relation_list_at(t, i, listed)
            elif speech.greeting(t, i):
                span = speech.vocative_at(t, i)
            if span is not None:
                yield span
        yield from speech.introductions(t)
        yield from speech.leading_vocatives(t)
        yield from guesses.gazetteer(t, self.regions)
        yield from guesses.repeated_surnames(t)
        yield from guesses.proper_nouns(t, self.places)
