"""Cold start (issue 18): what is loaded, derived and compiled, and when.

The speed itself is measured by `benchmarks/startup.py`, never asserted here; these
tests check that the shortcuts change nothing: the model's entities with its unused
components never loaded, the lexicons and rule-pack checks read back from phimin's
cache equal to the ones built, a damaged or stale cache never read, a broken pack
still reported at load, and regexes compiled only when a text needs them.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import phimin
from phimin import _derived
from phimin._catalogue import shipped_yaml, yaml_load
from phimin._detect import geography, kept_facts, lexicon, lines
from phimin._detect.sensitive import SensitiveRecognizer
from phimin._nlp import _split_dash_runs, load_model, resolve_model, unneeded_components
from phimin._rulepacks import (
    RuleSet,
    compile_rule_regex,
    default_rules_dir,
    load_rule_packs,
    regex_words,
)
from sample_packs import QUOKKA_PACK

ROOT = Path(__file__).resolve().parents[2]

# Invented text: names, places and dates the model tags.
TEXTS = [
    "Maria Delacroix met Dr. Tobias Wren in Baltimore on March 3, 2024.",
    "Her brother Kenji Alvarado drove up from Tucson last Friday with Acme Logistics.",
    "CLIENT: i told marcus i was done. THERAPIST: When did you last see Fiona Okafor?",
]

_RECORDS = Path(phimin.__file__).parent / "_detect" / "records"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own, and no value remembered in-process."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(_derived.CACHE_ENV, str(folder))
    monkeypatch.setattr(_derived, "_memo", {})
    return folder


# --- the model: what `ner` does not need is never loaded ---------------------------------


def test_the_default_model_loads_only_ner_and_the_lemmatizer_tables() -> None:
    target = resolve_model(phimin.DEFAULT_MODEL)
    assert set(unneeded_components(target)) == {
        "tok2vec",
        "tagger",
        "parser",
        "senter",
        "attribute_ruler",
    }
    nlp = load_model()
    assert nlp.component_names == ["lemmatizer", "ner"]
    assert nlp.pipe_names == ["ner"]


def test_entities_are_those_of_the_whole_model() -> None:
    import spacy

    whole = spacy.load(resolve_model(phimin.DEFAULT_MODEL))
    whole.select_pipes(enable=["ner"])
    _split_dash_runs(whole)  # phimin's tokenizer tweak, on both
    light = load_model()
    for text in TEXTS:
        expected = [(e.start_char, e.end_char, e.label_) for e in whole(text).ents]
        assert expected, "the text should have entities"
        assert [(e.start_char, e.end_char, e.label_) for e in light(text).ents] == expected


def test_the_dash_split_loads_the_special_cases_once_and_tokenizes_as_before() -> None:
    import re

    import spacy

    from phimin import _nlp

    plain = spacy.load(resolve_model(phimin.DEFAULT_MODEL), exclude=["parser", "tagger"])
    tokenizer = plain.tokenizer
    rules = dict(tokenizer.rules)
    assert len(rules) > 1000, "the model has its special cases"
    # the tweak as it was: each setter reloads every special case
    infix, suffix = tokenizer.infix_finditer.__self__, tokenizer.suffix_search.__self__
    tokenizer.infix_finditer = re.compile(
        f"{infix.pattern}|{_nlp._DASH_RUN_INFIX}", infix.flags
    ).finditer
    tokenizer.suffix_search = re.compile(
        f"{suffix.pattern}|{_nlp._TRAILING_DASH_SUFFIX}", suffix.flags
    ).search
    light = load_model()
    assert light.tokenizer.rules == rules
    texts = [
        *TEXTS,
        "NIECE-MINDY---617 555-0123 FOR MR. KOVARIK- can't, don't :) e.g. Dr. Lee's o'clock",
        "the Lex- the Lexapro, i.e. 5mg b.i.d. vs. U.S.A. -- ok'd w/ pt. (re: etc.)",
    ]
    for text in texts:
        assert [t.text for t in light.tokenizer(text)] == [t.text for t in tokenizer(text)]
    assert "MINDY" in [t.text for t in light.tokenizer(texts[3])]


def _model_folder(tmp_path: Path, ner_model: str) -> Path:
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "config.cfg").write_text(
        "[nlp]\n"
        'pipeline = ["tok2vec","tagger","lemmatizer","ner"]\n\n'
        "[components]\n\n"
        '[components.tok2vec]\nfactory = "tok2vec"\n\n'
        '[components.tagger]\nfactory = "tagger"\n\n'
        '[components.lemmatizer]\nfactory = "lemmatizer"\n\n'
        f'[components.ner]\nfactory = "ner"\n\n{ner_model}',
        encoding="utf-8",
    )
    return folder


def test_a_component_ner_listens_to_is_loaded(tmp_path: Path) -> None:
    listener = (
        '[components.ner.model]\n@architectures = "spacy.TransitionBasedParser.v2"\n\n'
        '[components.ner.model.tok2vec]\n@architectures = "spacy.Tok2VecListener.v1"\n'
        'upstream = "tok2vec"\n'
    )
    assert unneeded_components(str(_model_folder(tmp_path, listener))) == ["tagger"]


def test_a_model_whose_needs_are_unclear_is_loaded_whole(tmp_path: Path) -> None:
    anyone = (
        '[components.ner.model]\n@architectures = "spacy.TransitionBasedParser.v2"\n\n'
        '[components.ner.model.tok2vec]\n@architectures = "spacy.Tok2VecListener.v1"\n'
        'upstream = "*"\n'
    )
    assert unneeded_components(str(_model_folder(tmp_path, anyone))) == []
    (tmp_path / "sourced").mkdir()
    sourced = _model_folder(tmp_path / "sourced", "")  # no model written out
    assert unneeded_components(str(sourced)) == []
    assert unneeded_components(str(tmp_path / "no-such-model")) == []


# --- the cache of derived data -------------------------------------------------------------


def _fingerprint(*parts: str) -> _derived.Fingerprint:
    return _derived.Fingerprint("test-words").text(*parts)


def _derive(fingerprint: _derived.Fingerprint, built: list[int]) -> frozenset[str]:
    def build() -> frozenset[str]:
        built.append(1)
        return frozenset({"alpha", "beta"})

    def decode(plain: object) -> frozenset[str]:
        if not isinstance(plain, frozenset):
            raise ValueError("not a set")
        return plain

    return _derived.derived(fingerprint, build, lambda v: v, decode)


def test_a_value_is_built_once_then_read_back(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    assert _derive(_fingerprint("a"), built) == {"alpha", "beta"}
    assert _derive(_fingerprint("a"), built) == {"alpha", "beta"}  # this process: memo
    assert len(built) == 1
    (file,) = cache.iterdir()
    assert file.name.startswith("test-words-") and file.stat().st_mode & 0o077 == 0
    assert cache.stat().st_mode & 0o077 == 0
    monkeypatch.setattr(_derived, "_memo", {})  # a new process
    assert _derive(_fingerprint("a"), built) == {"alpha", "beta"}
    assert len(built) == 1, "read from the file, not built again"
    assert _derive(_fingerprint("b"), built) == {"alpha", "beta"}
    assert len(built) == 2, "another input is another key"


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "wrong shape"])
def test_a_damaged_file_is_rebuilt_never_read(
    cache: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    built: list[int] = []
    _derive(_fingerprint("a"), built)
    (file,) = cache.iterdir()
    blob = file.read_bytes()
    if damage == "truncate":
        file.write_bytes(blob[:-5])
    elif damage == "flip":
        file.write_bytes(blob[:-1] + bytes([blob[-1] ^ 1]))
    elif damage == "garbage":
        file.write_bytes(b"not a cache file")
    else:  # a well-formed file holding the wrong kind of value
        import hashlib
        import marshal

        payload = marshal.dumps(["alpha"])
        file.write_bytes(_derived._MAGIC + hashlib.sha256(payload).digest() + payload)
    monkeypatch.setattr(_derived, "_memo", {})
    assert _derive(_fingerprint("a"), built) == {"alpha", "beta"}
    assert len(built) == 2


def test_no_cache_when_turned_off_or_unwritable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_derived, "_memo", {})
    monkeypatch.setenv(_derived.CACHE_ENV, "off")
    assert _derived.cache_dir() is None
    built: list[int] = []
    assert _derive(_fingerprint("a"), built) == {"alpha", "beta"}
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(_derived, "_memo", {})
    monkeypatch.setenv(_derived.CACHE_ENV, str(blocker / "cache"))  # under a file
    assert _derive(_fingerprint("a"), built) == {"alpha", "beta"}
    assert len(built) == 2


def test_every_cache_key_is_the_same_in_a_process_with_another_hash_seed(tmp_path: Path) -> None:
    # A pattern built from a set in the set's own order was another text under each hash
    # seed, so each run missed the cache and worked out the patterns' facts again: keys
    # must not depend on the seed. (Invented text touching every recognizer.)
    script = (
        "import phimin; r = phimin.Redactor(); "
        "r.redact('Seen 3/4 by Dr. Wren at 12 Main St, Dayton. MRN 4471-22; "
        "so sky texted me from la colonia roma')"
    )
    names = []
    for seed in ("1", "2"):
        folder = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed, _derived.CACHE_ENV: str(folder)}
        subprocess.run([sys.executable, "-c", script], env=env, check=True, capture_output=True)
        names.append(sorted(path.name for path in folder.iterdir()))
    assert any(name.startswith("pattern-facts-PlaceRecognizer-") for name in names[0])
    assert names[0] == names[1]


def test_only_the_newest_files_of_a_kind_are_kept(cache: Path) -> None:
    built: list[int] = []
    for i in range(7):
        _derive(_fingerprint(str(i)), built)
        newest = max(cache.iterdir(), key=lambda p: p.stat().st_mtime)
        os.utime(newest, (1_000_000 + i, 1_000_000 + i))
    assert len(list(cache.iterdir())) == 4


def test_a_changed_input_file_is_a_new_key(tmp_path: Path) -> None:
    data = tmp_path / "words.txt"
    data.write_text("alpha\n", encoding="utf-8")
    first = _derived.Fingerprint("k").file(data).hexdigest()
    data.write_text("alphb\n", encoding="utf-8")
    assert _derived.Fingerprint("k").file(data).hexdigest() != first
    # parts are length-prefixed: moving a boundary changes the key
    assert _fingerprint("ab", "c").hexdigest() != _fingerprint("a", "bc").hexdigest()


def test_an_installed_file_is_keyed_by_size_and_time_not_read(tmp_path: Path) -> None:
    data = tmp_path / "cities.json"
    data.write_text("alpha\n", encoding="utf-8")
    os.utime(data, ns=(1_000_000_000, 1_000_000_000))
    first = _derived.Fingerprint("k").installed(data).hexdigest()
    data.write_text("alphb\n", encoding="utf-8")  # the same size: the time tells
    os.utime(data, ns=(1_000_000_000, 1_000_000_000))
    assert _derived.Fingerprint("k").installed(data).hexdigest() == first
    os.utime(data, ns=(2_000_000_000, 2_000_000_000))
    assert _derived.Fingerprint("k").installed(data).hexdigest() != first
    data.write_text("alphabet\n", encoding="utf-8")
    os.utime(data, ns=(1_000_000_000, 1_000_000_000))
    assert _derived.Fingerprint("k").installed(data).hexdigest() != first
    moved = tmp_path / "elsewhere" / "cities.json"  # the same file in another install
    moved.parent.mkdir()
    moved.write_text("alpha\n", encoding="utf-8")
    os.utime(moved, ns=(1_000_000_000, 1_000_000_000))
    assert _derived.Fingerprint("k").installed(moved).hexdigest() != first
    data.unlink()
    with pytest.raises(FileNotFoundError):  # a missing file: the caller builds the value instead
        _derived.Fingerprint("k").installed(data)


def test_a_failed_write_leaves_no_file_and_the_value_is_built(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(_derived.os, "replace", refuse)  # fails after the temporary file
    built: list[int] = []
    assert _derive(_fingerprint("a"), built) == {"alpha", "beta"}
    assert list(cache.iterdir()) == [], "no half-written or temporary file is left"


def test_a_read_only_folder_is_read_and_never_written(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[int] = []
    _derive(_fingerprint("a"), built)
    before = sorted(cache.iterdir())

    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Read-only file system")  # what mkstemp raises there

    monkeypatch.setattr(_derived.tempfile, "mkstemp", read_only)
    monkeypatch.setattr(_derived, "_memo", {})
    assert _derive(_fingerprint("a"), built) == {"alpha", "beta"}
    assert len(built) == 1, "a value already there is read"
    assert _derive(_fingerprint("c"), built) == {"alpha", "beta"}
    assert len(built) == 2, "a new one is built in memory"
    assert sorted(cache.iterdir()) == before


def test_library_versions_and_code_are_part_of_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    first = _derived.Fingerprint("k").versions("regex").hexdigest()
    assert _derived.Fingerprint("k").versions("regex").hexdigest() == first
    monkeypatch.setattr(_derived.metadata, "version", lambda name: "0.0.0-other")
    assert _derived.Fingerprint("k").versions("regex").hexdigest() != first
    assert (
        _derived.Fingerprint("k").code(lexicon).hexdigest()
        != _derived.Fingerprint("k").code(geography).hexdigest()
    )


# --- rule packs: checked at load, compiled on first use ------------------------------------



def test_a_broken_regex_is_reported_at_load_every_time(cache: Path, tmp_path: Path) -> None:
    pack = tmp_path / "tst.yaml"
    pack.write_text(QUOKKA_PACK, encoding="utf-8")
    good = load_rule_packs([pack])
    assert good.words  # the words the gate needs came with the set
    pack.write_text(QUOKKA_PACK.replace("(?:sighting", "((?:sighting"), encoding="utf-8")
    for _ in range(2):  # never remembered as valid, in this process or the next
        with pytest.raises(phimin.RulePackError, match=r"TST-001: invalid regex"):
            load_rule_packs([pack])
        _derived._memo.clear()
    pack.write_text(
        QUOKKA_PACK.replace("\\bquokka (?:sighting|census)\\b", "(?:quokka)?"), encoding="utf-8"
    )
    with pytest.raises(phimin.RulePackError, match="matches the empty string"):
        load_rule_packs([pack])


def test_rule_checks_read_back_equal_the_ones_worked_out(cache: Path) -> None:
    built = load_rule_packs()
    _derived._memo.clear()
    compile_rule_regex.cache_clear()
    read = load_rule_packs()
    assert read == built and dict(read.words) == dict(built.words)
    assert compile_rule_regex.cache_info().currsize == 0, "a warm load compiles nothing"
    assert sum(w is None for w in read.words.values()) < len(read.words) / 4


def test_a_pack_regex_compiles_only_when_a_text_holds_its_words(cache: Path) -> None:
    rules = load_rule_packs()
    recognizer = SensitiveRecognizer(rules)
    assert all(c is None for c in recognizer._compiled), "nothing compiled when built"
    found = recognizer.find("He was arrested last winter and got a DUI.", None)
    compiled = sum(c is not None for c in recognizer._compiled)
    assert 0 < compiled < len(recognizer._compiled) / 4
    assert {d.entity for d in found} == {"CRIMINAL_LEGAL"}
    ungated = SensitiveRecognizer(rules, gated=False)
    text = "He was arrested last winter and got a DUI."
    assert ungated.find(text, None) == recognizer.find(text, None)


def test_a_rule_set_built_by_hand_is_checked_when_the_recognizer_is_built() -> None:
    (pack,) = load_rule_packs([ROOT / "rules" / "criminal_legal.yaml"]).packs
    broken = dataclasses.replace(pack.rules[0], regexes=("(unclosed",))
    hand_made = RuleSet((dataclasses.replace(pack, rules=(broken,)),))
    with pytest.raises(phimin.RulePackError, match="invalid regex"):
        SensitiveRecognizer(hand_made)


def test_regex_words_agree_with_the_gate_and_with_regex() -> None:
    broken, words = regex_words([r"\bsober\b", r"(?:a|b", r"x*"])
    assert words == {r"\bsober\b": frozenset({"sober"})}
    assert set(broken) == {r"(?:a|b", r"x*"}
    with pytest.raises(regex.error):
        regex.compile(r"(?:a|b")


# Invented words, in no word list phimin ships: if one is in the cache, text got there.
_PLANTED = ("zorvath", "quillbrandt", "xandrell", "brimbleton")
_OWN_PACK = QUOKKA_PACK.replace("quokka (?:sighting|census)", "brimbleton clinic").replace(
    '{text: "A quokka sighting.", expect: "A [test matter]."}',
    '{text: "At the Brimbleton Clinic.", expect: "At the [test matter]."}',
)
_REDACT_WITH_OWN_PACK = """
import sys
import phimin
from phimin._rulepacks import default_rules_dir
redactor = phimin.Redactor(rules=[default_rules_dir(), sys.argv[1]])
print(redactor.redact(sys.stdin.read()).text)
"""


# The recognizers whose patterns' facts are kept (`phimin._detect.pattern_facts`), and
# the clinical guard's (`phimin._detect.clinical`).
_PATTERN_SETS = ("IdentifierRecognizer", "DateAgeRecognizer", "PlaceRecognizer", "guards")


def test_the_cache_never_holds_text_nor_a_users_own_pack(tmp_path: Path) -> None:
    """A fresh process redacts invented PHI with a pack of its own: the cache folder it
    fills holds phimin's word lists and packs, and nothing of the text or of that pack."""
    pack = tmp_path / "own.yaml"
    pack.write_text(_OWN_PACK, encoding="utf-8")
    cache = tmp_path / "cache"
    text = "Zorvath Quillbrandt saw Dr. Xandrell Okafor at the Brimbleton Clinic in Towson."
    run = subprocess.run(
        [sys.executable, "-c", _REDACT_WITH_OWN_PACK, str(pack)],
        input=text,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, _derived.CACHE_ENV: str(cache)},
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Brimbleton" not in run.stdout and "Zorvath" not in run.stdout
    kinds = {f.name.rsplit("-", 1)[0] for f in cache.iterdir()}
    parsed = {k for k in kinds if k.startswith("yaml-")}
    facts = {f"pattern-facts-{name}" for name in _PATTERN_SETS}
    assert kinds - parsed == {"name-lexicon", "place-lexicon", "rule-regexes", "line-facts", *facts}
    packs = {f"yaml-pack-{f.name}" for f in default_rules_dir().glob("*.yaml")}
    records = {f"yaml-record-{f.name}" for f in _RECORDS.glob("*.yaml")}
    shipped = packs | records | {"yaml-name_words.yaml"}
    assert parsed == shipped, "only the packs, records and word lists phimin ships"
    for file in cache.iterdir():
        blob = file.read_bytes().lower()
        for word in _PLANTED:
            assert word.encode() not in blob, f"{word} found in {file.name}"
    assert b"arrested" in (next(cache.glob("rule-regexes-*")).read_bytes()), "packs we ship"


