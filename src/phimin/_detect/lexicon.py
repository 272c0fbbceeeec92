"""Name and word lists, from installed packages, loaded once per process.

- First names and surnames: the 1990 US Census name files shipped in the `names`
  package (public-domain Census data; package MIT); and the first names given in the
  US since 1950 (`data/ssa_first_names.tsv`, from the Social Security
  Administration's public-domain counts: `scripts/build_first_names.py`), which hold
  the names of people born after 1990 the census cannot (Aiden, Jaylen, Ximena);
  and the names given to fewer US children (`data/ssa_rare_first_names.tsv`: Tomasz,
  Amadou, Thandiwe), names in a name's place but no guess alone.
- How common a word is in English: `wordfreq` (code Apache-2.0, data CC-BY-SA 4.0).
- Which words are ordinary English words: the WordNet-derived word index bundled with
  the spaCy model's lemmatizer, when the model has one.
- Which words are everyday Spanish (transcripts switch languages): `wordfreq`'s Spanish
  list and spaCy's Spanish stop words. A Spanish word is no unknown name ("está",
  "tiene" after "mi hijo").

A name is *ambiguous* when it is also an ordinary word that text uses far more often
than the name's share of the population explains (Hope, Will, Grace, Summer, Brown).
Ambiguous names count as names only with context; clear names (Maria, Marchetti) count
on their own.

Building the lexicon reads and weighs some 700,000 words; the result is kept between
runs (`phimin._derived`), under a hash of the bytes of every list it is built from.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import astuple, dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS
from spacy.language import Language

from phimin._derived import Fingerprint, derived
from phimin._detect.words import ACCENTED_NAMES

__all__ = ["NameLexicon", "load_lexicon"]

# Expected Zipf frequency of a name used only as a name: about 4.9 + log10(share %).
_NAME_ZIPF_OFFSET = 4.9
# Above this excess the word is used as a word far more than as a name.
_WORD_EXCESS = 1.0
# ...or above this one when it is also in the English word index.
# ...or above these when it is also an English verb, adjective or adverb (to hope, to
# grace, brown), or a noun (a hall, the wood). WordNet lists famous people as nouns
# (Adam, Jacob), so the bar for nouns is higher.
_WORD_CLASS_EXCESS = 0.3
_NOUN_EXCESS = 0.6
# Words rarer than this (Zipf) are not everyday English.
_RARE_ZIPF = 3.3
# ...and everyday Spanish from this frequency on.
_SPANISH_ZIPF = 3.5
# A first name given to few US children (the rare table: Tomasz, Amadou) yields to
# Spanish text's word when Spanish uses the word from this frequency on, and this much
# more than English text does.
_SPANISH_WORD_ZIPF = 2.5
_SPANISH_LEAN = 0.5
# A name given to many US children (the main table) that is no dictionary word is a
# name up to this frequency in English text, which its use as a name lifts: "liam",
# "nico", "peyton", "gabe" (above it, "wanna", "per" are words).
_NAME_ZIPF_CAP = 4.0
# ...except these, which text uses as words or for things more than for people.
_NOT_FIRST_NAMES = frozenset({"dev", "om", "cy", "cal", "siri", "aston", "kensington", "elle"})
# A first name that is an everyday word is a word first when text uses the word more
# than a hundred times as often as the name's share of births would have it used as a
# name ("lean", "carry", "season", "long", "rain", "page"; not "hope", "grace", "bill").
_WORD_FIRST_EXCESS = 2.0


_INFLECTIONS = (
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("es", ""),
    ("s", ""),
    ("ly", ""),
    ("ily", "y"),
    ("er", ""),
    ("est", ""),
    ("ness", ""),
    ("ment", ""),
    ("ful", ""),
    ("less", ""),
    ("able", ""),
    ("ation", "ate"),
    ("ic", "y"),
    ("al", ""),
    ("ive", "e"),
    ("ity", ""),
)


# A short stem of consonant, vowel, consonant doubles its last letter before these
# ("jar" -> "jarred", "jam" -> "jammer"): "jared" is no past of "jar".
_DOUBLING = frozenset({"ed", "ing", "er", "est"})
_CVC = regex.compile(r"^[^aeiou][aeiou][^aeiouwxy]$")
# Only these stems take "-es" ("boxes", "goes", "wishes"): "james" is no plural of "jam".
_ES_STEMS = ("s", "x", "z", "ch", "sh", "o")


def _inflects(stem: str, suffix: str, base: str) -> bool:
    """Does `stem` + `suffix` spell a verb's, adjective's or adverb's inflection the way
    English does? Not "jam" + "al" ("-al" makes nouns: "rental", "dismissal"), "jam" +
    "es", "jar" + "ed": first names ("jamal", "james", "jared") that only look derived."""
    if suffix == "al":
        return False
    if base:
        return True
    if suffix == "es":
        return stem.endswith(_ES_STEMS)
    return not (suffix in _DOUBLING and _CVC.match(stem))


def _plain(word: str) -> str:
    """The word as the census writes names: O'Hara as OHARA, Raúl as RAUL (only the
    accented spellings of `ACCENTED_NAMES`: "está" folds into a name too)."""
    if word.isascii():
        return word.replace("'", "") if "'" in word else word
    if word in ACCENTED_NAMES:
        return fold_accents(word)
    return word.replace("’", "") if "’" in word else word


def fold_accents(word: str) -> str:
    """ "martínez" as the census writes it, "martinez"."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class NameLexicon:
    first: frozenset[str]
    last: frozenset[str]
    ambiguous: frozenset[str]
    common_words: frozenset[str]
    english: frozenset[str] = frozenset()  # WordNet base forms, if the model has them
    word_classes: frozenset[str] = frozenset()  # ...of verbs, adjectives and adverbs
    spanish: frozenset[str] = frozenset()  # everyday Spanish words and stop words
    # First names few US children were given (Tomasz, Amadou): names in a name's place,
    # but alone, with nothing around them, a ward note's "vue", "spiro", "pearla" are
    # more often an abbreviation or a typo.
    rare_first: frozenset[str] = frozenset()
    # Irregular verb forms, from the model's lemmatizer exceptions ("went", "fell",
    # "drew"): after kin, the verb of a clause unless what follows says a person acted.
    verb_forms: frozenset[str] = frozenset()
    # Everyday words few children are named (`_WORD_FIRST_EXCESS`): "lean", "carry".
    words_first: frozenset[str] = frozenset()
    # Given names the model's noun index also holds, as a figure or a place of myth,
    # scripture or history ("ignatius", "hezekiah", "hillel", "remus"), and rare as a
    # word: left off `first`, since the set holds real nouns too ("chardonnay",
    # "tacoma", "saffron"), they are names only where only a person can stand, said to
    # be someone's kin ("ignatius my grandpa used to say").
    given_nouns: frozenset[str] = frozenset()

    def is_plain_word(self, word: str) -> bool:
        """A verb, adjective or adverb ("reading", "mobile"): never a place or a name alone."""
        return (
            word in STOP_WORDS
            or word in self.word_classes
            or any(
                word.endswith(suffix)
                and word[: -len(suffix)] + base in self.word_classes
                and _inflects(word[: -len(suffix)], suffix, base)
                for suffix, base in _INFLECTIONS
            )
        )

    def is_verb_form(self, word: str) -> bool:
        """An irregular verb form ("went"), or a past or "-ing" form that doubles its
        stem's last consonant ("upped", "grabbing"), which `is_english` misses."""
        if word in self.verb_forms:
            return True
        for suffix in ("ed", "ing"):
            stem = word[: -len(suffix)]
            if (
                word.endswith(suffix)
                and len(stem) >= 3
                and stem[-1] == stem[-2]
                and stem[-1] not in "aeiouy"
                and stem[:-1] in self.word_classes
            ):
                return True
        return False

    def is_english(self, word: str) -> bool:
        """An English word, or a regular inflection of one ("ruminating")."""
        if word in self.english:
            return True
        for suffix, base in _INFLECTIONS:
            if word.endswith(suffix) and word[: -len(suffix)] + base in self.english:
                return True
        return False

    def is_name(self, word: str) -> bool:
        word = _plain(word)
        return word in self.first or word in self.last

    def is_first_name(self, word: str) -> bool:
        return _plain(word) in self.first

    def is_clear_name(self, word: str) -> bool:
        word = _plain(word)
        return (word in self.first or word in self.last) and word not in self.ambiguous

    def is_word_first(self, word: str) -> bool:
        """An everyday word given as a first name to very few children ("lean back",
        "as long as", "hunting season"): far more often the word than anyone's name."""
        return word in self.words_first

    def is_given_noun(self, word: str) -> bool:
        """A given name the model's nouns hold and English seldom uses (`given_nouns`)."""
        return word in self.given_nouns

    def is_common_word(self, word: str) -> bool:
        return word in self.common_words or word in STOP_WORDS

    def is_spanish(self, word: str) -> bool:
        """An everyday Spanish word ("está", "todos", "llegó")."""
        return word in self.spanish


