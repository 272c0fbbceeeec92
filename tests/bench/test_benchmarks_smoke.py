"""Smoke test of the benchmarks: their core functions on a tiny synthetic corpus.

Everything here is invented for the test (names, numbers, notes). The real corpora are
never read: the loaders are pointed at a temporary directory laid out like
../shared/data, and at a missing one to check that they skip cleanly. Speed is not
asserted (the machine is noisy); only that real numbers come out.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import accuracy, corpora, keeplist, scoring, throughput  # noqa: E402
from benchmarks.engines import PhiminTool, PresidioTool, machine_info  # noqa: E402

NOTES = [
    # (body, [(phrase, label)]) -- every phrase occurs once in its body
    (
        "Pt seen by Dr. Okafor on 3/14. Daughter Elena Brennan called from 617-382-1947.\n"
        "BP 128/82, HR 76. Plan: continue sertraline 100 mg daily.\n",
        [
            ("Okafor", "HCPName"),
            ("3/14", "Date"),
            ("Elena Brennan", "RelativeProxyName"),
            ("617-382-1947", "Phone"),
        ],
    ),
    (
        "Transferred from Galloway Memorial on 11/02. Wife Rosa at bedside. Slept through the night.\n",
        [("Galloway", "Location"), ("11/02", "Date"), ("Rosa", "RelativeProxyName")],
    ),
]
SYNTH = [
    (
        "My name is Samuel Iverson and my email is samuel.iverson@example.org.",
        [("Samuel Iverson", "PERSON"), ("samuel.iverson@example.org", "EMAIL_ADDRESS")],
    ),
    (
        "Call 212-847-3920 or write to 44 Holloway Street, Denver.",
        [
            ("212-847-3920", "PHONE_NUMBER"),
            ("44 Holloway Street", "STREET_ADDRESS"),
            ("Denver", "GPE"),
        ],
    ),
    ("The weather was fine all week.", []),
]
SESSION_LINES = [
    "Welcome back. What stood out for you this week?",
    "Honestly it was hard, I kept waking up at night and worrying about work.",
    "That sounds exhausting. What helped, even a little?",
    "Walking after dinner helped, and talking to my sister on the phone.",
    "So moving and connecting with people made a difference.",
    "Yes, I would like to keep that up three evenings a week.",
]
PLANTED_VALUES = ["617-382-1947", "Elena Brennan", "samuel.iverson@example.org", "212-847-3920"]


ACI_DIALOGUE = (
    "[doctor] hi ysolde , i'm doctor quillfeather . how are you ?\n"
    "[patient] okay . my knee still hurts .\n"
    "[doctor] so ysolde brannagh is a 44-year-old female here for knee pain ."
)


def _write_corpus(root: Path) -> None:
    phys = root / "physionet_deid"
    phys.mkdir(parents=True)
    records, phrases = [], []
    for i, (body, spans) in enumerate(NOTES, start=1):
        records.append(corpora.physionet_record(1, i, body))
        for phrase, label in spans:
            start = body.index(phrase)
            phrases.append(f"1 {i} {start} {start + len(phrase)} {label} {phrase}\n")
    (phys / "id.text").write_text("\n".join(records), encoding="latin-1")
    (phys / "id-phi.phrase").write_text("".join(phrases), encoding="latin-1")

    synth = root / "presidio_research"
    synth.mkdir()
    records_json = []
    for text, spans in SYNTH:
        records_json.append(
            {
                "full_text": text,
                "spans": [
                    {
                        "entity_type": label,
                        "entity_value": value,
                        "start_position": text.index(value),
                        "end_position": text.index(value) + len(value),
                    }
                    for value, label in spans
                ],
            }
        )
    (synth / "synth_dataset_v2.json").write_text(json.dumps(records_json), encoding="utf-8")

    for folder in corpora.ACI_FOLDERS:  # one invented visit per folder and variant
        path = root / "aci_bench" / f"{folder}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        ident = "id" if folder.startswith("src") else "encounter_id"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["dataset", ident, "dialogue", "note"])
            writer.writerow(["aci", "V1", ACI_DIALOGUE, "note"])
        meta = root / "aci_bench" / f"{folder}_metadata.csv"
        with meta.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            fields = ["dataset", ident, "doctor_name"]
            writer.writerow([*fields, "patient_firstname", "patient_familyname"])
            writer.writerow(["aci", "V1", "Dr. Quillfeather", "Ysolde", "Brannagh"])

    annomi = root / "annomi"
    annomi.mkdir()
    with (annomi / "AnnoMI-simple.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["transcript_id", "utterance_id", "interlocutor", "utterance_text"])
        for transcript in range(3):
            # written out of order: the loader must sort by utterance id
            for utterance in reversed(range(len(SESSION_LINES))):
                who = "therapist" if utterance % 2 == 0 else "client"
                writer.writerow([transcript, utterance, who, SESSION_LINES[utterance]])

    counsel = root / "counsel_chat"
    counsel.mkdir()
    with (counsel / "20200325_counsel_chat.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["topic", "answerText"])  # the loader reads only the answers
        writer.writerow(["sleep", "Try a regular bedtime.\nKeep a sleep diary for 2 weeks."])
        writer.writerow(["sleep", "Try a regular bedtime.\nKeep a sleep diary for 2 weeks."])
        writer.writerow(["anxiety", "Schedule 15 minutes of worry time each day."])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("data")
    _write_corpus(root)
    return root


@pytest.fixture(scope="module")
def presidio() -> PresidioTool:
    return PresidioTool()


def test_loaders_skip_when_data_absent(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dir"
    for loader in (
        corpora.load_physionet,
        corpora.load_synth,
        corpora.load_annomi_sessions,
        corpora.load_counsel_answers,
    ):
        with pytest.raises(corpora.Skip, match="not found"):
            loader(missing)
    # The commands report the skip without loading a model.
    only = "physionet,synth,annomi,counsel"
    assert accuracy.main(["--data", str(missing), "--only", only]) == 3
    assert throughput.main(["--data", str(missing)]) == 3


def test_default_data_path_is_beside_the_repository() -> None:
    assert corpora.data_root(None) == ROOT.parent / "shared" / "data"


def test_loaders_read_the_documented_formats(corpus: Path) -> None:
    notes = corpora.load_physionet(corpus)
    assert len(notes) == 2
    for note, (body, spans) in zip(notes, NOTES, strict=True):
        assert note.text == body
        assert [note.text[s.start : s.end] for s in note.spans] == sorted(
            (p for p, _ in spans), key=body.index
        )
    synth = corpora.load_synth(corpus)
    assert [len(r.spans) for r in synth] == [2, 3, 0]
    sessions = corpora.load_annomi_sessions(corpus)
    assert len(sessions) == 3
    assert sessions[0].splitlines()[0] == f"THERAPIST: {SESSION_LINES[0]}"
    assert sessions[0].splitlines()[1] == f"CLIENT: {SESSION_LINES[1]}"
    assert len(corpora.load_counsel_answers(corpus)) == 2  # exact duplicate dropped
    assert len(corpora.load_physionet(corpus, limit=1)) == 1


def test_accuracy_parts_produce_numbers(
    corpus: Path, redactor: object, presidio: PresidioTool, tmp_path: Path
) -> None:
    tool = PhiminTool(redactor=redactor)
    configs = [
        accuracy.Config("phimin safe-harbor", tool, None),
        accuracy.Config("phimin strict", tool, "strict"),
        accuracy.Config("Presidio", presidio),  # emails: tldextract must stay offline
    ]
    loaded, skipped = accuracy.load_parts(corpus, list(accuracy.DATASETS), None)
    assert not skipped
    sections = accuracy.evaluate(loaded, configs)
    assert next(s.title for s in sections) == "PhysioNet deid gold standard"
    measures = {name: values for s in sections for name, values in s.summary.items()}
    for name in (
        "PhysioNet recall, all PHI",
        "PhysioNet lenient precision",
        "synth recall, all targeted types",
        "synth recall, EMAIL_ADDRESS",
    ):
        for config in configs:
            value = float(measures[name][config.label])
            assert 0.0 <= value <= 1.0, (name, config.label)
    for name in ("ACI-Bench name mentions, recall (all)", "labelled dialogue: keep"):
        for config in configs:
            assert 0.0 <= float(measures[name][config.label]) <= 1.0, (name, config.label)
    assert float(measures["ACI-Bench name mentions, recall (all)"]["phimin safe-harbor"]) == 1.0
    for name in ("AnnoMI share of word chars removed, identifiers", "keep-list survival"):
        for config in configs:
            assert re.fullmatch(r"\d+\.\d\d%", measures[name][config.label])
    # The planted phone number and e-mail are structured: both tools must catch them.
    assert float(measures["synth recall, EMAIL_ADDRESS"]["phimin safe-harbor"]) == 1.0
    assert all(s.seconds[c.label] > 0 for s in sections for c in configs)

    text = accuracy.report(sections, skipped, configs, ["--data", "X"], machine_info())
    assert "## Summary" in text
    assert "cores" in text
    for value in PLANTED_VALUES:  # reports hold figures and short recurring words only
        assert value.lower() not in text.lower()


def test_planting_is_seeded_and_exact() -> None:
    sessions = ["\n".join(f"CLIENT: {line}" for line in SESSION_LINES) + "\n"] * 4
    doc = throughput.plant(sessions, 8000, seed=3, every=500)
    again = throughput.plant(sessions, 8000, seed=3, every=500)
    assert doc == again
    assert len(doc.text) >= 8000
    kinds = {kind for _, _, kind in doc.spans}
    assert kinds == {"phone", "ssn", "name"}
    shapes = {
        "phone": r"\(?\d{3}\)?[ .-]?\d{3}[.-]\d{4}",
        "ssn": r"\d{3}-\d{2}-\d{4}",
        "name": r"[A-Z][a-z]+ [A-Z][a-z]+",
    }
    for start, end, kind in doc.spans:
        assert re.fullmatch(shapes[kind], doc.text[start:end])
    cut = doc.prefix(3000)
    assert len(cut.text) <= 3000
    assert cut.text.endswith("\n")
    assert all(end <= len(cut.text) for _, end, _ in cut.spans)


def test_throughput_core_measures_all_tools(
    redactor: object, presidio: PresidioTool, tmp_path: Path
) -> None:
    sessions = ["\n".join(f"THERAPIST: {line}" for line in SESSION_LINES) + "\n"] * 3
    longest = throughput.plant(sessions, 4000, seed=5, every=600)
    docs = {2000: longest.prefix(2000), 4000: longest}
    bench = throughput.Bench(
        4001, phimin_tool=PhiminTool(redactor=redactor), presidio_tool=presidio
    )
    results = throughput.run_sizes(bench, docs, repeats=1)
    for size, cells in results.items():
        for tool in throughput.TOOLS:
            rate = cells[tool].rate(len(docs[size].text))
            assert rate is not None
            assert rate > 0
            assert cells[tool].peak_rss > 0
        for tool in ("phimin", "Presidio"):
            caught = sum(c for c, _ in cells[tool].recall.values())
            planted = sum(t for _, t in cells[tool].recall.values())
            assert planted == len(docs[size].spans)
            assert 0 <= caught <= planted
    figures = json.loads(throughput.to_json(docs, results))
    assert set(figures["sizes"]) == {str(len(d.text)) for d in docs.values()}
    assert figures["sizes"][str(len(longest.text))]["phimin"]["seconds"][0] > 0
    text = throughput.report(docs, results, [], 1)
    assert "phimin/Presidio" in text
    assert re.search(r"\| 4,\d{3} \| \d+ \| [\d.]+ k \|", text)
    for _, _, kind in longest.spans:
        assert kind in text  # recall is broken down by kind
    pytest.importorskip("matplotlib")
    png = tmp_path / "plot.png"
    throughput.plot(docs, results, png)
    assert png.read_bytes().startswith(b"\x89PNG")


def test_presidio_estimate_extrapolates_from_the_two_largest_sizes() -> None:
    results = {
        50_000: {t: throughput.Cell() for t in throughput.TOOLS},
        200_000: {t: throughput.Cell() for t in throughput.TOOLS},
    }
    results[50_000]["Presidio"].seconds = [5.0, 5.0, 5.0]
    results[200_000]["Presidio"].seconds = [40.0, 40.0, 40.0]  # 8x for 4x: exponent 1.5
    estimate = throughput.presidio_estimate(results, 1_000_000)
    assert estimate == pytest.approx(40.0 * 5**1.5)
    results[200_000]["Presidio"].seconds = [10.0]  # faster than linear: never below linear
    assert throughput.presidio_estimate(results, 1_000_000) == pytest.approx(50.0)


def test_coverage_counts_word_characters_only() -> None:
    text = "Seen by Dr. Okafor, on 3/14/2021."
    start = text.index("Okafor")
    cov = scoring.Coverage(text, [(start, start + 6)])
    assert cov.caught(start, start + 7)  # the comma is not a word character
    assert not cov.caught(start - 4, start + 6)  # "Dr." was left
    assert cov.touched(start - 4, start + 6)
    date = text.index("3/14/2021")
    kept_year = scoring.Coverage(text, [(date, date + 9)], kept=[(date + 5, date + 9)])
    assert not kept_year.caught(date, date + 9)
    assert kept_year.caught(date, date + 4)
    assert kept_year.removed_word_chars() == 3
    assert scoring.shape("dr okafor") == "lower 2w"
    assert scoring.shape("KMH") == "UPPER 1w"
    assert kept_year.caught(date, date + 9, kept_counts=False)  # a date, generalized
    assert scoring.withheld("Okafor") == "rare capitalized word"
    assert scoring.withheld("Elena") == "given name"
    assert scoring.withheld("call 617-382-1947") == "number or address"
    assert scoring.withheld("CLIENT") is None
    assert scoring.withheld("okafor") is None  # lower-case: shown (a likely false positive)
    assert scoring.withheld("quentin") == "given name"  # any case, unless a common word
    assert scoring.withheld("may") is None
    assert scoring.withheld("Smith", "PERSON") == "surname"
    assert scoring.withheld("Like", "PERSON") is None
    assert scoring.withheld("NGT", "PERSON") is None  # a short ALL-CAPS abbreviation
    assert scoring.withheld("ZORBLAXIAN", "PERSON") == "rare capitalized word"


def test_keeplist_markup() -> None:
    items = keeplist.sentences()
    assert len(items) >= 60
    for sentence in items:
        assert "[[" not in sentence.text
        assert "]]" not in sentence.text
        assert sentence.items
        for item in sentence.items:
            assert (
                sentence.text[item.start : item.end].strip() == sentence.text[item.start : item.end]
            )
    parsed = keeplist.parse("lab", "A [[TSH 2.4]] and [[BMI 31]].")
    assert parsed.text == "A TSH 2.4 and BMI 31."
    assert [parsed.text[i.start : i.end] for i in parsed.items] == ["TSH 2.4", "BMI 31"]


def test_synth_targets_follow_safe_harbor() -> None:
    text = "Moved from Germany to Springfield on Friday in 1990; mail 12 Elm St, Texas."

    def kind(value: str, label: str) -> str:
        start = text.index(value)
        return accuracy.synth_type(corpora.GoldSpan(start, start + len(value), label), text)

    assert kind("Germany", "GPE") == "GPE country or state"
    assert kind("Springfield", "GPE") == "GPE"
    assert kind("Friday", "DATE_TIME") == "DATE_TIME weekday only"
    assert kind("1990", "DATE_TIME") == "DATE_TIME year only"
    address = text.index("12 Elm St")
    street_only = [(address, address + len("12 Elm St"))]
    cov = scoring.Coverage(text, street_only, exempt=accuracy.countries_and_states(text))
    assert cov.caught(address, len(text) - 1)  # the state need not go
    assert not scoring.Coverage(text, street_only).caught(address, len(text) - 1)
