"""Identifiers of clients from many countries: national numbers in their own printed
groups (checked by python-stdnum), wallets of other coins, plates abroad, bracketed
IPv6 hosts; and the numbers of a session that only look like them stay. All values
are invented."""

from __future__ import annotations

import pytest

from phimin import Redactor
from phimin._detect import validators as v


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor()


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("689.763.528-66", True),  # a CPF
        ("689.763.528-67", False),  # its check digit off by one
        ("78.778.932-3", True),  # a RUT
        ("31809-6792908-1", True),  # a CNIC
        ("2 85 07 75 114 482 08", True),  # a NIR
        ("2 85 07 75 114 482 09", False),
        ("9436 450 306", True),  # a BC PHN
        ("2793 34628 5", True),  # an Australian Medicare number
        ("784-1985-4821937-1", True),  # an Emirates ID
        ("100.200.300-40", False),
    ],
)
def test_national_printed(value: str, valid: bool) -> None:
    assert v.valid_national_printed(value) is valid


def test_base58check_wallets() -> None:
    assert v.valid_base58check("DGrYJftkT3JWqB6ZHHfZFR8A2jGdGvMkZB")  # invented Dogecoin
    assert not v.valid_base58check("DGrYJftkT3JWqB6ZHHfZFR8A2jGdGvMkZC")
    assert not v.valid_base58check("Pneumonoultramicroscopicsilicovolcano")
    assert v.valid_base58check("moonbeam22.eth")


def test_lower_codes() -> None:
    assert v.valid_lower_code("khept8578f")  # a PAN
    assert v.valid_lower_code("bnclne92c45f205r")  # a codice fiscale
    assert not v.valid_lower_code("abcde1234f")


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("copy of card: 689.763.528-66 on file", "copy of card: [ID_1] on file"),
        ("from here she dials 011 52 55 4187 2290 weekly", "from here she dials [PHONE_1] weekly"),
        ("Tel: 0049 221 4829 1736", "Tel: [PHONE_1]"),
        ("matrícula 4821 KLM", "matrícula [VEHICLE_ID_1]"),
        ("camera at [2001:db8:4821::9]:8443 tonight", "camera at [URL_1] tonight"),
        ("url http://[2001:db8::1]/admin", "url [URL_1]"),
        ("send it to dani48@okaxis", "send it to [ACCOUNT_1]"),
        ("sort code 20-45-18", "sort code [ACCOUNT_1]"),
        ("add me on discord nightowl#4821", "add me on discord [ID_1]"),
        ("user id mara.k92", "user id [ID_1]"),
    ],
)
def test_found_whole(redactor: Redactor, text: str, expect: str) -> None:
    assert redactor.redact(text).text == expect


@pytest.mark.parametrize(
    "text",
    [
        "fasting glucose mg/dL 95-105",
        "digits backward: 5 8 2 9 1 4 7",
        "serial 7s 93 86 79 72 65",
        "version 10.4.2.1 of the app",
        "telehealth via doxy.me today",
        "the discord server has 4,821 members",
        "la placa dental le molesta",
        "we played tag for 20 min",
        "ICD-10 F43.10, CPT 90837",
    ],
)
def test_left_alone(redactor: Redactor, text: str) -> None:
    assert not redactor.redact(text).findings
