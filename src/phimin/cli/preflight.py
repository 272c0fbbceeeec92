"""Every output a run will write, checked before it reads any input or loads the model.

A run that could not write its `-o` file, its `--report`, its baseline or an
`--in-place` file at the end would otherwise fail after text had gone out (the report
is written last, after the redacted text reached stdout). Each one is tested by
creating a file where it will go; a problem is an `OutputError` (exit 2) naming the
flag, the path and the problem. The vault is checked when it is opened
(`phimin.cli.vault`), without naming its path.
"""

from __future__ import annotations

from pathlib import Path

from phimin.cli.settings import Settings
from phimin.cli.streams import STDIN, check_writable

__all__ = ["check_outputs"]


def check_outputs(settings: Settings) -> None:
    if settings.output is not None:
        check_writable(settings.output, "-o")
    if settings.in_place:
        for source in settings.inputs:
            if source != STDIN:
                check_writable(Path(source), "--in-place")
    if settings.report is not None:
        check_writable(settings.report, "--report")
    if settings.update_baseline and settings.baseline is not None:
        check_writable(settings.baseline, "the baseline")
