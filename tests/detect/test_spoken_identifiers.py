"""Identifiers read aloud in a transcript: where each ends, and what it is found as.

The rule records (`records/identifiers.yaml`) hold a case and an ok text for each form;
these check the edges a record's case cannot: a path of words that runs on into the
sentence, an extension in the same finding as its phone, an A-number's entity.
"""

from __future__ import annotations

import pytest

import phimin


def _found(redactor: phimin.Redactor, text: str, rule_id: str) -> list[str]:
    return [text[f.start : f.end] for f in redactor.redact(text).findings if f.rule_id == rule_id]


@pytest.mark.parametrize(
    ("text", "url"),
    [
        # to a clause word, to punctuation, to the end of the line
        ("it's gofundme dot com slash help the ortiz kids if you can", "help the ortiz kids"),
        ("it's gofundme dot com slash help the ortiz kids, thanks", "help the ortiz kids"),
        ("it's gofundme dot com slash help the ortiz kids\nnext line", "help the ortiz kids"),
        # a path that runs on into the sentence keeps its first word
        ("on reddit dot com slash r slash anxiety people said the same", "r slash anxiety"),
        # five words at most
        ("gofundme dot com slash one two three four five six words long", "one"),
    ],
)
def test_a_spoken_path_ends_where_it_is_said_to(
    redactor: phimin.Redactor, text: str, url: str
) -> None:
    (found,) = _found(redactor, text, "phimin.url.spoken")
    assert found.endswith("slash " + url)


@pytest.mark.parametrize(
    "text",
    [
        "it's five five five two one two three extension two one four",
        "it's 410-555-2671 extension number two fourteen",
        "it's 410-555-2671 ext. 214",
    ],
)
def test_an_extension_is_part_of_its_phone(redactor: phimin.Redactor, text: str) -> None:
    result = redactor.redact(text)
    assert result.text == "it's [PHONE_1]"
    assert len(result.findings) == 1


def test_a_spoken_a_number_is_an_a_number(redactor: phimin.Redactor) -> None:
    text = "my a number is two zero one four four five six seven eight"
    (finding,) = redactor.redact(text).findings
    assert finding.entity == "A_NUMBER"