def test_line_facts_are_kept_for_phimins_own_patterns_only(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kept_facts, "_state", {"read": True, "new": False})
    monkeypatch.setattr(kept_facts, "_counts", {"read": 0})
    monkeypatch.setattr(lines.single_line, "values", {})
    own = lines._ANY_PROPERTY.pattern  # a module constant of phimin's
    built_from_text = r"(?i)(?<![\w])zorvath[ ]+quillbrandt(?![\w])"  # a name found in a text
    answer = lines.single_line(own)
    assert lines.single_line(built_from_text) is True
    kept_facts.keep_new_facts()
    (file,) = cache.glob("line-facts-*")
    assert b"zorvath" not in file.read_bytes()
    assert _derived.read_kept(kept_facts._fingerprint())["single_line"] == {(own,): answer}


def test_line_facts_read_back_equal_the_ones_worked_out(tmp_path: Path) -> None:
    """A fresh process redacts and keeps what it worked out; each kept answer is what
    the function gives now, and the next process reads them instead of parsing."""
    folder = tmp_path / "cache"
    env = {**os.environ, _derived.CACHE_ENV: str(folder)}
    script = "import phimin; phimin.Redactor().redact(" + repr(TEXTS[2] + " " + TEXTS[0]) + ")"
    subprocess.run([sys.executable, "-c", script], env=env, check=True, capture_output=True)
    (file,) = folder.glob("line-facts-*")
    written = _derived._read(file)
    assert sum(len(entries) for entries in written.values()) > 100
    for name, entries in written.items():
        function = getattr(lines, name).function  # the function itself, not its memo
        for args, value in entries.items():
            assert function(*args) == value, (name, args[0][:60])
    before = file.stat().st_mtime_ns
    subprocess.run([sys.executable, "-c", script], env=env, check=True, capture_output=True)
    assert file.stat().st_mtime_ns == before, "nothing new to keep: not written again"


