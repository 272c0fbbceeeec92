"""Redact a text column of a Spark DataFrame in parallel, fail closed, row by row.

    >>> from phimin.spark import redact_column, redaction_counts   # doctest: +SKIP
    >>> safe = redact_column(notes, "note_text", pseudonym_key=key)  # doctest: +SKIP
    >>> safe.write.parquet("notes_redacted/")                       # doctest: +SKIP
    >>> redaction_counts(spark.read.parquet("notes_redacted/"))     # doctest: +SKIP
    RedactionCounts(rows=10000000, failed=3, by_error={'detection_error': 3})

How it runs:

- **Arrow, batched.** An iterator `pandas_udf` receives the column in Arrow batches
  (`spark.sql.execution.arrow.maxRecordsPerBatch` rows, 10,000 by default). Rows go
  through `Redactor.redact_many` in groups of about `GROUP_CHARS` characters, so the
  model works on many short notes at once, as in one process.
- **One Redactor per Python worker**, built on the first batch and kept for the
  life of the worker process (Spark reuses its Python workers). Nothing is broadcast:
  a task carries the model name, the policy as data, the rule packs and the key, so
  it also runs where broadcast variables are refused (Spark Connect).
- **Fail closed per row.** If a group fails, its rows are redone one at a time; a
  row that still fails gets null text and an error code (`ERROR_CODES`), never its
  original, and the job goes on. A failure that is not a row's (the model is not
  installed on the workers) fails the job. Null input stays null, with no error.
- **Keyed pseudonyms.** With `pseudonym_key`, the same value becomes the same
  placeholder in every row, partition, table and job with that key (`_pseudonyms`).
  With a policy that shifts dates, `subject_column` names each row's person (a
  patient id): that person's dates move by one offset derived from the key and the
  id, in every row and job, and another person's by another.

This module needs the `spark` extra (`pip install "phimin[spark]"`: pyspark, pandas,
pyarrow), on the driver and on every worker, with phimin and its spaCy model.
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import pickle
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

try:
    import pandas as pd
    from pyspark.sql import Column, DataFrame, SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        'phimin.spark needs pyspark, pandas and pyarrow: pip install "phimin[spark]"'
    ) from exc

from phimin._errors import DetectionError, InputError, PhiminError
from phimin._findings import Finding
from phimin._model_name import DEFAULT_MODEL
from phimin._policy import Policy, load_policy
from phimin._pseudonyms import SUBJECT_NEEDED, PseudonymKey
from phimin._rulepacks import RuleSet, load_rule_packs

__all__ = [
    "DEFAULT_ERROR_COLUMN",
    "ERROR_CODES",
    "FINDING_TYPE",
    "GROUP_CHARS",
    "RedactionCounts",
    "redact_column",
    "redaction_counts",
    "register",
]

DEFAULT_ERROR_COLUMN = "phimin_error"
# Characters of rows redacted together in one `redact_many` call: the unit that is
# redone row by row if it fails (the Redactor's own batch size).
GROUP_CHARS = 50_000
# What a failed row's error column says. Codes name the stage, never the text.
ERROR_CODES = {
    "input_error": "the row is not text phimin can read",
    "detection_error": "detection failed on the row (a pattern timed out, the model failed)",
    "redaction_error": "another step of the pipeline failed on the row",
    "internal_error": "an unexpected error; please report it (without the text)",
}
FINDING_TYPE = T.StructType(
    [
        T.StructField("start", T.IntegerType(), False),
        T.StructField("end", T.IntegerType(), False),
        T.StructField("entity", T.StringType(), False),
        T.StructField("category", T.StringType(), False),
        T.StructField("rule_id", T.StringType(), False),
        T.StructField("action", T.StringType(), False),
        T.StructField("score", T.DoubleType(), False),
    ]
)
_FINDING_FIELDS = tuple(f.name for f in FINDING_TYPE.fields)
# Each worker keeps the Redactors of the last few settings it saw (one, in a job).
_KEPT_REDACTORS = 2


# --- what a task carries ----------------------------------------------------------------


@dataclass(frozen=True)
class _Settings:
    """Everything a worker needs to build its Redactor and redact; plain, picklable data."""

    model: str
    rules: RuleSet | None  # None: the packs shipped with phimin
    key: bytes | None = dataclasses.field(repr=False)
    policy: Policy  # categories and entities as plain dicts (a mappingproxy won't pickle)
    findings: bool
    ident: bytes  # a digest of model, rules and key: the worker's cache key
    subjects: bool = False  # a second column gives each row's subject

    @classmethod
    def build(
        cls,
        *,
        model: str,
        rules: RuleSet | str | Path | Iterable[str | Path] | None,
        key: bytes | str | None,
        policy: Policy | str | Path | None,
        findings: bool,
        subjects: bool = False,
    ) -> _Settings:
        """Load and check everything on the driver, so a mistake fails before any task."""
        _check_model(model)
        ruleset = _rule_set(rules)
        # A policy may name the entities of the packs in use (as with `Redactor`).
        packs = {p.entity: p.category for p in ruleset.packs} if ruleset is not None else None
        loaded = load_policy(policy, rule_entities=packs)
        if subjects and key is None:
            raise InputError("a subject column matters only with a pseudonym key")
        if key is not None and loaded.shift_dates and not subjects:
            raise InputError(SUBJECT_NEEDED + "; pass subject_column")
        portable = dataclasses.replace(
            loaded, categories=dict(loaded.categories), entities=dict(loaded.entities)
        )
        secret = None if key is None else PseudonymKey.of(key).secret
        ident = hashlib.sha256(pickle.dumps((model, ruleset, secret))).digest()
        return cls(model, ruleset, secret, portable, findings, ident, subjects)

    def local_policy(self) -> Policy:
        return dataclasses.replace(
            self.policy,
            categories=MappingProxyType(dict(self.policy.categories)),
            entities=MappingProxyType(dict(self.policy.entities)),
        )


def _check_model(model: str) -> None:
    """Fail on the driver for a model that is not installed (a typo, the wrong pip name).

    The driver needs phimin and its model as the workers do; without this check a
    misspelt model failed every task with a worker's traceback, retried, then the job.
    Only the name is resolved here: the model is loaded on the workers.
    """
    from phimin._nlp import resolve_model

    resolve_model(model)


def _rule_set(rules: RuleSet | str | Path | Iterable[str | Path] | None) -> RuleSet | None:
    """The packs to ship to the workers, loaded (and checked) here; None: phimin's own.

    One folder or file may be named alone (`rules="my_packs/"`).
    """
    if rules is None or isinstance(rules, RuleSet):
        return rules
    return load_rule_packs(rules)


# --- in the worker ----------------------------------------------------------------------

_lock = threading.Lock()
_redactors: collections.OrderedDict[bytes, Any] = collections.OrderedDict()


def _worker_redactor(settings: _Settings) -> Any:
    """This process's Redactor for `settings`: built once, then reused by every task."""
    with _lock:
        redactor = _redactors.get(settings.ident)
        if redactor is None:
            from phimin._redactor import Redactor

            redactor = Redactor(
                model=settings.model, rules=settings.rules, pseudonym_key=settings.key
            )
            _redactors[settings.ident] = redactor
            while len(_redactors) > _KEPT_REDACTORS:
                _redactors.popitem(last=False)
        _redactors.move_to_end(settings.ident)
        return redactor


