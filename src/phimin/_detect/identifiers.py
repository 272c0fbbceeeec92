"""Structured Safe Harbor identifiers: numbers, codes and addresses of the internet.

Most numbers in a clinical note are not identifiers (doses, labs, scores, codes), so a
bare number is only an identifier when its shape is unmistakable (an SSN with dashes,
a card number that passes Luhn, an email) or a label says so ("MRN:", "member ID",
"A#"). Labels are matched case-insensitively; the span is the identifier only.
"""

from __future__ import annotations

from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    EmailRecognizer,
    IpRecognizer,
)

from phimin._detect import validators as v
from phimin._detect.dates import plausible_numeric_date
from phimin._detect.patterns import PatternSpec

__all__ = ["IDENTIFIER_SPECS"]

# What may sit between a label and its value: "MRN: 123", "MRN # 123", "MRN is 123".
_SEP = r"[ \t]*(?:(?:is|was|=|:|#|no\.?|number|num\.?)[ \t]*){0,3}[ \t]*"
# An identifier value: starts alphanumeric, has a digit, 5-24 characters (so a bare
# year after a label, "Medicaid 2019", is not taken for a member id).
_VALUE = (
    r"(?P<id>(?=[A-Za-z0-9-]{0,24}\d)[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){4,23})(?![\w-])"
)


def _labelled(rule_id: str, entity: str, labels: str, score: float = 0.9) -> PatternSpec:
    return PatternSpec(
        rule_id=rule_id,
        entity=entity,
        pattern=rf"(?i)(?<![\w])(?:{labels})(?![\w]){_SEP}{_VALUE}",
        score=score,
        group="id",
    )


_NANP = (
    r"(?<![\w+])(?:(?:\+?1|001)[ .-]?)?(?:\([2-9]\d{2}\)|[2-9]\d{2})[ .-]?[2-9]\d{2}[ .-]?\d{4}"
    r"(?:[ ]?(?:x|ext\.?|extension)[ ]?\d{1,5})?(?![\w])"
)
_PHONE_CONTEXT = tuple(
    """phone cell cellphone call called text texted mobile tel telephone number reach
    contact voicemail pager home work fax desk office landline whatsapp messages message
    answering registered dial dialed ring""".split()
)
# Any grouping of 7-15 digits, with or without a country code: a phone number only
# where the words around it say so ("Mobile: 0612 457 30 88", "call me on 462 1937").
_DIGIT_GROUPS = (
    r"(?<![\w+./-])(?<!\d,)(?:\+|00)?(?:\(\d{1,4}\)|\d{1,4})(?:(?:[ .-]|[ ]?\(0\)[ ]?)?(?:\(\d{1,4}\)|\d{1,5})){1,6}"
    r"(?:[ ]?(?:x|ext\.?)[ ]?\d{1,5})?(?![\w]|[.,/]\d)"
)


def _phone_digits(value: str) -> bool | None:
    """7 to 15 digits, and not shaped like a date."""
    count = len(v.digits(value.split("x", maxsplit=1)[0]))
    if not 7 <= count <= 15 or plausible_numeric_date(value):
        return False
    return None