def test_shipped_yaml_read_back_equals_the_file_parsed(cache: Path) -> None:
    for file in [*default_rules_dir().glob("*.yaml"), *_RECORDS.glob("*.yaml")]:
        text = file.read_text(encoding="utf-8")
        built = shipped_yaml(text, f"test-{file.name}")
        _derived._memo.clear()
        read = shipped_yaml(text, f"test-{file.name}")
        assert read is not built and read == built == yaml_load(text)
    assert len(list(cache.glob("yaml-test-*"))) >= 9


def test_a_users_own_pack_is_checked_in_memory(cache: Path, tmp_path: Path) -> None:
    pack = tmp_path / "own.yaml"
    pack.write_text(_OWN_PACK, encoding="utf-8")
    own = load_rule_packs([pack])
    assert own.words == {r"\bbrimbleton clinic\b": frozenset({"brimbleton clinic"})}
    assert not cache.exists() or list(cache.iterdir()) == []
    both = load_rule_packs([default_rules_dir(), pack])
    assert r"\bbrimbleton clinic\b" in both.words
    assert load_rule_packs().words == {k: v for k, v in both.words.items() if "brimbleton" not in k}


def test_a_built_in_pattern_compiles_only_when_a_line_holds_its_trigger() -> None:
    from phimin._detect.dates import DATE_SPECS
    from phimin._detect.identifiers import IDENTIFIER_SPECS
    from phimin._detect.patterns import PatternRecognizerSet

    specs = [*IDENTIFIER_SPECS, *DATE_SPECS]
    lazy = PatternRecognizerSet(specs)
    assert all(c.lazy_pattern._compiled is None for c in lazy._specs)
    text = "No digits on this line.\nSeen on March 3, 2024; call 410-555-0188."
    found = sorted(lazy.find(text, None), key=lambda d: (d.start, d.end, d.rule_id))
    compiled = sum(c.lazy_pattern._compiled is not None for c in lazy._specs)
    assert 0 < compiled < len(specs)
    assert {d.entity for d in found} == {"DATE", "PHONE_NUMBER"}
    eager = PatternRecognizerSet(specs)
    for c in eager._specs:
        assert c.pattern.pattern == c.spec.pattern and c.lazy_pattern._compiled is not None
    assert sorted(eager.find(text, None), key=lambda d: (d.start, d.end, d.rule_id)) == found