@dataclass(frozen=True, slots=True)
class _Row:
    text: str | None
    error: str | None
    findings: tuple[Finding, ...] | None


_NULL = _Row(None, None, None)


def _error_code(exc: BaseException) -> str:
    if isinstance(exc, InputError):
        return "input_error"
    if isinstance(exc, DetectionError):
        return "detection_error"
    if isinstance(exc, PhiminError):
        return "redaction_error"
    return "internal_error"


def _redact_rows(
    redactor: Any,
    policy: Policy,
    values: Sequence[object],
    subjects: Sequence[object] | None = None,
) -> list[_Row]:
    """Redact one batch of column values, in order. Never raises for a row's sake.

    Non-null rows are redacted in groups of about GROUP_CHARS characters through
    `redact_many`; a group that fails is redone one row at a time, so a failing row
    costs its group's batching and fails alone. `subjects` (a value per row, or None)
    name each row's person; a row whose subject is needed and null fails alone.
    """
    out: list[_Row] = [_NULL] * len(values)
    group: list[_Item] = []
    size = 0
    for i, value in enumerate(values):
        if not isinstance(value, str):
            if value is not None and not _is_missing(value):
                out[i] = _Row(None, "input_error", None)
            continue
        subject = None if subjects is None else subjects[i]
        group.append(_Item(i, value, subject if isinstance(subject, str) else None))
        size += len(value)
        if size >= GROUP_CHARS:
            _redact_group(redactor, policy, group, out, with_subjects=subjects is not None)
            group, size = [], 0
    if group:
        _redact_group(redactor, policy, group, out, with_subjects=subjects is not None)
    return out


def _is_missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


@dataclass(frozen=True, slots=True)
class _Item:
    row: int
    text: str
    subject: str | None


