"""Build `src/phimin/data/us_places.tsv`: every US city and town name with its states.

    pip install zipcodes && python scripts/build_us_places.py

The names come from the `zipcodes` package (MIT; USPS ZIP code data), the primary city
of every active ZIP code and its acceptable alternative names. phimin ships the derived
table (name, tab, states) rather than loading `zipcodes` at run time: building its
42,000 records costs more than a second, the table is read in milliseconds.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import zipcodes

OUT = Path(__file__).resolve().parent.parent / "src" / "phimin" / "data" / "us_places.tsv"


def main() -> int:
    states: dict[str, set[str]] = defaultdict(set)
    for record in zipcodes.list_all():
        if not record.get("active", True):
            continue
        for given in [record["city"], *record.get("acceptable_cities", [])]:
            name = " ".join(given.lower().split())
            if len(name) >= 3 and all(c.isalpha() or c in " .'-" for c in name):
                states[name].add(record["state"])
    lines = [f"{name}\t{','.join(sorted(st))}" for name, st in sorted(states.items())]
    header = (
        "# US city and town names (lower case) and the states that have one: built by\n"
        "# scripts/build_us_places.py from the zipcodes package (USPS ZIP code data).\n"
    )
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