# --- word lists: read back equal to the ones built ------------------------------------------


def test_the_name_lexicon_read_back_equals_the_one_built(cache: Path) -> None:
    nlp = load_model()
    built = lexicon.load_lexicon(nlp)
    _derived._memo.clear()
    read = lexicon.load_lexicon(nlp)
    assert read is not built and read == built == lexicon._build(lexicon._dictionary_words(nlp))
    assert read.is_clear_name("marchetti") and not read.is_clear_name("hope")
    assert len(list(cache.glob("name-lexicon-*.bin"))) == 1


def test_the_place_lexicon_read_back_equals_the_one_built(cache: Path) -> None:
    geography.load_places.cache_clear()
    try:
        built = geography.load_places()
        _derived._memo.clear()
        geography.load_places.cache_clear()
        read = geography.load_places()
        assert read is not built and read == built == geography._build_places()
        assert read.state_of("towson") == "Maryland"
    finally:
        geography.load_places.cache_clear()


# --- places: looked up one by one in a short text, the automaton in a long one -------------


@functools.cache
def _places() -> tuple[geography.PlaceLexicon, list[str]]:
    places = geography.load_places()
    names = sorted(geography._gazetteer(places.cities, places.towns))
    picked = [n for n in names if " " in n or "-" in n or "." in n or "'" in n][::97]
    return places, picked + names[::997] + ["towson", "boston", "york", "new york", "hampton"]


