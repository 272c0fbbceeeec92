"""Data phimin derives from its own inputs, kept between runs under a hash of those inputs.

Building the name and place lexicons from their word lists and checking every rule-pack
regex take longer than loading the spaCy model, and their results change only when
their inputs do. So each result is stored once, and read back by the next run:

- **Keyed by content.** The key is a SHA-256 over a format version, the Python version,
  the source of the code that derives the value, the versions of the libraries it
  relies on, and the *bytes* of every input of phimin's own (word lists, the packs'
  regexes, the model's word index). A large data file of another installed package
  (GeoNames' 17 MB of cities, the census and word-frequency lists) enters by its place, size
  and modification time beside its package's version, as Python's bytecode cache
  checks a source: hashing it took longer than reading the value it keys. A changed
  input, or changed code, is a new key: a stale value is never read. Nothing of the
  text being redacted is ever an input.
- **Plain data.** Values are written with `marshal` (strings, numbers, tuples, sets,
  dicts): reading one runs no code, unlike a pickle. A header holds the SHA-256 of the
  payload; a damaged or truncated file is ignored and rebuilt.
- **Best effort.** The folder is `$PHIMIN_CACHE_DIR`, else `$XDG_CACHE_HOME/phimin`,
  else `~/.cache/phimin` (mode 0700; files 0600, written whole and renamed into place,
  so a reader never sees half a file). `PHIMIN_CACHE_DIR=off` turns it off. When the
  folder cannot be read or written, the value is built in memory, as without a cache.
  Only the few newest files of each kind are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

__all__ = ["CACHE_ENV", "Fingerprint", "cache_dir", "derived", "read_kept", "write_kept"]

CACHE_ENV = "PHIMIN_CACHE_DIR"
_OFF = frozenset({"off", "0", "no", "false", "none"})
_FORMAT = b"phimin-derived-1"
_MAGIC = b"PHIMIN-DERIVED\x01\n"
_KEEP_PER_KIND = 4

_T = TypeVar("_T")
_memo: dict[tuple[str, str], Any] = {}  # (kind, key) -> value, for this process
_lock = threading.Lock()


def cache_dir() -> Path | None:
    """The folder derived data are kept in, or None when turned off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        if configured.strip().lower() in _OFF or not configured.strip():
            return None
        return Path(configured).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "phimin"


class Fingerprint:
    """A SHA-256 over everything a derived value depends on, each part length-prefixed."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._hash = hashlib.sha256()
        self.text(_FORMAT.decode(), kind, sys.version, sys.implementation.cache_tag or "")

    def _part(self, data: bytes) -> None:
        self._hash.update(len(data).to_bytes(8, "big"))
        self._hash.update(data)

    def text(self, *parts: str) -> Fingerprint:
        for part in parts:
            self._part(part.encode("utf-8", "surrogatepass"))
        return self

    def data(self, *parts: bytes) -> Fingerprint:
        for part in parts:
            self._part(part)
        return self

    def file(self, path: Path | str) -> Fingerprint:
        return self.data(Path(path).read_bytes())

    def installed(self, path: Path | str) -> Fingerprint:
        """A data file of an installed package, by where it is, its size and its
        modification time (its bytes are not read; see the module's docstring). The
        place counts too: two installs that share a version, a size and a time (a
        store that sets every file's time to one value) are still told apart."""
        where = Path(path).absolute()
        found = where.stat()
        return self.text(str(where), str(found.st_size), str(found.st_mtime_ns))

    def code(self, *modules: ModuleType) -> Fingerprint:
        """The modules' own files: a change to the code that derives a value is a new key."""
        for module in modules:
            self.text(module.__name__).file(str(module.__file__))
        return self

    def versions(self, *distributions: str) -> Fingerprint:
        for name in distributions:
            try:
                version = metadata.version(name)
            except metadata.PackageNotFoundError:
                version = "absent"
            self.text(name, version)
        return self

    def words(self, words: Iterable[str]) -> Fingerprint:
        return self.text("\n".join(sorted(words)))

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def derived(
    fingerprint: Fingerprint,
    build: Callable[[], _T],
    encode: Callable[[_T], Any],
    decode: Callable[[Any], _T],
    *,
    keep: Callable[[_T], bool] = lambda value: True,
) -> _T:
    """The value `build()` gives, read from the cache folder when a run before built it.

    `encode` turns the value into plain data `marshal` can write; `decode` turns that
    back (and may raise on data of an unexpected shape: the value is then rebuilt).
    A value `keep` refuses is not written. Within a process the value is built or read
    once.
    """
    kind, key = fingerprint.kind, fingerprint.hexdigest()
    with _lock:
        if (kind, key) in _memo:
            return _memo[(kind, key)]  # type: ignore[no-any-return]
    path = _path(fingerprint)
    value: _T | None = None
    if path is not None:
        plain = _read(path)
        if plain is not None:
            try:
                value = decode(plain)
            except Exception:  # an unexpected shape: build it again
                value = None
    if value is None:
        value = build()
        if path is not None and keep(value):
            with contextlib.suppress(OSError, ValueError, TypeError):  # read-only, full
                _write(path, encode(value))
    with _lock:
        return _memo.setdefault((kind, key), value)  # type: ignore[no-any-return]


def _path(fingerprint: Fingerprint) -> Path | None:
    folder = cache_dir()
    key = fingerprint.hexdigest()
    return None if folder is None else folder / f"{fingerprint.kind}-{key[:40]}.bin"


def read_kept(fingerprint: Fingerprint) -> Any:
    """The plain data last written under `fingerprint` (`write_kept`), or None. For a
    value that grows as a run needs more of it, where `derived` builds one whole."""
    path = _path(fingerprint)
    return None if path is None else _read(path)


def write_kept(fingerprint: Fingerprint, plain: Any) -> None:
    """Write `plain` under `fingerprint`, replacing what was there; best effort."""
    path = _path(fingerprint)
    if path is not None:
        with contextlib.suppress(OSError, ValueError, TypeError):  # read-only, full
            _write(path, plain)


def _read(path: Path) -> Any:
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + 32
    if len(blob) < head or not blob.startswith(_MAGIC):
        return None
    payload = blob[head:]
    if hashlib.sha256(payload).digest() != blob[len(_MAGIC) : head]:
        return None  # damaged or truncated
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def _write(path: Path, plain: Any) -> None:
    payload = marshal.dumps(plain)
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".bin")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, path)  # mkstemp made it 0600
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _prune(folder, path)


def _prune(folder: Path, kept: Path) -> None:
    """Keep the newest few files of a kind (older inputs, older versions of phimin)."""
    kind = kept.name[: -len("-.bin") - 40]
    try:
        files = sorted(
            (p for p in folder.glob(f"{kind}-*.bin") if p != kept),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in files[_KEEP_PER_KIND - 1 :]:
            old.unlink(missing_ok=True)
    except OSError:  # another process pruned first
        pass
