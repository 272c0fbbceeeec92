"""The check-mode baseline: findings a team has accepted, stored without their text.

`.phimin-baseline.json` holds, per accepted finding, the file (relative to the
baseline), the rule id, the entity, and a salted, deliberately slow hash (scrypt) of
the finding's normalized text. The salt and the hash parameters are stored in the
file, with a schema version; older schemas are upgraded by small migrations.

The hash hides the text from a casual reader, not from a determined one: a name or a
phone number has few enough possible values that someone holding the baseline can
test guesses (scrypt makes each guess cost ~50 ms). Keep baselines in the same
access-controlled repository as the notes they describe.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from phimin._normalize import normalize
from phimin.cli.errors import ConfigError
from phimin.cli.streams import atomic_output
from phimin.cli.version import tool_version

__all__ = ["DEFAULT_BASELINE", "SCHEMA", "Baseline", "Entry"]

DEFAULT_BASELINE = ".phimin-baseline.json"
SCHEMA = 1
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_HEX = re.compile(r"[0-9a-f]{64}")
_WS = re.compile(r"\s+")

# schema N -> function turning a schema-N mapping into a schema-(N+1) mapping.
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


@dataclass(frozen=True, slots=True, order=True)
class Entry:
    file: str
    rule_id: str
    entity: str
    hash: str

    def to_dict(self) -> dict[str, str]:
        return {
            "file": self.file,
            "rule_id": self.rule_id,
            "entity": self.entity,
            "hash": self.hash,
        }


class Baseline:
    def __init__(self, path: Path, salt: bytes, entries: Iterable[Entry] = ()) -> None:
        self.path = path
        self.salt = salt
        self.entries = frozenset(entries)
        self._keys = {(e.file, e.rule_id, e.hash) for e in self.entries}
        self._rules = {(e.file, e.rule_id) for e in self.entries}

    @classmethod
    def create(cls, path: Path) -> Baseline:
        return cls(path, secrets.token_bytes(16))

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"cannot read baseline {path}: {exc.strerror}") from None
        except ValueError:
            raise ConfigError(f"baseline {path} is not valid JSON") from None
        return cls.from_mapping(path, data)

    @classmethod
    def from_mapping(cls, path: Path, data: object) -> Baseline:
        if not isinstance(data, dict):
            raise ConfigError(f"baseline {path}: expected a JSON object")
        version = data.get("schema")
        if not isinstance(version, int) or version < 1:
            raise ConfigError(f"baseline {path}: missing or invalid 'schema'")
        if version > SCHEMA:
            raise ConfigError(
                f"baseline {path}: schema {version} is newer than this phimin reads ({SCHEMA}); "
                "upgrade phimin"
            )
        while version < SCHEMA:
            data = _MIGRATIONS[version](data)
            version += 1
        problems: list[str] = []
        salt = _salt(data.get("hash"), problems)
        entries = []
        raw_entries = data.get("entries")
        if not isinstance(raw_entries, list):
            problems.append("'entries' must be a list")
            raw_entries = []
        for i, raw in enumerate(raw_entries):
            entry = _entry(raw)
            if entry is None:
                problems.append(
                    f"entries[{i}] needs string 'file', 'rule_id', 'entity' and a hex 'hash'"
                )
            else:
                entries.append(entry)
        if problems or salt is None:
            raise ConfigError(f"baseline {path}: " + "; ".join(problems))
        return cls(path, salt, entries)

    # --- matching ----------------------------------------------------------------------

    def key(self, file: str) -> str:
        """How `file` is named in the baseline: relative to the baseline, with slashes."""
        base = os.path.abspath(self.path.parent)
        relative = os.path.relpath(os.path.abspath(file), base)
        return Path(relative).as_posix()

    def knows(self, file_key: str, rule_id: str) -> bool:
        """Whether any entry could match (only then is a fingerprint worth its cost)."""
        return (file_key, rule_id) in self._rules

    def fingerprint(self, text: str) -> str:
        normalized = _WS.sub(" ", normalize(text).text.casefold()).strip()
        digest = hashlib.scrypt(
            normalized.encode("utf-8"), salt=self.salt, dklen=32, maxmem=64 * 2**20, **_SCRYPT
        )
        return digest.hex()

    def allows(self, file_key: str, rule_id: str, fingerprint: str | None) -> bool:
        return fingerprint is not None and (file_key, rule_id, fingerprint) in self._keys

    # --- updating ----------------------------------------------------------------------

    def replacing(self, file_keys: Iterable[str], entries: Iterable[Entry]) -> Baseline:
        """A baseline whose entries for `file_keys` are exactly `entries` (others kept)."""
        files = set(file_keys)
        kept = [e for e in self.entries if e.file not in files]
        return Baseline(self.path, self.salt, [*kept, *entries])

    def to_dict(self) -> dict[str, object]:
        return {
            "schema": SCHEMA,
            "generated_by": f"phimin {tool_version()}",
            "hash": {"algorithm": "scrypt", "salt": self.salt.hex(), "dklen": 32, **_SCRYPT},
            "entries": [e.to_dict() for e in sorted(self.entries)],
        }

    def write(self) -> None:
        text = json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"
        with atomic_output(self.path, what="the baseline") as handle:
            handle.write(text.encode("utf-8"))


def _salt(raw: object, problems: list[str]) -> bytes | None:
    if not isinstance(raw, Mapping):
        problems.append("'hash' must be an object")
        return None
    params = {k: raw.get(k) for k in _SCRYPT}
    if raw.get("algorithm") != "scrypt" or params != _SCRYPT or raw.get("dklen") != 32:
        problems.append(f"unsupported hash parameters; expected scrypt {_SCRYPT}")
        return None
    try:
        salt = bytes.fromhex(str(raw.get("salt")))
    except ValueError:
        salt = b""
    if len(salt) < 16:
        problems.append("'hash.salt' must be at least 16 bytes of hex")
        return None
    return salt


def _entry(raw: object) -> Entry | None:
    if not isinstance(raw, Mapping):
        return None
    values = [raw.get(k) for k in ("file", "rule_id", "entity", "hash")]
    if not all(isinstance(v, str) and v for v in values):
        return None
    file, rule_id, entity, digest = (str(v) for v in values)
    if not _HEX.fullmatch(digest):
        return None
    return Entry(file, rule_id, entity, digest)
