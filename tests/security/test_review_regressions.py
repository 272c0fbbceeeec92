"""Regression tests for the bugs a security review found (one or more per bug).

Each failed before its fix. Every identifier is synthetic.
"""

from __future__ import annotations

import io
import subprocess
import sys
import unicodedata
from typing import Any

import pytest

import phimin
import phimin._redactor as redactor_module
from phimin._normalize import normalize
from phimin.cli.main import main
from phimin.cli.settings import RedactorSpec
from phimin.cli.streams import Streams

NAME, SSN, PHONE = "Quillon Brackenridge", "417-38-2906", "410-862-5173"


def cli(redactor: phimin.Redactor, argv: list[str], stdin: bytes) -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()

    def factory(spec: RedactorSpec) -> Any:
        return redactor

    code = main(argv, streams=Streams(io.BytesIO(stdin), out, err), redactor_factory=factory)
    return code, out.getvalue(), err.getvalue()


def _digits(text: str) -> str:
    """Every character with a digit value (circled, superscript...) as an ASCII digit."""
    return "".join(str(d) for d in (unicodedata.digit(c, None) for c in text) if d is not None)


def gone(redactor: phimin.Redactor, text: str, canonical: str) -> None:
    out = normalize(redactor.redact(text).text).text
    assert canonical not in out
    if len(_digits(canonical)) >= 7:
        assert _digits(canonical) not in _digits(out), out


# --- B1: the normalizer backtracks exponentially (a hang: no timeout there) ------------


def test_b1_digit_word_normalizer_is_linear() -> None:
    code = "from phimin._normalize import normalize; normalize('Prior attempts: zero' + ' ' * 40 + 'Hospitalizations: none')"
    try:
        subprocess.run([sys.executable, "-c", code], timeout=60, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail("normalize() did not finish in 60 s on 'zero' + 40 spaces")


# --- B3: identifiers smuggled in placeholder-shaped brackets are never examined ----------


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Her SSN is [SSN417382906_1] on file.", "417382906"),
        ("Call [PHONE4108625173_1] now.", "4108625173"),
        ("Client [QUILLON_BRACKENRIDGE_1] called.", "QUILLON_BRACKENRIDGE"),
    ],
)
def test_b3_placeholder_lookalikes_do_not_shield_identifiers(
    redactor: phimin.Redactor, text: str, secret: str
) -> None:
    assert secret not in redactor.redact(text).text


# --- B4-B9: disguises the normalized view misses ------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("SSN 417-38-2906\u0301 ok", SSN),  # B4 combining mark after the last digit
        ("SSN 4\u03011\u03017-38-2906 ok", SSN),  # B4 combining marks inside
        ("SSN 417-38-\x002906 ok", SSN),  # B5 NUL inside
        ("SSN 417-38-\x7f2906 ok", SSN),  # B5 DEL inside
        (
            "Call \u2463\u2460\u24ea-\u2467\u2465\u2461-\u2464\u2460\u2466\u2462 now",
            PHONE,
        ),  # B6 circled digits
        ("Call 4, 1, 0, 8, 6, 2, 5, 1, 7, 3 now", PHONE),  # B7 commas
        ("[client] it's four one zero, eight six two, five one seven three", PHONE),  # B7 speech
        ("SSN 417.38.2906 ok", SSN),  # B8 dots
    ],
)
def test_b4_to_b8_disguised_numbers_are_found(
    redactor: phimin.Redactor, text: str, canonical: str
) -> None:
    gone(redactor, text, canonical)


def test_b5_names_beside_control_characters_are_found(redactor: phimin.Redactor) -> None:
    out = redactor.redact(f"\x00{NAME}\x00 called today.").text
    assert "Brackenridge" not in out


def test_b9_email_with_spelled_at_and_a_real_dot(redactor: phimin.Redactor) -> None:
    out = redactor.redact("email quillon.brackenridge(at)example.org today").text
    assert "brackenridge" not in out


# --- B10-B12: recall gaps in common clinical forms ----------------------------------------


@pytest.mark.parametrize("date", ["14-Mar-1987", "14Mar1987"])
def test_b10_day_month_abbreviation_dates(redactor: phimin.Redactor, date: str) -> None:
    out = redactor.redact(f"DOB {date}, seen today.").text
    assert "14" not in out and "Mar" not in out.title()


@pytest.mark.parametrize("text", ["93M presents with low mood.", "93F, widowed."])
def test_b11_age_shorthand(redactor: phimin.Redactor, text: str) -> None:
    assert "93" not in redactor.redact(text).text


@pytest.mark.parametrize(
    "text",
    [
        "QUILLON BRACKENRIDGE CALLED TODAY.",
        "CLIENT: QUILLON BRACKENRIDGE",
        "client quillon brackenridge called today",
    ],
)
def test_b12_rare_names_in_single_case_text(redactor: phimin.Redactor, text: str) -> None:
    assert "brackenridge" not in redactor.redact(text).text.casefold()


# --- B13-B16: failing closed, completely ---------------------------------------------------


def _chain(exc: BaseException) -> list[BaseException]:
    seen, todo = [], [exc]
    while todo:
        e = todo.pop()
        if e is not None and all(e is not s for s in seen):
            seen.append(e)
            todo += [e.__cause__, e.__context__]
    return seen


