# Databricks notebook source
# MAGIC %md
# MAGIC # Redact clinical notes with phimin on Spark
# MAGIC
# MAGIC Reads a Parquet table of notes, replaces the note column with its redacted text
# MAGIC (keyed pseudonyms: the same person is the same placeholder in every row and every
# MAGIC job run with the same key), writes Parquet, and counts the rows that could not be
# MAGIC redacted (their text is null, their `phimin_error` says why).
# MAGIC
# MAGIC **Cluster setup.** Install `phimin[spark]` on the cluster (a cluster library, or
# MAGIC `%pip install "phimin[spark]"` below): the driver and every worker need phimin and
# MAGIC its spaCy model. Keep the pseudonym key in a secret scope, never in the notebook.
# MAGIC
# MAGIC **Outside Databricks** this file runs as a script on a local Spark:
# MAGIC `python examples/spark_redact.py [INPUT.parquet OUTPUT_DIR]`. Without arguments
# MAGIC it redacts a small table of invented notes. The key comes from the file named by
# MAGIC `$PHIMIN_PSEUDONYM_KEY_FILE` (mode 600); with none, placeholders are numbered per
# MAGIC row (`[PERSON_1]`) instead of keyed.

# COMMAND ----------

# MAGIC %pip install "phimin[spark]"

# COMMAND ----------

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import phimin
from phimin.spark import RedactionCounts, redact_column, redaction_counts

NOTE_COLUMN = "note_text"
PARTITIONS_PER_CORE = 4  # uneven notes spread better over more, smaller tasks

# COMMAND ----------


def pseudonym_key() -> str | bytes | None:
    """The key: a Databricks secret, else a key file, else None (placeholders per row)."""
    dbutils = globals().get("dbutils")
    if dbutils is not None:  # in a Databricks notebook
        value: str = dbutils.secrets.get(scope="phimin", key="pseudonym-key")
        return value
    path = os.environ.get("PHIMIN_PSEUDONYM_KEY_FILE")
    return phimin.read_pseudonym_key_file(path) if path else None


def redact_notes(
    spark: Any,
    source: str,
    target: str,
    *,
    key: str | bytes | None,
    column: str = NOTE_COLUMN,
    policy: str = "safe-harbor",
) -> RedactionCounts:
    """Read Parquet, redact `column` in place, write Parquet; count from what was written."""
    notes = spark.read.parquet(source)
    cores = spark.sparkContext.defaultParallelism
    notes = notes.repartition(max(1, cores * PARTITIONS_PER_CORE))
    safe = redact_column(notes, column, policy=policy, pseudonym_key=key)
    safe.write.parquet(target)  # refuses to overwrite an earlier output
    return redaction_counts(spark.read.parquet(target))


# COMMAND ----------


def invented_notes(spark: Any, path: str) -> None:
    """A small Parquet table of notes invented for this example (no real person)."""
    rows = [
        (1, "Met with Odalys Fenwick today. PHQ-9 is 11, down from 15. Call 410-862-5173."),
        (2, "Odalys Fenwick called on 3/14/2025 about her sertraline 50 mg refill."),
        (3, "Group session: Ferris Lindqvist shared his plan; MRN 00458213 updated."),
        (4, "Ms. Fenwick reports better sleep. Next visit 4/2/2025."),
        (5, None),
    ]
    schema = f"note_id long, {NOTE_COLUMN} string"
    spark.createDataFrame(rows, schema).write.parquet(path)


def local_spark() -> Any:
    from pyspark.sql import SparkSession

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    return (
        SparkSession.builder.master("local[2]")
        .appName("phimin-example")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )


# COMMAND ----------


def main(argv: list[str]) -> int:
    in_notebook = "spark" in globals()
    session = globals()["spark"] if in_notebook else local_spark()
    workdir = None
    if len(argv) == 2:
        source, target = argv
    elif in_notebook:  # set these to your tables' locations
        source, target = "/mnt/notes/raw", "/mnt/notes/redacted"
    else:
        workdir = tempfile.mkdtemp(prefix="phimin-spark-example-")
        source, target = str(Path(workdir, "notes")), str(Path(workdir, "notes_redacted"))
        invented_notes(session, source)
    key = pseudonym_key()
    counts = redact_notes(session, source, target, key=key)
    print(
        f"{counts.rows} rows: {counts.rows - counts.failed} redacted or null, "
        f"{counts.failed} failed {counts.by_error or ''}".rstrip()
    )
    if workdir is not None:  # the demo table is invented: show what came out
        for row in session.read.parquet(target).orderBy("note_id").collect():
            error = row["phimin_error"]
            print(row["note_id"], row[NOTE_COLUMN], *([error] if error else []))
    if not in_notebook:
        session.stop()
    return 1 if counts.failed else 0


if __name__ == "__main__":
    if "spark" in globals():  # a notebook: run, and leave the notebook's session alone
        main([])
    else:
        raise SystemExit(main(sys.argv[1:]))