def _census_shares() -> tuple[dict[str, float], dict[str, float]]:
    first: dict[str, float] = {}
    last: dict[str, float] = {}
    root = resources.files("names")
    for filename, table, divisor in (
        ("dist.all.last", last, 1.0),
        ("dist.female.first", first, 2.0),
        ("dist.male.first", first, 2.0),
    ):
        for line in root.joinpath(filename).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                word = parts[0].lower()
                table[word] = max(table.get(word, 0.0), float(parts[1]) / divisor)
    return first, last


def _ssa_shares(table: str = "ssa_first_names.tsv") -> dict[str, float]:
    """Each first name given since 1950 and its highest share of a year's births of
    one sex, halved as the census's shares of each sex are (a share of everyone)."""
    shares: dict[str, float] = {}
    for line in _ssa_first_names(table).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, share = line.split("\t")
            shares[word] = float(share) / 2.0
    return shares


@functools.cache
def given_name_shares() -> dict[str, float]:
    """`_ssa_shares` of the names given since 1950, read once: how many children were
    given each ("journey", "reign" are words and names too)."""
    return _ssa_shares()


def _ssa_first_names(table: str = "ssa_first_names.tsv") -> Any:
    return resources.files("phimin").joinpath("data").joinpath(table)


_RARE_TABLE = "ssa_rare_first_names.tsv"


