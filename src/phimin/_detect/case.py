"""How far capitals can be trusted in a text: mixed case, all capitals, or none.

In mixed-case text a capital is evidence of a name or a place; in an all-capital ward
note or a lower-case speech transcript it says nothing, and the rules lean on word
lists and context instead. The engine works out a chunk's case once and hands it to
every recognizer with the chunk's NLP artifacts (`case_of`).
"""

from __future__ import annotations

import re
from typing import Any, Literal

__all__ = ["SPEAKER_LABEL", "CaseMode", "case_mode", "case_of"]

CaseMode = Literal["mixed", "upper", "lower"]

# Every byte but the ASCII capitals (or small letters): deleting them counts the rest.
_NOT_UPPER = bytes(b for b in range(256) if not 65 <= b <= 90)
_NOT_LOWER = bytes(b for b in range(256) if not 97 <= b <= 122)


# Capitals that say nothing of how the speech was written: a speaker's label ("T:",
# "Client:"; not a chart's heading, "CV:", "Plan:") and the pronoun "I" ("so I went to
# phoenix"). A transcript whose only capitals are these is lower-case speech.
# (The standard library's engine: these simple patterns run over every chunk.)
SPEAKER_LABEL = re.compile(
    r"(?<![\w'’])(?:[A-Z]|(?i:client|therapist|counsel(?:or|lor)|patient|pt|doctor|dr|nurse"
    r"|interviewer|speaker(?:[ ]?\d)?|parent|mom|dad|caller|provider|clinician))[ \t]*:"
)
# The longest label SPEAKER_LABEL knows ("interviewer"), with room to spare: a label
# ends at most this far before its colon's run of spaces and tabs.
_LABEL_REACH = 16
_PRONOUN_I = re.compile(r"(?<![\w'’])I(?:['’](?:m|ve|ll|d))?(?![\w'’])")
# A capital in a word that is not all capitals ("Marcus", not "UCLA").
_CAPITAL_IN_WORD = re.compile(r"[A-Z](?=[a-z])|(?<=[a-z])[A-Z]")
# The first letter of a sentence or a turn: at a line's start, after ". ", "? ", "! ",
# or a label's colon.
_START = re.compile(r"(?:^[ \t]*|[.!?][ \t]+|:[ \t]*)([^\W\d_])", re.MULTILINE)
# Above this share of capitals (acronyms and "I" included) a text is typed in mixed case,
# whatever its starts.
_FEW_CAPITALS = 0.15


# The layout a speech-to-text tool's export wraps speech in, whose capitals are the
# tool's, not the speaker's: a WebVTT header, its NOTE and metadata lines and its cue
# timings ("00:01:02.500 --> 00:01:05.000"), voice tags ("<v Dana Whitfield>"),
# diarized labels ("SPEAKER_00", "[Speaker 1]"), a meeting tool's speaker line ("Dana
# Whitfield  2:14", "[10:02 AM] Whitfield, Dana", "10:02:11 From Dr. Lee to Everyone:",
# "Naomi Feld started transcription") and a line's opening label, capitalized, with its
# time ("Yusuf Demir:", "Client (00:04):", "[00:12:33] Therapist:", "Visit date:").
# Cleared before capitals are counted, so that a lower-case export reads as speech.
# (Two patterns: the lines' layout, each match opening with the line break before it,
# a literal the engine skips to, so that no other position is tried; and the tags a
# line holds, looked for only where the text has them.)
_CUE_LINES = re.compile(r"\n(?:(?:WEBVTT|NOTE|Kind:|Language:)[^\n]*|[^\n]*-->[^\n]*)")
_EXPORT_LINES = re.compile(
    r"\n(?:[^\n:]{1,60}?[ \t]+\[?\d{1,2}:\d\d(?::\d\d)?(?:[.,]\d+)?\]?[ \t]*$"
    r"|\[\d{1,2}:\d\d(?::\d\d)?[ \t]?[AaPp][Mm]\][^\n]*"
    r"|(?:\d{1,2}:\d\d(?::\d\d)?[ \t]+)?From[ \t][^\n]{1,80}?[ \t]to[ \t][^\n]*"
    # a scribe's header, its fields whole: "DOB: 1979-10-30", "Session date: 11/21/2024
    # Start: 4:00 PM", and the people it names, "Therapist: Olu Bankole, LCSW" (not a
    # turn or a note: "Patient: Alert and oriented" keeps its words)
    r"|[ \t]*(?:DOB|Date[ ]of[ ](?:birth|service)|(?:Visit|Session|Service|Encounter)[ ]"
    r"(?:date|type|time)|Encounter|Location|Duration|Phone|MRN|Age|Accompanied[ ]by|Modality"
    r"|Chief[ ]complaint|Participants|Started)[ \t]*:[^\n]*"
    r"|[ \t]*(?:Patient|Client|Therapist|Provider|Clinician|Physician|Counselor)(?:[ ]name)?"
    r"[ \t]*:[ \t]*(?:(?:Dr|Mr|Mrs|Ms)\.?[ \t]+)?[A-Z][^\s,]*(?:,?[ \t][A-Z][^\s,]*){0,3}"
    r"(?:,[ \t]*[A-Z]{2,6})?(?:[ \t]*\([^)\n]*\))?(?:[ \t]{2,}[^\n]*)?[ \t]*$"
    r"|[ \t]*(?:\[[\d:.,]+\][ \t]*)?[A-Z][\w'’.-]*(?:[ \t]{1,2}[A-Za-z][\w'’.-]*){0,2}"
    r"(?:[ \t]*[(\[][^)\]\n]{1,20}[)\]])?[ \t]*"
    r"(?::[ \t]*(?:\d{1,2}:\d\d(?::\d\d)?)?|\d{1,2}:\d\d(?::\d\d)?)(?=[ \t]))",
    re.MULTILINE,
)
_TRANSCRIPTION_LINES = re.compile(
    r"\n[^\n]{1,60}?[ \t](?:started|stopped)[ \t]transcription[ \t]*$", re.MULTILINE
)
_EXPORT_TAGS = re.compile(
    r"</?[a-z](?:\.[\w.-]+)*(?:[ \t][^<>\n]*)?>"
    r"|\b(?:SPEAKER|[Ss]peaker)[ _]?\w{1,2}\b"  # ("SPEAKER_00" reads "SPEAKER 00" here)
    r'|"(?:speaker[\w ]*|name)"[ \t]*:[ \t]*"[^"\n]*"'
)


