"""Names known by their part in a Spanish clause, in speech with or without capitals:
someone told, asked or called ("le dije a paloma", "llamé a chuy"), someone who did
a thing to the speaker ("pues chuy me llevó al doctor", "rigo no entiende"), someone
named with the speaker at a clause's start ("diego y yo ya no hablamos") and someone
called to after an interjection ("oye beto ven acá"). Rules
`phimin.name.object` and `phimin.name.subject`, as in English (`clauses`); whose kin or
house someone is ("la hermana de óscar", "la casa de pancho"), `phimin.name.kin_of`.
A name found by any rule runs on through its Spanish particles and surnames ("maría
de los ángeles ruiz ortega", `surname_tails`).

A Spanish word is a name here only if a first-name list has it ("paloma") or no
Spanish or English list does ("chuy"): "le dije a todos", "la casa me gusta" name no one.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.es.stop_words import STOP_WORDS as SPANISH_STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.clinical import is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon, fold_accents
from phimin._detect.lines import (
    finditer_by_line,
    finditer_in,
    lines_with_in,
    lines_with_words,
    single_line,
)
from phimin._detect.names.clauses import OBJECT, SUBJECT
from phimin._detect.names.nicknames import nickname_word
from phimin._detect.names.turns import HYPOCORISMS, spanish_diminutive, spanish_verb_form
from phimin._detect.words import (
    NON_NAME_WORDS,
    PERSON_VERBS,
    SPANISH_PERSON_VERBS,
    SPANISH_TIMES,
    TITLES,
)
from phimin._lazy_regex import AnyPattern, lazy

__all__ = ["interjection_at", "spanish_people", "surname_tails"]

KIN_OF = builtin("phimin.name.kin_of")

_WORD = r"\p{L}[\p{L}-]*\p{L}"  # (no apostrophe: "that's no more" is English)
# Telling, asking, calling, seeing someone: the person after "a".
_OBJECT = lazy(
    r"(?i)(?<![\p{L}'’])(?:dije|dijo|dijimos|pregunté|pregunte|preguntó|conté|conte|contó"
    r"|llamé|llame|llamó|marqué|escribí|mandé|pedí|expliqué|avisé|vi|visité|abracé|extraño"
    r"|busqué|conocí)[ ]+a[ ]+(?P<name>" + _WORD + r")(?![\p{L}'’-])"
)
# A clause's subject that did something to the speaker, or will not: "chuy me llevó",
# "rigo no entiende", "pues paloma me dijo". (Where the clause starts is read after a
# match, `_CLAUSE_BEFORE`: a look-behind tried at every position cost more.)
_SUBJECT = lazy(
    r"(?i)(?<![\p{L}'’-])(?P<name>" + _WORD + r")[ ]+(?:me|nos|te|no|nunca|siempre|ya)[ ]+"
    r"(?:(?:me|nos|te|lo|la|le)[ ]+)?(?P<verb>\p{L}+(?:ó|ió|a|e|aba|ía))(?![\p{L}'’-])"
)
# Someone called to after a Spanish interjection: "oye beto ven acá", "mira rosa".
_CALLED_TO = lazy(
    r"(?i)(?<![\p{L}'’-])(?:oye|oiga|mira|ándale|andale|órale|orale)[ ]*,?[ ]+(?P<name>"
    + _WORD
    + r")(?![\p{L}'’-])"
)
_CALLED_TO_WORDS = frozenset({"oye", "oiga", "mira", "ándale", "andale", "órale", "orale"})
# Someone named with the speaker: "diego y yo ya no hablamos", "yo y chuy fuimos".
_WITH_ME = lazy(
    r"(?i)(?<![\p{L}'’-])(?:(?P<name>" + _WORD + r")[ ]+y[ ]+yo"
    r"|yo[ ]+y[ ]+(?P<name>" + _WORD + r"))(?![\p{L}'’-])"
)
_WITH_ME_WORDS = frozenset({" y "})  # (in every match: "[ ]+y[ ]+")
# Someone gone with, or two named together: "fui con nacho al parque", "estaba con lalo
# cuando", "lupe y chuy came over", "paco y su esposa" (a first name, a Spanish short form
# or a diminutive: "con cuidado", "pan y café" name no one).
_WITH_SOMEONE = lazy(
    r"(?i)(?<![\p{L}'’-])con[ ]+(?P<name>" + _WORD + r")(?![\p{L}'’-])"
)
_WITH_SOMEONE_WORDS = frozenset({"con "})
_TWO_NAMED = lazy(
    r"(?i)(?<![\p{L}'’-])(?P<name>" + _WORD + r")[ ]+y[ ]+(?:(?:su|sus|mi|mis)[ ]+(?P<kin>"
    r"esposa|esposo|novia|novio|mujer|marido|hijos|hijas|hijo|hija|mamá|mama|papá|papa"
    r"|hermana|hermano|familia|pareja)|(?P<second>" + _WORD + r"))(?![\p{L}'’-])"
)
# A name opening a Spanish turn, then what that person does or is: "beto está enojado
# conmigo", "memo dice que no", "lupe ya no me habla" (the verb's third person).
_DOES_VERBS = tuple(
    """está esta estaba estuvo dice dijo decía quiere quería quiso tiene tenía tuvo viene
    vino venía anda andaba sigue siguió llega llegó llegaba trabaja trabajaba vive vivía
    sabe sabía puede podía pudo habla hablaba habló hace hacía hizo piensa pensaba cree
    creía llama llamaba llamó contesta contestó entiende entendía necesita necesitaba
    salió sale regresó volvió empezó""".split()
)
_DOES = lazy(
    r"(?i)(?<![\p{L}'’-])(?P<name>" + _WORD + r")[ ]+(?:(?:ya|no|nunca|siempre|también"
    r"|tambien|tampoco|todavía|todavia|casi)[ ]+){0,2}(?:(?:me|te|le|nos|les|lo|la|se)[ ]+)?"
    r"(?:" + "|".join(_DOES_VERBS) + r")(?![\p{L}'’-])"
)
_DOES_WORDS = frozenset(" " + w for w in _DOES_VERBS)  # (in every match: "[ ]+verb")
# A family called by its surname, the article plural and the surname not ("los
# hernández se mudaron", "las ochoa ya no vienen", "con los garcía"): the subject of a
# plural verb, or after a word that takes people ("con", "a", "de").
_FAMILY = lazy(
    r"(?i)(?<![\p{L}'’-])(?:(?P<prep>con|a|de|y)[ ]+)?(?:los|las)[ ]+(?P<name>" + _WORD + r")"
    r"(?=[ ]+(?:(?:ya|no|nunca|siempre|también|tambien|se|me|nos|les|lo|la)[ ]+){0,2}"
    r"\p{L}+(?:aron|ieron|eron|an|en|aban|ían|ian)(?![\p{L}'’-])|(?(prep)[ ]*(?:[.,;!?]|$)|(?!)))"
)
_FAMILY_WORDS = frozenset({"los ", "las "})


def _family_surname(word: str, lexicon: NameLexicon) -> bool:
    """A surname that is no plural after a plural article: Spanish says "los hernández",
    "las ochoa" (the surname unchanged), but a noun there is plural ("los niños", "los
    martes", "las flores"; the lists have surnames spelled so too)."""
    w = word.lower()
    plain = fold_accents(w)
    return (
        len(w) >= 3
        and not w.endswith("s")
        and plain in lexicon.last
        and not lexicon.is_english(plain)
        and w not in SPANISH_STOP_WORDS
        and not is_clinical_term(w)
    )


# What a line of Spanish holds (the subject pattern runs only on such lines): an accent,
# or a word English never uses.
_SPANISH_LINE = regex.compile(
    r"(?i)[áéíóúñ¿¡]|(?<![\p{L}'’])(?:que|pues|pero|porque|entonces|bueno|cuando|nos|muy|los"
    r"|las|una|el|es|mi|se)(?![\p{L}'’])"
)
# Every match of _SUBJECT holds one of these (found as substrings, a quicker search than
# _SPANISH_LINE's): _SPANISH_LINE is looked for only in the lines holding one.
_SUBJECT_WORDS = frozenset(f" {w} " for w in ("me", "nos", "te", "no", "nunca", "siempre", "ya"))
# Before a clause's subject: the text's or a line's start, a pause, or a word that opens
# a clause in Spanish.
_CLAUSE_BEFORE = regex.compile(
    r"(?i)(?:^|[.!?;:,\n][ ]{0,3}|(?<![\p{L}'’])(?:pues|que|y|pero|bueno|entonces|sea"
    r"|porque|cuando|si)[ ])[ ]*$"
)


# First names that are also a Spanish interjection ("mira eso", "mira yo no sé"), and
# the words that may come before one in its clause.
_INTERJECTION_NAMES = frozenset({"mira"})
_BEFORE_INTERJECTION = frozenset("pues y bueno oye ay no pero entonces ah ah sí si".split())
_NEXT_WORD = regex.compile(r"[ ]*,?[ ]*(\p{L}+)")
_WORD_BEFORE = regex.compile(r"(?r)(\p{L}+)[ ,]*$")


def interjection_at(text: str, start: int, end: int, lexicon: NameLexicon) -> bool:
    """Is text[start:end] a first name said as a Spanish interjection: "mira" opening a
    clause before Spanish ("mira eso", "pues mira la verdad"), not "mira is my sister"?"""
    if text[start:end].lower() not in _INTERJECTION_NAMES:
        return False
    after = _NEXT_WORD.match(text, end)
    if after is None:
        return False
    nxt = after.group(1).lower()
    if not (nxt in SPANISH_STOP_WORDS or (lexicon.is_spanish(nxt) and not lexicon.is_english(nxt))):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    head = text[max(line_start, start - 24) : start]
    if not head.strip() or head.rstrip()[-1:] in (".", "!", "?", ":", "]"):
        return True
    before = _WORD_BEFORE.search(head)
    return before is not None and before.group(1).lower() in _BEFORE_INTERJECTION


# Before a name that opens a Spanish turn: the line's start, a sentence's end, a
# speaker's tag, or a word that opens one.
_TURN_OPENS = regex.compile(
    r"(?i)(?:^|[.!?:\]\n][ ]{0,3}|(?<![\p{L}'’])(?:pues|y|bueno|entonces|pero|porque|que"
    r"|oye|ay|and|so|but)[ ])[ ]*$"
)


def _named(word: str, lexicon: NameLexicon) -> bool:
    """A word that can name someone in a Spanish clause: a first name or a word no
    list knows; never Spanish grammar or a word for what anyone can be called."""
    w = word.lower()
    if w in TITLES or w == "don":
        return False  # "le pregunté a don chuy": the title (its name the title rule finds)
    if w in SPANISH_STOP_WORDS or len(w) < 3 or not nickname_word(w, lexicon, clinical=False):
        return False
    if spanish_verb_form(w, lexicon):  # "oye vámonos ya": a verb
        return False
    if w in HYPOCORISMS:  # "memo", "paco": a name's short form that lists hold as a word
        return True
    if lexicon.is_first_name(fold_accents(w)):  # (the lists spell "maría" as "maria")
        return w not in NON_NAME_WORDS
    return not (
        lexicon.is_spanish(w)
        or lexicon.is_english(w)
        or lexicon.is_common_word(w)
        or is_clinical_term(w)
    )


def _short_or_given(word: str, lexicon: NameLexicon) -> bool:
    """A word that names someone after "con" or beside "y": a Spanish short form of a
    name ("nacho", "lalo"), a diminutive of one ("juanito") or a first name that is no
    Spanish word."""
    w = word.lower()
    if not _named(word, lexicon):
        return False
    if w in HYPOCORISMS or spanish_diminutive(w, lexicon):
        return True
    folded = fold_accents(w)
    # (a word no list has is no sign here: Spanish verbs the lists lack are joined by
    # "y" as often, "desahogarte y distraerte", "validas y descartas")
    return lexicon.is_first_name(folded) and not lexicon.is_spanish(w)


def spanish_people(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """Names told, asked or seen after "a", and subjects before what they did to the
    speaker, in Spanish."""
    for m in finditer_by_line(_OBJECT, text):
        if _named(m.group("name"), lexicon):
            yield OBJECT.at(*m.span("name"))
    for m in _in_lines_with(_CALLED_TO, _CALLED_TO_WORDS, text):
        if _named(m.group("name"), lexicon):
            yield OBJECT.at(*m.span("name"))
    for m in _in_lines_with(_WITH_ME, _WITH_ME_WORDS, text):
        if _CLAUSE_BEFORE.search(text, max(0, m.start() - 16), m.start()) and _named(
            m.group("name"), lexicon
        ):
            yield SUBJECT.at(*m.span("name"))
    for m in _in_lines_with(_WITH_SOMEONE, _WITH_SOMEONE_WORDS, text):
        if _short_or_given(m.group("name"), lexicon):
            yield OBJECT.at(*m.span("name"))
    for m in _in_lines_with(_TWO_NAMED, _WITH_ME_WORDS, text):
        names = [g for g in ("name", "second") if m.group(g)]
        if all(_named(m.group(g), lexicon) for g in names) and any(
            _short_or_given(m.group(g), lexicon) for g in names
        ):
            # (a listed first name is the guessers' to find, and its partner then the
            # coordination's: "marisol y beto"; here the short forms lists lack)
            for g in names:
                if not lexicon.is_first_name(fold_accents(m.group(g).lower())):
                    yield SUBJECT.at(*m.span(g))
    for m in _in_lines_with(_DOES, _DOES_WORDS, text):
        if (
            _TURN_OPENS.search(text, max(0, m.start() - 16), m.start())
            and not interjection_at(text, *m.span("name"), lexicon)
            and _named(m.group("name"), lexicon)
        ):
            yield SUBJECT.at(*m.span("name"))
    for m in _in_lines_with(_FAMILY, _FAMILY_WORDS, text):
        if _family_surname(m.group("name"), lexicon):
            yield SUBJECT.at(*m.span("name"))
    for m in _subjects(text):
        verb = m.group("verb").lower()
        if not _CLAUSE_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue
        if (lexicon.is_spanish(verb) or verb.endswith("ó")) and _named(m.group("name"), lexicon):
            yield SUBJECT.at(*m.span("name"))


def _in_lines_with(
    pattern: AnyPattern, words: frozenset[str], text: str
) -> Iterator[regex.Match[str]]:
    """`finditer_by_line(pattern, text)`, searched only in the lines holding one of
    `words`, which every match holds (a scan of every line cost more than the rest of
    these rules together)."""
    if not single_line(pattern.pattern):
        return finditer_by_line(pattern, text)
    return finditer_in(pattern, text, lines_with_words(words, text))


def _subjects(text: str) -> Iterator[regex.Match[str]]:
    """`finditer_by_line(_SUBJECT, text, _SPANISH_LINE)`: the subject pattern's matches
    on the lines holding _SPANISH_LINE. Every match holds one of `_SUBJECT_WORDS` (in
    its own line: the pattern is proved to keep to one), so only the lines holding one
    are searched for _SPANISH_LINE."""
    if not single_line(_SUBJECT.pattern):  # (it is: as `finditer_by_line` would)
        return finditer_by_line(_SUBJECT, text, _SPANISH_LINE)
    near = lines_with_words(_SUBJECT_WORDS, text)
    return finditer_in(_SUBJECT, text, lines_with_in(_SPANISH_LINE, text, near))


# Whose kin, partner, friend or house: "la hermana de óscar", "el novio de yesenia",
# "en la casa de pancho", "el velorio del papá de ulises". The word after "de" is a
# name only if `_named` says so ("la casa de mi mamá", "la casa de campo" name no one).
_KIN_OF_WORDS = tuple(
    """hermana hermano hermanita hermanito hermanas hermanos mamá mama mami papá papa
    papi madre padre hijo hija hijos hijas hijito hijita esposo esposa marido novio novia
    ex exesposo exesposa exnovio exnovia tío tía tio tia primo prima primos abuelo abuela
    abuelito abuelita nieto nieta nietos suegro suegra cuñado cuñada cunado cunada yerno
    nuera sobrino sobrina padrastro madrastra hijastro hijastra compadre comadre padrino
    madrina ahijado ahijada amigo amiga amigos amigas vecino vecina pareja bebé bebe
    familia casa velorio funeral entierro boda bautizo cumpleaños quinceañera cuarto
    troca carro""".split()
)
_KIN_OF = lazy(
    r"(?i)(?<![\p{L}'’-])(?:"
    + "|".join(_KIN_OF_WORDS)
    + r")[ ]+de[ ]+(?P<name>"
    + _WORD
    + r")(?![\p{L}'’-])"
)
_KIN_OF_CUES = frozenset(f"{w} de " for w in _KIN_OF_WORDS)
# Said after kin's "de" and no one's name: "la madre de dios", "el hijo de puta".
_KIN_OF_NOT = frozenset({"dios", "cristo", "puta", "nadie", "alguien", "todos", "ellos", "ellas"})


def kin_of(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """The name after a kin word's or a house's "de": "la mamá de leydi no me deja",
    "estuve en la casa de pancho" (a first name, a short form or a word no list has)."""
    for m in finditer_in(_KIN_OF, text, lines_with_words(_KIN_OF_CUES, text)):
        name = m.group("name")
        if name.lower() not in _KIN_OF_NOT and _named(name, lexicon):
            yield KIN_OF.at(*m.span("name"))


# A Spanish name's particle and what it introduces: "de los ángeles", "del carmen",
# "de la cruz", "de jesús" (the word read by `_particle_name`).
_PARTICLE_TAIL = regex.compile(
    r"(?i)[ ]+(?:de[ ]+(?:la|las|los)|del|de)[ ]+(?P<w>\p{L}+)(?![\p{L}'’-])"
)
_SURNAME_NEXT = regex.compile(r"(?i)[ ]+(?P<w>\p{L}+)(?![\p{L}'’-])")
# What Spanish names carry after "de" that is also an everyday word (devotions, and
# surnames with their article): "maría de la luz", "juan de dios", "ramón de la garza".
# Not "paz", "casa", "mañana": "rosa de la paz que siento" stays a word.
_PARTICLE_NAMES = frozenset(
    """angeles carmen jesus socorro rosario luz guadalupe lourdes pilar refugio dolores
    remedios mercedes fatima cruz rosa torre garza fuente vega santos reyes valle rio
    rios castillo leon toro campo hoyos olmos monte rocio consuelo milagros asuncion
    concepcion trinidad soledad maria angel peña pena anda alba haro luna lara loera
    castro santiago huerta real pino olmo barrera dios""".split()
)


def _particle_name(word: str, lexicon: NameLexicon) -> bool:
    """A word a name's particle introduces: a devotion or article surname ("del
    carmen", "de la garza"), or a surname no everyday list has ("de sandoval")."""
    w = fold_accents(word.lower())
    if w in _PARTICLE_NAMES:
        return True
    return (
        w in lexicon.last
        and len(w) >= 4
        and not lexicon.is_spanish(word.lower())
        and not lexicon.is_english(w)
        and not lexicon.is_common_word(w)
    )


def _tail_surname(word: str, lexicon: NameLexicon) -> bool:
    """A surname after a name's particle part ("de los ángeles ruiz ortega", "de jesús
    moreno"), never the verb, grammar or time that follows it ("de la cruz dice")."""
    w = word.lower()
    plain = fold_accents(w)
    return (
        plain in lexicon.last
        and len(w) >= 3
        and w not in SPANISH_STOP_WORDS
        and w not in STOP_WORDS
        and w not in SPANISH_TIMES
        and w not in SPANISH_PERSON_VERBS
        and w not in PERSON_VERBS
        and not spanish_verb_form(w, lexicon)
        and not is_clinical_term(w)
    )


def _tail_end(text: str, end: int, lexicon: NameLexicon) -> int:
    """Where a name ending at `end` ends with its particles and surnames: "josé luis
    peña| del valle", "guadalupe| del carmen ríos"; `end` if no particle follows."""
    new = pos = end
    particle = False
    for _ in range(4):
        m = _PARTICLE_TAIL.match(text, pos)
        if m is not None and _particle_name(m.group("w"), lexicon):
            new = pos = m.end()
            particle = True
            continue
        m = _SURNAME_NEXT.match(text, pos)
        if m is None or not _tail_surname(m.group("w"), lexicon):
            break
        if not particle:  # "josé luis| peña del valle": a surname, then its particle
            after = _PARTICLE_TAIL.match(text, m.end())
            if after is None or not _particle_name(after.group("w"), lexicon):
                break
        new = pos = m.end()
    return new


def surname_tails(text: str, found: list[Detection], lexicon: NameLexicon) -> list[Detection]:
    """Names run on through their particles: "se llama maría| de los ángeles ruiz
    ortega", "el licenciado juan pablo| de la cruz" (each rule stops at "de")."""
    if " de" not in text and " De" not in text and " DE" not in text:
        return found
    out = []
    for d in found:
        end = _tail_end(text, d.end, lexicon) if d.entity == "PERSON" else d.end
        out.append(d if end == d.end else d.spanning(d.start, end))
    return out
