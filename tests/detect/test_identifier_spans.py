"""An identifier is taken whole: no leading or trailing piece of the same number is
left in the text, and no count or word after it is taken with it."""

from __future__ import annotations

import pytest

from phimin import Redactor


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor()


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        # a labelled number's last lone letter or digit
        ("Medicare ID: 3318 62904 2.", "Medicare ID: [HEALTH_PLAN_ID_1]."),
        ("Medicare 3318 62904 2 on file.", "Medicare [HEALTH_PLAN_ID_1] on file."),
        # brackets with spaces in them; a country code in brackets
        ("the number is ( 412 ) 208-7731 and he was ok.", "the number is [PHONE_1] and he was ok."),
        ("his phone: (+44) (212)208-7731.", "his phone: [PHONE_1]."),
        # a 7-digit local number after a phone word
        ("text me at 567-8900 after work", "text me at [PHONE_1] after work"),
        ("her cell 567-8900, mornings", "her cell [PHONE_1], mornings"),
    ],
)
def test_whole_identifier(redactor: Redactor, text: str, expect: str) -> None:
    assert expect in redactor.redact(text).text


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("call 412-208-7731 2 times a day if no answer", "call [PHONE_1] 2 times a day"),
        ("MRN 44821376 2 times this year", "MRN [MRN_1] 2 times this year"),
        ("member id W2284410 3 visits left", "member id [HEALTH_PLAN_ID_1] 3 visits left"),
        ("she took 567-8900 steps", "she took 567-8900 steps"),
    ],
)
def test_no_count_taken(redactor: Redactor, text: str, expect: str) -> None:
    assert redactor.redact(text).text.startswith(expect)
