"""What the harnesses share: counting outcomes, and keeping findings out of the repository.

A harness never raises on a finding: it records it and fuzzing goes on, so one run
reports every crash and leak it meets. Counts go to the JSON file named by
`PHIMIN_FUZZ_STATS` (rewritten at most every few seconds, and at once on a finding);
the input behind each finding goes to `PHIMIN_FUZZ_ARTIFACTS`, named by its hash, for
reproduction (set `PHIMIN_FUZZ_RAISE=1` to make a finding raise instead, when replaying
one input). Inputs are never printed: a leak input holds a planted (synthetic) canary.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import traceback
from pathlib import Path

__all__ = ["Stats"]

_WRITE_EVERY = 5.0


class Stats:
    def __init__(self, harness: str) -> None:
        self.path = Path(os.environ.get("PHIMIN_FUZZ_STATS", f"fuzz-{harness}-stats.json"))
        self.artifacts = Path(os.environ.get("PHIMIN_FUZZ_ARTIFACTS", f"fuzz-{harness}-findings"))
        self.counts: dict[str, object] = {
            "harness": harness,
            "executions": 0,
            "crashes": 0,
            "leaks": 0,
            "outcomes": {},
            "findings": [],
        }
        self._written = 0.0

    def outcome(self, name: str) -> None:
        outcomes = self.counts["outcomes"]
        assert isinstance(outcomes, dict)
        outcomes[name] = outcomes.get(name, 0) + 1

    def executed(self) -> None:
        self.counts["executions"] = int(self.counts["executions"]) + 1  # type: ignore[call-overload]
        if time.monotonic() - self._written > _WRITE_EVERY:
            self.write()

    def finding(self, kind: str, data: bytes, detail: str) -> None:
        """Record a crash or a leak: its kind, where (no input text), and the input file."""
        key = {"crash": "crashes", "leak": "leaks"}[kind]
        self.counts[key] = int(self.counts[key]) + 1  # type: ignore[call-overload]
        digest = hashlib.sha256(data).hexdigest()[:16]
        self.artifacts.mkdir(parents=True, exist_ok=True)
        (self.artifacts / f"{kind}-{digest}").write_bytes(data)
        findings = self.counts["findings"]
        assert isinstance(findings, list)
        for known in findings:  # one entry per distinct finding, with a count
            if (known["kind"], known["detail"]) == (kind, detail):
                known["count"] += 1
                break
        else:
            findings.append(
                {"kind": kind, "detail": detail, "input": f"{kind}-{digest}", "count": 1}
            )
        self.write()

    def write(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.counts, indent=2) + "\n", encoding="utf-8")
        tmp.replace(self.path)
        self._written = time.monotonic()


def where(exc: BaseException) -> str:
    """The exception's type and innermost frame (file:line), never its message."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return type(exc).__name__
    last = frames[-1]
    return f"{type(exc).__name__} at {Path(last.filename).name}:{last.lineno}"
