"""Speakers' names in the layout of a speech-to-text tool's export, where a field holds
who is talking whatever the case of the speech: a WebVTT voice tag ("<v Halima Osei>"),
a meeting tool's speaker line ("Tomasz Wiśniewski  00:00:45", "[10:02 AM] Okafor,
Chidi (Clinician)", "10:03:05 From Femi Adebayo to Dr. Lee (Direct Message):", "Naomi
Feld started transcription"), a JSON segment's speaker ('"speaker": "Rosa Delgado"')
and a scribe header's person ("Clinician: Amir Tehrani, PMHNP", "Patient: Ignatius
Pereira-Lowe"). Rule
`phimin.name.export_speaker`.

The field is a person's name unless the tool filled it with a role or a generic label
("<v Therapist>", "<v Speaker 2>", "From Dr. Lee to Everyone:", '"speaker":
"SPEAKER_00"'); those, and the timings beside them, are layout and stay.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from phimin._catalogue import builtin
from phimin._detect.clinical import is_clinical_term
from phimin._detect.detection import Detection
from phimin._detect.lexicon import NameLexicon
from phimin._detect.words import KIN_ROLES, POSTNOMINALS, RELATIONS, ROLES, TITLES
from phimin._lazy_regex import lazy

__all__ = ["cue_split_names", "export_speakers"]

EXPORT_SPEAKER = builtin("phimin.name.export_speaker")
CUE_SPLIT = builtin("phimin.name.cue_split")

# What a tool puts in a speaker's field when it names no one: a role, a generic label,
# the audience ("<v Therapist>", "From Dr. Lee to Everyone:", "<v Narrator>").
_GENERIC = frozenset(
    """speaker speakers unknown unidentified everyone everybody all host co-host cohost
    guest guests me you therapist client patient doctor provider clinician counselor
    counsellor interviewer interviewee participant participants student nurse caller
    agent parent mom dad mother father daughter son wife husband partner family
    moderator facilitator scribe narrator user assistant system child teen adolescent
    staff group team room audience presenter panelist attendee attendees waiting
    question answer transcript meeting session recording note notes other others""".split()
)
# A name's words: a title first ("Dr. Lee": the title stays, like "dr. [PERSON]"),
# then one to four words, or "Last, First" as a meeting tool files it.
_WORD = r"\p{L}[\p{L}'’.-]*"
_NAME = (
    r"(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?[ \t]+)?(?P<GROUP>" + _WORD + r"(?:,?[ \t]" + _WORD + r"){0,3})"
)


def _name(group: str) -> str:
    """`_NAME` with its words in the group `group`."""
    return _NAME.replace("GROUP", group)


# A name the tool cut at a cue's end, its surname opening the next cue: "my stepdad
# gary" / (cue number, timing, voice tag or label) / "pruitt had a fall".
_CUE_SPLIT = lazy(
    r"(?P<first>(?<![\w'’-])\p{L}[\p{L}'’-]*)[ \t]*\r?\n(?:[ \t]*\r?\n)*(?:[^\n]{1,60}\r?\n)?"
    r"[^\n]{0,40}\d:\d\d[^\n]*-->[^\n]*\r?\n"
    r"(?:<v(?:\.[\w.-]+)*[ \t][^<>\n]*>|[^\n:<]{1,30}:[ \t]|-[ \t])?[ \t]*"
    r"(?P<last>\p{L}[\p{L}'’-]*)(?![\w'’-])"
)


_ROLE_NOTE = r"(?:[ \t]*\([^()\n]{1,24}\))?"  # "(Host)", "(Clinician)", "(Direct Message)"
_CLOCK = r"\d{1,2}:\d\d(?::\d\d)?(?:[.,]\d+)?"

_VOICE_TAG = lazy(rf"<v(?:\.[\w.-]+)*[ \t]+{_name('name')}[ \t]*>")
# "Dana Whitfield  2:14" alone on its line: two spaces or a tab before the time, as the
# tools write it (one space would read "see you at 4:30" as a speaker).
_SPEAKER_LINE = lazy(
    rf"(?m)^[ \t]*{_name('name')}{_ROLE_NOTE}(?:[ \t]{{2,}}|\t)\[?{_CLOCK}\]?[ \t]*$"
)
_TEAMS_LINE = lazy(
    rf"(?m)^\[\d{{1,2}}:\d\d(?::\d\d)?[ \t]?[AaPp][Mm]\][ \t]+{_name('name')}"
    rf"{_ROLE_NOTE}[ \t]*$"
)
_CHAT_LINE = lazy(
    rf"(?m)^(?:{_CLOCK}[ \t]+)?From[ \t]+{_name('name')}[ \t]+to[ \t]+"
    rf"{_name('other')}{_ROLE_NOTE}[ \t]*:[ \t]*$"
)
_TRANSCRIPTION = lazy(
    rf"(?m)^[ \t]*{_name('name')}[ \t]+(?:started|stopped)[ \t]+transcription[ \t]*$"
)
# ("speaker_name" reads "speaker name" in the normalized view)
_JSON_SPEAKER = lazy(rf'"speaker(?:[ _]?(?:name|label))?"[ \t]*:[ \t]*"{_name("name")}[ \t]*"')
# A scribe header's person, alone on the line or before the next field, with a
# credential or in words that are names: "Clinician: Amir Tehrani, PMHNP", "Patient:
# Ignatius Pereira-Lowe", "Patient: Desmond Achterberg    DOB: ..." (not "Patient:
# Doing Well Today").
_HEADER_PERSON = lazy(
    r"(?m)^[ \t]*(?:(?:Patient|Client)(?:[ ]name)?|Provider|Clinician|Therapist|Physician"
    r"|Attending|Counselor|Seen[ ]by)[ \t]*:[ \t]*(?:(?:Dr|Mr|Mrs|Ms)\.?[ \t]+)?"
    r"(?P<name>\p{Lu}[\p{L}'’-]+(?:[ \t]\p{Lu}\.?[\p{L}'’-]*){1,3})"
    r"(?:,[ \t]*(?P<credential>[A-Za-z-]{2,6}))?[ \t]*(?=\(|$|[ \t]{2,})"
)


def export_speakers(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """Names in an export's speaker fields (see the module's docstring)."""
    if "<v" in text:
        for m in _VOICE_TAG.finditer(text):
            yield from _named(m, "name", lexicon)
    if ":" in text:
        for pattern in (_SPEAKER_LINE, _TEAMS_LINE, _CHAT_LINE):
            for m in pattern.finditer(text):
                yield from _named(m, "name", lexicon)
                if pattern is _CHAT_LINE:
                    yield from _named(m, "other", lexicon)
        for m in _HEADER_PERSON.finditer(text):
            credential = m.group("credential")
            words = m.group("name").lower().replace("-", " ").split()
            # (names: a word no English list has, none a word of grammar or a role:
            # "Ignatius Pereira-Lowe", not "Doing Well Today", "Follow Up Visit")
            if (credential and credential.lower() in POSTNOMINALS) or (
                any(not _plain_word(w, lexicon) for w in words)
                and not any(w in STOP_WORDS or _role(w) for w in words)
            ):
                yield from _named(m, "name", lexicon)
    if "transcription" in text:
        for m in _TRANSCRIPTION.finditer(text):
            yield from _named(m, "name", lexicon)
    if '"speaker' in text:
        for m in _JSON_SPEAKER.finditer(text):
            yield from _named(m, "name", lexicon)


def _named(m: regex.Match[str], group: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """The field's words as a name, unless a role, a label or plain words fill it ("<v
    Client>", "Everyone", "see you then  4:30"): a lower-case word must be no stop word
    and, if English, a first name too ("<v dana>")."""
    words = [w.strip(".,") for w in m.group(group).split()]
    for w in words:
        low = w.lower()
        if (
            low in _GENERIC
            or low in ROLES
            or low in TITLES
            or low in RELATIONS
            or low in KIN_ROLES
            or low in POSTNOMINALS
            or is_clinical_term(low)
        ):
            return
        if w[:1].islower() and (
            low in STOP_WORDS or (lexicon.is_english(low) and not lexicon.is_first_name(low))
        ):
            return
    yield EXPORT_SPEAKER.at(*m.span(group))


def cue_split_names(text: str, lexicon: NameLexicon) -> Iterator[Detection]:
    """A first name ending one cue and a surname opening the next ("gary" / "pruitt"):
    both, the surname only when it is a name and no English or common word ("my son
    mark" / "because ..." is no name's end)."""
    if "-->" not in text:
        return
    for m in _CUE_SPLIT.finditer(text):
        first, last = m.group("first").lower(), m.group("last").lower()
        # (a first name that is a word too ends a cue as a name before a surname:
        # "gary" / "pruitt"; never a word a name list lacks)
        if not lexicon.is_first_name(first) or first in STOP_WORDS or _role(first):
            continue
        if not lexicon.is_clear_name(last) or _plain_word(last, lexicon):
            continue
        yield CUE_SPLIT.at(*m.span("first"))
        yield CUE_SPLIT.at(*m.span("last"))


def _plain_word(word: str, lexicon: NameLexicon) -> bool:
    """An English, common or clinical word, or a role ("because", "carter", "nurse")."""
    return lexicon.is_english(word) or lexicon.is_common_word(word) or _role(word)


def _role(word: str) -> bool:
    """A role, title, relation or clinical word ("client", "dr", "mom", "insulin")."""
    return word in _GENERIC or word in TITLES or word in RELATIONS or is_clinical_term(word)
