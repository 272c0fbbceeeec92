"""The audit log: one JSON line per request, never a word of text, never a header.

A line holds when, the request id, the endpoint, whether it streamed, the status and
outcome, how many texts were redacted and the count of each entity found, how many
placeholders were restored or left, and the time spent redacting, waiting for the
upstream (to its first byte) and restoring. The file is opened in append mode with
mode 600; each line is one `write`, so several worker processes can share it.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from phimin.gateway.config import ConfigError

__all__ = ["AuditLog", "Record"]

log = logging.getLogger("phimin.gateway")


@dataclass
class Record:
    """What one request did, filled in as it goes."""

    request_id: str
    endpoint: str
    started: float = field(default_factory=time.perf_counter)
    stream: bool = False
    named_session: bool = False
    status: int = 0
    outcome: str = "ok"
    texts: int = 0
    entities: Mapping[str, int] = field(default_factory=dict)
    restored: int = 0
    unrestored: int = 0
    redact_ms: float = 0.0
    upstream_ms: float = 0.0
    restore_ms: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
            "request_id": self.request_id,
            "endpoint": self.endpoint,
            "stream": self.stream,
            "named_session": self.named_session,
            "status": self.status,
            "outcome": self.outcome,
            "texts": self.texts,
            "entities": dict(sorted(self.entities.items())),
            "restored": self.restored,
            "unrestored": self.unrestored,
            "latency_ms": {
                "redact": round(self.redact_ms, 2),
                "upstream": round(self.upstream_ms, 2),
                "restore": round(self.restore_ms, 2),
                "total": round((time.perf_counter() - self.started) * 1000, 2),
            },
        }


class AuditLog:
    """Appends records to `path`, or nowhere when `path` is None."""

    def __init__(self, path: Path | None) -> None:
        self._fd: int | None = None
        self._lock = threading.Lock()
        if path is not None:
            try:
                self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            except OSError as exc:
                raise ConfigError(f"cannot open --audit-log: {_why(exc)}") from None

    def write(self, record: Record) -> None:
        if self._fd is None:
            return
        line = json.dumps(record.to_json(), separators=(",", ":")) + "\n"
        try:
            with self._lock:
                os.write(self._fd, line.encode("utf-8"))
        except OSError as exc:
            log.error("audit log write failed (%s)", type(exc).__name__)

    def close(self) -> None:
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None


def _why(exc: OSError) -> str:
    """What to fix, in words (the path is the operator's, but kept out as elsewhere)."""
    if isinstance(exc, FileNotFoundError):
        return "its folder does not exist"
    if isinstance(exc, IsADirectoryError):
        return "it is a folder; name a file in it"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return type(exc).__name__
