"""Checksums and format checks, mostly from python-stdnum and phonenumbers.

A validator gets the matched identifier and answers True (valid), False (cannot be
one) or None (cannot tell). Validators only raise confidence or drop impossible
matches; they never see more than the matched characters.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import ipaddress
from typing import TYPE_CHECKING

import regex
from stdnum import bitcoin, iban, imei, luhn
from stdnum.au import abn, acn, tfn
from stdnum.br import cpf
from stdnum.ca import bc_phn, sin
from stdnum.cl import rut
from stdnum.es import dni
from stdnum.fr import nir
from stdnum.in_ import aadhaar, pan
from stdnum.it import codicefiscale
from stdnum.mx import curp, rfc
from stdnum.pk import cnic
from stdnum.se import personnummer
from stdnum.us import itin, rtn, ssn

if TYPE_CHECKING:
    from tldextract import TLDExtract

__all__ = [
    "digits",
    "mac_of_one",
    "valid_aba_routing",
    "valid_base58check",
    "valid_birth_number",
    "valid_card",
    "valid_crypto_wallet",
    "valid_dea",
    "valid_dni",
    "valid_domain",
    "valid_email",
    "valid_iban",
    "valid_imei",
    "valid_ip",
    "valid_lower_code",
    "valid_mac",
    "valid_mx_code",
    "valid_national_grouped",
    "valid_national_printed",
    "valid_npi",
    "valid_npi_grouped",
    "valid_phone",
    "valid_phone_abroad",
    "valid_sin_said",
    "valid_ssn",
    "valid_tax_id",
    "valid_vin",
]

_NON_DIGIT = regex.compile(r"\D+")
_NON_ALNUM = regex.compile(r"[^0-9A-Za-z]+")


def digits(value: str) -> str:
    return _NON_DIGIT.sub("", value)


def valid_ssn(value: str) -> bool:
    number = digits(value)
    return len(number) == 9 and bool(ssn.is_valid(number))


def valid_tax_id(value: str) -> bool:
    """An SSN (the SSA's rules) or an ITIN (its 9XX area and group ranges), by python-stdnum."""
    number = digits(value)
    return len(number) == 9 and bool(ssn.is_valid(number) or itin.is_valid(number))


def valid_card(value: str) -> bool:
    number = digits(value)
    return 13 <= len(number) <= 19 and bool(luhn.is_valid(number))


def valid_crypto_wallet(value: str) -> bool:
    """A Bitcoin address whose checksum holds, or an Ethereum address (40 hex digits)."""
    if value.startswith("0x"):
        return len(value) == 42
    return bool(bitcoin.is_valid(value)) or _valid_bech32m(value)


# bech32m (BIP 350), the checksum of a Taproot address ("bc1p..."): python-stdnum checks
# the older bech32 only, so its polymod is run here against the bech32m constant.
_BECH32M_CONST = 0x2BC830A3
_BECH32_ALPHABET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _valid_bech32m(value: str) -> bool:
    number = value.lower()
    if not number.startswith("bc1") or not 14 <= len(number) <= 74:
        return False
    if any(c not in _BECH32_ALPHABET for c in number[3:]):
        return False
    data = [_BECH32_ALPHABET.index(c) for c in number[3:]]
    if not data or data[0] == 0:  # (witness version 0 uses bech32, checked above)
        return False
    hrp = [ord(c) >> 5 for c in "bc"] + [0] + [ord(c) & 31 for c in "bc"]
    return bool(bitcoin.bech32_checksum(hrp + data) == _BECH32M_CONST)


_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def valid_base58check(value: str) -> bool:
    """A legacy wallet address of any coin that writes its addresses in Base58Check
    (Bitcoin, Litecoin, Dogecoin, Tron: "TKYxoLw4..."): 25 bytes, the last four the
    double SHA-256 of the rest. A word or a code never passes by chance (1 in 4 billion).
    An ENS name ("danireyes48.eth") is a wallet's name."""
    if value.lower().endswith(".eth"):
        return True
    number = 0
    for char in value:
        digit = _BASE58.find(char)
        if digit < 0:
            return False
        number = number * 58 + digit
    pad = len(value) - len(value.lstrip("1"))
    try:
        raw = b"\0" * pad + number.to_bytes((number.bit_length() + 7) // 8, "big")
    except OverflowError:
        return False
    if len(raw) != 25:
        return False
    check = hashlib.sha256(hashlib.sha256(raw[:21]).digest()).digest()[:4]
    return check == raw[21:]


def valid_iban(value: str) -> bool:
    return bool(iban.is_valid(value))


def _a_series(groups: list[int], step: int) -> bool:
    """Groups that read as a run of measures: all round, or close together ("250 262
    271", "110 120 130"), or all hours of a 24-hour chart ("0815 1230 1645")."""
    if all(g % 10 == 0 for g in groups) or max(groups) - min(groups) < step:
        return True
    return step > 150 and all(g // 100 < 24 and g % 100 < 60 for g in groups)


def valid_national_grouped(value: str) -> bool:
    """By python-stdnum: nine digits a Canadian SIN (with dashes, an Australian TFN or ACN
    too); eleven an Australian ABN; twelve an Aadhaar number. Never a run of measures."""
    number = digits(value)
    groups = [int(g) for g in _NON_DIGIT.split(value) if g]
    if len(number) == 9:
        if _a_series(groups, 150):
            return False
        if sin.is_valid(number):
            return True
        return "-" in value and bool(tfn.is_valid(number) or acn.is_valid(number))
    if len(number) == 11:
        return bool(abn.is_valid(number))
    return len(number) == 12 and not _a_series(groups, 1500) and bool(aadhaar.is_valid(number))


def _valid_au_medicare(number: str) -> bool:
    """An Australian Medicare card's number: its first digit 2-6, its ninth the check
    of the eight before it (weights 1, 3, 7, 9), then the card's issue and maybe the
    person's place on it: "2793 34628 5", "3337 60792 5 1"."""
    if len(number) not in (10, 11) or number[0] not in "23456":
        return False
    total = sum(int(d) * w for d, w in zip(number[:8], (1, 3, 7, 9, 1, 3, 7, 9), strict=True))
    return total % 10 == int(number[8]) and number[9] != "0"


def valid_national_printed(value: str) -> bool:
    """A national number in the groups its own country prints, its check holding (by
    python-stdnum): a Brazilian CPF 3.3.3-2, "689.763.528-66"; a Chilean RUT, "78.778.932-3";
    a Pakistani CNIC 5-7-1; a French NIR (carte vitale) 1 2 2 2 3 3 2; a British Columbia
    PHN 4-3-3 from a 9; an Australian Medicare number 4-5-1; an Emirates ID 784-4-7-1
    (Luhn). The shape picks the one check it must pass."""
    number = _NON_ALNUM.sub("", value).upper()
    shape = tuple(len(g) for g in _NON_ALNUM.split(value) if g)
    if shape == (3, 3, 3, 2):
        return bool(cpf.is_valid(number))
    if shape in ((1, 3, 3, 1), (2, 3, 3, 1), (7, 1), (8, 1)) and "-" in value:
        return bool(rut.is_valid(number))
    if shape == (5, 7, 1):
        return bool(cnic.is_valid(number))
    if len(number) == 15 and shape[0] == 1:
        return bool(nir.is_valid(number))
    groups = [int(g) for g in _NON_DIGIT.split(value) if g]
    if shape == (4, 3, 3) and number[0] == "9":
        # (never a run of measures: "9100 250 300")
        return not _a_series(groups, 150) and bool(bc_phn.is_valid(number))
    if shape in ((4, 5, 1), (4, 5, 1, 1)):
        return not _a_series(groups[:2], 1500) and _valid_au_medicare(number)
    if shape == (3, 4, 7, 1) and number.startswith("784"):
        return bool(luhn.is_valid(number))
    return False


def valid_lower_code(value: str) -> bool:
    """A code typed in small letters whose own check holds: an Italian codice fiscale,
    "bnclne92c45f205r" (its check letter), or an Indian PAN, "khept8578f" (its holder
    letter); plain words and years never pass."""
    code = value.upper()
    if len(code) == 16:
        return bool(codicefiscale.is_valid(code))
    return len(code) == 10 and bool(pan.is_valid(code))


def valid_sin_said(value: str) -> bool:
    """Nine digits after "sin" said in lower case ("my sin is 046 454 286"): the Luhn
    check a Canadian SIN carries (the CRA's own sample starts with 0, which stdnum's
    issuance rules refuse), never a run of measures ("sin 100 200 300")."""
    groups = [int(g) for g in _NON_DIGIT.split(value) if g]
    if len(groups) > 1 and _a_series(groups, 150):
        return False
    return bool(luhn.is_valid(digits(value)))


# a Mexican voter key (clave de elector): six letters of the name, the birth date
# YYMMDD, the state 01-32 (87 born abroad), H or M, three more: "GMRZAN85031409M700"
_ELECTOR_KEY = regex.compile(r"[A-Z]{6}(\d{2})(\d{2})(\d{2})(\d{2})[HM]\d{3}")


def valid_mx_code(value: str) -> bool:
    """A Mexican CURP or RFC (its check digit holding, python-stdnum) or a voter key (its
    birth date and state real), in either case: "pelj920708qw9" typed in small letters."""
    code = value.upper()
    if len(code) == 18 and (key := _ELECTOR_KEY.fullmatch(code)):
        _year, month, day, state = (int(g) for g in key.groups())
        return 1 <= month <= 12 and 1 <= day <= 31 and (1 <= state <= 32 or state == 87)
    if len(code) == 18:
        return bool(curp.is_valid(code))
    return bool(rfc.is_valid(code, validate_check_digits=True))


def valid_dni(value: str) -> bool:
    """A Spanish DNI, its check letter holding (python-stdnum); seven digits are padded."""
    number = _NON_ALNUM.sub("", value).upper()
    return bool(dni.is_valid(number.zfill(9)))


def valid_birth_number(value: str) -> bool:
    """A number built on a birth date: Korean, YYMMDD-G and six digits (G 1-8, the date
    real); Swedish, YYYYMMDD-NNNN, its Luhn check holding (python-stdnum)."""
    head, _, tail = value.replace("+", "-").partition("-")
    if len(head) == 8:
        return bool(personnummer.is_valid(value))
    if len(head) != 6 or tail[:1] not in "12345678":
        return False
    century = "19" if tail[0] in "1256" else "20"
    try:
        datetime.date(int(century + head[:2]), int(head[2:4]), int(head[4:6]))
    except ValueError:
        return False
    return True


def valid_imei(value: str) -> bool:
    return bool(imei.is_valid(digits(value)))


def valid_aba_routing(value: str) -> bool:
    return bool(rtn.is_valid(digits(value)))


def valid_npi(value: str) -> bool:
    """NPI: ten digits, Luhn over the card-issuer prefix 80840."""
    number = digits(value)
    return len(number) == 10 and number[0] in "12" and bool(luhn.is_valid("80840" + number))


def valid_npi_grouped(value: str) -> bool:
    """An NPI in its printed groups, not a run of measures ("1000 250 500")."""
    groups = [int(g) for g in _NON_DIGIT.split(value) if g]
    return not _a_series(groups, 150) and valid_npi(value)


def valid_dea(value: str) -> bool:
    """DEA registration: two letters, seven digits, the last a check digit."""
    v = value.replace(" ", "").upper()
    if len(v) != 9 or not v[2:].isdigit():
        return False
    d = [int(c) for c in v[2:]]
    check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
    return check == d[6]


_VIN_VALUES = {
    **{str(i): i for i in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def valid_vin(value: str) -> bool | None:
    """North American VIN check digit; None for VINs that do not use one."""
    v = value.upper()
    if len(v) != 17 or any(c not in _VIN_VALUES for c in v):
        return False
    if not any(c.isdigit() for c in v) or not any(c.isalpha() for c in v):
        return False
    total = sum(_VIN_VALUES[c] * w for c, w in zip(v, _VIN_WEIGHTS, strict=True))
    check = "X" if total % 11 == 10 else str(total % 11)
    return True if v[8] == check else None


def valid_phone(value: str) -> bool | None:
    """True for a valid number (US by default), None when only possible."""
    import phonenumbers  # on the first phone-shaped match: its import costs a short run

    try:
        parsed = phonenumbers.parse(value, "US")
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(parsed):
        return True
    return None if phonenumbers.is_possible_number(parsed) else False


# Where a number written with its trunk 0 ("0917 ...", "0 532 ...") is most often from,
# among the countries clients call home to.
_TRUNK_REGIONS = (
    "GB", "IE", "PH", "TR", "IN", "PK", "NG", "DE", "FR", "IT", "ES", "NL", "PL", "UA",
    "RU", "CN", "JP", "KR", "VN", "TH", "AU", "NZ", "ZA", "EG", "IR", "IL", "BR", "AR", "PE",
)


def valid_phone_abroad(value: str) -> bool:
    """A number in a country's own format, trunk 0 first, that phonenumbers finds valid
    in one of the countries in `_TRUNK_REGIONS`."""
    import phonenumbers

    for region in _TRUNK_REGIONS:
        try:
            parsed = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            return True
    return False


def mac_of_one(hexes: str) -> bool:
    """Not one pair over and over: the broadcast address FF:FF:FF:FF:FF:FF and the
    empty 00:00:00:00:00:00 are nobody's device."""
    return len({hexes[i : i + 2].lower() for i in range(0, len(hexes), 2)}) > 1


def valid_mac(value: str) -> bool | None:
    """Twelve hex digits with at least one letter among them (not a clock time or a date
    written with colons); letters alone only in pairs, "AA-BB-CC-DD-EE-FF" (the dotted
    form of letters alone, "face.bead.cafe", might be words)."""
    hexes = _NON_ALNUM.sub("", value)
    if len(hexes) != 12 or not any(c.isalpha() for c in hexes) or not mac_of_one(hexes):
        return False
    return None if any(c.isdigit() for c in hexes) or "." not in value else False


def valid_ip(value: str) -> bool:
    try:
        ipaddress.ip_network(value, strict=False)
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def _offline_tld_extractor() -> TLDExtract:
    # The bundled public suffix snapshot; no download and no cache directory. Imported
    # on the first domain-shaped match, as phonenumbers is.
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def valid_domain(value: str) -> bool:
    host = regex.sub(r"(?i)^[a-z][a-z0-9+.-]*://", "", value).split("/", 1)[0]
    host = host.split("@")[-1].split(":")[0]
    parts = _offline_tld_extractor()(host)
    return bool(parts.suffix) and bool(parts.domain)


def valid_email(value: str) -> bool | None:
    # An address whose domain has no public suffix is still an address: no opinion.
    return True if valid_domain(value.rsplit("@", 1)[-1]) else None


def valid_iban_loose(value: str) -> bool:
    return valid_iban(_NON_ALNUM.sub("", value).upper())