def _redact_group(
    redactor: Any, policy: Policy, group: list[_Item], out: list[_Row], *, with_subjects: bool
) -> None:
    """`with_subjects`: pass each row's subject (only ever with a key: the driver checked)."""
    try:
        results = list(
            redactor.redact_many(
                [item.text for item in group],
                policy=policy,
                subjects=[item.subject for item in group] if with_subjects else None,
            )
        )
    except Exception:  # some row of the group failed: find it, keep the others
        results = None
    if results is not None and len(results) == len(group):
        for item, result in zip(group, results, strict=True):
            out[item.row] = _Row(result.text, None, result.findings)
        return
    for item in group:
        try:
            subject = item.subject if with_subjects else None
            result = redactor.redact(item.text, policy=policy, subject=subject)
        except Exception as exc:  # fail closed: no text for this row, and why
            out[item.row] = _Row(None, _error_code(exc), None)
        else:
            out[item.row] = _Row(result.text, None, result.findings)


def _finding_records(findings: tuple[Finding, ...] | None) -> list[dict[str, Any]] | None:
    if findings is None:
        return None
    return [
        {
            "start": f.start,
            "end": f.end,
            "entity": f.entity,
            "category": f.category.value,
            "rule_id": f.rule_id,
            "action": f.action.value,
            "score": float(f.score),
        }
        for f in findings
    ]


def _columns(batch: pd.Series | tuple[pd.Series, pd.Series]) -> tuple[pd.Series, list[Any] | None]:
    """A batch's text column, and its subjects when the UDF was given two columns."""
    if isinstance(batch, tuple):
        texts, subjects = batch
        return texts, subjects.tolist()
    return batch, None


def _redact_batches(
    settings: _Settings, batches: Iterable[pd.Series | tuple[pd.Series, pd.Series]]
) -> Iterator[pd.DataFrame]:
    """The body of the struct UDF: a frame of text, error (and findings) per batch."""
    redactor = _worker_redactor(settings)
    policy = settings.local_policy()
    for columns in batches:
        batch, subjects = _columns(columns)
        rows = _redact_rows(redactor, policy, batch.tolist(), subjects)
        frame: dict[str, list[Any]] = {
            "text": [r.text for r in rows],
            "error": [r.error for r in rows],
        }
        if settings.findings:
            frame["findings"] = [_finding_records(r.findings) for r in rows]
        yield pd.DataFrame(frame, index=batch.index)


def _redact_texts(
    settings: _Settings, batches: Iterable[pd.Series | tuple[pd.Series, pd.Series]]
) -> Iterator[pd.Series]:
    """The body of the SQL function: redacted text, null where a row failed."""
    redactor = _worker_redactor(settings)
    policy = settings.local_policy()
    for columns in batches:
        batch, subjects = _columns(columns)
        rows = _redact_rows(redactor, policy, batch.tolist(), subjects)
        yield pd.Series([r.text for r in rows], index=batch.index, dtype=object)


# --- on the driver ----------------------------------------------------------------------


def _result_type(findings: bool) -> T.StructType:
    fields = [
        T.StructField("text", T.StringType(), True),
        T.StructField("error", T.StringType(), True),
    ]
    if findings:
        fields.append(T.StructField("findings", T.ArrayType(FINDING_TYPE, False), True))
    return T.StructType(fields)


def _struct_udf(settings: _Settings) -> Any:
    result_type = _result_type(settings.findings)
    if settings.subjects:

        def phimin_redact_by_subject(
            batches: Iterator[tuple[pd.Series, pd.Series]],
        ) -> Iterator[pd.DataFrame]:
            return _redact_batches(settings, batches)

        return F.pandas_udf(phimin_redact_by_subject, returnType=result_type)

    def phimin_redact(batches: Iterator[pd.Series]) -> Iterator[pd.DataFrame]:
        return _redact_batches(settings, batches)

    return F.pandas_udf(phimin_redact, returnType=result_type)


def _text_udf(settings: _Settings) -> Any:
    if settings.subjects:

        def phimin_redact_by_subject(
            batches: Iterator[tuple[pd.Series, pd.Series]],
        ) -> Iterator[pd.Series]:
            return _redact_texts(settings, batches)

        return F.pandas_udf(phimin_redact_by_subject, returnType=T.StringType())

    def phimin_redact(batches: Iterator[pd.Series]) -> Iterator[pd.Series]:
        return _redact_texts(settings, batches)

    return F.pandas_udf(phimin_redact, returnType=T.StringType())


def _quoted(name: str) -> Column:
    return F.col("`" + name.replace("`", "``") + "`")


