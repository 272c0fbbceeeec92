"""Names the statistical model misses: by title, relation, introduction, address.

Therapy text names people in ways a news-trained NER model does not expect:
lower-case speech-recognition transcripts ("[patient] my name is maria"), names that are
ordinary words ("my daughter Hope"), names in direct address ("thanks, Will."),
speaker tags ("MARIA: ..."), clinicians after titles ("dr marchetti aware"). These rules
work on spaCy's tokens with the name lexicon; each rule has its own rule id and score.

The text's case decides how much capitals mean: in mixed-case text a capital is
evidence; in all-caps or all-lower text it is not, and the lexicon must carry it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import regex
from spacy.attrs import IDX, IS_SPACE, LENGTH, LOWER, SPACY
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from phimin._detect.base import Hit, PhiminRecognizer
from phimin._detect.clinical import MEDICATIONS, is_clinical_term
from phimin._detect.lexicon import NameLexicon
from phimin._detect.lines import finditer_by_line

__all__ = ["NON_NAME_WORDS", "CaseMode", "NameRecognizer", "case_mode"]

CaseMode = Literal["mixed", "upper", "lower"]

_NAME_TOKEN = regex.compile(r"^[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_]))*$")

TITLES = frozenset(
    """dr drs doctor doctors mr mrs ms miss mx prof professor nurse officer detective det judge
    attorney atty pastor father fr rev reverend rabbi imam sgt sergeant captain capt
    coach dra sra srta monsieur madame mme herr frau""".split()
)
# Clinical roles written before a name in notes: "NP JEN AWARE", "per RRT Smith".
ROLES = frozenset(
    """np rn pa rrt rt sw cm ho resident intern fellow attending crnp lpn cna md""".split()
)
POSTNOMINALS = frozenset(
    """md do rn np pa pa-c lcsw licsw lmft lpc lpcc lmhc phd psyd edd lcpc lisw cadc ladc
    dnp aprn pmhnp lpn cna mft msw ma bsn rrt crnp fnp acnp cnm rd""".split()
)
RELATIONS = frozenset(
    """wife husband partner boyfriend girlfriend fiance fiancee fiancé fiancée spouse ex
    mother mom mum mommy mama father dad daddy papa son daughter brother sister sibling
    aunt uncle cousin niece nephew grandmother grandma granny grandfather grandpa
    grandson granddaughter friend bff roommate neighbor neighbour boss supervisor
    manager coworker co-worker colleague therapist psychiatrist psychologist counselor
    counsellor pcp caseworker sponsor lawyer attorney teacher coach pastor priest
    caregiver aide guardian stepmother stepfather stepmom stepdad stepson stepdaughter
    stepbrother stepsister child kid baby twin toddler infant newborn ex-wife ex-husband
    ex-boyfriend ex-girlfriend landlord employer doula midwife nanny tutor dtr sis bro gf
    bf hubby proxy hcp grandaughter grandchild""".split()
)
GREETINGS = frozenset(
    """hi hello hey thanks bye goodbye morning afternoon evening welcome dear sorry""".split()
)
INTRODUCTIONS = (
    ("my", "name", "is"),
    ("my", "name", "'s"),
    ("name", "is"),
    ("names", "are"),
    ("name", ":"),
    ("call", "me"),
    ("goes", "by"),
    ("known", "as"),
    ("named",),
    ("called",),
    ("named", "him"),
    ("named", "her"),
    ("named", "them"),
    ("called", "him"),
    ("called", "her"),
    ("last", "name", "?"),
    ("first", "name", "?"),
    ("name", "?"),
    ("surname", "is"),
)
WEAK_INTRODUCTIONS = (("i", "am"), ("i", "'m"), ("this", "is"), ("it", "'s"))
_PHRASES_BY_FIRST_WORD: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
for _phrase, _weak in [(p, False) for p in INTRODUCTIONS] + [(p, True) for p in WEAK_INTRODUCTIONS]:
    _PHRASES_BY_FIRST_WORD.setdefault(_phrase[0], []).append((_phrase, _weak))
PARTICLES = frozenset(
    """de del della da dos das van von der den ter bin ibn al el la le di du""".split()
)

# Words that are never names here, whatever the lexicon says: roles, headings,
# calendar words, clinical terms.
NON_NAME_WORDS = frozenset(
    """therapist client counselor counsellor patient pt doctor dr nurse interviewer speaker
    subjective objective assessment plan note notes date time session summary goals goal
    meds medications medication diagnosis history hpi pmh cc ros mse risk dx rx mental
    status family social psychiatric impression intervention interventions response
    progress provider clinician case manager worker team staff ceo cfo vp mom dad mother father
    sister brother son daughter wife husband god lord jesus christ bible church monday
    tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today tomorrow yesterday
    morning afternoon evening night weekend english spanish okay ok yes yeah no hmm um
    uh mm right well so sure alright thanks thank hi hello hey bye sir madam maam ma'am oh
    ah um like wow
    guys everyone everybody folks anyone somebody someone baby honey sweetie buddy dude
    man woman girl boy kid kids child children people group emergency department unit
    floor room er ed icu hospital clinic office home school work job court police covid
    corona virus internet facebook instagram google zoom netflix hulu tiktok snapchat
    twitter reddit youtube spotify uber lyft xbox playstation nintendo fortnite minecraft
    roblox discord whatsapp iphone android tinder bumble hinge venmo paypal doordash
    grubhub ubereats telehealth""".split()
)


# Every byte but the ASCII capitals (or small letters): deleting them counts the rest.
_NOT_UPPER = bytes(b for b in range(256) if not 65 <= b <= 90)
_NOT_LOWER = bytes(b for b in range(256) if not 97 <= b <= 122)


def case_mode(text: str) -> CaseMode:
    """Is the text mostly capitals, almost none, or mixed (ASCII letters counted)?"""
    ascii_only = text.encode("ascii", "ignore")  # eight recognizers ask, once a chunk each
    upper = len(ascii_only.translate(None, _NOT_UPPER))
    lower = len(ascii_only.translate(None, _NOT_LOWER))
    letters = upper + lower
    if letters == 0:
        return "mixed"
    if upper / letters > 0.6:
        return "upper"
    if upper / letters < 0.015:
        return "lower"
    return "mixed"


@dataclass(frozen=True, slots=True)
class _Span:
    start: int  # token index
    end: int  # token index, exclusive
    score: float
    rule: str


# Internal capitals mark brands (TikTok, YouTube) unless they follow a name prefix
# (McDonald, DeShawn, LaToya, O'Brien).
_BRAND_CASE = regex.compile(
    r"^(?!(?:Mc|Mac|De|Da|Di|Du|La|Le|Van|Von|O['’])\p{Lu})\p{Lu}\p{Ll}+\p{Lu}"
)
_NAME_WORD = r"\p{L}[\p{L}'’-]{1,30}"
_DOCTOR = regex.compile(
    rf"(?i)(?<![\w+/-])(?P<title>dr|drs|doctor|doctors|docter|mr|mrs|ms|miss|mx)(?:\.[ ]*|[ ]+)"
    rf"(?P<initial>\p{{L}}\.?[ ]+(?=\p{{L}}{{2}}))?(?P<a>{_NAME_WORD})"
    rf"(?:[ ]+(?:and|&)[ ]+(?!(?:dr|drs|doctor)\b)(?P<b>{_NAME_WORD}))?"
)
_INITIAL_NAME = regex.compile(rf"(?<![\w.'’])\p{{L}}\.[ ]?(?P<name>{_NAME_WORD})(?![\w'’])")
# "per d ross", "paged by j hale": in a lower-case note an initial with no period, after
# a word that names who did or said something.
_CUE_INITIAL_NAME = regex.compile(
    r"(?i)(?<![\w])(?:per|by|w/|with|paged|notified|called)[ ]+(?P<person>\p{L}[ ]"
    rf"(?P<name>{_NAME_WORD}))(?![\w'’])"
)
_INITIAL_NAME_UPPER = regex.compile(
    # ("J. PALMIERI-PT": a role after a hyphen is not part of the surname)
    r"(?<![\w.'’/])\p{Lu}(?P<dot>\.)?[ ]"
    r"(?P<name>\p{Lu}[\p{Lu}'’]{1,30}(?:-\p{Lu}[\p{Lu}'’]{2,30})?)(?![\w'’])"
)
_AWARE = regex.compile(
    rf"(?i)(?<![\w'’])(?P<name>{_NAME_WORD}(?:[ ]{_NAME_WORD})?)[ ]+(?:made[ ])?"
    r"(?:aware|notified|paged|informed|updated|at[ ]bedside|in[ ]to[ ]see)(?![\w])"
)
_AWARE_TRIGGER = regex.compile(
    r"(?i)aware|notified|paged|informed|updated|at[ ]bedside|in[ ]to[ ]see"
)
# Words that follow "dr" or precede "aware" in notes and are not names.
_NOT_AFTER_CUE = frozenset(
    """aware notified paged called informed made updated ordered ordering here there
    today tonight tomorrow yesterday office appointment appt visit team service note
    notes order orders plan said says saw seen see came come will would wants want
    following follow followed consult consulted covering cover primary family pt patient
    patients staff nurse nursing resident residents intern fellow attending md np rn pa
    remains remained also already again still now then just not""".split()
)
_KIN = regex.compile(
    rf"(?i)(?<![\w'’])(?:the[ ]+)?(?P<name>{_NAME_WORD}(?:[ ]{_NAME_WORD})?)"
    r"(?:[ ]+family(?![\w])|[ ]*\((?:daughter|son|wife|husband|mother|father|sister|brother"
    r"|niece|nephew|grandson|granddaughter|proxy|hcp|friend|partner|dtr"
    r"|(?P<role>resident|fellow|intern|attending|np|rn|md|sw|rrt|chaplain))\))"
)
_KIN_TRIGGER = regex.compile(r"(?i)family|\(")
# A name after "client" needs two words ("client quillon brackenridge"): one unknown
# word after "pt" is more often a misspelt verb ("pt recieved").
_CLIENT_CUE = regex.compile(
    rf"(?i)(?<![\w])(?:client|patient|member|caller|student)[ ]*[:\[]?[ ]*"
    rf"(?P<name>{_NAME_WORD}[ ]{_NAME_WORD})"
)
_CONTRACTION = regex.compile(r"['’](?:t|d|ll|re|ve|m)$", regex.IGNORECASE)
# "per md Haddad", "NP Lindgren", "HO OKONJO": a clinical role before a name. The roles
# are also abbreviations ("PA line", "MD aware"), so only a clear name follows.
_ROLE_NAME = regex.compile(
    rf"(?i)(?:(?<![\w/])|(?<=(?<![\w])w/))(?:np|pa|rn|md|ho|rrt|sw|cm|resident|intern|fellow|attending|nurse"
    rf"|psychiatrist|therapist|counselor|chaplain)[ .]+(?P<a>{_NAME_WORD})"
)
# A note signed at the end of a line, in any case: "linda harrow rn", "J. Ames, LCSW".
_SIGNATURE_CREDENTIAL = regex.compile(
    r"(?im)[ ]*,?[ ]+(?:rn|lcsw|licsw|msw|lpn|np|bsn|rrt|crnp|aprn|lmft|lpc|lmhc)\.?[ \t]*$"
)
# (read backwards from the credential, within its line: "\Z" is where the credential starts)
_SIGNATURE_NAME = regex.compile(rf"(?<![\w'’.])(?P<name>{_NAME_WORD}[ ]{_NAME_WORD})\Z")
_PLURAL_ACRONYM = regex.compile(r"^[A-Z]{2,}s$")
_NOT_A_HYPHENATED_NAME = regex.compile(
    r"(?i)^(?:(?P<w>\p{L}+)-(?P=w)|\p{L}{1,2}-\p{L}+|\p{L}+-\p{L}{1,2}|mm-hmm|uh-huh|uh-uh|mm-mm)$"
)
_CALLED_CUE = regex.compile(
    rf"(?i)(?<![\w'’])(?P<name>{_NAME_WORD}[ ]{_NAME_WORD})[ ]+(?:called|phoned|visited|texted"
    r"|emailed|came[ ]in|stopped[ ]by|left[ ]a[ ]message)(?![\w])"
)
# "social: bob visited", "Family: Rosa called": a first name opening the social note.
_SOCIAL_CUE = regex.compile(
    rf"(?i)(?<![\w])(?:social|family|visitors?)[ ]*:[ ]*(?P<name>{_NAME_WORD})[ ]+"
    r"(?:called|phoned|visited|texted|came[ ]in|in[ ]to[ ]visit|at[ ]bedside)(?![\w])"
)
# Text every match of the rule above it holds: a rule that opens on a name word
# tries every word of a chunk, so it runs only on the lines holding its cue.
_CALLED_TRIGGER = regex.compile(
    r"(?i)called|phoned|visited|texted|emailed|came[ ]in|stopped[ ]by|left[ ]a[ ]message"
)
_SPEAKER_LINE = regex.compile(
    r"(?m)^[ \t>\[]*(?P<name>\p{L}[\p{L}'’-]+(?:[ ]\p{L}[\p{L}'’-]+)?)[ \t]*[:\]]"
)
_SUBJECT_VERBS = frozenset(
    """is was has had said says lives lived began begins shouted told tells called calls
    went goes came comes will would can could did does got gets feels felt thinks thought
    wants wanted asked asks reported reports states stated denies denied works worked
    started stopped left arrived texted wrote writes reached admitted""".split()
)
_SENTENCE_END = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "]", ")", "-", "--"})


class _Tokens:
    """Per-chunk views of the tokens that the rules consult many times."""

    def __init__(self, doc: Doc, source: str, lexicon: NameLexicon, mode: CaseMode) -> None:
        """`source` is the text the doc was made from (doc.text would rebuild it)."""
        self.doc = doc
        self.source = source
        self.mode = mode
        self.lexicon = lexicon
        # Read the token attributes as arrays: a Token object per access costs more
        # than everything else the name rules do.
        # One list per attribute, not one per token: a list per token is a container
        # the garbage collector counts, and enough of them set off a full collection.
        columns = doc.to_array([IDX, LENGTH, LOWER, IS_SPACE, SPACY]).T.tolist()
        idx, lengths, lowers, spaces, trailing = columns
        strings = doc.vocab.strings
        self.idx: list[int] = idx
        self.text: list[str] = [source[i : i + n] for i, n in zip(idx, lengths, strict=True)]
        # "Dr." is one token: compare words without a trailing period.
        self.lower: list[str] = [
            strings[h].rstrip(".") if n > 1 else strings[h]
            for h, n in zip(lowers, lengths, strict=True)
        ]
        self.space: list[bool] = [bool(x) for x in spaces]
        self.ws: list[str] = [" " if x else "" for x in trailing]

    def __len__(self) -> int:
        return len(self.text)

    def wordlike(self, i: int) -> bool:
        return bool(_NAME_TOKEN.match(self.text[i])) and len(self.text[i]) >= 2

    def titlecase(self, i: int) -> bool:
        t = self.text[i]
        return t[:1].isupper() and not t.isupper()

    def allcaps(self, i: int) -> bool:
        t = self.text[i]
        return t.isupper() and len(t) >= 2

    def excluded(self, i: int) -> bool:
        w = self.lower[i]
        return (
            w in NON_NAME_WORDS
            or w in TITLES
            or w in RELATIONS
            or w in POSTNOMINALS
            or w in MEDICATIONS
            or w in PARTICLES
        )

    def candidate(self, i: int) -> bool:
        """Could token i be part of a name, judging by its shape and case?"""
        if i < 0 or i >= len(self) or not self.wordlike(i) or self.excluded(i):
            return False
        if self.mode == "mixed":
            if self.titlecase(i):
                return True
            return self.allcaps(i) and self.lexicon.is_clear_name(self.lower[i])
        return True

    def sentence_start(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.space[j]:
            if "\n" in self.text[j]:
                return True
            j -= 1
        if j < 0:
            return True
        return self.text[j] in _SENTENCE_END or "\n" in self.gap(j, i)

    def clinical(self, i: int) -> bool:
        """Ward vocabulary ("FOLEY", "MAE", "Aline placed"): never a name on weak evidence."""
        return is_clinical_term(self.lower[i])

    def known_or_rare(self, i: int) -> bool:
        """A lexicon name, or a word too rare to be everyday English."""
        w = self.lower[i]
        lex = self.lexicon
        if lex.is_name(w):
            return w not in lex.ambiguous or (self.mode == "mixed" and self.titlecase(i))
        return not lex.is_common_word(w) and len(w) >= 3

    def accept_after_strong(self, i: int) -> bool:
        """After a title or an introduction: any name-shaped word that is not common."""
        if not self.candidate(i) or self.lower[i] in STOP_WORDS:  # "the doctor. And he ..."
            return False
        if self.mode == "mixed" and self.titlecase(i):
            return True
        return self.known_or_rare(i)

    def accept_after_medium(self, i: int) -> bool:
        """After a relation word, a greeting or at a speaker tag."""
        if not self.candidate(i):
            return False
        # A capitalized grammar word is a name only mid-sentence ("my son Will"), never
        # opening one ("THERAPIST: How ...").
        if self.lower[i] in STOP_WORDS and (self.mode != "mixed" or self.sentence_start(i)):
            return False
        w = self.lower[i]
        if self.mode == "mixed":
            return self.titlecase(i) and (
                not self.lexicon.is_common_word(w) or self.lexicon.is_name(w)
            )
        return self.lexicon.is_clear_name(w) or (
            not self.lexicon.is_name(w) and not self.lexicon.is_common_word(w) and len(w) >= 3
        )

    def next_word(self, i: int) -> int:
        """Index of the next non-space token after i (len if none)."""
        j = i + 1
        while j < len(self) and self.space[j]:
            j += 1
        return j

    def prev_word(self, i: int) -> int:
        j = i - 1
        while j >= 0 and self.space[j]:
            j -= 1
        return j

    def gap(self, i: int, j: int) -> str:
        """The characters between the end of token i and the start of token j."""
        return self.source[self.idx[i] + len(self.text[i]) : self.idx[j]]

    def span_chars(self, start: int, end: int) -> tuple[int, int]:
        return self.idx[start], self.idx[end - 1] + len(self.text[end - 1])


# Titles that only ever stand before a surname.
_SURNAME_TITLES = frozenset({"mr", "mrs", "ms", "dr"})


def _surname_after(t: _Tokens, title: str, j: int) -> bool:
    """ "MR FOSTER", "dr. frost": after a personal title, a lexicon surname counts even
    when it is also a word (without capitals, nothing else tells them apart)."""
    w = t.lower[j]
    return (
        title in _SURNAME_TITLES
        and t.mode != "mixed"
        and t.candidate(j)
        and t.lexicon.is_name(w)
        and w not in STOP_WORDS
        and not t.clinical(j)
    )


# Words after which "Frederick, MD" is a town and its state, not a physician.
_PLACE_PREPOSITIONS = frozenset("in from near outside around into toward towards".split())


class NameRecognizer(PhiminRecognizer):
    """Rule-based PERSON detection on spaCy tokens, with the name lexicon."""

    ENTITIES = ("PERSON",)

    def __init__(self, lexicon: NameLexicon, places: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.lexicon = lexicon
        self.places = places  # lower-case place names: left to the place recognizers

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Hit]:
        doc: Doc | None = getattr(nlp_artifacts, "tokens", None)
        if doc is None or len(doc) == 0:
            return []
        last = doc[-1]
        if last.idx + len(last.text_with_ws) != len(text):  # not this text's doc
            text = doc.text
        toks = _Tokens(doc, text, self.lexicon, case_mode(text))
        spans = sorted(self._spans(toks), key=lambda s: (s.start, -s.end))
        return [
            *self._to_hits(toks, spans),
            *self._speaker_lines(text, toks.mode),
            *self._doctors(text),
            *self._initials(text, toks.mode),
            *self._aware(text, toks.mode),
            *self._family_of(text, toks.mode),
            *self._role_cues(text),
            *self._roles(text),
            *self._signatures(text),
            *self._social_notes(text),
        ]

    # --- the rules -------------------------------------------------------------------

    def _spans(self, t: _Tokens) -> Iterator[_Span]:
        mode = t.mode
        strong = 0.9 if mode == "mixed" else 0.85
        medium = 0.85 if mode == "mixed" else 0.8
        for i in range(len(t)):
            w = t.lower[i]
            if w in TITLES:
                j = t.next_word(i)
                if j < len(t) and t.text[j] == ".":
                    j = t.next_word(j)
                if j < len(t) and (t.accept_after_strong(j) or _surname_after(t, w, j)):
                    yield self._extend(t, j, strong, "phimin.name.title")
            elif (
                w in POSTNOMINALS and self._postnominal_marker(t, i) and not self._state_code(t, i)
            ):
                j = t.prev_word(i)
                if j >= 0 and t.text[j] == ",":
                    j = t.prev_word(j)
                if j >= 0 and t.accept_after_strong(j):
                    yield self._extend_back(t, j, strong - 0.05, "phimin.name.postnominal")
            elif w in RELATIONS:
                j = t.next_word(i)
                # "son, tom", "DAUGHTER-JOLENE", "proxy: Irene" (not "THERAPIST: How")
                skip = {",", "-", "--", "---", "="} | (set() if t.sentence_start(i) else {":"})
                while j < len(t) and t.text[j] in skip:
                    j = t.next_word(j)
                if j < len(t) and t.lower[j] in ("named", "called"):
                    j = t.next_word(j)
                if j < len(t) and (self._relation_name(t, j) or self._appositive(t, j)):
                    yield self._extend(t, j, medium, "phimin.name.relation")
            elif w in GREETINGS or (
                w == "thank" and i + 1 < len(t) and t.lower[t.next_word(i)] == "you"
            ):
                yield from self._vocative(t, i)
        yield from self._introductions(t, strong)
        yield from self._leading_vocatives(t)
        yield from self._gazetteer(t)
        yield from self._proper_nouns(t)

    @staticmethod
    def _postnominal_marker(t: _Tokens, i: int) -> bool:
        # "MD" etc. count after a name only when written as a credential (upper case,
        # or preceded by a comma), not as the word "do" or "ma".
        word = t.text[i]
        if word.lower() in ("do", "ma", "pa"):
            return word.isupper() and t.mode != "upper"
        return word.isupper() or t.text[t.prev_word(i)] == ","

    @staticmethod
    def _state_code(t: _Tokens, i: int) -> bool:
        # "Baltimore, MD 21201": a two-letter state before a ZIP code, not a degree;
        # "lives in Frederick, MD": a state after a place word.
        j = t.next_word(i)
        if j < len(t) and t.text[j].isdigit() and len(t.text[j]) in (5, 9, 10):
            return True
        if len(t.text[i]) != 2:
            return False
        k = t.prev_word(i)
        if k >= 0 and t.text[k] == ",":
            k = t.prev_word(k)
        k = t.prev_word(k) if k >= 0 else -1
        return k >= 0 and t.lower[k] in _PLACE_PREPOSITIONS

    def _relation_name(self, t: _Tokens, j: int) -> bool:
        """After "son", "wife", "dtr": a name, even one that is also a word ("son bill").

        Grammar words never are ("my son will be fine"); in mixed-case text the
        name must be capitalized.
        """
        if t.accept_after_medium(j):
            return True
        w = t.lower[j]
        return (
            t.mode != "mixed"
            and t.candidate(j)
            and t.lexicon.is_name(w)
            and w not in STOP_WORDS
            and not t.clinical(j)
            # "son bill" is a name; "daughter phoned", "SISTER, STATES" are verbs
            and not (w.endswith(("ed", "s", "ing")) and t.lexicon.is_plain_word(w))
        )

    @staticmethod
    def _appositive(t: _Tokens, j: int) -> bool:
        """ "Nephew, Ed, phoned twice": a capitalized first name between commas after kin is
        that person's name, even one that is ward vocabulary elsewhere (ED)."""
        following = t.next_word(j)
        return (
            t.mode == "mixed"
            and t.titlecase(j)
            and t.text[t.prev_word(j)] == ","
            and following < len(t)
            and t.text[following] == ","
            and t.lexicon.is_first_name(t.lower[j])
        )

    def _introductions(self, t: _Tokens, score: float) -> Iterator[_Span]:
        for i, w in enumerate(t.lower):
            for phrase, weak in _PHRASES_BY_FIRST_WORD.get(w, ()):
                n = len(phrase)
                if tuple(t.lower[i : i + n]) != phrase:
                    continue
                j = t.next_word(i + n - 1)
                if j >= len(t):
                    continue
                if weak:
                    ok = t.candidate(j) and t.lexicon.is_clear_name(t.lower[j])
                    if ok and t.mode == "mixed":
                        ok = t.titlecase(j)
                else:
                    ok = t.accept_after_strong(j)
                if ok:
                    rule = "phimin.name.introduction" + (".weak" if weak else "")
                    yield self._extend(t, j, score - (0.1 if weak else 0.0), rule)

    def _vocative(self, t: _Tokens, i: int) -> Iterator[_Span]:
        j = t.next_word(i)
        if t.lower[i] == "thank":
            j = t.next_word(j)
        if j < len(t) and t.text[j] == ",":
            j = t.next_word(j)
        if j >= len(t) or not t.accept_after_medium(j):
            return
        span = self._extend(t, j, 0.75, "phimin.name.vocative")
        after = t.next_word(span.end - 1)
        if (
            after >= len(t)
            or t.text[after] in {",", ".", "!", "?", ";", ":"}
            or "\n" in t.text[after]
        ):
            yield span

    def _leading_vocatives(self, t: _Tokens) -> Iterator[_Span]:
        """ "Summer, can you say more?": a name, a comma, then talk addressed to "you"."""
        for i in range(len(t)):
            w = t.lower[i]
            if not t.lexicon.is_name(w) or w in STOP_WORDS:  # set lookups first: cheap
                continue
            comma = t.next_word(i)
            if comma >= len(t) or t.text[comma] != ",":
                continue
            if not t.candidate(i) or t.clinical(i) or (t.mode == "mixed" and not t.titlecase(i)):
                continue
            if not t.sentence_start(i):
                continue
            following = []
            k = comma
            for _ in range(4):
                k = t.next_word(k)
                if k >= len(t):
                    break
                following.append(t.lower[k])
            if {"you", "your", "you're", "u"} & set(following):
                yield _Span(i, i + 1, 0.7, "phimin.name.vocative")

    def _ok_after_cue(self, word: str) -> bool:
        """After "dr", an initial or before "aware": any word but grammar and charting."""
        if word.endswith("-") or _CONTRACTION.search(word) or _PLURAL_ACRONYM.match(word):
            return False
        if "-" in word and _NOT_A_HYPHENATED_NAME.match(word):
            return False  # "mm-hmm", "uh-huh", "and-and": speech, not "Jean-Luc"
        word = regex.sub(r"['’]s$", "", word)  # "dr. white's order"
        w = word.lower().strip("-.").replace("'", "").replace("’", "")
        lex = self.lexicon
        if len(w) < 2 or w in STOP_WORDS or w in _NOT_AFTER_CUE or w in NON_NAME_WORDS:
            return False
        if w in TITLES or w in ROLES or w in POSTNOMINALS or is_clinical_term(w):
            return False
        return lex.is_name(w) or not (lex.is_common_word(w) and lex.is_english(w))

    def _doctors(self, text: str) -> Iterator[Hit]:
        """ "dr marchetti", "DR.VALLANCOURT", "Drs Abbott and Ferris": in every case style."""
        for m in _DOCTOR.finditer(text):
            # (where the hit starts, the name word): "Dr B Lowe", "Dr. o malley": the
            # initial (or the O of O'Malley) goes with the name.
            names = [(m.start("initial") if m.group("initial") else m.start("a"), m.span("a"))]
            if m.group("b"):
                names.append((m.start("b"), m.span("b")))
            spelled_out = m.group("title").lower().startswith("doctor")
            for lead, (start, end) in names:
                word = text[start:end]
                if not self._ok_after_cue(word):
                    continue
                # "my doctor told me", "3+ MR. Given": after the spelled-out word or a
                # courtesy title that is also an abbreviation, only a clear name.
                if m.group("title").lower() in ("mr", "ms") and not (
                    self.lexicon.is_clear_name(word.lower())
                    or not self.lexicon.is_plain_word(word.lower())
                ):
                    continue  # "3+ MR. Given": mitral regurgitation, then a verb
                if spelled_out and not (
                    self.lexicon.is_clear_name(word.lower())
                    or not self.lexicon.is_common_word(word.lower())
                ):
                    continue
                yield Hit(lead, end, "PERSON", 0.85, "phimin.name.title")

    def _initials(self, text: str, mode: CaseMode) -> Iterator[Hit]:
        """ "E. HARTLEY AWARE", "per d. lindqvist", "J SMITH ORDERED", "per d ross": an
        initial and a surname."""
        pattern = _INITIAL_NAME_UPPER if mode == "upper" else _INITIAL_NAME
        for m in pattern.finditer(text):
            name = m.group("name")
            if not self._ok_after_cue(name):
                continue
            # Capital notes write "L ARM", "T MAX", "R/T": without a period, only a
            # surname that is no ordinary word counts.
            if (
                mode == "upper"
                and not m.group("dot")
                and not (
                    self.lexicon.is_clear_name(name.lower())
                    and not self.lexicon.is_plain_word(name.lower())
                )
            ):
                continue
            yield Hit(m.start(), m.end("name"), "PERSON", 0.75, "phimin.name.initial")
        if mode != "lower":
            return
        for m in _CUE_INITIAL_NAME.finditer(text):
            name = m.group("name").lower()
            if (
                self._ok_after_cue(name)
                and self.lexicon.is_clear_name(name)
                and not self.lexicon.is_plain_word(name)
            ):
                yield Hit(m.start("person"), m.end(), "PERSON", 0.7, "phimin.name.initial")

    def _aware(self, text: str, mode: CaseMode) -> Iterator[Hit]:
        """ "LENA OKONJO AWARE", "np jo notified": who was told is a clinician."""
        for m in finditer_by_line(_AWARE, _AWARE_TRIGGER, text):
            words = m.group("name").split()
            role = words[0].lower() in ROLES
            if role:  # "NP JEN AWARE": the role is not the name
                words = words[1:]
                start = m.end("name") - len(" ".join(words))
            else:
                start = m.start("name")
            if (
                words
                and all(self._ok_after_cue(w) for w in words)
                and (
                    len(words) > 1
                    or self.lexicon.is_clear_name(words[0].lower())
                    or not self.lexicon.is_english(words[0].lower())
                    # a role before it: "np hope made aware" names the nurse practitioner
                    or (role and self.lexicon.is_name(words[0].lower()))
                )
            ):
                clear = any(self.lexicon.is_clear_name(w.lower()) for w in words)
                yield Hit(
                    start, m.end("name"), "PERSON", 0.75 if clear else 0.6, "phimin.name.aware"
                )

    def _roles(self, text: str) -> Iterator[Hit]:
        for m in _ROLE_NAME.finditer(text):
            word = m.group("a")
            lower = word.lower()
            if self._ok_after_cue(word) and (
                self.lexicon.is_clear_name(lower)
                or not (self.lexicon.is_english(lower) or self.lexicon.is_common_word(lower))
            ):
                yield Hit(m.start("a"), m.end("a"), "PERSON", 0.8, "phimin.name.role")

    def _rare_surname(self, t: _Tokens, i: int) -> bool:
        w = t.lower[i]
        return (
            len(w) >= 4
            and w.isalpha()
            and t.known_or_rare(i)
            and not t.clinical(i)
            and not self.lexicon.is_english(w)
        )

    def _signatures(self, text: str) -> Iterator[Hit]:
        """ "linda harrow rn" at a line's end: a first name and a surname before a credential."""
        lex = self.lexicon
        for credential in _SIGNATURE_CREDENTIAL.finditer(text):
            line_start = text.rfind("\n", 0, credential.start()) + 1
            m = _SIGNATURE_NAME.search(text, line_start, credential.start())
            if m is None:
                continue
            first, last = m.group("name").lower().split()
            if (
                lex.is_first_name(first)
                and self._ok_after_cue(first)
                and self._ok_after_cue(last)
                and (lex.is_clear_name(last) or not lex.is_english(last))
                and not (lex.is_english(first) and lex.is_english(last))
            ):
                yield Hit(m.start("name"), m.end("name"), "PERSON", 0.75, "phimin.name.signature")

    def _social_notes(self, text: str) -> Iterator[Hit]:
        for m in _SOCIAL_CUE.finditer(text):
            word = m.group("name").lower()
            if self.lexicon.is_first_name(word) and self._ok_after_cue(word):
                yield Hit(m.start("name"), m.end("name"), "PERSON", 0.75, "phimin.name.relation")

    def _role_cues(self, text: str) -> Iterator[Hit]:
        """ "client quillon brackenridge", "QUILLON BRACKENRIDGE CALLED": a name no list
        knows, recognised because it is nothing else: no English word, no ward term."""
        for m in (
            *_CLIENT_CUE.finditer(text),
            *finditer_by_line(_CALLED_CUE, _CALLED_TRIGGER, text),
        ):
            words = m.group("name").split()
            lowered = [w.lower() for w in words]
            if all(
                self._ok_after_cue(w)
                and not self.lexicon.is_english(w)
                and (self.lexicon.is_name(w) or not self.lexicon.is_common_word(w))
                for w in lowered
            ):
                yield Hit(m.start("name"), m.end("name"), "PERSON", 0.7, "phimin.name.cue")

    def _family_of(self, text: str, mode: CaseMode) -> Iterator[Hit]:
        """ "the DELACROIX FAMILY", "MARGUERITE BRANCATI (DAUGHTER)": a name tied to kin
        (or to a role written the same way: "(RESIDENT)")."""
        for m in finditer_by_line(_KIN, _KIN_TRIGGER, text):
            words = m.group("name").split()
            last = words[-1].lower()
            if mode == "mixed" and not words[-1][:1].isupper():
                continue  # "big family dinners": a word, not a name
            if mode == "lower" and not (
                self.lexicon.is_clear_name(last) or not self.lexicon.is_english(last)
            ):
                continue  # "a broad family" in speech-recognition text
            if all(self._ok_after_cue(w) for w in words):
                # "OWEN ZWOLINSKAYA (RESIDENT)": a role in brackets, as kin is written
                rule = "phimin.name.role" if m.group("role") else "phimin.name.relation"
                yield Hit(m.start("name"), m.end("name"), "PERSON", 0.75, rule)
            elif (
                len(words) == 2
                and words[1][:1].isupper()
                and self._ok_after_cue(words[1])
                # "CALL HALVORSEN FAMILY": a verb before the name (but "LARGE FAMILY":
                # an English word that is not clearly a name is an adjective)
                and (self.lexicon.is_clear_name(last) or not self.lexicon.is_english(last))
            ):
                start = m.end("name") - len(words[1])
                yield Hit(start, m.end("name"), "PERSON", 0.7, "phimin.name.relation")

    def _speaker_lines(self, text: str, mode: CaseMode) -> Iterator[Hit]:
        """ "MARIA: I feel stuck", "[tracy] ok", "Ana:hi": a name that opens a turn."""
        lex = self.lexicon
        for m in _SPEAKER_LINE.finditer(text):
            words = m.group("name").split()
            first = words[0].lower()
            lowered = [w.lower() for w in words]
            if any(
                w in NON_NAME_WORDS or w in TITLES or is_clinical_term(w) or "-" in w
                for w in lowered
            ):
                continue
            rare = (
                mode == "mixed"
                and words[0][:1].isupper()
                and not any(lex.is_common_word(w) or lex.is_english(w) for w in lowered)
                and not lex.is_name(first)
            )
            if lex.is_clear_name(first) or rare:
                yield Hit(m.start("name"), m.end("name"), "PERSON", 0.8, "phimin.name.speaker")

    def _gazetteer(self, t: _Tokens) -> Iterator[_Span]:
        lex = t.lexicon
        mode = t.mode
        for i in range(len(t)):
            w = t.lower[i]
            if not lex.is_clear_name(w) or not t.candidate(i) or t.clinical(i):
                continue
            start_of_sentence = t.sentence_start(i)
            first = lex.is_first_name(w)
            nxt = t.next_word(i)
            pair = (
                nxt < len(t)
                and t.ws[i] == " "
                and t.candidate(nxt)
                and (
                    lex.is_name(t.lower[nxt])
                    or (mode == "mixed" and t.titlecase(nxt))
                    # "MARY KOWALCZYK": in a note in capitals, a first name, then a
                    # word no list knows (lower-case text is too often another language)
                    or (mode == "upper" and first and self._rare_surname(t, nxt))
                )
            )
            if mode == "mixed":
                if not (t.titlecase(i) or t.allcaps(i)):
                    continue
                score = 0.65 if first else 0.55
                if pair and first:
                    score = 0.85
                if start_of_sentence and not pair:
                    score -= 0.15
            elif mode == "upper":
                # A lone surname in a note without case ("MECH", "poss", "vue") is
                # about one time in a hundred a name: below every preset's threshold.
                score = 0.5 if first else 0.3
                if pair and first:
                    score = 0.7
            else:
                score = 0.55 if first else 0.3
                if pair and first:
                    score = 0.75
            end = nxt + 1 if pair and first else i + 1
            yield _Span(i, end, score, "phimin.name.gazetteer")

    def _proper_nouns(self, t: _Tokens) -> Iterator[_Span]:
        """Mid-sentence capitalized words that are neither English nor known: "Ingvild".

        Only in mixed-case text, and never at the start of a sentence, where a capital
        says nothing (and rare clinical words would be taken for names).
        """
        if t.mode != "mixed":
            return
        lex = t.lexicon
        for i in range(len(t)):
            w = t.lower[i]
            if (
                len(w) < 3
                or not t.titlecase(i)
                or _BRAND_CASE.match(t.text[i])
                or _PLURAL_ACRONYM.match(t.text[i])
                or _CONTRACTION.search(t.text[i])
                or is_clinical_term(w)
                or not t.candidate(i)
                or lex.is_name(w)
                or lex.is_common_word(w)
                or lex.is_english(w)
                or w in self.places
            ):
                continue
            if t.sentence_start(i):
                # At a sentence start only as the subject of a verb: "Ingvild is ...".
                nxt = t.next_word(i)
                if nxt >= len(t) or t.lower[nxt] not in _SUBJECT_VERBS:
                    continue
            yield self._extend(t, i, 0.6, "phimin.name.proper_noun")

    # --- span helpers ---------------------------------------------------------------

    def _extend(self, t: _Tokens, j: int, score: float, rule: str) -> _Span:
        """From name token j, take following name tokens: "Maria de la Cruz-Ortiz"."""
        end = j + 1
        k = j
        for _ in range(3):
            nxt = t.next_word(k)
            if nxt >= len(t):
                break
            gap = t.gap(k, nxt)
            if "\n" in gap or len(gap) > 1:
                break
            word = t.text[nxt]
            after = t.next_word(nxt)
            if word == "-" and gap == "" and after < len(t) and t.gap(nxt, after) == "":
                if not t.candidate(after):  # "KOVARIK- WRONG CHART": a dash ends the name
                    break
                k = after
                end = k + 1
                continue
            if t.lower[nxt] in PARTICLES and t.candidate(t.next_word(nxt)) and t.mode == "mixed":
                k = t.next_word(nxt)
                end = k + 1
                continue
            if len(word) == 1 and word.isupper() and t.mode == "mixed":  # middle initial
                k = nxt
                if k + 1 < len(t) and t.text[k + 1] == ".":
                    k += 1
                end = k + 1
                continue
            lower = t.lower[nxt]
            ok = t.candidate(nxt) and (
                (t.mode == "mixed" and t.titlecase(nxt))
                # "MR FOSTER RESTING": an English word that is no name ends it
                or (
                    t.known_or_rare(nxt)
                    and (t.lexicon.is_name(lower) or not t.lexicon.is_english(lower))
                )
            )
            if not ok:
                break
            k = nxt
            end = k + 1
        return _Span(j, end, score, rule)

    def _extend_back(self, t: _Tokens, j: int, score: float, rule: str) -> _Span:
        start = j
        prev = t.prev_word(j)
        if (
            prev >= 0
            and t.candidate(prev)
            and ((t.mode == "mixed" and t.titlecase(prev)) or t.known_or_rare(prev))
        ):
            start = prev
        return _Span(start, j + 1, score, rule)

    def _to_hits(self, t: _Tokens, spans: Sequence[_Span]) -> Iterator[Hit]:
        for s in spans:
            start, end = t.span_chars(s.start, s.end)
            # A possessive belongs to the sentence, not the name: "Maria's" -> "Maria".
            if t.source[end - 2 : end] in ("'s", "’s") and end - 2 > start:
                end -= 2
            yield Hit(start, end, "PERSON", s.score, s.rule)