IDENTIFIER_SPECS: tuple[PatternSpec, ...] = (
    # --- internet ---------------------------------------------------------------
    PatternSpec(
        "phimin.email",
        "EMAIL_ADDRESS",
        EmailRecognizer.PATTERNS[0].regex,
        0.8,
        validate=v.valid_email,
        valid_score=1.0,
        trigger="@",
    ),
    PatternSpec(
        "phimin.email.spelled",
        "EMAIL_ADDRESS",
        # (the word runs are possessive: what follows each starts with a space or a
        # bracket, so giving characters back could never help; it halves the scan)
        r"(?i)(?<![\w])[\w.+-]{1,64}+(?:[ ]?(?:\(dot\)|\[dot\]|\{dot\}| dot )[ ]?[\w+-]{1,64}+){0,3}"
        r"[ ]?(?:\(at\)|\[at\]|\{at\}| at )[ ]?[\w-]{1,63}"
        r"(?:[ ]?(?:\(dot\)|\[dot\]|\{dot\}| dot |\.)[ ]?[\w-]{1,63}){0,3}"
        r"(?:[ ]?(?:\(dot\)|\[dot\]|\{dot\}| dot )[ ]?|(?<=\))\.|(?<=\])\.|(?<=\w)\.)"
        r"(?:com|org|net|edu|gov|us|io|co)(?![\w])",
        0.85,
        trigger=r"(?i)dot|\(at\)|\[at\]|\{at\}",
    ),
    PatternSpec(
        "phimin.url.scheme",
        "URL",
        r"(?i)(?<![\w])(?:https?|ftp)://[^\s<>\"'\]\[(){}]+(?<![.,;:!?])",
        0.95,
        trigger=r"://",
    ),
    PatternSpec(
        "phimin.url.www",
        "URL",
        r"(?i)(?<![\w./])www\d{0,3}\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[^\s<>\"'\]\[(){}]*)?(?<![.,;:!?])",
        0.9,
        trigger=r"(?i)www",
    ),
    PatternSpec(
        "phimin.url.domain",
        "URL",
        r"(?i)(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,4}"
        r"(?:com|org|net|edu|gov|io|co|us|info|biz|me|ly|app|health|care|online|ca|uk)"
        r"(?:/[^\s<>\"'\]\[(){}]*)?(?<![.,;:!?])(?![\w@-])",
        0.6,
        validate=v.valid_domain,
        valid_score=0.85,
        trigger=r"\.",
    ),
    *(
        PatternSpec(
            f"phimin.ip.{p.name.lower()}",
            "IP_ADDRESS",
            p.regex,
            0.7,
            validate=v.valid_ip,
            valid_score=0.9,
            trigger=r"[.:]",
        )
        for p in IpRecognizer.PATTERNS
        if p.name in ("IPv4", "IPv6")
    ),
    # --- phone and fax ----------------------------------------------------------
    PatternSpec(
        "phimin.phone.nanp",
        "PHONE_NUMBER",
        _NANP,
        0.7,
        validate=v.valid_phone,
        valid_score=0.9,
        invalid_score=0.5,
        context=_PHONE_CONTEXT,
        context_score=0.9,
    ),
    PatternSpec(
        "phimin.phone.international",
        "PHONE_NUMBER",
        r"(?<![\w+])\+(?:[1-9]\d{0,2})[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,4}(?![\w])",
        0.6,
        validate=v.valid_phone,
        valid_score=0.9,
        trigger=r"\+",
    ),
    PatternSpec(
        "phimin.phone.context",
        "PHONE_NUMBER",
        _DIGIT_GROUPS,
        0.85,
        validate=_phone_digits,
        context=_PHONE_CONTEXT,
        needs_context=True,
    ),
    PatternSpec(
        "phimin.phone.formatted",
        "PHONE_NUMBER",
        # 3-3-4 digits however separated ("301- 555- 0147", "410/555/0199"), valid or not,
        # and in brackets with a digit too many, "(301 555 01477)": a phone mistyped.
        r"(?<![\w+/-])\(?\d{3}\)?(?:[ .-]{1,2}|/)\d{3}(?:[ .-]{1,2}|/)(?:\d{4}|(?<=\(\d{3}[ ]\d{3}[ ])"
        r"\d{5}\))(?![\w]|[-/]\d)",
        0.65,
        context=_PHONE_CONTEXT,
        context_score=0.85,
    ),
    PatternSpec(
        "phimin.phone.pager",
        "PHONE_NUMBER",
        r"(?i)(?<![\w])(?:pg|pgr|pager|beeper|page)\.?(?:[ ]*(?:\#|no\.?|number))?[ :#]*"
        r"(?P<id>\d{4,7})(?![\w])",
        0.85,
        group="id",
    ),
    PatternSpec(
        "phimin.phone.local",
        "PHONE_NUMBER",
        r"(?<![\w.-])[2-9]\d{2}-\d{4}(?![\w]|-\d)",
        0.45,
        context=_PHONE_CONTEXT,
        context_score=0.85,
    ),
    # --- government and financial numbers ---------------------------------------
    PatternSpec(
        "phimin.ssn.formatted",
        "US_SSN",
        r"(?<![\w.-])\d{3}([- .])\d{2}\1\d{4}(?![\w]|[-.]\d)",
        0.7,
        validate=v.valid_ssn,
        valid_score=0.95,
        invalid_score=0.6,
        context=("ssn", "social", "security", "ss#", "soc"),
        context_score=0.95,
    ),
    _labelled(
        "phimin.ssn.labelled",
        "US_SSN",
        r"ssn|ss\#|soc(?:ial)?(?:[ ]sec(?:urity)?)?(?:[ ]?(?:number|no|\#))?",
        0.95,
    ),
    PatternSpec(
        "phimin.card",
        "CREDIT_CARD",
        CreditCardRecognizer.PATTERNS[0].regex,
        0.3,
        validate=v.valid_card,
        valid_score=0.95,
    ),
    PatternSpec(
        "phimin.iban",
        "IBAN_CODE",
        r"(?i)(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![\w])",
        0.3,
        validate=v.valid_iban_loose,
        valid_score=0.95,
    ),
    _labelled(
        "phimin.account.labelled",
        "ACCOUNT_NUMBER",
        r"(?:bank[ ]|checking[ ]|savings[ ]|credit[ ]card[ ]|debit[ ]card[ ])?"
        r"(?:account|acct)|a/c[ ]?(?:\#|no\.?|number)|routing|aba|card[ ]ending(?:[ ]in)?",
    ),
    # --- health records and plans -----------------------------------------------
    _labelled(
        "phimin.mrn.labelled",
        "MRN",
        r"mrn|mr|med(?:ical)?[ ]rec(?:ord)?s?|chart|patient[ ]id|pt[ ]id|patient"
        r"|hospital[ ]number|unit[ ]number|encounter(?:[ ]id)?|fin",
    ),
    PatternSpec(
        "phimin.mrn.nearby",
        "MRN",
        # "my MRN on the clinic card says 00482913": the label a few words before.
        r"(?i)(?<![\w])(?:mrn|medical[ ]record(?:[ ]number)?|chart[ ]number)(?![\w])[^\n\d]{1,40}?"
        r"(?P<id>\d[\d-]{4,14}\d)(?![\w-])",
        0.9,
        group="id",
    ),
    _labelled(
        "phimin.health_plan.labelled",
        "HEALTH_PLAN_ID",
        r"(?:member|subscriber|beneficiary|policy|group|plan|insurance|insurer)[ ]?(?:id|identification)?"
        r"|medicaid(?:[ ]id)?|medicare(?:[ ]id)?|mbi|hicn|medi-cal|masshealth|tricare"
        r"|bcbs|blue[ ]cross(?:[ ]blue[ ]shield)?|aetna|cigna|humana|united(?:healthcare)?",
    ),
    PatternSpec(
        "phimin.health_plan.mbi",
        "HEALTH_PLAN_ID",
        # Medicare Beneficiary Identifier: 11 characters, letters without S, L, O, I, B, Z.
        r"(?<![\w])[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]"
        r"[AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}(?![\w])",
        0.85,
    ),
    # --- licences, certificates, vehicles, devices -------------------------------
    _labelled(
        "phimin.license.labelled",
        "LICENSE_NUMBER",
        r"(?:driver'?s?[ ])?licen[cs]e|dl|cdl|permit|certificate|cert|registration"
        r"|npi|dea|state[ ]id|passport|lic",
    ),
    PatternSpec(
        "phimin.license.dea",
        "LICENSE_NUMBER",
        # (a space may follow the letters: the detection view splits "PG0000000", as PG
        # is also a pager label)
        r"(?<![\w])[ABFGMPRX][A-Z9][ ]?\d{7}(?![\w])",
        0.4,
        validate=v.valid_dea,
        valid_score=0.9,
    ),
    _labelled(
        "phimin.vehicle.plate",
        "VEHICLE_ID",
        r"(?:licen[cs]e[ ])?plates?|tag[ ]number|registration[ ]plate",
    ),
    PatternSpec(
        "phimin.vehicle.vin",
        "VEHICLE_ID",
        r"(?i)(?<![\w])(?=[A-HJ-NPR-Z0-9]{0,16}\d)[A-HJ-NPR-Z0-9]{17}(?![\w])",
        0.5,
        validate=v.valid_vin,
        valid_score=0.95,
        context=("vin", "vehicle", "car", "truck"),
        context_score=0.9,
    ),
    _labelled(
        "phimin.device.labelled",
        "DEVICE_ID",
        r"serial|s/n|sn|device[ ](?:id|serial)|model|imei|meid|udi|lot|implant[ ]id|pacemaker",
    ),
    PatternSpec(
        "phimin.device.imei",
        "DEVICE_ID",
        r"(?<![\w-])\d{15}(?![\w-])",
        0.3,
        validate=v.valid_imei,
        valid_score=0.8,
    ),
    # --- immigration and legal numbers ------------------------------------------
    _labelled(
        "phimin.a_number.labelled",
        "A_NUMBER",
        r"a-?number|a\#|alien[ ](?:registration[ ])?(?:number|no|\#)|uscis(?:[ ]number)?",
        0.95,
    ),
    PatternSpec(
        "phimin.a_number.format",
        "A_NUMBER",
        r"(?<![\w-])A[- ]?\d{3}[- ]?\d{3}[- ]?\d{2,3}(?![\w-])",
        0.85,
    ),
    PatternSpec(
        "phimin.uscis.receipt",
        "A_NUMBER",
        r"(?<![\w])(?:EAC|WAC|LIN|SRC|NBC|MSC|IOE|YSC)\d{10}(?![\w])",
        0.9,
    ),
    _labelled(
        "phimin.case_number.labelled",
        "CASE_NUMBER",
        r"(?:court[ ])?case|docket|cause|indictment|citation|ticket|warrant|booking"
        r"|inmate|doc(?=[ ]?(?:\#|number|no\b))|prisoner|probation|parole",
    ),
    PatternSpec(
        "phimin.case_number.federal",
        "CASE_NUMBER",
        r"(?i)(?<![\w])\d{1,2}:\d{2}-(?:cr|cv|mj|mc|bk|po|sw)-\d{3,6}(?:-[a-z]{2,4})?(?![\w])",
        0.9,
    ),
    PatternSpec(
        "phimin.case_number.state",
        "CASE_NUMBER",
        r"(?i)(?<![\w])\d{2,4}-?(?:CR|CF|CM|CV|DR|FA|JV|TR|MM|MI|FE|DV|CJ|JD)-?\d{3,8}(?![\w])",
        0.8,
    ),
    # --- anything else that is unmistakably a number for one thing -------------
    _labelled(
        "phimin.other_id.labelled",
        "OTHER_ID",
        r"id|identification|reference|ref|confirmation|claim|authorization|auth"
        r"|employee[ ]id|student[ ]id|badge|case[ ]manager[ ]id",
        0.8,
    ),
    PatternSpec(
        "phimin.other_id.hash_number",
        "OTHER_ID",
        r"(?<![\w&])\#[ ]?\d{4,}(?![\w])",
        0.6,
    ),
    PatternSpec(
        "phimin.other_id.long_number",
        "OTHER_ID",
        r"(?<![\w.,/$-])\d{7,}(?![\w,/%]|[.-]\d)",
        0.55,
    ),
    PatternSpec(
        "phimin.other_id.code",
        "OTHER_ID",
        # (not settings and amounts such as 600X12 or 1000U)
        r"(?<![\w-])(?!\d+[XU]\d*(?![\w-]))(?=[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*\d[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])"
        r"[A-Z0-9]+(?:-[A-Z0-9]+)*(?![\w-])",
        0.5,
    ),
)
