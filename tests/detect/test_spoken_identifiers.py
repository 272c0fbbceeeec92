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


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # letters said as words, in NATO's alphabet or in Spanish
        ("my member id is x-ray juliet four four nine two one one eight", "x-ray juliet"),
        ("medicaid number is alpha bravo one two three four five", "alpha bravo"),
        ("plate number is kilo lima mike seven four two", "kilo lima mike"),
        ("mi número de póliza es equis jota cuatro cuatro nueve dos", "equis jota"),
        # groups joined by "slash" or "guion"
        ("my account number is one two three slash four five six", "three slash four"),
        ("el número de caso es dos tres guion cuatro cuatro uno nueve", "tres guion cuatro"),
        # letters after the last digit, where the number ends
        ("the plate is four two one k l m", "one k l m"),
    ],
)
def test_a_number_read_out_is_found_whole(
    redactor: phimin.Redactor, text: str, number: str
) -> None:
    (found,) = _found(redactor, text, "phimin.other_id.spoken")
    assert number in found


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # "a" and "i" after the digits are words of the sentence, not letters
        ("my case number is four four nine two one a lot of numbers", "four four nine two one"),
        ("my member id is four four nine two one i think", "four four nine two one"),
        # "es" after a Spanish label is its verb, never the number's first letters
        ("el número de mi caso es dos cuatro cinco ocho uno", "dos cuatro cinco ocho uno"),
    ],
)
def test_a_number_read_out_ends_at_its_last_digit_or_letter(
    redactor: phimin.Redactor, text: str, number: str
) -> None:
    assert _found(redactor, text, "phimin.other_id.spoken") == [number]


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("my email is j doe two three at yahoo", "j doe two three at yahoo"),
        ("my email is jdoe23 at yahoo", "jdoe23 at yahoo"),
        ("email me at jdoe at gmail", "jdoe at gmail"),
        ("my email address is j dot doe at outlook", "j dot doe at outlook"),
        ("mi correo es jane punto doe arroba gmail", "jane punto doe arroba gmail"),
        ("send it to jane dot doe at gmail please", "jane dot doe at gmail"),
    ],
)
def test_an_email_said_to_its_mail_service_is_an_email(
    redactor: phimin.Redactor, text: str, email: str
) -> None:
    found = redactor.redact(text).findings
    assert [text[f.start : f.end] for f in found if f.entity == "EMAIL_ADDRESS"] == [email]


@pytest.mark.parametrize(
    "text",
    [
        "my email is not working at all",
        "i'll email you at lunch",
        "email me at home",
        "she was at yahoo for years",
        "my email was hacked at yahoo",
        "he works at gmail or something",
        "my email is mostly spam at yahoo",
        "email me at work at outlook",
    ],
)
def test_a_mail_service_named_in_a_sentence_is_no_email(
    redactor: phimin.Redactor, text: str
) -> None:
    assert not [f for f in redactor.redact(text).findings if f.entity == "EMAIL_ADDRESS"]


@pytest.mark.parametrize(
    "text",
    [
        "i had two three four drinks",
        "phq nine was fourteen",
        "she takes fifty milligrams",
        "we meet at nine thirty",
        "the plate is on the table",
        "my case number is something i forgot",
    ],
)
def test_numbers_said_in_passing_are_no_identifier(redactor: phimin.Redactor, text: str) -> None:
    ids = {"OTHER_ID", "VEHICLE_ID", "CASE_NUMBER", "MRN", "HEALTH_PLAN_ID", "ACCOUNT_NUMBER"}
    assert not [f for f in redactor.redact(text).findings if f.entity in ids]
