"""Settings from a config file: `.phimin.toml`, or `[tool.phimin]` in `pyproject.toml`.

The file is looked for in the working directory and then each parent; in each
directory `.phimin.toml` comes first, then a `pyproject.toml` that has a
`[tool.phimin]` table. The first found is used (they are not merged). Command-line
flags win over the file; a repeatable flag (`--keep`) replaces the file's list.

Keys: policy, keep, model, format, threshold, baseline, quiet, workers,
workers_from, and jsonl_fields (used in jsonl mode only). Relative paths (a policy
file, the baseline) are relative to the config file's directory. Every problem in
the file is reported at once.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from phimin.cli.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "FORMATS",
    "KEYS",
    "MAX_WORKERS",
    "WORKERS_FROM",
    "FileConfig",
    "find_config",
    "load_config",
]

FORMATS = ("text", "json", "jsonl")
MAX_WORKERS = 64
# --workers N starts its processes only once a run has read this many characters:
# below it, starting them costs more than they save (benchmarks/throughput.py
# --workers measures `redact` with one and two workers, start-up included).
WORKERS_FROM = 1_000_000
KEYS = (
    "policy",
    "keep",
    "model",
    "format",
    "threshold",
    "baseline",
    "quiet",
    "workers",
    "workers_from",
    "jsonl_fields",
)
DEDICATED = ".phimin.toml"
PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class FileConfig:
    """Validated values from one file (absent keys are absent)."""

    path: Path | None = None
    values: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        return self.values.get(key)


def find_config(start: Path) -> Path | None:
    """The first `.phimin.toml` or pyproject with `[tool.phimin]`, from `start` upward."""
    for directory in (start, *start.parents):
        dedicated = directory / DEDICATED
        if dedicated.is_file():
            return dedicated
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def load_config(explicit: Path | None, start: Path) -> FileConfig:
    path = explicit if explicit is not None else find_config(start)
    if path is None:
        return FileConfig()
    table = _read_table(path)
    return FileConfig(path, _validate(table, path))


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # not ours to judge unless it names [tool.phimin]
    tool = data.get("tool")
    return isinstance(tool, dict) and "phimin" in tool


def _read_table(path: Path) -> Mapping[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read config {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"config {path} is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config {path} is not valid TOML ({exc})") from None
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("phimin", {})
        if not isinstance(table, dict):
            raise ConfigError(f"config {path}: [tool.phimin] must be a table")
        return table
    return data


def _validate(table: Mapping[str, Any], path: Path) -> dict[str, Any]:
    problems: list[str] = []
    values: dict[str, Any] = {}
    here = path.parent
    for key, value in table.items():
        if key in ("policy", "model"):
            if not isinstance(value, str) or not value:
                problems.append(f"{key!r} must be a non-empty string")
            elif key == "policy" and _looks_like_path(value):
                values[key] = str(here / value)
            else:
                values[key] = value
        elif key == "keep":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                problems.append("'keep' must be a list of strings")
            else:
                values[key] = tuple(value)
        elif key == "jsonl_fields":
            if (
                not isinstance(value, list)
                or not value
                or not all(isinstance(v, str) and v for v in value)
            ):
                problems.append("'jsonl_fields' must be a list of field names")
            else:
                values[key] = tuple(dict.fromkeys(value))
        elif key == "format":
            if value not in FORMATS:
                problems.append(f"'format' must be one of {', '.join(FORMATS)}")
            else:
                values[key] = value
        elif key == "threshold":
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not 0 <= value <= 1
            ):
                problems.append("'threshold' must be a number from 0 to 1")
            else:
                values[key] = float(value)
        elif key == "baseline":
            if not isinstance(value, str) or not value:
                problems.append("'baseline' must be a path")
            else:
                values[key] = str(here / value)
        elif key in _WHOLE_NUMBERS:
            low, high, problem = _WHOLE_NUMBERS[key]
            if _whole(value, low, high):
                values[key] = value
            else:
                problems.append(problem)
        elif key == "quiet":
            if not isinstance(value, bool):
                problems.append("'quiet' must be true or false")
            else:
                values[key] = value
        else:
            problems.append(f"unknown key {key!r}{_did_you_mean(str(key))}")
    if problems:
        raise ConfigError(f"config {path}: " + "; ".join(problems))
    return values


def _did_you_mean(key: str) -> str:
    close = difflib.get_close_matches(key, KEYS, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


# key -> (lowest, highest or None, the problem when it is not a whole number in range)
_WHOLE_NUMBERS: dict[str, tuple[int, int | None, str]] = {
    "workers": (1, MAX_WORKERS, f"'workers' must be a whole number from 1 to {MAX_WORKERS}"),
    "workers_from": (0, None, "'workers_from' must be a whole number of characters, 0 or more"),
}


def _whole(value: object, low: int, high: int | None) -> bool:
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    return low <= value and (high is None or value <= high)


def _looks_like_path(value: str) -> bool:
    return value.endswith(".toml") or "/" in value or "\\" in value