def _word_index(nlp: Language | None) -> Any:
    """The model's WordNet index (the lemmatizer's `lemma_index` table), if it has one."""
    return _lemmatizer_table(nlp, "lemma_index")


def _lemmatizer_table(nlp: Language | None, name: str) -> Any:
    if nlp is None or "lemmatizer" not in nlp.component_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table(name):
        return None
    return lookups.get_table(name)


_Dictionary = tuple[frozenset[str], frozenset[str], frozenset[str]]


def _dictionary_words(nlp: Language | None) -> _Dictionary:
    """(nouns, verbs adjectives and adverbs) from the model's WordNet index, and irregular
    verb forms from its lemmatizer's exceptions, if it has them."""
    index = _word_index(nlp)
    if index is None:
        return frozenset(), frozenset(), frozenset()
    nouns = frozenset(str(w) for w in index["noun"]) if "noun" in index else frozenset()
    others: set[str] = set()
    for pos in ("verb", "adj", "adv"):
        if pos in index:
            others.update(str(w) for w in index[pos])
    return nouns, frozenset(others), _irregular_verb_forms(nlp)


def _irregular_verb_forms(nlp: Language | None) -> frozenset[str]:
    """ "went", "drew", "hurt": verb forms the lemmatizer lists as exceptions."""
    table = _lemmatizer_table(nlp, "lemma_exc")
    if table is None or "verb" not in table:
        return frozenset()
    return frozenset(str(form) for form in table["verb"] if str(form).isalpha())


