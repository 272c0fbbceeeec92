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


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        # after "at", to the end of the line or a clause word
        ("you can find me on tiktok at moth girl priya", "moth girl priya"),
        ("add me on snap at tall jay forty one if you want", "tall jay forty one"),
        # after "is", a number said last, or three words
        ("his gamertag is grim fox six and he plays all night", "grim fox six"),
        ("my twitter handle is the real deon eighty", "the real deon eighty"),
        ("follow her on instagram it's bianca bakes cakes", "bianca bakes cakes"),
        ("mi insta es la gordita fresa", "la gordita fresa"),
    ],
)
def test_a_handle_said_as_words_is_found_whole(
    redactor: phimin.Redactor, text: str, handle: str
) -> None:
    found = redactor.redact(text).findings
    assert [text[f.start : f.end] for f in found if f.entity == "OTHER_ID"] == [handle]


@pytest.mark.parametrize(
    "text",
    [
        "my insta is private now so nobody sees it",
        "i posted it on instagram at midnight",
        "he's always on discord at two in the morning",
        "my tiktok is mostly dog videos",
        "my snap is the worst",
        "i was on snapchat at the beach party",
    ],
)
def test_words_said_of_an_account_are_no_handle(redactor: phimin.Redactor, text: str) -> None:
    assert not [f for f in redactor.redact(text).findings if f.entity == "OTHER_ID"]


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("area code six one nine then 555 0123", "six one nine then 555 0123"),
        ("call me at four one five 555 0187", "four one five 555 0187"),
        (
            "my number is area code two one three five five five oh one four two",
            "two one three five five five oh one four two",
        ),
        (
            "my phone number is nine seven one double five five oh one nine nine",
            "nine seven one double five five oh one nine nine",
        ),
        (
            "text me at seven one four triple seven two two one three",
            "seven one four triple seven two two one three",
        ),
    ],
)
def test_a_phone_said_in_words_and_digits_is_found_whole(
    redactor: phimin.Redactor, text: str, phone: str
) -> None:
    found = redactor.redact(text).findings
    assert [text[f.start : f.end] for f in found if f.entity == "PHONE_NUMBER"] == [phone]


@pytest.mark.parametrize(
    ("text", "email"),
    [
        (
            "my email is j a s m i n e underscore r o s e at gmail dot com",
            "j a s m i n e underscore r o s e at gmail dot com",
        ),
        ("it's a n a dot m a r i a at yahoo dot com", "a n a dot m a r i a at yahoo dot com"),
        (
            "email me at c h r i s t o p h e r dot l e e at outlook dot com",
            "c h r i s t o p h e r dot l e e at outlook dot com",
        ),
    ],
)
def test_an_email_spelled_letter_by_letter_is_found_whole(
    redactor: phimin.Redactor, text: str, email: str
) -> None:
    found = redactor.redact(text).findings
    assert [text[f.start : f.end] for f in found if f.entity == "EMAIL_ADDRESS"] == [email]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # a plate said as two digits and three letters, in English and in Spanish
        ("the plate was seven a b c two", "seven a b c two"),
        ("el número de la placa era siete a b c dos", "siete a b c dos"),
        ("la matrícula es ocho k l m cuatro", "ocho k l m cuatro"),
        # a code of one's own after "is"
        ("my pin is 4471", "4471"),
        ("the gate code is 2291", "2291"),
        ("the door code is x7k2", "x7k2"),
        ("mi número de seguro social es cuatro cinco seis dos tres", "cuatro cinco seis dos tres"),
    ],
)
def test_a_short_number_after_its_label_is_found(
    redactor: phimin.Redactor, text: str, number: str
) -> None:
    assert _found(redactor, text, "phimin.other_id.spoken") == [number]


@pytest.mark.parametrize(
    "text",
    [
        "she was like a b c easy as one two three",
        "my pin is somewhere in my wallet",
        "the gate code changed so i couldn't get in",
        "la placa de la estufa se rompió",
        "mi número uno es mi hija",
        "my number one priority is my kids",
        "area code five oh three is portland",
    ],
)
def test_labels_said_in_passing_take_no_number(redactor: phimin.Redactor, text: str) -> None:
    ids = {"OTHER_ID", "VEHICLE_ID", "PHONE_NUMBER", "US_SSN", "CASE_NUMBER"}
    assert not [f for f in redactor.redact(text).findings if f.entity in ids]


