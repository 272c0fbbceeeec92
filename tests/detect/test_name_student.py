"""The case-robust name model (phimin._name_student) and its recognizer's gates."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml

import phimin
from phimin._detect.names.student import StudentNameRecognizer
from phimin._errors import ModelError
from phimin._name_student import STUDENT_PATH, load_student, student_names

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def recognizer(redactor: phimin.Redactor) -> StudentNameRecognizer:
    engine = redactor.engine
    return StudentNameRecognizer(engine.lexicon, engine.places.not_below_state)


def found(recognizer: StudentNameRecognizer, text: str, spans: list[tuple[int, int]]) -> list[str]:
    artifacts: Any = SimpleNamespace(student_names=spans, case_mode="lower")
    return [text[d.start : d.end] for d in recognizer.find(text, artifacts)]


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_the_model_ships_in_the_package_and_is_small() -> None:
    size = sum(p.stat().st_size for p in STUDENT_PATH.rglob("*") if p.is_file())
    assert (STUDENT_PATH / "ner" / "model").is_file()
    assert size < 8_000_000


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("so sky texted me last night and we talked for an hour", "sky"),
        ("autumn and river are staying with us this week", "river"),
        ("i told babajide i was not coming back to that place", "babajide"),
    ],
)
def test_the_model_reads_names_in_lower_case_speech(text: str, name: str) -> None:
    (spans,) = student_names([text])
    assert span(text, name) in spans


def test_the_model_leaves_the_same_words_used_as_words() -> None:
    texts = ["i hope so but we will see", "the sky was grey all week", "it may help to mark it"]
    assert student_names(texts) == [[], [], []]


def test_a_lower_case_name_with_no_cue_is_redacted(redact: Any) -> None:
    assert redact("so sky texted me last night and we talked") == (
        "so [PERSON_1] texted me last night and we talked"
    )


def test_mixed_case_text_never_asks_the_model(redactor: phimin.Redactor) -> None:
    (mixed, lower) = redactor.engine.nlp_engine.artifacts(
        ["Sky texted me last night.", "so sky texted me last night"]
    )
    assert mixed.student_names == []
    assert lower.student_names


def test_kin_words_and_a_possessive_are_trimmed(recognizer: StudentNameRecognizer) -> None:
    text = "my sister sky's car broke down again"
    assert found(recognizer, text, [span(text, "sister sky's")]) == ["sky"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("it brought me so much joy to hear it", "joy"),  # a quantity before it
        ("the holly out front needs cutting", "holly"),  # a determiner before it
        ("my knee pain is worse at night", "knee pain"),  # everyday words, no first name
        ("they started clindamycin on monday", "clindamycin"),  # a drug
        ("she came in at 4 pm", "4 pm"),  # digits
        ("we drove through georgia on the way up", "georgia"),  # a state
        ("cruzamos la calle corriendo", "cruzamos"),  # Spanish, no name list has it
        ("i hope they call back will you let me know", "will"),  # the verb before "you"
        ("honestly my mom will kill me if she finds out", "will"),  # a modal after kin
        ("a good therapist will help you find the words", "will"),  # before a plain verb
        ("i was in the left lane and had to pull over", "lane"),  # a described thing
        ("so what brings you joy these days", "joy"),  # a thing given to someone
        ("she's into crystals and burning sage at night", "sage"),  # a thing done
        ("things have been rocky at home since then", "rocky"),  # a word describing
        ("okay so mark the date on your calendar", "mark"),  # a verb before its object
        ("i didn't even chase after him", "chase"),  # a verb after "didn't even"
        ("we were up till dawn talking", "dawn"),  # a time of day
        ("my new apartment is tiny", "tiny"),  # a describing word after a copula
        ("the room was so tiny and dark", "tiny"),  # ...and "so"
        ("my ninety-three-year-old grandma", "year-old"),  # part of a hyphenated word
    ],
)
def test_guesses_the_gates_drop(recognizer: StudentNameRecognizer, text: str, words: str) -> None:
    assert found(recognizer, text, [span(text, words)]) == []


def test_a_surname_after_a_given_name_stays(recognizer: StudentNameRecognizer) -> None:
    text = "i saw dana long at the pharmacy"
    assert found(recognizer, text, [span(text, "dana long")]) == ["dana long"]


def test_a_guess_that_says_a_word_twice_ends_before_it(recognizer: StudentNameRecognizer) -> None:
    # ("my roommate sage burns sage": the model read all three words as one name)
    text = "i saw dana long dana at the pharmacy"
    assert found(recognizer, text, [span(text, "dana long dana")]) == ["dana long"]


def test_a_name_after_a_verb_that_takes_no_thing_stays(recognizer: StudentNameRecognizer) -> None:
    # ("burning sage" is the herb; "thanks for listening sky" is a person)
    text = "thanks for listening sky, i mean it"
    assert found(recognizer, text, [span(text, "sky")]) == ["sky"]


def test_after_a_copula_that_introduces_someone_a_name_stays(
    recognizer: StudentNameRecognizer,
) -> None:
    # ("this is hope from the clinic" introduces her; "my room is tiny" describes it)
    text = "hi this is hope from the clinic"
    assert found(recognizer, text, [span(text, "hope")]) == ["hope"]


def test_a_compound_of_everyday_words_is_no_name(recognizer: StudentNameRecognizer) -> None:
    text = "we sat in the drive-thru for an hour"
    assert found(recognizer, text, [span(text, "drive-thru")]) == []


def test_a_broken_model_fails_closed(tmp_path: Path) -> None:
    (tmp_path / "config.cfg").write_text("not a config", encoding="utf-8")
    with pytest.raises(ModelError, match="name model could not be loaded"):
        load_student.__wrapped__(tmp_path)


def test_the_training_templates_are_well_formed() -> None:
    data = yaml.safe_load((ROOT / "scripts/name_student/templates.yaml").read_text("utf-8"))
    assert len(data["names"]) >= 400 and len(data["words"]) >= 400
    for line in data["names"]:
        assert "{first}" in line or "{last}" in line or "{nick}" in line, line
        assert line == line.lower(), line
    for line in data["words"]:
        assert "{" not in line and line == line.lower(), line


def test_in_lower_case_the_name_model_stands_in_for_the_default_models_pass(
    redactor: phimin.Redactor,
) -> None:
    from phimin._nlp import PhiminNlpEngine

    engine = PhiminNlpEngine(redactor.engine.nlp_engine.language)
    text = "so sky texted me from the bus stop"
    assert engine.default_model
    (artifacts,) = engine.artifacts([text])
    assert not artifacts.tokens.has_annotation("ENT_IOB")  # tokenized only
    assert artifacts.student_names == [span(text, "sky")]
    engine.default_model = False  # a model the user chose runs on every chunk
    (artifacts,) = engine.artifacts([text])
    assert artifacts.tokens.has_annotation("ENT_IOB")
    assert artifacts.student_names == [span(text, "sky")]


_TOKEN_ATTRS = ("ORTH", "LOWER", "IDX", "LENGTH", "SPACY", "IS_SPACE", "IS_ALPHA", "IS_PUNCT")
_TOKEN_ATTRS += ("IS_DIGIT", "LIKE_NUM", "IS_STOP", "SHAPE", "PREFIX", "SUFFIX")


@pytest.mark.parametrize(
    "text",
    [
        "so sky texted me from the bus stop",
        "gonna wanna 'cause ain't can't y'all o'clock e.g. dr. lee's, we'll see :) x-ray",
        "client: i dunno.\n\ntherapist: okay... so 3-4/10, mm-hmm, at 5:30pm w/ mom (her words)",
        "niece mindy---617 555-0123 and the lex-- the lexapro",  # dashes phimin splits
        "she's@home.com #42 $5.00 -- 10% “quoted” — dash",
    ],
)
def test_in_lower_case_the_name_models_tokens_are_the_default_models(
    redactor: phimin.Redactor, text: str
) -> None:
    """The default model tokenizes a chunk without capitals only for the recognizers; the
    name model's tokens stand in for that pass where both cut alike. The Doc is the
    tokenizer's in all phimin reads (a special case's norm, "gonna" -> "going", aside)."""
    import re

    from spacy import attrs

    from phimin import _nlp

    engine = redactor.engine.nlp_engine
    assert _nlp._same_rules(engine.language.tokenizer, load_student().tokenizer)
    (artifacts,) = engine.artifacts([text])
    doc, expected = artifacts.tokens, engine.language.make_doc(text)
    assert doc.vocab is expected.vocab and doc.text == text
    ids = [getattr(attrs, a) for a in _TOKEN_ATTRS]
    assert doc.to_array(ids).tolist() == expected.to_array(ids).tolist()
    # (where phimin splits a run of dashes between letters, the default model tokenizes)
    splits = re.search(_nlp._DASH_RUN_INFIX, text) is not None
    assert engine._tokenizes_as_student(text) == (not splits) == ("mindy" not in text)


def test_no_recognizer_reads_a_tokens_norm() -> None:
    # (the name model's tokens stand in for the tokenizer's without a special case's norm)
    import re

    source = ROOT / "src" / "phimin"
    reads = re.compile(r"\.norm_?\b|\bNORM\b|\bnorm_\b")
    assert not [p.name for p in source.rglob("*.py") if reads.search(p.read_text("utf-8"))]


def test_a_tokenizer_cut_otherwise_is_not_taken_for_the_name_models(
    redactor: phimin.Redactor,
) -> None:
    import copy

    from phimin import _nlp

    language = redactor.engine.nlp_engine.language
    other = copy.deepcopy(language)
    other.tokenizer.add_special_case("skytext", [{"ORTH": "sky"}, {"ORTH": "text"}])
    assert _nlp._same_rules(language.tokenizer, load_student().tokenizer)
    assert not _nlp._same_rules(other.tokenizer, load_student().tokenizer)
    engine = _nlp.PhiminNlpEngine(other)
    text = "so skytext me from the bus stop"
    (artifacts,) = engine.artifacts([text])
    assert [t.text for t in artifacts.tokens][:3] == ["so", "sky", "text"]


def test_nothing_counts_in_a_lower_case_note_where_nobody_says_i_or_you(
    recognizer: StudentNameRecognizer,
) -> None:
    note = (
        "she is arousable to voice and she is able to follow commands when she is awake, "
        "and the family is with her at the bedside. she was given her evening meds and "
        "she has been resting since then with her husband in the room with her"
    )
    dialogue = (
        "so i told her you know i can't keep doing this and sky just looked at me "
        "like i was the problem and i said you're not listening to me at all and she "
        "said we can talk about it later but we never do"
    )
    assert found(recognizer, note, [span(note, "arousable")]) == []
    assert found(recognizer, dialogue, [span(dialogue, "sky")]) == ["sky"]


def test_the_model_scores_only_the_person_actions_it_learnt() -> None:
    # scripts/train_name_student.py cuts the teacher's 74 actions to PERSON's and O:
    # scoring the other labels' actions was half the model's time in lower case.
    ner = load_student().get_pipe("ner")
    assert ner.labels == ("PERSON",)
    assert ner.model.get_ref("upper").get_dim("nO") == ner.moves.n_moves == 6
