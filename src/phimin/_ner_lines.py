"""The lines of a mixed-case text the general model has to read.

In mixed-case text phimin keeps an entity of the general model only where a word of it
has a capital (`phimin._detect.ner`): on a line whose capitals are all the pronoun "I",
a speaker's role label ("THERAPIST:", "T:") or the first word of a sentence that is
grammar or talk ("So", "Yeah", "What's"), the model finds nothing phimin keeps, but
for an entity that takes in such a word and a name in small letters ("And jake"), which
it was never seen to find: on the five corpora phimin's findings are the same with and
without this gate (`benchmarks/same_findings.py`). Most lines of a therapy session are
such lines. The model reads the other lines alone, joined in their order (`ner_lines`,
`joined`), and its entities are put back where those lines are (`Joined.place`); every
recognizer still reads the whole text. A capital anywhere else (a name, a place, an
acronym, a shouted word, a first word that is a first name too: "Will", "May") keeps
the line.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from phimin._detect.case import SPEAKER_LABEL

__all__ = ["Joined", "joined", "ner_lines"]

# A word with a capital in it.
_CAPITALIZED = regex.compile(r"(?<![\w'’-])(?=[\w'’-]*\p{Lu})[\w'’-]+")
# What a sentence's first word is, when its capital says nothing: grammar (spaCy's stop
# words) and the words talk opens with. Never a first name ("Will", "May": a test holds
# the list to it).
_TALK = frozenset(
    """yeah yes okay ok um uh hmm mm mhm mmhmm oh ah wow right sure alright thanks thank
    hey hi hello bye please sorry like really actually maybe great good cool exactly
    absolutely totally definitely probably honestly yep yup nope anyway gonna wanna kinda
    sorta let let's got""".split()
)
OPENING_WORDS = frozenset(STOP_WORDS - {"may", "will"}) | _TALK
_CONTRACTION = regex.compile(r"(?:['’](?:s|re|ve|ll|d|m)|n['’]t)$")
# What may come between a sentence's end (or a line's start) and its first word.
_BEFORE_FIRST = " \t\"'“‘([-–—*"


def _is_opening_word(word: str) -> bool:
    lower = word.lower()
    return lower in OPENING_WORDS or _CONTRACTION.sub("", lower) in OPENING_WORDS


# How far back a word's sentence start is looked for (past quotes, brackets, spaces).
_LOOK_BACK = 64


def _says_nothing(text: str, start: int, end: int, line_start: int) -> bool:
    """Is the capital of the word at text[start:end] one the model's entities need not
    be read for: "I" (and "I'm"), a speaker's role label, or an opening word first in
    its sentence?"""
    word = text[start:end]
    if word[0] == "I" and (len(word) == 1 or word[1] in "'’"):
        return True
    low = max(line_start, start - _LOOK_BACK)
    before = text[low:start].rstrip(_BEFORE_FIRST)
    if not before and low > line_start:
        return False  # (a long run of quotes and spaces: read the line)
    if not before and SPEAKER_LABEL.match(text, start) is not None:
        return True
    return (not before or before[-1] in ".!?…:;") and _is_opening_word(word)


def ner_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of lines of `text` (the last one's line break left
    out) holding a capital that says something (see the module's docstring), in order;
    lines with only spaces between them are one run, which the model reads as it reads
    it in the whole text, a name across a line break ("Randy\nRausch") included."""
    lines: list[tuple[int, int]] = []
    pos = 0
    line_start = line_end = -1  # the line of the last word read
    while (m := _CAPITALIZED.search(text, pos)) is not None:
        if m.start() > line_end:
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.start())
            line_end = len(text) if line_end < 0 else line_end
        if _says_nothing(text, m.start(), m.end(), line_start):
            pos = m.end()
            continue
        if lines and text[lines[-1][1] : line_start].isspace():  # the next line: one run
            lines[-1] = (lines[-1][0], line_end)
        else:
            lines.append((line_start, line_end))
        pos = line_end + 1
    return lines


@dataclass(frozen=True, slots=True)
class Joined:
    """Runs of lines of a text joined by line breaks, and where each came from."""

    text: str
    starts: tuple[int, ...]  # where each line starts in `text`
    origins: tuple[int, ...]  # and in the text it was taken from
    lengths: tuple[int, ...]

    def place(self, read: Doc, doc: Doc) -> None:
        """Set on `doc` (the whole text, tokenized) the entities the model found in
        `read` (this text, read by it), each where its line is; an entity running into
        the next joined line ends with its own."""
        spans: list[Span] = []
        for ent in read.ents:
            i = bisect.bisect_right(self.starts, ent.start_char) - 1
            offset = self.origins[i] - self.starts[i]
            end = min(ent.end_char, self.starts[i] + self.lengths[i])
            span = doc.char_span(ent.start_char + offset, end + offset, label=ent.label_)
            if span is None:  # (the same tokenizer cuts a line the same way: not seen)
                span = doc.char_span(
                    ent.start_char + offset,
                    end + offset,
                    label=ent.label_,
                    alignment_mode="contract",
                )
            if span is not None and len(span):
                spans.append(span)
        doc.ents = filter_spans(spans)


def joined(text: str, lines: list[tuple[int, int]]) -> Joined:
    """`lines` of `text` (as `ner_lines` gives them) joined by line breaks."""
    starts, at = [], 0
    for start, end in lines:
        starts.append(at)
        at += end - start + 1
    return Joined(
        "\n".join(text[start:end] for start, end in lines),
        tuple(starts),
        tuple(start for start, _ in lines),
        tuple(end - start for start, end in lines),
    )
