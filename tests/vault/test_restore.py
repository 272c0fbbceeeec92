"""Restore on a hand-made ledger: tolerant of what LLMs do, strict about everything else."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phimin._placeholders import PlaceholderBook
from phimin._restore import Ledger, contest_key, placeholder_literals, restore

SETTINGS = settings(max_examples=150, deadline=None)


def make_ledger() -> Ledger:
    led = Ledger()
    led.record_placeholder("[PERSON_1]", "PERSON", "Ana Ruiz")
    led.record_placeholder("[PERSON_11]", "PERSON", "Ben Cole")
    led.record_placeholder("[PHONE_1]", "PHONE_NUMBER", "410-555-0199")
    led.record_placeholder("[HEALTH_PLAN_ID_2]", "HEALTH_PLAN_ID", "HP-77812")
    led.record_placeholder("[SUBSTANCE_USE_1]", "SUBSTANCE_USE", "cocaine", generalized=True)
    led.record_wording("[date in 2021]", "03/14/2021")
    led.record_wording("[date in 2019]", "01/02/2019")
    led.record_wording("[date in 2019]", "05/06/2019")  # two originals (an old vault)
    led.record_wording("[city in Maryland]", "Towson")
    return led


def test_tolerated_forms_restore() -> None:
    led = make_ledger()
    cases = {
        "[PERSON_1] agreed.": "Ana Ruiz agreed.",
        "[PERSON_1]'s plan": "Ana Ruiz's plan",
        "[PERSON_1's] plan": "Ana Ruiz's plan",
        "[PERSON_1’s] plan": "Ana Ruiz’s plan",
        "[person_1] agreed": "Ana Ruiz agreed",
        "Then PERSON_1 agreed": "Then Ana Ruiz agreed",
        "Then person_1's plan": "Then Ana Ruiz's plan",
        "[PERSON_\n1] agreed": "Ana Ruiz agreed",
        "[PERSON_\r\n1]": "Ana Ruiz",
        "[ PERSON_1 ] agreed": "Ana Ruiz agreed",
        "[PERSON _1]": "Ana Ruiz",
        "\\[PERSON\\_1\\] agreed": "Ana Ruiz agreed",
        "PERSON\\_1 agreed": "Ana Ruiz agreed",
        "call [PHONE_1].": "call 410-555-0199.",
        "plan [HEALTH_PLAN_ID_2]": "plan HP-77812",
        "plan health_plan_id_2": "plan HP-77812",
        "[PERSON_11] and PERSON_11.": "Ben Cole and Ben Cole.",
        "[see PERSON_1]": "[see Ana Ruiz]",
        "[PERSON_1 and PERSON_11]": "[Ana Ruiz and Ben Cole]",
        "(PERSON_1)": "(Ana Ruiz)",
    }
    for text, expected in cases.items():
        result = restore(text, led)
        assert result.text == expected, text
        assert result.complete, text


def test_numbers_are_never_fuzzy() -> None:
    led = make_ledger()
    for text in ["[PERSON_01]", "[PERSON_2]", "[PERSON_111]", "PERSON_12", "[PERSON_1a]"]:
        result = restore(text, led)
        assert result.text == text
        assert "Ana Ruiz" not in result.text and "Ben Cole" not in result.text
    assert [u.reason for u in restore("[PERSON_01] [PERSON_2]", led).unrestored] == [
        "not_issued",
        "not_issued",
    ]


def test_unrecognised_text_is_left_alone_and_unreported() -> None:
    led = make_ledger()
    for text in [
        "Person 1 agreed",
        "[PERSON_\n\n1]",
        "COVID_19 and SARS_2",
        "XPERSON_1",
        "PERSON_1_2",
        "date in 2021",
        "[date in 2021",
        "[PERSON]",
    ]:
        result = restore(text, led)
        assert result.text == text, text
        assert result.restored == 0, text
    assert restore("COVID_19", led).unrestored == ()


def test_generalized_content_by_default_and_kept_when_asked() -> None:
    led = make_ledger()
    text = "Seen [date in 2021] in [city in Maryland]; [SUBSTANCE_USE_1] use."
    restored = restore(text, led)
    assert restored.text == "Seen 03/14/2021 in Towson; cocaine use."
    assert restored.complete
    kept = restore(text, led, generalized=False)
    assert kept.text == text
    assert kept.counts()["not_requested"] == 3
    assert restore("[PERSON_1]", led, generalized=False).text == "Ana Ruiz"  # identifiers


def test_wording_tolerance_is_case_and_spacing_only() -> None:
    led = make_ledger()
    for text in ["[Date in 2021]", "[ date  in\n2021 ]", "\\[date in 2021\\]"]:
        assert restore(text, led).text == "03/14/2021", text
    for text in ["date in 2021", "[date in 20211]", "[date  in\n\n2021]"]:
        assert restore(text, led).text == text, text


def test_ambiguous_wording_is_left_and_reported() -> None:
    led = make_ledger()
    result = restore("On [date in 2019] and [date in 2021].", led)
    assert result.text == "On [date in 2019] and 03/14/2021."
    assert [(u.token, u.reason) for u in result.unrestored] == [("[date in 2019]", "ambiguous")]
    assert result.unrestored[0].start == 3


def test_a_wording_number_never_issued_is_left_and_reported() -> None:
    led = make_ledger()
    led.record_wording("[date in 2021 #2]", "04/01/2021")
    led.literal_digests.add(led.digest("date in 2021 #5"))  # typed in the input: text
    text = "[date in 2021 #2], [Date in 2021 #3], [date in 2021 #5], [city in Maryland #2]."
    result = restore(text, led)
    assert result.text == (
        "04/01/2021, [Date in 2021 #3], [date in 2021 #5], [city in Maryland #2]."
    )
    assert [(u.start, u.token, u.reason) for u in result.unrestored] == [
        (19, "[date in 2021 #3]", "not_issued"),
        (57, "[city in maryland #2]", "not_issued"),
    ]
    # A wording of another kind, or another year, is not the session's: not reported.
    assert restore("[date in 2024 #2] and [legal matter]", led).unrestored == ()


def test_contested_placeholder_and_wording_are_never_restored() -> None:
    led = make_ledger()
    led.literals.add(contest_key("PERSON", "01"))  # "[PERSON_01]" arrived as input
    led.literal_digests.add(led.digest("date in 2021"))
    result = restore("[PERSON_1], person_1, [date in 2021], [PERSON_11]", led)
    assert result.text == "[PERSON_1], person_1, [date in 2021], Ben Cole"
    assert {u.reason for u in result.unrestored} == {"contested"}
    assert len(result.unrestored) == 3


def test_restore_is_one_pass() -> None:
    led = make_ledger()
    led.record_placeholder("[PERSON_3]", "PERSON", "PERSON_1")  # an original that looks like one
    assert restore("[PERSON_3]", led).text == "PERSON_1"


def test_reports_and_reprs_carry_no_originals() -> None:
    led = make_ledger()
    result = restore("[PERSON_1] [PERSON_2] [date in 2019] [date in 2021]", led)
    shown = repr(result) + repr(led) + repr(led.placeholders) + str(result.counts())
    shown += "".join(str(u.to_dict()) for u in result.unrestored)
    for original in ["Ana Ruiz", "03/14/2021", "01/02/2019", "cocaine", "Towson"]:
        assert original not in shown


def test_ledger_json_round_trip() -> None:
    led = make_ledger()
    led.literals.add("[PERSON_7]")
    led.literal_digests.add(led.digest("x"))
    book = PlaceholderBook()
    book.placeholder("PERSON", "Ana Ruiz")
    book.placeholder("PHONE_NUMBER", "410-555-0199")
    led.book = book.snapshot()
    led.known_names = {"ana ruiz": None, "ana": "ana ruiz"}
    again = Ledger.from_json(led.to_json())
    assert again.to_json() == led.to_json()
    assert again.placeholders == led.placeholders


@pytest.mark.parametrize(
    "change",
    [
        {"format": 2},
        {"placeholders": {"PERSON_1": {"entity": "PERSON", "original": "x"}}},
        {"placeholders": {"[PERSON_1]": {"entity": 1, "original": "Ana", "generalized": False}}},
        {"revision": -1},
        {"book": [["PERSON", "ana", 1, 2]]},
        {"known_names": ["Ana"]},
    ],
)
def test_ledger_rejects_malformed_json(change: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"^(expected|unsupported|bad|too many)") as err:
        Ledger.from_json({**make_ledger().to_json(), **change})
    assert "Ana" not in str(err.value)


# --- properties ------------------------------------------------------------------------

FORMS = [
    "[{l}_{n}]",
    "[{lo}_{n}]",
    "{l}_{n}",
    "[{l}_{n}]'s",
    "[{l}_{n}'s]",
    "[ {l}_{n} ]",
    "[{l}_\n{n}]",
    "\\[{l}\\_{n}\\]",
]


@SETTINGS
@given(
    st.lists(
        st.tuples(st.sampled_from(["PERSON", "PHONE", "EMAIL"]), st.integers(1, 40), st.booleans()),
        min_size=1,
        max_size=8,
    ),
    st.lists(st.sampled_from(FORMS), min_size=8, max_size=8),
)
def test_issued_placeholders_restore_in_any_tolerated_form(
    items: list[tuple[str, int, bool]], forms: list[str]
) -> None:
    led = Ledger()
    for label, n, issued in items:
        if issued:
            led.record_placeholder(f"[{label}_{n}]", label, f"orig-{label}-{n}")
    pieces, expected = [], []
    for (label, n, _), form in zip(items, forms, strict=False):
        pieces.append(form.format(l=label, lo=label.lower(), n=n))
        poss = "'s" if "'s" in form else ""
        token = f"[{label}_{n}]"
        expected.append(f"orig-{label}-{n}{poss}" if token in led.placeholders else pieces[-1])
    result = restore(" ; ".join(pieces), led)
    assert result.text == " ; ".join(expected)


@SETTINGS
@given(st.text(st.characters(blacklist_characters="_"), max_size=200))
def test_text_without_underscores_is_unchanged(text: str) -> None:
    assert restore(text, make_ledger()).text == text


FRAGMENTS = st.sampled_from(
    [
        *["[", "]", "_", "\\", " ", "\n", "'s", "PERSON", "person", "Date in", "date", "2021"],
        *["1", "11", "0", "[date in 2021]", "[PERSON_1]", "PERSON_11", "[city in maryland]", "x"],
    ]
)


@SETTINGS
@given(st.lists(FRAGMENTS, max_size=30).map("".join))
def test_nothing_seen_in_input_can_be_restored(text: str) -> None:
    led = make_ledger()
    led.literals, led.literal_digests = led.scan_literals(text)
    assert restore(text, led).restored == 0
    # Every literal written in the text contests its placeholder; the normalized view
    # ("'s_PERSON_11" read as "'s PERSON_11") may contest more, never fewer.
    assert placeholder_literals(text) <= led.literals
