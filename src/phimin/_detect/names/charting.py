"""Names in charting shorthand: who was told, who called, who signed, who visited.
Rules `phimin.name.aware`, `.cue`, `.signature`, `.social_note`."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from phimin._catalogue import builtin
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon
from phimin._detect.lines import finditer_by_line, finditer_in
from phimin._detect.names.tokens import NAME_WORD, ok_after_cue
from phimin._detect.words import (
    AWARE_CUES,
    CLIENT_CUES,
    CONTACT_VERBS,
    ROLES,
    SIGNATURE_CREDENTIALS,
    SOCIAL_VERBS,
    alternation,
)

__all__ = ["aware", "cues", "signatures", "social_notes"]

AWARE = builtin("phimin.name.aware")
CUE = builtin("phimin.name.cue")
SIGNATURE = builtin("phimin.name.signature")
SOCIAL_NOTE = builtin("phimin.name.social_note")

_AWARE = regex.compile(
    rf"(?i)(?<![\w'’])(?P<name>{NAME_WORD}(?:[ ]{NAME_WORD})?)[ ]+(?:made[ ])?"
    rf"(?:{alternation(AWARE_CUES)})(?![\w])"
)
# A name after "client" needs two words ("client quillon brackenridge"): one unknown
# word after "pt" is more often a misspelt verb ("pt recieved").
_CLIENT_CUE = regex.compile(
    rf"(?i)(?<![\w])(?:{alternation(CLIENT_CUES)})[ ]*[:\[]?[ ]*"
    rf"(?P<name>{NAME_WORD}[ ]{NAME_WORD})"
)
_CALLED_CUE = regex.compile(
    rf"(?i)(?<![\w'’])(?P<name>{NAME_WORD}[ ]{NAME_WORD})[ ]+"
    rf"(?:{alternation(CONTACT_VERBS)})(?![\w])"
)
# "social: bob visited", "Family: Rosa called": a first name opening the social note.
_SOCIAL_CUE = regex.compile(
    rf"(?i)(?<![\w])(?:social|family|visitors?)[ ]*:[ ]*(?P<name>{NAME_WORD})[ ]+"
    rf"(?:{alternation(SOCIAL_VERBS)})(?![\w])"
)
# A note signed at the end of a line, in any case: "linda harrow rn", "J. Ames, LCSW".
_SIGNATURE_CREDENTIAL = regex.compile(
    rf"(?im)[ ]*,?[ ]+(?:{alternation(SIGNATURE_CREDENTIALS)})\.?[ \t]*$"
)
# (read backwards from the credential, within its line: "\Z" is where the credential starts)
_SIGNATURE_NAME = regex.compile(rf"(?<![\w'’.])(?P<name>{NAME_WORD}[ ]{NAME_WORD})\Z")


def aware(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "LENA OKONJO AWARE", "np jo notified": who was told is a clinician."""
    for m in finditer_by_line(_AWARE, text):
        words = m.group("name").split()
        role = words[0].lower() in ROLES
        if role:  # "NP JEN AWARE": the role is not the name
            words = words[1:]
            start = m.end("name") - len(" ".join(words))
        else:
            start = m.start("name")
        if (
            words
            and all(ok_after_cue(w, lexicon) for w in words)
            and (
                len(words) > 1
                or lexicon.is_clear_name(words[0].lower())
                or not lexicon.is_english(words[0].lower())
                # a role before it: "np hope made aware" names the nurse practitioner
                or (role and lexicon.is_name(words[0].lower()))
            )
        ):
            clear = any(lexicon.is_clear_name(w.lower()) for w in words)
            score = AWARE.score if clear else AWARE.score_for("not_a_known_name")
            yield AWARE.at(start, m.end("name"), score)


def cues(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "client quillon brackenridge", "QUILLON BRACKENRIDGE CALLED": a name no list
    knows, recognised because it is nothing else: no English word, no ward term."""
    # (`finditer_in` over the whole text: _CLIENT_CUE tried only where a cue begins)
    whole = [(0, len(text))]
    for m in (*finditer_in(_CLIENT_CUE, text, whole), *finditer_by_line(_CALLED_CUE, text)):
        words = m.group("name").split()
        lowered = [w.lower() for w in words]
        if all(
            ok_after_cue(w, lexicon)
            and not lexicon.is_english(w)
            # (nor Spanish: "client: yo tomaba mucho" is what the client said)
            and not (lexicon.is_spanish(w) and not lexicon.is_first_name(w))
            and (lexicon.is_name(w) or not lexicon.is_common_word(w))
            for w in lowered
        ):
            yield CUE.at(m.start("name"), m.end("name"))


def signatures(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "linda harrow rn" at a line's end: a first name and a surname before a credential."""
    for credential in finditer_by_line(_SIGNATURE_CREDENTIAL, text, shortest=2):
        line_start = text.rfind("\n", 0, credential.start()) + 1
        m = _SIGNATURE_NAME.search(text, line_start, credential.start())
        if m is None:
            continue
        first, last = m.group("name").lower().split()
        if (
            lexicon.is_first_name(first)
            and ok_after_cue(first, lexicon)
            and ok_after_cue(last, lexicon)
            and (lexicon.is_clear_name(last) or not lexicon.is_english(last))
            and not (lexicon.is_english(first) and lexicon.is_english(last))
        ):
            yield SIGNATURE.at(m.start("name"), m.end("name"))


def social_notes(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """ "social: bob visited": a first name opening a social note."""
    for m in finditer_in(_SOCIAL_CUE, text, [(0, len(text))]):  # (where a cue begins)
        word = m.group("name").lower()
        if lexicon.is_first_name(word) and ok_after_cue(word, lexicon):
            yield SOCIAL_NOTE.at(m.start("name"), m.end("name"))