_PIECES = st.sampled_from(
    [" ", ", ", "-", "--", "'", ".", "\n", " in ", "moved to ", "x", "ab", "1", "İ", "ß", "É"]
)


def _hits(lowered: str, length: int, automaton: bool) -> list[tuple[int, int, str, bool]]:
    places = geography.load_places()
    names = geography._SetLookup(places.cities, places.towns)
    found = (
        geography._automaton(places.cities, places.towns).iter(lowered)
        if automaton
        else geography._looked_up(lowered, length, names, names.longest())
    )
    return list(geography._bounded_hits(lowered, length, found))


def test_the_set_lookup_answers_as_the_gazetteer_dict() -> None:
    places, sample = _places()
    names = geography._gazetteer(places.cities, places.towns)
    lookup = geography._SetLookup(places.cities, places.towns)
    assert lookup.longest() == max(map(len, names))
    both_kinds = [n for n in places.towns if n in places.cities][:50]
    for name in [*sample, *both_kinds, "ab", "abc", "not a place at all", ""]:
        assert lookup.get(name) == names.get(name)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_looking_places_up_finds_what_the_automaton_finds(data: st.DataObject) -> None:
    _, names = _places()
    name = st.sampled_from(names).map(
        lambda n: data.draw(st.sampled_from([n, n.title(), n.upper()]))
    )
    text = "".join(data.draw(st.lists(st.one_of(name, _PIECES), max_size=14)))
    lowered = text.lower()
    assert _hits(lowered, len(text), False) == _hits(lowered, len(text), True)