@pytest.mark.parametrize("target", ["resolve", "normalize"])
def test_b13_no_exception_in_the_chain_quotes_the_text(
    redactor: phimin.Redactor, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    def fault(*args: Any, **kwargs: Any) -> Any:
        raise KeyError(f"Mr. {NAME}")  # as a lookup keyed by the surface text would

    monkeypatch.setattr(redactor_module, target, fault)
    with pytest.raises(phimin.PhiminError) as info:
        redactor.redact(f"Mr. {NAME} called.")
    for e in _chain(info.value):
        assert NAME not in f"{e} {e!r}", f"{type(e).__name__} in the chain quotes the text"


def test_b13_worker_and_detection_errors_carry_no_text(
    redactor: phimin.Redactor, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fault(*args: Any, **kwargs: Any) -> Any:
        raise ValueError(f"bad token {NAME}")

    monkeypatch.setattr(redactor.engine.analyzer, "analyze", fault)
    with pytest.raises(phimin.DetectionError) as info:
        redactor.redact(f"Mr. {NAME} called.")
    for e in _chain(info.value):
        assert NAME not in f"{e} {e!r}"


@pytest.mark.parametrize("target", ["normalize", "chunk_spans"])
def test_b14_redact_many_fails_closed_in_preparation(
    redactor: phimin.Redactor, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    def fault(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(redactor_module, target, fault)
    with pytest.raises(phimin.PhiminError):
        list(redactor.redact_many(["a text"]))


def test_b15_lone_surrogates_are_an_input_error(redactor: phimin.Redactor) -> None:
    with pytest.raises(phimin.InputError):
        redactor.redact(f"{NAME} \ud800 called")
    with pytest.raises(phimin.InputError):
        phimin.Session(redactor).redact(f"{NAME} wrote [x\ud800]")
    code, out, _ = cli(redactor, ["--jsonl"], b'{"text": "Quillon \\ud800 called"}\n')
    assert (code, out) == (2, b"")


# --- B17-B18: side channels --------------------------------------------------------------


def test_b17_policy_errors_do_not_echo_a_text_passed_by_mistake() -> None:
    note = f"Mr. {NAME} called from {PHONE}."
    with pytest.raises(phimin.PolicyError) as info:
        phimin.Redactor(note)  # the text where the policy goes
    assert NAME not in str(info.value) and PHONE not in str(info.value)


def test_b18_document_state_repr_holds_no_originals(redactor: phimin.Redactor) -> None:
    state = phimin.DocumentState()
    redactor.redact_with_state(f"Mr. {NAME} called from {PHONE}.", state)
    shown = repr(state)
    assert "brackenridge" not in shown.casefold() and "4108625173" not in shown


# --- B19-B21: look-alikes of phimin's own output ------------------------------------------


@pytest.mark.parametrize(
    "literal", ["ＰＥＲＳＯＮ＿１", "[PERSON_\u200b1]", "［PERSON＿1］", "[PЕRSON_1]"]
)
def test_b19_disguised_literals_contest_the_placeholder(
    redactor: phimin.Redactor, literal: str
) -> None:
    session = phimin.Session(redactor)
    session.redact(f"Mr. {NAME} called.")
    session.redact(f"A letter signed {literal} arrived.")
    report = session.restore_report("[PERSON_1] will call back.")
    assert [u.reason for u in report.unrestored] == ["contested"]


@pytest.mark.parametrize("literal", ["[person_1]", "PERSON_1", "[ PERSON_1 ]"])
def test_b20_tolerated_forms_in_the_input_are_never_issued(
    redactor: phimin.Redactor, literal: str
) -> None:
    out = redactor.redact(f"{literal} wrote; Mr. {NAME} called.").text
    assert "[PERSON_1]" not in out


# --- B22: jsonl passes fields other than "text" through -----------------------------------


# --- B23: rule-pack loader crashes (found by fuzz/fuzz_rules.py) --------------------------


@pytest.mark.parametrize(
    "pack",
    [
        "schema: 1\npack: p\nentity: ABC\ngeneralize_to: '[x y]'\n1: one\nextra: two\nrules: []\n",
        "schema: 1\npack: p\nentity: ABC\ngeneralize_to: '[x y]'\nrules:\n- {id: ABC-001, 2: x, y: z, phrases: [a]}\n",
        "schema: 1\npack: p\nentity: ABC\ngeneralize_to: '[x y]'\nrules:\n- {id: ABC-001, tokens: 5}\n",
        "schema: 1\npack: p\nentity: ABC\ngeneralize_to: '[x y]'\nrules:\n- {id: ABC-001, phrases: [a], negative: {3: x, y: z}}\n",
        "schema: 1\npack: p\nentity: ABC\ngeneralize_to: '[x y]'\nrules:\n- {id: ABC-001, tokens: true}\n",
    ],
)
def test_b23_malformed_packs_are_rule_pack_errors(tmp_path: Any, pack: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(pack, encoding="utf-8")
    with pytest.raises(phimin.RulePackError):
        phimin.load_rule_packs([path])


# --- B24: redaction is not idempotent (found by hypothesis) --------------------------------


def test_b24_redacting_the_output_again_changes_nothing(redactor: phimin.Redactor) -> None:
    text = (
        "A00000000.\nA# 000000000.\n"
        "VIN 1AAAAAAA3AAA00000. Client reports low mood and poor sleep.\n"
        "Note: VIN 1AAAAAAK2AAA00000.\n"
    )
    once = redactor.redact(text).text
    assert redactor.redact(once).text == once  # today: "Note: VIN" -> "Note: [PERSON_1]"
