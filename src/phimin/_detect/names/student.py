"""Names the case-robust name model reads in text without capitals (`phimin._name_student`).

Rule `phimin.name.student`. The model's spans are trimmed of titles, kin words and a
possessive at their edges, like the main model's. It learnt English conversation, so
nothing it finds counts in a chunk where nobody says "i" or "you" (a ward note in lower
case), in a line of ward shorthand or configuration keys (few function words), or in a
Spanish line unless a name list has every word of it. A span is dropped when
it is a state or a country, or a verb before a pronoun ("will you"); when a word of it
is clinical vocabulary or holds a digit; when it is an everyday English or Spanish word
no given-name list has ("knee", "level"), or such a word after a determiner ("so much
joy"); and a word no list has at all counts only in a line of speech and shaped like a
name ("babajide", "t-bone").
What is left is a guess: it loses to a rule in an overlap, and inside clinical content
or a rule-pack match it is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.base import PhiminRecognizer
from phimin._detect.case import case_of
from phimin._detect.clinical import is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon
from phimin._detect.names.clauses import (
    SUBJECT_WORDS,
    described_noun,
    favorite_thing,
    past_tense_verb,
    thing_at,
    thing_called,
)
from phimin._detect.names.spanish import interjection_at
from phimin._detect.names.titles import SPANISH_HONORIFICS
from phimin._detect.names.tokens import (
    SPOKEN_ADVERBS,
    okay_said,
    opens_clause,
    outside_things,
    third_person_verb,
)
from phimin._detect.names.turns import spanish_verb_form
from phimin._detect.ner import CLINICAL_ABBREVIATIONS
from phimin._detect.words import (
    BEFORE_A_THING,
    FILLERS,
    NICKNAME_PREFIXES,
    NON_NAME_WORDS,
    NOT_NICKNAMES,
    NOUN_NAMES,
    PERSON_NOUNS,
    PERSON_VERBS,
    POSTNOMINALS,
    RELATIONS,
    SPANISH_CLITICS,
    TITLES,
    VERBS_BEFORE_YOU,
    alternation,
)

__all__ = ["StudentNameRecognizer"]

STUDENT = builtin("phimin.name.student")
_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’-]*")
_WORD_BEFORE = regex.compile(r"([\p{L}\p{M}'’]+)[ \t]+$")
# A name from elsewhere or a nickname: letters with a vowel, no letter thrice in a row
# ("babajide", "t-bone"; never "xxxx" or "zzz").
_NAME_SHAPE = regex.compile(r"^(?!.*(\p{L})\1\1)(?=.*[aeiouyáéíóú])[\p{L}][\p{L}'’-]{2,14}$")
# Lines shorter than this are too short to tell speech from shorthand; a line is read
# this far on each side of a span.
_LONG_LINE = 4
_SIDE = 200
# Chunks shorter than this (in words) are too short to tell a dialogue from a note.
_SHORT_CHUNK = 30
_FIRST_AND_SECOND_PERSON = frozenset(
    "i i'm im i've i'll i'd me my mine you your yours you're you've we we're us our".split()
)
_MODALS = frozenset({"will", "may"})
# What follows a modal: a verb in its plain form, "not", an adverb.
_VERB_AFTER_MODAL = regex.compile(
    r"[ \t]+(?:be|have|help|go|get|come|make|take|know|need|want|feel|find|give|see|say"
    r"|tell|try|start|keep|work|understand|learn|look|become|allow|depend|continue|change"
    r"|happen|mean|lead|cause|show|let|put|call|ask|use|do|not|never|also|likely|probably"
    r"|always|just|really|still|definitely|certainly|only|soon|then|eventually|usually"
    r"|often|most|all|both|each|surely|naturally|hopefully|actually|even)(?![\w'’])"
)
# A verb's particle after a word ("hung up", "shot back").
_PARTICLE_AFTER = regex.compile(r"[ \t]+(?:up|out|off|back|down|around|away)(?![\w'’])")
_PRONOUN_AFTER = regex.compile(r"[ \t]+(?:you|you're|ya|i|we|he|she|they|it)(?![\w'’])")
_EDGE = TITLES | SPANISH_HONORIFICS | RELATIONS | NON_NAME_WORDS | POSTNOMINALS


class StudentNameRecognizer(PhiminRecognizer):
    ENTITIES = ("PERSON",)

    def __init__(self, lexicon: NameLexicon, regions: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.lexicon = lexicon
        self.regions = regions  # states and countries ("georgia", "jordan")

    def find(self, text: str, nlp_artifacts: Any) -> Iterable[Detection]:
        spans: list[tuple[int, int]] = getattr(nlp_artifacts, "student_names", None) or []
        if not spans or case_of(text, nlp_artifacts) != "lower" or not _conversation(text):
            return []
        return outside_things(text, list(self._find(text, spans)))

    def _find(self, text: str, spans: list[tuple[int, int]]) -> Iterator[Detection]:
        lex_first = self.lexicon.is_first_name
        for start, span_end in spans:
            end = span_end
            words = list(_WORD.finditer(text, start, end))
            while words and _bare(words[0].group()) in _EDGE:
                words.pop(0)
            while words and _bare(words[-1].group()) in _EDGE:
                words.pop()
            if not words or any(ch.isdigit() for ch in text[start:end]):
                continue
            if text[words[0].start() - 1 : words[0].start()] == "-":
                continue  # "ninety-three-year-old": part of a word
            if all(len(m.group()) > 1 and m.group().isupper() for m in words):
                continue  # "going to TED talks": in lower-case text, capitals are letters
            bare = [_bare(m.group()) for m in words]
            repeat = next((k for k in range(1, len(bare)) if bare[k] in bare[:k]), None)
            if repeat is not None:  # a name says no word twice: "sage burns sage"
                words, bare = words[:repeat], bare[:repeat]
                end = words[-1].end()
            while len(bare) > 1 and self._verb_after_name(
                text, bare[-1], words[-1].end(), opens_clause(text, words[0].start())
            ):
                words, bare = words[:-1], bare[:-1]  # "me and journey hung out": the verb
                end = words[-1].end()  # (what follows the name is read from here)
            before = _word_before(text, words[0].start())
            if " ".join(bare) in self.regions or f"{before} {' '.join(bare)}" in self.regions:
                continue  # "from jordan", "to south carolina": a country or a state
            if len(bare) == 1 and (
                okay_said(text, words[0].start(), end) or bare[0] in SPOKEN_ADVERBS
            ):
                continue  # "kay? so what do i do next": "okay", said alone; "my dad
                # lowkey drinks": how, not who
            if len(bare) == 1 and (
                _verb_here(text, bare[0], before, end) or self._phrasal_verb(bare[0], end, text)
            ):
                continue  # "will you let me know", "the therapist will help", "and hung up
                # on me": the verb
            if len(bare) == 1 and (
                spanish_verb_form(bare[0], self.lexicon)
                or interjection_at(text, words[0].start(), end, self.lexicon)
            ):
                continue  # "mija vámonos", "mira eso": a Spanish verb, an interjection
            if len(bare) == 1 and self._spanish_verb(text, bare[0], before, end):
                continue  # "me van a deportar", "nos dan": a Spanish verb after its pronoun
            if len(bare) == 1 and self._said(text, bare[0], before, end):
                continue  # "pastor dave said grace and then": what was said, a word
            if len(bare) == 1 and self._a_thing(text, bare[0], words[0].start(), before):
                continue  # "in the left lane", "what brings you joy": a thing
            if len(bare) == 1 and (
                thing_at(text, bare[0], end)
                or favorite_thing(text, end)
                or thing_called(text, words[0].start())
            ):
                continue  # "hope keeps me going", "bill came in the mail": a thing
            if len(bare) == 1 and bare[0] in PERSON_NOUNS and not lex_first(bare[0]):
                continue  # "so cop texted me", "clerk said": who they are, no name
            line = _line_words(text, start, end)
            speech = _speech(line)
            if len(line) >= _LONG_LINE and not speech:
                continue  # ward shorthand, a config file: the model knows speech only
            spanish = _spanish(line)
            if spanish and not all(self.lexicon.is_name(w) for w in bare):
                continue  # "cruzamos la calle": nor Spanish
            english = not spanish and _english(line)
            if self._plausible(bare, before, len(line) >= _LONG_LINE and speech, english) or (
                len(bare) == 1 and _acts_as_a_person(text, bare[0], before, words[0].end())
            ):
                yield STUDENT.at(words[0].start(), _name_end(words[-1]))

    def _verb_after_name(self, text: str, word: str, end: int, opens: bool) -> bool:
        """A name's last word that is an irregular verb's form before grammar ("journey
        hung out", "sky drew me a picture"), or a verb's "-s" form before its object
        ("bella walks the dog"): the verb, though a surname list has it."""
        after = _WORD.search(text, end, end + 30)
        if after is None or text[end : after.start()].strip() != "":
            return False
        nxt = after.group().lower()
        # ("bella walks the dog": a regular verb's third person before its object)
        return (self.lexicon.is_verb_form(word) and nxt in STOP_WORDS) or third_person_verb(
            word, nxt, self.lexicon, opens=opens
        )

    def _phrasal_verb(self, word: str, end: int, text: str) -> bool:
        """An irregular verb's past before its particle ("and hung up on me", "then
        shot back at me"): the verb, though someone may be called so ("hung came over")."""
        m = _PARTICLE_AFTER.match(text, end)
        return m is not None and self.lexicon.is_verb_form(word)

    def _a_thing(self, text: str, word: str, start: int, before: str) -> bool:
        """An everyday word after a determiner and a describing word ("in the left
        lane"), or given to someone ("what brings you joy", "gives me hope")."""
        lex = self.lexicon
        if not (lex.is_english(word) or word in NOUN_NAMES):
            return False
        if described_noun(text, start, lex):
            return True
        if word in NOUN_NAMES and before.endswith("ing") and before not in _PERSON_GERUNDS:
            return True  # "burning sage", "growing ivy" (not "seeing grace")
        if before in _DESCRIBING and lex.is_plain_word(word):
            return True  # "things have been rocky", "it felt so joyful"
        if word not in _MODALS and lex.is_plain_word(word) and self._described(text, start, before):
            return True  # "my apartment is tiny", "was so tiny" (not "this is hope")
        if word in _VERB_NAMES and (
            _DETERMINER_AFTER.match(text, start + len(word))
            or before in _BEFORE_A_VERB
            or _NOT_EVEN.search(text, max(0, start - 30), start) is not None
        ):
            return True  # "so mark the date", "didn't even chase after him": the verb
        if before in _THERE_IS or (
            before in _COPULAS and _word_before(text, _start_of_word_before(text, start)) == "there"
        ):
            return True  # "there is harmony in the house", "there's hope": a thing
        if before == "in" and _word_before(text, _start_of_word_before(text, start)) in _BELIEVING:
            return True  # "i believe in karma", "believed in heaven": what one believes in
        if word in NOUN_NAMES and _AND_A_THING.match(text, start + len(word)):
            return True  # "with hope and a little luck": one thing of two
        if word in _PLANTS and before in _PLANTING:
            return True  # "we planted ivy along the fence": the plant
        if before in _BECOMING and lex.is_plain_word(word) and (
            _word_before(text, _start_of_word_before(text, start)) in _NO_ONE
        ):
            return True  # "things got rocky", "it got stormy": what things became
        if word in _WEATHER_WORDS and before in _WEATHER_BEFORE:
            return True  # "it was sunny and she", "bright and sunny": the weather
        if before == "like" and self._compared(text, start, word):
            return True  # "it felt like eden", "tasted like ginger": a thing compared
        if before in ("and", "&") and self._paired_adjective(text, start, word):
            return True  # "gay and merry", "warm and sunny": two describing words
        if word in _TIMES_OF_DAY and before in _TIME_PREPOSITIONS:
            return True  # "up till dawn"
        if word in _SEASON_WORDS and _SEASON_THINGS.match(text, start + len(word)):
            return True  # "she's at summer camp now"
        if word in _SEASON_WORDS and before in _FEELING_VERBS:
            return True  # "i love summer", "i hate winter": the season
        given = _WORD_BEFORE.search(text, max(0, start - 40), start)
        return (
            before in _GIVEN_TO
            and given is not None
            and _word_before(text, given.start(1)) in _GIVING
            and word in NOUN_NAMES
        )

    def _compared(self, text: str, start: int, word: str) -> bool:
        """After "felt like", "smells like": an everyday word a thing is compared to,
        unless a verb follows it and makes it a clause's subject ("felt like april was
        mad at me")."""
        like = _start_of_word_before(text, start)
        if _word_before(text, like) not in _SENSING:
            return False
        after = _WORD.search(text, start + len(word), start + len(word) + 30)
        return self.lexicon.is_english(word) and not (
            after is not None
            and text[start + len(word) : after.start()].strip() == ""
            and after.group().lower() in _VERBS_OF_A_SUBJECT
        )

    def _paired_adjective(self, text: str, start: int, word: str) -> bool:
        """ "we were gay and merry": a describing word joined to another by "and" (never
        a name after someone: "me and merry", "talking and merry came in")."""
        lex = self.lexicon
        at_other = _start_of_word_before(text, _start_of_word_before(text, start))
        other = _word_before(text, _start_of_word_before(text, start))
        # (a first name as the other word only after "were", "so": "we were gay and
        # merry", not "i saw mark and merry")
        describing = _word_before(text, at_other) in _COPULAS | _DESCRIBING | {"so", "and"}
        return (
            lex.is_plain_word(word)
            and other not in STOP_WORDS
            and lex.is_plain_word(other)
            and not other.endswith("ing")  # ("we were talking and merry came in")
            and (describing or not (lex.is_name(other) or other.endswith("ed")))
            and not _ACTED_AFTER.match(text, start + len(word))
            and _PERSON_ONLY_AFTER.match(text, start + len(word)) is None
        )

    @staticmethod
    def _described(text: str, start: int, before: str) -> bool:
        """After a copula ("is", "was so") whose subject introduces no one."""
        said = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if said is None:
            return False
        if before == "so":  # ("so sky texted me": no copula)
            said = _WORD_BEFORE.search(text, max(0, said.start(1) - 40), said.start(1))
            if said is None:
                return False
            before = said.group(1).lower()
        return before in _COPULAS and _word_before(text, said.start(1)) not in _INTRODUCING

    def _spanish_verb(self, text: str, word: str, before: str, end: int) -> bool:
        """A Spanish word after an object pronoun ("nos dan", "le dicen"); after "me",
        which English says too, only with Spanish that no English list has in the next
        two words ("me van a deportar", not "it's me mark june and")."""
        lex = self.lexicon
        if not lex.is_spanish(word) or before not in SPANISH_CLITICS:
            return False
        if before != "me":
            return True
        following = [w.group().lower() for w in _WORD.finditer(text, end, end + 40)][:2]
        return any(
            w not in STOP_WORDS
            and not lex.is_english(w)
            and (lex.is_spanish(w) or w.endswith(("ar", "er", "ir")))
            for w in following
        )

    def _said(self, text: str, word: str, before: str, end: int) -> bool:
        """An everyday word said, then a pause ("said grace and then"), not a subject."""
        lex = self.lexicon
        return (
            before in _SAYING
            and _SAID_THING.match(text, end) is not None
            and (lex.is_english(word) or lex.is_common_word(word))
        )

    def _plausible(
        self, words: list[str], before: str, speech: bool, english: bool = True
    ) -> bool:
        """Given names (or names no dictionary has), then surnames; a word no list has
        only in a line of speech and shaped like a name ("babajide", "t-bone"). Never a
        clinical word, an everyday word no given-name list has ("knee", "bowels"), or an
        everyday word after a determiner or a quantity ("so much joy", "the holly")."""
        lex = self.lexicon
        if len(words) > 1 and words[0] in NICKNAME_PREFIXES:  # "lil peanut", "big mo"
            return not any(w in CLINICAL_ABBREVIATIONS or is_clinical_term(w) for w in words)
        for k, word in enumerate(words):
            if _never_a_name(word):
                return False
            if word in NOT_NICKNAMES and not lex.is_first_name(word):
                return False  # "mija", "babe", "crackhead": what someone is called, no name
            everyday = (
                lex.is_english(word)
                or lex.is_common_word(word)
                or lex.is_spanish(word)
                or word in NOUN_NAMES
                or lex.is_verb_form(word)  # ("my brother strove to")
                or _plural_in_ves(word, lex)  # ("knits scarves", "the wolves")
                or self._compound_of_words(word)
            )
            if k == 0 and everyday and before in BEFORE_A_THING:
                return False
            if k == 0 and lex.is_word_first(word):
                return False  # "lean back", "as long as", "hunting season": the word
            if k == 0 and _spanish_word_said(word, before, lex):
                return False
            if k == 0 and before in _SPANISH_HAVING and lex.is_spanish(word):
                return False  # "no tengo esperanza", "sin luz": a thing had or lacked
            if (k > 0 and lex.is_name(word)) or lex.is_first_name(word) or word in NOUN_NAMES:
                continue
            if k == 0 and everyday and before in _SPANISH_ARTICLES and lex.is_spanish(word):
                return False  # "i go to la iglesia": a Spanish noun after its article
            if everyday and not (
                english
                and lex.is_clear_name(word)
                and not lex.is_english(word)
                and not lex.is_common_word(word)
            ):
                return False  # "knee", "level", "iglesia": no given name (in English, a
                # surname that is frequent in Spanish text is one: "ask mendoza if")
            if lex.is_clear_name(word) or (speech and _NAME_SHAPE.match(word)):
                continue
            return False
        return True

    def _compound_of_words(self, word: str) -> bool:
        """A hyphenated word made of everyday words none of which is a name ("drive-thru",
        "follow-up"), unlike "jean-luc" or "t-bone"; or, written as one word no list has,
        a prefix and an everyday word ("nontender", "midfoot", "overthinking")."""
        lex = self.lexicon
        parts = word.split("-")
        if len(parts) > 1:
            return all(
                part
                and (lex.is_english(part) or lex.is_common_word(part))
                and not lex.is_name(part)
                for part in parts
            )
        if lex.is_name(word) or not word.isalpha():
            return False

        return any(
            word.startswith(prefix) and _everyday_part(word[len(prefix) :], lex)
            for prefix in _PREFIXES
        )


# What is put before a word to make another one ("nontender", "midfoot", "overthinking").
_PREFIXES = (
    "non", "pre", "post", "mid", "over", "under", "anti", "self", "multi", "semi", "inter",
    "intra", "hyper", "hypo", "peri",
)


def _plural_in_ves(word: str, lex: NameLexicon) -> bool:
    """A plural in "-ves" of an English word in "-f" or "-fe" ("scarves", "knives",
    "wolves"), which the lexicon's regular inflections miss."""
    stem = word[:-3]
    return word.endswith("ves") and (lex.is_english(stem + "f") or lex.is_english(stem + "fe"))


def _everyday_part(part: str, lex: NameLexicon) -> bool:
    """What follows a prefix in a word made with one: an everyday English word of four
    letters or more that is no first name ("tender", "foot"; not "ton" or "mary")."""
    return (
        len(part) >= 4
        and lex.is_english(part)
        and lex.is_common_word(part)
        and not lex.is_first_name(part)
        and not lex.is_clear_name(part)
    )


# After these, a word that is an adjective describes ("been rocky", "felt so free").
_DESCRIBING = frozenset(
    "been be being very really pretty too kinda felt feel feels seem seems seemed looks"
    " looked getting not".split()
)
# A copula before a describing word, after a subject that does not introduce someone.
_COPULAS = frozenset("is was are were".split())
_THERE_IS = frozenset("there's theres there’s".split())
_INTRODUCING = frozenset("this it that name here there i'm im who".split())
# Words before a verb's plain form ("didn't even chase after him").
# ("to" and "even" alone are not: "gave it to bill", "even mark said so")
_BEFORE_A_VERB = frozenset(
    "didn't don't doesn't won't can't couldn't wouldn't shouldn't gonna wanna gotta never".split()
)
_NOT_EVEN = regex.compile(rf"(?:{alternation(tuple(sorted(_BEFORE_A_VERB)))})[ ]+even[ ]+$")
# A first name that is a time of day, after a word of time ("up till dawn").
# After a name that is a noun, another thing joined to it with a quantity ("with hope
# and a little luck", "faith and a lot of prayer"): the noun, not someone.
_AND_A_THING = regex.compile(
    r"[ ]+(?:and|&)[ ]+(?:a[ ]+little|a[ ]+lot[ ]+of|lots[ ]+of|a[ ]+bit[ ]+of|some|more"
    r"|less|plenty[ ]+of)[ ]+\p{L}"
)
_TIMES_OF_DAY = frozenset({"dawn"})
# Weather words that are first names too, said of the weather ("it was sunny", "bright
# and sunny", "so stormy").
_WEATHER_WORDS = frozenset(
    "sunny stormy rainy windy misty cloudy breezy foggy frosty snowy".split()
)
_WEATHER_BEFORE = frozenset(
    "is was be been being it's its and so very really pretty too super kinda real nice get"
    " got gets getting stays stayed stay".split()
)
# After a name, what its clause's subject did ("tired and merry came in crying").
_ACTED_AFTER = regex.compile(
    rf"[ ]+(?:{alternation(tuple(sorted(PERSON_VERBS)))}|\p{{L}}+ed)(?![\w'’])"
)
# Sensing something like a thing ("felt like eden", "smells like heaven").
_SENSING = frozenset(
    "felt feel feels feeling tasted tastes taste tasting smelled smells smell smelt".split()
)
# What a name as a clause's subject has after it ("felt like april was mad").
_VERBS_OF_A_SUBJECT = frozenset(
    "is was has had would will could should did does didn't doesn't wasn't isn't"
    " hated hates wanted wants".split()
)
# A season before what happens in it is no name: "she's at summer camp", "winter break".
_SEASON_WORDS = frozenset("summer winter autumn spring fall".split())
_SEASON_THINGS = regex.compile(
    r"[ ]+(?:camp|school|break|vacation|job|jobs|program|league|session|semester|term|class"
    r"|classes|internship|house|clothes|time|months|days|nights|weather|heat|storm|storms"
    r"|sports|ball|reading|trip|trips|cold|flu|festival|fair|concert)(?![\w'’-])"
)
_TIME_PREPOSITIONS = frozenset("till until before after since by at from".split())
# Believing in a thing ("i believe in karma"), not someone: "believe in you" is no name.
_BELIEVING = frozenset("believe believes believed believing".split())
# First names that are plants, after a verb of gardening ("we planted ivy").
_PLANTS = frozenset("ivy holly rose lily daisy iris violet jasmine sage willow".split())
_PLANTING = frozenset("plant plants planted planting prune pruned pruning".split())
# Becoming something, said of no one ("things got rocky", "it got stormy", not "i got
# rocky a leash").
_BECOMING = frozenset("got get gets became become becomes".split())
_NO_ONE = frozenset("things it everything stuff life work school that this".split())
_FEELING_VERBS = frozenset(
    "love loved loves hate hated hates miss missed misses like liked likes enjoy enjoyed"
    " dread dreaded dreads prefer preferred".split()
)
# First names that are verbs taking a thing, before its determiner ("mark the date").
_VERB_NAMES = frozenset("mark skip chase bill rob sue pat grant jack drew rush page".split())
_DETERMINER_AFTER = regex.compile(r"[ ]+(?:the|a|an|this|that|these|those|it|your|my)(?![\w'’])")
# What one does to a person, said with "-ing" ("seeing grace tomorrow"), and what takes
# no thing after it ("thanks for listening sky").
_PERSON_GERUNDS = frozenset(
    """seeing meeting visiting calling texting telling asking helping hugging dating marrying
    watching picking dropping taking bringing driving missing loving hating blaming trusting
    avoiding ignoring following thanking paying babysitting raising listening waiting coming
    talking going sitting standing walking sleeping staying working living crying laughing
    sharing trying""".split()
)
# Verbs that give a thing to someone, and who gets it ("brings you joy").
_GIVING = frozenset("bring brings brought bringing give gives gave giving".split())
_GIVEN_TO = frozenset("you me him her us them".split())


# A word said, then a pause: "said grace and", "say it." (not "said grace was": a subject)
_SAYING = frozenset({"say", "says", "said", "saying"})
_SAID_THING = regex.compile(
    r"(?i)[ ]*(?:[.;!?]|$|(?:and|then|before|first|together|at|for)(?![\w'’]))"
)


def _verb_here(text: str, word: str, before: str, end: int) -> bool:
    """A name that is also a verb used as the verb: before a pronoun ("will you let me
    know", "hope you're well"), or a modal after its subject or before a plain verb
    ("they will understand", "my mom will kill me", "your therapist will help")."""
    if past_tense_verb(word, before):
        return True  # "the bread actually rose", "it rose again": the verb's past
    if word not in VERBS_BEFORE_YOU:
        return False
    if _PRONOUN_AFTER.match(text, end):
        return True
    if word not in _MODALS:
        return False
    subject = before in SUBJECT_WORDS or before in RELATIONS  # "my mom will kill me"
    return subject or _VERB_AFTER_MODAL.match(text, end) is not None


def _acts_as_a_person(text: str, word: str, before: str, end: int) -> bool:
    """An everyday word the model read as a name, that opens a clause and does what
    only people do ("blessing texted me", "so wren and i aren't talking"): a name. Not a
    clinical word, nor a place that stands for its people ("work texted me")."""
    return (
        before in _CLAUSE_OPENERS
        and word not in _SPEAKING_PLACES
        and not _never_a_name(word)
        and _PERSON_ONLY_AFTER.match(text, end) is not None
    )


def _never_a_name(word: str) -> bool:
    """A letter, a clinical word, or speech cut off or contracted ("that's-", "yeah-")."""
    return (
        len(word) < 2
        or word in CLINICAL_ABBREVIATIONS
        or is_clinical_term(word)
        or _CUT_OR_CONTRACTED.search(word) is not None
    )


# What opens a clause in speech ("" is a turn's or the text's start).
_CLAUSE_OPENERS = frozenset(
    "so and but um uh like yeah then because cause well honestly anyway oh okay ok".split()
) | {""}
# Verbs only people do, and "and i": after a name that is a word.
_PERSON_ONLY_AFTER = regex.compile(
    r"(?:['’]s)?[ ]+(?:(?:just|always|never|finally|even|literally|actually)[ ]+)?"
    r"(?:texted|texts|told|tells|asked|asks|yelled|yells|screamed|cried|laughed|smiled"
    r"|hugged|whispered|apologized|promised|lied|ghosted|dumped|proposed|nodded|shrugged"
    r"|sighed|replied|admitted|cheated|blamed|hates|and[ ]i|and[ ]me)(?![\w'’])"
)
# Places that stand for their people ("work texted me", "school called").
_SPEAKING_PLACES = frozenset(
    """work school home church court daycare insurance pharmacy hospital office clinic
    dispatch housing corporate management security billing payroll unemployment welfare
    medicaid medicare probation parole family everyone everybody nobody someone somebody
    mom dad""".split()
)


def _conversation(text: str) -> bool:
    """Is a chunk someone speaking: at least one word in fifty "i", "me", "you", "we"...?
    A ward note in lower case speaks of the patient in the third person (in PhysioNet's
    lower-case notes, 95 in 100 have fewer than one in ninety); a dialogue turns on
    "i" and "you" (in ACI-Bench, one word in twenty at least). A chunk too short to
    tell counts as speech."""
    words = _WORD.findall(text)
    if len(words) < _SHORT_CHUNK:
        return True
    needed = -(-len(words) // 50)  # said * 50 >= len(words): counted until it holds
    said = 0
    for w in words:
        if w.lower().replace("’", "'") in _FIRST_AND_SECOND_PERSON:
            said += 1
            if said >= needed:
                return True
    return False


def _line_words(text: str, start: int, end: int) -> list[str]:
    """The lower-case words of the line a span is on (at most `_SIDE` characters each side)."""
    window = max(0, start - _SIDE)
    left = text.rfind("\n", window, start) + 1 or window
    right = text.find("\n", end, end + _SIDE)
    right = min(len(text), end + _SIDE) if right < 0 else right
    return [w.lower() for w in _WORD.findall(text, left, right)]


_SPANISH_ARTICLES = frozenset("el la los las un una unos unas".split())
# Words of having or amount before a Spanish noun that is a name too: "no tengo
# esperanza", "sin luz", "hay mucha paz aquí".
_SPANISH_HAVING = frozenset(
    """tengo tiene tienes tenemos tienen tenía tenia hay había habia sin mucha mucho poca
    poco tanta tanto ninguna ningún ningun""".split()
)


def _spanish_word_said(word: str, before: str, lex: NameLexicon) -> bool:
    """Spanish grammar a given-name list has ("nada", "ella"), after a Spanish word that
    is no English one: "no pasa nada", "hablé con ella" (not "i told ella")."""
    return (
        word in SPANISH_STOP_WORDS
        and word not in STOP_WORDS
        and lex.is_spanish(before)
        and not lex.is_english(before)
    )


def _speech(words: list[str]) -> bool:
    """Does a line read like speech (a third of its words function words, a pause or a
    contraction: "yeah so um crystal she's my mom's best friend"), not a ward note's
    shorthand or a config file's keys?"""
    return sum(w in STOP_WORDS or w in _SPOKEN or "'" in w or "’" in w for w in words) * 3 >= len(
        words
    )


# A word cut off in speech, or a contraction ("that's", "we're"; not "o'brien").
_CUT_OR_CONTRACTED = regex.compile(r"-$|\p{L}{2,}['’](?:s|re|ve|ll|d|t|m)$")
_SPOKEN = FILLERS | frozenset("yeah yep nah um uh uhm hmm like okay ok oh wow".split())


def _spanish(words: list[str]) -> bool:
    """Two Spanish function words that are no English words ("la", "que", "porque")."""
    return sum(w in SPANISH_STOP_WORDS and w not in STOP_WORDS for w in words) >= 2


def _english(words: list[str]) -> bool:
    """An English function word that is no Spanish one ("the", "and"): "oye mijo ven"
    has none, and its words are read as Spanish, not as names."""
    return any(w in STOP_WORDS and w not in SPANISH_STOP_WORDS for w in words)


def _start_of_word_before(text: str, start: int) -> int:
    match = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return match.start(1) if match else start


def _word_before(text: str, start: int) -> str:
    match = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return match.group(1).lower() if match else ""


def _bare(word: str) -> str:
    """The word in lower case without a possessive ending."""
    return word.lower().removesuffix("'s").removesuffix("’s")


def _name_end(match: regex.Match[str]) -> int:
    """Where the name ends: before a possessive ending ("sky's" -> "sky")."""
    word = match.group()
    for suffix in ("'s", "’s"):
        if word.lower().endswith(suffix):
            return match.end() - len(suffix)
    return match.end()
