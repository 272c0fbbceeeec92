"""The vault file: encrypted, 0600, atomic, locked; wrong keys and damage are loud."""

from __future__ import annotations

import base64
import os
import stat
import subprocess
import sys
import tempfile
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from phimin._placeholders import PlaceholderBook
from phimin._restore import Ledger
from phimin._vault import KEY_ENV, KEY_FILE_ENV, Vault, VaultError, generate_vault_key, load_key

CANARIES = ["Quenby Altamirano", "412-555-0143", "q.altamirano@example.org", "cocaine"]


@pytest.fixture
def key() -> str:
    return generate_vault_key()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "session.vault"


def fill(ledger: Ledger) -> None:
    ledger.record_placeholder("[PERSON_1]", "PERSON", CANARIES[0])
    ledger.record_placeholder("[PHONE_1]", "PHONE_NUMBER", CANARIES[1])
    ledger.record_placeholder("[EMAIL_1]", "EMAIL_ADDRESS", CANARIES[2])
    ledger.record_wording("[substance use]", CANARIES[3])
    book = PlaceholderBook()
    book.placeholder("PERSON", "Quenby Altamirano")
    book.placeholder("PHONE_NUMBER", "412-555-0143")
    ledger.book = book.snapshot()
    ledger.known_names = {"quenby altamirano": None, "altamirano": None}


def variants(value: str) -> list[bytes]:
    forms = {value, value.casefold(), value.upper(), "".join(c for c in value if c.isdigit())}
    forms |= set(value.casefold().split())
    out = []
    for form in forms - {""}:
        out += [form.encode("utf-8"), form.encode("utf-16-le"), form.encode("utf-16-be")]
    return out


def all_bytes(directory: Path) -> bytes:
    return b"".join(p.read_bytes() for p in directory.iterdir() if p.is_file())


# --- keys ------------------------------------------------------------------------------


def test_key_formats(key: str) -> None:
    raw = base64.urlsafe_b64decode(key)
    assert load_key(key) == raw
    assert load_key(base64.b64encode(raw).decode()) == raw  # `openssl rand -base64 32`
    assert load_key(key.rstrip("=") + "\n") == raw
    assert load_key(raw) == raw
    for bad in ["", "not base64 !!", base64.b64encode(b"short").decode(), b"\0" * 31]:
        with pytest.raises(VaultError) as err:
            load_key(bad)
        assert str(bad) not in str(err.value) or bad == ""


def test_key_from_environment(key: str, tmp_path: Path) -> None:
    raw = base64.urlsafe_b64decode(key)
    assert load_key(environ={KEY_ENV: key}) == raw
    key_file = tmp_path / "vault.key"
    key_file.write_text(key + "\n")
    key_file.chmod(0o600)
    assert load_key(environ={KEY_FILE_ENV: str(key_file)}) == raw
    assert load_key(key_file=key_file, environ={}) == raw
    with pytest.raises(VaultError, match=KEY_ENV):
        load_key(environ={})


def test_key_file_readable_by_others_is_refused(key: str, tmp_path: Path) -> None:
    key_file = tmp_path / "vault.key"
    key_file.write_text(key)
    key_file.chmod(0o644)
    with pytest.raises(VaultError, match="chmod 600") as err:
        load_key(key_file=key_file)
    assert key not in str(err.value)


def test_generated_keys_differ() -> None:
    keys = {generate_vault_key() for _ in range(20)}
    assert len(keys) == 20
    assert all(len(base64.urlsafe_b64decode(k)) == 32 for k in keys)


# --- the file --------------------------------------------------------------------------


def test_round_trip_mode_and_no_plaintext(key: str, path: Path) -> None:
    vault = Vault(path, key=key)
    with vault.transaction() as ledger:
        fill(ledger)
    again = Vault(path, key=key).read()
    assert again.placeholders == ledger.placeholders
    assert again.wordings == ledger.wordings
    assert again.book == ledger.book
    assert again.revision == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.with_name(path.name + ".lock").stat().st_mode) == 0o600
    blob = all_bytes(path.parent)
    for canary in CANARIES:
        for form in variants(canary):
            assert form not in blob
    for label in [b"PERSON", b"PHONE", b"placeholders", b"wordings"]:
        assert label not in blob  # not even the structure is plaintext
    assert sorted(p.name for p in path.parent.iterdir()) == ["session.vault", "session.vault.lock"]


def test_size_is_padded(key: str, path: Path) -> None:
    vault = Vault(path, key=key)
    with vault.transaction():
        pass
    small = path.stat().st_size
    with vault.transaction() as ledger:
        fill(ledger)
    assert path.stat().st_size == small  # a few entries do not show in the size


