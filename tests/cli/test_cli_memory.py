"""Memory that does not grow with the findings, and windows cut inside a long line.

`redact` on a 50 MB line dense with PHI grew with its output (760 MB): the filter kept
every finding of a document until its end. The peak RSS itself is measured by
`python benchmarks/throughput.py --cli-dense`; these tests check the structure that
bounds it: no finding is kept once its window is written (text), or it is kept on
disk (json, --report), and a line longer than a window is still cut. Identifiers
are synthetic, written for these tests.
"""

from __future__ import annotations

import io
import itertools
import json
import tracemalloc
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import phimin
from phimin._document import RedactedPiece
from phimin.cli.exit_codes import ExitCode
from phimin.cli.main import main
from phimin.cli.positions import Located
from phimin.cli.report import AuditReport
from phimin.cli.settings import RedactorSpec
from phimin.cli.spool import MEMORY_BYTES, FindingSpool
from phimin.cli.streams import Streams

BLOCK = "x" * 999 + "\n"  # what the fake redactor reads; its findings are made up
EVERY = 20  # the fake reports a finding every EVERY characters


def _finding(start: int) -> phimin.Finding:
    return phimin.Finding(
        start,
        start + 1,
        "PHONE_NUMBER",
        phimin.Category.IDENTIFIER,
        0.9,
        "phimin.phone.nanp",
        phimin.Action.REPLACE,
    )


class _ManyFindings:
    """A stand-in Redactor: passes text through and reports a finding every EVERY chars."""

    made = 0  # findings reported by the last instance

    def redact_stream(self, pieces: Iterable[str], **kwargs: Any) -> Iterator[RedactedPiece]:
        offset = 0
        for piece in pieces:
            findings = tuple(_finding(offset + i) for i in range(0, len(piece), EVERY))
            _ManyFindings.made += len(findings)
            yield RedactedPiece(piece, findings, offset, offset + len(piece))
            offset += len(piece)

    def close(self) -> None:
        return None


def _peak_growth(argv: list[str], pieces: int, tmp_path: Path) -> tuple[int, int, bytes]:
    """(exit code, peak traced bytes above the start, stdout) of one run over `pieces` blocks."""
    stdin = io.BytesIO((BLOCK * pieces).encode())
    out, err = io.BytesIO(), io.StringIO()

    def factory(spec: RedactorSpec) -> Any:
        _ManyFindings.made = 0
        return _ManyFindings()

    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    code = main(argv, streams=Streams(stdin, out, err), redactor_factory=factory, cwd=tmp_path)
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    assert code == ExitCode.OK, err.getvalue()
    return code, peak, out.getvalue()


@pytest.mark.parametrize(
    "argv",
    # json goes to a file: a BytesIO stdout would itself hold the findings' JSON.
    [["-q"], ["-q", "--format", "json", "-o", "out.json"], ["-q", "--report", "report.json"]],
    ids=["text", "json", "report"],
)
def test_findings_are_not_kept_in_memory_once_written(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """50,000 findings: kept, they would take over 10 MB; the run stays within a few.

    The small and the large run read the same 64 KiB blocks, so one piece's findings
    weigh the same in both: only what is kept across pieces can tell them apart.
    """
    monkeypatch.chdir(tmp_path)
    _peak_growth(argv, 1, tmp_path)  # imports and caches a first run makes, not measured
    small = _peak_growth(argv, 140, tmp_path)[1]  # 7,000 findings, 3 pieces
    _, large, _ = _peak_growth(argv, 1000, tmp_path)  # 50,000 findings, 16 pieces
    assert large < small + 4 * 2**20, f"memory grew with the findings: {small:,} -> {large:,}"
    total = _ManyFindings.made
    assert total >= 50_000
    if "json" in argv:
        data = json.loads((tmp_path / "out.json").read_text())
        assert len(data["findings"]) == data["summary"]["total"] == total
        assert data["findings"][-1]["line"] == 1000
    if "--report" in argv:
        report = json.loads((tmp_path / "report.json").read_text())
        assert report["summary"]["total"] == total
        assert len(report["documents"][0]["findings"]) == total


def _located(n: int, start: int = 0) -> list[Located]:
    return [Located(_finding(start + i), 1 + i // 80, 1 + i % 80) for i in range(n)]


def test_the_report_is_written_as_json_dumps_would_write_it(tmp_path: Path) -> None:
    """Spooled or not (past MEMORY_BYTES the spool is a file), the same bytes."""
    report = AuditReport(mode="text", policy="safe-harbor", model=None)
    report.add("<stdin>", [])
    report.begin("séance notes.txt")
    many = _located(12_000)  # ~3 MB of JSON: the spool goes to disk
    for i in range(0, len(many), 1000):
        report.findings(many[i : i + 1000])
    report.end()
    report.add("b.txt", _located(2), record=7, outcomes=["reported", "kept-by-policy"])
    report.write(tmp_path / "r.json")
    text = (tmp_path / "r.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    assert [d["source"] for d in data["documents"]] == ["<stdin>", "séance notes.txt", "b.txt"]
    assert data["summary"]["total"] == 12_002 and data["summary"]["documents"] == 3
    assert data["documents"][2]["findings"][1]["check"] == "kept-by-policy"
    assert data["documents"][2]["record_line"] == 7


def test_a_spool_goes_to_disk_past_its_memory_budget() -> None:
    spool = FindingSpool()
    items = [(loc.finding, loc.to_dict()) for loc in _located(20_000)]
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    spool.add(items)
    held = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    assert held < MEMORY_BYTES + 2**20  # ~5 MB of JSON, not in memory
    text = "".join(spool.chunks())
    assert json.loads(text) == [item for _, item in items]
    assert spool.counts.summary().total == 20_000
    spool.close()


# --- windows on a single long line --------------------------------------------------------


def test_a_line_longer_than_a_window_is_cut_inside_after_a_space(
    redactor: phimin.Redactor,
) -> None:
    line = "".join(
        f"Dr. Imogen Delacroix saw the client on 3/{i % 28 + 1}/2024 and called "
        f"410-555-{2000 + i:04d} about SSN 523-61-{1000 + i:04d}; "
        for i in range(600)
    )
    assert "\n" not in line and len(line) > 50_000
    blocks = [line[i : i + 4000] for i in range(0, len(line), 4000)]
    pieces = list(redactor.redact_stream(blocks, window_chars=6000))
    assert len(pieces) > 5, "the one line was cut into several windows"
    for before, after in itertools.pairwise(pieces):
        assert before.input_end == after.input_start
        assert line[before.input_end - 1] == " ", "a cut falls after a space, not in a word"
    streamed = "".join(p.text for p in pieces)
    assert streamed == redactor.redact(line).text, "nothing near a cut judged without context"
    for secret in ("Delacroix", "410-555", "523-61", "/2024"):
        assert secret not in streamed
