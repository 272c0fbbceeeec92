"""Loaders for the public evaluation corpora in ../shared/data (see its README).

The corpora live beside the project, never inside it. Every loader takes the data
root, reads only what it needs, and raises `Skip` with a plain message when the
files are absent, so a benchmark (or a test) can report "skipped" instead of failing.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ACI_FOLDERS",
    "BARS",
    "DEFAULT_DATA",
    "RECORD_END",
    "RECORD_START",
    "REPO_ROOT",
    "Dialogue",
    "GoldSpan",
    "LabelledText",
    "Skip",
    "data_root",
    "load_aci_bench",
    "load_annomi_sessions",
    "load_counsel_answers",
    "load_physionet",
    "load_synth",
    "physionet_record",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"

# PhysioNet notes: a header line `<RECORD_START>=<patient><BARS><record><BARS>`, the
# body, then `<BARS><RECORD_END>` (the shared README documents it). One definition here,
# for the loader and for the test that writes a tiny invented corpus in this layout.
RECORD_START = "START_OF_RECORD"
RECORD_END = "END_OF_RECORD"
BARS = "||||"
_NOTE_HEADER = re.compile(
    rf"{RECORD_START}=(?P<patient>\d+){re.escape(BARS)}(?P<record>\d+){re.escape(BARS)}\n"
)
_NOTE_END = BARS + RECORD_END


def physionet_record(patient: int | str, record: int | str, body: str) -> str:
    """One note in the corpus's layout (what `load_physionet` reads back)."""
    return f"{RECORD_START}={patient}{BARS}{record}{BARS}\n{body}{_NOTE_END}\n"


class Skip(Exception):
    """A corpus is not available: the benchmark part is skipped, not failed."""


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int  # exclusive
    label: str


@dataclass(frozen=True, slots=True)
class LabelledText:
    text: str
    spans: tuple[GoldSpan, ...]


def data_root(path: str | Path | None = None) -> Path:
    """The data directory: `path`, or ../shared/data from the repository root."""
    return Path(path) if path is not None else DEFAULT_DATA


def _need(root: Path, relative: str) -> Path:
    path = root / relative
    if not path.is_file():
        raise Skip(f"{relative} not found under {root} (pass --data PATH to point at the corpora)")
    return path


def load_physionet(root: Path, limit: int | None = None) -> list[LabelledText]:
    """PhysioNet deid gold standard: the notes (latin-1) with the PHI spans of each."""
    text_path = _need(root, "physionet_deid/id.text")
    phrase_path = _need(root, "physionet_deid/id-phi.phrase")
    bodies: dict[tuple[str, str], str] = {}
    for block in text_path.read_text(encoding="latin-1").split(_NOTE_END):
        header = _NOTE_HEADER.search(block)
        if header is not None:
            bodies[(header["patient"], header["record"])] = block[header.end() :]
    spans: dict[tuple[str, str], list[GoldSpan]] = defaultdict(list)
    for line in phrase_path.read_text(encoding="latin-1").splitlines():
        fields = line.split(maxsplit=5)  # patient, record, start, end, type, the phrase
        if len(fields) >= 5:
            spans[(fields[0], fields[1])].append(
                GoldSpan(int(fields[2]), int(fields[3]), fields[4])
            )
    notes = [
        LabelledText(body, tuple(sorted(spans[key], key=_span_key))) for key, body in bodies.items()
    ]
    return notes[:limit] if limit else notes


def load_synth(root: Path, limit: int | None = None) -> list[LabelledText]:
    """presidio-research synth_dataset_v2.json: sentences and typed spans."""
    path = _need(root, "presidio_research/synth_dataset_v2.json")
    records = json.loads(path.read_text(encoding="utf-8"))
    out = [
        LabelledText(
            r["full_text"],
            tuple(
                sorted(
                    (
                        GoldSpan(s["start_position"], s["end_position"], s["entity_type"])
                        for s in r["spans"]
                    ),
                    key=_span_key,
                )
            ),
        )
        for r in records
    ]
    return out[:limit] if limit else out


def load_annomi_sessions(root: Path, limit: int | None = None) -> list[str]:
    """AnnoMI sessions, each as `THERAPIST: ...` / `CLIENT: ...` lines in utterance order."""
    path = _need(root, "annomi/AnnoMI-simple.csv")
    turns: dict[int, list[tuple[int, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            line = f"{row['interlocutor'].upper()}: {row['utterance_text'].strip()}"
            turns[int(row["transcript_id"])].append((int(row["utterance_id"]), line))
    sessions = ["\n".join(line for _, line in sorted(turns[t])) + "\n" for t in sorted(turns)]
    return sessions[:limit] if limit else sessions


def load_counsel_answers(root: Path, limit: int | None = None) -> list[str]:
    """counsel_chat therapist answers, exact duplicates removed, in file order."""
    path = _need(root, "counsel_chat/20200325_counsel_chat.csv")
    csv.field_size_limit(1 << 30)
    seen: set[str] = set()
    answers = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            answer = (row.get("answerText") or "").strip()
            if answer and answer not in seen:
                seen.add(answer)
                answers.append(answer)
    return answers[:limit] if limit else answers


# ACI-Bench's train and valid splits: the challenge dialogues, and the variants of some
# of them (speech recognition output, corrected, human transcripts).
ACI_FOLDERS = (
    "challenge_data/train",
    "challenge_data/valid",
    "src_experiment_data/train_aci_asrcorr",
    "src_experiment_data/train_virtscribe_asr",
    "src_experiment_data/valid_aci_asr",
    "src_experiment_data/valid_aci_asrcorr",
    "src_experiment_data/valid_virtscribe_asr",
    "src_experiment_data/valid_virtscribe_humantrans",
)
_TITLE = re.compile(r"(?i)^(?:dr|doctor|mr|mrs|ms)\.?\s+")


@dataclass(frozen=True, slots=True)
class Dialogue:
    """One ACI-Bench visit: its dialogue and the names its metadata gives."""

    folder: str  # one of ACI_FOLDERS
    dataset: str  # aci, virtassist or virtscribe
    ident: str
    text: str
    names: tuple[str, ...]  # patient first and family name, doctor name, word by word


def load_aci_bench(
    root: Path, folders: tuple[str, ...] = ACI_FOLDERS, limit: int | None = None
) -> list[Dialogue]:
    """ACI-Bench dialogues with the patient's and doctor's names from the metadata.

    The metadata's names are silver labels: every whole-word, any-case mention of one
    in the dialogue is a name mention. A doctor's title ("Dr.") is not part of the name.
    """
    csv.field_size_limit(1 << 30)
    dialogues = []
    for folder in folders:
        text_path = _need(root, f"aci_bench/{folder}.csv")
        meta_path = _need(root, f"aci_bench/{folder}_metadata.csv")
        with meta_path.open(encoding="utf-8", newline="") as handle:
            meta = {(row.get("encounter_id") or row["id"]): row for row in csv.DictReader(handle)}
        with text_path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                ident = row.get("encounter_id") or row["id"]
                info = meta.get(ident, {})
                raw = [
                    info.get("patient_firstname") or "",
                    info.get("patient_familyname") or "",
                    _TITLE.sub("", info.get("doctor_name") or ""),
                ]
                names = tuple(w for name in raw for w in name.split() if len(w) > 1)
                dialogues.append(Dialogue(folder, row["dataset"], ident, row["dialogue"], names))
    return dialogues[:limit] if limit else dialogues


def _span_key(span: GoldSpan) -> tuple[int, int]:
    return (span.start, span.end)
