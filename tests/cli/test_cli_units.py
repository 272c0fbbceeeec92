"""The CLI's parts that need no model: streams, positions, pragmas, config, baseline, writers."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phimin._errors import InputError
from phimin._findings import Action, Category, Finding
from phimin._policy import load_policy
from phimin.cli.baseline import Baseline, Entry
from phimin.cli.config import find_config, load_config
from phimin.cli.errors import ConfigError
from phimin.cli.exit_codes import ExitCode
from phimin.cli.explain import Explainer
from phimin.cli.main import build_parser, main
from phimin.cli.output import JsonWriter, TextWriter, write_records
from phimin.cli.positions import Located, Locator
from phimin.cli.pragmas import PragmaScanner
from phimin.cli.progress import progress_for
from phimin.cli.report import AuditReport
from phimin.cli.settings import resolve
from phimin.cli.streams import Streams, atomic_output, decode_utf8

SECRET = "Quillon Marbury"  # a synthetic name planted in text: must never reach an artifact


def finding(start: int, end: int, rule: str = "phimin.name.gazetteer") -> Finding:
    return Finding(start, end, "PERSON", Category.IDENTIFIER, 0.85, rule, Action.REPLACE)


def splits(text: str, cuts: list[int]) -> list[str]:
    points = sorted({min(max(c, 0), len(text)) for c in cuts} | {0, len(text)})
    return [text[a:b] for a, b in itertools.pairwise(points)]


# --- streams ----------------------------------------------------------------------------


def test_decode_keeps_a_character_split_across_blocks() -> None:
    data = "é—😀\r\nz".encode()
    blocks = [data[i : i + 1] for i in range(len(data))]
    assert "".join(decode_utf8(blocks, "x")) == "é—😀\r\nz"


@pytest.mark.parametrize(
    ("blocks", "offset"),
    [
        ([b"abc\xffdef"], 3),
        ([b"ab", b"c\xff"], 3),
        ([b"abc\xe2\x82"], 3),  # truncated at the end of input
        ([b"ok\xe2", b"\x28more"], 2),  # a bad continuation byte in the next block
    ],
)
def test_invalid_utf8_names_the_offset_not_the_bytes(blocks: list[bytes], offset: int) -> None:
    with pytest.raises(InputError) as info:
        list(decode_utf8(blocks, "note.txt"))
    message = str(info.value)
    assert f"byte offset {offset}" in message
    assert "note.txt" in message
    assert "0x" not in message
    assert "\\x" not in message
    assert info.value.__cause__ is None
    assert info.value.__suppress_context__


def test_atomic_output_leaves_the_target_alone_on_error(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("before")

    def write_then_fail() -> None:
        with atomic_output(target) as handle:
            handle.write(b"half")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert target.read_text() == "before"
    assert list(tmp_path.iterdir()) == [target]


# --- positions --------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet="ab \n\r€", max_size=200),
    cuts=st.lists(st.integers(0, 200), max_size=6),
    spans=st.lists(st.integers(0, 200), max_size=8),
)
def test_locator_matches_a_whole_text_count(text: str, cuts: list[int], spans: list[int]) -> None:
    starts = sorted({s for s in spans if s < len(text)})
    findings = [finding(s, s + 1) for s in starts]
    seen: list[str] = []
    locator = Locator(lambda f, covered: (seen.append(covered), None)[1])
    emitted = 0
    located: list[Located] = []
    pieces = splits(text, cuts)
    for piece in pieces:
        locator.feed(piece)
        end = emitted + len(piece)
        located += locator.locate([f for f in findings if emitted <= f.start < end], end)
        emitted = end
    assert len(located) == len(findings)
    for loc in located:
        before = text[: loc.finding.start]
        assert loc.line == before.count("\n") + 1
        assert loc.col == len(before) - (before.rfind("\n") + 1) + 1
    assert seen == [text[f.start : f.end] for f in findings]


def test_locator_refuses_findings_behind_the_stream() -> None:
    locator = Locator()
    locator.feed("abc\ndef")
    locator.locate([], 5)
    with pytest.raises(ValueError, match="out of order"):
        locator.locate([finding(1, 2)], 7)


# --- pragmas ----------------------------------------------------------------------------

PRAGMA_TEXT = (
    "plain line\n"
    "Call 555-201-3344 today  <!-- phimin: allow phimin.phone.nanp -->\n" + "x" * 5000 + "\n"
    "  # phimin:allow IMM-001 , phimin.name.gazetteer\n"
    "phimin: allowance is not a pragma\n"
    "tail phimin: allow last.rule"
)


@settings(max_examples=100, deadline=None)
@given(cuts=st.lists(st.integers(0, len(PRAGMA_TEXT)), max_size=12))
def test_pragmas_are_found_whatever_the_block_boundaries(cuts: list[int]) -> None:
    scanner = PragmaScanner()
    for piece in splits(PRAGMA_TEXT, cuts):
        scanner.feed(piece)
    found = {line: [(p.col, p.rule_ids) for p in ps] for line, ps in scanner.finish().items()}
    assert found == {
        2: [(31, ("phimin.phone.nanp",))],
        4: [(5, ("IMM-001", "phimin.name.gazetteer"))],
        6: [(6, ("last.rule",))],
    }


# --- config -----------------------------------------------------------------------------


def test_config_is_found_upward_and_paths_are_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.phimin]\npolicy = "policies/team.toml"\nkeep = ["substance_use"]\n'
        'baseline = "notes/.phimin-baseline.json"\nthreshold = 0.7\nquiet = true\n'
    )
    deep = tmp_path / "notes" / "2024"
    deep.mkdir(parents=True)
    config = load_config(None, deep)
    assert config.path == tmp_path / "pyproject.toml"
    assert config.get("policy") == str(tmp_path / "policies/team.toml")
    assert config.get("keep") == ("substance_use",)
    assert config.get("baseline") == str(tmp_path / "notes/.phimin-baseline.json")
    assert config.get("threshold") == 0.7


def test_dedicated_file_wins_and_foreign_pyprojects_are_skipped(tmp_path: Path) -> None:
    (tmp_path / ".phimin.toml").write_text('policy = "strict"\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text("[tool.other]\nx = 1\n")
    assert find_config(sub) == tmp_path / ".phimin.toml"
    assert load_config(None, sub).get("policy") == "strict"


def test_every_config_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / ".phimin.toml"
    path.write_text('format = "xml"\nthreshold = 2\nkeep = "one"\ncolour = "red"\nworkers = true\n')
    with pytest.raises(ConfigError) as info:
        load_config(None, tmp_path)
    message = str(info.value)
    for part in ("'format'", "'threshold'", "'keep'", "unknown key 'colour'", "'workers'"):
        assert part in message


@pytest.mark.parametrize(
    ("value", "ok"),
    [("1", True), ("64", True), ("0", False), ("65", False), ("2.0", False), ('"2"', False)],
)
def test_config_workers_must_be_a_whole_number_in_range(
    tmp_path: Path, value: str, ok: bool
) -> None:
    (tmp_path / ".phimin.toml").write_text(f"workers = {value}\n")
    if ok:
        assert load_config(None, tmp_path).get("workers") == int(value)
    else:
        with pytest.raises(ConfigError, match="'workers' must be a whole number from 1 to 64"):
            load_config(None, tmp_path)


@pytest.mark.parametrize(
    ("value", "expect"),
    [
        ('["text"]', ("text",)),
        ('["text", "summary", "text"]', ("text", "summary")),
        ("[]", None),
        ('"text"', None),
        ('["text", ""]', None),
        ("[1]", None),
    ],
)
def test_config_jsonl_fields_is_a_list_of_names(
    tmp_path: Path, value: str, expect: tuple[str, ...] | None
) -> None:
    (tmp_path / ".phimin.toml").write_text(f"jsonl_fields = {value}\n")
    if expect is not None:
        assert load_config(None, tmp_path).get("jsonl_fields") == expect
    else:
        with pytest.raises(ConfigError, match="'jsonl_fields' must be a list of field names"):
            load_config(None, tmp_path)


@pytest.mark.parametrize(
    ("argv", "config", "expect"),
    [
        (["--jsonl"], "", None),
        (
            ["--jsonl", "--jsonl-fields", "text, summary", "--jsonl-fields", "text"],
            "",
            ("text", "summary"),
        ),
        (["--jsonl"], 'jsonl_fields = ["note"]\n', ("note",)),
        (["--jsonl", "--jsonl-fields", "text"], 'jsonl_fields = ["note"]\n', ("text",)),
        ([], 'jsonl_fields = ["note"]\n', None),  # not jsonl: the key is not used
        ([], 'format = "jsonl"\njsonl_fields = ["note"]\n', ("note",)),
    ],
)
def test_jsonl_fields_come_from_the_flag_else_the_config(
    tmp_path: Path, argv: list[str], config: str, expect: tuple[str, ...] | None
) -> None:
    (tmp_path / ".phimin.toml").write_text(config)
    args = build_parser().parse_args(argv)
    assert resolve(args, load_config(None, tmp_path)).jsonl_fields == expect


# --- usage errors: no model, exit 2 -------------------------------------------------------


def never_called(spec: object) -> object:
    raise AssertionError("the model must not load for help or usage errors")


def run_main(argv: list[str], stdin: bytes = b"", tty: bool = False) -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()
    streams = Streams(io.BytesIO(stdin), out, err, stderr_is_tty=tty)
    code = main(argv, streams=streams, redactor_factory=never_called)  # type: ignore[arg-type]
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--bogus"], "unrecognized arguments"),
        (["--format", "xml"], "invalid choice"),
        (["--in-place"], "--in-place needs file names"),
        (["--in-place", "-o", "x", "a.txt"], "exclude each other"),
        (["--in-place", "--format", "json", "a.txt"], "not json"),
        (["--check"], "--check needs at least one PATH"),
        (["--check", "-o", "out.txt", "a.txt"], "writes no text"),
        (["--check", "--format", "json", "a.txt"], "--format does not apply"),
        (["--threshold", "0.5"], "--check only"),
        (["--check", "--threshold", "1.5", "a.txt"], "from 0 to 1"),
        (["--baseline", "b.json"], "--check only"),
        (["--jsonl", "--format", "json"], "--jsonl is --format jsonl"),
        (["--update-baseline", "-"], "not stdin"),
        (["--workers", "0"], "--workers: must be a whole number from 1 to 64"),
        (["--workers", "65"], "from 1 to 64"),
        (["--workers", "two"], "from 1 to 64"),
        (["--restore"], "--restore needs --vault FILE"),
        (["--restore", "--vault", "v", "--policy", "strict"], "--policy applies to redaction"),
        (["--restore", "--vault", "v", "--workers", "2"], "--workers applies to redaction"),
        (["--restore", "--vault", "v", "--in-place", "a.txt"], "--in-place applies to redaction"),
        (["--restore", "--vault", "v", "--check", "a.txt"], "--check applies to redaction"),
        (["--sensitive"], "--sensitive applies to --restore only"),
        (["--keep-generalized"], "--keep-generalized applies to --restore only"),
        (
            ["--restore", "--vault", "v", "--keep-generalized", "--sensitive"],
            "contradict each other",
        ),
        (["--restore", "--vault", "v", "--one-session"], "--one-session applies to redaction"),
        (["--vault", "v", "--one-session"], "drop --one-session"),
        (["--check", "--one-session", "a.txt"], "--one-session does not apply"),
        (["--vault", "v", "--strict"], "--strict applies to --restore only"),
        (["--vault", "v", "--check", "a.txt"], "nothing to record in a vault"),
        (["--vault-key-file", "k"], "--vault-key-file goes with --vault FILE"),
        (["--new-vault-key", "a.txt"], "drop FILE"),
        (["--new-vault-key", "--vault", "v"], "drop --vault"),
        (["--new-vault-key", "--jsonl"], "drop --jsonl"),
        (["--jsonl-fields", "text"], "--jsonl-fields applies to --format jsonl only"),
        (["--format", "json", "--jsonl-fields", "text"], "applies to --format jsonl only"),
        (["--check", "--jsonl-fields", "text", "a.txt"], "applies to --format jsonl only"),
        (["--jsonl", "--jsonl-fields", "text,"], "field names separated by commas"),
        (["--jsonl", "--jsonl-fields", " "], "field names separated by commas"),
        (["--restore", "--vault", "v", "--jsonl-fields", "text"], "applies to redaction"),
        (["--new-vault-key", "--jsonl-fields", "text"], "drop --jsonl-fields"),
    ],
)
def test_usage_errors_exit_2_without_loading_the_model(
    argv: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_main(argv)
    assert code == ExitCode.USAGE
    assert out == b""
    assert message in err
    assert err.startswith("usage: redact")


def test_a_bad_config_file_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".phimin.toml").write_text("format = [\n")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_main([])
    assert (code, out) == (ExitCode.USAGE, b"")
    assert "not valid TOML" in err


def test_output_onto_an_input_needs_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("x")
    code, _, err = run_main(["a.txt", "-o", "a.txt"])
    assert code == ExitCode.USAGE
    assert "--in-place" in err


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_main(["--help"])[0] == ExitCode.OK
    text = capsys.readouterr().out
    for flag in (
        "--output",
        "--in-place",
        "--policy",
        "--keep",
        "--model",
        "--format",
        "--report",
        "--explain",
        "--quiet",
        "--check",
        "--threshold",
        "--baseline",
        "--update-baseline",
        "--workers",
        "--vault",
        "--vault-key-file",
        "--restore",
        "--keep-generalized",
        "--one-session",
        "--strict",
        "--new-vault-key",
        "exit codes",
        "reads each input whole",
    ):
        assert flag in text
    assert run_main(["--version"])[0] == ExitCode.OK
    assert "phimin" in capsys.readouterr().out


# --- baseline -----------------------------------------------------------------------------


def test_baseline_round_trip_stores_no_text(tmp_path: Path) -> None:
    path = tmp_path / ".phimin-baseline.json"
    baseline = Baseline.create(path)
    digest = baseline.fingerprint(SECRET)
    assert digest == baseline.fingerprint("  quillon\u00a0MARBURY ")  # normalized
    assert digest != Baseline.create(path).fingerprint(SECRET)  # salted
    baseline.replacing(["notes/a.md"], [Entry("notes/a.md", "r1", "PERSON", digest)]).write()
    raw = path.read_text()
    assert "Quillon" not in raw and "quillon" not in raw.lower()
    loaded = Baseline.load(path)
    assert loaded.knows("notes/a.md", "r1")
    assert loaded.allows("notes/a.md", "r1", loaded.fingerprint(SECRET))
    assert not loaded.allows("notes/b.md", "r1", digest)
    assert json.loads(raw)["schema"] == 1
    assert loaded.key(str(tmp_path / "notes" / "a.md")) == "notes/a.md"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"schema": 99, "entries": []}, "newer"),
        ({"entries": []}, "schema"),
        ({"schema": 1, "hash": {"algorithm": "md5"}, "entries": []}, "unsupported hash"),
        ([], "expected a JSON object"),
    ],
)
def test_bad_baselines_are_config_errors(data: object, message: str, tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ConfigError, match=message):
        Baseline.load(path)


# --- writers, report, explain, progress ---------------------------------------------------


def located() -> list[Located]:
    return [Located(finding(5, 20), 1, 6), Located(finding(30, 42, "phimin.phone.nanp"), 2, 3)]


def test_json_writer_streams_one_valid_object() -> None:
    sink = io.BytesIO()
    writer = JsonWriter(sink, with_path=True)
    writer.begin("a.txt")
    writer.piece('He said "[PERSON_1]"\n')
    writer.piece("ok\t✓")
    writer.end(located())
    data = json.loads(sink.getvalue())
    assert data["path"] == "a.txt"
    assert data["text"] == 'He said "[PERSON_1]"\nok\t✓'
    assert [f["line"] for f in data["findings"]] == [1, 2]
    assert data["summary"]["total"] == 2


def test_json_writer_writes_nothing_before_the_first_piece() -> None:
    sink = io.BytesIO()
    writer = JsonWriter(sink, with_path=False)
    writer.begin("a.txt")
    assert sink.getvalue() == b""  # an input refused now leaves no JSON fragment
    writer.piece("")
    assert sink.getvalue() == b'{"text": "'
    writer.piece("")
    writer.end([])
    assert json.loads(sink.getvalue())["text"] == ""
    empty = io.BytesIO()
    writer = JsonWriter(empty, with_path=True)
    writer.begin("b.txt")
    writer.end([])  # an empty document is still one whole object
    assert json.loads(empty.getvalue()) == {
        "path": "b.txt",
        "text": "",
        "findings": [],
        "summary": {"total": 0, "by_entity": {}, "by_category": {}, "by_action": {}},
    }


def test_records_are_written_one_object_a_line_in_one_write() -> None:
    sink = io.BytesIO()
    write_records(sink, [])
    assert sink.getvalue() == b""
    write_records(sink, [{"text": "a"}, {"text": "ü", "n": [1, None]}])
    assert sink.getvalue() == '{"text": "a"}\n{"text": "ü", "n": [1, null]}\n'.encode()


def test_text_writer_writes_exactly_what_it_is_given() -> None:
    sink = io.BytesIO()
    writer = TextWriter(sink)
    writer.piece("a\r\n")
    writer.piece("")
    writer.piece("b")
    assert sink.getvalue() == b"a\r\nb"


def test_report_and_explain_hold_findings_not_text(tmp_path: Path) -> None:
    report = AuditReport(mode="text", policy="safe-harbor", model=None)
    report.add("a.txt", located())
    report.write(tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["summary"]["total"] == 2
    assert data["documents"][0]["findings"][1]["rule_id"] == "phimin.phone.nanp"
    assert set(data["documents"][0]["findings"][0]) == {
        "start",
        "end",
        "entity",
        "category",
        "score",
        "rule_id",
        "action",
        "sensitivity",
        "line",
        "col",
    }
    err = io.StringIO()
    explainer = Explainer(err, load_policy("strict"))
    explainer.rows("a.txt", located())
    explainer.finish()
    table = err.getvalue().splitlines()
    assert table[0].split()[:3] == ["SOURCE", "LINE:COL", "ENTITY"]
    assert "1:6" in table[1] and "phimin.name.gazetteer" in table[1] and "0.85" in table[1]
    assert "2 finding(s)" in table[-1]


def test_progress_is_silent_unless_enabled() -> None:
    err = io.StringIO()
    silent = progress_for("x", 100, enabled=False, stream=err)
    silent.update(100)
    silent.close()
    assert err.getvalue() == ""
    bar = progress_for("in.txt", 100, enabled=True, stream=err, delay=0)
    bar.update(50)
    bar.close()
    assert "in.txt" in err.getvalue()
    assert "/100" in err.getvalue()