def test_the_city_recognizer_finds_the_same_before_and_after_its_automaton(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "She moved to Towson, Maryland in May. In BOSTON he met a friend from hampton, "
        "and the Brooklyn-based team drove to new york; later Saint-Denis and São Paulo.\n"
    )
    lexicon_ = lexicon.load_lexicon(load_model())
    looked_up = geography.CityRecognizer(geography.load_places(), lexicon_)
    first = [list(looked_up.find(text, None)) for _ in range(3)]
    assert looked_up._automaton is None and first[0], "a short text: no automaton"
    monkeypatch.setattr(geography, "_AUTOMATON_AFTER", 0)
    at_once = geography.CityRecognizer(geography.load_places(), lexicon_)
    assert list(at_once.find(text, None)) == first[0] == first[2]
    assert at_once._automaton is not None


# --- Presidio: only the recognizers asked for are imported ---------------------------------

_REGISTRY = """
import sys
if sys.argv[1] == "phimin":
    import phimin._redactor  # imports Presidio, and the three recognizers phimin reads
    zoo = sorted(m for m in sys.modules if m.startswith("presidio_analyzer.predefined"))
    print(" ".join(zoo))
else:
    print("-")
from presidio_analyzer import RecognizerRegistry
from presidio_analyzer.predefined_recognizers import NLP_RECOGNIZERS, UsSsnRecognizer
registry = RecognizerRegistry()
registry.load_predefined_recognizers(languages=["en", "es"])
print(sorted((r.name, r.supported_language) for r in registry.recognizers))
print(sorted(NLP_RECOGNIZERS), UsSsnRecognizer.__module__)
"""