@functools.lru_cache(maxsize=2)
def _build(dictionary: _Dictionary) -> NameLexicon:
    import wordfreq  # a slow import, needed only here

    nouns, word_classes, verb_forms = dictionary
    first, last = _census_shares()
    freq = wordfreq.get_frequency_dict("en")
    freq_es = wordfreq.get_frequency_dict("es")

    def zipf(word: str, table: dict[str, float] = freq) -> float:
        f = table.get(word, 0.0)
        return math.log10(f * 1e9) if f > 0 else 0.0

    # Names of people born since 1990 the census lacks, where they are no English word:
    # "aiden", "jaylen", "liam", not "cadence", "messiah" (a census name keeps its own
    # share).
    # A name few children were given that Spanish text uses well beyond English text's
    # use of it is a Spanish word first: "vence", "tomara", "mija", not "tomasz", "rajesh".
    rare = _ssa_shares(_RARE_TABLE)
    rare_names: set[str] = set()
    given_nouns: set[str] = set()
    for word, share in (_ssa_shares() | rare).items():
        if (
            word not in first
            and not (word in rare and word in last)  # (a census surname stays one)
            and (
                zipf(word) < _RARE_ZIPF
                or (word not in rare and zipf(word) < _NAME_ZIPF_CAP)
            )
            and word not in _NOT_FIRST_NAMES
            and word not in word_classes
            and not (
                word in rare
                and zipf(word, freq_es) >= _SPANISH_WORD_ZIPF
                and zipf(word, freq_es) - zipf(word) >= _SPANISH_LEAN
            )
        ):
            if word in nouns:
                if zipf(word) < _RARE_ZIPF and len(word) >= 4:
                    given_nouns.add(word)
                continue
            first[word] = share
            if word in rare:
                rare_names.add(word)
    ambiguous = set()
    for word in first.keys() | last.keys():
        share = max(first.get(word, 0.0), last.get(word, 0.0), 0.0002)
        excess = zipf(word) - (_NAME_ZIPF_OFFSET + math.log10(share))  # word use beyond name use
        word_zipf = zipf(word)
        if (
            len(word) <= 2
            or word in STOP_WORDS
            or (word_zipf >= _RARE_ZIPF and excess > _WORD_EXCESS)
            or (word_zipf >= _RARE_ZIPF and excess > _WORD_CLASS_EXCESS and word in word_classes)
            or (word_zipf >= _RARE_ZIPF and excess > _NOUN_EXCESS and word in nouns)
        ):
            ambiguous.add(word)
    given = _ssa_shares() | rare
    words_first = frozenset(
        word
        for word in ambiguous & first.keys()
        if zipf(word) >= _RARE_ZIPF
        and zipf(word) - (_NAME_ZIPF_OFFSET + math.log10(max(first[word], given.get(word, 0.0))))
        > _WORD_FIRST_EXCESS
    )
    common = frozenset(
        w for w, f in freq.items() if f > 0 and math.log10(f * 1e9) >= _RARE_ZIPF and w.isalpha()
    )
    spanish = frozenset(
        w
        for w, f in freq_es.items()
        if f > 0 and math.log10(f * 1e9) >= _SPANISH_ZIPF and w.isalpha()
    )
    return NameLexicon(
        frozenset(first),
        frozenset(last),
        frozenset(ambiguous),
        common,
        nouns | word_classes,
        word_classes,
        spanish | SPANISH_STOP_WORDS,
        frozenset(rare_names),
        verb_forms,
        words_first,
        frozenset(given_nouns),
    )


def load_lexicon(nlp: Language | None = None) -> NameLexicon:
    """The lexicon for `nlp`'s word index: built once, then read from phimin's cache."""
    try:
        fingerprint = _fingerprint(nlp)
    except (OSError, LookupError):  # a list's file is not where it should be: build it
        return _build(_dictionary_words(nlp))
    return derived(fingerprint, lambda: _build(_dictionary_words(nlp)), astuple, _decode)


def _fingerprint(nlp: Language | None) -> Fingerprint:
    """Everything the lexicon is built from: this code, the census and wordfreq files,
    spaCy's stop words and the model's word index."""
    index = _word_index(nlp)
    fingerprint = (
        Fingerprint("name-lexicon")
        .code(sys.modules[__name__])
        .versions("names", "wordfreq", "spacy")
        .words(STOP_WORDS)
        .words(SPANISH_STOP_WORDS)
        .data(b"" if index is None else index.to_bytes())
        .words(_irregular_verb_forms(nlp))
        .data(_ssa_first_names().read_bytes())
        .data(_ssa_first_names(_RARE_TABLE).read_bytes())
    )
    for path in _source_files():
        fingerprint.installed(path)
    return fingerprint


def _source_files() -> Iterator[Path]:
    """The census name files, and wordfreq's English and Spanish lists (every size)."""
    names, wordfreq = _package_folder("names"), _package_folder("wordfreq")
    for filename in ("dist.all.last", "dist.female.first", "dist.male.first"):
        yield names / filename
    lists = sorted((wordfreq / "data").glob("*_e[ns].msgpack.gz"))
    if not lists:
        raise LookupError("wordfreq's lists were not found")
    yield from lists


def _package_folder(name: str) -> Path:
    """An installed package's folder, without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise LookupError(f"{name} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _decode(plain: Any) -> NameLexicon:
    if not isinstance(plain, tuple) or len(plain) != len(fields(NameLexicon)):
        raise ValueError("not a lexicon")
    if not all(isinstance(words, frozenset) for words in plain):
        raise ValueError("not sets of words")
    return NameLexicon(*plain)