@pytest.mark.parametrize(
    "text",
    [
        "her number's four one five uh eight two two uh three oh nine one",
        "my mom's cell is eight oh eight, um, four four two, seven seven one oh",
        "her cell is five five five dash two one two dash eight eight four one",
        "call me at six oh two... four four one... eight eight two three",
        # corrected as said: the slip and its correction both go (the slip holds most of it)
        "my number is five five five two one no two three four four six one",
        "call me at three one two, eight oh, sorry, eight one four, two two nine oh",
        "his phone is five oh three, two one two, nine eight seven, no, nine eight seven six",
        "call the house at seven seven three, four four one, oh nine, i mean oh eight, one six",
    ],
)
def test_a_phone_said_with_pauses_is_one_finding(redactor: phimin.Redactor, text: str) -> None:
    result = redactor.redact(text)
    phones = [f for f in result.findings if f.entity == "PHONE_NUMBER"]
    assert len(phones) == 1
    assert result.text.endswith("[PHONE_1]")


@pytest.mark.parametrize(
    "text",
    [
        # counts, times and doses said with a pause are no phone, a phone word near or not
        "call me after you count two three four, um, five six seven eight",
        "my phone was at like two percent, uh, so it died",
        "i was on the phone for like forty five, uh, fifty minutes",
        "count with me, one, two, uh, three, four, five, six, seven",
        # an extension of time or a joint's is no phone's
        "the extension is ten days, so i have until friday",
        "knee flexion 110, extension 10 after the surgery",
        # a sum is no number abroad
        "two plus two is four and that's all i know",
    ],
)
def test_numbers_said_with_pauses_stay(redactor: phimin.Redactor, text: str) -> None:
    assert redactor.redact(text).text == text


def test_an_extension_said_apart_keeps_its_word(redactor: phimin.Redactor) -> None:
    text = "the office is 6465551122 and then extension three one"
    assert redactor.redact(text).text == "the office is [PHONE_1] and then extension [PHONE_2]"


def test_a_number_said_after_a_paused_phone_goes_with_it(redactor: phimin.Redactor) -> None:
    # (the match runs on into "and two": the phone is kept whole, not left for the count)
    text = "my number's five five five, uh, oh one four two, and two more things"
    assert redactor.redact(text).text == "my number's [PHONE_1] more things"


@pytest.mark.parametrize(
    "text",
    [
        # a count, a time or an amount corrected is no phone, a phone word near or not
        "call me in like five, no, ten minutes",
        "text me at nine, no, nine thirty",
        "she called me like twenty two, sorry, twenty four times yesterday",
        "the phone bill was one eighty two, no, one ninety two fifty",
        "my cell has like three hundred, no, four hundred unread texts",
    ],
)
def test_numbers_corrected_in_passing_stay(redactor: phimin.Redactor, text: str) -> None:
    assert redactor.redact(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my cashtag is dollar sign jenna lee", "my cashtag is [ID_1]"),
        ("she goes by dollar sign lily pad on cash app", "she goes by [ID_1] on cash app"),
        ("the docket is two four d r one one nine two", "the docket is [ID_1]"),
        ("his plate number was x ray yankee two nine one", "his plate number was [ID_1]"),
    ],
)
def test_a_said_name_or_number_is_found_whole(
    redactor: phimin.Redactor, text: str, expected: str
) -> None:
    assert redactor.redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        # an amount after "case", a year, a count: no case number
        "the case was thirty five hundred dollars in fees",
        "the case was 1500 in fees",
        "my custody case is two years old now",
        "the docket had twenty two cases on it",
        # what one says of a name online is no name
        "the handle was loose on the door so i fixed it",
        "her twitch name is kind of famous now",
        "his username was stolen last week",
        "the username is case sensitive",
        "i sent it on venmo to at least three people",
        "dollar sign, that's all he cares about on cash app",
    ],
)
def test_said_amounts_and_account_talk_stay(redactor: phimin.Redactor, text: str) -> None:
    ids = {"OTHER_ID", "VEHICLE_ID", "PHONE_NUMBER", "CASE_NUMBER"}
    assert not [f for f in redactor.redact(text).findings if f.entity in ids]
