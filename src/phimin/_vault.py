"""Vault: a session's `Ledger` in one encrypted file, safe for threads and processes.

File layout (format 1), all of it but the ciphertext authenticated as associated data::

    magic "PHIMINV\\0" (8) | format (1) | vault id (16) | key check (16) | salt (16) |
    nonce (12) | AES-256-GCM ciphertext of the padded JSON ledger, with its tag (16)

- The key is 32 random bytes, given as URL-safe or standard base64 (44 characters) in
  `PHIMIN_VAULT_KEY`, or in a file named by `PHIMIN_VAULT_KEY_FILE` (or passed in).
  Make one with `python -c "import phimin; print(phimin.generate_vault_key())"`.
- Each write draws a fresh salt and nonce; the data key is HKDF-SHA256(key, salt,
  vault id), so nonces never repeat under one data key.
- The key check (HKDF of the key and the vault id) tells a wrong key from a damaged
  file; it differs between vaults, so two files do not reveal that they share a key.
- Nothing but the header is plaintext: no labels, no counts. The plaintext is padded
  to a power of two (at least 4 KiB), so the size says little about the contents.
- Writes go to a temporary file in the same directory (mode 0600), are fsynced, then
  `os.replace`d over the vault, and the directory is fsynced.
- Every change runs in `transaction()`: an exclusive `flock` on `<vault>.lock` is
  held while the latest file is read, changed and written back, so writers in other
  threads or processes never lose each other's entries.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from phimin._errors import VaultError
from phimin._restore import Ledger

if sys.platform != "win32":
    import fcntl

__all__ = ["KEY_ENV", "KEY_FILE_ENV", "Vault", "VaultError", "generate_vault_key", "load_key"]

KEY_ENV = "PHIMIN_VAULT_KEY"
KEY_FILE_ENV = "PHIMIN_VAULT_KEY_FILE"

_MAGIC = b"PHIMINV\x00"
_FORMAT = 1
_ID_LEN = 16
_CHECK_LEN = 16
_SALT_LEN = 16
_NONCE_LEN = 12
_HEADER_LEN = len(_MAGIC) + 1 + _ID_LEN + _CHECK_LEN + _SALT_LEN + _NONCE_LEN
_TAG_LEN = 16
_MIN_PADDED = 4096
_MAX_FILE = 256 * 1024 * 1024

_held = threading.local()  # vault paths this thread holds the lock of


def generate_vault_key() -> str:
    """A new random key, as URL-safe base64 (the format `PHIMIN_VAULT_KEY` expects)."""
    return base64.urlsafe_b64encode(os.urandom(32)).decode("ascii")


def _decode_key(text: str, source: str) -> bytes:
    raw = text.strip()
    try:
        alphabet = raw.replace("-", "+").replace("_", "/")
        key = base64.b64decode(alphabet + "=" * (-len(alphabet) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise VaultError(f"vault key from {source} is not base64") from None
    if len(key) != 32:
        raise VaultError(f"vault key from {source} must be 32 bytes (44 base64 characters)")
    return key


def _read_key_file(path: Path) -> bytes:
    try:
        info = path.stat()
        if sys.platform != "win32" and info.st_mode & 0o077:
            raise VaultError("vault key file is readable by others: chmod 600 it")
        text = path.read_text(encoding="ascii")
    except VaultError:
        raise
    except (OSError, UnicodeDecodeError) as exc:
        raise VaultError(f"cannot read vault key file ({type(exc).__name__})") from None
    return _decode_key(text, "key file")


def load_key(
    key: str | bytes | None = None,
    *,
    key_file: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> bytes:
    """The 32-byte key: `key` (raw bytes or base64), else `key_file`, else the environment."""
    env = os.environ if environ is None else environ
    if isinstance(key, bytes):
        if len(key) != 32:
            raise VaultError("a raw vault key must be 32 bytes")
        return key
    if key is not None:
        return _decode_key(key, "argument")
    if key_file is not None:
        return _read_key_file(Path(key_file))
    if env.get(KEY_ENV):
        return _decode_key(env[KEY_ENV], KEY_ENV)
    if env.get(KEY_FILE_ENV):
        return _read_key_file(Path(env[KEY_FILE_ENV]))
    raise VaultError(
        f"no vault key: set {KEY_ENV} or {KEY_FILE_ENV} (make one with "
        "redact --new-vault-key or phimin.generate_vault_key())"
    )


def _hkdf(key: bytes, *, salt: bytes, info: bytes, length: int = 32) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(key)


def _key_check(key: bytes, vault_id: bytes) -> bytes:
    return _hkdf(key, salt=vault_id, info=b"phimin-vault/1/key-check", length=_CHECK_LEN)


def _padded(data: bytes) -> bytes:
    size = _MIN_PADDED
    while size < len(data):
        size *= 2
    return data + b" " * (size - len(data))  # JSON ignores trailing spaces


def seal(ledger: Ledger, key: bytes) -> bytes:
    """The file bytes for `ledger`."""
    vault_id = ledger.ident
    salt = os.urandom(_SALT_LEN)
    nonce = os.urandom(_NONCE_LEN)
    header = _MAGIC + bytes([_FORMAT]) + vault_id + _key_check(key, vault_id) + salt + nonce
    plain = json.dumps(ledger.to_json(), ensure_ascii=False, separators=(",", ":")).encode()
    data_key = _hkdf(key, salt=salt, info=b"phimin-vault/1/data" + vault_id)
    return header + AESGCM(data_key).encrypt(nonce, _padded(plain), header)


def unseal(blob: bytes, key: bytes) -> Ledger:
    """The ledger in `blob`, or a `VaultError` saying what is wrong (never what is inside)."""
    if len(blob) < _HEADER_LEN + _TAG_LEN or not blob.startswith(_MAGIC):
        raise VaultError("not a phimin vault, or the file is truncated")
    fmt = blob[len(_MAGIC)]
    if fmt != _FORMAT:
        raise VaultError(f"unsupported vault format {fmt}")
    pos = len(_MAGIC) + 1
    vault_id = blob[pos : pos + _ID_LEN]
    check = blob[pos + _ID_LEN : pos + _ID_LEN + _CHECK_LEN]
    salt = blob[pos + _ID_LEN + _CHECK_LEN : pos + _ID_LEN + _CHECK_LEN + _SALT_LEN]
    nonce = blob[_HEADER_LEN - _NONCE_LEN : _HEADER_LEN]
    if check != _key_check(key, vault_id):
        raise VaultError("wrong vault key")
    data_key = _hkdf(key, salt=salt, info=b"phimin-vault/1/data" + vault_id)
    try:
        plain = AESGCM(data_key).decrypt(nonce, blob[_HEADER_LEN:], blob[:_HEADER_LEN])
    except InvalidTag:
        raise VaultError("vault is damaged or was modified") from None
    try:
        ledger = Ledger.from_json(json.loads(plain.decode("utf-8")))
    except (ValueError, TypeError, UnicodeDecodeError):
        raise VaultError("vault contents are invalid") from None
    if ledger.ident != vault_id:
        raise VaultError("vault header does not match its contents")
    return ledger


class Vault:
    """A session ledger persisted in one encrypted file.

    `create=False` refuses a missing file (restoring from a vault that is not there is
    an error, not an empty result). The key is resolved when the vault is opened.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        key: str | bytes | None = None,
        key_file: str | os.PathLike[str] | None = None,
        create: bool = True,
    ) -> None:
        if sys.platform == "win32":  # pragma: no cover
            raise VaultError("the vault needs POSIX file locking (Linux, macOS)")
        self.path = Path(path)
        self.create = create
        self._key = load_key(key, key_file=key_file)

    def __repr__(self) -> str:
        return "Vault(<path>)"

    def exists(self) -> bool:
        return self.path.exists()

    def read(self) -> Ledger:
        """The current ledger (writes are atomic, so no lock is needed to read)."""
        try:
            with open(self.path, "rb") as f:
                blob = f.read(_MAX_FILE + 1)
        except FileNotFoundError:
            if self.create:
                return Ledger()
            raise VaultError("vault file does not exist") from None
        except OSError as exc:
            raise VaultError(f"cannot read vault ({type(exc).__name__})") from None
        if len(blob) > _MAX_FILE:
            raise VaultError("vault file is too large")
        return unseal(blob, self._key)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Ledger]:
        """Lock, read the latest ledger, let the caller change it, write it back.

        Nothing is written if the block raises. The revision goes up by one per write.
        """
        with self._locked():
            ledger = self.read()
            yield ledger
            ledger.revision += 1
            try:
                self._write(seal(ledger, self._key))
            except BaseException:
                ledger.revision -= 1
                raise

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        held: set[str] = _held.__dict__.setdefault("paths", set())
        ident = str(self.path.resolve())
        if ident in held:
            raise VaultError("vault transaction already open in this thread")
        lock_path = self.path.with_name(self.path.name + ".lock")
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        except OSError as exc:
            raise VaultError(f"cannot open vault lock ({type(exc).__name__})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # per open file: excludes threads and processes
            held.add(ident)
            try:
                yield
            finally:
                held.discard(ident)
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def _write(self, blob: bytes) -> None:
        directory = self.path.parent
        tmp: str | None = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
            with os.fdopen(fd, "wb") as f:
                os.fchmod(f.fileno(), stat.S_IRUSR | stat.S_IWUSR)
                f.write(blob)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
            tmp = None
            dir_fd = os.open(directory, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError as exc:
            raise VaultError(f"cannot write vault ({type(exc).__name__})") from None
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
