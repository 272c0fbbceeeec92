"""Short forms of first names: "bill" for "william", "des" for "desmond", "lupe" for
"guadalupe".

Two users need the same answer. Detection learns the short forms of a first name said
earlier in a session, so that "my husband desmond" ... "des said" removes both
(`propagation.learn_short_forms`). The placeholder book gives a short form the
placeholder of the one full name it shortens, so the LLM reads "des" and "desmond" as
one person (`_placeholders.PlaceholderBook`).

The forms are the `nicknames` package's hand-curated English table (Apache-2.0) and
phimin's own list in `name_words.yaml` (Spanish forms such as "paco" and forms that
table lacks), plus a name's first three to five letters with at least one left over.
A first-letters form that the table gives to other names only is not this name's:
"dan" is "daniel"'s, so "dan" after "danielle" is someone else until said otherwise.

Kept free of the NLP pipeline: restoring text imports the placeholder book.
"""

from __future__ import annotations

import functools

from nicknames import NickNamer

from phimin._detect.words import NICKNAME_FORMS

__all__ = ["first_letter_forms", "is_nickname", "is_short_form_of", "nicknames_of"]


@functools.cache
def _namer() -> NickNamer:
    return NickNamer()  # (reads the package's table once: about 2,700 pairs)


# (bounded: the keys are names from clients' text, which a long-running gateway must not
# hoard; the table itself is read once)
@functools.lru_cache(maxsize=4096)
def nicknames_of(name: str) -> frozenset[str]:
    """The forms `name` (lower case) is called by, from both lists ("william" -> "bill",
    "will", "billy" ...); single words of letters only, and from the package's table
    none shorter than three letters (its "al", "ed", "di" are everyday words)."""
    own = NICKNAME_FORMS.get(name, ())
    table = (f for f in _namer().nicknames_of(name) if len(f) >= 3)  # never "al", "ed"
    return frozenset(f for f in (*own, *table) if f.isalpha() and f != name)


def first_letter_forms(name: str) -> tuple[str, ...]:
    """`name`'s first three to five letters with at least one left over ("desmond" ->
    "des", "desm", "desmo")."""
    return tuple(name[:size] for size in range(3, min(5, len(name) - 1) + 1))


@functools.lru_cache(maxsize=4096)
def is_short_form_of(short: str, name: str) -> bool:
    """Is `short` a form `name` is called by? Both in lower case, one word each."""
    if short == name or not short.isalpha():
        return False
    if short in nicknames_of(name):
        return True
    if short not in first_letter_forms(name):
        return False
    owners = _namer().canonicals_of(short)
    return not owners or name in owners


def is_nickname(word: str) -> bool:
    """Is `word` (lower case) a form some first name is called by, in either list
    ("kat", "rob", "lupe")? Where a person stands, such a word is a name."""
    return word in _all_nicknames()


@functools.cache
def _all_nicknames() -> frozenset[str]:
    own = (form for forms in NICKNAME_FORMS.values() for form in forms)
    table = (f for f in _namer().canonical_lookup if len(f) >= 3 and f.isalpha())
    return frozenset((*own, *table))
