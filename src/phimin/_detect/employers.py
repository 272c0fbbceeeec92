"""Employers: Safe Harbor removes the names of a person's employers.

A statistical model tags organizations loosely; a workplace is named most reliably
right after "works at", "employed by", "retired from". The name runs over the
capitalized words that follow (any non-grammar words in all-caps or all-lower text).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.base import PhiminRecognizer
from phimin._detect.case import CaseMode, case_of
from phimin._detect.clinical import is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon
from phimin._detect.lines import finditer_by_line
from phimin._detect.words import BRAND_ALTERNATION, PERSON_VERBS
from phimin._lazy_regex import lazy

__all__ = ["EmployerRecognizer"]

_CUE = lazy(
    r"(?i)(?<![\w])(?:works?|worked|working|employed|job|retired|fired|laid[ ]off|hired"
    r"|hired[ ]on|let[ ]go|intern(?:ed|ing)?|volunteers?)[ ]+"
    # "works nights at", "works part time for", "i work security at"
    r"(?:(?:nights|days|weekends|overnights|mornings|evenings|doubles|shifts|part[ -]time"
    r"|full[ -]time|there|now|still|security|maintenance|retail|construction|registers?"
    r"|overtime|the[ ]+(?:register|desk|counter|floor|line|grill|door|front))[ ]+)?"
    r"(?:at|for|from|by|with)[ ]+(?:the[ ]+)?"
    # "my boss at home depot", "got written up at walgreens", "i drive for fedex", "i
    # teach third grade at saint brigid's": someone at work, and where
    r"|(?<![\w])(?:(?:(?:boss|manager|supervisor|co-?workers?|shift[ ]lead|foreman|lead)"
    # (the boss's name may come between: "my manager keisha at waffle house")
    r"(?:[ ]+(?!at|for|from)[a-z]+)?|written[ ]up|clocked[ ](?:in|out)|shifts?"
    r"|stock(?:s|ing)?[ ]shelves|teach(?:es|ing)?(?:[ ]+\w+){0,2}"
    # "i run a register at hartman's grocery", "wojcik from hr at meridian logistics"
    r"|run(?:s|ning)?[ ]a[ ]register|(?:from|in)[ ]hr|human[ ]resources)[ ]+at"
    # "i drove for buckner and sons trucking" (driving for someone, not from somewhere:
    # "we drive from chicago")
    r"|(?:drive|drives|driving|drove|deliver|delivers|delivering|delivered)[ ]+for)[ ]+(?:the[ ]+)?"
    # "CEO of Acme", "an employee at Ridley's": a post and its company
    r"|(?P<post>ceo|cfo|coo|cto|founder|co-founder|owner|employee|vp|president)[ ]+(?:of|at)"
    r"[ ]+(?:the[ ]+)?(?=(?-i:\p{Lu}))"  # (a post's company only with a capital: not "of a dog")
    # "i'm a line cook at olive garden", "she's a cashier at kroger": a job and where
    r"|(?<![\w])(?:an?|the|as[ ]an?)[ ]+(?:[\w-]+[ ]+)?(?:cook|cashier|server|waitress|waiter"
    r"|bartender|barista|manager|driver|clerk|janitor|custodian|worker|associate|stocker"
    r"|dishwasher|receptionist|guard|mechanic|electrician|assistant|technician|tech"
    r"|supervisor|teller|housekeeper|nanny|caregiver|nurse|aide|cna|teacher|para"
    r"|paraprofessional|dispatcher|porter|attendant|security[ ]guard|stylist|trainer"
    r"|(?:medical|dental|nursing|home[ ]health)[ ]assistant)[ ]+(?:at|for)[ ]+(?:the[ ]+)?"
)
_WORD = regex.compile(r"[\p{L}\d][\p{L}\d'’&.-]*")
# Where people work that names no one: "works at home", "works at night".
_GENERIC = frozenset(
    """home night nights night shift weekends weekend school work a an the his her their my
    our your this that least all times first last same another local nearby hospital
    clinic office store restaurant factory plant bank church warehouse farm construction
    company firm agency job jobs place places moment present board family team club group
    house household""".split()
)


_EMPLOYER = builtin("phimin.organization.employer")

# Last words of a company's name: "Vista Health", "Delmarva Foods", "Rowe Logistics".
_COMPANY_WORDS = frozenset(
    """health healthcare group inc llc corp corporation co systems services solutions
    foods motors logistics industries technologies partners associates insurance realty
    consulting enterprises manufacturing holdings labs laboratories pharmaceuticals
    airlines bank financial media studios roofing plumbing landscaping trucking cleaning
    towing painting construction mechanical distribution distributors grocery market
    supply electric automotive freight transport transportation lumber hardware dairy
    farms mutual""".split()
)


# Chains, whose names may be everyday words ("works at target", "a cook at olive garden").
_BRAND = lazy(rf"(?i)(?:{BRAND_ALTERNATION})(?![\w'’-])")


# What follows a verb and never a company's name: its object or particle.
_OBJECT_AFTER = regex.compile(
    r"(?i)[ ]+(?:me|him|her|us|them|my|his|our|their|your|up|off|out|no|it|it's|that|i|we"
    r"|he|she|they|you)(?![\w'’])"
)
# After "for": how long, never the rest of a company's name ("for years", "for a while").
_HOW_LONG = frozenset(
    "years months weeks days hours decades ages life awhile now ever two three four five".split()
)
# Words inside a company's name between two of its words.
_CONNECTORS = frozenset({"&", "of", "and", "for", "the", "without", "de", "del", "y"})


class EmployerRecognizer(PhiminRecognizer):
    ENTITIES = ("ORGANIZATION",)

    def __init__(self, lexicon: NameLexicon) -> None:
        super().__init__()
        self.lexicon = lexicon

    def _everyday(self, words: list[str]) -> bool:
        """In text without case, dictionary words, English or Spanish, name no company
        ("works with kids", "works with papeles chuecos"), unless a company word ends
        them ("works for vista health"). A brand no dictionary lists ("walmart", "ibm")
        is a company."""
        lex = self.lexicon
        lowered = [w.lower().strip(".,") for w in words]
        if len(lowered) > 1 and lowered[-1] in _COMPANY_WORDS:
            return False
        if lex.is_spanish(lowered[0]) and not lex.is_english(lowered[0]):
            return True
        return all(lex.is_english(w) or lex.is_spanish(w) for w in lowered)

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Detection]:
        return list(self._find(text, case_of(text, nlp_artifacts)))

    def _find(self, text: str, mode: CaseMode) -> Iterator[Detection]:
        mixed = mode == "mixed"
        for cue in finditer_by_line(_CUE, text, shortest=2):  # (lines with its words)
            pos = cue.end()
            brand = _BRAND.match(text, pos)
            if brand is not None:  # "works at home depot": a chain, though "home" is generic
                yield _EMPLOYER.at(pos, brand.end())
                continue
            start = end = pos
            for _ in range(5):
                m = _WORD.match(text, pos)
                if m is None or not self._name_word(m.group(), mixed, first=end == start):
                    break
                if not mixed and end > start and self._verb(m.group().lower(), text, m.end()):
                    break  # "my supervisor at kaiser writes me up": the name ended
                if m.group().lower() in _CONNECTORS:
                    # "Habitat for Humanity", "Bank of America": only with a name after it
                    after = (
                        _WORD.match(text, m.end() + 1)
                        if text[m.end() : m.end() + 1] == " "
                        else None
                    )
                    if (
                        after is None
                        or not self._name_word(after.group(), mixed, first=True)
                        or after.group().lower() in _HOW_LONG
                    ):
                        break  # ("worked with dana ruiz for years": how long, no name)
                    pos = m.end() + 1
                    continue
                end = m.end()
                if m.group().endswith(".") or text[end : end + 1] != " ":
                    break  # a full stop ends the name; so does anything but a space
                if (
                    not mixed
                    and m.group().lower() in _COMPANY_WORDS
                    and end > start + len(m.group())
                ):
                    break  # "hendricks roofing lets me": a company's last word ends it
                pos = end + 1
            while end > start and text[end - 1] in ".,":  # the sentence's, not the name's
                end -= 1
            words = text[start:end].split()
            if not words or all(w.lower() in _GENERIC for w in words):
                continue
            if self._colleague(words, cue.group()):
                continue  # "i worked with ruth abernathy": a person (the name rules')
            # (a post's company needs no dictionary test: "CEO OF IBM")
            if (
                not mixed
                and cue.group("post") is None
                and self._everyday(words)
                and not self._surname_at(words, cue.group())
            ):
                continue  # "works with kids", "works with papeles chuecos"
            yield _EMPLOYER.at(start, end)

    def _verb(self, word: str, text: str, end: int) -> bool:
        """What someone does, which ends a name: a person's verb or a negation ("kaiser
        said", "walker ridge didn't care"), another verb form only before its object or
        a new clause ("kaiser writes me up"; not "lakeview gardens on fifth", "hidden
        valley ranch")."""
        if word in PERSON_VERBS or word.endswith(("n't", "n’t")):
            return True  # ("kaiser said", "walker ridge didn't care")
        lex = self.lexicon
        inflected = word.endswith(("s", "ed")) and word not in _COMPANY_WORDS
        if not (lex.is_verb_form(word) or (inflected and lex.is_plain_word(word))):
            return False
        return _OBJECT_AFTER.match(text, end) is not None

    def _colleague(self, words: list[str], cue: str) -> bool:
        """Working "with" someone named by a first name ("worked with ruth abernathy",
        "works with marco"): a person, not a company, unless a company's word ends the
        name ("works with grace health")."""
        return (
            cue.rstrip().lower().removesuffix(" the").endswith(" with")
            and self.lexicon.is_first_name(words[0].lower().strip(".,"))
            and words[-1].lower().strip(".,") not in _COMPANY_WORDS
        )

    def _surname_at(self, words: list[str], cue: str) -> bool:
        """ "my supervisor at kaiser", "works at sutter general", "worked at the tyson
        plant", "works construction for turner": where someone works or whom for, a name
        that opens with a surname no verb, adjective or adverb is (a company or a
        hospital named for its founder, or the person), not "works at hope"."""
        lex = self.lexicon
        word = words[0].lower()
        return (
            len(words) <= 3
            and cue.rstrip().lower().removesuffix(" the").endswith((" at", " for"))
            and lex.is_name(word)
            and (len(words) >= 2 or not lex.is_first_name(word))  # (not "works at june")
            and not lex.is_plain_word(word)
            and not lex.is_spanish(word)
        )

    @staticmethod
    def _name_word(word: str, mixed: bool, *, first: bool) -> bool:
        lower = word.lower().rstrip(".")
        if (lower in STOP_WORDS and lower not in _CONNECTORS) or is_clinical_term(lower):
            return False
        if lower in _CONNECTORS:
            return not first
        if first and not word[:1].isalpha():
            return False  # "worked for 10 years"
        if mixed:
            return word[:1].isupper() or word[:1].isdigit()
        return lower not in _GENERIC or not first
