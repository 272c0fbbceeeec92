"""Fuzz the rule-pack loader: any bytes in, a RuleSet or a RulePackError out.

Half the inputs are raw bytes written as a pack file; the other half start from a valid
pack and replace one field (anywhere in the tree) with a fuzzed value of a fuzzed type,
which reaches the validation of every field. A pack that loads is then compiled into
the recognizer and run on a few sentences: that may only raise `DetectionError` (a
regex that times out). Finding: any other exception.

Run it through `python fuzz/run.py`, or directly: `python fuzz/fuzz_rules.py -max_total_time=60`.
"""

from __future__ import annotations

import copy
import sys
import tempfile
from pathlib import Path
from typing import Any

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["phimin._rulepacks", "phimin._detect.sensitive"]):
    from phimin._detect import sensitive
    from phimin._detect.sensitive import SensitiveRecognizer
    from phimin._errors import DetectionError, RulePackError
    from phimin._rulepacks import load_rule_packs

import yaml
from _common import Stats, where
from seeds import VALID_PACK

sensitive.REGEX_TIMEOUT_SECONDS = 0.05  # a backtracking rule fails fast (and closed)

SAMPLES = [
    "She has been undocumented since 2019; he crossed the border without papers.",
    "ICE came by. The papers due today were undocumented medications.",
    "Ünïcödé, mixed CASE, tabs\tand\r\nline breaks, [brackets] and (parens).",
]
PACK_FILE = Path(tempfile.mkdtemp(prefix="phimin-fuzz-rules-")) / "pack.yaml"
STATS = Stats("rules")


def _value(fdp: atheris.FuzzedDataProvider, depth: int = 0) -> Any:
    kind = fdp.ConsumeIntInRange(0, 9 if depth < 3 else 6)
    if kind == 0:
        return None
    if kind == 1:
        return fdp.ConsumeBool()
    if kind == 2:
        return fdp.ConsumeIntInRange(-(2**40), 2**40)
    if kind == 3:
        return fdp.ConsumeFloat()
    if kind in (4, 5, 6):
        return fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 40))
    if kind == 7:
        return [_value(fdp, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 4))]
    keys = ["id", "gap", "text", "expect", "phrases", "regex", "tokens", "x"]
    return {
        keys[fdp.ConsumeIntInRange(0, len(keys) - 1)]: _value(fdp, depth + 1)
        for _ in range(fdp.ConsumeIntInRange(0, 3))
    }


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            found += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += _paths(v, (*prefix, i))
    return found


def _mutated(fdp: atheris.FuzzedDataProvider) -> bytes:
    pack = copy.deepcopy(VALID_PACK)
    for _ in range(fdp.ConsumeIntInRange(1, 3)):
        paths = [p for p in _paths(pack) if p]
        path = paths[fdp.ConsumeIntInRange(0, len(paths) - 1)]
        parent = pack
        for key in path[:-1]:
            parent = parent[key]
        if fdp.ConsumeIntInRange(0, 5) == 0 and isinstance(parent, dict):
            key = _value(fdp, depth=3) if fdp.ConsumeBool() else "extra"
            parent[key if not isinstance(key, (list, dict)) else "extra"] = _value(fdp)
        else:
            parent[path[-1]] = _value(fdp)
    try:
        return yaml.safe_dump(pack, allow_unicode=True).encode("utf-8", "surrogatepass")
    except (yaml.YAMLError, TypeError, ValueError):  # unhashable keys and the like
        return b"schema: 1\n"


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    raw = fdp.ConsumeBool()
    blob = fdp.ConsumeBytes(fdp.remaining_bytes()) if raw else _mutated(fdp)
    PACK_FILE.write_bytes(blob)
    STATS.executed()
    try:
        rules = load_rule_packs([PACK_FILE])
    except RulePackError as exc:
        STATS.outcome("refused")
        if any(not isinstance(p, str) for p in exc.problems):
            STATS.finding("crash", blob, "RulePackError.problems holds a non-string")
        return
    except BaseException as exc:
        STATS.finding("crash", blob, f"load_rule_packs raised {where(exc)}")
        return
    STATS.outcome("loaded")
    try:
        recognizer = SensitiveRecognizer(rules)
        for text in SAMPLES:
            recognizer.find(text, None)
    except DetectionError:
        STATS.outcome("timed out (fails closed)")
    except BaseException as exc:
        STATS.finding("crash", blob, f"a loaded pack failed in the recognizer: {where(exc)}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