def case_mode(text: str) -> CaseMode:
    """Is the text mostly capitals, almost none, or mixed (ASCII letters counted, not
    those of speakers' labels or of an export's layout)? Speech typed in lower case is
    "lower" though a few of its words have capitals (`_typed_lower_case`)."""
    if "\n" in text:
        text = _export_lines_cleared(text)
    if "<" in text or "peaker" in text or "PEAKER" in text:
        text = _EXPORT_TAGS.sub("", text)
    if ":" in text:
        text = _without_labels(text)
    ascii_only = text.encode("ascii", "ignore")
    upper = len(ascii_only.translate(None, _NOT_UPPER))
    lower = len(ascii_only.translate(None, _NOT_LOWER))
    letters = upper + lower
    if letters == 0:
        return "mixed"
    if upper / letters > 0.6:
        return "upper"
    if upper / letters < 0.015:
        return "lower"
    if upper / letters < _FEW_CAPITALS and _typed_lower_case(text, upper, letters):
        return "lower"
    return "mixed"


def _export_lines_cleared(text: str) -> str:
    """`text` without the lines of an export's layout (`_EXPORT_LINES` and its kin),
    each pattern run only where the text has what it needs ("-->", a colon)."""
    text = "\n" + text  # (each match opens with its line break: the first line too)
    if "-->" in text or "WEBVTT" in text:
        text = _CUE_LINES.sub("\n", text)
    if ":" in text:
        text = _EXPORT_LINES.sub("\n", text)
    if "transcription" in text:
        text = _TRANSCRIPTION_LINES.sub("\n", text)
    return text[1:]


def _without_labels(text: str) -> str:
    """`SPEAKER_LABEL.sub("", text)`, searched for only just before each colon (every
    match ends at one) instead of at every character. A match ending at a colon starts
    after the last match and, its label a run of letters (and a digit) with no space or
    colon at its end, within `_LABEL_REACH` of the run of spaces and tabs before that
    colon; the first there is the first a scan meets, and it ends at that colon."""
    pieces: list[str] = []
    done = 0  # where the last match ended
    colon = text.find(":")
    while colon >= 0:
        label_end = colon
        while label_end > done and text[label_end - 1] in " \t":
            label_end -= 1
        m = SPEAKER_LABEL.search(text, max(done, label_end - _LABEL_REACH), colon + 1)
        if m is not None:
            pieces.append(text[done : m.start()])
            done = m.end()
        colon = text.find(":", colon + 1)
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _typed_lower_case(text: str, upper: int, letters: int) -> bool:
    """Speech typed in lower case: "I" its only capital ("so I went to phoenix"), or its
    capitals only the few words someone capitalized ("so i told Marcus no. then hope
    called", "we went to UCLA and my son hope"), two in three of its sentences or turns
    starting in lower case and few capitals in words that are not all capitals (an
    acronym says nothing of how the rest was typed; a ward note's "Pt alert. Plan:")."""
    if upper == len(_PRONOUN_I.findall(text)):
        return True
    if len(_CAPITAL_IN_WORD.findall(text)) > letters * 0.04:
        return False
    starts: list[str] = _START.findall(text)
    if not starts:
        return False
    lower = sum(ch.islower() for ch in starts)
    return lower * 3 >= len(starts) * 2


def case_of(text: str, nlp_artifacts: Any) -> CaseMode:
    """The case of the chunk `text`, as the engine worked it out once for its artifacts."""
    mode: CaseMode | None = getattr(nlp_artifacts, "case_mode", None)
    return mode if mode is not None else case_mode(text)
