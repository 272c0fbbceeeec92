"""The vault of a run, and `--new-vault-key`.

`--vault FILE` keeps one conversation's placeholders, and what they stand for, in an
encrypted file (`phimin.Vault`). The key comes from `--vault-key-file PATH`, else
`$PHIMIN_VAULT_KEY`, else the file named by `$PHIMIN_VAULT_KEY_FILE`; there is no flag
that takes the key itself, since command lines are visible to other users.

The vault is opened and read before any input is read or the model is loaded, so no
key, a wrong key, or a damaged or missing vault fails at once (exit 2). Messages name
the problem, never the vault's contents, the key, or the vault's path (which often
names a client).
"""

from __future__ import annotations

import os
from pathlib import Path

from phimin._vault import KEY_ENV, KEY_FILE_ENV, Vault, VaultError, generate_vault_key
from phimin.cli.errors import UsageError
from phimin.cli.exit_codes import ExitCode
from phimin.cli.settings import Settings
from phimin.cli.streams import Streams, write_problem

__all__ = ["KEY_GUIDANCE", "open_vault", "run_new_vault_key"]

KEY_GUIDANCE = (
    "redact: keep this key apart from the vault (a password manager, or a key file with "
    "mode 600 outside the vault's folder and its backups). Whoever has both can read the "
    "originals; without the key the vault cannot be read. Use it with "
    f"{KEY_ENV}=<key>, {KEY_FILE_ENV}=<file> or --vault-key-file <file>.\n"
)


def open_vault(settings: Settings, *, create: bool) -> Vault:
    """The run's vault, checked readable with its key (`create`: a missing file is empty)."""
    path = settings.vault
    if path is None:  # pragma: no cover - settings only route vault runs here
        raise UsageError("no --vault FILE given")
    if settings.vault_key_file is None and not (
        os.environ.get(KEY_ENV) or os.environ.get(KEY_FILE_ENV)
    ):
        raise VaultError(
            f"no vault key: set {KEY_ENV} or {KEY_FILE_ENV}, or give --vault-key-file "
            "(make a key with redact --new-vault-key)"
        )
    if create and not path.exists() and not path.parent.is_dir():
        raise VaultError("the vault's folder does not exist")
    if path.is_dir():  # for --restore too: not "cannot read vault (IsADirectoryError)"
        raise VaultError("the vault path is a folder, not a file")
    if create and write_problem(path) is not None:  # before any text goes out
        raise VaultError("the vault's folder cannot be written (the vault and its lock go there)")
    if not create and not path.exists():
        raise VaultError(
            "vault file does not exist (--restore reads the vault a redact --vault run "
            "wrote: check the path)"
        )
    vault = Vault(path, key_file=settings.vault_key_file, create=create)
    vault.read()  # a wrong key, or a damaged or missing file, fails here
    return vault


def run_new_vault_key(settings: Settings, io: Streams) -> int:
    """Print a new key (or write it to a new file with mode 600), with guidance on stderr."""
    key = generate_vault_key()
    if settings.output is None:
        io.stdout.write(f"{key}\n".encode("ascii"))
        io.stdout.flush()
    else:
        _write_key_file(settings.output, key)
    if settings.show_info:
        io.stderr.write(KEY_GUIDANCE)
        io.stderr.flush()
    return ExitCode.OK


def _write_key_file(path: Path, key: str) -> None:
    """Create `path` with mode 600; never replace a file (its vaults would be lost)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        raise UsageError(
            "-o names a file that exists; a key file is never overwritten (the vaults made "
            "with its key could no longer be read)"
        ) from None
    except OSError as exc:
        raise VaultError(f"cannot write the key file ({type(exc).__name__})") from None
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(f"{key}\n")
        handle.flush()
        os.fsync(handle.fileno())