def redact_column(
    df: DataFrame,
    column: str,
    *,
    policy: Policy | str | Path | None = None,
    pseudonym_key: bytes | str | None = None,
    output_column: str | None = None,
    findings_column: str | None = None,
    error_column: str = DEFAULT_ERROR_COLUMN,
    model: str = DEFAULT_MODEL,
    rules: RuleSet | str | Path | Iterable[str | Path] | None = None,
    subject_column: str | None = None,
) -> DataFrame:
    """`df` with `column` redacted; lazy, like any transformation.

    By default the redacted text replaces `column` in place. With `output_column` it
    goes to that new column and **`column` keeps the original text**: drop it before
    the data leaves. `error_column` (always added) is null for a redacted row and an
    `ERROR_CODES` code for a row that could not be redacted, whose text is then null.
    `findings_column` adds each row's findings (offsets into the original text, entity,
    category, rule id, action, score; never text). `policy` is a `Policy`, a preset
    or a TOML file, read here on the driver; `model` must be installed on the workers;
    `rules` are rule packs, loaded here. `subject_column` (with `pseudonym_key`; needed
    when the policy shifts dates) holds each row's subject, e.g. a patient id, read as
    a string: that person's dates move by the offset the key derives for them, in
    every row and job; a row whose subject is null then fails with `input_error`.
    """
    names = set(df.columns)
    if column not in names:
        raise InputError(f"no column {column!r} in the DataFrame")
    if subject_column is not None and subject_column not in names:
        raise InputError(f"no column {subject_column!r} in the DataFrame")
    if not isinstance(df.schema[column].dataType, T.StringType):
        raise InputError(f"column {column!r} is not a string column")
    target = output_column or column
    added = [c for c in (output_column, error_column, findings_column) if c is not None]
    if len(set(added)) != len(added) or column in {error_column, findings_column}:
        raise InputError("the output, error and findings columns must be distinct new names")
    clash = [c for c in added if c in names]
    if clash:
        raise InputError(f"column {clash[0]!r} already exists; choose another name")
    settings = _Settings.build(
        model=model,
        rules=rules,
        key=pseudonym_key,
        policy=policy,
        findings=findings_column is not None,
        subjects=subject_column is not None,
    )
    result = "__phimin_result"
    while result in names:
        result += "_"
    arguments = [_quoted(column)]
    if subject_column is not None:
        arguments.append(_quoted(subject_column).cast(T.StringType()))
    out = df.withColumn(result, _struct_udf(settings)(*arguments))
    out = out.withColumn(target, _quoted(result).getField("text"))
    out = out.withColumn(error_column, _quoted(result).getField("error"))
    if findings_column is not None:
        out = out.withColumn(findings_column, _quoted(result).getField("findings"))
    return out.drop(result)


def register(
    spark: SparkSession,
    name: str = "phimin_redact",
    *,
    policy: Policy | str | Path | None = None,
    pseudonym_key: bytes | str | None = None,
    model: str = DEFAULT_MODEL,
    rules: RuleSet | str | Path | Iterable[str | Path] | None = None,
    with_subject: bool = False,
) -> Any:
    """Register `name(text)` for SQL: the redacted text, null where a row failed.

    `SELECT phimin_redact(note) AS note FROM notes`. The function runs the same way as
    `redact_column` (batched, one Redactor per worker, keyed if a key is given). The
    error code of a failed row is in `redact_column`'s error column; in SQL a failed
    row shows as a null from a non-null note. With `with_subject` (and a key) the
    function is `name(text, subject)`: `phimin_redact(note, CAST(patient_id AS STRING))`.
    """
    settings = _Settings.build(
        model=model,
        rules=rules,
        key=pseudonym_key,
        policy=policy,
        findings=False,
        subjects=with_subject,
    )
    return spark.udf.register(name, _text_udf(settings))


@dataclass(frozen=True)
class RedactionCounts:
    """How a redaction went, counted from its output: rows, failed rows, by error code."""

    rows: int
    failed: int
    by_error: dict[str, int]


def redaction_counts(df: DataFrame, *, error_column: str = DEFAULT_ERROR_COLUMN) -> RedactionCounts:
    """Count rows and failures in `redact_column`'s output (one aggregation, no text read).

    Counted from the output rather than with accumulators, which count again whenever
    Spark recomputes a stage and are not available over Spark Connect. Count what was
    written (`spark.read.parquet(...)`), or a cached result: on the lazy result of
    `redact_column` this runs the redaction again.
    """
    rows = df.groupBy(_quoted(error_column)).count().collect()
    by_error = {str(r[0]): int(r[1]) for r in rows if r[0] is not None}
    total = sum(int(r[1]) for r in rows)
    return RedactionCounts(total, sum(by_error.values()), dict(sorted(by_error.items())))
