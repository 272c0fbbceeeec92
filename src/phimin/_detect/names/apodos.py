"""Spanish nicknames said with their article ("apodos"): "mi primo el flaco siempre
anda metido en problemas", "le dije al güero que no", "el chino me llevó al trabajo",
"my cousin el flaco got locked up". Rule `phimin.name.spanish_nickname`.

Such a nickname is a word that describes ("flaco", skinny; "güera", fair), so it is
taken only where it names someone: after kin ("mi tía la chata"), after "al" or "del"
before a pause or what is said to them ("al güero que", "la casa del flaco."), or
opening a clause before a verb or an object pronoun ("el chino me llevó"). Not a word
that describes a thing or a person there ("el café negro", "un perro flaco", "el más
flaco de todos").
"""

from __future__ import annotations

from collections.abc import Iterator

from phimin._catalogue import builtin
from phimin._detect.detection import Detection
from phimin._detect.lines import finditer_by_line
from phimin._detect.words import RELATIONS, alternation, longest_first
from phimin._lazy_regex import lazy

__all__ = ["spanish_nicknames"]

SPANISH_NICKNAME = builtin("phimin.name.spanish_nickname")

# Nicknames from how someone looks, in both genders.
_APODOS = (
    "flaco flaca gordo gorda güero güera guero guera chino china negro negra chato chata"
    " chaparro chaparra pelón pelon pelona prieto prieta moreno morena rubio rubia chapo"
    " chueco chueca cholo chola canelo canela chamaco güicho tigre junior"
).split()
_APODO = rf"(?P<name>(?:el|la)[ ]+(?:{'|'.join(_APODOS)}))"
# (after "al" and "del", not "chino", a restaurant as often: "vamos al chino")
_AFTER_AL = rf"(?P<name>(?:{'|'.join(w for w in _APODOS if w not in ('chino', 'china'))}))"
_KIN = alternation(longest_first(RELATIONS))
# What follows a clause's subject: an object pronoun, "no", "ya", "siempre", or a
# Spanish verb's past or present form.
_VERB_AFTER = (
    r"(?:me|te|le|les|nos|se|lo|la|no|ya|siempre|nunca|también|tambien|anda|andaba|está"
    r"|esta|estaba|es|era|fue|vino|dijo|dice|quiere|quería|tiene|tenía|vive|vivía|trabaja"
    r"|trabajaba|sabe|sabía)"
)
_NICKNAMED = lazy(
    # after kin: "mi primo el flaco", "my cousin el flaco", "mi tía la chata"
    rf"(?i)(?<![\w'’])(?:(?:mi|su|tu|nuestro|nuestra|my|his|her|our|their)[ ]+(?:{_KIN})"
    rf"(?:[ ]+(?:mayor|menor|chico|chica|grande|older|younger|little|big))?,?[ ]+{_APODO}"
    # after "al"/"del", before a pause or what is said: "le dije al güero que no"
    rf"|(?:al|del)[ ]+{_AFTER_AL}(?=[ ]*(?:[.,;!?]|$)|[ ]+(?:que|y|pero|porque|cuando|ayer"
    r"|hoy|anoche|también|tambien)(?![\w]))"
    # opening a clause, before a verb: "el chino me llevó", "y el flaco ya no"
    rf"|(?:(?<![^\n])|(?<=[.!?,;:][ ]*)|(?<=(?<![\w'’])(?:y|pero|pues|porque|que|entonces"
    rf"|and|but|so)[ ]+)){_APODO}(?=[ ]+{_VERB_AFTER}(?![\w]))"
    r")(?![\w'’-])"
)


def spanish_nicknames(text: str) -> Iterator[Detection]:
    """The nickname, with its article (the article is how it is said as a name)."""
    for m in finditer_by_line(_NICKNAMED, text):
        yield SPANISH_NICKNAME.at(*m.span("name"))