def _registry(mode: str) -> list[str]:
    run = subprocess.run(
        [sys.executable, "-c", _REGISTRY, mode], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout.splitlines()


def test_phimin_imports_three_of_presidios_recognizers_and_its_registry_stays_whole() -> None:
    deferred, *rest = _registry("phimin")
    zoo = deferred.split()
    assert "presidio_analyzer.predefined_recognizers.generic.email_recognizer" in zoo
    assert not any("url_recognizer" in m or "country_specific" in m for m in zoo)
    assert len(zoo) < 12
    assert rest == _registry("plain")[1:], "a default registry is the same as without phimin"


# --- the benchmark --------------------------------------------------------------------------


@pytest.mark.slow
def test_the_startup_benchmark_runs_in_its_tiny_mode(tmp_path: Path) -> None:
    out = tmp_path / "startup.md"
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "startup.py"),
            "--tiny",
            "--baseline",
            str(ROOT),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    rows = ("| floor |", "| floor without Presidio's spaCy factory |", "| import phimin |")
    for row in (*rows, "| redact --check |", "| redact < stdin |"):
        assert row in text
    assert "Against the model's own floor" in text
    assert "| redact --check, baseline checkout |" in text
    assert "Against the baseline checkout" in text
    assert "`redact --check` / floor, the median of each round's own ratio: **" in text
    assert "Load average:" in text
