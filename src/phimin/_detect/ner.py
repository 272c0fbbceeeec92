"""spaCy's named entities, filtered for clinical text.

The model reads "CBT" and "EMDR" as organizations, drug names as people, and states
as places. Entities are kept when they survive these filters; their score depends on
how far capitals can be trusted in this text (see `phimin._detect.case`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Span

from phimin._catalogue import builtin
from phimin._detect.base import PhiminRecognizer
from phimin._detect.case import CaseMode, case_of
from phimin._detect.clinical import MEDICATIONS, is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.geography import PlaceLexicon
from phimin._detect.lexicon import NameLexicon
from phimin._detect.words import NON_NAME_WORDS, POSTNOMINALS, RELATIONS, TITLES

__all__ = ["CLINICAL_ABBREVIATIONS", "NerRecognizer"]

CLINICAL_ABBREVIATIONS = frozenset(
    """cbt dbt emdr act ipt mi mbct cpt pe tf-cbt iop php otp mat aa na ca smart er ed icu
    ccu micu sicu pacu or pt ot st slp sw dsm icd phq gad pcl bdi bai ptsd adhd add ocd
    bpd gad mdd sud aud oud ssri snri maoi tca ect tms ekg ecg eeg mri ct cbc bmp cmp
    tsh uds bal cps dcfs dss dhs ssi ssdi snap wic hud section medicaid medicare hipaa
    npi dea fda cdc nih samhsa nami va iep 504 ada icu rn np md lcsw lmft lpc phd psyd
    cna pcp ob gyn obgyn peds psych neuro cards gi ent urology covid hiv aids std sti
    hcv hbv prep pep art""".split()
)
_GENERIC_ORG_WORDS = frozenset(
    """the a an hospital clinic school university college church court police department
    state county city office center program group team unit company work job therapy
    treatment services service agency board jail prison shelter""".split()
)


_PERSON = builtin("phimin.ner.person")
_PLACE_AS_PERSON = builtin("phimin.ner.place_as_person")
_ORGANIZATION = builtin("phimin.ner.organization")
_LOCATION = builtin("phimin.ner.location")


# Verbs that open a sentence with the person they reach: "Call Baker", "Met Okafor".
_CONTACT_VERBS = frozenset(
    """call called ask asked tell told email emailed text texted page paged phone phoned
    contact contacted remind reminded thank thanked meet met saw see notify notified""".split()
)
# Words between a field's label and its number: "Driver's license no. D1234567".
_LABEL_WORDS = frozenset("'s ’s license licence number no no. # id is was : -".split())


def _labels_a_number(span: Span) -> bool:
    """Is a number (a token with a digit) within three label words after `span`?"""
    doc = span.doc
    for token in doc[span.end : span.end + 4]:
        if any(ch.isdigit() for ch in token.text):
            return True
        if token.lower_ not in _LABEL_WORDS:
            return False
    return False


def _clinical(word: str) -> bool:
    return word in CLINICAL_ABBREVIATIONS or is_clinical_term(word)


class NerRecognizer(PhiminRecognizer):
    ENTITIES = ("PERSON", "ORGANIZATION", "LOCATION")

    def __init__(self, places: PlaceLexicon, lexicon: NameLexicon) -> None:
        super().__init__()
        self.places = places
        self.lexicon = lexicon

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Detection]:
        entities = getattr(nlp_artifacts, "entities", None) or []
        return list(self._find(entities, case_of(text, nlp_artifacts)))

    def _find(self, entities: list[Span], mode: CaseMode) -> Iterator[Detection]:
        for ent in entities:
            label = ent.label_
            if label in ("PERSON", "PER"):
                hit = self._person(ent, mode)
            elif label == "ORG":
                hit = self._organization(ent, mode)
            elif label in ("GPE", "LOC", "FAC"):
                hit = self._location(ent, mode)
            else:
                hit = None
            if hit is not None:
                yield hit

    @staticmethod
    def _trim(ent: Span) -> Span | None:
        """Drop titles, credentials, role and kin words and punctuation at an entity's edges."""
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and (
            doc[start].lower_.rstrip(".") in TITLES
            or doc[start].lower_ in NON_NAME_WORDS
            or doc[start].lower_ in RELATIONS  # "Nephew Ed": the model takes kin in
            or not doc[start].is_alpha
        ):
            start += 1
        if (
            end - start > 1
            and doc[start].lower_ in _CONTACT_VERBS
            and (start == 0 or not doc[start - 1].is_alpha)
        ):
            start += 1  # "Call Baker at 555-0143", "Met Okafor at the clinic": the verb
        while end > start and (
            doc[end - 1].lower_ in POSTNOMINALS
            or doc[end - 1].lower_ in NON_NAME_WORDS
            or doc[end - 1].lower_ in RELATIONS
            or doc[end - 1].lower_ in ("'s", "’s")
            or not (doc[end - 1].is_alpha or doc[end - 1].text[-1:].isalpha())
        ):
            end -= 1
        return doc[start:end] if end > start else None

    def _implausible(self, span: Span, mode: CaseMode) -> bool:
        """Shapes the model gets wrong in notes: lower-case words in mixed text, short
        acronyms ("IV", "RA", "BB"), a single everyday word ("Alert", "Fluid")."""
        text = span.text
        if mode == "mixed" and not any(t.text[:1].isupper() for t in span):
            return True
        if text.isupper() and len(text) <= 3:
            return True
        if len(span) == 1:
            w = text.lower()
            everyday = self.lexicon.is_common_word(w) or self.lexicon.is_english(w)
            # "Alert", "Titrate": everyday words; "Mark", "White": names the model saw.
            if everyday and not self.lexicon.is_name(w):
                return True
            # "Driver's license D1234567", "Plate 7ABC123": an everyday word that a
            # surname list has too, no first name, labelling the number after it.
            return everyday and not self.lexicon.is_first_name(w) and _labels_a_number(span)
        return False

    def _person(self, ent: Span, mode: CaseMode) -> Detection | None:
        span = self._trim(ent)
        if span is None or self._implausible(span, mode):
            return None
        words = [t.lower_ for t in span if t.is_alpha]
        if not words or any(_clinical(w) for w in words):
            return None
        if all(w in NON_NAME_WORDS for w in words):
            return None
        if all(
            self.lexicon.is_english(w) and not self.lexicon.is_first_name(w) for w in words
        ) and any(not self.lexicon.is_name(w) for w in words):
            # "Female Admit Age", "Heart Rate Goal": a heading of everyday words, no first
            # name among them and one no name at all ("Smith Baker" stays: both are names)
            return None
        if any(ch.isdigit() or ch in "@/" for ch in span.text):
            return None  # an address or a number the model read as a name
        # In all-capital or all-lower text the model is guessing: a hint, not evidence,
        # and below every preset's threshold unless a word of it is a known name
        # ("THICK TAN", "will continue" are what it guesses there).
        if mode == "mixed":
            score = _PERSON.score
        elif any(self.lexicon.is_clear_name(w) for w in words):
            score = _PERSON.score_for("caseless_known_name")
        else:
            score = _PERSON.score_for("caseless")
        return _PERSON.at(span.start_char, span.end_char, score)

    def _organization(self, ent: Span, mode: CaseMode) -> Detection | None:
        span = self._trim(ent)
        if span is None or self._implausible(span, mode):
            return None
        lowered = span.text.lower()
        words = [t.lower_ for t in span if t.is_alpha]
        if not words or lowered in CLINICAL_ABBREVIATIONS or any(_clinical(w) for w in words):
            return None
        if all(w in _GENERIC_ORG_WORDS or w in CLINICAL_ABBREVIATIONS for w in words):
            return None
        if span.text.isupper() and len(span.text) <= 5:
            return None  # acronyms: agencies, programs, tests
        score = _ORGANIZATION.score if mode == "mixed" else _ORGANIZATION.score_for("caseless")
        return _ORGANIZATION.at(span.start_char, span.end_char, score)

    def _location(self, ent: Span, mode: CaseMode) -> Detection | None:
        span = self._trim(ent)
        if span is None or self._implausible(span, mode):
            return None
        lowered = span.text.lower().removeprefix("the ")
        if (
            lowered in self.places.not_below_state
            or lowered in CLINICAL_ABBREVIATIONS
            or is_clinical_term(lowered)
            # "the Lex- the Lexapro": a drug in it makes it no place
            or any(t.lower_ in MEDICATIONS for t in span)
        ):
            return None
        if mode != "mixed" and lowered not in self.places.cities:
            return None
        words = lowered.split()
        if (
            len(words) == 2
            and lowered not in self.places.cities
            and self.lexicon.is_first_name(words[0])
            and self.lexicon.is_clear_name(words[1])
        ):
            # "ask for Wei Okafor": a first name and a surname the model took for a
            # place, and no city has that name: a person.
            return _PLACE_AS_PERSON.at(span.start_char, span.end_char)
        score = _LOCATION.score if mode == "mixed" else _LOCATION.score_for("caseless")
        return _LOCATION.at(span.start_char, span.end_char, score)
