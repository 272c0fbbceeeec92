"""The general model reads only the lines of a mixed-case text whose capitals say
something (phimin._ner_lines); its entities are put back where those lines are."""

from __future__ import annotations

import pytest
import spacy

import phimin
from phimin._ner_lines import OPENING_WORDS, joined, ner_lines


def kept(text: str) -> list[str]:
    return [text[start:end] for start, end in ner_lines(text)]


def test_no_opening_word_is_a_first_name_people_go_by(redactor: phimin.Redactor) -> None:
    # (the census lists these as first names too; at a sentence's start none is one)
    grammar = {"so", "many", "in", "see", "else", "my", "an", "ok"}
    lexicon = redactor.engine.lexicon
    assert {w for w in OPENING_WORDS if lexicon.is_first_name(w)} == grammar
    assert "will" not in OPENING_WORDS and "may" not in OPENING_WORDS


@pytest.mark.parametrize(
    "line",
    [
        "THERAPIST: So how was your week?",
        "CLIENT: Yeah. I think it's been okay, I guess. What's next?",
        "T: Okay, and then what happened?",
        "Speaker 1: Um, I don't know. It was fine.",
        '"Well," I said, "that\'s not it." (Right.)',
        "i'm not sure",
        "",
    ],
)
def test_a_line_whose_capitals_say_nothing_is_not_read(line: str) -> None:
    assert kept(line) == []


@pytest.mark.parametrize(
    "line",
    [
        "CLIENT: My sister Maria came up from Tucson.",
        "So Will said he'd call.",  # a first word that is a first name too
        "May I ask? May wants to come.",
        "SARAH: I don't know.",  # a label that is a name
        "we met at the YMCA",  # an acronym
        "I was SO angry",  # a shouted word
        "it was fine. Then Dr. Okafor came in",
        "ok so Hope is staying with us",
    ],
)
def test_a_line_with_a_capital_that_says_something_is_read(line: str) -> None:
    assert kept(line) == [line]


def test_only_the_lines_that_say_something_are_read() -> None:
    text = "T: So how are you?\nC: Okay. My son Ezra moved to Fresno.\nT: I see.\nC: Lucia called"
    assert kept(text) == ["C: Okay. My son Ezra moved to Fresno.", "C: Lucia called"]
    # lines next to each other are one run: a name across their break is read whole
    assert kept("T: Okay.\nC: I met Randy\nRausch there.\nT: I see.") == [
        "C: I met Randy\nRausch there."
    ]
    assert kept("Plan: Cont IVAB. \n \nNeuro: calm") == ["Plan: Cont IVAB. \n \nNeuro: calm"]


def test_entities_are_put_back_where_their_lines_are() -> None:
    nlp = spacy.blank("en")
    text = "T: So how are you?\nC: Ezra moved.\nT: I see.\nC: then Lucia called\n"
    plan = joined(text, ner_lines(text))
    assert plan.text == "C: Ezra moved.\nC: then Lucia called"
    read = nlp.make_doc(plan.text)
    read.ents = [
        read.char_span(3, 7, label="PERSON"),  # Ezra
        # (an entity running from one joined line into the next ends with its own)
        read.char_span(plan.text.index("moved"), plan.text.index("then") + 4, label="ORG"),
    ]
    doc = nlp.make_doc(text)
    plan.place(read, doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Ezra", "PERSON"), ("moved.", "ORG")]


def test_the_model_finds_the_same_names_on_the_lines_it_reads(redactor: phimin.Redactor) -> None:
    engine = redactor.engine.nlp_engine
    text = (
        "THERAPIST: So how have things been since last time?\n"
        "CLIENT: Honestly, not great. I keep thinking about it.\n"
        "CLIENT: My sister Maria Lopez drove down from Boston on Friday.\n"
        "THERAPIST: Okay. And how did that go?\n"
    )
    assert kept(text) == ["CLIENT: My sister Maria Lopez drove down from Boston on Friday."]
    (artifacts,) = engine.artifacts([text])
    whole = engine.language(text)
    names = {(e.start_char, e.end_char, e.label_) for e in whole.ents}
    assert {(e.start_char, e.end_char, e.label_) for e in artifacts.tokens.ents} == names
    assert any(text[s:e] == "Maria Lopez" for s, e, _ in names)
    # every token the recognizers read is the whole text's
    assert [t.text for t in artifacts.tokens] == [t.text for t in whole]


def test_a_name_on_a_read_line_is_redacted(redact: object) -> None:
    text = "THERAPIST: So how was it?\nCLIENT: Yeah. Then Maria Lopez showed up at Saint Agnes."
    out = redact(text)  # type: ignore[operator]
    assert "Maria" not in out and "Lopez" not in out
    assert out.startswith("THERAPIST: So how was it?\nCLIENT: Yeah.")
