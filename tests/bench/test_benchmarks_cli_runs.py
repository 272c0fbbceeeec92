"""Smoke test of the benchmarks added for issue 19: their parts, on tiny inputs.

The figures themselves come from running the scripts (`benchmarks/results/`); here
only that the inputs have the promised shape and that real numbers come out.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import baseline_guessing, cli_runs, throughput  # noqa: E402


def test_the_dense_line_has_a_name_phone_and_date_every_hundred_characters() -> None:
    names = (throughput._FIRST, throughput._LAST)
    line = cli_runs.dense_line(20_000, names, throughput._phone, seed=3)
    assert "\n" not in line and 19_000 < len(line) <= 20_001
    phones = len(cli_runs._PHONE.findall(line))
    dates = len(cli_runs._DATE.findall(line))
    surnames = sum(line.count(f" {last} called") for last in throughput._LAST)
    for count in (phones, dates, surnames):
        assert 150 <= count <= 250, count  # one every ~100 characters
    assert line == cli_runs.dense_line(20_000, names, throughput._phone, seed=3)


def test_the_book_cost_is_measured_per_distinct_value() -> None:
    per_value = cli_runs.book_bytes_per_value(2_000)
    assert 20 < per_value < 10_000


def test_baseline_guessing_times_a_real_fingerprint() -> None:
    cpu, wall = baseline_guessing.seconds_per_guess(2)
    assert cpu > 0 and wall > 0
    text = baseline_guessing.report(0.05, 0.06, 2)
    assert "| a date of birth in one written form, any day of a century | 36,525 | 30 min |" in text
    assert "every date of a century is tried in 30 min" in text
    rows = re.findall(r"^\| .+ \| [\d,]+ \| .+ \|$", text, re.MULTILINE)
    assert len(rows) == len(baseline_guessing.SPACES)


def test_phone_maker_is_seeded() -> None:
    assert throughput._phone(random.Random(1)) == throughput._phone(random.Random(1))