def test_wrong_key_is_an_error_not_an_empty_vault(key: str, path: Path) -> None:
    with Vault(path, key=key).transaction() as ledger:
        fill(ledger)
    before = path.read_bytes()
    other = Vault(path, key=generate_vault_key())
    with pytest.raises(VaultError, match="wrong vault key"):
        other.read()
    with pytest.raises(VaultError, match="wrong vault key"), other.transaction():
        pass
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda b: b[:-1], "damaged"),
        (lambda b: b[:40], "truncated"),
        (lambda b: b"", "truncated"),
        (lambda b: b"x" * len(b), "not a phimin vault"),
        (lambda b: b[:8] + b"\x02" + b[9:], "unsupported vault format 2"),
        (lambda b: b[:-20] + bytes([b[-20] ^ 1]) + b[-19:], "damaged"),  # ciphertext
        (lambda b: b[:50] + bytes([b[50] ^ 1]) + b[51:], "damaged"),  # salt (AAD)
        (lambda b: b[:10] + bytes([b[10] ^ 1]) + b[11:], "wrong vault key"),  # vault id
    ],
)
def test_damage_is_a_clear_error(
    key: str, path: Path, damage: Callable[[bytes], bytes], message: str
) -> None:
    with Vault(path, key=key).transaction() as ledger:
        fill(ledger)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(VaultError, match=message) as err:
        Vault(path, key=key).read()
    assert err.value.__cause__ is None  # no chained decoder error to print
    assert err.value.__context__ is None or err.value.__suppress_context__
    for canary in CANARIES:
        assert canary not in str(err.value)


def test_ciphertext_is_bound_to_its_header(key: str, tmp_path: Path) -> None:
    a, b = tmp_path / "a.vault", tmp_path / "b.vault"
    for p in (a, b):
        with Vault(p, key=key).transaction() as ledger:
            fill(ledger)
    spliced = a.read_bytes()[:69] + b.read_bytes()[69:]  # a's header, b's ciphertext
    a.write_bytes(spliced)
    with pytest.raises(VaultError, match="damaged"):
        Vault(a, key=key).read()


def test_missing_vault(key: str, path: Path) -> None:
    assert Vault(path, key=key).read().placeholders == {}  # create=True: a new, empty vault
    with pytest.raises(VaultError, match="does not exist"):
        Vault(path, key=key, create=False).read()
    assert not path.exists()


def test_failed_transaction_writes_nothing(key: str, path: Path) -> None:
    vault = Vault(path, key=key)
    with vault.transaction() as ledger:
        fill(ledger)
    before = path.read_bytes()

    def fail() -> None:
        with vault.transaction() as ledger:
            ledger.record_placeholder("[PERSON_2]", "PERSON", "Other Person")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        fail()
    assert path.read_bytes() == before
    assert "[PERSON_2]" not in vault.read().placeholders
    assert sorted(p.name for p in path.parent.iterdir()) == ["session.vault", "session.vault.lock"]


def test_nested_transaction_is_refused_not_deadlocked(key: str, path: Path) -> None:
    vault = Vault(path, key=key)
    with (
        vault.transaction(),
        pytest.raises(VaultError, match="already open"),
        Vault(path, key=key).transaction(),
    ):
        pass


def test_unwritable_directory_is_a_vault_error(key: str, tmp_path: Path) -> None:
    vault = Vault(tmp_path / "missing-dir" / "s.vault", key=key)
    with pytest.raises(VaultError, match="cannot"), vault.transaction():
        pass


# --- concurrency -----------------------------------------------------------------------


@pytest.fixture
def fast_path(path: Path) -> Iterator[Path]:
    """A vault on tmpfs where there is one: these tests are about locking, not fsync."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield path
        return
    with tempfile.TemporaryDirectory(dir=shm) as d:
        yield Path(d) / "session.vault"


def test_threads_lose_no_entries(key: str, fast_path: Path) -> None:
    path = fast_path
    threads, per_thread = 8, 50
    errors: list[BaseException] = []

    def work(t: int) -> None:
        vault = Vault(path, key=key)  # each writer has its own handle, as separate users would
        try:
            for i in range(per_thread):
                with vault.transaction() as ledger:
                    ledger.record_placeholder(f"[PERSON_{t * 1000 + i}]", "PERSON", f"name {t} {i}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    pool = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for th in pool:
        th.start()
    for th in pool:
        th.join()
    assert errors == []
    final = Vault(path, key=key).read()
    assert len(final.placeholders) == threads * per_thread
    assert final.revision == threads * per_thread
    assert final.placeholders["[PERSON_7049]"].original == "name 7 49"


WRITER = textwrap.dedent(
    """
    import sys
    from phimin._vault import Vault
    path, key, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    vault = Vault(path, key=key)
    print("ready", flush=True)
    sys.stdin.readline()  # start together with the other writers
    for i in range(count):
        with vault.transaction() as ledger:
            ledger.record_placeholder(f"[PERSON_{tag * 1000 + i}]", "PERSON", f"proc {tag} {i}")
    """
)


@pytest.mark.slow
def test_two_processes_lose_no_entries(key: str, fast_path: Path) -> None:
    path, count = fast_path, 200
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), key, str(tag), str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, KEY_ENV: ""},
        )
        for tag in (1, 2)
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == b"ready\n"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write(b"go\n")
        proc.stdin.flush()
    vault = Vault(path, key=key)
    for i in range(count):  # and this process writes at the same time
        with vault.transaction() as ledger:
            ledger.record_placeholder(f"[PERSON_{i}]", "PERSON", f"proc 0 {i}")
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()[-2000:]
    final = vault.read()
    assert len(final.placeholders) == 3 * count
    assert final.revision == 3 * count
    assert final.placeholders["[PERSON_1000]"].original == "proc 1 0"
    assert final.placeholders["[PERSON_2199]"].original == "proc 2 199"
